"""The search index: query syntax."""
from __future__ import annotations

import re

from .base import DASH, LETTER, define as _define

# --- index ---
# A search query that is only part of a number: the running number and year, or the
# ký hiệu. The index stores these fragments of every number as keywords of their own.
NUMBER_FRAGMENT = _define(
    "number_fragment",
    rf"""^\s*(?:
      \d{{1,5}}[a-zđ]?[ \t]*/[ \t]*(?:19|20)\d{{2}}           # running number / year "15/2013"
    |
      [{LETTER}]{{1,12}}\d{{0,2}}                              # first code "QĐ", "qd", "QH13"
      (?:[ \t]*[{DASH}/][ \t]*[{LETTER}]{{1,12}}\d{{0,2}})+    # then "-UBND", "/TU", "-BTC-BNV"
    )\s*$""",
    "A query that is a fragment of a số ký hiệu: '15/2013' or a ký hiệu like 'qd-ubnd'.",
    ["15/2013", "qd-ubnd", "QĐ-UBND", "QÐ-UBND", "NĐ-CP", "KH-SNgV", "QĐ/TU", "TTLT-BTC-BNV",
     " 30c/2020 "],
    ["15/2013/QĐ-UBND", "hộ chiếu", "2013", "Bình Định", "bà rịa - vũng tàu", "1/2"],
    re.VERBOSE | re.IGNORECASE,
)

# The generation at the head of corpus/manifest.json, read without parsing the whole file
# (22 MB at 100,000 documents) each time a search checks the index is current.
MANIFEST_GENERATION = _define(
    "manifest_generation",
    r"""\A\s*\{\s*"generation"\s*:\s*(\d+)\s*[,}]""",
    "The manifest's first key, its generation: '{\"generation\": 12, \"sources\": ...'.",
    ['{\n "generation": 12,\n "sources": {', '{"generation": 0, "sources": {}}', '{"generation":3}'],
    ['{"sources": {}, "generation": 2}', '{"generation": "2"}', '[{"generation": 1}]'],
    anchored=True,
)
