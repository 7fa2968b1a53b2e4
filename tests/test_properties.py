"""Property-based tests: whatever goes into the parsers, only the documented errors come out."""

from __future__ import annotations

import shutil

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA, FIXTURES
from tracker.errors import InputError
from tracker.data.load import check
from tracker.data.model import Round
from tracker.data.parse import read_file
from tracker.query import resolve_round

VALID = (FIXTURES / "base" / "rounds" / "demo-1.yaml").read_text(encoding="utf-8")
REAL = (DATA / "rounds" / "eppd-1.yaml").read_text(encoding="utf-8")
NOISE = list(":-[]{}'\"\t\n #&*!|>%@`,?\\") + ["yes", "no", "010", "1:20", "~", "null", "2020-02-30", "!!python/object:os.system", "\ufeff", "é", "中"]


def mutate(text: str, data) -> str:
    edits = data.draw(st.integers(min_value=1, max_value=4))
    for _ in range(edits):
        kind = data.draw(st.sampled_from(["insert", "delete", "replace", "swap", "truncate"]))
        pos = data.draw(st.integers(min_value=0, max_value=max(0, len(text) - 1)))
        if kind == "insert":
            text = text[:pos] + data.draw(st.sampled_from(NOISE)) + text[pos:]
        elif kind == "delete":
            text = text[:pos] + text[pos + data.draw(st.integers(1, 12)):]
        elif kind == "replace":
            text = text[:pos] + data.draw(st.sampled_from(NOISE)) + text[pos + 1:]
        elif kind == "swap":
            lines = text.split("\n")
            i, j = (data.draw(st.integers(0, len(lines) - 1)) for _ in range(2))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        else:
            text = text[:pos]
    return text


def problems_are_well_formed(problems) -> None:
    for p in problems:
        text = str(p)
        assert text.startswith(p.path) and p.message and "\n" not in p.message


@settings(max_examples=1200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_mutated_round_files_give_problems_never_exceptions(tmp_path, data):
    path = tmp_path / "demo-1.yaml"
    path.write_text(mutate(data.draw(st.sampled_from([VALID, REAL])), data), encoding="utf-8")
    result = read_file(str(path), Round)
    problems_are_well_formed(result.problems)
    assert result.record is not None or result.problems


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400))
def test_random_bytes_give_problems_never_exceptions(tmp_path, raw):
    path = tmp_path / "demo-1.yaml"
    path.write_bytes(raw)
    result = read_file(str(path), Round)
    problems_are_well_formed(result.problems)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_a_mutated_folder_is_checked_whole_without_exceptions(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("data")
    shutil.copytree(FIXTURES / "base", folder, dirs_exist_ok=True)
    target = folder / "rounds" / "demo-1.yaml"
    target.write_text(mutate(VALID, data), encoding="utf-8")
    import datetime

    ds, problems = check(str(folder), datetime.date(2026, 11, 21))
    problems_are_well_formed(problems)
    assert (ds is None) == any(not p.warning for p in problems)


_DATASET = None


def shipped():
    global _DATASET
    if _DATASET is None:
        import datetime

        _DATASET, _ = check(str(DATA), datetime.date(2026, 12, 5))
    return _DATASET


@settings(max_examples=1000, deadline=None)
@given(st.one_of(
    st.text(max_size=20),
    st.from_regex(r"[a-z]{0,6}[:\-]?[0-9a-z]{0,6}", fullmatch=True),
    st.sampled_from(["6", "eppd:6", "eppd-6", "dde:2", "eppd:first", "eppd:latest", "tuba-launch", ":", "-", "eppd:", ":6"]),
))
def test_any_round_reference_resolves_or_says_why(ref):
    try:
        r = resolve_round(shipped(), ref)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert r.id in shipped().rounds


@given(st.lists(st.text(alphabet="ab \u4e2d", max_size=6), min_size=1, max_size=8), st.text(alphabet="ab\u4e2d", min_size=1, max_size=3))
def test_search_finds_every_entry_that_holds_the_text_and_no_other(texts, needle):
    from tracker.data.text import find, fold

    entries = [(f"topics[{i}].name.en", t) for i, t in enumerate(texts)]
    expected = [(path, t) for path, t in entries if fold(needle) in fold(t)]
    assert find(entries, fold(needle)) == expected
