"""Human output: rich tables and layouts, in the user's language.

Only this module imports rich, and only when a command draws for a person.
Every text from the data is passed as ``rich.text.Text`` so that brackets in
it are never read as markup.
"""

from __future__ import annotations

from typing import Optional

from rich.console import Console, RenderHook
from rich.text import Text as RText

from .layout import cell_width, wrap
from ..data.model import Dataset, PartialDate, Round
from ..data.summary import RoundSummary
from ..safe import UNSAFE, visible
from ..rules import dialogue_label, display_name, pick, round_label, round_name
from .words import word


def match_pattern(needle: str):
    """A pattern that finds, in the text as written, what search matched in folded text:
    any case, hyphens or spaces between words, and a plural ending."""
    import re

    words = needle.split()
    if not words:
        return None
    parts = []
    for w in words:
        w = w.replace("-", " ").strip()
        if w.isascii() and w[-1:].isalpha():
            stem = w[:-1] + "(?:y|ies)" if w.endswith("y") else re.escape(w) + "(?:e?s)?"
            parts.append(stem)
        else:
            parts.append(re.escape(w))
    return re.compile(r"[\s\-–—]+".join(parts), re.IGNORECASE)


class _Console(Console):
    def on_broken_pipe(self) -> None:
        from ..errors import PipeClosed

        raise PipeClosed()


class _TrimmedLines:
    """A stream that writes whole lines without their trailing spaces, and no blank line first.

    Tables pad every cell to its column's width; a pipe or a file should not carry that padding.
    """

    def __init__(self, stream):
        self.stream = stream
        self.pending = ""
        self.started = False
        self.encoding = getattr(stream, "encoding", None) or "utf-8"

    def write(self, text: str) -> int:
        self.pending += text
        if "\n" in self.pending:
            *whole, self.pending = self.pending.split("\n")
            out = []
            for line in whole:
                line = line.rstrip()
                if not self.started and not line:
                    continue
                self.started = True
                out.append(line + "\n")
            if out:
                self.stream.write("".join(out))
        return len(text)

    def flush(self) -> None:
        if self.pending.rstrip():
            self.stream.write(self.pending.rstrip())
            self.started = True
        self.pending = ""
        self.stream.flush()

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return self.stream.fileno()


class _Visible:
    """Draws a renderable with every control or bidirectional character of its text shown, not sent.

    The View already passes the data's text through ``visible``; this is the net
    under everything else a console prints (terminal, SVG and HTML alike).
    """

    def __init__(self, renderable) -> None:
        self.renderable = renderable

    def __rich_console__(self, console, options):
        from rich.segment import Segment

        for segment in console.render(self.renderable, options):
            text = segment.text
            if segment.control or not UNSAFE.search(text):
                yield segment
            else:
                yield Segment(visible(text), segment.style)


class _ShowVisibly(RenderHook):
    def process_renderables(self, renderables):
        return [_Visible(r) for r in renderables]


def make_console(env, record: bool = False) -> Console:
    encoding = (getattr(env.stdout, "encoding", None) or "utf-8").lower()
    console = _Console(
        file=env.stdout if env.color else _TrimmedLines(env.stdout),
        force_terminal=env.color or None,
        no_color=not env.color,
        color_system="auto" if env.color else None,
        width=env.width or (None if env.stdout_isatty else 100),
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
        safe_box="utf" not in encoding,
        record=record,
    )
    console.push_render_hook(_ShowVisibly())
    return console


def date_span(date, end=None) -> str:
    """2019-06-04, or 2019-06-04–05 / 2022-11-08–12-01 / 2022-12-30–2023-01-02 for a span."""
    text = str(date)
    if end:
        e = str(end)
        if end.year == date.year and date.day and end.day:
            e = e[8:] if end.month == date.month else e[5:]
        text += "–" + e
    return text


class _Filled:
    """Rows of a prefix (a bullet, a number, a label) and a styled text, the text filled to the
    width under a hanging indent by ``layout.wrap``: no word or name broken, no line starting with
    closing punctuation. Drawn by rich, so pictures (--svg, --html) get it too."""

    def __init__(self, rows: list) -> None:
        self.rows = rows  # (prefix, RText, prefix style)

    def __rich_console__(self, console, options):
        width = options.max_width
        for prefix, item, prefix_style in self.rows:
            hang = " " * cell_width(prefix)
            for k, sub in enumerate(item.split("\n")):
                plain = sub.plain
                first = prefix if k == 0 else hang
                pos = 0
                for n, line in enumerate(wrap(plain, width, hang, first)):
                    lead = first if n == 0 else hang
                    content = line[len(lead):]
                    at = plain.find(content, pos) if content else -1
                    if at >= 0:
                        seg, pos = sub[at: at + len(content)], at + len(content)
                    else:
                        seg = RText(content, style=sub.style)
                    out = RText(lead, style=prefix_style if (k == 0 and n == 0) else "") + seg
                    out.no_wrap, out.overflow = True, "ignore"
                    yield out


SIDE_ORDER = {"taiwan": 0, "partner": 1, "other": 2}  # leads and participants: Taiwan first, everywhere


