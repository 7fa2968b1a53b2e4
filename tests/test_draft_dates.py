"""`tracker draft`: a date is right or absent, never wrong.

Each fixture under fixtures/draft-brief is a short article in the project's own words, written after a
pattern that made real articles come out with a wrong date.
"""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, run

ARTICLES = FIXTURES / "draft-brief"


def _draft(name: str) -> tuple[dict, str]:
    result = run("draft", str(ARTICLES / name), "--format", "json")
    assert result.code == 0, result.err
    return json.loads(result.out), result.err


@pytest.mark.parametrize("name, word", [("eppd-last-night-zh.txt", "昨晚"), ("eppd-last-night-en.txt", "last night")])
def test_a_meeting_held_the_night_before_the_post_is_not_dated_from_the_post(name, word):
    """'Last night' in a post of the 21st: the 20th where the post was written, perhaps the 21st where the
    meeting was; and 今（21）日 is the day of the post, not of the meeting."""
    draft, err = _draft(name)
    assert "date" not in draft
    assert f"note: date: the article says {word!r}: which day that was depends on the hour" in err


def test_a_relative_day_in_a_named_time_zone_is_not_counted_from_the_post():
    draft, err = _draft("tid-zone-en.txt")
    assert "date" not in draft
    assert "but the sentence gives the day in 'Brussels time'" in err


def test_a_preview_does_not_take_the_date_of_the_round_before():
    """The only full date of a preview is the earlier round's; the scheduled days are not drafted."""
    draft, err = _draft("ustti-preview-en.txt")
    assert "date" not in draft
    assert "note: date: the article announces the event as still to come" in err


def test_the_dates_of_an_earlier_round_and_of_the_launch_are_not_the_reported_round():
    """去年… 首次談判 and 宣布啟動 are other events than the round the headline reports."""
    draft, err = _draft("ustti-earlier-round-zh.txt")
    assert "date" not in draft
    assert "2022-11-08" not in json.dumps(draft) and "2022-06-01" not in json.dumps(draft)
    assert "note: date: the article gives '1月14日至17日' without a year" in err


def test_the_day_of_a_statement_made_somewhere_is_not_the_meetings(tmp_path):
    """今（21）日在臉書表示: the day of the post on social media, not of the meeting held on the 20th."""
    path = tmp_path / "a.txt"
    path.write_text("date 2031-03-21\n第九屆台美「經濟繁榮夥伴對話」20日在台北舉行，外交部今（21）日在臉書表示成果豐碩。\n",
                    encoding="utf-8")
    result = run("draft", str(path), "--format", "json")
    assert result.code == 0 and json.loads(result.out)["date"] == "2031-03-20"
