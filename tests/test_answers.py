"""Answers a reader can quote: one number with one definition, dates at their precision,
pairings the data supports, help that finds the way, natural Chinese, readers' words."""

from __future__ import annotations

import datetime
import json

import pytest
from conftest import DATA, TODAY, round_date, run
from hypothesis import given
from hypothesis import strategies as st

import tracker
from tracker.data.model import PartialDate
from tracker.output.compare import comparison_object
from tracker.output.words import date_words, delivered_words, elapsed_words


@pytest.fixture(scope="module")
def ds():
    return tracker.load(DATA, today=TODAY)


# ---------------------------------------------------------------- one number, one definition


def _status_by(row: dict, date: str | None) -> str:
    """What `commitments` says of a commitment, read as of ``date``: a status that rests on
    evidence holds from the date of its first piece of evidence; before it, the promise was
    only announced."""
    if date is None or row["status"] not in ("delivered", "in-progress", "lapsed"):
        return row["status"]
    first = row["evidence"][0]["date"] if row["evidence"] else None
    # dates as precise as known: a first piece of evidence dated 2024 counts by any day of 2024
    return row["status"] if first is not None and first[: len(date)] <= date[: len(first)] else "announced"


def test_compare_counts_the_commitments_as_the_commitments_command_does_for_every_pair_of_rounds(ds):
    rows = json.loads(run("commitments", "--format", "json").out)
    rounds = sorted(ds.rounds)
    assert len(rounds) >= 20
    checked = 0
    for a in rounds:
        mine = [r for r in rows if r["round"] == a]
        for b in rounds:
            c = tracker.compare(ds, a, b)
            got = comparison_object(ds, c)["commitments"]
            date = got["as_of"]
            want = {k: sum(1 for r in mine if _status_by(r, date) == k) for k in ("delivered", "in-progress", "lapsed", "announced", "unknown")}
            assert got == {"as_of": date, "total": len(mine), **want}, (a, b)
            delivered = [d["commitment"] for d in comparison_object(ds, c)["delivered"]]
            assert delivered == [r["id"] for r in mine if _status_by(r, date) == "delivered"], (a, b)
            checked += 1
    assert checked == len(rounds) ** 2


def test_compare_says_what_it_counts_in_the_words_of_commitments():
    en = run("compare", "1", "6").out
    assert "3 of EPPD round 1's 6 commitments delivered, 1 in progress by 27 January 2026." in en
    listed = run("commitments", "--dialogue", "eppd", environ={"COLUMNS": "200"}).out
    assert "delivered" in listed and "in progress" in listed
    zh = run("compare", "1", "6", "--lang", "zh").out
    assert "EPPD 第1屆的6項承諾中，至2026年1月27日已兌現3項、進行中1項。" in zh
    assert "had been delivered" not in en and "eppd-1's" not in en


def test_compare_counts_only_what_had_happened_by_the_later_round():
    data = json.loads(run("compare", "1", "2", "--format", "json").out)
    assert data["commitments"] == {"as_of": "2021-11-22", "total": 6, "delivered": 2, "in-progress": 0, "lapsed": 0, "announced": 2, "unknown": 2}
    assert "2 of EPPD round 1's 6 commitments delivered by 22 November 2021." in run("compare", "1", "2").out


# ---------------------------------------------------------------- dates at their precision



@st.composite
def partial_dates(draw):
    year = draw(st.integers(1990, 2030))
    month = draw(st.one_of(st.none(), st.integers(1, 12)))
    day = draw(st.one_of(st.none(), st.integers(1, 28))) if month else None
    return PartialDate(year, month, day)


@given(partial_dates(), partial_dates())
def test_a_span_is_never_more_precise_than_its_dates(a, b):
    for lang in ("en", "zh"):
        said = elapsed_words(a, b, lang) + elapsed_words(a, b, lang, ago=True)
        if a.day is None or b.day is None:
            assert "day" not in said and "天" not in said, (a, b, said)
        if a.month is None or b.month is None:
            assert "month" not in said and "月" not in said, (a, b, said)
        if said and (a.day is None or b.day is None) and "same" not in said and "同" not in said:
            assert said.startswith(("about ", "約")), (a, b, said)


