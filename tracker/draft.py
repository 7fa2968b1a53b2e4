"""`tracker draft`: from a press release or news report to a round file a curator only has to check.

Rule-based and deterministic. What the draft knows comes from the article and
from the data folder: the names and aliases of dialogues, people and topics,
the titles people held in earlier rounds, the venues and the existing rounds.
Every extracted fact is marked unverified and carries the sentence it came
from; what the article does not say is left out.
"""

from __future__ import annotations

import datetime as _dt
import functools
import html
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Optional

from .data.dates import parse_date
from .errors import InputError, Problem, TrackerError
from .data.model import PartialDate
from .rules import pick

CJK = r"\u3400-\u9fff"
_CN_NUM = {"一": 1, "二": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "首": 1}
_EN_ORD = {
    "first": 1, "inaugural": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_WEEKDAYS = {d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}

_MEETING_VERB = r"(?:登場|舉行|舉辦|召開|完成|落幕|開會|會面|會談|展開|進行|以視訊|透過|視訊|線上|共同召開|共同主持)"
_LEAD_CUE = re.compile(r"主談|率領|領銜|共同召開|共同主持|主持|co-?chair|led by|chaired|headed by|\bled the\b", re.I)
_ATTEND_CUE = re.compile(r"與會|出席|參加|參與|代表團|率|attend|delegation|particip|joined", re.I)
_NOT_MEETING = re.compile(r"記者會|press conference|致詞時|受訪", re.I)
_FUTURE = re.compile(r"期待|期盼|盼|希望|未來|下屆|下一屆|將於|預計|籌辦|hope|will be held|next round|next year", re.I)
_AGREE = re.compile(r"同意|將|承諾|確認|宣布|簽署|決定|支持|致力|agree|will|commit|announc|sign|decid|support", re.I)
_TITLE_WORDS = (
    "政務委員|副總統|總統|秘書長|副主委|主委|主任委員|政務次長|常務次長|次長|副部長|部長|副署長|總署長|署長|副局長|局長|"
    "副處長|處長|司長|董事長|院長|大使|代表|次卿|助卿|國務卿|部長|執行長|主席|總裁|理事長"
)
_EN_TITLE_WORD = re.compile(
    r"\b(?:Minister|Secretary|Deputy|Director|Director-General|Commissioner|Ambassador|Representative|"
    r"Chairman|Chairwoman|Chair|President|Premier|Administrator|Head|Chief|Envoy)\b"
)


# Common family names: a Chinese name after a title is taken as a person only when it starts with one.
_SURNAMES = set(
    "王李張劉陳楊黃趙吳周徐孫馬朱胡郭何高林羅鄭梁謝宋唐許韓馮鄧曹彭曾蕭田董袁潘于蔣蔡余杜葉程蘇魏呂丁任沈姚盧姜崔鍾譚陸汪范金石廖賈夏韋付方白鄒孟熊秦邱江尹薛閻段雷侯龍史陶黎賀顧毛郝龔邵萬錢嚴覃武戴莫孔向湯游柯卓賴翁洪施詹紀童"
)
_NOT_NAMES = {"表示", "指出", "強調", "致詞", "出席", "率團", "主持", "等人", "說明", "認為", "期盼", "感謝", "今天", "昨天", "也說", "則是"}

_PRESS = re.compile(r"記者會|press conference", re.I)


def _clause(s: str, start: int, end: int) -> str:
    """The clause of sentence ``s`` around [start, end): between commas, semicolons and full stops."""
    a = max(s.rfind(c, 0, start) for c in "，；。,;") + 1
    ends = [i for i in (s.find(c, end) for c in "，；。;") if i != -1]
    return s[a:min(ends) if ends else len(s)]


class ArticleError(TrackerError):
    """The article cannot be read: one line, in the form of a data-file problem."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem

    def lines(self) -> list[str]:
        return [str(self.problem)]


# ---------------------------------------------------------------- reading the article


def read_article(path: str, stdin=None) -> str:
    """The article's text; ArticleError or InputError with one clear line if it cannot be used."""
    import os

    from .data.parse import decode

    name = "<stdin>" if path == "-" else path
    if path == "-":
        stream = stdin
        raw = stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
    else:
        if not os.path.exists(path):
            raise InputError(f"{path}: no such file")
        if os.path.isdir(path):
            raise InputError(f"{path}: is a folder; give the article's file")
        try:
            with open(path, "rb") as fh:
                raw = fh.read(20 * 1024 * 1024 + 1)
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
        if len(raw) > 20 * 1024 * 1024:
            raise InputError(f"{path}: is larger than 20 MiB; an article is plain text")
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{name}: is a binary file, not a plain-text article")
    text, problem = decode(name, raw)
    if problem:
        raise ArticleError(problem)
    if not text.strip():
        raise InputError(f"{name}: the article is empty")
    if sum(1 for ch in text[:4000] if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t") > 8:
        raise InputError(f"{name}: is a binary file, not a plain-text article")
    return text


@dataclass
class Article:
    """The article as lines of plain text, with what its header says."""

    lines: list[str]
    title: Optional[str] = None
    url: Optional[str] = None
    published: Optional[_dt.date] = None
    dateline_day: Optional[int] = None
    publisher: Optional[str] = None
    language: str = "zh"

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def anchor(self) -> Optional[_dt.date]:
        """The day the story speaks from: its dateline's day, else its publication date."""
        if self.published and self.dateline_day and self.dateline_day != self.published.day:
            d = Drafter._day_before(self.published, self.dateline_day)
            if d:
                return d.first_day()
        return self.published


def _to_lines(text: str) -> list[str]:
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"<(script|style)\b.*?</\1>", "", text, flags=re.S | re.I)
    text = re.sub(r"<div class=['\"][^'\"]*(?:moreArticle|Subscription)[^'\"]*['\"].*", "", text, flags=re.S | re.I)
    text = re.sub(r"</?(p|div|br|li|h\d|tr)\b[^>]*>", "\n", text, flags=re.I)
    text = re.sub(r"<[^>]+>", "", text)
    text = html.unescape(text)
    out = []
    for line in text.splitlines():
        line = line.replace("\u3000", " ").strip()
        if not line or re.fullmatch(r"[-=_*]{3,}|(?:廣告\s*)+", line):
            continue
        out.append(line)
    return out


def _clean(text: str) -> str:
    """Line breaks made plain, control characters and other line separators made spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        ch if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cs", "Co", "Zl", "Zp") else " " for ch in text
    )


def parse_article(text: str, published: Optional[_dt.date] = None) -> Article:
    text = _clean(text)
    header, lines = _front_matter(text.split("\n"))
    art = Article(_join_broken(_to_lines("\n".join(lines))))
    _read_title_and_url(art, header, text)
    _read_publication_date(art, header)
    _read_title_in_body(art)
    text_all = "\n".join(art.lines)
    _read_dateline(art, text_all)
    if art.published is None:
        art.published = _roc_stamp(text_all)
    if published:
        art.published = published
    art.lines = _without_trailers(art.lines)
    art.publisher = _publisher(text_all, header)
    art.language = _language(text_all)
    return art


def _front_matter(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """The ``key: value`` pairs of a saved page's front matter, and the lines after it."""
    header: dict[str, str] = {}
    if lines and lines[0].strip() == "---":
        for i, line in enumerate(lines[1:], 1):
            if line.strip() == "---":
                lines = lines[i + 1:]
                break
            key, _, value = line.partition(":")
            header[key.strip().lower()] = value.strip().strip('"')
    return header, lines


def _read_title_and_url(art: Article, header: dict, text: str) -> None:
    """The title and address from the front matter, a Markdown link in ``text``, or a [title](url) first line (then dropped)."""
    art.title = header.get("title")
    art.url = header.get("from") or header.get("url") or header.get("link")
    if not art.url:
        m = re.search(r"\]\((https?://[^)\s]+)\)", text)
        if m:
            art.url = m.group(1)
    if art.lines and re.fullmatch(r"\[.+\]\(https?://\S+\)", art.lines[0]):
        art.title = art.title or re.sub(r"^\[(.+)\]\(.*$", r"\1", art.lines[0])
        art.lines = art.lines[1:]


def _read_publication_date(art: Article, header: dict) -> None:
    """The publication date from the front matter, or from a first line "date 2026-01-28 desk／reporter" (then dropped)."""
    for key in ("date", "published", "pubdate"):
        if key in header:
            art.published = _iso_day(header[key])
            if art.published:
                break
    if art.lines:
        m = re.match(r"^date[:\s]+(\d{4}-\d{2}-\d{2})\b\s*(.*)$", art.lines[0], re.I)
        if m:
            art.published = art.published or _iso_day(m.group(1))
            art.lines = art.lines[1:]


def _read_title_in_body(art: Article) -> None:
    """Failing a title in the header, the one after 原文出處, else a short first line that is not a sentence."""
    if art.title:
        return
    body = art.lines
    m = re.search(r"原文出處[：:]\s*(?:[^／/]{1,8}[／/])?(.+)$", "\n".join(body), re.M)
    if m:
        art.title = m.group(1).strip()
    elif body and len(body[0]) <= 120 and not re.search(r"[。.]$", body[0]):
        art.title = body[0]


def _read_dateline(art: Article, text_all: str) -> None:
    """The day of a dateline: CNA's （中央社記者…20日電）, taken out of the lines, or "Taipei, Nov. 20, 2020 (CNA)"."""
    m = re.search(r"（[^（）]{0,20}?記者[^（）]{0,20}?(\d{1,2})日電）", text_all) or re.search(
        r"(?:^|\n)[A-Z][A-Za-z.]+(?:,\s+[A-Z][A-Za-z.]+)?,\s+([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),?\s+(\d{4})\s*\(", text_all
    )
    if m and len(m.groups()) == 1:
        art.dateline_day = int(m.group(1))
        art.lines = [x for x in (ln.replace(m.group(0), "", 1).strip() for ln in art.lines) if x]
    elif m:
        d = _en_date(m.group(1), m.group(2), m.group(3))
        if d:
            art.published = art.published or d
            art.dateline_day = d.day


def _roc_stamp(text_all: str) -> Optional[_dt.date]:
    """The date of CNA's ROC stamp (1091120) near the end of the story."""
    stamp = re.search(r"(?<!\d)(1[01]\d)(0[1-9]|1[0-2])([0-3]\d)(?!\d)", text_all[-400:])
    if stamp:
        try:
            return _dt.date(int(stamp.group(1)) + 1911, int(stamp.group(2)), int(stamp.group(3)))
        except ValueError:
            pass
    return None


def _without_trailers(lines: list[str]) -> list[str]:
    """The lines without what is not part of the story: an editor's trailer, the ROC stamp, an English dateline."""
    return [ln for ln in (
        re.sub(r"^[A-Z][A-Za-z.]+(?:,\s+[A-Z][A-Za-z.]+)?,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}\s*\([^)]{1,30}\)\s*[-–—]*\s*", "",
               re.sub(r"[（(]\s*編輯[:：][^）)]*[）)]\s*(?:\d{7})?\s*$|(?<=[。」）])\s*\d{7}\s*$", "", line))
        for line in lines) if ln.strip()]


def _language(text_all: str) -> str:
    """zh unless Latin letters outnumber CJK characters three to one."""
    cjk = len(re.findall(f"[{CJK}]", text_all))
    return "zh" if cjk * 3 >= len(re.findall(r"[A-Za-z]", text_all)) else "en"


def _join_broken(lines: list[str]) -> list[str]:
    """Join a long line cut in the middle of a sentence (…監管架構與原 / 則，促進…) to the line after it."""
    out: list[str] = []
    for line in lines:
        if out and len(out[-1]) > 40 and re.search(f"[{CJK}]$", out[-1]) and re.match(f"[{CJK}]", line) and re.search("[，。；]", line):
            out[-1] += line
        else:
            out.append(line)
    return out


def _iso_day(value: str) -> Optional[_dt.date]:
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    if not m:
        return None
    try:
        return _dt.date(*(int(g) for g in m.groups()))
    except ValueError:
        return None


def _en_date(month: str, day: str, year: Optional[str]) -> Optional[_dt.date]:
    mo = _MONTHS.get(month[:3].lower())
    if not mo or not year:
        return None
    try:
        return _dt.date(int(year), mo, int(day))
    except ValueError:
        return None


def _publisher(text: str, header: dict) -> Optional[str]:
    author = header.get("author", "")
    m = re.search(r"(中央社|CNA)", author)
    if m or re.search(r"（中央社[^）]*電）", text):
        return "中央社"
    m = re.search(r"更多([^\s，。]{2,10}?)報導", text) or re.search(r"原文出處[：:]\s*([^／/\s]{2,10})[／/]", text)
    if m:
        return m.group(1)
    m = re.search(r"\((CNA|Focus Taiwan|Reuters|AP|AFP)\)", text)
    if m:
        return m.group(1)
    for line in text.split("\n")[:4]:  # the issuing office on a line of its own under the title
        if len(line) <= 20 and re.search(r"(處|部|會|署|局|院|辦公室|Office|Ministry|Council)$", line):
            return line
    return author.strip() or None


_ABBREV = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|No|Gen|Gov|Sen|Rep|Amb|Dept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|E\.U|D\.C|vs|etc|Inc|Co|Corp|Ltd))\.$")


