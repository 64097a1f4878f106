"""Citations in running text, lists and footnotes, on tidy and on messy text."""
import unicodedata
from datetime import date

import pytest

from legaldocs.extract.citations import find_citations

BD = "tỉnh Bình Định"
DN = "thành phố Đà Nẵng"


def one(text, locality=BD):
    (citation,) = find_citations(text, locality)
    return citation


# (text, locality, number, type, date, issuer as written, resolved issuer)
CASES = [
    ("Thực hiện Quyết định số 56/2020/QĐ-UBND ngày 12/8/2020 của UBND tỉnh quy định chế độ báo cáo.",
     BD, "56/2020/QĐ-UBND", "Quyết định", date(2020, 8, 12), "UBND tỉnh", "UBND tỉnh Bình Định"),
    ("Công văn số 352/SNV-CCHCVTLT ngày 05/3/2021 của Sở Nội vụ về việc hướng dẫn",
     BD, "352/SNV-CCHCVTLT", "Công văn", date(2021, 3, 5), "Sở Nội vụ", "Sở Nội vụ tỉnh Bình Định"),
    ("Nghị định số 61/2018/NĐ-CP của Chính phủ ngày 23/4/2018 về thực hiện cơ chế một cửa",
     BD, "61/2018/NĐ-CP", "Nghị định", date(2018, 4, 23), "Chính phủ", "Chính phủ"),
    ("Căn cứ Quyết định số 58/2012/QĐ-TTg ngày 24 tháng 12 năm 2012 của Thủ tướng Chính phủ;",
     BD, "58/2012/QĐ-TTg", "Quyết định", date(2012, 12, 24), "Thủ tướng Chính phủ", "Thủ tướng Chính phủ"),
    ("Sở đã ban hành Kế hoạch số 984/KH-SNgV ngày 31/12/2020 về Kế hoạch CCHC",
     BD, "984/KH-SNgV", "Kế hoạch", date(2020, 12, 31), None, "Sở Ngoại vụ tỉnh Bình Định"),
    ("² Nghị quyết số 30c/NQ-CP ngày 08/11/2011 của Chính phủ ban hành Chương trình",
     DN, "30c/NQ-CP", "Nghị quyết", date(2011, 11, 8), "Chính phủ", "Chính phủ"),
    ("Quyết định số 7365-QĐ/TU ngày 16/6/2017 của Thành ủy Đà Nẵng về viên ban hành Quy chế",
     DN, "7365-QĐ/TU", "Quyết định", date(2017, 6, 16), "Thành ủy Đà Nẵng", "Thành ủy Đà Nẵng"),
    ("Chỉ thị 03-CT/TW, nghị quyết", DN, "03-CT/TW", "Chỉ thị", None, None, None),
    ("theo Luật ngân sách nhà nước số 83/2015/QH13 và", BD, "83/2015/QH13", "Luật", None, None, "Quốc hội"),
    ("Công văn số 178/VPUBND-KSTT ngày 19/4/2021 của Văn phòng Ủy ban nhân dân tỉnh về việc đăng ký",
     BD, "178/VPUBND-KSTT", "Công văn", date(2021, 4, 19), "Văn phòng Ủy ban nhân dân tỉnh",
     "Văn phòng UBND tỉnh Bình Định"),
    ("theo chỉ đạo của UBND tỉnh tại Văn bản số 01/HD-UBND ngày 29/3/2021.",
     BD, "01/HD-UBND", "Văn bản", date(2021, 3, 29), "UBND tỉnh", "UBND tỉnh Bình Định"),
    # messy: NFD, a number split over a line, QD for QĐ, Ð for Đ, spaces
    (unicodedata.normalize("NFC", unicodedata.normalize("NFD", "Quyết định số 15/2013/QĐ-UBND ngày 05/7/2013")),
     BD, "15/2013/QĐ-UBND", "Quyết định", date(2013, 7, 5), None, "UBND tỉnh Bình Định"),
    ("Nghị định số 117/2012/NĐ-\nCP ngày 17/12/2013 của Chính phủ", BD, "117/2012/NĐ-CP", "Nghị định",
     date(2013, 12, 17), "Chính phủ", "Chính phủ"),
    ("quyết định số 15/2013/QD-UBND ngày 5/7/2013", BD, "15/2013/QĐ-UBND", "Quyết định", date(2013, 7, 5),
     None, "UBND tỉnh Bình Định"),
    ("Kế hoạch số 135 /KH-SNG ngày 20/01/2016", DN, "135/KH-SNG", "Kế hoạch", date(2016, 1, 20), None,
     "Sở Ngoại vụ thành phố Đà Nẵng"),
    ("Thông tư số 32 /2026/TT- NHNN ngày 05 tháng 6 năm 2026", None, "32/2026/TT-NHNN", "Thông tư",
     date(2026, 6, 5), None, "Ngân hàng Nhà nước Việt Nam"),
]


