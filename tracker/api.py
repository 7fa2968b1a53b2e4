"""The tracker as a library: load a data folder, ask it questions, get typed records back.

Every function here returns frozen dataclasses: the records of ``tracker.model``
(``Round``, ``Document``, ``Outcome`` …), the summaries the listings show
(``RoundSummary``) and the result records of ``tracker.query``, never JSON text or
loose dictionaries. The command line asks the same questions through the same
functions of ``tracker.query``. Filters are keyword
arguments that take what the command line takes: IDs or names in either language,
and dates as ``datetime.date`` or text (``2021``, ``2021-11``, ``民國110年``).

Errors: ``DataError`` (the folder has errors; ``.problems`` lists every one) and
``InputError`` (an unknown round, partner, topic, status or an unreadable date).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from . import query as _q
from .data.model import Dataset, Round
from .data.summary import Evidence, NamedPerson, RoundSummary, TopicSummary
from .errors import InputError
from .rules import COMMITMENT_STATUSES

if TYPE_CHECKING:  # a command that needs none of them (show) does not build their classes
    from .results import (
        CommitmentRow,
        Comparison,
        Hit,
        Pair,
        SearchResult,
        TimelineEntry,
        TopicMention,
    )

__all__ = [
    "COMMITMENT_STATUSES",
    "CommitmentRow",
    "Comparison",
    "Evidence",
    "Hit",
    "NamedPerson",
    "Pair",
    "RoundSummary",
    "SearchResult",
    "TimelineEntry",
    "TopicMention",
    "TopicSummary",
    "commitments",
    "compare",
    "get_round",
    "list_rounds",
    "load",
    "search",
    "timeline",
    "topic_history",
]

DateLike = str | _dt.date | None


def load(data_dir: str | None = None, *, today: _dt.date | None = None) -> Dataset:
    """Read and check a data folder (by default the data shipped with the tracker).

    ``today`` is the date the checks compare with (a ``last_verified`` in the future
    is an error). Raises ``DataError`` carrying every problem.
    """
    from .data.load import default_data_dir
    from .data.load import load as _load

    root = str(data_dir) if data_dir is not None else default_data_dir()
    return _load(root, today or _dt.date.today())


def _filters(ds: Dataset, dialogue=None, partner=None, since: DateLike = None, until: DateLike = None, topic=None) -> _q.Filters:
    return _q.make_filters(ds, dialogue, partner, since, until, topic)


def get_round(ds: Dataset, ref: str, dialogue: str | None = None) -> Round:
    """A round from ``6`` (of ``dialogue``, EPPD by default), ``eppd:6``, ``eppd-6``, ``eppd:latest`` or a meeting's ID."""
    return _q.resolve_round(ds, ref, _q.resolve_dialogue(ds, dialogue) if dialogue else None)


def _round(ds: Dataset, r: Round | str, dialogue: str | None) -> Round:
    return r if isinstance(r, Round) else get_round(ds, r, dialogue)


def list_rounds(ds: Dataset, *, dialogue=None, partner=None, since: DateLike = None, until: DateLike = None, topic=None) -> list[RoundSummary]:
    """Rounds, meetings and milestones that pass the filters, as summaries (what ``tracker list``
    shows) in date order, unknown dates last. ``get_round(ds, s.id)`` gives a round in full.

    With ``topic``, a round whose outcomes name the topic without its tag passes too; each
    summary's ``topic_match`` says which (``tagged`` or ``outcomes``)."""
    return list(_q.list_rounds(ds, _filters(ds, dialogue, partner, since, until, topic)))


def compare(ds: Dataset, a: Round | str, b: Round | str, *, all_topics: bool = False, dialogue=None) -> Comparison:
    """What changed from round ``a`` to round ``b`` (records or references such as ``"eppd:1"``)."""
    return _q.compare(ds, _round(ds, a, dialogue), _round(ds, b, dialogue), all_topics)


def commitments(ds: Dataset, *, dialogue=None, partner=None, since: DateLike = None, until: DateLike = None,
                status: str | None = None, today: _dt.date | None = None) -> list[CommitmentRow]:
    """Each promise made at a round that passes the filters, with its status, age on ``today`` and evidence."""
    if status is not None and status not in COMMITMENT_STATUSES:
        raise InputError(f"unknown status {status!r} (use {', '.join(COMMITMENT_STATUSES)})")
    f = _filters(ds, dialogue, partner, since, until)
    return _q.commitments(ds, f, status, today or _dt.date.today())


def topic_history(ds: Dataset, topic: str | Iterable[str]) -> list[TopicMention]:
    """Every round that discussed ``topic`` (an ID, name or alias, or a theme: every topic under it), in date order."""
    ids = _q.resolve_topics(ds, topic) if isinstance(topic, str) else frozenset(topic)
    return _q.topic_history(ds, ids)


def timeline(ds: Dataset, *, dialogue=None, partner=None, since: DateLike = None, until: DateLike = None, topic=None,
             follow_ups: bool = False) -> list[TimelineEntry]:
    """Rounds, meetings and milestones (their summaries), documents and, with ``follow_ups``, follow-up
    events, in date order, unknown dates last. On the same day a round comes before a document, and a
    document before a follow-up."""
    return list(_q.timeline(ds, _filters(ds, dialogue, partner, since, until, topic), follow_ups))


def search(ds: Dataset, text: str, *, dialogue=None, partner=None, since: DateLike = None, until: DateLike = None) -> list[SearchResult]:
    """Rounds (their summaries), then documents, whose names, topics, outcomes, notes or participants
    hold ``text`` (any case, either language), each with where it was found."""
    return list(_q.search(ds, text, _filters(ds, dialogue, partner, since, until)))


_RESULTS = ("CommitmentRow", "Comparison", "Hit", "Pair", "SearchResult", "TimelineEntry", "TopicMention")


def __getattr__(name: str):
    """``api.Comparison`` and the other result records, from ``results`` when first asked for."""
    if name in _RESULTS:
        from . import results

        return getattr(results, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
