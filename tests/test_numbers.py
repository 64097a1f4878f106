"""The số ký hiệu grammar: every form found in real text, and the canonical key."""
import unicodedata

import pytest

from legaldocs.errors import NumberError
from legaldocs.numbers import find_numbers, issuer_of, match_key, parse_number, type_of

# (as written, canonical key, style, type code, issuer code)
FORMS = [
    ("15/2013/QĐ-UBND", "15/2013/QĐ-UBND", "normative", "QĐ", "UBND"),
    ("58/2012/QĐ-TTg", "58/2012/QĐ-TTg", "normative", "QĐ", "TTg"),
    ("16/2015/NĐ-CP", "16/2015/NĐ-CP", "normative", "NĐ", "CP"),
    ("83/2015/QH13", "83/2015/QH13", "normative", None, "QH13"),
    ("01/2021/TT-BNG", "01/2021/TT-BNG", "normative", "TT", "BNG"),
    ("30c/NQ-CP", "30c/NQ-CP", "administrative", "NQ", "CP"),
    ("02/2015/TTLT-BTC-BNV", "02/2015/TTLT-BTC-BNV", "normative", "TTLT", "BTC-BNV"),
    ("984/KH-SNgV", "984/KH-SNgV", "administrative", "KH", "SNgV"),
    ("840/QĐ-UBND", "840/QĐ-UBND", "administrative", "QĐ", "UBND"),
    ("352/SNV-CCHCVTLT", "352/SNV-CCHCVTLT", "administrative", None, "SNV"),
    ("178/VPUBND-KSTT", "178/VPUBND-KSTT", "administrative", None, "VPUBND"),
    ("01/HD-UBND", "01/HD-UBND", "administrative", "HD", "UBND"),
    ("2094/CTr-SNG", "2094/CTr-SNG", "administrative", "CTr", "SNG"),
    ("7365-QĐ/TU", "7365-QĐ/TU", "party", "QĐ", "TU"),
    ("48-NQ/TW", "48-NQ/TW", "party", "NQ", "TW"),
    ("08-QĐi/TU", "08-QĐi/TU", "party", "QĐi", "TU"),
    ("29-CT/TU", "29-CT/TU", "party", "CT", "TU"),
    ("12/VBHN-BTC", "12/VBHN-BTC", "consolidated", "VBHN", "BTC"),
    # noise
    ("15/2013/QD-UBND", "15/2013/QĐ-UBND", "normative", "QĐ", "UBND"),
    ("15/2013/QÐ-UBND", "15/2013/QĐ-UBND", "normative", "QĐ", "UBND"),  # U+00D0
    ("1732 /QĐ-UBND", "1732/QĐ-UBND", "administrative", "QĐ", "UBND"),
    ("32 /2026/TT- NHNN", "32/2026/TT-NHNN", "normative", "TT", "NHNN"),
    ("15/2013/QĐ–UBND", "15/2013/QĐ-UBND", "normative", "QĐ", "UBND"),  # en dash
    ("15/2013/qđ-ubnd", "15/2013/QĐ-UBND", "normative", "QĐ", "UBND"),
    ("984/kh-sngv", "984/KH-SNgV", "administrative", "KH", "SNgV"),
    (unicodedata.normalize("NFD", "15/2013/QĐ-UBND"), "15/2013/QĐ-UBND", "normative", "QĐ", "UBND"),
    ("117/2012/NĐ-\nCP", "117/2012/NĐ-CP", "normative", "NĐ", "CP"),
    ("1/2021/TT-BNG", "01/2021/TT-BNG", "normative", "TT", "BNG"),
    ("Số: 200/2026/NĐ-CP", "200/2026/NĐ-CP", "normative", "NĐ", "CP"),
    ("66.17/2026/NQ-CP", "66.17/2026/NQ-CP", "normative", "NQ", "CP"),  # 2026 resolution series
]


@pytest.mark.parametrize("written, key, style, type_code, issuer_code", FORMS)
def test_parse_number(written, key, style, type_code, issuer_code):
    number = parse_number(written)
    assert (number.key, number.style, number.type_code, number.issuer_code) == (key, style, type_code, issuer_code)
    assert unicodedata.is_normalized("NFC", number.key) and " " not in number.key


@pytest.mark.parametrize("written", [f[0] for f in FORMS])
def test_every_variant_reaches_the_same_lookup_key(written):
    assert match_key(written) == match_key(parse_number(written).key)


@pytest.mark.parametrize("fragment, full", [
    ("qd-ubnd", "15/2013/QĐ-UBND"), ("15/2013", "15/2013/QĐ-UBND"), ("sngv", "984/KH-SNgV"),
    ("QĐ-TTg", "58/2012/QĐ-TTg"), ("nd-cp", "117/2012/NĐ-CP"),
])
def test_fragments_are_found_inside_lookup_keys(fragment, full):
    assert match_key(fragment) in match_key(full)


@pytest.mark.parametrize("text", ["", "hello", "Quý III/2021", "8/13", "ngày 05/7/2013", "/BC-SNgV"])
def test_not_a_number(text):
    with pytest.raises(NumberError):
        parse_number(text)


@pytest.mark.parametrize("text, keys", [
    ("Quyết định số 15/2013/QĐ-UBND ngày 05/7/2013", ["15/2013/QĐ-UBND"]),
    ("Kế hoạch số 135/KH-SNG ngày 28/01/2015; Kế hoạch số 135 /KH-SNG ngày 20/01/2016",
     ["135/KH-SNG", "135/KH-SNG"]),
    ("Nghị định số 117/2012/NĐ-\nCP ngày 17/12/2013", ["117/2012/NĐ-CP"]),
    ("03/03 đơn vị; 8/13 TTHC; Quý III/2021; ISO 9001:2015; giai đoạn 2011-2020", []),
    ("CÔNG BÁO/Số 342/Ngày 21-06-2026", []),
    ("Chỉ thị 03-CT/TW, Chỉ thị 05-CT/TW", ["03-CT/TW", "05-CT/TW"]),
    ("Nghị quyết số 30c/NQ-CP ngày 08/11/2011", ["30c/NQ-CP"]),
    ("các Quyết định 4323/QĐ-UBND, 4965/QĐ-UBND.", ["4323/QĐ-UBND", "4965/QĐ-UBND"]),
])
def test_find_numbers_in_text(text, keys):
    assert [n.key for n, _, _ in find_numbers(text)] == keys


@pytest.mark.parametrize("number, issuer, doc_type", [
    ("58/2012/QĐ-TTg", "Thủ tướng Chính phủ", "Quyết định"),
    ("83/2015/QH13", "Quốc hội", None),
    ("352/SNV-CCHCVTLT", "Sở Nội vụ", None),
    ("12/VBHN-BTC", "Bộ Tài chính", "Văn bản hợp nhất"),
    ("08-QĐi/TU", "Tỉnh ủy", "Quy định"),
    ("5/XYZ-ABC", None, None),
])
def test_issuer_and_type_from_the_ky_hieu(number, issuer, doc_type):
    parsed = parse_number(number)
    hint = issuer_of(parsed)
    assert (hint.name if hint else None, type_of(parsed)) == (issuer, doc_type)
