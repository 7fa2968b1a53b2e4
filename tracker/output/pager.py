"""Long output on a terminal goes through a pager, as git and gh do; never a pipe or a file.

The command writes into a buffer; when it is done, output longer than the terminal is handed to
the pager (TRACKER_PAGER, PAGER, else ``less -FRX``), shorter output is printed as it is. With
``-F``, less itself also quits at once when the text fits.
"""

from __future__ import annotations

import contextlib
import io


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


@contextlib.contextmanager
def paged(env):
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
        if text.count("\n") < env.height or not _page(command, text, real):
            real.write(text)
            real.flush()


def _page(command: str, text: str, real) -> bool:
    """Hand ``text`` to the pager; False when it cannot be started (the text is then printed)."""
    import os
    import shlex
    import subprocess

    try:
        args = shlex.split(command)
    except ValueError:
        return False
    if not args:
        return False
    environ = dict(os.environ)
    environ.setdefault("LESS", "FRX")
    environ.setdefault("LESSCHARSET", "utf-8")
    real.flush()
    try:
        proc = subprocess.Popen(args, stdin=subprocess.PIPE, env=environ)
    except OSError:
        return False
    try:
        proc.communicate(text.encode(getattr(real, "encoding", None) or "utf-8", "replace"))
    except (BrokenPipeError, KeyboardInterrupt):  # the reader quit the pager early
        pass
    proc.wait()
    return True
