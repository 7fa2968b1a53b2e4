"""`tracker draft`: from a press release or news report to a round file a curator only has to check.

Rule-based and deterministic. What the draft knows comes from the article and
from the data folder: the names and aliases of dialogues, people and topics,
the titles people held in earlier rounds, the venues and the existing rounds.
Every extracted fact is marked unverified and carries the sentence it came
from; what the article does not say is left out.

The modules: ``article`` (reading the file and its header), ``dates``, ``people``, ``topics``,
``drafter`` (the round record), ``writer`` (the YAML), ``text`` (how names are matched).
"""

from __future__ import annotations

from .article import Article, ArticleError, parse_article, read_article, sentences
from .drafter import Drafter, make_draft
from .records import Draft, Fact, Known, RoundInfo
from .writer import check_round_trip, to_yaml

__all__ = [
    "Article", "ArticleError", "Draft", "Drafter", "Fact", "Known", "RoundInfo",
    "check_round_trip", "make_draft", "parse_article", "read_article", "sentences", "to_yaml",
]
