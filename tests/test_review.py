"""The annual review: one table of scenarios per rule, cycles, the demo corpus's exact set."""
import json
from datetime import date
from pathlib import Path

import pytest

from factories import document, make_home
from legaldocs.home import Home
from legaldocs.registry import Registry
from legaldocs.review import RULES, Context, review_registry, rule_names

AS_OF = date(2026, 11, 24)
PM = "Quyết định số 58/2012/QĐ-TTg ngày 24 tháng 12 năm 2012 của Thủ tướng Chính phủ về hộ chiếu"
PM_DOC = document("58/2012/QĐ-TTg", date(2012, 12, 24), "Về sử dụng và quản lý hộ chiếu ngoại giao",
                  where="Thủ tướng", effective=date(2013, 2, 15))
ABOLISH = document("47/2020/QĐ-TTg", date(2020, 12, 30), "Bãi bỏ một số văn bản", where="Thủ tướng",
                   effective=date(2021, 2, 15), articles=[f"Điều 1. Bãi bỏ {PM}."])
SOUND = document("30/2022/QĐ-UBND", date(2022, 5, 4), "Ban hành Quy chế tiếp khách nước ngoài",
                 bases=["Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"])

SCENARIOS = {
    "term-ended": ({"plan.txt": document("45/KH-UBND", date(2016, 3, 1), "Kế hoạch cải cách hành chính giai "
                                         "đoạn 2016 - 2020", kind="Kế hoạch")}, "45/KH-UBND", "công bố hết hiệu lực"),
    "status-changed": ({"old.txt": document("10/2015/QĐ-UBND", date(2015, 3, 2), "Ban hành Quy chế đoàn ra"),
                        "new.txt": document("20/2019/QĐ-UBND", date(2019, 5, 6), "Ban hành Quy chế đoàn ra mới",
                                            articles=["Điều 1. Quyết định này thay thế Quyết định số "
                                                      "10/2015/QĐ-UBND ngày 02 tháng 3 năm 2015."])},
                       "10/2015/QĐ-UBND", "công bố hết hiệu lực"),
    "detailed-ceased": ({"pm.txt": PM_DOC, "abolish.txt": ABOLISH,
                         "guide.txt": document("16/2013/QĐ-UBND", date(2013, 8, 1), f"Hướng dẫn thi hành {PM}")},
                        "16/2013/QĐ-UBND", "công bố hết hiệu lực"),
    "basis-ceased": ({"pm.txt": PM_DOC, "abolish.txt": ABOLISH,
                      "qd.txt": document("15/2013/QĐ-UBND", date(2013, 7, 5), "Ban hành Quy định quản lý hộ chiếu",
                                         bases=[PM])}, "15/2013/QĐ-UBND", "bãi bỏ"),
    "basis-amended": ({"nd.txt": document("111/2011/NĐ-CP", date(2011, 12, 5), "Về chứng nhận lãnh sự",
                                          where="Chính phủ"),
                       "amend.txt": document("79/2024/NĐ-CP", date(2024, 7, 1), "Sửa đổi, bổ sung một số điều của "
                                             "Nghị định số 111/2011/NĐ-CP ngày 05 tháng 12 năm 2011",
                                             where="Chính phủ", kind="Nghị định", effective=date(2024, 8, 15)),
                       "qd.txt": document("1925/QĐ-UBND", date(2021, 8, 2), "Quy trình chứng nhận lãnh sự",
                                          bases=["Nghị định số 111/2011/NĐ-CP ngày 05 tháng 12 năm 2011 của "
                                                 "Chính phủ"])}, "1925/QĐ-UBND", "sửa đổi, bổ sung"),
    "cites-ceased": ({"pm.txt": PM_DOC, "abolish.txt": ABOLISH,
                      "qd.txt": document("19/2019/QĐ-UBND", date(2019, 3, 1), "Ban hành Quy chế đoàn ra",
                                         articles=[f"Điều 1. Việc cấp hộ chiếu thực hiện theo {PM}."])},
                     "19/2019/QĐ-UBND", "sửa đổi, bổ sung"),
    "amended-often": ({"base.txt": document("12/2014/QĐ-UBND", date(2014, 2, 3), "Ban hành Quy định khen thưởng"),
                       **{f"a{i}.txt": document(f"{n}/QĐ-UBND", date(2016 + i, 3, 1),
                                                "Sửa đổi, bổ sung một số điều của Quyết định số 12/2014/QĐ-UBND "
                                                "ngày 03 tháng 02 năm 2014")
                          for i, n in enumerate(("21/2016", "22/2017", "23/2018"))}},
                      "12/2014/QĐ-UBND", "hợp nhất"),
    "repeal-pending": ({"qd.txt": document("14/2014/QĐ-UBND", date(2014, 6, 2), "Ban hành Quy chế thông tin đối ngoại"),
                        "cv.txt": "SỞ NGOẠI VỤ\nSố: 1024/SNgV-VP\nV/v đề nghị bãi bỏ văn bản\nBình Định, ngày 15 "
                                  "tháng 10 năm 2024\nKính gửi: Sở Tư pháp\nSở Ngoại vụ đề nghị bãi bỏ Quyết định "
                                  "số 14/2014/QĐ-UBND ngày 02/6/2014 của UBND tỉnh.\n"},
                       "14/2014/QĐ-UBND", "bãi bỏ"),
    "similar-older": ({"old.txt": document("33/2014/QĐ-UBND", date(2014, 9, 1), "Ban hành Quy chế quản lý hoạt "
                                           "động đối ngoại trên địa bàn tỉnh"),
                       "new.txt": document("11/2022/QĐ-UBND", date(2022, 4, 25), "Ban hành Quy chế quản lý các "
                                           "hoạt động đối ngoại trên địa bàn tỉnh")},
                      "33/2014/QĐ-UBND", "thay thế"),
}