@pytest.mark.parametrize("text, locality, number, doc_type, when, written, issuer", CASES)
def test_citation_fields(text, locality, number, doc_type, when, written, issuer):
    cit = one(text, locality)
    assert (cit.number, cit.type, cit.date, cit.issuer_as_written, cit.issuer) == (
        number, doc_type, when, written, issuer)


@pytest.mark.parametrize("text, flags", [
    ("Nghị định số 117/2012/NĐ-CP ngày 17/12/2013 của Chính phủ", {"inconsistent-year"}),
    ("Quyết định số 15/2013/QĐ-UBND ngày 30/02/2013", {"impossible-date"}),
    ("Quyết định số 08-QĐi/TU ngày 28/12/2018", {"type-mismatch"}),
    ("Quyết định 15/2013/QĐ-UBND ngày 05/7/2013", {"missing-so"}),
    ("Quyết định số 15/2013/QD-UBND ngày 05/7/2013", {"number-spelling"}),
    ("Quyết định số 15/2013/QĐ-UBND ngày 05/7/2013", set()),
    ("Văn bản số 01/HD-UBND ngày 29/3/2021", set()),  # "Văn bản" is generic, not a mismatch
])
def test_flags(text, flags):
    assert set(one(text).flags) == flags


@pytest.mark.parametrize("text, title", [
    ("Quyết định số 15/2013/QĐ-UBND ngày 05/7/2013 của UBND tỉnh quy định quản lý hộ chiếu ngoại giao, "
     "hộ chiếu công vụ của cán bộ, công chức tỉnh Bình Định. Ngoài ra", "quy định quản lý hộ chiếu ngoại giao, "
     "hộ chiếu công vụ của cán bộ, công chức tỉnh Bình Định"),
    ("Công văn số 352/SNV-CCHCVTLT ngày 05/3/2021 của Sở Nội vụ về việc hướng dẫn thực hiện báo cáo, Sở Ngoại vụ báo cáo",
     "hướng dẫn thực hiện báo cáo"),
    ("Kế hoạch số 984/KH-SNgV ngày 31/12/2020 về Kế hoạch Cải cách hành chính năm 2021 làm cơ sở để",
     "Kế hoạch Cải cách hành chính năm 2021"),
    ("UBND tỉnh phê duyệt quy trình nội bộ tại Quyết định số 587/QĐ-UBND ngày 19/02/2021.",
     "phê duyệt quy trình nội bộ"),
    # a law's name holding "văn bản" and "pháp luật": the type is "Luật", the name whole
    ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15;", "Ban hành văn bản quy phạm pháp luật"),
    ("Căn cứ Luật Phổ biến, giáo dục pháp luật số 14/2012/QH13;", "Phổ biến, giáo dục pháp luật"),
])
def test_titles(text, title):
    assert one(text).title == title


def test_footnote_list_gives_every_item_with_its_own_date():
    text = ("¹ Kế hoạch số 283/KH-SNG ngày 25/02/2011; Kế hoạch số 135/KH-SNG ngày 28/01/2015; "
            "Kế hoạch số 135 /KH-SNG ngày 20/01/2016")
    cits = find_citations(text, DN)
    assert [(c.number, c.date, c.in_footnote) for c in cits] == [
        ("283/KH-SNG", date(2011, 2, 25), True), ("135/KH-SNG", date(2015, 1, 28), True),
        ("135/KH-SNG", date(2016, 1, 20), True)]


def test_own_number_line_is_not_a_citation():
    text = "Số: 15/2013/QĐ-UBND\nCăn cứ Quyết định số 58/2012/QĐ-TTg ngày 24/12/2012;"
    assert [c.number for c in find_citations(text, BD)] == ["58/2012/QĐ-TTg"]


def test_lines_are_those_of_the_number():
    text = "dòng một\n\nKế hoạch số 28/KH-SNgV ngày 19/3/2021\nQuyết định số 168/QĐ-UBND"
    assert [c.line for c in find_citations(text, BD)] == [3, 4]


def test_party_code_is_not_resolved_without_a_written_issuer():
    assert one("truyền và thực hiện Chỉ thị số 29-CT/TU...)", DN).issuer is None


def test_issuer_named_earlier_in_the_clause():
    text = ("Sở rà soát và trình Chủ tịch UBND thành phố 04 lần công bố Bộ TTHC (Quyết định số "
            "4323/QĐ-UBND ngày 05/6/2012, Quyết định số 4965/QĐ-UBND ngày 25/7/2014).")
    assert {c.issuer for c in find_citations(text, DN)} == {"Chủ tịch UBND thành phố Đà Nẵng"}
