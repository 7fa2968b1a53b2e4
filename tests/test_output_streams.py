"""Output is never cut short without a word: every write's count is checked, on standard output
and in files, and what cannot be written ends the command with one line and exit 3 (a full disk,
a device that takes nothing), or quietly with exit 141 (a reader that went away).

Through real processes: a file-size limit (``RLIMIT_FSIZE``, which fails writes as a full disk
does), ``/dev/full``, a real full file system (a small tmpfs in a private mount namespace, where
that is allowed), and a reader that leaves after one byte.
"""

from __future__ import annotations

import errno
import io
import json
import os
import shutil
import subprocess
import sys

import pytest
from conftest import DATA, TODAY, file_size_limit, process_env, run, tracker_cmd

LIMIT = 4096  # bytes a file may grow to in the processes below: smaller than every output tried


def _process_env(unbuffered: bool = False) -> dict:
    # Python's unbuffered streams pass a short write's count on
    return process_env(PYTHONUNBUFFERED="1") if unbuffered else process_env()


def _run(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, check=False, **kwargs)


# ---------------------------------------------------------------- standard output on a full disk

TO_STDOUT = [["export", "json", "-"], ["export", "ics", "-"], ["timeline", "--svg", "-"], ["topics", "--html", "-"],
             ["list", "-O", "json"], ["show", "1"], ["schema"]]


def _to_file(args: list[str], path, unbuffered: bool, limit: int) -> subprocess.CompletedProcess:
    with open(path, "wb") as fh:
        return _run([*tracker_cmd(), *args], stdout=fh, stderr=subprocess.PIPE, text=True, timeout=120,
                              env=_process_env(unbuffered), preexec_fn=file_size_limit(limit))


@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "PYTHONUNBUFFERED"])
@pytest.mark.parametrize("args", TO_STDOUT, ids=" ".join)
def test_standard_output_to_a_full_disk_is_one_line_and_exit_3(args, unbuffered, tmp_path):
    """`tracker export json - > out.json` on a nearly full disk used to write 24 kB and exit 0.

    The disk fills early (4 kB), then one byte before the end: wherever the last write is cut
    short, the command fails; a short count is never taken for the whole."""
    out = tmp_path / "out"
    whole = _to_file(args, out, unbuffered, 1 << 30)
    assert whole.returncode == 0, whole.stderr
    size = out.stat().st_size
    for limit in (LIMIT, size - 1):
        proc = _to_file(args, out, unbuffered, limit)
        assert (proc.returncode, proc.stderr) == (3, "error: standard output: cannot write: File too large\n"), limit
        assert out.stat().st_size == limit, "written up to the limit"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
@pytest.mark.parametrize("args", [["list"], ["show", "1"], ["schema"], ["--version"], ["--help"], ["list", "--help"],
                                  ["export", "json", "-"], ["export", "sqlite", "-"], ["validate"]], ids=" ".join)
def test_a_full_standard_output_is_one_line_and_exit_3(args):
    """A device that takes nothing: `tracker list > /dev/full` used to end in a traceback."""
    with open("/dev/full", "wb") as full:
        proc = _run([*tracker_cmd(), *args], stdout=full, stderr=subprocess.PIPE, text=True, timeout=120,
                              env=_process_env())
    assert (proc.returncode, proc.stderr) == (3, "error: standard output: cannot write: No space left on device\n")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "PYTHONUNBUFFERED"])
@pytest.mark.parametrize("args, stdout, code", [(["show", "99"], subprocess.DEVNULL, 2), (["list"], "full", 3),
                                                (["list"], subprocess.DEVNULL, 0)], ids=["error", "full output", "ok"])
def test_a_full_standard_error_keeps_the_exit_status(args, stdout, code, unbuffered):
    """The message is lost, since nothing could say so, but the status still tells what happened
    (`tracker show 99 2>/dev/full` used to exit 1, or 120)."""
    with open("/dev/full", "wb") as full:
        proc = _run([*tracker_cmd(), *args], stdout=full if stdout == "full" else stdout, stderr=full, timeout=120,
                    env=_process_env(unbuffered))
    assert proc.returncode == code


class _Full(io.RawIOBase):
    """A device that takes nothing, as /dev/full."""

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


