"""The command line: typer commands that parse options and wire load → query → render.

Every command takes the shared options --lang, --data-dir, --no-cache and
--color (also accepted before the command name), and every listing takes
--format.  ``main`` turns every failure into one line on stderr and an exit
status from ``ExitStatus``.
"""

from __future__ import annotations

import functools
import inspect
import sys
from typing import Annotated, Literal, Optional

import typer

from . import __version__
from .env import Env
from .errors import InputError, PipeClosed, TrackerError, one_line
from .status import ExitStatus

_APP_SETTINGS = dict(
    name="tracker",
    help=(
        "Follow Taiwan's bilateral economic dialogues (EPPD, DDE, TUBA, …): who met, when, "
        "what they discussed and agreed, and where each fact comes from.\n\n"
        "\b\nExamples:\n  tracker list\n  tracker show eppd:6\n  tracker compare 1 6\n"
        "  tracker timeline --partner us\n  tracker search 'critical minerals'"
    ),
    invoke_without_command=True,  # alone, `tracker` prints its help (see _root)
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app = typer.Typer(**_APP_SETTINGS)
_COMMANDS: dict = {}  # name ("list", "export ics") -> (function, options, app it belongs to or None for `app`)
_REGISTERED: set = set()  # the names whose typer command is made

# ---------------------------------------------------------------- shared options

Format = Literal["table", "json", "csv", "markdown"]
Lang = Literal["en", "zh"]
Color = Literal["auto", "always", "never"]
Status = Literal["announced", "in-progress", "delivered", "lapsed", "unknown"]  # api.COMMITMENT_STATUSES
SchemaKind = Literal["round", "dialogue", "document", "partners", "topics", "people"]  # schema.SCHEMA_KINDS

LangOpt = Annotated[Optional[Lang], typer.Option("--lang", case_sensitive=False, help="Language of names and headings [env: TRACKER_LANG; default: en].", show_default=False)]
DataDirOpt = Annotated[Optional[str], typer.Option("--data-dir", help="Data folder to read [env: TRACKER_DATA_DIR; default: the data shipped with the tracker].", show_default=False)]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Read every data file again instead of using the cache [env: TRACKER_NO_CACHE].")]
NoPagerOpt = Annotated[bool, typer.Option("--no-pager", help="Print long output straight to the terminal [env: TRACKER_PAGER, PAGER; default: less -FRX].")]
ColorOpt = Annotated[Optional[Color], typer.Option("--color", case_sensitive=False, help="Colour [env: NO_COLOR, FORCE_COLOR; default: auto].", show_default=False)]
FormatOpt = Annotated[Format, typer.Option("--format", "-O", case_sensitive=False, help="Output: table (for people), json, csv or markdown.")]
DialogueOpt = Annotated[Optional[str], typer.Option("--dialogue", "-d", help="Only this dialogue: eppd, dde, tuba, … (ID or name).", show_default=False)]
PartnerOpt = Annotated[Optional[str], typer.Option("--partner", "-p", help="Only this partner, by ID or name in either language: us, USA, 美國, eu, 歐盟.", show_default=False)]
SinceOpt = Annotated[Optional[str], typer.Option("--since", help="From this date, inclusive: 2020-11-20, 2021-11, 2021, 'Nov 2020', 民國109年11月20日, 109/11/20, 1091120. A partial date starts at its first day.", show_default=False)]
UntilOpt = Annotated[Optional[str], typer.Option("--until", help="Up to this date, inclusive (same forms as --since). A partial date ends on its last day: --until 2020 means up to 2020-12-31.", show_default=False)]
RefDialogueOpt = Annotated[Optional[str], typer.Option("--dialogue", "-d", help="The dialogue of a bare round number such as 6 [default: eppd].", show_default=False)]
SvgOpt = Annotated[Optional[str], typer.Option("--svg", help="Also save what the terminal shows as an SVG picture, for slides and reports (- writes only the picture, to standard output).", show_default=False)]
HtmlOpt = Annotated[Optional[str], typer.Option("--html", help="Also save what the terminal shows as an HTML page (- writes only the page, to standard output).", show_default=False)]
ForceOpt = Annotated[bool, typer.Option("--force", "-f", help="Replace the output file if it exists (a regular file only; it keeps its permissions).")]
TopicOpt = Annotated[Optional[str], typer.Option("--topic", "-t", help="Only rounds that discussed this topic or theme (ID, name or alias; see `tracker topics`).", show_default=False)]


def _apply(env: Env, lang=None, data_dir=None, no_cache=False, color=None, no_pager=False) -> Env:
    if lang is not None:
        env.lang_option = lang
    if data_dir is not None:
        env.data_dir_option = data_dir
    if no_cache:
        env.no_cache_option = True
    if color is not None:
        env.color_option = color
    if no_pager:
        env.no_pager_option = True
    env.lang  # noqa: B018 - reject an unknown language before any work
    return env


FILTERS = {  # the filter options, in the order --help lists them: name -> annotation (each defaults to None)
    "dialogue": DialogueOpt,
    "partner": PartnerOpt,
    "since": SinceOpt,
    "until": UntilOpt,
    "topic": TopicOpt,
}


def command(name: str, target=None, filters: tuple = (), **kwargs):
    """Declare a command (of ``app`` or of ``target``) that receives the Env first and takes the
    shared options, and the ``filters`` named (see ``FILTERS``), which it receives as keyword
    arguments. The typer command is made only when an app is built (see ``_app_for``): reading
    every command's annotations at each start would cost more than the command asked for."""

    def decorate(func):
        func.filters = filters
        _COMMANDS[name if target is None else f"export {name}"] = (func, kwargs, target)  # export_app is the one group
        return func

    return decorate


def _with_shared_options(func):
    """The command as typer sees it: its own options, then the shared ones, the Env made from them."""
    import typing

    sig = inspect.signature(func)
    hints = typing.get_type_hints(func, include_extras=True)
    kw = inspect.Parameter.KEYWORD_ONLY
    own = [p.replace(annotation=hints.get(p.name, p.annotation)) for p in list(sig.parameters.values())[1:]
           if p.kind is not inspect.Parameter.VAR_KEYWORD]
    arguments = [p for p in own if p.default is inspect.Parameter.empty]
    filters = [inspect.Parameter(n, kw, default=None, annotation=FILTERS[n]) for n in getattr(func, "filters", ())]
    options = [p.replace(kind=kw) for p in own if p.default is not inspect.Parameter.empty]
    params = arguments + filters + options
    extra = [
        inspect.Parameter("lang", kw, default=None, annotation=LangOpt),
        inspect.Parameter("data_dir", kw, default=None, annotation=DataDirOpt),
        inspect.Parameter("no_cache", kw, default=False, annotation=NoCacheOpt),
        inspect.Parameter("color", kw, default=None, annotation=ColorOpt),
        inspect.Parameter("no_pager", kw, default=False, annotation=NoPagerOpt),
        inspect.Parameter("ctx", kw, annotation=typer.Context),
    ]

    @functools.wraps(func)
    def wrapper(*args, ctx, lang=None, data_dir=None, no_cache=False, color=None, no_pager=False, **kw_args):
        from .output.pager import paged

        env = _apply(ctx.find_root().obj, lang, data_dir, no_cache, color, no_pager)
        with paged(env):
            return func(env, *args, **kw_args)

    wrapper.__signature__ = sig.replace(parameters=params + extra)
    return wrapper


def _register(names) -> None:
    """Make the typer commands of ``names`` on their apps, once."""
    for key in names:
        func, kwargs, target = _COMMANDS[key]
        if key not in _REGISTERED:
            _REGISTERED.add(key)
            (target or app).command(key.split(" ")[-1], **kwargs)(_typer_callback(key, func))


def _typer_callback(name: str, func):
    return func if name in _PLAIN else _with_shared_options(func)


def _full_app() -> typer.Typer:
    _register(list(_COMMANDS))
    as_of = _data_as_of()
    if as_of and "Data as of" not in (app.info.help or ""):
        app.info.help = f"{app.info.help}\n\nData as of {as_of} (the latest check of a record)."
    return app


def _data_as_of() -> str:
    """The date of the data (the latest ``last_verified`` of its records), read from the text of
    the data folder that TRACKER_DATA_DIR names or the shipped one, for ``tracker --help``; "" when
    there is none to read."""
    import os
    import re
    from pathlib import Path

    try:
        from .data.load import default_data_dir

        root = Path(os.environ.get("TRACKER_DATA_DIR") or default_data_dir())
        found = [m.group(1) for sub in ("rounds", "documents") for f in sorted((root / sub).glob("*.yaml"))
                 for m in re.finditer(r"^last_verified:\s*['\"]?(\d{4}-\d{2}-\d{2})", f.read_text(encoding="utf-8", errors="replace"), re.M)]
    except OSError:
        return ""
    if not found:
        return ""
    from .data.model import PartialDate
    from .output.words import date_words

    return date_words(PartialDate.parse(max(found)), "en")


def load_data(env: Env):
    """The checked data of the command's data folder, through the cache unless --no-cache (raises DataError)."""
    from .data.load import load
    from .data.store import open_backend

    return load(env.data_dir, env.today, open_backend(env.cache_folder, env.data_dir))


def _version(ctx: typer.Context, value: bool) -> None:
    if value:
        print(f"tracker {__version__}", file=ctx.find_root().obj.stdout)
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
    lang: LangOpt = None,
    data_dir: DataDirOpt = None,
    no_cache: NoCacheOpt = False,
    color: ColorOpt = None,
    no_pager: NoPagerOpt = False,
) -> None:
    _apply(ctx.obj, lang, data_dir, no_cache, color, no_pager)
    _help_without_command(ctx)


