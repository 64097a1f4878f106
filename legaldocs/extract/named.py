"""Căn cứ that name a law without its number: "Căn cứ Luật Tổ chức chính quyền địa phương
ngày 19 tháng 6 năm 2015;". Most provincial and ministerial documents cite their laws so;
the registry resolves the name and date to the law's record (``Registry.resolve_name``).
A căn cứ that carries a number is left to ``relations``.
"""
from __future__ import annotations

import datetime
from typing import NamedTuple, Optional

from .. import patterns
from ..dates import parse_date
from ..models import Relation
from .citations import LineIndex, Located


class NamedLaw(NamedTuple):
    """A law a căn cứ names with its date and no number."""

    name: str  # "Luật Tổ chức chính quyền địa phương", spaces squashed
    date: Optional[datetime.date]
    start: int  # offsets of "Luật … năm 2015" in the text
    end: int


def find_named_laws(text: str, located: list[Located]) -> list[NamedLaw]:
    """The laws the căn cứ paragraphs of ``text`` name without a number, in text order."""
    numbered = [loc.start for loc in located]
    found = []
    for match in patterns.NAMED_LAW.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if not patterns.REL_BASIS_LINE.match(text, line_start):
            continue  # "; Luật X ngày …" outside a căn cứ paragraph
        if any(match.start() <= start < match.end() for start in numbered):
            continue  # a number is written: the relation is the numbered one
        name = " ".join(match.group("name").split()).rstrip(" ,")
        found.append(NamedLaw(name, parse_date(match.group("date")), match.start("name"), match.end()))
    return found


def named_bases(text: str, located: list[Located], own_number: Optional[str], lines: LineIndex) -> list[Relation]:
    """The based_on relations of the laws ``text`` names without a number in its căn cứ."""
    found, seen = [], set()
    for law in find_named_laws(text, located):
        if (law.name, law.date) in seen:
            continue
        seen.add((law.name, law.date))
        evidence = " ".join(text[law.start:law.end].split())
        found.append(Relation("based_on", own_number, None, lines.line_of(law.start), f"Căn cứ {evidence}",
                              "self", None, law.name, law.date))
    return found