@pytest.mark.parametrize("rule", list(SCENARIOS))
def test_each_rule_finds_its_case_and_nothing_else(tmp_path, rule):
    docs, number, action = SCENARIOS[rule]
    home = make_home(tmp_path, {**docs, "sound.txt": SOUND})
    review = review_registry(Registry.load(home), AS_OF, rules=[rule])
    found = [(f.number, f.action) for f in review.findings if f.rule == rule and f.number == number]
    assert found == [(number, action)]
    assert not [f for f in review.findings if f.number == "30/2022/QĐ-UBND"]
    confidence = {f.confidence for f in review.findings if f.rule == rule}
    assert confidence == ({"low"} if rule == "similar-older" else confidence - {"low"})


@pytest.mark.parametrize("rule, as_of, expected", [
    ("basis-ceased", date(2021, 2, 14), []),  # the abolition takes effect on 15/02/2021
    ("basis-ceased", date(2021, 2, 15), ["15/2013/QĐ-UBND"]),
    ("term-ended", date(2020, 12, 31), []),
    ("term-ended", date(2021, 1, 1), ["45/KH-UBND"]),
])
def test_rules_as_of_a_date(tmp_path, rule, as_of, expected):
    docs = {**SCENARIOS["basis-ceased"][0], **SCENARIOS["term-ended"][0]}
    review = review_registry(Registry.load(make_home(tmp_path, docs)), as_of, rules=[rule])
    assert [f.number for f in review.findings] == expected


def test_basis_ceased_reason_and_chain(tmp_path):
    home = make_home(tmp_path, SCENARIOS["basis-ceased"][0])
    (finding,) = review_registry(Registry.load(home), AS_OF, rules=["4"]).findings
    assert finding.reason.startswith("Căn cứ ban hành là Quyết định số 58/2012/QĐ-TTg đã bị bãi bỏ bởi "
                                     "Quyết định số 47/2020/QĐ-TTg từ ngày 15/02/2021")
    assert [(e.number, e.kind) for e in finding.evidence] == [("15/2013/QĐ-UBND", "based_on"),
                                                               ("47/2020/QĐ-TTg", "repeals")]


def test_a_cycle_is_reported_never_an_endless_loop(tmp_path):
    home = make_home(tmp_path, {
        "a.txt": document("01/2020/QĐ-UBND", date(2020, 1, 2), "Sửa đổi, bổ sung một số điều của Quyết định số "
                          "02/2020/QĐ-UBND ngày 03 tháng 01 năm 2020"),
        "b.txt": document("02/2020/QĐ-UBND", date(2020, 1, 3), "Sửa đổi, bổ sung một số điều của Quyết định số "
                          "01/2020/QĐ-UBND ngày 02 tháng 01 năm 2020"),
    })
    review = review_registry(Registry.load(home), AS_OF)
    assert all(f.rule != "amended-often" for f in review.findings)


def test_rules_by_number_or_name():
    assert rule_names(["4", "basis-amended"]) == ["basis-ceased", "basis-amended"]
    with pytest.raises(Exception, match="unknown rule"):
        rule_names(["10"])


DEMO = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def demo_review(tmp_path_factory):
    expected = json.loads((Path(__file__).parent / "data" / "demo_expected.json").read_text(encoding="utf-8"))
    home = Home.resolve(str(DEMO.parent))
    if not home.records_dir.is_dir():
        pytest.skip("the demo corpus has not been ingested into corpus/records")
    return expected, review_registry(Registry.load(home), AS_OF)


CASE_RULES = {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7, "h": 8, "i": 9}


def test_demo_review_finds_each_planted_case_under_its_rule(demo_review):
    expected, review = demo_review
    found = {(f.number, f.rule_no) for f in review.findings}
    missing = [(c["number"], c["case"]) for c in expected["review"]
               if (c["number"], CASE_RULES[c["case"]]) not in found]
    assert missing == []


def test_demo_review_lists_exactly_the_planted_cases(demo_review):
    """Beyond the planted cases, only documents the demo merely cites (outside sources it
    does not hold, e.g. a decree its texts say was replaced) may appear."""
    expected, review = demo_review
    registry = Registry.load(Home.resolve(str(DEMO.parent)))
    listed = {f.number for f in review.findings}
    planted = {c["number"] for c in expected["review"]}
    external = {r.number for r in registry.records.values() if r.kind == "cited"}
    assert listed - planted <= external
    assert not listed & set(expected["sound"])


