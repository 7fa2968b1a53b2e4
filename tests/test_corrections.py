"""The corrections and additions of the data review of 2026-12-05, each pinned as a reader sees it:
names, titles, leads, the notes that used to contradict their sources, the four missing events,
source kinds, archived copies and the likely-duplicate warning."""

from __future__ import annotations

import pytest
from conftest import DATA, TODAY, run
from test_data_errors import build

import tracker


@pytest.fixture(scope="module")
def ds():
    return tracker.load(str(DATA), today=TODAY)


def texts(record) -> str:
    """Every English and Chinese note text of a record, joined."""
    return " ".join(f"{n.text.en or ''} {n.text.zh or ''}" for n in record.notes)


def test_names(ds):
    assert ds.people["ruth-bradley-jones"].name.zh == "包瓊郁"
    assert ds.people["曾厚仁"].name.en == "Harry Tseng" and not ds.people["曾厚仁"].unverified
    kiang = ds.people["江文若"]
    assert kiang.name.en is None and kiang.unverified  # no source on record gives an English form
    assert ds.people["douglas-alexander"].name.zh == "亞歷山大"
    everything = "".join(p.read_text(encoding="utf-8") for p in DATA.rglob("*.yaml"))
    assert everything.count("包瓊鬱") == 2  # only in the note that says it is wrong (both languages)


def test_investment_mou_title_and_parties(ds):
    mou = ds.documents["tw-us-investment-mou-2026"]
    assert mou.title.zh == "台美投資合作備忘錄"
    assert mou.title.en == "Taiwan-U.S. MOU on investment cooperation"
    assert [p.en for p in mou.parties] == ["American Institute in Taiwan (AIT)", "Taipei Economic and Cultural Representative Office in the US (TECRO)"]
    assert "signers" not in texts(mou)
    assert "台美投資MOU於" not in ds.dialogues["art"].summary.zh


def test_kaohsiung_kobe_mou(ds):
    mou = ds.documents["kaohsiung-kobe-customs-mou-2025"]
    assert mou.title.zh == "地區海關合作備忘錄"
    assert {s.person for s in mou.signatories} == {"su-jia-chyuan", "shuzo-sumi"}
    assert not any(s.unverified for s in mou.signatories)  # the Liberty Times and ETtoday reports confirm them
    assert {"ltn-1734675", "ettoday-3078559"} <= {s.id for s in mou.sources if s.url}


def test_etp_arrangement_chinese_title(ds):
    doc = ds.documents["etp-arrangement-2023"]
    assert doc.title.zh == "提升貿易夥伴關係協議"
    assert "No Chinese title" not in texts(doc)


def test_taiwan_japan_chinese_text_uses_official_chinese_names(ds):
    records = [ds.dialogues["tw-jp-digital-trade"], ds.rounds["tw-jp-digital-trade-signing"],
               ds.documents["tw-jp-digital-trade-agreement-2025"], ds.documents["kaohsiung-kobe-customs-mou-2025"]]
    for rec in records:
        zh = " ".join(n.text.zh or "" for n in rec.notes) + (rec.summary.zh if getattr(rec, "summary", None) else "")
        for english in ("Taiwan-Japan Economic and Trade Conference", "Taiwan-Japan Relations Association", "Japan-Taiwan Exchange Association"):
            assert english not in zh, rec.id
    signing = ds.rounds["tw-jp-digital-trade-signing"]
    assert signing.name.zh == "台日數位貿易協議簽署（第49屆台日經濟貿易會議）"
    assert {p.organisation.zh for p in signing.participants} == {"台灣日本關係協會", "日本台灣交流協會"}


def test_tid_2023_co_chairs(ds):
    r = ds.rounds["tid-2023-04-28"]
    assert {p.person for p in r.leads} == {"sabine-weyand", "wang-mei-hua"}
    assert "do not name the participants" not in texts(r)


def test_tid_2025_confirmed_by_three_reports(ds):
    r = ds.rounds["tid-2025-12-12"]
    assert {"udn-9200871", "focustaiwan-202512130007", "taipeitimes-2025-12-14"} <= {s.id for s in r.sources}


def test_first_agreement_parties_and_proper_name(ds):
    doc = ds.documents["ustti-first-agreement-2023"]
    assert doc.parties[0].en == "American Institute in Taiwan (AIT)"
    assert "but not the parties" not in texts(doc)
    assert all("research used" not in (s.note.en if s.note else "") for s in doc.sources)
    for rid in ("ustti-signing", "ustti-conclusion", "ustti-mandate"):
        assert "first agreement" not in (DATA / "rounds" / f"{rid}.yaml").read_text(encoding="utf-8")
    assert "a first\n    agreement" not in (DATA / "dialogues" / "ustti.yaml").read_text(encoding="utf-8")
    assert ds.rounds["ustti-signing"].name.en == "Signing of the U.S.–Taiwan Initiative on 21st-Century Trade First Agreement"


