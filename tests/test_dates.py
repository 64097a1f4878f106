"""Dates in and out: every Vietnamese form read day first; written back per Decree 30/2020."""
from datetime import date

import pytest

from legaldocs.dates import find_dates, format_date, parse_date, parse_user_date
from legaldocs.errors import DateError


@pytest.mark.parametrize("text, expected", [
    ("ngày 05 tháng 7 năm 2013", date(2013, 7, 5)),
    ("Bình Định, ngày 12 tháng 6 năm 2021", date(2021, 6, 12)),
    ("ngày 1 tháng  02 năm 2016", date(2016, 2, 1)),
    ("05/7/2013", date(2013, 7, 5)),
    ("5/7/2013", date(2013, 7, 5)),
    ("ngày 4/02/2016", date(2016, 2, 4)),
    ("21-06-2026", date(2026, 6, 21)),
    ("05.7.2013", date(2013, 7, 5)),
    ("2013-07-05", date(2013, 7, 5)),
    ("12/8/2020", date(2020, 8, 12)),  # day first, never August 12 read as December 8
    ("ngày tháng 6 năm 2021", None),  # blank day in a draft
    ("30/02/2021", None),  # impossible
    ("", None),
    ("Quý III/2021", None),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_impossible_date_is_reported_not_invented():
    (found,) = find_dates("ngày 31/4/2021")
    assert found.date is None and not found.valid and found.raw == "31/4/2021"


@pytest.mark.parametrize("d, form, expected", [
    (date(2013, 7, 5), "numeric", "05/7/2013"),
    (date(2011, 2, 25), "numeric", "25/02/2011"),
    (date(2016, 1, 20), "numeric", "20/01/2016"),
    (date(2020, 12, 31), "numeric", "31/12/2020"),
    (date(2020, 3, 5), "words", "ngày 05 tháng 3 năm 2020"),
    (date(2012, 2, 9), "words", "ngày 09 tháng 02 năm 2012"),
    (date(2013, 7, 5), "english", "5 July 2013"),
    (date(2013, 7, 5), "iso", "2013-07-05"),
    (None, "numeric", ""),
])
def test_format_date(d, form, expected):
    assert format_date(d, form) == expected


@pytest.mark.parametrize("d", [date(2013, 7, 5), date(2011, 2, 25), date(2020, 12, 1)])
@pytest.mark.parametrize("form", ["numeric", "words", "iso"])
def test_round_trip(d, form):
    assert parse_date(format_date(d, form)) == d


@pytest.mark.parametrize("text, expected", [
    ("2014-01-01", date(2014, 1, 1)), ("01/02/2014", date(2014, 2, 1)), ("5 Jul 2013", date(2013, 7, 5)),
])
def test_user_dates(text, expected):
    assert parse_user_date(text) == expected


def test_user_date_error_is_clear():
    with pytest.raises(DateError, match="not a date"):
        parse_user_date("tomorrow-ish")
