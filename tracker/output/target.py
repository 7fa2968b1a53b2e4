"""Where an answer goes, as small values: the stream, the reader's language, and what the output
needs to know about the terminal. The command line builds them; the writers only read them."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, TextIO


@dataclass(frozen=True)
class Terminal:
    """What the output knows of the terminal."""

    width: int | None  # None: the terminal's own width on a terminal, 100 elsewhere
    color: bool
    isatty: bool


@dataclass(frozen=True)
class Target:
    """An answer's destination: ``stream`` in ``lang`` for ``terminal``; ``console`` is a recording
    console (``--svg``, ``--html``) that the terminal answer draws on instead of a console of its own."""

    stream: TextIO
    lang: str
    terminal: Terminal
    console: Any | None = None

    def recording(self, console: Any) -> Target:
        return replace(self, console=console)
