"""`tracker draft`: from an article to a round file that validates, with every fact unverified and traced.

The founding articles live in ../shared/seeds beside the repository; the tests that measure the
drafts against the curated rounds are skipped when that folder is absent.
"""

from __future__ import annotations

import datetime as _dt
import io
import json
import re
import shutil
import sys
from pathlib import Path

import pytest
from conftest import DATA, FIXTURES, ROOT, TODAY, round_date, run
from hypothesis import given, settings
from hypothesis import strategies as st

SEEDS = ROOT.parent / "shared" / "seeds"
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"the founding articles are not beside the repository ({SEEDS})")

# Which curated round each founding article describes (by the start of its file name).
ARTICLES = FIXTURES / "articles"  # short articles in the project's own words, one per pattern the drafter reads

SEED_ROUNDS = {"000": "eppd-1", "001": "eppd-6", "002": "eppd-6", "003": "tuba-launch", "004": "dde-2"}

EPPD7 = (ARTICLES / "eppd7-cna-zh.txt").read_text(encoding="utf-8")

DDE3 = (ARTICLES / "dde3-cna-en.txt").read_text(encoding="utf-8")


EN_EPPD6 = (ARTICLES / "eppd6-statement-en.txt").read_text(encoding="utf-8")


def _seed(prefix: str) -> Path:
    return next(SEEDS.glob(prefix + "_*.txt"))


