"""Bad data and bad input that need more than a fixture file: never a traceback, never a hang."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import DATA, run
from test_data_errors import build


def test_alias_bomb_is_refused_with_bounded_memory(tmp_path):
    data = build(tmp_path)
    levels = ["a: &a [" + ", ".join(["x"] * 10) + "]"]
    for i in range(1, 10):
        prev = chr(ord("a") + i - 1)
        levels.append(f"{chr(ord('a') + i)}: &{chr(ord('a') + i)} [" + ", ".join([f"*{prev}"] * 10) + "]")
    body = "id: demo-3\n" + "\n".join(levels) + "\nnotes: *j\n"
    (data / "rounds" / "demo-3.yaml").write_text(body, encoding="utf-8")
    code = (  # bounded by memory, never by time: an expanded bomb holds 10^10 items
        "import resource, sys\n"
        "from tracker.cli import main\n"
        f"rc = main(['validate', {str(data)!r}])\n"
        "print(rc, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "TRACKER_NO_CACHE": "1"})
    rc, maxrss_kib = proc.stderr.strip().splitlines()[-1].split()
    assert rc == "1"
    assert int(maxrss_kib) < 150 * 1024
    assert "anchors and aliases" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_20_mb_file_is_refused_without_reading_it(tmp_path):
    data = build(tmp_path)
    big = data / "rounds" / "demo-3.yaml"
    with open(big, "w", encoding="utf-8") as fh:
        fh.write("id: demo-3\nnotes:\n")
        line = "  - text: {en: " + "x" * 200 + "}\n"
        while fh.tell() < 20 * 1024 * 1024:
            fh.write(line)
    result = run("validate", str(data))
    assert result.code == 1
    assert f"{data}/rounds/demo-3.yaml: file is 21.0 MB; data files are limited to 5 MiB" in result.err


def test_utf8_bom_and_crlf_are_accepted(tmp_path):
    data = build(tmp_path)
    path = data / "rounds" / "demo-2.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    result = run("validate", str(data))
    assert result.code == 0, result.err


def test_folder_with_no_yaml(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "README.md").write_text("notes")
    result = run("--data-dir", str(tmp_path / "empty"), "list")
    assert result.code == 1
    assert result.err.splitlines()[0] == f"{tmp_path}/empty: no YAML files in the data folder (expected partners.yaml, topics.yaml and rounds/*.yaml)"


def test_data_folder_that_does_not_exist(tmp_path):
    result = run("--data-dir", str(tmp_path / "nope"), "list")
    assert result.code == 1
    assert result.err.splitlines()[0] == f"{tmp_path}/nope: data folder does not exist (check --data-dir or TRACKER_DATA_DIR)"


def test_data_folder_that_is_a_file(tmp_path):
    (tmp_path / "file.yaml").write_text("a: 1\n")
    result = run("validate", str(tmp_path / "file.yaml"))
    assert result.code == 1
    assert result.err.splitlines()[0].startswith(f"{tmp_path}/file.yaml: is a file, not a data folder")


def test_data_folder_missing_partners(tmp_path):
    data = build(tmp_path)
    (data / "partners.yaml").unlink()
    result = run("validate", str(data))
    assert result.code == 1
    assert f"{data}/partners.yaml: missing (every data folder needs partners.yaml)" in result.err


def test_symbolic_link_loop_inside_the_data_folder(tmp_path):
    data = build(tmp_path)
    os.symlink(data / "rounds", data / "rounds" / "again")
    os.symlink("self.yaml", data / "rounds" / "self.yaml")
    result = run("validate", str(data))
    assert result.code == 1
    assert f"{data}/rounds/again: symbolic link loop: this folder contains itself (remove the link)" in result.err
    assert f"{data}/rounds/self.yaml: symbolic link loop (remove or fix the link)" in result.err
    assert "Traceback" not in result.err


def test_unreadable_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root can read any file")
    data = build(tmp_path)
    path = data / "rounds" / "demo-2.yaml"
    path.chmod(0)
    result = run("validate", str(data))
    assert result.code == 1
    assert "demo-2.yaml: cannot read file" in result.err


def test_python_tag_never_runs_through_any_command(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = build(tmp_path, "python-tag")
    for args in (["list"], ["timeline"], ["show", "demo:1"], ["validate", str(data)]):
        result = run("--data-dir", str(data), *args)
        assert result.code == 1
    assert not (tmp_path / "SENTINEL").exists()


def test_copy_of_shipped_data_validates(tmp_path):
    copy = tmp_path / "mine"
    shutil.copytree(DATA, copy)
    result = run("validate", str(copy))
    assert result.code == 0, result.err
