"""The speed budgets of the tracker, measured by hand (never in the tests).

    python benchmarks/run.py shipped                # every command against the floor, 21 pairs
    python benchmarks/run.py scale 1000             # every command over 1,000 generated rounds
    python benchmarks/run.py scale 10000 --runs 3   # … and over 10,000
    python benchmarks/run.py scale --data DIR       # over a folder written by generate.py

Each command runs as a whole process (the `tracker` installed beside this Python), timed by the
wall clock; its peak memory comes from the operating system (wait4's ru_maxrss). `shipped` runs
each command and the floor (`floor_app.py`, a minimal typer app) in turn and reports the median
of the per-pair ratios. Each line gives the processor time too (user + system, from wait4), which
a busy machine changes much less than the wall clock, and the load average while it was measured:
on a shared machine, compare figures taken under the same load.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FLOOR = [sys.executable, str(HERE / "floor_app.py")]

# The commands of the README's table ("What it answers"); for generated data, the same questions
# asked of its first dialogue (d000), its topic 4 ("Semiconductor talent 4") and partner us.
# {out} is a file in a temporary folder, removed afterwards.
SHIPPED = [
    ("list", "table"),
    ("show 6", "table"),
    ("compare 1 6", "table"),
    ("timeline --partner us", "table"),
    ("list --topic critical-minerals", "table"),
    ("topics critical-minerals", "table"),
    ("search semiconductor", "table"),
    ("commitments", "table"),
    ("commitments --status delivered", "table"),
    ("list --lang zh", "table"),
    ("list --format json", "json"),
    ("export sqlite {out}/d.db", "json"),
    ("export ics {out}/d.ics", "json"),
    ("timeline --svg {out}/t.svg", "table"),
]
GENERATED = [
    "validate",
    "list",
    "show d000:6",
    "compare d000:1 d000:6",
    "timeline --partner us",
    "list --topic topic-4",
    "topics topic-4",
    "search semiconductor",
    "commitments",
    "commitments --status delivered",
    "list --lang zh",
    "list --format json",
    "export sqlite {out}/d.db",
    "export ics {out}/d.ics",
    "timeline --svg {out}/t.svg",
]


def tracker() -> list[str]:
    exe = shutil.which("tracker", path=os.path.dirname(sys.executable))
    return [exe] if exe else [sys.executable, "-m", "tracker"]


def once(cmd: list[str], env: dict) -> tuple[float, float, float, int]:
    """(seconds, processor seconds, peak MiB, exit status) of one run, its output thrown away."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def command(text: str, out: str) -> list[str]:
    return [*tracker(), *(part.format(out=out) for part in text.split())]


def fresh(out: str) -> None:
    """Empty the output folder, so that every export writes a new file (no --force needed)."""
    for name in os.listdir(out):
        os.remove(os.path.join(out, name))


def load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def shipped(pairs: int, env: dict, out: str) -> None:
    print(f"\n## Shipped data against the floor ({pairs} interleaved pairs; budget 1.3×)\n")
    print("| command | floor | command median | floor median | ratio median (min–max) | ratio of processor time | load (1/5/15 min) | |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for text, floor in SHIPPED:
        cmd = command(text, out)
        fresh(out)
        once(cmd, env)  # warm the file system and the bytecode
        a_times, b_times, ratios, cpu_ratios = [], [], [], []
        for _ in range(pairs):
            fresh(out)
            a, a_cpu, _mem, status = once(cmd, env)
            b, b_cpu, _mem, _status = once([*FLOOR, floor], env)
            if status not in (0, 1):  # 1: an answer that is "no" (a search with no hits)
                sys.exit(f"tracker {text} exited with {status}")
            a_times.append(a)
            b_times.append(b)
            ratios.append(a / b)
            cpu_ratios.append(a_cpu / b_cpu)
        ratio = statistics.median(ratios)
        print(f"| `tracker {text}` | {floor} | {statistics.median(a_times) * 1000:.0f} ms | {statistics.median(b_times) * 1000:.0f} ms "
              f"| {ratio:.2f} ({min(ratios):.2f}–{max(ratios):.2f}) | {statistics.median(cpu_ratios):.2f} | {load()} "
              f"| {'met' if ratio <= 1.3 else 'OVER'} |", flush=True)


def scale(data: str, runs: int, env: dict, out: str, budget: float) -> None:
    rounds = len(os.listdir(os.path.join(data, "rounds")))
    env = {**env, "TRACKER_DATA_DIR": data}
    print(f"\n## {rounds:,} generated rounds (median of {runs}; budget {budget:g} s, 300 MiB)\n")
    print("| command | median (min–max) | processor time | peak memory | load (1/5/15 min) | |")
    print("| --- | --- | --- | --- | --- | --- |")
    for text in GENERATED:
        cmd = command(text, out)
        times, cpus, mems = [], [], []
        for _ in range(runs):
            fresh(out)
            seconds, cpu, mem, status = once(cmd, env)
            if status not in (0, 1):
                sys.exit(f"tracker {text} exited with {status}")
            times.append(seconds)
            cpus.append(cpu)
            mems.append(mem)
        median = statistics.median(times)
        ok = median <= budget and max(mems) <= 300
        print(f"| `tracker {text}` | {median:.2f} s ({min(times):.2f}–{max(times):.2f}) | {statistics.median(cpus):.2f} s "
              f"| {max(mems):.0f} MiB | {load()} | {'met' if ok else 'OVER'} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("shipped", "scale"))
    parser.add_argument("rounds", nargs="?", type=int, default=1000, help="rounds to generate for scale (default 1000)")
    parser.add_argument("--data", help="for scale: a folder written by generate.py, instead of generating one")
    parser.add_argument("--pairs", type=int, default=21, help="pairs per command for shipped (default 21)")
    parser.add_argument("--runs", type=int, default=5, help="runs per command for scale (default 5)")
    args = parser.parse_args()
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    env.pop("TRACKER_DATA_DIR", None)
    # the tracker's modules are timed compiled, as an installed wheel has them: with this set, the
    # first (warming) run cannot write their bytecode, and every run compiles them again (40 ms)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    print(f"# tracker benchmarks, {time.strftime('%Y-%m-%d %H:%M')}, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="tracker-bench-") as tmp:
        out = os.path.join(tmp, "out")
        os.mkdir(out)
        if args.what == "shipped":
            shipped(args.pairs, env, out)
            return
        data = args.data
        if data is None:
            sys.path.insert(0, str(HERE))
            from generate import generate

            data = os.path.join(tmp, "data")
            generate(args.rounds, data)
        budget = 1.0 if len(os.listdir(os.path.join(data, "rounds"))) <= 1000 else 6.0
        scale(data, args.runs, env, out, budget)


if __name__ == "__main__":
    main()