def _draft_json(path) -> dict:
    result = run("draft", str(path), "--format", "json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def _curated(rid: str) -> dict:
    result = run("show", rid, "--format", "json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- the founding articles


@needs_seeds
@pytest.mark.parametrize("prefix", sorted(SEED_ROUNDS))
def test_seed_draft_matches_the_curated_round(prefix):
    """Dialogue, round, date and format exactly as `tracker show` has them."""
    draft = _draft_json(_seed(prefix))
    curated = _curated(SEED_ROUNDS[prefix])
    assert draft["id"] == curated["id"]
    assert draft["dialogue"] == curated["dialogue"]
    assert draft.get("round") == curated["round"]
    assert draft.get("date") == curated["date"]
    assert draft.get("format") == curated["format"]


def _figures() -> list[tuple[str, str, int, int, int, int]]:
    rows = []
    for prefix, rid in sorted(SEED_ROUNDS.items()):
        draft = _draft_json(_seed(prefix))
        curated = _curated(rid)
        head = {t["topic"] for t in curated["topics"] if t["headline"]}
        got = {t["topic"] for t in draft.get("topics", ())}
        leads = {p["person"] for p in curated["leads"] if p.get("person")}
        got_leads = {p.get("person") for p in draft.get("participants", ()) if p["role"] in ("lead", "co-chair", "host")}
        rows.append((prefix, rid, len(head & got), len(head), len(leads & got_leads), len(leads)))
    return rows


@needs_seeds
def test_seed_recall_of_headline_topics_and_leads(capsys):
    """Headline-topic recall ≥ 80 % and lead recall ≥ 2/3 over the five articles (figures in the README)."""
    rows = _figures()
    topics = sum(r[2] for r in rows), sum(r[3] for r in rows)
    leads = sum(r[4] for r in rows), sum(r[5] for r in rows)
    with capsys.disabled():
        print()
        for prefix, rid, th, tn, lh, ln in rows:
            print(f"  {prefix} {rid:<12} headline topics {th}/{tn}  leads {lh}/{ln}")
        print(f"  all five: headline topics {topics[0]}/{topics[1]} = {topics[0] / topics[1]:.0%}, leads {leads[0]}/{leads[1]} = {leads[0] / leads[1]:.0%}")
    assert topics[0] / topics[1] >= 0.8
    assert leads[0] / leads[1] >= 2 / 3


@needs_seeds
def test_seed_leads_of_the_first_eppd_with_their_titles():
    draft = _draft_json(_seed("000"))
    leads = {p["person"]: p for p in draft["participants"] if p["role"] == "lead"}
    assert set(leads) == {"keith-krach", "john-deng"}
    assert leads["john-deng"]["title"]["zh"] == "行政院政務委員"
    assert leads["keith-krach"]["side"] == "partner"


@needs_seeds
def test_seed_launch_is_a_milestone_named_as_the_article_names_it_with_its_host():
    draft = _draft_json(_seed("003"))
    assert (draft["kind"], draft["event"], draft["name"]) == ("milestone", "launch", {"zh": "台美企業聯盟成立大會"})
    roles = {p["person"]: p["role"] for p in draft["participants"]}
    assert roles == {"james-huang": "host", "raymond-greene": "participant", "江文若": "participant"}
    titles = {p["person"]: p["title"]["zh"] for p in draft["participants"]}
    assert titles["江文若"] == "經濟部國際貿易局局長"  # the article's wording, not the shorter one of the data


@needs_seeds
@pytest.mark.parametrize("prefix", sorted(SEED_ROUNDS))
def test_seed_draft_warns_that_the_round_exists_and_still_prints(prefix):
    result = run("draft", str(_seed(prefix)))
    assert result.code == 0
    rid = SEED_ROUNDS[prefix]
    assert f"warning: the data already holds this event as {rid} (" in result.err
    assert result.out.startswith("# yaml-language-server")
    assert f"\nid: {rid}\n" in result.out
    assert "topic not in the taxonomy" not in result.err  # lists inside a topic's section are its details


@needs_seeds
def test_seed_dates_given_in_part_are_completed_only_from_the_round_they_are_about():
    """DDE 2 gives 12月8日 without a year: the year is that of dde-2, and the note says so."""
    draft = _draft_json(_seed("004"))
    assert draft["date"] == "2020-12-08"
    assert "without a year" in draft["date_note"]["en"] and "dde-2" in draft["date_note"]["en"]
    renumbered = json.loads(run("draft", str(_seed("004")), "--round", "9", "--format", "json").out)
    assert "date" not in renumbered  # dde-9 is not in the data: nothing completes the date


def test_a_date_given_in_part_is_completed_only_when_it_agrees_with_the_round(tmp_path):
    same = _write(tmp_path, "same.txt", "第2屆「臺歐盟數位經濟對話」於12月8日以視訊方式舉行。")
    other = _write(tmp_path, "other.txt", "第2屆「臺歐盟數位經濟對話」於12月9日以視訊方式舉行。")
    assert _draft_json(same)["date"] == "2020-12-08"
    result = run("draft", str(other), "--format", "json")
    assert "date" not in json.loads(result.out)
    assert "note: date: the article gives '12月9日' without a year; no date drafted" in result.err


# ---------------------------------------------------------------- a new round, end to end


@pytest.mark.parametrize("name, text, rid, leads", [
    ("eppd7.txt", EPPD7, "eppd-7", {"kung-ming-hsin", "jacob-helberg"}),
    ("dde3.txt", DDE3, "dde-3", {"kung-ming-hsin", "roberto-viola"}),
])
def test_new_round_drafts_into_a_file_that_validate_accepts_and_show_displays(tmp_path, name, text, rid, leads):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    article = _write(tmp_path, name, text)
    target = data / "rounds" / f"{rid}.yaml"
    result = run("draft", str(article), "--out", str(target), environ={"TRACKER_DATA_DIR": str(DATA)})
    assert result.code == 0, result.err
    assert f"wrote {target}" in result.err
    assert "the data already holds" not in result.err
    checked = run("validate", str(data))
    assert checked.code == 0, checked.err
    assert checked.err == ""
    shown = run("show", rid, "--format", "json", environ={"TRACKER_DATA_DIR": str(data)})
    assert shown.code == 0, shown.err
    record = json.loads(shown.out)
    assert {p["person"] for p in record["leads"]} == leads
    table = run("show", rid, environ={"TRACKER_DATA_DIR": str(data), "COLUMNS": "80"})
    assert table.code == 0 and "Unverified" in table.out


def test_new_round_fields_each_read_from_the_article(tmp_path):
    draft = _draft_json(_write(tmp_path, "a.txt", EPPD7))
    assert (draft["id"], draft["round"], draft["date"], draft["format"]) == ("eppd-7", 7, "2026-10-24", "in-person")
    assert draft["venues"] == [{"en": "Taipei", "zh": "台北"}]
    helberg = next(p for p in draft["participants"] if p.get("person") == "jacob-helberg")
    assert helberg["title"]["zh"] == "美國國務院主管經濟事務的次卿"  # the article's wording
    assert helberg["title"]["en"] == "Under Secretary of State for Economic Affairs"  # as in earlier rounds
    smith = next(p for p in draft["participants"] if "person" not in p)
    assert (smith["organisation"], smith["side"], smith["role"]) == ({"zh": "美國商務部次長"}, "partner", "participant")
    topics = {t["topic"]: t for t in draft["topics"]}
    assert list(topics) == ["critical-minerals", "energy-transition", "digital-trade"]
    assert topics["energy-transition"]["label"] == {"zh": "能源轉型"}
    assert [o["text"]["zh"] for o in topics["critical-minerals"]["outcomes"]] == ["雙方同意建立關鍵礦物供應鏈合作機制。"]
    assert all("編輯" not in o["text"]["zh"] for t in draft["topics"] for o in t.get("outcomes", ()))
    source = draft["sources"][0]
    assert source["publisher"] == {"zh": "中央社"} and source["date"] == "2026-10-25"


def test_english_article_dates_on_friday_style_weekday_from_its_dateline(tmp_path):
    draft = _draft_json(_write(tmp_path, "a.txt", DDE3))
    assert draft["date"] == "2026-06-04"  # the Thursday before Saturday 6 June 2026
    assert draft["venues"] == [{"en": "Brussels", "zh": "布魯塞爾"}]
    assert draft["format"] == "in-person"  # "hold the fourth round in Taipei next year" is not this meeting
    assert {t["topic"] for t in draft["topics"]} >= {"artificial-intelligence", "cybersecurity", "data-economy"}


def test_english_press_release_of_a_known_round(tmp_path):
    result = run("draft", str(_write(tmp_path, "a.txt", EN_EPPD6)), "--format", "json")
    assert "warning: the data already holds this event as eppd-6 (" in result.err
    assert "note: topic not in the taxonomy: 'Quantum computing'" in result.err
    draft = json.loads(result.out)
    assert (draft["id"], draft["date"], draft["format"]) == ("eppd-6", "2026-01-27", "in-person")  # "on Tuesday"
    roles = {p["person"]: (p["role"], p["title"]["en"]) for p in draft["participants"]}
    assert roles["jacob-helberg"] == ("lead", "Under Secretary of State for Economic Affairs")
    assert roles["kung-ming-hsin"] == ("lead", "Minister of Economic Affairs")
    assert roles["isabel-hou"] == ("participant", "Deputy Minister of Digital Affairs")
    headline = [t["topic"] for t in draft["topics"] if t.get("headline", True)]
    assert headline == ["critical-minerals", "drone-supply-chain", "supply-chains", "third-country-cooperation"]
    assert draft["sources"][0]["date"] == "2026-01-28"


def test_unknown_topic_and_unknown_person_are_reported_with_their_sentence(tmp_path):
    result = run("draft", str(_write(tmp_path, "a.txt", EPPD7)))
    assert result.code == 0
    assert "note: topic not in the taxonomy: '量子運算' (in: 三、量子運算：雙方同意成立量子科技工作小組。)" in result.err
    assert "note: person not in people.yaml: John Smith (史密斯), 美國商務部次長" in result.err
    assert "John Smith (史密斯)" in result.out  # kept, in both scripts, as a note


def test_people_named_in_one_script_only_are_kept_with_a_note(tmp_path):
    text = ("第4屆「臺歐盟數位經濟對話」於本（6）月4日至5日在台北舉行，國發會主委劉鏡清與歐盟執委會副總署長Jane Doe共同主持，"
            "數位部次長林宜敬等人出席。經濟部次長全程參與會議。Deputy Director-General John Roe also attended the meeting.")
    result = run("draft", str(_write(tmp_path, "a.txt", text)), "--published", "2026-06-06", "--format", "json")
    draft = json.loads(result.out)
    assert (draft["date"], draft["end_date"]) == ("2026-06-04", "2026-06-05")
    people = [(p["organisation"], p["side"], p["role"], p["note"]["en"].split(",")[0]) for p in draft["participants"]]
    assert people == [
        ({"zh": "國發會主委"}, "taiwan", "co-chair", "The article names 劉鏡清"),
        ({"zh": "歐盟執委會副總署長"}, "partner", "co-chair", "The article names Jane Doe"),
        ({"zh": "數位部次長"}, "taiwan", "participant", "The article names 林宜敬"),
        ({"en": "Deputy Director-General"}, "taiwan", "participant", "The article names John Roe"),
    ]
    assert result.err.count("note: person not in people.yaml:") == 4


def test_a_line_cut_in_the_middle_of_a_sentence_is_joined_again(tmp_path):
    text = ("第3屆「臺歐盟數位經濟對話」於2026年6月4日以視訊方式舉行，重點如次：\n\n"
            "- 資料經濟：臺灣在大數據應用具實際經驗；歐盟則已提出發展歐洲資料經濟的戰略，以及具備歐洲特色的監管架構與原\n\n"
            "則，促進跨部門與跨國數據分享。\n")
    draft = _draft_json(_write(tmp_path, "a.txt", text))
    outcomes = [o["text"]["zh"] for t in draft["topics"] for o in t.get("outcomes", ())]
    assert outcomes[-1] == "歐盟則已提出發展歐洲資料經濟的戰略，以及具備歐洲特色的監管架構與原則，促進跨部門與跨國數據分享。"


def test_every_fact_is_unverified_and_quotes_its_sentence(tmp_path):
    result = run("draft", str(_write(tmp_path, "a.txt", EPPD7)))
    import yaml

    record = yaml.safe_load(result.out)
    facts = [*record["participants"], *record["topics"], *(o for t in record["topics"] for o in t.get("outcomes", ()))]
    assert facts and all(f["unverified"] is True and f["sources"] == ["article"] for f in facts)
    assert {u["about"] for u in record["unverified"]} == {"round", "date", "format", "venues"}
    assert [s["id"] for s in record["sources"]] == ["article"]
    comments = [line.strip() for line in result.out.splitlines() if line.strip().startswith("# «")]
    assert len(comments) >= len(facts) + 4
    assert "# « 美國商務部次長史密斯（John Smith）亦率團出席會議。 »" in comments
    assert "# « 雙方同意建立關鍵礦物供應鏈合作機制。 »" in comments


def test_json_is_the_same_record_as_the_yaml(tmp_path):
    import yaml

    article = _write(tmp_path, "a.txt", EPPD7)
    from_yaml = yaml.safe_load(run("draft", str(article)).out)
    from_json = json.loads(run("draft", str(article), "--format", "json").out)
    assert json.loads(json.dumps(from_yaml, default=str)) == from_json
    assert "\x1b[" not in run("draft", str(article), environ={"FORCE_COLOR": "1"}).out


def test_overrides_and_source_options(tmp_path):
    article = _write(tmp_path, "a.txt", EPPD7)
    result = run("draft", str(article), "--dialogue", "DDE", "--round", "4", "--format", "json",
                 "--source-url", "https://example.org/news/1", "--publisher", "Example News")
    draft = json.loads(result.out)
    assert (draft["id"], draft["dialogue"], draft["round"]) == ("dde-4", "dde", 4)
    assert draft["sources"][0]["url"] == "https://example.org/news/1"
    assert draft["sources"][0]["publisher"] == {"en": "Example News"}


def test_standard_input(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DDE3.encode("utf-8")), encoding="utf-8"))
    result = run("draft", "-", "--format", "json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["id"] == "dde-3"


def test_out_never_replaces_a_file_without_force_nor_writes_into_the_data_folder(tmp_path):
    article = _write(tmp_path, "a.txt", EPPD7)
    target = _write(tmp_path, "eppd-7.yaml", "keep me\n")
    result = run("draft", str(article), "--out", str(target))
    assert result.code == 3 and result.out == ""
    assert result.err == f"error: {target}: already exists (use --force to replace it)\n"
    assert target.read_text(encoding="utf-8") == "keep me\n"
    assert run("draft", str(article), "--out", str(target), "--force").code == 0
    assert target.read_text(encoding="utf-8").startswith("# yaml-language-server")
    missing = run("draft", str(tmp_path / "nope.txt"), "--out", str(target))
    assert missing.code == 3 and "already exists" in missing.err  # the target is refused before any work
    into = DATA / "rounds" / "eppd-7.yaml"
    refused = run("draft", str(article), "--out", str(into))
    assert refused.code == 3 and "will not write into the data folder" in refused.err
    assert not into.exists()


# ---------------------------------------------------------------- bad input: one line, no traceback, nothing written


@pytest.mark.parametrize("case, content, message", [
    ("empty", b"  \n\n", "{path}: the article is empty"),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "{path}: is a binary file, not a plain-text article"),
    ("big5", "第7屆台美經濟繁榮夥伴對話".encode("big5"), "{path}:1:1: file is not UTF-8 (byte 0xb2) (it looks like Big5; convert it with: iconv -f BIG5 -t UTF-8)"),
    ("utf16", "第7屆台美經濟繁榮夥伴對話".encode("utf-16"), "{path}:1:1: file is UTF-16, not UTF-8 (save it as UTF-8)"),
    ("no-dialogue", "今天天氣很好，我們去公園散步。".encode(),
     ("error: the article is about no known dialogue: it names none of the dialogues in the data "
      "(art, dde, eppd, etp, tid, ttic, tuba, tw-jp-digital-trade, ustti); give --dialogue if it is about one of them")),
])
def test_bad_input_is_one_clear_line(tmp_path, case, content, message):
    path = tmp_path / f"{case}.txt"
    path.write_bytes(content)
    out = tmp_path / "draft.yaml"
    result = run("draft", str(path), "--out", str(out))
    expected = message.format(path=path)
    if not expected.startswith(("error:", str(path) + ":1")):
        expected = "error: " + expected
    assert result.err == expected + "\n"
    assert result.code == 2 and result.out == ""
    assert not out.exists()


