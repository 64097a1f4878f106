"""A document's own header, heading, signature, effective and expiry clauses."""
from __future__ import annotations

import re

from .base import define as _define

# --- document header ---
# Layout noise of gazette PDFs (legaldocs.extract.layout) and the parts of a document's
# own header, heading and closing (legaldocs.extract.header). Lines reach these patterns
# stripped of surrounding spaces unless a comment says otherwise.

# Vietnamese capital letters, for the initial of a proper name.
VUP = "A-ZĐÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ"

RUNNING_HEADER = _define(
    "running_header",
    r"""
    ^\s*(?:\d{1,4}\s+)?                        # a page number printed before it
    CÔNG\s*BÁO\s*/\s*Số\s*                     # "CÔNG BÁO/Số"
    \d{1,5}(?:\s*\+\s*\d{1,5})*\s*             # the issue, or a double issue "323 + 324"
    /\s*Ngày\s*\d{1,2}\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{4,5}  # issue date (a typo year too)
    (?:\s+\d{1,4})?\s*$                        # a page number printed after it
    """,
    "The gazette's running header, alone on its line.",
    ["CÔNG BÁO/Số 342/Ngày 21-06-2026", "CÔNG BÁO/Số 323 + 324/Ngày 07-3-2023 ",
     "CÔNG BÁO/ Số 577 + 578/Ngày 07-3-2023", "68   CÔNG BÁO/Số 577 + 578/Ngày 07-3-2023",
     "CÔNG BÁO/Số 342/Ngày 21-06-2026       88"],
    ["Đăng Công báo theo quy định", "CÔNG BÁO/Số 342/Ngày 21-06-2026 và trang web"],
    re.VERBOSE,
)

PAGE_NUMBER = _define(
    "page_number",
    r"^\s*\d{1,4}\s*$",
    "A line holding only a page number (blanked only next to a running header).",
    ["2", " 88 ", "1024"],
    ["Điều 2", "12/2020", "3602.00.00"],
)

SIGNATURE_STAMP = _define(
    "signature_stamp",
    r"^\s*(?:Ký\s+bởi|Người\s+ký)\s*:",
    "The first line of a digital signature stamp; the stamp's fields follow it.",
    ["Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
     "Người ký: Cổng Thông tin điện tử Chính phủ"],
    ["(Ký, ghi rõ họ tên)", "người ký: là người"],
)

STAMP_FIELD = _define(
    "stamp_field",
    r"^\s*(?:Email|Cơ\s+quan|Ngày\s+ký|Thời\s+gian\s+ký)\s*:",
    "A field of a signature stamp (noise only right after SIGNATURE_STAMP).",
    ["Cơ quan: VĂN PHÒNG CHÍNH PHỦ", "Email: thongtinchinhphu@chinhphu.vn",
     "Thời gian ký: 23.12.2020 10:45:09 +07:00"],
    ["Cơ quan chủ trì: Bộ Tài chính"],
)

STAMP_TIME = _define(
    "stamp_time",
    r"^\s*(?:Ngày|Thời\s+gian)\s+ký\s*:\s*\d{1,4}[-.]\d{1,2}[-.]\d{2,4}\s+\d{1,2}:\d{2}",
    "The signing time of a stamp, noise wherever it stands.",
    ["Ngày ký: 2026-06-19 17:17:07 +07:00", "Thời gian ký: 10.03.2022 15:08:04 +07:00"],
    ["Ngày ký: ....", "Ngày ký văn bản"],
)

RULE_LINE = _define(
    "rule_line",
    r"^\s*[_\-\u2013\u2014=]{3,}\s*$",
    "A rule drawn with underscores or dashes under a header.",
    ["__________", "–––––––––", " ----- "],
    ["- Lưu: VT", "__ x __"],
)

