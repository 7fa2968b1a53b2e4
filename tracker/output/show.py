"""The answer of ``show``: one round in full, in every format (the terminal's brief, JSON,
CSV rows of its topics and outcomes, a Markdown report)."""

from __future__ import annotations

from rich.text import Text as RText

from ..data.model import Dataset, Round
from ..rules import pick, round_label
from ..safe import visible
from . import serialize as S
from .console import Filled
from .formats import is_web_address, md_escape, write_csv, write_json
from .layout import cell_width, keep
from .target import Target
from .terminal import SIDE_ORDER, Writer, date_span, taiwan_form
from .words import date_words, word

# the facts a disputed or unverified item may be about, and the word that names each
_FIELDS = {"date": "date", "format": "format", "venues": "place", "participants": "participants", "outcomes": "outcomes"}


class ShowView(Writer):
    """One round: its facts, topics and outcomes, documents and numbered sources."""

    def title_of(self, r: Round) -> RText:
        d = self.ds.dialogues[r.dialogue]
        head = RText(style="bold")
        short = self.dialogue_name(d.id)
        if r.round is not None:
            head.append(f"{short} " + round_label(r.round, self.lang))
        else:
            head.append(f"{short}: {self.t(r.name) or self.w(r.event or r.kind)}")
        head.append("\n" + self.t(d.name), style="")
        return head

    def show(self, r: Round, full: bool = False) -> None:
        """One round: a one-page brief by default (what, when, where and who in a line; what was
        signed; each topic's first outcome; what is disputed, in a few words; the sources, a line
        each); every outcome, participant, note, working group, follow-up and the detail of disputed
        facts with ``full``."""
        self.round = r
        if not full:
            self.brief(r)
            return
        numbers = {s.id: i for i, s in enumerate(r.sources, 1)}
        self.print(self.title_of(r))
        self.show_facts(r, full)
        if r.documents:  # what was agreed or signed, near the top
            self.print(self.heading(self.w("documents")))
            self.print(self.bullets([self.document_line(self.ds.documents[d], full) for d in r.documents]))
        if r.participants:
            self.show_participants(r, numbers)
        self.show_topics(r, numbers, full)
        self.show_working_groups(r, numbers)
        self.show_follow_ups_and_notes(r, numbers)
        self.show_disputed(r, numbers)
        self.show_sources(r, numbers, full)

    # ---------------------------------------------------------------- the brief

    def k(self, text) -> str:
        """A text of the round shown in the reader's language, every name in it kept whole."""
        return self.kept(self.t(text), rounds=(self.round,) if self.round is not None else ())

    round: Round | None = None

    def brief(self, r: Round) -> None:
        """``show`` without ``--full``: a page a reader can take in at once."""
        numbers = {s.id: i for i, s in enumerate(r.sources, 1)}
        self.lines(self.first_line(r), style="bold")
        self.brief_facts(r, numbers)
        if r.documents:  # what was agreed or signed, near the top
            self.print(self.heading(self.w("documents")))
            self.print(self.bullets([self.document_line(self.ds.documents[d]) for d in r.documents]))
        self.brief_topics(r, numbers)
        self.brief_sources(r, numbers)
        self.print(RText(""))
        self.lines(self.brief_more(r), style="dim")

    def first_line(self, r: Round) -> str:
        """What, when, where and who: ``EPPD round 6 · 2026-01-27 · Washington, D.C. · Kung
        Ming-hsin, Jacob Helberg``, each name kept whole."""
        d = self.ds.dialogues[r.dialogue]
        short = self.dialogue_name(d.id)
        what = f"{short} " + round_label(r.round, self.lang) if r.round is not None else f"{short}: {self.t(r.name) or self.w(r.event or r.kind)}"
        summary = self.summary(r)
        if cell_width(what) > self.width:  # a long name wraps, at spaces (and in Chinese)
            named = what
        else:  # a round's label whole; a meeting's name between its Chinese characters
            named = keep(what, spaces=r.round is not None)
        parts = [named, date_span(r.date, r.end_date) if r.date else self.w("unknown")]
        if summary.venue:
            parts.append(self.names(keep(self.t(v), spaces=True) for v in summary.venue))
        leads = sorted(r.leads, key=lambda p: SIDE_ORDER[p.side])
        if leads:
            parts.append(("、" if self.lang == "zh" else ", ").join(keep(self.person(p), spaces=True) for p in leads))
        return " · ".join(parts)

    def brief_facts(self, r: Round, numbers: dict) -> None:
        """Under the first line: the dialogue and format, the leads with their titles, what is
        disputed or unconfirmed in a few words, the commitments by status and the sourcing."""
        d = self.ds.dialogues[r.dialogue]
        summary = self.summary(r)
        second = [self.t(d.name)]
        if r.kind != "milestone" and r.format is not None:
            second.append(self.w(r.format))
        self.lines(" · ".join(second))
        facts = []
        if r.leads:
            facts.append((self.w("leads"), self.lead_lines(r)))
        if not summary.venue:
            facts.append((self.w("place"), self.unknown()))
        for label, text in self.doubts(r, numbers):
            facts.append((label, text))
        if facts:
            label_width = max(cell_width(label) for label, _ in facts) + 2
            self.print(Filled([(label + " " * (label_width - cell_width(label)), value, "bold") for label, value in facts]))

    def doubts(self, r: Round, numbers: dict) -> list[tuple[str, RText]]:
        """What the sources disagree on, and what is not confirmed, each in a line: ``place:
        Washington, D.C. [1][2][3] or Taipei [8] (unverified)``."""
        zh = self.lang == "zh"
        out: list[tuple[str, RText]] = []
        told: set[int] = set()  # the unverified items said with a disputed version
        for d in r.disputed:
            text = RText()
            if d.about in _FIELDS:
                text.append(self.label(self.w(_FIELDS[d.about]).lower() if not zh else self.w(_FIELDS[d.about])))
                for k, v in enumerate(d.versions):
                    if k:
                        text.append(" 或" if zh else " or ")
                    text.append(keep(self.t(v.value), spaces=True) if cell_width(self.t(v.value)) < 30 else self.k(v.value))
                    text += self.cites(v.sources, numbers)
                    for n, u in enumerate(r.unverified):
                        if u.about == d.about and u.sources and set(u.sources) <= set(v.sources):
                            text.append(self.paren(self.w("unverified").lower()), style="yellow")
                            told.add(n)
            else:
                text.append(self.k(d.note) or d.about)
                text += self.cites([s for v in d.versions for s in v.sources], numbers)
            out.append((self.w("disputed"), text))
        for n, u in enumerate(r.unverified):
            if n in told:
                continue
            text = RText(self.k(u.note) or u.about) + self.cites(u.sources, numbers)
            out.append((self.w("unverified"), text))
        return out

    def brief_topics(self, r: Round, numbers: dict) -> None:
        """Each headline topic with its first outcome and how many more; the topics only mentioned
        in a line; an outcome's commitment status only where it went further than announced."""
        zh = self.lang == "zh"
        heading = self.w("topics") + " / " + self.w("outcomes")
        statuses = self.commitment_counts(r)
        if statuses:  # the commitments' statuses, said once
            heading += f"（{self.w('commitments')}：{statuses}）" if zh else f" — {self.w('commitments').lower()}: {statuses}"
        self.print(self.heading(heading))
        if not r.topics:
            self.print(self.unknown())
        headline = [t for t in r.topics if t.headline] or list(r.topics)
        for i, t in enumerate(headline, 1):
            topic = self.ds.topics[t.topic]
            line = RText(self.t(topic.name), style="bold")
            if not t.outcomes:  # else its outcome cites its sources
                line += self.cites(t.sources, numbers)
            further: dict[str, int] = {}
            for o in t.outcomes:
                if o.commitment and o.commitment.status != "announced":
                    further[o.commitment.status] = further.get(o.commitment.status, 0) + 1
            if further:
                line.append(" · " + " · ".join(f"{n} {self.w(k)}" for k, n in further.items()), style="magenta")
            if t.outcomes:
                o = t.outcomes[0]
                line.append("：" if zh else ": ", style="bold")
                line.append(self.k(o.text))
                line += self.marks(o) + self.cites(o.sources, numbers)
                rest = len(t.outcomes) - 1
                if rest:
                    line.append(f"（另有{rest}項）" if zh else " " + keep(f"(and {rest} more)", spaces=True), style="dim")
            self.print(self.bullets([line], f"{i}."))
        others = [t for t in r.topics if t not in headline]
        if others:
            names = self.names(self.t(self.ds.topics[t.topic].name) for t in others)
            self.print(Filled([(self.label("亦提及" if zh else "Also raised"), RText(names), "bold")]))

    def brief_sources(self, r: Round, numbers: dict) -> None:
        """The numbered sources, a line each where it fits: publisher, title, date and the link,
        shown decoded and without its scheme, or by its site alone when it is long."""
        from urllib.parse import urlsplit

        from rich.style import Style

        self.print(self.heading(f"{self.w('sources')}{self.paren(self.source_count(r))}"))
        width = len(str(len(r.sources))) + 2
        rows = []
        for s in r.sources:
            line = self.source_line(s)
            target_url = s.archived if s.gone else s.url  # a page known to be gone: its archived copy
            if target_url:
                if s.gone:
                    line.append(" · " + self.w("archived"), style="dim")
                url = visible(target_url)
                readable = _readable(url)
                parts = urlsplit(readable)
                bare = readable.split("://", 1)[-1].rstrip("/")
                room = self.width - width - 1 - cell_width(line.plain) - 3
                shown = bare if cell_width(bare) <= room else (parts.netloc or bare)
                link = url if is_web_address(url) else None  # anything else is shown, never followed
                line.append(" · ")
                line.append(keep(shown), style=Style(color="blue", link=link))
            rows.append((f"[{numbers[s.id]}]".rjust(width) + " ", line, "cyan"))
        self.print(Filled(rows))

    def source_count(self, r: Round) -> str:
        """``16`` or ``15; 1 weak``: how many sources, and how many of them are weak."""
        weak = len([s for s in r.sources if s.weak])
        if self.lang == "zh":
            return f"{len(r.sources)} 項" + (f"，其中 {weak} 項為{self.w('weak')}" if weak else "")
        return f"{len(r.sources)}" + (f"; {weak} weak" if weak else "")

    def brief_more(self, r: Round) -> str:
        """The last line: what ``--full`` adds."""
        more = []
        if any(len(t.outcomes) > 1 for t in r.topics) or any(not t.headline and t.outcomes for t in r.topics):
            more.append("每項成果" if self.lang == "zh" else "every outcome")
        more += [self.w(k) for k, v in (("participants", len(r.participants) > len(r.leads)), ("working_groups", r.working_groups), ("follow_ups", r.follow_ups)) if v]
        if r.notes:
            more.append("其他事實" if self.lang == "zh" else "notes")
        if self.lang == "zh":
            return f"加上 --full 可見：{self.join(more or ['完整內容'])}。"
        more = [m.lower() for m in more] or ["the detail"]
        what = ", ".join(more[:-1]) + " and " + more[-1] if len(more) > 1 else more[0]
        return f"--full adds {what}."

    # ---------------------------------------------------------------- --full

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
        statuses = self.commitment_counts(r)
        if statuses:
            facts.append((self.w("commitments"), RText(statuses)))
        facts.append((self.w("sourcing"), RText(self.sourcing(r))))
        if full:  # the curators' own record keeping
            facts.append((self.w("checked"), RText(date_words(r.last_verified, self.lang))))
        label_width = max(cell_width(label) for label, _ in facts) + 2
        self.print(Filled([(label + " " * (label_width - cell_width(label)), value, "bold") for label, value in facts]))

    def commitment_counts(self, r: Round) -> str:
        """``16 announced · 1 delivered``: the round's commitments by status, said once; an outcome
        then names its commitment's status only when it went further than announced."""
        counts: dict[str, int] = {}
        for t in r.topics:
            for o in t.outcomes:
                if o.commitment:
                    counts[o.commitment.status] = counts.get(o.commitment.status, 0) + 1
        order = sorted(counts, key=lambda k: -counts[k])
        return " · ".join(f"{counts[k]} {self.w(k)}" for k in order)

    def taiwan(self, r: Round) -> str:
        """Taiwan, in Chinese in the form the round's own texts write it (臺灣 or 台灣), so that one
        answer never writes the name both ways; 臺灣 when they do not say."""
        if self.lang != "zh":
            return self.w("taiwan")
        return self.taiwan_form or ("台灣" if taiwan_form((r,)) == "台灣" else self.w("taiwan"))

    def partner_name(self, r: Round) -> str:
        """The name of the partner of the round's dialogue."""
        return self.t(self.ds.partners[self.ds.dialogues[r.dialogue].partner].name)

    def lead_lines(self, r: Round) -> RText:
        """The leads, Taiwan first, one a line: name — title, side."""
        out = RText()
        for i, p in enumerate(sorted(r.leads, key=lambda p: SIDE_ORDER[p.side])):
            if i:
                out.append("\n")
            out.append(keep(self.person(p), spaces=True) if p.person else self.kept(self.person(p), (r,)), style="bold")
            side = self.taiwan(r) if p.side == "taiwan" else self.partner_name(r)
            # 臺灣經濟部長 in Chinese (not 經濟部長，臺灣); "Minister of Economic Affairs, Taiwan" in English
            title = self.k(p.title)
            if self.lang == "zh" and title:
                extra = title if side in self.t(p.title) else keep(side, spaces=True) + title
            else:
                extra = self.comma(x for x in (title, keep(side, spaces=True)) if x)
            if extra:
                out.append(f" — {extra}")
        return out

    def sourcing(self, r: Round) -> str:
        """``5 sources (1 weak)``: how many sources the round has, and how many of them are weak."""
        weak = len([s for s in r.sources if s.weak])
        text = f"{len(r.sources)} " + ("項來源" if self.lang == "zh" else "sources")
        if weak:
            text += f"（{weak} {self.w('weak')}）" if self.lang == "zh" else f" ({weak} {self.w('weak')}{'s' if weak > 1 else ''})"
        return text

    def show_participants(self, r: Round, numbers: dict) -> None:
        self.print(self.heading(self.w("participants")))
        items = []
        for p in sorted(r.participants, key=lambda p: SIDE_ORDER[p.side]):
            side = (self.taiwan(r) if p.side == "taiwan" else self.w(p.side)) if p.side != "partner" else self.partner_name(r)
            who = RText(keep(self.person(p), spaces=True) if p.person else self.kept(self.person(p), (r,)), style="bold" if p in r.leads else "")
            who += self.marks(p)
            title = self.without_org(self.k(p.title), self.k(p.organisation) if p.person else "")
            if self.lang == "zh" and title:  # 臺灣經濟部長, not 經濟部長，臺灣
                title, side = (title if side in self.t(p.title) or side in self.t(p.organisation) else side + title), ""
            detail = self.comma(x for x in (title, side, self.w(p.role), self.w(p.attendance) if p.attendance else "") if x)
            who.append(" — " + detail)
            who += self.cites(p.sources, numbers)
            if p.note:
                who.append("\n" + self.k(p.note), style="dim")
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
            if self.wording(t.label, topic.name):
                line.append(f" — {self.wording(t.label, topic.name)}")
            if not t.headline and full:
                line.append(self.paren(self.w("in_passing")), style="dim")
            line += self.marks(t) + self.cites(t.sources, numbers)
            if t.note and full:
                line.append("\n" + self.k(t.note), style="dim")
            self.print(self.bullets([line], f"{i}."))
            items = [self.outcome_item(o, numbers, full) for o in t.outcomes]
            if items:
                self.print(self.bullets(items, "•", indent=3))

    def outcome_item(self, o, numbers: dict, full: bool) -> RText:
        """An outcome with its marks and sources; a commitment's status, and with ``full`` its evidence."""
        from ..query import evidence_for

        item = RText(self.k(o.text)) + self.marks(o) + self.cites(o.sources, numbers)
        if o.note and full:
            item.append("\n" + self.k(o.note), style="dim")
        if o.commitment and (full or o.commitment.status != "announced"):  # announced: said once, in the facts
            item.append("\n" + self.label(self.w("commitment")), style="magenta")
            item.append(self.w(o.commitment.status), style="bold magenta")
            for ev in evidence_for(self.ds, o) if full else ():
                item.append(f"\n→ {ev.date or self.w('unknown')}: {self.k(ev.text)}", style="magenta")
        return item

    def show_working_groups(self, r: Round, numbers: dict) -> None:
        if not r.working_groups:
            return
        self.print(self.heading(self.w("working_groups")))
        items = []
        for g in r.working_groups:
            line = RText(self.k(g.name))
            if g.status:
                line.append(self.paren(self.w(g.status)), style="dim")
            line += self.marks(g) + self.cites(g.sources, numbers)
            if g.note:
                line.append("\n" + self.k(g.note), style="dim")
            items.append(line)
        self.print(self.bullets(items))

    def show_follow_ups_and_notes(self, r: Round, numbers: dict) -> None:
        if r.follow_ups:
            self.print(self.heading(self.w("follow_ups")))
            self.print(self.bullets([
                RText(f"{f.date}: ") + RText(self.k(f.text)) + self.marks(f) + self.cites(f.sources, numbers) for f in r.follow_ups
            ]))
        if r.notes:
            self.print(self.heading(self.w("notes")))
            self.print(self.bullets([RText(self.k(n.text)) + self.marks(n) + self.cites(n.sources, numbers) for n in r.notes]))

    def show_disputed(self, r: Round, numbers: dict) -> None:
        """What the sources disagree on, each version with its sources; then what is not confirmed."""
        if not (r.disputed or r.unverified):
            return
        self.print(self.heading(self.w("disputed") + " / " + self.w("unverified")))
        items = []
        for d in r.disputed:
            line = RText(self.w("disputed") + self.about(d.about), style="yellow")
            if d.note:
                line.append(" — " + self.k(d.note))
            for v in d.versions:
                line.append("\n– " + self.k(v.value))
                line += self.cites(v.sources, numbers)
            items.append(line)
        for u in r.unverified:
            items.append(RText(self.w("unverified") + self.about(u.about) + " — ", style="yellow") + RText(self.k(u.note)) + self.cites(u.sources, numbers))
        self.print(self.bullets(items))

    def about(self, key: str) -> str:
        """What a disputed or unverified item is about, after its label: ``: place`` for one of the
        round's facts; nothing for another key (the curators' name for it), which its note tells."""
        if key not in _FIELDS:
            return ""
        said = self.w(_FIELDS[key])
        return self.label("") + (said if self.lang == "zh" else said.lower())

    def show_sources(self, r: Round, numbers: dict, full: bool = False) -> None:
        """The numbered sources, each with its URL on a line of its own (or why there is none)."""
        self.print(self.heading(self.w("sources")))
        width = len(str(len(r.sources))) + 2
        for s in r.sources:
            self.print(Filled([(f"[{numbers[s.id]}]".rjust(width) + " ", self.source_line(s), "cyan")]))
            link = s.archived if s.gone else s.url  # a page known to be gone: its archived copy
            if link:
                if s.gone:
                    self.lines(self.w("archived"), style="dim", indent=" " * (width + 1))
                self.url_line(link, width + 1)
            elif s.note and full:  # where it was published, and why there is no link
                self.lines(self.k(s.note), style="dim", indent=" " * (width + 1))
        if self.cut_urls:
            self.print(RText(""))
            self.lines(self.w("urls_cut").format(ref=r.id), style="dim")

    def url_line(self, url: str, indent: int) -> None:
        """A URL on a line of its own, never folded: indented if it fits, else flush left, else cut
        with … (on a terminal it stays a link to the whole address; --format markdown and json give it)."""
        from .layout import cell_width, truncate

        room = self.width
        url = visible(url)
        readable = _readable(url)
        if cell_width(readable) + indent > room and cell_width(readable) <= room:
            indent = 0
        shown = truncate(readable, room - indent)
        self.cut_urls = self.cut_urls or shown != readable
        from rich.style import Style

        link = url if is_web_address(url) else None  # anything else is shown, never followed
        self.console.print(RText(" " * indent) + RText(shown, style=Style(color="blue", link=link)), no_wrap=True, overflow="ignore", crop=False, soft_wrap=True)

    def source_line(self, s) -> RText:
        line = RText(self.k(s.publisher))
        if s.title:
            title = self.k(s.title)
            room = self.width - len(str(len(self.round.sources))) - 3 if self.round is not None else 0
            # a title kept whole where a line holds it: a headline between its Chinese characters
            line.append(" — " + (keep(title) if cell_width(title) <= room else title), style="italic")
        if s.date:
            line.append(self.paren(str(s.date)))
        if s.weak:
            line.append(f" [{self.w('weak')}]", style="yellow")
        return line

    def document_line(self, d, full: bool = False) -> RText:
        line = RText(self.kept(self.only_in(d.title), (self.round,) if self.round is not None else ()), style="bold")
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
        return line


