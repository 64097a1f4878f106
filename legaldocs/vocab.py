"""Vocabulary and patterns of Vietnamese legal documents: data only.

Every table entry and every pattern carries an example; ``tests/test_vocab.py`` makes each
example match (as reporters-db does for its reporters). Sources: Decree 30/2020/NĐ-CP
Appendix III (type abbreviations), Law 80/2015/QH13 (normative documents), the national
database's relation names (vbpl.vn).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocType:
    code: str | None  # abbreviation in the ký hiệu; None for công văn, luật, pháp lệnh
    name: str  # full Vietnamese name, capitalized as in running text
    english: str
    example: str  # a number or phrase where the type shows
    normative: bool = False


# Document types. Decree 30/2020 Appendix III for administrative types; Law 80/2015 for
# normative ones. ``example`` is a number carrying the code (or a phrase for those without).
DOC_TYPES: tuple[DocType, ...] = (
    DocType("NQ", "Nghị quyết", "Resolution", "30c/NQ-CP", True),
    DocType("QĐ", "Quyết định", "Decision", "15/2013/QĐ-UBND", True),
    DocType("CT", "Chỉ thị", "Directive", "07/CT-TTg"),
    DocType("QC", "Quy chế", "Regulation", "12/QC-UBND"),
    DocType("QyĐ", "Quy định", "Regulation", "05/QyĐ-SNV"),
    DocType("QĐi", "Quy định", "Regulation (Party)", "08-QĐi/TU"),
    DocType("TC", "Thông cáo", "Communiqué", "01/TC-VPCP"),
    DocType("TB", "Thông báo", "Notice", "120/TB-VPCP"),
    DocType("HD", "Hướng dẫn", "Guidance", "01/HD-UBND"),
    DocType("CTr", "Chương trình", "Programme", "2094/CTr-SNG"),
    DocType("KH", "Kế hoạch", "Plan", "984/KH-SNgV"),
    DocType("PA", "Phương án", "Scheme", "03/PA-UBND"),
    DocType("ĐA", "Đề án", "Project", "06/ĐA-UBND"),
    DocType("DA", "Dự án", "Project", "02/DA-SNN"),
    DocType("BC", "Báo cáo", "Report", "250/BC-SNgV"),
    DocType("BB", "Biên bản", "Minutes", "15/BB-SNV"),
    DocType("TTr", "Tờ trình", "Submission", "45/TTr-SNgV"),
    DocType("HĐ", "Hợp đồng", "Contract", "09/HĐ-SNgV"),
    DocType("CĐ", "Công điện", "Official telegram", "06/CĐ-TTg"),
    DocType("GN", "Bản ghi nhớ", "Memorandum", "01/GN-UBND"),
    DocType("TTh", "Bản thỏa thuận", "Agreement", "02/TTh-UBND"),
    DocType("GUQ", "Giấy ủy quyền", "Power of attorney", "03/GUQ-SNgV"),
    DocType("GM", "Giấy mời", "Invitation", "77/GM-UBND"),
    DocType("GGT", "Giấy giới thiệu", "Letter of introduction", "12/GGT-SNgV"),
    DocType("GNP", "Giấy nghỉ phép", "Leave permit", "05/GNP-SNgV"),
    DocType("PG", "Phiếu gửi", "Dispatch slip", "08/PG-VP"),
    DocType("PC", "Phiếu chuyển", "Transfer slip", "09/PC-VP"),
    DocType("PB", "Phiếu báo", "Notice slip", "10/PB-VP"),
    DocType("SY", "Bản sao y", "True copy", "11/SY-VP"),
    DocType("TrS", "Bản trích sao", "Extract copy", "12/TrS-VP"),
    DocType("SL", "Bản sao lục", "Transcript copy", "13/SL-VP"),
    DocType("NĐ", "Nghị định", "Decree", "16/2015/NĐ-CP", True),
    DocType("TT", "Thông tư", "Circular", "01/2021/TT-BNG", True),
    DocType("TTLT", "Thông tư liên tịch", "Joint circular", "02/2015/TTLT-BTC-BNV", True),
    DocType("VBHN", "Văn bản hợp nhất", "Consolidated text", "12/VBHN-BTC", True),
    DocType("KL", "Kết luận", "Conclusion", "21-KL/TW"),
    DocType(None, "Luật", "Law", "Luật ngân sách nhà nước số 83/2015/QH13", True),
    DocType(None, "Bộ luật", "Code", "Bộ luật Dân sự số 91/2015/QH13", True),
    DocType(None, "Pháp lệnh", "Ordinance", "Pháp lệnh số 04/2022/UBTVQH15", True),
    DocType(None, "Hiến pháp", "Constitution", "Hiến pháp năm 2013", True),
    DocType(None, "Công văn", "Official letter", "Công văn số 352/SNV-CCHCVTLT"),
    DocType(None, "Văn bản", "Document", "Văn bản số 1687/UBND-NC"),
    DocType(None, "Thư công", "Official letter", "Thư công số 05/UBND"),
)

TYPE_BY_CODE = {t.code: t for t in DOC_TYPES if t.code}
TYPE_BY_NAME = {t.name.lower(): t for t in DOC_TYPES if t.code or t.name}


@dataclass(frozen=True)
class Issuer:
    code: str  # as it appears in a ký hiệu
    name: str  # full name as cited ("Thủ tướng Chính phủ")
    english: str
    example: str  # a number carrying the code
    local: bool = False  # a provincial body: its full name takes the province from context
    short: str | None = None  # the short form officials write ("UBND")


# Issuer codes seen in numbers. Local bodies (UBND, HĐND, Sở...) take the province or
# city from context: "UBND tỉnh" in a Bình Định document is UBND tỉnh Bình Định.
ISSUERS: tuple[Issuer, ...] = (
    Issuer("CP", "Chính phủ", "the Government", "16/2015/NĐ-CP"),
    Issuer("TTg", "Thủ tướng Chính phủ", "the Prime Minister", "58/2012/QĐ-TTg"),
    Issuer("QH", "Quốc hội", "the National Assembly", "83/2015/QH13"),
    Issuer("UBTVQH", "Ủy ban Thường vụ Quốc hội", "the Standing Committee of the National Assembly", "89/2025/UBTVQH15"),
    Issuer("CTN", "Chủ tịch nước", "the President", "01/2023/L-CTN"),
    Issuer("UBND", "Ủy ban nhân dân", "the People's Committee", "15/2013/QĐ-UBND", True, "UBND"),
    Issuer("HĐND", "Hội đồng nhân dân", "the People's Council", "10/2020/NQ-HĐND", True, "HĐND"),
    Issuer("VPUBND", "Văn phòng Ủy ban nhân dân", "the Office of the People's Committee", "178/VPUBND-KSTT", True, "Văn phòng UBND"),
    Issuer("BNG", "Bộ Ngoại giao", "the Ministry of Foreign Affairs", "01/2021/TT-BNG"),
    Issuer("BNV", "Bộ Nội vụ", "the Ministry of Home Affairs", "02/2015/TTLT-BTC-BNV"),
    Issuer("BTC", "Bộ Tài chính", "the Ministry of Finance", "12/VBHN-BTC"),
    Issuer("BTP", "Bộ Tư pháp", "the Ministry of Justice", "09/2019/TT-BTP"),
    Issuer("BCA", "Bộ Công an", "the Ministry of Public Security", "60/2023/TT-BCA"),
    Issuer("BQP", "Bộ Quốc phòng", "the Ministry of National Defence", "10/2022/TT-BQP"),
    Issuer("BYT", "Bộ Y tế", "the Ministry of Health", "20/2022/TT-BYT"),
    Issuer("BGDĐT", "Bộ Giáo dục và Đào tạo", "the Ministry of Education and Training", "32/2020/TT-BGDĐT"),
    Issuer("BCT", "Bộ Công Thương", "the Ministry of Industry and Trade", "25/2019/TT-BCT"),
    Issuer("BXD", "Bộ Xây dựng", "the Ministry of Construction", "06/2021/TT-BXD"),
    Issuer("BKHCN", "Bộ Khoa học và Công nghệ", "the Ministry of Science and Technology", "14/2025/TT-BKHCN"),
    Issuer("BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch", "the Ministry of Culture, Sports and Tourism", "03/2018/TT-BVHTTDL"),
    Issuer("BNNMT", "Bộ Nông nghiệp và Môi trường", "the Ministry of Agriculture and Environment", "15/2025/TT-BNNMT"),
    Issuer("BKHĐT", "Bộ Kế hoạch và Đầu tư", "the Ministry of Planning and Investment", "03/2021/TT-BKHĐT"),
    Issuer("BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội", "the Ministry of Labour, Invalids and Social Affairs", "10/2020/TT-BLĐTBXH"),
    Issuer("BGTVT", "Bộ Giao thông vận tải", "the Ministry of Transport", "12/2020/TT-BGTVT"),
    Issuer("BTNMT", "Bộ Tài nguyên và Môi trường", "the Ministry of Natural Resources and Environment", "02/2022/TT-BTNMT"),
    Issuer("BNNPTNT", "Bộ Nông nghiệp và Phát triển nông thôn", "the Ministry of Agriculture and Rural Development", "05/2021/TT-BNNPTNT"),
    Issuer("BTTTT", "Bộ Thông tin và Truyền thông", "the Ministry of Information and Communications", "22/2020/TT-BTTTT"),
    Issuer("NHNN", "Ngân hàng Nhà nước Việt Nam", "the State Bank of Vietnam", "32/2026/TT-NHNN"),
    Issuer("VPCP", "Văn phòng Chính phủ", "the Government Office", "01/2020/TT-VPCP"),
    Issuer("TANDTC", "Tòa án nhân dân tối cao", "the Supreme People's Court", "01/2022/TT-TANDTC"),
    Issuer("VKSNDTC", "Viện kiểm sát nhân dân tối cao", "the Supreme People's Procuracy", "02/2023/TT-VKSNDTC"),
    Issuer("KTNN", "Kiểm toán nhà nước", "the State Audit Office", "01/2024/QĐ-KTNN"),
    Issuer("TW", "Ban Chấp hành Trung ương", "the Party Central Committee", "48-NQ/TW"),
    Issuer("TU", "Tỉnh ủy", "the Provincial Party Committee", "7365-QĐ/TU", True, "Tỉnh ủy"),
    Issuer("SNgV", "Sở Ngoại vụ", "the Department of Foreign Affairs", "984/KH-SNgV", True),
    Issuer("SNG", "Sở Ngoại vụ", "the Department of Foreign Affairs", "2094/CTr-SNG", True),
    Issuer("SNV", "Sở Nội vụ", "the Department of Home Affairs", "352/SNV-CCHCVTLT", True),
    Issuer("STP", "Sở Tư pháp", "the Department of Justice", "120/STP-XDKTVB", True),
    Issuer("STC", "Sở Tài chính", "the Department of Finance", "45/STC-NS", True),
)

ISSUER_BY_CODE = {i.code: i for i in ISSUERS}

# Drafting-unit codes that appear after an issuer in công văn numbers; known so that a
# user typing them in lower case gets the registered spelling back.
UNIT_CODES: dict[str, str] = {
    "KSTT": "178/VPUBND-KSTT",  # Phòng Kiểm soát thủ tục hành chính
    "CCHCVTLT": "352/SNV-CCHCVTLT",  # Phòng CCHC - Văn thư lưu trữ
    "CCHC": "623/SNV-CCHC",
    "TCBC": "155/SNV-TCBC",
    "NC": "1687/UBND-NC",  # Nội chính
    "VP": "333/SNgV-VP",  # Văn phòng
}

# Every code a ký hiệu segment may be canonicalized to (type codes, issuer codes, units).
KNOWN_CODES: tuple[str, ...] = tuple(
    dict.fromkeys(
        [t.code for t in DOC_TYPES if t.code] + [i.code for i in ISSUERS] + list(UNIT_CODES)
    )
)

# Relation kinds, as the JSON contract names them, with the Vietnamese label shown to users
# (the national database's pairs) and an example of the wording that states them.
RELATION_KINDS: dict[str, tuple[str, str, str]] = {
    # kind: (label, inverse label, example)
    "based_on": ("căn cứ", "được căn cứ bởi", "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020"),
    "amends": ("sửa đổi, bổ sung", "bị sửa đổi, bổ sung bởi", "sửa đổi, bổ sung một số điều của Nghị định số 16/2015/NĐ-CP"),
    "repeals": ("bãi bỏ", "bị bãi bỏ bởi", "Bãi bỏ Quyết định số 15/2013/QĐ-UBND"),
    "replaces": ("thay thế", "bị thay thế bởi", "thay thế Quyết định số 58/2012/QĐ-TTg"),
    "implements": ("hướng dẫn, quy định chi tiết", "được hướng dẫn bởi", "quy định chi tiết một số điều của Luật số 80/2015/QH13"),
    "attached_to": ("ban hành kèm theo", "ban hành kèm", "ban hành kèm theo Quyết định số 84/QĐ-SNgV"),
    "repeal_proposed": ("đề nghị bãi bỏ", "được đề nghị bãi bỏ bởi", "đề nghị bãi bỏ Quyết định số 15/2013/QĐ-UBND"),
    "repealed": ("đã bị bãi bỏ", "", "việc bãi bỏ Quyết định số 58/2012/QĐ-TTg"),
    "corrects": ("đính chính", "được đính chính bởi", "đính chính Thông tư số 01/2021/TT-BNG"),
    "consolidates": ("hợp nhất", "được hợp nhất bởi", "Văn bản hợp nhất Nghị định số 16/2015/NĐ-CP"),
    "suspends": ("đình chỉ, ngưng hiệu lực", "bị đình chỉ bởi", "đình chỉ thi hành Quyết định số 10/2020/QĐ-UBND"),
}


# --- issuers ---
# Tables for turning an issuer phrase as written into the one form the registry uses
# (legaldocs.issuers). Every entry carries an example of the phrase it stands for.


@dataclass(frozen=True)
class Locality:
    name: str  # the proper name as written in running text: "Bình Định", "Bà Rịa - Vũng Tàu"
    kind: str  # "tỉnh" or "thành phố" (centrally governed city)
    before_2025: bool  # one of the 63 units before 1 July 2025
    after_2025: bool  # one of the 34 units from 1 July 2025
    successor: str | None  # the unit it joined on 1 July 2025, when it ceased
    example: str  # a header or phrase naming it

    @property
    def full(self) -> str:
        """The locality as an issuer name carries it: "tỉnh Bình Định"."""
        return f"{self.kind} {self.name}"


def _p(name: str, successor: str | None = None, kind: str = "tỉnh", before: bool = True,
       after: bool | None = None) -> Locality:
    """A province-level unit; it continues after 2025 unless it has a successor."""
    after = successor is None if after is None else after
    head = "UBND TỈNH" if kind == "tỉnh" else "UBND THÀNH PHỐ"
    return Locality(name, kind, before, after, successor, f"{head} {name.upper()}")


# The province-level units: the 63 before 1 July 2025 and the 34 after it (Resolution
# 202/2025/QH15; verify against the official text before relying on ``successor``).
# "Thành phố Hồ Chí Minh" keeps its capital T: "Thành phố" is part of the name.
LOCALITIES: tuple[Locality, ...] = (
    _p("Hà Nội", kind="thành phố"),
    _p("Hồ Chí Minh", kind="Thành phố"),
    _p("Hải Phòng", kind="thành phố"),
    _p("Đà Nẵng", kind="thành phố"),
    _p("Cần Thơ", kind="thành phố"),
    _p("Huế", kind="thành phố", before=False),  # Thừa Thiên Huế became a city on 1/1/2025
    _p("Thừa Thiên Huế", "Huế"),
    _p("An Giang"), _p("Kiên Giang", "An Giang"),
    _p("Bà Rịa - Vũng Tàu", "Hồ Chí Minh"), _p("Bình Dương", "Hồ Chí Minh"),
    _p("Bắc Ninh"), _p("Bắc Giang", "Bắc Ninh"),
    _p("Thái Nguyên"), _p("Bắc Kạn", "Thái Nguyên"),
    _p("Cà Mau"), _p("Bạc Liêu", "Cà Mau"),
    _p("Vĩnh Long"), _p("Bến Tre", "Vĩnh Long"), _p("Trà Vinh", "Vĩnh Long"),
    _p("Gia Lai"), _p("Bình Định", "Gia Lai"),
    _p("Đồng Nai"), _p("Bình Phước", "Đồng Nai"),
    _p("Lâm Đồng"), _p("Bình Thuận", "Lâm Đồng"), _p("Đắk Nông", "Lâm Đồng"),
    _p("Cao Bằng"), _p("Điện Biên"), _p("Hà Tĩnh"), _p("Lai Châu"), _p("Lạng Sơn"),
    _p("Nghệ An"), _p("Quảng Ninh"), _p("Sơn La"), _p("Thanh Hóa"),
    _p("Đắk Lắk"), _p("Phú Yên", "Đắk Lắk"),
    _p("Đồng Tháp"), _p("Tiền Giang", "Đồng Tháp"),
    _p("Tuyên Quang"), _p("Hà Giang", "Tuyên Quang"),
    _p("Ninh Bình"), _p("Hà Nam", "Ninh Bình"), _p("Nam Định", "Ninh Bình"),
    _p("Hải Dương", "Hải Phòng"), _p("Sóc Trăng", "Cần Thơ"), _p("Hậu Giang", "Cần Thơ"),
    _p("Phú Thọ"), _p("Hòa Bình", "Phú Thọ"), _p("Vĩnh Phúc", "Phú Thọ"),
    _p("Hưng Yên"), _p("Thái Bình", "Hưng Yên"),
    _p("Khánh Hòa"), _p("Ninh Thuận", "Khánh Hòa"),
    _p("Lào Cai"), _p("Yên Bái", "Lào Cai"),
    _p("Quảng Ngãi"), _p("Kon Tum", "Quảng Ngãi"),
    _p("Quảng Trị"), _p("Quảng Bình", "Quảng Trị"),
    _p("Quảng Nam", "Đà Nẵng"),
    _p("Tây Ninh"), _p("Long An", "Tây Ninh"),
)

# Words naming the level of a locality, with their abbreviations, as written before a
# name: "tỉnh Bình Định", "TP. Đà Nẵng", "huyện Tuy Phước".
LOCALITY_KINDS: dict[str, str] = {
    # as written (any case): canonical level word
    "tỉnh": "tỉnh",  # "UBND tỉnh Bình Định"
    "thành phố": "thành phố",  # "UBND thành phố Đà Nẵng"
    "tp.": "thành phố",  # "UBND TP. Đà Nẵng"
    "tp": "thành phố",  # "UBND TP Hồ Chí Minh"
    "huyện": "huyện",  # "UBND huyện Tuy Phước"
    "quận": "quận",  # "UBND quận Hải Châu"
    "thị xã": "thị xã",  # "UBND thị xã An Nhơn"
    "thị trấn": "thị trấn",  # "UBND thị trấn Tuy Phước"
    "phường": "phường",  # "UBND phường Hải Châu"
    "xã": "xã",  # "UBND xã Phước Lộc"
}

# Abbreviations in issuer phrases, expanded before matching: (expansion, example).
ISSUER_ABBREVIATIONS: dict[str, tuple[str, str]] = {
    "UBND": ("Ủy ban nhân dân", "UBND tỉnh Bình Định"),
    "HĐND": ("Hội đồng nhân dân", "HĐND tỉnh Bình Định"),
    "HDND": ("Hội đồng nhân dân", "HDND tinh Binh Dinh"),
    "VPUBND": ("Văn phòng Ủy ban nhân dân", "VPUBND tỉnh"),
    "VP": ("Văn phòng", "VP UBND tỉnh"),
    "BTV": ("Ban Thường vụ", "BTV Thành ủy Đà Nẵng"),
    "BCH": ("Ban Chấp hành", "BCH Trung ương"),
    "NHNN": ("Ngân hàng Nhà nước Việt Nam", "NHNN"),
    "UBTVQH": ("Ủy ban Thường vụ Quốc hội", "UBTVQH"),
    "TP.HCM": ("Thành phố Hồ Chí Minh", "UBND TP.HCM"),
    "TPHCM": ("Thành phố Hồ Chí Minh", "UBND TPHCM"),
    "HCM": ("Hồ Chí Minh", "UBND TP HCM"),
}

# Bodies local to a province or city: the canonical short form of the organ, the example.
# Their full name takes the locality ("UBND tỉnh Bình Định", "Sở Nội vụ tỉnh Bình Định");
# Party committees take the bare name ("Thành ủy Đà Nẵng").
LOCAL_BODIES: dict[str, tuple[str, str]] = {
    # written (expanded) form: (canonical form, example)
    "Chủ tịch Ủy ban nhân dân": ("Chủ tịch UBND", "Chủ tịch UBND thành phố"),
    "Phó Chủ tịch Ủy ban nhân dân": ("Phó Chủ tịch UBND", "Phó Chủ tịch UBND tỉnh"),
    "Văn phòng Ủy ban nhân dân": ("Văn phòng UBND", "Văn phòng Ủy ban nhân dân tỉnh"),
    "Thường trực Hội đồng nhân dân": ("Thường trực HĐND", "Thường trực HĐND tỉnh"),
    "Văn phòng Hội đồng nhân dân": ("Văn phòng HĐND", "Văn phòng HĐND tỉnh"),
    "Ủy ban nhân dân": ("UBND", "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH"),
    "Hội đồng nhân dân": ("HĐND", "HỘI ĐỒNG NHÂN DÂN TỈNH BÌNH ĐỊNH"),
    "Ban Thường vụ Tỉnh ủy": ("Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Tỉnh ủy Bình Định"),
    "Ban Thường vụ Thành ủy": ("Ban Thường vụ Thành ủy", "Ban Thường vụ Thành ủy Đà Nẵng"),
    "Tỉnh ủy": ("Tỉnh ủy", "Tỉnh ủy Bình Định"),
    "Thành ủy": ("Thành ủy", "Thành ủy Đà Nẵng"),
}

# Departments of a province (Sở): names as spelled in running text. A Sở whose name is a
# ministry's ("Sở Tư pháp" / "Bộ Tư pháp") also takes its spelling from ISSUERS.
DEPARTMENTS: dict[str, str] = {
    # canonical name: example
    "Sở Ngoại vụ": "SỞ NGOẠI VỤ",
    "Sở Nội vụ": "Công văn số 352/SNV-CCHCVTLT của Sở Nội vụ",
    "Sở Tư pháp": "Sở Tư Pháp",
    "Sở Tài chính": "Sở Tài chính tỉnh Bình Định",
    "Sở Kế hoạch và Đầu tư": "SỞ KẾ HOẠCH VÀ ĐẦU TƯ",
    "Sở Xây dựng": "Sở Xây dựng thành phố Đà Nẵng",
    "Sở Y tế": "SỞ Y TẾ",
    "Sở Giáo dục và Đào tạo": "Sở Giáo dục và Đào tạo tỉnh Bình Định",
    "Sở Công Thương": "SỞ CÔNG THƯƠNG",
    "Sở Khoa học và Công nghệ": "Sở Khoa học và Công nghệ",
    "Sở Nông nghiệp và Môi trường": "Sở Nông nghiệp và Môi trường",
    "Sở Văn hóa, Thể thao và Du lịch": "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
    "Sở Văn hóa và Thể thao": "Sở Văn hóa và Thể thao",
    "Sở Du lịch": "Sở Du lịch thành phố Đà Nẵng",
    "Sở Dân tộc và Tôn giáo": "Sở Dân tộc và Tôn giáo",
    "Sở Tài nguyên và Môi trường": "Sở Tài nguyên và Môi trường",
    "Sở Giao thông vận tải": "Sở Giao thông vận tải",
    "Sở Lao động - Thương binh và Xã hội": "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
    "Sở Thông tin và Truyền thông": "Sở Thông tin và Truyền thông",
    "Sở Nông nghiệp và Phát triển nông thôn": "Sở Nông nghiệp và Phát triển nông thôn",
}

# Issuing bodies beyond ISSUERS that a header or citation names; their canonical spelling
# (used to proper-case all-caps headers) and an example.
BODY_NAMES: dict[str, str] = {
    "Bộ Chính trị": "Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị",
    "Ban Bí thư": "Chỉ thị số 05-CT/TW của Ban Bí thư",
    "Ban Chấp hành Trung ương Đảng": "BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG",
    "Ban Chấp hành Trung ương": "Nghị quyết số 18-NQ/TW của Ban Chấp hành Trung ương",
    "Văn phòng Quốc hội": "VĂN BẢN HỢP NHẤT - VĂN PHÒNG QUỐC HỘI",
    "Ủy ban Dân tộc": "Thông tư số 01/2024/TT-UBDT của Ủy ban Dân tộc",
    "Bộ Dân tộc và Tôn giáo": "BỘ DÂN TỘC VÀ TÔN GIÁO",
    "Thanh tra Chính phủ": "THANH TRA CHÍNH PHỦ",
    "Bảo hiểm xã hội Việt Nam": "BẢO HIỂM XÃ HỘI VIỆT NAM",
    "Hội đồng Thẩm phán Tòa án nhân dân tối cao": "HỘI ĐỒNG THẨM PHÁN TÒA ÁN NHÂN DÂN TỐI CAO",
    "Tổng Liên đoàn Lao động Việt Nam": "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM",
    "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam": "ỦY BAN TRUNG ƯƠNG MẶT TRẬN TỔ QUỐC VIỆT NAM",
    "Hội đồng Bầu cử quốc gia": "HỘI ĐỒNG BẦU CỬ QUỐC GIA",
    "Tổng Kiểm toán nhà nước": "TỔNG KIỂM TOÁN NHÀ NƯỚC",
    "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp": "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp",
}

# Issuer codes of ký hiệu beyond ISSUERS, seen in gazette numbers; merged into
# ISSUER_BY_CODE so that numbers.issuer_of knows them too.
MORE_ISSUERS: tuple[Issuer, ...] = (
    Issuer("VPQH", "Văn phòng Quốc hội", "the Office of the National Assembly", "113/VBHN-VPQH"),
    Issuer("UBDT", "Ủy ban Dân tộc", "the Committee for Ethnic Minority Affairs", "01/2024/TT-UBDT"),
    Issuer("BDTTG", "Bộ Dân tộc và Tôn giáo", "the Ministry of Ethnic and Religious Affairs", "02/2025/TT-BDTTG"),
    Issuer("TTCP", "Thanh tra Chính phủ", "the Government Inspectorate", "01/2024/TT-TTCP"),
    Issuer("BHXH", "Bảo hiểm xã hội Việt Nam", "Viet Nam Social Security", "1234/QĐ-BHXH"),
    Issuer("HĐTP", "Hội đồng Thẩm phán Tòa án nhân dân tối cao", "the Council of Judges of the Supreme People's Court", "01/2024/NQ-HĐTP"),
    Issuer("NHNNVN", "Ngân hàng Nhà nước Việt Nam", "the State Bank of Vietnam", "01/2016/TTLT-BLĐTBXH-NHNNVN"),
)
ISSUER_BY_CODE.update({i.code: i for i in MORE_ISSUERS if i.code not in ISSUER_BY_CODE})

# Titles of office written before a body ("Bộ trưởng Bộ Tài chính"). A local issuer keeps
# the title ("Chủ tịch UBND tỉnh Bình Định" signs a Quyết định in its own name); a central
# one drops it ("Bộ trưởng Bộ Tài chính" → "Bộ Tài chính", as the national database lists it).
PERSON_TITLES: dict[str, str] = {
    # title: example
    "Phó Chủ tịch": "Phó Chủ tịch UBND tỉnh",
    "Chủ tịch": "Chủ tịch Hội đồng nhân dân tỉnh",
    "Bộ trưởng": "Bộ trưởng Bộ Tài chính",
    "Thứ trưởng": "Thứ trưởng Bộ Công Thương",
    "Thống đốc": "Thống đốc Ngân hàng Nhà nước Việt Nam",
    "Chánh án": "Chánh án Tòa án nhân dân tối cao",
    "Viện trưởng": "Viện trưởng Viện kiểm sát nhân dân tối cao",
    "Giám đốc": "Giám đốc Sở Ngoại vụ",
    "Chủ nhiệm": "Chủ nhiệm Văn phòng Chính phủ",
    "Chánh Văn phòng": "Chánh Văn phòng UBND tỉnh",
}

# Other spellings of bodies in ISSUERS and BODY_NAMES: alias: canonical name.
ISSUER_ALIASES: dict[str, str] = {
    "Ngân hàng Nhà nước": "Ngân hàng Nhà nước Việt Nam",  # "NGÂN HÀNG NHÀ NƯỚC"
    "Thủ tướng": "Thủ tướng Chính phủ",  # "Thủ tướng đã ký Quyết định"
    "Kiểm toán Nhà nước": "Kiểm toán nhà nước",  # "KIỂM TOÁN NHÀ NƯỚC"
    "Trung ương": "Ban Chấp hành Trung ương",  # "Nghị quyết của Trung ương"
    "Ban Chấp hành TƯ": "Ban Chấp hành Trung ương",  # "BCH TƯ" ("TƯ" alone is ambiguous)
    "Ban Chấp hành TW": "Ban Chấp hành Trung ương",  # "BCH TW"
    "Bộ Lao động, Thương binh và Xã hội": "Bộ Lao động - Thương binh và Xã hội",
    "Bộ Văn hóa - Thể thao và Du lịch": "Bộ Văn hóa, Thể thao và Du lịch",
}

# Military and police ranks written before a signer's name; dropped from the name.
RANKS: dict[str, str] = {
    # rank: example
    "Đại tướng": "Đại tướng Phan Văn Giang",
    "Thượng tướng": "Thượng tướng Vũ Hải Sản",
    "Trung tướng": "Trung tướng Nguyễn Văn A",
    "Thiếu tướng": "Thiếu tướng Nguyễn Văn B",
    "Đại tá": "Đại tá Nguyễn Văn C",
}

# Words a title line cannot end on: after them the title goes on past a blank line
# ("... tiền lương đối với" / "" / "Tập đoàn Công nghiệp - Viễn thông Quân đội").
TITLE_OPEN_ENDINGS: dict[str, str] = {
    # word: example
    "với": "Quy định về thực hiện thí điểm quản lý lao động, tiền lương đối với",
    "của": "Sửa đổi, bổ sung một số điều của",
    "và": "Quy định chức năng, nhiệm vụ, quyền hạn và",
    "về": "Quy định về",
    "theo": "Tiếp tục chi trả hỗ trợ đối với người lao động theo",
    "tại": "Hướng dẫn một số nội dung tại",
    "cho": "Hướng dẫn Chế độ kế toán cho",
    "trong": "Quy định xử phạt vi phạm hành chính trong",
    "các": "Sửa đổi, bổ sung các",
    "đến": "Quy định chi tiết một số điều liên quan đến",
}


# --- status ---
# Texts that narrate or correspond rather than regulate: not themselves under review
# (e.g. "Báo cáo số 612/BC-SNgV", "Công văn số 1024/SNgV-VP").
NOT_REVIEWED = {"Báo cáo", "Tờ trình", "Biên bản", "Thông báo", "Công văn", "Văn bản", "Giấy mời"}

# Types whose documents are named, not only numbered: a heading "LUẬT ĐẤT ĐAI", a căn cứ
# "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015". Longest first.
NAMED_TYPES = ("Bộ luật", "Pháp lệnh", "Luật")

# How the folded, lower-case title of a document acting on another begins ("Sửa đổi, bổ
# sung một số điều của Quyết định số 12/2014/QĐ-UBND" → "sua doi, bo sung ..."): its
# subject is the document it acts on.
ACTING_ON_TITLE = ("sua doi", "bai bo", "dinh chinh", "dinh chi", "ngung hieu luc", "bo sung")

# The national database's status values (vbpl.vn), as legaldocs reports them.

STATUS_VALUES: dict[str, str] = {
    "in_force": "còn hiệu lực",
    "not_yet": "chưa có hiệu lực",
    "partly_expired": "hết hiệu lực một phần",
    "expired": "hết hiệu lực toàn bộ",
    "suspended": "ngưng hiệu lực",
    "partly_suspended": "ngưng hiệu lực một phần",
    "unknown": "không xác định",
}
