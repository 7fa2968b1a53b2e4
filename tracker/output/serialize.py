"""Records as plain data: the stable fields of the JSON output, the CSV and the exports.

Every machine format is built from these dictionaries, so JSON, CSV and
Markdown carry the same fields.  Texts are ``{"en": …, "zh": …}`` objects
(``null`` where a language is missing); dates are ISO strings as precise as
they are known (``2022-12``); unknown values are ``null``.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Optional

from ..data.model import Dataset, Document, Participant, PartialDate, Round, Text
from ..rules import display_name, pick
from ..safe import json_text
from ..data.summary import FIELDS, RoundSummary, named_person, person_plain, summary_text, summarize, to_plain, topic_plain, topic_summary


def plain(obj: Any) -> Any:
    """Any model value as JSON-ready data (dataclasses walked field by field)."""
    if obj is None or isinstance(obj, (str, int, bool, float)):
        return obj
    if isinstance(obj, Text):
        return {"en": obj.en, "zh": obj.zh}
    if isinstance(obj, PartialDate):
        return str(obj)
    if isinstance(obj, (tuple, list)):
        return [plain(x) for x in obj]
    if isinstance(obj, dict):
        return {k: plain(v) for k, v in obj.items()}
    if dataclasses.is_dataclass(obj):
        return {f.name: plain(getattr(obj, f.name)) for f in dataclasses.fields(obj) if f.name != "path"}
    raise TypeError(type(obj))  # pragma: no cover


def text(t: Optional[Text]) -> Optional[dict]:
    return {"en": t.en, "zh": t.zh} if t else None


def person_name(ds: Dataset, p: Participant) -> Optional[Text]:
    return display_name(ds.people, p)


def person_object(ds: Dataset, p: Participant) -> dict:
    return person_plain(named_person(ds, p))


def topic_object(ds: Dataset, t) -> dict:
    return topic_plain(topic_summary(ds, t))


def weak_sources(r) -> int:
    return sum(1 for s in r.sources if s.weak)


ROUND_FIELDS = FIELDS


def round_object(ds: Dataset, r: Round) -> dict:
    """A round as it appears in list, timeline and search output."""
    return to_plain(summarize(ds, r))


def document_object(ds: Dataset, d: Document) -> dict:
    """A document as it appears in timeline and search output."""
    return {
        "id": d.id,
        "kind": "document",
        "document_kind": d.kind,
        "dialogue": d.dialogue,
        "partner": ds.partner_of(d),
        "title": text(d.title),
        "date": str(d.date) if d.date else None,
        "in_force": str(d.in_force) if d.in_force else None,
        "round": d.round,
        "signatories": [person_object(ds, p) for p in d.signatories],
        "sources": len(d.sources),
        "weak_sources": weak_sources(d),
        "last_verified": str(d.last_verified),
    }


def evidence_object(ev) -> dict:
    return {
        "kind": ev.kind,
        "id": ev.id,
        "date": str(ev.date) if ev.date else None,
        "text": text(ev.text),
        "record": ev.record,
        "sources": [{"publisher": text(s.publisher), "url": s.url, "weak": s.weak} for s in ev.sources],
    }


def follow_up_object(entry) -> dict:
    """A follow-up event on the timeline: its evidence, and the dialogue and partner of its round."""
    return {**evidence_object(entry.record), "dialogue": entry.dialogue, "partner": entry.partner}


def record_text(ds: Dataset, record) -> str:
    """The JSON text of a round summary or a document, as the listings give them. A summary read
    from the cache is written as the cache kept it (its fields are not read: that would decode it)."""
    if isinstance(record, RoundSummary):
        return summary_text(record)
    return json_text(document_object(ds, record))


def timeline_text(ds: Dataset, entry) -> str:
    """The JSON text of a ``TimelineEntry``: a round's summary, a document or a follow-up."""
    if isinstance(entry.record, (RoundSummary, Document)):
        return record_text(ds, entry.record)
    return json_text(follow_up_object(entry))


def search_text(ds: Dataset, result) -> str:
    """The JSON text of a ``SearchResult``: its record's, with its ``hits``."""
    hits = json_text([{"where": h.where, "text": h.text} for h in result.hits])
    return record_text(ds, result.record)[:-1] + ', "hits": ' + hits + "}"


def plain_of(text: str) -> dict:
    """Plain data from the JSON text of a listing item, for CSV, Markdown and TimelineJS."""
    import json

    return json.loads(text)


