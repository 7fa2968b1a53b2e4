"""The words the drafter looks for, and how it finds a name in a sentence.

Every text match of the drafter goes through ``fold`` and ``find`` here: one place to change how
names are compared (case, width, 臺/台).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from ..data.text import VARIANTS

_VARIANTS = str.maketrans(VARIANTS)

CJK = r"\u3400-\u9fff"
_CN_NUM = {"一": 1, "二": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "首": 1}
_EN_ORD = {
    "first": 1, "inaugural": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_WEEKDAYS = {d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}

_MEETING_VERB = r"(?:登場|舉行|舉辦|召開|完成|落幕|開會|會面|會談|展開|進行|以視訊|透過|視訊|線上|共同召開|共同主持|共同簽署|代表簽署|簽署|簽訂|生效)"
_LEAD_CUE = re.compile(r"主談|率領|領銜|共同召開|共同主持|主持|co-?chair|led by|chaired|headed by|\bled the\b", re.IGNORECASE)
_ATTEND_CUE = re.compile(r"與會|出席|參加|參與|代表團|率|會談|attend|delegation|particip|joined|represented by|discussions with|\bmet\b", re.IGNORECASE)
_NOT_MEETING = re.compile(r"記者會|press conference|致詞時|受訪", re.IGNORECASE)
_FUTURE = re.compile(r"期待|期盼|盼|希望|未來|下屆|下一屆|將於|預計|籌辦|hope|will be held|next round|next year", re.IGNORECASE)
_AGREE = re.compile(r"同意|將|承諾|確認|宣布|簽署|決定|支持|致力|agree|will|commit|announc|sign|decid|support", re.IGNORECASE)
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

# a sentence about an earlier meeting than the one reported: its format, place, date and agenda are not this meeting's
_BACKGROUND = re.compile(r"上屆|上一屆|前一屆|前次|上次|最近一次|時任|previous|last (?:year|round|meeting|dialogue)|\bprior\b", re.IGNORECASE)

_PRESS = re.compile(r"記者會|press conference", re.IGNORECASE)


def _clause(s: str, start: int, end: int) -> str:
    """The clause of sentence ``s`` around [start, end): between commas, semicolons and full stops."""
    a = max(s.rfind(c, 0, start) for c in "，；。,;") + 1
    ends = [i for i in (s.find(c, end) for c in "，；。;") if i != -1]
    return s[a:min(ends) if ends else len(s)]



@functools.lru_cache(maxsize=8192)
def _fold(text: str) -> str:
    """Text as the drafter compares it: the data layer's variant table (臺/台, dashes …) and NFKC with case
    folded, as ``tracker.data.text.fold_name`` does, but without collapsing spaces or singularising plurals,
    so that a match's positions still point into the sentence (a label is cut from the article at them)."""
    return unicodedata.normalize("NFKC", text).casefold().translate(_VARIANTS)


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