EVERY_COMMAND = [["list"], ["list", "-O", "json"], ["list", "-O", "csv"], ["show", "1"], ["show", "1", "-O", "markdown"],
                 ["compare", "1", "6"], ["timeline"], ["timeline", "-O", "timelinejs"], ["topics"],
                 ["topics", "supply-chains"], ["search", "semiconductor"], ["commitments", "-O", "csv"], ["validate"],
                 ["schema"], ["--version"], ["--help"], ["list", "--help"], ["export"], ["export", "json", "-"],
                 ["export", "ics", "-"], ["export", "sqlite", "-"], ["timeline", "--svg", "-"]]


@pytest.mark.parametrize("args", EVERY_COMMAND, ids=" ".join)
def test_every_command_on_a_full_standard_output_is_one_line_and_exit_3(args, monkeypatch):
    from tracker.cli import main
    from tracker.env import Env

    out = io.TextIOWrapper(io.BufferedWriter(_Full()), encoding="utf-8")
    err = io.StringIO()
    environ = {"TRACKER_NO_CACHE": "1", "TRACKER_DATA_DIR": str(DATA), "COLUMNS": "100"}
    monkeypatch.setattr(sys, "stdout", out)  # help and version are written there
    code = main(list(args), Env(stdout=out, stderr=err, environ=environ, stdout_isatty=False, today=TODAY))
    assert (code, err.getvalue()) == (3, "error: standard output: cannot write: No space left on device\n")


def _unshare_mount() -> bool:
    if sys.platform != "linux" or not shutil.which("unshare"):
        return False
    probe = _run(["unshare", "--mount", "sh", "-c", "mount -t tmpfs -o size=4k tmpfs /mnt"],
                           capture_output=True, timeout=60)
    return probe.returncode == 0


@pytest.mark.skipif(not _unshare_mount(), reason="a private tmpfs needs Linux and the right to mount")
def test_a_really_full_file_system(tmp_path):
    """A 64 kB tmpfs that holds nothing else (in a mount namespace of its own, gone with it): the file
    and standard output both fail with ENOSPC, and no half-written file or temporary file is left."""
    folder = tmp_path / "small"
    folder.mkdir()
    script = (
        'mount -t tmpfs -o size=64k tmpfs "$DIR" || exit 99\n'
        '"$@" export json "$DIR/a.json"; echo "file $?" >&2\n'
        '"$@" export json - > "$DIR/b.json"; echo "stdout $?" >&2\n'
        'rm -f "$DIR/b.json"; ls -A "$DIR" >&2\n'
    )
    proc = _run(["unshare", "--mount", "sh", "-c", script, "sh", *tracker_cmd()], capture_output=True,
                          text=True, timeout=120, env={**_process_env(), "DIR": str(folder)})
    assert proc.stderr == (f"error: {folder}/a.json: cannot write: No space left on device\nfile 3\n"
                           "error: standard output: cannot write: No space left on device\nstdout 3\n")


# ---------------------------------------------------------------- a reader that leaves


@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "PYTHONUNBUFFERED"])
@pytest.mark.parametrize("args", [["export", "json", "-"], ["export", "sqlite", "-"]], ids=" ".join)
def test_a_reader_that_leaves_after_one_byte_gives_141(args, unbuffered):
    """`tracker export json - | head -c1` used to exit 0: the count of the write the closed pipe cut
    short was ignored. The output is larger than the pipe holds, so the end never reached it."""
    import fcntl

    proc = subprocess.Popen([*tracker_cmd(), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=_process_env(unbuffered))
    if hasattr(fcntl, "F_GETPIPE_SZ"):  # Linux: a pipe holds 64 kB unless made larger
        assert fcntl.fcntl(proc.stdout.fileno(), fcntl.F_GETPIPE_SZ) < 200_000, "the pipe could hold the whole output"
    assert len(proc.stdout.read(1)) == 1
    proc.stdout.close()
    err = proc.stderr.read()
    assert (proc.wait(timeout=120), err) == (141, b"")


@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "PYTHONUNBUFFERED"])
def test_head_c1_through_a_shell(unbuffered):
    """As a user types it, with the status of the tracker's side of the pipe."""
    if not shutil.which("bash") or not shutil.which("head"):
        pytest.skip("no bash or head here")
    cmd = " ".join(f"'{a}'" for a in tracker_cmd())
    proc = _run(["bash", "-c", f"{cmd} export json - | head -c1 >/dev/null; echo ${{PIPESTATUS[0]}}"],
                          capture_output=True, text=True, timeout=120, env=_process_env(unbuffered))
    assert (proc.stdout, proc.stderr) == ("141\n", "")


# ---------------------------------------------------------------- every write's count, every file synced