MOTTO = _define(
    "motto",
    r"C[ỘO]NG\s*H(?:ÒA|OÀ|OA)\s*X[ÃA]\s*H[ỘO]I\s*CH[ỦU]\s*NGH[ĨI]A\s*VI[ỆE]T\s*NAM"
    r"|Độc\s*lập\s*[-\u2013\u2014]\s*Tự\s*do\s*[-\u2013\u2014]\s*Hạnh\s*phúc",
    "The national motto: the name of the state and 'Độc lập - Tự do - Hạnh phúc'.",
    ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
     "Độc lập – Tự do – Hạnh phúc", "Số: 12/QĐ-UBND CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["nước Cộng hòa xã hội chủ nghĩa Việt Nam"],
)

OWN_NUMBER = _define(
    "own_number",
    r"""
    ^(?:(?P<lead>Luật|Bộ\s+luật|Pháp\s+lệnh|Lệnh|Nghị\s+quyết|Nghị\s+định|Quyết\s+định
       |Thông\s+tư(?:\s+liên\s+tịch)?|Chỉ\s+thị|Kế\s+hoạch|Báo\s+cáo|Công\s+văn)
       \s+(?:số|Số|SỐ)\s*:                      # "Luật số:", "Nghị quyết số:" (with the colon)
    |(?:Số|SỐ)                                 # or "Số"
     (?:\s*(?:và\s+)?ký\s+hiệu)?               # "Số ký hiệu"
     \s*(?::|\.|(?=\s*\d)|(?=\s*/)|$))          # a colon, or the number, or nothing at all
    \s*(?P<rest>.*)$                           # the number (may be blank: "/BC-SNgV")
    """,
    "The line of a header that gives the document's own number.",
    ["Số: 200/2026/NĐ-CP", "Số:188/2026/NĐ-CP", "Luật số: 63/2025/QH15", "Số: /BC-SNgV",
     "Nghị quyết số: 24/2022/UBTVQH15", "Số 15/2013/QĐ-UBND", "Số:"],
    ["Số lượng cán bộ", "Số tiền phải nộp", "Căn cứ Luật số 63/2025/QH15",
     "Thông tư số 102/2018/TT-BTC ngày 14 tháng 11 năm 2018", "số 59/2020/QH14 và"],
    re.VERBOSE,
)

DATE_LINE = _define(
    "date_line",
    rf"""
    ^(?P<place>(?:TP\.?\s*)?[{VUP}][\w.]*     # the place: "Hà Nội", "TP. Hồ Chí Minh",
      (?:[ \t]+-?[ \t]*[{VUP}][\w.]*){{0,4}})  # every word capitalized
    \s*,?\s*ngày\b                             # ", ngày"
    (?P<rest>.*)$                              # the date, possibly with a blank day
    """,
    "The place-and-date line of a header.",
    ["Hà Nội, ngày 05 tháng 6 năm 2026", "Bình Định, ngày 12 tháng 6 năm 2021",
     "Bình Định, ngày   tháng 6 năm 2021", "TP. Hồ Chí Minh, ngày 01 tháng 02 năm 2024"],
    ["Căn cứ Nghị định ngày 05 tháng 6", "có hiệu lực từ ngày 01 tháng 8 năm 2026"],
    re.VERBOSE,
)

SUBJECT_LINE = _define(
    "subject_line",
    r"^(?:V/v|V/V|v/v|Về\s+việc)\s*:?\s*(?P<subject>\S.*)$",
    "The subject line of a công văn ('V/v ...'), standing for its title.",
    ["V/v hướng dẫn thực hiện báo cáo cải cách hành chính", "V/v: đăng ký danh mục"],
    ["Về chính sách của Luật"],
)

