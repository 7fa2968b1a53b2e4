"""Chinese names in the shipped data: one Chinese name per publisher, and one form of 臺/台 per name."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import yaml
from conftest import DATA

# Fields whose value is the name or title of one thing (a person, a body, a publisher, a dialogue,
# a meeting, a document, a topic, a title). Aliases are left out on purpose: they keep the other
# form of 臺/台 so that a user may type it. Free text and source headlines quote their sources.
NAME_FIELDS = {"name", "short", "title", "organisation", "publisher", "label", "parties", "copy_of"}
SOURCE_LISTS = {"sources"}


def _files() -> list[Path]:
    return sorted(p for p in DATA.rglob("*.yaml") if "schema" not in p.parts)


def _texts(node: object, key: str | None = None, in_source: bool = False) -> Iterator[tuple[str, dict, bool]]:
    """Every bilingual value ({en, zh}) under the field that holds it, and whether it sits in a source."""
    if isinstance(node, dict):
        if key is not None and ("en" in node or "zh" in node) and set(node) <= {"en", "zh"}:
            yield key, node, in_source
            return
        for k, v in node.items():
            yield from _texts(v, k, in_source or k in SOURCE_LISTS)
    elif isinstance(node, list):
        for v in node:
            yield from _texts(v, key, in_source)


def _all_texts() -> Iterator[tuple[Path, str, dict, bool]]:
    for path in _files():
        for key, text, in_source in _texts(yaml.safe_load(path.read_text(encoding="utf-8"))):
            yield path, key, text, in_source


def test_one_publisher_has_one_chinese_name():
    """A publisher's English name always comes with the same Chinese name, or always without one."""
    seen: dict[str, dict[str | None, set[str]]] = defaultdict(lambda: defaultdict(set))
    for path, key, text, _ in _all_texts():
        if key == "publisher" and "en" in text:
            seen[text["en"]][text.get("zh")].add(path.name)
    mixed = {en: dict(forms) for en, forms in seen.items() if len(forms) > 1}
    assert not mixed, mixed


def test_the_main_news_publishers_have_their_chinese_names():
    """The outlets most sources cite print their own Chinese names, not English mid-sentence."""
    zh = {}
    for _, key, text, _ in _all_texts():
        if key == "publisher" and "en" in text:
            zh[text["en"]] = text.get("zh")
    expected = {
        "Taipei Times": "台北時報",
        "Liberty Times (LTN)": "自由時報",
        "United Daily News (UDN)": "聯合新聞網",
        "China Times": "中時新聞網",
        "Taiwan News": "台灣英文新聞",
        "Office of the U.S. Trade Representative (USTR)": "美國貿易代表署",
        "Central News Agency (CNA)": "中央社",
    }
    assert {en: zh.get(en) for en in expected} == expected


def test_chinese_text_does_not_name_a_publisher_in_english():
    """Notes in Chinese use the publishers' Chinese names where the data has them."""
    names = {text["en"]: text["zh"] for _, key, text, _ in _all_texts() if key == "publisher" and text.get("zh") and "en" in text}
    outlets = ["Taipei Times", "Liberty Times", "United Daily News", "UDN", "China Times", "HK01", "NOWnews", "World Journal", "Commercial Times"]
    for path, key, text, in_source in _all_texts():
        if in_source or key == "publisher" or not text.get("zh"):
            continue
        for outlet in outlets:
            assert outlet not in text["zh"], (path.name, key, text["zh"])
    assert names["Taipei Times"] == "台北時報"


def test_no_chinese_name_is_written_with_both_tai_forms():
    """One thing's Chinese name uses one form of 臺/台 across every file (its owner's form)."""
    forms: dict[str, set[str]] = defaultdict(set)
    where: dict[str, set[str]] = defaultdict(set)
    for path, key, text, in_source in _all_texts():
        if key not in NAME_FIELDS or (in_source and key == "title"):
            continue  # a source's headline is quoted as published
        zh = text.get("zh")
        if zh and ("臺" in zh or "台" in zh):
            forms[zh.replace("臺", "台")].add(zh)
            where[zh].add(f"{path.name}:{key}")
    mixed = {k: {f: sorted(where[f]) for f in v} for k, v in forms.items() if len(v) > 1}
    assert not mixed, mixed


def test_names_keep_their_owners_form():
    """Names whose owners write them one way are written that way (the other form stays searchable)."""
    owners_form = {
        "dialogues/eppd.yaml": "台美經濟繁榮夥伴對話",  # MOFA press release No. 364: 台美「經濟繁榮夥伴對話」
        "dialogues/dde.yaml": "臺歐盟數位經濟對話",  # NDC's own release: 第2屆「臺歐盟數位經濟對話」
        "dialogues/tid.yaml": "臺歐盟貿易暨投資對話",
        "dialogues/ustti.yaml": "台美21世紀貿易倡議",  # the Office of Trade Negotiations
    }
    for rel, name in owners_form.items():
        record = yaml.safe_load((DATA / rel).read_text(encoding="utf-8"))
        assert record["name"]["zh"] == name, rel
    every_publisher = {text.get("zh") for _, key, text, _ in _all_texts() if key == "publisher"}
    assert "臺北時報" not in every_publisher and "美國在臺協會" not in every_publisher


def test_a_name_inside_another_name_keeps_its_form():
    """A dialogue's or a body's name written inside a longer name (a meeting's, a title) keeps its form."""
    names: set[str] = set()
    fields: list[tuple[str, str]] = []
    for path, key, text, in_source in _all_texts():
        if key not in NAME_FIELDS or (in_source and key == "title"):
            continue
        zh = text.get("zh")
        if zh:
            fields.append((f"{path.name}:{key}", zh))
            if key in {"name", "organisation", "publisher"} and ("臺" in zh or "台" in zh):
                names.add(zh)
    for name in names:
        other = name.translate(str.maketrans("臺台", "台臺"))
        clashes = [where for where, zh in fields if other in zh]
        assert not clashes, (name, clashes)


def test_prose_names_records_as_a_reader_would():
    """Notes, summaries and outcomes name other records by their names, never by their IDs."""
    import re

    ids: set[str] = set()
    for path in _files():
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(record, dict) and "-" in str(record.get("id", "")):
            ids.add(record["id"])  # rounds and documents; a dialogue's short ID is also a word
    pattern = re.compile(r"(?<![\w/.-])(" + "|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True)) + r")(?![\w/-])")
    prose = {"text", "summary", "note", "date_note", "value"}
    hits = []
    for path, key, text, in_source in _all_texts():
        if key in prose and not in_source:
            for lang in ("en", "zh"):
                found = pattern.search(text.get(lang) or "")
                if found:
                    hits.append((path.name, key, found.group(0)))
    assert hits == []
