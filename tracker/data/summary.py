"""What the listings show of a round, as typed records, and what the cache keeps of each round.

A ``RoundSummary`` is a round as ``list``, ``timeline`` and ``search`` show it: its dates, place,
leads and topics with the names of people and topics resolved. It is made from a checked ``Round``
once, when the round's file (or a name it shows) changes, and kept in the cache as the JSON text of
its plain form (``to_plain``), the one JSON shape of a round in every listing. A summary read back
from the cache is decoded only when a field is first read: a JSON listing of 10,000 rounds writes
the kept texts without building 10,000 records, and a table decodes the rows it shows.

This module is part of the data layer: it imports the model, the shared rules and the search index.
"""

from __future__ import annotations

from typing import Optional

from .model import Dataset, PartialDate, Participant, Round, Text, record
from ..rules import date_key, dialogue_short, display_name
from ..safe import json_text


@record(kw_only=False)
class NamedPerson:
    """A participant with the name the output shows (the person's, else the organisation's)."""

    person: Optional[str]
    name: Optional[Text]
    side: str
    role: Optional[str]
    title: Optional[Text]
    organisation: Optional[Text]


@record(kw_only=False)
class TopicSummary:
    """A topic as a round discussed it: the taxonomy's ID, name and theme, the round's own label,
    whether it was a headline topic, and how many outcomes it had."""

    id: str
    name: Text
    theme: str
    label: Optional[Text]
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
    event: Optional[str]
    dialogue: str
    dialogue_name: Text
    round: Optional[int]
    name: Optional[Text]
    date: Optional[PartialDate]
    end_date: Optional[PartialDate]
    partner: str
    format: Optional[str]
    venue: tuple  # of Text
    leads: tuple  # of NamedPerson
    topics: tuple  # of TopicSummary
    documents: tuple  # of document IDs
    sources: int
    weak_sources: int
    disputed: tuple  # of field names
    unverified: tuple  # of field names
    last_verified: PartialDate
    topic_match: Optional[str] = None


@record(kw_only=False)
class Evidence:
    """Something that follows up a promise: a follow-up event, a document or a later outcome."""

    kind: str  # follow-up | document | outcome
    id: str
    date: Optional[PartialDate]
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


def filter_key(dialogue, partner, date: Optional[PartialDate], end: Optional[PartialDate], topics) -> tuple:
    """What the filters look at: dialogue, partner, first and last possible day (ordinals), topic IDs."""
    first = date.first_day().toordinal() if date else None
    last = (end or date).last_day().toordinal() if date else None
    return (dialogue, partner, first, last, tuple(topics))


def sort_key(date: Optional[PartialDate], dialogue: str, number: Optional[int], ident: str) -> str:
    """A string that sorts rounds as ``rules.round_order`` does: by date (unknown last), then dialogue, number and ID."""
    return f"{date_key(date)}|{dialogue}|{number or 0:09d}|{ident}"


# ---------------------------------------------------------------- the plain (JSON) form


def _text(t: Optional[Text]) -> Optional[dict]:
    return {"en": t.en, "zh": t.zh} if t else None


def _date(d: Optional[PartialDate]) -> Optional[str]:
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


FIELDS = tuple(f for f in RoundSummary.__slots__ if f != "topic_match")


def _from_text(d: Optional[dict]) -> Optional[Text]:
    return Text(d["en"], d["zh"]) if d else None


def _from_date(s: Optional[str]) -> Optional[PartialDate]:
    return PartialDate.parse(s) if s else None


def from_plain(o: dict) -> RoundSummary:
    """The summary of a round object (the inverse of ``to_plain``)."""
    return RoundSummary(
        o["id"], o["kind"], o["event"], o["dialogue"], _from_text(o["dialogue_name"]), o["round"], _from_text(o["name"]),
        _from_date(o["date"]), _from_date(o["end_date"]), o["partner"], o["format"],
        tuple(_from_text(v) for v in o["venue"]),
        tuple(NamedPerson(p["person"], _from_text(p["name"]), p["side"], p["role"], _from_text(p["title"]), _from_text(p["organisation"]))
              for p in o["leads"]),
        tuple(TopicSummary(t["id"], _from_text(t["name"]), t["theme"], _from_text(t["label"]), t["headline"], t["outcomes"])
              for t in o["topics"]),
        tuple(o["documents"]), o["sources"], o["weak_sources"], tuple(o["disputed"]), tuple(o["unverified"]),
        PartialDate.parse(o["last_verified"]), o.get("topic_match"),
    )


class StoredSummary(RoundSummary):
    """A summary read back from the cache: it holds the JSON text it was kept as, and decodes it
    when a field is first read. It is equal to the summary it was made from, field by field."""

    __slots__ = ("_text",)

    def __getattr__(self, name: str):
        # Python calls this only for a slot not yet filled: decode every field at once.
        if name.startswith("_") or name not in FIELDS:
            raise AttributeError(name)
        import json

        plain = from_plain(json.loads(object.__getattribute__(self, "_text")))
        for field in FIELDS:
            object.__setattr__(self, field, getattr(plain, field))
        return object.__getattribute__(self, name)

    def __repr__(self) -> str:
        return "RoundSummary(" + ", ".join(f"{n}={getattr(self, n)!r}" for n in RoundSummary.__slots__) + ")"

    def __eq__(self, other):
        if isinstance(other, RoundSummary):
            return all(getattr(self, n) == getattr(other, n) for n in RoundSummary.__slots__)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(getattr(self, n) for n in RoundSummary.__slots__))

    def __reduce__(self):
        return (from_plain, (to_plain(self),))


def stored(text: str, topic_match: Optional[str] = None) -> StoredSummary:
    """The summary kept in the cache as ``text`` (made by ``summary_text``), not yet decoded."""
    s = object.__new__(StoredSummary)
    object.__setattr__(s, "_text", text)
    object.__setattr__(s, "topic_match", topic_match)
    return s


def kept_text(s: RoundSummary) -> Optional[str]:
    """The JSON text a summary from the cache was kept as (without its ``topic_match``), else None."""
    return getattr(s, "_text", None) if type(s) is StoredSummary else None


def summary_text(s: RoundSummary) -> str:
    """The JSON text of a summary (``to_plain``, encoded by ``safe.json_text``): kept as such by the
    cache, and written as such by ``--format json``, without decoding what the cache kept."""
    kept = kept_text(s)
    if kept is None:
        return json_text(to_plain(s))
    if s.topic_match is None:
        return kept
    return kept[:-1] + ', "topic_match": ' + json_text(s.topic_match) + "}"


# ---------------------------------------------------------------- what the cache keeps of a round


def entry(ds: Dataset, r: Round) -> tuple:
    """(sort key, filter key, summary text, follow-ups, searchable text, folded text) of round ``r``.

    ``follow-ups`` is a tuple of ``Evidence``, or None for a round without any.
    """
    from . import index

    s = summarize(ds, r)
    follow_ups = tuple(follow_up_evidence(r, f) for f in r.follow_ups) or None
    filt = filter_key(r.dialogue, s.partner, r.date, r.end_date, (t.topic for t in r.topics))
    entries = index.search_entries(ds, r)
    return (sort_key(r.date, r.dialogue, r.round, r.id), filt, summary_text(s), follow_ups,
            index.blob(entries), index.folded_blob(entries))