def test_a_short_write_is_written_on_until_every_byte_is_taken():
    from tracker.output.files import write_all

    taken = bytearray()

    def three_at_a_time(view):
        taken.extend(view[:3])
        return min(3, len(view))

    data = "中文 and text".encode() * 50
    assert write_all(three_at_a_time, data) == len(data)
    assert bytes(taken) == data


@pytest.mark.parametrize("answer", [0, None])
def test_a_write_that_takes_nothing_is_an_error(answer):
    from tracker.output.files import write_all

    with pytest.raises(OSError):
        write_all(lambda view: answer, b"abc")


def test_standard_output_s_descriptor_writes_every_byte(monkeypatch):
    """The descriptor under standard output writes on after a short write instead of dropping the rest."""
    from tracker.output import files

    read, write = os.pipe()
    real_write = os.write
    monkeypatch.setattr(files.os, "write", lambda fd, view: real_write(fd, view[:7]))
    try:
        stream = files.whole_stream(open(write, "w", encoding="utf-8", closefd=False))  # noqa: SIM115
        stream.write("臺灣 Taiwan " * 100)
        stream.flush()
        monkeypatch.undo()
        os.close(write)
        got = b""
        while chunk := os.read(read, 65536):
            got += chunk
    finally:
        os.close(read)
    assert got.decode() == "臺灣 Taiwan " * 100


@pytest.mark.parametrize("args, name", [(["export", "json"], "x.json"), (["export", "sqlite"], "x.db"),
                                        (["timeline", "--svg"], "x.svg"), (["export", "csv"], "tables")])
def test_a_failure_the_disk_reports_late_is_an_error_and_leaves_nothing(args, name, tmp_path, monkeypatch):
    """A write-back failure reported only when the file is synced (a full network drive): exit 3,
    and the name is never given to a short file."""
    from tracker.output import files

    def fail(fd):
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(files.os, "fsync", fail)
    target = tmp_path / name
    result = run(*args, str(target))
    assert (result.code, result.err) == (3, f"error: {target}: cannot write: Input/output error\n")
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- the pager

PAGED = {"LINES": "10", "NO_COLOR": "1"}
INSTEAD = "the output is printed instead (see TRACKER_PAGER, PAGER, --no-pager)"


@pytest.mark.parametrize("pager, why", [
    ("true", "ended without reading the output (exit status 0)"),
    ("false", "ended without reading the output (exit status 1)"),
    ("no-such-pager-here", "could not be started (No such file or directory)"),
])
def test_a_pager_that_shows_nothing_is_named_and_the_output_printed(pager, why):
    """`TRACKER_PAGER=true tracker list` on a terminal used to show nothing and exit 0."""
    result = run("list", tty=True, environ={**PAGED, "TRACKER_PAGER": pager})
    assert (result.code, result.err) == (0, f"note: the pager {pager!r} {why}; {INSTEAD}\n")
    assert result.out == run("list", tty=True, environ=PAGED).out and result.out.startswith("DDE — ")


def test_quitting_the_pager_early_is_no_failure():
    result = run("list", tty=True, environ={**PAGED, "TRACKER_PAGER": "sh -c 'head -c 100 >/dev/null'"})
    assert (result.code, result.out, result.err) == (0, "", "")


def test_a_pager_that_fails_after_showing_part_is_exit_3():
    pager = "sh -c 'head -c 100 >/dev/null; exit 2'"
    size = len(run("list", tty=True, environ=PAGED).out.encode())
    result = run("list", tty=True, environ={**PAGED, "TRACKER_PAGER": pager})
    assert result.code == 3 and result.out == ""
    assert result.err == f"error: the pager {pager!r} failed (exit status 2) after reading 100 of {size} bytes of the output\n"


@pytest.mark.skipif(sys.platform == "win32", reason="no terminals to make here")
def test_a_pager_that_exits_at_once_on_a_real_terminal():
    """A process whose standard output is a terminal (a pseudo-terminal of the test's own)."""
    import pty

    master, slave = pty.openpty()
    env = {**_process_env(), **PAGED, "COLUMNS": "100", "TRACKER_PAGER": "true"}
    proc = subprocess.Popen([*tracker_cmd(), "list"], stdout=slave, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                            env=env)
    os.close(slave)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal's other side is closed: all was read
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0
    assert err == f"note: the pager 'true' ended without reading the output (exit status 0); {INSTEAD}\n"
    assert b"DDE \xe2\x80\x94 " in shown and b"EPPD" in shown


# ---------------------------------------------------------------- an output that cannot hold Chinese


