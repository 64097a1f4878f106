"""Word documents (.docx): the body, then its footnotes and endnotes, as lines.

The zip is read in memory, never extracted. Only ``word/document.xml``,
``word/footnotes.xml`` and ``word/endnotes.xml`` are read, by exact name, so members with
absolute, ``..`` or backslash names are ignored. Sizes are checked from the zip directory
before anything is decompressed (a zip bomb is refused), and a member that lies about its
size cannot grow past what it declared: zipfile stops there and checks the CRC.

Layout of the text:

- one line per paragraph (``w:p``), including empty ones; table cells are containers, so
  each paragraph in a cell is its own line; text boxes follow the paragraph anchoring them;
- ``w:t`` is the text, ``w:tab`` a "\\t", and a line break ``w:br``/``w:cr`` ends the line
  inside the paragraph: Vietnamese headers and titles use soft breaks between what are
  visually separate lines ("Số: 15/2013/QĐ-UBND" / "Bình Định, ngày ..."), as HTML ``<br>`` does;
- deleted text (tracked changes), field codes and the Fallback copy of alternate content
  are skipped;
- a footnote or endnote reference becomes a superscript marker where it stands. Markers are
  numbered in order of appearance, in one sequence for footnotes and endnotes, so each
  marker is unique; after the body come an empty line and one line per note (its
  paragraphs joined by spaces): "¹ Kế hoạch số 283/KH-SNG ...". Notes that nothing
  references follow with the next numbers.
"""
from __future__ import annotations

import io
import zipfile
import zlib

from lxml import etree

from ..errors import ReaderError
from ..models import SourceText
from .encodings import normalize_text
from .markers import note_paragraph, superscript
from .safexml import one_line, parse_xml, split_tag, xml_encoding

DOCUMENT = "word/document.xml"
NOTE_PARTS = (("footnote", "word/footnotes.xml"), ("endnote", "word/endnotes.xml"))

MAX_MEMBER_BYTES = 200 * 1024 * 1024  # uncompressed size of one member we read
MAX_TOTAL_BYTES = 200 * 1024 * 1024  # uncompressed size of all members we read
MAX_RATIO = 200  # uncompressed / compressed, for members over RATIO_FLOOR_BYTES
RATIO_FLOOR_BYTES = 1024 * 1024  # small members may compress as well as they like

W_NAMESPACES = frozenset({
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",  # transitional
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # strict
})
MC_NAMESPACE = "http://schemas.openxmlformats.org/markup-compatibility/2006"
# Elements inside a paragraph that hold no visible text of their own.
SKIPPED_IN_PARAGRAPH = frozenset({
    "pPr", "rPr", "delText", "delInstrText", "instrText", "footnoteRef", "endnoteRef",
    "fldData", "annotationRef", "commentReference", "sym", "lastRenderedPageBreak",
})
SKIPPED_IN_CONTAINER = frozenset({"sectPr", "tblPr", "tblGrid", "trPr", "tcPr", "sdtPr",
                                  "sdtEndPr", "pPr", "rPr"})
SEPARATOR_TYPES = frozenset({"separator", "continuationSeparator", "continuationNotice"})


class NoteMarks:
    """Display numbers for note references, in order of first appearance."""

    def __init__(self) -> None:
        self.numbers: dict[tuple[str, str], int] = {}

    def mark(self, kind: str, note_id: str) -> str:
        """The marker for note ``note_id`` of ``kind`` ("footnote"/"endnote")."""
        key = (kind, note_id)
        if key not in self.numbers:
            self.numbers[key] = len(self.numbers) + 1
        return superscript(self.numbers[key])


def read_docx(data: bytes, path: str) -> SourceText:
    """Read a .docx file's bytes into text (see the module docstring for the layout)."""
    parts = _read_parts(data, path)
    marks = NoteMarks()
    root = parse_xml(parts[DOCUMENT], path, "corrupt DOCX")
    if split_tag(root.tag) not in {(ns, "document") for ns in W_NAMESPACES}:
        raise ReaderError(path, f"corrupt DOCX: {DOCUMENT} is not a WordprocessingML document")
    lines = _container_lines(root, marks)
    notes: dict[int, str] = {}
    for kind, member in NOTE_PARTS:
        if member in parts:
            notes.update(_note_lines(parse_xml(parts[member], path, "corrupt DOCX"), kind, marks))
    text = "\n".join(lines)
    if notes:
        text += "\n\n" + "\n".join(notes[number] for number in sorted(notes))
    return SourceText(path=path, text=normalize_text(text), format="docx",
                      encoding=xml_encoding(root))


