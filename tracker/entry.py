"""The console script: everything, imports included, runs under the error handling of main.

Kept tiny, so that Ctrl-C, SIGTERM, SIGHUP or a closed pipe during start-up ends
quietly with the documented exit status instead of a traceback. From the moment
this module is imported, those signals are only noted while the tracker's own
modules load (an interruption in the middle of an import can surface as any
exception); they take effect as soon as the imports are done.
"""

import sys

_received: list[int] = []


def _interrupted(exc: BaseException | None) -> bool:
    """Whether an exception is, or was caused by, an interruption: Ctrl-C in the middle of
    creating a class surfaces as a RuntimeError, for example."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, KeyboardInterrupt):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


try:
    import signal
except BaseException as exc:  # Ctrl-C while this very import ran: note it, and import again
    if not _interrupted(exc):
        raise
    import signal

    _received.append(signal.SIGINT)

_CAUGHT = (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", None))


def _note(signum, frame) -> None:
    _received.append(signum)


def _set_handlers(on_int, on_other) -> None:
    for signum in _CAUGHT:
        if signum is None:
            continue
        try:
            if signal.getsignal(signum) is not signal.SIG_IGN:  # keep what nohup or a shell ignored
                signal.signal(signum, on_int if signum == signal.SIGINT else on_other)
        except (OSError, ValueError):  # not the main thread, or a platform without it
            pass


def _terminate(signum, frame) -> None:
    """SIGTERM and SIGHUP end the command like Ctrl-C: the same clean-up, then 128 + the signal."""
    _received.append(signum)
    raise KeyboardInterrupt


_set_handlers(_note, _note)
# imported once the handlers are set, so that Ctrl-C here is only noted
from .status import ExitStatus


def run() -> None:
    try:
        _standard_streams()
        from .cli import main

        if _received:
            raise KeyboardInterrupt
        _set_handlers(signal.default_int_handler, _terminate)
        code = main()
    except BaseException as exc:  # an interruption inside a command's own imports can be any exception
        if not _interrupted(exc):
            raise
        code = ExitStatus.INTERRUPTED
    _set_handlers(_note, _note)  # the work is done: a late Ctrl-C only sets the status
    _quiet_exit(code)


def _standard_streams() -> None:
    """Closed standard streams (`>&-`, `2>&-`) become /dev/null, so that output to them is
    discarded and no file the tracker opens can take their place; and an output whose encoding
    cannot hold Chinese (ASCII, Latin-1) gets '?' instead of a crash, and a warning at the end."""
    import io
    import os

    from .output.files import REPLACED, DroppedWrites, devnull_at, whole_stream

    for fd, name in ((0, "stdin"), (1, "stdout"), (2, "stderr")):
        if getattr(sys, name) is None:
            try:
                os.fstat(fd)
            except OSError:
                try:
                    devnull_at(fd)
                except OSError:
                    continue
            try:
                setattr(sys, name, open(fd, "r" if fd == 0 else "w", encoding="utf-8", closefd=False))  # noqa: SIM115 - the process's own stream
            except OSError:
                pass

    for stream, errors in ((sys.stdout, REPLACED), (sys.stderr, "replace")):
        try:
            "中文".encode(stream.encoding or "utf-8")
        except (UnicodeEncodeError, LookupError):
            if isinstance(stream, io.TextIOWrapper):
                try:
                    stream.reconfigure(errors=errors)  # what it cannot show becomes '?', and is counted
                except ValueError:
                    pass
        except AttributeError:
            pass

    sys.stdout = whole_stream(sys.stdout)  # every byte written, or an error: never a silent short write
    sys.stderr = whole_stream(sys.stderr, DroppedWrites)  # a message that cannot be shown never changes the status


def _quiet_exit(code: int) -> None:
    """Exit with ``code``, once what is left of the output is written: a reader that went away
    makes it PIPE_CLOSED, another failure (a full disk) one line and OUTPUT_ERROR, unless the
    command failed already."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError) as exc:  # a closed pipe, a full disk, a closed stream
        from .output.files import silence_stdout

        silence_stdout()
        if not code:
            code = ExitStatus.PIPE_CLOSED if isinstance(exc, BrokenPipeError) else _output_failed(exc)
    _warn_replaced()
    signals = [s for s in _received if s != signal.SIGINT]
    if signals:
        code = ExitStatus(128 + signals[0])  # TERMINATED or HANGUP
    elif _received:
        code = ExitStatus.INTERRUPTED
    sys.exit(int(code))


def _warn_replaced() -> None:
    """Say on stderr how many characters standard output's encoding could not hold."""
    files = sys.modules.get("tracker.output.files")
    count = files.replaced() if files is not None else 0
    if count:
        encoding = getattr(sys.stdout, "encoding", None) or "?"
        try:
            print(f"warning: {count} character{'s' if count != 1 else ''} of the output could not be written in "
                  f"the {encoding} encoding of standard output and show as '?' (use a UTF-8 locale such as "
                  "LC_ALL=C.UTF-8, or PYTHONIOENCODING=utf-8)", file=sys.stderr)
        except (OSError, ValueError):
            pass


def _output_failed(exc: OSError | ValueError) -> ExitStatus:
    """Say on stderr that standard output failed; the exit status for it."""
    if not isinstance(exc, OSError):
        return ExitStatus.PIPE_CLOSED  # a stream closed under us: as good as a reader gone
    from .output.files import stdout_failed

    error = stdout_failed(exc)
    try:
        for line in error.lines():
            print(line, file=sys.stderr)
    except (OSError, ValueError):
        pass
    return error.status