def _help_without_command(ctx: typer.Context) -> None:
    if ctx.invoked_subcommand is None:
        print(ctx.get_help(), file=ctx.find_root().obj.stdout)
        raise typer.Exit()


# ---------------------------------------------------------------- commands


@command("list", filters=("dialogue", "partner", "since", "until", "topic"), short_help="List the rounds and meetings, one line each, by dialogue.")
def list_(
    env: Env,
    show_all: Annotated[bool, typer.Option("--all", help="Also list milestones that were not meetings (mandates, conclusions of talks, entries into force). Machine formats always carry every record.")] = False,
    fmt: FormatOpt = "table",
    **filters,
) -> None:
    """List rounds and meetings, grouped by dialogue, one line each: round, date, format, place, leads, number of topics.

    \b
    Examples:
      tracker list
      tracker list --dialogue eppd
      tracker list --all
      tracker list --partner eu
      tracker list --topic 'critical minerals'
      tracker list --since 2022 --until 'Dec 2024' --format csv
    """
    from . import query
    from .output import render

    ds = load_data(env).dataset
    render.rounds(env, ds, query.list_rounds(ds, query.make_filters(ds, **filters)), fmt, show_all=show_all)


@command("show", short_help="Show one round: leads, topics, outcomes, sources.")
def show(
    env: Env,
    ref: Annotated[str, typer.Argument(metavar="ROUND", help="A round: 6 (of --dialogue, EPPD by default), eppd:6, eppd-6, dde:2, eppd:first, eppd:latest, tuba-launch.", show_default=False)],
    dialogue: RefDialogueOpt = None,
    full: Annotated[bool, typer.Option("--full", help="Also show every participant, the notes, working groups, follow-ups, other facts and the detail of disputed facts.")] = False,
    fmt: FormatOpt = "table",
) -> None:
    """One round: its leads, each topic with its outcomes and commitments, documents, and numbered sources with URLs.

    With --full, also every participant, the curators' notes and the reasoning behind the date,
    working groups, follow-ups, other facts and what sources disagree on. Machine formats
    always carry everything.

    \b
    Examples:
      tracker show 1
      tracker show eppd:6 --full
      tracker show eppd:latest --lang zh
      tracker show dde-2 --format json
    """
    from . import api
    from .output import render

    ds = load_data(env).dataset
    render.show(env, ds, api.get_round(ds, ref, dialogue), fmt, full=full)


