"""PDF files (.pdf): the text layer, one line per printed line, with pypdf.

pypdf (pure Python) reads the text each page draws, in drawing order; a line of print is
a line of the text. What a PDF adds to the printed text is undone here, and nothing more:

- page furniture at the top and bottom of every page is dropped: the gazette's running
  header ("CÔNG BÁO/Số 323/Ngày 11-06-2026"), the page number ("2", "- 2 -", "Trang 2/5")
  and a digital signature stamp ("Ký bởi: ...", "Cơ quan: ...", "Ngày ký: ..."). Pages
  are then joined line to line, so a sentence running over a page break is two adjacent
  lines, which the extractor's reflow joins like any other soft wrap. Furniture that
  stands inside a page is kept; ``extract.layout.clean_lines`` blanks it;
- each line is stripped, and runs of spaces (justified text) become one space;
- soft hyphens and zero-width characters are dropped, and Latin ligatures ("ﬁ") spelled
  out. Words are NOT de-hyphenated: Vietnamese is not hyphenated across lines, so a dash
  ending a line is a real dash ("15/2013/QĐ-" / "UBND", which ``patterns.NUMBER`` joins).

Soft wraps stay as lines: the extractor joins them (``extract.reflow``).

A PDF whose pages draw no text but furniture is a scan: ReaderError "has no text layer
(a scan?): run OCR first". An encrypted PDF is read when it opens with the empty password
(permissions only); a corrupt one is a ReaderError naming what pypdf found. pypdf's own
warnings about damaged files are silenced: they would be noise on the terminal.
"""
from __future__ import annotations

import contextlib
import io
import logging
import warnings

from .. import patterns
from ..errors import ReaderError
from ..models import SourceText
from .encodings import normalize_text
from .safexml import one_line

MAX_PAGES = 5000
# Characters a PDF's text layer carries that the printed text does not.
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
LIGATURES = {0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl",
             0xFB05: "st", 0xFB06: "st"}
CLEANUP = {**INVISIBLE, **LIGATURES}


def read_pdf(data: bytes, path: str) -> SourceText:
    """Read a PDF's text layer into lines (see the module docstring)."""
    pages = [page_lines(text) for text in _page_texts(data, path)]
    lines = [line for page in pages for line in _without_furniture(page)]
    if not any(lines):
        raise ReaderError(path, "has no text layer (a scan?): run OCR first")
    return SourceText(path=path, text=normalize_text("\n".join(lines)), format="pdf")


def page_lines(text: str) -> list[str]:
    """A page's text as lines: invisible characters dropped, spaces collapsed."""
    return [" ".join(line.translate(CLEANUP).split()) for line in text.splitlines()]


def is_furniture(line: str) -> bool:
    """A line that belongs to the page, not the document: header, page number, stamp."""
    return bool(patterns.RUNNING_HEADER.match(line) or patterns.PDF_PAGE_NUMBER.match(line)
                or patterns.SIGNATURE_STAMP.match(line) or patterns.STAMP_FIELD.match(line)
                or patterns.STAMP_TIME.match(line))


def _without_furniture(lines: list[str]) -> list[str]:
    """The page's lines less blank lines and furniture at its top and bottom."""
    start, end = 0, len(lines)
    while start < end and (not lines[start] or is_furniture(lines[start])):
        start += 1
    while end > start and (not lines[end - 1] or is_furniture(lines[end - 1])):
        end -= 1
    return lines[start:end]


def _page_texts(data: bytes, path: str) -> list[str]:
    """The text pypdf extracts from each page, in order."""
    try:
        from pypdf import PdfReader
    except ImportError:  # pragma: no cover - pypdf is a dependency
        raise ReaderError(path, "reading PDF needs the pypdf package (pip install pypdf)") from None
    with _quiet():
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                _decrypt(reader, path)
            count = len(reader.pages)
            if count > MAX_PAGES:
                raise ReaderError(path, f"too many pages ({count}; the limit is {MAX_PAGES})")
            return [page.extract_text() or "" for page in reader.pages]
        except ReaderError:
            raise
        except RecursionError:
            raise ReaderError(path, "corrupt PDF: objects nested too deeply") from None
        except Exception as exc:  # pypdf raises many kinds on damaged input
            reason = one_line(str(exc)) if str(exc) else type(exc).__name__
            raise ReaderError(path, f"corrupt PDF: {reason}") from None


def _decrypt(reader, path: str) -> None:
    """Open a PDF encrypted with the empty user password (permissions only), or refuse it."""
    from pypdf.errors import DependencyError

    try:
        opened = reader.decrypt("")
    except DependencyError:
        raise ReaderError(path, "encrypted PDF (AES): reading it needs the cryptography "
                                "package (pip install 'pypdf[crypto]')") from None
    except Exception as exc:  # a damaged encryption dictionary
        raise ReaderError(path, f"encrypted PDF that cannot be opened: {one_line(str(exc))}") from None
    if not opened:
        raise ReaderError(path, "encrypted PDF: it needs a password; save an unprotected copy first")


@contextlib.contextmanager
def _quiet():
    """pypdf's warnings and log records about damaged files, silenced for one read."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR + 10)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)
