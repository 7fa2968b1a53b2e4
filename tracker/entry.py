"""The console script: everything, imports included, runs under the error handling of main.

Kept tiny, so that Ctrl-C, SIGTERM, SIGHUP or a closed pipe during start-up ends
quietly with the documented exit status instead of a traceback. From the moment
this module is imported, those signals are only noted while the tracker's own
modules load (an interruption in the middle of an import can surface as any
exception); they take effect as soon as the imports are done.
"""

import sys

_received: list = []


def _interrupted(exc: BaseException) -> bool:
    """Whether an exception is, or was caused by, an interruption: Ctrl-C in the middle of
    creating a class surfaces as a RuntimeError, for example."""
    seen = set()
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


def run() -> None:
    _standard_streams()
    try:
        from .cli import main

        if _received:
            raise KeyboardInterrupt
        _set_handlers(signal.default_int_handler, _terminate)
        code = main()
    except BaseException as exc:  # an interruption inside a command's own imports can be any exception
        if not _interrupted(exc):
            raise
        code = 130
    _set_handlers(_note, _note)  # the work is done: a late Ctrl-C only sets the status
    _quiet_exit(code)


def _standard_streams() -> None:
    """Closed standard streams (`>&-`, `2>&-`) become /dev/null, so that output to them is
    discarded and no file the tracker opens can take their place; and a terminal that cannot
    show Chinese gets '?' instead of a crash."""
    import os

    for fd, name in ((0, "stdin"), (1, "stdout"), (2, "stderr")):
        if getattr(sys, name) is None:
            try:
                os.fstat(fd)
            except OSError:
                try:
                    null = os.open(os.devnull, os.O_RDWR)
                    if null != fd:
                        os.dup2(null, fd)
                        os.close(null)
                except OSError:
                    continue
            try:
                setattr(sys, name, open(fd, "r" if fd == 0 else "w", encoding="utf-8", closefd=False))
            except OSError:
                pass
    for stream in (sys.stdout, sys.stderr):
        try:
            "中文".encode(stream.encoding or "utf-8")
        except (UnicodeEncodeError, LookupError):
            try:
                stream.reconfigure(errors="replace")
            except (AttributeError, ValueError):
                pass
        except AttributeError:
            pass


def _quiet_exit(code: int) -> None:
    try:
        sys.stdout.flush()
    except (OSError, ValueError, AttributeError):
        try:
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass
        code = code or 141
    signals = [s for s in _received if s != signal.SIGINT]
    if signals:
        code = 128 + signals[0]
    elif _received:
        code = 130
    sys.exit(code)
