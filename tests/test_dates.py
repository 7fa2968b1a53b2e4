"""Dates typed by users: every documented form, the period it names, and property tests."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.data.dates import date_range, parse_date, to_roc
from tracker.errors import InputError
from tracker.data.model import PartialDate


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2020-11-20", PartialDate(2020, 11, 20)),
        ("2021-11", PartialDate(2021, 11)),
        ("2021", PartialDate(2021)),
        ("Nov 2020", PartialDate(2020, 11)),
        ("20 November 2020", PartialDate(2020, 11, 20)),
        ("November 20, 2020", PartialDate(2020, 11, 20)),
        ("民國109年11月20日", PartialDate(2020, 11, 20)),
        ("109年11月20日", PartialDate(2020, 11, 20)),
        ("民國110年", PartialDate(2021)),
        ("110年3月", PartialDate(2021, 3)),
        ("109/11/20", PartialDate(2020, 11, 20)),
        ("109/11", PartialDate(2020, 11)),
        ("1091120", PartialDate(2020, 11, 20)),
        ("20201120", PartialDate(2020, 11, 20)),
        ("2020年11月20日", PartialDate(2020, 11, 20)),
        ("１０９年１１月２０日", PartialDate(2020, 11, 20)),  # full-width digits
        ("  2021  ", PartialDate(2021)),
    ],
)
def test_documented_forms(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "yesterday", "2020-13", "2020-02-30", "109/02/30", "Nov", "12345", "0000", "2020-1-1-1", "民國年"])
def test_unreadable_dates_are_input_errors(text):
    with pytest.raises(InputError):
        parse_date(text)


def test_a_partial_date_means_the_whole_period():
    assert date_range("Nov 2020", None) == (dt.date(2020, 11, 1), None)
    assert date_range(None, "2020") == (None, dt.date(2020, 12, 31))
    assert date_range("2024-02", "2024-02") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert date_range("民國109年", "109/12") == (dt.date(2020, 1, 1), dt.date(2020, 12, 31))


def test_a_range_that_ends_before_it_starts_is_an_error():
    with pytest.raises(InputError, match="ends before"):
        date_range("2022", "2021")


@settings(max_examples=1500)
@given(st.text(max_size=40))
def test_any_string_either_parses_or_is_an_input_error(text):
    try:
        result = parse_date(text)
    except InputError as exc:
        assert str(exc)
    else:
        assert isinstance(result, PartialDate)
        assert result.first_day() <= result.last_day()


@settings(max_examples=1500)
@given(st.dates(min_value=dt.date(1912, 1, 1), max_value=dt.date(2910, 12, 31)), st.sampled_from(["cjk", "slash", "compact"]))
def test_roc_and_gregorian_round_trip(day, style):
    """ROC years have up to three digits (1–999, i.e. 1912–2910); four digits are Gregorian."""
    text = to_roc(day, style)
    parsed = parse_date(text)
    assert (parsed.year, parsed.month, parsed.day) == (day.year, day.month, day.day)


@settings(max_examples=500)
@given(st.dates(min_value=dt.date(1000, 1, 1)))
def test_iso_round_trip(day):
    assert parse_date(day.isoformat()).first_day() == day