def test_missing_file(tmp_path):
    result = run("draft", str(tmp_path / "nope.txt"))
    assert (result.code, result.out, result.err) == (2, "", f"error: {tmp_path / 'nope.txt'}: no such file\n")


def test_bad_options_are_one_line():
    assert run("draft", "x.txt", "--round", "seven").err == "error: --round 'seven' is not a round number (use 1, 2, … up to 9999)\n"
    assert run("draft", "x.txt", "--format", "csv").err == (
        "error: invalid value for '--format' / '-O': 'csv' is not one of 'yaml', 'json' (see `tracker draft --help`)\n"
    )
    assert run("draft", "x.txt", "--published", "2026").err == "error: --published '2026' is not a full date (give the day too)\n"


# ---------------------------------------------------------------- date forms in articles (property tests)


@pytest.fixture(scope="module")
def dataset():
    from tracker.data.load import load

    return load(str(DATA), TODAY)


def _date_of(ds, text, published=None):
    from tracker.draft import make_draft

    return make_draft(ds, text, TODAY, published=published).record


days = st.dates(min_value=_dt.date(2015, 1, 1), max_value=_dt.date(2030, 12, 31))


@settings(max_examples=30, deadline=None)
@given(day=days)
def test_property_full_chinese_dates(dataset, day):
    text = f"第3屆「臺歐盟數位經濟對話」今（{day.year}）年{day.month}月{day.day}日以視訊方式舉行。"
    assert _date_of(dataset, text)["date"] == day.isoformat()
    roc = f"第3屆「臺歐盟數位經濟對話」於民國{day.year - 1911}年{day.month}月{day.day}日舉行。"
    assert _date_of(dataset, roc)["date"] == day.isoformat()


@settings(max_examples=30, deadline=None)
@given(day=days, form=st.sampled_from(["{d:%Y-%m-%d}", "{d.year}/{d.month}/{d.day}", "{roc}/{d.month:02d}/{d.day:02d}",
                                       "{roc}年{d.month}月{d.day}日", "{roc:03d}{d.month:02d}{d.day:02d}"]))
def test_property_every_form_the_date_options_read(dataset, day, form):
    written = form.format(d=day, roc=day.year - 1911)
    text = f"第3屆「臺歐盟數位經濟對話」{written}以視訊方式舉行。The third Taiwan-EU DDE was held on {written}."
    record = _date_of(dataset, text)
    assert record["date"] == day.isoformat()
    assert _date_of(dataset, f"The third Taiwan-EU DDE was held on {written}.")["date"] == day.isoformat()


