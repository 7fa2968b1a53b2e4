"""The tracker as a library: load a data folder, ask it questions, get typed records back.

Every function here returns frozen dataclasses from ``tracker.model`` (``Round``,
``Document``, ``Outcome`` …) or the small result records defined below, never JSON
text or loose dictionaries. The command line calls these same functions for
``show``, ``compare``, ``topics`` and ``commitments``. Filters are keyword
arguments that take what the command line takes: IDs or names in either language,
and dates as ``datetime.date`` or text (``2021``, ``2021-11``, ``民國110年``).

Errors: ``DataError`` (the folder has errors; ``.problems`` lists every one) and
``InputError`` (an unknown round, partner, topic, status or an unreadable date).
"""

from __future__ import annotations

import datetime as _dt
from typing import Iterable, Optional, Union

from . import query as _q
from .errors import InputError
from .model import Dataset, Document, PartialDate, Round, RoundTopic, record
from .query import CommitmentRow, Comparison, Evidence, Pair

__all__ = [
    "load", "get_round", "list_rounds", "timeline", "compare", "search", "commitments", "topic_history",
    "TimelineEntry", "Hit", "SearchResult", "TopicMention", "Comparison", "Pair", "CommitmentRow", "Evidence",
    "COMMITMENT_STATUSES",
]

DateLike = Union[str, _dt.date, None]
COMMITMENT_STATUSES = ("announced", "in-progress", "delivered", "lapsed", "unknown")


def load(data_dir: Optional[str] = None, *, today: Optional[_dt.date] = None, cache: bool = True) -> Dataset:
    """Read and check a data folder (by default the data shipped with the tracker).

    ``today`` is the date the checks compare with (a ``last_verified`` in the future
    is an error); ``cache=False`` reads every file again instead of using the
    cache folder the command line shares. Raises ``DataError`` carrying every problem.
    """
    from .env import cache_dir, default_data_dir
    from .load import load as _load
    from .store import open_backend

    root = str(data_dir) if data_dir is not None else default_data_dir()
    return _load(root, today or _dt.date.today(), open_backend(cache_dir() if cache else None, root)).dataset


def _filters(ds: Dataset, dialogue=None, partner=None, since: DateLike = None, until: DateLike = None, topic=None) -> _q.Filters:
    dates = {}
    for name, value in (("since", since), ("until", until)):
        if isinstance(value, _dt.date):
            dates[name] = value
    f = _q.make_filters(
        ds, dialogue, partner,
        None if "since" in dates else since, None if "until" in dates else until, topic,
    )
    if dates:
        from dataclasses import replace

        f = replace(f, **dates)
        if f.since and f.until and f.until < f.since:
            raise InputError(f"until {f.until} is before since {f.since}")
    return f


def get_round(ds: Dataset, ref: str, dialogue: Optional[str] = None) -> Round:
    """A round from ``6`` (of ``dialogue``, EPPD by default), ``eppd:6``, ``eppd-6``, ``eppd:latest`` or a meeting's ID."""
    return _q.resolve_round(ds, ref, _q.resolve_dialogue(ds, dialogue) if dialogue else None)


def _round(ds: Dataset, r: Union[Round, str], dialogue: Optional[str]) -> Round:
    return r if isinstance(r, Round) else get_round(ds, r, dialogue)


def list_rounds(ds: Dataset, *, dialogue=None, partner=None, since: DateLike = None, until: DateLike = None, topic=None) -> list[Round]:
    """Rounds and meetings that pass the filters, in date order (unknown dates last)."""
    return _q.filter_rounds(ds, _filters(ds, dialogue, partner, since, until, topic))


def compare(ds: Dataset, a: Union[Round, str], b: Union[Round, str], *, all_topics: bool = False, dialogue=None) -> Comparison:
    """What changed from round ``a`` to round ``b`` (records or references such as ``"eppd:1"``)."""
    return _q.compare(ds, _round(ds, a, dialogue), _round(ds, b, dialogue), all_topics)


