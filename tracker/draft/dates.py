"""Dates in an article: the meeting dates a sentence gives, read against the day the story speaks from."""

from __future__ import annotations

import bisect
import datetime as _dt
import re

from ..data.dates import parse_date
from ..data.model import PartialDate
from ..errors import InputError
from .reading import Reading
from .records import event_kinds
from .text import _FUTURE, _MEETING_VERB, _MONTHS, _PRESS, _WEEKDAYS, _find


def calendar_day(year, month, day) -> PartialDate | None:
    """The day, when the calendar has it."""
    try:
        _dt.date(year, month, day)
    except ValueError:
        return None
    return PartialDate(year, month, day)

def year_for(month: int, day: int, anchor: _dt.date | None) -> int | None:
    """The year of a month and day the article gives without one: the anchor's, or the year before."""
    if anchor is None:
        return None
    try:
        candidate = _dt.date(anchor.year, month, day)
    except ValueError:
        return anchor.year
    # a meeting reported after the turn of the year: "Dec 30" in a January article
    if (candidate - anchor).days > 183:
        return anchor.year - 1
    return anchor.year

def day_before(anchor: _dt.date, day: int) -> PartialDate | None:
    """The day ``day`` of the anchor's month, or of the month before when it is later than the anchor."""
    year, month = anchor.year, anchor.month
    if day > anchor.day + 1:  # "27日" in an article of the 3rd: the month before
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    try:
        found = _dt.date(year, month, day)
    except ValueError:
        return None
    if (anchor - found).days > 10:  # "25日" in an article of the 10th: last month's, or this month's still to come
        return None
    return PartialDate(year, month, day)


_VERB_AFTER = re.compile(r"\s*(?:至\s*\d{1,2}\s*日\s*)?(?:起\s*)?(?:在|於)?[^，。；]{0,14}?" + _MEETING_VERB)
_DISPATCH_AFTER = re.compile(r"\s*(?:專)?電")
_RELATIVE_DAY = re.compile(r"今天|今日|昨天|昨日|前天|\btoday\b|\byesterday\b|this morning", re.IGNORECASE)
_EN_DONE = re.compile(r"\b(?:held|signed|inked|met|co-?chaired|launched|took effect|came into (?:effect|force))\b", re.IGNORECASE)
# a date followed by these is when something was said or announced, not when the meeting was held
_STATEMENT_AFTER = re.compile(
    r"\s*[)）]?\s*(?:[，,]\s*)?(?:(?:在|於|透過|接受|on)\s*[^，。,;；]{0,10}?(?:上|中|時|\s)?\s*)?(?:發表|發布|發佈|公布|表示|指出|宣布|證實|說明|说|說|透過新聞稿|以新聞稿|\s*said|announced|issued|stated)"
)
# the night before the story's day, or the small hours of it: which calendar day the meeting fell on
# depends on the hour of posting and on the time zone, so no day is counted from the story's date
NIGHT = re.compile(r"昨晚|昨夜|昨天晚上|昨日晚間|昨晚間|今天?凌晨|今晨|深夜|半夜|\blast night\b|\bovernight\b|"
                   r"\blate (?:on )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday)\b|\bearly (?:this|today) morning\b",
                   re.IGNORECASE)
# a day given in a named time zone: counted from the story's date it may be a day off
ZONE = re.compile(r"(?:台灣|臺灣|台北|臺北|美東|美西|美國|華府|歐洲|布魯塞爾|倫敦|東京|當地)時間|"
                  r"\b(?:Taiwan|Taipei|U\.?S\.?|Washington|Brussels|London|Tokyo|local|Eastern|Pacific|Central European)"
                  r"(?:\s+(?:Standard|Daylight))?\s+time\b|\b(?:EST|EDT|PST|PDT|GMT|UTC|CET|CEST)\b", re.IGNORECASE)
# a sentence about another, earlier event than the one reported: its dates are never this event's
BACKGROUND_DATE = re.compile(r"上屆|上一屆|前一屆|前次|上次|上一輪|前一輪|最近一次|時任|去年|\bprevious\b|\bprior\b|"
                             r"\blast (?:year|round|meeting|dialogue|session|time)\b", re.IGNORECASE)
