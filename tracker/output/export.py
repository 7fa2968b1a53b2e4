"""Exports: the whole data set as SQLite (for Datasette), JSON, CSV; rounds as iCalendar;
the timeline as TimelineJS JSON.

The normalised tables are built once (``tables``) and written by every format,
so SQLite, JSON and CSV carry the same tables and columns. A list in a cell is
joined with ``SEP`` (``"; "``). A date is text, as precise as it is known
(``2022-12``), with a ``*_precision`` column (``day``, ``month`` or ``year``) beside it
wherever a reader would sort or filter by it, so that no reader invents a day.
"""

from __future__ import annotations

import datetime as _dt
import html
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..data.model import Dataset, PartialDate, Participant, Text
from ..rules import dialogue_short, display_name, pick, round_name

SEP = "; "  # between the items of a list in one cell

# table -> [(column, SQL type and constraints)]; the first column is the key unless KEYS says otherwise
SCHEMA: dict[str, list[tuple[str, str]]] = {
    "partners": [("id", "TEXT PRIMARY KEY"), ("name_en", "TEXT"), ("name_zh", "TEXT"), ("aliases", "TEXT")],
    "themes": [("id", "TEXT PRIMARY KEY"), ("name_en", "TEXT"), ("name_zh", "TEXT")],
    "topics": [("id", "TEXT PRIMARY KEY"), ("name_en", "TEXT"), ("name_zh", "TEXT"),
               ("theme_id", "TEXT REFERENCES themes(id)"), ("aliases", "TEXT")],
    "dialogues": [("id", "TEXT PRIMARY KEY"), ("name_en", "TEXT"), ("name_zh", "TEXT"), ("short_en", "TEXT"),
                  ("short_zh", "TEXT"), ("partner_id", "TEXT REFERENCES partners(id)"), ("kind", "TEXT"),
                  ("lead_agencies_taiwan_en", "TEXT"), ("lead_agencies_taiwan_zh", "TEXT"),
                  ("lead_agencies_partner_en", "TEXT"), ("lead_agencies_partner_zh", "TEXT"),
                  ("founding_documents", "TEXT"), ("summary_en", "TEXT"), ("summary_zh", "TEXT"), ("last_verified", "TEXT")],
    "rounds": [("id", "TEXT PRIMARY KEY"), ("dialogue_id", "TEXT REFERENCES dialogues(id)"), ("round", "INTEGER"),
               ("kind", "TEXT"), ("event", "TEXT"), ("label_en", "TEXT"), ("label_zh", "TEXT"),
               ("name_en", "TEXT"), ("name_zh", "TEXT"), ("date", "TEXT"), ("date_precision", "TEXT"),
               ("end_date", "TEXT"), ("year", "INTEGER"), ("date_note_en", "TEXT"), ("date_note_zh", "TEXT"),
               ("format", "TEXT"), ("venue_en", "TEXT"), ("venue_zh", "TEXT"),
               ("leads_en", "TEXT"), ("leads_zh", "TEXT"), ("disputed", "TEXT"), ("unverified", "TEXT"),
               ("sources", "INTEGER"), ("weak_sources", "INTEGER"), ("last_verified", "TEXT")],
    "people": [("id", "TEXT PRIMARY KEY"), ("name_en", "TEXT"), ("name_zh", "TEXT"), ("unverified", "INTEGER")],
    "participants": [("id", "INTEGER PRIMARY KEY"), ("round_id", "TEXT REFERENCES rounds(id)"),
                     ("document_id", "TEXT REFERENCES documents(id)"), ("person_id", "TEXT REFERENCES people(id)"),
                     ("name_en", "TEXT"), ("name_zh", "TEXT"), ("organisation_en", "TEXT"), ("organisation_zh", "TEXT"),
                     ("side", "TEXT"), ("role", "TEXT"), ("title_en", "TEXT"), ("title_zh", "TEXT"),
                     ("attendance", "TEXT"), ("unverified", "INTEGER")],
    "round_topics": [("round_id", "TEXT REFERENCES rounds(id)"), ("position", "INTEGER"),
                     ("topic_id", "TEXT REFERENCES topics(id)"), ("label_en", "TEXT"), ("label_zh", "TEXT"),
                     ("headline", "INTEGER"), ("unverified", "INTEGER")],
    "outcomes": [("id", "TEXT PRIMARY KEY"), ("round_id", "TEXT REFERENCES rounds(id)"),
                 ("topic_id", "TEXT REFERENCES topics(id)"), ("text_en", "TEXT"), ("text_zh", "TEXT"),
                 ("commitment_status", "TEXT"), ("commitment_due", "TEXT"), ("commitment_due_precision", "TEXT"),
                 ("commitment_note_en", "TEXT"), ("commitment_note_zh", "TEXT"),
                 ("follows_up", "TEXT"), ("note_en", "TEXT"), ("note_zh", "TEXT"), ("source_ids", "TEXT"),
                 ("unverified", "INTEGER")],
    "documents": [("id", "TEXT PRIMARY KEY"), ("dialogue_id", "TEXT REFERENCES dialogues(id)"),
                  ("partner_id", "TEXT REFERENCES partners(id)"), ("kind", "TEXT"),
                  ("title_en", "TEXT"), ("title_zh", "TEXT"), ("parties_en", "TEXT"), ("parties_zh", "TEXT"),
                  ("date", "TEXT"), ("date_precision", "TEXT"), ("in_force", "TEXT"),
                  ("round_id", "TEXT REFERENCES rounds(id)"), ("term_years", "INTEGER"),
                  ("extendable_years", "INTEGER"), ("renews", "TEXT REFERENCES documents(id)"), ("follows_up", "TEXT"),
                  ("summary_en", "TEXT"), ("summary_zh", "TEXT"), ("last_verified", "TEXT")],
    "follow_ups": [("id", "TEXT PRIMARY KEY"), ("round_id", "TEXT REFERENCES rounds(id)"),
                   ("date", "TEXT"), ("date_precision", "TEXT"), ("text_en", "TEXT"), ("text_zh", "TEXT"),
                   ("follows_up", "TEXT"), ("document_id", "TEXT REFERENCES documents(id)"),
                   ("source_ids", "TEXT"), ("source_urls", "TEXT"), ("unverified", "INTEGER")],
    "evidence": [("id", "INTEGER PRIMARY KEY"), ("outcome_id", "TEXT REFERENCES outcomes(id)"),
                 ("commitment_status", "TEXT"), ("kind", "TEXT"), ("evidence_id", "TEXT"),
                 ("date", "TEXT"), ("date_precision", "TEXT"), ("text_en", "TEXT"), ("text_zh", "TEXT"),
                 ("round_id", "TEXT REFERENCES rounds(id)"), ("document_id", "TEXT REFERENCES documents(id)"),
                 ("publishers_en", "TEXT"), ("publishers_zh", "TEXT"), ("source_urls", "TEXT"), ("sources", "INTEGER")],
    "working_groups": [("id", "INTEGER PRIMARY KEY"), ("round_id", "TEXT REFERENCES rounds(id)"),
                       ("position", "INTEGER"), ("name_en", "TEXT"), ("name_zh", "TEXT"), ("status", "TEXT"),
                       ("note_en", "TEXT"), ("note_zh", "TEXT"), ("source_ids", "TEXT"), ("unverified", "INTEGER")],
    "notes": [("id", "INTEGER PRIMARY KEY"), ("record_kind", "TEXT"), ("record_id", "TEXT"),
              ("round_id", "TEXT REFERENCES rounds(id)"), ("document_id", "TEXT REFERENCES documents(id)"),
              ("dialogue_id", "TEXT REFERENCES dialogues(id)"), ("position", "INTEGER"),
              ("text_en", "TEXT"), ("text_zh", "TEXT"), ("source_ids", "TEXT"), ("unverified", "INTEGER")],
    "disputes": [("id", "INTEGER PRIMARY KEY"), ("record_kind", "TEXT"), ("record_id", "TEXT"),
                 ("round_id", "TEXT REFERENCES rounds(id)"), ("document_id", "TEXT REFERENCES documents(id)"),
                 ("dialogue_id", "TEXT REFERENCES dialogues(id)"), ("about", "TEXT"), ("note_en", "TEXT"),
                 ("note_zh", "TEXT"), ("version", "INTEGER"), ("value_en", "TEXT"), ("value_zh", "TEXT"),
                 ("source_ids", "TEXT")],
    "sources": [("id", "INTEGER PRIMARY KEY"), ("record_kind", "TEXT"), ("record_id", "TEXT"), ("source_id", "TEXT"),
                ("round_id", "TEXT REFERENCES rounds(id)"), ("document_id", "TEXT REFERENCES documents(id)"),
                ("dialogue_id", "TEXT REFERENCES dialogues(id)"),
                ("publisher_en", "TEXT"), ("publisher_zh", "TEXT"), ("title_en", "TEXT"), ("title_zh", "TEXT"),
                ("url", "TEXT"), ("date", "TEXT"), ("date_precision", "TEXT"), ("language", "TEXT"), ("weak", "INTEGER")],
}
# tables whose key is more than one column
KEYS: dict[str, tuple[str, ...]] = {"round_topics": ("round_id", "position")}
INDEXES = [
    ("rounds", "dialogue_id"), ("rounds", "date"), ("dialogues", "partner_id"), ("topics", "theme_id"),
    ("participants", "round_id"), ("participants", "document_id"), ("participants", "person_id"),
    ("round_topics", "topic_id"), ("outcomes", "round_id"), ("outcomes", "topic_id"),
    ("documents", "dialogue_id"), ("documents", "partner_id"), ("documents", "round_id"),
    ("follow_ups", "round_id"), ("evidence", "outcome_id"), ("working_groups", "round_id"),
    ("notes", "round_id"), ("disputes", "round_id"),
    ("sources", "round_id"), ("sources", "document_id"), ("sources", "dialogue_id"),
]


