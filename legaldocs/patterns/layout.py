"""Layout: line structure (reflow), reader details, PDF pages, Akoma Ntoso."""
from __future__ import annotations

import re

from .base import define as _define

# --- reflow ---
# A line that starts a new unit (so the line break before it is a real one).
NEW_UNIT_LINE = _define(
    "new_unit_line",
    r"""^[ \t]*(?:
        (?:Điều|Chương|Mục|Phần|Phụ\s+lục)\s+[\dIVXLC]+    # article, chapter, section
      | \d{1,3}[.)]\s | [a-zđ][)]\s                          # list items "1. ", "a) "
      | [-–•*+]\s                                           # bullets
      | Căn\s+cứ\b | Theo\s+đề\s+nghị\b | Nơi\s+nhận\b       # căn cứ lines, addressees
      | [¹²³⁴⁵⁶⁷⁸⁹⁰]                                        # footnotes
      | [A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴẤẦẨẪẬẮẰẲẴẶẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢỨỪỬỮỰ\s]{3,}$  # a heading in capitals
    )""",
    "A line that begins a new unit: article, list item, căn cứ line, footnote, heading.",
    ["Điều 3. Hiệu lực thi hành", "1. Thông tư này", "a) Trường hợp", "Căn cứ Luật",
     "¹ Kế hoạch", "QUYẾT ĐỊNH", "- Sở đã"],
    ["tại thị trường trong nước", "Chính phủ quy định chức năng"],
    re.VERBOSE,
)


# --- readers ---

# The character set an HTML page declares in its head, either form of <meta>.
HTML_CHARSET = _define(
    "html_charset",
    r"""
    <meta\b[^>]*?                              # a meta tag, any attributes before
    \bcharset\s*=\s*["']?                      # charset=, quoted or not
    (?P<charset>[A-Za-z0-9._:\-]+)             # the label: "utf-8", "windows-1258"
    """,
    "The character set declared by an HTML <meta charset> or http-equiv Content-Type tag.",
    [
        '<meta charset="utf-8">',
        "<META http-equiv=Content-Type content='text/html; charset=windows-1258'>",
    ],
    ["<p>charset=utf-8</p>", '<meta name="description" content="Quyết định">'],
    re.VERBOSE | re.IGNORECASE,
)



# --- pdf / akn ---

# A page number printed alone at the top or bottom of a PDF page (legaldocs.readers.pdf
# drops it there, with the running header and the signature stamp).
PDF_PAGE_NUMBER = _define(
    "pdf_page_number",
    r"""^\s*(?:
        \d{1,4}                                  # "2"
      | [-\u2013]\s*\d{1,4}\s*[-\u2013]          # "- 2 -"
      | (?:Trang|trang|TRANG)\s+\d{1,4}          # "Trang 2"
        (?:\s*(?:/|trên)\s*\d{1,4})?             # "Trang 2/5", "Trang 2 trên 5"
      | \d{1,3}\s*/\s*\d{1,3}                    # "2/5"
    )\s*$""",
    "A page number alone on a line at a PDF page's edge: '2', '- 2 -', 'Trang 2/5', '2/5'.",
    ["2", " 88 ", "- 2 -", "– 12 –", "Trang 2", "Trang 2/5", "2/5"],
    ["Điều 2", "12/2020", "3602.00.00", "2. Sở Tư pháp", "Trang phục"],
    re.VERBOSE,
)