GAZETTE_SECTION = _define(
    "gazette_section",
    r"^(?:VĂN\s+BẢN\s+QUY\s+PHẠM\s+PHÁP\s+LUẬT|VĂN\s+BẢN\s+PHÁP\s+LUẬT\s+KHÁC"
    r"|ĐIỀU\s+ƯỚC\s+QUỐC\s+TẾ|VĂN\s+BẢN\s+HỢP\s+NHẤT\s*[-\u2013]\s*(?P<body>.*))\s*$",
    "A gazette section heading printed above a document's header (not its own text); "
    "the consolidated-text section names the consolidating body.",
    ["VĂN BẢN QUY PHẠM PHÁP LUẬT", "VĂN BẢN PHÁP LUẬT KHÁC",
     "VĂN BẢN HỢP NHẤT - VĂN PHÒNG QUỐC HỘI", "VĂN BẢN HỢP NHẤT -"],
    ["VĂN BẢN HỢP NHẤT", "XÁC THỰC VĂN BẢN HỢP NHẤT"],
)

CONSOLIDATION_BLOCK = _define(
    "consolidation_block",
    r"XÁC\s+THỰC\s+VĂN\s+BẢN\s+HỢP\s+NHẤT",
    "The closing block of a văn bản hợp nhất, which carries its number, issuer and date.",
    ["XÁC THỰC VĂN BẢN HỢP NHẤT", "BỘ TÀI CHÍNH XÁC THỰC VĂN BẢN HỢP NHẤT"],
    ["VĂN BẢN HỢP NHẤT"],
)

TITLE_STOP = _define(
    "title_stop",
    rf"""
    ^(?:Căn\s+cứ|Theo\s+đề\s+nghị|Thực\s+hiện|Xét\s+(?:đề\s+nghị|Tờ\s+trình)|Kính\s+gửi
      |Sau\s+khi|Trên\s+cơ\s+sở
      |Điều\s+\d|Chương\s+[IVXLC\d]|Phần\s+(?:thứ|[IVX\d])|Mục\s+\d
      |\(?(?:Ban\s+hành\s+)?[Kk]èm\s+theo
      |\d{{1,2}}\s+[A-ZĐ]                         # a footnote "1 Văn bản này được hợp nhất"
      |[{VUP}\s]+:$)                           # "QUYẾT NGHỊ:", "QUYẾT ĐỊNH:"
    """,
    "A line that ends a title: the căn cứ, an article, a footnote, the enacting word.",
    ["Căn cứ Luật Tổ chức Chính phủ", "Theo đề nghị của Bộ trưởng", "Điều 1. Phạm vi",
     "1 Văn bản này được hợp nhất từ 02 Nghị định", "Chương I", "QUYẾT NGHỊ:"],
    ["Quy định về chào bán, giao dịch trái phiếu", "tại thị trường trong nước"],
    re.VERBOSE,
)

CONSOLIDATED_SOURCE = _define(
    "consolidated_source",
    r"^(?:\d{1,2}\.\s*)?(?:Luật|Bộ\s+luật|Nghị\s+định|Thông\s+tư(?:\s+liên\s+tịch)?|Quyết\s+định"
    r"|Nghị\s+quyết|Pháp\s+lệnh)\b.{0,90}?\b(?:số\s+\d|\d{1,4}/(?:19|20)\d{2}/)",
    "In a văn bản hợp nhất, a line listing a consolidated source; it ends the title.",
    ["Thông tư số 24/2026/TT-BCT ngày 05 tháng 5 năm 2026 của Bộ trưởng",
     "Luật Thuế thu nhập doanh nghiệp số 67/2025/QH15 ngày 14 tháng 6 năm",
     "1. Thông tư số 38/2025/TT-BCT ngày 19 tháng 6 năm 2025",
     "Thông tư 38/2015/TT-BLĐTBXH ngày 19 tháng 10 năm 2015 của Bộ trưởng"],
    ["Quy định về quản lý, sử dụng vật liệu nổ công nghiệp"],
)

BLANK_NUMBER = _define(
    "blank_number",
    r"^\s*/\s*(?:(?:19|20)\d{2}\s*/\s*)?(?P<sym>[A-ZĐ][A-Za-zĐđ]*(?:\s*-\s*[A-ZĐ][A-Za-zĐđ\d]*)*)",
    "A number left blank for the clerk to fill in: only its ký hiệu is written.",
    ["/BC-SNgV", " /KH-UBND", "/2021/QĐ-UBND"],
    ["15/2013/QĐ-UBND"],
)