@pytest.mark.parametrize("encoding, name", [("ascii", "ascii"), ("latin-1", "iso8859-1")])
@pytest.mark.parametrize("args", [["list", "--lang", "zh"], ["show", "1"], ["timeline", "--lang", "zh"]], ids=" ".join)
def test_what_the_encoding_cannot_hold_is_counted_and_said(args, encoding, name):
    """Under PYTHONIOENCODING=ascii, Chinese used to become '?' with exit 0 and not a word."""
    import re

    proc = _run([*tracker_cmd(), *args], capture_output=True, timeout=120,
                env={**_process_env(), "COLUMNS": "100", "PYTHONIOENCODING": encoding})
    assert proc.returncode == 0
    said = re.fullmatch(rf"warning: (\d+) characters of the output could not be written in the {name} encoding of "
                        r"standard output and show as '\?' \(use a UTF-8 locale such as LC_ALL=C\.UTF-8, or "
                        r"PYTHONIOENCODING=utf-8\)\n", proc.stderr.decode())
    assert said, proc.stderr
    assert 0 < int(said.group(1)) <= proc.stdout.count(b"?")


def test_json_keeps_chinese_in_any_encoding():
    """JSON writes what the encoding cannot hold as \\u escapes: nothing is lost, nothing to say."""
    proc = _run([*tracker_cmd(), "show", "1", "-O", "json"], capture_output=True, timeout=120,
                env={**_process_env(), "PYTHONIOENCODING": "ascii"})
    assert (proc.returncode, proc.stderr) == (0, b"")
    assert "華府" in str(json.loads(proc.stdout))


# ---------------------------------------------------------------- export csv into a folder; --force


def _csv_folder(tmp_path):
    folder = tmp_path / "tables"
    assert run("export", "csv", str(folder)).code == 0
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) > 2
    return folder, names


def test_force_into_a_folder_with_a_fifo_writes_nothing(tmp_path):
    """One name is a named pipe: the command used to replace the files before it and stop at it."""
    folder, names = _csv_folder(tmp_path)
    for name in names:
        (folder / name).write_text("old", encoding="utf-8")
    fifo = folder / names[len(names) // 2]
    fifo.unlink()
    os.mkfifo(fifo)
    result = run("export", "csv", str(folder), "--force")
    message = f"error: {fifo}: is a named pipe (FIFO); only a regular file is ever replaced (use - for standard output)\n"
    assert (result.code, result.err) == (3, message)
    assert all((folder / n).read_text(encoding="utf-8") == "old" for n in names if n != fifo.name)
    assert sorted(p.name for p in folder.iterdir()) == names, "no temporary file left"


@pytest.mark.parametrize("force", [[], ["--force"]], ids=["new", "force"])
def test_a_folder_given_through_a_link_is_not_written_through(force, tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "link"
    link.symlink_to(real)
    result = run("export", "csv", str(link), *force)
    message = f"error: {link}: is a symbolic link; give the folder itself, which is never reached through a link\n"
    assert (result.code, result.err) == (3, message)
    assert list(real.iterdir()) == []


def test_export_csv_never_removes_a_folder_it_did_not_make(tmp_path):
    """The temporary folder's name used to be fixed (NAME.PID.tmp): one already there was removed."""
    theirs = tmp_path / f".tables.{os.getpid()}.tmp"
    theirs.mkdir()
    (theirs / "keep.txt").write_text("someone else's", encoding="utf-8")
    result = run("export", "csv", str(tmp_path / "tables"))
    assert result.code == 0, result.err
    assert (theirs / "keep.txt").read_text(encoding="utf-8") == "someone else's"
    assert sorted(p.name for p in tmp_path.iterdir()) == [theirs.name, "tables"]


def test_a_new_csv_folder_gets_the_usual_mode(tmp_path):
    old = os.umask(0o027)
    try:
        assert run("export", "csv", str(tmp_path / "tables")).code == 0
    finally:
        os.umask(old)
    assert (tmp_path / "tables").stat().st_mode & 0o7777 == 0o750


@pytest.mark.parametrize("mode, kept", [(0o4755, 0o755), (0o2640, 0o640), (0o6750, 0o750)])
def test_force_never_keeps_set_user_or_group_id(mode, kept, tmp_path):
    path = tmp_path / "all.json"
    path.write_text("old", encoding="utf-8")
    path.chmod(mode)
    if path.stat().st_mode & 0o7777 != mode:
        pytest.skip("this file system does not keep these bits")
    result = run("export", "json", str(path), "--force")
    assert result.code == 0, result.err
    assert path.stat().st_mode & 0o7777 == kept
