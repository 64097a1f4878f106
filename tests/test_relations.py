"""Relations: the real phrasings of căn cứ, amendment, repeal, replacement, guidance..."""
import pytest

from legaldocs.extract.citations import locate_citations
from legaldocs.extract.relations import find_relations

OWN = "20/2024/QĐ-UBND"


def relations(text, own=OWN, issuing=True, consolidated=False):
    located = locate_citations(text, "tỉnh Bình Định")
    return {(r.kind, r.source, r.target, r.part, r.scope)
            for r in find_relations(text, located, own, issuing, consolidated)}


CASES = [
    ("basis line",
     "Căn cứ Quyết định số 58/2012/QĐ-TTg ngày 24 tháng 12 năm 2012 của Thủ tướng Chính phủ;",
     True, {("based_on", OWN, "58/2012/QĐ-TTg", None, "self")}),
    ("basis on a law amended by later laws",
     "Căn cứ Luật Doanh nghiệp số 59/2020/QH14 được sửa đổi, bổ sung bởi Luật số 03/2022/QH15 và "
     "Luật số 76/2025/QH15;", True,
     {("based_on", OWN, "59/2020/QH14", None, "self"), ("based_on", OWN, "03/2022/QH15", None, "self"),
      ("based_on", OWN, "76/2025/QH15", None, "self"),
      ("amends", "03/2022/QH15", "59/2020/QH14", None, "mentioned"),
      ("amends", "76/2025/QH15", "59/2020/QH14", None, "mentioned")}),
    ("expiry wording is a repeal",
     "2. Thông tư số 01/2021/TT-BNG ngày 10 tháng 3 năm 2021 của Bộ trưởng Bộ Ngoại giao hết hiệu lực "
     "kể từ ngày Thông tư này có hiệu lực thi hành.", True,
     {("repeals", OWN, "01/2021/TT-BNG", None, "self")}),
    ("partial repeal keeps the part",
     "Điều 2. Bãi bỏ Điều 4 của Quyết định số 12/2019/QĐ-UBND ngày 05 tháng 4 năm 2019.", True,
     {("repeals", OWN, "12/2019/QĐ-UBND", "Điều 4", "self")}),
    ("a list repealed in one article",
     "Điều 3. Bãi bỏ các văn bản sau:\n1. Quyết định số 10/2015/QĐ-UBND ngày 02 tháng 3 năm 2015;\n"
     "2. Quyết định số 11/2016/QĐ-UBND ngày 12 tháng 4 năm 2016.\nĐiều 4. Tổ chức thực hiện\n"
     "Sở Tư pháp theo dõi Quyết định số 99/2016/QĐ-UBND.", True,
     {("repeals", OWN, "10/2015/QĐ-UBND", None, "self"), ("repeals", OWN, "11/2016/QĐ-UBND", None, "self")}),
    ("a title that amends",
     "QUYẾT ĐỊNH\nSửa đổi, bổ sung một số điều của Quyết định số 15/2013/QĐ-UBND ngày 05 tháng 7 năm 2013",
     True, {("amends", OWN, "15/2013/QĐ-UBND", None, "self")}),
    ("replacement",
     "Điều 3. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 58/2012/QĐ-TTg.", True,
     {("replaces", OWN, "58/2012/QĐ-TTg", None, "self")}),
    ("guidance", "THÔNG TƯ\nHướng dẫn thi hành Nghị định số 16/2015/NĐ-CP ngày 14 tháng 02 năm 2015", True,
     {("implements", OWN, "16/2015/NĐ-CP", None, "self")}),
    ("correction", "Điều 1. Đính chính Thông tư số 01/2021/TT-BNG như sau:", True,
     {("corrects", OWN, "01/2021/TT-BNG", None, "self")}),
    ("suspension", "Điều 1. Đình chỉ thi hành Quyết định số 10/2020/QĐ-UBND ngày 02/3/2020.", True,
     {("suspends", OWN, "10/2020/QĐ-UBND", None, "self")}),
    ("attached", "Sửa đổi Quy chế làm việc ban hành kèm theo Quyết định số 84/QĐ-SNgV ngày 01/02/2016.",
     False, {("attached_to", None, "84/QĐ-SNgV", None, "mentioned")}),
    ("a report proposes a repeal",
     "Sở đã có văn bản gửi Sở Tư Pháp đề nghị bãi bỏ Quyết định số 15/2013/QĐ-UBND ngày 05/7/2013.",
     False, {("repeal_proposed", None, "15/2013/QĐ-UBND", None, "mentioned")}),
    ("a letter proposes a repeal: the letter is the source",
     "Sở Ngoại vụ đề nghị bãi bỏ Quyết định số 15/2013/QĐ-UBND ngày 05/7/2013.", True,
     {("repeal_proposed", OWN, "15/2013/QĐ-UBND", None, "self")}),
    ("a report says a repeal happened",
     "để thực hiện việc bãi bỏ Quyết định số 58/2012/QĐ-TTg ngày 24/12/2012 của Thủ tướng Chính phủ, "
     "Sở đã hoàn thành bàn giao theo chỉ đạo của UBND tỉnh tại Văn bản số 01/HD-UBND ngày 29/3/2021.",
     False, {("repealed", None, "58/2012/QĐ-TTg", None, "mentioned")}),
    ("a report: repealed after the number",
     "Quyết định số 58/2012/QĐ-TTg đã bị bãi bỏ.", False,
     {("repealed", None, "58/2012/QĐ-TTg", None, "mentioned")}),
    ("a subject's product implements what it carries out",
     "Ngoài ra, thực hiện Công văn số 178/VPUBND-KSTT ngày 19/4/2021 của Văn phòng Ủy ban nhân dân tỉnh, "
     "Sở đã có Văn bản số 333/SNgV-VP ngày 29/4/2021 về việc đăng ký.", False,
     {("implements", "333/SNgV-VP", "178/VPUBND-KSTT", None, "mentioned")}),
    ("a report carries out", "Thực hiện Kế hoạch số 98/KH-UBND ngày 31/12/2020 của UBND tỉnh, "
     "Sở Ngoại vụ báo cáo kết quả như sau:", False,
     {("implements", OWN, "98/KH-UBND", None, "self")}),
    ("two bases on one line", "Căn cứ Nghị định số 34/2016/NĐ-CP ngày 14 tháng 5 năm 2016 của Chính phủ; "
     "Nghị định số 154/2020/NĐ-CP ngày 31 tháng 12 năm 2020 của Chính phủ;", True,
     {("based_on", OWN, "34/2016/NĐ-CP", None, "self"), ("based_on", OWN, "154/2020/NĐ-CP", None, "self")}),
    ("the document speaks of itself", "Thông tư này quy định chi tiết một số điều của Luật Xuất cảnh, nhập "
     "cảnh của công dân Việt Nam số 49/2019/QH14 về việc cấp hộ chiếu.", True,
     {("implements", OWN, "49/2019/QH14", None, "self")}),
    ("a plan carries out", "Thực hiện Kế hoạch số 98/KH-UBND ngày 31/12/2020 của UBND tỉnh, "
     "Sở Ngoại vụ ban hành Kế hoạch như sau:", True,
     {("implements", OWN, "98/KH-UBND", None, "self")}),
    ("a mention in a report is not a link", "Tiếp tục thực hiện tốt công tác theo Nghị định số 68/2000/NĐ-CP "
     "của Chính phủ.", False, set()),
    ("an amendment stated in a citation's title",
     "Quyết định số 609/QĐ-TTg ngày 4/5/2017 của Thủ tướng Chính phủ sửa đổi, bổ sung Quyết định số "
     "225/QĐ-TTg ngày 4/2/2016 của Thủ tướng Chính phủ phê duyệt kế hoạch;", False,
     {("amends", "609/QĐ-TTg", "225/QĐ-TTg", None, "mentioned")}),
]


