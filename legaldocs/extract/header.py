"""A document's own metadata from its header, heading and closing.

``extract_meta(lines)`` takes the lines of one document (layout noise already blanked by
``layout.clean_lines``) and returns a ``DocumentMeta``: number, type, issuer, place and
date from the header block above and beside the national motto; type and title from the
heading; signer from the signature block; effective and expiry dates and the term from
the text. A văn bản hợp nhất states its number, issuer, date and signer in its closing
"XÁC THỰC VĂN BẢN HỢP NHẤT" block. Any input gives a DocumentMeta: a field that cannot be
found is None, and a field extractor that fails is None too (unless ``STRICT``).
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Callable, Optional

from .. import patterns, vocab
from ..dates import find_date
from ..issuers import issuer_from_code, locality_of, normalize_issuer
from ..models import DocNumber, DocumentMeta
from ..numbers import canonical_code, find_numbers, fold, type_of

STRICT = False  # tests set this to see the exceptions a field extractor would swallow

_HEADER_LINES = 60  # non-blank lines searched for the header and heading
_TITLE_LINES = 8
_SIGNER_WINDOW = 30
_TYPE_HEADINGS = {fold(t.name): t.name for t in vocab.DOC_TYPES}
_PLANNING_TYPES = {"Kế hoạch", "Chương trình", "Báo cáo", "Đề án", "Phương án", "Dự án"}
# Words of a line that make it no person's name (names share most other syllables).
_NOT_NAME_WORDS = {"Bộ", "Sở", "Ủy", "Uỷ", "Ban", "Phòng", "Cục", "Vụ", "Điều",
                   "Chương", "Mẫu", "Phụ", "Kèm", "Phủ", "Hội", "Tổng", "Ngày", "Tháng", "Năm",
                   "Số", "Mục", "Phần", "Tên", "Ký", "Họ", "Nhà", "Nước", "Tỉnh", "Quận"}
_OFFICE_WORDS = {"TRƯỞNG", "TRUỞNG", "ĐỐC", "ĐÔC", "TỊCH", "TƯỚNG", "NHIỆM", "PHÓ", "THỨ", "KÝ"}
_PROPER_NAMES = ("Việt Nam", "Chính phủ", "Quốc hội") + tuple(loc.name for loc in vocab.LOCALITIES)


def _norm(line: str) -> str:
    """One line as matched: NFC, markdown marks and extra spaces dropped."""
    if not line or line.isspace():
        return ""
    line = unicodedata.normalize("NFC", line).replace("Ð", "Đ")
    if "*" in line or "#" in line or "`" in line:
        line = patterns.MARKDOWN_MARKS.sub("", line)
    return " ".join(line.split())


def _is_caps(text: str) -> bool:
    """Whether every letter is a capital (and there are at least two)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _sentence_case(text: str) -> str:
    """An all-caps title in sentence case, with names and law titles raised again."""
    text = text.lower()
    text = text[:1].upper() + text[1:]
    for name in _PROPER_NAMES:
        text = re.sub(rf"\b{re.escape(name.lower())}\b", name, text)
    return patterns.LAW_NAME.sub(lambda m: m.group(1).capitalize() + " " + m.group(2).upper(), text)


