"""The shipped data: every fact sourced, the founding articles' facts present, uncertainty visible."""

from __future__ import annotations

import datetime
import json

import pytest
from conftest import DATA, run

from tracker.data.load import check


@pytest.fixture(scope="module")
def ds():
    ds, problems = check(str(DATA), datetime.date(2026, 12, 5))
    assert ds is not None, problems
    return ds


def test_validate_is_clean_and_strict():
    result = run("validate", "--strict")
    assert result.code == 0, result.err
    assert result.err == ""


def test_every_record_and_every_item_cites_a_source(ds):
    for r in [*ds.rounds.values(), *ds.documents.values(), *ds.dialogues.values()]:
        assert r.sources, r.id
    for r in ds.rounds.values():
        items = [*r.participants, *r.topics, *r.working_groups, *r.follow_ups, *r.notes]
        items += [o for t in r.topics for o in t.outcomes]
        for item in items:
            assert item.sources, f"{r.id}: {item}"
        for d in r.disputed:
            assert all(v.sources for v in d.versions), r.id


def names(ds, round_id, headline=True):
    return [ds.topics[t.topic].id for t in ds.rounds[round_id].topics if t.headline or not headline]


def test_the_first_rounds_seven_topics(ds):
    assert names(ds, "eppd-1") == [
        "science-technology", "5g-telecom-security", "supply-chains", "womens-economic-empowerment",
        "infrastructure-cooperation", "investment-screening", "global-health-security",
    ]
    labels = [t.label.zh for t in ds.rounds["eppd-1"].topics if t.headline]
    assert labels == ["科學與技術", "5G及電信安全", "供應鏈", "婦女經濟賦權", "基礎建設合作", "投資審查", "全球健康安全"]


def test_the_sixth_rounds_seven_topics(ds):
    assert names(ds, "eppd-6") == [
        "ai-supply-chain", "digital-infrastructure", "critical-minerals", "drone-supply-chain", "talent",
        "third-country-cooperation", "bilateral-economic-cooperation",
    ]


def test_dde_round_2s_six_areas(ds):
    assert len(names(ds, "dde-2")) == 6
    labels = {t.label.zh for t in ds.rounds["dde-2"].topics if t.headline}
    assert labels == {"研究與科技合作", "區塊鏈", "AI", "資安產業認證", "資料經濟", "歐亞數位連結"}


def test_the_mou_term_and_the_renewal(ds):
    mou = ds.documents["eppd-mou-2020"]
    assert (mou.term.years, mou.term.extendable_years) == (5, 5)
    assert str(mou.date) == "2020-11-20" and mou.round == "eppd-1"
    assert ds.documents["eppd-mou-renewal-2024"].renews == "eppd-mou-2020"
    assert ds.dialogues["eppd"].founding_documents == ("eppd-mou-2020",)


def test_the_business_alliance(ds):
    launch = ds.rounds["tuba-launch"]
    assert str(launch.date) == "2020-08-13"
    assert len([t for t in launch.topics if t.headline]) == 5
    texts = " ".join(n.text.en or "" for n in launch.notes)
    assert "1,000" in texts


def test_leads_of_each_eppd_round(ds):
    leads = {r.round: {p.person for p in r.leads} for r in ds.rounds.values() if r.dialogue == "eppd"}
    assert leads[1] == {"keith-krach", "john-deng"}
    assert leads[6] == {"kung-ming-hsin", "jacob-helberg"}
    assert "jose-fernandez" in leads[2] | leads[3] | leads[4] | leads[5]


def test_uncertainty_is_visible(ds):
    r3 = ds.rounds["eppd-3"]
    assert str(r3.date) == "2022-12-14" and r3.format is None  # the day HK01 gives, unverified
    assert "date" in {u.about for u in r3.unverified}
    assert {"date", "format"} <= {d.about for d in r3.disputed}
    weak = {s.id for r in ds.rounds.values() for s in r.sources if s.weak}
    assert weak, "weak sources are marked"
    garverick = next(p for p in ds.rounds["eppd-5"].participants if p.person == "robert-garverick")
    assert garverick.unverified, "a fact resting only on a copy of a release is marked"


def test_notes_name_their_sources_as_a_reader_would(ds, tmp_path):
    """No data file, nothing show prints and nothing exported speaks of "the seed article" (種子報導)."""
    import re

    pattern = re.compile(r"seed|種子", re.IGNORECASE)
    for path in sorted(DATA.rglob("*.yaml")):
        assert not pattern.search(path.read_text(encoding="utf-8")), path
    for ident in ("eppd-1", "eppd-6", "dde-2", "tuba-launch"):
        for lang in ("en", "zh"):
            result = run("--lang", lang, "show", ident)
            assert result.code == 0, result.err
            assert not pattern.search(result.out), (ident, lang)
    assert run("export", "json", str(tmp_path / "all.json")).code == 0
    assert not pattern.search((tmp_path / "all.json").read_text(encoding="utf-8"))


def test_the_reciprocal_trade_agreement_and_the_tariff_package(ds):
    art = ds.documents["tw-us-art-2026"]
    assert str(art.date) == "2026-02-12" and not art.unverified
    signing = ds.rounds["art-signing"]
    assert not signing.unverified and not any(p.unverified for p in signing.participants)
    assert str(signing.date) == "2026-02-12"
    assert not any(p.unverified for p in art.signatories)
    mou = ds.documents["tw-us-investment-mou-2026"]
    assert str(mou.date) == "2026-01-15"
    package = " ".join(n.text.en for n in ds.documents["tw-us-tariff-agreement-2026"].notes)
    assert art.title.en.split(" (")[0] in package and "MOU on investment cooperation" in package


def test_the_first_agreement_has_its_official_name(ds):
    first = ds.documents["ustti-first-agreement-2023"]
    assert first.title.zh == "台美21世紀貿易倡議首批協定"
    assert first.title.en == "U.S.-Taiwan Initiative on 21st-Century Trade First Agreement"
    assert "良好法制作業" in first.summary.zh


def test_the_other_tracks_interleave_by_partner():
    us = [e for e in json.loads(run("timeline", "--partner", "us", "--format", "json").out) if e["kind"] != "document"]
    dialogues = [e["dialogue"] for e in us]
    assert {"eppd", "tuba", "ustti", "ttic", "art"} <= set(dialogues)
    dates = [e["date"] for e in us if e["date"]]
    assert dates == sorted(dates)
    assert dialogues.index("tuba") < dialogues.index("ttic") < dialogues.index("art")
    for partner, expected in (("eu", {"dde", "tid"}), ("uk", {"etp"}), ("jp", {"tw-jp-digital-trade"})):
        got = {e["dialogue"] for e in json.loads(run("timeline", "--partner", partner, "--format", "json").out)}
        assert expected <= got, partner


def test_topics_show_the_themes_the_tracks_share_with_the_eppd():
    data = json.loads(run("topics", "--format", "json").out)
    theme_of = {t["id"]: t["theme"] for t in data["topics"]}
    rounds_by_theme: dict = {}
    for row in data["matrix"]:
        for r in row["rounds"]:
            rounds_by_theme.setdefault(row["theme"], set()).add(r.split("-")[0])
    for theme in ("supply-chains", "digital-economy", "energy-transition", "economic-coercion", "investment"):
        dialogues = rounds_by_theme[theme]
        assert "eppd" in dialogues and dialogues - {"eppd"}, theme
    assert theme_of["double-taxation"] == "tax"
