"""Citations: every mention of a document in a text, with type, date, issuer and title.

A citation is found from its number (``numbers.find_numbers``); the words before it give
the type ("Quyết định số"), the words after it give, in any order, the date ("ngày
05/7/2013"), the issuer ("của UBND tỉnh") and the trích yếu ("về việc ...").
"""
from __future__ import annotations

import bisect
import re
from typing import NamedTuple, Optional

from .. import patterns
from ..dates import find_date
from ..issuers import issuer_from_code, normalize_issuer
from ..models import Citation, DocNumber
from ..numbers import find_numbers, type_of

LEFT_WINDOW = 140  # characters before a number searched for its type word
TITLE_MAX = 400  # longest trích yếu taken
NEARBY_WINDOW = 400  # characters before a citation searched for its issuer in the clause
GENERIC_TYPES = {"Văn bản", "Công văn"}


class LineIndex:
    """Offsets ↔ 1-based line numbers of one text."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)

    def start_of(self, line: int) -> int:
        return self.starts[line - 1]


def _capitalize(word: str) -> str:
    return word[:1].upper() + word[1:].lower() if word else word


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,;:")


class Located(NamedTuple):
    """A citation with where it stands in the text (offsets into the NFC text)."""

    citation: Citation
    number: DocNumber
    lead_start: int  # where its type word starts (the number's start if none)
    start: int  # the number's start
    end: int  # the number's end
    tail_end: int  # the end of its date, issuer and title
    title_span: Optional[tuple]  # (start, end) of its trích yếu


class _Tail:
    """What follows a number: date, issuer and title, in whatever order they come."""

    def __init__(self):
        self.date = None
        self.date_valid = True
        self.date_written = False
        self.issuer = None
        self.title = None
        self.title_span = None
        self.end = 0


def _read_tail(text: str, pos: int) -> _Tail:
    tail = _Tail()
    for _ in range(3):
        moved = False
        if not tail.date_written:
            lead = patterns.CITATION_TAIL_DATE.match(text, pos)
            if lead:
                found = find_date(text[lead.end():lead.end() + 40])
                if found and found.start == 0:
                    tail.date, tail.date_valid, tail.date_written = found.date, found.valid, True
                    pos = lead.end() + found.end
                    moved = True
        if tail.issuer is None:
            lead = patterns.CITATION_TAIL_ISSUER.match(text, pos)
            if lead:
                issuer = patterns.ISSUER_PHRASE.match(text, lead.end())
                if issuer:
                    tail.issuer = _squash(issuer.group("issuer"))
                    pos = issuer.end()
                    moved = True
        if not moved:
            break
    lead = patterns.TITLE_LEAD.match(text, pos)
    if lead:
        body_start = lead.end()
        window = text[body_start:body_start + TITLE_MAX]
        end = patterns.TITLE_END.search(window)
        title = _squash(window[: end.start()] if end else window)
        if len(title) >= 3:
            tail.title = title
            pos = body_start + (end.start() if end else len(window))
            tail.title_span = (body_start, pos)
    tail.end = pos
    return tail


def _type_before(text: str, start: int):
    """(type as written, law name, whether "số" was written, where the type word starts)."""
    window_start = max(0, start - LEFT_WINDOW)
    match = patterns.TYPE_BEFORE_NUMBER.search(text[window_start:start])
    if not match:
        return None, None, False, start
    written = match.group("law") or match.group("type")
    has_so = bool(re.search(r"số[ \t]*:?[ \t]*\n?[ \t]*$", match.group(0)))
    return (_capitalize(re.sub(r"\s+", " ", written)), match.group("name"), has_so,
            window_start + match.start())


def _title_before(text: str, lead_start: int, previous) -> Optional[str]:
    """A trích yếu written before the citation in the same clause, or None."""
    clause_start = max(0, lead_start - NEARBY_WINDOW)
    if previous is not None and previous.title_span and (
            previous.title_span[0] <= lead_start <= previous.title_span[1]):
        return None  # cited inside the previous citation's trích yếu
    if previous is not None and previous.tail_end <= lead_start:
        clause_start = max(clause_start, previous.tail_end)
    clause = re.split(r"[.;]\s|\n", text[clause_start:lead_start])[-1]
    match = patterns.TITLE_BEFORE_NUMBER.search(clause)
    return _squash(match.group("title")) if match else None


def _issuer_from_number(number: DocNumber, locality: Optional[str]) -> Optional[str]:
    """The issuer a ký hiệu names. Party codes ("/TU", "/TW") are left unresolved: the
    same code covers a Party committee, its standing committee and its boards."""
    if not number.issuer_code or number.style == "party":
        return None
    return issuer_from_code(number.issuer_code, locality)


def _issuer_nearby(text: str, lead_start: int, from_code: Optional[str], locality):
    """An issuer named earlier in the same clause that agrees with the ký hiệu, as in
    "trình Chủ tịch UBND thành phố ... (Quyết định số 4323/QĐ-UBND ...)" or "theo chỉ
    đạo của UBND tỉnh tại Văn bản số 01/HD-UBND". Returns (as written, resolved)."""
    if not from_code:
        return None
    window = text[max(0, lead_start - NEARBY_WINDOW):lead_start]
    window = re.split(r"[.;\n]\s|\n", window)[-1]
    best = None
    for match in patterns.ISSUER_PHRASE.finditer(window):
        written = _squash(match.group("issuer"))
        resolved = normalize_issuer(written, locality)
        if resolved and (resolved == from_code or (
                resolved.endswith(" " + from_code) and resolved.split(" ")[0] in ("Chủ", "Ban"))):
            best = (written, resolved)
    return best