# an ordinal of a round, meeting or session: "the first round", 第二輪, 首次談判
_EN_ORDINALS = {"first": 1, "inaugural": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                "eighth": 8, "ninth": 9, "tenth": 10}
ORDINAL = re.compile(r"\b(first|inaugural|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))\s+"
                     r"(?:\w+\s+){0,3}?(?:round|meeting|session|dialogue|talks)\b|第\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:輪|屆|次)|(首)\s*(?:輪|屆|次)",
                     re.IGNORECASE)


def ordinal_in(s: str) -> int | None:
    """The number of the round a sentence names first: 'the second round' 2, 第三屆 3, 首次 1."""
    m = ORDINAL.search(s)
    if not m:
        return None
    if m.group(1):
        w = m.group(1).lower()
        return _EN_ORDINALS[w] if w in _EN_ORDINALS else int(w[:-2])
    if m.group(3):
        return 1
    w = m.group(2)
    return int(w) if w.isdigit() else cn_number(w)


# a sentence about a meeting still to come, or a rumour of one: its dates are not the meeting's
FUTURE_DATE = re.compile(r"將於|預計|預定|外傳|即將|will be held|will hold|is expected to|scheduled", re.IGNORECASE)


# a headline's infinitive of what is to come: "Taiwan and US to hold talks"
_TO_COME = re.compile(r"\bto (?:hold|meet|sign|host|convene|resume)\b", re.IGNORECASE)
# a past verb: what the sentence reports has happened
_DONE = re.compile(r"\b(?:held|met|signed|inked|concluded|launched|took place|announced|agreed)\b|舉行了|已於|已經|完成|召開了|簽署了|登場|落幕",
                   re.IGNORECASE)


_ZH_WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
# a weekday just before a date (週三(1日), Wednesday, June 1) or just after it (1日(週三), June 1 (Wednesday))
_WEEKDAY_BEFORE = re.compile(
    r"(?:(?:週|周|星期|禮拜)([一二三四五六日天])|\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)\s*[,，]?\s*[（(]?\s*$",
    re.IGNORECASE)
_WEEKDAY_AFTER = re.compile(
    r"\s*[（(,，]?\s*(?:(?:週|周|星期|禮拜)([一二三四五六日天])|\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)",
    re.IGNORECASE)


def stated_weekday(s: str, start: int, end: int) -> int | None:
    """The weekday the sentence gives beside the date at [start, end), if it gives one (0 is Monday)."""
    m = _WEEKDAY_BEFORE.search(s[max(0, start - 14):start]) or _WEEKDAY_AFTER.match(s, end)
    if not m:
        return None
    return _ZH_WEEKDAY[m.group(1)] if m.group(1) else _WEEKDAYS[m.group(2).lower()]


# a clause about what is still to come: 將在華府召開, will meet
_FUTURE_CLAUSE = re.compile(r"將(?:在|於|赴|舉行|召開|進行|以)|即將|預定|預計|\bwill\b|\bscheduled\b|\bplan(?:s|ned)? to\b", re.IGNORECASE)


def present_part(s: str) -> str:
    """The sentence up to its first clause about what is still to come (将在華府召開…, will meet …)."""
    at = 0
    for clause in re.split(r"(?<=[，,;；])", s):
        if _FUTURE.search(clause) or _FUTURE_CLAUSE.search(clause):
            break
        at += len(clause)
    return s[:at]



_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUMBER = re.compile(r"(?<![〇零○一二三四五六七八九十這同每某前後當整此半單多數逐隔])([一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])(?=\s*(?:日|月|號))")
_CN_YEAR = re.compile(r"([〇零○一二三四五六七八九]{4})(?=\s*年)")


def cn_number(word: str) -> int:
    """一 … 三十一 as a number."""
    if "十" not in word:
        return _CN_DIGITS[word]
    tens, _, ones = word.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def arabic_days(s: str) -> str:
    """Chinese-numeral days, months and years written in digits: 十二月二十八日 → 12月28日, 二〇二四年 → 2024年."""
    s = _CN_YEAR.sub(lambda m: "".join(str(_CN_DIGITS[c]) for c in m.group(1)), s)
    return _CN_NUMBER.sub(lambda m: str(cn_number(m.group(1))), s)


