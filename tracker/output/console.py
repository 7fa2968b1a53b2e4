"""The console every terminal answer draws on: rich, set up for the terminal it writes to.

Only the output modules import rich, and only when a command draws for a person. Every text from
the data is passed as ``rich.text.Text`` so that brackets in it are never read as markup; what a
console prints passes a last net that shows control and bidirectional characters visibly.
"""

from __future__ import annotations

from typing import IO, cast

from rich.console import Console, RenderHook
from rich.text import Text as RText

from ..safe import UNSAFE, visible
from .layout import NBSP, WJ, cell_width, wrap
from .target import Terminal


class _Console(Console):
    def on_broken_pipe(self) -> None:
        from ..errors import PipeClosed

        raise PipeClosed()


class _TrimmedLines:
    """A stream that writes whole lines without their trailing spaces, and no blank line first.

    Tables pad every cell to its column's width; a pipe or a file should not carry that padding.
    """

    def __init__(self, stream):
        self.stream = stream
        self.pending = ""
        self.started = False
        self.encoding = getattr(stream, "encoding", None) or "utf-8"

    def write(self, text: str) -> int:
        self.pending += text
        if "\n" in self.pending:
            *whole, self.pending = self.pending.split("\n")
            out = []
            for line in whole:
                line = line.rstrip()
                if not self.started and not line:
                    continue
                self.started = True
                out.append(line + "\n")
            if out:
                self.stream.write("".join(out))
        return len(text)

    def flush(self) -> None:
        if self.pending.rstrip():
            self.stream.write(self.pending.rstrip())
            self.started = True
        self.pending = ""
        self.stream.flush()

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return self.stream.fileno()


class _Visible:
    """Draws a renderable with every control or bidirectional character of its text shown, not sent.

    The View already passes the data's text through ``visible``; this is the net
    under everything else a console prints (terminal, SVG and HTML alike).
    """

    def __init__(self, renderable) -> None:
        self.renderable = renderable

    def __rich_console__(self, console, options):
        from rich.segment import Segment

        for segment in console.render(self.renderable, options):
            text = segment.text
            if segment.control or not UNSAFE.search(text):
                yield segment
            else:
                yield Segment(visible(text), segment.style)


class _ShowVisibly(RenderHook):
    def process_renderables(self, renderables):
        return [_Visible(r) for r in renderables]


def make_console(terminal: Terminal, stream, record: bool = False) -> Console:
    """A console writing to ``stream`` for ``terminal``; with ``record``, one that keeps what it
    draws for a picture."""
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower()
    console = _Console(
        file=stream if terminal.color else cast(IO[str], _TrimmedLines(stream)),
        force_terminal=terminal.color or None,
        no_color=not terminal.color,
        color_system="auto" if terminal.color else None,
        width=terminal.width or (None if terminal.isatty else 100),
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
        safe_box="utf" not in encoding,
        record=record,
    )
    console.push_render_hook(_ShowVisibly())
    return console


def _find_kept(plain: str, content: str, pos: int) -> tuple[int, int] | None:
    """Where ``content``, a line ``wrap`` made, is in ``plain``, a text with names kept whole by
    ``layout.keep`` (word joiners, no-break spaces), from ``pos`` on; None if it is not there."""
    for start in range(pos, len(plain)):
        i, j = start, 0
        while j < len(content) and i < len(plain):
            if plain[i] == WJ:
                i += 1
            elif plain[i] == content[j] or (plain[i] == NBSP and content[j] == " "):
                i, j = i + 1, j + 1
            else:
                break
        if j == len(content):
            return start, i
    return None


def _without_marks(text: RText, start: int, end: int) -> RText:
    """``text[start:end]`` with its styles, the marks of ``layout.keep`` taken out."""
    seg = text[start:end]
    before = [0]  # before[i]: how many characters are kept before position i
    for ch in seg.plain:
        before.append(before[-1] + (ch != WJ))
    out = RText(seg.plain.replace(WJ, "").replace(NBSP, " "), style=seg.style)
    for span in seg.spans:
        out.stylize(span.style, before[span.start], before[span.end])
    return out


class Filled:
    """Rows of a prefix (a bullet, a number, a label) and a styled text, the text filled to the
    width under a hanging indent by ``layout.wrap``: no word or name broken, no line starting with
    closing punctuation. Drawn by rich, so pictures (--svg, --html) get it too."""

    def __init__(self, rows: list) -> None:
        self.rows = rows  # (prefix, RText, prefix style)

    def __rich_console__(self, console, options):
        width = options.max_width
        for prefix, item, prefix_style in self.rows:
            hang = " " * cell_width(prefix)
            for k, sub in enumerate(item.split("\n")):
                plain = sub.plain
                first = prefix if k == 0 else hang
                pos = 0
                for n, line in enumerate(wrap(plain, width, hang, first)):
                    lead = first if n == 0 else hang
                    content = line[len(lead):]
                    at = plain.find(content, pos) if content else -1
                    if at >= 0:
                        seg, pos = sub[at: at + len(content)], at + len(content)
                    elif content and (found := _find_kept(plain, content, pos)) is not None:
                        seg, pos = _without_marks(sub, *found), found[1]
                    else:
                        seg = RText(content, style=sub.style)
                    out = RText(lead, style=prefix_style if (k == 0 and n == 0) else "") + seg
                    out.no_wrap, out.overflow = True, "ignore"
                    yield out
