"""The generated site in a real browser: Chromium (Debian's package, or the one named by
TRACKER_CHROMIUM) driven by Playwright, over a local HTTP server, with every request to any other
host refused and recorded. The tests skip, saying why, where Chromium or Playwright is absent.

A modest number of browser runs: a crawl of every page in one browser session (console errors,
requests elsewhere), sample pages of each kind for the rest.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import run

playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install '.[test]')")
pytest.importorskip("jinja2", reason="the site needs the extra: pip install 'tracker[site]'")

CHROMIUM = os.environ.get("TRACKER_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
if not os.access(CHROMIUM, os.X_OK):
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium, or set TRACKER_CHROMIUM)", allow_module_level=True)

# a page of each kind, in both languages
SAMPLES = [
    "index.html", "rounds/eppd-6.html", "rounds/ustti-signing.html", "dialogues/eppd.html",
    "documents/eppd-mou-2020.html", "topics/supply-chains.html", "topics/index.html", "timeline.html",
    "commitments/index.html", "commitments/eppd-1--st-agreement-talks.html", "compare/eppd-5--eppd-6.html",
    "search.html",
]
LANGS = ("en", "zh-TW")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "public"
    r = run("site", str(out))
    assert r.code == 0, r.err
    return out


@pytest.fixture(scope="module")
def server(site):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


class Browser:
    """One Chromium page that refuses and records every request to another host, and records
    every console error and uncaught exception."""

    def __init__(self, browser, base: str) -> None:
        self.host = urlsplit(base).netloc
        self.context = browser.new_context()
        self.elsewhere: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(f"{self.page.url}: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(f"{self.page.url}: {e}"))

    def _route(self, route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") and parts.netloc != self.host:
            self.elsewhere.append(url)
            route.abort()
        else:
            route.continue_()


@pytest.fixture(scope="module")
def chromium():
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def browser(chromium, server):
    b = Browser(chromium, server)
    yield b
    b.context.close()


def test_every_page_loads_without_console_errors_or_requests_elsewhere(site, server, browser):
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    pages = [p for p in pages if not p.startswith("pagefind/")]
    assert len(pages) > 250
    for path in pages:
        response = browser.page.goto(server + path)
        assert response is not None and response.status == 200, path
    assert browser.errors == []
    assert browser.elsewhere == []


def test_hreflang_pairs_point_at_each_other_and_the_switch_keeps_the_record(server, browser):
    page = browser.page
    for path in SAMPLES:
        for lang in LANGS:
            page.goto(server + f"{lang}/{path}")
            assert page.get_attribute("html", "lang") == lang
            alternates = page.eval_on_selector_all(
                "link[rel=alternate]", "els => Object.fromEntries(els.map(e => [e.hreflang, e.href]))")
            assert alternates == {code: server + f"{code}/{path}" for code in LANGS}, path
            other = "zh-TW" if lang == "en" else "en"
            page.goto(alternates[other])
            back = page.eval_on_selector(f"link[rel=alternate][hreflang={lang}]", "e => e.href")
            assert back == server + f"{lang}/{path}"
    page.goto(server + "en/rounds/eppd-6.html")
    page.click(".switch a")
    assert page.url == server + "zh-TW/rounds/eppd-6.html"
    assert page.inner_text("h1") == "EPPD 第6屆"


@pytest.mark.parametrize(("lang", "query"), [("zh-TW", "半導體"), ("en", "semiconductor")])
def test_search_finds_eppd_rounds(server, browser, lang, query):
    page = browser.page
    page.goto(server + f"{lang}/search.html?q={query}")
    page.wait_for_selector(".pagefind-ui__result-link", timeout=20000)
    # Pagefind's interface adds its results one by one: wait for an EPPD round among them (a
    # generous bound, not a measure of speed), and report what it shows if none comes
    want = f"/{lang}/rounds/eppd-"
    try:
        page.wait_for_function(
            "want => [...document.querySelectorAll('.pagefind-ui__result-link')].some(e => e.href.includes(want))",
            arg=want, timeout=30000)
    except Exception:
        pass
    hrefs = page.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => e.href)")
    assert any(want in h for h in hrefs), hrefs
    assert all(h.startswith(server + lang + "/") for h in hrefs), hrefs  # results in the page's language
    assert browser.errors == [] and browser.elsewhere == []


def test_no_serious_accessibility_violations(server, browser):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    found = []
    for path in SAMPLES:
        for lang in LANGS:
            browser.page.goto(server + f"{lang}/{path}")
            for v in axe.run(browser.page).response["violations"]:
                if v["impact"] in ("serious", "critical"):
                    found.append(f"{lang}/{path}: {v['id']} ({v['impact']}): {v['nodes'][0]['target']}")
    assert found == []


def test_print_shows_link_addresses_and_no_navigation(server, browser):
    page = browser.page
    page.goto(server + "en/rounds/eppd-6.html")
    after = "el => getComputedStyle(el, '::after').content"
    assert page.eval_on_selector("a.src", after) in ("none", "normal")
    page.emulate_media(media="print")
    href = page.get_attribute("a.src", "href")
    assert page.eval_on_selector("a.src", after) == f'" <{href}>"'  # the address printed after the link
    assert page.is_hidden("header.top") and page.is_hidden("a.skip")
    pdf_text = page.evaluate("() => document.body.innerText")
    assert "Cite this page" in pdf_text


def test_from_files_the_pages_work_and_search_says_it_needs_http(site, chromium):
    context = chromium.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((site / "zh-TW" / "rounds" / "eppd-6.html").as_uri())
    assert page.inner_text("h1") == "EPPD 第6屆"
    page.click(".switch a")
    assert page.url == (site / "en" / "rounds" / "eppd-6.html").as_uri()
    page.click("nav >> text=Search")
    assert "Search needs the site served over HTTP" in page.inner_text("#search")
    assert errors == []
    context.close()
