"""The phrases that state links between documents (căn cứ, bãi bỏ, thay thế ...)."""
from __future__ import annotations

import re

from .base import define as _define

# --- relations ---
# Each is searched at the END of the words between a citation and what comes before it
# (the previous citation in the sentence, or the start of the sentence or title).
_GAP = r"[^;\n]{0,100}?"  # a short stretch of words inside one clause

REL_REPEAL_PROPOSED = _define(
    "rel_repeal_proposed",
    rf"\b(?:đề\s+nghị|kiến\s+nghị|đề\s+xuất|tham\s+mưu){_GAP}\bbãi\s+bỏ\s*$",
    "A repeal asked for, not done: 'đề nghị bãi bỏ Quyết định số ...'.",
    ["Sở đã có văn bản gửi Sở Tư Pháp đề nghị bãi bỏ ", "kiến nghị bãi bỏ "],
    ["để thực hiện việc bãi bỏ "],
    re.IGNORECASE,
)
REL_REPEALED_NOUN = _define(
    "rel_repealed_noun",
    r"\bviệc\s+bãi\s+bỏ\s*$",
    "A repeal reported as done, by an act not named: 'để thực hiện việc bãi bỏ ...'.",
    ["đồng thời để thực hiện việc bãi bỏ "],
    ["đề nghị bãi bỏ "],
    re.IGNORECASE,
)
REL_REPEALS = _define(
    "rel_repeals",
    r"""\b(?:bãi\s+bỏ|hủy\s+bỏ|huỷ\s+bỏ)                      # the verb
    (?P<part>\s+(?:(?:toàn\s+bộ|một\s+số)\s+)?                 # optional provisions ...
       (?:(?:điểm|khoản|Điều|Chương|Mục|Phụ\s+lục)\s+[\w.,\s]{1,40}?)
       \s+(?:của|tại))?                                         # ... "của"
    (?:(?:\s+toàn\s+bộ)?\s+(?:các|những)\s+(?:văn\s+bản|quyết\s+định|thông\s+tư|nghị\s+định)
       (?:\s+sau(?:\s+đây)?)?:?)?                                 # "toàn bộ các quyết định sau đây:"
    \s*$""",
    "A repeal the document makes: 'Bãi bỏ Quyết định số', 'bãi bỏ Điều 4 của Thông tư số'.",
    ["Bãi bỏ ", "Điều 2. Bãi bỏ Điều 4 của ", "bãi bỏ khoản 2 Điều 3 của ",
     "Điều 1. Bãi bỏ toàn bộ các quyết định sau đây:"],
    ["bãi bỏ những văn bản có nội dung chồng chéo"],
    re.IGNORECASE | re.VERBOSE,
)
REL_REPLACES = _define(
    "rel_replaces",
    r"\bthay\s+thế(?:\s+cho)?(?:\s+(?:các|những)\s+văn\s+bản(?:\s+sau(?:\s+đây)?)?:?)?\s*$",
    "A replacement: 'Quyết định này thay thế Quyết định số ...'.",
    ["Quyết định này thay thế ", "và thay thế cho "],
    ["thay thế nhân sự"],
    re.IGNORECASE,
)
REL_AMENDS = _define(
    "rel_amends",
    r"""\b(?:sửa\s+đổi,?\s*(?:và\s+)?bổ\s+sung|sửa\s+đổi|bổ\s+sung)  # the verb
    (?:\s+(?:một\s+số\s+(?:điều|nội\s+dung)|(?:điểm|khoản|Điều|Chương|Phụ\s+lục)\s+[\w.,\s]{1,40}?)
       \s+(?:của|tại))?                                         # optional provisions
    \s*$""",
    "An amendment: 'sửa đổi, bổ sung một số điều của Quyết định số ...'.",
    ["Sửa đổi, bổ sung một số điều của ", "sửa đổi, bổ sung ", "sửa đổi Điều 5 của "],
    ["sửa đổi, bổ sung phù hợp"],
    re.IGNORECASE | re.VERBOSE,
)
REL_AMENDED_BY = _define(
    "rel_amended_by",
    r"^[\s,]*(?:có\s+hiệu\s+lực[^;:]{0,60}?,\s*)?(?:đã\s+)?được\s+sửa\s+đổi,?\s*(?:bổ\s+sung)?(?:\s+một\s+số\s+điều)?\s+(?:bởi|theo|tại)\s*:?\s*(?:\d+\.\s*)?$",
    "Between X and Y: 'X được sửa đổi, bổ sung bởi Y' (Y amends X).",
    [" được sửa đổi, bổ sung bởi ", " đã được sửa đổi, bổ sung một số điều theo ",
     ", có hiệu lực kể từ ngày 01 tháng 7 năm 2025, được sửa đổi, bổ sung bởi:\n"],
    [" và "],
    re.IGNORECASE,
)
REL_IMPLEMENTS = _define(
    "rel_implements",
    r"""\b(?:hướng\s+dẫn(?:\s+(?:thi\s+hành|thực\s+hiện|chi\s+tiết))?(?:\s+một\s+số\s+điều(?:\s+của)?)?
      |quy\s+định\s+chi\s+tiết(?:\s+(?:và\s+hướng\s+dẫn\s+)?(?:thi\s+hành\s+)?)?(?:\s*một\s+số\s+điều(?:\s+và\s+biện\s+pháp\s+thi\s+hành)?)?(?:\s+của)?
      |triển\s+khai(?:\s+thực\s+hiện)?|thực\s+hiện(?:\s+(?:nghiêm\s+túc|có\s+hiệu\s+quả|hiệu\s+quả|tốt))?)
    \s*$""",
    "Guidance or implementation: 'Hướng dẫn thi hành Nghị định số', 'triển khai thực hiện Kế hoạch số'.",
    ["Hướng dẫn thi hành ", "Quy định chi tiết một số điều của ", "triển khai thực hiện ",
     "thực hiện nghiêm túc "],
    ["thực hiện việc bãi bỏ "],
    re.IGNORECASE | re.VERBOSE,
)
REL_BASIS = _define(
    "rel_basis",
    r"\b(?:căn\s+cứ|theo\s+đề\s+nghị|trên\s+cơ\s+sở|xét)\b(?:[^;.\n]{0,60}?\btại)?\s*$",
    "A basis: 'Căn cứ Nghị định số', 'Theo đề nghị của Sở Nội vụ tại Công văn số', "
    "'trên cơ sở quy định của UBND tỉnh tại Quyết định số'.",
    ["Căn cứ ", "Theo đề nghị của Sở Nội vụ tại ", "trên cơ sở quy định của UBND tỉnh tại ",
     "Trên cơ sở hướng dẫn tại ", "Xét "],
    ["căn cứ vào tình hình thực tế"],
    re.IGNORECASE,
)
REL_BASIS_THEO = _define(
    "rel_basis_theo",
    r"^[\s,]*theo\s*$",
    "Between Y and X: 'Quyết định số Y ngày ... theo Luật ... số X' (Y is based on X).",
    [" theo "],
    [" theo quy định của "],
    re.IGNORECASE,
)
REL_CORRECTS = _define(
    "rel_corrects",
    r"\bđính\s+chính(?:\s+(?:một\s+số\s+nội\s+dung|nội\s+dung|sai\s+sót)(?:\s+(?:của|tại))?)?\s*$",
    "A correction: 'Đính chính Thông tư số ...'.",
    ["Đính chính ", "đính chính một số nội dung tại "],
    ["đính chính lại"],
    re.IGNORECASE,
)
REL_SUSPENDS = _define(
    "rel_suspends",
    r"""\b(?:đình\s+chỉ(?:\s+thi\s+hành|\s+việc\s+thi\s+hành)?|ngưng\s+hiệu\s+lực(?:\s+thi\s+hành)?
      |tạm\s+ngưng(?:\s+hiệu\s+lực)?|tạm\s+đình\s+chỉ(?:\s+thi\s+hành)?)
    (?:\s+(?:toàn\s+bộ|một\s+phần|(?:khoản|Điều)\s+[\w.,\s]{1,30}?\s+(?:của|tại)))?\s*$""",
    "A suspension: 'đình chỉ thi hành Quyết định số', 'ngưng hiệu lực Điều 3 của'.",
    ["Đình chỉ thi hành ", "ngưng hiệu lực toàn bộ ", "Tạm ngưng hiệu lực Điều 3 của "],
    ["đình chỉ công tác"],
    re.IGNORECASE | re.VERBOSE,
)
REL_ATTACHED = _define(
    "rel_attached",
    r"\bban\s+hành\s+kèm\s+theo\s*$",
    "An unnumbered text issued with a decision: 'Quy chế ... ban hành kèm theo Quyết định số'.",
    ["Quy chế làm việc ban hành kèm theo "],
    ["ban hành Quy chế"],
    re.IGNORECASE,
)
REL_EXPIRES_AFTER = _define(
    "rel_expires_after",
    r"^[\s,]*(?:và\s+các\s+văn\s+bản\s+[^;.\n]{0,60}?\s+)?(?:hết|không\s+còn)\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+(?:kể\s+)?từ\s+ngày",
    "After X: 'Thông tư số X hết hiệu lực kể từ ngày Thông tư này có hiệu lực' (a repeal).",
    [" hết hiệu lực kể từ ngày Thông tư này có hiệu lực", " hết hiệu lực thi hành từ ngày"],
    [" hết hiệu lực."],
    re.IGNORECASE,
)
REL_REPEALED_AFTER = _define(
    "rel_repealed_after",
    r"^[\s,]*(?:đã\s+)?(?:bị\s+)?(?:bãi\s+bỏ|hết\s+hiệu\s+lực)(?:\s+(?:toàn\s+bộ|một\s+phần))?(?=[\s,.;)]|$)(?!\s+(?:kể\s+)?từ)",
    "After X, in a report: 'Quyết định số X đã bị bãi bỏ', '... đã hết hiệu lực'.",
    [" đã bị bãi bỏ", " đã hết hiệu lực.", " bị bãi bỏ toàn bộ"],
    [" hết hiệu lực kể từ ngày"],
    re.IGNORECASE,
)
# Where a report's sentence turns to what its subject did: ", Sở đã có Văn bản số ...".
MAIN_CLAUSE_PRODUCT = _define(
    "main_clause_product",
    r"\b(?:có|ban\s+hành|xây\s+dựng)\s*$",
    "The verb before the document a sentence's subject produced.",
    ["Sở đã có ", "Sở đã tham mưu UBND tỉnh có ", "Sở ban hành "],
    ["theo chỉ đạo của UBND tỉnh tại "],
    re.IGNORECASE,
)
MAIN_CLAUSE_REPORTS = _define(
    "main_clause_reports",
    r",\s*(?:[A-ZĐ][^,;.\n]{0,40}?\s)?(?:kính\s+)?báo\s+cáo\b",
    "A report's main clause: ', Sở Ngoại vụ (kính) báo cáo ...'.",
    [", Sở Ngoại vụ báo cáo kết quả", ", Sở Ngoại vụ kính báo cáo kết quả"],
    ["Sở đã có Báo cáo số"],
)
SENTENCE_END = _define(
    "sentence_end",
    r"[.;!?…](?=\s)|\n",
    "Where a sentence or list item ends.",
    ["ban hành. Theo", "2021; Kế hoạch"],
    ["15/2013/QĐ-UBND"],
)

