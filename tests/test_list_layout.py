"""`list` answers who, when and where: every lead's name whole, counts by kind, headings whole."""

from __future__ import annotations

import json
import re

import pytest
from conftest import run


def _leads(lang: str) -> list[str]:
    rows = json.loads(run("list", "--all", "--format", "json").out)
    other = "zh" if lang == "en" else "en"
    return sorted({p["name"][lang] or p["name"][other] for r in rows for p in r["leads"]})


@pytest.mark.parametrize("columns", [60, 80, 120, 200])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_leads_name_stands_whole_on_a_line(lang, columns):
    out = run("list", "--all", "--lang", lang, environ={"COLUMNS": str(columns)}).out
    lines = out.splitlines()
    missing = [name for name in _leads(lang) if not any(name in line for line in lines)]
    assert missing == []
    assert "…" not in out


def test_counts_are_named_by_kind_and_milestones_are_never_meetings():
    out = run("list", environ={"COLUMNS": "200"}).out
    assert "ETP — Taiwan–UK Enhanced Trade Partnership · United Kingdom · 2 signings · 1 meeting" in out
    everything = run("list", "--all", environ={"COLUMNS": "200"}).out
    heading = next(line for line in everything.splitlines() if line.startswith("USTTI"))
    assert heading.endswith("5 meetings · 1 signing · 1 mandate · 1 conclusion of talks · 1 entry into force")
    zh = run("list", "--lang", "zh", environ={"COLUMNS": "200"}).out
    assert "英國 · 2次簽署 · 1場會議" in zh


@pytest.mark.parametrize("columns", [60, 70, 80, 100])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_heading_never_leaves_its_count_alone_on_a_line(lang, columns):
    out = run("list", "--all", "--lang", lang, environ={"COLUMNS": str(columns)}).out
    count = r"\d+ ?(rounds?|meetings?|signings?|mandates?|屆|場會議|次簽署|項談判授權)"
    alone = [line for line in out.splitlines() if re.fullmatch(rf"{count}( · {count})*", line)]
    assert alone == []
    broken = [line for line in out.splitlines() if re.match(r"^[判權署議效]", line)]
    assert broken == []
