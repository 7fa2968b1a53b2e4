"""Attacks on the data and search side, each reproduced: what the tracker does instead of hanging,
crashing or reading what it should not. Work is bounded by counting, never by timing."""

from __future__ import annotations

import dataclasses
import json
import shutil
import signal
from itertools import pairwise
from pathlib import Path

import pytest
from conftest import DATA, FIXTURES, ROOT, TODAY, generate_folder, run, run_process, start_reading

import tracker
from tracker.data import text


def base(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "base", data)
    return data


# ---------------------------------------------------------------- no cache, no pool, no pickle (H2, H3, H8)


def test_no_module_of_the_tracker_unpickles_starts_processes_or_takes_locks():
    for path in (ROOT / "tracker").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for word in ("pickle", "multiprocessing", "ProcessPoolExecutor", "flock", "gc.disable"):
            assert word not in source, (path, word)


def test_a_run_killed_while_reading_leaves_nothing_that_makes_the_next_one_wait(tmp_path):
    proc = start_reading(tmp_path, "list")
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    after = run_process("list", "--format", "json")
    assert after.returncode == 0 and json.loads(after.stdout)


# ---------------------------------------------------------------- the walk of the data folder (H4, Low)


def test_a_fan_out_of_links_is_walked_once_per_folder(tmp_path):
    data = base(tmp_path)
    level = data / "rounds" / "fan"
    level.mkdir()
    folders = [level]
    for i in range(25):  # each folder has two links to the next: 2^25 paths, no loop
        nxt = data / "rounds" / f"f{i}"
        nxt.mkdir()
        (folders[-1] / "a").symlink_to(nxt)
        (folders[-1] / "b").symlink_to(nxt)
        folders.append(nxt)
    from tracker.data.load import scan

    _files, problems = scan(str(data))
    assert len(problems) <= 2 * 25  # at most each link once: "already read"
    assert all("already read" in p.message for p in problems)


def test_links_that_leave_the_data_folder_are_not_followed_and_never_echoed(tmp_path):
    data = base(tmp_path)
    outside = tmp_path / "secrets"
    outside.mkdir()
    (outside / "x.yaml").write_text("API_TOKEN: hunter2\n", encoding="utf-8")
    (data / "rounds" / "out").symlink_to(outside)
    (data / "rounds" / "demo-9.yaml").symlink_to(outside / "x.yaml")
    result = run("validate", str(data))
    assert result.code == 1
    assert "API_TOKEN" not in result.err and "hunter2" not in result.err
    assert "symbolic link to a folder outside the data folder" in result.err
    assert "symbolic link to a file outside the data folder" in result.err


def test_a_symbolic_link_loop_as_the_data_folder_is_named(tmp_path):
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    result = run("validate", str(loop))
    assert result.code == 1
    assert "symbolic link loop" in result.err and "does not exist" not in result.err


def test_a_file_ending_in_capital_yaml_is_read(tmp_path):
    data = base(tmp_path)
    (data / "rounds" / "demo-3.YAML").write_text("id: demo-3\n", encoding="utf-8")
    result = run("validate", str(data))
    assert result.code == 1
    assert "demo-3.YAML:" in result.err


@pytest.mark.parametrize("ch", ["\u2028", "\u2029", "\u200f", "\u061c"])
def test_invisible_separators_and_marks_are_refused(tmp_path, ch):
    data = base(tmp_path)
    path = data / "rounds" / "demo-1.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("format: virtual\n", f"format: virtual\nvenues:\n  - {{en: \"a{ch}b\"}}\n", 1), encoding="utf-8")
    result = run("validate", str(data))
    assert result.code == 1
    assert f"U+{ord(ch):04X}" in result.err.upper() and "Traceback" not in result.err


# ---------------------------------------------------------------- dates at the end of time (M1)


def test_the_last_month_a_date_can_have_is_no_traceback(tmp_path):
    for until in ("9999-12", "Dec 9999"):
        result = run("list", "--until", until, "--format", "json")
        assert result.code == 0 and json.loads(result.out), result.err
    data = base(tmp_path)
    path = data / "rounds" / "demo-2.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("date: 2021-03", "date: 9999-12"), encoding="utf-8")
    for command in (["validate", str(data)], ["--data-dir", str(data), "list"], ["--data-dir", str(data), "timeline"]):
        result = run(*command)
        assert "Traceback" not in result.err and "out of range" not in result.err, command
    ds = tracker.load(DATA, today=TODAY)
    assert tracker.list_rounds(ds, until="9999-12")
    with pytest.raises(tracker.InputError):
        tracker.list_rounds(ds, until="10000")


