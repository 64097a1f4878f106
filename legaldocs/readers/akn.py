"""Akoma Ntoso 3.0 XML (.xml): the document's text, one line per block, as it reads.

Lines come in document order: the preface (number, date, title, ``longTitle``), the
preamble (căn cứ), the body and the conclusions. ``meta`` (FRBR identifiers, references)
is not text and is skipped. Rules:

- an element whose content is running text (``p``, ``heading``, ``docNumber``,
  ``docDate``, ``docTitle`` ... standing on their own) is one line; inline elements inside
  it (``docNumber`` in ``<p>Số: <docNumber>…``, ``ref``, ``date``, ``b``) stay in that line;
  ``br``/``eol`` split it;
- a ``num`` is put in front of the next line of its container: "Điều 1. Phạm vi điều
  chỉnh", "1. Quyết định này ..."; for parts, chapters and sections (whose number and title
  are printed on separate lines) it is a line of its own: "Chương I";
- a table row is one line, its cells joined by " | ";
- an ``authorialNote`` becomes a superscript marker; the notes follow the body after an
  empty line, one line each: "¹ text".

A file legaldocs exported (``export.record_to_akn``, marked in ``meta/proprietary``) holds
its source text verbatim, one ``p`` per line, empty lines included: that text is read back
line for line, without its preface, which repeats what the text says. An export without
its text (a document known only from citations) is refused: there is nothing to ingest.
"""
from __future__ import annotations

from typing import Optional

from lxml import etree

from ..errors import ReaderError
from ..models import SourceText
from .encodings import normalize_text
from .markers import note_paragraph, superscript
from .safexml import parse_xml, split_tag, xml_encoding

AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
# The namespace of the marker legaldocs puts in meta/proprietary of the files it exports.
LEGALDOCS_NAMESPACE = "urn:legaldocs:record:1"

# Elements holding running text: each is one line where it stands among blocks.
LINE_ELEMENTS = frozenset({
    "p", "heading", "subheading", "listIntroduction", "listWrapUp", "crossHeading",
    "tocItem", "block", "caption", "li", "docTitle", "docNumber", "docDate", "docType",
    "docProponent", "docStatus", "docAuthority", "docStage", "docPurpose", "docCommittee",
    "docIntroducer", "docJurisdiction", "shortTitle", "legislature", "session",
})
# Inline elements: text that continues the line around it.
INLINE_ELEMENTS = frozenset({
    "b", "i", "u", "sup", "sub", "span", "a", "abbr", "ref", "mref", "rref", "date", "time",
    "person", "organization", "concept", "object", "event", "location", "process", "role",
    "term", "quantity", "def", "entity", "inline", "mmod", "mod", "remark", "recordedTime",
    "vote", "outcome", "omissis", "placeholder", "fillIn", "decoration", "affectedDocument",
    "relatedDocument", "change", "noteRef", "img", "marker", "argument", "judge", "lawyer",
    "party", "courtType", "neutralCitation", "docketNumber", "opinion", "quotedText",
})
# Divisions whose number is printed on a line of its own ("Chương I" / "QUY ĐỊNH CHUNG").
OWN_LINE_NUMBER = frozenset({
    "book", "part", "subpart", "title", "subtitle", "chapter", "subchapter", "section",
    "subsection", "tome",
})
SKIPPED = frozenset({"meta"})


def read_akn(data: bytes, path: str) -> SourceText:
    """Read an Akoma Ntoso 3.0 file's bytes into text (see the module docstring)."""
    root = parse_xml(data, path, "invalid XML")
    namespace, name = split_tag(root.tag)
    if name != "akomaNtoso" or not (namespace or "").startswith(AKN_NAMESPACE):
        found = f"{{{namespace}}}{name}" if namespace else name
        raise ReaderError(path, f"not an Akoma Ntoso document (root element <{found}>, "
                                f"expected <akomaNtoso> in {AKN_NAMESPACE})")
    exported = exported_text(root, path)
    if exported is not None:
        return SourceText(path=path, text=normalize_text(exported), format="akn",
                          encoding=xml_encoding(root))
    walker = LineWalker()
    lines = walker.lines_of(root)
    text = "\n".join(lines)
    if walker.notes:
        text += "\n\n" + "\n".join(walker.notes)
    return SourceText(path=path, text=normalize_text(text), format="akn",
                      encoding=xml_encoding(root))


