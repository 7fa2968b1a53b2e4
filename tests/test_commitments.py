"""Promises and follow-through: every status rests on evidence with a source; nothing is inferred."""

from __future__ import annotations

import json

from conftest import round_date, run


def commitments(*args):
    result = run("commitments", "--format", "json", *args)
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_delivered_shows_the_2020_science_and_technology_agreement_with_date_and_source():
    rows = {r["id"]: r for r in commitments("--status", "delivered")}
    st = rows["eppd-1/st-agreement-talks"]
    assert st["status"] == "delivered" and st["date"] == str(round_date("eppd-1"))
    signing = [e for e in st["evidence"] if e["date"] == "2020-12-15"]
    assert signing, st["evidence"]
    assert any(s["url"] and "mofa.gov.tw" in s["url"] for e in signing for s in e["sources"])
    table = run("commitments", "--status", "delivered", environ={"COLUMNS": "300"}).out
    assert "15 December 2020" in table and "Science and Technology Agreement" in table


def test_every_status_beyond_announced_rests_on_sourced_evidence():
    rows = commitments()
    assert rows
    for r in rows:
        assert r["status"] in ("announced", "in-progress", "delivered", "lapsed", "unknown")
        if r["status"] in ("in-progress", "delivered", "lapsed"):
            assert r["evidence"], r["id"]
            assert all(e["sources"] for e in r["evidence"]), r["id"]
            assert all(e["date"] >= r["date"] for e in r["evidence"] if e["date"] and r["date"]), r["id"]


def test_the_commitments_named_in_the_research_are_there():
    rows = {r["id"]: r for r in commitments()}
    assert rows["eppd-1/working-groups"]["status"] == "delivered"
    assert rows["eppd-1/mou-extension"]["status"] == "delivered"
    assert rows["eppd-2/digital-economy-forum"]["due"] == "2022"
    assert rows["eppd-4/tax-agreement"]["status"] == "in-progress"
    assert any(e["record"] == "eppd-6" for e in rows["eppd-4/tax-agreement"]["evidence"])
    assert rows["eppd-6/working-groups"]["status"] == "announced"
    assert rows["dde-1/next-meeting-taiwan"]["status"] == "lapsed"
    assert rows["dde-2/third-dde"]["status"] == "unknown"


def test_filters():
    eu = commitments("--partner", "eu")
    assert eu and all(r["partner"] == "eu" for r in eu)
    assert all(r["date"] >= "2026" for r in commitments("--since", "2026"))
    assert all(r["status"] == "unknown" for r in commitments("--status", "unknown"))
    bad = run("commitments", "--status", "done")
    assert bad.code == 2 and bad.err.startswith(
        "error: invalid value for '--status' / '-s': 'done' is not one of 'announced', 'in-progress', 'delivered', 'lapsed', 'unknown'"
    )


def test_show_compare_and_timeline_carry_the_commitments():
    assert "Science and technology cooperation · 1 delivered" in run("show", "1", environ={"COLUMNS": "200"}).out
    assert "commitment: delivered" in run("show", "1", "--full").out
    shown = json.loads(run("show", "1", "--format", "json").out)
    st = next(o for t in shown["topics"] for o in t["outcomes"] if o["id"] == "eppd-1/st-agreement-talks")
    assert st["commitment"]["status"] == "delivered" and st["evidence"]
    compared = json.loads(run("compare", "eppd:1", "eppd:2", "--format", "json").out)
    assert any(d["commitment"] == "eppd-1/st-agreement-talks" for d in compared["delivered"])
    timeline = json.loads(run("timeline", "--partner", "us", "--with-follow-ups", "--format", "json").out)
    follow = [e for e in timeline if e["kind"] == "follow-up"]
    assert any(e["id"] == "eppd-1/st-agreement-signed" and e["date"] == "2020-12-15" for e in follow)
    plain = json.loads(run("timeline", "--partner", "us", "--format", "json").out)
    assert not any(e["kind"] == "follow-up" for e in plain)


def test_commitments_in_every_format_and_language():
    for fmt in ("table", "csv", "markdown", "json"):
        for lang in ("en", "zh"):
            result = run("commitments", "--format", fmt, "--lang", lang)
            assert result.code == 0 and result.out.strip()