# A trích yếu written before the number: "UBND tỉnh phê duyệt X tại Quyết định số N".
TITLE_BEFORE_NUMBER = _define(
    "title_before_number",
    r"""
    (?P<title>
      (?:phê\s+duyệt|ban\s+hành|quy\s+định|điều\s+chỉnh,\s+bổ\s+sung|điều\s+chỉnh
        |công\s+bố|công\s+khai|sửa\s+đổi,\s+bổ\s+sung)\b     # the verb that opens it
      [^;.()\n]{3,250}?)                                          # the subject matter
    [ \t]*(?:tại[ \t]*)?\(?[ \t]*$                               # "tại" or "(" before the type
    """,
    "A trích yếu that precedes its citation (search it in the clause before the type word).",
    ["UBND tỉnh phê duyệt quy trình nội bộ tại ", "Sở ban hành Quy chế làm việc tại ",
     "công bố Bộ TTHC thuộc thẩm quyền giải quyết của Sở Ngoại vụ ("],
    ["Sở đã ban hành "],
    re.VERBOSE | re.IGNORECASE,
)

# A law named without its number in a căn cứ: "Căn cứ Luật Tổ chức chính quyền địa phương
# ngày 19 tháng 6 năm 2015;", and the next ones of the same list after a ";". Most căn cứ of
# provincial and ministerial documents cite laws so (514 of 579 in the 400 gazette texts).
NAMED_LAW = _define(
    "named_law",
    r"""
    (?:\bCăn[ \t]+cứ[ \t]+|;[ \t]*)                          # after "Căn cứ", or ";" in its list
    (?P<name>(?:Bộ[ \t]+luật|Luật|Pháp[ \t]+lệnh)[ \t]+     # the type word ...
      [^;:\n.()]{2,160}?)                                      # ... and the name, commas too
    [ \t]+(?P<date>ngày[ \t]+\d{1,2}[ \t]+tháng[ \t]+\d{1,2}[ \t]+năm[ \t]+\d{4})  # when passed
    """,
    "A law or ordinance named with its date and no number, in a căn cứ list.",
    ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
     "; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa "
     "phương ngày 22 tháng 11 năm 2019;", "Căn cứ Bộ luật Dân sự ngày 24 tháng 11 năm 2015;",
     "Căn cứ Pháp lệnh Lãnh sự ngày 24 tháng 11 năm 1990;"],
    ["Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;", "theo Luật Đất đai ngày 18 tháng 01 năm 2024",
     "Căn cứ Nghị định số 34/2016/NĐ-CP ngày 14 tháng 5 năm 2016"],
    re.VERBOSE,
)

# A line (a reflowed paragraph) that is a căn cứ: "Căn cứ Luật …; Luật …;".
REL_BASIS_LINE = _define(
    "rel_basis_line",
    r"[ \t“\"]*Căn[ \t]+cứ\b",
    "A paragraph that lists căn cứ, from its start.",
    ["Căn cứ Luật Tổ chức chính quyền địa phương", "  Căn cứ Nghị định"],
    ["Theo Luật Đất đai"],
    anchored=True,
)