@command("compare", short_help="Compare two rounds: what was added, dropped, evolved.")
def compare(
    env: Env,
    a: Annotated[str, typer.Argument(metavar="A", help="The earlier round (6, eppd:6, dde:2, …).", show_default=False)],
    b: Annotated[str, typer.Argument(metavar="B", help="The later round.", show_default=False)],
    dialogue: RefDialogueOpt = None,
    all_topics: Annotated[bool, typer.Option("--all-topics", help="Also compare topics that were only mentioned, not on the official agenda.")] = False,
    detail: Annotated[bool, typer.Option("--detail", help="Also show the outcomes of both rounds, topic by topic.")] = False,
    fmt: FormatOpt = "table",
) -> None:
    """What changed between two rounds: topics added, dropped, evolved and continued, and A's commitments delivered by B.

    Continued: a topic both rounds discussed, on the official agenda of at least one. Added or
    dropped: a topic on the agenda of only one round, the other not discussing it. Evolved: a topic
    of B that the taxonomy records as grown out of one of A (evolved_from, with its source); topics
    are never paired by theme alone. --all-topics adds topics only mentioned, never moves one. The
    first line sums it up: +added −dropped =continued ~evolved.
    --detail adds the outcomes of both rounds. If A is later than B, a note on standard error
    says so.

    \b
    Examples:
      tracker compare 1 6
      tracker compare 1 6 --detail
      tracker compare eppd:6 dde:2
      tracker compare 2 3 --format json
    """
    from . import api
    from .output import render
    from .rules import date_key
    from .output.words import word

    ds = load_data(env).dataset
    c = api.compare(ds, a, b, all_topics=all_topics, dialogue=dialogue)
    if c.a.date and c.b.date and date_key(c.a.date) > date_key(c.b.date):
        env.stderr.write(word("later_first", env.lang).format(a=c.a.id, b=c.b.id, da=c.a.date, db=c.b.date) + "\n")
    render.compare(env, ds, c, fmt, detail=detail)


