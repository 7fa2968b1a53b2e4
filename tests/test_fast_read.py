"""The fast path reads a file's plain data; the Reader walks its YAML nodes. Wherever the fast path
accepts a file, both give the same record, references and IDs, and the Reader finds nothing to
report; everywhere else the fast path hands the file to the Reader."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest
import yaml
from conftest import DATA, FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_properties import REAL, VALID, mutate

from tracker.data import parse
from tracker.data.load import scan
from tracker.data.model import Round
from tracker.data.parse import read_fast, read_file

yaml_rs = pytest.importorskip("yaml_rs")


def _classes() -> dict[str, type | None]:
    """Every YAML file of the shipped data and of the fixtures, with the class it is read as."""
    out: dict[str, type | None] = {}
    for root in [DATA, *(p.parent for p in FIXTURES.rglob("partners.yaml"))]:
        for path, cls in scan(str(root))[0]:
            out[path] = cls
    for path in FIXTURES.rglob("*.y*ml"):  # files no folder scan reaches read as rounds
        out.setdefault(str(path), Round)
    return out


FILES = _classes()


@pytest.fixture(params=["yaml-rs", "pyyaml"])
def loader(request, monkeypatch):
    """Each test runs with yaml-rs, and with PyYAML's loader as when yaml-rs is missing."""
    if request.param == "pyyaml":
        monkeypatch.setattr(parse, "_PLAIN", parse._pyyaml_loader())
    return request.param


def _same(path: str, cls: type) -> bool:
    """The fast path either declines the file, or agrees with the Reader and the Reader finds nothing."""
    fast = read_fast(path, cls)
    if fast is None:
        return False
    slow = read_file(path, cls, fast=False)
    assert slow.problems == [], path
    assert fast.record == slow.record, path
    assert [tuple(r[:2]) for r in fast.refs] == [tuple(r[:2]) for r in slow.refs if r.kind != "source"], path
    assert [d[:2] for d in fast.defs] == [d[:2] for d in slow.defs], path
    return True


def test_every_shipped_and_fixture_file_reads_the_same_both_ways(loader: str) -> None:
    taken = [path for path, cls in FILES.items() if cls is not None and _same(path, cls)]
    shipped = [p for p in FILES if p.startswith(str(DATA))]
    assert len(shipped) > 40 and len(taken) > len(shipped) // 2  # the fast path does the work


def _plain_python(text: str):
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@pytest.mark.parametrize("path", sorted(p for p in FILES if p.startswith(str(DATA))))
def test_yaml_rs_gives_what_pyyaml_gives_for_shipped_files(path: str) -> None:
    text = Path(path).read_text(encoding="utf-8-sig")
    assert yaml_rs.loads(text) == _plain_python(text)


def test_yaml_rs_gives_what_pyyaml_gives_where_the_fast_path_reads() -> None:
    """Dates as datetime.date, numbers, CJK text: the same data, for every file not handed to the
    Reader beforehand (tags, anchors, controls, document markers: see ``parse._odd``)."""
    compared = 0
    for path in FILES:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except (UnicodeDecodeError, OSError):
            continue
        if parse._odd(text):
            continue
        try:
            expected = _plain_python(text)
        except (yaml.YAMLError, ValueError):
            continue  # a syntax error or an impossible date: the Reader reports it, and yaml-rs refused it or the Builder does
        try:
            got = yaml_rs.loads(text)
        except (yaml_rs.YAMLDecodeError, ValueError):
            continue  # duplicate keys, numbers Python will not convert: the Reader reports them
        if got != expected:
            # the YAML 1.1 readings yaml-rs does not share (yes/no, 1:20, …) are refused field by field
            assert read_fast(path, FILES[path] or Round) is None, path
        compared += 1
    assert compared > 80


def test_dates_and_chinese_text_come_through_yaml_rs_as_pyyaml_gives_them() -> None:
    text = "date: 2020-01-10\nname: {zh: 臺灣, en: Taiwan}\nround: 3\n"
    assert yaml_rs.loads(text) == _plain_python(text) == {"date": _dt.date(2020, 1, 10), "name": {"zh": "臺灣", "en": "Taiwan"}, "round": 3}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_rounds_read_the_same_both_ways(loader: str, tmp_path_factory, data) -> None:
    text = mutate(data.draw(st.sampled_from([VALID, REAL])), data)
    path = tmp_path_factory.mktemp("fast") / "demo-1.yaml"
    path.write_text(text, encoding="utf-8")
    _same(str(path), Round)


@pytest.mark.parametrize(
    "value",
    ["yes", "No", "on", "True", "TRUE", "0x3", "0o3", "03", "+3", "3_0", "1:30", "3.0", "'3'", "!!int 3", "&a 3", "", "~", "null"],
)
def test_numbers_and_true_false_written_otherwise_go_to_the_reader(loader: str, tmp_path: Path, value: str) -> None:
    path = tmp_path / "demo-1.yaml"
    path.write_text(VALID.replace("round: 1", f"round: {value}"), encoding="utf-8")
    assert read_fast(str(path), Round) is None
    assert read_file(str(path), Round, fast=False).problems or value in ("!!int 3", "&a 3")  # a standard tag, an unused anchor


def test_a_fact_citing_a_source_its_file_does_not_list_goes_to_the_reader(loader: str, tmp_path: Path) -> None:
    """The fast path notes the sources facts cite without their positions: an unknown one sends the
    file to the Reader, whose reference has the line and column the message gives."""
    path = tmp_path / "demo-1.yaml"
    assert "sources: [s1]" in VALID
    path.write_text(VALID.replace("sources: [s1]", "sources: [s9]", 1), encoding="utf-8")
    assert read_fast(str(path), Round) is None
    slow = read_file(str(path), Round, fast=False)
    assert next(r.value for r in slow.refs if r.kind == "source") == "s9"