def _flags(number: DocNumber, written_type, tail: _Tail, has_so: bool) -> tuple:
    flags = []
    if number.year and tail.date and tail.date.year != number.year:
        flags.append("inconsistent-year")
    if tail.date_written and not tail.date_valid:
        flags.append("impossible-date")
    code_type = type_of(number)
    if written_type and code_type and written_type not in GENERIC_TYPES and written_type != code_type:
        flags.append("type-mismatch")
    if written_type and not has_so and number.style != "party":
        flags.append("missing-so")
    if re.sub(r"\s*\n\s*", "", number.raw) != number.key:
        flags.append("number-spelling")
    return tuple(flags)


def find_citations(text: str, locality: Optional[str] = None) -> list[Citation]:
    """Every citation in ``text`` (NFC, layout noise already blanked), in order.

    ``locality`` ("tỉnh Bình Định") resolves "UBND tỉnh" and local ký hiệu codes. The
    document's own number on its "Số:" line is not a citation.
    """
    return [located.citation for located in locate_citations(text, locality)]


def locate_citations(text: str, locality: Optional[str] = None,
                     lines: Optional[LineIndex] = None) -> list[Located]:
    """``find_citations`` with the offsets the relation finder needs."""
    lines = lines or LineIndex(text)
    found = []
    previous: Optional[Located] = None
    previous_before_title = None
    for number, start, end in find_numbers(text):
        line = lines.line_of(start)
        line_text = text[lines.start_of(line):start]
        if patterns.OWN_NUMBER_LINE.match(line_text) and re.fullmatch(
                r"[ \t]*(?:Luật[ \t]+|Pháp[ \t]lệnh[ \t]+)?[Ss]ố[ \t]*:[ \t]*", line_text):
            continue
        if patterns.FORM_BEFORE_NUMBER.search(text[max(0, start - 30):start]):
            continue  # "Mẫu số 01/TNDN": a form's code
        written, law_name, has_so, lead_start = _type_before(text, start)
        tail = _read_tail(text, end)
        title = _squash(law_name) if law_name else tail.title  # a law is cited by its name
        coordinated = previous is not None and re.fullmatch(
            r"[\s,;]*(?:và)?[\s]*", text[previous.tail_end:lead_start] if previous.tail_end <= lead_start else "x")
        if not title:
            title = previous_before_title if coordinated else _title_before(text, lead_start, previous)
            previous_before_title = title
        else:
            previous_before_title = None
        doc_type = written or type_of(number)
        issuer_written = tail.issuer
        if tail.issuer:
            issuer = normalize_issuer(tail.issuer, locality)
        else:
            issuer = _issuer_from_number(number, locality)
            nearby = _issuer_nearby(text, lead_start, issuer, locality)
            if nearby:
                issuer_written, issuer = nearby
        in_footnote = bool(patterns.FOOTNOTE_LINE.match(text[lines.start_of(line):]))
        citation = Citation(
            number=number.key,
            type=doc_type,
            date=tail.date,
            issuer=issuer,
            issuer_as_written=issuer_written,
            title=title,
            line=line,
            flags=_flags(number, written, tail, has_so),
            number_as_written=number.raw,
            type_as_written=written,
            in_footnote=in_footnote,
        )
        previous = Located(citation, number, lead_start, start, end, tail.end, tail.title_span)
        found.append(previous)
    return found
