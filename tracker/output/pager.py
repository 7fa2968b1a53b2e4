"""Long output on a terminal goes through a pager, as git and gh do; never a pipe or a file.

The command writes into a buffer; when it is done, output longer than the terminal is handed to
the pager (TRACKER_PAGER, PAGER, else ``less -FRX``), shorter output is printed as it is. With
``-F``, less itself also quits at once when the text fits.

The output is never lost to a pager without a word. A pager that cannot be started, or that ends
without reading any of the output (``TRACKER_PAGER=true``, a command that fails at once), is
named on standard error and the output is printed as it would be without a pager. A pager that
fails (a status other than 0) after it has shown part of the output is an output error (exit 3).
Quitting the pager early (``q`` in less) is no failure: the reader has seen what they wanted.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator
from typing import NamedTuple, TextIO


class _Buffer(io.StringIO):
    """What the command writes, kept until it is done; looks like the terminal it stands for."""

    def __init__(self, encoding: str) -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding

    def isatty(self) -> bool:
        return True


class Paged(NamedTuple):
    """How a pager dealt with the output: its exit status, and how many bytes of it it read."""

    status: int
    read: int
    size: int


@contextlib.contextmanager
def paged(env) -> Iterator[None]:
    command = env.pager
    if command is None:
        yield
        return
    real = env.stdout
    buffer = _Buffer(getattr(real, "encoding", None) or "utf-8")
    env.stdout = buffer
    try:
        yield
    finally:
        env.stdout = real
        text = buffer.getvalue()
        if text.count("\n") < env.height or not _through(command, text, real, env.stderr):
            real.write(text)
            real.flush()


def _through(command: str, text: str, real: TextIO, stderr: TextIO) -> bool:
    """Page ``text``; False when the pager showed none of it, so that it is to be printed instead."""
    from ..errors import OutputError, one_line
    from .files import REPLACED

    try:
        result = page(command, text.encode(getattr(real, "encoding", None) or "utf-8", REPLACED), real)
    except OSError as exc:
        print(one_line(f"note: the pager {command!r} could not be started ({exc.strerror or exc}); "
                       "the output is printed instead (see TRACKER_PAGER, PAGER, --no-pager)"), file=stderr)
        return False
    if result.read == 0 and result.size:
        print(one_line(f"note: the pager {command!r} ended without reading the output ({_ended(result.status)}); "
                       "the output is printed instead (see TRACKER_PAGER, PAGER, --no-pager)"), file=stderr)
        return False
    if result.status > 0:
        raise OutputError(f"the pager {command!r} failed ({_ended(result.status)}) after reading "
                          f"{result.read} of {result.size} bytes of the output")
    return True


def _ended(status: int) -> str:
    return f"exit status {status}" if status >= 0 else f"stopped by signal {-status}"


def page(command: str, data: bytes, real: TextIO) -> Paged:
    """Run the pager on ``data``; what it did with it. ``OSError`` when it cannot be started.

    The pager reads a pipe of which this process keeps a read end too: the pipe never breaks,
    and once the pager has ended, what is still in the pipe is what it left unread. A
    Ctrl-C meanwhile is the pager's (less uses it to stop a search): it is not ours.
    """
    import shlex
    import subprocess

    try:
        args = shlex.split(command)
    except ValueError as exc:
        raise OSError(0, f"cannot read the command: {exc}") from None
    if not args:
        raise OSError(0, "no command")
    environ = dict(os.environ)
    environ.setdefault("LESS", "FRX")
    environ.setdefault("LESSCHARSET", "utf-8")
    real.flush()
    read_end, write_end = os.pipe()
    kept = os.dup(read_end)
    try:
        try:
            proc = subprocess.Popen(args, stdin=read_end, env=environ)
        finally:
            os.close(read_end)
        written = 0
        try:
            written = _feed(proc, write_end, data)
        except KeyboardInterrupt:
            pass
        os.close(write_end)
        write_end = -1
        status = _wait(proc)
        return Paged(status, max(0, written - _unread(kept)), len(data))
    finally:
        os.close(kept)
        if write_end >= 0:
            os.close(write_end)


def _feed(proc, fd: int, data: bytes) -> int:
    """Write ``data`` to the pager for as long as it runs; the number of bytes written."""
    import select

    os.set_blocking(fd, False)
    view = memoryview(data)
    done = 0
    while done < len(view) and proc.poll() is None:
        select.select([], [fd], [], 0.1)  # writable, or time to look whether the pager is still there
        try:
            done += os.write(fd, view[done:done + 65536])
        except BlockingIOError:
            continue
    return done


def _wait(proc) -> int:
    while True:
        try:
            return proc.wait()
        except KeyboardInterrupt:  # the pager's to handle; wait for it to end
            continue


def _unread(fd: int) -> int:
    """Bytes waiting in the pipe ``fd`` reads (0 where the system cannot tell)."""
    try:
        import array
        import fcntl
        import termios

        count = array.array("i", [0])
        fcntl.ioctl(fd, termios.FIONREAD, count, True)
        return count[0]
    except (ImportError, OSError, AttributeError):
        return 0
