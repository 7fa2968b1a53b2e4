"""What the listings show of a round, as typed records.

A ``RoundSummary`` is a round as ``list``, ``timeline`` and ``search`` show it: its dates, place,
leads and topics with the names of people and topics resolved, made from a checked ``Round``. Its
plain form (``to_plain``) is the one JSON shape of a round in every listing.

This module is part of the data layer: it imports the model and the shared rules.
"""

from __future__ import annotations

from dataclasses import fields

from ..rules import dialogue_short, display_name
from ..safe import json_text
from .model import Dataset, PartialDate, Participant, Round, Text, record


@record(kw_only=False)
class NamedPerson:
    """A participant with the name the output shows (the person's, else the organisation's)."""

    person: str | None
    name: Text | None
    side: str
    role: str | None
    title: Text | None
    organisation: Text | None


@record(kw_only=False)
class TopicSummary:
    """A topic as a round discussed it: the taxonomy's ID, name and theme, the round's own label,
    whether it was a headline topic, and how many outcomes it had."""

    id: str
    name: Text
    theme: str
    label: Text | None
    headline: bool
    outcomes: int


@record(kw_only=False)
class RoundSummary:
    """A round, meeting or milestone as the listings show it (the round object of the JSON output).

    ``sources`` and ``weak_sources`` are counts; ``disputed`` and ``unverified`` name the facts that
    are. ``topic_match`` is set by ``list --topic``: ``tagged``, or ``outcomes`` for a round whose
    outcomes name the topic without its tag.
    """

    id: str
    kind: str
    event: str | None
    dialogue: str
    dialogue_name: Text
    round: int | None
    name: Text | None
    date: PartialDate | None
    end_date: PartialDate | None
    partner: str
    format: str | None
    venue: tuple[Text, ...]
    leads: tuple[NamedPerson, ...]
    topics: tuple[TopicSummary, ...]
    documents: tuple[str, ...]  # IDs
    sources: int
    weak_sources: int
    disputed: tuple[str, ...]  # field names
    unverified: tuple[str, ...]  # field names
    last_verified: PartialDate
    topic_match: str | None = None


@record(kw_only=False)
class Evidence:
    """Something that follows up a promise: a follow-up event, a document or a later outcome."""

    kind: str  # follow-up | document | outcome
    id: str
    date: PartialDate | None
    text: Text
    record: str  # the round or document it is recorded in
    sources: tuple  # Source objects


def follow_up_evidence(r: Round, f) -> Evidence:
    srcs = {s.id: s for s in r.sources}
    return Evidence("follow-up", f"{r.id}/{f.id}", f.date, f.text, r.id, tuple(srcs[s] for s in f.sources))


def named_person(ds: Dataset, p: Participant) -> NamedPerson:
    return NamedPerson(p.person, display_name(ds.people, p), p.side, p.role, p.title, p.organisation)


def topic_summary(ds: Dataset, t) -> TopicSummary:
    """A round's topic (a ``RoundTopic``) with the taxonomy's name and theme."""
    topic = ds.topics[t.topic]
    return TopicSummary(topic.id, topic.name, topic.theme, t.label, t.headline, len(t.outcomes))


def summarize(ds: Dataset, r: Round) -> RoundSummary:
    """The summary of round ``r``, its names looked up in ``ds``."""
    dialogue = ds.dialogues[r.dialogue]
    return RoundSummary(
        r.id, r.kind, r.event, r.dialogue, dialogue_short(dialogue), r.round, r.name, r.date, r.end_date,
        dialogue.partner, r.format, tuple(r.venues), tuple(named_person(ds, p) for p in r.leads),
        tuple(topic_summary(ds, t) for t in r.topics),
        tuple(r.documents), len(r.sources), sum(1 for s in r.sources if s.weak),
        tuple(d.about for d in r.disputed), tuple(u.about for u in r.unverified), r.last_verified,
    )


def filter_key(dialogue, partner, date: PartialDate | None, end: PartialDate | None, topics) -> tuple:
    """What the filters look at: dialogue, partner, first and last possible day (ordinals), topic IDs."""
    first = date.first_day().toordinal() if date else None
    last = (end or date).last_day().toordinal() if date else None
    return (dialogue, partner, first, last, tuple(topics))


# ---------------------------------------------------------------- the plain (JSON) form


def _text(t: Text | None) -> dict | None:
    return {"en": t.en, "zh": t.zh} if t else None


def _date(d: PartialDate | None) -> str | None:
    return str(d) if d else None


def precision(d: PartialDate | None) -> str | None:
    """How precisely a date is known: ``day``, ``month`` or ``year`` (None for no date)."""
    return None if d is None else "day" if d.day else "month" if d.month else "year"


def person_plain(p: NamedPerson) -> dict:
    return {"person": p.person, "name": _text(p.name), "side": p.side, "role": p.role,
            "title": _text(p.title), "organisation": _text(p.organisation)}


def topic_plain(t: TopicSummary) -> dict:
    return {"id": t.id, "name": _text(t.name), "theme": t.theme, "label": _text(t.label),
            "headline": t.headline, "outcomes": t.outcomes}


def to_plain(s: RoundSummary) -> dict:
    """The round object of the JSON output; ``topic_match`` only when it is set."""
    out = {
        "id": s.id,
        "kind": s.kind,
        "event": s.event,
        "dialogue": s.dialogue,
        "dialogue_name": _text(s.dialogue_name),
        "round": s.round,
        "name": _text(s.name),
        "date": _date(s.date),
        "date_precision": precision(s.date),
        "end_date": _date(s.end_date),
        "partner": s.partner,
        "format": s.format,
        "venue": [_text(v) for v in s.venue],
        "leads": [person_plain(p) for p in s.leads],
        "topics": [topic_plain(t) for t in s.topics],
        "documents": list(s.documents),
        "sources": s.sources,
        "weak_sources": s.weak_sources,
        "disputed": list(s.disputed),
        "unverified": list(s.unverified),
        "last_verified": str(s.last_verified),
    }
    if s.topic_match is not None:
        out["topic_match"] = s.topic_match
    return out


FIELDS = tuple(f.name for f in fields(RoundSummary) if f.name != "topic_match")


def summary_text(s: RoundSummary) -> str:
    """The JSON text of a summary (``to_plain``, encoded by ``safe.json_text``), as ``--format json`` writes it."""
    return json_text(to_plain(s))
