"""The world a command runs in: streams, terminal, colour, language, data folder, today.

Commands never read ``sys`` or ``os.environ`` directly; they take an ``Env``,
which tests replace with one of their own. An ``Env`` holds settings only; it
reads no data (see ``cli.load_data``).
"""

from __future__ import annotations

import datetime as _dt
import os
import sys
from dataclasses import dataclass, field
from typing import Mapping, Optional, TextIO

from .errors import InputError


@dataclass(repr=False, eq=False)  # only __init__ is generated: it is built at every start
class Env:
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)
    stdout_isatty: Optional[bool] = None
    today: Optional[_dt.date] = None
    # set from options (command line wins over the environment)
    lang_option: Optional[str] = None
    data_dir_option: Optional[str] = None
    color_option: Optional[str] = None
    no_pager_option: bool = False
    recording: Optional[object] = None  # a recording console while --svg/--html is being made

    def __post_init__(self) -> None:
        if self.stdout_isatty is None:
            try:
                self.stdout_isatty = self.stdout.isatty()
            except (AttributeError, ValueError):
                self.stdout_isatty = False
        if self.today is None:
            self.today = _dt.date.today()

    @property
    def lang(self) -> str:
        value = self.lang_option or self.environ.get("TRACKER_LANG") or "en"
        value = value.strip().lower().replace("_", "-")
        if value.startswith("zh"):
            return "zh"
        if value.startswith("en"):
            return "en"
        raise InputError(f"unknown language {value!r} (use en or zh; from --lang or TRACKER_LANG)")

    @property
    def data_dir(self) -> str:
        if self.data_dir_option or self.environ.get("TRACKER_DATA_DIR"):
            return self.data_dir_option or self.environ.get("TRACKER_DATA_DIR")
        from .data.load import default_data_dir

        return default_data_dir()

    @property
    def color(self) -> bool:
        """Colour only on a terminal, never with NO_COLOR; FORCE_COLOR or --color always forces it."""
        if self.color_option == "never":
            return False
        if self.color_option == "always":
            return True
        if self.environ.get("NO_COLOR"):
            return False
        if self.environ.get("FORCE_COLOR"):
            return True
        return bool(self.stdout_isatty) and self.environ.get("TERM") != "dumb"

    @property
    def pager(self) -> Optional[str]:
        """The pager command for long output on a terminal: TRACKER_PAGER, PAGER, else ``less -FRX``;
        None when not on a terminal, with --no-pager, or when the pager is set to "" or cat."""
        if not self.stdout_isatty or self.no_pager_option:
            return None
        for name in ("TRACKER_PAGER", "PAGER"):
            value = self.environ.get(name)
            if value is not None:
                return value if value.strip() not in ("", "cat") else None
        return "less -FRX"

    @property
    def height(self) -> int:
        """Lines of the terminal: LINES, else what the terminal says, else 24."""
        lines = self.environ.get("LINES", "")
        if lines.isdigit() and int(lines) > 0:
            return int(lines)
        import shutil

        return shutil.get_terminal_size((80, 24)).lines

    @property
    def width(self) -> Optional[int]:
        """Columns to lay output out for: COLUMNS; else, when the output goes to a pipe but the
        messages still reach a terminal (``tracker list | head``), that terminal's width; else None
        (on a terminal, its own width; elsewhere 100)."""
        cols = self.environ.get("COLUMNS", "")
        if cols.isdigit() and int(cols) > 0:
            return int(cols)
        if not self.stdout_isatty:
            try:
                if self.stderr.isatty():
                    return os.get_terminal_size(self.stderr.fileno()).columns or None
            except (AttributeError, OSError, ValueError):
                return None
        return None
