"""The answer of ``list``: the rounds, grouped by dialogue, one line each, in every format."""

from __future__ import annotations

from rich.text import Text as RText

from ..data.summary import RoundSummary
from . import serialize as S
from .formats import write_listing
from .target import Target
from .terminal import Writer


class ListView(Writer):
    """Rounds grouped by dialogue, one line each."""

    def rounds(self, summaries: list[RoundSummary], show_all: bool = True) -> None:
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


LIST_COLUMNS = S.ROUND_FIELDS


def write(target: Target, ds, summaries, fmt: str, show_all: bool = True) -> None:
    """Round summaries (``query.list_rounds``), in any format."""
    if fmt == "table":
        ListView(target, ds).rounds(list(summaries), show_all=show_all)
    else:
        write_listing(target.stream, fmt, (S.summary_text(s) for s in summaries), LIST_COLUMNS, target.lang)