def _readable(url: str) -> str:
    """An address as people read it: decoded, where it decodes, so that it is never cut inside an escape."""
    from urllib.parse import unquote

    try:
        return visible(unquote(url, errors="strict"))
    except UnicodeDecodeError:
        return url


def write(target: Target, ds, r, fmt: str, full: bool = False) -> None:
    """One round (``api.get_round``), in any format."""
    if fmt == "table":
        ShowView(target, ds).show(r, full=full)
        return
    obj = full_round(ds, r)
    if fmt == "json":
        write_json(target.stream, obj)
    elif fmt == "csv":
        rows = []
        for t in obj["topics"]:
            outcomes = t["outcomes"] or [None]
            for o in outcomes:
                rows.append({
                    "round": r.id, "topic": t["topic"], "topic_name": t["name"], "label": t["label"],
                    "outcome": o["id"] if o else None, "text": o["text"] if o else None,
                    "commitment": (o.get("commitment") or {}).get("status") if o else None,
                })
        write_csv(target.stream, [S.flat(x, target.lang) for x in rows], ["round", "topic", "topic_name", "label", "outcome", "text", "commitment"])
    else:
        target.stream.write(visible(show_markdown(ds, obj, target.lang)))


# ---------------------------------------------------------------- JSON
def full_round(ds: Dataset, r: Round) -> dict:
    """Everything about one round, for ``show``: the listing's fields, then every field of the
    data file in full (``sources``, ``disputed`` and ``unverified`` become the full lists), with
    names resolved, outcome IDs in full and, for commitments, their evidence."""
    from ..query import evidence_for

    out = S.round_object(ds, r)
    body = S.plain(r)
    for p_obj, p in zip(body["participants"], r.participants):
        p_obj["name"] = S.text(S.person_name(ds, p))
    body["topics"] = [{"id": t.topic, **t_obj} for t_obj, t in zip(body["topics"], r.topics)]
    for t_obj, t in zip(body["topics"], r.topics):
        t_obj["name"] = S.text(ds.topics[t.topic].name)
        t_obj["theme"] = ds.topics[t.topic].theme
        for o_obj, o in zip(t_obj["outcomes"], t.outcomes):
            o_obj["id"] = f"{r.id}/{o.id}"
            if o.commitment:
                o_obj["evidence"] = [S.evidence_object(e) for e in evidence_for(ds, o)]
    body["documents"] = [S.document_object(ds, ds.documents[d]) for d in r.documents]
    for key in ("date_note", "participants", "topics", "documents", "working_groups", "follow_ups",
                "notes", "disputed", "unverified", "sources"):
        out[key] = body[key]
    return out


