"""``--svg`` and ``--html``: what the terminal answer draws, recorded and saved as a picture."""

from __future__ import annotations

from typing import Any, Literal, TextIO

from ..errors import InputError, one_line
from .target import Target


class pictures:
    """``with pictures(target, svg, html, force, fmt, data_dir, stderr) as drawn:`` gives the target
    to draw on (recording when a picture is asked for) and saves the picture when the drawing is done."""

    def __init__(self, target: Target, svg: str | None, html: str | None, force: bool, fmt: str,
                 data_dir: str | None, stderr: TextIO) -> None:
        self.target, self.svg, self.html, self.force = target, svg, html, force
        self.data_dir, self.stderr = data_dir, stderr
        self.console: Any = None
        if (svg or html) and fmt != "table":
            raise InputError("--svg and --html save the table view; drop --format")
        if svg == html == "-":
            raise InputError("only one of --svg and --html can go to standard output (-)")
        for path in (svg, html):
            if path:
                from .files import check_target

                check_target(path, force=force, data_dir=data_dir)

    def __enter__(self) -> Target:
        if not (self.svg or self.html):
            return self.target
        from .console import make_console

        self.console = make_console(self.target.terminal, self.target.stream, record=True)
        if "-" in (self.svg, self.html):  # the picture is the output: the table is only recorded
            import io

            self.console.file = io.StringIO()
        return self.target.recording(self.console)

    def __exit__(self, kind, value, tb) -> Literal[False]:
        console = self.console
        if kind is not None or console is None:
            return False
        from .files import STDOUT, write_text

        stdout = self.target.stream
        written = []
        if self.svg:
            written.append(write_text(self.svg, console.export_svg(clear=False, title="tracker"), force=self.force,
                                      data_dir=self.data_dir, stdout=stdout))
        if self.html:
            written.append(write_text(self.html, console.export_html(clear=False), force=self.force,
                                      data_dir=self.data_dir, stdout=stdout))
        for path in written:
            if path != STDOUT:  # say what was written, as the exports do
                print(one_line(f"wrote {path}"), file=self.stderr)
        return False
