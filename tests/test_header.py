"""A document's own metadata: layout noise, header snippets, and the 400 gazette texts.

Run ``python -m pytest tests/test_header.py -s -k rates`` to see the per-field rates.
"""
from __future__ import annotations

import random
from datetime import date

import pytest

from legaldocs import patterns
from legaldocs.extract import header
from legaldocs.extract.header import extract_meta
from legaldocs.extract.layout import clean_lines
from legaldocs.models import DocumentMeta


def meta(text: str) -> DocumentMeta:
    return extract_meta(clean_lines(text.split("\n")))


# --- layout ---

NOISY = """CÔNG BÁO/Số 342/Ngày 21-06-2026 
2
 
Điều 2. Đối tượng áp dụng 
Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Cơ quan: VĂN PHÒNG CHÍNH PHỦ
Ngày ký: 2026-06-19 17:17:07 +07:00

CÔNG BÁO/Số 323 + 324/Ngày 07-3-2023 
3
__________ 
1. Cơ quan: Bộ Tài chính; 
2
Ngày ký: ...."""


def test_clean_lines_keeps_line_numbers():
    lines = NOISY.split("\n")
    cleaned = clean_lines(lines)
    assert len(cleaned) == len(lines)
    kept = [(i, line) for i, line in enumerate(cleaned) if line.strip()]
    assert kept == [(3, "Điều 2. Đối tượng áp dụng "), (11, "1. Cơ quan: Bộ Tài chính; "),
                    (12, "2"), (13, "Ngày ký: ....")]  # a bare "2" far from a header stays


@pytest.mark.parametrize("line", [
    "CÔNG BÁO/Số 342/Ngày 21-06-2026", "CÔNG BÁO/Số 1183 + 1184/Ngày 24-12-2020 ",
    "68   CÔNG BÁO/Số 577 + 578/Ngày 07-3-2023", "____________________", "–––––––––",
    "Thời gian ký: 23.12.2020 10:45:09 +07:00",
])
def test_noise_lines(line):
    assert clean_lines([line]) == [""]


# --- header snippets ---

DECISION = """ỦY BAN NHÂN DÂN
TỈNH BÌNH ĐỊNH
_______
Số: 15/2013/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bình Định, ngày 05 tháng 7 năm 2013

QUYẾT ĐỊNH
Ban hành Quy định quản lý hộ chiếu ngoại giao, hộ chiếu công vụ
của cán bộ, công chức tỉnh Bình Định

ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH
Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003;
Theo đề nghị của Giám đốc Sở Ngoại vụ,
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy định quản lý hộ chiếu.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày 15 tháng 7 năm 2013.
Nơi nhận:
- Như Điều 2;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Trần Văn Bình"""

CIRCULAR = """BỘ NGOẠI GIAO      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số:01/2021/TT-BNG
Hà Nội, ngày 20 tháng 01 năm 2021
THÔNG TƯ
HƯỚNG DẪN VIỆC CẤP, GIA HẠN, HỦY GIÁ TRỊ SỬ DỤNG HỘ CHIẾU
NGOẠI GIAO, HỘ CHIẾU CÔNG VỤ Ở VIỆT NAM
Căn cứ Luật Xuất cảnh, nhập cảnh của công dân Việt Nam ngày 22 tháng 11 năm 2019;
Bộ trưởng Bộ Ngoại giao ban hành Thông tư hướng dẫn.
Điều 12. Thông tư này có hiệu lực kể từ ngày ký.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Nơi nhận:
- Các bộ, cơ quan ngang bộ;
- Lưu: VT, LS.
Nguyễn Minh Vũ"""

LAW = """QUỐC HỘI
Luật số: 63/2025/QH15
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

LUẬT
TỔ CHỨC CHÍNH PHỦ

Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;
Quốc hội ban hành Luật Tổ chức Chính phủ.
Điều 32. Luật này có hiệu lực thi hành từ ngày 01 tháng 3 năm 2025.
Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, kỳ họp bất
thường lần thứ 9 thông qua ngày 18 tháng 02 năm 2025.
CHỦ TỊCH QUỐC HỘI

Trần Thanh Mẫn"""

