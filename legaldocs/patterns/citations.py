"""What surrounds a citation: its type word, issuer, date, trích yếu, footnotes."""
from __future__ import annotations

import re

from .base import define as _define

# --- citations ---
# Type names as written before a number; longest first so "Thông tư liên tịch" wins over
# "Thông tư". "Văn bản" and "Công văn" are generic: they say nothing against the ký hiệu.
_TYPE_WORDS = (
    "Thông tư liên tịch|Văn bản hợp nhất|Nghị quyết|Nghị định|Quyết định|Thông tư|Chỉ thị|"
    "Kế hoạch|Chương trình|Công văn|Văn bản|Báo cáo|Hướng dẫn|Quy định|Quy chế|Thông báo|"
    "Kết luận|Công điện|Tờ trình|Phương án|Đề án|Dự án|Pháp lệnh|Bộ luật|Luật|Hiến pháp"
)

# The same alternation, safe inside re.VERBOSE (spaces escaped), first letter any case.
_TYPE_WORDS_VERBOSE = "|".join(
    f"[{w[0].upper()}{w[0].lower()}]{w[1:]}".replace(" ", r"\ ") for w in _TYPE_WORDS.split("|")
)
# Capitalized only: what ends a law's name ("Luật Ban hành văn bản quy phạm pháp luật số"
# holds "văn bản" and "luật" in lower case; "Luật X và Nghị định số" ends at "Nghị định").
_TYPE_WORDS_CAPITALIZED = _TYPE_WORDS.replace(" ", r"\ ")

TYPE_BEFORE_NUMBER = _define(
    "type_before_number",
    rf"""
    (?:
      (?P<law>[Bb]ộ[ \t]luật|[Ll]uật|[Pp]háp[ \t]lệnh)   # a law or ordinance ...
      [ \t]+(?P<name>(?:(?!{_TYPE_WORDS_CAPITALIZED}|số\b)[^\n;:.()]){{1,90}}?)  # its name, commas
      [ \t]+số[ \t]*:?[ \t]*\n?[ \t]*                    # and "văn bản" too, then "số"
    |
      (?<![Pp]háp\ )(?P<type>{_TYPE_WORDS_VERBOSE})      # the type word ("pháp luật" is not one)
      [ \t]*\n?[ \t]*(?:số[ \t]*:?[ \t]*\n?[ \t]*)?     # "số", "số:", or nothing ("Chỉ thị 03-CT/TW")
    )
    $""",
    "The type word just before a number, anchored at the number's start (search it in the "
    "last hundred or so characters before the number).",
    ["Quyết định số ", "Kế hoạch số ", "Chỉ thị ", "Luật ngân sách nhà nước số ",
     "Thông tư liên tịch số ", "quyết định số ", "Công văn số ",
     "Luật Ban hành văn bản quy phạm pháp luật số "],
    ["Sở đã ban hành ", "tại ", "Luật ngân sách nhà nước và ", "theo quy định của pháp luật số "],
    re.VERBOSE,
)