@command("timeline", filters=("dialogue", "partner", "since", "until", "topic"), short_help="Show rounds and documents in date order.")
def timeline(
    env: Env,
    with_follow_ups: Annotated[bool, typer.Option("--with-follow-ups", help="Also show follow-up events (signings, first meetings of working groups, …).")] = False,
    fmt: Annotated[Literal["table", "json", "csv", "markdown", "timelinejs"], typer.Option("--format", "-O", case_sensitive=False, help="Output: table (for people), json, csv, markdown, or timelinejs (TimelineJS JSON).")] = "table",
    svg: SvgOpt = None,
    html: HtmlOpt = None,
    force: ForceOpt = False,
    **filters,
) -> None:
    """Rounds, meetings and documents in date order, grouped by year, with each round's headline topics.

    \b
    Examples:
      tracker timeline --partner us
      tracker timeline --partner 歐盟 --lang zh
      tracker timeline --since 民國110年 --format json
      tracker timeline --format timelinejs > timeline.json
      tracker timeline --partner us --svg us.svg
    """
    from . import query
    from .output import render

    ds = load_data(env).dataset
    f = query.make_filters(ds, **filters)
    with render.pictures(env, svg, html, force, fmt):
        render.timeline(env, ds, query.timeline(ds, f, with_follow_ups), fmt)


@command("topics", short_help="Show the topics, and which rounds discussed each.")
def topics(
    env: Env,
    topic: Annotated[Optional[str], typer.Argument(metavar="[TOPIC]", help="A topic or theme: show its history across all dialogues.", show_default=False)] = None,
    dialogue: DialogueOpt = None,
    partner: PartnerOpt = None,
    fmt: FormatOpt = "table",
    svg: SvgOpt = None,
    html: HtmlOpt = None,
    force: ForceOpt = False,
) -> None:
    """The topic taxonomy and a topic × round matrix: which rounds discussed what.
    With a TOPIC, that topic's history across all dialogues.

    \b
    Examples:
      tracker topics
      tracker topics --dialogue eppd
      tracker topics critical-minerals
      tracker topics 供應鏈 --lang zh
      tracker topics --dialogue eppd --svg agenda.svg
    """
    from . import api, query
    from .output import render

    ds = load_data(env).dataset
    with render.pictures(env, svg, html, force, fmt):
        if topic:
            ids = query.resolve_topics(ds, topic)
            render.topic_history(env, ds, ids, api.topic_history(ds, ids), fmt)
            return
        rounds = api.list_rounds(ds, dialogue=dialogue, partner=partner)
        render.topics(env, ds, rounds, query.topic_matrix(ds, rounds), fmt)


