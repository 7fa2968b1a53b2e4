"""The command line: typer commands that parse options and wire load → query → output.

Every command takes the shared options --lang, --data-dir, --color and
--no-pager (also accepted before the command name), and every listing takes --format. Each
command builds its ``Settings`` once from them and the environment and passes them down; ``main``
turns every failure into one line on stderr and an exit status from ``ExitStatus``.
"""

import functools
import inspect
import sys
from dataclasses import dataclass
from typing import Annotated, Literal, TextIO, cast

import typer

from . import __version__
from .env import Env, Settings, settings
from .errors import InputError, PipeClosed, TrackerError, one_line
from .status import ExitStatus

app = typer.Typer(
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

# ---------------------------------------------------------------- shared options

Format = Literal["table", "json", "csv", "markdown"]
Lang = Literal["en", "zh"]
Color = Literal["auto", "always", "never"]
from .rules import CommitmentStatus as Status

SchemaKind = Literal["round", "dialogue", "document", "partners", "topics", "people"]  # schema.SCHEMA_KINDS

LangOpt = Annotated[Lang | None, typer.Option("--lang", case_sensitive=False, help="Language of names and headings [env: TRACKER_LANG; default: en].", show_default=False)]
DataDirOpt = Annotated[str | None, typer.Option("--data-dir", help="Data folder to read [env: TRACKER_DATA_DIR; default: the data shipped with the tracker].", show_default=False)]
NoPagerOpt = Annotated[bool, typer.Option("--no-pager", help="Print long output straight to the terminal [env: TRACKER_PAGER, PAGER; default: less -FRX].")]
ColorOpt = Annotated[Color | None, typer.Option("--color", case_sensitive=False, help="Colour [env: NO_COLOR, FORCE_COLOR; default: auto].", show_default=False)]
FormatOpt = Annotated[Format, typer.Option("--format", "-O", case_sensitive=False, help="Output: table (for people), json, csv or markdown.")]
DialogueOpt = Annotated[str | None, typer.Option("--dialogue", "-d", help="Only this dialogue: eppd, dde, tuba, … (ID or name).", show_default=False)]
PartnerOpt = Annotated[str | None, typer.Option("--partner", "-p", help="Only this partner, by ID or name in either language: us, USA, 美國, eu, 歐盟.", show_default=False)]
SinceOpt = Annotated[str | None, typer.Option("--since", help="From this date, inclusive: 2020-11-20, 2021-11, 2021, 'Nov 2020', 民國109年11月20日, 109/11/20, 1091120. A partial date starts at its first day.", show_default=False)]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Up to this date, inclusive (same forms as --since). A partial date ends on its last day: --until 2020 means up to 2020-12-31.", show_default=False)]
RefDialogueOpt = Annotated[str | None, typer.Option("--dialogue", "-d", help="The dialogue of a bare round number such as 6 [default: eppd].", show_default=False)]
SvgOpt = Annotated[str | None, typer.Option("--svg", help="Also save what the terminal shows as an SVG picture, for slides and reports (- writes only the picture, to standard output).", show_default=False)]
HtmlOpt = Annotated[str | None, typer.Option("--html", help="Also save what the terminal shows as an HTML page (- writes only the page, to standard output).", show_default=False)]
ForceOpt = Annotated[bool, typer.Option("--force", "-f", help="Replace the output file if it exists (a regular file only; it keeps its permissions).")]
TopicOpt = Annotated[str | None, typer.Option("--topic", "-t", help="Only rounds that discussed this topic or theme (ID, name or alias; see `tracker topics`).", show_default=False)]


@dataclass(frozen=True)
class Run:
    """What a command works with: its settings, and its streams (standard output through the pager
    when there is one)."""

    settings: Settings
    stdout: TextIO
    stderr: TextIO

    @property
    def data_dir(self) -> str:
        return self.settings.data_dir

    @property
    def today(self):
        return self.settings.today

    def target(self):
        """Where the command's answer goes, for the output layer."""
        from .output.target import Target

        return Target(self.stdout, self.settings.lang, self.settings.terminal)


class _Paging:
    """The one place the pager may swap standard output for its buffer, for the length of a command."""

    def __init__(self, s: Settings, stdout: TextIO, stderr: TextIO) -> None:
        self.pager, self.height, self.stdout, self.stderr = s.pager, s.height, stdout, stderr


FILTERS = {  # the filter options, in the order --help lists them: name -> annotation (each defaults to None)
    "dialogue": DialogueOpt,
    "partner": PartnerOpt,
    "since": SinceOpt,
    "until": UntilOpt,
    "topic": TopicOpt,
}


def command(name: str, target=None, filters: tuple = (), **kwargs):
    """Declare a command (of ``app`` or of ``target``) that receives a ``Run`` first and takes the
    shared options, and the ``filters`` named (see ``FILTERS``), which it receives as keyword
    arguments."""

    def decorate(func):
        func.filters = filters
        (target or app).command(name, **kwargs)(_with_shared_options(func))
        return func

    return decorate


def _with_shared_options(func):
    """The command as typer sees it: its own options, then the shared ones, the Run made from them
    (an option given before the command name counts as given after it)."""
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
        inspect.Parameter("color", kw, default=None, annotation=ColorOpt),
        inspect.Parameter("no_pager", kw, default=False, annotation=NoPagerOpt),
        inspect.Parameter("ctx", kw, annotation=typer.Context),
    ]

    @functools.wraps(func)
    def wrapper(*args, ctx, lang=None, data_dir=None, color=None, no_pager=False, **kw_args):
        from .output.pager import paged

        root = ctx.find_root()
        env = root.obj
        given = root.params
        s = settings(env, lang=lang or given.get("lang"), data_dir=data_dir or given.get("data_dir"),
                     color=color or given.get("color"), no_pager=no_pager or bool(given.get("no_pager")))
        page = _Paging(s, env.stdout, env.stderr)
        with paged(page):
            return func(Run(s, page.stdout, env.stderr), *args, **kw_args)

    wrapper.__signature__ = sig.replace(parameters=params + extra)  # type: ignore[attr-defined]
    return wrapper