def test_spans_and_dates_in_words():
    d = PartialDate.parse
    assert delivered_words(d("2020-11-20"), d("2024"), "en") == "delivered in 2024, about 3 years later"
    assert delivered_words(d("2020-11-20"), d("2024"), "zh") == "2024年兌現，約3年後"
    assert delivered_words(d("2020-11-20"), d("2020-12-15"), "en") == "delivered on 15 December 2020, 25 days later"
    assert elapsed_words(d("2022-05"), d("2023-07"), "en") == "about 1 year 2 months later"
    assert elapsed_words(d("2023-12-08"), d("2026-11-21"), "en", ago=True) == "2 years 11 months ago"
    assert elapsed_words(d("2024"), d("2024-03-01"), "en") == "the same year"
    assert elapsed_words(d("2024-03-01"), d("2024"), "en") == "the same year"
    assert (date_words(d("2026"), "en"), date_words(d("2026-01"), "en"), date_words(d("2026-01-27"), "zh")) == ("2026", "January 2026", "2026年1月27日")


def test_commitments_say_when_a_delivery_came_at_the_precision_of_its_dates():
    out = run("commitments", "--status", "delivered", environ={"COLUMNS": "200"}).out
    assert "delivered in 2024, about 3 years later: Renewal of the EPPD memorandum of understanding" in out
    days = (datetime.date(2020, 12, 15) - round_date("eppd-1").first_day()).days  # the S&T agreement's signing
    assert f"delivered on 15 December 2020, {days} days later" in out
    assert "1137" not in out and " days)" not in out
    zh = run("commitments", "--status", "delivered", "--lang", "zh", environ={"COLUMNS": "200"}).out
    assert "2024年兌現，約3年後：" in zh


# ---------------------------------------------------------------- pairings the data supports


def test_no_topic_evolves_into_another_without_a_recorded_lineage(ds):
    assert not any(t.evolved_from for t in ds.topics.values())  # no source at hand records one
    rounds = sorted(ds.rounds)
    for a in rounds:
        for b in rounds:
            assert tracker.compare(ds, a, b).evolved == tracker.compare(ds, a, b, all_topics=True).evolved == ()


def test_all_topics_adds_to_the_counts_and_never_moves_a_topic(ds):
    rounds = sorted(ds.rounds)
    for a in rounds:
        for b in rounds:
            short, full = tracker.compare(ds, a, b), tracker.compare(ds, a, b, all_topics=True)
            for key in ("added", "dropped"):
                assert {t.topic for t in getattr(short, key)} <= {t.topic for t in getattr(full, key)}, (a, b, key)
            assert {p.a.topic for p in short.continued} <= {p.a.topic for p in full.continued}, (a, b)
            moved = {p.a.topic for p in full.continued} & {t.topic for t in (*short.added, *short.dropped)}
            assert not moved, (a, b, moved)


