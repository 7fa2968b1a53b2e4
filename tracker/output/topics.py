"""The answers of ``topics``: the taxonomy and the topic × round matrix, or one topic's history,
in every format."""

from __future__ import annotations

from rich.text import Text as RText

from . import serialize as S
from .formats import write_json, write_rows
from .layout import Cell, cell_width, keep
from .target import Target
from .terminal import Writer

TAXONOMY_HINT = {
    "en": "Every topic's ID, name and aliases, theme by theme: add --taxonomy.",
    "zh": "各主題下每項議題的代號、名稱與別名：加上 --taxonomy。",
}


class TopicsView(Writer):
    """The taxonomy and matrix, or a topic's history."""

    def topics(self, summaries, matrix, taxonomy: bool = False) -> None:
        """For each dialogue, which rounds discussed what; then, with ``taxonomy``, the topics
        theme by theme (ID, name, aliases), else a line saying how to see them."""
        self.matrix(summaries, matrix)
        self.print(RText(""))
        if taxonomy:
            self.taxonomy(summaries, matrix)
        else:
            self.lines(TAXONOMY_HINT[self.lang], style="dim")

    def matrix(self, summaries, matrix) -> None:
        from .layout import Column, table_lines

        yes, maybe = ("x", "o") if self.ascii else ("●", "○")
        by_dialogue: dict = {}
        for i, r in enumerate(summaries):
            by_dialogue.setdefault(r.dialogue, []).append(i)
        for n, (d_id, cols) in enumerate(by_dialogue.items()):
            if n:
                self.print(RText(""))
            self.lines(f"{self.w('matrix')}: {self.dialogue_name(d_id)} — {self.t(self.ds.dialogues[d_id].name)}", style="bold")
            columns = [Column(self.w("topic"), shrink=12)] + [
                Column(self.event_label(summaries[i]).split(" ")[0], drop=1 + n) for n, i in enumerate(cols)
            ]
            rows: list[list[Cell]] = [["", *(f"{summaries[i].date.year:04d}" if summaries[i].date else "?" for i in cols)]]
            for topic, cells in matrix:
                row = [cells[i] for i in cols]
                if all(c is None for c in row):
                    continue
                rows.append([self.t(topic.name)] + [(yes if c else maybe if c is False else "", "green") for c in row])
            lines, dropped = table_lines(columns, rows, self.width, indent=2)
            for pieces in lines:
                self.console.print(RText.assemble(*pieces), no_wrap=True, overflow="ignore", crop=False, soft_wrap=True)
            if dropped:
                self.lines(self.w("rounds_not_shown").format(n=len(dropped)), style="dim", indent="  ", first="  ")
        if not by_dialogue:
            self.print(RText(self.w("no_rounds"), style="dim"))
            return
        self.print(RText(""))
        eq = "：" if self.lang == "zh" else " = "
        self.print(RText(self.comma([f"{yes}{eq}{self.w('on_agenda')}", f"{maybe}{eq}{self.w('in_passing')}"]), style="dim"))

    def taxonomy(self, summaries, matrix) -> None:
        """The topics theme by theme: ID, name, aliases (only those discussed, when filtered)."""
        self.print(RText(self.w("topics"), style="bold underline"))
        filtered = len(summaries) < len(self.ds.rounds)  # --dialogue, --partner, dates: only what they discussed
        discussed = {topic.id for topic, _ in matrix}
        for theme in self.ds.themes.values():
            topics = [t for t in self.ds.topics.values() if t.theme == theme.id and (not filtered or t.id in discussed)]
            if not topics:
                continue
            id_width = min(max(cell_width(t.id) for t in topics), self.width // 3)
            self.print(RText(""))
            self.lines(self.t(theme.name) + self.paren(theme.id), style="bold")
            for t in topics:
                indent = " " * (2 + id_width + 2)
                name = self.t(t.name)
                if cell_width(name) <= self.width - len(indent):  # kept whole beside its ID
                    self.lines(f"{t.id:<{id_width}}  {keep(name)}", indent=indent, first="  ")
                elif cell_width(name) <= self.width - 4:  # whole, on a line of its own
                    self.lines(t.id, first="  ")
                    self.lines(keep(name), indent="    ", first="    ")
                else:
                    self.lines(f"{t.id:<{id_width}}  {name}", indent=indent, first="  ")
                if t.aliases:
                    self.lines(self.label(self.w("aliases")) + self.names(t.aliases), style="dim", indent=indent, first=indent)

    def topic_history(self, topic_ids, history) -> None:
        """Each round that discussed the topic: when, which round, its own wording, its outcomes."""
        names = self.join(self.t(self.ds.topics[t].name) for t in sorted(topic_ids))
        if not history:
            self.print(RText(self.w("no_rounds"), style="dim"))
            return
        out = self.filled(f"{self.w('history')} {names}" if self.lang == "en" else f"{self.w('history')}{names}", style="bold")
        for m in history:
            r, t = m.round, m.topic
            out.append(RText(""))
            s = self.summary(r)
            out += self.filled(" · ".join(b for b in (str(s.date or "—"), self.round_name_short(s)) if b), style="bold")
            if t is None:
                out += self.filled(self.w("in_outcomes_only"), style="dim", indent="    ", first="  ")
            else:
                name = self.t(self.ds.topics[t.topic].name)
                label = self.wording(t.label, self.ds.topics[t.topic].name)
                out += self.filled(name + (f" — {label}" if label else "") + ("" if t.headline else self.paren(self.w("in_passing"))), indent="    ", first="  ")
            for o in m.outcomes:
                out += self.filled(self.t(o.text), indent="      ", first="    • ")
        self.emit(out)

def write(target: Target, ds, rounds, matrix, fmt: str, taxonomy: bool = False) -> None:
    """The topic × round matrix (``query.topic_matrix``) in any format; the table shows the
    taxonomy only with ``taxonomy`` (JSON, CSV and Markdown always carry it)."""
    if fmt == "table":
        TopicsView(target, ds).topics(rounds, matrix, taxonomy=taxonomy)
        return
    ids = [r.id for r in rounds]
    if fmt == "json":
        write_json(target.stream, {
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
        row = {"topic": t.id, "name": t.name.get(target.lang), "theme": ds.themes[t.theme].name.get(target.lang)}
        for i, c in zip(ids, cells):
            row[i] = "x" if c else "o" if c is False else ""
        rows.append(row)
    write_rows(target.stream, fmt, rows, ["topic", "name", "theme", *ids])


def write_history(target: Target, ds, topic_ids, history, fmt: str) -> None:
    if fmt == "table":
        TopicsView(target, ds).topic_history(topic_ids, history)
        return
    objs = []
    for mention in history:
        r, t = mention.round, mention.topic
        o = S.round_object(ds, r)
        o = {k: o[k] for k in ("id", "dialogue", "round", "name", "date", "date_precision", "partner", "format", "venue")}
        o["topic"] = S.topic_object(ds, t) if t is not None else None
        o["outcomes"] = [{"id": f"{x.round}/{x.id}", "text": S.text(x.text)} for x in mention.outcomes]
        o["topic_match"] = mention.match
        objs.append(o)
    if fmt == "json":
        write_json(target.stream, objs)
    else:
        write_rows(target.stream, fmt, [S.flat(o, target.lang) for o in objs], ["id", "dialogue", "round", "name", "date", "date_precision", "partner", "format", "venue", "topic", "outcomes", "topic_match"])
