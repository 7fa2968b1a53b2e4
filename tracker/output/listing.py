"""The answer of ``list``: the rounds, grouped by dialogue, one line each, in every format."""

from __future__ import annotations

from rich.text import Text as RText

from ..data.summary import RoundSummary
from . import serialize as S
from .formats import write_listing
from .target import Target
from .terminal import SIDE_ORDER, Writer

# How rows of each kind are counted in a dialogue's heading: (one, many) in each language.
COUNTS: dict[str, dict[str, tuple[str, str]]] = {
    "round": {"en": ("1 round", "{n} rounds"), "zh": ("1屆", "{n}屆")},
    "meeting": {"en": ("1 meeting", "{n} meetings"), "zh": ("1場會議", "{n}場會議")},
    "signing": {"en": ("1 signing", "{n} signings"), "zh": ("1次簽署", "{n}次簽署")},
    "mandate": {"en": ("1 mandate", "{n} mandates"), "zh": ("1項談判授權", "{n}項談判授權")},
    "conclusion": {"en": ("1 conclusion of talks", "{n} conclusions of talks"), "zh": ("1次完成談判", "{n}次完成談判")},
    "entry-into-force": {"en": ("1 entry into force", "{n} entries into force"), "zh": ("1次生效", "{n}次生效")},
}


class ListView(Writer):
    """Rounds grouped by dialogue, one line each."""

    def rounds(self, summaries: list[RoundSummary], show_all: bool = True) -> None:
        """Rounds grouped by dialogue, one line each; milestones that were no meetings only with ``show_all``."""
        from ..data.model import MEETING_EVENTS

        shown = [s for s in summaries if show_all or s.kind != "milestone" or s.event in MEETING_EVENTS]
        left_out = len(summaries) - len(shown)
        out: list[RText] = []
        if not shown:
            out.append(RText(self.w("no_rounds"), style="dim"))
        groups: dict[str, list[RoundSummary]] = {}
        for s in shown:
            groups.setdefault(s.dialogue, []).append(s)
        dropped: set[str] = set()
        blanks = False
        for n, (d_id, rows) in enumerate(groups.items()):
            if n:
                out.append(RText(""))
            out += self.group_heading(d_id, rows)
            lines, cols, empty = self.round_rows(rows)
            out += lines
            dropped |= cols
            blanks |= empty
        footer = []
        if any(x.topic_match == "outcomes" for x in shown):
            footer.append(self.w("outcomes_legend"))
        if blanks:
            footer.append(self.w("empty_legend"))
        if dropped:
            footer.append(self.w("dropped_columns").format(cols=("、" if self.lang == "zh" else ", ").join(sorted(dropped))))
        if left_out:
            footer.append(self.w("left_out_milestones").format(n=left_out))
        if summaries:
            from .words import date_words

            footer.append(self.w("as_of").format(date=date_words(max(s.last_verified.first_day() for s in summaries), self.lang)))
        if footer:
            out.append(RText(""))
            for line in footer:
                out += self.filled(line, style="dim")
        self.emit(out)

    def group_heading(self, d_id: str, rows: list[RoundSummary]) -> list[RText]:
        d = self.ds.dialogues[d_id]
        partner = self.ds.partners[d.partner]
        from .layout import NBSP, keep

        # the partner and the first count stay together, and the last two counts: a count never
        # stands alone on a line
        parts = [keep(self.t(partner.name), spaces=True), *self.counts(rows)]
        glue = f"{NBSP}·{NBSP}"
        if len(parts) <= 3:
            tail = glue.join(parts)
        else:
            tail = " · ".join([glue.join(parts[:2]), *parts[2:-2], glue.join(parts[-2:])])
        return self.filled(f"{self.dialogue_name(d_id)} — {self.t(d.name)} · {tail}", style="bold")

    def counts(self, rows: list[RoundSummary]) -> list[str]:
        """``6 rounds``, ``2 signings``, ``1 meeting``: the rows counted by kind, rounds first, then
        the most frequent; a launch is a meeting, and a milestone that was no meeting is named as
        what it was (``1 mandate``), never as a meeting."""
        from .layout import keep

        kinds: dict[str, int] = {}
        for s in rows:
            kind = "round" if s.round is not None else "meeting" if s.event in (None, "launch") else s.event
            kinds[kind] = kinds.get(kind, 0) + 1
        order = sorted(kinds, key=lambda k: (k != "round", -kinds[k], list(COUNTS).index(k) if k in COUNTS else len(COUNTS)))
        out = []
        for k in order:
            one, many = COUNTS.get(k, {}).get(self.lang, ("1 " + self.w(k), "{n} " + self.w(k)))
            out.append(keep(one if kinds[k] == 1 else many.format(n=kinds[k]), spaces=True))
        return out

    def round_rows(self, rows: list[RoundSummary]) -> tuple[list[RText], set[str], bool]:
        """One line per round; with the headers of the columns the width left out, and whether a
        shown cell was empty (—)."""
        from .layout import Column, keep, table_lines

        columns = [
            Column(self.w("round")),
            Column(self.w("date")),
            Column(self.w("format"), drop=4, wrap=True),
            Column(self.w("place"), drop=3, wrap=True),
            Column(self.w("leads"), wrap=True),  # the who: never cut, nor dropped; the others give way first
            Column(self.w("topics"), drop=2, right=True),
        ]
        cells = []
        for s in rows:
            fmt = "" if s.format is None else self.w(s.format)
            if s.format is None and "format" in s.disputed:
                fmt = self.disputed_format(s.id)
            cells.append([
                self.event_label(s) + (" *" if s.topic_match == "outcomes" else ""),
                str(self.date_text(s.date, s.end_date)) if s.date else "—",
                keep(fmt) or "—",
                self.join(keep(self.pick(v), spaces=True) for v in s.venue) or "—",
                self.join(keep(self.pick(p.name), spaces=True) for p in sorted(s.leads, key=lambda p: SIDE_ORDER[p.side])) or "—",
                str(len(s.topics)),
            ])
        out, dropped = table_lines(columns, cells, self.width, indent=2)
        lines = [RText.assemble(*pieces) for pieces in out]
        empty = any(row[i] == "—" for row in cells for i in range(len(columns)) if i not in dropped)
        return lines, {columns[i].header for i in dropped}, empty


LIST_COLUMNS = S.ROUND_FIELDS


def write(target: Target, ds, summaries, fmt: str, show_all: bool = True) -> None:
    """Round summaries (``query.list_rounds``), in any format."""
    if fmt == "table":
        ListView(target, ds).rounds(list(summaries), show_all=show_all)
    else:
        write_listing(target.stream, fmt, (S.summary_text(s) for s in summaries), LIST_COLUMNS, target.lang)