# ---------------------------------------------------------------- nothing read again during a run (M4)


def test_files_changed_or_removed_after_loading_change_nothing(tmp_path):
    data = base(tmp_path)
    ds = tracker.load(data, today=TODAY)
    before = [s.id for s in tracker.list_rounds(ds)]
    for path in (data / "rounds").iterdir():
        path.write_text("garbage: [\n", encoding="utf-8")
    shutil.rmtree(data / "rounds")
    assert [s.id for s in tracker.list_rounds(ds)] == before
    assert tracker.search(ds, "demo") is not None
    assert tracker.get_round(ds, "demo:1").id == "demo-1"


# ---------------------------------------------------------------- search ends, and stays linear (H5, H7)


def test_a_needle_that_no_text_can_hold_ends():
    ds = tracker.load(DATA, today=TODAY)
    for needle in ("\x00", "a\x00b", "\x01", "\x00" * 100):
        assert tracker.search(ds, needle) == []


def _with_outcomes(ds, n: int):
    from tracker.data.model import Dataset

    r = next(r for r in ds.rounds.values() if any(t.outcomes for t in r.topics))
    t = next(t for t in r.topics if t.outcomes)
    o = t.outcomes[0]
    outcomes = tuple(dataclasses.replace(o, id=f"o{i}", text=dataclasses.replace(o.text, en="supply chain outcome")) for i in range(n))
    big = dataclasses.replace(r, topics=(dataclasses.replace(t, outcomes=outcomes),))
    rounds = [big if x.id == r.id else x for x in ds.rounds.values()]
    return Dataset(ds.root, ds.partners.values(), ds.themes.values(), ds.topics.values(), ds.people.values(),
                   ds.dialogues.values(), rounds, ds.documents.values())


def _folded_characters(monkeypatch, work) -> int:
    count = [0]
    real = text.fold

    def counting(t: str) -> str:
        count[0] += len(t)
        return real(t)

    monkeypatch.setattr(text, "fold", counting)
    work()
    monkeypatch.setattr(text, "fold", real)
    return count[0]


def test_search_work_grows_linearly_with_matching_outcomes(monkeypatch):
    ds = tracker.load(DATA, today=TODAY)
    costs = []
    for n in (500, 1000, 2000, 4000):
        big = _with_outcomes(ds, n)
        costs.append(_folded_characters(monkeypatch, lambda big=big: tracker.search(big, "supply chain")))
    for small, large in pairwise(costs):
        assert large <= 2.2 * small, costs


def test_loading_work_grows_linearly_with_rounds(tmp_path, monkeypatch):
    from tracker.data import parse

    costs = []
    for n in (20, 40, 80):
        folder = generate_folder(tmp_path / f"g{n}", n)
        count = [0]
        real = parse.Reader.read

        def counting(self, *args, _real=real, _count=count):
            _count[0] += 1
            return _real(self, *args)

        monkeypatch.setattr(parse.Reader, "read", counting)
        tracker.load(folder, today=TODAY)
        monkeypatch.setattr(parse.Reader, "read", real)
        costs.append(count[0])
    for small, large in pairwise(costs):
        assert large <= 2.2 * small, costs


# ---------------------------------------------------------------- source addresses (M5, data side)


@pytest.mark.parametrize("url", ["https://www.moea.gov.tw/ https://evil.example", "https://a.example/\u00a0x", "https:///no-host"])
def test_a_source_url_must_be_a_valid_address(tmp_path, url):
    data = base(tmp_path)
    path = data / "rounds" / "demo-1.yaml"
    old = path.read_text(encoding="utf-8")
    first = next(line for line in old.splitlines() if line.strip().startswith("url:"))
    path.write_text(old.replace(first, first.split("url:")[0] + "url: " + json.dumps(url), 1), encoding="utf-8")
    result = run("validate", str(data))
    assert result.code == 1
    assert "is not a valid web address" in result.err and "demo-1.yaml:" in result.err