# ---------------------------------------------------------------- Markdown

_t = pick  # a {"en", "zh"} object in the reader's language


def _cites(ids, numbers) -> str:
    return "".join(f"[{numbers[i]}]" for i in ids or () if i in numbers)


def show_markdown(ds, obj: dict, lang: str) -> str:
    numbers = {s["id"]: n for n, s in enumerate(obj["sources"], 1)}
    name = _t(obj["dialogue_name"], lang)
    title = f"{name} {obj['round']}" if obj["round"] is not None else f"{name}: {_t(obj['name'], lang)}"
    out = [f"# {md_escape(title)} ({obj['id']})", ""]
    out += _facts(obj, lang)
    if obj["participants"]:
        out += ["", f"## {word('participants', lang)}", ""]
        out += [_participant(p, numbers, lang) for p in obj["participants"]]
    out += ["", f"## {word('topics', lang)}", ""]
    for i, t in enumerate(obj["topics"], 1):
        out += _topic(i, t, numbers, lang)
    out += _sections(obj, numbers, lang)
    out += _disputed(obj, numbers, lang)
    out += ["", f"## {word('sources', lang)}", ""]
    out += [_source(n, s, lang) for n, s in enumerate(obj["sources"], 1)]
    return "\n".join(out) + "\n"


def _facts(obj: dict, lang: str) -> list[str]:
    """The round's facts as a list: date, format, place, leads, sourcing, last check, and the date's note."""
    w = lambda k: word(k, lang)
    unknown = w("unknown")
    rows = [
        (w("date"), (obj["date"] or unknown) + (f" – {obj['end_date']}" if obj["end_date"] else "")),
        (w("format"), w(obj["format"]) if obj["format"] else unknown),
        (w("place"), "; ".join(_t(v, lang) for v in obj["venue"]) or unknown),
        (w("leads"), "; ".join(_t(p["name"], lang) for p in obj["leads"]) or unknown),
        (w("sourcing"), f"{len(obj['sources'])} ({obj['weak_sources']} {w('weak')})"),
        (w("last_verified"), obj["last_verified"]),
    ]
    out = [f"- **{k}:** {md_escape(v)}" for k, v in rows]
    if obj.get("date_note"):
        out.append(f"- {md_escape(_t(obj['date_note'], lang))}")
    return out