ANNEX_REFERENCE = _define(
    "annex_reference",
    r"(?:[Bb]an\s+hành\s+)?[Kk]èm\s+theo\s+(?P<type>Nghị\s+định|Thông\s+tư(?:\s+liên\s+tịch)?"
    r"|Quyết\s+định|Nghị\s+quyết|Chỉ\s+thị)\s+số\s*:?\s*",
    "An annex naming the document it belongs to: '(Kèm theo Thông tư số 41/2026/TT-BTC ...)'.",
    ["(Kèm theo Thông tư số 41/2026/TT-BTC ngày 06 tháng 4 năm 2026",
     "(Ban hành kèm theo Quyết định số 12/2024/QĐ-UBND"],
    ["Kèm theo văn bản này"],
)

CONSOLIDATION_PREAMBLE = _define(
    "consolidation_preamble",
    r"có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+(?:kể\s+)?từ\s+ngày[^,;]{4,30}?,?\s*"
    r"(?:đã\s+)?được\s+sửa\s+đổi,\s*bổ\s+sung(?:\s+một\s+số\s+điều)?\s+(?:bởi|theo)",
    "The opening formula of a văn bản hợp nhất, naming its first source and its amendments.",
    ["có hiệu lực kể từ ngày 05 tháng 5 năm 2026, được sửa đổi, bổ sung bởi:",
     "có hiệu lực thi hành kể từ ngày 01 tháng 12 năm 2020 được sửa đổi, bổ sung bởi:"],
    ["có hiệu lực kể từ ngày 01 tháng 7 năm 2025."],
)

ENACTING = _define(
    "enacting",
    r"^(?P<body>[A-ZĐ][^;:.]{2,90}?)\s+ban\s+hành\s+(?:Nghị\s+định|Thông\s+tư|Quyết\s+định"
    r"|Nghị\s+quyết|Luật|Pháp\s+lệnh|Chỉ\s+thị)\b",
    "The enacting formula after the căn cứ, naming the issuer: 'Chính phủ ban hành Nghị định'.",
    ["Chính phủ ban hành Nghị định quy định về", "Bộ trưởng Bộ Nội vụ ban hành Thông tư sửa đổi",
     "Thủ tướng Chính phủ ban hành Quyết định quy định"],
    ["Quyết định số 12/QĐ-UBND ban hành kèm theo"],
)

SYMBOL_FRAGMENT = _define(
    "symbol_fragment",
    r"^[A-ZĐ\d]+(?:\s*-\s*[A-ZĐ\d]+)+$",
    "The rest of a ký hiệu broken onto its own line: 'TANDTC-BCA-BQP-BLĐTBXH'.",
    ["TANDTC-BCA-BQP-BLĐTBXH", "BTC-BNV"],
    ["BỘ LAO ĐỘNG - THƯƠNG BINH", "CHÍNH PHỦ"],
)

SIGNER_CAPACITY = _define(
    "signer_capacity",
    r"^(?:TM|KT|TL|TUQ|Q|T/M)\s*\.\s*(?P<body>\S.*)$",
    "The capacity line of a signature block; after TM. stands the collective body that issues.",
    ["TM. CHÍNH PHỦ", "KT. BỘ TRƯỞNG", "KT.GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN"],
    ["TMĐT", "KT GIÁM ĐỐC SỞ XÂY DỰNG KIỂM TRA"],
)

