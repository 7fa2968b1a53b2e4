"""Reading the article: its file, its header, dateline and publisher, its lines and sentences."""

from __future__ import annotations

import datetime as _dt
import html
import re
import unicodedata
from dataclasses import dataclass

from ..errors import InputError, Problem, TrackerError
from .dates import day_before
from .script import is_simplified, to_traditional
from .text import _MONTHS, CJK


class ArticleError(TrackerError):
    """The article cannot be read: one line, in the form of a data-file problem."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem

    def lines(self) -> list[str]:
        return [str(self.problem)]




LIMIT = 20 * 1024 * 1024  # the largest article read, from a file or standard input

# Characters that reorder what a terminal shows (U+202E shows "txt.exe" as "exe.txt"): never kept.
_BIDI = dict.fromkeys(map(ord, "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def read_article(path: str, stdin=None) -> str:
    """The article's text; ArticleError or InputError with one clear line if it cannot be used."""
    import os
    import stat

    from ..data.parse import decode

    name = "<stdin>" if path == "-" else path
    if path == "-":
        stream = stdin
        raw = stream.buffer.read(LIMIT + 1) if hasattr(stream, "buffer") else stream.read(LIMIT + 1)
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
    else:
        if not os.path.exists(path):
            raise InputError(f"{path}: no such file")
        if os.path.isdir(path):
            raise InputError(f"{path}: is a folder; give the article's file")
        if not stat.S_ISREG(os.stat(path).st_mode):  # a FIFO, socket or device would block or never end
            raise InputError(f"{path}: is not a regular file; to pipe an article in, give - and use standard input")
        try:
            with open(path, "rb") as fh:
                raw = fh.read(LIMIT + 1)
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(raw) > LIMIT:
        raise InputError(f"{name}: is larger than 20 MiB; an article is plain text")
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{name}: is a binary file, not a plain-text article")
    text, problem = decode(name, raw)
    if problem is not None or text is None:
        raise ArticleError(problem or Problem(name, 1, 1, "cannot be read as text", "save it as UTF-8"))
    if not text.strip():
        raise InputError(f"{name}: the article is empty")
    if sum(1 for ch in text[:4000] if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t") > 8:
        raise InputError(f"{name}: is a binary file, not a plain-text article")
    return text


@dataclass
class Article:
    """The article as lines of plain text, with what its header says."""

    lines: list[str]
    title: str | None = None
    url: str | None = None
    published: _dt.date | None = None
    dateline_day: int | None = None
    publisher: str | None = None
    language: str = "zh"
    original: tuple[str, str] | None = None  # (converted text, the article as written) for a simplified article
    reprint: str | None = None  # the words that show the text is a copy of a release published elsewhere, perhaps a day earlier

    def as_written(self, sentence: str) -> str:
        """A sentence as the article wrote it: in simplified characters when it was converted."""
        if self.original is None:
            return sentence
        converted, written = self.original
        at = converted.find(sentence)
        return written[at:at + len(sentence)] if at >= 0 else sentence

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def anchor(self) -> _dt.date | None:
        """The day the story speaks from: its dateline's day, else its publication date."""
        if self.published and self.dateline_day and self.dateline_day != self.published.day:
            d = day_before(self.published, self.dateline_day)
            if d:
                return d.first_day()
        return self.published


# Lines of a web page that are not the story: navigation, breadcrumbs, reading hints, a list's bare dates.
_BOILERPLATE = re.compile(
    r"^(?:skip to (?:main )?content|\d+ min read|[•·]\s*[^\d\s]\S*(?:\s\S+){0,2}|[-•]?\s*\d{4}/\d{1,2}/\d{1,2}\s+\d{1,2}:\d{2}"
    r"|\S{1,8}(?:\s*[>›»]\s*\S{1,8})+|to activate the text-to-speech.*|為達最佳瀏覽效果.*|請繼續(?:往下|下滑)閱讀.*"
    r"|本網站之文字.*|more$|trade$|news article$)$",
    re.IGNORECASE,
)


_HEADER_STAMP = re.compile(r"\d{4}/\d{1,2}/\d{1,2}\s+\d{1,2}:\d{2}")


def _to_lines(text: str) -> list[str]:
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    text = re.sub(r"<(script|style)\b.*?</\1>", "", text, flags=re.DOTALL | re.IGNORECASE)
    text = re.sub(r"<div class=['\"][^'\"]*(?:moreArticle|Subscription)[^'\"]*['\"].*", "", text, flags=re.DOTALL | re.IGNORECASE)
    text = re.sub(r"<(head|nav|header|footer|aside|form)\b.*?</\1>", "", text, flags=re.DOTALL | re.IGNORECASE)
    text = re.sub(r"</?(p|div|br|li|h\d|tr)\b[^>]*>", "\n", text, flags=re.IGNORECASE)
    text = re.sub(r"<[^>]+>", "", text)
    text = html.unescape(text)
    out: list[str] = []
    for line in text.splitlines():
        line = line.replace("\u3000", " ").strip()
        if not line or re.fullmatch(r"[-=_*]{3,}|(?:廣告\s*)+", line):
            continue
        if _BOILERPLATE.search(line) and not (len(out) < 8 and _HEADER_STAMP.fullmatch(line)):
            continue  # a bare date and time is kept in the header, where it dates the story, and dropped below it
        out.append(line)
    return out


def _clean(text: str) -> str:
    """Line breaks made plain, control characters and other line separators made spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_BIDI)
    return "".join(
        ch if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cs", "Co", "Zl", "Zp") else " " for ch in text
    )


def parse_article(text: str, published: _dt.date | None = None) -> Article:
    text = _clean(text)
    original = None
    if is_simplified(text):
        converted = to_traditional(text)
        original, text = (text, converted) if len(converted) == len(text) else (None, converted)
    header, lines = _front_matter(text.split("\n"))
    header = {**_html_meta(text), **header}
    art = Article(_join_broken(_to_lines("\n".join(lines))))
    _read_title_and_url(art, header, text)
    _read_publication_date(art, header)
    _read_title_in_body(art)
    text_all = "\n".join(art.lines)
    _read_dateline(art, text_all)
    if art.published is None:
        art.published = _roc_stamp(text_all)
    if art.published is None and art.url:
        art.published = _url_date(art.url)
    if published:
        art.published = published
    elif art.dateline_day is None:
        art.reprint = _reprint(text)
    art.lines = _without_trailers(art.lines)
    art.publisher = _publisher(text_all, header)
    art.language = _language(text_all)
    if original is not None:
        art.original = (text, original)
    return art


_META = re.compile(r"<meta\s+[^>]*?(?:property|name)=[\"']([^\"']+)[\"'][^>]*?content=[\"']([^\"']*)[\"']", re.IGNORECASE)
_META_KEYS = {"og:site_name": "author", "og:url": "url", "og:title": "title", "article:published_time": "date",
              "pubdate": "date", "date": "date", "dc.date": "date"}


def _html_meta(text: str) -> dict[str, str]:
    """What a saved web page says of itself: title, address, site name and publication date (meta tags, <title>)."""
    if not re.search(r"<(?:html|head|meta|body)\b", text[:20000], re.IGNORECASE):
        return {}
    header: dict[str, str] = {}
    for key, value in _META.findall(text[:200000]):
        name = _META_KEYS.get(key.lower())
        if name and name not in header and value.strip():
            header[name] = html.unescape(value.strip())
    if "title" not in header:
        m = re.search(r"<title[^>]*>([^<]{1,300})</title>", text[:200000], re.IGNORECASE)
        if m:
            header["title"] = html.unescape(m.group(1).strip())
    if "title" in header:  # 'Headline | Politics | Site' keeps the headline
        header["title"] = re.split(r"\s+[|｜]\s+", header["title"])[0].strip()
    return header


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
    """The title and address from the front matter, a Markdown link in ``text``, a [title](url) first line or a first
    line that is only an address (then dropped)."""
    art.title = header.get("title")
    art.url = header.get("from") or header.get("url") or header.get("link")
    if art.lines and re.fullmatch(r"https?://\S+", art.lines[0]):
        art.url = art.url or art.lines[0]
        art.lines = art.lines[1:]
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
        m = re.match(r"^date[:\s]+(\d{4}-\d{2}-\d{2})\b\s*(.*)$", art.lines[0], re.IGNORECASE)
        if m:
            art.published = art.published or _iso_day(m.group(1))
            art.lines = [ln for ln in [m.group(2).strip(), *art.lines[1:]] if ln]
    for i, line in enumerate(art.lines[:6]):  # a line that is only a date: 28 April 2023, June 2, 2023, 2023年6月2日, 2024/10/24
        day = _header_date(line)
        if day:
            art.published = art.published or day
            del art.lines[i]
            break


def _header_date(line: str) -> _dt.date | None:
    """The date of a header line that says nothing else (a time or an update note may follow)."""
    rest = r"(?:\s+\d{1,2}:\d{2})?\s*(?:[（(][^)）]{0,20}[)）])?"
    forms = (
        (r"(\d{4})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})\s*日?", (1, 2, 3)),
        (r"(\d{1,2})\s+([A-Z][a-z]{2,8})\.?,?\s+(\d{4})", (3, 2, 1)),
        (r"([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),?\s+(\d{4})", (3, 1, 2)),
    )
    for pattern, (y, mo, d) in forms:
        m = re.fullmatch(r"(?:[•·-]\s*)?" + pattern + rest, line.strip())
        if m:
            month = m.group(mo)
            number = int(month) if month.isdigit() else _MONTHS.get(month[:3].lower())
            try:
                return _dt.date(int(m.group(y)), number, int(m.group(d))) if number else None
            except ValueError:
                return None
    return None


def _read_title_in_body(art: Article) -> None:
    """Failing a title in the header, the one after 原文出處, else a short first line that is not a sentence."""
    if art.title:
        return
    body = art.lines
    m = re.search(r"原文出處[：:]\s*(?:[^／/]{1,8}[／/])?(.+)$", "\n".join(body), re.MULTILINE)
    if m:
        art.title = m.group(1).strip()
    elif body and len(body[0]) <= 120 and not re.search(r"[。.]$", body[0]):
        art.title = body[0]


_ZH_DATELINE = re.compile(
    r"[（(][^（）()]{0,30}?(?:中央社|記者)[^（）()]{0,30}?(\d{1,2})日(?:專)?電[）)]"
    r"|【[^【】]{0,30}?(?:(\d{4})\s*年\s*(\d{1,2})\s*月\s*)?(\d{1,2})\s*日\s*(?:專)?[訊電]\s*】"
)


def _read_dateline(art: Article, text_all: str) -> None:
    """The day of a dateline: CNA's （中央社記者…20日電）, (…13日專電) with half-width brackets too,
    【…2022年06月02日訊】, taken out of the lines, or "Taipei, Nov. 20, 2020 (CNA)"."""
    m = _ZH_DATELINE.search(text_all)
    if m:
        art.dateline_day = int(m.group(1) or m.group(4))
        if m.group(2):  # a dateline with its year and month: the day the story was filed
            try:
                filed = _dt.date(int(m.group(2)), int(m.group(3)), art.dateline_day)
            except ValueError:
                art.dateline_day = None
            else:
                art.published = art.published or filed
        art.lines = [x for x in (ln.replace(m.group(0), "", 1).strip() for ln in art.lines) if x]
        return
    # "Taipei, Nov. 20, 2020 (CNA)", "Taipei, Dec. 13 (CNA)": the day the story was filed, not the meeting's
    en = _EN_DATELINE.search(text_all)
    if not en:
        return
    year = en.group(3) or (str(art.published.year) if art.published else None)
    d = _en_date(en.group(1), en.group(2), year)
    if d is None:
        return
    if art.published and not en.group(3) and d > art.published + _dt.timedelta(days=1):
        d = _en_date(en.group(1), en.group(2), str(art.published.year - 1))
        if d is None:
            return
    art.published = art.published or d
    art.dateline_day = d.day
    art.lines = [x for x in (ln.replace(en.group(0).strip(), "", 1).strip() for ln in art.lines) if x]


_EN_DATELINE = re.compile(
    r"(?:^|\n)[A-Z][A-Za-z.]+(?:,\s+[A-Z][A-Za-z.]+)?,\s+([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?\s*"
    r"\((?:CNA|AP|AFP|Reuters|Xinhua|Kyodo|Yonhap|[A-Z][A-Za-z]+ News)\)"
)


def _url_date(url: str) -> _dt.date | None:
    """The publication date a web address gives: /20220602/, /2022-11-12/, /2023/11/09/, /202312080018."""
    m = re.search(r"/(20\d{2})([-/]?)(0[1-9]|1[0-2])\2([0-3]\d)(?:/|\d{4}(?:\D|$)|\.|$)", url)
    if not m:
        return None
    try:
        return _dt.date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
    except ValueError:
        return None


# Words that show the text is a copy of a release published elsewhere: its "today" may be a day before the copy's date.
_REPRINT = re.compile(
    r"You are subscribed to|has recently been updated|originally (?:published|posted)|re-?posted from|republished|"
    r"^date\s+\S+\s+\((?!CNA\b)[A-Z]{3,}\)|轉載自|轉貼自|本文轉載",  # date 2020-11-21 (AGENCY): a copy's date line
    re.IGNORECASE | re.MULTILINE,
)


def _reprint(text_all: str) -> str | None:
    m = _REPRINT.search(text_all[:3000])
    return m.group(0) if m else None


def _roc_stamp(text_all: str) -> _dt.date | None:
    """The date of CNA's ROC stamp (1091120) near the end of the story."""
    stamp = re.search(r"(?<!\d)(1[01]\d)(0[1-9]|1[0-2])([0-3]\d)(?!\d)", text_all[-400:])
    if stamp:
        try:
            return _dt.date(int(stamp.group(1)) + 1911, int(stamp.group(2)), int(stamp.group(3)))
        except ValueError:
            pass
    return None


# The heading of a page's closing list of other stories (延伸閱讀, Related News): it and what follows are not the story.
_MORE_STORIES = re.compile(r"(?:延伸閱讀|相關新聞|相關報導|更多新聞|推薦閱讀|熱門新聞|看更多|Related(?: News| Stories| Articles| Content)?|"
                           r"Read (?:more|also|next)|See also|More (?:news|stories|on this)|Recommended)\s*[:：]?", re.IGNORECASE)
# A line naming other stories or the page's tags: "Read more: …", "相關新聞：…", "Tags: …"
_MORE_LINE = re.compile(r"(?:" + _MORE_STORIES.pattern + r"|Tags?|Keywords|標籤|關鍵字)\s*[:：]", re.IGNORECASE)


def _without_more_stories(lines: list[str]) -> list[str]:
    """The lines without a list of other stories (a heading of its own, 延伸閱讀 or Related News, and the headlines under
    it: short lines that are not sentences) and without lines that name other stories or tags."""
    out: list[str] = []
    listing = False
    for line in lines:
        text = line.strip()
        if out and _MORE_STORIES.fullmatch(text):
            listing = True
            continue
        if listing and len(text) <= 80 and not re.search(r"[。.!?！？]$", text):
            continue  # a headline of another story
        listing = False
        if not _MORE_LINE.match(text):
            out.append(line)
    return out


def _without_trailers(lines: list[str]) -> list[str]:
    """The lines without what is not part of the story: an editor's trailer, the ROC stamp, an English dateline,
    a closing list of other stories."""
    lines = _without_more_stories(lines)
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


def _iso_day(value: str) -> _dt.date | None:
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    if not m:
        return None
    try:
        return _dt.date(*(int(g) for g in m.groups()))
    except ValueError:
        return None


def _en_date(month: str, day: str, year: str | None) -> _dt.date | None:
    mo = _MONTHS.get(month[:3].lower())
    if not mo or not year:
        return None
    try:
        return _dt.date(int(year), mo, int(day))
    except ValueError:
        return None


def _publisher(text: str, header: dict) -> str | None:
    author = header.get("author", "")
    m = re.search(r"(中央社|CNA)", author)
    if m or re.search(r"[（(]中央社[^）)]*電[）)]", text):
        return "中央社"
    m = re.search(r"^(\S{2,10}?)新聞稿", text[:300], re.MULTILINE)  # 外交部新聞稿 on a line of its own
    if m:
        return m.group(1)
    m = re.search(r"更多([^\s，。]{2,10}?)報導", text) or re.search(r"原文出處[：:]\s*([^／/\s]{2,10})[／/]", text)
    if m:
        return m.group(1)
    m = re.search(r"\((CNA|Focus Taiwan|Taiwan News|Reuters|AP|AFP)\)", text)
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

