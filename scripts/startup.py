"""Start-up of two trees of the tracker, compared by hand (never a test): the median wall time of
N interleaved runs of each command, on the shipped data with no cache.

    python scripts/startup.py OLD_TREE NEW_TREE [N]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

COMMANDS = [["--version"], ["list", "--format", "json"], ["show", "6"], ["--help"]]


def once(tree: str, args: list[str]) -> float:
    env = {**os.environ, "PYTHONPATH": tree, "TRACKER_NO_CACHE": "1", "COLUMNS": "80", "TRACKER_PAGER": "",
           "TRACKER_DATA_DIR": os.path.join(tree, "data")}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "tracker", *args], env=env, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    old, new = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 21
    for args in COMMANDS:
        times: dict[str, list[float]] = {old: [], new: []}
        for _ in range(n):
            for tree in (old, new):
                times[tree].append(once(tree, args))
        a, b = statistics.median(times[old]), statistics.median(times[new])
        print(f"{' '.join(args):22} before {a * 1000:5.0f} ms  after {b * 1000:5.0f} ms  ({b / a:.2f}x, n={n})")


if __name__ == "__main__":
    main()
