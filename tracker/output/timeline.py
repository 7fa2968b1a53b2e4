"""The answer of ``timeline``: rounds, documents and follow-ups in date order, in every format."""

from __future__ import annotations

from rich.text import Text as RText

from ..data.model import Dataset, Document
from ..data.summary import RoundSummary
from ..safe import json_text
from . import serialize as S
from .console import Filled
from .formats import write_json, write_json_texts, write_rows
from .target import Target
from .terminal import Writer
from .words import MONTHS

STACK_BELOW = 40  # fewer cells than this beside the date and the dialogue: the text goes under them
STACKED_INDENT = "    "
HEADLINE_TOPICS = 3  # an event's first headline topics; the rest are counted
MORE_TOPICS = {"en": " and\u00a0{more}\u00a0more", "zh": "等\u2060{total}\u2060項"}  # zh: 等N項 counts them all
NO_ROUND = {"en": "no round held in {year}", "zh": "{year}年未舉行"}
NO_ROUND_SHORT = {"en": "no round held", "zh": "未舉行會議"}
SIGNED = {"en": "{kind} signed", "zh": "簽署{kind}"}
STORY_LINES = 2  # an event's lines in the story, headline topics included, where its name allows
MORE_DETAIL = {
    "en": "--detail adds formats, the full titles of what was signed and every topic.",
    "zh": "加上 --detail 可見：形式、簽署文件全名及議題。",
}