@command("search", filters=("dialogue", "partner", "since", "until"), short_help="Search names, topics, outcomes and documents.")
def search(
    env: Env,
    text: Annotated[str, typer.Argument(metavar="TEXT", help="Words to find, in English or Chinese (case does not matter).", show_default=False)],
    fmt: FormatOpt = "table",
    **filters,
) -> None:
    """Full-text search over names, topics, outcomes, documents and participants, in both languages,
    showing where each match is.

    \b
    Examples:
      tracker search semiconductor
      tracker search 關鍵礦物
      tracker search Krach --format json
    """
    from . import query
    from .output import render

    if not text.strip():
        raise InputError("empty search text")
    ds = load_data(env).dataset
    render.search(env, ds, query.search(ds, text, query.make_filters(ds, **filters)), fmt, needle=text)


@command("commitments", filters=("dialogue", "partner", "since", "until"), short_help="List what each round promised and what became of it.")
def commitments(
    env: Env,
    status: Annotated[Optional[Status], typer.Option("--status", "-s", case_sensitive=False, help="Only commitments with this status.", show_default=False)] = None,
    fmt: FormatOpt = "table",
    **filters,
) -> None:
    """What each round promised, what became of it, and the evidence: each commitment with its
    round, status, age and the chain of follow-ups, documents and later rounds that show it, with sources.

    A status other than announced or unknown always rests on evidence; nothing is inferred.

    \b
    Examples:
      tracker commitments
      tracker commitments --status delivered
      tracker commitments --dialogue eppd --format json
    """
    from . import api
    from .output import render

    ds = load_data(env).dataset
    rows = api.commitments(ds, **filters, status=status, today=env.today)
    render.commitments(env, ds, rows, fmt)


export_app = typer.Typer(
    help="Write the data in the formats other tools open: SQLite (Datasette), iCalendar, JSON, CSV.",
    short_help="Write the data as SQLite, iCalendar, JSON or CSV.",
    invoke_without_command=True,
    callback=_help_without_command,
)
app.add_typer(export_app, name="export")

PathArg = Annotated[str, typer.Argument(metavar="PATH", help="The file to write (never inside the data folder), or - for standard output.", show_default=False)]


def _wrote(env: Env, written: str) -> None:
    from .output.files import STDOUT

    if written != STDOUT:
        print(one_line(f"wrote {written}"), file=env.stderr)


@command("sqlite", target=export_app, short_help="The whole data set as a SQLite database.")
def export_sqlite(env: Env, path: PathArg, force: ForceOpt = False) -> None:
    """The whole data set as a normalised SQLite database with foreign keys, indexes and a
    full-text table, ready for `datasette PATH`.

    \b
    Examples:
      tracker export sqlite dialogues.db
      datasette dialogues.db
      tracker export sqlite - | gzip > dialogues.db.gz
    """
    from .output import export, files

    ds = load_data(env).dataset
    written = files.write_file(path, lambda tmp: export.write_sqlite(ds, tmp), force=force, data_dir=env.data_dir, stdout=env.stdout)
    _wrote(env, written)


