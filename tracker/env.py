"""The world a command runs in, and the settings it runs with.

``Env`` is the world: the streams, the environment variables, whether standard output is a
terminal, today's date. Commands never read ``sys`` or ``os.environ`` directly; tests give an
``Env`` of their own. ``Settings`` is one frozen value (language, width, colour, pager, data
folder, today) built once per command by ``settings`` from the options and the ``Env``, and passed
down as a parameter; nothing changes it afterwards. Neither reads data (see ``cli.load_data``).
"""

from __future__ import annotations

import datetime as _dt
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TextIO

from .errors import InputError
from .output.target import Terminal


@dataclass(repr=False, eq=False)
class Env:
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)
    stdout_isatty: bool | None = None
    today: _dt.date | None = None

    def __post_init__(self) -> None:
        if self.stdout_isatty is None:
            try:
                self.stdout_isatty = self.stdout.isatty()
            except (AttributeError, ValueError):
                self.stdout_isatty = False
        if self.today is None:
            self.today = _dt.date.today()


@dataclass(frozen=True)
class Settings:
    """What one command runs with, read once from its options and the environment."""

    lang: str
    width: int | None  # None: the terminal's own width on a terminal, 100 elsewhere
    color: bool
    pager: str | None  # the pager command, or None to print straight out
    height: int  # lines of the terminal, for the pager
    data_dir: str
    today: _dt.date
    isatty: bool  # standard output is a terminal

    @property
    def terminal(self) -> Terminal:
        """What the output layer needs to know about the terminal."""
        return Terminal(width=self.width, color=self.color, isatty=self.isatty)


def settings(env: Env, lang: str | None = None, data_dir: str | None = None, color: str | None = None,
             no_pager: bool = False) -> Settings:
    """The settings of a command: each option wins over its environment variable (raises InputError
    for an unknown language)."""
    environ = env.environ
    isatty = bool(env.stdout_isatty)
    folder = data_dir or environ.get("TRACKER_DATA_DIR") or _default_data_dir()
    return Settings(
        lang=_lang(lang or environ.get("TRACKER_LANG") or "en"),
        width=_width(environ, isatty, env.stderr),
        color=_color(color, environ, isatty),
        pager=None if not isatty or no_pager else _pager(environ),
        height=_height(environ),
        data_dir=folder,
        today=env.today or _dt.date.today(),
        isatty=isatty,
    )


def _default_data_dir() -> str:
    from .data.load import default_data_dir

    return default_data_dir()


def _lang(value: str) -> str:
    value = value.strip().lower().replace("_", "-")
    if value.startswith("zh"):
        return "zh"
    if value.startswith("en"):
        return "en"
    raise InputError(f"unknown language {value!r} (use en or zh; from --lang or TRACKER_LANG)")


def _color(option: str | None, environ: Mapping[str, str], isatty: bool) -> bool:
    """Colour only on a terminal, never with NO_COLOR; FORCE_COLOR or --color always forces it."""
    if option == "never":
        return False
    if option == "always":
        return True
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return isatty and environ.get("TERM") != "dumb"


def _pager(environ: Mapping[str, str]) -> str | None:
    """The pager command for long output on a terminal: TRACKER_PAGER, PAGER, else ``less -FRX``;
    None when the pager is set to "" or cat."""
    for name in ("TRACKER_PAGER", "PAGER"):
        value = environ.get(name)
        if value is not None:
            return value if value.strip() not in ("", "cat") else None
    return "less -FRX"


def _height(environ: Mapping[str, str]) -> int:
    """Lines of the terminal: LINES, else what the terminal says, else 24."""
    lines = environ.get("LINES", "")
    if lines.isdigit() and int(lines) > 0:
        return int(lines)
    import shutil

    return shutil.get_terminal_size((80, 24)).lines


def _width(environ: Mapping[str, str], isatty: bool, stderr: TextIO) -> int | None:
    """Columns to lay output out for: COLUMNS; else, when the output goes to a pipe but the
    messages still reach a terminal (``tracker list | head``), that terminal's width; else None
    (on a terminal, its own width; elsewhere 100)."""
    cols = environ.get("COLUMNS", "")
    if cols.isdigit() and int(cols) > 0:
        return int(cols)
    if not isatty:
        try:
            if stderr.isatty():
                return os.get_terminal_size(stderr.fileno()).columns or None
        except (AttributeError, OSError, ValueError):
            return None
    return None