def sentences(line: str) -> list[str]:
    """The sentences of one line: split after 。！？； and after an English full stop that ends a sentence."""
    out = []
    for part in re.split(r"(?<=[。！？；])", line):
        start = 0
        for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z\"“(])", part):
            if part[m.start() - 1] == "." and _ABBREV.search(part[start:m.start()]):
                continue
            if re.search(f"[{CJK}]", part[max(0, m.start() - 3):m.end() + 3]):
                continue  # an English name inside Chinese text: Keith J. Krach
            out.append(part[start:m.start()])
            start = m.end()
        out.append(part[start:])
    return [p.strip() for p in out if p and p.strip()]


# ---------------------------------------------------------------- names from the data


@functools.lru_cache(maxsize=8192)
def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().replace("臺", "台")


@functools.lru_cache(maxsize=8192)
def _parts(name: str) -> tuple:
    return tuple(_fold(name).split())


@functools.lru_cache(maxsize=8192)
def _pattern(name: str):
    pat = re.escape(_fold(name)).replace(r"\ ", r"\s*")
    if re.search(r"[A-Za-z0-9]$", name):
        pat += r"(?![A-Za-z0-9])"
    if re.match(r"[A-Za-z0-9]", name):
        pat = r"(?<![A-Za-z0-9])" + pat
    return re.compile(pat)


