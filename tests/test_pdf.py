"""PDF input: the text layer read with pypdf, page furniture dropped; a PDF of a document
gives the same metadata, citations and links as its TXT and DOCX; scans, encrypted and
corrupt files are refused with a reason.

Realistic PDFs are drawn with reportlab and the DejaVu Sans font (Vietnamese glyphs); those
tests are skipped when either is missing. Minimal PDFs are written by hand.
"""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from legaldocs.errors import ReaderError
from legaldocs.extract import extract_file
from legaldocs.readers import read_bytes, read_file
from legaldocs.readers.pdf import is_furniture, page_lines

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
RUNNING_HEADER = "CÔNG BÁO/Số 323/Ngày 11-06-2026"

# A decision as its TXT has it: one paragraph per line; the header block is two columns
# of four lines (issuer | motto), as a word processor's table draws them, column by column.
DECISION = """ỦY BAN NHÂN DÂN
TỈNH BÌNH ĐỊNH
-------
Số: 15/2013/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Bình Định, ngày 05 tháng 7 năm 2013

QUYẾT ĐỊNH
Ban hành Quy định quản lý hộ chiếu ngoại giao, hộ chiếu công vụ
của cán bộ, công chức tỉnh Bình Định

ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH

Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003;
Căn cứ Nghị định số 136/2007/NĐ-CP ngày 17 tháng 8 năm 2007 của Chính phủ về xuất cảnh, nhập cảnh của công dân Việt Nam;
Căn cứ Quyết định số 58/2012/QĐ-TTg ngày 24 tháng 12 năm 2012 của Thủ tướng Chính phủ về sử dụng và quản lý hộ chiếu ngoại giao, hộ chiếu công vụ;
Theo đề nghị của Giám đốc Sở Ngoại vụ tại Tờ trình số 45/TTr-SNgV ngày 20 tháng 6 năm 2013,

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Quy định quản lý hộ chiếu ngoại giao, hộ chiếu công vụ của cán bộ, công chức tỉnh Bình Định.

Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày 15 tháng 7 năm 2013 và thay thế Quyết định số 22/2009/QĐ-UBND ngày 10 tháng 8 năm 2009 của UBND tỉnh Bình Định ban hành Quy chế quản lý hộ chiếu ngoại giao, hộ chiếu công vụ.

Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Ngoại vụ, Thủ trưởng các sở, ban, ngành thuộc tỉnh, Chủ tịch UBND các huyện, thị xã, thành phố và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:
- Như Điều 3;
- Bộ Ngoại giao;
- Lưu: VT, K19.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

(Đã ký)

Lê Hữu Phước"""


# --- building PDFs ------------------------------------------------------------------------

def minimal_pdf(content: bytes, resources: bytes = b"<< >>", extra: tuple = ()) -> bytes:
    """A one-page PDF written by hand: catalog, pages, page, content stream, ``extra``."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Resources "
               + resources + b" /Contents 4 0 R >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream", *extra]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


IMAGE = (b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
         b"/BitsPerComponent 8 /Length 4 >>\nstream\n\x00\x80\x80\x00\nendstream")
SCAN = minimal_pdf(b"q 300 0 0 300 0 0 cm /Im1 Do Q", b"<< /XObject << /Im1 5 0 R >> >>", (IMAGE,))
HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def ascii_pdf(*lines: str) -> bytes:
    """A hand-written PDF drawing ASCII lines in Helvetica, 14 points apart."""
    ops = b"BT /F1 11 Tf 20 260 Td 14 TL " + b" ".join(
        b"(%s) Tj T*" % line.encode("latin-1") for line in lines) + b" ET"
    return minimal_pdf(ops, b"<< /Font << /F1 5 0 R >> >>", (HELVETICA,))


@pytest.fixture(scope="module")
def reportlab_pdf():
    """draw(text, ...) -> PDF bytes, drawn like a word processor's output (see below)."""
    pytest.importorskip("reportlab")
    if not FONT.exists():
        pytest.skip(f"{FONT} is absent (apt-get install fonts-dejavu-core)")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVu", str(FONT)))
    return draw_pdf


