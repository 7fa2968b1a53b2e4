"""One fixture per data error: each must name its file and line, with the exact message pinned.

A case is tests/fixtures/errors/<case>/files/… laid over the small valid data set in
tests/fixtures/base; tests/fixtures/errors/<case>/expected.txt holds the exact lines that
`tracker validate` prints on stderr ({data} stands for the data folder), and the exit status.
UPDATE_GOLDEN=1 rewrites the expected files that differ (and fails those tests, saying so).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, check_golden, run

CASES = sorted(p.name for p in (FIXTURES / "errors").iterdir() if p.is_dir())


def build(tmp_path: Path, case: str | None = None) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "base", data)
    if case:
        for src in (FIXTURES / "errors" / case / "files").rglob("*"):
            if src.is_file():
                dest = data / src.relative_to(FIXTURES / "errors" / case / "files")
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, dest)
    return data


def test_base_fixture_is_valid(tmp_path):
    data = build(tmp_path)
    result = run("validate", str(data))
    assert result.code == 0, result.err
    assert result.err == ""


@pytest.mark.parametrize("case", CASES)
def test_each_error_is_reported_exactly(case, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a tag that ran a command would leave SENTINEL here
    data = build(tmp_path, case)
    result = run("validate", str(data))
    text = result.err.replace(str(data), "{data}")
    actual = f"exit {result.code}\n{text}"
    expected_file = FIXTURES / "errors" / case / "expected.txt"
    check_golden(expected_file, actual)
    assert "Traceback" not in result.err
    assert not (tmp_path / "SENTINEL").exists()
    lines = [line for line in text.splitlines() if line.startswith("{data}")]
    assert lines, "every data problem names its file"


@pytest.mark.parametrize("case", CASES)
def test_every_command_refuses_the_same_data(case, tmp_path):
    """Other commands print the same problems (errors only) and exit 1."""
    data = build(tmp_path, case)
    validate = run("validate", str(data))
    listing = run("--data-dir", str(data), "list")
    if validate.code == 0:
        assert listing.code == 0
        return
    assert listing.code == 1
    errors = [line for line in validate.err.splitlines() if ": warning: " not in line][:-1]
    assert listing.err.splitlines()[:-1] == errors
    assert listing.err.splitlines()[-1].startswith("error: the data has")


def test_strict_refuses_a_fact_that_rests_only_on_weak_sources(tmp_path):
    """A warning without --strict (other commands still work), a failure with it."""
    data = build(tmp_path, "weak-sources-only")
    result = run("validate", "--strict", str(data))
    assert result.code == 1
    assert result.out == ""
    lines = result.err.replace(str(data), "{data}").splitlines()
    assert "{data}/rounds/demo-3.yaml:6:5: warning: participant 'alice' rests only on weak sources (blog)" in lines[1]
    assert lines[-1].endswith("; 0 errors, 5 warnings")
    assert run("--data-dir", str(data), "list").code == 0


def test_help_gives_the_data_date_of_valid_data_only(tmp_path):
    data = build(tmp_path)
    helped = " ".join(run("--help", environ={"COLUMNS": "200", "TRACKER_DATA_DIR": str(data)}).out.split())
    assert "Data as of" in helped
    broken = build(tmp_path / "broken", CASES[0])
    result = run("--help", environ={"COLUMNS": "200", "TRACKER_DATA_DIR": str(broken)})
    assert result.code == 0 and result.err == ""
    assert "Data as of" not in result.out and "Usage" in result.out
