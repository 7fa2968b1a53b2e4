"""Reading rounds in worker processes (tracker.data.parallel) gives what one process gives.

The workers start only for many rounds; these tests lower the threshold so that small
folders are read by them, and compare every result with a reading in one process.
"""

from __future__ import annotations

import shutil

import pytest

import tracker.data.parallel as parallel
from conftest import FIXTURES, TODAY, generate_folder, run
from tracker.data.load import check
from tracker.data.store import MemoryBackend, SqliteBackend

CASES = ["unknown-topic", "duplicate-round", "numbering-gap-warning", "unknown-outcome", "evidence-before-promise", "syntax-error", "weak-sources-only"]


@pytest.fixture
def workers(monkeypatch):
    """Every reading of rounds goes through worker processes; returns how often they were started."""
    started = []
    real = parallel.ordered_map

    def counting(*args):
        started.append(len(args[1]))
        return real(*args)

    monkeypatch.setattr(parallel, "MIN_FILES", 1)
    monkeypatch.setattr(parallel, "CHUNK", 2)
    monkeypatch.setattr(parallel, "processors", lambda: 2)
    monkeypatch.setattr(parallel, "ordered_map", counting)
    return started


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    return generate_folder(tmp_path_factory.mktemp("generated") / "data", 40)


def everything(store) -> tuple:
    """What the commands read of a checked folder."""
    listing = [(sort, filt, summary) for sort, filt, summary in store.listing()]
    follow_ups = list(store.follow_up_rows())
    found = list(store.search_rows("supply"))
    rounds = [store.backend.record(p) for p in store.round_paths]
    return listing, follow_ups, found, rounds, store.round_paths, store.dataset.dialogues


def read(folder, backend) -> tuple:
    store, problems = check(str(folder), TODAY, backend)
    return problems, everything(store) if store is not None else None


@pytest.mark.parametrize("kind", ["memory", "sqlite"])
def test_workers_read_a_folder_as_one_process_does(generated, workers, kind, tmp_path, monkeypatch):
    def backend(name):
        return MemoryBackend() if kind == "memory" else SqliteBackend(str(tmp_path / f"{name}.sqlite"))

    from tracker.data.store import Store

    made_here = []  # listing entries made by this process: none, the workers made them all
    real = Store.put_round
    monkeypatch.setattr(Store, "put_round", staticmethod(lambda *args: made_here.append(args[2]) or real(*args)))
    together = read(generated, backend("workers"))
    assert workers == [40]
    assert made_here == []
    monkeypatch.setattr(parallel, "MIN_FILES", 10**9)
    alone = read(generated, backend("alone"))
    assert workers == [40]  # not started again
    assert together == alone
    assert together[1] is not None and len(together[1][0]) == 40


def test_the_cache_the_workers_fill_is_the_one_process_fills(generated, workers, tmp_path, monkeypatch):
    import pickle
    import sqlite3

    check(str(generated), TODAY, SqliteBackend(str(tmp_path / "workers.sqlite")))
    monkeypatch.setattr(parallel, "MIN_FILES", 10**9)
    check(str(generated), TODAY, SqliteBackend(str(tmp_path / "alone.sqlite")))
    tables = []
    for name in ("workers", "alone"):
        db = sqlite3.connect(tmp_path / f"{name}.sqlite")
        rows = [db.execute(f"SELECT * FROM {t} ORDER BY path").fetchall() for t in ("files", "derived")]
        db.close()
        # the same values: pickles may share equal strings differently, byte for byte
        tables.append([[tuple(pickle.loads(v) if isinstance(v, bytes) else v for v in row) for row in t] for t in rows])
    assert len(tables[0][1]) == 40
    assert tables[0] == tables[1]


@pytest.mark.parametrize("case", CASES)
def test_workers_report_every_problem_as_one_process_does(case, workers, tmp_path):
    """Error fixtures, read by the workers: the exact lines of their expected output."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "base", data)
    src = FIXTURES / "errors" / case / "files"
    for path in src.rglob("*"):
        if path.is_file():
            dest = data / path.relative_to(src)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, dest)
    result = run("validate", str(data), environ={"TRACKER_CACHE_DIR": str(tmp_path / "cache")})
    expected = (FIXTURES / "errors" / case / "expected.txt").read_text(encoding="utf-8")
    assert f"exit {result.code}\n" + result.err.replace(str(data), "{data}") == expected
    assert workers  # the workers did read the rounds
