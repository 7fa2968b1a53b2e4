"""Exports opened by the tools users open them with: sqlite3, icalendar, a JSON parse, an XML parse."""

from __future__ import annotations

import csv
import json
import sqlite3
import xml.etree.ElementTree as ET

import icalendar
import pytest

from conftest import DATA, run
from tracker.output import export


def test_sqlite_export_answers_real_questions(tmp_path):
    path = tmp_path / "dialogues.db"
    result = run("export", "sqlite", str(path))
    assert result.code == 0, result.err
    db = sqlite3.connect(path)
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"dialogues", "partners", "rounds", "people", "participants", "topics", "round_topics", "outcomes", "documents", "sources"} <= tables
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    # every round that discussed critical minerals, with its sources
    rows = db.execute(
        """SELECT DISTINCT r.id, s.url FROM rounds r
           JOIN round_topics rt ON rt.round_id = r.id
           JOIN sources s ON s.round_id = r.id
           WHERE rt.topic_id = 'critical-minerals' ORDER BY r.date"""
    ).fetchall()
    assert {r[0] for r in rows} >= {"eppd-6"}
    assert all(url is None or url.startswith("http") for _, url in rows)
    # who led each EPPD round, in both languages
    leads = db.execute(
        """SELECT r.round, p.name_en, p.name_zh FROM participants p JOIN rounds r ON p.round_id = r.id
           WHERE r.dialogue_id = 'eppd' AND p.role = 'lead' ORDER BY r.round"""
    ).fetchall()
    assert (1, "John Deng", "鄧振中") in leads
    # rounds per partner, through dialogues
    per_partner = dict(db.execute(
        "SELECT d.partner_id, count(*) FROM rounds r JOIN dialogues d ON r.dialogue_id = d.id GROUP BY d.partner_id"
    ).fetchall())
    assert per_partner["us"] >= 6 and per_partner["eu"] >= 2
    # full text, English and Chinese
    hits = {r[0] for r in db.execute(
        "SELECT t.record_id FROM texts_fts f JOIN texts t ON t.id = f.rowid WHERE texts_fts MATCH ?", ('"semiconductor"',))}
    assert "eppd-1" in hits
    zh = {r[0] for r in db.execute(
        "SELECT t.record_id FROM texts_fts f JOIN texts t ON t.id = f.rowid WHERE texts_fts MATCH ?", ('"關鍵礦物"',))}
    assert "eppd-6" in zh
    assert db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'idx_%'").fetchone()[0] >= 10


def test_ics_export_is_valid_and_stable(tmp_path):
    one, two = tmp_path / "a.ics", tmp_path / "b.ics"
    result = run("export", "ics", str(one))
    assert result.code == 0, result.err
    assert "ttic-2022-10" in result.err  # known only to the month: left out, and said so
    run("export", "ics", str(two))
    assert one.read_bytes() == two.read_bytes(), "UIDs and content are stable"
    cal = icalendar.Calendar.from_ical(one.read_bytes())
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    assert "eppd-1@tracker" in events and "ttic-2022-10@tracker" not in events
    e1 = events["eppd-1@tracker"]
    assert str(e1["DTSTART"].dt) == "2020-11-20" and str(e1["DTEND"].dt) == "2020-11-21"
    assert "EPPD" in str(e1["SUMMARY"]) and "Washington" in str(e1["LOCATION"])
    assert "https://www.cna.com.tw/" in str(e1["DESCRIPTION"])
    dde1 = events["dde-1@tracker"]  # two days: 4–5 June 2019
    assert str(dde1["DTSTART"].dt) == "2019-06-04" and str(dde1["DTEND"].dt) == "2019-06-06"
    for line in one.read_bytes().split(b"\r\n"):
        assert len(line) <= 75


def test_timelinejs_fields():
    result = run("timeline", "--partner", "us", "--format", "timelinejs")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["title"]["text"]["headline"]
    events = data["events"]
    assert events and len({e["unique_id"] for e in events}) == len(events)
    for e in events:
        assert set(e["start_date"]) <= {"year", "month", "day"} and "year" in e["start_date"]
        assert e["text"]["headline"] and "group" in e
    first = next(e for e in events if e["unique_id"] == "eppd-1")
    assert first["start_date"] == {"year": 2020, "month": 11, "day": 20} and first["group"] == "EPPD"


@pytest.mark.parametrize("args", [["timeline", "--partner", "us"], ["topics", "--dialogue", "eppd"]])
def test_pictures_are_what_the_terminal_shows(args, tmp_path):
    svg, html = tmp_path / "t.svg", tmp_path / "t.html"
    result = run(*args, "--svg", str(svg), "--html", str(html))
    assert result.code == 0, result.err
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    assert "EPPD" in svg.read_text(encoding="utf-8")
    assert "<html" in html.read_text(encoding="utf-8").lower()


def test_json_and_csv_exports_carry_the_sqlite_tables(tmp_path):
    path = tmp_path / "all.json"
    assert run("export", "json", str(path)).code == 0
    data = json.loads(path.read_text(encoding="utf-8"))
    assert list(data) == list(export.SCHEMA)
    for name, rows in data.items():
        assert all(list(row) == [c for c, _ in export.SCHEMA[name]] for row in rows)
    folder = tmp_path / "tables"
    assert run("export", "csv", str(folder), "--bom").code == 0
    for name in export.SCHEMA:
        raw = (folder / f"{name}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        header = next(csv.reader([raw.decode("utf-8-sig").splitlines()[0]]))
        assert header == [c for c, _ in export.SCHEMA[name]]
        assert len(list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))) == len(data[name])


# ---------------------------------------------------------------- the rules every writer follows


def test_no_overwrite_without_force(tmp_path):
    path = tmp_path / "x.db"
    path.write_text("precious")
    result = run("export", "sqlite", str(path))
    assert result.code == 3
    assert result.err.strip() == f"error: {path}: already exists (use --force to replace it)"
    assert path.read_text() == "precious"
    assert run("export", "sqlite", str(path), "--force").code == 0
    assert sqlite3.connect(path).execute("SELECT count(*) FROM rounds").fetchone()[0] > 0


def test_never_into_the_data_folder(tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    result = run("--data-dir", str(data), "export", "json", str(data / "rounds" / "x.json"))
    assert result.code == 3
    assert "will not write into the data folder" in result.err
    assert not (data / "rounds" / "x.json").exists()
    result = run("--data-dir", str(data), "timeline", "--svg", str(data / "t.svg"))
    assert result.code == 3 and not (data / "t.svg").exists()


def test_unwritable_and_missing_folders(tmp_path):
    result = run("export", "ics", str(tmp_path / "no" / "such" / "x.ics"))
    assert result.code == 3 and "does not exist" in result.err
    result = run("export", "csv", str(tmp_path / "no" / "such"))
    assert result.code == 3 and "does not exist" in result.err


def test_an_interrupted_export_leaves_nothing(tmp_path, monkeypatch):
    def boom(ds, path):
        with open(path, "w") as fh:
            fh.write("half")
        raise KeyboardInterrupt

    monkeypatch.setattr(export, "write_sqlite", boom)
    path = tmp_path / "x.db"
    result = run("export", "sqlite", str(path))
    assert result.code == 130
    assert list(tmp_path.iterdir()) == []
