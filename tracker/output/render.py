"""Choose the output for each command and format: rich for people, plain text for machines.

Every function takes the typed records the query layer returns. ``table`` draws them through
rich (imported only then); ``json``, ``csv`` and ``markdown`` are written as plain text from the
plain form ``serialize`` makes of them, the one place where a record becomes JSON.
"""

from __future__ import annotations

from . import serialize as S
from ..errors import InputError, one_line
from .formats import write_csv, write_json, write_json_texts, write_rows
from ..safe import visible


def _view(env, ds):
    from .tables import View

    return View(env, ds, getattr(env, "recording", None))


class pictures:
    """``with pictures(env, svg, html, force, fmt):`` records what the table view draws and saves it."""

    def __init__(self, env, svg, html, force: bool, fmt: str):
        self.env, self.svg, self.html, self.force = env, svg, html, force
        if (svg or html) and fmt != "table":
            raise InputError("--svg and --html save the table view; drop --format")
        if svg == html == "-":
            raise InputError("only one of --svg and --html can go to standard output (-)")
        for path in (svg, html):
            if path:
                from .files import check_target

                check_target(path, force=force, data_dir=env.data_dir)

    def __enter__(self):
        if self.svg or self.html:
            from .tables import make_console

            self.env.recording = make_console(self.env, record=True)
            if "-" in (self.svg, self.html):  # the picture is the output: the table is only recorded
                import io

                self.env.recording.file = io.StringIO()
        return self

    def __exit__(self, kind, value, tb):
        console = getattr(self.env, "recording", None)
        self.env.recording = None
        if kind is not None or console is None:
            return False
        from .files import STDOUT, write_text

        written = []
        if self.svg:
            written.append(write_text(self.svg, console.export_svg(clear=False, title="tracker"), force=self.force,
                                      data_dir=self.env.data_dir, stdout=self.env.stdout))
        if self.html:
            written.append(write_text(self.html, console.export_html(clear=False), force=self.force,
                                      data_dir=self.env.data_dir, stdout=self.env.stdout))
        for path in written:
            if path != STDOUT:  # say what was written, as the exports do
                print(one_line(f"wrote {path}"), file=self.env.stderr)
        return False


LIST_COLUMNS = S.ROUND_FIELDS


def _listing(env, ds, texts, fmt: str, columns) -> None:
    """A listing given as the JSON texts of its items: streamed as a JSON array, or as rows."""
    if fmt == "json":
        write_json_texts(env.stdout, texts)
    else:
        write_rows(env.stdout, fmt, [S.flat(S.plain_of(t), env.lang) for t in texts], columns)


def rounds(env, ds, summaries, fmt: str, show_all: bool = True) -> None:
    """Round summaries (``query.list_rounds``), in any format."""
    if fmt == "table":
        _view(env, ds).rounds(list(summaries), show_all=show_all)
    else:
        _listing(env, ds, (S.summary_text(s) for s in summaries), fmt, LIST_COLUMNS)


def _one_object(env, ds, fmt: str, draw, make):
    """For a command that gives one object: the table drawn by ``draw(view)``, or the object
    ``make()`` written as JSON; for the other formats, the object (else None)."""
    if fmt == "table":
        draw(_view(env, ds))
        return None
    obj = make()
    if fmt == "json":
        write_json(env.stdout, obj)
        return None
    return obj


def show(env, ds, r, fmt: str, full: bool = False) -> None:
    obj = _one_object(env, ds, fmt, lambda view: view.show(r, full=full), lambda: S.full_round(ds, r))
    if obj is None:
        return
    if fmt == "csv":
        rows = []
        for t in obj["topics"]:
            outcomes = t["outcomes"] or [None]
            for o in outcomes:
                rows.append({
                    "round": r.id, "topic": t["topic"], "topic_name": t["name"], "label": t["label"],
                    "outcome": o["id"] if o else None, "text": o["text"] if o else None,
                    "commitment": (o.get("commitment") or {}).get("status") if o else None,
                })
        write_csv(env.stdout, [S.flat(x, env.lang) for x in rows], ["round", "topic", "topic_name", "label", "outcome", "text", "commitment"])
    else:
        from .markdown import show_markdown

        env.stdout.write(visible(show_markdown(ds, obj, env.lang)))


def compare(env, ds, c, fmt: str, detail: bool = False) -> None:
    obj = _one_object(env, ds, fmt, lambda view: view.compare(c, detail=detail), lambda: S.comparison_object(ds, c))
    if obj is None:
        return
    rows = _compare_rows(obj, env.lang)
    if fmt == "csv":
        write_csv(env.stdout, rows, COMPARE_COLUMNS)
    else:
        from .markdown import compare_markdown

        env.stdout.write(visible(compare_markdown(obj, rows, env.lang)))


