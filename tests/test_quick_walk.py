"""The quick walk of a file (parse.quick_build) gives exactly what the positional reader gives.

``parse.read_file`` tries the quick walk first and hands the file to ``parse.Reader`` at the
first thing to report; these tests compare the two readers file by file: on the shipped data,
on a generated folder, on every error fixture and on mutated files.
"""

from __future__ import annotations


import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tracker.data.parse as parse
from conftest import DATA, FIXTURES, generate_folder
from test_properties import REAL, VALID, mutate
from tracker.data.load import scan
from tracker.data.model import Round


def both(path: str, cls: type, monkeypatch) -> tuple:
    """(quick result, positional reader's result) of one file."""
    monkeypatch.setattr(parse, "FAST", True)
    quick = parse.read_file(path, cls)
    monkeypatch.setattr(parse, "FAST", False)
    slow = parse.read_file(path, cls)
    monkeypatch.setattr(parse, "FAST", True)
    return quick, slow


def walks_quickly(path: str, cls: type) -> bool:
    """Whether the quick walk alone reads the file (no fallback to the reader)."""
    raw, problem = parse.read_bytes(path)
    text, problem = parse.decode(path, raw) if raw is not None else (None, problem)
    node, problem = parse._compose(path, text) if text is not None else (None, problem)
    if node is None:  # a problem before the walk
        return False
    try:
        parse.quick_build(node, cls, parse.FileResult(path))
    except parse.Unusual:
        return False
    return True


def assert_same(quick, slow) -> None:
    for name in ("path", "record", "problems", "refs", "marks", "defs", "places"):
        assert getattr(quick, name) == getattr(slow, name), name
    assert repr(quick.record) == repr(slow.record)


def data_files(root) -> list:
    files, problems = scan(str(root))
    assert not problems
    return [(path, cls) for path, cls in files if cls is not None]


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    return generate_folder(tmp_path_factory.mktemp("generated") / "data", 60)


def test_every_shipped_file_is_read_quickly_to_the_same_result(monkeypatch):
    files = data_files(DATA)
    assert len(files) > 40
    for path, cls in files:
        assert walks_quickly(path, cls), path
        quick, slow = both(path, cls, monkeypatch)
        assert slow.record is not None and not slow.problems
        assert_same(quick, slow)


def test_every_generated_file_is_read_quickly_to_the_same_result(generated, monkeypatch):
    files = data_files(generated)
    assert len([1 for _, cls in files if cls is Round]) == 60
    for path, cls in files:
        assert walks_quickly(path, cls), path
        assert_same(*both(path, cls, monkeypatch))


ERROR_FILES = sorted(p for p in (FIXTURES / "errors").glob("*/files/**/*") if p.is_file())


@pytest.mark.parametrize("path", ERROR_FILES, ids=lambda p: str(p.relative_to(FIXTURES / "errors")))
def test_a_file_with_a_problem_gets_the_readers_own_messages(path, monkeypatch):
    """Each error fixture's file, read with the quick walk first: the same problems, word for word."""
    from tracker.data.schema import FOLDERS, ROOT_FILES

    relative = path.relative_to(FIXTURES / "errors").parts[2:]  # <case>/files/<place in the data folder>
    cls = FOLDERS.get(relative[0]) if len(relative) > 1 else ROOT_FILES.get(relative[0])
    if cls is None:
        pytest.skip("not a data file of a known kind")
    quick, slow = both(str(path), cls, monkeypatch)
    assert_same(quick, slow)
    if slow.problems:
        assert not walks_quickly(str(path), cls)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_mutated_files_read_the_same_either_way(tmp_path, monkeypatch, data):
    path = tmp_path / "demo-1.yaml"
    path.write_text(mutate(data.draw(st.sampled_from([VALID, REAL])), data), encoding="utf-8")
    quick, slow = both(str(path), Round, monkeypatch)
    assert_same(quick, slow)