class _Page:
    """The normalized lines of a document and the landmarks found in them."""

    def __init__(self, lines: list[str]):
        self.lines = [_norm(line if isinstance(line, str) else "") for line in lines]
        filled = [i for i, line in enumerate(self.lines) if line]
        self.limit = filled[_HEADER_LINES] if len(filled) > _HEADER_LINES else len(self.lines)
        self.heading = self._find_heading()
        self.subject = self._find(patterns.SUBJECT_LINE, 0, self.limit)
        stops = [i for i in (self.heading[0] if self.heading else None, self.subject) if i is not None]
        self.head_end = min(stops) if stops else self._first_stop()
        self.block = self._find(patterns.CONSOLIDATION_BLOCK, 0, len(self.lines))
        self.flat = " ".join(line for line in self.lines if line)  # for clauses across lines

    def _find(self, pattern: re.Pattern, start: int, end: int) -> Optional[int]:
        for i in range(start, min(end, len(self.lines))):
            if self.lines[i] and pattern.search(self.lines[i]):
                return i
        return None

    def _first_stop(self) -> int:
        stop = self._find(patterns.TITLE_STOP, 0, self.limit)
        return stop if stop is not None else self.limit

    def _find_heading(self) -> Optional[tuple[int, str, str]]:
        """(line, type name, rest of the line) of the heading "NGHỊ ĐỊNH", "LUẬT"..."""
        for i in range(min(self.limit, len(self.lines))):
            if patterns.GAZETTE_SECTION.match(self.lines[i]):
                continue  # "VĂN BẢN HỢP NHẤT - BỘ Y TẾ" is the gazette's, not a heading
            words = patterns.FOOTNOTE_MARK.sub("", self.lines[i]).split()
            for size in range(min(4, len(words)), 0, -1):
                head = " ".join(words[:size])
                name = _TYPE_HEADINGS.get(fold(head))
                if not name or not _is_caps(head):
                    continue
                rest = " ".join(words[size:])
                if not rest or not _is_caps(rest) or name in vocab.NAMED_TYPES:
                    return i, name, rest
        return None

    def next_filled(self, i: int) -> Optional[int]:
        """The next non-blank line within three lines of ``i``."""
        for j in range(i + 1, min(i + 4, len(self.lines))):
            if self.lines[j]:
                return j
        return None


_NumberLine = tuple[Optional[DocNumber], str, Optional[str], Optional[int]]


def _own_number(page: _Page, start: int, end: int) -> _NumberLine:
    """(DocNumber or None, lead word, the written ký hiệu of a blank number, line)."""
    for i in range(start, min(end, len(page.lines))):
        match = patterns.OWN_NUMBER.match(page.lines[i])
        if not match or patterns.MOTTO.match(page.lines[i]):
            continue
        rest = match.group("rest")
        following = page.next_filled(i)
        if following is not None and (not rest or re.search(r"[-\u2013]$", rest)):
            if not rest and not re.match(r"\d", page.lines[following]):
                following = None
            rest = rest + ("\n" + page.lines[following] if following is not None else "")
        found = next(find_numbers(rest), None)
        lead = (match.group("lead") or "").strip()
        if found and found[1] <= 3:
            return found[0], lead, None, i
        blank = patterns.BLANK_NUMBER.match(rest)
        return None, lead, blank.group("sym") if blank else None, i
    return None, "", None, None


def _issuer_code(number: Optional[DocNumber], blank_symbol: Optional[str]) -> Optional[str]:
    """The issuer code of the number, or of a blank number's written ký hiệu ("/BC-SNgV")."""
    if number is not None:
        return number.issuer_code
    if blank_symbol:
        segments = [canonical_code(s) for s in re.split(r"\s*-\s*", blank_symbol) if s]
        rest = segments[1:] if segments and segments[0] in vocab.TYPE_BY_CODE else segments
        return "-".join(rest) or None
    return None


def _date_line(page: _Page, start: int, end: int
               ) -> tuple[Optional[str], Optional[date], Optional[int]]:
    """(place, date, line) of the first "Hà Nội, ngày ..." line in the range."""
    for i in range(start, min(end, len(page.lines))):
        match = patterns.DATE_LINE.search(page.lines[i])
        if match and "tháng" in match.group("rest") + page.lines[min(i + 1, len(page.lines) - 1)]:
            found = find_date("ngày " + match.group("rest"))
            return match.group("place").strip(" ,"), found.date if found else None, i
    return None, None, None


def _issuer_lines(page: _Page, start: int, end: int) -> tuple[str, Optional[str]]:
    """The all-caps header lines naming the issuer, joined; and the body a gazette
    "VĂN BẢN HỢP NHẤT - X" section heading names."""
    kept, section_body = [], None
    for i in range(start, min(end, len(page.lines))):
        line = page.lines[i]
        motto = patterns.MOTTO.search(line)
        if motto:
            line = line[:motto.start()].strip()
        section = patterns.GAZETTE_SECTION.match(line)
        if section:
            section_body = section.group("body") or section_body
            continue
        if not line or motto or patterns.OWN_NUMBER.match(line) or patterns.DATE_LINE.match(line) \
                or patterns.SYMBOL_FRAGMENT.match(line) or patterns.CONSOLIDATION_BLOCK.search(line):
            continue
        if not _is_caps(line) or patterns.SIGNER_CAPACITY.match(line):
            break  # running text or a signature block: past the header
        kept.append(line)
    return " ".join(kept), section_body


