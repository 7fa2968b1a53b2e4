"""Dates typed by users: ISO, partial, natural English and the ROC (Minguo) calendar.

A date option names a period: ``2021`` is the whole year, ``Nov 2020`` the
whole month.  ``--since`` takes the first day of that period and ``--until``
the last, so both bounds are inclusive.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata

from ..errors import InputError
from .model import PartialDate

ROC_OFFSET = 1911  # ROC year 1 is 1912

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_SLASH = re.compile(r"^(\d{1,4})[/.](\d{1,2})(?:[/.](\d{1,2}))?$")
_CJK = re.compile(r"^(民國|民国)?\s*(\d{1,4})\s*年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日號号]?)?)?$")
_COMPACT = re.compile(r"^(\d{7}|\d{8})$")

HELP = (
    "A date: 2020-11-20, 2021-11 or 2021; Nov 2020 or 20 November 2020; "
    "or ROC: 民國109年11月20日, 109年11月20日, 109/11/20, 1091120."
)


def _build(year: int, month: int | None, day: int | None, text: str) -> PartialDate:
    try:
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month {month} does not exist")
        if day is not None:
            _dt.date(year, month or 0, day)  # a day needs a month: month 0 does not exist
        if not 1 <= year <= 9999:
            raise ValueError(f"year {year} is out of range")
    except ValueError as exc:
        raise InputError(f"{text!r} is not a real date: {exc}") from None
    return PartialDate(year, month, day)


def _roc(year: int, raw: str) -> int:
    if year < 1:
        raise InputError(f"{raw!r} is not a real date: the ROC calendar has no year 0 (民國1年 is 1912)")
    return year + ROC_OFFSET


def parse_date(text: str) -> PartialDate:
    """The period a user's date names; InputError if it cannot be read."""
    raw = text
    text = unicodedata.normalize("NFKC", text or "").strip()
    if not text:
        raise InputError("empty date (" + HELP + ")")
    if len(text) > 64:
        raise InputError(f"cannot read the date {raw[:30]!r}… ({HELP})")
    m = _ISO.match(text)
    if m:
        iso = [int(g) if g else None for g in m.groups()]
        return _build(iso[0] or 0, iso[1], iso[2], raw)
    m = _CJK.match(text)
    if m:
        minguo, cy, cmo, cd = m.groups()
        year = int(cy)
        if minguo or year < 1000:
            year = _roc(year, raw)
        return _build(year, int(cmo) if cmo else None, int(cd) if cd else None, raw)
    m = _SLASH.match(text)
    if m:
        sy, smo, sd = m.groups()
        year = int(sy)
        if len(sy) <= 3:
            year = _roc(year, raw)
        elif len(sy) != 4:
            raise InputError(f"cannot read the date {raw!r} ({HELP})")
        return _build(year, int(smo), int(sd) if sd else None, raw)
    m = _COMPACT.match(text)
    if m:
        digits = m.group(1)
        if len(digits) == 7:  # ROC YYYMMDD, as stamped on CNA stories
            return _build(_roc(int(digits[:3]), raw), int(digits[3:5]), int(digits[5:]), raw)
        return _build(int(digits[:4]), int(digits[4:6]), int(digits[6:]), raw)
    return _natural(text, raw)


def _natural(text: str, raw: str) -> PartialDate:
    """English dates through python-dateutil, keeping only the parts the user typed."""
    if not re.search(r"[A-Za-z]", text) or not re.search(r"\d{4}", text):
        raise InputError(f"cannot read the date {raw!r} ({HELP})")
    from dateutil import parser as dparser  # type: ignore[import-untyped]

    try:
        one = dparser.parse(text, default=_dt.datetime(2001, 1, 1), fuzzy=False)
        two = dparser.parse(text, default=_dt.datetime(2002, 2, 2), fuzzy=False)
    except (ValueError, OverflowError, TypeError):
        raise InputError(f"cannot read the date {raw!r} ({HELP})") from None
    if one.year != two.year:
        raise InputError(f"the date {raw!r} has no year ({HELP})")
    month = one.month if one.month == two.month else None
    day = one.day if one.day == two.day and month else None
    return _build(one.year, month, day, raw)


def to_roc(date: _dt.date, style: str = "cjk") -> str:
    """A Gregorian date in the ROC calendar: 民國109年11月20日, 109/11/20 or 1091120."""
    year = date.year - ROC_OFFSET
    if year < 1:
        raise ValueError("dates before 1912 have no ROC year")
    if style == "slash":
        return f"{year}/{date.month:02d}/{date.day:02d}"
    if style == "compact":
        return f"{year:03d}{date.month:02d}{date.day:02d}"
    return f"民國{year}年{date.month}月{date.day}日"


def date_range(since: str | _dt.date | None, until: str | _dt.date | None) -> tuple[_dt.date | None, _dt.date | None]:
    """Inclusive bounds from --since and --until (text, or days already); InputError if the range is empty.

    The one check of a date range, for the command line and the library alike."""
    start = since if isinstance(since, _dt.date) else parse_date(since).first_day() if since is not None else None
    end = until if isinstance(until, _dt.date) else parse_date(until).last_day() if until is not None else None
    if start and end and end < start:
        raise InputError(f"--until {until} ends before --since {since} starts")
    return start, end
