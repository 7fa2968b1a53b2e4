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
from typing import Annotated, Optional

import typer

from . import __version__
from .env import Env
from .errors import InputError, PipeClosed, TrackerError
from .status import ExitStatus

app = typer.Typer(
    name="tracker",
    help=(
        "Follow Taiwan's bilateral economic dialogues (EPPD, DDE, TUBA, …): who met, when, "
        "what they discussed and agreed, and where each fact comes from.\n\n"
        "\b\nExamples:\n  tracker list\n  tracker show eppd:6\n  tracker compare 1 6\n"
        "  tracker timeline --partner us\n  tracker search 'critical minerals'"
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# ---------------------------------------------------------------- shared options

LangOpt = Annotated[Optional[str], typer.Option("--lang", help="Language of names and headings: en or zh [env: TRACKER_LANG; default: en].", show_default=False)]
DataDirOpt = Annotated[Optional[str], typer.Option("--data-dir", help="Data folder to read [env: TRACKER_DATA_DIR; default: the data shipped with the tracker].", show_default=False)]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Read every data file again instead of using the cache [env: TRACKER_NO_CACHE].")]
ColorOpt = Annotated[Optional[str], typer.Option("--color", help="auto, always or never [env: NO_COLOR, FORCE_COLOR; default: auto].", show_default=False)]
FormatOpt = Annotated[str, typer.Option("--format", "-O", help="Output: table (for people), json, csv or markdown.")]
DialogueOpt = Annotated[Optional[str], typer.Option("--dialogue", "-d", help="Only this dialogue: eppd, dde, tuba, … (ID or name).", show_default=False)]
PartnerOpt = Annotated[Optional[str], typer.Option("--partner", "-p", help="Only this partner, by ID or name in either language: us, USA, 美國, eu, 歐盟.", show_default=False)]
SinceOpt = Annotated[Optional[str], typer.Option("--since", help="From this date, inclusive: 2020-11-20, 2021-11, 2021, 'Nov 2020', 民國109年11月20日, 109/11/20, 1091120. A partial date starts at its first day.", show_default=False)]
UntilOpt = Annotated[Optional[str], typer.Option("--until", help="Up to this date, inclusive (same forms as --since). A partial date ends on its last day: --until 2020 means up to 2020-12-31.", show_default=False)]
RefDialogueOpt = Annotated[Optional[str], typer.Option("--dialogue", "-d", help="The dialogue of a bare round number such as 6 [default: eppd].", show_default=False)]
SvgOpt = Annotated[Optional[str], typer.Option("--svg", help="Also save what the terminal shows as an SVG picture, for slides and reports (- writes only the picture, to standard output).", show_default=False)]
HtmlOpt = Annotated[Optional[str], typer.Option("--html", help="Also save what the terminal shows as an HTML page (- writes only the page, to standard output).", show_default=False)]
ForceOpt = Annotated[bool, typer.Option("--force", "-f", help="Replace the output file if it exists (a regular file only; it keeps its permissions).")]
TopicOpt = Annotated[Optional[str], typer.Option("--topic", "-t", help="Only rounds that discussed this topic or theme (ID, name or alias; see `tracker topics`).", show_default=False)]


def _apply(env: Env, lang=None, data_dir=None, no_cache=False, color=None) -> Env:
    if lang is not None:
        env.lang_option = lang
    if data_dir is not None:
        env.data_dir_option = data_dir
    if no_cache:
        env.no_cache_option = True
    if color is not None:
        if color not in ("auto", "always", "never"):
            raise InputError(f"unknown --color {color!r} (use auto, always or never)")
        env.color_option = color
    env.lang  # noqa: B018 - reject an unknown language before any work
    return env


def command(name: str, target=None, **kwargs):
    """Register a command (on ``app`` or ``target``) that receives the Env first and takes the shared options."""

    def decorate(func):
        import typing

        sig = inspect.signature(func)
        hints = typing.get_type_hints(func, include_extras=True)
        params = [p.replace(annotation=hints.get(p.name, p.annotation)) for p in list(sig.parameters.values())[1:]]
        kw = inspect.Parameter.KEYWORD_ONLY
        extra = [
            inspect.Parameter("lang", kw, default=None, annotation=LangOpt),
            inspect.Parameter("data_dir", kw, default=None, annotation=DataDirOpt),
            inspect.Parameter("no_cache", kw, default=False, annotation=NoCacheOpt),
            inspect.Parameter("color", kw, default=None, annotation=ColorOpt),
        ]

        @functools.wraps(func)
        def wrapper(*args, lang=None, data_dir=None, no_cache=False, color=None, **kw_args):
            from typer._click.globals import get_current_context

            env = get_current_context().find_root().obj
            return func(_apply(env, lang, data_dir, no_cache, color), *args, **kw_args)

        wrapper.__signature__ = sig.replace(parameters=params + extra)
        return (target or app).command(name, **kwargs)(wrapper)

    return decorate


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
) -> None:
    _apply(ctx.obj, lang, data_dir, no_cache, color)


# ---------------------------------------------------------------- commands


@command("list")
def list_(
    env: Env,
    dialogue: DialogueOpt = None,
    partner: PartnerOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    topic: TopicOpt = None,
    fmt: FormatOpt = "table",
) -> None:
    """List rounds and meetings, one row each: dialogue, round, date, format, place, leads, number of topics.

    \b
    Examples:
      tracker list
      tracker list --partner eu
      tracker list --topic 'critical minerals'
      tracker list --since 2022 --until 'Dec 2024' --format csv
    """
    from . import query, render

    fmt = render.check_format(fmt)
    store = env.load()
    f = query.make_filters(store.dataset, dialogue, partner, since, until, topic)
    render.rounds(env, store.dataset, query.list_rounds(store, f), fmt)


@command("show")
def show(
    env: Env,
    ref: Annotated[str, typer.Argument(metavar="ROUND", help="A round: 6 (of --dialogue, EPPD by default), eppd:6, eppd-6, dde:2, eppd:first, eppd:latest, tuba-launch.", show_default=False)],
    dialogue: RefDialogueOpt = None,
    fmt: FormatOpt = "table",
) -> None:
    """Everything about one round: leads and participants, topics and outcomes, documents,
    working groups, commitments, disputed and unverified facts, numbered sources.

    \b
    Examples:
      tracker show 1
      tracker show eppd:latest --lang zh
      tracker show dde-2 --format json
    """
    from . import query, render

    fmt = render.check_format(fmt)
    ds = env.load().dataset
    d = query.resolve_dialogue(ds, dialogue) if dialogue else None
    render.show(env, ds, query.resolve_round(ds, ref, d), fmt)


@command("compare")
def compare(
    env: Env,
    a: Annotated[str, typer.Argument(metavar="A", help="The earlier round (6, eppd:6, dde:2, …).", show_default=False)],
    b: Annotated[str, typer.Argument(metavar="B", help="The later round.", show_default=False)],
    dialogue: RefDialogueOpt = None,
    all_topics: Annotated[bool, typer.Option("--all-topics", help="Also compare topics that were only mentioned, not on the official agenda.")] = False,
    fmt: FormatOpt = "table",
) -> None:
    """What changed between two rounds: topics added, dropped, continued and evolved
    (same broader theme, different topic), with the outcomes of both side by side.

    Topics of the official agenda are matched by ID, then by theme. The first line sums it up:
    +added −dropped =continued ~evolved.

    \b
    Examples:
      tracker compare 1 6
      tracker compare eppd:6 dde:2
      tracker compare 2 3 --format json
    """
    from . import query, render

    fmt = render.check_format(fmt)
    ds = env.load().dataset
    d = query.resolve_dialogue(ds, dialogue) if dialogue else None
    ra, rb = query.resolve_round(ds, a, d), query.resolve_round(ds, b, d)
    render.compare(env, ds, query.compare(ds, ra, rb, all_topics), fmt)


@command("timeline")
def timeline(
    env: Env,
    partner: PartnerOpt = None,
    dialogue: DialogueOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    topic: TopicOpt = None,
    with_follow_ups: Annotated[bool, typer.Option("--with-follow-ups", help="Also show follow-up events (signings, first meetings of working groups, …).")] = False,
    fmt: Annotated[str, typer.Option("--format", "-O", help="Output: table (for people), json, csv, markdown, or timelinejs (TimelineJS JSON).")] = "table",
    svg: SvgOpt = None,
    html: HtmlOpt = None,
    force: ForceOpt = False,
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
    from . import query, render

    fmt = render.check_format(fmt, render.FORMATS + ("timelinejs",))
    store = env.load()
    f = query.make_filters(store.dataset, dialogue, partner, since, until, topic)
    with render.pictures(env, svg, html, force, fmt):
        render.timeline(env, store.dataset, query.timeline(store, f, with_follow_ups), fmt)


@command("topics")
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
    import json

    from . import query, render

    fmt = render.check_format(fmt)
    store = env.load()
    ds = store.dataset
    with render.pictures(env, svg, html, force, fmt):
        if topic:
            ids = query.resolve_topics(ds, topic)
            render.topic_history(env, ds, ids, query.topic_history(ds, ids), fmt)
            return
        f = query.make_filters(ds, dialogue, partner)
        summaries = [json.loads(t) for t in query.list_rounds(store, f)]
        render.topics(env, ds, summaries, query.topic_matrix(ds, summaries), fmt)


@command("search")
def search(
    env: Env,
    text: Annotated[str, typer.Argument(metavar="TEXT", help="Words to find, in English or Chinese (case does not matter).", show_default=False)],
    dialogue: DialogueOpt = None,
    partner: PartnerOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    fmt: FormatOpt = "table",
) -> None:
    """Full-text search over names, topics, outcomes, documents and participants, in both languages,
    showing where each match is.

    \b
    Examples:
      tracker search semiconductor
      tracker search 關鍵礦物
      tracker search Krach --format json
    """
    from . import query, render

    fmt = render.check_format(fmt)
    if not text.strip():
        raise InputError("empty search text")
    store = env.load()
    f = query.make_filters(store.dataset, dialogue, partner, since, until)
    render.search(env, store.dataset, query.search(store, text, f), fmt)


@command("commitments")
def commitments(
    env: Env,
    dialogue: DialogueOpt = None,
    partner: PartnerOpt = None,
    status: Annotated[Optional[str], typer.Option("--status", "-s", help="Only this status: announced, in-progress, delivered, lapsed or unknown.", show_default=False)] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    fmt: FormatOpt = "table",
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
    from . import query, render

    fmt = render.check_format(fmt)
    statuses = ("announced", "in-progress", "delivered", "lapsed", "unknown")
    if status is not None and status not in statuses:
        raise InputError(f"unknown status {status!r} (use {', '.join(statuses)})")
    ds = env.load().dataset
    f = query.make_filters(ds, dialogue, partner, since, until)
    render.commitments(env, ds, query.commitments(ds, f, status, env.today), fmt)


export_app = typer.Typer(
    help="Write the data in the formats other tools open: SQLite (Datasette), iCalendar, JSON, CSV.",
    no_args_is_help=True,
)
app.add_typer(export_app, name="export")

PathArg = Annotated[str, typer.Argument(metavar="PATH", help="The file to write (never inside the data folder), or - for standard output.", show_default=False)]


def _wrote(env: Env, written: str) -> None:
    from .files import STDOUT

    if written != STDOUT:
        print(f"wrote {written}", file=env.stderr)


@command("sqlite", target=export_app)
def export_sqlite(env: Env, path: PathArg, force: ForceOpt = False) -> None:
    """The whole data set as a normalised SQLite database with foreign keys, indexes and a
    full-text table, ready for `datasette PATH`.

    \b
    Examples:
      tracker export sqlite dialogues.db
      datasette dialogues.db
      tracker export sqlite - | gzip > dialogues.db.gz
    """
    from . import export, files

    ds = env.load().dataset
    written = files.write_file(path, lambda tmp: export.write_sqlite(ds, tmp), force=force, data_dir=env.data_dir, stdout=env.stdout)
    _wrote(env, written)


@command("ics", target=export_app)
def export_ics(env: Env, path: PathArg, dialogue: DialogueOpt = None, partner: PartnerOpt = None, force: ForceOpt = False) -> None:
    """Rounds as an iCalendar file: one all-day event per round dated to the day
    (multi-day where known), with a stable UID, place, topics and source links.

    \b
    Examples:
      tracker export ics dialogues.ics
      tracker export ics eppd.ics --dialogue eppd --lang zh
      tracker export ics - --partner us > us.ics
    """
    from . import export, files, query

    ds = env.load().dataset
    f = query.make_filters(ds, dialogue, partner)
    data, skipped = export.ics_bytes(ds, env.lang, query.filter_rounds(ds, f))
    _wrote(env, files.write_bytes(path, data, force=force, data_dir=env.data_dir, stdout=env.stdout))
    if skipped:
        print(f"left out, dated only to the month or year: {', '.join(skipped)}", file=env.stderr)


@command("json", target=export_app)
def export_json(env: Env, path: PathArg, force: ForceOpt = False) -> None:
    """The whole data set in one JSON file: the tables of the SQLite export, as arrays of rows.

    \b
    Examples:
      tracker export json dialogues.json
      tracker export json - | jq '.rounds | length'
    """
    from . import export, files

    ds = env.load().dataset
    _wrote(env, files.write_text(path, export.json_text(ds), force=force, data_dir=env.data_dir, stdout=env.stdout))


@command("csv", target=export_app)
def export_csv(
    env: Env,
    path: Annotated[str, typer.Argument(metavar="DIR", help="The folder to write one CSV per table into.", show_default=False)],
    bom: Annotated[bool, typer.Option("--bom", help="Start each file with a byte-order mark, so that Excel reads Chinese correctly.")] = False,
    force: ForceOpt = False,
) -> None:
    """The whole data set as one CSV file per table (the tables of the SQLite export).

    \b
    Examples:
      tracker export csv tables/
      tracker export csv tables/ --bom
    """
    from . import export, files

    ds = env.load().dataset
    _wrote(env, files.write_folder(path, export.csv_writers(ds, bom), force=force, data_dir=env.data_dir))


@command("validate")
def validate(
    env: Env,
    path: Annotated[Optional[str], typer.Argument(metavar="[PATH]", help="Data folder to check [default: --data-dir, TRACKER_DATA_DIR or the shipped data].", show_default=False)] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings (gaps in round numbering) as errors.")] = False,
) -> None:
    """Check a data folder and report every problem at once, as file:line:col: message.

    Exit status 0 when clean (warnings allowed unless --strict), 1 when there are errors.

    \b
    Examples:
      tracker validate
      tracker validate ~/my-dialogues
      tracker validate --strict
    """
    from .validate import run_validate

    code = run_validate(env, path, strict)
    if code:
        raise typer.Exit(code)


@app.command("schema")
def schema(
    kind: Annotated[str, typer.Argument(metavar="[KIND]", help="round, dialogue, document, partners, topics or people.")] = "round",
) -> None:
    """Print the JSON Schema of a data file, generated from the model, for editors with a YAML language server.

    The schemas are also shipped in the data folder's schema/ (see the README).

    \b
    Examples:
      tracker schema
      tracker schema dialogue > dialogue.schema.json
    """
    from .output import write_json
    from .schema import SCHEMA_KINDS, json_schema

    if kind not in SCHEMA_KINDS:
        raise InputError(f"unknown schema {kind!r} (use {', '.join(SCHEMA_KINDS)})")
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
    from typer._click import exceptions as cx

    code: int = ExitStatus.OK
    try:
        command_ = _plain_text_options(typer.main.get_command(app))
        rv = command_.main(args=argv, prog_name="tracker", standalone_mode=False, obj=env)
        code = rv if isinstance(rv, int) else ExitStatus.OK
        env.stdout.flush()
    except TrackerError as exc:
        _flush_quietly(env.stdout)
        for line in exc.lines():
            print(line, file=env.stderr)
        code = exc.status
    except cx.NoArgsIsHelpError as exc:
        print(exc.ctx.get_help() if exc.ctx else "", file=env.stdout)
        env.stdout.flush()
        code = ExitStatus.OK
    except cx.ClickException as exc:
        print(f"error: {_click_message(exc)}", file=env.stderr)
        code = ExitStatus.USAGE_ERROR
    except (typer.Abort, KeyboardInterrupt):
        code = ExitStatus.INTERRUPTED
    return code


class _AsGiven:
    """Coercion of a text option or a flag: the value as the command line parser gave it."""

    @staticmethod
    def coerce(value, param=None, ctx=None):
        return value


def _plain_text_options(group):
    """Skip typer's per-option pydantic validators for options that are text or flags.

    Such options need no conversion; building a
    validator costs about 2 ms per option and importing pydantic about 50 ms at
    every start (see benchmarks/README.md). Should typer's internals change, the
    options simply keep typer's own coercion.
    """
    import types

    plain = (str, Optional[str], bool)
    commands, todo = [], [group]
    while todo:
        command_ = todo.pop()
        commands.append(command_)
        todo.extend(getattr(command_, "commands", {}).values())
    names = types.SimpleNamespace(help_option_names=app.info.context_settings["help_option_names"])
    for command_ in commands:
        try:
            help_option = [command_.get_help_option(names)]  # made once per command, then cached
        except Exception:  # noqa: BLE001 - typer's internals changed: keep its own coercion
            help_option = []
        for param in [*command_.params, *help_option]:
            descriptor = getattr(param, "type_descriptor", None)
            if descriptor is not None and getattr(param, "_runtime_param", 0) is None and descriptor.annotation in plain:
                param._runtime_param = _AsGiven
    return group


def _flush_quietly(stream) -> None:
    try:
        stream.flush()
    except (OSError, ValueError):
        _silence_stdout()


def _click_message(exc) -> str:
    message = exc.format_message().strip().rstrip(".")
    message = message[:1].lower() + message[1:]
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        message += f" (see `{ctx.command_path} --help`)"
    return message