@settings(max_examples=30, deadline=None)
@given(day=days, later=st.integers(min_value=0, max_value=20))
def test_property_day_only_dates_take_month_and_year_from_the_article_date(dataset, day, later):
    published = day + _dt.timedelta(days=later % 3)
    text = f"date {published.isoformat()} 記者報導\n\n第3屆「臺歐盟數位經濟對話」當地時間{day.day}日在布魯塞爾舉行。"
    record = _date_of(dataset, text)
    assert record["date"] == day.isoformat()
    assert record["venues"] == [{"en": "Brussels", "zh": "布魯塞爾"}]


@settings(max_examples=30, deadline=None)
@given(day=days.filter(lambda d: d.day <= 27))
def test_property_this_month_ranges_and_english_dates(dataset, day):
    text = f"第3屆「臺歐盟數位經濟對話」本（{day.month}）月{day.day}日至{day.day + 1}日在布魯塞爾舉行。"
    record = _date_of(dataset, text, published=day + _dt.timedelta(days=1))
    assert (record["date"], record["end_date"]) == (day.isoformat(), (day + _dt.timedelta(days=1)).isoformat())
    english = f"The third Taiwan-EU Dialogue on Digital Economy was held in Brussels on {day:%b}. {day.day}, {day.year}."
    assert _date_of(dataset, english)["date"] == day.isoformat()


@settings(max_examples=20, deadline=None)
@given(day=days, back=st.integers(min_value=0, max_value=6))
def test_property_weekday_against_a_dated_dateline(dataset, day, back):
    meeting = day - _dt.timedelta(days=back)
    text = f"Taipei, {day:%b}. {day.day}, {day.year} (CNA) The third Taiwan-EU DDE was held on {meeting:%A}, officials said."
    assert _date_of(dataset, text)["date"] == meeting.isoformat()


def test_help_has_an_example():
    result = run("draft", "--help")
    assert result.code == 0
    assert "Examples:" in result.out and "tracker draft press-release.txt" in result.out
    assert re.search(r"--out", result.out)


FRAGMENTS = [
    "第3屆「臺歐盟數位經濟對話」", "台美經濟繁榮夥伴對話", "EPPD", "the third Dialogue on Digital Economy", "首屆",
    "今（2026）年10月24日", "本（6）月4日至5日", "當地時間27日", "20日登場", "Dec. 8, 2023", "on Friday", "上週",
    "在華府舉行", "held in Brussels", "以視訊方式", "實體", "in person", "經濟部長龔明鑫", "次卿海柏格（Jacob Helberg）",
    "主談", "co-chaired by", "率領下", "出席", "美國商務部次長史密斯（John Smith）", "就關鍵礦物、能源轉型及數位貿易等議題進行討論",
    "discussed AI, semiconductors, and data", "一、關鍵礦物：雙方同意合作。", "- 區塊鏈：", "科學與技術部分，", "。", "，", "、",
    "\n", "\n\n", ": ", " # ", "'", '"', "{", "}", "[", "- ", "---", "<p>", "</p>", "&amp;", "1091121", "（編輯：某）",
    "date 2026-01-28 記者報導\n", "Taipei, June 6, 2026 (CNA) ", "\t", "\x0b", "\u200b", "😀",
]


@settings(max_examples=60, deadline=None)
@given(parts=st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), min_size=1, max_size=30))
def test_property_any_article_drafts_into_a_file_that_reads_back_or_is_refused_with_one_line(dataset, parts):
    from tracker.draft import check_round_trip, make_draft, to_yaml
    from tracker.errors import TrackerError

    text = "".join(parts)
    try:
        draft = make_draft(dataset, text, TODAY)
    except TrackerError as exc:
        assert len(exc.lines()) == 1 and "\n" not in exc.lines()[0]
        return
    check_round_trip(draft, to_yaml(draft))  # raises OutputError if the YAML does not read back without a problem


def test_a_draft_that_would_not_read_back_is_refused_in_one_line(dataset, tmp_path):
    from tracker.draft import check_round_trip, make_draft, to_yaml
    from tracker.errors import OutputError

    draft = make_draft(dataset, EPPD7, TODAY)
    with pytest.raises(OutputError) as caught:
        check_round_trip(draft, to_yaml(draft).replace("round: 7", "round: seven"))
    assert caught.value.lines() == ["error: the draft does not read back as a round file (line 9: round: 'seven' is not a whole number); nothing written"]



# ---------------------------------------------------------------- the YAML writer, proven by reading back


@pytest.mark.parametrize("article", sorted(p.name for p in ARTICLES.iterdir()))
def test_every_fixture_article_drafts_into_yaml_that_the_loader_reads_back_as_the_same_record(dataset, tmp_path, article):
    """The writer is proven by a round trip: the YAML parses to the record, and in a copy of the data
    folder (in place of the curated file when the data holds the round) the loader finds no problem in it."""
    import yaml

    import tracker
    from tracker.draft import make_draft, read_article, to_yaml

    draft = make_draft(dataset, read_article(str(ARTICLES / article)), TODAY)
    text = to_yaml(draft)
    assert json.loads(json.dumps(yaml.safe_load(text), default=str)) == draft.record, "the YAML says what the record says"
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    if draft.existing:
        (data / Path(draft.existing).relative_to(DATA)).unlink()
    target = data / "rounds" / f"{draft.id}.yaml"
    target.write_text(text, encoding="utf-8")
    try:
        loaded = tracker.load(str(data), today=TODAY)
    except tracker.DataError as exc:  # other files may cite what the curated round held; the draft itself is clean
        assert [str(p) for p in exc.problems if p.path == str(target) and not p.warning] == []
    else:
        assert draft.id in loaded.rounds


# ---------------------------------------------------------------- hostile input: refused in one line, or read in linear work


@pytest.mark.parametrize("value", ["²", "٣", "9" * 5000, "99999999999999999999", "0", "-1", "1e3"])
def test_a_round_that_is_not_a_small_ascii_number_is_one_line_and_exit_2(value):
    result = run("draft", "x.txt", "--round", value)
    assert result.code == 2
    assert result.err.startswith("error: --round ") and result.err.count("\n") == 1 and "Traceback" not in result.err
    assert len(result.err) < 200  # a 5,000-digit value is not echoed whole


@pytest.mark.parametrize("option, value", [
    ("--source-url", "https://example.org/\rLocation: https://evil.example"), ("--source-url", "https://exa mple.org"),
    ("--publisher", "MOFA\x1b[31m"), ("--publisher", "MOFA\u202egpj.exe"), ("--publisher", "A\nB"),
])
def test_control_characters_in_source_options_are_refused_with_exit_2(tmp_path, option, value):
    article = _write(tmp_path, "a.txt", EPPD7)
    result = run("draft", str(article), option, value)
    assert result.code == 2 and result.err.startswith(f"error: {option} ") and result.err.count("\n") == 1
    assert "\x1b" not in result.err and "\r" not in result.err and "\u202e" not in result.err


