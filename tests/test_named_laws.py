"""Căn cứ naming a law without its number ("Căn cứ Luật Tổ chức chính quyền địa phương ngày
19 tháng 6 năm 2015;"): extracted as based_on relations, resolved by name and date."""
from datetime import date

import pytest

from factories import document, make_home
from legaldocs.extract import extract_text
from legaldocs.facts import record_fact
from legaldocs.home import Home
from legaldocs.models import Record
from legaldocs.registry import Registry
from legaldocs.review import review_registry

LGCQ = "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"
BH = "Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015"


def named(text: str) -> list:
    return [(r.target_name, r.target_date, r.line, r.scope) for r in extract_text(text).relations
            if r.target is None]


@pytest.mark.parametrize("bases, expected", [
    ([LGCQ], [("Luật Tổ chức chính quyền địa phương", date(2015, 6, 19))]),
    ([f"{LGCQ}; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền "
      "địa phương ngày 22 tháng 11 năm 2019"],
     [("Luật Tổ chức chính quyền địa phương", date(2015, 6, 19)),
      ("Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương",
       date(2019, 11, 22))]),
    (["Bộ luật Dân sự ngày 24 tháng 11 năm 2015", "Pháp lệnh Lãnh sự ngày 24 tháng 11 năm 1990"],
     [("Bộ luật Dân sự", date(2015, 11, 24)), ("Pháp lệnh Lãnh sự", date(1990, 11, 24))]),
    # a number is written: the numbered relation stands, no named one
    (["Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13 ngày 22 tháng 6 năm 2015"], []),
    (["Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam"], []),  # no date: not a law to look up
])
def test_named_bases_are_extracted(bases, expected):
    text = document("15/2023/QĐ-UBND", date(2023, 7, 5), "Ban hành Quy chế", bases=bases)
    found = named(text)
    assert [(name, when) for name, when, _, _ in found] == expected
    assert all(scope == "self" for *_, scope in found)


def test_a_wrapped_basis_line_and_its_line_number():
    text = document("15/2023/QĐ-UBND", date(2023, 7, 5), "Ban hành Quy chế",
                    bases=["Luật Tổ chức chính quyền địa phương ngày 19 tháng 6\nnăm 2015"])
    ((name, when, line, _),) = named(text)
    assert (name, when) == ("Luật Tổ chức chính quyền địa phương", date(2015, 6, 19))
    assert text.splitlines()[line - 1].startswith("Căn cứ Luật Tổ chức")


def test_a_law_named_in_an_article_or_a_report_is_no_basis():
    decision = document("15/2023/QĐ-UBND", date(2023, 7, 5), "Ban hành Quy chế",
                        articles=[f"Điều 1. Thực hiện theo {LGCQ}."])
    assert named(decision) == []
    report = "SỞ NGOẠI VỤ\nSố: 12/BC-SNgV\nBÁO CÁO\nKết quả\nCăn cứ " + LGCQ + ";\nSở báo cáo như sau.\n"
    assert named(report) == []


def law(rid, number, when, title, kind="cited", typ="Luật"):
    return Record(rid, kind, number, typ, "Quốc hội", when, title)


LAWS = [law("a", "77/2015/QH13", date(2015, 6, 19), "Tổ chức chính quyền địa phương"),
        law("b", "72/2025/QH15", None, "Tổ chức chính quyền địa phương"),
        law("c", "45/2013/QH13", date(2013, 11, 29), "Luật Đất đai"),
        law("d", "31/2024/QH15", date(2024, 1, 18), "Đất đai"),
        law("e", "91/2015/QH13", None, "Dân sự", typ="Bộ luật")]


