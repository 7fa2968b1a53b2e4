"""The drafter: the dialogue, round, date, format and venues, people and topics of one article, as a round record."""

from __future__ import annotations

import datetime as _dt
import re

from ..data.model import PartialDate
from ..errors import InputError
from .article import Article, parse_article, sentences
from .dates import BACKGROUND_DAYS, DateReading, present_part
from .people import PeopleReading
from .records import (
    ONCE,
    Draft,
    Fact,
    Known,
    RoundInfo,
    _Building,
    event_kinds,
    same_kind,
)
from .text import _BACKGROUND, _CN_NUM, _EN_ORD, _MONTHS, _PRESS, CJK, _find, _names
from .topics import TopicReading

# The kinds of dialogue whose every signing, launch or meeting is about the agreement itself.
_TRADE_KINDS = ("trade-negotiation", "trade-framework")

# Records dated this many days before or after an undated article's own date may be the event it reports.
NEAR_BEFORE, NEAR_AFTER = 14, 30

# How a meeting was held, as an article states it (clause by clause).
_HYBRID = re.compile(r"混合|實體(?:與|及|和|暨|、)視訊|視訊(?:與|及|和|暨|、)實體|hybrid|both virtual and (?:physical|in-person)|"
                     r"both in person and (?:virtual|online|by video)|mixed (?:formula|format|mode)", re.IGNORECASE)
_VIRTUAL = re.compile(r"視訊|(?:線上|遠距)(?:方式|會議|會談|舉行|進行|對話)|video|tele-?conferenc|virtual(?:ly)?\b(?!\s+(?:assets?|currenc))|"
                      r"online\s+(?:meeting|dialogue|talks|session|format)|\b(?:held|met|chaired|convened)\b[^.;,]{0,40}\bonline\b", re.IGNORECASE)
_IN_PERSON = re.compile(r"實體|面對面|in person|in-person|face-to-face", re.IGNORECASE)
# a person or one side by video: 透過視訊參與, 以視訊方式致詞, joined virtually, led the Taiwan end … by videoconference from
_JOINED = re.compile(r"(?:視訊|線上)[^，。]{0,4}(?:參與|參加|出席|致詞|與會|連線)|(?:參與|出席|致詞|連線)[^，。]{0,4}(?:視訊|線上)|"
                     r"\bjoin(?:ed|ing)?\b|\bend of the\b|\bfrom (?:Taipei|Washington|Brussels|London|Tokyo)|\bremarks\b|"
                     r"\bparticipat", re.IGNORECASE)


# the title of a preview: the meeting is still to come
_PREVIEW = re.compile(r"\bto (?:hold|meet|begin|start|resume|convene)\b|\bwill (?:hold|meet|begin|start|convene)\b|將(?:於|在)?[^，。]{0,10}(?:舉行|召開|展開)|即將",
                      re.IGNORECASE)
# another meeting a sentence dates its event by: "announced the talks after a videoconference", 視訊會議後
_OTHER_MEETING = re.compile(r"\b(?:after|following|before|ahead of|prior to)\s+(?:an?\s+|the\s+|their\s+)?(?:[\w-]+\s+){0,2}?"
                            r"(?:video\s*conference|videoconference|video call|virtual meeting|online meeting)\b|"
                            r"(?:視訊|線上)(?:會議|會談)?(?:後|之後|前|之前)", re.IGNORECASE)

_ROUND_OF = re.compile(r"\s+(?:round|meeting|session)\s+(?:of\s+(?:talks|the\s+talks|negotiations)\s+)?(?:of|under|in)\s+(?:the\s+)?",
                       re.IGNORECASE)


