"""Checks within one record and across the whole data folder.

``check_file`` runs on each file as soon as it is read (its results can be
cached with the file); ``check_folder`` runs on every load, over all files.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import os
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Optional

from . import model
from ..errors import Problem
from .parse import FileResult, _close


def _p(result: FileResult, where, message: str, hint: Optional[str] = None, warning: bool = False) -> Problem:
    return _at_mark(result.path, where, message, hint, warning)


def check_file(result: FileResult, stem: str) -> None:
    """Rules that need only this file; adds problems and finishes derived fields."""
    rec = result.record
    if rec is None:
        return
    _check_ids_and_sources(result)
    if isinstance(rec, (model.Round, model.Document, model.Dialogue)):
        _check_own_file(result, rec, stem)
    if isinstance(rec, model.People):
        for i, person in enumerate(rec.people):
            _check_sources_without_url(result, person.sources, f"people[{i}].sources")
    if isinstance(rec, model.Round):
        _check_round(result, rec)
    if isinstance(rec, model.Document):
        _check_document(result, rec)
    if isinstance(rec, model.Taxonomy):
        _check_lineage(result, rec)
    if isinstance(rec, (model.Document, model.Dialogue)):
        result.record = dataclasses.replace(rec, path=result.path)


def _check_ids_and_sources(result: FileResult) -> None:
    """IDs unique within their scope in this file, and every source a fact cites listed in it."""
    add = result.problems.append
    local = {"Source", "Outcome", "FollowUp", "Partner", "Theme", "Topic", "Person"}
    seen: dict[tuple, tuple] = {}
    for cls_name, ident, line, col in result.defs:
        if cls_name not in local:
            continue
        key = (cls_name, ident)
        if key in seen:
            first = seen[key][0]
            add(Problem(result.path, line, col, f"duplicate {_noun(cls_name)} ID {ident!r} (first on line {first})", "IDs must be unique"))
        else:
            seen[key] = (line, col)
    source_ids = {ident for cls_name, ident, *_ in result.defs if cls_name == "Source"}
    for ref in result.refs:
        if ref.kind == "source" and ref.value not in source_ids:
            hint = _close(ref.value, source_ids) or ("sources: " + ", ".join(sorted(source_ids)) if source_ids else "add it under sources:")
            add(Problem(result.path, ref.line, ref.col, f"unknown source {ref.value!r}", hint))


def _check_own_file(result: FileResult, rec, stem: str) -> None:
    """What a record with a file of its own (round, document, dialogue) needs: its ID as the file's
    name, usable sources, a full last_verified date, two versions of each disputed fact."""
    add, marks = result.problems.append, result.marks
    if rec.id != stem:
        add(_p(result, marks.get("id"), f"id {rec.id!r} does not match the file name {stem!r}", f"rename the file to {rec.id}.yaml or fix the id"))
    for source in rec.sources:
        _check_source(result, source)
    if rec.last_verified.day is None:
        add(_p(result, marks.get("last_verified"), f"last_verified {rec.last_verified} is not a full date", "write YYYY-MM-DD"))
    for d in rec.disputed:
        if len(d.versions) < 2:
            add(_p(result, marks.get("disputed"), f"disputed {d.about!r} needs two or more versions", "add the other version with its source, or use unverified:"))
    _check_sources_without_url(result, rec.sources, "sources")
    _check_weak_only(result, rec)


def _check_document(result: FileResult, rec) -> None:
    add, marks = result.problems.append, result.marks
    for s in rec.signatories:
        if not (s.person or s.organisation):
            add(_p(result, marks.get("signatories"), "a signatory needs a person or an organisation"))
    if rec.in_force and rec.date and rec.in_force.last_day() < rec.date.first_day():
        add(_p(result, marks.get("in_force"), f"in_force {rec.in_force} is before the signing date {rec.date}"))


def _check_lineage(result: FileResult, rec) -> None:
    """A topic shown as grown out of another rests on a source or a stated reason."""
    for t in rec.topics:
        if t.evolved_from and not (t.lineage_source or "").strip():
            where = next(((r.line, r.col) for r in result.refs if r.kind == "topic" and r.value == t.evolved_from[0]), None)
            result.problems.append(_p(result, where, f"topic {t.id!r}: evolved_from needs a lineage_source", "give the URL or the reason that shows one topic became the other, or remove evolved_from"))


def _noun(cls_name: str) -> str:
    return {"FollowUp": "follow-up"}.get(cls_name, cls_name.lower())


def _check_source(result: FileResult, source: model.Source) -> None:
    if source.url and not source.url.startswith(("http://", "https://")):
        where = next(((ln, c) for k, i, ln, c in result.defs if k == "Source" and i == source.id), None)
        result.problems.append(_p(result, where, f"source {source.id!r}: url {source.url!r} is not a web address", "start it with https://"))


def _check_sources_without_url(result: FileResult, sources, label: str) -> None:
    """A source with no url needs a note: where the text was published and why there is no link."""
    for i, source in enumerate(sources):
        if not source.url and not source.note:
            result.problems.append(
                _p(result, result.places.get(f"{label}[{i}]"), f"source {source.id!r} has no url and no note", "give its url, or a note saying where it was published and why there is no link")
            )


def _facts(rec) -> list:
    """(path in the file, description, item) of every fact of a record that cites sources and can be marked unverified."""
    out = []
    if isinstance(rec, model.Round):
        for i, p in enumerate(rec.participants):
            out.append((f"participants[{i}]", f"participant {_who(p)!r}", p))
        for i, t in enumerate(rec.topics):
            out.append((f"topics[{i}]", f"topic {t.topic!r}", t))
            for j, o in enumerate(t.outcomes):
                out.append((f"topics[{i}].outcomes[{j}]", f"outcome {o.id!r}", o))
        for i, w in enumerate(rec.working_groups):
            out.append((f"working_groups[{i}]", f"working group {w.name.get()!r}", w))
        for i, f in enumerate(rec.follow_ups):
            out.append((f"follow_ups[{i}]", f"follow-up {f.id!r}", f))
    if isinstance(rec, model.Document):
        for i, p in enumerate(rec.signatories):
            out.append((f"signatories[{i}]", f"signatory {_who(p)!r}", p))
    for i, n in enumerate(rec.notes):
        out.append((f"notes[{i}]", f"note {i + 1}", n))
    return out


def _who(p: model.Participant) -> str:
    return p.person or (p.organisation.get() if p.organisation else "")


def _check_weak_only(result: FileResult, rec) -> None:
    """A fact whose every source is weak must be marked unverified (a warning; --strict fails on it)."""
    weak = {s.id for s in rec.sources if s.weak}
    if not weak:
        return
    for label, what, item in _facts(rec):
        if item.sources and not item.unverified and all(s in weak for s in item.sources):
            result.problems.append(
                _p(result, result.places.get(label), f"{what} rests only on weak sources ({', '.join(item.sources)}) but is not marked unverified", "add unverified: true, or cite a stronger source", warning=True)
            )


def _check_round(result: FileResult, rec: model.Round) -> None:
    add = result.problems.append
    marks = result.marks
    if rec.round is not None:
        if rec.kind != "round":
            add(_p(result, marks.get("kind"), f"kind {rec.kind!r} has a round number", "numbered meetings are kind: round; drop the number otherwise"))
        expected = f"{rec.dialogue}-{rec.round}"
        if rec.id != expected:
            add(_p(result, marks.get("id"), f"round {rec.round} of {rec.dialogue} must have the id {expected!r}, not {rec.id!r}"))
    else:
        if rec.kind == "round":
            add(_p(result, marks.get("kind") or marks.get("id"), "a round needs a round number", "add round: N, or use kind: meeting or milestone"))
        if not rec.id.startswith(rec.dialogue + "-"):
            add(_p(result, marks.get("id"), f"id {rec.id!r} must start with {rec.dialogue + '-'!r}"))
    if rec.end_date:
        if rec.date is None:
            add(_p(result, marks.get("end_date"), "end_date without a date"))
        elif rec.end_date.first_day() <= rec.date.last_day() and rec.end_date.sort_key() <= rec.date.sort_key():
            add(_p(result, marks.get("end_date"), f"end_date {rec.end_date} is not after date {rec.date}", "drop end_date for a one-day meeting"))
    for p in rec.participants:
        if not (p.person or p.organisation):
            add(_p(result, marks.get("participants"), "a participant needs a person or an organisation"))
    for f in rec.follow_ups:
        if rec.date and f.date.last_day() < rec.date.first_day():
            where = next(((ln, c) for k, i, ln, c in result.defs if k == "FollowUp" and i == f.id), None)
            add(_p(result, where, f"follow-up {f.id!r} is dated {f.date}, before the round itself ({rec.date})"))
    topics = tuple(
        dataclasses.replace(t, outcomes=tuple(dataclasses.replace(o, round=rec.id, date=rec.date) for o in t.outcomes))
        for t in rec.topics
    )
    result.record = dataclasses.replace(rec, topics=topics, path=result.path)


# ---------------------------------------------------------------- the whole folder


@dataclass(slots=True)
class Facts:
    """What the checks across files need to know of one file: IDs, references, dates.

    Much smaller than the record itself, so that a folder of thousands of files
    can be checked without holding every record in memory.
    """

    path: str
    kind: str = ""  # the record's class name; "" when the file could not be read
    problems: list = field(default_factory=list)
    id: Optional[str] = None
    marks: dict = field(default_factory=dict)  # id, round, date, last_verified -> (line, col)
    defs: list = field(default_factory=list)  # (kind, id, line, col): partners, themes, topics, people
    refs: list = field(default_factory=list)  # (kind, value, line, col), sources excepted
    dialogue: Optional[str] = None
    round: Optional[int] = None
    date: Optional[model.PartialDate] = None
    last_verified: Optional[model.PartialDate] = None
    outcomes: list = field(default_factory=list)  # (outcome id, commitment status or None, line, col)
    cites: list = field(default_factory=list)  # (label, date, targets): what follows up which outcomes
    names: list = field(default_factory=list)  # partners: (partner id, names, line, col)


def facts_of(result: FileResult) -> Facts:
    rec = result.record
    f = Facts(result.path, type(rec).__name__ if rec is not None else "", list(result.problems))
    if rec is None:
        return f
    f.marks = {k: v for k, v in result.marks.items() if k in ("id", "round", "date", "last_verified")}
    f.refs = [(r.kind, r.value, r.line, r.col) for r in result.refs if r.kind != "source"]
    defs = {"Partner": "partner", "Theme": "theme", "Topic": "topic", "Person": "person"}
    f.defs = [(defs[k], i, ln, c) for k, i, ln, c in result.defs if k in defs]
    if isinstance(rec, model.Partners):
        lines = {i: (ln, c) for k, i, ln, c in result.defs if k == "Partner"}
        f.names = [(p.id, [n for n in (p.id, p.name.en, p.name.zh, *p.aliases) if n], *lines.get(p.id, (0, 0))) for p in rec.partners]
    if isinstance(rec, (model.Round, model.Document, model.Dialogue)):
        f.id = rec.id
        f.last_verified = rec.last_verified
    if isinstance(rec, model.Round):
        f.dialogue, f.round, f.date = rec.dialogue, rec.round, rec.date
        lines = {i: (ln, c) for k, i, ln, c in result.defs if k == "Outcome"}
        for t in rec.topics:
            for o in t.outcomes:
                status = o.commitment.status if o.commitment else None
                f.outcomes.append((o.id, status, *lines.get(o.id, (0, 0))))
                if o.follows_up:
                    f.cites.append((f"outcome {o.id!r}", rec.date, o.follows_up))
        for fu in rec.follow_ups:
            if fu.follows_up:
                f.cites.append((f"follow-up {fu.id!r}", fu.date, fu.follows_up))
    if isinstance(rec, model.Document):
        f.date = rec.date
        if rec.follows_up:
            f.cites.append((f"document {rec.id!r}", rec.date, rec.follows_up))
    return f


_REF_FILE = {
    "partner": "partners.yaml",
    "topic": "topics.yaml",
    "theme": "topics.yaml",
    "person": "people.yaml",
    "dialogue": "dialogues/",
    "document": "documents/",
    "round": "rounds/",
}


def _at_mark(path: str, where, message: str, hint: Optional[str] = None, warning: bool = False) -> Problem:
    line, col = where if where else (0, 0)
    return Problem(path, line, col, message, hint, warning)


def check_folder(facts: list[Facts], today: _dt.date) -> list[Problem]:
    """Rules across files: unique IDs, references, numbering, dates of evidence."""
    problems: list[Problem] = []
    add = problems.append
    known, outcome_dates = _known_ids(facts, add)
    _check_partner_names(facts, add)
    _check_references(facts, known, add)
    _check_numbering([f for f in facts if f.kind == "Round"], add)
    _check_evidence(facts, outcome_dates, add)
    for f in facts:
        if f.last_verified and f.last_verified.first_day() > today:
            add(_at_mark(f.path, f.marks.get("last_verified"), f"last_verified {f.last_verified} is in the future"))
    return problems


def _known_ids(facts: list[Facts], add) -> tuple[dict[str, dict[str, tuple]], dict[str, Optional[model.PartialDate]]]:
    """Every ID the files define, by kind, with where (a record defined twice is a problem);
    and the date of the round or document each outcome was promised at."""
    known: dict[str, dict[str, tuple]] = defaultdict(dict)  # kind -> id -> (path, line)
    for f in facts:
        for kind, ident, line, _col in f.defs:  # duplicates inside one file are check_file's
            known[kind].setdefault(ident, (f.path, line))
    for f in facts:
        kind = {"Dialogue": "dialogue", "Round": "round", "Document": "document"}.get(f.kind)
        if kind is None:
            continue
        where = f.marks.get("id")
        if f.id in known[kind]:
            path, line = known[kind][f.id]
            add(_at_mark(f.path, where, f"{kind} {f.id!r} is defined twice (also in {path}{':' + str(line) if line else ''})", "keep one file per record"))
        else:
            known[kind][f.id] = (f.path, where[0] if where else 0)
    outcome_dates: dict[str, Optional[model.PartialDate]] = {}
    for f in facts:
        for oid, _status, _line, _col in f.outcomes:
            key = f"{f.id}/{oid}"
            known["outcome"][key] = (f.path, 0)
            outcome_dates[key] = f.date
    return known, outcome_dates


def _check_partner_names(facts: list[Facts], add) -> None:
    """Partner names and aliases must not collide: users type them."""
    names: dict[str, str] = {}
    for f in facts:
        for pid, pnames, line, col in f.names:
            for name in pnames:
                key = name.casefold()
                if names.get(key, pid) != pid:
                    add(_at_mark(f.path, (line, col), f"partner name {name!r} is used by both {names[key]!r} and {pid!r}", "users type these names; each must name one partner"))
                names[key] = pid


def _check_references(facts: list[Facts], known: dict[str, dict[str, tuple]], add) -> None:
    """Every reference names something that exists."""
    for f in facts:
        for kind, value, line, col in f.refs:
            if value not in known[kind]:
                hint = _close(value, known[kind])
                if not hint and kind in _REF_FILE:
                    hint = f"define it in {_REF_FILE[kind]}"
                if not hint and kind == "outcome":
                    hint = "outcomes are cited as <round-id>/<outcome-id>"
                add(Problem(f.path, line, col, f"unknown {kind} {value!r}", hint))


def _check_evidence(facts: list[Facts], outcome_dates: dict[str, Optional[model.PartialDate]], add) -> None:
    """Evidence must not predate the promise; a status beyond 'announced' needs evidence."""
    evidenced: set[str] = set()
    for f in facts:
        for label, when, targets in f.cites:
            for target in targets:
                evidenced.add(target)
                promised = outcome_dates.get(target)
                if when and promised and when.last_day() < promised.first_day():
                    where = next(((ln, c) for k, v, ln, c in f.refs if k == "outcome" and v == target), None)
                    add(_at_mark(f.path, where, f"{label} dated {when} cannot follow up {target}, which is dated {promised}", "evidence cannot come before the promise"))
    for f in facts:
        for oid, status, line, col in f.outcomes:
            key = f"{f.id}/{oid}"
            if status in ("in-progress", "delivered", "lapsed") and key not in evidenced:
                add(_at_mark(f.path, (line, col), f"commitment {key} is {status!r} but nothing follows it up", "cite it in a follow_ups: entry, a document or a later outcome, or set status: unknown"))


def _check_numbering(rounds: list[Facts], add) -> None:
    by_dialogue = defaultdict(list)
    for f in rounds:
        if f.round is not None:
            by_dialogue[f.dialogue].append(f)
    for dialogue, items in by_dialogue.items():
        items.sort(key=lambda f: f.round)
        for prev, cur in zip(items, items[1:]):
            if prev.round == cur.round:
                add(_at_mark(cur.path, cur.marks.get("round"), f"{dialogue} round {cur.round} is also in {prev.path}", "two files for the same round"))
            elif cur.round > prev.round + 1:
                first, last = prev.round + 1, cur.round - 1
                missing = f"round {first}" if first == last else f"rounds {first}–{last}"
                add(_at_mark(cur.path, cur.marks.get("round"), f"{dialogue} has no {missing} before round {cur.round}", "a gap in the numbering", warning=True))
        latest_start = None  # the latest first day among lower-numbered rounds
        latest = None
        for cur in items:
            if cur.date is None:
                continue
            if latest is not None and latest.round < cur.round and cur.date.last_day() < latest_start:
                add(_at_mark(cur.path, cur.marks.get("date"), f"{dialogue} round {cur.round} is dated {cur.date}, before round {latest.round} ({latest.date})", "check the date or the round number"))
            if latest_start is None or cur.date.first_day() > latest_start:
                latest_start, latest = cur.date.first_day(), cur
        if items and items[0].round > 1:
            first = items[0]
            add(_at_mark(first.path, first.marks.get("round"), f"{dialogue} has no round before round {first.round}", "a gap in the numbering", warning=True))


def stem_of(path: str) -> str:
    return os.path.splitext(os.path.basename(path))[0]