def test_bidi_controls_of_the_article_never_reach_the_output(tmp_path):
    article = _write(tmp_path, "a.txt", EPPD7.replace("關鍵礦物", "關鍵\u202e礦物\u2066").replace("台北", "台\u200f北"))
    for fmt in ("json", "yaml"):
        result = run("draft", str(article), "--format", fmt)
        assert result.code == 0, result.err
        assert not re.search("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]", result.out + result.err)
    assert "critical-minerals" in result.out  # the words around the control still read as the topic


def test_standard_input_is_read_up_to_its_documented_limit(tmp_path):
    from conftest import run_process

    from tracker.draft.article import LIMIT

    big = EPPD7 + " " * (LIMIT + 1)
    result = run_process("draft", "-", input=big)
    assert result.returncode == 2
    assert result.stderr == "error: <stdin>: is larger than 20 MiB; an article is plain text\n"


def test_a_fifo_given_as_the_article_is_refused_at_once_without_waiting_for_a_writer(tmp_path):
    import os

    from conftest import run_process

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = run_process("draft", str(fifo))  # run_process's time limit only stops a broken test; nothing writes to the FIFO
    assert result.returncode == 2
    assert result.stderr == f"error: {fifo}: is not a regular file; to pipe an article in, give - and use standard input\n"


def _lines_run(dataset, text: str, **kw) -> int:
    """How many lines of the drafter's own code run to draft ``text``: work counted, not timed."""
    import tracker.draft
    from tracker.draft import make_draft

    folder = str(Path(tracker.draft.__file__).parent)
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if not frame.f_code.co_filename.startswith(folder):
            return None
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        make_draft(dataset, text, TODAY, **kw)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("unit", ["2020年11月20日、", "20日、", "Nov. 20, 2020, "])
def test_drafting_is_linear_in_the_number_of_dates_of_a_sentence(dataset, unit):
    head = "第3屆「臺歐盟數位經濟對話」"
    counts = [_lines_run(dataset, head + unit * n + "舉行。", published=_dt.date(2026, 1, 21)) for n in (200, 400, 800)]
    assert counts[2] / counts[1] < 2.3 and counts[1] / counts[0] < 2.3, counts  # quadratic work gives about 4


def test_drafting_a_long_one_line_article_is_linear_in_its_length(dataset):
    head = "第3屆臺歐盟數位經濟對話"
    counts = [_lines_run(dataset, head + "雙方就關鍵礦物合作交換意見，20日" * n) for n in (100, 200, 400)]
    assert counts[2] / counts[1] < 2.3 and counts[1] / counts[0] < 2.3, counts


# ---------------------------------------------------------------- dates right or absent, roles, web pages (fixtures in our own words)


def _fixture_draft(name: str, *args: str):
    result = run("draft", str(ARTICLES / name), "--format", "json", *args)
    assert result.code == 0, result.err
    return json.loads(result.out), result.err


def test_a_special_dispatch_dateline_in_half_width_brackets_dates_yesterday_from_its_day():
    draft, _ = _fixture_draft("art-signing-cna-zh.html")
    assert draft["date"] == "2026-02-12"  # 昨天 in a dispatch of the 13th, not the 13th nor the 14th of publication


def test_a_web_page_gives_its_title_site_address_and_date_without_navigation_or_trailers():
    draft, _ = _fixture_draft("art-signing-cna-zh.html")
    source = draft["sources"][0]
    assert source["title"] == {"zh": "台美完成貿易協定簽署 雙方代表共同落筆"}  # no "| 政治 | site"
    assert (source["publisher"], source["url"], source["date"]) == ({"zh": "中央社"}, "https://news.example.org/news/aipl/0001.aspx", "2026-02-14")
    assert "2026/02/14 08:45" not in json.dumps(draft, ensure_ascii=False) and "首頁" not in json.dumps(draft, ensure_ascii=False)


def test_signers_and_witnesses_are_read_from_their_verbs():
    draft, _ = _fixture_draft("art-signing-cna-zh.html")
    roles = {p.get("person"): p["role"] for p in draft["participants"]}
    assert roles == {"cheng-li-chiun": "witness", "jamieson-greer": "witness", "ingrid-larson": "signer", "alexander-yui": "signer"}


def test_a_header_line_dates_a_day_and_month_and_co_chairs_are_read_across_commas():
    draft, _ = _fixture_draft("tid-header-date-en.txt")
    assert draft["date"] == "2023-04-28"
    assert draft["sources"][0]["title"] == {"en": "Brussels and Taipei meet for the second Trade and Investment Dialogue"}
    assert {p.get("person"): p["role"] for p in draft["participants"]} == {"sabine-weyand": "co-chair", "wang-mei-hua": "co-chair"}


def test_a_weekday_with_nothing_to_count_from_leaves_the_date_out_and_says_so():
    draft, err = _fixture_draft("ustti-signing-weekday-en.txt")
    assert "date" not in draft
    assert "note: date: the article says 'on Thursday' but gives no date to count from (give --published)" in err
    assert _fixture_draft("ustti-signing-weekday-en.txt", "--published", "2023-06-03")[0]["date"] == "2023-06-01"


def test_a_meeting_still_to_come_is_not_dated_and_a_statement_date_is_not_the_meeting_date():
    draft, err = _fixture_draft("eppd-preview-zh.txt")
    assert "date" not in draft and "note: date: the article announces the event as still to come" in err
    assert _fixture_draft("eppd-statement-date-zh.txt")[0]["date"] == "2022-12-14"  # not the 15th of the statement


def test_a_signing_is_drafted_as_a_milestone_named_after_its_agreement_and_the_curated_one_is_named():
    draft, err = _fixture_draft("ustti-signing-weekday-en.txt")
    assert (draft["id"], draft["kind"], draft["event"]) == ("ustti-signing", "milestone", "signing")
    assert draft["name"] == {"en": "first agreement under the U.S.-Taiwan Initiative on 21st-Century Trade"}
    assert {p.get("person"): p["role"] for p in draft["participants"]}["ingrid-larson"] == "signer"
    assert "warning: the data already holds this event as ustti-signing (" in err


def test_an_event_already_in_the_data_is_found_by_its_date_under_another_id():
    draft, err = _fixture_draft("tid-header-date-en.txt")
    assert draft["id"] == "tid-2023-04-28" and "round" not in draft  # the data numbers no TID meetings
    assert "warning: the data already holds this event as tid-2023-04-28 (" in err
    assert "note: round: the article gives 2, but the data numbers no tid meetings" in err


def test_a_round_number_that_belongs_to_another_date_gives_way_to_the_date():
    draft, err = _fixture_draft("eppd-round-elsewhere-en.txt")
    assert (draft["id"], draft["round"], draft["date"]) == ("eppd-2", 2, "2021-11-22")
    first = round_date("eppd-1")  # as the data gives it
    assert f"note: round: the article's 1 is eppd-1 of {first}, not the meeting of 2021-11-22; that is eppd-2" in err
    assert draft["sources"][0]["publisher"] == {"en": "Taiwan News"}