def _en(t: Text | None) -> str | None:
    return t.en if t else None


def _zh(t: Text | None) -> str | None:
    return t.zh if t else None


def _d(d: PartialDate | None) -> str | None:
    return str(d) if d else None


def precision(d: PartialDate | None) -> str | None:
    """How precisely a date is known: ``day``, ``month`` or ``year`` (None for no date)."""
    if d is None:
        return None
    return "day" if d.day else "month" if d.month else "year"


def _join(items: Iterable[str | None]) -> str | None:
    kept = [i for i in items if i]
    return SEP.join(kept) if kept else None


def tables(ds: Dataset) -> dict[str, list[dict]]:
    """Every table of the export as rows (dicts with the columns of SCHEMA)."""
    return {name: list(rows(ds, name)) for name in SCHEMA}


def rows(ds: Dataset, name: str) -> Iterator[dict]:
    """The rows of one table of the export, with the columns of SCHEMA in its order, made one at a
    time (SQLite takes them as they come: no table is ever held whole)."""
    columns = [c for c, _ in SCHEMA[name]]
    for row in _ROWS[name](ds):
        yield {c: row[c] for c in columns}


def _partners(ds: Dataset) -> Iterator[dict]:
    for partner in ds.partners.values():
        yield {"id": partner.id, "name_en": partner.name.en, "name_zh": partner.name.zh, "aliases": _join(partner.aliases)}


def _themes(ds: Dataset) -> Iterator[dict]:
    for theme in ds.themes.values():
        yield {"id": theme.id, "name_en": theme.name.en, "name_zh": theme.name.zh}


