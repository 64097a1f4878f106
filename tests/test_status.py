"""Status as of a date, from events: before and after each event, and cycles."""
from datetime import date

import pytest

from factories import document, make_home
from legaldocs.registry import Registry
from legaldocs.status import status_of

BASIS = "Quyết định số 58/2012/QĐ-TTg ngày 24 tháng 12 năm 2012 của Thủ tướng Chính phủ"


@pytest.fixture(scope="module")
def registry(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("status")
    home = make_home(tmp, {
        "old.txt": document("10/2015/QĐ-UBND", date(2015, 3, 2), "Ban hành Quy chế quản lý đoàn ra",
                            effective=date(2015, 3, 15)),
        "new.txt": document("20/2019/QĐ-UBND", date(2019, 5, 6), "Ban hành Quy chế quản lý đoàn ra mới",
                            effective=date(2019, 6, 1),
                            articles=["Điều 1. Ban hành kèm theo Quyết định này Quy chế.",
                                      "Điều 2. Quyết định này thay thế Quyết định số 10/2015/QĐ-UBND ngày "
                                      "02 tháng 3 năm 2015."]),
        "part.txt": document("21/2020/QĐ-UBND", date(2020, 1, 6), "Sửa đổi quy định về khen thưởng",
                             effective=date(2020, 2, 1),
                             articles=["Điều 1. Bãi bỏ Điều 4 của Quyết định số 11/2016/QĐ-UBND ngày 05 tháng "
                                       "4 năm 2016."]),
        "partly.txt": document("11/2016/QĐ-UBND", date(2016, 4, 5), "Ban hành Quy định về khen thưởng"),
        "plan.txt": document("45/KH-UBND", date(2021, 3, 1), "Kế hoạch cải cách hành chính giai đoạn 2021 - 2025",
                             kind="Kế hoạch"),
        "pm.txt": document("58/2012/QĐ-TTg", date(2012, 12, 24), "Về sử dụng và quản lý hộ chiếu",
                           where="Thủ tướng", effective=date(2013, 2, 15)),
        "guide.txt": document("16/2013/QĐ-UBND", date(2013, 8, 1), "Hướng dẫn thi hành Quyết định số "
                              "58/2012/QĐ-TTg ngày 24 tháng 12 năm 2012 của Thủ tướng Chính phủ"),
        "abolish.txt": document("47/2020/QĐ-TTg", date(2020, 12, 30), "Bãi bỏ văn bản quy phạm pháp luật",
                                where="Thủ tướng", effective=date(2021, 2, 15),
                                articles=[f"Điều 1. Bãi bỏ {BASIS}."]),
    })
    return Registry.load(home)


@pytest.mark.parametrize("number, as_of, value, event, cause", [
    ("10/2015/QĐ-UBND", date(2015, 1, 1), "chưa có hiệu lực", "chưa ban hành", None),
    ("10/2015/QĐ-UBND", date(2015, 3, 10), "chưa có hiệu lực", "có hiệu lực từ ngày", "10/2015/QĐ-UBND"),
    ("10/2015/QĐ-UBND", date(2016, 1, 1), "còn hiệu lực", "có hiệu lực", "10/2015/QĐ-UBND"),
    ("10/2015/QĐ-UBND", date(2019, 5, 31), "còn hiệu lực", "có hiệu lực", "10/2015/QĐ-UBND"),
    ("10/2015/QĐ-UBND", date(2019, 6, 1), "hết hiệu lực toàn bộ", "bị thay thế", "20/2019/QĐ-UBND"),
    ("11/2016/QĐ-UBND", date(2019, 1, 1), "còn hiệu lực", "có hiệu lực", "11/2016/QĐ-UBND"),
    ("11/2016/QĐ-UBND", date(2020, 2, 1), "hết hiệu lực một phần", "bị bãi bỏ", "21/2020/QĐ-UBND"),
    ("45/KH-UBND", date(2025, 12, 31), "còn hiệu lực", "có hiệu lực", "45/KH-UBND"),
    ("45/KH-UBND", date(2026, 1, 1), "hết hiệu lực toàn bộ", "hết thời hạn có hiệu lực", "45/KH-UBND"),
    ("58/2012/QĐ-TTg", date(2021, 2, 14), "còn hiệu lực", "có hiệu lực", "58/2012/QĐ-TTg"),
    ("58/2012/QĐ-TTg", date(2021, 2, 15), "hết hiệu lực toàn bộ", "bị bãi bỏ", "47/2020/QĐ-TTg"),
    # Art. 154(2): a guidance ceases with what it guides
    ("16/2013/QĐ-UBND", date(2020, 1, 1), "còn hiệu lực", "có hiệu lực", "16/2013/QĐ-UBND"),
    ("16/2013/QĐ-UBND", date(2021, 3, 1), "hết hiệu lực toàn bộ",
     "văn bản được quy định chi tiết, hướng dẫn đã hết hiệu lực", "58/2012/QĐ-TTg"),
])
def test_status_before_and_after_each_event(registry, number, as_of, value, event, cause):
    status = status_of(registry, registry.get_one(number).id, as_of)
    assert (status.value, status.event, status.cause_number) == (value, event, cause)


def test_partial_status_names_the_part(registry):
    status = status_of(registry, registry.get_one("11/2016/QĐ-UBND").id, date(2021, 1, 1))
    assert status.parts == ("Điều 4",)


def test_a_cycle_of_guidance_ends(tmp_path):
    home = make_home(tmp_path, {
        "a.txt": document("01/2020/QĐ-UBND", date(2020, 1, 2), "Hướng dẫn thi hành Quyết định số "
                          "02/2020/QĐ-UBND ngày 03 tháng 01 năm 2020"),
        "b.txt": document("02/2020/QĐ-UBND", date(2020, 1, 3), "Hướng dẫn thi hành Quyết định số "
                          "01/2020/QĐ-UBND ngày 02 tháng 01 năm 2020"),
    })
    registry = Registry.load(home)
    assert status_of(registry, registry.get_one("01/2020/QĐ-UBND").id, date(2021, 1, 1)).value == "còn hiệu lực"