def test_a_simplified_chinese_article_is_read_in_traditional_and_quoted_as_written():
    result = run("draft", str(ARTICLES / "eppd3-simplified-zhcn.txt"))
    assert result.code == 0, result.err
    assert "\nround: 3\n" in result.out and "person: jose-fernandez" in result.out and "person: wang-mei-hua" in result.out
    assert "# « 美国国务院发表声明说，第三届美台经济繁荣伙伴对话(EPPD)以视讯方式举行" in result.out  # the article's own characters
    assert "format: virtual" in result.out


def test_without_the_converter_a_simplified_article_is_refused_in_one_line(tmp_path):
    script = ("import sys; sys.modules['opencc'] = None\n"
              "from tracker.entry import run\nsys.argv = ['tracker', 'draft', sys.argv[1]]\nrun()\n")
    import os
    import subprocess

    from conftest import run_process  # noqa: F401 (the same environment as the other process tests)

    env = {**os.environ, "TRACKER_DATA_DIR": str(DATA), "TRACKER_NO_CACHE": "1"}
    result = subprocess.run([sys.executable, "-c", script, str(ARTICLES / "eppd3-simplified-zhcn.txt")],
                            check=False, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr == "error: the article is in simplified Chinese; install the draft extra to read it: pip install 'tracker[draft]'\n"


def test_an_english_list_of_chapters_gives_each_chapter_s_topic():
    draft, _ = _fixture_draft("ustti-chapters-en.txt")
    assert [t["topic"] for t in draft["topics"]] == [  # the agreement itself first, as a curated signing has it
        "trade", "anticorruption", "smes", "good-regulatory-practice", "services-domestic-regulation", "trade-facilitation"]


def test_compare_shows_what_the_draft_adds_to_the_curated_record():
    result = run("draft", str(ARTICLES / "tid-header-date-en.txt"), "--compare")
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        f"the draft tid-2023-04-28 beside tid-2023-04-28 ({DATA / 'rounds' / 'tid-2023-04-28.yaml'}):",
        "  nothing: the curated record already says all the draft found",
    ]
    new = run("draft", str(ARTICLES / "eppd7-cna-zh.txt"), "--compare")
    assert new.code == 2 and new.err.endswith(
        "error: --compare: the data holds no record of this event (eppd-7); there is nothing to compare with\n")


def test_a_title_that_runs_across_a_list_is_kept_whole():
    draft, _ = _fixture_draft("eppd5-whole-title-zh.txt")
    titles = {p.get("person"): p.get("title", {}).get("zh") for p in draft["participants"]}
    assert titles["jose-fernandez"] == "美國國務院主管經濟成長、能源及環境次卿"  # not 環境次卿
    assert titles["remus-chen"] == "外交部常務次長"
    assert {p.get("person") for p in draft["participants"] if p["role"] == "lead"} == {"kuo-jyh-huei", "remus-chen", "jose-fernandez"}


# ---------------------------------------------------------------- a date is right or absent

ZH_STATEMENT_DAY = """date 2031-03-06
第九屆台美「經濟繁榮夥伴對話」在華府舉行，外交部今天(6日)表示，雙方就供應鏈交換意見。
"""

ZH_NUMERAL_DAY = """date 2031-03-06
第九屆台美「經濟繁榮夥伴對話」已於三月四日在台北舉行，雙方就供應鏈交換意見。
"""

EN_SHORT_DATELINE = """date 2031-03-06
Taipei, March 6 (CNA) Taiwan and the United States on Wednesday held the ninth Economic Prosperity Partnership Dialogue in Washington.
"""


def test_the_day_of_a_statement_is_not_the_meeting_day_and_the_date_is_left_out_with_a_note(tmp_path):
    result = run("draft", str(_write(tmp_path, "a.txt", ZH_STATEMENT_DAY)), "--format", "json")
    assert result.code == 0, result.err
    assert "date" not in json.loads(result.out)
    assert "note: date:" in result.err


def test_chinese_numeral_days_are_read(tmp_path):
    assert _draft_json(_write(tmp_path, "a.txt", ZH_NUMERAL_DAY))["date"] == "2031-03-04"


def test_an_english_dateline_without_a_year_is_the_filing_day_not_the_meeting_day(tmp_path):
    assert _draft_json(_write(tmp_path, "a.txt", EN_SHORT_DATELINE))["date"] == "2031-03-05"  # the Wednesday before


# ---------------------------------------------------------------- topics from the sentence that lists them

ZH_LISTING = """date 2031-03-06
第九屆台美「經濟繁榮夥伴對話」3月4日在台北舉行,雙方這次討論AI供應鏈、關鍵礦物、人才培育,以及能源轉型與觀光交流等共同關切議題。
"""


def test_a_chinese_listing_sentence_gives_each_item_its_topic_and_reports_the_rest(tmp_path):
    result = run("draft", str(_write(tmp_path, "a.txt", ZH_LISTING)), "--format", "json")
    assert result.code == 0, result.err
    headline = {t["topic"] for t in json.loads(result.out)["topics"] if t.get("headline", True)}
    assert headline >= {"ai-supply-chain", "critical-minerals", "talent", "energy-transition"}
    assert "note: topic not in the taxonomy: '觀光交流'" in result.err


def test_signers_named_after_a_few_words_between_signed_and_by(tmp_path):
    text = ("date 2031-03-06\nTaiwan and the United Kingdom on Monday signed an Enhanced Trade Partnership arrangement. "
            "The arrangement was signed in a teleconference by Minister Without Portfolio John Deng and British officials.\n")
    roles = {p["person"]: p["role"] for p in _draft_json(_write(tmp_path, "a.txt", text))["participants"]}
    assert roles.get("john-deng") == "signer"


# ---------------------------------------------------------------- never a wrong date: datelines, weekdays, copies, background

ZH_BRACKET_DATELINE = """https://news.example.org/b5/20310306/0001.html
台美經濟繁榮夥伴對話第九屆登場

【範例電視台 2031 年 03 月 06 日訊】第九屆台美「經濟繁榮夥伴對話」週二(4日)晚間以視訊方式舉行，雙方就供應鏈交換意見；月底雙方將在華府舉行實體會議。
"""


def test_a_bracketed_dateline_is_the_filing_day_and_a_weekday_with_its_day_in_brackets_is_that_day(tmp_path):
    draft = _draft_json(_write(tmp_path, "a.txt", ZH_BRACKET_DATELINE))
    assert draft["date"] == "2031-03-04"  # 週二(4日), not the 6th of the dateline
    assert draft["sources"][0]["url"] == "https://news.example.org/b5/20310306/0001.html"
    assert draft["sources"][0]["title"] == {"zh": "台美經濟繁榮夥伴對話第九屆登場"}