def commitments(ds: Dataset, *, dialogue=None, partner=None, since: DateLike = None, until: DateLike = None,
                status: Optional[str] = None, today: Optional[_dt.date] = None) -> list[CommitmentRow]:
    """Each promise made at a round that passes the filters, with its status, age on ``today`` and evidence."""
    if status is not None and status not in COMMITMENT_STATUSES:
        raise InputError(f"unknown status {status!r} (use {', '.join(COMMITMENT_STATUSES)})")
    f = _filters(ds, dialogue, partner, since, until)
    return _q.commitments(ds, f, status, today or _dt.date.today())


@record(kw_only=False)
class TopicMention:
    """A round that discussed a topic: tagged with it (``topic`` is what the round said of it), or
    naming it only in the outcomes of other topics (``topic`` is None, ``outcomes`` those outcomes)."""

    round: Round
    topic: Optional[RoundTopic]
    outcomes: tuple = ()
    match: str = "tagged"  # tagged | outcomes


def topic_history(ds: Dataset, topic: Union[str, Iterable[str]]) -> list[TopicMention]:
    """Every round that discussed ``topic`` (an ID, name or alias, or a theme: every topic under it), in date order."""
    ids = _q.resolve_topics(ds, topic) if isinstance(topic, str) else frozenset(topic)
    names = _q.topic_matcher(ds, ids)
    out = []
    for r in ds.rounds.values():
        tagged = [TopicMention(r, t, t.outcomes) for t in r.topics if t.topic in ids]
        if tagged:
            out += tagged
            continue
        said = tuple(o for t in r.topics for o in t.outcomes if names(o.text.en or "") or names(o.text.zh or ""))
        if said:
            out.append(TopicMention(r, None, said, "outcomes"))
    return out


@record(kw_only=False)
class TimelineEntry:
    """One line of the timeline: a round, meeting or milestone, a document, or a follow-up event."""

    date: Optional[PartialDate]
    kind: str  # round | meeting | milestone | document | follow-up
    record: Union[Round, Document, Evidence]


def timeline(ds: Dataset, *, dialogue=None, partner=None, since: DateLike = None, until: DateLike = None, topic=None,
             follow_ups: bool = False) -> list[TimelineEntry]:
    """Rounds, meetings, milestones and documents (and follow-up events) in date order, unknown dates last.

    On the same day a round comes before a document, and a document before a follow-up.
    """
    from .rules import date_key

    f = _filters(ds, dialogue, partner, since, until, topic)
    items = [((date_key(r.date), 0), TimelineEntry(r.date, r.kind, r)) for r in _q.filter_rounds(ds, f)]
    items += [((date_key(d.date), 2, d.id), TimelineEntry(d.date, "document", d)) for d in _q.filter_documents(ds, f)]
    if follow_ups:
        for r in ds.rounds.values():
            partner_id = ds.dialogues[r.dialogue].partner
            topics = [t.topic for t in r.topics]
            for fu in r.follow_ups:
                if _q.keep_key(f, _q.filter_key(r.dialogue, partner_id, fu.date, None, topics)):
                    ev = _q.follow_up_evidence(r, fu)
                    items.append(((date_key(fu.date), 3, ev.id), TimelineEntry(fu.date, "follow-up", ev)))
    items.sort(key=lambda item: item[0])  # stable: rounds keep their order within a day
    return [entry for _, entry in items]


@record(kw_only=False)
class Hit:
    """Where in a record the search text was found (``topics[0].outcomes[1].text.en``) and that text."""

    where: str
    text: str


@record(kw_only=False)
class SearchResult:
    record: Union[Round, Document]
    hits: tuple[Hit, ...]


def search(ds: Dataset, text: str, *, dialogue=None, partner=None, since: DateLike = None, until: DateLike = None) -> list[SearchResult]:
    """Rounds, then documents, whose names, topics, outcomes, notes or participants hold ``text`` (any case, either language)."""
    from . import index

    needle = index.search_fold(text)
    if not needle:
        raise InputError("empty search text")
    f = _filters(ds, dialogue, partner, since, until)
    out = []
    for r in _q.filter_rounds(ds, f):
        hits = [Hit(p, t) for p, t in index.search_entries(ds, r) if needle in index.search_fold(t)]
        if hits:
            out.append(SearchResult(r, tuple(hits)))
    for d in _q.filter_documents(ds, f):
        hits = [Hit(p, t) for p, t in index.texts(d) if needle in index.search_fold(t)]
        if hits:
            out.append(SearchResult(d, tuple(hits)))
    return out