class _DateScan:
    """The meeting dates of one sentence, read by a chain of regex passes, the fullest forms first.

    Most passes read only where no earlier pass found a date. ``found`` collects
    (date, end, how, position, strong); ``partial`` keeps what the sentence says of a date
    it gives without a year.
    """

    FULL = re.compile(r"(?:(?:民國|民国)\s*(\d{2,3})|(\d{4})|今\s*[（(]\s*(\d{2,4})\s*[)）]\s*)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*(?:至|到|-|–|~)\s*(\d{1,2})\s*日)?")
    # the forms every date option of the tracker reads: 2020-11-20, 2020/11/20, 109/11/20, 109年11月20日, 1091120
    OPTION_FORMS = re.compile(r"(?<![\d/.-])(?:\d{4}-\d{1,2}-\d{1,2}|\d{3,4}[/.]\d{1,2}[/.]\d{1,2}|\d{2,3}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|1\d{6})(?![\d/-]|\.\d)")
    MONTH_DAY = re.compile(r"(?:(本|今|同)\s*[（(]\s*(\d{1,2})\s*[)）]\s*|(?<![\d年])(\d{1,2})\s*)月\s*(\d{1,2})\s*日(?:\s*(?:至|到|-|–|~)\s*(\d{1,2})\s*日)?")
    DAY = re.compile(r"(?:當地時間\s*|今\s*[（(]\s*|昨\s*[（(]\s*)?(?<![\d月年])(\d{1,2})\s*[)）]?\s*日(?:\s*(?:至|到)\s*(\d{1,2})\s*日)?")
    EN_MONTH_FIRST = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?(?:,?\s+(\d{4}))?\b", re.IGNORECASE)
    EN_DAY_FIRST = re.compile(r"\b(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?\s+(January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(\d{4}))?\b", re.IGNORECASE)

    def __init__(self, s: str, anchor: _dt.date | None, relative: bool = True):
        self.s, self.anchor = s, anchor
        self.relative = relative  # whether "today" and weekdays may be counted from the anchor
        self.found: list[tuple] = []
        self.taken: list[tuple[int, int]] = []
        self.partial: tuple | None = None
        self.refused: list[str] = []  # why a date the sentence gives was not taken

    def run(self) -> list[tuple]:
        self.full_dates()
        self.option_forms()
        self.month_days()
        self.days_of_the_month()
        if self.anchor and self.relative:
            self.today()
            self.weekdays()
        self.english_month_first()
        self.english_day_first()
        return self.found

    # ------------------------------------------------ what the passes share

    def free(self, a: int, b: int) -> bool:
        """Whether no earlier pass found a date in [a, b): a look at the neighbours in the sorted spans,
        so that a sentence of n dates costs n log n, not n²."""
        i = bisect.bisect_left(self.taken, (a, a))
        if i < len(self.taken) and self.taken[i][0] < b:
            return False
        return not (i > 0 and self.taken[i - 1][1] > a)

    def strong_at(self, end_pos: int) -> bool:
        """Whether the meeting verb follows the date: 6日在台北舉行."""
        return bool(_VERB_AFTER.match(self.s, end_pos))  # match at a position: no copy of the rest of the sentence

    def after_word(self, pos: int, words: tuple[str, ...]) -> bool:
        """Whether one of ``words`` ends just before ``pos``, spaces aside; "on" as a whole word.
        Read backwards from ``pos``: no copy of the sentence, so n dates cost n, not n²."""
        while pos > 0 and self.s[pos - 1].isspace():
            pos -= 1
        for w in words:
            start = pos - len(w)
            if start >= 0 and self.s.startswith(w, start) and (w != "on" or start == 0 or not self.s[start - 1].isalnum()):
                return True
        return False

    def add(self, m, date, end, how: str) -> None:
        bisect.insort(self.taken, m.span())
        if _STATEMENT_AFTER.match(self.s, m.end()):
            return  # 15日發表聲明: the statement's date
        if date is not None and date.day is not None:
            weekday = stated_weekday(self.s, m.start(), m.end())
            if weekday is not None and weekday != date.first_day().weekday():
                self.refused.append(f"{m.group(0).strip()!r} read as {date}, but the weekday beside it is not that day's")
                return
        strong = self.strong_at(m.end()) or self.after_word(m.start(), ("於", "在"))
        self.found.append((date, end, how, m.start(), strong))

    def add_days(self, m, year: int, month: int, day, last, how: str = "") -> None:
        """The day (and the last day of a span) of match ``m``, when the calendar has it."""
        d = calendar_day(year, month, int(day))
        if d:
            self.add(m, d, calendar_day(year, month, int(last)) if last else None, how)

    def add_without_year(self, m, month: int, day: int, shown: str) -> None:
        self.partial = ("monthday", (month, day))
        self.add(m, None, None, f"the article gives {shown!r} without a year")

    # ------------------------------------------------ the passes, fullest first

    def full_dates(self) -> None:
        """2020年11月20日, 民國109年11月20日, 今（2020）年11月20日 (to 22日)."""
        for m in self.FULL.finditer(self.s):
            y = m.group(1) or m.group(2) or m.group(3)
            year = int(y) + 1911 if int(y) < 1000 else int(y)
            self.add_days(m, year, int(m.group(4)), m.group(5), m.group(6))

    def option_forms(self) -> None:
        """The forms of the tracker's date options; a bare 1091121 only where the meeting verb follows."""
        for m in self.OPTION_FORMS.finditer(self.s):
            if not self.free(*m.span()) or (m.group(0).isdigit() and not self.strong_at(m.end()) and not self.after_word(m.start(), ("於", "在", "on"))):
                continue  # a bare 1091121 is read only when the meeting verb follows: CNA stamps its stories so
            try:
                found = parse_date(m.group(0))
            except InputError:
                continue
            if found.day:
                self.add(m, found, None, "")

    def month_days(self) -> None:
        """11月20日, 本（11）月20日: the year from the article's date."""
        for m in self.MONTH_DAY.finditer(self.s):
            if not self.free(*m.span()):
                continue
            month = int(m.group(2) or m.group(3))
            year = year_for(month, int(m.group(4)), self.anchor)
            if year is None:
                self.add_without_year(m, month, int(m.group(4)), m.group(0).strip())
                continue
            self.add_days(m, year, month, m.group(4), m.group(5), "the year comes from the article's date" if self.anchor else "")

    def days_of_the_month(self) -> None:
        """20日, 今（20）日: the month and year from the article's date; not the 20日電 of a dateline."""
        for m in self.DAY.finditer(self.s):
            if not self.free(*m.span()) or _DISPATCH_AFTER.match(self.s, m.end()):
                continue
            if self.anchor is None:
                continue
            d = day_before(self.anchor, int(m.group(1)))
            if d:
                e = calendar_day(d.year, d.month, int(m.group(2))) if m.group(2) else None
                self.add(m, d, e, "the month and year come from the article's date")

    def today(self) -> None:
        """今天, 昨天, 前天, today, yesterday: counted back from the day the story speaks from (its dateline's
        day), when the meeting verb follows, or when an English sentence has a past verb after it."""
        anchor = self.anchor
        if anchor is None:
            return
        for m in _RELATIVE_DAY.finditer(self.s):
            word = m.group(0).lower()
            back = 2 if word == "前天" else 1 if word in ("昨天", "昨日", "yesterday") else 0
            english = word.isascii()
            if not self.free(*m.span()) or not (self.strong_at(m.end()) or (english and _EN_DONE.search(self.s))):
                continue
            d = anchor - _dt.timedelta(days=back)
            self.add(m, PartialDate(d.year, d.month, d.day), None, f"the article says {m.group(0)!r}, counted from its date {anchor}")

    def weekdays(self) -> None:
        """An English weekday, as in 'on Tuesday': that day in the week up to the article's date."""
        anchor = self.anchor
        if anchor is None:
            return
        for m in re.finditer(r"\bon\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", self.s, re.IGNORECASE):
            back = (anchor.weekday() - _WEEKDAYS[m.group(1).lower()]) % 7
            d = anchor - _dt.timedelta(days=back)
            self.add(m, PartialDate(d.year, d.month, d.day), None, f"{m.group(1)} before the article's date {anchor}")

    def english_month_first(self) -> None:
        """Nov. 20, Nov 20-21, 2020."""
        for m in self.EN_MONTH_FIRST.finditer(self.s):
            mo = _MONTHS[m.group(1)[:3].lower()]
            year = int(m.group(4)) if m.group(4) else year_for(mo, int(m.group(2)), self.anchor)
            if year is None:
                self.add_without_year(m, mo, int(m.group(2)), m.group(0))
                continue
            self.add_days(m, year, mo, m.group(2), m.group(3))

    def english_day_first(self) -> None:
        """20 November 2020, 20-21 November."""
        for m in self.EN_DAY_FIRST.finditer(self.s):
            if not self.free(*m.span()):
                continue
            mo = _MONTHS[m.group(3)[:3].lower()]
            year = int(m.group(4)) if m.group(4) else year_for(mo, int(m.group(1)), self.anchor)
            if year is None:
                self.add_without_year(m, mo, int(m.group(1)), m.group(0))
                continue
            self.add_days(m, year, mo, m.group(1), m.group(2))