OFFICIAL_LETTER = """UBND TỈNH BÌNH ĐỊNH
SỞ NỘI VỤ
Số: 352/SNV-CCHCVTLT
V/v hướng dẫn thực hiện báo cáo cải cách
hành chính định kỳ năm 2021
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bình Định, ngày 05 tháng 3 năm 2021
Kính gửi: Các sở, ban, ngành thuộc tỉnh.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Lê Thị Hoa"""

CONSOLIDATED = """CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
THÔNG TƯ
Quy định Quy tắc xuất xứ hàng hóa
trong Hiệp định Đối tác kinh tế toàn diện
Thông tư số 24/2026/TT-BCT ngày 05 tháng 5 năm 2026 của Bộ trưởng
Bộ Công Thương, có hiệu lực kể từ ngày 05 tháng 5 năm 2026, được sửa đổi, bổ sung bởi:
Thông tư số 26/2026/TT-BCT ngày 20 tháng 5 năm 2026 của Bộ trưởng Bộ Công Thương.
Căn cứ Nghị định số 40/2025/NĐ-CP của Chính phủ;
Bộ trưởng Bộ Công Thương ban hành Thông tư quy định Quy tắc xuất xứ hàng hóa.
Điều 1. Phạm vi điều chỉnh
trong Hiệp định./.
BỘ CÔNG THƯƠNG
Số: 49/VBHN-BCT
XÁC THỰC VĂN BẢN HỢP NHẤT
Hà Nội, ngày 04 tháng 6 năm 2026

KT. BỘ TRƯỞNG
THỨ TRƯỞNG

Nguyễn Sinh Nhật Tân"""

BLANK_REPORT = """UBND TỈNH BÌNH ĐỊNH
SỞ NGOẠI VỤ
Số: /BC-SNgV
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bình Định, ngày    tháng 6 năm 2021

**BÁO CÁO**
**Công tác cải cách hành chính 6 tháng đầu năm 2021**

Thực hiện Quyết định số 56/2020/QĐ-UBND ngày 12/8/2020 của UBND tỉnh.
Nơi nhận:
- Sở Nội vụ;
**GIÁM ĐỐC**

**Nguyễn Thái Bình**"""

BARE_REPORT = """
Số: /BC-SNgV

Bình Định, ngày tháng 6 năm 2021

BÁO CÁO
Kết quả thực hiện Kế hoạch cải cách hành chính giai đoạn 2016 - 2020
"""

RESOLUTION = """CHÍNH PHỦ
Số: 16/2026/NQ-CP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập – Tự do – Hạnh phúc
Hà Nội, ngày 07 tháng 4 năm 2026
NGHỊ QUYẾT
Về cơ chế đặc thù đối với dự án BT chuyển tiếp
______________
CHÍNH PHỦ
Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;
Điều 5. Nghị quyết này có hiệu lực thi hành kể từ ngày ký đến hết ngày 31 tháng 12 năm 2027.
TM. CHÍNH PHỦ
KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG
Nguyễn Hòa Bình"""

