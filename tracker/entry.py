"""The console script: everything, imports included, runs under the error handling of main.

Kept tiny and free of imports, so that Ctrl-C or a closed pipe during start-up
ends quietly with the documented exit status instead of a traceback.
"""

import sys


def run() -> None:
    import gc

    gc.disable()  # a short-lived process: cyclic garbage collection only slows the reading of many files
    for stream in (sys.stdout, sys.stderr):  # a terminal that cannot show Chinese gets '?' instead of a crash
        try:
            "中文".encode(stream.encoding or "utf-8")
        except (UnicodeEncodeError, LookupError):
            try:
                stream.reconfigure(errors="replace")
            except (AttributeError, ValueError):
                pass
    try:
        from .cli import main

        code = main()
    except KeyboardInterrupt:
        code = 130
    _quiet_exit(code)


def _quiet_exit(code: int) -> None:
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        try:
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        code = code or 141
    sys.exit(code)