def _topics(ds: Dataset) -> Iterator[dict]:
    for topic in ds.topics.values():
        yield {"id": topic.id, "name_en": topic.name.en, "name_zh": topic.name.zh, "theme_id": topic.theme,
               "aliases": _join(topic.aliases)}


def _people(ds: Dataset) -> Iterator[dict]:
    for person in ds.people.values():
        yield {"id": person.id, "name_en": person.name.en, "name_zh": person.name.zh, "unverified": int(person.unverified)}


def _participants(ds: Dataset) -> Iterator[dict]:
    """The participants of every round, then the signatories of every document, numbered from 1."""
    n = 0
    for r in ds.rounds.values():
        for p in r.participants:
            n += 1
            yield _person_row(ds, n, p, round_id=r.id)
    for doc in ds.documents.values():
        for p in doc.signatories:
            n += 1
            yield _person_row(ds, n, p, document_id=doc.id)


def _person_row(ds: Dataset, n: int, p: Participant, round_id=None, document_id=None) -> dict:
    """A participant of a round or a signatory of a document, numbered ``n``."""
    name = ds.people[p.person].name if p.person in ds.people else None
    return {
        "id": n, "round_id": round_id, "document_id": document_id, "person_id": p.person,
        "name_en": _en(name), "name_zh": _zh(name), "organisation_en": _en(p.organisation),
        "organisation_zh": _zh(p.organisation), "side": p.side, "role": p.role, "title_en": _en(p.title),
        "title_zh": _zh(p.title), "attendance": p.attendance, "unverified": int(p.unverified),
    }


def _with_facts(ds: Dataset) -> Iterator[tuple[dict, Any]]:
    """Every record that has notes, disputed facts and sources, dialogues first, then rounds, then
    documents, with the columns that say where each of its facts is."""
    for kind, records, key in (("dialogue", ds.dialogues, "dialogue_id"), ("round", ds.rounds, "round_id"),
                               ("document", ds.documents, "document_id")):
        for record in records.values():
            where = {"record_kind": kind, "record_id": record.id, "round_id": None, "document_id": None, "dialogue_id": None}
            where[key] = record.id
            yield where, record


def _notes(ds: Dataset) -> Iterator[dict]:
    n = 0
    for where, record in _with_facts(ds):
        for i, note in enumerate(record.notes, 1):
            n += 1
            yield {"id": n, **where, "position": i, "text_en": note.text.en, "text_zh": note.text.zh,
                   "source_ids": _join(note.sources), "unverified": int(note.unverified)}


def _disputes(ds: Dataset) -> Iterator[dict]:
    n = 0
    for where, record in _with_facts(ds):
        for d in record.disputed:
            for i, v in enumerate(d.versions, 1):
                n += 1
                yield {"id": n, **where, "about": d.about, "note_en": _en(d.note), "note_zh": _zh(d.note), "version": i,
                       "value_en": v.value.en, "value_zh": v.value.zh, "source_ids": _join(v.sources)}


def _sources(ds: Dataset) -> Iterator[dict]:
    n = 0
    for where, record in _with_facts(ds):
        for s in record.sources:
            n += 1
            yield {
                "id": n, **where, "source_id": s.id,
                "publisher_en": s.publisher.en, "publisher_zh": s.publisher.zh, "title_en": _en(s.title),
                "title_zh": _zh(s.title), "url": s.url, "date": _d(s.date), "date_precision": precision(s.date), "language": s.language, "weak": int(s.weak),
            }


def _dialogues(ds: Dataset) -> Iterator[dict]:
    for d in ds.dialogues.values():
        yield _dialogue_row(d)


def _dialogue_row(d) -> dict:
    agencies = d.lead_agencies
    return {
        "id": d.id, "name_en": d.name.en, "name_zh": d.name.zh, "short_en": _en(d.short), "short_zh": _zh(d.short),
        "partner_id": d.partner, "kind": d.kind,
        "lead_agencies_taiwan_en": _join(a.en for a in agencies.taiwan) if agencies else None,
        "lead_agencies_taiwan_zh": _join(a.zh for a in agencies.taiwan) if agencies else None,
        "lead_agencies_partner_en": _join(a.en for a in agencies.partner) if agencies else None,
        "lead_agencies_partner_zh": _join(a.zh for a in agencies.partner) if agencies else None,
        "founding_documents": _join(d.founding_documents),
        "summary_en": _en(d.summary), "summary_zh": _zh(d.summary), "last_verified": _d(d.last_verified),
    }


def round_label(ds: Dataset, r, lang: str) -> str:
    """A round as a reader names it: ``EPPD round 6``, ``EPPD 第6屆``, or a meeting's own name."""
    short = dialogue_short(ds.dialogues[r.dialogue]).get(lang)
    return f"{short} {round_name(r.round, lang, r.name, r.id)}"


def _rounds(ds: Dataset) -> Iterator[dict]:
    for r in ds.rounds.values():
        leads = [display_name(ds.people, p) for p in r.leads]
        yield {
            "id": r.id, "dialogue_id": r.dialogue, "round": r.round, "kind": r.kind, "event": r.event,
            "label_en": round_label(ds, r, "en"), "label_zh": round_label(ds, r, "zh"),
            "name_en": _en(r.name), "name_zh": _zh(r.name), "date": _d(r.date), "date_precision": precision(r.date),
            "end_date": _d(r.end_date), "year": r.date.year if r.date else None,
            "date_note_en": _en(r.date_note), "date_note_zh": _zh(r.date_note),
            "format": r.format, "venue_en": _join(v.en for v in r.venues), "venue_zh": _join(v.zh for v in r.venues),
            "leads_en": _join(_en(n) for n in leads), "leads_zh": _join(_zh(n) for n in leads),
            "disputed": _join(d.about for d in r.disputed), "unverified": _join(u.about for u in r.unverified),
            "sources": len(r.sources), "weak_sources": sum(s.weak for s in r.sources), "last_verified": _d(r.last_verified),
        }


