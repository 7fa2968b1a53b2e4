"""Work on many files at once, one worker process per processor, results in order.

Used only when a run has many rounds to read (a folder read for the first
time, or with --no-cache): starting the workers costs more than it saves on a
few files. The results come back in the order of the items, so that what
follows happens as if one process had done the work; only a few requests are
out at a time, so that results never pile up in memory.
"""

from __future__ import annotations

import os

MIN_FILES = 300  # fewer files than this: one process reads them
CHUNK = 32  # items a worker gets per request


def processors() -> int:
    """How many processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def worth_it(files: int) -> bool:
    return files >= MIN_FILES and processors() > 1


def _start(init, args) -> None:
    import signal

    try:  # Ctrl-C goes to the whole process group: the main process alone deals with it
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except (OSError, ValueError):  # pragma: no cover
        pass
    init(*args)


def _run(work, items: list) -> list:
    return [work(item) for item in items]


def ordered_map(work, items: list, init, init_args: tuple):
    """``work(item)`` for every item, in order, computed by worker processes.

    ``work`` and ``init`` are module-level functions; ``init(*init_args)`` runs once in each
    worker before any work.
    """
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    workers = min(processors(), max(1, len(items) // CHUNK))
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start, initargs=(init, init_args))
    try:
        pending: deque = deque()
        for i in range(0, len(items), CHUNK):
            pending.append(pool.submit(_run, work, items[i : i + CHUNK]))
            if len(pending) >= 3 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:  # also when the caller stops early (Ctrl-C, a failing cache): what has not started never will
        pool.shutdown(wait=True, cancel_futures=True)