@pytest.mark.parametrize("name, text, issuing, expected", CASES, ids=[c[0] for c in CASES])
def test_relation_phrasings(name, text, issuing, expected):
    assert relations(text, issuing=issuing) == expected


def test_consolidated_text_names_what_it_consolidates():
    text = ("VĂN BẢN HỢP NHẤT\nThông tư số 24/2025/TT-BCT ngày 13 tháng 5 năm 2025 của Bộ trưởng Bộ Công Thương "
            "quy định về kế hoạch, có hiệu lực kể từ ngày 01 tháng 7 năm 2025, được sửa đổi, bổ sung bởi:\n"
            "Thông tư số 26/2026/TT-BCT ngày 20 tháng 5 năm 2026 của Bộ trưởng Bộ Công Thương sửa đổi.\n"
            "Căn cứ Nghị định số 40/2025/NĐ-CP ngày 26 tháng 02 năm 2025 của Chính phủ;")
    got = relations(text, own="38/VBHN-BCT", consolidated=True)
    assert {("consolidates", "38/VBHN-BCT", "24/2025/TT-BCT", None, "self"),
            ("consolidates", "38/VBHN-BCT", "26/2026/TT-BCT", None, "self"),
            ("amends", "26/2026/TT-BCT", "24/2025/TT-BCT", None, "mentioned"),
            ("based_on", "24/2025/TT-BCT", "40/2025/NĐ-CP", None, "mentioned")} == got


def test_evidence_and_line():
    text = "Mở đầu\nCăn cứ Quyết định số 58/2012/QĐ-TTg ngày 24/12/2012 của Thủ tướng Chính phủ;"
    (rel,) = find_relations(text, locate_citations(text, None), OWN, True)
    assert rel.line == 2 and rel.evidence.startswith("Căn cứ Quyết định số 58/2012/QĐ-TTg")