SIGNER_TITLE = _define(
    "signer_title",
    r"""
    ^(?:(?:TM|KT|TL|TUQ|Q|T/M)\s*\.?\s+\S.*       # "TM. CHÍNH PHỦ", "KT. BỘ TRƯỞNG"
      |(?:TM|KT|TL|TUQ)\s*\.\s*\S.*             # "KT.GIÁM ĐỐC"
      |(?:PHÓ\s+|QUYỀN\s+)?(?:THỦ\s+TƯỚNG|BỘ\s+TRƯỞNG|THỨ\s+TRƯỞNG|CHỦ\s+TỊCH|GIÁM\s+ĐỐC
         |THỐNG\s+ĐỐC|CHÁNH\s+ÁN|VIỆN\s+TRƯỞNG|TỔNG\s+KIỂM\s+TOÁN(?:\s+NHÀ\s+NƯỚC)?
         |CHỦ\s+NHIỆM|TỔNG\s+THƯ\s+KÝ|TRƯỞNG\s+BAN|CHÁNH\s+VĂN\s+PHÒNG|BÍ\s+THƯ
         |TỔNG\s+GIÁM\s+ĐỐC|CỤC\s+TRƯỞNG|CHÁNH\s+THANH\s+TRA|TỔNG\s+THANH\s+TRA
         |CHỦ\s+TỊCH\s+NƯỚC|TRƯỞNG\s+PHÒNG)
       (?:\s+\S+){0,6})\s*$                    # an office, possibly with its body
    """,
    "A line of a signature block: the capacity (TM., KT., TL.) or the office.",
    ["TM. CHÍNH PHỦ", "KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "KT.GIÁM ĐỐC", "THỨ TRƯỞNG",
     "GIÁM ĐỐC", "TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI"],
    ["THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ (Ký tên)", "Thủ tướng Chính phủ ban hành"],
    re.VERBOSE,
)

# "Nghị định này", "Thông tư này": a document speaking of itself (not "Điều này").
_OWN_DOCUMENT = (r"(?:Luật|Bộ\s+luật|Pháp\s+lệnh|Nghị\s+định|Nghị\s+quyết|Quyết\s+định"
                 r"|Thông\s+tư(?:\s+liên\s+tịch)?|Chỉ\s+thị|Kế\s+hoạch|Chương\s+trình|Văn\s+bản"
                 r"|Quy\s+chế|Quy\s+định|Đề\s+án|Phương\s+án)\s+này")

EFFECTIVE = _define(
    "effective",
    rf"""
    (?P<own>{_OWN_DOCUMENT}\s+                # "Nghị định này": the document itself,
      (?:[^.;]{{0,150}}?\s+và\s+)?)?            # maybe "... đã được thông qua ngày ... và"
    có\s+hiệu\s+lực(?:\s+thi\s+hành)?          # "có hiệu lực (thi hành)"
    (?:\s+kể)?\s+từ\s+(?:ngày\s*)?             # "(kể) từ (ngày)"
    (?P<when>.{{0,60}})                          # the date, "ký", "ký ban hành", "thông qua"
    """,
    "An effective-date clause; WHEN starts with the date or with 'ký'/'thông qua'. OWN is "
    "set when the document speaks of itself.",
    ["Nghị định này có hiệu lực thi hành từ ngày 01 tháng 8 năm 2026.",
     "Quyết định này có hiệu lực kể từ ngày ký.", "có hiệu lực thi hành kể từ ngày ký ban hành",
     "Nghị quyết này có hiệu lực thi hành kể từ ngày thông qua.",
     "Nghị quyết này đã được Hội đồng nhân dân tỉnh thông qua ngày 12 tháng 7 năm 2019 và có hiệu lực từ ngày 22"],
    ["hết hiệu lực kể từ ngày", "có hiệu lực pháp luật"],
    re.VERBOSE | re.IGNORECASE,
)

QUOTED_CLAUSE = _define(
    "quoted_clause",
    r":\s*[“\"]\s*(?:Điều\s+\d+[a-zđ]?\.?\s*)?(?:\d+\.\s*)?$",
    "Text just before a clause that quotes another document (an amendment's footnote in a "
    "văn bản hợp nhất): its 'Thông tư này' is not the quoting document.",
    ["quy định như sau: “1. ", "như sau: “Điều 2 1. ", "như sau: “"],
    ["Điều 12. Hiệu lực thi hành 1. ", 'để tổng hợp."\n\nĐiều 2. '],
)