def _participant(p: dict, numbers: dict, lang: str) -> str:
    bits = [b for b in (_t(p.get("title"), lang), _t(p.get("organisation"), lang) if p.get("person") else "") if b]
    flag = f" *({word('unverified', lang)})*" if p.get("unverified") else ""
    return f"- **{md_escape(_t(p['name'], lang))}** ({word(p['role'], lang)}){': ' + md_escape(', '.join(bits)) if bits else ''}{flag} {_cites(p['sources'], numbers)}".rstrip()


def _topic(i: int, t: dict, numbers: dict, lang: str) -> list[str]:
    """A numbered topic, then its outcomes, each with the status of its commitment and the evidence."""
    w = lambda k: word(k, lang)
    label = _t(t.get("label"), lang)
    head = _t(t["name"], lang) + (f" — {label}" if label and label != _t(t["name"], lang) else "")
    extra = "" if t["headline"] else f" *({w('also_mentioned')})*"
    out = [f"{i}. **{md_escape(head)}**{extra} {_cites(t['sources'], numbers)}".rstrip()]
    for o in t["outcomes"]:
        line = f"    - {md_escape(_t(o['text'], lang))} {_cites(o['sources'], numbers)}".rstrip()
        if o.get("unverified"):
            line += f" *({w('unverified')})*"
        if o.get("commitment"):
            line += f" — **{w('commitment')}: {w(o['commitment']['status'])}**"
            for ev in o.get("evidence", []):
                line += f"; → {ev['date'] or w('unknown')}: {md_escape(_t(ev['text'], lang))}"
        out.append(line)
    return out


