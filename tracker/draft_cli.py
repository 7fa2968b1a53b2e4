"""The `draft` command: read the article, load the data, print or write the draft."""

from __future__ import annotations

import json
import re
import sys
import unicodedata

from .errors import InputError, one_line


def run_draft(env, load_data, article: str, dialogue: str | None, round_: str | None, source_url: str | None,
              publisher: str | None, published: str | None, out: str | None, fmt: str, force: bool,
              compare: bool = False) -> None:
    from . import draft as drafting

    fmt = fmt.lower()
    number, day = _checked_options(round_, source_url, published, publisher)
    if out is not None:
        from .output.files import check_target

        check_target(out, force=force, data_dir=env.data_dir)  # refuse before any work
    text = drafting.read_article(article, sys.stdin)
    ds = load_data()
    result = drafting.make_draft(ds, text, env.today, dialogue=dialogue, round_no=number,
                                 source_url=source_url, publisher=publisher, published=day, rounds=ds.rounds.values())
    if compare:
        if result.existing is None:
            raise InputError(f"--compare: the data holds no record of this event ({result.id}); there is nothing to compare with")
        body = _comparison(result)
        _tell(env, result)
        _deliver(env, body, out, force)
        return
    body = _rendered(env, result, fmt, to_file=out is not None)
    _tell(env, result)
    _deliver(env, body, out, force)


def _shown(value: str) -> str:
    """An option's value as it may be shown: quoted, escapes for controls, at most 40 characters."""
    return repr(value[:40] + ("…" if len(value) > 40 else ""))


def _checked_options(round_: str | None, source_url: str | None, published: str | None, publisher: str | None = None):
    """The round number and publication day the options give; InputError for one that is not usable."""
    number = None
    if round_ is not None:
        # ASCII digits only ('²' and other Unicode digits are refused), and at most four of them
        if not re.fullmatch(r"[0-9]{1,4}", round_.strip()) or int(round_) < 1:
            raise InputError(f"--round {_shown(round_)} is not a round number (use 1, 2, … up to 9999)")
        number = int(round_)
    for name, value in (("--source-url", source_url), ("--publisher", publisher)):
        if value is not None and (not value.strip() or any(unicodedata.category(ch)[0] in "CZ" and ch != " " for ch in value)):
            raise InputError(f"{name} {_shown(value)} holds a control or line-breaking character")
    if source_url is not None and (not source_url.startswith(("http://", "https://")) or " " in source_url):
        raise InputError(f"--source-url {_shown(source_url)} is not a web address (start it with https://, no spaces)")
    day = None
    if published is not None:
        from .data.dates import parse_date

        when = parse_date(published)
        if when.day is None:
            raise InputError(f"--published {published!r} is not a full date (give the day too)")
        day = when.first_day()
    return number, day


def _rendered(env, result, fmt: str, to_file: bool) -> str:
    """The draft as JSON (ASCII escapes for a terminal that cannot show CJK), or as YAML that reads back as a round file."""
    if fmt == "json":
        import json

        body = json.dumps(result.record, ensure_ascii=False, indent=2) + "\n"
        if not to_file:
            from .output.formats import _encodes_cjk

            if not _encodes_cjk(env.stdout):
                body = json.dumps(result.record, ensure_ascii=True, indent=2) + "\n"
        return body
    from .draft import check_round_trip, to_yaml

    body = to_yaml(result)
    check_round_trip(result, body)
    return body


def _tell(env, result) -> None:
    """On stderr: that the round is already in the data, and the drafter's notes."""
    if result.existing:
        print(f"warning: the data already holds this event as {result.existing_id} ({result.existing}); compare the draft with it",
              file=env.stderr)
    if result.near:
        names = ", ".join(f"{rid} ({day})" for rid, day in result.near)
        print(one_line(f"warning: the data holds records that may be this event (found by {result.near_how}): {names}; "
                       "if the draft repeats one of them, compare it with that record"), file=env.stderr)
    for line in result.messages:
        print(f"note: {line}", file=env.stderr)


def _deliver(env, body: str, out: str | None, force: bool) -> None:
    """The draft written to ``out``, or printed."""
    if out is not None:
        from .output.files import write_text

        written = write_text(out, body, force=force, data_dir=env.data_dir)
        print(one_line(f"wrote {written}"), file=env.stderr)
    else:
        env.stdout.write(body)


def _comparison(result) -> str:
    """What the draft adds to the curated record it repeats: values that differ, and people, places,
    topics and outcomes the record lacks; one line each."""
    import yaml

    with open(result.existing, encoding="utf-8") as fh:
        curated = yaml.safe_load(fh) or {}
    draft = result.record
    lines = [f"the draft {result.id} beside {result.existing_id} ({result.existing}):"]
    for key in ("round", "kind", "event", "date", "end_date", "format"):
        mine, theirs = draft.get(key), curated.get(key)
        mine, theirs = (None if v is None else str(v) for v in (mine, theirs))
        if mine is not None and mine != theirs:
            lines.append(f"  {key}: {mine} (the data: {theirs if theirs is not None else 'none'})")

    def who(p: dict) -> str:
        return p.get("person") or next(iter((p.get("organisation") or {}).values()), "?")

    known = {who(p): p.get("role") for p in curated.get("participants", [])}
    for p in draft.get("participants", []):
        if who(p) not in known:
            lines.append(f"  adds participant: {who(p)} ({p.get('role')})")
        elif known[who(p)] != p.get("role"):
            lines.append(f"  participant {who(p)}: role {p.get('role')} (the data: {known[who(p)]})")
    places = {json.dumps(v, sort_keys=True) for v in curated.get("venues", [])}
    for v in draft.get("venues", []):
        if json.dumps(v, sort_keys=True) not in places:
            lines.append(f"  adds venue: {' / '.join(v.values())}")
    topics = {t.get("topic"): t for t in curated.get("topics", [])}
    for t in draft.get("topics", []):
        if t["topic"] not in topics:
            lines.append(f"  adds topic: {t['topic']} ({len(t.get('outcomes', []))} candidate outcomes)")
        elif t.get("outcomes") and not topics[t["topic"]].get("outcomes"):
            lines.append(f"  topic {t['topic']}: {len(t['outcomes'])} candidate outcomes (the data: none)")
    if len(lines) == 1:
        lines.append("  nothing: the curated record already says all the draft found")
    return "\n".join(one_line(line) for line in lines) + "\n"
