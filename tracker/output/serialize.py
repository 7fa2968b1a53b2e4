"""Records as plain data: the stable fields of the JSON output, the CSV and the exports.

Every machine format is built from these dictionaries, so JSON, CSV and
Markdown carry the same fields.  Texts are ``{"en": …, "zh": …}`` objects
(``null`` where a language is missing); dates are ISO strings as precise as
they are known (``2022-12``); unknown values are ``null``.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..data.model import Dataset, Document, PartialDate, Participant, Round, Text
from ..data.summary import (
    FIELDS,
    RoundSummary,
    named_person,
    person_plain,
    precision,
    summarize,
    summary_text,
    to_plain,
    topic_plain,
    topic_summary,
)
from ..rules import display_name, pick
from ..safe import json_text


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


def text(t: Text | None) -> dict | None:
    return {"en": t.en, "zh": t.zh} if t else None


def person_name(ds: Dataset, p: Participant) -> Text | None:
    return display_name(ds.people, p)


def person_object(ds: Dataset, p: Participant) -> dict:
    return person_plain(named_person(ds, p))


def topic_object(ds: Dataset, t) -> dict:
    return topic_plain(topic_summary(ds, t))


def weak_sources(r) -> int:
    return sum(1 for s in r.sources if s.weak)


ROUND_FIELDS = tuple(f for name in FIELDS for f in ((name, "date_precision") if name == "date" else (name,)))


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
        "date_precision": precision(d.date),
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
        "date_precision": precision(ev.date),
        "text": text(ev.text),
        "record": ev.record,
        "sources": [{"publisher": text(s.publisher), "url": s.url, "weak": s.weak} for s in ev.sources],
    }


def record_text(ds: Dataset, record) -> str:
    """The JSON text of a round summary or a document, as the listings give them."""
    if isinstance(record, RoundSummary):
        return summary_text(record)
    return json_text(document_object(ds, record))


def plain_of(text: str) -> dict:
    """Plain data from the JSON text of a listing item, for CSV, Markdown and TimelineJS."""
    import json

    return json.loads(text)


def commitment_tally(c) -> dict:
    """A's commitments counted by their status as of B's date, as ``commitments`` names them."""
    from ..query import tally

    return {"as_of": str(c.b.date) if c.b.date else None, "total": len(c.commitments), **tally(c.commitments)}


# ---------------------------------------------------------------- flat rows (CSV, Markdown)


def flat(obj: dict, lang: str) -> dict:
    """One level of text for CSV and Markdown: texts in ``lang``, lists joined by '; '."""
    out = {}
    for key, value in obj.items():
        out[key] = _flat_value(value, lang)
    return out


# The timeline as CSV: every scalar field of its round, document and follow-up objects, lists
# joined with "; ". A document's ``round`` (a round ID) is the column ``round_id``, so that
# ``round`` holds only round numbers; a follow-up's sources are counted in ``sources`` and
# their addresses given in ``source_urls``.
TIMELINE_COLUMNS = [
    "date", "date_precision", "end_date", "kind", "id", "event", "dialogue", "dialogue_name", "partner", "round",
    "round_id", "name", "document_kind", "title", "in_force", "format", "venue", "leads", "topics", "documents",
    "signatories", "text", "record", "sources", "weak_sources", "source_urls", "disputed", "unverified", "last_verified",
]


def timeline_row(obj: dict, lang: str) -> dict:
    """One timeline entry (its JSON object) as a row of the timeline CSV."""
    obj = dict(obj)
    if obj["kind"] == "document":
        obj["round_id"] = obj.pop("round")
    elif obj["kind"] == "follow-up":
        sources = obj["sources"]
        obj["sources"] = len(sources)
        obj["weak_sources"] = sum(1 for s in sources if s["weak"])
        obj["source_urls"] = [s["url"] for s in sources if s["url"]]
    return flat(obj, lang)


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
