"""Shared test helpers: run the CLI in-process with a controlled environment."""

from __future__ import annotations

import contextlib
import datetime as _dt
import io
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tracker.cli import main
from tracker.env import Env

ROOT = Path(__file__).resolve().parent.parent
# TRACKER_TEST_DATA=FOLDER runs the suite against a corrected copy of data/: only the goldens of
# the shipped data and the data tests should then fail.
DATA = Path(os.environ.get("TRACKER_TEST_DATA") or ROOT / "data")
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"
TODAY = _dt.date(2026, 12, 5)
ANSI = re.compile(r"\x1b\[")


@dataclass
class Result:
    code: int
    out: str
    err: str


def run(*args: str, environ: dict | None = None, tty: bool = False, encoding: str = "utf-8") -> Result:
    """Run `tracker ARGS` in-process, as a user would see it (100 columns, the shipped data)."""
    base = {"COLUMNS": "100", "TRACKER_DATA_DIR": str(DATA), "TRACKER_PAGER": ""}
    base.update(environ or {})
    base = {k: v for k, v in base.items() if v is not None}
    out_buf, err_buf = io.BytesIO(), io.BytesIO()
    out = io.TextIOWrapper(out_buf, encoding=encoding, errors="strict", newline="")
    err = io.TextIOWrapper(err_buf, encoding="utf-8", newline="")
    env = Env(stdout=out, stderr=err, environ=base, stdout_isatty=tty, today=TODAY)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):  # --help writes to sys.stdout
        code = main(list(args), env)
    out.flush()
    err.flush()
    return Result(code, out_buf.getvalue().decode(encoding), err_buf.getvalue().decode("utf-8"))


def round_date(round_id: str):
    """A round's date as the data folder gives it.

    Behaviour tests that need a real round's date read it here rather than writing it out,
    so that correcting the date in data/ changes goldens and no behaviour test.
    """
    import tracker

    return tracker.load(data_dir=str(DATA)).rounds[round_id].date


def tracker_cmd() -> list[str]:
    """The installed console script when there is one, else `python -m tracker`."""
    exe = shutil.which("tracker", path=os.path.dirname(sys.executable))
    return [exe] if exe else [sys.executable, "-m", "tracker"]


def process_env(**extra: str) -> dict[str, str]:
    """The environment of a real tracker process: the shipped data, no pager, colour not forced and
    Python's streams buffered as usual, then ``extra``."""
    env = {**os.environ, "TRACKER_DATA_DIR": str(DATA), "TRACKER_PAGER": ""}
    for name in ("FORCE_COLOR", "PYTHONUNBUFFERED"):
        env.pop(name, None)
    env.update(extra)
    return env


def run_process(*args: str, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([*tracker_cmd(), *args], env=process_env(**(env or {})), capture_output=True, text=True,
                          timeout=60, **kw)


def file_size_limit(limit: int) -> Callable[[], None]:
    """A ``preexec_fn`` under which no file may grow past ``limit`` bytes: a write past it fails with
    EFBIG, as on a full disk."""

    def set_limit() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails instead of the process being killed

    return set_limit


STALLED_READER = """
import os, time
import tracker.data.load as load

def read_any(path, cls):  # the first file: say so, then wait as a slow disk would, until stopped
    os.write(1, b"reading\\n")
    time.sleep(120)

load.read_any = read_any
"""


def start_reading(tmp_path: Path, *args: str) -> subprocess.Popen:
    """`tracker ARGS` as a process that is known to be reading the data (it has said so on standard
    output) and waits there until it is stopped."""
    hook = tmp_path / "hook"
    hook.mkdir(exist_ok=True)
    (hook / "sitecustomize.py").write_text(STALLED_READER, encoding="utf-8")
    proc = subprocess.Popen([*tracker_cmd(), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=process_env(PYTHONPATH=str(hook)))
    assert proc.stdout is not None and proc.stdout.readline() == b"reading\n"
    return proc


@pytest.fixture
def golden(request):
    """Compare text with tests/golden/NAME; UPDATE_GOLDEN=1 rewrites the file."""

    def check(name: str, text: str) -> None:
        check_golden(GOLDEN / name, text)

    return check


def check_golden(path: Path, text: str) -> None:
    """Compare text with a golden file.

    With UPDATE_GOLDEN=1, a file that differs is rewritten and the test fails saying so:
    a rewritten golden file is never a pass, so the variable cannot hide a change.
    """
    old = path.read_text(encoding="utf-8") if path.exists() else None
    if os.environ.get("UPDATE_GOLDEN") and text != old:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        pytest.fail(f"rewrote {path}; check the change (git diff) and run the tests again without UPDATE_GOLDEN")
    assert old is not None, f"missing golden file {path}; run with UPDATE_GOLDEN=1"
    assert text == old, f"output differs from {path} (UPDATE_GOLDEN=1 to accept)"


def generate_folder(folder: Path, rounds: int) -> Path:
    """A synthetic data folder of ``rounds`` rounds, written by benchmarks/generate.py."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_generate"] = module
    spec.loader.exec_module(module)
    module.generate(rounds, str(folder))
    return folder
