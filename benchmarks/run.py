"""Measure every performance budget of the tracker and print medians, ranges and ratios.

Run by hand, never as part of the tests:

    python benchmarks/run.py                 # start-up budgets and the 1,000/10,000-round scale budgets
    python benchmarks/run.py --startup-only
    python benchmarks/run.py --pairs 15 --scale 1000,10000

Each command runs as a whole process (the installed `tracker` of this Python, or
`python -m tracker`), timed by wall clock, its peak memory taken from the
operating system (wait4's ru_maxrss). Start-up budgets alternate the command
with its floor, pair by pair, and report the median of the per-pair ratios.
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


def tracker() -> list[str]:
    exe = shutil.which("tracker", path=os.path.dirname(sys.executable))
    return [exe] if exe else [sys.executable, "-m", "tracker"]


def once(cmd: list[str], env: dict | None = None) -> tuple[float, float, int]:
    """(seconds, peak MiB, exit status) of one run, output thrown away."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss / 1024, proc.returncode


def summary(values: list[float], unit: str = "s") -> str:
    return f"median {statistics.median(values):.3f}{unit} (min {min(values):.3f}, max {max(values):.3f})"


def startup(pairs: int, env: dict) -> list[tuple[str, float, float]]:
    budgets = [
        ("tracker --version", ["--version"], "json", 1.05),
        ("tracker list --format json", ["list", "--format", "json"], "json", 1.15),
        ("tracker list", ["list"], "table", 1.15),
        ("tracker compare 1 6", ["compare", "1", "6"], "table", 1.20),
        ("tracker timeline --partner us", ["timeline", "--partner", "us"], "table", 1.20),
    ]
    out = []
    print(f"\n## Start-up on the shipped data ({pairs} alternating pairs, cache warm)\n")
    print("| command | floor | command median | floor median | ratio median (min–max) | budget | |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, args, floor, budget in budgets:
        once([*tracker(), *args], env)  # warm the cache and the file system
        once([*FLOOR, floor], env)
        a_times, b_times, ratios = [], [], []
        for _ in range(pairs):
            a = once([*tracker(), *args], env)[0]
            b = once([*FLOOR, floor], env)[0]
            a_times.append(a)
            b_times.append(b)
            ratios.append(a / b)
        ratio = statistics.median(ratios)
        ok = "ok" if ratio <= budget else "OVER"
        print(f"| `{name}` | {floor} | {statistics.median(a_times) * 1000:.0f} ms | {statistics.median(b_times) * 1000:.0f} ms "
              f"| {ratio:.2f} ({min(ratios):.2f}–{max(ratios):.2f}) | ≤ {budget} | {ok} |")
        out.append((name, ratio, budget))
    return out


def touch_round(data: Path, n: int) -> None:
    """Change one round file the way an editor would (its size and times change)."""
    files = sorted((data / "rounds").glob("*.yaml"))
    path = files[(n * 7919) % len(files)]
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(f"# edited {n}\n")


def scale(sizes: list[int], runs: int, base_env: dict) -> dict:
    sys.path.insert(0, str(HERE))
    from generate import generate

    results = {}
    tmp = Path(tempfile.mkdtemp(prefix="tracker-bench-"))
    try:
        for size in sizes:
            data = tmp / f"data-{size}"
            cache = tmp / f"cache-{size}"
            generate(size, str(data))
            env = {**base_env, "TRACKER_DATA_DIR": str(data), "TRACKER_CACHE_DIR": str(cache)}
            env.pop("TRACKER_NO_CACHE", None)
            row: dict = {}
            print(f"\n## {size:,} rounds over 100 dialogues ({sum(f.stat().st_size for f in data.rglob('*.yaml')) / 1e6:.0f} MB of YAML)\n")
            t, mem, rc = once([*tracker(), "validate"], env)
            row["validate, no cache yet"] = ([t], [mem], rc)
            t, mem, rc = once([*tracker(), "--no-cache", "list", "--format", "json"], env)
            row["list --format json, --no-cache"] = ([t], [mem], rc)
            for label, args in (
                ("list --format json", ["list", "--format", "json"]),
                ("timeline --format json", ["timeline", "--format", "json"]),
                ("search supply --format json", ["search", "supply", "--format", "json"]),
                ("validate", ["validate"]),
            ):
                times, mems = [], []
                for _ in range(runs):
                    t, mem, rc = once([*tracker(), *args], env)
                    times.append(t)
                    mems.append(mem)
                row[label + " (data read once)"] = (times, mems, rc)
            times, mems = [], []
            for n in range(runs):
                touch_round(data, n)
                t, mem, rc = once([*tracker(), "list", "--format", "json"], env)
                times.append(t)
                mems.append(mem)
            row["list --format json, first run after one round changed"] = (times, mems, rc)
            times, mems = [], []
            for n in range(runs):
                touch_round(data, n + 100)
                t, mem, rc = once([*tracker(), "validate"], env)
                times.append(t)
                mems.append(mem)
            row["validate, first run after one round changed"] = (times, mems, rc)
            people = data / "people.yaml"
            text = people.read_text(encoding="utf-8")
            people.write_text(text.replace("name: {en: ", "name: {en: Renamed ", 1), encoding="utf-8")
            t, mem, rc = once([*tracker(), "list", "--format", "json"], env)
            row["list --format json, first run after renaming one person in people.yaml"] = ([t], [mem], rc)
            target = data / "topics.yaml"
            text = target.read_text(encoding="utf-8")
            target.write_text(text.replace("name: {en: \"", "name: {en: \"Renamed ", 1), encoding="utf-8")
            t, mem, rc = once([*tracker(), "list", "--format", "json"], env)
            row["list --format json, first run after renaming one topic in topics.yaml"] = ([t], [mem], rc)
            print("| measure | time | peak memory | exit |")
            print("| --- | --- | --- | --- |")
            for label, (times, mems, rc) in row.items():
                time_text = summary(times) if len(times) > 1 else f"{times[0]:.3f}s (one run)"
                print(f"| {label} | {time_text} | {max(mems):.0f} MiB | {rc} |")
            results[size] = row
        if len(sizes) >= 2:
            small, big = sizes[0], sizes[-1]
            print(f"\n## Growth: {big:,} rounds against {small:,} (data read once)\n")
            print("| command | ratio of medians |")
            print("| --- | --- |")
            for label in ("list --format json", "timeline --format json", "search supply --format json"):
                key = label + " (data read once)"
                ratio = statistics.median(results[big][key][0]) / statistics.median(results[small][key][0])
                print(f"| {label} | {ratio:.1f}× for {big // small}× the rounds |")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=11, help="alternating pairs per start-up budget (default 11)")
    parser.add_argument("--runs", type=int, default=5, help="runs per scale measure (default 5)")
    parser.add_argument("--scale", default="1000,10000", help="round counts for the scale budgets")
    parser.add_argument("--startup-only", action="store_true")
    parser.add_argument("--scale-only", action="store_true")
    args = parser.parse_args()
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    env.pop("TRACKER_DATA_DIR", None)
    print(f"# tracker benchmarks — {time.strftime('%Y-%m-%d')}, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    if not args.scale_only:
        startup(args.pairs, env)
    if not args.startup_only:
        scale([int(x) for x in args.scale.split(",")], args.runs, env)


if __name__ == "__main__":
    main()