def _title(page: _Page, consolidated: bool) -> Optional[str]:
    """The trích yếu under the heading, or the subject of a công văn."""
    if page.heading is None and page.subject is not None:
        match = patterns.SUBJECT_LINE.match(page.lines[page.subject])
        parts, i = [match.group("subject")], page.subject + 1
        while i < len(page.lines) and len(parts) < 3 and page.lines[i][:1].islower():
            parts.append(page.lines[i])
            i += 1
        return " ".join(parts).strip() or None
    if page.heading is None:
        return None
    index, _name, rest = page.heading
    parts = [rest] if rest else []
    i, blanks = index + 1, 0
    while i < len(page.lines) and len(parts) < _TITLE_LINES:
        line = page.lines[i]
        i += 1
        if not line:
            blanks += 1
            open_end = parts and parts[-1].split()[-1].lower() in vocab.TITLE_OPEN_ENDINGS
            if (parts and not (open_end and blanks <= 2)) or blanks > 3:
                break
            continue
        stop = patterns.TITLE_STOP.match(line)
        if stop and not parts and not stop.group(0).startswith(("Căn", "Điều", "Chương")):
            stop = None  # a title may begin "Thực hiện thí điểm ..."
        if (stop or patterns.MOTTO.search(line)
                or (consolidated and patterns.CONSOLIDATED_SOURCE.match(line))
                or (parts and _is_caps(line) != _is_caps(parts[-1]))):
            break
        parts.append(line)
    text = patterns.FOOTNOTE_MARK.sub("", " ".join(parts).strip())
    if not text:
        return None
    return _sentence_case(text) if _is_caps(text) else text


def _person_name(line: str, right_after_title: bool) -> Optional[str]:
    """The line as a person's name ("Lê Minh Hưng"), or None."""
    line = patterns.OCR_DEBRIS.sub("", patterns.SIGNED_MARK.sub("", line).strip(" .,"))
    for rank in vocab.RANKS:
        if line.startswith(rank + " "):
            line = line[len(rank) + 1:]
    words = line.split()
    if not 2 <= len(words) <= 6 or not all(w.isalpha() and w[0].isupper() for w in words):
        return None
    if any(w.capitalize() in _NOT_NAME_WORDS for w in words):
        return None
    place = locality_of(line)
    if place and fold(place).endswith(fold(line)):  # "Hà Nội", not "Nguyễn Hòa Bình"
        return None
    if _is_caps(line):
        if set(words) & _OFFICE_WORDS:
            return None
        return " ".join(w.capitalize() for w in words) if right_after_title and len(words) <= 5 else None
    return line if all(w[1:].islower() or len(w) == 1 for w in words) else None


def _signer(page: _Page, start: int) -> Optional[str]:
    """The name under the first signature block ("TM. CHÍNH PHỦ / THỦ TƯỚNG") after ``start``."""
    i = start
    while i < len(page.lines):
        following = page.next_filled(i)
        if (not page.lines[i] or not patterns.SIGNER_TITLE.match(page.lines[i])
                or (following is not None and patterns.TITLE_STOP.match(page.lines[following]))):
            i += 1
            continue  # not a signature, or an enacting formula ("THỦ TƯỚNG CHÍNH PHỦ")
        after_title, j = True, i + 1
        while j < min(i + _SIGNER_WINDOW, len(page.lines)):
            line = page.lines[j]
            j += 1
            if not line or patterns.SIGNER_TITLE.match(line):
                continue
            if patterns.TITLE_STOP.match(line):
                break
            name = _person_name(line, after_title)
            if name:
                return name
            after_title = False
        i = j
    return None