def test_a_weekday_that_is_not_the_day_beside_it_leaves_the_date_out_with_a_note(tmp_path):
    result = run("draft", str(_write(tmp_path, "a.txt", ZH_BRACKET_DATELINE.replace("週二(4日)", "週三(4日)"))), "--format", "json")
    assert result.code == 0, result.err
    assert "date" not in json.loads(result.out)
    assert "the weekday beside it is not that day's" in result.err


def test_the_address_of_a_page_dates_it_when_nothing_else_does(tmp_path):
    text = ("https://news.example.org/business/203103060012\n"
            "Taiwan and the United States on Tuesday held the ninth Economic Prosperity Partnership Dialogue in Taipei.\n")
    assert _draft_json(_write(tmp_path, "a.txt", text))["date"] == "2031-03-04"


def test_today_in_a_copy_of_a_release_is_not_counted_from_the_copy_s_date(tmp_path):
    text = ("date 2031-03-07 (NEWSWIRE) copy\nYou are subscribed to releases of the Department of State.\n"
            "The United States and Taiwan held the ninth Economic Prosperity Partnership Dialogue today in Washington.\n")
    result = run("draft", str(_write(tmp_path, "a.txt", text)), "--format", "json")
    assert result.code == 0, result.err
    assert "date" not in json.loads(result.out)
    assert "it is a copy of a release" in result.err
    plain = "date 2031-03-07\n" + text.splitlines()[2] + "\n"
    assert _draft_json(_write(tmp_path, "b.txt", plain))["date"] == "2031-03-07"


def test_a_date_weeks_before_the_story_is_background_not_the_event(tmp_path):
    text = ("date 2031-11-12\n美方11月9日表示，台美經濟繁榮夥伴對話會談當天在紐約落幕。\n"
            "今年5月底，台美經濟繁榮夥伴對話於6月1日舉行首次會議。\n")
    result = run("draft", str(_write(tmp_path, "a.txt", text)), "--format", "json")
    assert result.code == 0, result.err
    assert "date" not in json.loads(result.out)
    assert "background" in result.err


# ---------------------------------------------------------------- a format only when the article states it

EN_MIXED = """date 2031-03-08
TAIPEI — Taiwan and the United States held the ninth round of talks under the Economic Prosperity Partnership Dialogue on Friday (March 7).
The talks were held under a mixed formula. The economics minister led the Taiwan end of the talks by videoconference from Taipei.
"""

ZH_JOINED_BY_VIDEO = """date 2031-03-08
第九屆台美「經濟繁榮夥伴對話」7日在華府舉行實體會議，我方政務委員因故透過視訊參與這場會議。
"""

ZH_FUTURE_CLAUSE = """date 2031-03-08
第九屆台美「經濟繁榮夥伴對話」7日以視訊會談方式舉行；月底雙方將在華府召開面對面會談。
"""


def test_a_mixed_formula_is_hybrid_and_a_round_of_talks_under_the_dialogue_is_its_round(tmp_path):
    draft = _draft_json(_write(tmp_path, "a.txt", EN_MIXED))
    assert (draft["round"], draft["date"], draft["format"]) == (9, "2031-03-07", "hybrid")


def test_one_person_joining_by_video_is_not_the_meeting_s_format(tmp_path):
    result = run("draft", str(_write(tmp_path, "a.txt", ZH_JOINED_BY_VIDEO)), "--format", "json")
    assert result.code == 0, result.err
    assert "format" not in json.loads(result.out)
    assert "note: format: the meeting was held in person but someone joined by video" in result.err


def test_what_a_sentence_says_of_a_meeting_still_to_come_is_not_this_meeting_s_format_or_place(tmp_path):
    draft = _draft_json(_write(tmp_path, "a.txt", ZH_FUTURE_CLAUSE))
    assert draft["format"] == "virtual"  # not hybrid with the face-to-face talks still to come
    assert "venues" not in draft  # 華府 is where they will meet


# ---------------------------------------------------------------- a duplicate warning whenever the data may hold the event

def test_an_undated_report_is_matched_to_the_record_dated_near_the_article(tmp_path):
    day = round_date("eppd-6").first_day()
    text = f"date {day + _dt.timedelta(days=2)}\n台美「經濟繁榮夥伴對話」在華府登場，雙方就供應鏈交換意見。\n"
    result = run("draft", str(_write(tmp_path, "a.txt", text)), "--format", "json")
    assert result.code == 0, result.err
    assert "warning: the data already holds this event as eppd-6 (" in result.err
    assert "note: duplicate: eppd-6 (" in result.err and "was found by the article's own date" in result.err


def test_a_day_and_month_without_a_year_find_the_record_of_that_day(tmp_path):
    day = round_date("ustti-taipei-2023-01").first_day()
    text = f"台美21世紀貿易倡議第二次實體談判，雙方決定於{day.month}月{day.day}日在臺北舉行會談。\n"
    result = run("draft", str(_write(tmp_path, "a.txt", text)), "--format", "json")
    assert result.code == 0, result.err
    assert "date" not in json.loads(result.out)
    assert "warning: the data already holds this event as ustti-taipei-2023-01 (" in result.err


def test_an_article_that_dates_nothing_names_every_record_it_may_repeat(tmp_path):
    text = "美台21世紀貿易倡議首次會議歷時4小時，雙方同意舉行更多對話。\n"
    result = run("draft", str(_write(tmp_path, "a.txt", text)), "--format", "json")
    assert result.code == 0, result.err
    warning = next(line for line in result.err.splitlines() if line.startswith("warning:"))
    assert warning.startswith("warning: the data holds records that may be this event (found by the dialogue alone")
    assert "ustti-new-york-2022-11 (" in warning and "ustti-taipei-2023-01 (" in warning


# ---------------------------------------------------------------- a dialogue named by its partner and a generic name

def test_a_generic_name_of_a_dialogue_counts_beside_its_partner_s_name(tmp_path):
    day = round_date("tw-jp-digital-trade-signing").first_day()
    text = (f"Taipei, {day:%b}. {day.day} (CNA) Taiwan and Japan on {day:%A} signed a digital trade agreement "
            "during their yearly economic conference in Taipei.\n")
    result = run("draft", str(_write(tmp_path, "a.txt", text)), "--published", str(day), "--format", "json")
    assert result.code == 0, result.err
    draft = json.loads(result.out)
    assert (draft["dialogue"], draft["date"]) == ("tw-jp-digital-trade", str(day))
    assert "warning: the data already holds this event as tw-jp-digital-trade-signing (" in result.err
    other = run("draft", str(_write(tmp_path, "b.txt", text.replace("Japan", "Canada"))), "--format", "json")
    assert other.code == 2 and "the article is about no known dialogue" in other.err


# ---------------------------------------------------------------- people: names in any order, principals who meet