# (snippet, expected fields); fields not listed are not checked
SNIPPETS = [
    (DECISION, dict(number="15/2013/QĐ-UBND", type="Quyết định", issuer="UBND tỉnh Bình Định",
                    date=date(2013, 7, 5), place="Bình Định", signer="Trần Văn Bình",
                    title="Ban hành Quy định quản lý hộ chiếu ngoại giao, hộ chiếu công vụ của cán "
                          "bộ, công chức tỉnh Bình Định", effective=date(2013, 7, 15))),
    (CIRCULAR, dict(number="01/2021/TT-BNG", type="Thông tư", issuer="Bộ Ngoại giao",
                    date=date(2021, 1, 20), place="Hà Nội", signer="Nguyễn Minh Vũ",
                    title="Hướng dẫn việc cấp, gia hạn, hủy giá trị sử dụng hộ chiếu ngoại giao, "
                          "hộ chiếu công vụ ở Việt Nam", effective=date(2021, 1, 20))),
    (LAW, dict(number="63/2025/QH15", type="Luật", issuer="Quốc hội", date=date(2025, 2, 18),
               place=None, title="Tổ chức Chính phủ", signer="Trần Thanh Mẫn",
               effective=date(2025, 3, 1))),
    (OFFICIAL_LETTER, dict(number="352/SNV-CCHCVTLT", type="Công văn",
                           issuer="Sở Nội vụ tỉnh Bình Định", date=date(2021, 3, 5),
                           title="hướng dẫn thực hiện báo cáo cải cách hành chính định kỳ năm 2021",
                           signer="Lê Thị Hoa")),
    (CONSOLIDATED, dict(number="49/VBHN-BCT", type="Văn bản hợp nhất", issuer="Bộ Công Thương",
                        date=date(2026, 6, 4), signer="Nguyễn Sinh Nhật Tân",
                        title="Quy định Quy tắc xuất xứ hàng hóa trong Hiệp định Đối tác kinh tế "
                              "toàn diện")),
    (BLANK_REPORT, dict(number=None, type="Báo cáo", issuer="Sở Ngoại vụ tỉnh Bình Định",
                        date=None, place="Bình Định", signer="Nguyễn Thái Bình", term="2021",
                        title="Công tác cải cách hành chính 6 tháng đầu năm 2021")),
    (BARE_REPORT, dict(number=None, type="Báo cáo", issuer="Sở Ngoại vụ tỉnh Bình Định",
                       date=None, term="2016-2020", signer=None)),  # issuer from the ký hiệu
    (RESOLUTION, dict(number="16/2026/NQ-CP", type="Nghị quyết", issuer="Chính phủ",
                      date=date(2026, 4, 7), effective=date(2026, 4, 7),
                      expires=date(2027, 12, 31), signer="Nguyễn Hòa Bình",
                      title="Về cơ chế đặc thù đối với dự án BT chuyển tiếp")),
]


@pytest.mark.parametrize("text, expected", SNIPPETS, ids=[
    "decision-ubnd", "circular", "law", "cong-van", "vbhn", "blank-number-report",
    "bare-report", "resolution-with-term"])
def test_snippet(text, expected):
    got = meta(text)
    assert {k: getattr(got, k) for k in expected} == expected


@pytest.mark.parametrize("text, field, expected", [
    ("Số: 200/2026/NĐ-CP CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nNGHỊ ĐỊNH\nQuy định X", "number",
     "200/2026/NĐ-CP"),  # number and motto on one line
    ("CHÍNH PHỦ\nSố: 01/2022/TTLT-VKSNDTC-\nTANDTC-BCA\nTHÔNG TƯ LIÊN TỊCH\nQuy định X", "number",
     "01/2022/TTLT-VKSNDTC-TANDTC-BCA"),  # split across lines
    ("CHÍNH PHỦ\nSố:\n15/2026/NQ-CP\nNGHỊ QUYẾT\nVề X", "number", "15/2026/NQ-CP"),
    ("CHÍNH PHỦ\nNGHỊ QUYẾT\nVề X", "number", None),
    ("Hà Nội, ngày 27 tháng 3 năm 2026 2025\nTHÔNG TƯ\nQuy định X", "date", date(2026, 3, 27)),
    ("NGHỊ ĐỊNH1\nQuy định về đăng ký thuế2\n\nCăn cứ Luật", "title", "Quy định về đăng ký thuế"),
    ("KẾ HOẠCH\nCải cách hành chính năm 2021\n", "term", "2021"),
    ("QUYẾT ĐỊNH\nPhê duyệt Đề án đến năm 2030, tầm nhìn đến năm 2045\n", "term", None),
    ("THÔNG TƯ\nQuy định X\nĐiều 9. Từ ngày Thông tư này có hiệu lực đến hết ngày 31 tháng 12 năm "
     "2027, mức thu phí bằng 50%.", "expires", None),  # a transitional period, not a term
    ("QUYẾT ĐỊNH\nQuy định X\nĐiều 3. Quyết định này có hiệu lực kể từ ngày ký.\nKT. BỘ TRƯỞNG\n"
     "THỨ TRƯỞNG\nThượng tướng Vũ Hải Sản", "signer", "Vũ Hải Sản"),
])
def test_field(text, field, expected):
    assert getattr(meta(text), field) == expected


