"""The review: what a title says around its subject (rule 9 compares subjects)."""
from __future__ import annotations

import re

from .base import define as _define

# --- review ---
# The frame of a title, on its folded lower-case form (``numbers.fold(...).lower()``): the
# act's opening words ("ban hành quy chế", "về việc") and the trailing locality ("trên địa
# bàn tỉnh Bình Định", "của UBND thành phố"). What is left is the subject two titles share.
TITLE_FRAME = _define(
    "title_frame",
    r"""^(?:(?:ve\ viec|ve|ban\ hanh|quy\ dinh|quy\ che|huong\ dan|thuc\ hien)\b\s*)+  # opening words
      | \s(?:tren\ dia\ ban|cua|tai|o)\s+                                              # "trên địa bàn"
        (?:(?:uy\ ban\ nhan\ dan|ubnd|hoi\ dong\ nhan\ dan|hdnd)\s+)?                  # the council
        (?:tinh|thanh\ pho|tp)\b.*$                                                    # "tỉnh X" to the end
    """,
    "The frame of a folded title: opening 'ban hanh quy che', 've viec'; a trailing 'tren dia ban tinh X'.",
    ["ban hanh quy che quan ly hoat dong doi ngoai", "ve viec phe duyet ke hoach",
     "quan ly doan ra tren dia ban thanh pho da nang", "gia dat cua uy ban nhan dan tinh binh dinh"],
    ["quan ly hoat dong doi ngoai", "hoc bong khuyen khich hoc tap"],
    re.VERBOSE,
)

# A word of a folded title: letters and digits ("quan", "2013").
TITLE_WORD = _define(
    "title_word",
    r"\w+",
    "A word of a folded title.",
    ["quan", "2013"],
    [" , ;"],
)