def exported_text(root: etree._Element, path: str) -> Optional[str]:
    """The verbatim text of a file legaldocs exported; None for any other AKN file."""
    akn = f"{{{AKN_NAMESPACE}}}"
    marker = root.find(f"./*/{akn}meta/{akn}proprietary/{{{LEGALDOCS_NAMESPACE}}}record")
    if marker is None:
        return None
    if marker.get("text") != "verbatim":
        raise ReaderError(path, "exported by legaldocs without its text (a document known only "
                                "from citations, or whose source was missing): nothing to ingest")
    lines = root.iterfind(f"./*/*/{akn}hcontainer[@name='text']/{akn}content/{akn}p")
    return "\n".join("".join(p.itertext()) for p in lines)


def _flow(text: Optional[str]) -> str:
    """Source text with its newlines as spaces: only br/eol end a line."""
    return (text or "").replace("\r", " ").replace("\n", " ")


class LineWalker:
    """Turns AKN elements into lines; collects authorial notes on the way."""

    def __init__(self) -> None:
        self.notes: list[str] = []
        self.lines: list[str] = []
        self.pending: Optional[str] = None  # a num waiting for the line it numbers

    def lines_of(self, element: etree._Element) -> list[str]:
        """The lines of a container, walked with fresh line state (notes are shared)."""
        saved = self.lines, self.pending
        self.lines, self.pending = [], None
        try:
            self._container(element)
            self._flush_pending()
            return self.lines
        finally:
            self.lines, self.pending = saved

    def _emit(self, raw: str) -> None:
        for piece in raw.split("\n"):
            text = " ".join(piece.split())
            if not text:
                continue
            if self.pending:
                text, self.pending = f"{self.pending} {text}", None
            self.lines.append(text)

    def _flush_pending(self) -> None:
        if self.pending:
            self.lines.append(self.pending)
            self.pending = None

    def _container(self, element: etree._Element) -> None:
        _, container = split_tag(element.tag)
        numbered = False  # a num of this container may still wait for its line
        buffer = [_flow(element.text)]
        for child in element:
            _, name = split_tag(child.tag)
            if name in SKIPPED or not name:
                pass
            elif name in INLINE_ELEMENTS or name in ("br", "eol", "authorialNote"):
                buffer.append(self._inline(child))
            else:
                self._emit("".join(buffer))
                buffer = []
                if name == "num":
                    self._flush_pending()
                    numbered = True
                    self.pending = " ".join(self._inline(child).split()) or None
                    if container in OWN_LINE_NUMBER:
                        self._flush_pending()
                elif name in LINE_ELEMENTS:
                    self._emit(self._inline(child))
                elif name == "tr":
                    self._emit(self._row(child))
                else:
                    self._container(child)
            buffer.append(_flow(child.tail))
        self._emit("".join(buffer))
        if numbered:
            self._flush_pending()

    def _inline(self, element: etree._Element) -> str:
        """The text of an element and everything inside it, as one (or more) lines."""
        _, name = split_tag(element.tag)
        if name in ("br", "eol"):
            return "\n"
        if name == "authorialNote":
            return self._note(element)
        parts = [_flow(element.text)]
        for child in element:
            _, child_name = split_tag(child.tag)
            if child_name and child_name not in SKIPPED:
                parts.append(self._inline(child))
            parts.append(_flow(child.tail))
        return "".join(parts)

    def _row(self, row: etree._Element) -> str:
        cells = [cell for cell in row if split_tag(cell.tag)[1] in ("td", "th")]
        return " | ".join(" ".join(self.lines_of(cell)) for cell in cells)

    def _note(self, note: etree._Element) -> str:
        marker = superscript(len(self.notes) + 1)
        self.notes.append(marker)  # reserve the number before nested notes take theirs
        index = len(self.notes) - 1
        self.notes[index] = note_paragraph(marker, " ".join(self.lines_of(note)))
        return marker
