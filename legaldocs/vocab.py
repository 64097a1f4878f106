"""Vocabulary and patterns of Vietnamese legal documents: data only.

Every table entry and every pattern carries an example; ``tests/test_vocab.py`` makes each
example match (as reporters-db does for its reporters). Sources: Decree 30/2020/NĐ-CP
Appendix III (type abbreviations), Law 80/2015/QH13 (normative documents), the national
database's relation names (vbpl.vn).
"""
from __future__ import annotations

import re
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