@pytest.mark.parametrize("lines", [
    [], [""], ["   "], ["Số:"], ["ngày tháng năm"], ["KT. BỘ TRƯỞNG"], ["XÁC THỰC VĂN BẢN HỢP NHẤT"],
    ["THÔNG TƯ"] * 3, ["Luật số: /QH15"], ["\x00\ufeff**", "#"], ["V/v"],
])
def test_degenerate_input(lines):
    assert isinstance(extract_meta(lines), DocumentMeta)


def test_arbitrary_text_never_raises(monkeypatch):
    monkeypatch.setattr(header, "STRICT", True)
    rng = random.Random(7)
    alphabet = "ĐđÀàỦủ Số:/-–.,()\n0123456789 QĐ-UBND CỘNG HÒA ngày tháng năm THÔNG TƯ TM. KT."
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
        extract_meta(clean_lines(text.split("\n")))
    assert extract_meta(["lorem ipsum", "dolor sit amet"]) == DocumentMeta()


# --- the gazette ---

NEAR_EMPTY_LINES = 30  # scans whose text layer holds little more than a signature page:
# fewer lines than this and no national motto
THRESHOLDS = {"number": 0.95, "type": 0.97, "issuer": 0.97, "date": 0.95, "title": 0.97,
              "signer": 0.95, "effective": 0.9}


def _gazette_metas(gazette):
    metas = {}
    for slug, row in gazette.items():
        lines = clean_lines(row["text"].split("\n"))
        filled = [line for line in lines if line.strip()]
        empty = len(filled) < NEAR_EMPTY_LINES and not any(map(patterns.MOTTO.search, filled))
        metas[slug] = (extract_meta(lines), empty)
    return metas


def test_gazette_rates(gazette, monkeypatch):
    monkeypatch.setattr(header, "STRICT", True)  # no swallowed exceptions either
    metas = _gazette_metas(gazette)
    full = [m for m, empty in metas.values() if not empty]
    empty = [slug for slug, (m, e) in metas.items() if e]
    print(f"\n{len(metas)} gazette texts; {len(empty)} nearly empty scans: {', '.join(sorted(empty))}")
    rates = {}
    for field in ("number", "type", "issuer", "date", "title", "signer", "effective", "place",
                  "expires", "term"):
        rates[field] = sum(1 for m in full if getattr(m, field)) / len(full)
        print(f"  {field:10} {rates[field]:.3f}")
    assert len(empty) <= 10
    for field, threshold in THRESHOLDS.items():
        assert rates[field] >= threshold, field


TTLT = "thong-tu-lien-tich-so-01-2022-ttlt-vksndtc-tandtc-bca-bqp-bldtbxh-36844"
TTLT_ISSUER = ("Viện kiểm sát nhân dân tối cao - Tòa án nhân dân tối cao - Bộ Công an - "
               "Bộ Quốc phòng - Bộ Lao động - Thương binh và Xã hội")

