"""Issuer phrases to canonical names: tables of (input, context locality, expected)."""
from __future__ import annotations

import pytest

from legaldocs import vocab
from legaldocs.issuers import issuer_from_code, locality_of, normalize_issuer

BD = "tỉnh Bình Định"
DN = "thành phố Đà Nẵng"


@pytest.mark.parametrize(
    "text, locality, expected",
    [
        ("ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH", None, "UBND tỉnh Bình Định"),
        ("UỶ BAN NHÂN DÂN TỈNH BÌNH ĐỊNH", DN, "UBND tỉnh Bình Định"),  # written wins
        ("UBND tỉnh", BD, "UBND tỉnh Bình Định"),
        ("UBND tỉnh", None, "UBND tỉnh"),
        ("UBND", BD, "UBND tỉnh Bình Định"),
        ("Ủy ban nhân dân thành phố", DN, "UBND thành phố Đà Nẵng"),
        ("của Ủy ban nhân dân thành phố", DN, "UBND thành phố Đà Nẵng"),
        ("ủy ban nhân dân tỉnh bình định", None, "UBND tỉnh Bình Định"),
        ("UBND TP. Đà Nẵng", None, "UBND thành phố Đà Nẵng"),
        ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", None, "UBND Thành phố Hồ Chí Minh"),
        ("UBND huyện", BD, "UBND huyện"),  # a district: the province is not its place
        ("UBND huyện Tuy Phước", BD, "UBND huyện Tuy Phước"),
        ("Hội đồng nhân dân tỉnh", BD, "HĐND tỉnh Bình Định"),
        ("Sở Nội vụ", BD, "Sở Nội vụ tỉnh Bình Định"),
        ("Sở Tư Pháp", BD, "Sở Tư pháp tỉnh Bình Định"),
        ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", BD, "Sở Lao động - Thương binh và Xã hội tỉnh Bình Định"),
        ("Sở Ngoại vụ thành phố Đà Nẵng", BD, "Sở Ngoại vụ thành phố Đà Nẵng"),
        ("Văn phòng Ủy ban nhân dân tỉnh", BD, "Văn phòng UBND tỉnh Bình Định"),
        ("Chủ tịch UBND thành phố", DN, "Chủ tịch UBND thành phố Đà Nẵng"),
        ("TM. ỦY BAN NHÂN DÂN", BD, "UBND tỉnh Bình Định"),
        ("UBND TỈNH BÌNH ĐỊNH SỞ NGOẠI VỤ", None, "Sở Ngoại vụ tỉnh Bình Định"),
        ("BỘ TÀI CHÍNH", None, "Bộ Tài chính"),
        ("BỘ TÀI CHÍNH", BD, "Bộ Tài chính"),  # a national body takes no place
        ("Bộ trưởng Bộ Tài chính", None, "Bộ Tài chính"),
        ("THỦ TƯỚNG CHÍNH PHỦ", None, "Thủ tướng Chính phủ"),
        ("CHÍNH PHỦ", None, "Chính phủ"),
        ("QUỐC HỘI", None, "Quốc hội"),
        ("NGÂN HÀNG NHÀ NƯỚC VIỆT NAM", None, "Ngân hàng Nhà nước Việt Nam"),
        ("NGÂN HÀNG NHÀ NƯỚC", None, "Ngân hàng Nhà nước Việt Nam"),
        ("Bộ Chính trị", None, "Bộ Chính trị"),
        ("Thành ủy Đà Nẵng", None, "Thành ủy Đà Nẵng"),
        ("Thành ủy", DN, "Thành ủy Đà Nẵng"),
        ("Tỉnh ủy", BD, "Tỉnh ủy Bình Định"),
        ("Ban Thường vụ Thành ủy Đà Nẵng", None, "Ban Thường vụ Thành ủy Đà Nẵng"),
        ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", None,
         "Bộ Lao động - Thương binh và Xã hội"),  # a header duplicated by PDF extraction
        ("BỘ TÀI CHÍNH - BỘ NỘI VỤ", None, "Bộ Tài chính - Bộ Nội vụ"),  # joint
        ("UBND tỉnh quy định chế độ báo cáo", BD, "UBND tỉnh Bình Định"),  # text runs on
        ("Sở Nội vụ về việc hướng dẫn", BD, "Sở Nội vụ tỉnh Bình Định"),
        ("BAN QUẢN LÝ KHU KINH TẾ", BD, "Ban quản lý khu kinh tế"),  # unknown: proper case
        ("**GIÁM ĐỐC SỞ**", None, "Giám đốc sở"),
        ("", None, None),
        ("  ,. ", None, None),
    ],
)
def test_normalize_issuer(text, locality, expected):
    assert normalize_issuer(text, locality) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH", "tỉnh Bình Định"),
        ("Sở Ngoại vụ thành phố Đà Nẵng", "thành phố Đà Nẵng"),
        ("Thành ủy Đà Nẵng", "thành phố Đà Nẵng"),
        ("UBND huyện Tuy Phước", "huyện Tuy Phước"),
        ("UBND TỈNH BÀ RỊA - VŨNG TÀU", "tỉnh Bà Rịa - Vũng Tàu"),
        ("Bộ Lao động - Thương binh và Xã hội", None),  # "Xã hội" is no commune
        ("Sở Nội vụ", None),
        ("", None),
    ],
)
def test_locality_of(text, expected):
    assert locality_of(text) == expected


