"""Every regular expression legaldocs uses, each with a comment and examples.

Data only: the modules that use these (numbers, dates, readers, extract) import them from
here. ``tests/test_patterns.py`` makes every example match its pattern and every
counter-example fail.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Pattern:
    name: str
    regex: re.Pattern
    comment: str
    examples: tuple  # strings the pattern must find (search)
    counter_examples: tuple = ()  # strings it must not find
    anchored: bool = False  # used with Pattern.match(text, pos): examples match at their start

    def finds(self, text: str) -> bool:
        return bool(self.regex.match(text) if self.anchored else self.regex.search(text))


REGISTRY: dict[str, Pattern] = {}


def _define(name, source, comment, examples, counter_examples=(), flags=0, anchored=False) -> re.Pattern:
    compiled = re.compile(source, flags)
    REGISTRY[name] = Pattern(name, compiled, comment, tuple(examples), tuple(counter_examples), anchored)
    return compiled


# Characters used as a dash inside a ký hiệu: hyphen, en dash, non-breaking and
# Unicode hyphens, minus sign.
DASH = "-\u2013\u2010\u2011\u2212"
# Upper-case letters of a ký hiệu segment, with Đ and its look-alike Ð (U+00D0).
UP = "A-ZĐÐ"
LETTER = "A-Za-zĐđÐ"

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

TYPE_BEFORE_NUMBER = _define(
    "type_before_number",
    rf"""
    (?:
      (?P<law>[Bb]ộ[ \t]luật|[Ll]uật|[Pp]háp[ \t]lệnh)   # a law or ordinance ...
      [ \t]+(?P<name>(?:(?!{_TYPE_WORDS_VERBOSE}|số\b)[^\n;:.()]){{1,90}}?)  # its name, commas too
      [ \t]+số[ \t]*:?[ \t]*\n?[ \t]*                    # ... then "số"
    |
      (?P<type>{_TYPE_WORDS_VERBOSE})                    # the type word
      [ \t]*\n?[ \t]*(?:số[ \t]*:?[ \t]*\n?[ \t]*)?     # "số", "số:", or nothing ("Chỉ thị 03-CT/TW")
    )
    $""",
    "The type word just before a number, anchored at the number's start (search it in the "
    "last hundred or so characters before the number).",
    ["Quyết định số ", "Kế hoạch số ", "Chỉ thị ", "Luật ngân sách nhà nước số ",
     "Thông tư liên tịch số ", "quyết định số ", "Công văn số "],
    ["Sở đã ban hành ", "tại ", "Luật ngân sách nhà nước và "],
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
