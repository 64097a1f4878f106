"""HTML pages (.html, .htm): the visible text, one line per block.

Decoding: a byte-order mark, else the ``<meta>`` charset, else the same fallbacks as plain
text (UTF-8, then Windows-1258). A page that declares a single-byte charset but is valid
UTF-8 with non-ASCII bytes is read as UTF-8 (a mis-declared page, not a legacy one).

Parsing uses lxml's HTML parser with no network access; HTML's own named entities
(``&amp;``, ``&nbsp;``) are decoded, nothing is fetched. ``head``, ``script``, ``style``,
``noscript``, ``template``, ``svg`` and comments are dropped. Block elements and ``<br>``
end lines; inside a line, runs of whitespace (NBSP included) become one space; empty lines
are dropped, so each paragraph is one line. A table row is one line, cells joined by " | ".
A footnote reference (``<sup>1</sup>``, or Word's ``<a href="#_ftn1">[1]</a>``) becomes a
superscript marker "¹", on both the reference and the note's own paragraph.
"""
from __future__ import annotations

import codecs
import unicodedata
from typing import Optional

import lxml.html
from lxml import etree

from ..errors import ReaderError
from ..models import SourceText
from ..patterns import HTML_CHARSET
from .encodings import BOMS, bomless_utf16, decode_text, looks_binary
from .markers import superscript
from .safexml import one_line

BLOCK_ELEMENTS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p",
    "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "option",
})
DROPPED_ELEMENTS = frozenset({"head", "script", "style", "noscript", "template", "svg", "title"})
# Links that Word's "Save as HTML" makes for footnotes and endnotes, both directions.
NOTE_HREFS = ("#_ftn", "#_edn")
# Declared labels that mean Windows-1252 in practice (as browsers read them).
WESTERN_LABELS = frozenset({"ascii", "iso8859-1", "latin-1"})


def read_html(data: bytes, path: str) -> SourceText:
    """Read an HTML file's bytes into text (see the module docstring)."""
    text, encoding = decode_html(data, path)
    if not text.strip():
        return SourceText(path=path, text="", format="html", encoding=encoding)
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True,
                                  no_network=True)
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ReaderError(path, f"unreadable HTML: {one_line(str(exc))}") from None
    fatal = [e for e in parser.error_log if e.level == etree.ErrorLevels.FATAL]
    if fatal:  # libxml2 stopped early (nesting or size limits): refuse rather than read a part
        raise ReaderError(path, f"HTML too deeply nested or too large to read whole "
                                f"(stopped at line {fatal[0].line}: {one_line(fatal[0].message)})")
    out: list[str] = []
    _walk(root, out, preformatted=False)
    lines = (" ".join(line.split()) for line in "".join(out).split("\n"))
    body = "\n".join(line for line in lines if line)
    # NFC only: newlines are final here, and whitespace was collapsed line by line.
    return SourceText(path=path, text=unicodedata.normalize("NFC", body), format="html",
                      encoding=encoding)


def decode_html(data: bytes, path: str) -> tuple[str, str]:
    """(text, encoding): BOM first, then the declared charset, then the text fallbacks."""
    if any(data.startswith(bom) for bom, _ in BOMS) or bomless_utf16(data):
        return decode_text(data, path)
    codec = declared_codec(data)
    if codec:
        if looks_binary(data):
            raise ReaderError(path, "not a text file (binary data: NUL or control bytes)")
        if codec != "utf-8" and _is_utf8_beyond_ascii(data):
            codec = "utf-8"
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            pass
    return decode_text(data, path)


def declared_codec(data: bytes) -> Optional[str]:
    """The Python codec for the page's <meta> charset, or None (absent, unknown, UTF-16)."""
    match = HTML_CHARSET.search(data[:4096].decode("latin-1"))
    if not match:
        return None
    try:
        codec = codecs.lookup(match["charset"]).name
    except LookupError:
        return None
    if codec.startswith(("utf-16", "utf-32")):
        return None  # without a BOM this label is usually wrong ("charset=unicode")
    return "cp1252" if codec in WESTERN_LABELS else codec


def _is_utf8_beyond_ascii(data: bytes) -> bool:
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _walk(element: etree._Element, out: list[str], preformatted: bool) -> None:
    """Append the visible text of ``element`` to ``out``, with "\\n" at block edges."""
    tag = element.tag
    if not isinstance(tag, str) or tag in DROPPED_ELEMENTS:
        return
    if tag == "br":
        out.append("\n")
        return
    if tag == "tr":
        out.append("\n" + _row(element) + "\n")
        return
    marker = _note_marker(element)
    if marker:
        out.append(marker)
        return
    block = tag in BLOCK_ELEMENTS
    preformatted = preformatted or tag == "pre"
    if block:
        out.append("\n")
    out.append(_flow(element.text, preformatted))
    for child in element:
        _walk(child, out, preformatted)
        out.append(_flow(child.tail, preformatted))
    if block:
        out.append("\n")


def _flow(text: Optional[str], preformatted: bool) -> str:
    """Source text as rendered: newlines are spaces except inside <pre>."""
    if not text:
        return ""
    if preformatted:
        return text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\r", " ").replace("\n", " ")


def _row(row: etree._Element) -> str:
    cells = []
    for cell in row:
        if cell.tag in ("td", "th"):
            out: list[str] = []
            _walk(cell, out, preformatted=False)
            cells.append(" ".join("".join(out).split()))
    return " | ".join(cells)


def _note_marker(element: etree._Element) -> Optional[str]:
    """"¹" for a footnote reference or label: <sup>1</sup>, Word's <a href="#_ftn1">[1]</a>."""
    is_note_link = element.tag == "a" and (element.get("href") or "").startswith(NOTE_HREFS)
    if element.tag != "sup" and not is_note_link:
        return None
    label = element.text_content().strip().strip("[]()").strip()
    if label.isascii() and label.isdigit():
        return superscript(int(label))
    return None