BACKGROUND_DAYS = 14


class DateReading(Reading):

    def meeting_sentences(self, did: str) -> list[str]:
        names = self.dialogue_names(did) + self.qualified_names(did, None)
        out = []
        for _, s in self.sents:
            if any(_find(n, s) for n in names) or re.search(r"本次|本屆|此次|這次|會議|對話|會中|會談|會晤|簽署|簽訂|meeting|dialogue|talks|round|\bmet\b|\bsigned\b", s, re.IGNORECASE):
                out.append(s)
        return out

    def head(self) -> list[str]:
        """The headline and the first sentence: where an article says what it reports."""
        return [h for h in (self.art.title or "", self.sents[0][1] if self.sents else "") if h]

    def preview(self) -> str | None:
        """The headline or first sentence, when it announces the event as still to come ("will hold",
        "scheduled to", 將於): the article is a preview, and the dates of what it says happened are of other events."""
        for h in self.head():
            if (FUTURE_DATE.search(h) or _FUTURE_CLAUSE.search(h) or _TO_COME.search(h)) and not _DONE.search(present_part(h)):
                return h
        return None

    def date(self, did: str) -> tuple[PartialDate | None, PartialDate | None, str, str]:
        """(date, end date, sentence, how it was read)."""
        anchor = self.art.anchor
        self._refused: list[str] = []
        head = self.head()
        reported = next((n for n in map(ordinal_in, head) if n is not None), None)  # the round the article reports
        preview = self.preview()
        kinds = event_kinds(head[:1])  # the milestones the headline names (a launch, a signing), if any
        cands, night, other = [], None, None
        for order, s in enumerate(self.meeting_sentences(did)):
            if _PRESS.search(s):
                continue
            if FUTURE_DATE.search(s):
                if preview:  # the day a preview gives for the event: only to find the record it may be
                    self._dates_in(s, anchor)
                continue
            now = self._this_event(present_part(s), reported, kinds)
            if now != present_part(s):
                other = other or s  # a clause about another, earlier event than the one reported
            night = night or NIGHT.search(now)
            for found in self._dates_in(now, anchor):  # not what is still to come
                date, end, how, pos, strong = found
                if preview and s not in head:
                    other = other or s
                    continue
                cands.append((0 if strong else 1, order, pos, date, end, s, how))
        if anchor is not None:
            cands = self._certain_days(cands, anchor, night)
        if not cands and preview:
            return None, None, preview, ("the article announces the event as still to come; the dates it gives for what "
                                         "has already happened are of other events, and a scheduled day is not drafted")
        if not cands and night:
            return None, None, "", (f"the article says {night.group(0)!r}: which day that was depends on the hour the "
                                    "story was posted and on the time zone")
        if not cands:
            m = None
            for _, s in self.sents:
                m = re.search(r"上週|上周|last week", s, re.IGNORECASE)
                if m:
                    self._partial = ("week", None)
                    return None, None, s, f"the article says only {m.group(0)!r}"
            for _, s in self.sents:
                m = _RELATIVE_DAY.search(s) or re.search(r"\bon\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", s)
                if m and anchor is None:
                    return None, None, s, f"the article says {m.group(0)!r} but gives no date to count from (give --published)"
                if m and self.art.reprint:
                    return None, None, s, (f"the article says {m.group(0)!r}, but it is a copy of a release ({self.art.reprint!r}) "
                                           f"whose own date it does not give (give --published)")
            if self._refused:
                return None, None, "", "; ".join(self._refused)
            if other:
                return None, None, other, "the only dates the article gives are of another, earlier event than the one it reports"
            return None, None, "", "the article gives no date for the meeting it reports"
        cands.sort(key=lambda c: c[:3])
        if anchor is not None:  # a news story reports what happened in the days before it; older dates are background
            recent = [c for c in cands if c[3] is None or (anchor - c[3].first_day()).days <= BACKGROUND_DAYS]
            if not recent:
                _, _, _, date, _, s, _ = cands[0]
                return None, None, s, (f"the only date given for a meeting, {date}, is more than {BACKGROUND_DAYS} days "
                                       f"before the article's date {anchor}: the story's background, not its event")
            cands = recent
        _, _, _, date, end, s, how = cands[0]
        return date, end, s, how

    @staticmethod
    def _this_event(s: str, reported: int | None, kinds: list[str]) -> str:
        """Sentence ``s`` without its clauses about another event than the one the article reports: an earlier
        one (the previous round, 去年), a round of another number than the headline's, or a launch or negotiating
        mandate that the headline does not report."""
        kept = []
        for clause in re.split(r"(?<=[，,;；])", s):
            n = ordinal_in(clause)
            if BACKGROUND_DATE.search(clause) or (reported is not None and n is not None and n != reported):
                continue
            if any(k in ("launch", "mandate") and k not in kinds for k in event_kinds([clause])):
                continue
            kept.append(clause)
        return "".join(kept)

    def _certain_days(self, cands: list, anchor: _dt.date, night) -> list:
        """The candidates whose day is certain: a day counted from the story's date (today, yesterday, on Tuesday)
        is not, when the article gives the time zone of the day or says the meeting was at night."""
        kept = []
        for c in cands:
            date, s, how = c[3], c[5], c[6]
            counted = "counted from its date" in how or "before the article's date" in how
            if night and date is not None and (counted or date.first_day() >= anchor):
                self._refused.append(f"{how or date} is counted from the story's day, but the article says "
                                     f"{night.group(0)!r}: the day depends on the hour and the time zone")
                continue
            zone = ZONE.search(s)
            if counted and zone:
                self._refused.append(f"{how}, but the sentence gives the day in {zone.group(0)!r}, which may not be the "
                                     "story's day")
                continue
            kept.append(c)
        return kept

    def _dates_in(self, s: str, anchor: _dt.date | None):
        """Every meeting date in sentence ``s``: (date, end, how, position, strong)."""
        scan = _DateScan(arabic_days(s), anchor, relative=not self.art.reprint)
        found = scan.run()
        if scan.partial is not None:
            self._partial = scan.partial
        self._refused += scan.refused
        return found


    def _consistent(self, known: PartialDate | None) -> bool:
        """Whether a date the article gives only in part agrees with ``known``."""
        if known is None or known.day is None or self._partial is None:
            return False
        kind, value = self._partial
        if kind == "monthday":
            return (known.month, known.day) == value
        anchor = self.art.anchor
        if kind == "week" and anchor:
            start_of_week = anchor - _dt.timedelta(days=anchor.weekday())
            return start_of_week - _dt.timedelta(days=7) <= known.first_day() < start_of_week
        return False