class Drafter(DateReading, PeopleReading, TopicReading):
    def __init__(self, ds, art: Article, today: _dt.date, rounds=None):
        self.ds, self.art, self.today = ds, art, today
        self.known = Known.gather(ds.rounds.values() if rounds is None else rounds)
        self.sents: list[tuple[int, str]] = []  # (paragraph index, sentence)
        for i, line in enumerate(art.lines):
            for s in sentences(line):
                self.sents.append((i, s))
        self.messages: list[str] = []
        self.lang = art.language
        self._partial = None  # what the article says of a date it gives only in part
        self._did = None
        self._event: str | None = None  # the milestone the article reports, if any
        self._events: list[str] = []  # and every milestone its headline and first sentences name

    def say(self, message: str) -> None:
        self.messages.append(message)

    def text(self, value: str) -> dict:
        return {self.lang: value}

    # ---------------------------------------------------------------- dialogue

    def dialogue(self, override: str | None) -> tuple[str, str]:
        from ..query import resolve_dialogue

        if override:
            return resolve_dialogue(self.ds, override), ""
        title = self.art.title or ""
        scored: list[tuple[int, str, str]] = []
        for d in self.ds.dialogues.values():
            names = _names(d.name, d.short, *d.aliases)
            partner_names, after_partner = self._partner_qualified(d, names)
            score, first = 0, None
            for _, s in self.sents:
                hits = sum(len(_find(n, s)) for n in names)
                if not hits and any(_find(p, s) for p in partner_names):
                    hits = sum(len(_find(n, s)) for n in after_partner)
                if hits and first is None:
                    first = s
                score += hits
            score += 3 * sum(len(_find(n, title)) for n in names)
            if score:
                scored.append((score, d.id, first or title))
        if not scored:
            return "", ""
        # a dialogue whose partner the article names wins over one whose partner it never names
        # (數位貿易協議 in a story about the United Kingdom is not the Taiwan–Japan agreement)
        whole = title + "\n" + self.art.text
        named = {pid for pid in self.ds.partners if self._names_partner(pid, whole)}
        with_partner = [c for c in scored if self.ds.dialogues[c[1]].partner in named]
        if not with_partner and named:  # the article names partners, none of them this dialogue's
            return "", ""
        _, best, best_sent = max(with_partner or scored, key=lambda c: c[0])
        return best, best_sent

    def _names_partner(self, pid: str, text: str) -> bool:
        """Whether ``text`` names the partner: its names and aliases, a one-character alias only in 台美 or 美台."""
        partner = self.ds.partners.get(pid)
        if partner is None:
            return False
        for n in _names(partner.name, *partner.aliases):
            forms = [n] if len(n) >= 2 else [f"台{n}", f"{n}台"]
            if any(_find(f, text) for f in forms):
                return True
        return False

    def _partner_qualified(self, d, names: list[str]) -> tuple[list[str], list[str]]:
        """The partner's names, and what the dialogue's names say after the partner's name ("Taiwan–Japan digital
        trade agreement" gives "digital trade agreement"): such a name counts only in a sentence that names the partner."""
        partner = self.ds.partners.get(d.partner)
        if partner is None:
            return [], []
        partner_names = [n for n in _names(partner.name, *partner.aliases) if len(n) >= 2]
        after = []
        for n in names:
            for p in partner_names:
                spots = _find(p, n)
                if spots:
                    rest = n[spots[0][1]:].strip(" -–—")
                    if len(rest.split()) >= 3 or (not rest.isascii() and len(rest) >= 4):
                        after.append(rest)
        return partner_names, list(dict.fromkeys(after))

    def qualified_names(self, did: str, sentence: str | None) -> list[str]:
        """The dialogue's names that count only beside its partner's name; with a sentence, only if it names the partner."""
        d = self.ds.dialogues[did]
        partner_names, after = self._partner_qualified(d, self.dialogue_names(did))
        if sentence is not None and not any(_find(p, sentence) for p in partner_names):
            return []
        return after

    def dialogue_names(self, did: str) -> list[str]:
        d = self.ds.dialogues[did]
        return _names(d.name, d.short, *d.aliases)

    # ---------------------------------------------------------------- round number

    def round_number(self, did: str) -> Fact | None:
        names = self.dialogue_names(did)
        num = r"(\d{1,2}|[一二三四五六七八九十]{1,3})"
        zh = re.compile(r"(?:第\s*" + num + r"\s*(?:屆|次|輪)|(首)\s*屆)")
        en = re.compile(r"\b(first|inaugural|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,2}(?:st|nd|rd|th))\b", re.IGNORECASE)
        for s in [*(s for _, s in self.sents), self.art.title or ""]:  # the body first: its sentence is the better quote
            spots = [a for n in names for a, _ in _find(n, s)]
            if not spots:
                continue
            best = None
            for m in list(zh.finditer(s)) + list(en.finditer(s)):
                # the ordinal must qualify the dialogue: close before it, as in 第6屆「…」 or "the sixth EPPD"
                gaps = [p - m.end() for p in spots if 0 <= p - m.end() <= 6
                        or _ROUND_OF.fullmatch(s, m.end(), p)]  # the fourth round of talks under the …
                if not gaps:
                    continue
                if re.search(r"以來|since", s[m.end():m.end() + 20], re.IGNORECASE):
                    continue
                value = self._ordinal(m.group(0))
                if value and (best is None or m.start() < best[0]):
                    best = (m.start(), value)
            if best:
                return Fact(best[1], s)
        return None

    @staticmethod
    def _ordinal(word: str) -> int | None:
        w = word.strip().lower()
        if w in _EN_ORD:
            return _EN_ORD[w]
        m = re.search(r"\d+", w)
        if m:
            return int(m.group(0))
        core = re.sub(r"[第屆次輪\s]", "", word)
        if core == "首":
            return 1
        if core and all(c in _CN_NUM for c in core):
            if core == "十":
                return 10
            if core.startswith("十"):
                return 10 + _CN_NUM[core[1]]
            if len(core) == 2 and core[1] == "十":
                return _CN_NUM[core[0]] * 10
            if len(core) == 3 and core[1] == "十":
                return _CN_NUM[core[0]] * 10 + _CN_NUM[core[2]]
            if len(core) == 1:
                return _CN_NUM[core]
        return None

    # ---------------------------------------------------------------- date
    # ---------------------------------------------------------------- format and venue

    def format(self, did: str) -> tuple[str | None, str]:
        """The format the article states for the meeting it reports: hybrid only when it says so (both ways at
        once), virtual or in person only when it says the meeting was held so; a person who joined by video is
        not the meeting's format, and two statements that disagree leave the format out with a note."""
        stated: dict[str, str] = {}
        joined = ""
        if _PREVIEW.search(self.art.title or ""):
            return None, ""  # "… to Hold Meetings in New York": a preview says how a meeting is to be held, not how it was
        for s in self.meeting_sentences(did):
            if _PRESS.search(s) or _BACKGROUND.search(s) or s == self.art.title or self._dated_before(s):
                continue  # a headline has no tense: a preview's reads like a report's
            for clause in re.split(r"[，,;；]", _OTHER_MEETING.sub("", present_part(s))):
                if _HYBRID.search(clause):
                    return "hybrid", s
                for fmt, cue in (("virtual", _VIRTUAL), ("in-person", _IN_PERSON)):
                    if cue.search(clause):
                        if fmt == "virtual" and _JOINED.search(clause):
                            joined = joined or s  # one side or one person by video: not the meeting's format
                        else:
                            stated.setdefault(fmt, s)
        if len(stated) > 1:
            self.say(f"format: the article says both {stated['in-person']!r} and {stated['virtual']!r}; no format drafted")
            return None, ""
        if joined and stated.get("in-person"):
            self.say(f"format: the meeting was held in person but someone joined by video (in: {joined}); "
                     "in-person or hybrid? no format drafted")
            return None, ""
        if stated:
            fmt, sentence = next(iter(stated.items()))
            return fmt, sentence
        return None, ""

    def _dated_before(self, s: str) -> bool:
        """Whether sentence ``s`` dates what it tells more than two weeks before the article: an earlier event."""
        anchor = self.art.anchor
        if anchor is None:
            return False
        kept = getattr(self, "_refused", []), self._partial
        try:
            found = self._dates_in(present_part(s), anchor)
        finally:
            self._refused, self._partial = kept
        return any(date is not None and (anchor - date.first_day()).days > BACKGROUND_DAYS for date, *_ in found)

    def venues(self, did: str) -> list[tuple[dict, str]]:
        known = self.known.venues
        out, seen = [], set()
        pat = re.compile(r"(?:在|於)\s*(?:美國|歐盟|日本|英國)?\s*([" + CJK + r"A-Za-z .]{2,8}?)\s*(?:舉行|召開|舉辦|登場|會面)")
        en = re.compile(r"(?:\b(?:held|met|hosted|convened|took place)\b[^.;]{0,80}?)\bin\s+([A-Z][A-Za-z.]+(?:,\s+D\.C\.)?)")
        for s in self.meeting_sentences(did):
            if _PRESS.search(s) or _BACKGROUND.search(s):
                continue
            now = present_part(s)
            for m in list(pat.finditer(now)) + list(en.finditer(now)):
                place = m.group(1).strip(" ")
                if place.endswith(".") and not place.endswith("D.C."):
                    place = place[:-1]
                if re.search(r"視訊|線上|方式|會議|期間|video|person", place, re.IGNORECASE) or place in seen or place[:3].lower() in _MONTHS:
                    continue
                if any(_find(n, place) for n in self.dialogue_names(did)):
                    continue
                seen.add(place)
                v = known.get(place)
                value = {"en": v.en, "zh": v.zh} if v else {("en" if place.isascii() else "zh"): place}
                out.append(({k: x for k, x in value.items() if x}, s))
        return out


    def build(self, *, dialogue=None, round_no=None, source_url=None, publisher=None) -> Draft:
        self._index = self._topic_index()
        did, dsent = self.dialogue(dialogue)
        if not did:
            raise InputError(
                "the article is about no known dialogue: it names none of the dialogues in the data "
                f"({', '.join(sorted(self.ds.dialogues))}); give --dialogue if it is about one of them"
            )
        self._did = did
        b = _Building()
        number = round_no if round_no is not None else self._stated_number(b, did)
        date, end, dsentence, how = self.date(did)
        if round_no is None and number is not None:
            number = self._checked_number(b, did, number, date)
        if number is None and round_no is None and date is not None:
            number = self._next_number(b, did, date)
        rid, kind = self._round_id(did, number, date)
        existing = self.known.rounds.get(rid) or self._same_day(did, date)
        if existing is not None and len(self._events) > 1 and existing.id == rid:
            existing = None  # the article names several kinds of event: the records of each are named together
        if (existing is not None and existing.id == rid and date is not None and date.day is not None
                and existing.date is not None and existing.date.day is not None
                and abs((existing.date.first_day() - date.first_day()).days) > 3):
            existing = None  # a signing of 2031 is not the signing of 2023 the ID names
        near: list[RoundInfo] = []
        near_how = ""
        if existing is None:
            near, near_how, sure = self._near(did, date, kind)
            if len(near) == 1 and sure:
                existing = near[0]
                self.say(f"duplicate: {existing.id} ({existing.date}) was found by {near_how}")
        if date is None and how and existing is not None and not near and self._consistent(existing.date):
            # the article gives the date only in part; the round it is about (by its number or ID) completes it
            date, end = existing.date, existing.end_date
            how = f"{how}; the full date is that of {existing.id}, already in the data"
        b.rec["id"] = rid
        b.rec["dialogue"] = did
        b.fact(("dialogue",), dsent)
        self._draft_number_or_name(b, number, kind)
        self._draft_date(b, date, end, dsentence, how)
        self._draft_format_and_venues(b, did)
        source_id = "article"
        self._draft_participants(b, number, source_id)
        self._draft_topics(b, source_id, self._subject(did, number))
        for u in b.unverified:
            u["sources"] = [source_id]
        if b.unverified:
            b.rec["unverified"] = b.unverified
        b.rec["sources"] = [self._source(source_id, source_url, publisher)]
        b.rec["last_verified"] = self.today.isoformat()
        b.comments[("last_verified",)] = "the day of the draft: set it when you have checked every fact"
        draft = Draft(b.rec, b.comments, self.messages)
        if existing is None:
            draft.near, draft.near_how = [(r.id, str(r.date)) for r in near], near_how
        if existing is not None:
            draft.existing = existing.path or existing.id
            draft.existing_id = existing.id
        return draft

    def _near(self, did: str, date: PartialDate | None, kind: str | None) -> tuple[list[RoundInfo], str, bool]:
        """Records of the dialogue that may be the event the article reports, when no record has its round or
        its date: within a few days of its date, on the day and month it gives without a year, within the weeks
        around the article's own date, or — when the article dates nothing — every record of its kind."""
        mine = sorted((r for r in self.known.rounds.values() if r.dialogue == did and r.date is not None),
                      key=lambda r: r.date.sort_key() if r.date else ())
        if not mine:
            return [], "", False
        kinds = self._events if kind == "milestone" else []

        def pick(found: list[RoundInfo], how: str) -> tuple[list[RoundInfo], str, bool]:
            """The records of the kind of event the article reports, when there are any; one is the event only
            when it is of that kind and the article names no other kind."""
            same = [r for r in found if same_kind(r, kinds)]
            return same or found, how, bool(same) and len(kinds) <= 1

        def days(r: RoundInfo, day: _dt.date) -> int | None:
            return None if r.date is None or r.date.day is None else (r.date.first_day() - day).days

        if date is not None and date.day is not None:
            found = [r for r in mine if (d := days(r, date.first_day())) is not None and abs(d) <= 3]
            return pick(found, f"the draft's date {date}")
        if self._partial and self._partial[0] == "monthday":
            month, day = self._partial[1]
            found = [r for r in mine if r.date and (r.date.month, r.date.day) == (month, day)]
            if found:
                return pick(found, f"the day and month the article gives without a year ({month}-{day})")
        anchor = self.art.anchor
        if anchor is not None:
            found = [r for r in mine if (d := days(r, anchor)) is not None and -NEAR_BEFORE <= d <= NEAR_AFTER]
            return pick(found, f"the article's own date {anchor} (records from {NEAR_BEFORE} days before it to {NEAR_AFTER} after)")
        same = [r for r in mine if same_kind(r, kinds)]
        # by the dialogue alone a record is the event only when the dialogue has one event of the kind (one launch)
        return same[-6:], "the dialogue alone (the article dates nothing)", len(same) == 1 and self._event in ONCE and len(kinds) == 1

    def _same_day(self, did: str, date: PartialDate | None) -> RoundInfo | None:
        """A record of the dialogue in the data dated within a day of ``date`` (a full date)."""
        if date is None or date.day is None:
            return None
        day = date.first_day()
        for r in self.known.rounds.values():
            if r.dialogue == did and r.date is not None and r.date.day is not None and abs((r.date.first_day() - day).days) <= 1:
                return r
        return None

    def _checked_number(self, b: _Building, did: str, number: int, date: PartialDate | None) -> int | None:
        """The article's round number, unless the data says otherwise: a dialogue the data does not number keeps
        its meetings unnumbered, and a number whose round in the data has another date gives way to the date."""
        mine = [r for r in self.known.rounds.values() if r.dialogue == did]
        if mine and all(r.round is None for r in mine):
            self._forget_number(b)
            self.say(f"round: the article gives {number}, but the data numbers no {did} meetings; the draft is named by its date")
            return None
        known = self.known.rounds.get(f"{did}-{number}")
        if date is None or date.day is None or known is None or known.date is None or known.date.day is None:
            return number
        if abs((known.date.first_day() - date.first_day()).days) <= 1:
            return number
        self._forget_number(b)
        same = self._same_day(did, date)
        if same is not None and same.round is not None:
            self.say(f"round: the article's {number} is {known.id} of {known.date}, not the meeting of {date}; that is {same.id}")
            return same.round
        self.say(f"round: the article's {number} is {known.id} of {known.date}, not the meeting of {date}; no round drafted")
        return None

    @staticmethod
    def _forget_number(b: _Building) -> None:
        b.comments.pop(("round",), None)
        b.unverified[:] = [u for u in b.unverified if u["about"] != "round"]

    def _stated_number(self, b: _Building, did: str) -> int | None:
        """The round number the article gives, if it gives one."""
        f = self.round_number(did)
        if not f:
            return None
        b.fact(("round",), f.sentence)
        b.doubt("round", self.text(f.sentence))
        return f.value if isinstance(f.value, int) else None

    def _next_number(self, b: _Building, did: str, date: PartialDate) -> int | None:
        """The number after the dialogue's latest round in the data, when the article is dated after it."""
        numbered = [r for r in self.known.rounds.values() if r.dialogue == did and r.round is not None]
        if not numbered:
            return None
        latest = max(numbered, key=lambda r: r.round)
        if latest.date is not None and latest.date.sort_key() >= date.sort_key():
            return None
        self.say(f"round: the article gives no round number; the next after {latest.id} ({latest.date}) in the data would be "
                 f"{latest.round + 1}; give --round if it is that round")
        return None

    def _round_id(self, did: str, number: int | None, date: PartialDate | None) -> tuple[str, str | None]:
        """The record's ID, and its kind when it has no number: a launch is a milestone, else a meeting."""
        if number is not None:
            return f"{did}-{number}", "round"
        self._events = event_kinds([self.art.title or "", *(s for _, s in self.sents[:2])])
        self._event = self._events[0] if self._events else None
        slug = self._event or (str(date) if date else "new")
        return f"{did}-{slug}", "milestone" if self._event else "meeting"

    def _agreement_name(self) -> tuple[str, str] | None:
        """The name of the agreement signed or put into force, as the article gives it, with its sentence."""
        zh = re.compile(r"(?:簽署|簽訂|生效)(?:了)?「?([^，。、「」()（）\s]{2,30}?(?:協定|協議|備忘錄|安排|宣言|聲明))")
        zh_before = re.compile(r"「([^「」]{2,30}?(?:協定|協議|備忘錄|安排|宣言|聲明))」[^，。]{0,6}(?:生效|簽署)")
        en = re.compile(r"(?:signed|inked)\s+(?:an?\s+|the\s+)?((?:[\w.'()-]+\s+){0,12}?(?:[Aa]greement|Arrangement|Memorandum|Declaration)"
                        r"(?:\s+under the [\w.' -]+?(?=\s+(?:at|in|with|by|via)\s|[,.;](?:\s|$)))?)")
        for _, s in self.sents[:6]:
            m = zh.search(s) or zh_before.search(s) or en.search(s)
            if m:
                return m.group(1).strip(), s
        return None

    def _draft_number_or_name(self, b: _Building, number: int | None, kind: str | None) -> None:
        if number is not None:
            b.rec["round"] = number
            return
        b.rec["kind"] = kind
        if kind == "milestone":
            b.rec["event"] = self._event
        agreement = self._agreement_name() if self._event in ("signing", "entry-into-force") else None
        event = agreement or self._event_name()
        if event:
            b.rec["name"] = self.text(event[0])
            b.fact(("name",), event[1])
        elif self.art.title:
            b.rec["name"] = self.text(self.art.title)
            b.fact(("name",), "the article's title")

    def _draft_date(self, b: _Building, date, end, dsentence: str, how: str) -> None:
        if date is not None:
            b.rec["date"] = str(date)
            if end is not None and end.sort_key() > date.sort_key():
                b.rec["end_date"] = str(end)
            b.fact(("date",), dsentence)
            note = "Drafted from the article" + (f"; {how}" if how else "") + "."
            b.rec["date_note"] = {"en": note}
            b.doubt("date", self.text(dsentence or how))
        elif how:
            self.say(f"date: {how}; no date drafted" + (f" (in: {dsentence})" if dsentence else ""))

    def _draft_format_and_venues(self, b: _Building, did: str) -> None:
        fmt, fsent = self.format(did)
        if fmt:
            b.rec["format"] = fmt
            b.fact(("format",), fsent)
            b.doubt("format", self.text(fsent))
        venues = self.venues(did)
        if venues:
            b.rec["venues"] = [v for v, _ in venues]
            b.fact(("venues",), venues[0][1])
            b.doubt("venues", self.text(venues[0][1]))

    def _draft_participants(self, b: _Building, number: int | None, source_id: str) -> None:
        """The people the article names: those in people.yaml by ID, the others by their title, with a note."""
        participants = []
        people = self.participants()
        if number is None:  # a launch or a meeting held by an organisation: its head is the host
            self.hosts(people)
            people.sort(key=lambda e: not (e["lead"] or e.get("host")))
        known_names: set[str] = set()
        for e in people:
            person = self.ds.people[e["person"]]
            known_names.update(n for n in (person.name.zh, person.name.en) if n)
            participants.append((self._known_participant(e, source_id), e["sentences"][0]))
        for u, s in self.unknown_people(known_names):
            participants.append((self._unknown_participant(u, s, source_id), s))
        if participants:
            b.rec["participants"] = [p for p, _ in participants]
            for i, (_, s) in enumerate(participants):
                b.fact(("participants", i), s)

    def _known_participant(self, e: dict, source_id: str) -> dict:
        p = {"person": e["person"], "side": self._side(e), "role": e.get("role") or ("lead" if e["lead"] else "host" if e.get("host") else "participant")}
        if e["title"]:
            p["title"] = e["title"]
        if e["attendance"]:
            p["attendance"] = e["attendance"]
        p["unverified"] = True
        p["sources"] = [source_id]
        return p

    def _unknown_participant(self, u: dict, s: str, source_id: str) -> dict:
        """Someone the article names who is not in people.yaml: by organisation, with a note to add them."""
        both = " (".join(n for n in (u["en"], u["zh"]) if n) + (")" if u["en"] and u["zh"] else "")
        both_zh = "（".join(n for n in (u["zh"], u["en"]) if n) + ("）" if u["en"] and u["zh"] else "")
        self.say(f"person not in people.yaml: {both}, {u['title']} (in: {s})")
        return {
            "organisation": {("en" if u["title"].isascii() else "zh"): u["title"]},
            "side": self._side_of_title(u["title"]),
            "role": u.get("role") or ("lead" if u["lead"] else "participant"),
            "note": {
                "en": f"The article names {both}, who is not in people.yaml: add the person there and cite them with person:.",
                "zh": f"報導提及{both_zh}，people.yaml尚無此人：請新增後以person:引用。",
            },
            "unverified": True,
            "sources": [source_id],
        }

    def _subject(self, did: str, number: int | None) -> tuple[str, str, str] | None:
        """The topic of the agreement itself, for a signing, launch or meeting of a trade negotiation or framework:
        (topic, the agreement's name as the article gives it, its sentence)."""
        if number is not None or str(self.ds.dialogues[did].kind) not in _TRADE_KINDS:
            return None
        agreement = self._agreement_name() if self._event in ("signing", "entry-into-force") else None
        if agreement is None:
            for _, s in self.sents:
                spots = [(a, b) for n in self.dialogue_names(did) + self.qualified_names(did, s) for a, b in _find(n, s)]
                if spots:
                    a, b = max(spots, key=lambda x: x[1] - x[0])
                    agreement = (s[a:b].strip("「」《》\"' "), s)
                    break
        if agreement is None:
            return None
        tid = self.best_topic(agreement[0]) or self.best_topic(self.ds.dialogues[did].name.en or "")
        return (tid, agreement[0], agreement[1]) if tid else None

    def _draft_topics(self, b: _Building, source_id: str, subject: tuple[str, str, str] | None = None) -> None:
        topics = self.topics(source_id, subject)
        if topics:
            b.rec["topics"] = [t for t, _ in topics]
            for i, (_, s) in enumerate(topics):
                b.fact(("topics", i), s)
                for j, o in enumerate(b.rec["topics"][i].get("outcomes", ())):
                    b.fact(("topics", i, "outcomes", j), o.pop("_sentence"))

    def _source(self, source_id: str, source_url: str | None, publisher: str | None) -> dict:
        """The article as the record's one source."""
        src: dict[str, object] = {"id": source_id}
        pub = publisher or self.art.publisher
        if not pub:
            self.say("source: the article does not say who published it; give --publisher")
            pub = "unknown publisher"
        src["publisher"] = {("zh" if re.search(f"[{CJK}]", pub) else "en"): pub}
        url = source_url or self.art.url
        if url:
            src["url"] = url
        if self.art.title:
            src["title"] = self.text(self.art.title)
        if self.art.published:
            src["date"] = self.art.published.isoformat()
        src["language"] = self.lang
        src["note"] = {"en": "The article this draft was made from with `tracker draft`."}
        return src

    def _event_name(self) -> tuple[str, str] | None:
        """The event as the article names it: 台美企業聯盟成立大會, the launch ceremony of …"""
        zh = re.compile(r"(?:舉辦|舉行|召開|主辦)(?:了)?([" + CJK + r"A-Za-z0-9「」-]{2,24}?(?:成立大會|啟動儀式|啟動典禮|簽署儀式|簽約儀式|開幕典禮|成立典禮))")
        en = re.compile(r"\b(?:held|hosted)\s+(?:the|a)\s+((?:[A-Za-z0-9'.-]+\s+){0,8}?(?:launch|signing|opening) ceremony(?: of (?:the )?[A-Z][A-Za-z.'-]*(?:\s+[A-Z][A-Za-z.'-]*)*)?)")
        for _, s in self.sents:
            m = zh.search(s) or en.search(s)
            if m:
                return m.group(1).strip("「」 "), s
        return None



def make_draft(ds, text: str, today: _dt.date, *, dialogue=None, round_no=None, source_url=None, publisher=None, published=None, rounds=None) -> Draft:
    """The draft of ``text``; ``rounds`` (default: every round of ``ds``) may be any iterable of Round records."""
    art = parse_article(text, published)
    draft = Drafter(ds, art, today, rounds).build(dialogue=dialogue, round_no=round_no, source_url=source_url, publisher=publisher)
    if art.original is not None:  # the quotes in the article's own (simplified) characters
        draft.comments = {path: art.as_written(sentence) for path, sentence in draft.comments.items()}
    return draft