def _find(name: str, text: str):
    """Positions of ``name`` in ``text`` (case-insensitive; ASCII names as whole words)."""
    if not name:
        return []
    folded = _fold(text)
    if not all(part in folded for part in _parts(name)):  # the quick test first: most names are absent
        return []
    return [m.span() for m in _pattern(name).finditer(folded)]


def _names(*texts) -> list[str]:
    out = []
    for t in texts:
        if t is None:
            continue
        if isinstance(t, str):
            out.append(t)
        else:
            out += [x for x in (t.en, t.zh) if x]
    return [n for n in dict.fromkeys(out) if n]


# ---------------------------------------------------------------- the draft


@dataclass
class Fact:
    """One value of the draft with the article sentence it came from."""

    value: object
    sentence: str = ""


@dataclass
class Draft:
    record: dict
    comments: dict = field(default_factory=dict)  # path tuple -> sentence
    messages: list = field(default_factory=list)  # lines for stderr
    existing: Optional[str] = None

    @property
    def id(self) -> str:
        return self.record["id"]


@dataclass
class Known:
    """What the draft needs of the existing rounds, gathered in one pass, one round in memory at a time."""

    titles: dict = field(default_factory=dict)  # title text in either language -> Text
    venues: dict = field(default_factory=dict)  # venue name in either language -> Text
    sides: dict = field(default_factory=dict)  # person id -> side in the latest round that names them
    rounds: dict = field(default_factory=dict)  # round id -> RoundInfo

    @classmethod
    def gather(cls, rounds) -> "Known":
        known = cls()
        for r in rounds:
            known.rounds[r.id] = RoundInfo(r.id, r.dialogue, r.round, r.date, r.end_date, r.path)
            for v in r.venues:
                for n in (v.zh, v.en):
                    if n and "（" not in n and "(" not in n:
                        known.venues.setdefault(n, v)
            for p in r.participants:
                if p.person:
                    known.sides[p.person] = p.side
                if p.title:
                    for n in (p.title.zh, p.title.en):
                        if n:
                            known.titles.setdefault(n, p.title)
        return known


@dataclass(frozen=True)
class RoundInfo:
    id: str
    dialogue: str
    round: Optional[int]
    date: Optional[PartialDate]
    end_date: Optional[PartialDate]
    path: str


class _Building:
    """A round record being drafted: its fields, the article sentence behind each, and what is unverified."""

    def __init__(self) -> None:
        self.rec: dict = {}
        self.comments: dict = {}  # path tuple -> sentence
        self.unverified: list[dict] = []

    def fact(self, path: tuple, sentence: str) -> None:
        if sentence:
            self.comments[path] = sentence

    def doubt(self, about: str, note: dict) -> None:
        self.unverified.append({"about": about, "note": note})


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
    EN_MONTH_FIRST = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?(?:,?\s+(\d{4}))?\b", re.I)
    EN_DAY_FIRST = re.compile(r"\b(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?\s+(January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(\d{4}))?\b", re.I)

    def __init__(self, s: str, anchor: Optional[_dt.date]):
        self.s, self.anchor = s, anchor
        self.found: list[tuple] = []
        self.taken: list[tuple[int, int]] = []
        self.partial: Optional[tuple] = None

    def run(self) -> list[tuple]:
        self.full_dates()
        self.option_forms()
        self.month_days()
        self.days_of_the_month()
        if self.anchor:
            self.today()
            self.weekdays()
        self.english_month_first()
        self.english_day_first()
        return self.found

    # ------------------------------------------------ what the passes share

    def free(self, a: int, b: int) -> bool:
        """Whether no earlier pass found a date in [a, b)."""
        return all(b <= x or a >= y for x, y in self.taken)

    def strong_at(self, end_pos: int) -> bool:
        """Whether the meeting verb follows the date: 6日在台北舉行."""
        return bool(re.match(r"\s*(?:至\s*\d{1,2}\s*日\s*)?(?:起\s*)?(?:在|於)?[^，。；]{0,14}?" + _MEETING_VERB, self.s[end_pos:]))

    def add(self, m, date, end, how: str) -> None:
        self.taken.append(m.span())
        strong = self.strong_at(m.end()) or bool(re.search(r"(?:於|在)\s*$", self.s[:m.start()]))
        self.found.append((date, end, how, m.start(), strong))

    def add_days(self, m, year: int, month: int, day, last, how: str = "") -> None:
        """The day (and the last day of a span) of match ``m``, when the calendar has it."""
        d = Drafter._pd(year, month, int(day))
        if d:
            self.add(m, d, Drafter._pd(year, month, int(last)) if last else None, how)

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
            if not self.free(*m.span()) or (m.group(0).isdigit() and not self.strong_at(m.end()) and not re.search(r"(?:於|在|\bon)\s*$", self.s[:m.start()])):
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
            year = Drafter._year_for(month, int(m.group(4)), self.anchor)
            if year is None:
                self.add_without_year(m, month, int(m.group(4)), m.group(0).strip())
                continue
            self.add_days(m, year, month, m.group(4), m.group(5), "the year comes from the article's date" if self.anchor else "")

    def days_of_the_month(self) -> None:
        """20日, 今（20）日: the month and year from the article's date; not the 20日電 of a dateline."""
        for m in self.DAY.finditer(self.s):
            if not self.free(*m.span()) or re.match(r"\s*電", self.s[m.end():]):
                continue
            if self.anchor is None:
                continue
            d = Drafter._day_before(self.anchor, int(m.group(1)))
            if d:
                e = Drafter._pd(d.year, d.month, int(m.group(2))) if m.group(2) else None
                self.add(m, d, e, "the month and year come from the article's date")

    def today(self) -> None:
        """今天, today: the article's date, when the meeting verb follows."""
        anchor = self.anchor
        for m in re.finditer(r"今天|今日|today|this morning", self.s, re.I):
            if self.free(*m.span()) and self.strong_at(m.end()):
                self.add(m, PartialDate(anchor.year, anchor.month, anchor.day), None, "the article says 'today'; the date is the article's")

    def weekdays(self) -> None:
        """An English weekday, as in 'on Tuesday': that day in the week up to the article's date."""
        anchor = self.anchor
        for m in re.finditer(r"\bon\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", self.s, re.I):
            back = (anchor.weekday() - _WEEKDAYS[m.group(1).lower()]) % 7
            d = anchor - _dt.timedelta(days=back)
            self.add(m, PartialDate(d.year, d.month, d.day), None, f"{m.group(1)} before the article's date {anchor}")

    def english_month_first(self) -> None:
        """Nov. 20, Nov 20-21, 2020."""
        for m in self.EN_MONTH_FIRST.finditer(self.s):
            mo = _MONTHS[m.group(1)[:3].lower()]
            year = int(m.group(4)) if m.group(4) else Drafter._year_for(mo, int(m.group(2)), self.anchor)
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
            year = int(m.group(4)) if m.group(4) else Drafter._year_for(mo, int(m.group(1)), self.anchor)
            if year is None:
                continue
            self.add_days(m, year, mo, m.group(1), m.group(2))


