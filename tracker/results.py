"""The records the questions of ``query`` answer with, besides the data's own: comparisons,
commitment rows, timeline entries, search results, topic mentions.

They live apart from ``query`` so that a command that needs none of them (``tracker list``) does
not build their classes at start-up; ``query`` imports them when a question is asked.
"""

from __future__ import annotations

from .data.model import Document, Outcome, PartialDate, Round, RoundTopic, record
from .data.summary import Evidence, RoundSummary


@record(kw_only=False)
class Pair:
    """A topic of A and a topic of B that match: the same topic (continued), or one the taxonomy records as grown out of the other (evolved)."""

    a: RoundTopic
    b: RoundTopic
    theme: str


@record(kw_only=False)
class Comparison:
    """What changed from round A to round B."""

    a: Round
    b: Round
    added: tuple[RoundTopic, ...] = ()
    dropped: tuple[RoundTopic, ...] = ()
    continued: tuple[Pair, ...] = ()
    evolved: tuple[Pair, ...] = ()
    delivered: tuple[tuple[Outcome, Evidence], ...] = ()  # (a commitment of A delivered by B's date, its delivery)
    commitments: tuple[CommitmentRow, ...] = ()  # A's commitments, their status as of B's date (query.round_commitments)

    def summary(self) -> str:
        return f"+{len(self.added)} −{len(self.dropped)} ={len(self.continued)} ~{len(self.evolved)}"


@record(kw_only=False)
class CommitmentRow:
    outcome: Outcome
    round: Round
    topic: str
    status: str
    evidence: tuple
    age_days: int | None


@record(kw_only=False)
class TimelineEntry:
    """One line of the timeline: a round, meeting or milestone (its summary), a document, or a
    follow-up event (its ``Evidence``, with the dialogue and partner of the round that records it)."""

    record: RoundSummary | Document | Evidence
    dialogue: str | None = None  # of a follow-up (the others carry their own)
    partner: str | None = None  # of a follow-up

    @property
    def kind(self) -> str:
        """round, meeting or milestone; document; follow-up."""
        if isinstance(self.record, Document):
            return "document"
        if isinstance(self.record, Evidence):
            return "follow-up"
        return self.record.kind

    @property
    def date(self) -> PartialDate | None:
        return self.record.date


@record(kw_only=False)
class Hit:
    """Where in a record the search text was found (``topics[0].outcomes[1].text.en``) and that text."""

    where: str
    text: str


@record(kw_only=False)
class SearchResult:
    """A round (its summary) or a document, with every place the search text was found in it."""

    record: RoundSummary | Document
    hits: tuple  # of Hit


@record(kw_only=False)
class TopicMention:
    """A round that discussed a topic: tagged with it (``topic`` is what the round said of it), or
    naming it only in the outcomes of other topics (``topic`` is None, ``outcomes`` those outcomes)."""

    round: Round
    topic: RoundTopic | None
    outcomes: tuple = ()
    match: str = "tagged"  # tagged | outcomes