def _round_topics(ds: Dataset) -> Iterator[dict]:
    for r in ds.rounds.values():
        for i, t in enumerate(r.topics, 1):
            yield {"round_id": r.id, "position": i, "topic_id": t.topic, "label_en": _en(t.label), "label_zh": _zh(t.label),
                   "headline": int(t.headline), "unverified": int(t.unverified)}


def _outcomes(ds: Dataset) -> Iterator[dict]:
    for r in ds.rounds.values():
        for t in r.topics:
            for o in t.outcomes:
                c = o.commitment
                yield {
                    "id": f"{r.id}/{o.id}", "round_id": r.id, "topic_id": t.topic, "text_en": o.text.en, "text_zh": o.text.zh,
                    "commitment_status": c.status if c else None, "commitment_due": _d(c.due) if c else None,
                    "commitment_due_precision": precision(c.due) if c else None,
                    "commitment_note_en": _en(c.note) if c else None, "commitment_note_zh": _zh(c.note) if c else None,
                    "follows_up": _join(o.follows_up), "note_en": _en(o.note), "note_zh": _zh(o.note),
                    "source_ids": _join(o.sources), "unverified": int(o.unverified),
                }


def _working_groups(ds: Dataset) -> Iterator[dict]:
    n = 0
    for r in ds.rounds.values():
        for i, w in enumerate(r.working_groups, 1):
            n += 1
            yield {"id": n, "round_id": r.id, "position": i, "name_en": w.name.en, "name_zh": w.name.zh, "status": w.status,
                   "note_en": _en(w.note), "note_zh": _zh(w.note), "source_ids": _join(w.sources), "unverified": int(w.unverified)}


def _follow_ups(ds: Dataset) -> Iterator[dict]:
    for r in ds.rounds.values():
        urls = {s.id: s.url for s in r.sources}
        for f in r.follow_ups:
            yield {
                "id": f"{r.id}/{f.id}", "round_id": r.id, "date": _d(f.date), "date_precision": precision(f.date),
                "text_en": f.text.en, "text_zh": f.text.zh, "follows_up": _join(f.follows_up), "document_id": f.document,
                "source_ids": _join(f.sources), "source_urls": _join(urls.get(s) for s in f.sources),
                "unverified": int(f.unverified),
            }


def _documents(ds: Dataset) -> Iterator[dict]:
    for d in ds.documents.values():
        yield _document_row(ds, d)


def _document_row(ds: Dataset, d) -> dict:
    return {
        "id": d.id, "dialogue_id": d.dialogue, "partner_id": ds.partner_of(d), "kind": d.kind,
        "title_en": d.title.en, "title_zh": d.title.zh,
        "parties_en": _join(p.en for p in d.parties), "parties_zh": _join(p.zh for p in d.parties),
        "date": _d(d.date), "date_precision": precision(d.date), "in_force": _d(d.in_force), "round_id": d.round,
        "term_years": d.term.years if d.term else None, "extendable_years": d.term.extendable_years if d.term else None,
        "renews": d.renews, "follows_up": _join(d.follows_up),
        "summary_en": _en(d.summary), "summary_zh": _zh(d.summary), "last_verified": _d(d.last_verified),
    }


def _evidence(ds: Dataset) -> Iterator[dict]:
    """What follows up each outcome (a follow-up event, a document or a later outcome), with its date and sources."""
    from ..query import evidence_for

    n = 0
    for o in ds.outcomes.values():
        for ev in evidence_for(ds, o):
            in_document = ev.kind == "document"
            n += 1
            yield {
                "id": n, "outcome_id": f"{o.round}/{o.id}",
                "commitment_status": o.commitment.status if o.commitment else None, "kind": ev.kind,
                "evidence_id": ev.id, "date": _d(ev.date), "date_precision": precision(ev.date),
                "text_en": ev.text.en, "text_zh": ev.text.zh,
                "round_id": None if in_document else ev.record, "document_id": ev.record if in_document else None,
                "publishers_en": _join(s.publisher.en for s in ev.sources),
                "publishers_zh": _join(s.publisher.zh for s in ev.sources),
                "source_urls": _join(s.url for s in ev.sources), "sources": len(ev.sources),
            }


_ROWS: dict[str, Callable[[Dataset], Iterator[dict]]] = {
    "partners": _partners, "themes": _themes, "topics": _topics, "dialogues": _dialogues, "rounds": _rounds,
    "people": _people, "participants": _participants, "round_topics": _round_topics, "outcomes": _outcomes,
    "documents": _documents, "follow_ups": _follow_ups, "evidence": _evidence, "working_groups": _working_groups,
    "notes": _notes, "disputes": _disputes, "sources": _sources,
}


# ---------------------------------------------------------------- SQLite


def write_sqlite(ds: Dataset, path: str) -> None:
    """A normalised SQLite database with foreign keys, indexes, views and a full-text table, for Datasette.

    A failure to write (a full disk, a value SQLite cannot hold) is an OSError, as for any file.
    """
    import sqlite3

    try:
        _fill_sqlite(ds, path)
    except sqlite3.Error as exc:
        raise OSError(f"{exc} (SQLite)") from None


_SQLITE_INT = 2**63


def _checked(name: str, table: Iterable[dict]) -> Iterator[dict]:
    """The rows of ``table``, each checked to hold no whole number too large for SQLite."""
    for row in table:
        for column, value in row.items():
            if isinstance(value, int) and not -_SQLITE_INT <= value < _SQLITE_INT:
                raise OSError(f"{name} {row.get('id') or row.get('round_id')}: {column} {value} is too large "
                              f"for SQLite (at most {_SQLITE_INT - 1})")
        yield row