def test_a_recorded_lineage_pairs_two_topics_and_the_help_says_what_continued_means(tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    topics = (data / "topics.yaml").read_text(encoding="utf-8")
    head, sep, tail = topics.rpartition("  - id: digital-infrastructure\n")  # the topic, after the theme
    topics = head + sep + "    evolved_from: [5g-telecom-security]\n    lineage_source: a test of the lineage\n" + tail
    assert "evolved_from" in topics
    (data / "topics.yaml").write_text(topics, encoding="utf-8")
    out = run("--data-dir", str(data), "compare", "1", "6").out
    assert "~ Evolved (1)" in out and "5G and telecom security → Digital infrastructure" in out
    plain = run("compare", "1", "6").out
    assert "~ Evolved (0)" in plain and "→ Digital infrastructure" not in plain
    helped = " ".join(run("compare", "--help", environ={"COLUMNS": "200"}).out.split())
    assert "Continued: a topic both rounds discussed, on the official agenda of at least one." in helped
    assert "never paired by theme alone" in helped


# ---------------------------------------------------------------- help that finds the way


@pytest.mark.parametrize("args, hint", [
    (["show", "eppd", "6"], "did you mean `tracker show eppd:6`?"),
    (["show", "dde", "2"], "did you mean `tracker show dde:2`?"),
    (["compare", "eppd", "1", "6"], "did you mean `tracker compare eppd:1 eppd:6`?"),
    (["compare", "1"], "for example: tracker compare 1 6"),
    (["show"], "for example: tracker show 6"),
    (["list", "--topic", "chips"], "did you mean 'supply-chains' (also called semiconductor chips)?"),
    (["list", "--topic", "rare earth"], "did you mean 'critical-minerals' (also called rare earths)?"),
])
def test_a_refused_command_line_shows_the_way(args, hint):
    result = run(*args)
    assert result.code == 2 and result.out == ""
    assert hint in result.err and len(result.err.splitlines()) == 1, result.err


def test_the_data_says_how_current_it_is_in_help_and_under_the_list():
    latest = max(r.last_verified for r in tracker.load(DATA, today=TODAY).rounds.values()).first_day()
    said = f"{latest.day} {latest.strftime('%B')} {latest.year}"
    helped = " ".join(run("--help", environ={"COLUMNS": "200", "TRACKER_DATA_DIR": str(DATA)}).out.split())
    assert f"Data as of {said} (the latest check of a record)." in helped
    assert run("list").out.splitlines()[-1] == f"Data as of {said} (the latest check of a record)."
    assert run("list", "--lang", "zh").out.splitlines()[-1] == f"資料截至{latest.year}年{latest.month}月{latest.day}日（紀錄最近一次查核）。"


# ---------------------------------------------------------------- natural Traditional Chinese

ZH_COMMANDS = [
    ["list"], ["list", "--all"], ["show", "6"], ["show", "6", "--full"], ["show", "eppd:1", "--full"], ["show", "dde:2", "--full"],
    ["compare", "1", "6"], ["compare", "1", "6", "--detail"], ["timeline", "--partner", "us"], ["timeline", "--with-follow-ups"],
    ["topics"], ["topics", "critical-minerals"], ["search", "semiconductor"], ["commitments"],
]


def _leaves(obj, seen=None):
    """Every ``Text`` and plain string inside the data's records, each object once."""
    import dataclasses

    from tracker.data.model import Text

    seen = set() if seen is None else seen
    if id(obj) in seen:
        return
    seen.add(id(obj))
    if isinstance(obj, (str, Text)):
        yield obj
    elif isinstance(obj, (list, tuple)):
        for x in obj:
            yield from _leaves(x, seen)
    elif isinstance(obj, dict):
        for x in obj.values():
            yield from _leaves(x, seen)
    elif dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            yield from _leaves(getattr(obj, f.name, None), seen)


@pytest.mark.parametrize("args", ZH_COMMANDS + [a for a in (["timeline"], ["timeline", "--detail"], ["topics", "--taxonomy"],
                                                            ["compare", "1", "6", "--all-topics"], ["search", "半導體", "--all"])]
                         + [["show", r, *full] for r in tracker.load(DATA, today=TODAY).rounds for full in ([], ["--full"])],
                         ids=" ".join)
def test_chinese_output_uses_full_width_punctuation_next_to_chinese(args):
    import re

    out = " ".join(run(*args, "--lang", "zh", environ={"COLUMNS": "400"}).out.split())
    pattern = r"[\u3400-\u9fff] ?[(),]|[(),] ?[\u3400-\u9fff]"  # a space between makes no difference
    bad = [out[max(0, m.start() - 30): m.end() + 30] for m in re.finditer(pattern, out)]
    assert not bad


# ---------------------------------------------------------------- readers' words


# Every answer drawn for a person, in every form the sweep of readers' words covers.
READER_COMMANDS = [
    ["list"], ["list", "--all"], ["compare", "1", "6"], ["compare", "1", "6", "--detail"], ["compare", "1", "6", "--all-topics"],
    ["timeline"], ["timeline", "--partner", "us"], ["timeline", "--detail"], ["timeline", "--with-follow-ups"],
    ["commitments"], ["topics"], ["topics", "--taxonomy"], ["topics", "critical-minerals"],
    ["search", "semiconductor"], ["search", "semiconductor", "--all"], ["search", "半導體", "--all"],
]


def _record_ids(ds) -> tuple[set[str], set[str]]:
    """The data's record IDs a reader must never meet (rounds, documents, dialogues, people,
    sources), and the IDs of topics, themes and outcomes, which a reader may meet as plain words
    (``e-invoicing``) and so only count where the data's own prose does not use them."""
    records = set(ds.rounds) | set(ds.documents) | set(ds.dialogues) | set(ds.people)
    for item in (*ds.rounds.values(), *ds.documents.values()):
        records |= {s.id for s in getattr(item, "sources", ())}
    words = {t for t in (*ds.topics, *ds.themes) if "-" in t} | {o.split("/", 1)[1] for o in ds.outcomes}
    prose = [x for leaf in _leaves(list(ds.rounds.values()) + list(ds.documents.values()))
             if not isinstance(leaf, str) for x in (leaf.en, leaf.zh) if x]
    said = "\n".join(prose)
    words = {w for w in words if w not in said}
    return {i for i in records if i.isascii()}, words


def _find_ids(text: str, ids: set[str]) -> list[str]:
    import re

    pattern = re.compile(r"(?<![\w/:.@#-])(" + "|".join(sorted(map(re.escape, ids), key=len, reverse=True)) + r")(?![\w-])")
    return pattern.findall(text)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_answer_shows_a_record_id_or_a_curators_word(lang, ds):
    """IDs stay in the JSON and where a user types them (hints, and the taxonomy's ID column, which
    lists what --topic takes); answers name records in words."""
    import re

    records, words = _record_ids(ds)
    curators = re.compile(r"\(also mentioned\)|Last verified|（亦提及）|最後查核|\(see (?!below)|（(?:參)?見(?!下方) ?[a-z]|follow_ups")
    commands = READER_COMMANDS + [["show", r] for r in ds.rounds] + [["show", r, "--full"] for r in ds.rounds]
    found = []
    for args in commands:
        res = run(*args, "--lang", lang, environ={"COLUMNS": "200"})
        assert res.code == 0, (args, res.err)
        for line in res.out.splitlines():
            if "tracker " in line or "--" in line:  # a hint: what to type
                continue
            hits = _find_ids(line, records) + curators.findall(line)
            if args[:2] != ["topics", "--taxonomy"]:
                hits += _find_ids(line, words)
            found += [(" ".join(args), h, line.strip()) for h in hits]
    assert found == []


def test_a_lead_is_named_as_chinese_writes_it():
    out = run("show", "6", "--lang", "zh").out
    import re

    assert re.search("龔明鑫 — [臺台]灣經濟部長", out) and "經濟部長，" not in out  # Taiwan as the round writes it
    assert "美國美國" not in run("show", "6", "--full", "--lang", "zh").out


def _variant(name: str) -> str:
    return name.translate(str.maketrans("臺台", "台臺"))


@pytest.mark.parametrize("args", READER_COMMANDS + [["show", "6"], ["show", "6", "--full"], ["show", "dde:1", "--full"], ["show", "eppd:1"]],
                         ids=" ".join)
def test_no_chinese_answer_writes_a_name_with_both_forms_of_tai(args, ds):
    """臺 or 台, as the name's owner writes it, and one form per name within an answer: a name of the
    data never next to its other form, and no other word (臺灣 itself, 台北) written both ways."""
    import re

    from tracker.output.terminal import Writer  # noqa: F401 - the names the output keeps whole

    out = run(*args, "--lang", "zh", environ={"COLUMNS": "400"}).out
    flat = "".join(out.split())
    names = {n for n in _zh_names(ds) if "臺" in n or "台" in n}
    both = sorted(n for n in names if n in flat and _variant(n) in flat and _variant(n) not in names)
    assert both == []
    for n in sorted(names, key=len, reverse=True):  # the rest, outside the data's names
        flat = flat.replace(n, "|")
    words = set(re.findall(r"[臺台][\u3400-\u9fff]", flat))
    assert sorted(w for w in words if _variant(w) in words and w[0] == "臺") == []


def _zh_names(ds) -> set[str]:
    """Every Chinese name of the data: people, places, organisations, dialogues, partners, topics,
    themes, publishers, working groups and documents' titles."""
    from tracker.rules import display_name

    found = set()
    for group in (ds.people, ds.dialogues, ds.partners, ds.topics, ds.themes):
        found |= {x.name.zh for x in group.values() if x.name and x.name.zh}
    for d in ds.documents.values():
        found |= {d.title.zh} if d.title and d.title.zh else set()
    for r in ds.rounds.values():
        found |= {v.zh for v in r.venues if v.zh}
        found |= {s.publisher.zh for s in r.sources if s.publisher and s.publisher.zh}
        found |= {g.name.zh for g in r.working_groups if g.name and g.name.zh}
        for p in r.participants:
            for text in (display_name(ds.people, p), p.organisation):
                if text and text.zh:
                    found.add(text.zh)
    return found


def test_chinese_answers_never_put_english_wording_in_mid_sentence_and_mark_an_english_only_title():
    full = run("show", "6", "--full", "--lang", "zh", environ={"COLUMNS": "400"}).out
    assert "經濟脅迫 — Progress on economic coercion" not in full and "經濟脅迫" in full  # the topic's Chinese name stands
    timeline = run("timeline", "--partner", "us", "--lang", "zh", environ={"COLUMNS": "400"}).out
    assert "TECRO–AIT Agreement on Scientific and Technological Cooperation（僅有英文名稱）" in timeline
