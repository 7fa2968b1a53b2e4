"""The commands as a user sees them: references, filters, languages, formats, errors."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import ANSI, round_date, run

COMMANDS = {
    "list": ["list"],
    "show": ["show", "6"],
    "compare": ["compare", "1", "6"],
    "timeline": ["timeline", "--partner", "us"],
    "topics": ["topics"],
    "topic-history": ["topics", "supply-chains"],
    "search": ["search", "supply"],
}


# ---------------------------------------------------------------- round references


@pytest.mark.parametrize("ref", ["6", "eppd:6", "eppd-6", "EPPD:6", "eppd:latest", "eppd:last"])
def test_round_references_name_the_sixth_round(ref):
    result = run("show", ref, "--format", "json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["id"] == "eppd-6"


def test_other_references():
    assert json.loads(run("show", "eppd:first", "-O", "json").out)["id"] == "eppd-1"
    assert json.loads(run("show", "dde:2", "-O", "json").out)["id"] == "dde-2"
    assert json.loads(run("show", "2", "--dialogue", "dde", "-O", "json").out)["id"] == "dde-2"
    assert json.loads(run("show", "tuba-launch", "-O", "json").out)["id"] == "tuba-launch"
    assert json.loads(run("show", "tuba:launch", "-O", "json").out)["id"] == "tuba-launch"


@pytest.mark.parametrize(
    "args, message",
    [
        (["compare", "1", "999"], "error: EPPD has no round 999 (EPPD has rounds 1–6)"),
        (["show", "dde:7"], "error: DDE has no round 7 (DDE has rounds 1–2)"),
        (["show", "xyz:1"], "error: unknown dialogue 'xyz' (known: art, dde, eppd, etp, tid, ttic, tuba"),
        (["show", "eppd:seventh"], "error: unknown round 'eppd:seventh'"),
        (["show", ""], "error: empty round reference (try 6, eppd:6 or eppd-6)"),
        (["list", "--partner", "mars"], "error: unknown partner 'mars' (known: eu, jp, uk, us)"),
        (["list", "--dialogue", "epd"], "error: unknown dialogue 'epd' (known: art, dde, eppd,"),
        (["list", "--topic", "unicorns"], "error: unknown topic 'unicorns' (see `tracker topics` for the list)"),
        (["topics", "unicorns"], "error: unknown topic 'unicorns' (see `tracker topics` for the list)"),
        (["list", "--since", "yesterday"], "error: cannot read the date 'yesterday'"),
        (["list", "--since", "2022", "--until", "2021"], "error: --until 2021 ends before --since 2022 starts"),
        (["search", "  "], "error: empty search text"),
        (["list", "--format", "xml"], "error: invalid value for '--format' / '-O': 'xml' is not one of 'table', 'json', 'csv', 'markdown' (see `tracker list --help`)"),
        (["timeline", "-O", "xml"], "error: invalid value for '--format' / '-O': 'xml' is not one of 'table', 'json', 'csv', 'markdown', 'timelinejs'"),
        (["list", "--lang", "fr"], "error: invalid value for '--lang': 'fr' is not one of 'en', 'zh' (see `tracker list --help`)"),
        (["--lang", "fr", "list"], "error: invalid value for '--lang': 'fr' is not one of 'en', 'zh' (see `tracker --help`)"),
        (["--color", "sometimes", "list"], "error: invalid value for '--color': 'sometimes' is not one of 'auto', 'always', 'never'"),
        (["schema", "widget"], "error: invalid value for '[KIND]': 'widget' is not one of 'round', 'dialogue', 'document', 'partners', 'topics', 'people'"),
        (["list", "--bogus"], "error: no such option: --bogus"),
        (["frobnicate"], "error: no such command 'frobnicate'"),
    ],
)
def test_bad_input_is_one_line_on_stderr(args, message):
    result = run(*args)
    assert result.code == 2
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith(message), lines[0]


# ---------------------------------------------------------------- filters


def ids(*args):
    result = run("list", "--format", "json", *args)
    assert result.code == 0, result.err
    return [r["id"] for r in json.loads(result.out)]


def test_list_is_in_date_order_and_complete():
    got = ids()
    assert got[:3] == ["dde-1", "tuba-launch", "eppd-1"]
    assert {"eppd-1", "eppd-2", "eppd-3", "eppd-4", "eppd-5", "eppd-6", "dde-1", "dde-2", "tuba-launch"} <= set(got)


@pytest.mark.parametrize("partner", ["us", "US", "USA", "usa", "United States", "美國"])
def test_partner_aliases(partner):
    got = ids("--partner", partner)
    assert "eppd-1" in got and "tuba-launch" in got and "dde-1" not in got


@pytest.mark.parametrize("partner", ["eu", "EU", "歐盟", "European Union"])
def test_eu_aliases(partner):
    assert ids("--partner", partner)[:2] == ["dde-1", "dde-2"]


def test_dates_filter_inclusively_in_every_calendar():
    d = round_date("eppd-1").first_day()  # the first EPPD, in 2020; its day as the data gives it
    roc = d.year - 1911
    assert ids("--dialogue", "eppd", "--until", str(d.year)) == ["eppd-1"]
    assert ids("--dialogue", "eppd", "--since", d.strftime("%b %Y"), "--until", d.isoformat()) == ["eppd-1"]
    assert ids("--dialogue", "eppd", "--since", f"民國{roc}年{d.month}月{d.day}日", "--until", f"{roc}/{d.month}/{d.day}") == ["eppd-1"]
    assert ids("--dialogue", "eppd", "--since", f"{roc}{d.month:02d}{d.day:02d}", "--until", f"{roc + 1}1231") == ["eppd-1", "eppd-2"]
    # a meeting known only to the month (TTIC, October 2022) overlaps any day of that month
    assert ids("--dialogue", "ttic", "--since", "2022-10-20", "--until", "2022-10-31") == ["ttic-2022-10"]


def test_topic_filter_answers_which_rounds_discussed_critical_minerals():
    got = ids("--topic", "critical minerals")
    assert got == ids("--topic", "關鍵礦物") == ids("--topic", "critical-minerals")
    assert "eppd-6" in got and "eppd-1" not in got


def test_theme_filter_takes_every_topic_under_it():
    by_name = ids("--topic", "Supply chains")  # the theme's name
    assert by_name == ids("--topic", "theme:supply-chains") == ids("--topic", "供應鏈")
    assert "eppd-1" in by_name and "eppd-6" in by_name
    assert set(ids("--topic", "critical-minerals")) < set(by_name)
    # an ID that is both a topic and a theme means the topic
    assert set(ids("--topic", "supply-chains")) <= set(by_name)


# ---------------------------------------------------------------- compare


def test_compare_1_6_shows_the_agenda_change():
    data = json.loads(run("compare", "1", "6", "--format", "json").out)
    added = {t["topic"] for t in data["added"]}
    dropped = {t["topic"] for t in data["dropped"]}
    evolved = {(p["a"]["topic"], p["b"]["topic"]) for p in data["evolved"]}
    assert {"critical-minerals", "drone-supply-chain", "digital-infrastructure"} <= added
    assert {"womens-economic-empowerment", "global-health-security", "5g-telecom-security"} <= dropped
    assert evolved == set()  # no lineage is recorded in the taxonomy
    assert {p["a"]["topic"] for p in data["continued"]} == {"supply-chains"}  # on round 1's agenda, mentioned in round 6
    assert data["summary"] == {"added": 7, "dropped": 6, "continued": 1, "evolved": 0}
    first = run("compare", "1", "6").out.splitlines()[0]
    assert first.startswith("+7 −6 =1 ~0")


def test_compare_across_dialogues():
    result = run("compare", "eppd:6", "dde:2", "--format", "json")
    assert result.code == 0
    data = json.loads(result.out)
    assert data["a"]["id"] == "eppd-6" and data["b"]["id"] == "dde-2"


def test_compare_notes_commitments_delivered_by_b():
    data = json.loads(run("compare", "1", "2", "--format", "json").out)
    assert "eppd-1/st-agreement-talks" in [d["commitment"] for d in data["delivered"]]


# ---------------------------------------------------------------- formats and languages


@pytest.mark.parametrize("name", sorted(COMMANDS))
@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_format_of_every_command(name, fmt, lang):
    result = run(*COMMANDS[name], "--format", fmt, "--lang", lang)
    assert result.code == 0, result.err
    assert result.out.strip()
    assert not ANSI.search(result.out)
    if fmt == "json":
        json.loads(result.out)
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(result.out)))
        assert len({len(r) for r in rows}) == 1, "every CSV row has the same columns"
    if fmt == "markdown" and name not in ("show",):
        assert "|" in result.out


def test_json_fields_are_the_documented_ones():
    rounds = json.loads(run("list", "--format", "json").out)
    for key in ("id", "dialogue", "round", "date", "partner", "format", "venue", "topics"):
        assert key in rounds[0]
    topic = rounds[0]["topics"][0]
    assert set(topic["name"]) == {"en", "zh"} and "id" in topic
    assert rounds == json.loads(run("list", "--format", "json", "--lang", "zh").out), "JSON does not depend on --lang"


def test_csv_and_json_carry_the_same_fields():
    rounds = json.loads(run("list", "--format", "json").out)
    header = next(csv.reader(io.StringIO(run("list", "--format", "csv").out)))
    assert header == list(rounds[0].keys())


def test_lang_zh_and_environment():
    zh = run("list", "--lang", "zh")
    assert "主談人" in zh.out and "鄧振中" in zh.out
    assert run("list", environ={"TRACKER_LANG": "zh"}).out == zh.out
    assert run("list", "--lang", "en", environ={"TRACKER_LANG": "zh"}).out == run("list").out


def test_lang_falls_back_to_the_other_language():
    # 張培仁 has no confirmed English name: English output shows the Chinese one
    assert "張培仁" in run("show", "6", "--full").out


def test_colour_only_on_a_terminal_and_never_with_no_color():
    assert ANSI.search(run("list", tty=True).out)
    assert not ANSI.search(run("list", tty=True, environ={"NO_COLOR": "1"}).out)
    assert not ANSI.search(run("list").out)
    assert ANSI.search(run("list", environ={"FORCE_COLOR": "1"}).out)
    assert not ANSI.search(run("list", "--format", "json", environ={"FORCE_COLOR": "1"}).out)
    assert not ANSI.search(run("--color", "never", "list", tty=True).out)


def test_show_marks_disputed_and_unverified_facts_and_numbers_sources():
    out = run("show", "3").out
    assert "disputed" in out.lower()
    assert "[1]" in out and "[1] HK01 · zh.hk01.com" in out  # a source's link, by its site when long
    assert "date: Thursday, 15 December 2022" in out  # what is disputed, said
    assert "http" in run("show", "3", "--full").out


def test_search_shows_where_each_hit_is_in_both_languages():
    en = json.loads(run("search", "critical minerals", "--format", "json").out)
    zh = json.loads(run("search", "關鍵礦物", "--format", "json").out)
    assert {r["id"] for r in en} & {r["id"] for r in zh} >= {"eppd-6"}
    assert all(h["where"] for r in en for h in r["hits"])


def test_version_and_help():
    result = run("--version")
    assert result.code == 0 and result.out.startswith("tracker ")
    for args in (["list"], ["show"], ["compare"], ["timeline"], ["topics"], ["search"], ["commitments"],
                 ["validate"], ["schema"], ["export", "sqlite"], ["export", "ics"], ["export", "json"], ["export", "csv"]):
        assert "Examples:" in run(*args, "--help").out, args


def test_help_lists_the_choices_of_every_option_that_has_them():
    def flat(*args):
        return " ".join(run(*args, "--help").out.split())

    for args in (["list"], ["show"], ["compare"], ["topics"], ["search"], ["commitments"]):
        assert "--format <table|json|csv|markdown>" in flat(*args), args
    assert "--format <table|json|csv|markdown|timelinejs>" in flat("timeline")
    for args in ([], ["list"], ["export", "ics"]):
        help_text = flat(*args)
        assert "--lang <en|zh>" in help_text and "--color <auto|always|never>" in help_text, args
    assert "--status <announced|in-progress|delivered|lapsed|unknown>" in flat("commitments")
    assert "[KIND] <round|dialogue|document|partners|topics|people>" in flat("schema")


def test_choices_are_read_in_any_case():
    assert run("list", "--format", "JSON").out == run("list", "--format", "json").out
    assert run("list", "--lang", "ZH").out == run("list", "--lang", "zh").out


def test_global_options_work_before_and_after_the_command():
    assert run("--lang", "zh", "list").out == run("list", "--lang", "zh").out