class TimelineView(Writer):
    """One column layout for the whole timeline, as ``git log``."""

    def __init__(self, target: Target, ds: Dataset, detail: bool = True) -> None:
        super().__init__(target, ds)
        self.detail = detail  # False: the story, an event a line or two
        self.named: set[str] = set()  # the dialogues whose full name the story has given

    def once(self, text: str, d_id: str | None) -> str:
        """In the story, a dialogue's full name given once: in the events after the first that
        names it, its short name instead (``Entry into force of the USTTI First Agreement``)."""
        import re

        if self.detail or self.lang == "zh" or not d_id or d_id not in self.ds.dialogues:
            return text  # a Chinese line is short enough, and reads better with the name in Chinese
        full = self.pick(self.ds.dialogues[d_id].name)
        if not full:
            return text
        pattern = re.compile(re.sub(r"\\?[–‐-]", "[–‐-]", re.escape(full)))
        if d_id not in self.named:
            if pattern.search(text):
                self.named.add(d_id)
            return text
        return pattern.sub(self.dialogue_name(d_id), text)

    def whole_names(self, text: str, r, indent: str) -> str:
        """An event's name with the names in it (its place: ``（布魯塞爾）``) kept whole when filled."""
        record = self.ds.rounds.get(r.id)
        return self.kept(text, (record,) if record is not None else (), indent=len(indent))

    def story_place(self, place: str) -> str:
        """A place in the story, without how it was attended (``Taipei (by video)`` → ``Taipei``):
        formats are for --detail."""
        for said in ("by video", "視訊"):
            for left, right in ((" (", ")"), ("（", "）")):
                place = place.removesuffix(left + said + right)
        return place

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
        # too narrow for the text beside the date and the dialogue: each entry's text goes under them
        self.stacked = self.width - (width + name_width + 4) < STACK_BELOW
        gaps = self.skipped_years(rows)
        by_year: dict[int, list] = {}
        for e in dated:
            by_year.setdefault(e.date.year, []).append(e)
        for n, year in enumerate(sorted(set(by_year) | set(gaps))):
            if self.detail:  # the story: each date says its year
                if n:
                    self.print(RText(""))
                self.print(RText(f"{year:04d}", style="bold underline"))
            for e in by_year.get(year, ()):
                self.timeline_entry(e, self.entry_date(e), width, name_width, under)
            for d_id in gaps.get(year, ()):
                when = "—" if self.detail else f"{year:04d}"
                head = RText(f"{when:<{width}}  ") + RText(f"{self.dialogue_name(d_id):<{name_width}}", style="bold") + RText("  ")
                indent = STACKED_INDENT if self.stacked else " " * (width + name_width + 4)
                said = NO_ROUND[self.lang].format(year=year) if self.detail else NO_ROUND_SHORT[self.lang]
                self.print_hanging(head, RText(said, style="dim"), indent)
        if undated:
            if dated:
                self.print(RText(""))
            self.print(RText(self.w("undated"), style="bold underline"))
            for e in undated:
                self.timeline_entry(e, "—", width, name_width, under)
        if not self.detail:
            self.print(RText(""))
            self.lines(MORE_DETAIL[self.lang], style="dim")

    def skipped_years(self, rows) -> dict[int, list[str]]:
        """The years in which a series of numbered rounds held none, between two that it held:
        year -> the dialogues that skipped it."""
        held: dict[str, set[int]] = {}
        for e in rows:
            if e.kind not in ("document", "follow-up") and e.date and getattr(e.record, "round", None) is not None:
                held.setdefault(e.record.dialogue, set()).add(e.date.year)
        gaps: dict[int, list[str]] = {}
        for d_id, years in held.items():
            for year in range(min(years) + 1, max(years)):
                if year not in years:
                    gaps.setdefault(year, []).append(d_id)
        return gaps

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
        """A document on the timeline: a mark, its title and its kind (in the story, its kind only
        where the title does not say it); a title the data has only in the other language, marked so."""
        mark = "◆ " if not self.ascii else "* "
        title = self.once(self.pick(d.title), d.dialogue)
        notes = [self.w(d.kind)] if self.detail else []  # the story: what was signed, not its kind
        if not getattr(d.title, self.lang):
            notes = [self.w("only_in")] if not self.detail else notes + [self.w("only_in")]
        shown = title + (self.paren(("，" if self.lang == "zh" else ", ").join(notes)) if notes else "")
        return RText(mark, style="magenta") + RText(shown)

    def story_name(self, r) -> str:
        """A meeting's name without the month and year its date already gives
        (``Negotiating round in New York, November 2022`` → ``Negotiating round in New York``)."""
        import re

        name = self.round_name_short(r)
        if r.round is not None or r.date is None or not r.date.month:
            return name
        day = rf"0?{r.date.day}" if r.date.day else r"\d{1,2}"
        if self.lang == "zh":
            trimmed = re.sub(rf"^{r.date.year}年0?{r.date.month}月({day}日)?", "", name)
        else:
            trimmed = re.sub(rf",? (in )?({day} )?{MONTHS[r.date.month - 1]} {r.date.year}\b", "", name, count=1)
        if not (self.pick(r.name) and getattr(r.name, self.lang)):
            return name
        return trimmed or name

    def story_entry(self, r, head: RText, indent: str, documents: list) -> None:
        """An event of the story in a line or two: its name, its place where the name does not
        give it, what was signed, and at most three headline topics (fewer where three would take
        a third line)."""
        from .layout import keep, wrap

        own = self.once(self.story_name(r), r.dialogue)
        place = self.join(keep(self.story_place(self.pick(v)), spaces=True) for v in r.venue if not _named_in(self.pick(v), own))
        name = own if getattr(r.name, self.lang, None) or r.round is not None or not r.name else own + self.paren(self.w("only_in"))
        body = RText()
        body.append(self.whole_names(name, r, indent), style="bold")
        if place:
            body.append(" · " + place)
        for d in documents:
            body.append(" · ")
            body.append(("◆ " if not self.ascii else "* "), style="magenta")
            body.append(SIGNED[self.lang].format(kind=self.w(d.kind)))
        # a topic the event's name already says (``Trade`` of a trade initiative's launch) left out
        headline = [self.pick(t.name) for t in r.topics if t.headline and not _said_in(self.pick(t.name), own)]
        sep = "：" if self.lang == "zh" else "\u00a0— "  # the dash stays with what it follows
        def said(k: int) -> str:
            text = self.names(headline[:k])
            if len(headline) > k:
                text += MORE_TOPICS[self.lang].format(more=len(headline) - k, total=len(headline))
            return text

        def lines(k: int) -> int:
            return len(wrap(body.plain + sep + said(k), self.width, indent, first=head.plain))

        chosen = ""
        if headline:  # as many topics (three at most) as the fewest lines that hold one can take
            one = lines(1)
            room = max(one, STORY_LINES) if one > STORY_LINES else one
            k = max(k for k in range(1, min(HEADLINE_TOPICS, len(headline)) + 1) if k == 1 or lines(k) <= room)
            chosen = said(k)
        if chosen:
            body.append(sep)
            body.append(chosen, style="dim")
        self.print_styled(head, body, indent)

    def print_styled(self, head: RText, body: RText, indent: str) -> None:
        """``head`` then ``body`` filled to the width with its styles, later lines under ``indent``."""
        self.print(_Headed(head, body, indent))

    def timeline_entry(self, e, date: str, width: int, name_width: int, under: dict) -> None:
        tag = self.dialogue_tag(e)
        if self.stacked:
            self.console.print(RText(f"{date}  ") + RText(tag, style="bold"), no_wrap=True, overflow="ignore", crop=False, soft_wrap=True)
            head, indent = RText(STACKED_INDENT), STACKED_INDENT
        else:
            head = RText(f"{date:<{width}}  ") + RText(f"{tag:<{name_width}}", style="bold") + RText("  ")
            indent = " " * (width + name_width + 4)
        r = e.record
        if e.kind == "document":
            self.print_hanging(head, self.document_mark(r), indent)
            return
        if e.kind == "follow-up":
            mark = "↳ " if not self.ascii else "> "
            try:  # the names of the round it follows up, kept whole in its text
                rounds = [self.ds.round(r.record)]
            except KeyError:
                rounds = []
            self.print_hanging(head, RText(mark, style="cyan") + RText(self.kept(self.pick(r.text), rounds)), indent)
            return
        from .layout import keep

        documents = under.get(r.id, [])
        if not self.detail and not (r.event == "signing" and documents):
            self.story_entry(r, head, indent, documents)
            return
        own = self.round_name_short(r)
        place = self.join(keep(self.pick(v), spaces=True) for v in r.venue if not _named_in(self.pick(v), own))  # no place twice
        if r.event == "signing" and documents:  # what was signed names the event: each agreement once
            for k, d in enumerate(documents):
                signed = self.document_mark(d)
                if k == 0 and place:
                    signed.append(" · " + place)
                self.print_hanging(head if k == 0 else RText(indent), signed, indent)
            return
        name = RText(self.whole_names(own, r, indent), style="bold")
        bits = [b for b in (self.w(r.format) if r.format else "", place) if b]
        if bits:
            name.append(" · " + " · ".join(bits))
        self.print_hanging(head, name, indent)
        headline = [self.pick(t.name) for t in r.topics if t.headline]
        if headline:
            shown = self.names(headline[:HEADLINE_TOPICS])
            if len(headline) > HEADLINE_TOPICS:
                shown += MORE_TOPICS[self.lang].format(more=len(headline) - HEADLINE_TOPICS, total=len(headline))
            self.print_hanging(RText(indent), RText(shown, style="dim"), indent)
        for d in documents:
            self.print_hanging(RText(indent), self.document_mark(d), indent + "  ")

    def print_hanging(self, head: RText, body: RText, indent: str) -> None:
        """``head`` then ``body`` filled to the width, its later lines under ``indent``, words whole."""
        from .layout import wrap

        lines = wrap(body.plain, self.width, indent, first=head.plain)
        style = body.style or (body.spans[-1].style if body.spans else "")
        for n, line in enumerate(lines):
            text = (head + RText(line[len(head.plain):], style=style)) if n == 0 and line.startswith(head.plain) else RText(line, style=style if n else "")
            self.console.print(text, no_wrap=True, overflow="ignore", crop=False, soft_wrap=True)


