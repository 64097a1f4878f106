"""Parsing untrusted XML (DOCX parts, Akoma Ntoso): no DTD, no entities, no network.

A document that declares a DOCTYPE or entities is refused outright, before parsing, so
that neither "billion laughs" expansion nor external entities (file:///etc/passwd) can
happen; the parser is also configured to expand nothing if a declaration slips through.
"""
from __future__ import annotations

from typing import Optional

from lxml import etree

from ..errors import ReaderError

# Markers of a DTD, as they appear in UTF-8/ASCII and in UTF-16 (either byte order).
DTD_MARKERS = tuple(
    marker.encode(codec)
    for marker in ("<!DOCTYPE", "<!ENTITY", "<!doctype")
    for codec in ("ascii", "utf-16-le", "utf-16-be")
)


def safe_parser() -> etree.XMLParser:
    """An lxml parser that loads no DTD, resolves no entity and never touches the network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


def parse_xml(data: bytes, path: str, what: str) -> etree._Element:
    """Parse ``data`` and return the root element.

    ``what`` names the document in errors ("corrupt DOCX", "invalid XML"). Raises
    ReaderError for a DOCTYPE/entity declaration or malformed XML.
    """
    if any(marker in data for marker in DTD_MARKERS):
        raise ReaderError(path, f"{what}: refused, the XML declares a DOCTYPE or entities "
                                "(entity expansion is never done)")
    try:
        root = etree.fromstring(data, safe_parser())
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise ReaderError(path, f"{what}: {one_line(str(exc))}") from None
    info = root.getroottree().docinfo
    if info.internalDTD is not None or info.doctype:
        raise ReaderError(path, f"{what}: refused, the XML declares a DOCTYPE or entities "
                                "(entity expansion is never done)")
    return root


def one_line(message: str) -> str:
    """A message with its whitespace (newlines included) collapsed to single spaces."""
    return " ".join(message.split()) or "unknown error"


def xml_encoding(root: etree._Element) -> str:
    """The encoding the XML declared (or lxml assumed), lower case: "utf-8"."""
    return (root.getroottree().docinfo.encoding or "utf-8").lower()


def split_tag(tag: object) -> tuple[Optional[str], str]:
    """(namespace, local name) of an element tag; (None, "") for comments and PIs."""
    if not isinstance(tag, str):
        return None, ""
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        return namespace, local
    return None, tag
