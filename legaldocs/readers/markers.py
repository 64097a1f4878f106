"""Footnote markers: the superscript numbers readers put in the text where a note is cited.

A note's own paragraph, placed after the body, starts with the same marker and a space:
"¹ Kế hoạch số 283/KH-SNG ...".
"""
from __future__ import annotations

SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def superscript(number: int) -> str:
    """The superscript form of a note number: 1 → "¹", 12 → "¹²"."""
    if number < 0:
        raise ValueError(f"a note number is not negative: {number}")
    return str(number).translate(SUPERSCRIPT_DIGITS)


def note_paragraph(marker: str, text: str) -> str:
    """One note as one line: its marker, a space, and its text with whitespace collapsed."""
    body = " ".join(text.split())
    return f"{marker} {body}" if body else marker
