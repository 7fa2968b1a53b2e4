"""What every answer drawn for a person shares: the ``Writer`` base (the console, the language,
the data set, and the small pieces of wording and layout that list, show, compare, timeline, topics,
search and commitments all use).

Each answer's own drawing lives in its module (``listing``, ``show``, ``compare``, ``timeline``,
``topics``, ``search``, ``commitments``), as a subclass of ``Writer``.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.text import Text as RText

from ..data.model import Dataset, PartialDate, Round
from ..data.summary import RoundSummary
from ..rules import dialogue_label, display_name, pick, round_label, round_name
from ..safe import visible
from .console import Filled, make_console
from .target import Target
from .words import word


def date_span(date, end=None) -> str:
    """2019-06-04, or 2019-06-04–05 / 2022-11-08–12-01 / 2022-12-30–2023-01-02 for a span."""
    text = str(date)
    if end:
        e = str(end)
        if end.year == date.year and date.day and end.day:
            e = e[8:] if end.month == date.month else e[5:]
        text += "–" + e
    return text


SIDE_ORDER = {"taiwan": 0, "partner": 1, "other": 2}  # leads and participants: Taiwan first, everywhere


class Writer:
    """Draws for one command: the console, the language and the data set."""

    def __init__(self, target: Target, ds: Dataset) -> None:
        self.ds = ds
        self.lang = target.lang
        self.console: Console = target.console or make_console(target.terminal, target.stream)
        self.cut_urls = False  # set when a URL was cut to fit: show then says where to read it whole
        self.ascii = self.console.encoding.lower() not in ("utf-8", "utf8", "utf_8")

    # -------------------------------------------------------- small helpers

    def w(self, key: str) -> str:
        return word(key, self.lang)

    def t(self, text) -> str:
        """A Text (or its JSON form) in the user's language, control characters shown visibly, and
        any record ID in it in readers' words (``words.readers_words``)."""
        text = visible(self.readers(pick(text, self.lang)))
        if self.lang == "zh":
            from .words import full_width

            text = full_width(self.one_form(text) if self.taiwan_form is not None else text)
        return text

    taiwan_form: str | None = None  # set by an answer that gathers several records' Chinese texts

    def settle_taiwan(self, rounds: Sequence[Round]) -> None:
        """One form of Taiwan's name (臺灣 or 台灣) for an answer that gathers the texts of several
        records, each written as its owner writes it: the form most of them use."""
        said = "".join(repr(r) for r in rounds)
        self.taiwan_form = "台灣" if said.count("台灣") > said.count("臺灣") else "臺灣"
        self.__dict__["_kept_names"] = [n for n in self._names_for(tuple(r.id for r in rounds), rounds) if "灣" in n and n not in ("臺灣", "台灣")]

    def one_form(self, text: str) -> str:
        """``text`` with Taiwan's name in the answer's one form, names that contain it (臺灣區塊鏈大聯盟)
        left as their owners write them."""
        other = "臺灣" if self.taiwan_form == "台灣" else "台灣"
        if other not in text:
            return text
        kept = [n for n in self.__dict__.get("_kept_names", ()) if other in n and n in text]
        if not kept:
            return text.replace(other, self.taiwan_form or other)
        import re

        parts = re.split("(" + "|".join(map(re.escape, sorted(kept, key=len, reverse=True))) + ")", text)
        return "".join(p if n % 2 else p.replace(other, self.taiwan_form or other) for n, p in enumerate(parts))

    def readers(self, text: str) -> str:
        """``text`` with the curators' pointers to other records left out and record IDs named."""
        from .words import id_patterns, readers_words

        if not text or "-" not in text:
            return text
        cache = self.__dict__.get("_record_names")
        if cache is None:
            names = {r.id: self.record_name(r) for r in self.ds.rounds.values()}
            names.update({d.id: pick(d.title, self.lang) or d.id for d in self.ds.documents.values()})
            cache = self.__dict__["_record_names"] = (names, id_patterns(names))
        return readers_words(text, *cache)

    def record_name(self, r: Round) -> str:
        """A round or meeting named in prose: ``EPPD round 6``, ``EPPD 第6屆``, a meeting by its name."""
        short = self.dialogue_name(r.dialogue)
        if r.round is not None:
            return f"{short} " + round_label(r.round, self.lang)
        return pick(r.name, self.lang) or f"{short} " + self.w(r.event or r.kind)

    def wording(self, label, name) -> str:
        """A topic's wording in a source (its label), when it says more than the topic's ``name``;
        in Chinese only when the data has it in Chinese (the topic's Chinese name then stands, not
        English in mid-sentence)."""
        if not label or (self.lang == "zh" and not getattr(label, "zh", None)):
            return ""
        text = self.t(label)
        return "" if text == self.t(name) else text

    def only_in(self, text) -> str:
        """A title or name in the reader's language, or, where the data has it only in the other,
        in that language, marked so (``（僅有英文名稱）``, `` (Chinese title only)``)."""
        shown = self.t(text)
        if shown and text is not None and not getattr(text, self.lang, None):
            shown += self.paren(self.w("only_in"))
        return shown

    def unknown(self) -> RText:
        return RText(self.w("unknown"), style="dim italic")

    def print(self, *items) -> None:
        for item in items:
            self.console.print(item)

    pick = t

    @staticmethod
    def dialogue_name(d_id: str | None) -> str:
        """The one short name of every dialogue in output for people: its ID in capitals (EPPD,
        USTTI), which is also what ``--dialogue`` takes, in any case."""
        return dialogue_label(d_id)

    def summary(self, r: Round) -> RoundSummary:
        from ..data.summary import summarize

        return summarize(self.ds, r)

    # The helpers below read a round summary (summary.RoundSummary).

    def date_text(self, date: PartialDate | None, end: PartialDate | None = None) -> RText:
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

    def lines(self, text: str, style: str = "", indent: str = "", first: str | None = None) -> None:
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

    def heading(self, text: str) -> RText:
        return RText("\n" + text, style="bold underline")

    def cites(self, ids, numbers: dict) -> RText:
        nums = [numbers[i] for i in ids if i in numbers]
        return RText(" " + "".join(f"[{n}]" for n in nums), style="cyan") if nums else RText()

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

    def bullets(self, items: list, mark: str = "•", indent: int = 0) -> Filled:
        """Items under a bullet with a hanging indent, so that long (and Chinese) text wraps in line."""
        mark = mark if not self.ascii or mark.isascii() else "*"
        return Filled([(" " * indent + mark + " ", item, "") for item in items])

    def kept(self, text: str, rounds: Sequence[Round] = (), indent: int = 8) -> str:
        """Prose from the data (a note, a follow-up) with every name it mentions kept whole when
        filled: people, places, organisations, topics, partners and dialogues, those of ``rounds``
        (``Round`` records) included."""
        from .layout import keep_names

        names = self._names_for(tuple(r.id for r in rounds), rounds)
        return keep_names(text, names, self.console.width - indent)

    def _names_for(self, key: tuple[str, ...], rounds: Sequence[Round]) -> dict[str, bool]:
        cache = self.__dict__.setdefault("_name_cache", {})
        if key in cache:
            return cache[key]
        names: dict[str, bool] = {}

        def add(text, person: bool) -> None:
            shown = self.t(text) if text else ""
            if shown:
                names[shown] = names.get(shown, False) or person

        if () not in cache:  # the names of the whole data, made once
            for person in self.ds.people.values():
                add(person.name, True)
            for group in (self.ds.topics, self.ds.themes, self.ds.partners, self.ds.dialogues):
                for item in group.values():
                    add(item.name, False)
            for d in self.ds.documents.values():
                add(d.title, False)
            if self.lang == "zh":  # Taiwan's own name, in either form
                names.update(dict.fromkeys(("臺灣", "台灣"), False))
            cache[()] = names
            if not key:
                return names
            names = dict(names)
        else:
            names.update(cache[()])
        for r in rounds:
            for v in r.venues:
                add(v, True)
            for p in (*r.participants, *(s for d in r.documents for s in self.ds.documents[d].signatories)):
                add(display_name(self.ds.people, p), True)
                add(p.organisation, False)
            for g in r.working_groups:
                add(g.name, False)
            for s in r.sources:
                add(s.publisher, False)
        cache[key] = names
        return names

    def round_name_short(self, s: RoundSummary) -> str:
        """``EPPD round 6`` for a numbered round, the meeting's own name otherwise."""
        if s.round is not None:
            return f"{self.dialogue_name(s.dialogue)} " + round_label(s.round, self.lang)
        return self.pick(s.name) or self.event_label(s)

    def round_name(self, s: RoundSummary) -> str:
        label = round_name(s.round, self.lang, otherwise=self.event_label(s))
        date = self.paren(str(s.date)) if s.date else ""
        return f"{self.dialogue_name(s.dialogue)} {label}{date}"
