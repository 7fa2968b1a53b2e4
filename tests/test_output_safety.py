"""What the data says reaches readers as text, never as markup or a hidden link; timelines fit."""

from __future__ import annotations

import io
import re

import pytest
from conftest import run

from tracker.output.formats import is_web_address, md_escape
from tracker.output.layout import cell_width
from tracker.output.show import ShowView, _source
from tracker.output.target import Target, Terminal

OSC8 = re.compile(r"\x1b\]8;[^;]*;([^\x1b\x07]*)(?:\x1b\\|\x07)")


def _links_drawn(url: str) -> tuple[str, list[str]]:
    """What a colour terminal receives for a source's URL, and the addresses it links to."""
    out = io.StringIO()
    view = ShowView(Target(out, "en", Terminal(width=200, color=True, isatty=True)), None)  # type: ignore[arg-type]
    view.url_line(url, 4)
    return out.getvalue(), [target for target in OSC8.findall(out.getvalue()) if target]


def test_a_terminal_link_goes_where_its_text_says():
    _, links = _links_drawn("https://www.moea.gov.tw/Mns/populace/news/News.aspx?kind=1&menu_id=40")
    assert links == ["https://www.moea.gov.tw/Mns/populace/news/News.aspx?kind=1&menu_id=40"]


@pytest.mark.parametrize("url", [
    "https://www.moea.gov.tw/ link https://evil.example/",  # a second link word inside the style
    "https://www.moea.gov.tw/ on red link https://evil.example/",
    "javascript:alert(1)",
    "https://www.moea.gov.tw/\x1b]8;;https://evil.example/\x1b\\x",
])
def test_a_url_that_is_not_a_plain_web_address_is_shown_and_never_linked(url):
    text, links = _links_drawn(url)
    assert links == []
    assert "evil.example" not in "".join(OSC8.findall(text))


def test_only_plain_http_addresses_are_web_addresses():
    assert is_web_address("https://udn.com/news/story/7238/9287447")
    assert is_web_address("http://www.trade.gov.tw/Pages/Detail.aspx?nodeID=45&pid=794416")
    for bad in ("javascript:alert(1)", "data:text/html,<b>", "https://a.example/ b", "https://a.example/>x",
                "https://a.example/\u202etxt.exe", "ftp://a.example/", "https://a.example/\x07"):
        assert not is_web_address(bad), bad


def test_markdown_shows_raw_html_from_the_data_as_text():
    escaped = md_escape('Talks <img src=x onerror="alert(1)"> and <script>alert(2)</script>')
    assert "<" not in escaped and ">" not in escaped
    assert "&lt;img src=x onerror=" in escaped


def test_markdown_makes_no_link_from_the_data():
    escaped = md_escape("see [the ministry](javascript:alert(1)) or <javascript:alert(2)>")
    assert "](" not in escaped.replace("\\]", "") and "<javascript" not in escaped


def test_markdown_links_only_web_addresses():
    good = _source(1, {"publisher": {"en": "MOEA", "zh": None}, "url": "https://www.moea.gov.tw/x"}, "en")
    assert good.endswith("<https://www.moea.gov.tw/x>")
    for url in ("javascript:alert(1)", "https://a.example/> <img src=x onerror=alert(1)>"):
        line = _source(1, {"publisher": {"en": "MOEA", "zh": None}, "url": url}, "en")
        assert "<javascript" not in line and "<img" not in line and f"<{url}>" not in line


@pytest.mark.parametrize("lang,columns", [("en", 60), ("zh", 70), ("en", 70), ("zh", 60), ("en", 80), ("zh", 80)])
@pytest.mark.parametrize("args", [[], ["--partner", "us"], ["--with-follow-ups"]])
def test_the_timeline_never_exceeds_the_width(lang, columns, args):
    result = run("timeline", *args, "--lang", lang, environ={"COLUMNS": str(columns)})
    assert result.code == 0, result.err
    wide = [line for line in result.out.splitlines() if cell_width(line) > columns]
    assert wide == []
