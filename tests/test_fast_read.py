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
# ---------------------------------------------------------------- what PyYAML reads as other than text

_RESOLVER_ALPHABET = "0123456789-+._:eExXbBoOabcdefABCDEF ~<=!&*TtZinfINFaNsulyYnNrRU\t\n"


def _pyyaml_reads_text(text: str) -> bool:
    """PyYAML's own answer: its table of the plain values it reads as other than text."""
    resolvers = yaml.resolver.Resolver.yaml_implicit_resolvers.get(text[:1], ())
    return not any(regexp.match(text) for _tag, regexp in resolvers)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_RESOLVER_ALPHABET, max_size=14) | st.sampled_from(
    ["2020-11-20", "2020-1-2 10:00:00", "2020-11-20t1:00:00.5 +08:00", "1:30", "190:20:30.15", "0x1F", "0b101", "010",
     "1_000", ".5", "-.inf", ".NaN", "+.5e+3", "yes", "Off", "~", "<<", "=", "null", "NULL\n", "", "12", "+12", "-0"]))
def test_the_fast_path_never_calls_text_what_pyyaml_reads_otherwise(text: str) -> None:
    if parse._plain_str(text):
        assert _pyyaml_reads_text(text), text


def test_every_text_of_the_shipped_data_is_text_to_both() -> None:
    """The table above errs only where PyYAML reads text that looks like a number: no shipped value."""
    texts: list[str] = []

    def walk(value) -> None:
        if isinstance(value, str):
            texts.append(value.strip())
        elif isinstance(value, dict):
            for k, v in value.items():
                walk(k)
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for path in FILES:
        if path.startswith(str(DATA)):
            walk(_plain_python(Path(path).read_text(encoding="utf-8-sig")))
    assert len(texts) > 5000
    assert [t for t in texts if t and parse._plain_str(t) != _pyyaml_reads_text(t)] == []


# ---------------------------------------------------------------- escapes in quoted text


@pytest.mark.parametrize("escaped", [r'\"Drone diplomacy\" group', r"C:\\dir", r'\\\"'])
def test_quotes_and_backslashes_escaped_in_quoted_text_stay_on_the_fast_path(loader: str, tmp_path: Path, escaped: str) -> None:
    path = tmp_path / "demo-1.yaml"
    path.write_text(VALID.replace("round: 1\n", f'round: 1\nvenues: [{{en: "{escaped}"}}]\n'), encoding="utf-8")
    assert _same(str(path), Round)


@pytest.mark.parametrize(("escaped", "found"), [(r"a\tb", "U+0009"), (r"a\x07b", "U+0007"), (r"a\u200eb", "U+200E"), (r"a\u202eb", "U+202E")])
def test_other_escapes_go_to_the_reader_which_refuses_what_they_make(loader: str, tmp_path: Path, escaped: str, found: str) -> None:
    path = tmp_path / "demo-1.yaml"
    path.write_text(VALID.replace("round: 1\n", f'round: 1\nvenues: [{{en: "{escaped}"}}]\n'), encoding="utf-8")
    assert read_fast(str(path), Round) is None
    problems = read_file(str(path), Round, fast=False).problems
    assert [p.line for p in problems] == [4] and found in problems[0].message, problems


def test_every_shipped_file_is_read_from_its_plain_data() -> None:
    """No shipped file needs the node reader (nor PyYAML: see test_startup.py)."""
    slow = [path for path, cls in FILES.items() if path.startswith(str(DATA)) and cls is not None and read_fast(path, cls) is None]
    assert slow == []


def test_every_character_the_fast_path_looks_for_is_one_isprintable_refuses() -> None:
    """``_odd`` searches a file for them only when ``str.isprintable`` finds something."""
    import re

    odd = re.compile(parse._ODD_CHARS)
    found = [c for c in range(0x110000) if odd.match(chr(c))]
    assert len(found) > 2000
    assert [hex(c) for c in found if chr(c).isprintable()] == []


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=" \t\n\u3000\xa0[]{},!&*ab:-", max_size=12))
def test_tags_anchors_and_aliases_are_found_where_a_pattern_finds_them(text: str) -> None:
    import re

    assert parse._indicator(text) == bool(re.search(r"(?<![^\s\[\{,])[!&*][^\s,\]\}]", text))
