"""Vietnamese dates in and out: the one place that decides what a date is.

``parse_date`` reads every form found in documents (always day first) and returns None for
text that holds no date; an impossible date ("30/02/2021") is also None, and
``find_date`` reports it as ``valid=False`` so extraction can flag it.
``format_date`` writes dates back per Decree 30/2020 Appendix I: days below 10 and the
months 1 and 2 take a leading zero ("05/7/2013", "12/02/2011").
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import NamedTuple, Optional

from dateutil import parser as dateutil_parser

from . import patterns
from .errors import DateError

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


class DateMatch(NamedTuple):
    date: Optional[date]  # None when the written date is impossible
    start: int
    end: int
    raw: str
    valid: bool


def _make(year: int, month: int, day: int) -> Optional[date]:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str):
    """Every date in ``text``, in words or numbers, in order of position."""
    found = []
    for regex in (patterns.WORD_DATE, patterns.NUMERIC_DATE):
        for m in regex.finditer(text):
            d = _make(int(m.group("year")), int(m.group("month")), int(m.group("day")))
            found.append(DateMatch(d, m.start(), m.end(), m.group(0), d is not None))
    found.sort(key=lambda dm: dm.start)
    return found


def find_date(text: str) -> Optional[DateMatch]:
    """The first date in ``text``, or None."""
    dates = find_dates(text)
    return dates[0] if dates else None


def parse_date(text: str) -> Optional[date]:
    """A date from "ngày 05 tháng 7 năm 2013", "05/7/2013", "5-7-2013" or ISO "2013-07-05".

    Returns None when the text holds no possible date.
    """
    if not text:
        return None
    text = unicodedata.normalize("NFC", text)
    iso = re.fullmatch(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*", text)
    if iso:
        return _make(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    found = find_date(text)
    return found.date if found else None


def parse_user_date(text: str) -> date:
    """A date typed on the command line: ISO, day-first numeric, Vietnamese words, or
    anything python-dateutil reads day first ("5 Jul 2013"). Raises DateError."""
    parsed = parse_date(text)
    if parsed:
        return parsed
    try:
        return dateutil_parser.parse(text, dayfirst=True).date()
    except (ValueError, OverflowError) as exc:
        raise DateError(f"not a date: {text!r} (use YYYY-MM-DD or DD/MM/YYYY)") from exc


def _day(d: date) -> str:
    return f"{d.day:02d}"


def _month(d: date) -> str:
    return f"{d.month:02d}" if d.month <= 2 else str(d.month)


def format_date(d: Optional[date], form: str = "numeric") -> str:
    """Write a date back.

    forms: "numeric" 05/7/2013, "words" ngày 05 tháng 7 năm 2013, "iso" 2013-07-05,
    "english" 5 July 2013. None gives "".
    """
    if d is None:
        return ""
    if form == "numeric":
        return f"{_day(d)}/{_month(d)}/{d.year}"
    if form == "words":
        return f"ngày {_day(d)} tháng {_month(d)} năm {d.year}"
    if form == "iso":
        return d.isoformat()
    if form == "english":
        return f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"
    raise ValueError(f"unknown date form {form!r}")
