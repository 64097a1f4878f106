"""Plain text and Markdown files (.txt, .md): decoded, NFC, every line kept."""
from __future__ import annotations

from ..models import SourceText
from .encodings import decode_text, normalize_text


def read_text(data: bytes, path: str, fmt: str = "txt") -> SourceText:
    """Read a .txt/.md file's bytes. Line N of the file is line N of the text.

    ``fmt`` is "txt" or "md"; the text is the same either way (Markdown is not rendered).
    """
    text, encoding = decode_text(data, path)
    return SourceText(path=path, text=normalize_text(text), format=fmt, encoding=encoding)