# Read by hand: slug → (number, type, issuer, date, title prefix, signer)
HAND_LABELLED = {
    "nghi-dinh-so-200-2026-nd-cp-469728": (
        "200/2026/NĐ-CP", "Nghị định", "Chính phủ", date(2026, 6, 5),
        "Quy định về chào bán, giao dịch trái phiếu doanh nghiệp riêng lẻ tại thị trường trong "
        "nước và chào bán trái phiếu doanh nghiệp ra thị trường quốc tế", "Nguyễn Văn Thắng"),
    "thong-tu-so-58-2026-tt-btc-469663": (
        "58/2026/TT-BTC", "Thông tư", "Bộ Tài chính", date(2026, 5, 25),
        "Hướng dẫn Chế độ kế toán cho doanh nghiệp siêu nhỏ", "Tạ Anh Tuấn"),
    TTLT: (  # number split across two lines; five issuers, printed twice; first signer
        "01/2022/TTLT-VKSNDTC-TANDTC-BCA-BQP-BLĐTBXH", "Thông tư liên tịch", TTLT_ISSUER,
        date(2022, 2, 18), "Quy định về phối hợp giữa các cơ quan có thẩm quyền trong tiếp nhận,",
        "Nguyễn Trí Tuệ"),
    "luat-so-69-2020-qh14-32699": (
        "69/2020/QH14", "Luật", "Quốc hội", date(2020, 11, 13),
        "Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng", "Nguyễn Thị Kim Ngân"),
    "nghi-quyet-so-45-2019-qh14-30232": (
        "45/2019/QH14", "Bộ luật", "Quốc hội", date(2019, 11, 20), "Lao động",
        "Nguyễn Thị Kim Ngân"),
    "nghi-quyet-so-24-2022-ubtvqh15-37692": (  # no date line: the date it was passed
        "24/2022/UBTVQH15", "Nghị quyết", "Ủy ban Thường vụ Quốc hội", date(2022, 8, 11),
        "Tiếp tục chi trả hỗ trợ đối với người lao động theo Nghị quyết số 03/2021/UBTVQH15",
        "Vương Đình Huệ"),
    "quyet-dinh-so-982-qd-ttg-469699": (
        "982/QĐ-TTg", "Quyết định", "Thủ tướng Chính phủ", date(2026, 6, 4),
        "Phê duyệt Đề án hỗ trợ, phát triển các doanh nghiệp công nghệ số vươn ra toàn cầu",
        "Hồ Quốc Dũng"),
    "chi-thi-so-21-ct-ttg-469580": (
        "21/CT-TTg", "Chỉ thị", "Thủ tướng Chính phủ", date(2026, 5, 20),
        "Về việc sắp xếp thôn, tổ dân phố và bố trí, sử dụng", "Phạm Thị Thanh Trà"),
    "van-ban-hop-nhat-so-49-vbhn-bct-469723": (
        "49/VBHN-BCT", "Văn bản hợp nhất", "Bộ Công Thương", date(2026, 6, 4),
        "Quy định Quy tắc xuất xứ hàng hóa trong Hiệp định Đối tác kinh tế toàn diện giữa",
        "Nguyễn Sinh Nhật Tân"),
    "van-ban-hop-nhat-so-834-vbhn-bldtbxh-41454": (  # issuer split over two lines in the block
        "834/VBHN-BLĐTBXH", "Văn bản hợp nhất", "Bộ Lao động - Thương binh và Xã hội",
        date(2024, 3, 5), "Quy định mức hưởng trợ cấp, phụ cấp và các chế độ ưu đãi người có "
        "công với cách mạng", "Nguyễn Bá Hoan"),
    "van-ban-hop-nhat-so-113-vbhn-vpqh-469596": (
        "113/VBHN-VPQH", "Văn bản hợp nhất", "Văn phòng Quốc hội", date(2026, 5, 20),
        "Thuế thu nhập doanh nghiệp", "Lê Quang Mạnh"),
}


@pytest.mark.parametrize("slug", sorted(HAND_LABELLED))
def test_gazette_hand_labelled(gazette, slug):
    number, doc_type, issuer, when, title, signer = HAND_LABELLED[slug]
    got = extract_meta(clean_lines(gazette[slug]["text"].split("\n")))
    assert (got.number, got.type, got.issuer, got.date, got.signer) == (
        number, doc_type, issuer, when, signer)
    assert (got.title or "").startswith(title)
