"""Text laid out for a terminal of a given width, without ever breaking a word.

Tables here are one line per row, as in ``gh`` and ``git log --oneline``: when
the columns do not fit, the lowest-priority ones are shortened to their
minimum, then dropped, and a cell that is still too long ends in ``…``.
Nothing is ever folded inside a word, a name, an ID or a date.

Widths are terminal cells: a Chinese character takes two.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Union

ELLIPSIS = "…"
GAP = "  "

# A cell: plain text, or (text, style) where style is a rich style name used only on a colour terminal.
Cell = Union[str, "tuple[str, str]"]


def cell_width(text: str) -> int:
    """How many terminal cells ``text`` takes (wide East Asian characters take two)."""
    if text.isascii():  # one cell a character: no ASCII character is wide or combining
        return len(text)
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or ch == WJ:
            continue
        width += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return width


def truncate(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells, ending in … when something was cut."""
    if cell_width(text) <= width:
        return text
    if width <= 0:
        return ""
    out, used = [], 0
    for ch in text:
        w = cell_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out).rstrip() + ELLIPSIS


@dataclass(frozen=True)
class Column:
    """One column: its header, how it may give way when the table is too wide.

    ``drop``: 0 for a column that identifies the row and is never dropped; otherwise the
    higher the number, the sooner it goes. ``shrink``: the narrowest this column may be cut to
    (with …); None for a column that is never cut (a date, an ID). ``wrap``: a column whose
    cells are never cut but filled on as many lines as they need, at spaces and between
    Chinese characters, as ``wrap`` fills a paragraph (no word or name kept by ``keep`` is
    broken); it narrows down to its longest word, and with ``drop`` 0 only once every column
    that may be dropped is gone.
    """

    header: str
    drop: int = 0
    shrink: int | None = None
    right: bool = False
    wrap: bool = False


def _text(cell: Cell) -> str:
    return cell[0] if isinstance(cell, tuple) else cell


def _style(cell: Cell) -> str:
    return cell[1] if isinstance(cell, tuple) else ""


def fit(columns: Sequence[Column], rows: Sequence[Sequence[Cell]], width: int) -> tuple[list[int], list[int]]:
    """Which columns to keep and how wide each is, so that a row fits in ``width`` cells.

    Returns (indexes of the kept columns, their widths).
    """
    natural = [max([cell_width(c.header)] + [cell_width(_text(r[i])) for r in rows]) for i, c in enumerate(columns)]
    keep = [i for i in range(len(columns)) if natural[i] > 0 or columns[i].drop == 0]
    droppable = sorted((i for i in keep if columns[i].drop), key=lambda i: (-columns[i].drop, -i))
    longest = {i: max([cell_width(columns[i].header)] + [_longest_word(_text(r[i])) for r in rows])
               for i in range(len(columns)) if columns[i].wrap}

    def give_way(widths: dict[int, int], floors: dict[int, int], excess: int) -> int:
        """Shrink the widest of ``floors`` a cell at a time, so that the widest give way evenly,
        none below its minimum; returns what is still too much."""
        while excess > 0:
            cands = [i for i in floors if widths[i] > floors[i]]
            if not cands:
                break
            i = max(cands, key=lambda j: (widths[j], columns[j].drop))
            widths[i] -= 1
            excess -= 1
        return excess

    while True:
        widths = {i: natural[i] for i in keep}
        excess = sum(widths.values()) + len(GAP) * (len(keep) - 1) - width
        floors = {i: max(shrink, cell_width(columns[i].header)) for i in keep if (shrink := columns[i].shrink) is not None}
        floors.update({i: longest[i] for i in keep if i in longest and columns[i].drop})
        excess = give_way(widths, floors, excess)
        if excess <= 0 or not droppable:
            break
        keep.remove(droppable.pop(0))
    # what may not be dropped and wraps gives way last
    excess = give_way(widths, {i: longest[i] for i in keep if i in longest and not columns[i].drop}, excess)
    if excess > 0:  # nothing left to drop: the last column gives what it must
        last = keep[-1]
        widths[last] = max(1, widths[last] - excess)
    return keep, [widths[i] for i in keep]


def table_lines(columns: Sequence[Column], rows: Sequence[Sequence[Cell]], width: int, indent: int = 0,
                header_style: str = "bold") -> tuple[list[list[tuple[str, str]]], list[int]]:
    """The header and rows as lines of (text, style) pieces, each at most ``width`` cells.

    Also returns the indexes of the columns that were dropped. Lines carry no trailing space.
    """
    keep, widths = fit(columns, rows, max(1, width - indent))
    dropped = [i for i in range(len(columns)) if i not in keep]

    def line(cells: Sequence[Cell], header: bool) -> list[tuple[str, str]]:
        pieces: list[tuple[str, str]] = [(" " * indent, "")] if indent else []
        for n, (i, w) in enumerate(zip(keep, widths)):
            cell = cells[i]
            text = _text(cell) if columns[i].wrap and not header else truncate(_text(cell), w)
            pad = " " * (w - cell_width(text))
            if n:
                pieces.append((GAP, ""))
            style = header_style if header else _style(cell)
            if columns[i].right:
                pieces += [(pad, ""), (text, style)]
            else:
                pieces += [(text, style), (pad, "")]
        return _rstrip(pieces)

    def row_lines(cells: Sequence[Cell]) -> list[list[tuple[str, str]]]:
        """A row on as many lines as its wrapping cells need; the other cells on its first line."""
        filled = {i: wrap(_text(cells[i]), w) for i, w in zip(keep, widths) if columns[i].wrap}
        if not filled:
            return [line(cells, False)]
        out = []
        for k in range(max(len(v) for v in filled.values())):
            here = [
                (filled[i][k] if k < len(filled[i]) else "", _style(cells[i])) if i in filled
                else (cells[i] if k == 0 else "")
                for i in range(len(cells))
            ]
            out.append(line(here, False))
        return out

    out = [line([c.header for c in columns], True)]
    for r in rows:
        out += row_lines(r)
    return out, dropped