@pytest.mark.parametrize(
    "code, locality, expected",
    [
        ("TTg", None, "Thủ tướng Chính phủ"),
        ("CP", BD, "Chính phủ"),
        ("QH13", None, "Quốc hội"),
        ("UBTVQH15", None, "Ủy ban Thường vụ Quốc hội"),
        ("SNgV", BD, "Sở Ngoại vụ tỉnh Bình Định"),
        ("SNG", DN, "Sở Ngoại vụ thành phố Đà Nẵng"),
        ("UBND", BD, "UBND tỉnh Bình Định"),
        ("UBND-NC", BD, "UBND tỉnh Bình Định"),  # công văn: issuer then drafting unit
        ("VPUBND", BD, "Văn phòng UBND tỉnh Bình Định"),
        ("TU", DN, "Thành ủy Đà Nẵng"),
        ("TU", BD, "Tỉnh ủy Bình Định"),
        ("BTC-BNV", None, "Bộ Tài chính - Bộ Nội vụ"),
        ("VPQH", None, "Văn phòng Quốc hội"),
        ("TW", None, None),  # Bộ Chính trị, Ban Bí thư or the Central Committee
        ("UBND", None, None),  # a local body with no known place
        ("XYZ", None, None),
        ("", None, None),
    ],
)
def test_issuer_from_code(code, locality, expected):
    assert issuer_from_code(code, locality) == expected


@pytest.mark.parametrize("loc", vocab.LOCALITIES, ids=lambda loc: loc.name)
def test_every_locality_example(loc):
    assert locality_of(loc.example) == loc.full


@pytest.mark.parametrize("name, example", sorted(vocab.DEPARTMENTS.items()))
def test_every_department_example(name, example):
    assert normalize_issuer(example).startswith(name)


@pytest.mark.parametrize("written, entry", sorted(vocab.LOCAL_BODIES.items()))
def test_every_local_body_example(written, entry):
    canonical, example = entry
    assert normalize_issuer(example, BD if "Tỉnh" in canonical else DN).startswith(canonical)


@pytest.mark.parametrize("name, example", sorted(vocab.BODY_NAMES.items()))
def test_every_body_name_example(name, example):
    assert name in (normalize_issuer(example) or "") or name in example


@pytest.mark.parametrize("abbr, entry", sorted(vocab.ISSUER_ABBREVIATIONS.items()))
def test_every_abbreviation_example(abbr, entry):
    assert abbr in entry[1]


@pytest.mark.parametrize("title, example", sorted(vocab.PERSON_TITLES.items()))
def test_every_title_example(title, example):
    """A local issuer keeps its title; a central one is its body."""
    result = normalize_issuer(example, BD)
    assert result.startswith(title) or (example.endswith(result) and result != example)


@pytest.mark.parametrize("issuer", vocab.MORE_ISSUERS, ids=lambda i: i.code)
def test_more_issuer_codes(issuer):
    assert issuer.code in issuer.example
    assert issuer_from_code(issuer.code) == issuer.name


@pytest.mark.parametrize("alias, name", sorted(vocab.ISSUER_ALIASES.items()))
def test_every_alias(alias, name):
    assert normalize_issuer(alias) == name


@pytest.mark.parametrize("written, kind", sorted(vocab.LOCALITY_KINDS.items()))
def test_every_locality_kind(written, kind):
    assert (locality_of(f"UBND {written} Tuy Phước") or "").startswith(kind)


@pytest.mark.parametrize("rank, example", sorted(vocab.RANKS.items()))
def test_every_rank_example(rank, example):
    assert example.startswith(rank + " ")


@pytest.mark.parametrize("word, example", sorted(vocab.TITLE_OPEN_ENDINGS.items()))
def test_every_open_ending_example(word, example):
    assert example.split()[-1] == word
