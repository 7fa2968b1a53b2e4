"""The library: `import tracker` gives typed, frozen records from the same functions the commands use."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import re
import subprocess
import sys
import types

import pytest

import tracker
from conftest import DATA, FIXTURES, ROOT, TODAY, run


@pytest.fixture(scope="module")
def ds():
    return tracker.load(DATA, today=TODAY)


def test_import_tracker_loads_nothing_else():
    code = "import sys, tracker; print(sorted(m for m in sys.modules if m.startswith(('tracker', 'typer', 'rich', 'yaml'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['tracker']"


def test_every_public_name_is_exported_and_reachable():
    assert {"load", "get_round", "list_rounds", "timeline", "compare", "search", "commitments", "topic_history",
            "Dataset", "Round", "DataError", "InputError"} <= set(tracker.__all__)
    for name in tracker.__all__:
        assert getattr(tracker, name) is not None
    with pytest.raises(AttributeError):
        tracker.no_such_name  # noqa: B018


def test_the_command_line_offers_the_choices_the_library_knows():
    import typing

    from tracker import cli
    from tracker.data.schema import SCHEMA_KINDS

    assert typing.get_args(cli.Status) == tracker.COMMITMENT_STATUSES
    assert typing.get_args(cli.SchemaKind) == tuple(SCHEMA_KINDS)


def test_load_reads_the_shipped_data_and_another_folder(ds):
    assert isinstance(ds, tracker.Dataset)
    assert len(ds.rounds) == len(list((DATA / "rounds").glob("*.yaml")))
    other = tracker.load(data_dir=str(FIXTURES / "base"), today=TODAY)
    assert sorted(other.rounds) == ["demo-1", "demo-2"]


def test_load_stays_a_function_after_the_command_line_ran():
    assert run("list", "--format", "json").code == 0  # imports the module tracker/data/load.py
    assert callable(tracker.load)
    assert tracker.load(DATA, today=TODAY).rounds


def test_a_data_error_carries_every_problem(tmp_path):
    from test_data_errors import build

    data = build(tmp_path, "unknown-file-in-root")
    with pytest.raises(tracker.DataError) as info:
        tracker.load(data, today=TODAY)
    printed = run("validate", str(data)).err.splitlines()[:-1]  # without the summary line
    assert len(printed) >= 2
    assert [str(p) for p in info.value.problems] == printed


def test_records_are_typed_and_frozen(ds):
    r = tracker.get_round(ds, "eppd:6")
    assert isinstance(r, tracker.Round) and r.id == "eppd-6"
    c = tracker.compare(ds, "1", "6")
    assert isinstance(c, tracker.Comparison) and c.summary() == "+7 −6 =1 ~0"
    for record in (r, c, c.continued[0], tracker.search(ds, "semiconductor")[0], tracker.timeline(ds)[0],
                   tracker.topic_history(ds, "critical-minerals")[0], tracker.commitments(ds, today=TODAY)[0]):
        field = dataclasses.fields(record)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(record, field, None)


def test_filters_take_what_the_options_take(ds):
    by_text = tracker.list_rounds(ds, partner="美國", since="2022", until="2022")
    by_date = tracker.list_rounds(ds, partner="us", since=_dt.date(2022, 1, 1), until=_dt.date(2022, 12, 31))
    assert [r.id for r in by_text] == [r.id for r in by_date] == ["ustti-launch", "ustti-washington-2022-06", "ustti-mandate", "ttic-2022-10", "ustti-new-york-2022-11", "eppd-3"]
    with pytest.raises(tracker.InputError):
        tracker.list_rounds(ds, partner="atlantis")
    with pytest.raises(tracker.InputError):
        tracker.commitments(ds, status="kept")


def test_the_library_and_the_command_line_agree(ds):
    import json

    listed = json.loads(run("list", "--format", "json", "--partner", "us").out)
    assert [o["id"] for o in listed] == [r.id for r in tracker.list_rounds(ds, partner="us")]
    timeline = json.loads(run("timeline", "--format", "json", "--with-follow-ups").out)
    assert [o["id"] for o in timeline] == [e.record.id for e in tracker.timeline(ds, follow_ups=True)]
    for text in ("semiconductor", "memorandum"):  # the second also finds documents
        found = json.loads(run("search", text, "--format", "json").out)
        assert [(o["id"], [h["where"] for h in o["hits"]]) for o in found] == [
            (s.record.id, [h.where for h in s.hits]) for s in tracker.search(ds, text)
        ]
    delivered = json.loads(run("commitments", "--status", "delivered", "--format", "json").out)
    assert [o["id"] for o in delivered] == [f"{c.round.id}/{c.outcome.id}" for c in tracker.commitments(ds, status="delivered", today=TODAY)]


def test_the_documented_python_example_runs(monkeypatch, capsys):
    doc = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")
    code = re.search(r"<!-- python-example:start -->\n```python\n(.*?)```\n<!-- python-example:end -->", doc, re.S).group(1)
    frames = []

    class DataFrame:  # pandas is not a dependency: a stand-in that keeps what it is given
        def __init__(self, rows):
            frames.append(rows)

        def __getitem__(self, columns):
            assert set(columns) <= set(frames[-1][0])
            return self

    monkeypatch.setitem(sys.modules, "pandas", types.SimpleNamespace(DataFrame=DataFrame))
    exec(compile(code, "docs/commands.md", "exec"), {})
    out = capsys.readouterr().out
    assert f"{len(list((DATA / 'rounds').glob('*.yaml')))} rounds and meetings" in out
    assert "+7 −6 =1 ~0" in out
    assert [row["id"] for row in frames[0]] == [f"eppd-{n}" for n in range(1, 7)]


def test_records_compare_hash_and_print_by_value_like_frozen_dataclasses():
    import dataclasses
    import pickle

    from tracker.data.model import Source, Text

    a = Source(id="s1", publisher=Text(en="CNA"), url="https://example.org/1")
    b = Source(id="s1", publisher=Text(en="CNA"), url="https://example.org/1")
    c = dataclasses.replace(a, url="https://example.org/2")
    assert a == b and hash(a) == hash(b) and a != c and a != "s1"
    assert {a, b, c} == {a, c}
    assert repr(a).startswith("Source(id='s1', publisher=Text(en='CNA', zh=None), url='https://example.org/1', ")
    assert pickle.loads(pickle.dumps(a)) == a
    with __import__("pytest").raises(dataclasses.FrozenInstanceError):
        a.id = "s2"


def test_records_are_built_as_their_own_class_with_the_arguments_a_dataclass_takes():
    import dataclasses

    import pytest

    from tracker.data.model import Outcome, Text
    from tracker.data.summary import NamedPerson

    o = Outcome(id="o1", text=Text(en="Talks"))
    assert type(o) is Outcome and o.sources == () and o.round == "" and o.commitment is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        o.round = "eppd-1"
    with pytest.raises(TypeError, match=r"Outcome.__init__\(\) missing 1 required keyword-only argument: 'id'"):
        Outcome(text=Text(en="Talks"))  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Outcome("o1", Text(en="Talks"))  # type: ignore[misc]
    p = NamedPerson("p", None, "taiwan", "lead", None, None)  # positional, where a record takes them so
    assert type(p) is NamedPerson and p.side == "taiwan"


def test_a_subclass_of_a_record_is_built_as_itself():
    from tracker.data.model import Outcome, Text

    class Marked(Outcome):
        pass

    m = Marked(id="o1", text=Text(en="Talks"))
    assert type(m) is Marked and m.id == "o1" and m.sources == ()
