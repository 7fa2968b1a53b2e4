"""The tracker as a real process: pipes, signals, encodings, terminal widths."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run, run_process, start_reading, tracker_cmd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from generate import generate  # noqa: E402


@pytest.fixture(scope="module")
def big_data(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "data"
    generate(300, str(path))
    return path


def test_python_dash_m_works():
    proc = subprocess.run([sys.executable, "-m", "tracker", "--version"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.startswith("tracker ")


def test_a_closed_pipe_is_quiet(big_data):
    env = {**os.environ, "TRACKER_NO_CACHE": "1", "TRACKER_DATA_DIR": str(big_data)}
    for args in (["search", "a", "--format", "json"], ["list"]):
        proc = subprocess.Popen([*tracker_cmd(), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        proc.stdout.readline()
        proc.stdout.close()  # like `| head -1`
        err = proc.stderr.read().decode()
        code = proc.wait(timeout=60)
        assert err == "", err
        assert code in (0, 141)


def test_ctrl_c_exits_130_without_a_traceback(tmp_path):
    """Interrupted while it reads the data: the process is known to be reading when the signal comes."""
    for sig, code in ((signal.SIGINT, 130), (signal.SIGTERM, 143)):
        proc = start_reading(tmp_path, "validate")
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == code
        assert b"Traceback" not in err and b"KeyboardInterrupt" not in err


@pytest.mark.parametrize("env", [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": ""}])
def test_a_stream_that_cannot_show_chinese_degrades(env):
    for args in (["list"], ["show", "6", "--lang", "zh"], ["timeline", "--partner", "歐盟"], ["list", "--partner", "火星"]):
        proc = run_process(*args, env=env)
        assert "Traceback" not in proc.stderr, proc.stderr
        assert proc.returncode in (0, 2)
    proc = run_process("list", "--format", "json", env={"PYTHONIOENCODING": "ascii"})
    assert proc.returncode == 0
    assert json.loads(proc.stdout)[0]["id"]
    proc = run_process("list", "--format", "json", "--lang", "zh", env={"PYTHONIOENCODING": "ascii"})
    assert any(r["leads"] for r in json.loads(proc.stdout))


COMMANDS = [["list"], ["show", "1"], ["compare", "1", "6"], ["timeline", "--partner", "us"], ["topics"],
            ["topics", "supply-chains"], ["search", "semiconductor"], ["commitments"]]


@pytest.mark.parametrize("width", [20, 33, 80, 300])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_command_renders_at_any_width(width, lang):
    for args in COMMANDS:
        result = run(*args, "--lang", lang, environ={"COLUMNS": str(width)})
        assert result.code == 0, (args, result.err)
        assert result.out.strip()


def test_help_and_no_arguments():
    proc = run_process()
    assert proc.returncode == 0 and "Usage:" in proc.stdout
    proc = run_process("export")
    assert proc.returncode == 0 and "sqlite" in proc.stdout
