"""The answer of ``commitments``: what each round promised and what became of it, in every format."""

from __future__ import annotations

from rich.text import Text as RText

from ..data.model import Dataset
from ..data.summary import precision
from ..rules import round_name
from . import serialize as S
from .formats import write_json, write_rows
from .layout import NBSP, cell_width, keep, wrap
from .target import Target
from .terminal import Writer


class CommitmentsView(Writer):
    """A first line that counts, then the commitments grouped by round."""

    def commitments(self, rows, today=None) -> None:
        """A first line that counts, then the commitments grouped by round: status, what was promised,
        how long ago (or how soon it was delivered), and each piece of evidence once."""
        if not rows:
            self.print(RText(self.w("no_commitments"), style="dim"))
            return
        self.settle_taiwan(list({r.round.id: r.round for r in rows}.values()))
        colours = {"delivered": "green", "in-progress": "cyan", "announced": "blue", "lapsed": "red", "unknown": "dim"}
        counts = {k: sum(1 for r in rows if r.status == k) for k in ("delivered", "in-progress", "lapsed", "announced", "unknown")}
        from .words import date_words, delivered_words, elapsed_words

        out = self.filled(self.w("n_commitments").format(n=len(rows)) + " · ".join(f"{n}{NBSP}{self.w(k)}".replace(" ", NBSP) for k, n in counts.items() if n), style="bold")
        status_width = max(cell_width(self.w(k)) for k in colours) + 2
        indent = " " * (2 + status_width)
        current = None
        for row in rows:
            if row.round.id != current:
                current = row.round.id
                out.append(RText(""))
                sm = self.summary(row.round)
                label = round_name(sm.round, self.lang, otherwise=self.event_label(sm))
                bits = [f"{self.dialogue_name(sm.dialogue)} {label}", str(sm.date or ""),
                        elapsed_words(row.round.date, today, self.lang, ago=True) if today else ""]
                out += self.filled(" · ".join(b for b in bits if b), style="bold")
            status = self.w(row.status)
            first = "  " + status + " " * (status_width - cell_width(status))
            lines = wrap(self.kept(self.t(row.outcome.text), (row.round,), indent=len(indent)), self.width, indent, first)
            out.append(RText(lines[0][: len(first)], style=colours.get(row.status, "")) + RText(lines[0][len(first):]))
            out += [RText(line) for line in lines[1:]]
            seen = set()
            for e in row.evidence:
                key = (str(e.date), tuple(x.id for x in e.sources) or self.t(e.text))
                if key in seen:  # the same event, reported once (a signing and the document it signed)
                    continue
                seen.add(key)
                when = keep(date_words(e.date, self.lang), spaces=True)
                if row.status == "delivered" and e.date and row.round.date and len(seen) == 1:
                    when = delivered_words(row.round.date, e.date, self.lang, lambda text: keep(text, spaces=True))
                room = self.width - len(indent) - 3  # a name longer than a line wraps at its spaces
                names = dict.fromkeys(self.t(x.publisher) for x in e.sources)
                publishers = self.join(keep(n, spaces=cell_width(n) <= room) for n in names)
                said = self.kept(self.t(e.text), (row.round,), indent=len(indent) + 2)
                text = "→ " + self.label(when) + said + (f" — {publishers}" if publishers else "")
                out += self.filled(text, style="dim", indent=indent + "  ", first=indent)
        self.emit(out)

def write(target: Target, ds, rows, fmt: str, today=None) -> None:
    if fmt == "table":
        CommitmentsView(target, ds).commitments(rows, today)
        return
    objs = [commitment_object(ds, r) for r in rows]
    if fmt == "json":
        write_json(target.stream, objs)
    else:
        write_rows(target.stream, fmt, [S.flat(o, target.lang) for o in objs], ["id", "round", "dialogue", "partner", "date", "date_precision", "topic", "text", "status", "due", "due_precision", "age_days", "note", "evidence"])


def commitment_object(ds: Dataset, row) -> dict:
    o = row.outcome
    return {
        "id": f"{o.round}/{o.id}",
        "round": row.round.id,
        "dialogue": row.round.dialogue,
        "partner": ds.dialogues[row.round.dialogue].partner,
        "date": str(row.round.date) if row.round.date else None,
        "date_precision": precision(row.round.date),
        "topic": row.topic,
        "text": S.text(o.text),
        "status": row.status,
        "due": str(o.commitment.due) if o.commitment.due else None,
        "due_precision": precision(o.commitment.due),
        "age_days": row.age_days,
        "note": S.text(o.commitment.note),
        "evidence": [S.evidence_object(e) for e in row.evidence],
    }