class _TopicList:
    """The topics of a draft by ID, in the order the article first names them, each with the sentence that names it."""

    def __init__(self, drafter: "Drafter", source_id: str):
        self.drafter, self.source_id = drafter, source_id
        self.entries: dict[str, tuple[dict, str]] = {}

    def add(self, tid: str, label: str, sentence: str, headline: bool, body=()) -> None:
        """A topic named again stays where it was first named; it becomes a headline, or gains outcomes, if it had none."""
        if tid in self.entries:
            t = self.entries[tid][0]
            if headline and not t.get("headline", True):
                t.pop("headline", None)
            if body and not t.get("outcomes"):
                t["outcomes"] = self.drafter._outcomes(tid, body, self.source_id)
            return
        t = {"topic": tid, "label": self.drafter.text(label)}
        if not headline:
            t["headline"] = False
        if body:
            t["outcomes"] = self.drafter._outcomes(tid, body, self.source_id)
        t["unverified"] = True
        t["sources"] = [self.source_id]
        self.entries[tid] = (t, sentence)

    def listed(self) -> list[tuple[dict, str]]:
        """The topics in order, each with the key order of a curated file: outcomes before unverified and sources."""
        result = list(self.entries.values())
        for t, _ in result:
            if "outcomes" in t:
                t["outcomes"] = t.pop("outcomes")
                t["unverified"] = t.pop("unverified")
                t["sources"] = t.pop("sources")
        return result


