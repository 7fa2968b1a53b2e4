"""`tracker draft`: the format of the meeting only where the article says how that meeting was held.

Each article is a few sentences in the project's own words, one per pattern: a preview, a launch
announced after a video call, a headline without a tense, an earlier meeting's format.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run


def _draft(tmp_path: Path, text: str) -> dict:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    result = run("draft", str(path), "--format", "json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_a_meeting_held_by_video_is_virtual(tmp_path):
    draft = _draft(tmp_path, "date 2031-03-06\n"
                   "The ninth U.S.-Taiwan Economic Prosperity Partnership Dialogue was held by videoconference on March 4.\n")
    assert draft["format"] == "virtual"


def test_a_preview_gives_no_format_even_from_an_earlier_meeting_it_recalls(tmp_path):
    draft = _draft(tmp_path, "date 2031-03-01\n"
                   "Taiwan and the United States to Hold the Ninth Economic Prosperity Partnership Dialogue\n"
                   "The two sides will hold the ninth U.S.-Taiwan Economic Prosperity Partnership Dialogue in person on March 9.\n"
                   "On October 2, 2030, the two sides met virtually for the eighth round of the dialogue.\n")
    assert "format" not in draft


def test_an_earlier_meeting_dated_months_before_gives_no_format(tmp_path):
    draft = _draft(tmp_path, "date 2031-03-06\n"
                   "The two sides reviewed the U.S.-Taiwan Economic Prosperity Partnership Dialogue this week.\n"
                   "On October 2, 2030, the two sides met virtually for the eighth round of the dialogue.\n")
    assert "format" not in draft


def test_a_launch_announced_after_a_video_call_is_not_a_virtual_meeting(tmp_path):
    draft = _draft(tmp_path, "date 2031-03-06\n"
                   "Taiwan and the United Kingdom are to begin talks on an Enhanced Trade Partnership.\n"
                   "The two trade ministers announced the talks after a videoconference on Wednesday.\n")
    assert "format" not in draft


def test_a_headline_alone_gives_no_format(tmp_path):
    draft = _draft(tmp_path, "第九屆台美經濟繁榮夥伴對話實體會議 14至17日台北登場\n"
                   "date 2031-03-06\n"
                   "雙方決定於3月14日至17日在台北舉行第九屆台美「經濟繁榮夥伴對話」。\n")
    assert "format" not in draft


def test_an_agreement_signed_in_a_teleconference_is_virtual(tmp_path):
    draft = _draft(tmp_path, "date 2031-03-06\n"
                   "Taiwan and the United Kingdom on Monday signed an Enhanced Trade Partnership arrangement. "
                   "The arrangement was signed via a teleconference by the two trade ministers.\n")
    assert draft["format"] == "virtual"
