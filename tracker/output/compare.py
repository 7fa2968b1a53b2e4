"""The answer of ``compare``: what changed between two rounds, in every format."""

from __future__ import annotations

from rich.text import Text as RText

from ..data.model import Dataset, PartialDate
from ..data.summary import RoundSummary
from ..rules import dialogue_label, pick, round_name
from ..safe import visible
from . import serialize as S
from .formats import markdown_table, md_escape, write_csv, write_json
from .target import Target
from .terminal import Writer
from .words import commitment_gist, date_words, word


class CompareView(Writer):
    """The gist of a comparison, the two rounds' facts, and with ``detail`` the outcomes."""

    def topic_cell(self, t) -> RText:
        out = RText(self.t(self.ds.topics[t.topic].name), style="bold")
        if self.wording(t.label, self.ds.topics[t.topic].name):
            out.append("\n" + self.wording(t.label, self.ds.topics[t.topic].name), style="dim")
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
            self.print(RText(f"{mark} {self.w(key)}{self.paren(str(len(items)))}", style=f"bold {style}"))
            for t in items:
                theme = self.ds.themes[self.ds.topics[t.topic].theme]
                line = RText("  ") + RText(self.t(self.ds.topics[t.topic].name), style="bold")
                line.append(f" · {self.t(theme.name)}", style="dim")
                self.print(line)
                if self.wording(t.label, self.ds.topics[t.topic].name):
                    said = self.wording(t.label, self.ds.topics[t.topic].name)
                    self.lines(f"“{said}”" if self.lang == "en" else f"「{said}」", style="dim", indent="    ")
        for key, mark in (("evolved", "~"), ("continued", "=")):
            pairs = getattr(c, key)
            self.print(RText(""))
            self.print(RText(f"{mark} {self.w(key)}{self.paren(str(len(pairs)))}", style="bold"))
            for p in pairs:
                left, right = self.t(self.ds.topics[p.a.topic].name), self.t(self.ds.topics[p.b.topic].name)
                text = left if left == right else f"{keep(left)} → {keep(right)}"
                self.lines(text, indent="    ", first="  ")
        self.print(RText(""))
        from ..query import tally
        from .layout import NBSP
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

    def compare_facts(self, sa: RoundSummary, sb: RoundSummary) -> None:
        from .layout import Column, table_lines

        columns = [Column(""), Column(f"A  {self.round_name_short(sa)}", shrink=12), Column(f"B  {self.round_name_short(sb)}", shrink=12)]
        rows = [
            [self.w("date"), str(self.date_text(sa.date, sa.end_date)), str(self.date_text(sb.date, sb.end_date))],
            [self.w("format"), str(self.format_text(sa)) or "—", str(self.format_text(sb)) or "—"],
            [self.w("place"), self.place(sa) or "—", self.place(sb) or "—"],
            [self.w("leads"), self.leads_text(sa) or "—", self.leads_text(sb) or "—"],
        ]
        lines, _ = table_lines(columns, rows, self.width)
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


def write(target: Target, ds, c, fmt: str, detail: bool = False) -> None:
    """A comparison (``api.compare``), in any format."""
    if fmt == "table":
        CompareView(target, ds).compare(c, detail=detail)
        return
    obj = comparison_object(ds, c)
    if fmt == "json":
        write_json(target.stream, obj)
        return
    rows = _compare_rows(obj, target.lang)
    if fmt == "csv":
        write_csv(target.stream, rows, COMPARE_COLUMNS)
    else:
        target.stream.write(visible(compare_markdown(obj, rows, target.lang)))


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


# ---------------------------------------------------------------- JSON


