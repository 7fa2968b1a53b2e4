"""`tracker site DIR`: what the generated files hold, read as files (the browser tests are in
test_site_browser.py). Goldens of two small pages made from the fixture data; structural checks over
every page made from the shipped data."""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import DATA, FIXTURES, run

import tracker

pytest.importorskip("jinja2", reason="the site needs the extra: pip install 'tracker[site]'")
pytest.importorskip("pagefind", reason="the site needs the extra: pip install 'tracker[site]'")


class _Page(HTMLParser):
    """What the checks look at in a page: its language, its links and scripts, its table headers."""

    def __init__(self) -> None:
        super().__init__()
        self.lang = None
        self.alternates: dict[str, str] = {}
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.th_without_scope = 0
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "link" and a.get("rel") == "alternate":
            self.alternates[a["hreflang"]] = a["href"]
        if tag == "th" and "scope" not in a:
            self.th_without_scope += 1
        if "id" in a:
            self.ids.add(a["id"])
        for attr in ("href", "src"):
            if a.get(attr):
                self.refs.append((tag, attr, a[attr]))


def parse(path: Path) -> _Page:
    p = _Page()
    p.feed(path.read_text("utf-8"))
    return p


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "public"
    r = run("site", str(out))
    assert r.code == 0, r.err
    assert re.fullmatch(r"wrote .*public: \d+ pages, \d+ in the search index\n", r.err)
    return out


def test_a_page_for_every_record_in_both_languages(site):
    ds = tracker.load(str(DATA))
    expected = ["index.html", "timeline.html", "search.html", "topics/index.html", "commitments/index.html"]
    expected += [f"rounds/{r}.html" for r in ds.rounds]
    expected += [f"documents/{d}.html" for d in ds.documents]
    expected += [f"dialogues/{d}.html" for d in ds.dialogues]
    expected += [f"topics/{t}.html" for t in ds.topics]
    expected += [f"commitments/{c.round.id}--{c.outcome.id}.html" for c in tracker.commitments(ds)]
    expected += [f"compare/eppd-{n}--eppd-{n + 1}.html" for n in range(1, 6)]
    for lang in ("en", "zh-TW"):
        missing = [p for p in expected if not (site / lang / p).is_file()]
        assert not missing, (lang, missing)
    assert (site / "index.html").is_file() and (site / "assets" / "site.css").is_file()
    assert (site / "pagefind" / "pagefind-entry.json").is_file()


def test_every_page_has_its_language_its_pair_and_no_address_of_another_host(site):
    pages = sorted(site.glob("*/**/*.html"))
    pages = [p for p in pages if p.relative_to(site).parts[0] in ("en", "zh-TW")]
    assert len(pages) > 250
    for page in pages:
        lang = page.relative_to(site).parts[0]
        p = parse(page)
        assert p.lang == lang, page
        rel = page.relative_to(site / lang).as_posix()
        for code in ("en", "zh-TW"):
            target = (page.parent / p.alternates[code]).resolve()
            assert target == (site / code / rel).resolve(), (page, code)
        assert p.th_without_scope == 0, page
        for tag, attr, value in p.refs:
            if tag != "a":  # style sheets, scripts, icons: from the site itself
                assert not re.match(r"[a-z]+://|//", value), (page, value)
            elif not value.startswith(("http://", "https://", "#")):
                assert not value.startswith("/"), (page, value)  # relative: works from file:// and any folder
                assert (page.parent / value.split("#")[0]).resolve().is_file(), (page, value)
            elif value.startswith("#"):
                assert value[1:] in p.ids, (page, value)


def test_a_round_page_cites_its_numbered_sources_and_says_how_to_cite_it(site):
    html = (site / "en" / "rounds" / "eppd-6.html").read_text("utf-8")
    assert '<a class="skip" href="#main">' in html
    assert re.search(r'<sup class="cite">\[<a href="#src-1">1</a>', html)
    assert '<li id="src-1">' in html and "focustaiwan" in html
    assert "Data as of 2026-" in html
    assert "Cite this page:</strong> “EPPD round 6”" in html and "en/rounds/eppd-6.html." in html
    zh = (site / "zh-TW" / "rounds" / "eppd-6.html").read_text("utf-8")
    assert "<h1>EPPD 第6屆</h1>" in zh and "引用本頁" in zh and "資料截至2026-" in zh


def test_a_text_in_one_language_only_is_marked(site):
    # the FTV report's title exists in Chinese only: the English page shows it, marked as such
    html = (site / "en" / "rounds" / "eppd-6.html").read_text("utf-8")
    assert '<span lang="zh-TW">台美第6屆EPPD完成實體對話' in html
    assert '<span class="one-lang">(Chinese only)</span>' in html


def test_status_is_text_not_colour_alone(site):
    html = (site / "en" / "commitments" / "index.html").read_text("utf-8")
    assert '<span class="status status-delivered">delivered</span>' in html
    zh = (site / "zh-TW" / "commitments" / "index.html").read_text("utf-8")
    assert '<span class="status status-delivered">已兌現</span>' in zh


def test_goldens_of_a_round_page_in_each_language(tmp_path, golden):
    out = tmp_path / "site"
    r = run("site", str(out), environ={"TRACKER_DATA_DIR": str(FIXTURES / "base")})
    assert r.code == 0, r.err
    golden("site-demo-1-en.html", (out / "en" / "rounds" / "demo-1.html").read_text("utf-8"))
    golden("site-demo-1-zh.html", (out / "zh-TW" / "rounds" / "demo-1.html").read_text("utf-8"))


def test_force_replaces_only_a_site_it_wrote(tmp_path):
    out = tmp_path / "public"
    assert run("site", str(out)).code == 0
    r = run("site", str(out))
    assert (r.code, r.err) == (3, f"error: {out}: already exists (use --force to replace it)\n")
    (out / "en" / "stale.html").write_text("old")
    assert run("site", str(out), "--force").code == 0
    assert not (out / "en" / "stale.html").exists()  # replaced whole
    other = tmp_path / "mine"
    other.mkdir()
    (other / "notes.txt").write_text("keep me")
    r = run("site", str(other), "--force")
    assert r.code == 3 and "did not write; will not replace it" in r.err
    assert (other / "notes.txt").read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine", "public"]  # nothing half-built left


def test_never_into_the_data_folder(tmp_path):
    r = run("site", str(DATA / "public"))
    assert r.code == 3 and "will not write into the data folder" in r.err


def test_without_the_extra_one_line_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "jinja2", None)  # import jinja2 now fails
    r = run("site", str(tmp_path / "public"))
    assert (r.code, r.err) == (2, "error: tracker site needs Jinja2 and Pagefind: pip install 'tracker[site]'\n")
    assert not (tmp_path / "public").exists()
