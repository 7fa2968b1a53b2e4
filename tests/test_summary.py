"""One pipeline: the listings are typed summaries from the data to every output.

``list``, ``timeline`` and ``search`` give ``RoundSummary`` records; a summary kept by the cache is
decoded only when a field is read, and written by ``--format json`` as the text it was kept as. These
tests hold the kept text to what a summary made afresh would write, and hold the JSON path to never
decode.
"""

from __future__ import annotations

import dataclasses
import json
import pickle

import pytest

import tracker
from conftest import DATA, TODAY, run
from tracker import query
from tracker.output import timeline as timeline_output
from tracker.data import summary


@pytest.fixture(scope="module")
def ds():
    return tracker.load(DATA, today=TODAY, cache=False)


def test_a_kept_summary_is_the_summary_made_afresh(ds):
    kept = list(query.list_rounds(ds, query.Filters()))
    assert [s.id for s in kept] == [r.id for r in ds.rounds.values()]
    for s in kept:
        fresh = summary.summarize(ds, ds.rounds[s.id])
        assert summary.summary_text(s) == summary.summary_text(fresh)
        assert s == fresh and fresh == s and hash(s) == hash(fresh)
        assert summary.from_plain(summary.to_plain(fresh)) == fresh
        assert pickle.loads(pickle.dumps(s)) == fresh


def test_summaries_are_typed_frozen_records(ds):
    s = tracker.list_rounds(ds, dialogue="eppd")[-1]
    assert isinstance(s, tracker.RoundSummary)
    assert isinstance(s.topics[0], tracker.TopicSummary) and isinstance(s.leads[0], tracker.NamedPerson)
    assert isinstance(s.date, tracker.PartialDate)
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.id = "x"
    assert dataclasses.asdict(s)["topics"][0]["id"] == s.topics[0].id
    fresh = summary.summarize(ds, ds.rounds[s.id])
    assert repr(s) == repr(fresh) and repr(s).startswith("RoundSummary(id='eppd-")
    changed = dataclasses.replace(s, topic_match="tagged")
    assert changed.topic_match == "tagged" and changed.id == s.id
    assert json.loads(summary.summary_text(changed))["topic_match"] == "tagged"


def test_json_listings_write_the_kept_text_without_decoding_it(monkeypatch):
    def no_decoding(_plain):
        raise AssertionError("a JSON listing decoded a summary")

    monkeypatch.setattr(summary, "from_plain", no_decoding)
    for args in (["list"], ["list", "--topic", "critical-minerals"], ["timeline", "--with-follow-ups"], ["search", "supply"]):
        result = run(*args, "--format", "json")
        assert result.code == 0, result.err
        assert json.loads(result.out)


def test_a_topic_is_the_same_object_in_list_and_show():
    listed = json.loads(run("list", "--format", "json").out)
    shown = json.loads(run("show", "eppd:6", "--format", "json").out)
    in_list = next(o for o in listed if o["id"] == "eppd-6")["topics"]
    for a, b in zip(in_list, shown["topics"]):
        assert {k: b[k] for k in a if k != "outcomes"} == {k: v for k, v in a.items() if k != "outcomes"}


def test_a_data_set_made_in_code_lists_as_a_loaded_one(ds):
    from tracker.data.model import Dataset

    made = Dataset(ds.root, ds.partners.values(), ds.themes.values(), ds.topics.values(), ds.people.values(),
                   ds.dialogues.values(), list(ds.rounds.values()), ds.documents.values())
    assert made.index is None
    f = query.Filters(partner="us")
    assert list(query.list_rounds(made, f)) == list(query.list_rounds(ds, f))
    assert [timeline_output.timeline_text(made, e) for e in query.timeline(made, f, True)] == [
        timeline_output.timeline_text(ds, e) for e in query.timeline(ds, f, True)]
    assert [(r.record.id, r.hits) for r in query.search(made, "supply", f)] == [
        (r.record.id, r.hits) for r in query.search(ds, "supply", f)]