# tables in an order in which every reference points at a table already filled
_ORDER = ["partners", "themes", "topics", "people", "dialogues", "rounds", "documents", "participants",
          "round_topics", "outcomes", "follow_ups", "evidence", "working_groups", "notes", "disputes", "sources"]

# views that answer the README's questions in Datasette
VIEWS: dict[str, str] = {
    "commitments_evidence": """
        SELECT o.id AS commitment_id, r.id AS round_id, r.label_en AS round_en, r.date AS round_date,
               o.topic_id, o.text_en, o.text_zh, o.commitment_status AS status, o.commitment_due AS due,
               o.commitment_note_en AS note_en, e.kind AS evidence_kind, e.date AS evidence_date,
               e.date_precision AS evidence_date_precision, e.text_en AS evidence_en, e.text_zh AS evidence_zh,
               e.publishers_en AS evidence_publishers_en, e.source_urls AS evidence_urls
        FROM outcomes o JOIN rounds r ON r.id = o.round_id
        LEFT JOIN evidence e ON e.outcome_id = o.id
        WHERE o.commitment_status IS NOT NULL
        ORDER BY r.date, o.id, e.date""",
    "round_leads": """
        SELECT r.id AS round_id, r.label_en AS round_en, r.label_zh AS round_zh, r.date, r.date_precision,
               p.side, p.role, p.name_en, p.name_zh, p.organisation_en, p.title_en, p.title_zh
        FROM rounds r JOIN participants p ON p.round_id = r.id
        WHERE p.role IN ('lead', 'co-chair', 'host')
        ORDER BY r.date, r.id, p.id""",
    "topic_rounds": """
        SELECT t.id AS topic_id, t.name_en AS topic_en, t.name_zh AS topic_zh, r.id AS round_id,
               r.label_en AS round_en, r.label_zh AS round_zh, r.date, r.date_precision, rt.headline,
               (SELECT count(*) FROM outcomes o WHERE o.round_id = r.id AND o.topic_id = t.id) AS outcomes
        FROM round_topics rt JOIN topics t ON t.id = rt.topic_id JOIN rounds r ON r.id = rt.round_id
        ORDER BY t.id, r.date""",
}


def _create_sql(name: str) -> str:
    columns = [f"{c} {t}" for c, t in SCHEMA[name]]
    if name in KEYS:
        columns.append(f"PRIMARY KEY ({', '.join(KEYS[name])})")
    return f"CREATE TABLE {name} ({', '.join(columns)})"


def _fill_sqlite(ds: Dataset, path: str) -> None:
    import sqlite3

    db = sqlite3.connect(path)
    try:
        # a new file, synced and put in place once it is whole (``files.write_file``): no journal
        # and no syncing while it is written; a failure leaves nothing behind
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        db.execute("PRAGMA foreign_keys = ON")
        for name in _ORDER:
            db.execute(_create_sql(name))
        db.execute("PRAGMA defer_foreign_keys = ON")
        for name in _ORDER:
            cols = [c for c, _ in SCHEMA[name]]
            db.executemany(
                f"INSERT INTO {name} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
                (tuple(row.values()) for row in _checked(name, rows(ds, name))),
            )
        # an index made over the rows costs less than one kept up to date row by row
        for table, column in INDEXES:
            db.execute(f"CREATE INDEX idx_{table}_{column} ON {table}({column})")
        for name, sql in VIEWS.items():
            db.execute(f"CREATE VIEW {name} AS {sql}")
        _fill_texts(ds, db)
        db.commit()
        problems = db.execute("PRAGMA foreign_key_check").fetchall()
        if problems:  # pragma: no cover - the loader has checked every reference
            raise RuntimeError(f"foreign keys broken: {problems[:3]}")
    finally:
        db.close()


def _fill_texts(ds: Dataset, db) -> None:
    """Every searchable text, with the round or document it is in, and a full-text index over it.

    The index names its content table in double quotes (``content="texts"``): that is the form
    Datasette looks for to give ``texts`` a search box and ``?_search=``.
    """
    import sqlite3

    db.execute("CREATE TABLE texts (id INTEGER PRIMARY KEY, record_id TEXT, round_id TEXT REFERENCES rounds(id), "
               "document_id TEXT REFERENCES documents(id), field TEXT, text TEXT)")
    db.executemany("INSERT INTO texts (record_id, round_id, document_id, field, text) VALUES (?, ?, ?, ?, ?)", _texts(ds))
    db.execute("CREATE INDEX idx_texts_round_id ON texts(round_id)")
    db.execute("CREATE INDEX idx_texts_document_id ON texts(document_id)")
    try:  # trigram finds words inside Chinese text too (SQLite 3.34+)
        db.execute("""CREATE VIRTUAL TABLE texts_fts USING fts5(text, content="texts", content_rowid="id", tokenize="trigram")""")
    except sqlite3.OperationalError:
        db.execute("""CREATE VIRTUAL TABLE texts_fts USING fts5(text, content="texts", content_rowid="id")""")
    db.execute("INSERT INTO texts_fts(texts_fts) VALUES ('rebuild')")


def _texts(ds: Dataset) -> Iterator[tuple[str, str | None, str | None, str, str]]:
    """The rows of ``texts``, made one record's at a time as they are inserted, never all in a list."""
    from ..data.text import search_entries
    from ..data.text import texts as texts_of

    for r in ds.rounds.values():
        for p, t in search_entries(ds, r):
            yield r.id, r.id, None, p, t
    for d in ds.documents.values():
        for p, t in texts_of(d):
            yield d.id, None, d.id, p, t