@command("ics", target=export_app, filters=("dialogue", "partner"), short_help="The rounds as an iCalendar file.")
def export_ics(env: Env, path: PathArg, force: ForceOpt = False, **filters) -> None:
    """Rounds as an iCalendar file: one all-day event per round dated to the day
    (multi-day where known), with a stable UID, place, topics and source links.

    \b
    Examples:
      tracker export ics dialogues.ics
      tracker export ics eppd.ics --dialogue eppd --lang zh
      tracker export ics - --partner us > us.ics
    """
    from .output import export, files
    from . import query

    ds = load_data(env).dataset
    f = query.make_filters(ds, **filters)
    data, skipped = export.ics_bytes(ds, env.lang, query.filter_rounds(ds, f))
    _wrote(env, files.write_bytes(path, data, force=force, data_dir=env.data_dir, stdout=env.stdout))
    if skipped:
        print(f"left out, dated only to the month or year: {', '.join(skipped)}", file=env.stderr)


@command("json", target=export_app, short_help="The whole data set as one JSON file.")
def export_json(env: Env, path: PathArg, force: ForceOpt = False) -> None:
    """The whole data set in one JSON file: the tables of the SQLite export, as arrays of rows.

    \b
    Examples:
      tracker export json dialogues.json
      tracker export json - | jq '.rounds | length'
    """
    from .output import export, files

    ds = load_data(env).dataset
    _wrote(env, files.write_text(path, export.json_text(ds), force=force, data_dir=env.data_dir, stdout=env.stdout))


@command("csv", target=export_app, short_help="The whole data set as one CSV file per table.")
def export_csv(
    env: Env,
    path: Annotated[str, typer.Argument(metavar="DIR", help="The folder to write one CSV per table into.", show_default=False)],
    bom: Annotated[bool, typer.Option("--bom", help="Start each file with a byte-order mark, so that Excel reads Chinese correctly.")] = False,
    force: ForceOpt = False,
) -> None:
    """The whole data set as one CSV file per table (the tables of the SQLite export), for
    spreadsheets: a text cell that starts with = + - or @ gets a leading ' so that it is not run
    as a formula.

    \b
    Examples:
      tracker export csv tables/
      tracker export csv tables/ --bom
    """
    from .output import export, files

    ds = load_data(env).dataset
    _wrote(env, files.write_folder(path, export.csv_writers(ds, bom), force=force, data_dir=env.data_dir))


@command("validate", short_help="Check a data folder and report every problem.")
def validate(
    env: Env,
    path: Annotated[Optional[str], typer.Argument(metavar="[PATH]", help="Data folder to check [default: --data-dir, TRACKER_DATA_DIR or the shipped data].", show_default=False)] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings (gaps in round numbering, facts resting only on weak sources and not marked unverified) as errors.")] = False,
) -> None:
    """Check a data folder and report every problem at once, as file:line:col: message.

    Exit status 0 when clean (warnings allowed unless --strict), 1 when there are errors.

    \b
    Examples:
      tracker validate
      tracker validate ~/my-dialogues
      tracker validate --strict
    """
    code = _run_validate(env, path, strict)
    if code:
        raise typer.Exit(code)


def _run_validate(env: Env, path: Optional[str], strict: bool) -> int:
    """Check a folder; problems on stderr, a one-line summary on stdout; the exit status."""
    from .errors import one_line
    from .data.load import check
    from .data.store import open_backend

    root = path or env.data_dir
    store, problems = check(root, env.today, open_backend(env.cache_folder, root))
    problems = sorted(problems)
    errors = [p for p in problems if not p.warning]
    warnings = [p for p in problems if p.warning]
    for p in problems:
        print(p, file=env.stderr)
    failed = bool(errors) or (strict and bool(warnings))
    if store is not None:
        ds = store.dataset
        summary = (
            f"{root}: {len(ds.dialogues)} dialogues, {len(store.round_paths)} rounds and meetings, "
            f"{len(ds.documents)} documents, {len(ds.topics)} topics, {len(ds.people)} people"
        )
    else:
        summary = root
    summary += f"; {len(errors)} error{'s' if len(errors) != 1 else ''}, {len(warnings)} warning{'s' if len(warnings) != 1 else ''}"
    print(one_line(summary), file=env.stderr if failed else env.stdout)
    return 1 if failed else 0


