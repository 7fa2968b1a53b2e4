"""Human output: rich tables and layouts, in the user's language.

Only this module imports rich, and only when a command draws for a person.
Every text from the data is passed as ``rich.text.Text`` so that brackets in
it are never read as markup.
"""

from __future__ import annotations

from typing import Optional

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text as RText

from .model import Dataset, PartialDate, Round
from .rules import display_name, pick, round_label
from .words import word


class _Console(Console):
    def on_broken_pipe(self) -> None:
        from .errors import PipeClosed

        raise PipeClosed()


def make_console(env, record: bool = False) -> Console:
    encoding = (getattr(env.stdout, "encoding", None) or "utf-8").lower()
    return _Console(
        file=env.stdout,
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


def date_span(date, end=None) -> str:
    """2019-06-04, or 2019-06-04–05 / 2022-11-08–12-01 / 2022-12-30–2023-01-02 for a span."""
    text = str(date)
    if end:
        e = str(end)
        if end.year == date.year and date.day and end.day:
            e = e[8:] if end.month == date.month else e[5:]
        text += "–" + e
    return text


class View:
    """Draws for one command: the console, the language and the data set."""

    def __init__(self, env, ds: Dataset, console: Optional[Console] = None):
        self.env = env
        self.ds = ds
        self.lang = env.lang
        self.console = console or make_console(env)
        self.ascii = self.console.encoding.lower() not in ("utf-8", "utf8", "utf_8")

    # -------------------------------------------------------- small helpers

    def w(self, key: str) -> str:
        return word(key, self.lang)

    def t(self, text) -> str:
        """A Text (or its JSON form) in the user's language."""
        return pick(text, self.lang)

    def unknown(self) -> RText:
        return RText(self.w("unknown"), style="dim italic")

    def table(self, *headers: str, title: Optional[str] = None) -> Table:
        table = Table(
            title=title,
            box=box.ASCII if self.ascii else box.SIMPLE_HEAVY,
            show_lines=False,
            header_style="bold",
            title_style="bold",
            title_justify="left",
            expand=False,
            pad_edge=False,
            padding=(0, 1),
        )
        for h in headers:
            table.add_column(h, overflow="fold")
        return table

    def print(self, *items) -> None:
        for item in items:
            self.console.print(item)

    pick = t

    def dialogue_name(self, d_id: Optional[str]) -> str:
        if not d_id:
            return ""
        d = self.ds.dialogues[d_id]
        return self.t(d.short or d.name)

    def summary(self, r: Round) -> dict:
        from .serialize import round_object

        return round_object(self.ds, r)

    # The helpers below read a round summary: the round object of the JSON output.

    def round_label(self, s: dict) -> str:
        if s["round"] is not None:
            return str(s["round"])
        prefix = s["dialogue"] + "-"
        return s["id"][len(prefix):] if s["id"].startswith(prefix) else s["id"]

    def date_text(self, date, end=None) -> RText:
        if date is None:
            return self.unknown()
        if isinstance(date, str):
            date, end = PartialDate.parse(date), PartialDate.parse(end) if end else None
        return RText(date_span(date, end))

    def format_text(self, s: dict) -> RText:
        if s["format"] is None:
            if s["kind"] == "milestone":
                return RText("")
            return RText(self.w("disputed" if "format" in s["disputed"] else "unknown").lower(), style="dim italic")
        return RText(self.w(s["format"]))

    def person(self, p) -> str:
        return self.t(display_name(self.ds.people, p))

    def leads_text(self, s: dict) -> str:
        order = {"taiwan": 0, "partner": 1, "other": 2}
        return "; ".join(self.pick(p["name"]) for p in sorted(s["leads"], key=lambda p: order[p["side"]]))

    def place(self, s: dict) -> str:
        return "; ".join(self.pick(v) for v in s["venue"])

    def place_text(self, s: dict) -> RText:
        return RText(self.place(s)) if s["venue"] else self.unknown()

    def leads_cell(self, s: dict) -> RText:
        text = self.leads_text(s)
        return RText(text) if text else self.unknown()

    def title_short(self, s: dict) -> RText:
        return RText(f"{self.pick(s['dialogue_name'])} {self.round_label(s)}", style="bold") + RText(f" ({s['id']})", style="dim")

    def marks(self, item) -> RText:
        out = RText()
        if getattr(item, "unverified", False) is True:
            out.append(" [" + self.w("unverified") + "]", style="yellow")
        return out

    # -------------------------------------------------------- commands

    def rounds(self, summaries: list[dict], title: Optional[str] = None) -> None:
        if not summaries:
            self.print(RText(self.w("no_rounds"), style="dim"))
            return
        table = self.table(
            self.w("dialogue"), self.w("round"), self.w("date"), self.w("format"), self.w("place"), self.w("leads"), self.w("topics"),
            title=title,
        )
        table.columns[6].justify = "right"
        for i in (1, 2, 3):
            table.columns[i].no_wrap = True
        for s in summaries:
            table.add_row(
                RText(self.pick(s["dialogue_name"])),
                RText(self.round_label(s)),
                self.date_text(s["date"], s["end_date"]),
                self.format_text(s),
                self.place_text(s),
                self.leads_cell(s),
                RText(str(len(s["topics"]))),
            )
        self.print(table)

    # -------------------------------------------------------- show

    def heading(self, text: str) -> RText:
        return RText("\n" + text, style="bold underline")

    def cites(self, ids, numbers: dict) -> RText:
        nums = [numbers[i] for i in ids if i in numbers]
        return RText(" " + "".join(f"[{n}]" for n in nums), style="cyan") if nums else RText()

    def title_of(self, r: Round) -> RText:
        d = self.ds.dialogues[r.dialogue]
        head = RText(style="bold")
        short = self.t(d.short) if d.short else ""
        if r.round is not None:
            head.append(f"{short or self.t(d.name)} " + round_label(r.round, self.lang))
        else:
            head.append(f"{short + ': ' if short else ''}{self.t(r.name) or r.id}")
        head.append(f"  ({r.id})", style="dim")
        head.append("\n" + self.t(d.name), style="")
        return head

    def show(self, r: Round) -> None:
        from .query import evidence_for

        numbers = {s.id: i for i, s in enumerate(r.sources, 1)}
        disputed = {d.about for d in r.disputed}
        unverified = {u.about for u in r.unverified}

        def flag(field: str) -> RText:
            out = RText()
            if field in disputed:
                out.append(f" [{self.w('disputed')}]", style="yellow")
            if field in unverified:
                out.append(f" [{self.w('unverified')}]", style="yellow")
            return out

        self.print(self.title_of(r))
        facts = self.table("", "", title=None)
        facts.show_header = False
        facts.box = None
        facts.columns[0].style = "bold"
        date = self.date_text(r.date, r.end_date)
        if r.date_note:
            date.append("\n" + self.t(r.date_note), style="dim")
        facts.add_row(RText(self.w("date")), date + flag("date"))
        summary = self.summary(r)
        if r.kind != "milestone" or r.format:
            facts.add_row(RText(self.w("format")), self.format_text(summary) + flag("format"))
        facts.add_row(RText(self.w("place")), self.place_text(summary) + flag("venues"))
        leads = r.leads
        lead_text = RText()
        for i, p in enumerate(leads):
            if i:
                lead_text.append("\n")
            lead_text.append(self.person(p), style="bold")
            extra = ", ".join(x for x in (self.t(p.title), self.w(p.side) if p.side == "taiwan" else self.t(self.ds.partners[self.ds.dialogues[r.dialogue].partner].name)) if x)
            if extra:
                lead_text.append(f" — {extra}")
        facts.add_row(RText(self.w("leads")), lead_text if leads else self.unknown())
        weak = sum(1 for s in r.sources if s.weak)
        sourcing = f"{len(r.sources)} " + ("項來源" if self.lang == "zh" else "sources")
        if weak:
            sourcing += f" ({weak} {self.w('weak')})"
        facts.add_row(RText(self.w("sourcing")), RText(sourcing))
        facts.add_row(RText(self.w("last_verified")), RText(str(r.last_verified)))
        self.print(facts)

        if r.participants:
            self.print(self.heading(self.w("participants")))
            table = self.table("", self.w("participants"), "", "")
            table.show_header = False
            for p in r.participants:
                side = self.w(p.side) if p.side != "partner" else self.t(self.ds.partners[self.ds.dialogues[r.dialogue].partner].name)
                who = RText(self.person(p), style="bold" if p in leads else "")
                who += self.marks(p)
                detail = RText(", ".join(x for x in (self.t(p.title), self.t(p.organisation) if p.person else "") if x))
                if p.note:
                    detail.append("\n" + self.t(p.note), style="dim")
                role = self.w(p.role) + (f", {self.w(p.attendance)}" if p.attendance else "")
                table.add_row(RText(side), who, detail + self.cites(p.sources, numbers), RText(role, style="dim"))
            self.print(table)

        self.print(self.heading(self.w("topics") + " / " + self.w("outcomes")))
        if not r.topics:
            self.print(self.unknown())
        for i, t in enumerate(r.topics, 1):
            topic = self.ds.topics[t.topic]
            line = RText(self.t(topic.name), style="bold")
            if t.label and self.t(t.label) != self.t(topic.name):
                line.append(f" — {self.t(t.label)}")
            if not t.headline:
                line.append(f" ({self.w('also_mentioned')})", style="dim")
            line += self.marks(t) + self.cites(t.sources, numbers)
            if t.note:
                line.append("\n" + self.t(t.note), style="dim")
            self.print(self.bullets([line], f"{i}."))
            items = []
            for o in t.outcomes:
                item = RText(self.t(o.text)) + self.marks(o) + self.cites(o.sources, numbers)
                if o.note:
                    item.append("\n" + self.t(o.note), style="dim")
                if o.commitment:
                    item.append(f"\n{self.w('commitment')}: ", style="magenta")
                    item.append(self.w(o.commitment.status), style="bold magenta")
                    for ev in evidence_for(self.ds, o):
                        item.append(f"\n→ {ev.date or self.w('unknown')}: {self.t(ev.text)}", style="magenta")
                items.append(item)
            if items:
                self.print(self.bullets(items, "•", indent=3))

        if r.documents:
            self.print(self.heading(self.w("documents")))
            self.print(self.bullets([self.document_line(self.ds.documents[d]) for d in r.documents]))
        if r.working_groups:
            self.print(self.heading(self.w("working_groups")))
            items = []
            for g in r.working_groups:
                line = RText(self.t(g.name))
                if g.status:
                    line.append(f" ({self.w(g.status)})", style="dim")
                line += self.marks(g) + self.cites(g.sources, numbers)
                if g.note:
                    line.append("\n" + self.t(g.note), style="dim")
                items.append(line)
            self.print(self.bullets(items))
        if r.follow_ups:
            self.print(self.heading(self.w("follow_ups")))
            self.print(self.bullets([
                RText(f"{f.date}: ") + RText(self.t(f.text)) + self.marks(f) + self.cites(f.sources, numbers) for f in r.follow_ups
            ]))
        if r.notes:
            self.print(self.heading(self.w("notes")))
            self.print(self.bullets([RText(self.t(n.text)) + self.marks(n) + self.cites(n.sources, numbers) for n in r.notes]))
        if r.disputed or r.unverified:
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
        self.print(self.heading(self.w("sources")))
        width = len(str(len(r.sources))) + 2
        for s in r.sources:
            grid = self.grid(width - 1)
            grid.add_row(RText(f"[{numbers[s.id]}]", style="cyan"), self.source_line(s))
            self.print(grid)
            if s.url:  # on a line of its own and never broken, so that it can be copied or clicked
                self.console.print(RText(" " * (width + 1)) + RText(s.url, style=f"blue link {s.url}"), soft_wrap=True)

    def grid(self, indent: int = 0) -> Table:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, justify="right", min_width=indent + 1)
        grid.add_column(overflow="fold")
        return grid

    def bullets(self, items: list, mark: str = "•", indent: int = 0) -> Table:
        """Items under a bullet with a hanging indent, so that long (and Chinese) text wraps in line."""
        grid = self.grid(indent)
        for item in items:
            grid.add_row(RText(" " * indent + (mark if not self.ascii or mark.isascii() else "*")), item)
        return grid

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
        bits = [d.kind]
        if d.date:
            bits.append(f"{self.w('signed')} {d.date}")
        if d.in_force:
            bits.append(f"{self.w('in_force')} {d.in_force}")
        if d.term and d.term.years:
            term = f"{self.w('term')} {d.term.years} {self.w('years')}"
            if d.term.extendable_years:
                term += f", {self.w('extendable')} {d.term.extendable_years}"
            bits.append(term)
        line.append(f" ({'; '.join(bits)})", style="dim")
        line.append(f"  {d.id}", style="dim")
        return line

    # -------------------------------------------------------- compare

    def outcomes_cell(self, t) -> RText:
        out = RText()
        for i, o in enumerate(t.outcomes):
            if i:
                out.append("\n")
            out.append("• " + self.t(o.text))
        return out if t.outcomes else RText("—", style="dim")

    def topic_cell(self, t) -> RText:
        out = RText(self.t(self.ds.topics[t.topic].name), style="bold")
        if t.label and self.t(t.label) != self.t(self.ds.topics[t.topic].name):
            out.append("\n" + self.t(t.label), style="dim")
        return out

    def compare(self, c) -> None:
        a, b = c.a, c.b
        summary = RText(c.summary(), style="bold")
        summary.append(f"   {self.w('added')} +{len(c.added)}  {self.w('dropped')} −{len(c.dropped)}  "
                       f"{self.w('continued')} ={len(c.continued)}  {self.w('evolved')} ~{len(c.evolved)}", style="dim")
        self.print(summary)
        head = self.table("", "A", "B")
        head.columns[0].style = "bold"
        sa, sb = self.summary(a), self.summary(b)
        head.add_row(RText(self.w("round")), self.title_short(sa), self.title_short(sb))
        head.add_row(RText(self.w("date")), self.date_text(a.date, a.end_date), self.date_text(b.date, b.end_date))
        head.add_row(RText(self.w("format")), self.format_text(sa), self.format_text(sb))
        head.add_row(RText(self.w("place")), self.place_text(sa), self.place_text(sb))
        head.add_row(RText(self.w("leads")), self.leads_cell(sa), self.leads_cell(sb))
        self.print(head)
        for key, style, mark in (("added", "green", "+"), ("dropped", "red", "−")):
            items = getattr(c, key)
            if not items:
                continue
            table = self.table(self.w("topic"), self.w("theme"), self.w("outcomes"), title=f"{mark} {self.w(key)}")
            table.columns[2].justify = "right"
            for t in items:
                theme = self.ds.themes[self.ds.topics[t.topic].theme]
                table.add_row(RText(mark + " ", style=style) + self.topic_cell(t), RText(self.t(theme.name), style="dim"), RText(str(len(t.outcomes))))
            self.print(table)
        for key, mark in (("continued", "="), ("evolved", "~")):
            pairs = getattr(c, key)
            if not pairs:
                continue
            table = self.table(self.w("theme"), "A", "B", title=f"{mark} {self.w(key)}")
            for p in pairs:
                left = self.topic_cell(p.a) + RText("\n") + self.outcomes_cell(p.a)
                right = self.topic_cell(p.b) + RText("\n") + self.outcomes_cell(p.b)
                table.add_row(RText(self.t(self.ds.themes[p.theme].name), style="dim"), left, right)
            self.print(table)
        if c.delivered:
            self.print(self.heading(self.w("delivered_since")))
            for o, ev in c.delivered:
                self.print(RText("• ") + RText(self.t(o.text)) + RText(f"\n  → {ev.date}: {self.t(ev.text)}", style="magenta"))

    # -------------------------------------------------------- timeline

    def timeline(self, entries: list[dict]) -> None:
        if not entries:
            self.print(RText(self.w("no_rounds"), style="dim"))
            return
        year = object()
        table = None
        for e in entries:
            y = e["date"][:4] if e["date"] else None
            if y != year:
                if table is not None:
                    self.print(table)
                year = y
                table = self.table(self.w("date"), self.w("dialogue"), "", self.w("topics"), title=y or self.w("unknown"))
                table.show_header = False
                table.columns[0].no_wrap = True
            table.add_row(*self.timeline_row(e))
        self.print(table)

    def timeline_row(self, e: dict) -> tuple:
        date = self.date_text(e["date"], e.get("end_date")) if e["date"] else self.unknown()
        dialogue = RText(self.dialogue_name(e["dialogue"]), style="bold")
        if e["kind"] == "document":
            what = RText("◆ " if not self.ascii else "* ", style="magenta") + RText(self.pick(e["title"]))
            return date, dialogue, what, RText(e["document_kind"], style="dim")
        if e["kind"] == "follow-up":
            return date, dialogue, RText("↳ " if not self.ascii else "> ", style="cyan") + RText(self.pick(e["text"])), RText(e["record"], style="dim")
        if e["round"] is not None:
            what = RText(round_label(e["round"], self.lang), style="bold")
        else:
            what = RText(self.pick(e["name"]) or self.round_label(e))
        bits = [b for b in (self.w(e["format"]) if e["format"] else "", self.place(e)) if b]
        if bits:
            what.append("\n" + " · ".join(bits), style="dim")
        headline = [self.pick(t["name"]) for t in e["topics"] if t["headline"]]
        return date, dialogue, what, RText("; ".join(headline), style="dim")

    # -------------------------------------------------------- topics

    def topics(self, summaries, matrix) -> None:
        table = self.table(self.w("theme"), self.w("id"), self.w("topic"), self.w("aliases"), title=self.w("topics"))
        last = None
        for theme in self.ds.themes.values():
            for t in (t for t in self.ds.topics.values() if t.theme == theme.id):
                table.add_row(
                    RText(self.t(theme.name) if theme.id != last else "", style="bold"),
                    RText(t.id, style="dim"), RText(self.t(t.name)), RText(", ".join(t.aliases), style="dim"),
                )
                last = theme.id
        self.print(table)
        yes, maybe = ("x", "o") if self.ascii else ("●", "○")
        by_dialogue: dict = {}
        for i, r in enumerate(summaries):
            by_dialogue.setdefault(r["dialogue"], []).append(i)
        for d_id, cols in by_dialogue.items():
            headers = [f"{self.round_label(summaries[i])}\n{summaries[i]['date'][:4] if summaries[i]['date'] else '?'}" for i in cols]
            grid = self.table(self.w("topic"), *headers, title=f"{self.w('matrix')}: {self.dialogue_name(d_id)}")
            for col in grid.columns[1:]:
                col.justify = "center"
            for topic, cells in matrix:
                row = [cells[i] for i in cols]
                if all(c is None for c in row):
                    continue
                grid.add_row(RText(self.t(topic.name)), *[
                    RText(yes if c else maybe if c is False else "", style="green" if c is not None else "") for c in row
                ])
            self.print(grid)
        self.print(RText(f"{yes} = {self.w('on_agenda')}, {maybe} = {self.w('also_mentioned')}", style="dim"))

    def topic_history(self, topic_ids, history) -> None:
        names = ", ".join(self.t(self.ds.topics[t].name) for t in sorted(topic_ids))
        if not history:
            self.print(RText(self.w("no_rounds"), style="dim"))
            return
        table = self.table(self.w("date"), self.w("round"), self.w("topic"), self.w("outcomes"), title=f"{self.w('history')} {names}")
        for m in history:
            r, t = m.round, m.topic
            table.add_row(self.date_text(r.date), self.title_short(self.summary(r)), self.topic_cell(t), self.outcomes_cell(t))
        self.print(table)

    # -------------------------------------------------------- search

    def search(self, results: list[dict]) -> None:
        if not results:
            self.print(RText(self.w("no_hits"), style="dim"))
            return
        table = self.table(self.w("record"), self.w("date"), self.w("where"), self.w("match"))
        for obj in results:
            for hit in obj["hits"]:
                table.add_row(RText(obj["id"], style="bold"), self.date_text(obj["date"]), RText(hit["where"], style="dim"), RText(hit["text"]))
        self.print(table)

    # -------------------------------------------------------- commitments

    def commitments(self, rows) -> None:
        if not rows:
            self.print(RText(self.w("no_commitments"), style="dim"))
            return
        table = self.table(self.w("round"), self.w("commitments"), self.w("status"), self.w("age"), self.w("evidence"))
        colours = {"delivered": "green", "in-progress": "cyan", "announced": "blue", "lapsed": "red", "unknown": "dim"}
        for row in rows:
            ev = RText()
            for i, e in enumerate(row.evidence):
                if i:
                    ev.append("\n")
                ev.append(f"{e.date or self.w('unknown')}: ", style="bold")
                ev.append(self.t(e.text))
                if e.sources:
                    publishers = dict.fromkeys(self.t(s.publisher) for s in e.sources)
                    ev.append(" — " + "; ".join(publishers), style="dim")
            age = f"{row.age_days} {self.w('days')}" if row.age_days is not None else self.w("unknown")
            table.add_row(
                self.title_short(self.summary(row.round)), RText(self.t(row.outcome.text)),
                RText(self.w(row.status), style=colours.get(row.status, "")), RText(age, style="dim"), ev if row.evidence else RText("—", style="dim"),
            )
        self.print(table)