def _read_parts(data: bytes, path: str) -> dict[str, bytes]:
    """The members we read, by name, after the zip-bomb checks."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError) as exc:
        raise ReaderError(path, f"corrupt DOCX: not a readable zip archive "
                                f"({one_line(str(exc))})") from None
    with archive:
        wanted = {DOCUMENT} | {member for _, member in NOTE_PARTS}
        found: dict[str, zipfile.ZipInfo] = {}
        for info in archive.infolist():
            if info.filename not in wanted:
                continue  # only exact names: "/word/...", "../x", "word\\..." never match
            if info.filename in found:
                raise ReaderError(path, f"corrupt DOCX: duplicate member {info.filename}")
            found[info.filename] = info
        if DOCUMENT not in found:
            raise ReaderError(path, f"corrupt DOCX: no {DOCUMENT} (not a Word document)")
        _check_sizes(list(found.values()), path)
        parts: dict[str, bytes] = {}
        for name, info in found.items():
            try:
                with archive.open(info) as handle:
                    # no more than declared: a member lying about its size costs nothing more
                    parts[name] = handle.read(info.file_size + 1)
            except (zipfile.BadZipFile, zlib.error, RuntimeError, NotImplementedError,
                    EOFError, OSError, ValueError) as exc:
                raise ReaderError(path, f"corrupt DOCX: {name}: {one_line(str(exc))}") from None
        return parts


def _check_sizes(infos: list, path: str) -> None:
    """Refuse members whose declared sizes or compression ratios look like a zip bomb."""
    total = 0
    for info in infos:
        size = info.file_size
        total += size
        if size > MAX_MEMBER_BYTES:
            raise ReaderError(path, f"refused: {info.filename} would unpack to {size} bytes "
                                    f"(limit {MAX_MEMBER_BYTES}; zip bomb?)")
        ratio = size / max(info.compress_size, 1)
        if size > RATIO_FLOOR_BYTES and ratio > MAX_RATIO:
            raise ReaderError(path, f"refused: {info.filename} is compressed {ratio:.0f}:1 "
                                    f"(limit {MAX_RATIO}:1; zip bomb?)")
    if total > MAX_TOTAL_BYTES:
        raise ReaderError(path, f"refused: the document would unpack to {total} bytes "
                                f"(limit {MAX_TOTAL_BYTES}; zip bomb?)")


def _container_lines(element: etree._Element, marks: NoteMarks) -> list[str]:
    """The lines of every paragraph under a body, cell, text box or note, in order."""
    lines: list[str] = []
    for child in element:
        namespace, name = split_tag(child.tag)
        if namespace == MC_NAMESPACE and name == "Fallback" or not name:
            continue
        if namespace in W_NAMESPACES and name == "p":
            lines.extend(_paragraph_lines(child, marks))
        elif not (namespace in W_NAMESPACES and name in SKIPPED_IN_CONTAINER):
            lines.extend(_container_lines(child, marks))
    return lines


def _paragraph_lines(paragraph: etree._Element, marks: NoteMarks) -> list[str]:
    """A paragraph's text (split at its line breaks), then any text boxes inside it."""
    parts: list[str] = []
    boxes: list[str] = []
    _collect_runs(paragraph, parts, boxes, marks)
    return "".join(parts).split("\n") + boxes


def _collect_runs(element: etree._Element, parts: list, boxes: list, marks: NoteMarks) -> None:
    """Append the visible text under ``element`` to ``parts``; text boxes go to ``boxes``."""
    for child in element:
        namespace, name = split_tag(child.tag)
        if namespace == MC_NAMESPACE and name == "Fallback" or not name:
            continue
        if namespace not in W_NAMESPACES:
            _collect_runs(child, parts, boxes, marks)  # drawing wrappers, smart tags ...
        elif name == "t":
            parts.append(child.text or "")
        elif name in ("tab", "ptab"):
            parts.append("\t")
        elif name in ("br", "cr"):
            parts.append("\n")
        elif name == "noBreakHyphen":
            parts.append("-")
        elif name in ("footnoteReference", "endnoteReference"):
            kind = name[: -len("Reference")]
            parts.append(marks.mark(kind, child.get(f"{{{namespace}}}id", "")))
        elif name == "txbxContent":
            boxes.extend(_container_lines(child, marks))
        elif name == "p":
            boxes.extend(_paragraph_lines(child, marks))
        elif name not in SKIPPED_IN_PARAGRAPH:
            _collect_runs(child, parts, boxes, marks)


def _note_lines(root: etree._Element, kind: str, marks: NoteMarks) -> dict[int, str]:
    """{marker number: "¹ text"} for the real notes in a footnotes/endnotes part."""
    notes: dict[int, str] = {}
    for note in root:
        namespace, name = split_tag(note.tag)
        if namespace not in W_NAMESPACES or name != kind:
            continue
        note_id = note.get(f"{{{namespace}}}id", "")
        referenced = (kind, note_id) in marks.numbers
        if note.get(f"{{{namespace}}}type") in SEPARATOR_TYPES:
            continue
        if not referenced and note_id in ("-1", "0"):
            continue
        marker = marks.mark(kind, note_id)
        text = " ".join(_container_lines(note, marks))
        notes[marks.numbers[(kind, note_id)]] = note_paragraph(marker, text)
    return notes
