"""Checks within one record and across the whole data folder.

``check_file`` runs on each file as soon as it is read; ``check_folder`` runs
once every file is read, over all of them.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import os
from collections import defaultdict
from itertools import pairwise
from typing import Any

from ..errors import Problem
from ..rules import EVIDENCED_STATUSES
from . import model
from .parse import FileResult, _close


def _p(result: FileResult, where, message: str, hint: str | None = None, warning: bool = False) -> Problem:
    return _at_mark(result.path, where, message, hint, warning)


def check_file(result: FileResult, stem: str) -> None:
    """Rules that need only this file; adds problems and finishes derived fields."""
    rec = result.record
    if rec is None:
        return
    rec = result.record = _copies_are_weak(rec)
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
        _derive(rec, path=result.path)
    # sources are cited within their record, and checked above: the checks across files need the
    # other references only (most references are to sources: at 10,000 rounds, about 40 MiB)
    result.refs = [ref for ref in result.refs if ref[0] != "source"]
    if result.fast:  # read without positions: of its IDs, the checks across files need the shared ones only
        result.defs = [d for d in result.defs if d[0] in _DEFS]


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
    for kind, value, line, col in result.refs:
        if kind == "source" and value not in source_ids:
            hint = _close(value, source_ids) or ("sources: " + ", ".join(sorted(source_ids)) if source_ids else "add it under sources:")
            add(Problem(result.path, line, col, f"unknown source {value!r}", hint))


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
            where = next(((line, col) for kind, value, line, col in result.refs if kind == "topic" and value == t.evolved_from[0]), None)
            result.problems.append(_p(result, where, f"topic {t.id!r}: evolved_from needs a lineage_source", "give the URL or the reason that shows one topic became the other, or remove evolved_from"))


def _noun(cls_name: str) -> str:
    return {"FollowUp": "follow-up"}.get(cls_name, cls_name.lower())


def _copies_are_weak(rec):
    """A republished copy counts as weak: every ``kind: copy`` source of a record is read as ``weak``."""
    sources = getattr(rec, "sources", None)
    if not isinstance(rec, (model.Round, model.Document, model.Dialogue)) or not any(s.kind == "copy" and not s.weak for s in sources):
        return rec
    return dataclasses.replace(rec, sources=tuple(dataclasses.replace(s, weak=True) if s.kind == "copy" else s for s in sources))


def _check_source(result: FileResult, source: model.Source) -> None:
    def add(message: str, hint: str) -> None:  # the source's position is looked up only for a problem
        where = next(((ln, c) for k, i, ln, c in result.defs if k == "Source" and i == source.id), None)
        result.problems.append(_p(result, where, message, hint))

    if source.url and not source.url.startswith(("http://", "https://")):
        add(f"source {source.id!r}: url {source.url!r} is not a web address", "start it with https://")
    elif source.url and (" " in source.url or not source.url.isprintable() or not _host(source.url)):  # every other space is not printable
        add(f"source {source.id!r}: url {source.url!r} is not a valid web address", "a web address has a host and no spaces; write a space as %20")
    if source.copy_of and source.kind != "copy":
        add(f"source {source.id!r} has copy_of but is not kind: copy", "add kind: copy, or drop copy_of")
    if source.archived and not source.archived.startswith(("http://", "https://")):
        add(f"source {source.id!r}: archived {source.archived!r} is not a web address", "start it with https://")
    if source.gone and not source.archived:
        add(f"source {source.id!r} is gone but has no archived copy", "add archived: with the address of a copy in a web archive")


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def _check_sources_without_url(result: FileResult, sources, label: str) -> None:
    """A source with no url needs a note: where the text was published and why there is no link."""
    for i, source in enumerate(sources):
        if not source.url and not source.note:
            result.problems.append(
                _p(result, result.places.get(f"{label}[{i}]"), f"source {source.id!r} has no url and no note", "give its url, or a note saying where it was published and why there is no link")
            )


def _facts(rec) -> list:
    """(path in the file, description, item) of every fact of a record that cites sources and can be marked unverified."""
    out: list[tuple[str, str, Any]] = []
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
    for t in rec.topics:
        for o in t.outcomes:
            _derive(o, round=rec.id, date=rec.date)
    _derive(rec, path=result.path)


def _derive(rec: Any, **values: Any) -> None:
    """Fill in the derived fields of a record that reading this file has just built, before
    anything else holds it: setting them costs far less than copying every outcome of a round."""
    for name, value in values.items():
        object.__setattr__(rec, name, value)


# ---------------------------------------------------------------- the whole folder


_DEFS = {"Partner": "partner", "Theme": "theme", "Topic": "topic", "Person": "person"}
_OWN_KIND = {"Dialogue": "dialogue", "Round": "round", "Document": "document"}


def _outcome_places(result: FileResult) -> dict[str, tuple[int, int]]:
    return {i: (ln, c) for k, i, ln, c in result.defs if k == "Outcome"}


def _cites(rec) -> list[tuple[str, model.PartialDate | None, tuple]]:
    """(label, date, targets) of everything in a record that follows up outcomes."""
    out = []
    if isinstance(rec, model.Round):
        for t in rec.topics:
            for o in t.outcomes:
                if o.follows_up:
                    out.append((f"outcome {o.id!r}", rec.date, o.follows_up))
        for fu in rec.follow_ups:
            if fu.follows_up:
                out.append((f"follow-up {fu.id!r}", fu.date, fu.follows_up))
    if isinstance(rec, model.Document) and rec.follows_up:
        out.append((f"document {rec.id!r}", rec.date, rec.follows_up))
    return out


_REF_FILE = {
    "partner": "partners.yaml",
    "topic": "topics.yaml",
    "theme": "topics.yaml",
    "person": "people.yaml",
    "dialogue": "dialogues/",
    "document": "documents/",
    "round": "rounds/",
}


def _at_mark(path: str, where, message: str, hint: str | None = None, warning: bool = False) -> Problem:
    line, col = where if where else (0, 0)
    return Problem(path, line, col, message, hint, warning)


def check_folder(results: list[FileResult], today: _dt.date) -> list[Problem]:
    """Rules across files (those read into a record): unique IDs, references, numbering, dates of evidence."""
    results = [r for r in results if r.record is not None]
    problems: list[Problem] = []
    add = problems.append
    known, outcomes = _known_ids(results, add)
    _check_partner_names(results, add)
    _check_references(results, known, outcomes, add)
    rounds = [r for r in results if isinstance(r.record, model.Round)]
    _check_numbering(rounds, add)
    _check_likely_duplicates(rounds, add)
    _check_evidence(results, outcomes, add)
    for r in results:
        verified = getattr(r.record, "last_verified", None)
        if verified and verified.first_day() > today:
            add(_at_mark(r.path, r.marks.get("last_verified"), f"last_verified {verified} is in the future"))
    return problems


# the outcomes of each round by its ID, with its date: an outcome is cited as <round-id>/<outcome-id>
_Outcomes = dict[str, tuple["model.PartialDate | None", set[str]]]


def _known_ids(results: list[FileResult], add) -> tuple[dict[str, dict[str, tuple]], _Outcomes]:
    """Every ID the files define, by kind, with where (a record defined twice is a problem);
    and the outcomes of each round, with its date."""
    known: dict[str, dict[str, tuple]] = defaultdict(dict)  # kind -> id -> (path, line)
    for r in results:
        for cls_name, ident, line, _col in r.defs:  # duplicates inside one file are check_file's
            if cls_name in _DEFS:
                known[_DEFS[cls_name]].setdefault(ident, (r.path, line))
    for r in results:
        kind = _OWN_KIND.get(type(r.record).__name__)
        if kind is None:
            continue
        ident, where = r.record.id, r.marks.get("id")
        if ident in known[kind]:
            path, line = known[kind][ident]
            add(_at_mark(r.path, where, f"{kind} {ident!r} is defined twice (also in {path}{':' + str(line) if line else ''})", "keep one file per record"))
        else:
            known[kind][ident] = (r.path, where[0] if where else 0)
    outcomes: _Outcomes = {}
    for r in results:
        if isinstance(r.record, model.Round):
            rec = r.record
            ids = {o.id for t in rec.topics for o in t.outcomes}
            if rec.id in outcomes:  # a round in two files (an error above): the outcomes of both
                ids |= outcomes[rec.id][1]
            outcomes[rec.id] = (rec.date, ids)
    return known, outcomes


def _outcome(outcomes: _Outcomes, key: str) -> tuple[bool, model.PartialDate | None]:
    """Whether the outcome cited as ``key`` exists, and the date of its round."""
    round_id, _, outcome_id = key.partition("/")
    found = outcomes.get(round_id)
    if found is None or outcome_id not in found[1]:
        return False, None
    return True, found[0]


def _check_partner_names(results: list[FileResult], add) -> None:
    """Partner names and aliases must not collide: users type them."""
    names: dict[str, str] = {}
    for r in results:
        if not isinstance(r.record, model.Partners):
            continue
        lines = {i: (ln, c) for k, i, ln, c in r.defs if k == "Partner"}
        for p in r.record.partners:
            for name in (n for n in (p.id, p.name.en, p.name.zh, *p.aliases) if n):
                key = name.casefold()
                if names.get(key, p.id) != p.id:
                    add(_at_mark(r.path, lines.get(p.id, (0, 0)), f"partner name {name!r} is used by both {names[key]!r} and {p.id!r}", "users type these names; each must name one partner"))
                names[key] = p.id


def _check_references(results: list[FileResult], known: dict[str, dict[str, tuple]], outcomes: _Outcomes, add) -> None:
    """Every reference names something that exists (sources are checked within their file)."""
    for r in results:
        for kind, value, line, col in r.refs:
            if kind == "source" or (_outcome(outcomes, value)[0] if kind == "outcome" else value in known[kind]):
                continue
            if kind == "outcome" and "outcome" not in known:  # the names a hint is chosen from, made once
                known["outcome"] = {f"{round_id}/{o}": () for round_id, (_, ids) in outcomes.items() for o in ids}
            hint = _close(value, known[kind])
            if not hint and kind in _REF_FILE:
                hint = f"define it in {_REF_FILE[kind]}"
            if not hint and kind == "outcome":
                hint = "outcomes are cited as <round-id>/<outcome-id>"
            add(Problem(r.path, line, col, f"unknown {kind} {value!r}", hint))


def _check_evidence(results: list[FileResult], outcomes: _Outcomes, add) -> None:
    """Evidence must not predate the promise; a status beyond 'announced' needs evidence."""
    evidenced: set[str] = set()
    for r in results:
        for label, when, targets in _cites(r.record):
            for target in targets:
                evidenced.add(target)
                promised = _outcome(outcomes, target)[1]
                if when and promised and when.last_day() < promised.first_day():
                    where = next(((line, col) for kind, value, line, col in r.refs if kind == "outcome" and value == target), None)
                    add(_at_mark(r.path, where, f"{label} dated {when} cannot follow up {target}, which is dated {promised}", "evidence cannot come before the promise"))
    for r in results:
        if not isinstance(r.record, model.Round):
            continue
        places = _outcome_places(r)
        for t in r.record.topics:
            for o in t.outcomes:
                key = f"{r.record.id}/{o.id}"
                status = o.commitment.status if o.commitment else None
                if status in EVIDENCED_STATUSES and key not in evidenced:
                    add(_at_mark(r.path, places.get(o.id, (0, 0)), f"commitment {key} is {status!r} but nothing follows it up", "cite it in a follow_ups: entry, a document or a later outcome, or set status: unknown"))


def _check_numbering(rounds: list[FileResult], add) -> None:
    by_dialogue = defaultdict(list)
    for r in rounds:
        if r.record.round is not None:
            by_dialogue[r.record.dialogue].append(r)
    for dialogue, items in by_dialogue.items():
        items.sort(key=lambda r: r.record.round)
        for prev, cur in pairwise(items):
            p, c = prev.record, cur.record
            if p.round == c.round:
                line, col = prev.marks.get("round", (0, 0))
                add(_at_mark(cur.path, cur.marks.get("round"), f"{dialogue} round {c.round} is also in {prev.path}:{line}:{col}", "two files for the same round"))
            elif c.round > p.round + 1:
                first, last = p.round + 1, c.round - 1
                missing = f"round {first}" if first == last else f"rounds {first}–{last}"
                add(_at_mark(cur.path, cur.marks.get("round"), f"{dialogue} has no {missing} before round {c.round}", "a gap in the numbering", warning=True))
        latest_start = None  # the latest first day among lower-numbered rounds
        latest = None
        for cur in items:
            c = cur.record
            if c.date is None:
                continue
            if latest is not None and latest.round < c.round and c.date.last_day() < latest_start:
                add(_at_mark(cur.path, cur.marks.get("date"), f"{dialogue} round {c.round} is dated {c.date}, before round {latest.round} ({latest.date})", "check the date or the round number"))
            if latest_start is None or c.date.first_day() > latest_start:
                latest_start, latest = c.date.first_day(), c
        if items and items[0].record.round > 1:
            first_r = items[0]
            add(_at_mark(first_r.path, first_r.marks.get("round"), f"{dialogue} has no round before round {first_r.record.round}", "a gap in the numbering", warning=True))


def _check_likely_duplicates(rounds: list[FileResult], add) -> None:
    """Two records of one dialogue on the same date are likely one meeting in two files (a warning)."""
    first: dict[tuple, FileResult] = {}
    for r in sorted(rounds, key=lambda r: r.path):
        rec = r.record
        if rec.date is None:
            continue
        key = (rec.dialogue, str(rec.date))
        if key not in first:
            first[key] = r
            continue
        other = first[key]
        if rec.round is not None and rec.round == other.record.round:
            continue  # two files for one numbered round: an error of _check_numbering
        line, col = other.marks.get("date", (0, 0))
        add(_at_mark(r.path, r.marks.get("date"), f"{rec.dialogue} {rec.id!r} has the same date ({rec.date}) as {other.record.id!r} ({other.path}:{line}:{col})", "two files for one meeting? merge them, or keep both if they are different meetings", warning=True))


def stem_of(path: str) -> str:
    return os.path.splitext(os.path.basename(path))[0]
