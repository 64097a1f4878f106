"""Extraction: text → the document's own metadata, its citations and its relations."""
from __future__ import annotations

import collections
import re
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import Optional

from .. import patterns
from ..issuers import locality_of
from ..models import DocumentMeta, Extraction, SourceText
from ..readers import read_file
from .citations import LineIndex, find_citations, locate_citations
from .header import extract_meta
from .layout import clean_lines
from .named import named_bases
from .relations import find_relations

__all__ = ["analyse_text", "extract_text", "extract_source", "extract_file", "find_citations",
           "document_locality"]

# Types of documents that narrate rather than act: their links are mentions.
NARRATIVE_TYPES = {"Báo cáo", "Biên bản", "Tờ trình", "Thông báo"}

_LOCALITY_MENTION = re.compile(r"\b(tỉnh|thành phố)\s+((?:[A-ZĐ][\wà-ỹ]*\s?){1,3})")


def document_locality(meta: DocumentMeta, text: str) -> Optional[str]:
    """The province or city a document speaks from ("tỉnh Bình Định"): its issuer, its
    place line, else the locality it names most often."""
    for clue in (meta.issuer, meta.place):
        if clue:
            found = locality_of(clue)
            if found:
                return found
    mentions = collections.Counter(
        f"{m.group(1)} {m.group(2).strip()}" for m in _LOCALITY_MENTION.finditer(text))
    for mention, _ in mentions.most_common(3):
        found = locality_of(mention)
        if found:
            return found
    return None


def reflow(lines: list[str]) -> str:
    """The lines joined, with soft wraps (a line broken mid-sentence, as PDF text has)
    turned into spaces. Same length as "\n".join(lines), so offsets keep their lines."""
    out = []
    for i, line in enumerate(lines):
        out.append(line)
        if i == len(lines) - 1:
            break
        following = lines[i + 1]
        soft = (line.strip() and following.strip()
                and not line.rstrip().endswith((".", ";", ":", "!", "?", "…", "/.", "”"))
                and not patterns.NEW_UNIT_LINE.match(following)
                # a unit's first line ("Căn cứ ...", "Điều 1. ...") wraps into lower case
                and (not patterns.NEW_UNIT_LINE.match(line) or following.lstrip()[:1].islower()))
        out.append(" " if soft else "\n")
    return "".join(out)


def analyse_text(text: str):
    """(metadata, the text as matched, located citations) of an NFC text. The matched text
    has the same length as ``text``, so citation offsets are offsets into ``text`` too."""
    original = text.split("\n")
    # noise lines become spaces of the same length, so offsets stay those of ``text``
    lines = [kept if kept == line else " " * len(line) for kept, line in zip(clean_lines(original), original)]
    cleaned = reflow(lines)
    meta = extract_meta(lines)
    if meta.type == "Văn bản hợp nhất":  # a consolidated text has no force of its own
        meta = replace(meta, effective=None)
    locality = document_locality(meta, cleaned)
    return meta, cleaned, locate_citations(cleaned, locality, LineIndex("\n".join(lines)))


def extract_text(text: str, file: str = "<text>") -> Extraction:
    """Extract from already-read text (any newline style, any normalization)."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    meta, cleaned, located = analyse_text(text)
    issuing = bool(meta.type) and meta.type not in NARRATIVE_TYPES
    relations = find_relations(cleaned, located, meta.number, issuing,
                               consolidated=meta.type == "Văn bản hợp nhất")
    if issuing:  # its own căn cứ naming laws without their numbers
        relations += named_bases(cleaned, located, meta.number, LineIndex(text))
    return Extraction(file, meta, tuple(l.citation for l in located), tuple(relations))


def extract_source(source: SourceText) -> Extraction:
    return extract_text(source.text, source.path)


def extract_file(path) -> Extraction:
    """Read a file (txt, md, html, docx, Akoma Ntoso xml) and extract from it.
    Raises ReaderError with a one-line reason naming the file."""
    return extract_source(read_file(Path(path)))