# the column Datasette shows for a row where another table points at it
LABEL_COLUMNS = {
    "partners": "name_en", "themes": "name_en", "topics": "name_en", "dialogues": "short_en", "rounds": "label_en",
    "people": "name_en", "documents": "title_en", "outcomes": "text_en", "follow_ups": "text_en",
    "evidence": "text_en", "working_groups": "name_en", "notes": "text_en", "sources": "publisher_en",
}
FACETS = {
    "rounds": ["dialogue_id", "year", "format", "kind"], "round_topics": ["topic_id", "headline"],
    "outcomes": ["commitment_status", "topic_id"], "evidence": ["kind", "commitment_status"],
    "sources": ["weak", "language"], "participants": ["side", "role"], "documents": ["kind", "partner_id"],
    "working_groups": ["status"], "disputes": ["about"],
}


def datasette_metadata(database: str) -> dict[str, Any]:
    """Datasette metadata for the SQLite export named ``database`` (its file name without ``.db``):
    licence and source, and for each table its label column, facets and a description."""
    tables_meta: dict[str, dict[str, Any]] = {}
    for name in [*SCHEMA, "texts"]:
        meta: dict[str, Any] = {}
        if name in LABEL_COLUMNS:
            meta["label_column"] = LABEL_COLUMNS[name]
        if name in FACETS:
            meta["facets"] = FACETS[name]
        meta["description"] = SCHEMA_DOCS[name]
        tables_meta[name] = meta
    tables_meta["texts"].update({"fts_table": "texts_fts", "fts_pk": "id"})
    return {
        "title": "Taiwan's bilateral economic dialogues",
        "license": "CC-BY-4.0",
        "license_url": "https://creativecommons.org/licenses/by/4.0/",
        "databases": {database: {"tables": tables_meta}},
    }


def datasette_metadata_text(database: str) -> str:
    return json.dumps(datasette_metadata(database), ensure_ascii=False, indent=2) + "\n"


# one line on each table: the Datasette descriptions and the datapackage.json
SCHEMA_DOCS = {
    "partners": "Taiwan's partners",
    "themes": "Broad themes that match topics across rounds",
    "topics": "Topics, each under one theme",
    "dialogues": "The dialogues, with their partner and lead agencies",
    "rounds": "Rounds, meetings and milestones of every dialogue",
    "people": "Everyone named in a round or document",
    "participants": "Who took part in a round, or signed a document",
    "round_topics": "The topics each round discussed, in order",
    "outcomes": "What came of each topic of a round; commitments with their status, due date and note",
    "documents": "Documents signed or announced",
    "follow_ups": "Later events that follow up a round's outcomes",
    "evidence": "What follows up each outcome (a follow-up, a document or a later outcome), with its date and sources",
    "working_groups": "Working groups a round set up or planned",
    "notes": "Other facts recorded about a round, document or dialogue",
    "disputes": "Facts on which sources disagree, one row per version",
    "sources": "The sources each round, document or dialogue cites",
    "texts": "Every searchable text of a round or document (full-text index: texts_fts)",
}


# ---------------------------------------------------------------- JSON and CSV


def json_text(ds: Dataset) -> str:
    from ..safe import json_safe

    return json_safe(json.dumps(tables(ds), ensure_ascii=False, indent=1)) + "\n"


def csv_writers(ds: Dataset, bom: bool) -> dict:
    """One writer per table, for files.write_folder."""
    from .formats import write_csv

    def writer(name):
        def write(path: str) -> None:
            with open(path, "w", encoding="utf-8", newline="") as fh:
                write_csv(fh, [{k: ("" if v is None else v) for k, v in row.items()} for row in rows(ds, name)],
                          [c for c, _ in SCHEMA[name]], bom=bom, spreadsheet=True)

        return write

    def package(path: str) -> None:
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(datapackage_text(bom))

    return {**{f"{name}.csv": writer(name) for name in SCHEMA}, "datapackage.json": package}


# ---------------------------------------------------------------- datapackage.json (Frictionless)


def _is_date_column(column: str) -> bool:
    return column in ("date", "end_date", "in_force", "last_verified", "commitment_due")


def _field_descriptor(table: str, column: str, sql: str) -> dict[str, Any]:
    """One column of a CSV file as a Frictionless Table Schema field."""
    field: dict[str, Any] = {"name": column, "type": "integer" if sql.startswith("INTEGER") else "string"}
    if _is_date_column(column):
        field["description"] = "A date as precise as it is known: YYYY, YYYY-MM or YYYY-MM-DD"
        field["constraints"] = {"pattern": r"\d{4}(-\d{2}(-\d{2})?)?"}
    elif column.endswith("precision"):
        field["description"] = "How much of the date beside it is known"
        field["constraints"] = {"enum": ["day", "month", "year"]}
    elif sql.startswith("INTEGER") and column in _FLAGS:
        field["description"] = "1 for yes, 0 for no"
        field["constraints"] = {"enum": [0, 1]}
    elif sql.startswith("TEXT") and column in _LISTS:
        field["description"] = f"A list, its items joined with {SEP!r}"
    if "PRIMARY KEY" in sql or (table in KEYS and column in KEYS[table]):
        field.setdefault("constraints", {})["required"] = True
    return field


_FLAGS = ("unverified", "headline", "weak")
_LISTS = ("aliases", "lead_agencies_taiwan_en", "lead_agencies_taiwan_zh", "lead_agencies_partner_en",
          "lead_agencies_partner_zh", "founding_documents", "venue_en", "venue_zh", "leads_en", "leads_zh",
          "disputed", "parties_en", "parties_zh", "follows_up", "source_ids", "source_urls", "publishers_en",
          "publishers_zh")