def full_round(ds: Dataset, r: Round) -> dict:
    """Everything about one round, for ``show``: the listing's fields, then every field of the
    data file in full (``sources``, ``disputed`` and ``unverified`` become the full lists), with
    names resolved, outcome IDs in full and, for commitments, their evidence."""
    from ..query import evidence_for

    out = round_object(ds, r)
    body = plain(r)
    for p_obj, p in zip(body["participants"], r.participants):
        p_obj["name"] = text(person_name(ds, p))
    body["topics"] = [{"id": t.topic, **t_obj} for t_obj, t in zip(body["topics"], r.topics)]
    for t_obj, t in zip(body["topics"], r.topics):
        t_obj["name"] = text(ds.topics[t.topic].name)
        t_obj["theme"] = ds.topics[t.topic].theme
        for o_obj, o in zip(t_obj["outcomes"], t.outcomes):
            o_obj["id"] = f"{r.id}/{o.id}"
            if o.commitment:
                o_obj["evidence"] = [evidence_object(e) for e in evidence_for(ds, o)]
    body["documents"] = [document_object(ds, ds.documents[d]) for d in r.documents]
    for key in ("date_note", "participants", "topics", "documents", "working_groups", "follow_ups",
                "notes", "disputed", "unverified", "sources"):
        out[key] = body[key]
    return out


def comparison_object(ds: Dataset, c) -> dict:
    def side(t):
        topic = topic_plain(topic_summary(ds, t))
        return {
            "id": topic["id"],
            "topic": t.topic,
            "name": topic["name"],
            "theme": topic["theme"],
            "label": topic["label"],
            "headline": topic["headline"],
            "outcomes": [{"id": f"{o.round}/{o.id}", "text": text(o.text)} for o in t.outcomes],
        }

    def pair(p):
        return {"theme": p.theme, "theme_name": text(ds.themes[p.theme].name), "a": side(p.a), "b": side(p.b)}

    def brief(r):
        o = round_object(ds, r)
        return {k: o[k] for k in ("id", "dialogue", "dialogue_name", "round", "name", "date", "partner", "format", "venue", "leads")}

    return {
        "a": brief(c.a),
        "b": brief(c.b),
        "summary": {"added": len(c.added), "dropped": len(c.dropped), "continued": len(c.continued), "evolved": len(c.evolved)},
        "added": [side(t) for t in c.added],
        "dropped": [side(t) for t in c.dropped],
        "continued": [pair(p) for p in c.continued],
        "evolved": [pair(p) for p in c.evolved],
        "delivered": [{"commitment": f"{o.round}/{o.id}", "text": text(o.text), "evidence": evidence_object(ev)} for o, ev in c.delivered],
        "commitments": commitment_tally(c),
    }


def commitment_tally(c) -> dict:
    """A's commitments counted by their status as of B's date, as ``commitments`` names them."""
    from ..query import tally

    return {"as_of": str(c.b.date) if c.b.date else None, "total": len(c.commitments), **tally(c.commitments)}


def commitment_object(ds: Dataset, row) -> dict:
    o = row.outcome
    return {
        "id": f"{o.round}/{o.id}",
        "round": row.round.id,
        "dialogue": row.round.dialogue,
        "partner": ds.dialogues[row.round.dialogue].partner,
        "date": str(row.round.date) if row.round.date else None,
        "topic": row.topic,
        "text": text(o.text),
        "status": row.status,
        "due": str(o.commitment.due) if o.commitment.due else None,
        "age_days": row.age_days,
        "note": text(o.commitment.note),
        "evidence": [evidence_object(e) for e in row.evidence],
    }


# ---------------------------------------------------------------- flat rows (CSV, Markdown)


def flat(obj: dict, lang: str) -> dict:
    """One level of text for CSV and Markdown: texts in ``lang``, lists joined by '; '."""
    out = {}
    for key, value in obj.items():
        out[key] = _flat_value(value, lang)
    return out


def _is_text(v) -> bool:
    return isinstance(v, dict) and set(v) == {"en", "zh"}


def _flat_value(value, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, str)):
        return str(value)
    if _is_text(value):
        return pick(value, lang)
    if isinstance(value, list):
        return "; ".join(s for s in (_flat_value(v, lang) for v in value) if s)
    if isinstance(value, dict):
        for key in ("name", "title", "text"):
            if key in value and _is_text(value[key]):
                return pick(value[key], lang)
        if "id" in value:
            return str(value["id"])
        return "; ".join(f"{k}={_flat_value(v, lang)}" for k, v in value.items())
    return str(value)  # pragma: no cover