def _sections(obj: dict, numbers: dict, lang: str) -> list[str]:
    """Documents, working groups, follow-ups and notes, each a section where the round has any."""
    unknown = word("unknown", lang)
    sections = (
        ("documents", lambda d: f"{_t(d['title'], lang)} ({d['document_kind']}, {d['date'] or unknown})", None),
        ("working_groups", lambda g: _t(g["name"], lang), "sources"),
        ("follow_ups", lambda f: f"{f['date']}: {_t(f['text'], lang)}", "sources"),
        ("notes", lambda n: _t(n["text"], lang), "sources"),
    )
    out = []
    for key, fmt_item, cite_key in sections:
        if obj.get(key):
            out += ["", f"## {word(key, lang)}", ""]
            for item in obj[key]:
                out.append(f"- {md_escape(fmt_item(item))} {_cites(item.get(cite_key), numbers) if cite_key else ''}".rstrip())
    return out


def _disputed(obj: dict, numbers: dict, lang: str) -> list[str]:
    if not (obj.get("disputed") or obj.get("unverified")):
        return []
    w = lambda k: word(k, lang)
    out = ["", f"## {w('disputed')} / {w('unverified')}", ""]
    for d in obj.get("disputed", []):
        versions = "; ".join(f"{_t(v['value'], lang)} {_cites(v['sources'], numbers)}" for v in d["versions"])
        out.append(f"- **{w('disputed')}: {d['about']}** — {md_escape(versions)}")
    for u in obj.get("unverified", []):
        out.append(f"- **{w('unverified')}: {u['about']}** — {md_escape(_t(u['note'], lang))} {_cites(u['sources'], numbers)}".rstrip())
    return out


def _source(n: int, s: dict, lang: str) -> str:
    line = f"{n}. {md_escape(_t(s['publisher'], lang))}"
    if s.get("title"):
        line += f", *{md_escape(_t(s['title'], lang))}*"
    if s.get("date"):
        line += f" ({s['date']})"
    if s.get("gone") and s.get("archived") and is_web_address(s["archived"]):
        line += f" <{s['archived']}> — {word('archived', lang)}"
    elif s.get("url"):
        line += f" <{s['url']}>" if is_web_address(s["url"]) else f" {md_escape(s['url'])}"
    if s.get("weak"):
        line += f" — {word('weak', lang)}"
    return line
