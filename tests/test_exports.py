"""Exports opened by the tools users open them with: sqlite3, Datasette, pandas, frictionless, icalendar, a JSON parse, an HTML and an XML parse."""

from __future__ import annotations

import csv
import datetime
import json
import sqlite3
import xml.etree.ElementTree as ET

import icalendar
import pytest
from conftest import DATA, round_date, run

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


def _datasette_get(db_path, metadata, *paths: str) -> list:
    """The JSON of each of ``paths`` as real Datasette serves it, in process."""
    import asyncio

    from datasette.app import Datasette

    async def get() -> list:
        app = Datasette([str(db_path)], metadata=metadata)
        await app.invoke_startup()
        out = []
        for path in paths:
            response = await app.client.get(path)
            assert response.status_code == 200, (path, response.text[:300])
            out.append(response.json() if ".json" in path else response.text)
        return out

    return asyncio.run(get())


def test_datasette_finds_chinese_and_english_through_the_search_box(tmp_path):
    from urllib.parse import quote

    from datasette.utils import detect_fts

    path, meta = tmp_path / "dialogues.db", tmp_path / "metadata.json"
    result = run("export", "sqlite", str(path), "--metadata", str(meta))
    assert result.code == 0, result.err
    assert f"wrote {meta}" in result.err
    # Datasette's own check finds the index of `texts`, so the table gets a search box
    assert detect_fts(sqlite3.connect(path), "texts") == "texts_fts"
    zh, en, page = _datasette_get(
        path, None,  # found without the metadata too
        "/dialogues/texts.json?_shape=objects&_size=max&_search=" + quote("半導體"),
        "/dialogues/texts.json?_shape=objects&_size=max&_search=semiconductor",
        "/dialogues/texts?_search=semiconductor",
    )
    assert {"eppd-1", "eppd-6"} <= {row["round_id"] for row in zh["rows"]}
    assert all("半導體" in row["text"] for row in zh["rows"])
    assert "eppd-1" in {row["round_id"] for row in en["rows"]}
    assert all("semiconductor" in row["text"].lower() for row in en["rows"])
    assert 'name="_search"' in page
    # with the metadata, a reference shows a name, not a bare ID
    rows, = _datasette_get(path, json.loads(meta.read_text(encoding="utf-8")),
                           "/dialogues/outcomes.json?_shape=objects&_labels=on&id=eppd-1/st-agreement-talks")
    assert rows["rows"][0]["round_id"] == {"value": "eppd-1", "label": "EPPD round 1"}
    assert rows["rows"][0]["topic_id"]["label"]


def test_sqlite_export_carries_every_kind_of_fact(tmp_path):
    path = tmp_path / "dialogues.db"
    assert run("export", "sqlite", str(path)).code == 0
    db = sqlite3.connect(path)
    db.row_factory = sqlite3.Row
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'texts_fts%'")]
    for name in tables:  # a primary key on every table
        assert any(c["pk"] for c in db.execute(f"PRAGMA table_info({name})")), name
    assert [r["name"] for r in db.execute("PRAGMA table_info(round_topics)") if r["pk"]] == ["round_id", "position"]
    eppd1 = db.execute("SELECT * FROM rounds WHERE id = 'eppd-1'").fetchone()
    assert (eppd1["label_en"], eppd1["date"], eppd1["date_precision"]) == ("EPPD round 1", str(round_date("eppd-1")), "day")
    assert db.execute("SELECT date_precision FROM rounds WHERE id = 'ttic-2022-10'").fetchone()[0] == "month"
    assert db.execute("SELECT event FROM rounds WHERE id = 'ustti-signing'").fetchone()[0] == "signing"
    assert {r[0] for r in db.execute("SELECT partner_id FROM documents")} >= {"us"}
    # a commitment with its due date and note, and the evidence that it was delivered, dated and sourced
    lapsed = db.execute("SELECT * FROM outcomes WHERE id = 'dde-1/next-meeting-taiwan'").fetchone()
    assert (lapsed["commitment_status"], lapsed["commitment_due"], lapsed["commitment_due_precision"]) == ("lapsed", "2020", "year")
    assert lapsed["commitment_note_en"]
    delivered = db.execute("SELECT * FROM commitments_evidence WHERE commitment_id = 'eppd-1/st-agreement-talks'").fetchall()
    assert delivered and all(r["evidence_date"] and r["evidence_urls"] for r in delivered)
    assert all(r["status"] == "delivered" for r in delivered)
    for table in ("follow_ups", "evidence", "working_groups", "notes", "disputes"):
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0, table
    fu = db.execute("SELECT * FROM follow_ups WHERE date IS NOT NULL AND source_urls IS NOT NULL LIMIT 1").fetchone()
    assert fu["date_precision"] in {"day", "month", "year"} and fu["source_urls"].startswith("http")
    # the views answer the README's questions
    leads = {(r["round_id"], r["name_en"]) for r in db.execute("SELECT * FROM round_leads")}
    assert ("eppd-1", "John Deng") in leads
    assert "eppd-6" in {r["round_id"] for r in db.execute("SELECT * FROM topic_rounds WHERE topic_id = 'critical-minerals'")}
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_the_metadata_path_is_checked_before_anything_is_written(tmp_path):
    path, meta = tmp_path / "dialogues.db", tmp_path / "metadata.json"
    meta.write_text("precious")
    result = run("export", "sqlite", str(path), "--metadata", str(meta))
    assert result.code == 3 and "already exists" in result.err
    assert meta.read_text() == "precious" and not path.exists()
    result = run("export", "sqlite", "-", "--metadata", "-")
    assert result.code == 2 and result.err.startswith("error: ")


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
    day = round_date("eppd-1")
    assert str(e1["DTSTART"].dt) == str(day) and e1["DTEND"].dt - e1["DTSTART"].dt == datetime.timedelta(days=1)
    assert "EPPD" in str(e1["SUMMARY"]) and "Washington" in str(e1["LOCATION"])
    assert "https://www.cna.com.tw/" in str(e1["DESCRIPTION"])
    dde1 = events["dde-1@tracker"]  # two days: 4–5 June 2019
    assert str(dde1["DTSTART"].dt) == "2019-06-04" and str(dde1["DTEND"].dt) == "2019-06-06"
    for line in one.read_bytes().split(b"\r\n"):
        assert len(line) <= 75


