"""legaldocs.readers: every format and encoding to the same NFC text, and every refusal.

Files are built in tmp_path by the small factories below (DOCX zips from XML strings); no
binary fixtures.
"""
from __future__ import annotations

import io
import os
import random
import unicodedata
import warnings
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from legaldocs.errors import ReaderError
from legaldocs.readers import dispatch, docx, read_bytes, read_file
from legaldocs.readers.markers import superscript
from legaldocs.readers.safexml import safe_parser

PARAGRAPH = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
    "Quyết định số 15/2013/QĐ-UBND của Ủy ban nhân dân tỉnh Bình Định về việc ban hành "
    "Quy chế phối hợp quản lý nhà nước đối với hoạt động đối ngoại.\n"
)
TONES = "\u0300\u0301\u0303\u0309\u0323"

# Legacy encodings, as Windows-1252 shows their bytes ("Cộng hòa xã hội chủ nghĩa Việt Nam").
TCVN3 = ("Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\n"
         "QuyÕt ®Þnh sè 15/2013/Q§-UBND\n")
VNI = ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nÑoäc laäp - Töï do - Haïnh phuùc\n"
       "Quyeát ñònh soá 15/2013/QÑ-UBND\n")

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
VML = "urn:schemas-microsoft-com:vml"
AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


# --- factories ---------------------------------------------------------------------------

def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def to_cp1258(text: str) -> bytes:
    """Windows-1258 the way Vietnamese Windows wrote it: base letter + combining tone mark."""
    out = []
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        tones = "".join(mark for mark in decomposed if mark in TONES)
        base = unicodedata.normalize("NFC", "".join(m for m in decomposed if m not in TONES))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


def refused(path, fragment: str) -> str:
    """Read ``path`` expecting a ReaderError whose one-line reason contains ``fragment``."""
    with pytest.raises(ReaderError) as info:
        read_file(path)
    message = str(info.value)
    assert message == f"{path}: {info.value.reason}"
    assert "\n" not in message
    assert fragment in info.value.reason, message
    return message


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def para(*runs: str) -> str:
    return f"<w:p>{''.join(runs)}</w:p>"


def note_ref(note_id: int, kind: str = "footnote") -> str:
    return f'<w:r><w:{kind}Reference w:id="{note_id}"/></w:r>'


def document_xml(body: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:document xmlns:w="{W}" xmlns:mc="{MC}" xmlns:wps="{WPS}" xmlns:v="{VML}">'
            f"<w:body>{body}<w:sectPr/></w:body></w:document>")


def notes_xml(notes: dict, kind: str = "footnote") -> str:
    """A footnotes/endnotes part: the two separators, then {id: [paragraph texts]}."""
    items = [
        f'<w:{kind} w:type="separator" w:id="-1">{para("<w:r><w:separator/></w:r>")}</w:{kind}>',
        f'<w:{kind} w:type="continuationSeparator" w:id="0">'
        f'{para("<w:r><w:continuationSeparator/></w:r>")}</w:{kind}>',
    ]
    for note_id, paragraphs in notes.items():
        first, *rest = paragraphs
        body = para(f"<w:r><w:{kind}Ref/></w:r>", run(" " + first))
        body += "".join(para(run(text)) for text in rest)
        items.append(f'<w:{kind} w:id="{note_id}">{body}</w:{kind}>')
    return f'<?xml version="1.0"?><w:{kind}s xmlns:w="{W}">{"".join(items)}</w:{kind}s>'


