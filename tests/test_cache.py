"""The parsed-data cache is an optimisation only: never stale, never in the way, never hiding an error."""

from __future__ import annotations

import json
import os
import shutil
import time

import pytest

from conftest import DATA, run
from tracker.store import cache_path


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


def test_the_cache_is_made_and_used(folder):
    data, cache = folder
    first, rounds = listing(data, cache)
    assert first.code == 0
    assert os.path.exists(cache_path(str(cache), str(data)))
    again, rounds_again = listing(data, cache)
    assert rounds_again == rounds


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


def test_a_cache_from_another_version_is_not_trusted(folder, monkeypatch):
    data, cache = folder
    listing(data, cache)
    edit(data / "rounds" / "eppd-1.yaml", "format: hybrid", "format: virtual")
    import tracker.store

    monkeypatch.setattr(tracker.store, "STAMP", (tracker.store.SCHEMA, "0.0.0-other"))
    _, rounds = listing(data, cache)
    assert next(r for r in rounds if r["id"] == "eppd-1")["format"] == "virtual"
