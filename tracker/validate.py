"""Checks within one record and across the whole data folder.

``check_file`` runs on each file as soon as it is read (its results can be
cached with the file); ``check_folder`` runs on every load, over all files.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import os
from collections import defaultdict
from typing import Optional

from . import model
from .errors import Problem
from .load import FileResult, _close


def _p(result: FileResult, where, message: str, hint: Optional[str] = None, warning: bool = False) -> Problem:
    line, col = where if where else (0, 0)
    return Problem(result.path, line, col, message, hint, warning)


def check_file(result: FileResult, stem: str) -> None:
    """Rules that need only this file; adds problems and finishes derived fields."""
    rec = result.record
    if rec is None:
        return
    add = result.problems.append
    marks = result.marks

    # IDs unique within their scope in this file
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

    if isinstance(rec, (model.Round, model.Document, model.Dialogue)):
        if rec.id != stem:
            add(_p(result, marks.get("id"), f"id {rec.id!r} does not match the file name {stem!r}", f"rename the file to {rec.id}.yaml or fix the id"))
        for source in rec.sources:
            _check_source(result, source)
        if rec.last_verified.day is None:
            add(_p(result, marks.get("last_verified"), f"last_verified {rec.last_verified} is not a full date", "write YYYY-MM-DD"))
        for d in rec.disputed:
            if len(d.versions) < 2:
                add(_p(result, marks.get("disputed"), f"disputed {d.about!r} needs two or more versions", "add the other version with its source, or use unverified:"))
    if isinstance(rec, model.Round):
        _check_round(result, rec)
    if isinstance(rec, model.Document):
        for s in rec.signatories:
            if not (s.person or s.organisation):
                add(_p(result, marks.get("signatories"), "a signatory needs a person or an organisation"))
        if rec.in_force and rec.date and rec.in_force.last_day() < rec.date.first_day():
            add(_p(result, marks.get("in_force"), f"in_force {rec.in_force} is before the signing date {rec.date}"))
        result.record = dataclasses.replace(rec, path=result.path)
    if isinstance(rec, model.Dialogue):
        result.record = dataclasses.replace(rec, path=result.path)


def _noun(cls_name: str) -> str:
    return {"FollowUp": "follow-up"}.get(cls_name, cls_name.lower())


def _check_source(result: FileResult, source: model.Source) -> None:
    if source.url and not source.url.startswith(("http://", "https://")):
        where = next(((ln, c) for k, i, ln, c in result.defs if k == "Source" and i == source.id), None)
        result.problems.append(_p(result, where, f"source {source.id!r}: url {source.url!r} is not a web address", "start it with https://"))


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


_REF_NOUN = {
    "partner": "partner",
    "dialogue": "dialogue",
    "topic": "topic",
    "theme": "theme",
    "person": "person",
    "document": "document",
    "round": "round",
    "outcome": "outcome",
}
_REF_FILE = {
    "partner": "partners.yaml",
    "topic": "topics.yaml",
    "theme": "topics.yaml",
    "person": "people.yaml",
    "dialogue": "dialogues/",
    "document": "documents/",
    "round": "rounds/",
}


def check_folder(results: list[FileResult], today: _dt.date) -> list[Problem]:
    """Rules across files: unique IDs, references, numbering, dates of evidence."""
    problems: list[Problem] = []
    add = problems.append
    by_cls = defaultdict(list)
    for r in results:
        if r.record is not None:
            by_cls[type(r.record)].append(r)

    known: dict[str, dict[str, tuple]] = defaultdict(dict)  # kind -> id -> (path, line)

    def define(kind: str, ident: str, result: FileResult, where, report: bool = True) -> None:
        if ident in known[kind]:
            if not report:  # already reported by check_file: these live in one file
                return
            path, line = known[kind][ident]
            add(_p(result, where, f"{kind} {ident!r} is defined twice (also in {path}{':' + str(line) if line else ''})", "keep one file per record"))
        else:
            known[kind][ident] = (result.path, where[0] if where else 0)

    for res in by_cls[model.Partners]:
        for _, ident, line, col in [d for d in res.defs if d[0] == "Partner"]:
            define("partner", ident, res, (line, col), report=False)
    for res in by_cls[model.Taxonomy]:
        for cls_name, ident, line, col in res.defs:
            if cls_name in ("Theme", "Topic"):
                define(cls_name.lower(), ident, res, (line, col), report=False)
    for res in by_cls[model.People]:
        for _, ident, line, col in [d for d in res.defs if d[0] == "Person"]:
            define("person", ident, res, (line, col), report=False)
    for cls, kind in ((model.Dialogue, "dialogue"), (model.Round, "round"), (model.Document, "document")):
        for res in by_cls[cls]:
            define(kind, res.record.id, res, res.marks.get("id"))
    for res in by_cls[model.Round]:
        rec = res.record
        for t in rec.topics:
            for o in t.outcomes:
                known["outcome"][f"{rec.id}/{o.id}"] = (res.path, 0)

    # partner names and aliases must not collide: users type them
    names: dict[str, str] = {}
    for res in by_cls[model.Partners]:
        lines = {ident: (line, col) for cls_name, ident, line, col in res.defs if cls_name == "Partner"}
        for partner in res.record.partners:
            for name in (partner.id, partner.name.en, partner.name.zh, *partner.aliases):
                if not name:
                    continue
                key = name.casefold()
                if names.get(key, partner.id) != partner.id:
                    add(_p(res, lines.get(partner.id), f"partner name {name!r} is used by both {names[key]!r} and {partner.id!r}", "users type these names; each must name one partner"))
                names[key] = partner.id

    # every reference names something that exists
    for res in results:
        for ref in res.refs:
            if ref.kind == "source":
                continue
            if ref.value not in known[ref.kind]:
                noun = _REF_NOUN[ref.kind]
                hint = _close(ref.value, known[ref.kind])
                if not hint and ref.kind in _REF_FILE:
                    hint = f"define it in {_REF_FILE[ref.kind]}"
                if not hint and ref.kind == "outcome":
                    hint = "outcomes are cited as <round-id>/<outcome-id>"
                add(Problem(res.path, ref.line, ref.col, f"unknown {noun} {ref.value!r}", hint))

    rounds = [res for res in by_cls[model.Round]]
    _check_numbering(rounds, add)
    _check_evidence(results, by_cls, add)
    for res in results:
        rec = res.record
        if isinstance(rec, (model.Round, model.Document, model.Dialogue)) and rec.last_verified.first_day() > today:
            add(_p(res, res.marks.get("last_verified"), f"last_verified {rec.last_verified} is in the future"))
    return problems


def _check_numbering(rounds: list[FileResult], add) -> None:
    by_dialogue = defaultdict(list)
    for res in rounds:
        if res.record.round is not None:
            by_dialogue[res.record.dialogue].append(res)
    for dialogue, items in by_dialogue.items():
        items.sort(key=lambda r: r.record.round)
        numbers = [r.record.round for r in items]
        for prev, cur in zip(items, items[1:]):
            a, b = prev.record, cur.record
            if a.round == b.round:
                add(_p(cur, cur.marks.get("round"), f"{dialogue} round {b.round} is also in {prev.path}", "two files for the same round"))
            elif b.round > a.round + 1:
                missing = ", ".join(str(n) for n in range(a.round + 1, b.round))
                add(_p(cur, cur.marks.get("round"), f"{dialogue} has no round {missing} before round {b.round}", "a gap in the numbering", warning=True))
        dated = [r for r in items if r.record.date]
        for i, cur in enumerate(dated):
            for prev in dated[:i]:
                a, b = prev.record, cur.record
                if a.round < b.round and b.date.last_day() < a.date.first_day():
                    add(_p(cur, cur.marks.get("date"), f"{dialogue} round {b.round} is dated {b.date}, before round {a.round} ({a.date})", "check the date or the round number"))
                    break
        if numbers and numbers[0] > 1:
            first = items[0]
            add(_p(first, first.marks.get("round"), f"{dialogue} has no round before round {numbers[0]}", "a gap in the numbering", warning=True))


def _check_evidence(results, by_cls, add) -> None:
    """Evidence must not predate the promise, and a status beyond 'announced' needs evidence."""
    outcome_dates: dict[str, tuple] = {}
    commitments: dict[str, tuple] = {}
    for res in by_cls[model.Round]:
        rec = res.record
        for t in rec.topics:
            for o in t.outcomes:
                key = f"{rec.id}/{o.id}"
                outcome_dates[key] = rec.date
                if o.commitment:
                    where = next(((ln, c) for k, i, ln, c in res.defs if k == "Outcome" and i == o.id), None)
                    commitments[key] = (res, where, o.commitment)
    evidenced: set[str] = set()

    def cite(res, when, targets, label):
        for target in targets:
            evidenced.add(target)
            promised = outcome_dates.get(target)
            if when and promised and when.last_day() < promised.first_day():
                ref = next((r for r in res.refs if r.kind == "outcome" and r.value == target), None)
                where = (ref.line, ref.col) if ref else None
                add(_p(res, where, f"{label} dated {when} cannot follow up {target}, which is dated {promised}", "evidence cannot come before the promise"))

    for res in results:
        rec = res.record
        if isinstance(rec, model.Round):
            for f in rec.follow_ups:
                cite(res, f.date, f.follows_up, f"follow-up {f.id!r}")
            for t in rec.topics:
                for o in t.outcomes:
                    cite(res, rec.date, o.follows_up, f"outcome {o.id!r}")
        elif isinstance(rec, model.Document):
            cite(res, rec.date, rec.follows_up, f"document {rec.id!r}")
    for key, (res, where, c) in commitments.items():
        if c.status in ("in-progress", "delivered", "lapsed") and key not in evidenced:
            add(_p(res, where, f"commitment {key} is {c.status!r} but nothing follows it up", "cite it in a follow_ups: entry, a document or a later outcome, or set status: unknown"))


def stem_of(path: str) -> str:
    return os.path.splitext(os.path.basename(path))[0]


# ---------------------------------------------------------------- the validate command


def run_validate(env, path: Optional[str], strict: bool) -> int:
    """Check a folder; problems on stderr, a one-line summary on stdout; the exit status."""
    from .load import check

    root = path or env.data_dir
    cache = None
    if env.use_cache:
        from .cache import Cache

        cache = Cache(env.cache_dir, root)
    dataset, problems = check(root, env.today, cache)
    problems.sort()
    errors = [p for p in problems if not p.warning]
    warnings = [p for p in problems if p.warning]
    for p in problems:
        print(p, file=env.stderr)
    failed = bool(errors) or (strict and bool(warnings))
    if dataset is not None:
        summary = (
            f"{root}: {len(dataset.dialogues)} dialogues, {len(dataset.rounds)} rounds and meetings, "
            f"{len(dataset.documents)} documents, {len(dataset.topics)} topics, {len(dataset.people)} people"
        )
    else:
        summary = root
    summary += f"; {len(errors)} error{'s' if len(errors) != 1 else ''}, {len(warnings)} warning{'s' if len(warnings) != 1 else ''}"
    print(summary, file=env.stderr if failed else env.stdout)
    return 1 if failed else 0