# Unusual values in every kind of field: each file must read the same either way, most of them
# with a problem, some (a quoted key, an explicit !!str) without.
EDITS = [
    ("id: demo-1", new)
    for new in (
        'id: "demo\\t1"', 'id: "demo\\e1"', 'id: "demo\\n1"', 'id: "demo\\u202e1"', 'id: "  demo-1  "', 'id: ""', "id: !!str demo-1",
        "id: ~", "id: [demo-1]", "id: 12", "id: yes", "id: {en: demo-1}", '"id": demo-1', "? id\n: demo-1", "1: demo-1",
        "<<: {id: demo-1}", "id: demo-1\nid: demo-1", "id: !foo demo-1", "id: demo-1\nwhatever: 1",
    )
] + [
    ("round: 1", new)
    for new in ('round: "1"', "round: 01", "round: 1000", "round: 0", "round: 1.0", "round: true", "round: ~", "round: !!int 1", "round: 0x1", "round: 1_0", "round: 1234567890", "round: -1", "round:")
] + [
    ("date: 2020-01-10", new)
    for new in ('date: "2020-01-10"', "date: 2020", "date: 2020-02-30", "date: 2020-1-1", "date: true", "date: '2020-01'", "date: 2020-01-10 10:00:00", "date: ~", "date: [2020]")
] + [
    ("format: virtual", new)
    for new in ("format: Virtual", 'format: "virtual"', "format: virtual ", "format: ~", "format: [virtual]", "format: vrtual")
] + [
    ("text: {en: Both sides promised a study.}", new)
    for new in (
        "text: {en: ~}", "text: {}", "text: {en: x, en: y}", "text: {fr: x}", 'text: "x"', 'text: {en: "a\\tb"}', 'text: {en: "a\\nb"}',
        'text: {en: "a\\u202eb"}', "text: {en: yes}", "text: {en: 12, zh: 中}", "text: {zh: 中文}", "text: ~", "text: [x]",
        "text: {en: Both sides, promised A study.}", 'text: {en: "  "}', "text: {? en : x}", "text: {en: !!str 1}",
    )
] + [
    ("    sources: [s1]\ntopics:", new + "\ntopics:")
    for new in ("    sources: s1", "    sources: []", "    sources: [~]", "    sources: [s1, s1]", "    sources: [s2]", "    sources: [[s1]]", "    sources:", "    unverified: yes\n    sources: [s1]", "    unverified: True\n    sources: [s1]", '    unverified: "true"\n    sources: [s1]', "    unverified: true\n    sources: [s1]")
] + [
    ("    publisher: {en: Example News}", "    publisher: &p {en: Example News}\n    note: *p"),
    ("    publisher: {en: Example News}", "    publisher: {en: &n Example News, zh: *n}"),
    ("id: demo-1", "id: &i demo-1\nname: {en: *i}"),
    ("format: virtual\nparticipants:\n  - person: alice", "format: &f virtual\nparticipants:\n  - person: alice\n    attendance: *f"),
    ("    sources: [s1]\ntopics:", "    unverified:\n    sources: [s1]\ntopics:"),
    ("    sources: [s1]\ntopics:", "    title: ~\n    sources: [s1]\ntopics:"),
    ("    url: https://example.org/one", "    url: example.org/one"),
    ("    url: https://example.org/one", ""),
    ("      - id: promise", "      - id: promise\n        follows_up: [demo-1/promise]"),
    ("last_verified: 2026-01-01", "last_verified: 2026-01"),
    ("last_verified: 2026-01-01", ""),
    ("dialogue: demo", "dialogue: nowhere"),
    ("participants:", "participants: []\nparticipantz:"),
]


@pytest.mark.parametrize("old,new", EDITS)
def test_unusual_values_read_the_same_either_way(old, new, tmp_path, monkeypatch):
    assert old in VALID
    path = tmp_path / "demo-1.yaml"
    path.write_text(VALID.replace(old, new, 1), encoding="utf-8")
    quick, slow = both(str(path), Round, monkeypatch)
    assert_same(quick, slow)
    if slow.problems:
        assert not walks_quickly(str(path), Round)


@pytest.mark.parametrize("text", ["[]", "~", "demo", "", "---\nid: x\n---\nid: y", "{}", "- 1"])
def test_a_file_that_is_not_a_record_reads_the_same_either_way(text, tmp_path, monkeypatch):
    path = tmp_path / "demo-1.yaml"
    path.write_text(text, encoding="utf-8")
    assert_same(*both(str(path), Round, monkeypatch))