class View:
    """Draws for one command: the console, the language and the data set."""

    def __init__(self, env, ds: Dataset, console: Optional[Console] = None):
        self.env = env
        self.ds = ds
        self.lang = env.lang
        self.console = console or make_console(env)
        self.cut_urls = False  # set when a URL was cut to fit: show then says where to read it whole
        self.ascii = self.console.encoding.lower() not in ("utf-8", "utf8", "utf_8")

    # -------------------------------------------------------- small helpers

    def w(self, key: str) -> str:
        return word(key, self.lang)

    def t(self, text) -> str:
        """A Text (or its JSON form) in the user's language, control characters shown visibly."""
        return visible(pick(text, self.lang))

    def unknown(self) -> RText:
        return RText(self.w("unknown"), style="dim italic")

    def print(self, *items) -> None:
        for item in items:
            self.console.print(item)

    pick = t

    @staticmethod
    def dialogue_name(d_id: Optional[str]) -> str:
        """The one short name of every dialogue in output for people: its ID in capitals (EPPD,
        USTTI), which is also what ``--dialogue`` takes, in any case."""
        return dialogue_label(d_id)

    def summary(self, r: Round) -> RoundSummary:
        from ..data.summary import summarize

        return summarize(self.ds, r)

    # The helpers below read a round summary (summary.RoundSummary).

    def date_text(self, date: Optional[PartialDate], end: Optional[PartialDate] = None) -> RText:
        if date is None:
            return self.unknown()
        return RText(date_span(date, end))

    def format_text(self, s: RoundSummary) -> RText:
        if s.format is None:
            if s.kind == "milestone":
                return RText("")
            return RText(self.w("disputed" if "format" in s.disputed else "unknown").lower(), style="dim italic")
        return RText(self.w(s.format))

    def person(self, p) -> str:
        return self.t(display_name(self.ds.people, p))

    def leads_text(self, s: RoundSummary) -> str:
        return self.join(self.pick(p.name) for p in sorted(s.leads, key=lambda p: SIDE_ORDER[p.side]))

    def place(self, s: RoundSummary) -> str:
        return self.join(self.pick(v) for v in s.venue)

    def names(self, items) -> str:
        """A list of names for running text: joined as ``join`` does, each kept whole when filled."""
        from .layout import keep

        return self.join(keep(x) for x in items)

    def join(self, items) -> str:
        """A list in running text: 、 between Chinese items, '; ' between English ones."""
        return ("、" if self.lang == "zh" else "; ").join(items)

    def place_text(self, s: RoundSummary) -> RText:
        return RText(self.place(s)) if s.venue else self.unknown()

    def marks(self, item) -> RText:
        out = RText()
        if getattr(item, "unverified", False) is True:
            out.append(" [" + self.w("unverified") + "]", style="yellow")
        return out

    # -------------------------------------------------------- commands

    def rounds(self, summaries: list[RoundSummary], title: Optional[str] = None, show_all: bool = True) -> None:
        """Rounds grouped by dialogue, one line each; milestones that were no meetings only with ``show_all``."""
        from ..data.model import MEETING_EVENTS

        shown = [s for s in summaries if show_all or s.kind != "milestone" or s.event in MEETING_EVENTS]
        left_out = len(summaries) - len(shown)
        if not shown:
            self.print(RText(self.w("no_rounds"), style="dim"))
        groups: dict[str, list[RoundSummary]] = {}
        for s in shown:
            groups.setdefault(s.dialogue, []).append(s)
        dropped: set[str] = set()
        blanks = False
        for n, (d_id, rows) in enumerate(groups.items()):
            if n:
                self.console.print()
            self.group_heading(d_id, rows)
            cols, empty = self.round_rows(rows)
            dropped |= cols
            blanks |= empty
        footer = []
        if any(x.topic_match == "outcomes" for x in shown):
            footer.append(self.w("outcomes_legend"))
        if blanks:
            footer.append(self.w("empty_legend"))
        if dropped:
            footer.append(self.w("dropped_columns").format(cols=", ".join(sorted(dropped))))
        if left_out:
            footer.append(self.w("left_out_milestones").format(n=left_out))
        if summaries:
            from .words import date_words

            footer.append(self.w("as_of").format(date=date_words(max(s.last_verified.first_day() for s in summaries), self.lang)))
        if footer:
            self.console.print()
            for line in footer:
                self.lines(line, style="dim")

    def group_heading(self, d_id: str, rows: list[RoundSummary]) -> None:
        d = self.ds.dialogues[d_id]
        partner = self.ds.partners[d.partner]
        numbered = sum(1 for s in rows if s.round is not None)
        count = (
            self.counted("n_round", "n_rounds", numbered) if numbered == len(rows)
            else self.counted("n_meeting", "n_meetings", len(rows))
        )
        from .layout import NBSP

        self.lines(f"{self.dialogue_name(d_id)} — {self.t(d.name)} · {self.t(partner.name)} · {count.replace(' ', NBSP)}", style="bold")

    def counted(self, one: str, many: str, n: int) -> str:
        return self.w(one) if n == 1 else self.w(many).format(n=n)

    def lines(self, text: str, style: str = "", indent: str = "", first: Optional[str] = None) -> None:
        """A paragraph filled to the terminal's width, words never broken; ``first`` starts its first line."""
        from .layout import wrap

        for line in wrap(text, self.console.width, indent, first):
            self.console.print(RText(line, style=style), no_wrap=True, overflow="ignore", crop=False, soft_wrap=True)

    def disputed_format(self, round_id: str) -> str:
        """``virtual or hybrid (disputed)``: the formats the sources give, where each version starts
        with one; else ``disputed``."""
        words = {"hybrid": "hybrid", "virtual": "virtual", "in person": "in-person", "in-person": "in-person"}
        found = []
        for d in self.ds.round(round_id).disputed:
            if d.about != "format":
                continue
            for v in d.versions:
                head = (v.value.en or "").lower()
                key = next((k for k in words if head.startswith(k)), None)
                if key is None:
                    return self.w("disputed").lower()
                found.append(self.w(words[key]))
        if not found:
            return self.w("disputed").lower()
        alternatives = ("或" if self.lang == "zh" else " or ").join(dict.fromkeys(found))
        return alternatives + self.paren(self.w("disputed").lower())

    def event_label(self, s: RoundSummary) -> str:
        """How a row is named: its number, or what kind of event it was, in words."""
        if s.round is not None:
            return str(s.round)
        return self.w(s.event or s.kind)

    def round_rows(self, rows: list[RoundSummary]) -> tuple[set[str], bool]:
        """One line per round; returns the headers of the columns the width left out, and whether a
        shown cell was empty (—)."""
        from .layout import Column, table_lines

        columns = [
            Column(self.w("round")),
            Column(self.w("date")),
            Column(self.w("format"), drop=3, shrink=10),
            Column(self.w("place"), drop=2, shrink=12),
            Column(self.w("leads"), drop=1, shrink=16),
            Column(self.w("topics"), drop=4, right=True),
        ]
        cells = []
        for s in rows:
            fmt = "" if s.format is None else self.w(s.format)
            if s.format is None and "format" in s.disputed:
                fmt = self.disputed_format(s.id)
            cells.append([
                self.event_label(s) + (" *" if s.topic_match == "outcomes" else ""),
                str(self.date_text(s.date, s.end_date)) if s.date else "—",
                fmt or "—",
                self.place(s) or "—",
                self.leads_text(s) or "—",
                str(len(s.topics)),
            ])
        out, dropped = table_lines(columns, cells, self.console.width, indent=2)
        for pieces in out:
            self.console.print(RText.assemble(*pieces), no_wrap=True, overflow="ignore", crop=False, soft_wrap=True)
        empty = any(row[i] == "—" for row in cells for i in range(len(columns)) if i not in dropped)
        return {columns[i].header for i in dropped}, empty

    # -------------------------------------------------------- show

    def heading(self, text: str) -> RText:
        return RText("\n" + text, style="bold underline")

    def cites(self, ids, numbers: dict) -> RText:
        nums = [numbers[i] for i in ids if i in numbers]
        return RText(" " + "".join(f"[{n}]" for n in nums), style="cyan") if nums else RText()

    def title_of(self, r: Round) -> RText:
        d = self.ds.dialogues[r.dialogue]
        head = RText(style="bold")
        short = self.dialogue_name(d.id)
        if r.round is not None:
            head.append(f"{short} " + round_label(r.round, self.lang))
        else:
            head.append(f"{short}: {self.t(r.name) or self.w(r.event or r.kind)}")
        head.append(f"  ({r.id})", style="dim")
        head.append("\n" + self.t(d.name), style="")
        return head

    def show(self, r: Round, full: bool = False) -> None:
        """One round: concise by default (header, topics and outcomes, commitments, documents,
        sources); participants beyond the leads, notes, working groups, follow-ups, other facts and
        the detail of disputed facts with ``full``."""
        numbers = {s.id: i for i, s in enumerate(r.sources, 1)}
        self.print(self.title_of(r))
        self.show_facts(r, full)
        if r.participants and full:
            self.show_participants(r, numbers)
        self.show_topics(r, numbers, full)
        if r.documents:
            self.print(self.heading(self.w("documents")))
            self.print(self.bullets([self.document_line(self.ds.documents[d]) for d in r.documents]))
        if full:
            self.show_working_groups(r, numbers)
            self.show_follow_ups_and_notes(r, numbers)
            self.show_disputed(r, numbers)
        else:
            self.show_more(r)
        self.show_sources(r, numbers)

    def fact_flag(self, r: Round, field: str) -> RText:
        """`` [disputed]``, `` [unverified]`` after a fact the round marks so."""
        out = RText()
        if any(d.about == field for d in r.disputed):
            out.append(f" [{self.w('disputed')}]", style="yellow")
        if any(u.about == field for u in r.unverified):
            out.append(f" [{self.w('unverified')}]", style="yellow")
        return out

    def show_facts(self, r: Round, full: bool) -> None:
        """The round's facts under their labels, aligned: date, format, place, leads, sourcing, last check."""
        facts = []  # (label, value)
        date = self.date_text(r.date, r.end_date)
        if r.date_note and full:
            date.append("\n" + self.t(r.date_note), style="dim")
        facts.append((self.w("date"), date + self.fact_flag(r, "date")))
        summary = self.summary(r)
        if r.kind != "milestone" or r.format:
            if r.format is None and any(d.about == "format" for d in r.disputed):  # the alternatives say it is disputed
                shown = RText(self.disputed_format(r.id))
                if any(u.about == "format" for u in r.unverified):
                    shown.append(f" [{self.w('unverified')}]", style="yellow")
            else:
                shown = self.format_text(summary) + self.fact_flag(r, "format")
            facts.append((self.w("format"), shown))
        facts.append((self.w("place"), self.place_text(summary) + self.fact_flag(r, "venues")))
        facts.append((self.w("leads"), self.lead_lines(r) if r.leads else self.unknown()))
        facts.append((self.w("sourcing"), RText(self.sourcing(r))))
        if full:  # a curator's date; the reader's is under tracker list and in --help
            facts.append((self.w("last_verified"), RText(str(r.last_verified))))
        label_width = max(cell_width(label) for label, _ in facts) + 2
        self.print(_Filled([(label + " " * (label_width - cell_width(label)), value, "bold") for label, value in facts]))

    def partner_name(self, r: Round) -> str:
        """The name of the partner of the round's dialogue."""
        return self.t(self.ds.partners[self.ds.dialogues[r.dialogue].partner].name)

    def lead_lines(self, r: Round) -> RText:
        """The leads, Taiwan first, one a line: name — title, side."""
        out = RText()
        for i, p in enumerate(sorted(r.leads, key=lambda p: SIDE_ORDER[p.side])):
            if i:
                out.append("\n")
            out.append(self.person(p), style="bold")
            side = self.w(p.side) if p.side == "taiwan" else self.partner_name(r)
            # 臺灣經濟部長 in Chinese (not 經濟部長，臺灣); "Minister of Economic Affairs, Taiwan" in English
            title = self.t(p.title)
            extra = (title if side in title else side + title) if self.lang == "zh" and title else self.comma(x for x in (title, side) if x)
            if extra:
                out.append(f" — {extra}")
        return out

    def sourcing(self, r: Round) -> str:
        """``5 sources (1 weak)``: how many sources the round has, and how many of them are weak."""
        weak = sum(1 for s in r.sources if s.weak)
        text = f"{len(r.sources)} " + ("項來源" if self.lang == "zh" else "sources")
        if weak:
            text += f"（{weak} {self.w('weak')}）" if self.lang == "zh" else f" ({weak} {self.w('weak')})"
        return text

    def show_participants(self, r: Round, numbers: dict) -> None:
        self.print(self.heading(self.w("participants")))
        items = []
        for p in sorted(r.participants, key=lambda p: SIDE_ORDER[p.side]):
            side = self.w(p.side) if p.side != "partner" else self.partner_name(r)
            who = RText(self.person(p), style="bold" if p in r.leads else "")
            who += self.marks(p)
            title = self.without_org(self.t(p.title), self.t(p.organisation) if p.person else "")
            if self.lang == "zh" and title:  # 臺灣經濟部長, not 經濟部長，臺灣
                title, side = (title if side in title else side + title), ""
            detail = self.comma(x for x in (title, side, self.w(p.role), self.w(p.attendance) if p.attendance else "") if x)
            who.append(" — " + detail)
            who += self.cites(p.sources, numbers)
            if p.note:
                who.append("\n" + self.t(p.note), style="dim")
            items.append(who)
        self.print(self.bullets(items))

    def show_topics(self, r: Round, numbers: dict, full: bool) -> None:
        """Each topic, numbered, with its outcomes and their commitments under it."""
        self.print(self.heading(self.w("topics") + " / " + self.w("outcomes")))
        if not r.topics:
            self.print(self.unknown())
        for i, t in enumerate(r.topics, 1):
            topic = self.ds.topics[t.topic]
            line = RText(self.t(topic.name), style="bold")
            if t.label and self.t(t.label) != self.t(topic.name):
                line.append(f" — {self.t(t.label)}")
            if not t.headline and full:
                line.append(self.paren(self.w("also_mentioned")), style="dim")
            line += self.marks(t) + self.cites(t.sources, numbers)
            if t.note and full:
                line.append("\n" + self.t(t.note), style="dim")
            self.print(self.bullets([line], f"{i}."))
            items = [self.outcome_item(o, numbers, full) for o in t.outcomes]
            if items:
                self.print(self.bullets(items, "•", indent=3))

    def outcome_item(self, o, numbers: dict, full: bool) -> RText:
        """An outcome with its marks and sources; a commitment's status, and with ``full`` its evidence."""
        from ..query import evidence_for

        item = RText(self.t(o.text)) + self.marks(o) + self.cites(o.sources, numbers)
        if o.note and full:
            item.append("\n" + self.t(o.note), style="dim")
        if o.commitment:
            item.append("\n" + self.label(self.w("commitment")), style="magenta")
            item.append(self.w(o.commitment.status), style="bold magenta")
            for ev in evidence_for(self.ds, o) if full else ():
                item.append(f"\n→ {ev.date or self.w('unknown')}: {self.t(ev.text)}", style="magenta")
        return item

    def show_more(self, r: Round) -> None:
        """What ``--full`` would add, in a line."""
        more = [self.w(k) for k, v in (("participants", len(r.participants) > len(r.leads)), ("working_groups", r.working_groups), ("follow_ups", r.follow_ups), ("notes", r.notes), ("disputed", r.disputed)) if v]
        if more:
            self.print(RText(""))
            more = [m.lower() for m in more] if self.lang == "en" else more
            self.lines(self.w("more_with_full").format(what=self.comma(more)), style="dim")

    def show_working_groups(self, r: Round, numbers: dict) -> None:
        if not r.working_groups:
            return
        self.print(self.heading(self.w("working_groups")))
        items = []
        for g in r.working_groups:
            line = RText(self.t(g.name))
            if g.status:
                line.append(self.paren(self.w(g.status)), style="dim")
            line += self.marks(g) + self.cites(g.sources, numbers)
            if g.note:
                line.append("\n" + self.t(g.note), style="dim")
            items.append(line)
        self.print(self.bullets(items))

    def show_follow_ups_and_notes(self, r: Round, numbers: dict) -> None:
        if r.follow_ups:
            self.print(self.heading(self.w("follow_ups")))
            self.print(self.bullets([
                RText(f"{f.date}: ") + RText(self.t(f.text)) + self.marks(f) + self.cites(f.sources, numbers) for f in r.follow_ups
            ]))
        if r.notes:
            self.print(self.heading(self.w("notes")))
            self.print(self.bullets([RText(self.t(n.text)) + self.marks(n) + self.cites(n.sources, numbers) for n in r.notes]))

    def show_disputed(self, r: Round, numbers: dict) -> None:
        """What the sources disagree on, each version with its sources; then what is not confirmed."""
        if not (r.disputed or r.unverified):
            return
        self.print(self.heading(self.w("disputed") + " / " + self.w("unverified")))
        items = []
        for d in r.disputed:
            line = RText(f"{self.w('disputed')}: {d.about}", style="yellow")
            if d.note:
                line.append(" — " + self.t(d.note))
            for v in d.versions:
                line.append("\n– " + self.t(v.value))
                line += self.cites(v.sources, numbers)
            items.append(line)
        for u in r.unverified:
            items.append(RText(f"{self.w('unverified')}: {u.about} — ", style="yellow") + RText(self.t(u.note)) + self.cites(u.sources, numbers))
        self.print(self.bullets(items))

    def show_sources(self, r: Round, numbers: dict) -> None:
        """The numbered sources, each with its URL on a line of its own (or why there is none)."""
        self.print(self.heading(self.w("sources")))
        width = len(str(len(r.sources))) + 2
        for s in r.sources:
            self.print(_Filled([(f"[{numbers[s.id]}]".rjust(width) + " ", self.source_line(s), "cyan")]))
            if s.url:
                self.url_line(s.url, width + 1)
            elif s.note:  # where it was published, and why there is no link
                self.lines(self.t(s.note), style="dim", indent=" " * (width + 1))
        if self.cut_urls:
            self.print(RText(""))
            self.lines(self.w("urls_cut").format(ref=r.id), style="dim")

    def url_line(self, url: str, indent: int) -> None:
        """A URL on a line of its own, never folded: indented if it fits, else flush left, else cut
        with … (on a terminal it stays a link to the whole address; --format markdown and json give it)."""
        from .layout import cell_width, truncate

        room = self.console.width
        if cell_width(url) + indent > room and cell_width(url) <= room:
            indent = 0
        url = visible(url)
        shown = truncate(url, room - indent)
        self.cut_urls = self.cut_urls or shown != url
        self.console.print(RText(" " * indent) + RText(shown, style=f"blue link {url}"), no_wrap=True, overflow="ignore", crop=False, soft_wrap=True)

    def paren(self, text: str) -> str:
        """`` (text)`` after English, ``（text）`` after Chinese."""
        return f"（{text}）" if self.lang == "zh" else f" ({text})"

    def label(self, text: str) -> str:
        """``text`` followed by a colon: full-width in Chinese."""
        return text + ("：" if self.lang == "zh" else ": ")

    def comma(self, items) -> str:
        """Parts of one description: ， between Chinese parts, ', ' between English ones."""
        return ("，" if self.lang == "zh" else ", ").join(items)

    def without_org(self, title: str, org: str) -> str:
        """A title and its organisation, the organisation left out when the title already names it."""
        if not org or org in title:
            return title
        return self.comma([title, org]) if title else org

    def bullets(self, items: list, mark: str = "•", indent: int = 0) -> "_Filled":
        """Items under a bullet with a hanging indent, so that long (and Chinese) text wraps in line."""
        mark = mark if not self.ascii or mark.isascii() else "*"
        return _Filled([(" " * indent + mark + " ", item, "") for item in items])

    def source_line(self, s) -> RText:
        line = RText(self.t(s.publisher))
        if s.title:
            line.append(" — " + self.t(s.title), style="italic")
        if s.date:
            line.append(f" ({s.date})")
        if s.weak:
            line.append(f" [{self.w('weak')}]", style="yellow")
        return line

    def document_line(self, d) -> RText:
        line = RText(self.t(d.title), style="bold")
        zh = self.lang == "zh"
        gap = "" if zh else " "
        bits = [self.w(d.kind)]
        if d.date:
            bits.append(f"{self.w('signed')}{gap}{d.date}")
        if d.in_force:
            bits.append(f"{self.w('in_force')}{gap}{d.in_force}")
        if d.term and d.term.years:
            term = f"{self.w('term')}{gap}{d.term.years}{gap}{self.w('years')}"
            if d.term.extendable_years:
                term += ("，" if zh else ", ") + f"{self.w('extendable')}{gap}{d.term.extendable_years}" + (self.w("years") if zh else "")
            bits.append(term)
        line.append(self.paren(("；" if zh else "; ").join(bits)), style="dim")
        line.append(f"  {d.id}", style="dim")
        return line

    # -------------------------------------------------------- compare

    def topic_cell(self, t) -> RText:
        out = RText(self.t(self.ds.topics[t.topic].name), style="bold")
        if t.label and self.t(t.label) != self.t(self.ds.topics[t.topic].name):
            out.append("\n" + self.t(t.label), style="dim")
        return out

    def compare(self, c, detail: bool = False) -> None:
        """The gist first: what was added, dropped, continued and evolved, and how many of A's
        commitments B's date had seen delivered; the outcomes of both rounds with ``detail``."""
        from .layout import keep

        a, b = c.a, c.b
        sa, sb = self.summary(a), self.summary(b)
        head = RText(c.summary(), style="bold")
        head.append(f"  {self.round_name(sa)} → {self.round_name(sb)}")
        self.print(head)
        for key, style, mark in (("added", "green", "+"), ("dropped", "red", "−")):
            items = getattr(c, key)
            self.print(RText(""))
            self.print(RText(f"{mark} {self.w(key)} ({len(items)})", style=f"bold {style}"))
            for t in items:
                theme = self.ds.themes[self.ds.topics[t.topic].theme]
                line = RText("  ") + RText(self.t(self.ds.topics[t.topic].name), style="bold")
                line.append(f" · {self.t(theme.name)}", style="dim")
                self.print(line)
                if t.label and self.t(t.label) != self.t(self.ds.topics[t.topic].name):
                    self.lines(f"“{self.t(t.label)}”" if self.lang == "en" else f"「{self.t(t.label)}」", style="dim", indent="    ")
        for key, mark in (("evolved", "~"), ("continued", "=")):
            pairs = getattr(c, key)
            self.print(RText(""))
            self.print(RText(f"{mark} {self.w(key)} ({len(pairs)})", style="bold"))
            for p in pairs:
                left, right = self.t(self.ds.topics[p.a.topic].name), self.t(self.ds.topics[p.b.topic].name)
                text = left if left == right else f"{keep(left)} → {keep(right)}"
                self.lines(text, indent="    ", first="  ")
        self.print(RText(""))
        from .layout import NBSP

        from ..query import tally
        from .layout import keep
        from .words import commitment_gist, date_words

        name = f"{self.dialogue_name(sa.dialogue)} {round_name(sa.round, self.lang, otherwise=self.event_label(sa))}"
        self.lines(commitment_gist(name, tally(c.commitments), b.date, self.lang), style="bold")
        for row in c.commitments:
            if row.status in ("delivered", "in-progress", "lapsed"):
                when = date_words(row.evidence[0].date, self.lang)
                tail = when + ("" if row.status == "delivered" else self.paren(self.w(row.status)))
                self.lines(f"{self.t(row.outcome.text)} →{NBSP}{keep(tail, spaces=True)}", indent="    ", first="  • ")
        self.print(RText(""))
        self.compare_facts(sa, sb)
        if detail:
            self.compare_detail(c)
        else:
            self.print(RText(""))
            self.lines(self.w("more_with_detail"), style="dim")

    def round_name(self, s: RoundSummary) -> str:
        label = round_name(s.round, self.lang, otherwise=self.event_label(s))
        date = f" ({s.date})" if s.date else ""
        return f"{self.dialogue_name(s.dialogue)} {label}{date}"

    def compare_facts(self, sa: RoundSummary, sb: RoundSummary) -> None:
        from .layout import Column, table_lines

        columns = [Column(""), Column(f"A  {sa.id}", shrink=12), Column(f"B  {sb.id}", shrink=12)]
        rows = [
            [self.w("date"), str(self.date_text(sa.date, sa.end_date)), str(self.date_text(sb.date, sb.end_date))],
            [self.w("format"), str(self.format_text(sa)) or "—", str(self.format_text(sb)) or "—"],
            [self.w("place"), self.place(sa) or "—", self.place(sb) or "—"],
            [self.w("leads"), self.leads_text(sa) or "—", self.leads_text(sb) or "—"],
        ]
        lines, _ = table_lines(columns, rows, self.console.width)
        for pieces in lines:
            self.console.print(RText.assemble(*pieces), no_wrap=True, overflow="ignore", crop=False, soft_wrap=True)

    def compare_detail(self, c) -> None:
        """Each continued and evolved topic with the outcomes of A, then of B, at full width."""
        for key, mark in (("continued", "="), ("evolved", "~")):
            for p in getattr(c, key):
                self.print(RText(""))
                self.print(RText(f"{mark} {self.t(self.ds.themes[p.theme].name)}", style="bold"))
                for side, t in (("A", p.a), ("B", p.b)):
                    self.print(RText(f"  {side}  ") + self.topic_cell(t).split("\n")[0])
                    items = [RText(self.t(o.text)) for o in t.outcomes] or [RText("—", style="dim")]
                    self.print(self.bullets(items, "•", indent=5))

    # -------------------------------------------------------- timeline

    def timeline(self, entries: list) -> None:
        """One column layout for the whole timeline, as ``git log``: a year line when the year
        changes, dates aligned, each round with its place and headline topics under it, the
        documents it produced indented beneath it, undated items last under a heading of their own.

        ``entries``: ``query.TimelineEntry`` items."""
        if not entries:
            self.print(RText(self.w("no_rounds"), style="dim"))
            return
        rounds = {e.record.id: e.record for e in entries if e.kind not in ("document", "follow-up")}
        under: dict[str, list] = {}
        rows = []
        for e in entries:
            r = e.record
            if e.kind == "document" and r.round in rounds and (r.date is None or r.date == rounds[r.round].date):
                under.setdefault(r.round, []).append(r)
            elif e.kind == "follow-up" and r.id.split("/", 1)[0] != r.record and r.id in rounds:
                continue
            elif e.kind == "follow-up" and self.follow_up_is_a_round(e, rounds):
                continue  # the round it names is on the timeline already
            else:
                rows.append(e)
        dated = [e for e in rows if e.date]
        undated = [e for e in rows if not e.date]
        width = max([len(self.entry_date(e)) for e in dated] + [10])
        name_width = max(len(self.dialogue_tag(e)) for e in rows)
        year = None
        for e in dated:
            if e.date.year != year:
                year = e.date.year
                if e is not dated[0]:
                    self.print(RText(""))
                self.print(RText(f"{year:04d}", style="bold underline"))
            self.timeline_entry(e, self.entry_date(e), width, name_width, under)
        if undated:
            if dated:
                self.print(RText(""))
            self.print(RText(self.w("undated"), style="bold underline"))
            for e in undated:
                self.timeline_entry(e, "—", width, name_width, under)

    def entry_date(self, e) -> str:
        return str(self.date_text(e.date, getattr(e.record, "end_date", None)))

    def follow_up_is_a_round(self, e, rounds: dict) -> bool:
        """A follow-up whose date and dialogue are those of a round on the timeline (the next round itself)."""
        own = rounds.get(e.record.record)
        return any(r.date == e.date and r.dialogue == (own.dialogue if own else None) for r in rounds.values())

    def dialogue_tag(self, e) -> str:
        r = e.record
        dialogue = e.dialogue if e.kind == "follow-up" else r.dialogue
        partner = e.partner if e.kind == "follow-up" else self.ds.partner_of(r) if e.kind == "document" else r.partner
        return self.dialogue_name(dialogue) or (partner or "").upper()

    def document_mark(self, d) -> RText:
        """A document on the timeline: a mark, its title and its kind."""
        mark = "◆ " if not self.ascii else "* "
        return RText(mark, style="magenta") + RText(self.pick(d.title) + self.paren(self.w(d.kind)))

    def timeline_entry(self, e, date: str, width: int, name_width: int, under: dict) -> None:
        tag = self.dialogue_tag(e)
        head = RText(f"{date:<{width}}  ") + RText(f"{tag:<{name_width}}", style="bold") + RText("  ")
        indent = " " * (width + name_width + 4)
        r = e.record
        if e.kind == "document":
            self.print_hanging(head, self.document_mark(r), indent)
            return
        if e.kind == "follow-up":
            mark = "↳ " if not self.ascii else "> "
            self.print_hanging(head, RText(mark, style="cyan") + RText(self.pick(r.text)), indent)
            return
        from .layout import keep

        name = RText(self.round_name_short(r), style="bold")
        place = self.join(keep(self.pick(v), spaces=True) for v in r.venue)
        bits = [b for b in (self.w(r.format) if r.format else "", place) if b]
        if bits:
            name.append(" · " + " · ".join(bits))
        self.print_hanging(head, name, indent)
        headline = [self.pick(t.name) for t in r.topics if t.headline]
        if headline:
            self.print_hanging(RText(indent), RText(self.names(headline), style="dim"), indent)
        for d in under.get(r.id, ()):
            self.print_hanging(RText(indent), self.document_mark(d), indent + "  ")

    def round_name_short(self, s: RoundSummary) -> str:
        """``EPPD round 6`` for a numbered round, the meeting's own name otherwise."""
        if s.round is not None:
            return f"{self.dialogue_name(s.dialogue)} " + round_label(s.round, self.lang)
        return self.pick(s.name) or self.event_label(s)

    def print_hanging(self, head: RText, body: RText, indent: str) -> None:
        """``head`` then ``body`` filled to the width, its later lines under ``indent``, words whole."""
        from .layout import wrap

        lines = wrap(body.plain, self.console.width, indent, first=head.plain)
        style = body.style or (body.spans[-1].style if body.spans else "")
        for n, line in enumerate(lines):
            text = (head + RText(line[len(head.plain):], style=style)) if n == 0 and line.startswith(head.plain) else RText(line, style=style if n else "")
            self.console.print(text, no_wrap=True, overflow="ignore", crop=False, soft_wrap=True)

    def topics(self, summaries, matrix) -> None:
        """The taxonomy, theme by theme (ID, name, aliases), then for each dialogue which rounds
        discussed what."""
        from .layout import Column, table_lines

        self.print(RText(self.w("topics"), style="bold underline"))
        filtered = len(summaries) < len(self.ds.rounds)  # --dialogue, --partner, dates: only what they discussed
        discussed = {topic.id for topic, _ in matrix}
        for theme in self.ds.themes.values():
            topics = [t for t in self.ds.topics.values() if t.theme == theme.id and (not filtered or t.id in discussed)]
            if not topics:
                continue
            id_width = min(max(cell_width(t.id) for t in topics), self.console.width // 3)
            self.print(RText(""))
            self.lines(f"{self.t(theme.name)} ({theme.id})", style="bold")
            for t in topics:
                indent = " " * (2 + id_width + 2)
                self.lines(f"{t.id:<{id_width}}  {self.t(t.name)}", indent=indent, first="  ")
                if t.aliases:
                    self.lines(self.label(self.w("aliases")) + self.names(t.aliases), style="dim", indent=indent, first=indent)
        yes, maybe = ("x", "o") if self.ascii else ("●", "○")
        by_dialogue: dict = {}
        for i, r in enumerate(summaries):
            by_dialogue.setdefault(r.dialogue, []).append(i)
        for d_id, cols in by_dialogue.items():
            self.print(RText(""))
            self.lines(f"{self.w('matrix')}: {self.dialogue_name(d_id)} — {self.t(self.ds.dialogues[d_id].name)}", style="bold")
            columns = [Column(self.w("topic"), shrink=12)] + [
                Column(self.event_label(summaries[i]).split(" ")[0], drop=1 + n) for n, i in enumerate(cols)
            ]
            rows = [[""] + [f"{summaries[i].date.year:04d}" if summaries[i].date else "?" for i in cols]]
            for topic, cells in matrix:
                row = [cells[i] for i in cols]
                if all(c is None for c in row):
                    continue
                rows.append([self.t(topic.name)] + [(yes if c else maybe if c is False else "", "green") for c in row])
            lines, dropped = table_lines(columns, rows, self.console.width, indent=2)
            for pieces in lines:
                self.console.print(RText.assemble(*pieces), no_wrap=True, overflow="ignore", crop=False, soft_wrap=True)
            if dropped:
                self.lines(self.w("rounds_not_shown").format(n=len(dropped)), style="dim", indent="  ", first="  ")
        self.print(RText(""))
        eq = "：" if self.lang == "zh" else " = "
        self.print(RText(self.comma([f"{yes}{eq}{self.w('on_agenda')}", f"{maybe}{eq}{self.w('also_mentioned')}"]), style="dim"))

    def topic_history(self, topic_ids, history) -> None:
        """Each round that discussed the topic: when, which round, its own wording, its outcomes."""
        names = self.join(self.t(self.ds.topics[t].name) for t in sorted(topic_ids))
        if not history:
            self.print(RText(self.w("no_rounds"), style="dim"))
            return
        self.lines(f"{self.w('history')} {names}" if self.lang == "en" else f"{self.w('history')}{names}", style="bold")
        for m in history:
            r, t = m.round, m.topic
            self.print(RText(""))
            s = self.summary(r)
            self.lines(" · ".join(b for b in (str(s.date or "—"), f"{self.round_name_short(s)} ({r.id})") if b), style="bold")
            if t is None:
                self.lines(self.w("in_outcomes_only"), style="dim", indent="    ", first="  ")
            else:
                name = self.t(self.ds.topics[t.topic].name)
                label = self.t(t.label) if t.label and self.t(t.label) != name else ""
                self.lines(name + (f" — {label}" if label else "") + ("" if t.headline else self.paren(self.w("also_mentioned"))), indent="    ", first="  ")
            for o in m.outcomes:
                self.lines(self.t(o.text), indent="      ", first="    • ")

    # -------------------------------------------------------- search

    def search(self, results: list, needle: str = "") -> None:
        """Each match as its record, date and place in words, then a short snippet with the match
        highlighted on a terminal. ``results``: ``query.SearchResult`` items."""
        if not results:
            self.print(RText(self.w("no_hits"), style="dim"))
            return
        pattern = match_pattern(needle)
        for result in results:
            obj = result.record
            head = RText(obj.id, style="bold")
            if obj.date:
                head.append(f"  {obj.date}", style="dim")
            self.print(head)
            for hit in result.hits:
                place = self.place_in_words(obj, hit.where)
                self.lines(place, style="cyan", indent="    ", first="  ")
                self.print_snippet(hit.text, pattern)

    def print_snippet(self, text: str, pattern) -> None:
        """About two lines of ``text`` around the match, cut at words with …, the match highlighted."""
        from .layout import truncate

        text = " ".join(text.split())
        m = pattern.search(text) if pattern else None
        room = max(20, 2 * (self.console.width - 4))
        start = 0
        if m and cell_width(text[: m.start()]) > room // 3:
            start = text.rfind(" ", 0, m.start() - room // 4) + 1 or 0
        snippet = ("…" if start else "") + text[start:]
        cut = truncate(snippet, room)
        if cut != snippet and " " in cut:
            cut = cut[: cut.rstrip("…").rfind(" ")] + " …"  # cut between words
        snippet = cut
        lines = wrap(snippet, self.console.width, "    ")
        for line in lines:
            out = RText(line)
            if pattern:
                for hit in pattern.finditer(line):
                    out.stylize("bold reverse", hit.start(), hit.end())
            self.console.print(out, no_wrap=True, overflow="ignore", crop=False, soft_wrap=True)

    def place_in_words(self, obj, where: str) -> str:
        """``topics[2].outcomes[0].text.en`` → ``Supply chains › outcome 1``; ``obj`` is a round
        summary or a document."""
        import re

        r = self.ds.round(obj.id) if isinstance(obj, RoundSummary) else None
        parts = []
        segments = [s for s in where.split(".") if s not in ("en", "zh")]
        node = r
        for seg in segments:
            m = re.fullmatch(r"(\w+)\[(\d+)\]", seg)
            if not m:
                if seg not in ("text", "name", "topic", "person") or not parts:
                    parts.append(self.w({"summary": "summary_field"}.get(seg, seg)).lower())
                continue
            field, i = m.group(1), int(m.group(2))
            items = getattr(node, field, None) if node is not None else None
            item = items[i] if items is not None and i < len(items) else None
            if field == "topics" and item is not None:
                parts.append(self.t(self.ds.topics[item.topic].name))
            elif field == "participants" and item is not None:
                parts.append(self.person(item))
            else:
                word = self.w(field[:-1] if field.endswith("s") else field)
                parts.append(f"{word.lower()} {i + 1}" if self.lang == "en" else f"{word}{i + 1}")
            node = item
        return " › ".join(parts) if parts else where

    # -------------------------------------------------------- commitments

    def commitments(self, rows) -> None:
        """A first line that counts, then the commitments grouped by round: status, what was promised,
        how long ago (or how soon it was delivered), and each piece of evidence once."""
        if not rows:
            self.print(RText(self.w("no_commitments"), style="dim"))
            return
        colours = {"delivered": "green", "in-progress": "cyan", "announced": "blue", "lapsed": "red", "unknown": "dim"}
        counts = {k: sum(1 for r in rows if r.status == k) for k in ("delivered", "in-progress", "lapsed", "announced", "unknown")}
        from .layout import NBSP, keep
        from .words import date_words, delivered_words, elapsed_words

        self.lines(self.w("n_commitments").format(n=len(rows)) + " · ".join(f"{n}{NBSP}{self.w(k)}".replace(" ", NBSP) for k, n in counts.items() if n), style="bold")
        status_width = max(cell_width(self.w(k)) for k in colours) + 2
        indent = " " * (2 + status_width)
        current = None
        for row in rows:
            if row.round.id != current:
                current = row.round.id
                self.print(RText(""))
                sm = self.summary(row.round)
                label = round_name(sm.round, self.lang, otherwise=self.event_label(sm))
                bits = [f"{self.dialogue_name(sm.dialogue)} {label} ({row.round.id})", str(sm.date or ""),
                        elapsed_words(row.round.date, self.env.today, self.lang, ago=True) if self.env.today else ""]
                self.lines(" · ".join(b for b in bits if b), style="bold")
            status = self.w(row.status)
            first = "  " + status + " " * (status_width - cell_width(status))
            lines = wrap(self.t(row.outcome.text), self.console.width, indent, first)
            self.console.print(RText(lines[0][: len(first)], style=colours.get(row.status, "")) + RText(lines[0][len(first):]),
                               no_wrap=True, overflow="ignore", crop=False, soft_wrap=True)
            for line in lines[1:]:
                self.console.print(RText(line), no_wrap=True, overflow="ignore", crop=False, soft_wrap=True)
            seen = set()
            for e in row.evidence:
                key = (str(e.date), tuple(x.id for x in e.sources) or self.t(e.text))
                if key in seen:  # the same event, reported once (a signing and the document it signed)
                    continue
                seen.add(key)
                when = keep(date_words(e.date, self.lang), spaces=True)
                if row.status == "delivered" and e.date and row.round.date and len(seen) == 1:
                    when = delivered_words(row.round.date, e.date, self.lang, lambda text: keep(text, spaces=True))
                publishers = self.join(dict.fromkeys(self.t(x.publisher) for x in e.sources))
                text = "→ " + self.label(when) + self.t(e.text) + (f" — {publishers}" if publishers else "")
                self.lines(text, style="dim", indent=indent + "  ", first=indent)