# Issuer phrases after "của": bodies of the state and the Party, with a locality.
ISSUER_PHRASE = _define(
    "issuer_phrase",
    r"""
    (?<![\w/\-])                                              # not inside a ký hiệu "QĐ-UBND"
    (?P<issuer>
      (?:Ban\ Thường\ vụ\ |Văn\ phòng\ |Chủ\ tịch\ |Thường\ trực\ )?      # a part of a body
      (?:Ủy\ ban\ nhân\ dân|Uỷ\ ban\ nhân\ dân|UBND|Hội\ đồng\ nhân\ dân|HĐND
        |Thủ\ tướng\ Chính\ phủ|Chính\ phủ|Quốc\ hội|Ủy\ ban\ Thường\ vụ\ Quốc\ hội
        |Bộ\ Chính\ trị|Ban\ Bí\ thư|Ban\ Chấp\ hành\ Trung\ ương|Trung\ ương
        |Thành\ ủy|Tỉnh\ ủy|Ngân\ hàng\ Nhà\ nước(?:\ Việt\ Nam)?|Văn\ phòng\ Chính\ phủ
        |(?:Bộ\ trưởng\ |Thống\ đốc\ )?Bộ\ (?:Ngoại\ giao|Nội\ vụ|Tài\ chính|Tư\ pháp|Công\ an|Quốc\ phòng|Y\ tế
             |Giáo\ dục\ và\ Đào\ tạo|Công\ Thương|Xây\ dựng|Khoa\ học\ và\ Công\ nghệ
             |Văn\ hóa,\ Thể\ thao\ và\ Du\ lịch|Nông\ nghiệp\ và\ Môi\ trường
             |Kế\ hoạch\ và\ Đầu\ tư|Lao\ động\ -\ Thương\ binh\ và\ Xã\ hội
             |Giao\ thông\ vận\ tải|Tài\ nguyên\ và\ Môi\ trường
             |Nông\ nghiệp\ và\ Phát\ triển\ nông\ thôn|Thông\ tin\ và\ Truyền\ thông)
        |Sở\ (?:Ngoại\ vụ|Nội\ vụ|Tư\ pháp|Tài\ chính|Kế\ hoạch\ và\ Đầu\ tư|Y\ tế
             |Thông\ tin\ và\ Truyền\ thông|Xây\ dựng|Công\ Thương|Giáo\ dục\ và\ Đào\ tạo
             |Tài\ nguyên\ và\ Môi\ trường|Giao\ thông\ vận\ tải|Khoa\ học\ và\ Công\ nghệ
             |Nông\ nghiệp\ và\ Phát\ triển\ nông\ thôn|Nông\ nghiệp\ và\ Môi\ trường
             |Lao\ động\ -\ Thương\ binh\ và\ Xã\ hội|Văn\ hóa,\ Thể\ thao\ và\ Du\ lịch
             |Văn\ hóa\ và\ Thể\ thao|Dân\ tộc\ và\ Tôn\ giáo))
      (?:\ (?:tỉnh|thành\ phố|Thành\ phố|huyện|quận|thị\ xã|xã|phường))?  # level
      (?:\ (?!Về\b)[A-ZĐ][\w]*){0,3}                             # locality: "Bình Định"
    )
    """,
    "An issuing body as written: 'UBND tỉnh', 'Thủ tướng Chính phủ', 'Sở Nội vụ', "
    "'Ban Thường vụ Thành ủy Đà Nẵng'.",
    ["của UBND tỉnh quy định", "của Thủ tướng Chính phủ về", "của Sở Nội vụ về việc",
     "của Ủy ban nhân dân thành phố về", "của Ban Thường vụ Thành ủy Đà Nẵng về",
     "của Văn phòng Ủy ban nhân dân tỉnh về", "của Bộ Chính trị", "của Chính phủ ngày"],
    ["của cán bộ, công chức", "Quyết định số 4323/QĐ-UBND"],
    re.VERBOSE,
)