def test_ics_has_a_location_wherever_the_data_knows_the_place(tmp_path):
    import tracker

    path = tmp_path / "a.ics"
    assert run("export", "ics", str(path)).code == 0
    events = {str(e["UID"]).removesuffix("@tracker"): e for e in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")}
    ds = tracker.load(data_dir=str(DATA))
    for round_id, event in events.items():
        r = ds.rounds[round_id]
        knows_place = bool(r.venues) or r.format == "virtual"
        assert ("LOCATION" in event) == knows_place, round_id
    assert str(events["dde-2"]["LOCATION"]) == "Online (video)"  # held by video: the data's only place
    assert str(events["eppd-1"]["LOCATION"]) == "Washington, D.C.; Taipei (by video)"
    assert "Format: hybrid" in str(events["eppd-1"]["DESCRIPTION"])
    zh = tmp_path / "zh.ics"
    assert run("export", "ics", str(zh), "--lang", "zh").code == 0
    zh_events = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(zh.read_bytes()).walk("VEVENT")}
    assert str(zh_events["dde-2@tracker"]["LOCATION"]) == "線上（視訊）"


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
        assert not e["text"]["headline"].startswith(e["group"] + " "), "the group name stays out of the headline"
    first = next(e for e in events if e["unique_id"] == "eppd-1")
    day = round_date("eppd-1")
    assert first["start_date"] == {"year": day.year, "month": day.month, "day": day.day} and first["group"] == "EPPD"
    assert first["text"]["headline"] == "Round 1"


def _timelinejs_body(html_text: str) -> str:
    """The text a browser shows of an event's body, with each link as text [address]; and checks it parses."""
    from html.parser import HTMLParser

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.parts: list[str] = []

        def handle_starttag(self, tag, attrs):
            if tag == "a":
                self.parts.append("[" + dict(attrs)["href"] + "]")

        def handle_data(self, data):
            self.parts.append(data)

    parser = Text()
    parser.feed(html_text)
    parser.close()
    return "".join(parser.parts)