@command("draft", short_help="Draft a round file from a press release.")
def draft(
    env: Env,
    article: Annotated[str, typer.Argument(metavar="ARTICLE", help="A plain-text article (UTF-8), or - for standard input.", show_default=False)],
    dialogue: Annotated[Optional[str], typer.Option("--dialogue", "-d", help="The dialogue, if not the one the article names most (ID or name).", show_default=False)] = None,
    round_: Annotated[Optional[str], typer.Option("--round", "-r", help="The round number, if not the one the article gives.", show_default=False)] = None,
    source_url: Annotated[Optional[str], typer.Option("--source-url", help="The article's address, when the text does not give it.", show_default=False)] = None,
    publisher: Annotated[Optional[str], typer.Option("--publisher", help="Who published the article, when the text does not say.", show_default=False)] = None,
    published: Annotated[Optional[str], typer.Option("--published", help="The article's date, when it has no header or dateline: it dates '27日', 'today', 'on Friday' (same forms as --since).", show_default=False)] = None,
    out: Annotated[Optional[str], typer.Option("--out", "-o", help="Write the draft to this file instead of standard output (never into the data folder).", show_default=False)] = None,
    fmt: Annotated[Literal["yaml", "json"], typer.Option("--format", "-O", case_sensitive=False, help="Output: yaml (a round file, with the source sentences as comments) or json.")] = "yaml",
    force: ForceOpt = False,
) -> None:
    """Draft a round file from a press release or news report, in Chinese or English.

    The draft uses the dialogues, people, titles, topics and rounds of the data folder.
    Every fact it extracts is marked unverified and quotes the sentence it came from;
    what the article does not say is left out. Notices (a round already in the data,
    a topic not in the taxonomy, a person not in people.yaml) go to standard error.

    \b
    Examples:
      tracker draft press-release.txt
      tracker draft article.txt --out eppd-7.yaml
      pbpaste | tracker draft - --source-url https://example.org/news/1
      tracker draft article.txt --dialogue dde --round 3 --format json
    """
    from .draft_cli import run_draft

    run_draft(env, lambda: load_data(env), article, dialogue, round_, source_url, publisher, published, out, fmt, force)


def schema(
    kind: Annotated[SchemaKind, typer.Argument(metavar="[KIND]", case_sensitive=False, help="The kind of data file.")] = "round",
) -> None:
    """Print the JSON Schema of a data file, generated from the model, for editors with a YAML language server.

    The schemas are also shipped in the data folder's schema/ (see the README).

    \b
    Examples:
      tracker schema
      tracker schema dialogue > dialogue.schema.json
    """
    from .output.formats import write_json
    from .data.schema import SCHEMA_KINDS, json_schema

    write_json(sys.stdout, json_schema(SCHEMA_KINDS[kind]))


# ---------------------------------------------------------------- entry point