def _data_as_of(env: Env) -> str:
    """How current the data is (the latest ``last_verified`` of its rounds and documents), for
    ``tracker --help``: of the folder TRACKER_DATA_DIR names, or the shipped one; "" when that
    folder cannot be read or has errors (``tracker validate`` lists them)."""
    import datetime as _dt

    from .data.load import check, default_data_dir

    ds, _problems = check(env.environ.get("TRACKER_DATA_DIR") or default_data_dir(), env.today or _dt.date.today())
    latest = ds.latest_check() if ds else None
    if latest is None:
        return ""
    from .output.words import date_words

    return date_words(latest, "en")


def load_data(s: Settings):
    """The checked data of the command's data folder (raises DataError)."""
    from .data.load import load

    return load(s.data_dir, s.today)


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
    color: ColorOpt = None,
    no_pager: NoPagerOpt = False,
) -> None:
    settings(ctx.obj, lang=lang, data_dir=data_dir, color=color)  # an unknown language is refused before any work
    _help_without_command(ctx)


def _help_without_command(ctx: typer.Context) -> None:
    if ctx.invoked_subcommand is None:
        print(ctx.get_help(), file=ctx.find_root().obj.stdout)
        raise typer.Exit()


# ---------------------------------------------------------------- commands


@command("list", filters=("dialogue", "partner", "since", "until", "topic"), short_help="List the rounds and meetings, one line each, by dialogue.")
def list_(
    run: Run,
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
    from .output import listing

    ds = load_data(run.settings)
    listing.write(run.target(), ds, query.list_rounds(ds, query.make_filters(ds, **filters)), fmt, show_all=show_all)


@command("show", short_help="Show one round: leads, topics, outcomes, sources.")
def show(
    run: Run,
    ref: Annotated[str, typer.Argument(metavar="ROUND", help="A round: 6 (of --dialogue, EPPD by default), eppd:6, eppd-6, dde:2, eppd:first, eppd:latest, tuba-launch.", show_default=False)],
    dialogue: RefDialogueOpt = None,
    full: Annotated[bool, typer.Option("--full", help="Every outcome of each topic, every participant, the notes, working groups, follow-ups, other facts and the detail of disputed facts.")] = False,
    fmt: FormatOpt = "table",
) -> None:
    """One round as a one-page brief: what, when, where and who; what was signed; each topic's
    first outcome and the commitments' statuses; what is disputed; the numbered sources.

    With --full, every outcome, every participant, the curators' notes and the reasoning behind
    the date, working groups, follow-ups, other facts and what sources disagree on. Machine
    formats always carry everything.

    \b
    Examples:
      tracker show 1
      tracker show eppd:6 --full
      tracker show eppd:latest --lang zh
      tracker show dde-2 --format json
    """
    from . import api
    from .output import show

    ds = load_data(run.settings)
    show.write(run.target(), ds, api.get_round(ds, ref, dialogue), fmt, full=full)


@command("compare", short_help="Compare two rounds: what was added, dropped, evolved.")
def compare(
    run: Run,
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
    from .output import compare
    from .output.words import word
    from .rules import date_key

    ds = load_data(run.settings)
    c = api.compare(ds, a, b, all_topics=all_topics, dialogue=dialogue)
    if c.a.date and c.b.date and date_key(c.a.date) > date_key(c.b.date):
        run.stderr.write(word("later_first", run.settings.lang).format(a=c.a.id, b=c.b.id, da=c.a.date, db=c.b.date) + "\n")
    compare.write(run.target(), ds, c, fmt, detail=detail)


@command("timeline", filters=("dialogue", "partner", "since", "until", "topic"), short_help="Show rounds and documents in date order.")
def timeline(
    run: Run,
    with_follow_ups: Annotated[bool, typer.Option("--with-follow-ups", help="Also show follow-up events (signings, first meetings of working groups, …).")] = False,
    detail: Annotated[bool, typer.Option("--detail", help="Each event in full: its format, the full titles of what was signed, how many headline topics.")] = False,
    fmt: Annotated[Literal["table", "json", "csv", "markdown", "timelinejs"], typer.Option("--format", "-O", case_sensitive=False, help="Output: table (for people), json, csv, markdown, or timelinejs (TimelineJS JSON).")] = "table",
    svg: SvgOpt = None,
    html: HtmlOpt = None,
    force: ForceOpt = False,
    **filters,
) -> None:
    """Rounds, meetings and documents in date order, each in a line or two with its headline topics.

    With --detail, grouped by year, with each round's format and the full titles of what was signed.

    \b
    Examples:
      tracker timeline --partner us
      tracker timeline --partner us --detail
      tracker timeline --partner 歐盟 --lang zh
      tracker timeline --since 民國110年 --format json
      tracker timeline --format timelinejs > timeline.json
      tracker timeline --partner us --svg us.svg
    """
    from . import query
    from .output import timeline
    from .output.pictures import pictures

    ds = load_data(run.settings)
    f = query.make_filters(ds, **filters)
    with pictures(run.target(), svg, html, force, fmt, run.data_dir, run.stderr) as drawn:
        timeline.write(drawn, ds, query.timeline(ds, f, with_follow_ups), fmt, detail=detail)


@command("topics", short_help="Show the topics, and which rounds discussed each.")
def topics(
    run: Run,
    topic: Annotated[str | None, typer.Argument(metavar="[TOPIC]", help="A topic or theme: show its history across all dialogues.", show_default=False)] = None,
    dialogue: DialogueOpt = None,
    partner: PartnerOpt = None,
    taxonomy: Annotated[bool, typer.Option("--taxonomy", help="Also list every topic's ID, name and aliases, theme by theme.")] = False,
    fmt: FormatOpt = "table",
    svg: SvgOpt = None,
    html: HtmlOpt = None,
    force: ForceOpt = False,
) -> None:
    """Which rounds discussed what: a topic × round matrix for each dialogue; --taxonomy adds the
    topics' IDs, names and aliases. With a TOPIC, that topic's history across all dialogues.

    \b
    Examples:
      tracker topics
      tracker topics --dialogue eppd
      tracker topics --taxonomy
      tracker topics critical-minerals
      tracker topics 供應鏈 --lang zh
      tracker topics --dialogue eppd --svg agenda.svg
    """
    from . import api, query
    from .output import topics
    from .output.pictures import pictures

    ds = load_data(run.settings)
    with pictures(run.target(), svg, html, force, fmt, run.data_dir, run.stderr) as drawn:
        if topic:
            ids = query.resolve_topics(ds, topic)
            topics.write_history(drawn, ds, ids, api.topic_history(ds, ids), fmt)
            return
        rounds = api.list_rounds(ds, dialogue=dialogue, partner=partner)
        topics.write(drawn, ds, rounds, query.topic_matrix(ds, rounds), fmt, taxonomy=taxonomy)


@command("search", filters=("dialogue", "partner", "since", "until"), short_help="Search names, topics, outcomes and documents.")
def search(
    run: Run,
    text: Annotated[str, typer.Argument(metavar="TEXT", help="Words to find, in English or Chinese (case does not matter).", show_default=False)],
    everything: Annotated[bool, typer.Option("--all", help="Also show matches in curators' notes and in the fields of sources. Machine formats always carry every match.")] = False,
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
    from .output import search

    if not text.strip():
        raise InputError("empty search text")
    ds = load_data(run.settings)
    search.write(run.target(), ds, query.search(ds, text, query.make_filters(ds, **filters)), fmt, needle=text, everything=everything)


@command("commitments", filters=("dialogue", "partner", "since", "until"), short_help="List what each round promised and what became of it.")
def commitments(
    run: Run,
    status: Annotated[Status | None, typer.Option("--status", "-s", case_sensitive=False, help="Only commitments with this status.", show_default=False)] = None,
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
    from .output import commitments

    ds = load_data(run.settings)
    rows = api.commitments(ds, **filters, status=status, today=run.today)
    commitments.write(run.target(), ds, rows, fmt, today=run.today)


export_app = typer.Typer(
    help="Write the data in the formats other tools open: SQLite (Datasette), iCalendar, JSON, CSV.",
    short_help="Write the data as SQLite, iCalendar, JSON or CSV.",
    invoke_without_command=True,
    callback=_help_without_command,
)
app.add_typer(export_app, name="export")

PathArg = Annotated[str, typer.Argument(metavar="PATH", help="The file to write (never inside the data folder), or - for standard output.", show_default=False)]


def _wrote(run: Run, written: str) -> None:
    from .output.files import STDOUT

    if written != STDOUT:
        print(one_line(f"wrote {written}"), file=run.stderr)


@command("sqlite", target=export_app, short_help="The whole data set as a SQLite database.")
def export_sqlite(
    run: Run,
    path: PathArg,
    force: ForceOpt = False,
    metadata: Annotated[str | None, typer.Option("--metadata", metavar="FILE", help="Also write Datasette metadata (label columns, facets, descriptions, licence) to FILE, for `datasette PATH --metadata FILE`.", show_default=False)] = None,
) -> None:
    """The whole data set as a normalised SQLite database with foreign keys, indexes, views and a
    full-text table that Datasette gives a search box, ready for `datasette PATH`.

    \b
    Examples:
      tracker export sqlite dialogues.db --metadata metadata.json
      datasette dialogues.db --metadata metadata.json
      tracker export sqlite - | gzip > dialogues.db.gz
    """
    from pathlib import Path

    from .output import export, files

    if metadata == "-" and path == "-":
        raise InputError("the database and --metadata cannot both go to standard output (give --metadata a file)")
    ds = load_data(run.settings)
    if metadata is not None:  # refuse a metadata path that cannot be written before writing anything
        files.check_target(metadata, force=force, data_dir=run.data_dir)
    written = files.write_file(path, lambda tmp: export.write_sqlite(ds, tmp), force=force, data_dir=run.data_dir, stdout=run.stdout)
    _wrote(run, written)
    if metadata is not None:
        database = Path(path).stem if path != "-" else "dialogues"
        _wrote(run, files.write_text(metadata, export.datasette_metadata_text(database), force=force,
                                     data_dir=run.data_dir, stdout=run.stdout))


@command("ics", target=export_app, filters=("dialogue", "partner"), short_help="The rounds as an iCalendar file.")
def export_ics(run: Run, path: PathArg, force: ForceOpt = False, **filters) -> None:
    """Rounds as an iCalendar file: one all-day event per round dated to the day
    (multi-day where known), with a stable UID, place, topics and source links.

    \b
    Examples:
      tracker export ics dialogues.ics
      tracker export ics eppd.ics --dialogue eppd --lang zh
      tracker export ics - --partner us > us.ics
    """
    from . import query
    from .output import export, files

    ds = load_data(run.settings)
    f = query.make_filters(ds, **filters)
    data, skipped = export.ics_bytes(ds, run.settings.lang, query.filter_rounds(ds, f))
    _wrote(run, files.write_bytes(path, data, force=force, data_dir=run.data_dir, stdout=run.stdout))
    if skipped:
        print(f"left out, dated only to the month or year: {', '.join(skipped)}", file=run.stderr)


@command("json", target=export_app, short_help="The whole data set as one JSON file.")
def export_json(run: Run, path: PathArg, force: ForceOpt = False) -> None:
    """The whole data set in one JSON file: the tables of the SQLite export, as arrays of rows.

    \b
    Examples:
      tracker export json dialogues.json
      tracker export json - | jq '.rounds | length'
    """
    from .output import export, files

    ds = load_data(run.settings)
    _wrote(run, files.write_text(path, export.json_text(ds), force=force, data_dir=run.data_dir, stdout=run.stdout))


@command("csv", target=export_app, short_help="The whole data set as one CSV file per table.")
def export_csv(
    run: Run,
    path: Annotated[str, typer.Argument(metavar="DIR", help="The folder to write one CSV per table into.", show_default=False)],
    bom: Annotated[bool, typer.Option("--bom", help="Start each file with a byte-order mark, so that Excel reads Chinese correctly.")] = False,
    force: ForceOpt = False,
) -> None:
    """The whole data set as one CSV file per table (the tables of the SQLite export), for
    spreadsheets: a text cell that starts with = + - or @ gets a leading ' so that it is not run
    as a formula. A datapackage.json (Frictionless) beside them describes every file's fields.

    \b
    Examples:
      tracker export csv tables/
      tracker export csv tables/ --bom
    """
    from .output import export, files

    ds = load_data(run.settings)
    _wrote(run, files.write_folder(path, export.csv_writers(ds, bom), force=force, data_dir=run.data_dir))


@command("validate", short_help="Check a data folder and report every problem.")
def validate(
    run: Run,
    path: Annotated[str | None, typer.Argument(metavar="[PATH]", help="Data folder to check [default: --data-dir, TRACKER_DATA_DIR or the shipped data].", show_default=False)] = None,
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
    code = _run_validate(run, path, strict)
    if code:
        raise typer.Exit(code)


def _run_validate(run: Run, path: str | None, strict: bool) -> ExitStatus:
    """Check a folder; problems on stderr, a one-line summary on stdout; the exit status."""
    from .data.load import check
    from .errors import one_line

    root = path or run.data_dir
    ds, problems = check(root, run.today)
    problems = sorted(problems)
    errors = [p for p in problems if not p.warning]
    warnings = [p for p in problems if p.warning]
    for p in problems:
        print(p, file=run.stderr)
    failed = bool(errors) or (strict and bool(warnings))
    if ds is not None:
        summary = (
            f"{root}: {len(ds.dialogues)} dialogues, {len(ds.rounds)} rounds and meetings, "
            f"{len(ds.documents)} documents, {len(ds.topics)} topics, {len(ds.people)} people"
        )
    else:
        summary = root
    summary += f"; {len(errors)} error{'s' if len(errors) != 1 else ''}, {len(warnings)} warning{'s' if len(warnings) != 1 else ''}"
    print(one_line(summary), file=run.stderr if failed else run.stdout)
    return ExitStatus.DATA_ERROR if failed else ExitStatus.OK


@command("draft", short_help="Draft a round file from a press release.")
def draft(
    run: Run,
    article: Annotated[str, typer.Argument(metavar="ARTICLE", help="A plain-text article (UTF-8), or - for standard input.", show_default=False)],
    dialogue: Annotated[str | None, typer.Option("--dialogue", "-d", help="The dialogue, if not the one the article names most (ID or name).", show_default=False)] = None,
    round_: Annotated[str | None, typer.Option("--round", "-r", help="The round number, if not the one the article gives.", show_default=False)] = None,
    source_url: Annotated[str | None, typer.Option("--source-url", help="The article's address, when the text does not give it.", show_default=False)] = None,
    publisher: Annotated[str | None, typer.Option("--publisher", help="Who published the article, when the text does not say.", show_default=False)] = None,
    published: Annotated[str | None, typer.Option("--published", help="The article's date, when it has no header or dateline: it dates '27日', 'today', 'on Friday' (same forms as --since).", show_default=False)] = None,
    out: Annotated[str | None, typer.Option("--out", "-o", help="Write the draft to this file instead of standard output (never into the data folder).", show_default=False)] = None,
    fmt: Annotated[Literal["yaml", "json"], typer.Option("--format", "-O", case_sensitive=False, help="Output: yaml (a round file, with the source sentences as comments) or json.")] = "yaml",
    force: ForceOpt = False,
    compare: Annotated[bool, typer.Option("--compare", help="When the data already holds the event, show what the draft adds to that record instead of the draft.")] = False,
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
      tracker draft release.html --compare
    """
    from .draft_cli import run_draft

    run_draft(run, lambda: load_data(run.settings), article, dialogue, round_, source_url, publisher, published, out, fmt, force, compare)


def schema(
    kind: Annotated[SchemaKind, typer.Argument(metavar="[KIND]", case_sensitive=False, help="The kind of data file.")] = "round",
) -> None:
    """Print the JSON Schema of a data file, generated from the model, for editors with a YAML language server.

    The schemas are also shipped in the data folder's schema/ (see CONTRIBUTING.md, Editing data).

    \b
    Examples:
      tracker schema
      tracker schema dialogue > dialogue.schema.json
    """
    from .data.schema import SCHEMA_KINDS, json_schema
    from .output.formats import write_json

    write_json(sys.stdout, json_schema(SCHEMA_KINDS[kind]))


@command("site", short_help="The whole data set as a static, bilingual web site.")
def site(
    run: Run,
    path: Annotated[str, typer.Argument(metavar="DIR", help="The folder to write the site into (new, empty, or written by this command before).", show_default=False)],
    base_url: Annotated[str | None, typer.Option("--base-url", help="The address the site will be published at, for the \"cite this page\" lines.", show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", "-f", help="Replace the site a previous run wrote in DIR (never a folder of other files).")] = False,
) -> None:
    """The whole data set as a static web site in English (DIR/en/) and Chinese (DIR/zh-TW/): a page
    for every round, meeting, dialogue, document, topic and commitment, a comparison of each round
    with the next, the timeline, the topics of every round and the commitments, each fact with its
    numbered sources, and a search in both languages. It makes no request to any other site and
    works from any static host (search needs HTTP; the rest also works from the files).
    Needs the extra: pip install 'tracker[site]'.

    \b
    Examples:
      tracker site public/
      python -m http.server -d public
      tracker site public/ --force --base-url https://example.org/dialogues/
    """
    from .site import write_site

    report = write_site(load_data(run.settings), path, force=force, data_dir=run.data_dir, base_url=base_url)
    print(one_line(f"wrote {report.path}: {report.pages} pages, {report.indexed} in the search index"), file=run.stderr)


# ---------------------------------------------------------------- entry point


class _Guard:
    """A stream whose write and flush turn a closed pipe into PipeClosed, and any other failure to
    write (a full disk, a device that takes nothing) into an OutputError: never a traceback."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text):
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise PipeClosed() from None
        except OSError as exc:
            raise _stdout_failed(exc) from None

    def flush(self):
        try:
            return self._stream.flush()
        except BrokenPipeError:
            raise PipeClosed() from None
        except OSError as exc:
            raise _stdout_failed(exc) from None

    def __getattr__(self, name):
        return getattr(self._stream, name)


def _stdout_failed(exc: OSError) -> TrackerError:
    from .output.files import stdout_failed

    return stdout_failed(exc)


app.command("schema", short_help="Print the JSON Schema of a data file.")(schema)  # no shared options: it reads no data


def main(argv: list[str] | None = None, env: Env | None = None) -> int:
    """Run the tracker; returns (and, as a script, exits with) an ExitStatus."""
    import contextlib

    env = env or Env()
    env.stdout = cast(TextIO, _Guard(env.stdout))
    try:  # help and version texts are written to sys.stdout: guard it too
        with contextlib.redirect_stdout(_Guard(sys.stdout)):
            return int(_main(argv, env))
    except (BrokenPipeError, PipeClosed):
        from .output.files import silence_stdout

        silence_stdout()
        return int(ExitStatus.PIPE_CLOSED)


def _main(argv: list[str] | None, env: Env) -> int:
    code: int = ExitStatus.OK
    try:
        args = _text_arguments(sys.argv[1:] if argv is None else list(argv))
        help_text = app.info.help
        if not args or "--help" in args or "-h" in args:  # the data's date, under the tracker's help
            as_of = _data_as_of(env)
            if as_of:
                app.info.help = f"{help_text}\n\nData as of {as_of} (the latest check of a record)."
        try:
            rv = typer.main.get_command(app).main(args=args, prog_name="tracker", standalone_mode=False, obj=env)
        finally:
            app.info.help = help_text  # the date is of this run's data only
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
    """Flush what a command wrote before its error; output that cannot be written is dropped
    (the error that ended the command is the one to tell)."""
    try:
        stream.flush()
    except (OSError, ValueError, PipeClosed, TrackerError):
        from .output.files import silence_stdout

        silence_stdout()


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
