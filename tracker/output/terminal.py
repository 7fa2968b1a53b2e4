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


def taiwan_form(records) -> str | None:
    """The form of Taiwan's name (臺灣 or 台灣) that the texts of ``records`` write most: 台灣 only
    when they write it more often than 臺灣, None when they write neither."""
    said: list[str] = []
    _strings(records, said)
    text = "\n".join(said)
    new, old = text.count("台灣"), text.count("臺灣")
    return None if not new and not old else "台灣" if new > old else "臺灣"


def _strings(value, out: list[str]) -> None:
    """Every string in ``value``: records (dataclasses), tuples and lists of them, walked through."""
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, (tuple, list)):
        for item in value:
            _strings(item, out)
    elif isinstance(value, dict):
        for key, item in value.items():
            _strings(key, out)
            _strings(item, out)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            _strings(getattr(value, name), out)


SIDE_ORDER = {"taiwan": 0, "partner": 1, "other": 2}  # leads and participants: Taiwan first, everywhere


class Writer:
    """Draws for one command: the console, the language and the data set."""

    def __init__(self, target: Target, ds: Dataset) -> None:
        self.ds = ds
        self.lang = target.lang
        self.console: Console = target.console or make_console(target.terminal, target.stream)
        self.width = self.console.width  # asked once: rich measures the terminal every time
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
        records, each written as its owner writes it: the form most of them use. Only Chinese
        output writes the name from the data, so only Chinese output counts."""
        if self.lang == "zh":
            self.taiwan_form = taiwan_form(rounds) or "臺灣"

    def one_form(self, text: str) -> str:
        """``text`` with Taiwan's name in the answer's one form.

        The names of the data are read through this too, once the form is chosen (``settle_taiwan``
        comes first), so a name that contains Taiwan's name (臺灣區塊鏈大聯盟) is written in the
        answer's form as well."""
        other = "臺灣" if self.taiwan_form == "台灣" else "台灣"
        return text.replace(other, self.taiwan_form or other)

    def readers(self, text: str) -> str:
        """``text`` with the curators' pointers to other records left out and record IDs named."""
        from .words import RecordIds

        if not text or "-" not in text:
            return text
        ids = self.__dict__.get("_record_ids")
        if ids is None:
            names = {r.id: self.record_name(r) for r in self.ds.rounds.values()}
            names.update({d.id: pick(d.title, self.lang) or d.id for d in self.ds.documents.values()})
            ids = self.__dict__["_record_ids"] = RecordIds(names)
        return ids.readers_words(text)

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
        self.emit(self.filled(text, style, indent, first))

    def filled(self, text: str, style: str = "", indent: str = "", first: str | None = None) -> list[RText]:
        """The lines of ``lines``, to be drawn by ``emit``."""
        from .layout import wrap

        return [RText(line, style=style) for line in wrap(text, self.width, indent, first)]

    def emit(self, lines: list[RText]) -> None:
        """Lines drawn as they are (never wrapped again, never cut), in one go."""
        if not lines:
            return
        if self.console.color_system is None and not self.console.record:  # styles draw nothing: plain text
            text = RText("\n".join(line.plain for line in lines))
        else:
            text = RText("\n").join(lines)
        self.console.print(text, no_wrap=True, overflow="ignore", crop=False, soft_wrap=True)

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

        if not text:
            return text
        return keep_names(text, self._names_in(text, rounds), self.width - indent)

    def _names_in(self, text: str, rounds: Sequence[Round]) -> dict[str, bool]:
        """The names of the data and of ``rounds`` that ``text`` holds, each True for a person's
        or a place's name: found through the first two characters of each name, so that a text is
        never compared with every name of the data."""
        names, by_start = self._data_names()
        found: dict[str, bool] = {}
        for start in {text[i:i + 2] for i in range(len(text) - 1)} & by_start.keys():
            for name in by_start[start]:
                if name in text:
                    found[name] = names[name]
        for name in by_start.get("", ()):  # names of one character
            if name in text:
                found[name] = names[name]
        for r in rounds:
            for name, person in self._round_names(r).items():
                if name in text:
                    found[name] = found.get(name, False) or names.get(name, False) or person
        return found

    def _data_names(self) -> tuple[dict[str, bool], dict[str, list[str]]]:
        """The names of the whole data (people, topics, themes, partners, dialogues, documents),
        each True for a person's; and the names by their first two characters. Made once per
        answer."""
        made = self.__dict__.get("_data_names_made")
        if made is not None:
            return made
        names: dict[str, bool] = {}

        def add(text, person: bool) -> None:
            shown = self.t(text) if text else ""
            if shown:
                names[shown] = names.get(shown, False) or person

        for person in self.ds.people.values():
            add(person.name, True)
        for group in (self.ds.topics, self.ds.themes, self.ds.partners, self.ds.dialogues):
            for item in group.values():
                add(item.name, False)
        for d in self.ds.documents.values():
            add(d.title, False)
        if self.lang == "zh":  # Taiwan's own name, in either form
            names.update(dict.fromkeys(("臺灣", "台灣"), False))
        by_start: dict[str, list[str]] = {}
        for name in names:
            by_start.setdefault(name[:2] if len(name) > 1 else "", []).append(name)
        made = self.__dict__["_data_names_made"] = (names, by_start)
        return made

    def _round_names(self, r: Round) -> dict[str, bool]:
        """The names a round's record holds: venues, participants and signatories (True, as
        people's and places' names), their organisations, working groups and publishers."""
        cache = self.__dict__.setdefault("_round_names_made", {})
        if r.id in cache:
            return cache[r.id]
        names: dict[str, bool] = {}

        def add(text, person: bool) -> None:
            shown = self.t(text) if text else ""
            if shown:
                names[shown] = names.get(shown, False) or person

        for v in r.venues:
            add(v, True)
        for p in (*r.participants, *(s for d in r.documents for s in self.ds.documents[d].signatories)):
            add(display_name(self.ds.people, p), True)
            add(p.organisation, False)
        for g in r.working_groups:
            add(g.name, False)
        for s in r.sources:
            add(s.publisher, False)
        cache[r.id] = names
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