def _windows(text: str, word: str, before: int, after: int):
    """Stretches of ``text`` around each occurrence of ``word`` (cheap to search)."""
    lowered, start = text.lower(), 0
    while True:
        at = lowered.find(word, start)
        if at < 0:
            return
        yield text[max(0, at - before):at + after]
        start = at + len(word)


def _own_clauses(page: _Page, word: str, pattern: re.Pattern, before: int, after: int):
    """Matches of ``pattern`` near ``word`` where the document speaks of itself ("Nghị định
    này ..."), not quoting another's clause nor naming a moment of a transitional rule."""
    for window in _windows(page.flat, word, before, after):
        match = pattern.search(window)
        if match is None or not match.group("own"):
            continue
        ahead = window[:match.start()]
        if not (patterns.QUOTED_CLAUSE.search(ahead) or patterns.OWN_AS_OBJECT.search(ahead)):
            yield match


def _effective(page: _Page, start_date: Optional[date]) -> Optional[date]:
    """The date "<Type> này có hiệu lực (kể) từ ..." states; "ngày ký" is the document's."""
    for match in _own_clauses(page, "hiệu lực", patterns.EFFECTIVE, 200, 110):
        when = match.group("when").strip()
        if patterns.FROM_SIGNING.match(when):
            return start_date
        found = find_date(when)
        if found and found.start <= 6:
            return found.date
    return None


def _expires(page: _Page) -> Optional[date]:
    """The end of term "<Type> này ... đến hết ngày X / năm Y" states."""
    for match in _own_clauses(page, "đến hết", patterns.EXPIRES, 260, 60):
        if match.group("year"):
            return date(int(match.group("year")), 12, 31)
        found = find_date(match.group("date"))
        if found and found.date:
            return found.date
    return None


def _term(title: Optional[str], doc_type: Optional[str]) -> Optional[str]:
    """"giai đoạn 2011 - 2020" → "2011-2020"; "năm 2021" in a plan or report → "2021"."""
    for match in patterns.TERM.finditer(title or ""):
        if match.group("start"):
            return f"{match.group('start')}-{match.group('end')}"
        if doc_type in _PLANNING_TYPES:
            return match.group("year")
    return None


def _consolidation(page: _Page) -> dict:
    """Number, issuer, place, date and signer from the "XÁC THỰC VĂN BẢN HỢP NHẤT" block."""
    if page.block is None:
        return {}
    start, end = max(0, page.block - 10), page.block + 8
    number, _lead, _blank, at = _own_number(page, start, end)
    place, when, _i = _date_line(page, page.block - 2, end)
    top = min(i for i in (at, page.block) if i is not None)
    first = top
    for i in range(top - 1, start - 1, -1):  # the issuer's lines above the number or title
        if page.lines[i] and not _is_caps(page.lines[i]):
            break
        first = i
    text, _section = _issuer_lines(page, first, top)
    return {"number": number, "issuer": normalize_issuer(text) if text else None,
            "place": place, "date": when, "signer": _signer(page, page.block)}


def _annex_number(page: _Page, doc_type: Optional[str]
                  ) -> tuple[Optional[DocNumber], Optional[date]]:
    """A headerless text's number and date, from "(Kèm theo Thông tư số ... ngày ...)"."""
    seen: dict[str, list] = {}
    for match in patterns.ANNEX_REFERENCE.finditer(page.flat):
        if doc_type and fold(match.group("type")) != fold(doc_type):
            continue
        tail = page.flat[match.end():match.end() + 120]
        found = next(find_numbers(tail), None)
        if found and found[1] == 0:
            when = find_date(tail[found[2]:found[2] + 40])
            entry = seen.setdefault(found[0].key, [found[0], None, 0])
            entry[1] = entry[1] or (when.date if when and when.start <= 8 else None)
            entry[2] += 1
    if not seen:
        return None, None
    number, when, _count = max(seen.values(), key=lambda e: e[2])  # its own annexes: the most
    return number, when


def _guard(function: Callable, *args, default=None):
    """Run one field extractor; on an unexpected error give ``default`` (unless STRICT)."""
    try:
        return function(*args)
    except Exception:
        if STRICT:
            raise
        return default