COMPARE_COLUMNS = ["change", "theme", "a_topic", "b_topic", "a_outcomes", "b_outcomes"]


def _compare_rows(obj: dict, lang: str) -> list[dict]:
    def names(side):
        return S.flat({"x": side["name"]}, lang)["x"] if side else ""

    def outs(side):
        return S.flat({"x": [o["text"] for o in side["outcomes"]]}, lang)["x"] if side else ""

    rows = []
    for change in ("added", "dropped"):
        for side in obj[change]:
            a, b = (None, side) if change == "added" else (side, None)
            rows.append({"change": change, "theme": "", "a_topic": names(a), "b_topic": names(b), "a_outcomes": outs(a), "b_outcomes": outs(b)})
    for change in ("continued", "evolved"):
        for p in obj[change]:
            rows.append({
                "change": change, "theme": S.flat({"x": p["theme_name"]}, lang)["x"],
                "a_topic": names(p["a"]), "b_topic": names(p["b"]), "a_outcomes": outs(p["a"]), "b_outcomes": outs(p["b"]),
            })
    return rows


TIMELINE_COLUMNS = ["date", "kind", "id", "dialogue", "partner", "round", "name", "title", "format", "venue", "topics", "text", "record"]


def timeline(env, ds, entries, fmt: str) -> None:
    """Timeline entries (``query.timeline``), in any format."""
    if fmt == "table":
        _view(env, ds).timeline(list(entries))
    elif fmt == "timelinejs":
        from .export import timelinejs

        write_json(env.stdout, timelinejs(ds, [S.plain_of(S.timeline_text(ds, e)) for e in entries], env.lang))
    else:
        _listing(env, ds, (S.timeline_text(ds, e) for e in entries), fmt, TIMELINE_COLUMNS)


def topics(env, ds, rounds, matrix, fmt: str) -> None:
    if fmt == "table":
        _view(env, ds).topics(rounds, matrix)
        return
    ids = [r.id for r in rounds]
    if fmt == "json":
        write_json(env.stdout, {
            "themes": [S.plain(t) for t in ds.themes.values()],
            "topics": [S.plain(t) for t in ds.topics.values()],
            "rounds": ids,
            "matrix": [
                {"topic": t.id, "theme": t.theme, "rounds": [i for i, c in zip(ids, cells) if c is not None],
                 "headline": [i for i, c in zip(ids, cells) if c]}
                for t, cells in matrix
            ],
        })
        return
    rows = []
    for t, cells in matrix:
        row = {"topic": t.id, "name": t.name.get(env.lang), "theme": ds.themes[t.theme].name.get(env.lang)}
        for i, c in zip(ids, cells):
            row[i] = "x" if c else "o" if c is False else ""
        rows.append(row)
    write_rows(env.stdout, fmt, rows, ["topic", "name", "theme", *ids])


def topic_history(env, ds, topic_ids, history, fmt: str) -> None:
    if fmt == "table":
        _view(env, ds).topic_history(topic_ids, history)
        return
    objs = []
    for mention in history:
        r, t = mention.round, mention.topic
        o = S.round_object(ds, r)
        o = {k: o[k] for k in ("id", "dialogue", "round", "name", "date", "partner", "format", "venue")}
        o["topic"] = S.topic_object(ds, t) if t is not None else None
        o["outcomes"] = [{"id": f"{x.round}/{x.id}", "text": S.text(x.text)} for x in mention.outcomes]
        o["topic_match"] = mention.match
        objs.append(o)
    if fmt == "json":
        write_json(env.stdout, objs)
    else:
        write_rows(env.stdout, fmt, [S.flat(o, env.lang) for o in objs], ["id", "dialogue", "round", "name", "date", "partner", "format", "venue", "topic", "outcomes", "topic_match"])


def search(env, ds, results, fmt: str, needle: str = "") -> None:
    """Search results (``query.search``), in any format."""
    if fmt == "json":
        write_json_texts(env.stdout, (S.search_text(ds, r) for r in results))
        return
    results = list(results)
    if fmt == "table":
        _view(env, ds).search(results, needle)
    else:
        rows = [{"record": r.record.id, "date": str(r.record.date or ""), "where": h.where, "text": h.text} for r in results for h in r.hits]
        write_rows(env.stdout, fmt, rows, ["record", "date", "where", "text"])


def commitments(env, ds, rows, fmt: str) -> None:
    if fmt == "table":
        _view(env, ds).commitments(rows)
        return
    objs = [S.commitment_object(ds, r) for r in rows]
    if fmt == "json":
        write_json(env.stdout, objs)
    else:
        write_rows(env.stdout, fmt, [S.flat(o, env.lang) for o in objs], ["id", "round", "dialogue", "partner", "date", "topic", "text", "status", "due", "age_days", "note", "evidence"])