def test_timelinejs_bodies_give_place_format_leads_outcomes_and_linked_sources():
    result = run("timeline", "--format", "timelinejs")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    events = {e["unique_id"]: e for e in data["events"]}
    eppd1 = _timelinejs_body(events["eppd-1"]["text"]["text"])
    for part in ("Place: Washington, D.C.; Taipei (by video)", "Format: hybrid", "Leads: ", "John Deng (Minister without Portfolio)",
                 "Outcomes", "Science and technology cooperation: The two sides announced",
                 "Sources: [https://www.cna.com.tw/news/afe/202011210100.aspx]Central News Agency (CNA)"):
        assert part in eppd1, part
    documents = [e for e in data["events"] if e["group"] == "Documents" or e["unique_id"].startswith(("eppd-mou", "art-"))]
    kinds = [_timelinejs_body(e["text"]["text"]) for e in data["events"] if "Kind: " in e["text"]["text"]]
    assert kinds and documents
    for body in kinds:  # document types in words
        assert not any(f"Kind: {raw}" in body for raw in ("mou", "joint-statement", "arrangement"))
    assert any("Kind: MOU" in body for body in kinds) and any("Kind: Joint statement" in body for body in kinds)
    # the two documents with no date are named on the title slide, not dropped silently
    title = _timelinejs_body(data["title"]["text"]["text"])
    assert "Date not known, not on the timeline: " in title and "Green UAS Assessor License" in title
    zh = json.loads(run("timeline", "--format", "timelinejs", "--lang", "zh").out)
    body = _timelinejs_body({e["unique_id"]: e for e in zh["events"]}["eppd-1"]["text"]["text"])
    assert "地點：華府、台北（視訊）" in body and "形式：實體及視訊" in body and "主談人：" in body