def extract_meta(lines: list[str]) -> DocumentMeta:
    """What a document says about itself. ``lines`` are its lines, noise blanked."""
    try:
        page = _Page(list(lines or []))
    except Exception:
        if STRICT:
            raise
        return DocumentMeta()
    closing = _guard(_consolidation, page, default={}) or {}
    number, lead, blank, number_line = _guard(_own_number, page, 0, page.head_end,
                                              default=(None, "", None, None))
    date_end = page.head_end if page.heading else page.head_end + 8  # a công văn: after V/v
    place, when, _line = _guard(_date_line, page, 0, date_end, default=(None, None, None))
    consolidated = (bool(closing) or bool(number and number.type_code == "VBHN")
                    or bool(patterns.CONSOLIDATION_PREAMBLE.search(page.flat[:4000])))
    if consolidated:
        number = closing.get("number") or number
        place, when = closing.get("place") or place, closing.get("date") or when
    doc_type = _guard(_doc_type, page, number, lead, consolidated)
    if number is None and not consolidated and number_line is None:  # no "Số" line at all
        number, annex_date = _guard(_annex_number, page, doc_type, default=(None, None))
        when = when or annex_date
        doc_type = doc_type or (type_of(number) if number else None)
    if when is None and doc_type in ("Luật", "Bộ luật", "Pháp lệnh", "Nghị quyết"):
        passed = patterns.PASSED_ON.search(page.flat)
        found = find_date(page.flat[passed.end():passed.end() + 30]) if passed else None
        when = found.date if found else None
    issuer = _guard(_issuer, page, number, blank, place, closing, consolidated)
    title = _guard(_title, page, consolidated)
    signer = closing.get("signer") if consolidated else None
    signer = signer or _guard(_signer, page, page.heading[0] if page.heading else 0)
    return DocumentMeta(
        number=number.key if number else None,
        type=doc_type,
        issuer=issuer,
        date=when,
        title=title,
        signer=signer,
        effective=_guard(_effective, page, when),
        place=place,
        expires=_guard(_expires, page),
        term=_guard(_term, title, doc_type),
    )


def _doc_type(page: _Page, number: Optional[DocNumber], lead: str,
              consolidated: bool) -> Optional[str]:
    """The type: a consolidated text, the heading, "Luật số:", a V/v line, the ký hiệu."""
    if consolidated:
        return "Văn bản hợp nhất"
    if page.heading is not None:
        return page.heading[1]
    lead_type = vocab.TYPE_BY_NAME.get(re.sub(r"\s+", " ", lead).lower())
    if lead_type is not None:
        return lead_type.name
    if page.subject is not None:
        return "Công văn"
    if number is not None:
        return type_of(number) or ("Công văn" if number.style == "administrative" else None)
    return None


def _issuer(page: _Page, number: Optional[DocNumber], blank: Optional[str], place: Optional[str],
            closing: dict, consolidated: bool) -> Optional[str]:
    """The issuer: the closing block of a VBHN, the header lines, the ký hiệu, the enacting
    formula or a "TM. <body>" signature."""
    context = locality_of(place) if place else None
    if closing.get("issuer"):
        return closing["issuer"]
    text, section_body = _issuer_lines(page, 0, page.head_end)
    if text:
        return normalize_issuer(text, context)
    if section_body:
        return normalize_issuer(section_body, context)
    code = _issuer_code(number, blank)
    found = issuer_from_code(code, context) if code else None
    if found or consolidated:  # a consolidated text's enacting formula names another body
        return found
    for line in page.lines[page.heading[0] if page.heading else 0:]:
        enacting = patterns.ENACTING.match(line)
        if enacting:  # "Bộ trưởng Bộ Nội vụ ban hành Thông tư": the ministry
            body = re.sub(rf"^(?:{'|'.join(vocab.PERSON_TITLES)})\s+(?=\S)", "", enacting.group("body"))
            return normalize_issuer(body, context)
        capacity = patterns.SIGNER_CAPACITY.match(line)
        if capacity and line.startswith(("TM", "T/M")):  # "TM. CHÍNH PHỦ": the collective body
            return normalize_issuer(capacity.group("body"), context)
    return None
