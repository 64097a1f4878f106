"""Numbers (số ký hiệu) and dates in running text."""
from __future__ import annotations

import re

from .base import DASH, LETTER, UP, define as _define

NUMBER = _define(
    "number",
    rf"""
    (?<![\w/.{DASH}])                          # not glued to a preceding token
    (?:
      (?P<pseq>\d{{1,5}})                      # Party style: running number "7365"
      [ \t]*[{DASH}][ \t]*
      (?P<ptype>[{UP}][{LETTER}]{{0,4}})       # Party type code "QĐ", "NQ", "QĐi", "CT"
      [ \t]*/[ \t]*
      (?P<porg>[{UP}][{LETTER}]{{1,9}}         # Party body "TW", "TU", "BTGTW"
        (?:[{DASH}][{UP}][{LETTER}]{{1,9}})*)
    |
      (?P<seq>\d{{1,5}}(?:\.\d{{1,3}})?[a-zđ]?)  # running number: "30c", series "66.17"
      [ \t]*/\s{{0,2}}
      (?:(?P<year>(?:19|20)\d{{2}})            # year inside normative numbers "2013"
         [ \t]*/\s{{0,2}})?
      (?P<sym>[{UP}][{LETTER}]{{0,11}}\d{{0,2}}  # first ký hiệu segment "QĐ", "QH13", "SNV"
        (?:[ \t]*[{DASH}][ \t]*\n?[ \t]*        # dash, possibly split across a line break
           [{UP}][{LETTER}]{{0,11}}\d{{0,2}})*)  # further segments "UBND", "BTC-BNV"
    )
    (?![\w])                                   # not followed by more of a word
    """,
    "A số ký hiệu in running text: normative (số/năm/ký hiệu), administrative (số/ký hiệu) "
    "or Party style (số-loại/cơ quan).",
    [
        "15/2013/QĐ-UBND", "58/2012/QĐ-TTg", "83/2015/QH13", "30c/NQ-CP",
        "02/2015/TTLT-BTC-BNV", "984/KH-SNgV", "352/SNV-CCHCVTLT", "7365-QĐ/TU",
        "08-QĐi/TU", "12/VBHN-BTC", "1732 /QĐ-UBND", "32 /2026/TT- NHNN", "117/2012/NĐ-\nCP",
        "15/2013/QÐ-UBND", "15/2013/QĐ–UBND", "66.17/2026/NQ-CP",
    ],
    ["ngày 05/3/2021", "Quý III/2021", "8/13 TTHC", "ISO 9001:2015", "03/03 đơn vị"],
    re.VERBOSE,
)

# A date written with numbers, day first: "05/7/2013", "5-7-2013", "05.7.2013".
NUMERIC_DATE = _define(
    "numeric_date",
    r"""
    (?<![\d/])
    (?P<day>\d{1,2})\s?(?P<sep>[/.\-])\s?     # day, then a separator
    (?P<month>\d{1,2})\s?(?P=sep)\s?          # month, the same separator
    (?P<year>(?:19|20)\d{2})                  # four-digit year
    (?![\d/])
    """,
    "A numeric date, always day first.",
    ["05/7/2013", "5/7/2013", "28/02/2021", "21-06-2026", "05.7.2013"],
    ["15/2013/QĐ-UBND", "Quý III/2021", "2011-2020"],
    re.VERBOSE,
)

# A date in words: "ngày 05 tháng 7 năm 2013" (as in headers and căn cứ lines).
WORD_DATE = _define(
    "word_date",
    r"""
    (?P<day>\d{1,2})\s+                       # day
    tháng\s+(?P<month>\d{1,2})\s+             # "tháng" month
    năm\s+(?P<year>\d{4})                     # "năm" year
    """,
    "A date in words, the form of headers and căn cứ lines.",
    ["ngày 05 tháng 7 năm 2013", "12 tháng 6 năm 2021", "ngày 1 tháng  02 năm 2016"],
    ["tháng 6 năm 2021"],
    re.VERBOSE | re.IGNORECASE,
)

# "ngày" introducing a date attached to a citation, allowing "ngày" or nothing.
DATE_LEAD = _define(
    "date_lead",
    r"^[\s,]*(?:ban\s+hành\s+)?ngày\s*",
    "The word that attaches a date to the number before it.",
    [" ngày 05/7/2013", ", ngày 12 tháng 6 năm 2021", " ban hành ngày 01/02/2016"],
    ["của UBND tỉnh ngày 05/7/2013"],
    re.IGNORECASE,
)