def make_docx(document, members: dict | None = None, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A .docx in memory: [Content_Types].xml, word/document.xml and any other members."""
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are made on purpose
        with zipfile.ZipFile(buffer, "w", method) as archive:
            archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
            if document is not None:
                archive.writestr("word/document.xml", document)
            for name, content in (members or {}).items():
                archive.writestr(name, content)
    return buffer.getvalue()


def akn_xml(body: str, namespace: str = AKN) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>'
            f'<akomaNtoso xmlns="{namespace}">{body}</akomaNtoso>')


# --- plain text: encodings and line structure -----------------------------------------------

@pytest.mark.parametrize("encode, encoding", [
    (lambda t: t.encode("utf-8"), "utf-8"),
    (lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), "utf-8-sig"),
    (lambda t: b"\xff\xfe" + t.encode("utf-16-le"), "utf-16-le"),
    (lambda t: b"\xfe\xff" + t.encode("utf-16-be"), "utf-16-be"),
    (lambda t: t.encode("utf-16-le"), "utf-16-le"),  # no BOM: found by its NUL bytes
    (lambda t: t.encode("utf-16-be"), "utf-16-be"),
    (lambda t: b"\xff\xfe\x00\x00" + t.encode("utf-32-le"), "utf-32-le"),
    (to_cp1258, "cp1258"),
    (lambda t: unicodedata.normalize("NFD", t).encode("utf-8"), "utf-8"),
    (lambda t: t.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
], ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "utf32le",
        "cp1258", "nfd", "crlf"])
def test_the_same_paragraph_in_every_encoding_reads_the_same(tmp_path, encode, encoding):
    assert unicodedata.is_normalized("NFC", PARAGRAPH)
    source = read_file(write(tmp_path, "van-ban.txt", encode(PARAGRAPH)))
    assert (source.text, source.encoding, source.format) == (PARAGRAPH, encoding, "txt")


@pytest.mark.parametrize("data, text", [
    (b"a\r\nb\r\n", "a\nb\n"),
    (b"a\rb", "a\nb"),
    (b"a\n\n\nb\n", "a\n\n\nb\n"),  # empty lines are kept
    (b"trang 1\x0ctrang 2", "trang 1 trang 2"),  # a form feed is not a new line
    ("Điều 1.\u2028Khoản 1".encode(), "Điều 1. Khoản 1"),
    (b"", ""),
])
def test_newlines(tmp_path, data, text):
    source = read_file(write(tmp_path, "a.txt", data))
    assert source.text == text
    assert source.text.splitlines() == source.text.split("\n")[: len(source.text.splitlines())]


def test_line_n_of_the_file_is_line_n_of_the_text(tmp_path):
    data = "Số: 15/2013/QĐ-UBND\r\n\r\n\r\nCăn cứ Quyết định số 58/2012/QĐ-TTg;\r\n".encode()
    source = read_file(write(tmp_path, "a.md", data))
    assert source.lines[3] == "Căn cứ Quyết định số 58/2012/QĐ-TTg;"
    assert source.format == "md"


@pytest.mark.parametrize("data, encoding", [
    (TCVN3.encode("cp1252"), "TCVN3 (ABC)"),
    (TCVN3.encode("utf-8"), "TCVN3 (ABC)"),  # mojibake already saved as Unicode
    (VNI.encode("cp1252"), "VNI"),
    (VNI.encode("utf-8"), "VNI"),
], ids=["tcvn3-bytes", "tcvn3-utf8", "vni-bytes", "vni-utf8"])
def test_legacy_encodings_are_refused_by_name(tmp_path, data, encoding):
    path = write(tmp_path, "cu.txt", data)
    reason = f"looks like {encoding} legacy encoding; convert it to Unicode first"
    assert refused(path, reason) == f"{path}: {reason}"


@pytest.mark.parametrize("data, fragment", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "not a text file"),
    (bytes(range(1, 9)) * 20 + b"Quyet dinh", "not a text file"),
    (b"a\x00" * 40 + b"\x00\xd8", "not a text file"),  # UTF-16-like, but a lone surrogate
    (b"\xff\xfe" + "".join(map(chr, random.Random(7).choices(range(0xD800), k=500)))
     .encode("utf-16-le"), "not a text file"),  # binary data behind a byte-order mark
    ("Müller Größe Äpfel über Öl".encode("cp1252"), "unknown text encoding"),
], ids=["png", "control-bytes", "bad-utf16", "junk-after-bom", "german-cp1252"])
def test_binary_and_unknown_bytes_are_refused(tmp_path, data, fragment):
    refused(write(tmp_path, "x.txt", data), fragment)


VIETNAMESE = ("aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợ"
              "pqrstuùủũúụưừửữứựvxyỳỷỹýỵ")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + " .,;:/-()0123456789\n", max_size=300))
def test_any_vietnamese_text_round_trips(text):
    for data in (text.encode("utf-8"), b"\xfe\xff" + text.encode("utf-16-be"), to_cp1258(text)):
        source = read_bytes(data, "x.txt")
        assert source.text == text
        assert len(source.lines) == text.count("\n") + 1


# --- HTML -------------------------------------------------------------------------------

@pytest.mark.parametrize("html, text", [
    ("<html><head><title>Tiêu đề</title><style>p {color: red}</style></head><body>"
     "<p>Điều 1. Phạm vi</p>\n  <p>Quyết định này <b>quy định</b> về</p></body></html>",
     "Điều 1. Phạm vi\nQuyết định này quy định về"),
    ("<p>Số: 15/2013/QĐ-UBND<br>Bình Định, ngày 05 tháng 7 năm 2013</p>",
     "Số: 15/2013/QĐ-UBND\nBình Định, ngày 05 tháng 7 năm 2013"),
    ("<table><tr><th>Số</th><th>Ngày</th></tr>"
     "<tr><td><p>15/2013/QĐ-UBND</p></td><td>05/7/2013</td></tr></table>",
     "Số | Ngày\n15/2013/QĐ-UBND | 05/7/2013"),
    ("<p>Một</p><script>var x = '<p>không</p>';</script><!-- ghi chú -->"
     "<noscript>bật JS</noscript><p>Hai</p>", "Một\nHai"),
    ("<p>Quy&nbsp;chế &amp; Điều&#160;1 &lt;Luật&gt; Vi&#7879;t</p>",
     "Quy chế & Điều 1 <Luật> Việt"),
    ("<div>  Căn   cứ\n   Luật  <span>Tổ chức</span>\t</div>", "Căn cứ Luật Tổ chức"),
    ("<h1>QUYẾT ĐỊNH</h1><ul><li>một</li><li>hai</li></ul><blockquote>trích</blockquote>",
     "QUYẾT ĐỊNH\nmột\nhai\ntrích"),
    ('<p>văn bản<a href="#_ftn1" name="_ftnref1"><span>[1]</span></a> đẩy mạnh</p>'
     '<div id="ftn1"><p><a href="#_ftnref1" name="_ftn1">[1]</a> Kế hoạch số 283/KH-SNG</p></div>',
     "văn bản¹ đẩy mạnh\n¹ Kế hoạch số 283/KH-SNG"),
    ("<p>diện tích 20 m<sup>2</sup></p>", "diện tích 20 m²"),
    ("<pre>dòng 1\n  dòng 2</pre>", "dòng 1\ndòng 2"),
], ids=["paragraphs", "br", "table", "script", "entities", "spaces", "blocks", "word-notes",
        "sup", "pre"])
def test_html_text(tmp_path, html, text):
    source = read_file(write(tmp_path, "trang.html", html.encode("utf-8")))
    assert (source.text, source.format) == (text, "html")


@pytest.mark.parametrize("data, encoding", [
    (b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'
     b"</head><body><p>" + to_cp1258(PARAGRAPH) + b"</p></body></html>", "cp1258"),
    (b"<html><body><p>" + to_cp1258(PARAGRAPH) + b"</p></body></html>", "cp1258"),
    (b'<html><head><meta charset="iso-8859-1"></head><body><p>' + PARAGRAPH.encode()
     + b"</p></body></html>", "utf-8"),
    (("\ufeff<html><body><p>" + PARAGRAPH + "</p></body></html>").encode("utf-16-le"), "utf-16-le"),
], ids=["meta-cp1258", "undeclared-cp1258", "misdeclared-utf8", "utf16-bom"])
def test_html_encodings(tmp_path, data, encoding):
    source = read_file(write(tmp_path, "trang.htm", data))
    assert source.text == " ".join(PARAGRAPH.split())
    assert source.encoding == encoding


def test_html_fetches_no_external_entity(tmp_path):
    secret = write(tmp_path, "secret.txt", b"TOPSECRET")
    page = f'<!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]><p>a&x;b</p>'.encode()
    assert "TOPSECRET" not in read_file(write(tmp_path, "p.html", page)).text


def test_html_in_tcvn3_is_refused(tmp_path):
    refused(write(tmp_path, "p.html", f"<p>{TCVN3}</p>".encode()), "TCVN3 (ABC)")


# --- DOCX -------------------------------------------------------------------------------

TAB_STOPS = '<w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>'
TEXT_BOX = (
    "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx><w:txbxContent>"
    + para(run("Hộp chữ")) + "</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback>"
    "<w:pict><v:textbox><w:txbxContent>" + para(run("Hộp chữ"))
    + "</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
)


@pytest.mark.parametrize("body, members, text", [
    (para(run("QUYẾT ĐỊNH")) + "<w:p/>" + para(run("Điều 1.")), {}, "QUYẾT ĐỊNH\n\nĐiều 1."),
    (f"<w:p>{TAB_STOPS}<w:r><w:t>Số: 15/2013/QĐ-UBND</w:t><w:tab/><w:t>Bình Định</w:t><w:br/>"
     "<w:t>ngày 05 tháng 7 năm 2013</w:t></w:r></w:p>", {},
     "Số: 15/2013/QĐ-UBND\tBình Định\nngày 05 tháng 7 năm 2013"),
    ("<w:p><w:r><w:t>Quyết đ</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>ịnh</w:t></w:r></w:p>",
     {}, "Quyết định"),
    ("<w:p><w:del><w:r><w:delText>cũ </w:delText></w:r></w:del><w:ins>" + run("mới")
     + "</w:ins><w:r><w:instrText> PAGE </w:instrText></w:r></w:p>", {}, "mới"),
    ("<w:tbl><w:tblPr/><w:tr><w:tc>" + para(run("UBND TỈNH BÌNH ĐỊNH")) + "</w:tc><w:tc>"
     + para(run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")) + para(run("Độc lập - Tự do - Hạnh phúc"))
     + "</w:tc></w:tr></w:tbl>", {},
     "UBND TỈNH BÌNH ĐỊNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"),
    (para(run("Trước"), TEXT_BOX), {}, "Trước\nHộp chữ"),
    (para(run("văn bản"), note_ref(2), run(" đẩy mạnh CCHC"))
     + para(run("các văn bản"), note_ref(3), run(".")),
     {"word/footnotes.xml": notes_xml({
         2: ["Kế hoạch số 283/KH-SNG ngày 25/02/2011"],
         3: ["Nghị quyết số 30c/NQ-CP;", "Quyết định số 10598/QĐ-UBND"]})},
     "văn bản¹ đẩy mạnh CCHC\ncác văn bản².\n\n¹ Kế hoạch số 283/KH-SNG ngày 25/02/2011\n"
     "² Nghị quyết số 30c/NQ-CP; Quyết định số 10598/QĐ-UBND"),
    (para(run("a"), note_ref(5), run(" b"), note_ref(3)),
     {"word/footnotes.xml": notes_xml({3: ["ba"], 5: ["năm"]})}, "a¹ b²\n\n¹ năm\n² ba"),
    (para(run("a"), note_ref(1), run(" b"), note_ref(1, "endnote")),
     {"word/footnotes.xml": notes_xml({1: ["chân trang"]}),
      "word/endnotes.xml": notes_xml({1: ["cuối văn bản"]}, "endnote")},
     "a¹ b²\n\n¹ chân trang\n² cuối văn bản"),
    (para(run("a"), note_ref(1)), {"word/footnotes.xml": notes_xml({1: ["một"], 7: ["bảy"]})},
     "a¹\n\n¹ một\n² bảy"),  # a note nothing references still comes out
    (para(run("a"), note_ref(2)),
     {"word/footnotes.xml": notes_xml({2: ["hai"]}).replace('w:id="0"', 'w:id="1"')},
     "a¹\n\n¹ hai"),  # older Word numbered its separators 0 and 1
    (para(run("a")),
     {"../evil": "EVIL", "/word/document.xml": "EVIL", "word\\footnotes.xml": "EVIL"},
     "a"),  # unsafe member names are never read
], ids=["paragraphs", "tab-br", "split-runs", "tracked-changes", "table", "text-box", "footnotes",
        "note-order", "endnotes", "unreferenced-note", "separator-ids", "unsafe-names"])
def test_docx_text(tmp_path, body, members, text):
    path = write(tmp_path, "van-ban.docx", make_docx(document_xml(body), members))
    source = read_file(path)
    assert (source.text, source.format, source.encoding) == (text, "docx", "utf-8")
    assert not (tmp_path.parent / "evil").exists()


def test_docx_markers_past_nine(tmp_path):
    body = "".join(para(run(f"đoạn {n}"), note_ref(n)) for n in range(1, 13))
    notes = {"word/footnotes.xml": notes_xml({n: [f"ghi chú {n}"] for n in range(1, 13)})}
    lines = read_file(write(tmp_path, "d.docx", make_docx(document_xml(body), notes))).lines
    assert lines[11] == "đoạn 12¹²"
    assert lines[-1] == "¹² ghi chú 12"


@pytest.mark.parametrize("n, marker", [(0, "⁰"), (1, "¹"), (9, "⁹"), (10, "¹⁰"), (123, "¹²³")])
def test_superscript(n, marker):
    assert superscript(n) == marker


XXE = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
       f'<w:document xmlns:w="{W}"><w:body>{para(run("&xxe;"))}</w:body></w:document>')
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">'
          + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
          + f']><w:document xmlns:w="{W}"><w:body>{para(run("&lol9;"))}</w:body></w:document>')


@pytest.mark.parametrize("build, fragment", [
    (lambda secret: make_docx(XXE.format(secret=secret)), "DOCTYPE"),
    (lambda secret: make_docx(XXE.format(secret=secret).replace(
        '"1.0"?>', '"1.0" encoding="UTF-16"?>', 1).encode("utf-16")), "DOCTYPE"),
    (lambda secret: make_docx(LAUGHS), "DOCTYPE"),
    (lambda secret: make_docx(document_xml(para(run("a"), note_ref(1))),
                              {"word/footnotes.xml": XXE.format(secret=secret)}), "DOCTYPE"),
    (lambda secret: make_docx(document_xml(para(run(" " * 3_000_000)))), "zip bomb"),
    (lambda secret: b"PK\x03\x04" + b"rubbish" * 20, "corrupt DOCX"),
    (lambda secret: make_docx(document_xml(para(run("a" * 5000))))[:-300], "corrupt DOCX"),
    (lambda secret: make_docx(document_xml(para(run("Quyết định"))), method=zipfile.ZIP_STORED)
     .replace(b"Quy", b"Qux"), "corrupt DOCX"),  # stored bytes changed: the CRC fails
    (lambda secret: make_docx(f'<w:document xmlns:w="{W}"><w:body><w:p>'), "corrupt DOCX"),
    (lambda secret: make_docx(None, {"../word/document.xml": document_xml(para(run("a")))}),
     "no word/document.xml"),
    (lambda secret: make_docx(document_xml(para(run("a"))), {"word/document.xml": "<x/>"}),
     "duplicate member"),
    (lambda secret: make_docx("<html><body>a</body></html>"), "not a WordprocessingML document"),
    (lambda secret: b"Quyet dinh so 15", "corrupt DOCX: not a readable zip archive"),
    (lambda secret: make_docx(document_xml(para(run(TCVN3)))), "TCVN3 (ABC)"),
], ids=["xxe", "xxe-utf16", "billion-laughs", "xxe-in-footnotes", "zip-bomb-ratio", "corrupt-zip",
        "truncated", "bad-crc", "bad-xml", "only-unsafe-document", "duplicate", "not-word",
        "not-a-zip", "tcvn3-font"])
def test_docx_refused(tmp_path, build, fragment):
    secret = write(tmp_path, "secret.txt", b"TOPSECRET")
    message = refused(write(tmp_path, "van-ban.docx", build(secret)), fragment)
    assert "TOPSECRET" not in message


def test_the_xml_parser_expands_nothing_even_past_the_doctype_check(tmp_path):
    secret = write(tmp_path, "secret.txt", b"TOPSECRET")
    root = etree.fromstring(XXE.format(secret=secret).encode(), safe_parser())
    assert b"TOPSECRET" not in etree.tostring(root)
    try:
        root = etree.fromstring(LAUGHS.encode(), safe_parser())
    except etree.XMLSyntaxError as exc:  # libxml2's own amplification guard may stop it
        assert "amplification" in str(exc)
    else:
        assert len(etree.tostring(root)) < 2000


@pytest.mark.parametrize("limit, value, members, fragment", [
    ("MAX_MEMBER_BYTES", 3000, {}, "word/document.xml would unpack to"),
    ("MAX_TOTAL_BYTES", 5000, {"word/footnotes.xml": notes_xml({1: ["x" * 3000]})},
     "the document would unpack to"),  # each part is under 5000 bytes, both are over
])
def test_docx_size_limits(tmp_path, monkeypatch, limit, value, members, fragment):
    data = make_docx(document_xml(para(run("a"), note_ref(1)) + para(run("b" * 3000))), members)
    path = write(tmp_path, "d.docx", data)
    assert read_file(path).lines[0] == "a¹"  # readable under the default limits
    monkeypatch.setattr(docx, limit, value)
    refused(path, fragment)


# --- Akoma Ntoso ------------------------------------------------------------------------

AKN_ACT = akn_xml("""
  <act name="quyet-dinh">
    <meta><identification source="#legaldocs"><FRBRWork>
      <FRBRthis value="/akn/vn/act/2013-07-05/15"/><FRBRcountry value="vn"/>
    </FRBRWork></identification></meta>
    <preface>
      <p class="issuer">ỦY BAN NHÂN DÂN
         TỈNH BÌNH ĐỊNH</p>
      <p>Số: <docNumber>15/2013/QĐ-UBND</docNumber></p>
      <p><docDate date="2013-07-05">Bình Định, ngày 05 tháng 7 năm 2013</docDate></p>
      <docTitle>QUYẾT ĐỊNH</docTitle>
      <longTitle><p>Về việc ban hành Quy chế phối hợp</p></longTitle>
    </preface>
    <preamble>
      <citations><citation>
        <p>Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;</p>
      </citation></citations>
    </preamble>
    <body>
      <chapter eId="chp_1"><num>Chương I</num><heading>QUY ĐỊNH CHUNG</heading>
        <article eId="art_1"><num>Điều 1.</num><heading>Phạm vi điều chỉnh</heading>
          <paragraph eId="art_1__para_1"><num>1.</num><content><p>Quy chế này quy định<authorialNote
            marker="1" placement="bottom"><p>Theo Kế hoạch số 984/KH-SNgV.</p></authorialNote>
            việc phối hợp.</p></content></paragraph>
          <paragraph eId="art_1__para_2"><num>2.</num><list><intro><p>Đối tượng:</p></intro>
            <point eId="art_1__para_2__point_a"><num>a)</num>
              <content><p>Sở, ban, ngành;</p></content></point>
          </list></paragraph>
        </article>
        <article eId="art_2"><num>Điều 2.</num><heading>Hiệu lực thi hành</heading>
          <content><table><tr><th><p>Số</p></th><th><p>Ngày</p></th></tr>
            <tr><td><p>15/2013/QĐ-UBND</p></td><td><p>05/7/2013</p></td></tr></table></content>
        </article>
      </chapter>
    </body>
    <conclusions><p>Nơi nhận:</p>
      <signature><role>CHỦ TỊCH</role> <person refersTo="#nva">Nguyễn Văn A</person></signature>
    </conclusions>
  </act>""")
AKN_LINES = [
    "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH",
    "Số: 15/2013/QĐ-UBND",
    "Bình Định, ngày 05 tháng 7 năm 2013",
    "QUYẾT ĐỊNH",
    "Về việc ban hành Quy chế phối hợp",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Chương I",
    "QUY ĐỊNH CHUNG",
    "Điều 1. Phạm vi điều chỉnh",
    "1. Quy chế này quy định¹ việc phối hợp.",
    "2. Đối tượng:",
    "a) Sở, ban, ngành;",
    "Điều 2. Hiệu lực thi hành",
    "Số | Ngày",
    "15/2013/QĐ-UBND | 05/7/2013",
    "Nơi nhận:",
    "CHỦ TỊCH Nguyễn Văn A",
    "",
    "¹ Theo Kế hoạch số 984/KH-SNgV.",
]


@pytest.mark.parametrize("name", ["qd-15.xml", "qd-15.txt"])  # .txt: found by its root element
def test_akn_reads_like_the_document(tmp_path, name):
    source = read_file(write(tmp_path, name, AKN_ACT.encode("utf-8")))
    assert (source.lines, source.format, source.encoding) == (AKN_LINES, "akn", "utf-8")


@pytest.mark.parametrize("xml, fragment", [
    ('<?xml version="1.0"?><root><p>Quyết định</p></root>', "not an Akoma Ntoso document"),
    (akn_xml("<act/>", namespace="http://www.akomantoso.org/2.0"), "not an Akoma Ntoso document"),
    (LAUGHS.replace("w:document", "akomaNtoso"), "DOCTYPE"),
    (akn_xml("<act><preface><p>Số</preface></act>"), "invalid XML"),
], ids=["other-xml", "akn-2.0", "billion-laughs", "malformed"])
def test_akn_refused(tmp_path, xml, fragment):
    refused(write(tmp_path, "x.xml", xml.encode("utf-8")), fragment)


# --- dispatch: formats by content, unreadable files -------------------------------------

@pytest.mark.parametrize("name, data, fmt", [
    ("van-ban.doc", make_docx(document_xml(para(run("Quyết định")))), "docx"),
    ("van-ban.txt", make_docx(document_xml(para(run("Quyết định")))), "docx"),
    ("trang.txt", "<!DOCTYPE html><html><body><p>Quyết định</p></body></html>".encode(), "html"),
    ("trang.md", "Quyết định <b>không phải</b> HTML".encode(), "md"),
])
def test_content_decides_where_the_extension_lies(tmp_path, name, data, fmt):
    source = read_file(write(tmp_path, name, data))
    assert source.format == fmt
    assert source.text.startswith("Quyết định")


@pytest.mark.parametrize("name, data, fragment", [
    ("ghi-chu.rtf", b"{\\rtf1 Quyet dinh}", "unsupported file type .rtf"),
    ("ghi-chu", b"Quyet dinh", "unsupported file type (no extension)"),
    ("scan.pdf", b"%PDF-1.4\n...", "corrupt PDF"),
    ("cu.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "legacy Word .doc"),
])
def test_unknown_formats_are_refused(tmp_path, name, data, fragment):
    refused(write(tmp_path, name, data), fragment)


def test_missing_file_and_directory(tmp_path):
    missing = tmp_path / "khong-co.txt"
    assert refused(missing, "no such file") == f"{missing}: no such file"
    refused(tmp_path, "is a directory")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "ong")
        refused(tmp_path / "ong", "not a regular file")  # and no read that would block


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path):
    path = write(tmp_path, "a.txt", b"abc")
    path.chmod(0)
    refused(path, "permission denied")


def test_size_limit(tmp_path, monkeypatch):
    path = write(tmp_path, "a.txt", b"x" * 101)
    assert read_file(path).text == "x" * 101
    monkeypatch.setattr(dispatch, "MAX_FILE_BYTES", 100)
    refused(path, "file too large")
    with pytest.raises(ReaderError, match="^big.txt: file too large"):
        read_bytes(b"x" * 101, "big.txt")


# --- real documents ---------------------------------------------------------------------

def test_seeds_read_unchanged(seeds_dir):
    for path in sorted(seeds_dir.glob("*.txt")):
        source = read_file(path)
        assert source.text == path.read_text(encoding="utf-8")
        assert source.encoding == "utf-8"


def test_gazette_texts_are_not_mistaken_for_legacy_encodings(gazette):
    for slug, row in gazette.items():
        source = read_bytes(row["text"][:20000].encode("utf-8"), f"{slug}.txt")  # not refused
        assert source.encoding == "utf-8"
