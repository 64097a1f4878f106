"""Căn cứ that name a law without its number: "Căn cứ Luật Tổ chức chính quyền địa phương
ngày 19 tháng 6 năm 2015;". Most provincial and ministerial documents cite their laws so;
the registry resolves the name and date to the law's record (``Registry.resolve_name``).
A căn cứ that carries a number is left to ``relations``.
"""
from __future__ import annotations

from typing import Optional

from .. import patterns
from ..dates import parse_date
from ..models import Relation
from .citations import LineIndex, Located


def named_bases(text: str, located: list[Located], own_number: Optional[str], lines: LineIndex) -> list[Relation]:
    """The based_on relations of the laws ``text`` names without a number in its căn cứ."""
    numbered = [loc.start for loc in located]
    found, seen = [], set()
    for match in patterns.NAMED_LAW.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if not patterns.REL_BASIS_LINE.match(text, line_start):
            continue  # "; Luật X ngày …" outside a căn cứ paragraph
        if any(match.start() <= start < match.end() for start in numbered):
            continue  # a number is written: the relation is the numbered one
        name = " ".join(match.group("name").split()).rstrip(" ,")
        when = parse_date(match.group("date"))
        if (name, when) in seen:
            continue
        seen.add((name, when))
        evidence = " ".join(text[match.start("name"):match.end()].split())
        found.append(Relation("based_on", own_number, None, lines.line_of(match.start("name")),
                              f"Căn cứ {evidence}", "self", None, name, when))
    return found