def test_art_signing_leads():
    out = run("show", "art-signing").out
    assert "Leads          unknown" not in out
    assert "Cheng Li-chiun" in out and "Yang Jen-ni" in out and "Jamieson Greer" in out


def test_dde2_bost_office_is_stated_by_udn(ds):
    delegation = next(p for p in ds.rounds["dde-2"].participants if p.organisation and "BOST" in (p.organisation.en or ""))
    assert "outside knowledge" not in delegation.note.en and "udn-2020-dde2" in delegation.sources


def test_eppd2_forum_has_a_chinese_name(ds):
    outcome = ds.outcomes["eppd-2/digital-economy-forum"]
    assert "數位經濟論壇" in outcome.text.zh and "資料僅有英文名稱" not in outcome.text.zh


def test_eppd3_day_is_recorded_unverified_with_both_reports(ds):
    r = ds.rounds["eppd-3"]
    assert str(r.date) == "2022-12-14"
    assert "date" in {u.about for u in r.unverified}
    versions = next(d for d in r.disputed if d.about == "date").versions
    assert {s for v in versions for s in v.sources} == {"hk01-2022-12", "voa-2022-12"}


def test_four_missing_events(ds):
    first = ds.rounds["ustti-washington-2022-06"]
    assert str(first.date) == "2022-06-27" and first.venues[0].en == "Washington, D.C."
    law = next(f for f in ds.rounds["ustti-signing"].follow_ups if f.id == "implementation-act-signed-into-law")
    assert str(law.date) == "2023-08-07"
    closing = ds.rounds["art-tariff-talks-closing"]
    assert str(closing.date) == "2026-01-15"
    assert {p.person for p in closing.leads} == {"cheng-li-chiun", "yang-jen-ni", "howard-lutnick", "jamieson-greer"}
    framework = ds.documents["us-tw-infrastructure-framework-2020"]
    assert framework.title.zh == "美台基礎建設融資及市場建立合作架構" and str(framework.date) == "2020-09-17"
    assert "2020-10-29" in texts(framework)
    note = next(u for u in ds.rounds["eppd-1"].unverified if u.about == "infrastructure-framework").note.en
    assert "2020-09-17" in note and "signing date" not in note.split(".")[0]


def test_republished_copies_are_weak(ds):
    kinds = {s.id: s for r in ds.rounds.values() for s in r.sources}
    for sid in ("voa-2022-12", "tassco-reuters-2021-11", "caribbeanstreamingnetwork-etp", "cnfi-commercial-times-2021-11-24"):
        assert kinds[sid].kind == "copy" and kinds[sid].weak, sid
    assert kinds["tassco-reuters-2021-11"].copy_of.en == "Reuters report of 2021-11-23"
    assert kinds["hk01-2022-12"].kind == "news" and not kinds["hk01-2022-12"].weak


def test_a_fact_resting_on_a_copy_is_caught(tmp_path):
    result = run("validate", "--strict", str(build(tmp_path, "copy-sources-only")))
    assert result.code == 1 and "outcome 'study' rests only on weak sources (repost)" in result.err


def test_gone_source_shows_its_archived_copy(ds):
    fact_sheet = next(s for s in ds.rounds["eppd-1"].sources if s.id == "ait-fact-sheet")
    assert fact_sheet.gone and fact_sheet.archived.startswith("https://web-archive-2022.ait.org.tw/")
    out = run("show", "eppd-1", "--full").out
    assert "archived copy (the original page is gone)\n     https://web-archive-2022.ait.org.tw/fact-sheet-by-ait-tecro-us-taiwan-eppd/index~1.html" in out
    assert "[2] American Institute in Taiwan (AIT) · archived copy (the original page is gone)" in run("show", "eppd-1", environ={"COLUMNS": "200"}).out
    assert "封存副本（原網頁已失效）" in run("show", "eppd-1", "--lang", "zh").out
    assert "index~1.html> — archived copy" in run("show", "eppd-1", "--format", "markdown").out


def test_two_records_on_one_date_warn_and_strict_fails(tmp_path):
    data = str(build(tmp_path, "same-date-twice"))
    relaxed, strict = run("validate", data), run("validate", "--strict", data)
    assert relaxed.code == 0 and strict.code == 1
    assert "demo-visit.yaml:5:7: warning: demo 'demo-visit' has the same date (2021-03) as 'demo-2'" in relaxed.err
    assert "demo-2.yaml:4:7" in relaxed.err


def test_shipped_data_is_clean_under_strict():
    result = run("validate", "--strict", str(DATA))
    assert result.code == 0 and result.err == "", result.err
