"""Small factories: realistic document texts and temporary homes built from them."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from legaldocs.home import Home
from legaldocs.ingest import ingest

HEADERS = {
    "tỉnh Bình Định": ("ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH", "Bình Định", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"),
    "thành phố Đà Nẵng": ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ NẴNG", "Đà Nẵng", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"),
    "Thủ tướng": ("THỦ TƯỚNG CHÍNH PHỦ", "Hà Nội", "THỦ TƯỚNG"),
    "Chính phủ": ("CHÍNH PHỦ", "Hà Nội", "TM. CHÍNH PHỦ\nTHỦ TƯỚNG"),
}
HEADINGS = {"Quyết định": "QUYẾT ĐỊNH", "Nghị định": "NGHỊ ĐỊNH", "Kế hoạch": "KẾ HOẠCH",
            "Thông tư": "THÔNG TƯ"}


def words(d: date) -> str:
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def document(number: str, when: date, title: str, *, where: str = "tỉnh Bình Định",
             kind: str = "Quyết định", bases=(), articles=(), effective: date | None = None,
             signer: str = "Nguyễn Văn An") -> str:
    """A decision (or decree, plan) in the real layout of Decree 30/2020."""
    header, place, sign = HEADERS[where]
    lines = [header, f"Số: {number}", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
             f"{place}, {words(when)}", "", HEADINGS[kind], title, ""]
    lines += [f"Căn cứ {basis};" for basis in bases]
    lines += ["", f"{HEADINGS[kind]}:", ""]
    body = list(articles) or ["Điều 1. Ban hành kèm theo Quyết định này Quy định chi tiết."]
    lines += body
    effect = f"kể từ {words(effective)}" if effective else "kể từ ngày ký"
    lines += [f"Điều {len(body) + 1}. {kind} này có hiệu lực thi hành {effect}.", "", sign, "", signer,
              "", "Nơi nhận:", "- Như Điều 3;", "- Lưu: VT."]
    return "\n".join(lines) + "\n"


def make_home(tmp_path: Path, docs: dict[str, str]) -> Home:
    """A home in ``tmp_path/home`` with ``docs`` (file name → text) ingested."""
    source = tmp_path / "in"
    source.mkdir(exist_ok=True)
    for name, text in docs.items():
        (source / name).write_text(text, encoding="utf-8")
    home = Home.resolve(str(tmp_path / "home"))
    summary = ingest(home, [source])
    assert not summary.failed, summary.failed
    return home