# What may stand between a number and its date/issuer/title: "ngày", "của", "về việc".
CITATION_TAIL_DATE = _define(
    "citation_tail_date",
    r"[ \t]*,?[ \t]*(?:ban[ \t]+hành[ \t]+)?ngày[ \t]*\n?[ \t]*",
    "'ngày' right after a number (or after its issuer) introducing the citation's date "
    "(used with Pattern.match at the end of the number).",
    [" ngày 05/7/2013", ", ngày 12 tháng 6 năm 2021", " ban hành ngày 01/02/2016"],
    [" của UBND tỉnh ngày 05/7/2013"],
    anchored=True,
)
CITATION_TAIL_ISSUER = _define(
    "citation_tail_issuer",
    r"[ \t]*,?[ \t]*(?:của|do)[ \t]+",
    "'của' (or 'do') right after a number or its date, introducing the issuer.",
    [" của UBND tỉnh", ", của Chính phủ", " do Bộ Tài chính ban hành"],
    [" về việc"],
    anchored=True,
)
TITLE_LEAD = _define(
    "title_lead",
    r"""[ \t]*,?[ \t]*
    (?:(?:về[ \t]+(?:việc|viên)|V/v|về)[ \t]+                # "về việc", "về" (typo "về viên")
      |(?=(?:quy[ \t]định|ban[ \t]hành|phê[ \t]duyệt|sửa[ \t]đổi|hướng[ \t]dẫn|công[ \t]bố
          |xét[ \t]cho|điều[ \t]chỉnh|bãi[ \t]bỏ|thay[ \t]thế)\b))  # or a title verb itself
    """,
    "What introduces a trích yếu after a citation.",
    [" về việc hướng dẫn", " về tổ chức", " quy định chế độ báo cáo", ", ban hành Chương trình",
     " về viên ban hành"],
    [" của UBND tỉnh", " ngày 05/7/2013"],
    re.VERBOSE,
    anchored=True,
)
# Where a trích yếu stops: end of clause, a new coordinated citation, or the main clause.
TITLE_END = _define(
    "title_end",
    rf"""
    [;\n]                                              # end of list item or paragraph
    |\.(?=\s|$)                                        # end of sentence
    |\)|…|\.\.\.                                       # closing parenthesis, ellipsis
    |,[ \t]+(?=(?:Sở|UBND|Ủy|Văn|Bộ|Chính|Thủ|Ban|Phòng|Trung|Theo|Đồng|Tổ|Trên)\b)  # ", Sở đã ..."
    |[ \t]+(?=(?:và|,)[ \t]+(?:{_TYPE_WORDS_VERBOSE})[ \t]+số)  # " và Công văn số ..."
    |,[ \t]+(?=(?:{_TYPE_WORDS_VERBOSE})\b)               # ", Chỉ thị số ...", ", Nghị quyết TW 4"
    |,[ \t]+(?=(?:trong[ \t]đó|đồng[ \t]thời|theo[ \t]đó|qua[ \t]đó|từ[ \t]đó)\b)  # ", trong đó ..."
    |,?[ \t]+(?=(?:đã[ \t]+)?được[ \t]+sửa[ \t]+đổi|(?:đã[ \t]+)?(?:bị[ \t]+)?bãi[ \t]+bỏ\b)  # "..., được sửa đổi, bổ sung bởi"
    |,[ \t]+(?=có[ \t]+hiệu[ \t]+lực|hết[ \t]+hiệu[ \t]+lực)       # ", có hiệu lực kể từ ngày ..."
    |[ \t]+(?=hết[ \t]+hiệu[ \t]+lực[ \t]+(?:thi[ \t]+hành[ \t]+)?(?:kể[ \t]+)?từ)
    |[ \t]+(?=(?:làm[ \t]cơ[ \t]sở|trên[ \t]cơ[ \t]sở|nhằm|để[ \t]|theo[ \t]hướng
              |theo[ \t]quy[ \t]định|đảm[ \t]bảo|góp[ \t]phần)\b)
    """,
    "The end of a trích yếu following a citation.",
    ["; Quyết định", ", Sở Ngoại vụ báo cáo", " và Công văn số 1", " làm cơ sở để",
     ", Chỉ thị số 29/CT-TU", ", trong đó đặt mục tiêu", ", được sửa đổi, bổ sung bởi",
     ", có hiệu lực kể từ ngày"],
    ["hộ chiếu ngoại giao, hộ chiếu công vụ"],
    re.VERBOSE,
)
# A footnote paragraph: starts with a superscript marker.
FOOTNOTE_LINE = _define(
    "footnote_line",
    r"^[ \t]*(?P<marker>[¹²³⁴⁵⁶⁷⁸⁹⁰]+)[ \t]*",
    "A footnote paragraph as the readers and real reports write it.",
    ["¹ Kế hoạch số 283/KH-SNG", "⁴ Quyết định số 21/2013/QĐ-UBND"],
    ["Kế hoạch số 283/KH-SNG¹"],
)
# The document's own number line in a header: "Số: 15/2013/QĐ-UBND", "Luật số: 63/2025/QH15".
OWN_NUMBER_LINE = _define(
    "own_number_line",
    r"^[ \t]*(?:Luật[ \t]+|Pháp[ \t]lệnh[ \t]+)?[Ss]ố[ \t]*:",
    "A header line giving the document's own number (not a citation).",
    ["Số: 15/2013/QĐ-UBND", "Luật số: 63/2025/QH15", "  Số:200/2026/NĐ-CP"],
    ["Căn cứ Luật số 63/2025/QH15", "Quyết định số 15/2013/QĐ-UBND"],
)