class _Headed(Filled):
    """``body`` filled under a hanging ``indent``, its first line after ``head`` with its styles."""

    def __init__(self, head: RText, body: RText, indent: str) -> None:
        super().__init__([(head.plain if head.plain.strip() else indent, body, "")])
        self.head = head

    def __rich_console__(self, console, options):
        for n, line in enumerate(super().__rich_console__(console, options)):
            if n == 0:
                for span in self.head.spans:
                    line.stylize(span.style, span.start, span.end)
            yield line


TIMELINE_COLUMNS = S.TIMELINE_COLUMNS


def write(target: Target, ds, entries, fmt: str, detail: bool = True) -> None:
    """Timeline entries (``query.timeline``), in any format; on a terminal, without ``detail``,
    the story: an event a line or two."""
    if fmt == "table":
        TimelineView(target, ds, detail).timeline(list(entries))
    elif fmt == "timelinejs":
        from .export import timelinejs

        write_json(target.stream, timelinejs(ds, [S.plain_of(timeline_text(ds, e)) for e in entries], target.lang))
    else:
        texts = (timeline_text(ds, e) for e in entries)
        if fmt == "json":
            write_json_texts(target.stream, texts)
        else:
            write_rows(target.stream, fmt, [S.timeline_row(S.plain_of(t), target.lang) for t in texts], TIMELINE_COLUMNS)


def follow_up_object(entry) -> dict:
    """A follow-up event on the timeline: its evidence, and the dialogue and partner of its round."""
    return {**S.evidence_object(entry.record), "dialogue": entry.dialogue, "partner": entry.partner}


def timeline_text(ds: Dataset, entry) -> str:
    """The JSON text of a ``TimelineEntry``: a round's summary, a document or a follow-up."""
    if isinstance(entry.record, (RoundSummary, Document)):
        return S.record_text(ds, entry.record)
    return json_text(follow_up_object(entry))


def _named_in(place: str, name: str) -> bool:
    """Whether an event's name already gives its place: the place itself, or its first part
    (``Washington`` of ``Washington, D.C.``)."""
    if not place:
        return True
    head = place.split(",")[0].split("，")[0].strip()
    return any(p and p in name for p in (place, head))


def _said_in(topic: str, name: str) -> bool:
    """Whether an event's ``name`` already says ``topic`` as a word (``Trade`` in ``… on
    21st-Century Trade``)."""
    import re

    if not topic:
        return False
    if not topic.isascii():  # Chinese: no spaces between words
        return topic in name
    return re.search(rf"(?<![\w]){re.escape(topic)}(?![\w])", name, flags=re.IGNORECASE) is not None