def test_an_english_name_given_name_first_or_without_its_middle_initial_is_the_same_person(tmp_path):
    text = ("date 2031-03-08\nOn March 7, Taiwan's Economic Minister Mei-Hua WANG and the Director-General of DG Trade "
            "Sabine WEYAND co-chaired the Trade and Investment Dialogue online.\n"
            "The U.S. side at the Economic Prosperity Partnership Dialogue was led by Keith Krach.\n")
    result = run("draft", str(_write(tmp_path, "a.txt", text)), "--dialogue", "tid", "--format", "json")
    assert result.code == 0, result.err
    roles = {p.get("person") or json.dumps(p.get("organisation")): p["role"] for p in json.loads(result.out)["participants"]}
    assert roles["wang-mei-hua"] == "co-chair" and roles["sabine-weyand"] == "co-chair"
    assert roles["keith-krach"] == "lead"
    assert not any(k.startswith("{") for k in roles)  # no one drafted twice as someone people.yaml lacks


def test_the_principals_who_met_to_launch_an_initiative_are_its_leads(tmp_path):
    text = ("date 2031-03-08\nWASHINGTON – Deputy Trade Representative Sarah Bianchi and Minister-Without-Portfolio John Deng "
            "met today virtually and launched the U.S.-Taiwan Initiative on 21st-Century Trade.\n")
    result = run("draft", str(_write(tmp_path, "a.txt", text)), "--format", "json")
    assert result.code == 0, result.err
    roles = {p.get("person"): p["role"] for p in json.loads(result.out)["participants"]}
    assert roles == {"sarah-bianchi": "lead", "john-deng": "lead"}


# ---------------------------------------------------------------- topics: the agreement itself, lists joined by "and"

def test_a_meeting_of_a_trade_negotiation_has_the_agreement_s_own_topic_labelled_as_the_article_names_it(tmp_path):
    text = "美台21世紀貿易倡議首次會議在華府舉行，雙方同意舉行更多對話。\n"
    topics = _draft_json(_write(tmp_path, "a.txt", text))["topics"]
    assert topics[0]["topic"] == "trade" and topics[0]["label"]["zh"] in text  # the initiative as the article names it


def test_english_lists_joined_by_and_alone_or_introduced_by_included_give_their_topics(tmp_path):
    text = ("date 2031-03-08\nTaiwan and the European Union on Friday held the Trade and Investment Dialogue in Brussels, "
            "with discussions focusing on economic security and the resilience of semiconductor supply chains. "
            "Topics for conversation included energy transition, critical minerals, and talent.\n")
    headline = {t["topic"] for t in _draft_json(_write(tmp_path, "a.txt", text))["topics"]}
    assert headline >= {"economic-security", "supply-chains", "energy-transition", "critical-minerals", "talent"}


def test_the_words_an_article_uses_for_a_topic_are_its_aliases(tmp_path):
    text = "date 2031-03-08\n第九屆台美「經濟繁榮夥伴對話」7日舉行，雙方討論因應經濟壓迫、分享資訊等議題。\n"
    assert {t["topic"] for t in _draft_json(_write(tmp_path, "a.txt", text))["topics"]} == {"economic-coercion", "information-sharing"}


def test_a_generic_name_in_a_story_about_another_partner_is_not_that_dialogue(tmp_path):
    text = "date 2031-03-08\n台灣與英國7日在倫敦簽署數位貿易協議。\n"
    result = run("draft", str(_write(tmp_path, "a.txt", text)), "--format", "json")
    assert result.code == 2 and "the article is about no known dialogue" in result.err  # not the agreement with Japan
    assert _draft_json(_write(tmp_path, "b.txt", text.replace("英國", "日本")))["dialogue"] == "tw-jp-digital-trade"


def test_a_meeting_after_the_latest_round_without_a_number_gets_no_number_but_a_note(tmp_path):
    text = "date 2031-03-08\n台美「經濟繁榮夥伴對話」7日在台北舉行，雙方就供應鏈交換意見。\n"
    result = run("draft", str(_write(tmp_path, "a.txt", text)), "--format", "json")
    assert result.code == 0, result.err
    draft = json.loads(result.out)
    assert "round" not in draft and draft["date"] == "2031-03-07"
    assert "note: round: the article gives no round number; the next after eppd-" in result.err


def test_areas_after_a_dash_and_one_subject_after_views_about_give_their_topics(tmp_path):
    text = ("date 2031-03-08\nTaiwan and the United Kingdom on Friday signed the Enhanced Trade Partnership arrangement, "
            "a framework for three areas—investment, energy and net-zero emissions, and digital trade. "
            "Both sides also exchanged views about strengthening the sharing of information.\n")
    headline = {t["topic"] for t in _draft_json(_write(tmp_path, "a.txt", text))["topics"]}
    assert headline >= {"investment", "energy-transition", "digital-trade", "information-sharing"}


def test_a_date_in_a_clause_about_what_is_still_to_come_is_not_the_meeting_s(tmp_path):
    text = "date 2031-03-08\nThe Economic Prosperity Partnership Dialogue will meet on Friday (March 14) in Taipei.\n"
    result = run("draft", str(_write(tmp_path, "a.txt", text)), "--format", "json")
    assert result.code == 0, result.err
    assert "date" not in json.loads(result.out)


def test_the_first_person_of_a_delegation_list_heads_it_unless_someone_led_it(tmp_path):
    text = ("date 2031-03-08\nThe ninth Economic Prosperity Partnership Dialogue was held on Friday in Washington. "
            "The Taiwan delegation included Minister without Portfolio John Deng and Minister of Economic Affairs Wang Mei-hua. "
            "Led by Keith Krach, the U.S. delegation included David Stilwell.\n")
    roles = {p["person"]: p["role"] for p in _draft_json(_write(tmp_path, "a.txt", text))["participants"]}
    assert roles["john-deng"] == "lead" and roles["wang-mei-hua"] == "participant"
    assert roles["keith-krach"] == "lead" and roles["david-stilwell"] == "participant"


def test_a_single_word_inside_a_long_english_item_is_not_its_topic_and_labels_drop_including(tmp_path):
    text = ("date 2031-03-08\nThe ninth Economic Prosperity Partnership Dialogue was held on Friday and discussed "
            "both horizontal strategic trade issues and critical minerals.\n")
    result = run("draft", str(_write(tmp_path, "a.txt", text)), "--format", "json")
    topics = {t["topic"]: t["label"] for t in json.loads(result.out)["topics"]}
    assert "trade" not in topics and "critical-minerals" in topics
    assert "note: topic not in the taxonomy: 'both horizontal strategic trade issues'" in result.err
    zh = "date 2031-03-08\n第九屆台美「經濟繁榮夥伴對話」7日舉行，雙方討論包括關鍵礦物、人才培育等議題。\n"
    labels = {t["topic"]: t["label"] for t in _draft_json(_write(tmp_path, "b.txt", zh))["topics"]}
    assert labels["critical-minerals"] == {"zh": "關鍵礦物"}
