"""The parsed-data cache is an optimisation only: never stale, never in the way, never hiding an error."""

from __future__ import annotations

import json
import os
import shutil
import time

import pytest

from conftest import DATA, run
from tracker.data.store import cache_path


@pytest.fixture
def folder(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    cache = tmp_path / "cache"
    return data, cache


def listing(data, cache, *extra, environ=None):
    env = {"TRACKER_CACHE_DIR": str(cache), **(environ or {})}
    result = run("--data-dir", str(data), *extra, "list", "--format", "json", environ=env)
    return result, (json.loads(result.out) if result.code == 0 else None)


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    time.sleep(0.01)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def parsed(monkeypatch):
    """The paths of the files read and parsed, run after run."""
    import tracker.data.parse

    seen: list[str] = []
    real = tracker.data.parse.read_file

    def counting(path, cls):
        seen.append(path)
        return real(path, cls)

    monkeypatch.setattr(tracker.data.parse, "read_file", counting)
    return seen


def test_the_cache_is_made_and_used(folder, parsed):
    data, cache = folder
    first, rounds = listing(data, cache)
    assert first.code == 0
    assert os.path.exists(cache_path(str(cache), str(data)))
    files = len(parsed)
    assert files > 20
    parsed.clear()
    again, rounds_again = listing(data, cache)
    assert rounds_again == rounds
    assert parsed == []  # nothing read again
    edit(data / "rounds" / "eppd-1.yaml", "format: hybrid", "format: virtual")
    listing(data, cache)
    assert parsed == [str(data / "rounds" / "eppd-1.yaml")]  # only what changed


def test_a_changed_file_is_seen_on_the_very_next_run(folder):
    data, cache = folder
    listing(data, cache)
    edit(data / "rounds" / "eppd-1.yaml", "format: hybrid", "format: virtual")
    _, rounds = listing(data, cache)
    assert next(r for r in rounds if r["id"] == "eppd-1")["format"] == "virtual"


def test_a_change_of_the_same_size_at_the_same_modification_time_is_seen(folder):
    data, cache = folder
    listing(data, cache)
    path = data / "rounds" / "eppd-4.yaml"
    stat = path.stat()
    edit(path, "format: hybrid", "format: virtu")  # the same length
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the same modification time
    result, _ = listing(data, cache)
    assert result.code == 1 and "'virtu' is not allowed" in result.err


NEW_ROUND = """id: eppd-7
dialogue: eppd
round: 7
date: 2026-11
sources:
  - id: s1
    publisher: {en: Example}
    url: https://example.org/eppd-7
last_verified: 2026-11-20
"""


def test_added_and_deleted_files_are_seen(folder):
    data, cache = folder
    listing(data, cache)
    (data / "rounds" / "eppd-7.yaml").write_text(NEW_ROUND, encoding="utf-8")
    result, rounds = listing(data, cache)
    assert result.code == 0, result.err
    assert "eppd-7" in [r["id"] for r in rounds]
    (data / "rounds" / "eppd-7.yaml").unlink()
    _, rounds = listing(data, cache)
    assert "eppd-7" not in [r["id"] for r in rounds]


def test_a_change_in_people_reaches_the_listing(folder):
    data, cache = folder
    listing(data, cache)
    edit(data / "people.yaml", "name: {en: John Deng, zh: 鄧振中}", "name: {en: John C. Deng, zh: 鄧振中}")
    _, rounds = listing(data, cache)
    leads = [lead["name"]["en"] for r in rounds if r["id"] == "eppd-1" for lead in r["leads"]]
    assert "John C. Deng" in leads


def test_the_cache_never_hides_an_error(folder):
    data, cache = folder
    listing(data, cache)
    edit(data / "rounds" / "eppd-2.yaml", "dialogue: eppd", "dialogue: epd")
    for _ in range(2):  # the error stays, run after run
        result, _ = listing(data, cache)
        assert result.code == 1
        assert "unknown dialogue 'epd'" in result.err
    edit(data / "rounds" / "eppd-2.yaml", "dialogue: epd", "dialogue: eppd")
    result, _ = listing(data, cache)
    assert result.code == 0


def test_an_error_in_a_file_that_did_not_change_is_still_reported(folder):
    data, cache = folder
    edit(data / "rounds" / "eppd-3.yaml", "dialogue: eppd", "dialogue: epd")
    listing(data, cache)
    edit(data / "rounds" / "eppd-5.yaml", "format: hybrid", "format: virtual")  # another file changes
    result, _ = listing(data, cache)
    assert result.code == 1 and "eppd-3.yaml" in result.err


@pytest.mark.parametrize("damage", ["garbage", "truncate", "empty"])
def test_a_corrupt_or_truncated_cache_is_rebuilt_silently(folder, damage):
    data, cache = folder
    _, expected = listing(data, cache)
    path = cache_path(str(cache), str(data))
    raw = open(path, "rb").read()
    with open(path, "wb") as fh:
        fh.write({"garbage": b"not a database at all" * 100, "truncate": raw[: len(raw) // 3], "empty": b""}[damage])
    result, rounds = listing(data, cache)
    assert result.code == 0 and result.err == ""
    assert rounds == expected
    _, rounds = listing(data, cache)
    assert rounds == expected


def test_an_unwritable_cache_folder_only_costs_speed(folder):
    data, cache = folder
    cache.write_text("a file where the cache folder should be")
    result, rounds = listing(data, cache)
    assert result.code == 0 and result.err == "" and rounds


def test_no_cache_option_and_environment(folder):
    data, cache = folder
    result, rounds = listing(data, cache, "--no-cache")
    assert result.code == 0 and rounds
    assert not os.path.exists(cache_path(str(cache), str(data)))
    result, _ = listing(data, cache, environ={"TRACKER_NO_CACHE": "1"})
    assert result.code == 0
    assert not os.path.exists(cache_path(str(cache), str(data)))


def test_a_cache_from_another_version_is_not_trusted(folder, monkeypatch, parsed):
    data, cache = folder
    _, expected = listing(data, cache)
    files = len(parsed)
    parsed.clear()
    import tracker.data.store

    monkeypatch.setattr(tracker.data.store, "STAMP", (tracker.data.store.SCHEMA, "0.0.0-other"))
    result, rounds = listing(data, cache)
    assert result.code == 0 and rounds == expected
    assert len(parsed) == files  # every file read again, none of the other version's records used


def generated(tmp_path, rounds: int):
    import subprocess
    import sys

    from conftest import ROOT

    out = tmp_path / f"gen-{rounds}"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--rounds", str(rounds), str(out)], check=True, capture_output=True)
    return out


def test_a_cache_that_fails_mid_stream_never_gives_a_silent_partial_document(tmp_path, monkeypatch):
    """Someone cuts the cache short while `list -O json` is being written."""
    from tracker.data.store import SqliteBackend

    data, cache = generated(tmp_path, 300), tmp_path / "cache"
    _, expected = listing(data, cache)
    real = SqliteBackend._stream

    def cut_short(self, query, args=()):
        for i, row in enumerate(real(self, query, args)):
            if i == 10:
                with open(self.path, "r+b") as fh:
                    fh.truncate(4096)
            yield row

    monkeypatch.setattr(SqliteBackend, "_stream", cut_short)
    result = run("--data-dir", str(data), "list", "--format", "json", environ={"TRACKER_CACHE_DIR": str(cache)})
    if result.code == 0:
        assert json.loads(result.out) == expected
    else:
        assert result.code == 1
        assert result.err == "error: the cache failed while it was being read; run the command again (or use --no-cache)\n"
    monkeypatch.undo()
    result, rounds = listing(data, cache)  # and the next run is whole again
    assert result.code == 0 and rounds == expected


def test_a_cached_run_gives_what_an_uncached_run_gives_whatever_the_time_zone(tmp_path):
    """A last_verified of today east of the date line is still tomorrow west of it."""
    import datetime as dt

    from conftest import FIXTURES, run_process

    data, cache = tmp_path / "data", tmp_path / "cache"
    shutil.copytree(FIXTURES / "base", data)
    today_east = dt.datetime.now(dt.timezone(dt.timedelta(hours=14))).date()
    path = data / "rounds" / "demo-2.yaml"
    path.write_text(path.read_text().replace("last_verified: 2026-01-01", f"last_verified: {today_east}"))
    env = {"TRACKER_NO_CACHE": "", "TRACKER_CACHE_DIR": str(cache)}
    east = run_process("validate", str(data), env={**env, "TZ": "Etc/GMT-14"})  # UTC+14
    assert east.returncode == 0, east.stderr
    for no_cache in ("", "1"):
        west = run_process("validate", str(data), env={**env, "TZ": "Etc/GMT+12", "TRACKER_NO_CACHE": no_cache})  # UTC-12
        assert west.returncode == 1
        assert f"demo-2.yaml:12:16: last_verified {today_east} is in the future" in west.stderr


def test_concurrent_cold_runs_take_turns_and_keep_one_cache(tmp_path, parsed):
    import subprocess

    from conftest import tracker_cmd

    data, cache = generated(tmp_path, 200), tmp_path / "cache"
    env = {**os.environ, "TRACKER_CACHE_DIR": str(cache), "TRACKER_DATA_DIR": str(data)}
    env.pop("TRACKER_NO_CACHE", None)
    procs = [subprocess.Popen([*tracker_cmd(), "list", "--format", "json"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], [e for _, e in outs]
    assert all(o == outs[0][0] and e == b"" for o, e in outs)
    assert os.path.exists(cache_path(str(cache), str(data)))
    _, rounds = listing(data, cache)
    assert len(rounds) == 200
    assert parsed == []  # the cache they left is whole and current