class _Guard:
    """A stream whose write and flush turn a closed pipe into PipeClosed."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text):
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise PipeClosed() from None

    def flush(self):
        try:
            return self._stream.flush()
        except BrokenPipeError:
            raise PipeClosed() from None

    def __getattr__(self, name):
        return getattr(self._stream, name)


def _silence_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


_COMMANDS["schema"] = (schema, {"short_help": "Print the JSON Schema of a data file."}, None)
_PLAIN = {"schema"}  # commands without the shared options: they read no data
_ROOT_OPTIONS_WITH_VALUE = ("--lang", "--data-dir", "--color")


def _app_for(argv: list[str]) -> typer.Typer:
    """The app to run: when the command named is plain to see, an app of that command alone.

    Building the options of every command costs about as much as everything else the tracker
    does before reading its data (see benchmarks/README.md); help, completion and anything
    unusual use the whole app.
    """
    import os

    name, args = None, iter(argv)
    for arg in args:
        if arg in _ROOT_OPTIONS_WITH_VALUE:
            next(args, None)
        elif arg.startswith("--") and arg.split("=")[0] in _ROOT_OPTIONS_WITH_VALUE or arg == "--no-cache":
            continue
        elif arg.startswith("-"):
            return _full_app()  # --help, --version, --, or a mistake: the whole app answers
        else:
            name = arg
            break
    if (name not in _COMMANDS and name != "export") or any(k.endswith("_COMPLETE") for k in os.environ):
        return _full_app()
    one = typer.Typer(**_APP_SETTINGS)
    one.callback()(_root)
    if name == "export":
        _register([k for k in _COMMANDS if k.startswith("export ")])
        one.add_typer(export_app, name="export")
    else:
        func, kwargs, _target = _COMMANDS[name]
        one.command(name, **kwargs)(_typer_callback(name, func))
    return one


def main(argv: Optional[list[str]] = None, env: Optional[Env] = None) -> int:
    """Run the tracker; returns (and, as a script, exits with) an ExitStatus."""
    import contextlib

    env = env or Env()
    env.stdout = _Guard(env.stdout)
    try:  # help and version texts are written to sys.stdout: guard it too
        with contextlib.redirect_stdout(_Guard(sys.stdout)):
            return int(_main(argv, env))
    except (BrokenPipeError, PipeClosed):
        _silence_stdout()
        return int(ExitStatus.PIPE_CLOSED)


def _main(argv: Optional[list[str]], env: Env) -> int:
    code: int = ExitStatus.OK
    try:
        args = _text_arguments(sys.argv[1:] if argv is None else list(argv))
        rv = typer.main.get_command(_app_for(args)).main(args=args, prog_name="tracker", standalone_mode=False, obj=env)
        code = rv if isinstance(rv, int) else ExitStatus.OK
        env.stdout.flush()
    except TrackerError as exc:
        _flush_quietly(env.stdout)
        for line in exc.lines():
            print(line, file=env.stderr)
        code = exc.status
    except typer.TyperException as exc:  # what the command-line parser rejects
        print(one_line(f"error: {_click_message(exc)}"), file=env.stderr)
        code = ExitStatus.USAGE_ERROR
    except (typer.Abort, KeyboardInterrupt):
        code = ExitStatus.INTERRUPTED
    return code


def _text_arguments(argv: list[str]) -> list[str]:
    """The arguments as text: UTF-8 bytes that the locale could not decode (LC_ALL=C) are read as UTF-8;
    bytes that are not UTF-8 at all are an input error, not a crash later on."""
    import os

    out = []
    for arg in argv:
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            try:
                arg = os.fsencode(arg).decode("utf-8")
            except UnicodeError:
                raise InputError(f"the argument {arg!r} is not valid UTF-8 text (check the terminal's encoding)") from None
        out.append(arg)
    return out


def _flush_quietly(stream) -> None:
    try:
        stream.flush()
    except (OSError, ValueError):
        _silence_stdout()


def _click_message(exc) -> str:
    message = exc.format_message().strip().rstrip(".").replace("Value error, ", "")
    message = message[:1].lower() + message[1:]
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        message += _usage_hint(ctx, message) or f" (see `{ctx.command_path} --help`)"
    return message


_EXAMPLES = {
    "compare": "tracker compare 1 6 (EPPD rounds 1 and 6) or tracker compare eppd:6 dde:2",
    "show": "tracker show 6, tracker show eppd:6 or tracker show dde:2",
}


def _usage_hint(ctx, message: str) -> str:
    """A way forward for a command line the parser refused: the round reference it may have meant
    (``show eppd 6``: eppd:6), or an example of the command."""
    import re

    name = ctx.command.name if ctx.command else ""
    extra = re.search(r"unexpected extra argument\(s\) \((.+)\)$", message)
    words = [ctx.params.get(k) for k in ("ref", "a", "b") if isinstance(ctx.params.get(k), str)]
    if extra:
        words += extra.group(1).split()
    if extra and words and not words[0].isdigit() and ":" not in words[0] and all(w.isascii() and w.isdigit() for w in words[1:]):
        refs = " ".join(f"{words[0]}:{n}" for n in words[1:])
        return f"; did you mean `tracker {name} {refs}`?"
    if message.startswith("missing argument") and name in _EXAMPLES:
        return f"; for example: {_EXAMPLES[name]}"
    return ""