def datapackage(bom: bool = False) -> dict[str, Any]:
    """A Frictionless (Tabular) Data Package describing the files of ``tracker export csv``: each
    file's fields and types, primary key and foreign keys. Made from SCHEMA, as the files are."""
    from .. import __version__

    resources: list[dict[str, Any]] = []
    for table, columns in SCHEMA.items():
        schema: dict[str, Any] = {
            "fields": [_field_descriptor(table, c, t) for c, t in columns],
            "primaryKey": list(KEYS.get(table) or [c for c, t in columns if "PRIMARY KEY" in t]),
            "missingValues": [""],
        }
        foreign: list[dict[str, Any]] = []
        for c, t in columns:
            if "REFERENCES" in t:
                ref_table, ref_column = t.split("REFERENCES ", 1)[1].rstrip(")").split("(")
                foreign.append({"fields": c, "reference": {"resource": "" if ref_table == table else ref_table,
                                                           "fields": ref_column}})
        if foreign:
            schema["foreignKeys"] = foreign
        resources.append({
            "name": table.replace("_", "-"), "path": f"{table}.csv", "profile": "tabular-data-resource",
            "description": SCHEMA_DOCS[table], "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8-sig" if bom else "utf-8", "schema": schema,
        })
    for resource in resources:  # a reference names the resource, whose name has hyphens
        for fk in resource["schema"].get("foreignKeys", []):
            fk["reference"]["resource"] = fk["reference"]["resource"].replace("_", "-")
    return {
        "profile": "tabular-data-package",
        "name": "taiwan-economic-dialogues",
        "title": "Taiwan's bilateral economic dialogues",
        "description": ("Rounds, meetings, documents, topics, outcomes, commitments and their evidence of Taiwan's "
                        "bilateral economic dialogues, in English and Traditional Chinese, every fact with its sources: "
                        "the files written by `tracker export csv`."),
        "version": __version__,
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                      "title": "Creative Commons Attribution 4.0"}],
        "keywords": ["Taiwan", "trade", "economic dialogue", "EPPD", "bilingual"],
        "resources": resources,
    }


