"""Files and streams: what the tracker never writes over, `-`, exclusive and atomic creation,
signals, closed pipes and closed streams. Through the CLI, and through real processes where
only a process can show it."""

from __future__ import annotations

import io
import json
import os
import signal
import socket
import sqlite3
import stat
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import icalendar
import pytest

from conftest import DATA, TODAY, file_size_limit, process_env, run, tracker_cmd
from test_data_errors import build

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from generate import generate  # noqa: E402

BIG_ROUND = 2**63


# ---------------------------------------------------------------- never over anything but a regular file


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _symlink(path: Path) -> Path:
    victim = path.parent / "victim.txt"
    victim.write_text("precious")
    path.symlink_to(victim)
    return path


def _socket(path: Path) -> Path:
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    sock.close()
    return path


@pytest.mark.parametrize("make, kind", [(_fifo, "a named pipe (FIFO)"), (_symlink, "a symbolic link"), (_socket, "a socket")])
@pytest.mark.parametrize("args", [["export", "json"], ["export", "ics"], ["export", "sqlite"], ["timeline", "--svg"]])
def test_force_never_replaces_anything_but_a_regular_file(make, kind, args, tmp_path):
    target = make(tmp_path / "out")
    before = os.lstat(target)
    for force in ([], ["--force"]):
        result = run(*args, str(target), *force)
        assert result.code == 3, result.err
        assert result.err == f"error: {target}: is {kind}; only a regular file is ever replaced (use - for standard output)\n"
        after = os.lstat(target)
        assert stat.S_IFMT(after.st_mode) == stat.S_IFMT(before.st_mode) and after.st_ino == before.st_ino
    if kind == "a symbolic link":
        assert (tmp_path / "victim.txt").read_text() == "precious"
    assert sorted(p.name for p in tmp_path.iterdir()) in (["out"], ["out", "victim.txt"]), "no temporary file left"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="making a device node needs root")
def test_force_never_replaces_a_device(tmp_path):
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a second /dev/null
    result = run("export", "json", str(null), "--force")
    assert result.code == 3
    assert result.err == f"error: {null}: is a character device; only a regular file is ever replaced (use - for standard output)\n"
    assert stat.S_ISCHR(os.lstat(null).st_mode)


def test_force_keeps_the_mode_of_the_file_it_replaces(tmp_path):
    path = tmp_path / "all.json"
    path.write_text("old")
    path.chmod(0o640)
    result = run("export", "json", str(path), "--force")
    assert result.code == 0, result.err
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert json.loads(path.read_text(encoding="utf-8"))["rounds"]
    path.chmod(0o604)
    assert run("export", "sqlite", str(path), "--force").code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o604


def test_a_new_file_gets_the_usual_mode(tmp_path):
    old = os.umask(0o027)
    try:
        assert run("export", "json", str(tmp_path / "a.json")).code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.json").stat().st_mode) == 0o640


# ---------------------------------------------------------------- `-` is standard output


def test_dash_writes_each_export_to_standard_output(tmp_path):
    result = run("export", "json", "-")
    assert result.code == 0 and result.err == ""
    assert json.loads(result.out)["rounds"]
    result = run("export", "ics", "-", "--partner", "us")
    assert result.code == 0
    events = {str(e["UID"]) for e in icalendar.Calendar.from_ical(result.out).walk("VEVENT")}
    assert "eppd-1@tracker" in events
    assert not result.err.startswith("wrote"), "nothing is said about a file that was not written"
    result = run("timeline", "--partner", "us", "--svg", "-")
    assert result.code == 0, result.err
    assert ET.fromstring(result.out).tag.endswith("svg"), "only the picture, not the table"
    result = run("topics", "--html", "-")
    assert result.code == 0 and result.out.lstrip().lower().startswith("<!doctype html>")
    assert list(tmp_path.iterdir()) == []