def test_timelinejs_escapes_every_data_string(tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    round_file = data / "rounds" / "eppd-1.yaml"
    text = round_file.read_text(encoding="utf-8")
    text = text.replace('{en: "Washington, D.C.", zh: 華府}', '{en: "<img src=x onerror=alert(1)> & Co", zh: 華府}')
    round_file.write_text(text, encoding="utf-8")
    result = run("--data-dir", str(data), "timeline", "--format", "timelinejs", environ={"TRACKER_NO_CACHE": "1"})
    assert result.code == 0, result.err
    event = next(e for e in json.loads(result.out)["events"] if e["unique_id"] == "eppd-1")
    assert "<img" not in event["text"]["text"]
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; Co" in event["text"]["text"]
    assert _timelinejs_body(event["text"]["text"]).count("<img src=x onerror=alert(1)> & Co") == 1


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


# ---------------------------------------------------------------- pandas reads every export with the right types


def _is_date(column: str) -> bool:
    return column in ("date", "due", "in_force", "last_verified") or column.endswith(("_date", "_due"))


def _check_frame(frame, integers=(), texts=()) -> None:
    """Integer columns are integers (never floats), text columns text, and no date is a datetime.
    A date column whose every value is a year (a due date) is read as numbers: no day is invented."""
    import pandas as pd

    for column in integers:
        assert pd.api.types.is_integer_dtype(frame[column]), (column, frame[column].dtype)
    for column in texts:
        if _is_date(column) and not pd.api.types.is_string_dtype(frame[column]):
            assert frame[column].dropna().between(1, 9999).all(), column
            continue
        assert pd.api.types.is_string_dtype(frame[column]), (column, frame[column].dtype)
    for column in frame:
        assert not pd.api.types.is_datetime64_any_dtype(frame[column]), column
    if "date" in frame:
        assert not pd.api.types.is_datetime64_any_dtype(frame["date"])
        precisions = {p for p in frame["date_precision"].dropna()}
        assert precisions <= {"day", "month", "year"} and precisions
        for date, p in zip(frame["date"].dropna(), frame["date_precision"].dropna()):
            assert len(date) == {"day": 10, "month": 7, "year": 4}[p], (date, p)


def test_pandas_reads_the_csv_and_json_exports_with_their_types(tmp_path):
    import pandas as pd

    folder = tmp_path / "tables"
    assert run("export", "csv", str(folder)).code == 0
    path = tmp_path / "all.json"
    assert run("export", "json", str(path)).code == 0
    data = json.loads(path.read_text(encoding="utf-8"))
    for name, schema in export.SCHEMA.items():
        integers = [c for c, t in schema if t.startswith("INTEGER") and data[name] and any(r[c] is not None for r in data[name])]
        texts = [c for c, t in schema if t.startswith("TEXT") and any(r[c] is not None for r in data[name])]
        csv_frame = pd.read_csv(folder / f"{name}.csv", dtype_backend="numpy_nullable")
        _check_frame(csv_frame, integers, texts)
        json_frame = pd.DataFrame(data[name], columns=[c for c, _ in schema]).convert_dtypes()
        _check_frame(json_frame, integers, texts)
        plain = pd.read_csv(folder / f"{name}.csv")  # without options: no column is read as dates
        assert not any(pd.api.types.is_datetime64_any_dtype(plain[c]) for c in plain)
    rounds = pd.read_csv(folder / "rounds.csv", dtype_backend="numpy_nullable").set_index("id")
    assert rounds.loc["ttic-2022-10", "date"] == "2022-10" and rounds.loc["ttic-2022-10", "date_precision"] == "month"
    assert rounds.loc["eppd-6", "round"] == 6 and pd.isna(rounds.loc["tuba-launch", "round"])
    evidence = pd.read_csv(folder / "evidence.csv", dtype_backend="numpy_nullable")
    delivered = evidence[evidence.outcome_id == "eppd-1/st-agreement-talks"]
    assert len(delivered) and delivered.date.notna().all() and delivered.source_urls.str.startswith("http").all()


@pytest.mark.parametrize("args, integers", [
    (["list"], ["round", "sources", "weak_sources"]),
    (["timeline", "--with-follow-ups"], ["round", "sources", "weak_sources"]),
    (["commitments"], ["age_days"]),
])
def test_pandas_reads_the_listings_with_their_types(args, integers):
    import io

    import pandas as pd

    result = run(*args, "--format", "csv")
    assert result.code == 0, result.err
    frame = pd.read_csv(io.StringIO(result.out), dtype_backend="numpy_nullable")
    _check_frame(frame, integers, ["id", "date"])
    result = run(*args, "--format", "json")
    frame = pd.DataFrame(json.loads(result.out)).convert_dtypes()
    _check_frame(frame, [] if args[0] == "timeline" else integers, ["id", "date"])
    if args[0] == "timeline":  # every scalar field of the JSON is a column of the CSV
        columns = set(pd.read_csv(io.StringIO(run(*args, "--format", "csv").out)).columns)
        scalars = {k for obj in json.loads(result.out) for k, v in obj.items() if not isinstance(v, (list, dict))}
        assert scalars - {"round"} <= columns and "round_id" in columns


# ---------------------------------------------------------------- CITATION.cff and datapackage.json


def test_citation_cff_is_valid_cff_1_2_0():
    import yaml
    from conftest import ROOT

    import tracker

    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    for key in ("message", "title", "authors"):  # required by CFF 1.2.0
        assert cff[key], key
    assert all(a.get("name") or a.get("family-names") for a in cff["authors"])
    assert cff["type"] in ("software", "dataset")
    assert str(cff["version"]) == tracker.__version__
    assert set(cff["license"]) == {"CC-BY-4.0", "MIT"}  # the data's licence and the code's, as in LICENSE
    assert set(cff) <= {  # only keys CFF 1.2.0 defines
        "abstract", "authors", "cff-version", "commit", "contact", "date-released", "doi", "identifiers",
        "keywords", "license", "license-url", "message", "preferred-citation", "references", "repository",
        "repository-artifact", "repository-code", "title", "type", "url", "version",
    }


def test_datapackage_describes_the_csv_export(tmp_path):
    from conftest import ROOT

    folder = tmp_path / "tables"
    assert run("export", "csv", str(folder)).code == 0
    checked_in = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    written = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert checked_in == written == export.datapackage(), "regenerate datapackage.json from export.datapackage_text()"
    csv_files = sorted(p.name for p in folder.glob("*.csv"))
    assert sorted(r["path"] for r in checked_in["resources"]) == csv_files
    for resource in checked_in["resources"]:
        with open(folder / resource["path"], encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh))
        assert [f["name"] for f in resource["schema"]["fields"]] == header, resource["path"]
        types = {f["name"]: f["type"] for f in resource["schema"]["fields"]}
        name = resource["path"].removesuffix(".csv")
        assert types == {c: "integer" if t.startswith("INTEGER") else "string" for c, t in export.SCHEMA[name]}
    rounds = next(r for r in checked_in["resources"] if r["path"] == "rounds.csv")
    assert rounds["schema"]["primaryKey"] == ["id"]
    assert {"fields": "dialogue_id", "reference": {"resource": "dialogues", "fields": "id"}} in rounds["schema"]["foreignKeys"]


def test_frictionless_finds_the_csv_export_valid(tmp_path):
    frictionless = pytest.importorskip("frictionless")

    folder = tmp_path / "tables"
    assert run("export", "csv", str(folder), "--bom").code == 0
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    # and it does look: a field typed wrongly is found
    broken = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    rounds = next(r for r in broken["resources"] if r["path"] == "rounds.csv")
    next(f for f in rounds["schema"]["fields"] if f["name"] == "venue_en")["type"] = "integer"
    (folder / "datapackage.json").write_text(json.dumps(broken), encoding="utf-8")
    assert not frictionless.validate(str(folder / "datapackage.json")).valid