def _longest_word(text: str) -> int:
    """The width of the longest piece ``wrap`` never breaks in ``text``."""
    return max((cell_width(t.replace(NBSP, " ")) for t in _tokens(text) if t != " "), default=0)


def _rstrip(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    while pieces and not pieces[-1][0].strip():
        pieces.pop()
    if pieces:
        text, style = pieces[-1]
        pieces[-1] = (text.rstrip(), style)
    return pieces


def wrap(text: str, width: int, indent: str = "", first: str | None = None) -> list[str]:
    """``text`` filled to ``width`` cells at spaces (and between Chinese characters).

    A Latin word, a URL, an ID or a date is never split: one longer than the line stands
    on a line of its own. No line starts with closing punctuation (，。、；：）」). A no-break
    space (U+00A0) keeps two words together and is written as a plain space.
    ``first`` is the prefix of the first line (``indent`` by default).
    """
    lines: list[str] = []
    prefix = indent if first is None else first
    current, used = prefix, cell_width(prefix)
    fresh = True
    for token in _tokens(text):
        if token == " ":
            if not fresh:
                current += " "
                used += 1
            continue
        w = cell_width(token)
        if not fresh and used + w > width:
            lines.append(current.rstrip())
            current, used, fresh = indent, cell_width(indent), True
        current += token
        used += w
        fresh = False
    if current.strip() or not lines:
        lines.append(current.rstrip())
    return [line.replace(NBSP, " ").replace(WJ, "") for line in lines]


NBSP = "\u00a0"
WJ = "\u2060"  # word joiner: no break here


def keep(text: str, spaces: bool = False) -> str:
    """``text`` marked so that ``wrap`` never breaks it between two Chinese characters: a Chinese
    name stays whole; English names still wrap at their spaces, as names in running text do,
    unless ``spaces`` (a place, a person's name: never split)."""
    if spaces:
        text = text.replace(" ", NBSP)
    return _JOINS.sub(WJ, text)


# Where ``keep`` puts a word joiner: between two characters that are not spaces, unless both are
# printable ASCII (``wrap`` never breaks a run of those: they are one word already).
_JOINS = re.compile(r"(?<=[^\s!-~])(?=\S)|(?<=\S)(?=[^\s!-~])")


def keep_names(text: str, names: dict[str, bool], limit: int) -> str:
    """``text`` (prose: a note, a follow-up) with each of ``names`` in it kept whole by ``keep``:
    a name marked True (a person's, a place's) with its spaces too, any other name between its
    Chinese characters. Names wider than ``limit`` cells are left to wrap, so that no line is ever
    wider than the terminal."""
    if not text:
        return text
    present = [n for n in names if n and n in text]  # the few names the text holds, found cheaply
    usable = [n for n in present if cell_width(n) <= limit and (names[n] or any(_is_wide(c) for c in n))]
    if not usable:
        return text
    usable.sort(key=len, reverse=True)  # the longest name first: "Kung Ming-hsin" before "Kung"
    pattern = re.compile("|".join(re.escape(n) for n in usable))
    return pattern.sub(lambda m: keep(m.group(0), spaces=names[m.group(0)]), text)


_NO_START = set("，。、；：！？）」』》〉】,.;:!?)]}…")
_NO_END = set("（「『《〈【([{")


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


# A run of characters that only ever lengthen the word at hand (printable ASCII, Latin letters and
# accents, a no-break space inside the run), or one other character
_PIECES = re.compile(r"([!-~\u00a1-\u036f][!-~\u00a0-\u036f]*)|(.)", re.DOTALL)


def _tokens(text: str) -> list[str]:
    """Words, single wide characters and single spaces; punctuation kept with its neighbour."""
    raw: list[str] = []
    word = ""
    for run, ch in _PIECES.findall(text):
        if run:
            word += run
            continue
        if ch == WJ:
            if word:
                raw.append(word)
                word = ""
            raw.append(WJ)
            continue
        if ch == NBSP and not word and raw and raw[-1] not in (" ", WJ):
            word = raw.pop()  # a no-break space holds on to what precedes it
        if ch.isspace() and ch != NBSP:
            if word:
                raw.append(word)
                word = ""
            raw.append(" ")
        elif _is_wide(ch) and ch in _NO_START:  # a break may follow closing punctuation
            raw.append(word + ch)
            word = ""
        elif _is_wide(ch) and ch not in _NO_END:
            if word:
                raw.append(word)
                word = ""
            raw.append(ch)
        else:
            word += ch
    if word:
        raw.append(word)
    # glue: closing punctuation to what precedes it, opening punctuation to what follows
    out: list[str] = []
    glue = False
    for tok in raw:
        if tok == WJ:
            glue = True
            continue
        if glue and out and out[-1] != " ":
            out[-1] += tok
            glue = False
            continue
        glue = False
        if out and out[-1] != " " and (tok[0] in _NO_START or out[-1][-1] in _NO_END):
            out[-1] += tok
        elif len(out) > 1 and out[-1] == " " and tok[0] in _NO_START:
            out.pop()  # "word ，": the space goes with the punctuation, which stays with the word
            out[-1] += NBSP + tok
        else:
            out.append(tok)
    return out