def draw_pdf(text: str, gazette: bool = True, stamp: bool = True, header_lines: int = 8,
             bottom: float = 330, header_by_row: bool = False) -> bytes:
    """An A4 PDF of ``text``: the first ``header_lines`` as two centred columns (each drawn
    whole, as a table cell is, or ``header_by_row``: left, right, left ...), then every
    paragraph wrapped and justified at 455 points, an empty paragraph as a line holding a
    space (as word processors write them). Pages end at ``bottom`` points, mid-paragraph;
    from page 2 the gazette's running header and page number stand at the top, and page 1
    ends with a digital signature stamp."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    size, leading, left, width, top = 11, 15, 70, 455, 780
    lines = text.split("\n")
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    state = {"page": 1, "y": top}

    def new_page():
        if stamp and state["page"] == 1:
            pdf.setFont("DejaVu", 8)
            for i, field in enumerate(("Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                       "Cơ quan: VĂN PHÒNG CHÍNH PHỦ",
                                       "Ngày ký: 2026-06-10 17:04:38 +07:00")):
                pdf.drawString(300, 60 - 10 * i, field)
        pdf.showPage()
        state["page"] += 1
        state["y"] = top
        if gazette:
            pdf.setFont("DejaVu", 9)
            pdf.drawString(left, 805, RUNNING_HEADER)
            pdf.drawRightString(left + width, 805, str(state["page"]))

    pdf.setFont("DejaVu", size)
    cells = [(centre, i, line) for centre, column in ((left + 100, lines[:header_lines // 2]),
                                                      (left + 330, lines[header_lines // 2:header_lines]))
             for i, line in enumerate(column)]
    for centre, i, line in sorted(cells, key=lambda cell: cell[1]) if header_by_row else cells:
        pdf.drawCentredString(centre, top - i * leading, line)
    state["y"] = top - (header_lines // 2) * leading
    for paragraph in lines[header_lines:]:
        pieces = simpleSplit(paragraph, "DejaVu", size, width) or [" "]
        for i, piece in enumerate(pieces):
            if state["y"] < bottom:
                new_page()
            pdf.setFont("DejaVu", size)
            spaces = piece.count(" ")
            last = i == len(pieces) - 1
            gap = 0 if last or not spaces else (width - stringWidth(piece, "DejaVu", size)) / spaces
            line = pdf.beginText(left, state["y"])
            line.setFont("DejaVu", size)
            line.setWordSpace(gap)
            line.textOut(piece)
            pdf.drawText(line)
            state["y"] -= leading
    new_page() if stamp and state["page"] == 1 else None
    pdf.save()
    return out.getvalue()


def docx_of(text: str, header_lines: int = 8) -> bytes:
    """The same document as a DOCX: the header in a two-cell table, then one paragraph per line."""
    import docx

    document = docx.Document()
    lines = text.split("\n")
    cells = document.add_table(rows=1, cols=2).rows[0].cells
    for cell, column in zip(cells, (lines[:header_lines // 2], lines[header_lines // 2:header_lines])):
        cell.paragraphs[0].text = column[0]
        for line in column[1:]:
            cell.add_paragraph(line)
    for line in lines[header_lines:]:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def write(folder: Path, name: str, data) -> Path:
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def citation_facts(extraction):
    return [(c.number, c.type, c.date, c.issuer) for c in extraction.citations]


def relation_facts(extraction):
    return [(r.kind, r.source, r.target, r.scope, r.part) for r in extraction.relations]


# --- a PDF reads like the document ---------------------------------------------------------

@pytest.mark.parametrize("header_by_row", [False, True], ids=["header-by-column", "header-by-row"])
def test_a_pdf_gives_the_record_of_its_txt_and_docx(tmp_path, reportlab_pdf, header_by_row):
    txt = extract_file(write(tmp_path, "qd.txt", DECISION))
    docx = extract_file(write(tmp_path, "qd.docx", docx_of(DECISION)))
    pdf = extract_file(write(tmp_path, "qd.pdf", reportlab_pdf(DECISION, header_by_row=header_by_row)))
    assert txt.document.number == "15/2013/QĐ-UBND" and txt.document.signer == "Lê Hữu Phước"
    assert pdf.document == txt.document == docx.document
    assert citation_facts(pdf) == citation_facts(txt) == citation_facts(docx)
    assert [c.number for c in pdf.citations] == ["136/2007/NĐ-CP", "58/2012/QĐ-TTg",
                                                  "45/TTr-SNgV", "22/2009/QĐ-UBND"]
    assert relation_facts(pdf) == relation_facts(txt)
    assert ("replaces", "15/2013/QĐ-UBND", "22/2009/QĐ-UBND", "self", None) in relation_facts(pdf)


def test_cited_titles_survive_wrapped_lines(tmp_path, reportlab_pdf):
    txt = extract_file(write(tmp_path, "qd.txt", DECISION))
    pdf = extract_file(write(tmp_path, "qd.pdf", reportlab_pdf(DECISION)))
    assert [c.title for c in pdf.citations] == [c.title for c in txt.citations]
    assert [r.evidence for r in pdf.relations] == [r.evidence for r in txt.relations]


def test_page_furniture_goes_and_pages_join_line_to_line(tmp_path, reportlab_pdf):
    source = read_file(write(tmp_path, "qd.pdf", reportlab_pdf(DECISION, bottom=560)))
    assert source.format == "pdf"
    assert "CÔNG BÁO" not in source.text and "Ký bởi" not in source.text
    assert not any(line.isdigit() for line in source.lines)
    assert source.lines[:4] == ["ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH", "-------", "Số: 15/2013/QĐ-UBND"]
    # the page broke inside a căn cứ line: its two halves are adjacent lines
    index = next(i for i, line in enumerate(source.lines) if line.startswith("Căn cứ Quyết định"))
    assert "của Thủ tướng Chính phủ" in " ".join(source.lines[index:index + 2])
    assert all(line == " ".join(line.split()) for line in source.lines)  # no double spaces


def test_a_pdf_without_the_gazette_header_reads_the_same(tmp_path, reportlab_pdf):
    plain = extract_file(write(tmp_path, "a.pdf", reportlab_pdf(DECISION, gazette=False, stamp=False)))
    gazette = extract_file(write(tmp_path, "b.pdf", reportlab_pdf(DECISION)))
    assert plain.document == gazette.document
    assert citation_facts(plain) == citation_facts(gazette)


def test_a_content_named_pdf_is_read_whatever_its_extension(tmp_path):
    data = ascii_pdf("Quyet dinh so 15/2013/QD-UBND", "", "Dieu 1. Pham vi")
    for name in ("scan.pdf", "van-ban.txt", "van-ban"):
        source = read_file(write(tmp_path, name, data))
        assert source.format == "pdf"
        assert source.lines[0] == "Quyet dinh so 15/2013/QD-UBND"


def test_junk_before_the_pdf_header_is_allowed(tmp_path):
    source = read_bytes(b"\r\n\x00junk\n" + ascii_pdf("Dieu 1. Pham vi"), "x.pdf")
    assert source.lines == ["Dieu 1. Pham vi"]


# --- refused -------------------------------------------------------------------------------

def refused(data: bytes, fragment: str, name: str = "x.pdf") -> str:
    with pytest.raises(ReaderError) as caught:
        read_bytes(data, name)
    assert fragment in str(caught.value), str(caught.value)
    assert "\n" not in str(caught.value)
    return str(caught.value)


def test_an_image_only_pdf_asks_for_ocr():
    message = refused(SCAN, "has no text layer (a scan?): run OCR first", "scan.pdf")
    assert message == "scan.pdf: has no text layer (a scan?): run OCR first"


def test_a_scan_with_only_a_signature_stamp_asks_for_ocr(reportlab_pdf):
    stamp_only = reportlab_pdf("\n" * 7, gazette=True, stamp=True)
    refused(stamp_only, "has no text layer (a scan?)")


@pytest.mark.parametrize("data", [
    b"%PDF-1.4\n...",
    b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF",
    ascii_pdf("Dieu 1")[:150],
], ids=["no-objects", "dangling-pages", "truncated"])
def test_a_corrupt_pdf_is_a_reader_error(data):
    with pytest.raises(ReaderError, match=r"^x\.pdf: (corrupt PDF|has no text layer)"):
        read_bytes(data, "x.pdf")


def test_encrypted_pdfs(tmp_path):
    pypdf = pytest.importorskip("pypdf")

    def encrypted(user_password: str) -> bytes:
        writer = pypdf.PdfWriter(clone_from=io.BytesIO(ascii_pdf("Dieu 1. Pham vi")))
        writer.encrypt(user_password=user_password, owner_password="chu", algorithm="RC4-128")
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    refused(encrypted("mat-khau"), "encrypted PDF: it needs a password")
    assert read_bytes(encrypted(""), "x.pdf").lines == ["Dieu 1. Pham vi"]  # permissions only


# --- page furniture -------------------------------------------------------------------------

@pytest.mark.parametrize("line, furniture", [
    (RUNNING_HEADER, True),
    ("68 CÔNG BÁO/Số 577 + 578/Ngày 07-3-2023", True),
    ("12", True), ("- 3 -", True), ("Trang 2/5", True),
    ("Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
    ("Cơ quan: VĂN PHÒNG CHÍNH PHỦ", True),
    ("Ngày ký: 2026-06-12 17:04:38 +07:00", True),
    ("Điều 2. Hiệu lực thi hành", False),
    ("12/2020/QĐ-UBND", False),
    ("Đăng Công báo theo quy định", False),
])
def test_furniture(line, furniture):
    assert is_furniture(line) is furniture


@pytest.mark.parametrize("text, lines", [
    ("a  b   c \n  d", ["a b c", "d"]),
    ("hộ\u00adchiếu", ["hộchiếu"]),
    ("\ufb01le\u200b", ["file"]),
    ("x\x0cy", ["x", "y"]),
])
def test_page_lines(text, lines):
    assert page_lines(text) == lines


def test_an_aes_encrypted_pdf_names_the_missing_package():
    from pypdf.errors import DependencyError

    from legaldocs.readers import pdf

    class AesReader:
        def decrypt(self, password):
            raise DependencyError("cryptography>=3.1 is required for AES algorithm")

    with pytest.raises(ReaderError, match=r"^x\.pdf: encrypted PDF \(AES\).*pypdf\[crypto\]"):
        pdf._decrypt(AesReader(), "x.pdf")