class Drafter:
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

    def say(self, message: str) -> None:
        self.messages.append(message)

    def text(self, value: str) -> dict:
        return {self.lang: value}

    # ---------------------------------------------------------------- dialogue

    def dialogue(self, override: Optional[str]) -> tuple[str, str]:
        from .query import resolve_dialogue

        if override:
            return resolve_dialogue(self.ds, override), ""
        title = self.art.title or ""
        best, best_score, best_sent = None, 0, ""
        for d in self.ds.dialogues.values():
            names = _names(d.name, d.short, *d.aliases)
            score, first = 0, None
            for _, s in self.sents:
                hits = sum(len(_find(n, s)) for n in names)
                if hits and first is None:
                    first = s
                score += hits
            score += 3 * sum(len(_find(n, title)) for n in names)
            if score > best_score:
                best, best_score, best_sent = d.id, score, first or title
        if best is None:
            return "", ""
        return best, best_sent

    def dialogue_names(self, did: str) -> list[str]:
        d = self.ds.dialogues[did]
        return _names(d.name, d.short, *d.aliases)

    # ---------------------------------------------------------------- round number

    def round_number(self, did: str) -> Optional[Fact]:
        names = self.dialogue_names(did)
        num = r"(\d{1,2}|[一二三四五六七八九十]{1,3})"
        zh = re.compile(r"(?:第\s*" + num + r"\s*(?:屆|次|輪)|(首)\s*屆)")
        en = re.compile(r"\b(first|inaugural|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,2}(?:st|nd|rd|th))\b", re.I)
        for s in [*(s for _, s in self.sents), self.art.title or ""]:  # the body first: its sentence is the better quote
            spots = [a for n in names for a, _ in _find(n, s)]
            if not spots:
                continue
            best = None
            for m in list(zh.finditer(s)) + list(en.finditer(s)):
                # the ordinal must qualify the dialogue: close before it, as in 第6屆「…」 or "the sixth EPPD"
                gaps = [p - m.end() for p in spots if 0 <= p - m.end() <= 6]
                if not gaps:
                    continue
                if re.search(r"以來|since", s[m.end():m.end() + 20], re.I):
                    continue
                value = self._ordinal(m.group(0))
                if value and (best is None or m.start() < best[0]):
                    best = (m.start(), value)
            if best:
                return Fact(best[1], s)
        return None

    @staticmethod
    def _ordinal(word: str) -> Optional[int]:
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

    def meeting_sentences(self, did: str) -> list[str]:
        names = self.dialogue_names(did)
        out = []
        for _, s in self.sents:
            if any(_find(n, s) for n in names) or re.search(r"本次|本屆|此次|這次|會議|對話|會中|meeting|dialogue|talks|round", s, re.I):
                out.append(s)
        return out

    def date(self, did: str) -> tuple[Optional[PartialDate], Optional[PartialDate], str, str]:
        """(date, end date, sentence, how it was read)."""
        anchor = self.art.anchor
        cands = []
        for order, s in enumerate(self.meeting_sentences(did)):
            if _PRESS.search(s):
                continue
            for found in self._dates_in(s, anchor):
                date, end, how, pos, strong = found
                cands.append((0 if strong else 1, order, pos, date, end, s, how))
        if not cands:
            m = None
            for _, s in self.sents:
                m = re.search(r"上週|上周|last week", s, re.I)
                if m:
                    self._partial = ("week", None)
                    return None, None, s, f"the article says only {m.group(0)!r}"
            return None, None, "", ""
        cands.sort(key=lambda c: c[:3])
        _, _, _, date, end, s, how = cands[0]
        return date, end, s, how

    def _dates_in(self, s: str, anchor: Optional[_dt.date]):
        """Every meeting date in sentence ``s``: (date, end, how, position, strong)."""
        scan = _DateScan(s, anchor)
        found = scan.run()
        if scan.partial is not None:
            self._partial = scan.partial
        return found

    @staticmethod
    def _pd(year, month, day) -> Optional[PartialDate]:
        try:
            _dt.date(year, month, day)
        except ValueError:
            return None
        return PartialDate(year, month, day)

    @staticmethod
    def _year_for(month: int, day: int, anchor: Optional[_dt.date]) -> Optional[int]:
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

    @staticmethod
    def _day_before(anchor: _dt.date, day: int) -> Optional[PartialDate]:
        year, month = anchor.year, anchor.month
        if day > anchor.day + 1:  # "27日" in an article of the 3rd: the month before
            month -= 1
            if month == 0:
                year, month = year - 1, 12
        try:
            _dt.date(year, month, day)
        except ValueError:
            return None
        return PartialDate(year, month, day)

    # ---------------------------------------------------------------- format and venue

    def format(self, did: str) -> tuple[Optional[str], str]:
        virtual = re.compile(r"視訊|線上|遠距|video|virtual|online", re.I)
        person = re.compile(r"實體|面對面|親自|in person|in-person|face-to-face", re.I)
        seen_v = seen_p = ""
        for s in self.meeting_sentences(did):
            if _FUTURE.search(s) or _PRESS.search(s):
                continue
            if virtual.search(s) and not seen_v:
                seen_v = s
            if person.search(s) and not seen_p:
                seen_p = s
        if seen_v and seen_p:
            return "hybrid", seen_p if seen_p == seen_v else f"{seen_p} … {seen_v}"
        if seen_v:
            return "virtual", seen_v
        if seen_p:
            return "in-person", seen_p
        return None, ""

    def venues(self, did: str) -> list[tuple[dict, str]]:
        known = self.known.venues
        out, seen = [], set()
        pat = re.compile(r"(?:在|於)\s*(?:美國|歐盟|日本|英國)?\s*([" + CJK + r"A-Za-z .]{2,8}?)\s*(?:舉行|召開|舉辦|登場|會面)")
        en = re.compile(r"(?:\b(?:held|met|hosted|convened|took place)\b[^.;]{0,80}?)\bin\s+([A-Z][A-Za-z.]+(?:,\s+D\.C\.)?)")
        for s in self.meeting_sentences(did):
            if _FUTURE.search(s) or _PRESS.search(s):
                continue
            for m in list(pat.finditer(s)) + list(en.finditer(s)):
                place = m.group(1).strip(" ")
                if place.endswith(".") and not place.endswith("D.C."):
                    place = place[:-1]
                if re.search(r"視訊|線上|方式|會議|期間|video|person", place, re.I) or place in seen or place[:3].lower() in _MONTHS:
                    continue
                if any(_find(n, place) for n in self.dialogue_names(did)):
                    continue
                seen.add(place)
                v = known.get(place)
                value = {"en": v.en, "zh": v.zh} if v else {("en" if place.isascii() else "zh"): place}
                out.append(({k: x for k, x in value.items() if x}, s))
        return out

    # ---------------------------------------------------------------- people

    def participants(self) -> list[dict]:
        titles = self.known.titles
        found: dict[str, dict] = {}
        order = []
        for idx, (para, s) in enumerate(self.sents):
            if _NOT_MEETING.search(s):
                continue
            for pid, person in self.ds.people.items():
                for m in self._person_spots(person, s):
                    entry = found.get(pid)
                    title = self._title_before(s, m[0], titles)
                    clause = _clause(s, m[0], m[1])
                    lead = bool(_LEAD_CUE.search(clause))
                    attend = lead or bool(_ATTEND_CUE.search(s)) or bool(re.search(r"與.{0,40}(?:完成|舉行|召開|會面)", clause))
                    if not attend and entry is None:
                        continue
                    if entry is None:
                        entry = {"person": pid, "lead": False, "title": None, "sentences": [], "attendance": None}
                        found[pid] = entry
                        order.append(pid)
                    if lead and not entry["lead"]:
                        entry["lead"] = True
                    if title and not entry["title"]:
                        entry["title"] = title
                    if s not in entry["sentences"]:
                        entry["sentences"].append(s)
                    if entry["attendance"] is None and not _FUTURE.search(clause):
                        for part in (clause, s[:m[0]]):  # the clause, else what the sentence says before the name
                            v = re.search(r"以視訊|視訊方式|by video|virtually", part, re.I)
                            p = re.search(r"實體|in person|赴美|赴歐|赴日|赴英", part, re.I)
                            if bool(v) != bool(p):
                                entry["attendance"] = "virtual" if v else "in-person"
                                break
        out = []
        for pid in order:
            e = found[pid]
            out.append(e)
        out.sort(key=lambda e: not e["lead"])
        return out

    def _person_spots(self, person, s: str) -> list[tuple[int, int]]:
        spots = []
        for n in (person.name.zh, person.name.en):
            if n:
                spots += _find(n, s)
        zh = person.name.zh or ""
        if len(zh) == 3 and zh[1:] in s and re.fullmatch(f"[{CJK}]+", zh):  # 龔主委明鑫: surname, short title, given name
            for m in re.finditer(re.escape(zh[0]) + r"(主委|部長|次長|署長|局長|處長|院長|大使|代表|董事長|主任委員)" + re.escape(zh[1:]), s):
                spots.append(m.span())
        return spots

    def _title_before(self, s: str, pos: int, titles: dict) -> Optional[dict]:
        infix = re.match(r"[" + CJK + r"](主委|部長|次長|署長|局長|處長|院長|大使|代表|董事長|主任委員)", s[pos:])
        if infix:  # 國發會龔主委明鑫: the organisation before the name, the title inside it
            org = re.search(r"([" + CJK + r"]{1,8}?(?:會|部|院|署|局|處))$", s[:pos])
            return {"zh": (org.group(1) if org else "") + infix.group(1)}
        before = s[:pos].rstrip()
        before = re.sub(r"（[^（）]*）$", "", before).rstrip()
        loose = before.replace("的", "")
        for known_title in sorted(titles, key=len, reverse=True):  # a title of an earlier round, in full
            if len(known_title) >= 3 and (before.endswith(known_title) or loose.endswith(known_title.replace("的", ""))):
                t = titles[known_title]
                said = self._as_said(before, known_title)
                longer = self._generic_title(before)
                if longer and len(longer) > len(said) and longer.endswith(said):
                    said = longer  # 經濟部國際貿易局局長: the article's fuller wording of the same title
                out = {"en": t.en} if t.en and said.isascii() == known_title.isascii() else {}
                if not said.isascii() or not t.en:
                    out["zh"] = said
                elif not out:
                    out["en"] = said
                return out
        value = self._generic_title(before)
        if value:
            if len(value) >= 2:
                known = titles.get(value)
                if known and known.en:
                    return {"en": known.en, "zh": value}
                return {"zh": value}
        m = re.search(r"((?:(?:[A-Z][A-Za-z.&'-]*|of|for|the)\s+)*[A-Z][A-Za-z.&'-]*)\s*,?$", before)
        if m and _EN_TITLE_WORD.search(m.group(1)):
            words = m.group(1).split()
            while words and words[0] in ("of", "for", "the", "The", "By", "And"):
                words = words[1:]
            if words:
                return {"en": " ".join(words)}
        return None

    @staticmethod
    def _generic_title(before: str) -> Optional[str]:
        """A title just before a name, ending in a title word: 經濟部長, 美國國務院主管經濟事務的次卿."""
        m = re.search(r"([A-Za-z0-9 " + CJK + r"（）()]{2,30}?(?:" + _TITLE_WORDS + r"))$", before)
        if not m:
            return None
        value = re.split(r"與|和|及|、|，|由|包括|在", m.group(1))[-1].strip()
        value = re.sub(r"^(?:是|為|並|則|另|我方|美方|歐方|台灣方面|其中|出席|率)+", "", value).strip()
        return value if len(value) >= 2 and not value.isascii() else None

    @staticmethod
    def _as_said(before: str, known_title: str) -> str:
        """The title as the article words it: the end of ``before`` that matches ``known_title``, 的 aside."""
        want = len(known_title.replace("的", ""))
        i, count = len(before), 0
        while i > 0 and count < want:
            i -= 1
            if before[i] != "的" or "的" in known_title:
                count += 1
        return before[i:]

    def unknown_people(self, known_spans_names: set[str]) -> list[tuple[dict, str]]:
        """Named people the data does not know: a title, a Chinese name and an English name in brackets."""
        out, seen = [], set()
        pat = re.compile(r"((?:[A-Za-z" + CJK + r"]{0,16}?)(?:" + _TITLE_WORDS + r"))\s*([" + CJK + r"]{2,4}?)\s*[（(]\s*([A-Z][A-Za-z.'\- ]{2,40}?)\s*[)）]")
        for _, s in self.sents:
            if _NOT_MEETING.search(s):
                continue
            for m in pat.finditer(s):
                title, zh, en = m.group(1), m.group(2), m.group(3)
                clause = _clause(s, m.start(2), m.end())
                if not (_LEAD_CUE.search(clause) or _ATTEND_CUE.search(clause)):
                    continue
                title = re.split(r"與|和|及|、|，|由|包括|在|是", title)[-1].strip() or title
                if zh in known_spans_names or en in known_spans_names or (zh, en) in seen:
                    continue
                seen.add((zh, en))
                out.append(({"title": title, "zh": zh, "en": en, "lead": bool(_LEAD_CUE.search(clause))}, s))
        # a name in one script only, right after a title: 國發會主委劉某某出席; Deputy Secretary Jane Doe attended
        zh_only = re.compile(
            r"((?:[A-Za-z" + CJK + r"]{0,16}?)(?:" + _TITLE_WORDS + r"))\s*([" + CJK + r"]{2,3}?|[A-Z][a-z]+(?: [A-Z][a-z'-]+){1,2})"
            r"(?=[、，。；及與和等（(\s]|率|出席|主持|共同|表示|指出|$)"
        )
        en_only = re.compile(r"((?:(?:[A-Z][A-Za-z.&'-]*|of|for|the)\s+)*(?:" + _EN_TITLE_WORD.pattern + r"))\s+([A-Z][a-z]+(?:[ -][A-Z][a-z'-]+){1,2})\b")
        for _, s in self.sents:
            if _NOT_MEETING.search(s):
                continue
            for m in list(zh_only.finditer(s)) + list(en_only.finditer(s)):
                title, name = m.group(1), m.group(2)
                is_zh = not name.isascii()
                if is_zh and (name[0] not in _SURNAMES or name in _NOT_NAMES or name[:2] in _NOT_NAMES):
                    continue
                if any(name in k or k in name for k in known_spans_names) or any(name in (u["zh"], u["en"]) for u, _ in out):
                    continue
                clause = _clause(s, m.start(2), m.end())
                if not (_LEAD_CUE.search(clause) or _ATTEND_CUE.search(s)):
                    continue
                title = re.split(r"與|和|及|、|，|由|包括|在|是|\band\b|\bby\b", title)[-1].strip() or title
                seen.add(name)
                out.append(({"title": title, "zh": name if is_zh else None, "en": None if is_zh else name,
                             "lead": bool(_LEAD_CUE.search(clause))}, s))
        return out

    # ---------------------------------------------------------------- topics

    def _topic_index(self):
        index = []
        for t in self.ds.topics.values():
            for n in _names(t.name, *t.aliases, t.id, t.id.replace("-", " ")):
                index.append((_fold(n), t.id, n))
        index.sort(key=lambda x: -len(x[0]))
        return index

    def best_topic(self, item: str) -> Optional[str]:
        """The topic an agenda item names: the longest name or alias in it, or a name that contains it."""
        plain = re.sub(r"[（(][^）)]*[)）]", "", item).strip()
        plain = re.sub(r"^(?:消除|推進|確保|加強|強化|推動|促進|深化|擴大)", "", plain)
        best, best_len = None, 0
        for phrase in dict.fromkeys((item, plain)):
            for tid, words in self.match_topics(phrase):
                if len(words) > best_len:
                    best, best_len = tid, len(words)
        if len(plain) >= 4:
            folded = _fold(plain)
            for name, tid, _ in self._index:
                if folded in name and len(folded) > best_len:
                    best, best_len = tid, len(folded)
        return best

    def match_topics(self, phrase: str) -> list[tuple[str, str]]:
        """Topics named in ``phrase`` (longest names first, no overlaps): (topic id, the words matched)."""
        folded = _fold(phrase)
        taken: list[tuple[int, int]] = []
        out = []
        for name, tid, _ in self._index:
            for a, b in _find(name, folded):
                if all(b <= x or a >= y for x, y in taken):
                    taken.append((a, b))
                    out.append((a, tid, phrase[a:b]))
        out.sort()
        seen, result = set(), []
        for _, tid, words in out:
            if tid not in seen:
                seen.add(tid)
                result.append((tid, words))
        return result

    def sections(self) -> list[tuple[str, list[str], str]]:
        """Headed parts of the article: (heading, body sentences, heading line)."""
        out = []
        heading = re.compile(
            r"^(?:[一二三四五六七八九十]{1,3}\s*[、．.]|[（(][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}\s*[.、．]|[-•●■◆▪*]\s*)\s*(.{1,30}?)\s*[：:]\s*(.*)$"
        )
        part = re.compile(r"^(.{2,16}?)(?:部分|方面)\s*[，,：:]\s*(.*)$")
        en_head = re.compile(r"^(?:\d{1,2}[.)]|[-•*])\s*([A-Z][A-Za-z ,&'/()-]{2,60}?)\s*[:–—-]\s+(.*)$")
        for line in self.art.lines:
            m = heading.match(line) or en_head.match(line)
            kind = "list"
            if not m:
                m = part.match(line)
                kind = "part"
            if not m:
                continue
            title, rest = m.group(1).strip(), m.group(2).strip()
            if kind == "part" and not self.match_topics(title):
                continue
            out.append((title, sentences(rest), line))
        return out

    def enumerations(self) -> list[tuple[list[str], str]]:
        """Lists of subjects in agenda sentences: 就A、B及C等議題進行討論; discussed A, B and C."""
        num = r"(?:[\d一二三四五六七八九十]+\s*大)?"
        zh = re.compile(
            r"(?:就|針對|聚焦(?:在|於)?|涵蓋|包括|在)\s*((?:[^，。；：]{1,40}?、)+[^，。；：]{1,40}?)\s*(?:等)?\s*" + num
            + r"\s*(?:議題|領域|支柱|面向|項目|主題|方面)"
        )
        en = re.compile(r"(?:discuss(?:ed|ing)?|covered|covering|focused on|on topics including|on issues including|areas of|such as)\s+((?:[A-Za-z0-9 \-/'&]+,\s*)+(?:and\s+)?[A-Za-z0-9 \-/'&]+)", re.I)
        out = []
        section_lines = {line for _, _, line in self.sections()}
        for para, s in self.sents:
            if _NOT_MEETING.search(s) and not re.search(r"對話|會議|EPPD|dialogue", s):
                continue
            if self.art.lines[para] in section_lines:
                continue  # a list inside a topic's own section names its details, not the agenda
            for m in zh.finditer(s):
                out.append((self._split_items(m.group(1)), s))
            for m in en.finditer(s):
                out.append((self._split_items(m.group(1)), s))
        return out

    def _split_items(self, text: str) -> list[str]:
        items = []
        for piece in re.split(r"、|，|,\s*(?:and\s+)?|;\s*", text):
            piece = re.sub(r"^(?:以及|及|與|和|and)\s*", "", piece.strip())
            piece = re.sub(r"^(?:推進|確保|加強|強化|推動)", "", piece)
            piece = re.split(r"例如|如|such as|including", piece)[0].strip()
            if not piece:
                continue
            found = self.match_topics(piece)
            if len(found) > 1:  # A及B naming two topics: two items
                parts = [p for p in re.split(r"以及|及|與|和|\band\b", piece) if p.strip()]
                if len(parts) > 1:
                    items += [p.strip() for p in parts]
                    continue
            items.append(piece)
        return items

    # ---------------------------------------------------------------- the whole draft

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
        if number is None and round_no is None and date is not None:
            number = self._next_number(b, did, date)
        rid, kind = self._round_id(did, number, date)
        existing = self.known.rounds.get(rid)
        if date is None and how and existing is not None and self._consistent(existing.date):
            # the article gives the date only in part; the round it is about completes it
            date, end = existing.date, existing.end_date
            how = f"{how}; the full date is that of {rid}, already in the data"
        b.rec["id"] = rid
        b.rec["dialogue"] = did
        b.fact(("dialogue",), dsent)
        self._draft_number_or_name(b, number, kind)
        self._draft_date(b, date, end, dsentence, how)
        self._draft_format_and_venues(b, did)
        source_id = "article"
        self._draft_participants(b, number, source_id)
        self._draft_topics(b, source_id)
        for u in b.unverified:
            u["sources"] = [source_id]
        if b.unverified:
            b.rec["unverified"] = b.unverified
        b.rec["sources"] = [self._source(source_id, source_url, publisher)]
        b.rec["last_verified"] = self.today.isoformat()
        b.comments[("last_verified",)] = "the day of the draft: set it when you have checked every fact"
        draft = Draft(b.rec, b.comments, self.messages)
        if existing is not None:
            draft.existing = existing.path or rid
        return draft

    def _stated_number(self, b: "_Building", did: str) -> Optional[int]:
        """The round number the article gives, if it gives one."""
        f = self.round_number(did)
        if not f:
            return None
        b.fact(("round",), f.sentence)
        b.doubt("round", self.text(f.sentence))
        return f.value

    def _next_number(self, b: "_Building", did: str, date: PartialDate) -> Optional[int]:
        """The number after the dialogue's latest round in the data, when the article is dated after it."""
        numbered = [r for r in self.known.rounds.values() if r.dialogue == did and r.round is not None]
        if not numbered:
            return None
        latest = max(numbered, key=lambda r: r.round)
        if latest.date is not None and latest.date.sort_key() >= date.sort_key():
            return None
        number = latest.round + 1
        b.fact(("round",), f"not stated in the article: the next after {latest.id} ({latest.date}) in the data")
        b.doubt("round", {"en": f"The article gives no round number; {number} is the next after {latest.id} in the data."})
        return number

    def _round_id(self, did: str, number: Optional[int], date: Optional[PartialDate]) -> tuple[str, Optional[str]]:
        """The record's ID, and its kind when it has no number: a launch is a milestone, else a meeting."""
        if number is not None:
            return f"{did}-{number}", "round"
        launch = re.search(r"啟動|成立大會|成立|launch|inaugurat", (self.art.title or "") + " " + " ".join(s for _, s in self.sents[:4]), re.I)
        slug = "launch" if launch else (str(date) if date else "new")
        return f"{did}-{slug}", "milestone" if launch else "meeting"

    def _draft_number_or_name(self, b: "_Building", number: Optional[int], kind: Optional[str]) -> None:
        if number is not None:
            b.rec["round"] = number
            return
        b.rec["kind"] = kind
        if kind == "milestone":
            b.rec["event"] = "launch"  # the only milestone a draft recognises (see above)
        event = self._event_name()
        if event:
            b.rec["name"] = self.text(event[0])
            b.fact(("name",), event[1])
        elif self.art.title:
            b.rec["name"] = self.text(self.art.title)
            b.fact(("name",), "the article's title")

    def _draft_date(self, b: "_Building", date, end, dsentence: str, how: str) -> None:
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

    def _draft_format_and_venues(self, b: "_Building", did: str) -> None:
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

    def _draft_participants(self, b: "_Building", number: Optional[int], source_id: str) -> None:
        """The people the article names: those in people.yaml by ID, the others by their title, with a note."""
        participants = []
        people = self.participants()
        if number is None:  # a launch or a meeting held by an organisation: its head is the host
            self.hosts(people)
            people.sort(key=lambda e: not (e["lead"] or e.get("host")))
        known_names = set()
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
        p = {"person": e["person"], "side": self._side(e), "role": "lead" if e["lead"] else "host" if e.get("host") else "participant"}
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
            "role": "lead" if u["lead"] else "participant",
            "note": {
                "en": f"The article names {both}, who is not in people.yaml: add the person there and cite them with person:.",
                "zh": f"報導提及{both_zh}，people.yaml尚無此人：請新增後以person:引用。",
            },
            "unverified": True,
            "sources": [source_id],
        }

    def _draft_topics(self, b: "_Building", source_id: str) -> None:
        topics = self.topics(source_id)
        if topics:
            b.rec["topics"] = [t for t, _ in topics]
            for i, (_, s) in enumerate(topics):
                b.fact(("topics", i), s)
                for j, o in enumerate(b.rec["topics"][i].get("outcomes", ())):
                    b.fact(("topics", i, "outcomes", j), o.pop("_sentence"))

    def _source(self, source_id: str, source_url: Optional[str], publisher: Optional[str]) -> dict:
        """The article as the record's one source."""
        src = {"id": source_id}
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

    def _event_name(self) -> Optional[tuple[str, str]]:
        """The event as the article names it: 台美企業聯盟成立大會, the launch ceremony of …"""
        zh = re.compile(r"(?:舉辦|舉行|召開|主辦)(?:了)?([" + CJK + r"A-Za-z0-9「」-]{2,24}?(?:成立大會|啟動儀式|啟動典禮|簽署儀式|簽約儀式|開幕典禮|成立典禮))")
        en = re.compile(r"\b(?:held|hosted)\s+(?:the|a)\s+((?:[A-Za-z0-9'.-]+\s+){0,8}?(?:launch|signing|opening) ceremony(?: of (?:the )?[A-Z][A-Za-z.'-]*(?:\s+[A-Z][A-Za-z.'-]*)*)?)")
        for _, s in self.sents:
            m = zh.search(s) or en.search(s)
            if m:
                return m.group(1).strip("「」 "), s
        return None

    def hosts(self, people: list[dict]) -> None:
        """Mark as host the head of the organisation that held the event: 外貿協會舉辦…，貿協董事長黃志芳…出席."""
        heads = "董事長|理事長|會長|主席|主委|主任委員|部長|院長|執行長|總裁|Chairman|Chair|President|Minister"
        for _, s in self.sents:
            m = re.search(r"([" + CJK + r"A-Za-z]{2,10}?)(?:今天|今日|昨天|昨日|\d{1,2}日)?(?:舉辦|主辦)", s)
            if not m:
                continue
            organiser = m.group(1)
            for e in people:
                title = pick(e["title"], "zh")
                head = re.match(r"(.{2,10}?)(?:" + heads + r")$", title)
                if head and s in e["sentences"] and not e["lead"] and head.group(1) in organiser:
                    e["host"] = True

    def _consistent(self, known: Optional[PartialDate]) -> bool:
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

    def _side(self, e) -> str:
        if e["person"] in self.known.sides:  # the side the person had in earlier rounds
            return self.known.sides[e["person"]]
        return self._side_of_title(" ".join((e["title"] or {}).values()))

    def _side_of_title(self, title: str) -> str:
        """partner when the title starts with the name of the dialogue's partner (美國商務部次長, EU Commissioner)."""
        partner = self.ds.partners.get(self.ds.dialogues[self._did].partner) if self._did else None
        if partner is not None:
            for n in _names(partner.name, *partner.aliases):
                if len(n) >= 2 and _fold(title).startswith(_fold(n)):
                    return "partner"
        return "taiwan"

    def topics(self, source_id: str) -> list[tuple[dict, str]]:
        """The topics the article names, each with its sentence: those of headed sections first, then those of lists."""
        found = _TopicList(self, source_id)
        sections = self.sections()
        self._section_topics(found, sections)
        self._listed_topics(found, headline_from_sections=len(sections) >= 2)
        self._outcomes_where_named(found, source_id)
        return found.listed()

    def _section_topics(self, found: "_TopicList", sections: list[tuple[str, list[str], str]]) -> None:
        """The topic of each headed section: a headline, with the section's sentences as its outcomes."""
        for title, body, line in sections:
            tid = self.best_topic(title)
            if not tid:
                self.say(f"topic not in the taxonomy: {title!r} (in: {line})")
                continue
            found.add(tid, title, line, True, body)

    def _listed_topics(self, found: "_TopicList", headline_from_sections: bool) -> None:
        """The topics of each list the article gives (…、…及…)."""
        section_topics = set(found.entries)
        for items, s in self.enumerations():
            items_found = [(item, self.best_topic(item)) for item in items]
            named = [tid for _, tid in items_found if tid]
            # with headed sections, a list is the agenda only if it mostly names the sections' topics
            headline = not headline_from_sections or 2 * len(section_topics.intersection(named)) >= len(named)
            for item, tid in items_found:
                if not tid:
                    self.say(f"topic not in the taxonomy: {item!r} (in: {s})")
                    continue
                found.add(tid, item, s, headline)

    def _outcomes_where_named(self, found: "_TopicList", source_id: str) -> None:
        """Outcomes of a topic without a section: up to three other sentences that name it and say what was agreed."""
        for tid, (t, sentence) in found.entries.items():
            if t.get("outcomes"):
                continue
            label = next(iter(t["label"].values()))
            body = [s for _, s in self.sents if _find(label, s) and _AGREE.search(s) and not _NOT_MEETING.search(s) and s != sentence]
            if body:
                t["outcomes"] = self._outcomes(tid, body[:3], source_id)

    def _outcomes(self, tid: str, body, source_id: str) -> list[dict]:
        out = []
        for i, s in enumerate(body, 1):
            s = s.strip()
            if len(s) < 6:
                continue
            out.append({"id": f"{tid}-{len(out) + 1}", "text": self.text(s), "unverified": True, "sources": [source_id], "_sentence": s})
        return out


