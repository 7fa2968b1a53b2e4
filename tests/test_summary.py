"""One pipeline: the listings are typed summaries from the data to every output."""

from __future__ import annotations

import dataclasses
import json

import pytest
from conftest import DATA, TODAY, run

import tracker
from tracker import query
from tracker.output import timeline as timeline_output
from tracker.data import summary


@pytest.fixture(scope="module")
def ds():
    return tracker.load(DATA, today=TODAY)


def test_the_listed_summaries_are_the_rounds_summarised(ds):
    listed = list(query.list_rounds(ds, query.Filters()))
    assert [s.id for s in listed] == [r.id for r in ds.rounds.values()]
    for s in listed:
        assert s == summary.summarize(ds, ds.rounds[s.id])


def test_summaries_are_typed_frozen_records(ds):
    s = tracker.list_rounds(ds, dialogue="eppd")[-1]
    assert isinstance(s, tracker.RoundSummary)
    assert isinstance(s.topics[0], tracker.TopicSummary) and isinstance(s.leads[0], tracker.NamedPerson)
    assert isinstance(s.date, tracker.PartialDate)
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.id = "x"
    assert dataclasses.asdict(s)["topics"][0]["id"] == s.topics[0].id
    assert repr(s).startswith("RoundSummary(id='eppd-")
    changed = dataclasses.replace(s, topic_match="tagged")
    assert changed.topic_match == "tagged" and changed.id == s.id
    assert json.loads(summary.summary_text(changed))["topic_match"] == "tagged"


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
    f = query.Filters(partner="us")
    assert list(query.list_rounds(made, f)) == list(query.list_rounds(ds, f))
    assert [timeline_output.timeline_text(made, e) for e in query.timeline(made, f, True)] == [
        timeline_output.timeline_text(ds, e) for e in query.timeline(ds, f, True)]
    assert [(r.record.id, r.hits) for r in query.search(made, "supply", f)] == [
        (r.record.id, r.hits) for r in query.search(ds, "supply", f)]