@pytest.mark.parametrize("name, when, expected", [
    ("Luật Tổ chức chính quyền địa phương", date(2015, 6, 19), "a"),
    ("Luật Tổ chức chính quyền địa phương", date(2025, 6, 16), "b"),  # undated: the year of 72/2025
    ("Luật Tổ chức chính quyền địa phương", date(2019, 11, 22), None),  # no version of that date
    ("Luật Đất đai", date(2013, 11, 29), "c"),  # a title that repeats the type word
    ("Luật  đất   đai", date(2024, 1, 18), "d"),
    ("Bộ luật Dân sự", date(2015, 11, 24), "e"),
    ("Luật Dân sự", date(2015, 11, 24), None),  # a Bộ luật is not a Luật
    ("Luật Thủ đô", date(2024, 6, 28), None),
])
def test_resolve_name(tmp_path, name, when, expected):
    registry = Registry(Home.resolve(str(tmp_path)), {r.id: r for r in LAWS})
    assert registry.resolve_name(name, when) == expected


def test_a_basis_law_replaced_is_found_under_rule_4(tmp_path):
    """The 2026 review's commonest case: decisions based on Law 80/2015 (named without its
    number), which Law 64/2025 replaced from 1 April 2025."""
    home = make_home(tmp_path, {
        # the government's decree names the law with its number: the registry knows 80/2015/QH13
        "nd.txt": document("34/2016/NĐ-CP", date(2016, 5, 14), "Quy định chi tiết một số điều", where="Chính phủ",
                           kind="Nghị định", bases=["Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13 "
                                                    "ngày 22 tháng 6 năm 2015"]),
        "qd.txt": document("30/2022/QĐ-UBND", date(2022, 5, 4), "Ban hành Quy chế tiếp khách nước ngoài",
                           bases=[LGCQ, BH]),
    })
    record_fact(home, "replaces", "80/2015/QH13", source="64/2025/QH15", on=date(2025, 4, 1),
                why="Luật số 64/2025/QH15, Điều 72")
    registry = Registry.load(home)
    (qd,) = [r for r in registry.records.values() if r.number == "30/2022/QĐ-UBND"]
    bases = {registry.records[l.target_id].number for l in registry.links_from(qd.id) if l.kind == "based_on"}
    assert bases == {"80/2015/QH13"}  # the 2015 local government law is not in this registry
    before = review_registry(registry, date(2025, 3, 31), rules=["4"]).findings
    after = review_registry(registry, date(2026, 11, 24), rules=["4"]).findings
    assert before == ()
    assert {f.number for f in after} == {"30/2022/QĐ-UBND", "34/2016/NĐ-CP"}  # named or numbered, both
    (finding,) = [f for f in after if f.number == "30/2022/QĐ-UBND"]
    assert finding.action == "sửa đổi, bổ sung"
    assert finding.reason.startswith("Căn cứ ban hành là Luật số 80/2015/QH13 đã bị thay thế")
    assert finding.evidence[0].sentence == f"Căn cứ {BH}"


def test_check_warns_of_a_basis_named_without_its_number_that_was_replaced(tmp_path):
    from legaldocs.check import check_text

    home = make_home(tmp_path, {
        "nd.txt": document("34/2016/NĐ-CP", date(2016, 5, 14), "Quy định chi tiết một số điều", where="Chính phủ",
                           kind="Nghị định", bases=["Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13 "
                                                    "ngày 22 tháng 6 năm 2015"])})
    record_fact(home, "replaces", "80/2015/QH13", source="64/2025/QH15", on=date(2025, 4, 1),
                why="Luật số 64/2025/QH15, Điều 72")
    draft = document("", date(2026, 12, 1), "Ban hành Quy chế tiếp khách nước ngoài", bases=[LGCQ, BH])
    result = check_text(Registry.load(home), draft, as_of=date(2026, 12, 1))
    (finding,) = [f for f in result.findings if f.kind == "not-in-force"]
    assert finding.number == "80/2015/QH13" and finding.suggestion == "64/2025/QH15"
    assert finding.message.startswith("Luật Ban hành văn bản quy phạm pháp luật: Luật số 80/2015/QH13 hết hiệu lực")
    assert draft.splitlines()[finding.line - 1].startswith("Căn cứ Luật Ban hành")
    assert check_text(Registry.load(home), draft, as_of=date(2025, 3, 1)).findings == ()  # still in force then
