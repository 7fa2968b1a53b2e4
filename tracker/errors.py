"""Problems the tracker reports to its users, one line each."""

from __future__ import annotations

from typing import NamedTuple

from .status import ExitStatus


class Problem(NamedTuple):
    """A problem in a data file, reported as ``file:line:col: message (hint)``.

    Frozen, and ordered by file, line, column and message. A named tuple rather than a dataclass:
    it is made at every start, and a named tuple's class costs a tenth as much to build.
    """

    path: str
    line: int = 0
    col: int = 0
    message: str = ""
    hint: str | None = None
    warning: bool = False

    def __str__(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}:{self.col or 1}"
        text = f"{where}: {'warning: ' if self.warning else ''}{self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return one_line(text)


def one_line(text: str, limit: int = 400) -> str:
    """A message as one line a terminal shows as is: controls escaped, a huge value cut in the middle."""
    from .safe import visible

    text = visible(text, newline=False)
    if len(text) > limit:
        text = text[: limit - 150] + " … " + text[-140:]
    return text


class TrackerError(Exception):
    """An error that ends the command with one clear message and an exit status."""

    status = ExitStatus.USAGE_ERROR

    def lines(self) -> list[str]:
        return [one_line(f"error: {self}")]


class InputError(TrackerError):
    """Bad command-line input: an unknown round, partner, topic, an unreadable date."""


class OutputError(TrackerError):
    """A file the user asked for could not be written."""

    status = ExitStatus.OUTPUT_ERROR


class DataError(TrackerError):
    """The data folder is unusable: every problem found, in file order."""

    status = ExitStatus.DATA_ERROR

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in the data")
        self.problems = problems

    def lines(self) -> list[str]:
        errors = [p for p in self.problems if not p.warning]
        out = [str(p) for p in errors]
        n = len(errors)
        out.append(f"error: the data has {n} error{'s' if n != 1 else ''}; run `tracker validate` after fixing them")
        return out


class PipeClosed(Exception):
    """The reader of our output went away (``tracker list | head``)."""