OWN_AS_OBJECT = _define(
    "own_as_object",
    r"(?:ngày|khi|từ|trước|sau|thời\s+điểm)\s*$",
    "Text just before 'Nghị định này có hiệu lực' that makes it a point in time of a "
    "transitional rule ('trước ngày Nghị định này có hiệu lực'), not the document's term.",
    ["được cấp trước ngày ", "kể từ khi "],
    ["Điều 5. Hiệu lực thi hành "],
)

EXPIRES = _define(
    "expires",
    rf"""
    (?P<own>{_OWN_DOCUMENT}\b[^.;]{{0,120}}?)?  # the document itself, said before
    (?:có\s+hiệu\s+lực|thực\s+hiện|áp\s+dụng)  # in force, carried out, applied
    [^.;]{{0,80}}?\bđến\s+hết\s+               # ... "đến hết"
    (?:ngày\s+(?P<date>[^.;]{{6,25}})          # a day: "ngày 31 tháng 12 năm 2025"
      |năm\s+(?P<year>(?:19|20)\d{{2}}))       # a year: "năm 2025"
    """,
    "The end of a document's term: 'có hiệu lực đến hết ngày ...', 'thực hiện đến hết năm'.",
    ["Nghị quyết này có hiệu lực từ ngày ký đến hết ngày 31 tháng 12 năm 2025",
     "Chính sách này được thực hiện đến hết năm 2025."],
    ["có hiệu lực thi hành từ ngày 01 tháng 8 năm 2026"],
    re.VERBOSE | re.IGNORECASE,
)

PASSED_ON = _define(
    "passed_on",
    r"này\s+(?:đã\s+)?được\s+(?:Quốc\s+hội|Ủy\s+ban\s+Thường\s+vụ\s+Quốc\s+hội)[^.]{0,200}?"
    r"thông\s+qua\s+ngày\s+",
    "The closing line of a law or resolution: the date the National Assembly passed it.",
    ["Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XIV, kỳ họp "
     "thứ 10 thông qua ngày 13 tháng 11 năm 2020"],
    ["Luật đã được Quốc hội thông qua"],
)

TERM = _define(
    "term",
    r"""
    giai\s+đoạn\s+(?P<start>(?:19|20)\d{2})    # "giai đoạn 2011"
    \s*[-\u2013\u2014]\s*(?P<end>(?:19|20)\d{2})  # " - 2020"
    |(?<!đến\ )(?<!tới\ )\bnăm\s+(?P<year>(?:19|20)\d{2})\b  # "năm 2021", not "đến năm 2030"
    """,
    "A period a plan, programme or report covers, in its title.",
    ["Chương trình tổng thể cải cách hành chính giai đoạn 2011 - 2020",
     "Kế hoạch cải cách hành chính năm 2021", "giai đoạn 2021–2025"],
    ["tầm nhìn đến năm 2045", "Quý III/2021"],
    re.VERBOSE,
)

# What may be "ban hành kèm theo" a decision: a text issued with it, not a form or annex.
ATTACHED_TEXT = _define(
    "attached_text",
    r"\b(?:Quy\s+chế|Quy\s+định|Điều\s+lệ|Chương\s+trình|Đề\s+án|Kế\s+hoạch|Danh\s+mục"
    r"|Bộ\s+tiêu\s+chí|Hướng\s+dẫn|Chiến\s+lược|Quy\s+hoạch|Nội\s+quy)\b",
    "A text that can be issued with a decision ('Quy chế ... ban hành kèm theo Quyết định số').",
    ["Quy chế hoạt động và chế độ làm việc của Sở Ngoại vụ ban hành kèm theo ", "QUY ĐỊNH\nQuản lý (Ban hành kèm theo "],
    ["Mẫu số 01 tại Phụ lục ban hành kèm theo "],
    re.IGNORECASE,
)
# A form's code looks like a number: "Mẫu số 01/TNDN" is not a document.
FORM_BEFORE_NUMBER = _define(
    "form_before_number",
    r"\b(?:[Mm]ẫu|[Bb]iểu(?:\s+mẫu)?|[Pp]hụ\s+lục|[Tt]ờ\s+khai)(?:\s+số)?\s*:?\s*$",
    "The words before a form code, which is not a citation: 'Mẫu số: 01/TNDN'.",
    ["Mẫu số: ", "Mẫu ", "Biểu mẫu số "],
    ["Quyết định số "],
)