def make_draft(ds, text: str, today: _dt.date, *, dialogue=None, round_no=None, source_url=None, publisher=None, published=None, rounds=None) -> Draft:
    """The draft of ``text``; ``rounds`` (default: every round of ``ds``) may be any iterable of Round records."""
    art = parse_article(text, published)
    return Drafter(ds, art, today, rounds).build(dialogue=dialogue, round_no=round_no, source_url=source_url, publisher=publisher)


# ---------------------------------------------------------------- YAML with comments


def _scalar(value, flow: bool = False) -> str:
    import json

    import yaml

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    if flow and re.search(r"[,\[\]{}#&*!|>%@`'\"]|: |^[-?:]", value):
        return json.dumps(value, ensure_ascii=False)
    out = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10**9).strip()
    if out.endswith("\n..."):
        out = out[: -len("\n...")]
    if out.endswith("..."):
        out = out[:-3].strip()
    return out


def _comment(sentence: str, indent: str) -> list[str]:
    text = " ".join("".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in sentence).split())
    return [f"{indent}# « {text} »"]


def to_yaml(draft: Draft) -> str:
    lines = ["# yaml-language-server: $schema=../schema/round.schema.json",
             "# Draft made by `tracker draft`: every fact is unverified until checked against the article.",
             "# Each « … » comment quotes the sentence a fact came from. Check each fact, remove its",
             "# unverified flag (and the entry under unverified:), then run `tracker validate`."]
    _emit(draft.record, (), "", lines, draft.comments)
    return "\n".join(lines) + "\n"