def test_dash_writes_the_sqlite_database_to_standard_output(tmp_path):
    proc = subprocess.run([*tracker_cmd(), "export", "sqlite", "-"], capture_output=True, env=process_env(), timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(b"SQLite format 3\x00")
    path = tmp_path / "out.db"
    path.write_bytes(proc.stdout)
    assert sqlite3.connect(path).execute("SELECT count(*) FROM rounds").fetchone()[0] > 0


@pytest.mark.parametrize("args, message", [
    (["export", "csv", "-"], "error: - (standard output) cannot hold a folder of files; give a folder name"),
    (["timeline", "--svg", "-", "--html", "-"], "error: only one of --svg and --html can go to standard output (-)"),
])
def test_dash_where_it_makes_no_sense(args, message):
    result = run(*args)
    assert result.code in (2, 3) and result.err.strip() == message and result.out == ""


# ---------------------------------------------------------------- exclusive creation


def test_the_new_file_is_created_exclusively(tmp_path, monkeypatch):
    """Another run creates the file after every check said the name was free: ours must not replace it."""
    from tracker.output import files

    path = tmp_path / "all.json"
    path.write_text("the other run's file")
    monkeypatch.setattr(files, "_lstat", lambda p: None)  # every look says the name is free
    result = run("export", "json", str(path))
    assert result.code == 3
    assert result.err == f"error: {path}: already exists (use --force to replace it)\n"
    assert path.read_text() == "the other run's file"
    assert [p.name for p in tmp_path.iterdir()] == ["all.json"]


def test_concurrent_exports_to_one_new_path_exactly_one_wins(tmp_path):
    script = (
        "import os, sys, time\n"
        "from tracker.cli import load_data, main\n"
        "from tracker.env import Env, settings\n"
        "env = Env()\n"
        "ds = load_data(settings(env))\n"  # read first, then all write at the same moment
        "time.sleep(max(0.0, float(sys.argv[1]) - time.time()))\n"
        "sys.exit(main(['export', sys.argv[2], sys.argv[3]], env))\n"
    )
    env = process_env()
    for trial in range(3):
        path = tmp_path / f"all-{trial}.json"
        start = time.time() + 3.0
        procs = [subprocess.Popen([sys.executable, "-c", script, str(start), "json", str(path)], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(4)]
        results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
        codes = sorted(code for code, _ in results)
        assert codes == [0, 3, 3, 3], results
        assert all("already exists" in err for code, err in results if code == 3)
        assert json.loads(path.read_text(encoding="utf-8"))["rounds"], "the winner's file is whole"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all-0.json", "all-1.json", "all-2.json"]


# ---------------------------------------------------------------- exports that used to end in a traceback


def test_ics_with_a_round_on_the_last_day_of_the_calendar(tmp_path):
    data = build(tmp_path)
    path = data / "rounds" / "demo-2.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("date: 2021-03", "date: 9999-12-31"), encoding="utf-8")
    out = tmp_path / "x.ics"
    result = run("--data-dir", str(data), "export", "ics", str(out))
    assert result.code == 0, result.err
    event = next(e for e in icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT") if str(e["UID"]) == "demo-2@tracker")
    assert str(event["DTSTART"].dt) == "9999-12-31" and event["DURATION"].dt.days == 1


def test_sqlite_refuses_a_number_it_cannot_hold(tmp_path):
    data = build(tmp_path)
    rounds = data / "rounds"
    text = (rounds / "demo-1.yaml").read_text(encoding="utf-8")
    (rounds / f"demo-{BIG_ROUND}.yaml").write_text(
        text.replace("id: demo-1", f"id: demo-{BIG_ROUND}").replace("round: 1", f"round: {BIG_ROUND}"), encoding="utf-8")
    (rounds / "demo-1.yaml").unlink()
    (rounds / "demo-2.yaml").unlink()
    out = tmp_path / "x.db"
    result = run("--data-dir", str(data), "export", "sqlite", str(out))
    # round numbers are bounded when the data is read, long before SQLite could overflow
    assert result.code == 1
    assert "round" in result.err and "Traceback" not in result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


@pytest.mark.parametrize("args, name, message", [
    (["export", "sqlite"], "x.db", "disk I/O error (SQLite)"),
    (["export", "json"], "x.json", "File too large"),
    (["timeline", "--svg"], "x.svg", "File too large"),
])
def test_a_full_disk_is_one_line_and_exit_3(args, name, message, tmp_path):
    out = tmp_path / name
    proc = subprocess.run([*tracker_cmd(), *args, str(out)], capture_output=True, text=True, timeout=120,
                          env=process_env(), preexec_fn=file_size_limit(40_000))  # a disk full at 40 kB
    assert proc.returncode == 3, proc.stderr
    assert proc.stderr == f"error: {out}: cannot write: {message}\n"
    assert list(tmp_path.iterdir()) == [], "nothing half-written is left"


# ---------------------------------------------------------------- signals


@pytest.fixture(scope="module")
def slow_data(tmp_path_factory):
    """A data folder big enough that writing its SQLite export takes a while, read into a warm cache."""
    root = tmp_path_factory.mktemp("slow")
    generate(400, str(root / "data"))
    env = process_env(TRACKER_NO_CACHE="", TRACKER_CACHE_DIR=str(root / "cache"), TRACKER_DATA_DIR=str(root / "data"))
    subprocess.run([*tracker_cmd(), "validate"], env=env, capture_output=True, timeout=300, check=True)
    return env


@pytest.mark.parametrize("signum, code", [(signal.SIGTERM, 143), (signal.SIGHUP, 129), (signal.SIGINT, 130)])
def test_a_signal_mid_export_leaves_nothing_behind(signum, code, slow_data, tmp_path):
    out = tmp_path / "out.db"
    proc = subprocess.Popen([*tracker_cmd(), "export", "sqlite", str(out)], env=slow_data,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while not any(p.name.startswith(".out.db") for p in tmp_path.iterdir()):  # the temporary file
        assert proc.poll() is None and time.time() < deadline, "the export ended before it could be interrupted"
        time.sleep(0.002)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == code
    assert err == b""
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("signum, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_a_signal_during_start_up_is_quiet(signum, code):
    """The signal arrives while the tracker's modules are still loading."""
    script = (
        "import os, signal, sys\n"
        "import tracker.entry\n"
        f"os.kill(os.getpid(), {int(signum)})\n"  # as if it came now, before the commands are imported
        "sys.argv = ['tracker', '--version']\n"
        "tracker.entry.run()\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, env=process_env())
    assert (proc.returncode, proc.stderr, proc.stdout) == (code, "", "")


def test_ctrl_c_inside_a_command_s_own_imports_is_quiet():
    """Ctrl-C while a class is being created surfaces as a RuntimeError caused by KeyboardInterrupt."""
    script = (
        "import sys\n"
        "import tracker.cli, tracker.entry\n"
        "def main():\n"
        "    try:\n"
        "        raise KeyboardInterrupt\n"
        "    except KeyboardInterrupt as exc:\n"
        "        raise RuntimeError(\"Error calling __set_name__ on 'Field' instance 'en' in 'Text'\") from exc\n"
        "tracker.cli.main = main\n"
        "tracker.entry.run()\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, env=process_env())
    assert (proc.returncode, proc.stderr) == (130, "")


# ---------------------------------------------------------------- closed pipes and closed streams


class _ClosedPipe(io.RawIOBase):
    def writable(self):
        return True

    def write(self, data):
        raise BrokenPipeError(32, "Broken pipe")


EVERY_COMMAND = [["list"], ["list", "-O", "json"], ["show", "1"], ["compare", "1", "6"], ["timeline"],
                 ["timeline", "-O", "timelinejs"], ["topics"], ["topics", "supply-chains"], ["search", "semiconductor"],
                 ["commitments", "-O", "csv"], ["validate"], ["schema"], ["--version"], ["--help"], ["list", "--help"],
                 ["export"], ["export", "json", "-"], ["export", "ics", "-"], ["timeline", "--svg", "-"]]


@pytest.mark.parametrize("args", EVERY_COMMAND, ids=" ".join)
def test_every_command_exits_141_when_nobody_reads(args, monkeypatch):
    from tracker.cli import main
    from tracker.env import Env

    out = io.TextIOWrapper(io.BufferedWriter(_ClosedPipe()), encoding="utf-8")
    err = io.StringIO()
    environ = {"TRACKER_DATA_DIR": str(DATA), "COLUMNS": "100"}
    monkeypatch.setattr(sys, "stdout", out)
    code = main(list(args), Env(stdout=out, stderr=err, environ=environ, stdout_isatty=False, today=TODAY))
    assert (code, err.getvalue()) == (141, "")


@pytest.mark.parametrize("args", [["list"], ["--help"], ["schema"], ["export", "json", "-"]], ids=" ".join)
def test_a_process_whose_reader_is_gone_exits_141(args):
    read, write = os.pipe()
    os.close(read)  # the reader left before the first byte
    try:
        proc = subprocess.run([*tracker_cmd(), *args], stdout=write, stderr=subprocess.PIPE, text=True, timeout=120,
                              env=process_env())
    finally:
        os.close(write)
    assert (proc.returncode, proc.stderr) == (141, "")


def _shell(redirect: str, *args: str) -> subprocess.CompletedProcess:
    cmd = " ".join(f"'{a}'" for a in [*tracker_cmd(), *args])
    return subprocess.run(["sh", "-c", f"{cmd} {redirect}"], capture_output=True, text=True, timeout=120, env=process_env())


def test_a_closed_standard_output_discards_the_output():
    proc = _shell(">&-", "list")
    assert (proc.returncode, proc.stderr) == (0, "")
    proc = _shell(">&-", "show", "99")
    assert proc.returncode == 2 and proc.stderr.startswith("error: ")
    proc = _shell(">&-", "validate")
    assert proc.returncode == 0 and "Traceback" not in proc.stderr


def test_a_closed_standard_error_keeps_the_output_and_the_status():
    proc = _shell("2>&-", "list")
    assert proc.returncode == 0 and "EPPD" in proc.stdout
    proc = _shell("2>&-", "show", "99")
    assert (proc.returncode, proc.stdout) == (2, "")