MARKDOWN_MARKS = _define(
    "markdown_marks",
    r"^\s*#+\s*|\*+|`+",
    "Markdown emphasis and heading marks around header lines of .md seeds ('**BÁO CÁO**').",
    ["**BÁO CÁO**", "## **II. Kết quả**"],
    ["BÁO CÁO"],
)

FOOTNOTE_MARK = _define(
    "footnote_mark",
    r"(?<=[^\d\s\-])\d{1,2}$",
    "A footnote number glued to the last word of a heading or title ('NGHỊ ĐỊNH1').",
    ["NGHỊ ĐỊNH1", "Quy định về đăng ký thuế1"],
    ["năm 2026", "COVID-19", "Điều 5"],
)

SIGNED_MARK = _define(
    "signed_mark",
    r"\((?:đã|Đã|ĐÃ)\s+(?:ký|KÝ)\)|\bĐã\s+ký\b",
    "'(Đã ký)' printed beside a signer's name in retyped texts.",
    ["Nguyễn Văn A (Đã ký)", "(đã ký)"],
    ["ngày ký"],
)

OCR_DEBRIS = _define(
    "ocr_debris",
    r"^\W*\w{0,2}[\])}|]\s*",
    "OCR debris before a signer's name: 'y]Phạm Thị Thanh Trà'.",
    ["y]Phạm Thị Thanh Trà", "|Lê Văn Thanh"],
    ["Phạm Thị Thanh Trà"],
)

FROM_SIGNING = _define(
    "from_signing",
    r"^(?:ngày\s+)?(?:ký|thông\s+qua)\b",
    "After 'có hiệu lực (kể) từ': the document's own date ('ngày ký', 'ngày thông qua').",
    ["ký ban hành.", "ngày ký.", "thông qua."],
    ["01 tháng 8 năm 2026"],
    re.IGNORECASE,
)

LAW_NAME = _define(
    "law_name",
    r"(?<!pháp )\b(bộ luật|luật|pháp lệnh)\s+(\w)",
    "A law named in a lower-cased title, to be capitalized again ('của Luật Bảo hiểm y tế').",
    ["sửa đổi, bổ sung một số điều của luật bảo hiểm y tế"],
    ["theo quy định của pháp luật về"],
)

ISSUER_NOISE = _define(
    "issuer_noise",
    r"^(?:của|bởi|TM|KT|TL|TUQ|Q)\b\.?\s*",
    "Words before an issuer phrase that are not part of it: 'của', 'TM.', 'KT.'.",
    ["của Ủy ban nhân dân tỉnh", "TM. ỦY BAN NHÂN DÂN", "KT. BỘ TRƯỞNG"],
    ["Quốc hội", "Tỉnh ủy"],
    re.IGNORECASE,
)

ISSUER_DASH = _define(
    "issuer_dash",
    r"\s*[\u2013\u2014\u2010\u2011\u2212]\s*|\s+-\s*|\s*-\s+",
    "A dash between names in an issuer phrase, however spaced ('Lao động – Thương binh').",
    ["Bộ Lao động – Thương binh và Xã hội", "BỘ TÀI CHÍNH -BỘ NỘI VỤ"],
    ["Bà Rịa-Vũng Tàu"],
)

CITY_ABBREVIATION = _define(
    "city_abbreviation",
    r"\b(TP|Tp|tp)\.(?=\S)",
    "'TP.' glued to a city's name ('TP.Đà Nẵng'), to be spaced before matching.",
    ["UBND TP.Đà Nẵng"],
    ["UBND TP. Đà Nẵng"],
)