def test_demo_story_15_2013(demo_review):
    _, review = demo_review
    (finding,) = [f for f in review.findings if f.number == "15/2013/QĐ-UBND" and f.rule == "basis-ceased"]
    assert [e.number for e in finding.evidence][:2] == ["15/2013/QĐ-UBND", "47/2020/QĐ-TTg"]
    assert "58/2012/QĐ-TTg" in finding.reason and finding.action == "bãi bỏ"


# --- the review runs a rule only where it may apply: the same findings as running all ---


def every_rule_on_every_document(registry: Registry, as_of: date) -> list:
    ctx = Context(registry, as_of)
    return [f for record in registry.records.values() if not (record.date and record.date > as_of)
            for _, rule in RULES.values() for f in rule(ctx, record)]


@pytest.mark.parametrize("as_of", [date(2021, 2, 15), date(2023, 6, 1), AS_OF])
def test_review_equals_every_rule_on_every_document(tmp_path, as_of):
    docs = {f"{rule}-{name}": text for rule, (files, _, _) in SCENARIOS.items() for name, text in files.items()}
    homes = [make_home(tmp_path, {**docs, "sound.txt": SOUND})]
    if (DEMO / "records").is_dir():
        homes.append(Home.resolve(str(DEMO.parent)))
    for home in homes:
        registry = Registry.load(home)
        everything = every_rule_on_every_document(registry, as_of)
        assert sorted(review_registry(registry, as_of).findings, key=repr) == sorted(everything, key=repr)
        assert len(everything) > 5


# --- rule 9's pairs are those of comparing every pair ---

WORDS = ["quản lý", "hỗ trợ", "hoạt động", "đối ngoại", "đoàn ra", "đoàn vào", "hộ chiếu", "giá đất",
         "khen thưởng", "các", "thống nhất", "năm 2013", "tại xã", "miền núi"]


def random_titles(seed: int, n: int) -> list:
    import random

    rng = random.Random(seed)
    frames = ["Ban hành Quy chế {} trên địa bàn tỉnh Bình Định", "Quy định {}", "Về việc {}", "{}",
              "Sửa đổi, bổ sung Quy chế {}"]
    return [rng.choice(frames).format(" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 6))))
            for _ in range(n)]


@pytest.mark.parametrize("seed", range(6))
def test_similar_subjects_are_those_of_every_pair(seed):
    from types import SimpleNamespace

    from legaldocs.models import Record
    from legaldocs.similarity import SIMILAR_SUBJECTS, SimilarSubjects, subject_similarity, subject_words

    titles = random_titles(seed, 160)
    records = {f"r{i}": Record(f"r{i}", "full", f"{i}/2020/QĐ-UBND", "Quyết định", ("UBND A", "UBND B")[i % 2],
                               date(2010 + i % 13, 1 + i % 12, 1), title)
               for i, title in enumerate(titles)}
    found = SimilarSubjects(SimpleNamespace(records=records, links_from=lambda rid: []), SIMILAR_SUBJECTS).newer
    pairs = {(old, new) for old, items in found.items() for _, new in items}
    expected = set()
    rows = [r for r in records.values() if not r.title.startswith("Sửa đổi")]
    for a in rows:
        for b in rows:
            if (a.issuer == b.issuer and a.date < b.date
                    and subject_similarity(subject_words(a.title), subject_words(b.title)) >= SIMILAR_SUBJECTS):
                expected.add((a.id, b.id))
    assert pairs == expected
    assert expected  # the vocabulary is small enough for near-duplicates


@pytest.mark.parametrize("older, newer, similar", [
    ("Ban hành Quy chế quản lý hoạt động đối ngoại trên địa bàn thành phố Đà Nẵng",
     "Ban hành Quy chế quản lý thống nhất các hoạt động đối ngoại trên địa bàn thành phố Đà Nẵng", True),
    ("Ban hành Quy định về khuyến nông", "Quy định về khuyến công", False),
    ("Ban hành Quy định giá các loại đất trên địa bàn tỉnh Bình Định", "Quy định giá các loại đất", True),
    ("Hỗ trợ khuyến nông", "Quản lý khuyến nông", False),
])
def test_subject_similarity_table(older, newer, similar):
    from legaldocs.similarity import SIMILAR_SUBJECTS, subject_similarity, subject_words

    assert (subject_similarity(subject_words(older), subject_words(newer)) >= SIMILAR_SUBJECTS) == similar


def test_amendments_of_different_documents_are_not_the_same_subject(tmp_path):
    home = make_home(tmp_path, {
        f"a{i}.txt": document(f"{n}/QĐ-UBND", date(2016 + i, 3, 1), "Sửa đổi, bổ sung một số điều của Quyết định "
                              f"số {n}/QĐ-UBND ngày 03 tháng 02 năm 2014")
        for i, n in enumerate(("12/2014", "13/2014"))})
    assert review_registry(Registry.load(home), AS_OF, rules=["9"]).findings == ()