def _emit(value, path, indent, lines, comments, first_prefix=None):
    if isinstance(value, dict):
        if _is_text(value):
            return
        for i, (key, item) in enumerate(value.items()):
            prefix = first_prefix if (i == 0 and first_prefix is not None) else indent
            sub = path + (key,)
            if isinstance(item, (list, dict)) and not item:
                continue
            if sub in comments and not isinstance(item, list):
                lines.extend(_comment(comments[sub], indent))
            elif sub in comments and key == "last_verified":
                lines.extend(_comment(comments[sub], indent))
            if isinstance(item, dict) and _is_text(item):
                lines.append(f"{prefix}{key}: {_flow(item)}")
            elif isinstance(item, dict):
                lines.append(f"{prefix}{key}:")
                _emit(item, sub, indent + "  ", lines, comments)
            elif isinstance(item, list):
                if sub in comments:
                    lines.extend(_comment(comments[sub], indent))
                if item and all(isinstance(x, str) for x in item):
                    lines.append(f"{prefix}{key}: [{', '.join(_scalar(x, True) for x in item)}]")
                    continue
                lines.append(f"{prefix}{key}:")
                for j, element in enumerate(item):
                    epath = sub + (j,)
                    if epath in comments:
                        lines.extend(_comment(comments[epath], indent + "  "))
                    if isinstance(element, dict) and _is_text(element):
                        lines.append(f"{indent}  - {_flow(element)}")
                    elif isinstance(element, dict):
                        _emit(element, epath, indent + "    ", lines, comments, first_prefix=f"{indent}  - ")
                    else:
                        lines.append(f"{indent}  - {_scalar(element)}")
            else:
                lines.append(f"{prefix}{key}: {_scalar(item)}")


def _is_text(value: dict) -> bool:
    return bool(value) and set(value) <= {"en", "zh"} and all(isinstance(v, str) for v in value.values())


def _flow(text: dict) -> str:
    return "{" + ", ".join(f"{k}: {_scalar(v, True)}" for k, v in text.items()) + "}"


def check_round_trip(draft: Draft, text: str) -> None:
    """The YAML must read back through the tracker's own reader without a problem; OutputError if not."""
    import os
    import tempfile

    from .data.model import Round
    from .data.parse import read_file

    with tempfile.TemporaryDirectory(prefix="tracker-draft-") as tmp:
        path = os.path.join(tmp, f"{draft.id}.yaml")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        result = read_file(path, Round)
    if result.record is None or result.problems:  # a bug of the drafter, reported in one line rather than written
        from .errors import OutputError

        first = result.problems[0] if result.problems else None
        where = f" (line {first.line}: {first.message})" if first else ""
        raise OutputError(f"the draft does not read back as a round file{where}; nothing written")