def comparison_object(ds: Dataset, c) -> dict:
    def side(t):
        topic = S.topic_plain(S.topic_summary(ds, t))
        return {
            "id": topic["id"],
            "topic": t.topic,
            "name": topic["name"],
            "theme": topic["theme"],
            "label": topic["label"],
            "headline": topic["headline"],
            "outcomes": [{"id": f"{o.round}/{o.id}", "text": S.text(o.text)} for o in t.outcomes],
        }

    def pair(p):
        return {"theme": p.theme, "theme_name": S.text(ds.themes[p.theme].name), "a": side(p.a), "b": side(p.b)}

    def brief(r):
        o = S.round_object(ds, r)
        return {k: o[k] for k in ("id", "dialogue", "dialogue_name", "round", "name", "date", "date_precision", "partner", "format", "venue", "leads")}

    return {
        "a": brief(c.a),
        "b": brief(c.b),
        "summary": {"added": len(c.added), "dropped": len(c.dropped), "continued": len(c.continued), "evolved": len(c.evolved)},
        "added": [side(t) for t in c.added],
        "dropped": [side(t) for t in c.dropped],
        "continued": [pair(p) for p in c.continued],
        "evolved": [pair(p) for p in c.evolved],
        "delivered": [{"commitment": f"{o.round}/{o.id}", "text": S.text(o.text), "evidence": S.evidence_object(ev)} for o, ev in c.delivered],
        "commitments": S.commitment_tally(c),
    }


# ---------------------------------------------------------------- Markdown

_t = pick  # a {"en", "zh"} object in the reader's language


def compare_markdown(obj: dict, rows: list[dict], lang: str) -> str:
    """The same sections as the table: the gist (added, dropped, evolved, continued, A's
    commitments delivered by B's date), the two rounds' facts, then the outcomes side by side."""
    w = lambda k: word(k, lang)
    s = obj["summary"]
    a, b = obj["a"], obj["b"]

    def label(r):
        what = round_name(r["round"], lang, r["name"])
        return f"{dialogue_label(r['dialogue'])} {what} ({r['id']})"

    def name(side):
        text = md_escape(_t(side["name"], lang))
        lab = _t(side.get("label"), lang)
        quoted = f"「{md_escape(lab)}」" if lang == "zh" else f"“{md_escape(lab)}”"
        return text + (f" — {quoted}" if lab and lab != _t(side["name"], lang) else "")

    out = [f"# {md_escape(label(a))} → {md_escape(label(b))}", "", f"**+{s['added']} −{s['dropped']} ={s['continued']} ~{s['evolved']}**", ""]
    for key in ("added", "dropped"):
        out += [f"## {w(key)} ({len(obj[key])})", ""]
        out += [f"- {name(t)}" for t in obj[key]] or ["—"]
        out.append("")
    for key in ("evolved", "continued"):
        out += [f"## {w(key)} ({len(obj[key])})", ""]
        out += [f"- {md_escape(_t(p['theme_name'], lang))}: {name(p['a'])} → {name(p['b'])}" for p in obj[key]] or ["—"]
        out.append("")
    counts = {k: v for k, v in obj["commitments"].items() if k not in ("as_of", "total")}
    gist = commitment_gist(f"{dialogue_label(a['dialogue'])} {round_name(a['round'], lang, a['name'])}", counts,
                           PartialDate.parse(b["date"]) if b["date"] else None, lang)
    out += [f"## {w('commitments')}", "", md_escape(gist), ""]
    out += [f"- {md_escape(_t(d['text'], lang))} → {date_words(PartialDate.parse(d['evidence']['date']), lang) if d['evidence']['date'] else w('unknown')}"
            for d in obj["delivered"]]
    out.append("")
    table = [
        {"": w("date"), "A": a["date"] or "—", "B": b["date"] or "—"},
        {"": w("format"), "A": w(a["format"]) if a["format"] else "—", "B": w(b["format"]) if b["format"] else "—"},
        {"": w("place"), "A": "; ".join(_t(v, lang) for v in a["venue"]) or "—", "B": "; ".join(_t(v, lang) for v in b["venue"]) or "—"},
        {"": w("leads"), "A": "; ".join(_t(p["name"], lang) for p in a["leads"]) or "—", "B": "; ".join(_t(p["name"], lang) for p in b["leads"]) or "—"},
    ]
    out += [f"## {w('round')}", "", markdown_table(table, ["", "A", "B"]), f"## {w('outcomes')}", ""]
    headers = {k: w("md_" + k) for k in ("change", "theme", "a_topic", "b_topic", "a_outcomes", "b_outcomes")}
    out.append(markdown_table([{headers[k]: v if k != "change" else w(v) for k, v in r.items()} for r in rows], list(headers.values())))
    return "\n".join(out)