def datapackage_text(bom: bool = False) -> str:
    return json.dumps(datapackage(bom), ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- iCalendar (RFC 5545)


def ics_bytes(ds: Dataset, lang: str, rounds) -> tuple[bytes, list[str]]:
    """A calendar with one all-day event per round dated to the day; and the rounds left out.

    Written by the icalendar package (imported only here), which escapes, folds and
    encodes as RFC 5545 asks.
    """
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", "-//tracker//Taiwan economic dialogues//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "Taiwan economic dialogues")
    skipped = []
    events = []  # each event written as it is made, and let go: the calendar's own writer would
    for r in rounds:  # hold every event, and then every line of them, at once
        if r.date is None or r.date.day is None:
            skipped.append(r.id)
            continue
        events.append(_ics_event(icalendar.Event(), ds, r, lang).to_ical())
    end = b"END:VCALENDAR\r\n"
    head = cal.to_ical()
    if not head.endswith(end):  # pragma: no cover - RFC 5545 ends a calendar so
        raise RuntimeError("unexpected calendar ending")
    return head[: -len(end)] + b"".join(events) + end, skipped


def _ics_event(event, ds: Dataset, r, lang: str):
    """``event`` filled for a round dated to the day: its days, summary, place, description and link."""
    d = ds.dialogues[r.dialogue]
    short = dialogue_short(d).get(lang)
    label = round_name(r.round, lang, r.name, r.id)
    start = r.date.first_day()
    last = r.end_date.last_day() if r.end_date and r.end_date.day else start
    event.add("uid", f"{r.id}@tracker")
    stamp = r.last_verified.first_day()
    event.add("dtstamp", _dt.datetime(stamp.year, stamp.month, stamp.day, tzinfo=_dt.timezone.utc))
    event.add("dtstart", start)
    if last < _dt.date.max:  # the day after the last, as RFC 5545 counts all-day events
        event.add("dtend", last + _dt.timedelta(days=1))
    else:  # no day after 9999-12-31 to name: say how long instead
        event.add("duration", _dt.timedelta(days=(last - start).days + 1))
    event.add("summary", f"{short} {label}")
    location = ics_location(r, lang)
    if location:
        event.add("location", location)
    event.add("description", "\n".join(_ics_description(ds, r, lang, f"{d.name.get(lang)} — {label}")))
    first_url = next((s.url for s in r.sources if s.url), None)
    if first_url:
        event.add("url", first_url)
    return event


def ics_location(r, lang: str) -> str | None:
    """Where a round was held, as far as the data says: its venues, else ``Online`` for a virtual
    meeting; None where the data knows no place."""
    if r.venues:
        return "; ".join(v.get(lang) for v in r.venues)
    if r.format == "virtual":
        return "線上（視訊）" if lang == "zh" else "Online (video)"
    return None


def _ics_description(ds: Dataset, r, lang: str, heading: str) -> list[str]:
    """The lines of an event's description: the round named in full, its headline topics, its format, its sources' URLs."""
    description = [heading]
    topics = "; ".join(ds.topics[t.topic].name.get(lang) for t in r.topics if t.headline)
    if topics:
        description.append(("議題：" if lang == "zh" else "Topics: ") + topics)
    if r.format:
        from .words import word

        description.append(("形式：" if lang == "zh" else "Format: ") + word(r.format, lang))
    return description + [s.url for s in r.sources if s.url]


# ---------------------------------------------------------------- TimelineJS


# How many outcomes of a round's headline topics an event shows before saying how many more there are
TIMELINEJS_OUTCOMES = 6


def timelinejs(ds: Dataset, entries: list[dict], lang: str) -> dict:
    """The timeline as TimelineJS JSON: a title slide and one event per dated entry.

    An event's ``text`` is HTML: place, format, leads, the outcomes of the headline topics and the
    sources as links, every string from the data escaped. TimelineJS needs a year at least: the
    entries with no date are named on the title slide instead.
    """
    from .words import word

    events = [_timelinejs_event(ds, e, lang) for e in entries if e["date"]]
    undated = [_headline(ds, e, lang) for e in entries if not e["date"]]
    title = "臺灣雙邊經濟對話" if lang == "zh" else "Taiwan's bilateral economic dialogues"
    text = _p("由 tracker 匯出，每一事實皆附來源。" if lang == "zh" else "Exported by tracker; every fact carries its source.")
    if undated:
        text += _p(_b(word("undated", lang) + ("，未列於時間軸：" if lang == "zh" else ", not on the timeline: "))
                   + _esc(_list_sep(lang).join(undated)))
    return {"title": {"text": {"headline": _esc(title), "text": text}}, "events": events}


def _esc(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _p(inner: str) -> str:
    return f"<p>{inner}</p>"


def _b(text: str) -> str:
    return f"<b>{_esc(text)}</b>"


def _list_sep(lang: str) -> str:
    return "、" if lang == "zh" else ", "


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _field(label: str, value: str, lang: str) -> str:
    """A labelled line: the label in bold, the value escaped."""
    colon = "：" if lang == "zh" else ": "
    return _p(_b(label + colon) + _esc(value)) if value else ""


def _links(sources, lang: str) -> str:
    """Sources as links (those with an http(s) address), else their publisher's name."""
    from .words import word

    items = []
    for s in sources:
        publisher, url = (pick(s["publisher"], lang), s["url"]) if isinstance(s, dict) else (s.publisher.get(lang), s.url)
        if url and url.startswith(("https://", "http://")):
            items.append(f'<a href="{_esc(url)}">{_esc(publisher)}</a>')
        else:
            items.append(_esc(publisher))
    if not items:
        return ""
    return _p(_b(word("sources", lang) + ("：" if lang == "zh" else ": ")) + _esc(_list_sep(lang)).join(items))


def _timelinejs_date(text: str) -> dict:
    """A date as TimelineJS takes it: the year, and the month and day where they are known."""
    d = PartialDate.parse(text)
    return {k: v for k, v in (("year", d.year), ("month", d.month), ("day", d.day)) if v}


def _headline(ds: Dataset, e: dict, lang: str) -> str:
    """What an entry is called, without its dialogue (its group); plain text."""
    if e["kind"] == "document":
        return pick(e["title"], lang)
    if e["kind"] == "follow-up":
        return pick(e["text"], lang)
    return _capital(round_name(e["round"], lang, e["name"], e["id"]))


def _timelinejs_event(ds: Dataset, e: dict, lang: str) -> dict:
    """One dated timeline entry as a TimelineJS event, grouped by its dialogue."""
    dialogue = ds.dialogues[e["dialogue"]] if e.get("dialogue") else None
    group = dialogue_short(dialogue).get(lang) if dialogue else ("文件" if lang == "zh" else "Documents")
    if e["kind"] == "document":
        body = _document_body(ds, ds.documents[e["id"]], lang)
    elif e["kind"] == "follow-up":
        body = _follow_up_body(ds, e, lang)
    else:
        body = _round_body(ds, ds.rounds[e["id"]], lang)
    event = {"start_date": _timelinejs_date(e["date"]), "text": {"headline": _esc(_headline(ds, e, lang)), "text": body},
             "group": group, "unique_id": e["id"]}
    if e.get("end_date"):
        event["end_date"] = _timelinejs_date(e["end_date"])
    return event


def _round_body(ds: Dataset, r, lang: str) -> str:
    """A round's place, format, leads, headline topics and their outcomes, and its sources."""
    from .words import word

    leads = []
    for p in r.leads:
        name = display_name(ds.people, p)
        title = p.title.get(lang) if p.title else ""
        leads.append(f"{name.get(lang) if name else ''}{f' ({title})' if title else ''}".strip())
    headline = [t for t in r.topics if t.headline]
    out = [
        _field(word("place", lang), ("、" if lang == "zh" else "; ").join(v.get(lang) for v in r.venues), lang),
        _field(word("format", lang), word(r.format, lang) if r.format else "", lang),
        _field(word("leads", lang), "; ".join(x for x in leads if x), lang),
        _field(word("topics", lang), _list_sep(lang).join(ds.topics[t.topic].name.get(lang) for t in headline), lang),
    ]
    outcomes = [(ds.topics[t.topic].name.get(lang), o.text.get(lang)) for t in headline for o in t.outcomes]
    if outcomes:
        items = "".join(f"<li>{_b(topic + ('：' if lang == 'zh' else ': '))}{_esc(text)}</li>"
                        for topic, text in outcomes[:TIMELINEJS_OUTCOMES])
        more = len(outcomes) - TIMELINEJS_OUTCOMES
        if more > 0:
            items += f"<li>{_esc(f'另有{more}項成果' if lang == 'zh' else f'and {more} more outcomes')}</li>"
        out.append(_p(_b(word("outcomes", lang))) + f"<ul>{items}</ul>")
    out.append(_links(r.sources, lang))
    return "".join(out)


def _document_body(ds: Dataset, d, lang: str) -> str:
    """A document's kind in words, parties, signatories, date in force, summary and sources."""
    from .words import word

    signatories = [display_name(ds.people, p) for p in d.signatories]
    return "".join([
        _field(word("kind", lang), _capital(word(d.kind, lang)), lang),
        _field("締約方" if lang == "zh" else "Parties", _list_sep(lang).join(p.get(lang) for p in d.parties), lang),
        _field(_capital(word("signer", lang)), _list_sep(lang).join(n.get(lang) for n in signatories if n), lang),
        _field(_capital(word("in_force", lang)), str(d.in_force) if d.in_force else "", lang),
        _p(_esc(d.summary.get(lang))) if d.summary else "",
        _links(d.sources, lang),
    ])


def _follow_up_body(ds: Dataset, e: dict, lang: str) -> str:
    """A follow-up event: the round it is recorded in, and its sources."""
    from .words import word

    r = ds.rounds.get(e["record"])
    record = round_label(ds, r, lang) if r is not None else e["record"]
    return _field(_capital(word("follow-up", lang)), record, lang) + _links(e["sources"], lang)
