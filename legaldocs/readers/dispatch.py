"""Which reader a file needs: size and access checks, format by content, then extension.

Content wins where it is unambiguous, because extensions lie: a zip is read as DOCX
whatever its name (a .doc or .txt that is really a .docx), XML whose root is
``akomaNtoso`` as Akoma Ntoso, a page starting with ``<html``/``<!DOCTYPE html`` as HTML.
Otherwise the extension decides; an unknown extension is refused. PDF is recognised by its
magic bytes and read for its text layer; legacy Word (.doc) is refused with a reason. Every format's text is
finally checked for TCVN3/VNI mojibake (fonts like .VnTime inside a DOCX give the same).
"""
from __future__ import annotations

import os
import stat
from pathlib import PurePath
from typing import Callable, Union

from ..errors import ReaderError
from ..models import SourceText
from .akn import read_akn
from .docx import read_docx
from .encodings import legacy_encoding, legacy_reason
from .html import read_html
from .pdf import read_pdf
from .text import read_text

MAX_FILE_BYTES = 50 * 1024 * 1024

FORMAT_BY_EXTENSION = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".docx": "docx",
    ".xml": "akn", ".akn": "akn",
    ".pdf": "pdf",
}
READERS: dict[str, Callable[[bytes, str], SourceText]] = {
    "txt": lambda data, path: read_text(data, path, "txt"),
    "md": lambda data, path: read_text(data, path, "md"),
    "html": read_html,
    "docx": read_docx,
    "akn": read_akn,
    "pdf": read_pdf,
}
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PDF_MAGIC = b"%PDF-"


def read_file(path: Union[str, os.PathLike]) -> SourceText:
    """Read a .txt, .md, .html/.htm, .docx, .pdf or Akoma Ntoso .xml file into NFC text.

    Raises ReaderError ("<path>: <reason>") for missing, unreadable, too large, unknown,
    corrupt, hostile or legacy-encoded files.
    """
    name = os.fspath(path)
    try:
        info = os.stat(name)
        if stat.S_ISDIR(info.st_mode):
            raise ReaderError(name, "is a directory, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise ReaderError(name, "not a regular file")
        _check_size(info.st_size, name)
        with open(name, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise ReaderError(name, "no such file") from None
    except PermissionError:
        raise ReaderError(name, "permission denied") from None
    except OSError as exc:
        raise ReaderError(name, f"cannot read: {exc.strerror or exc}") from None
    return read_bytes(data, name)


def read_bytes(data: bytes, name: str) -> SourceText:
    """Read a file's content; ``name`` gives the extension and is the path in errors."""
    _check_size(len(data), name)
    source = READERS[detect_format(data, name)](data, name)
    legacy = legacy_encoding(source.text)
    if legacy:
        raise ReaderError(name, legacy_reason(legacy))
    return source


def detect_format(data: bytes, name: str) -> str:
    """"txt", "md", "html", "docx", "pdf" or "akn" for a file's content and name."""
    if data.startswith(ZIP_MAGIC):
        return "docx"
    if data.startswith(OLE_MAGIC):
        raise ReaderError(name, "a legacy Word .doc or an encrypted Office file is not "
                                "supported; save it as an unencrypted .docx")
    if PDF_MAGIC in data[:1024]:  # the header may follow up to 1 KB of junk
        return "pdf"
    head = _markup_head(data)
    if head.startswith("<"):
        if "<akomantoso" in head or ":akomantoso" in head:
            return "akn"
        if head.startswith("<!doctype html") or "<html" in head:
            return "html"
    extension = PurePath(name).suffix.lower()
    if extension in FORMAT_BY_EXTENSION:
        return FORMAT_BY_EXTENSION[extension]
    known = ", ".join(sorted(FORMAT_BY_EXTENSION))
    raise ReaderError(name, f"unsupported file type {extension or '(no extension)'}; "
                            f"expected one of {known}")


def _markup_head(data: bytes) -> str:
    """The start of the file, lower case, for sniffing markup (UTF-16 NULs dropped)."""
    head = data[:4096].replace(b"\x00", b"").decode("latin-1").lower()
    return head.lstrip("\ufeff\xff\xfe\xef\xbb\xbf \t\r\n")


def _check_size(size: int, name: str) -> None:
    if size > MAX_FILE_BYTES:
        raise ReaderError(name, f"file too large ({size} bytes; the limit is "
                                f"{MAX_FILE_BYTES} bytes)")
