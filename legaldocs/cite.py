"""Citations for report writers, in the forms of Decree 30/2020/NĐ-CP Appendix I (Part I,
II.6): full on first mention (type, number, date, issuer, trích yếu), short afterwards
(type and number), căn cứ lines, footnotes and English. Luật and Pháp lệnh are cited by
type and name."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Optional

from .dates import format_date
from .errors import LegaldocsError
from .models import Record
from .numbers import fold
from .registry import Registry
from .status import status_of
from .vocab import DOC_TYPES, ISSUERS, NAMED_TYPES, STATUS_VALUES

STYLES = ("full", "short", "basis", "footnote", "en")
LAW_TYPES = {*NAMED_TYPES, "Hiến pháp"}  # cited by their name
# A trích yếu opening with one of these verbs follows the date and issuer directly.
TITLE_VERBS = re.compile(r"(?:ban hành|quy định|phê duyệt|sửa đổi|bổ sung|hướng dẫn|bãi bỏ|công bố|"
                         r"thành lập|giao|điều chỉnh|về)\b", re.IGNORECASE)
_EXPANSIONS = (("Văn phòng UBND", "Văn phòng Ủy ban nhân dân"), ("UBND", "Ủy ban nhân dân"),
               ("HĐND", "Hội đồng nhân dân"))
_ENGLISH_TYPES = {t.name: t.english for t in DOC_TYPES}
_ENGLISH_ISSUERS = sorted(((i.name, i.english) for i in ISSUERS), key=lambda x: -len(x[0]))


@dataclass(frozen=True)
class FormattedCitation:
    number: Optional[str]
    style: str
    text: str
    warning: Optional[str] = None  # e.g. the document is no longer in force

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def issuer_text(issuer: Optional[str], form: str = "short") -> str:
    """ "UBND tỉnh Bình Định" (short) or "Ủy ban nhân dân tỉnh Bình Định" (full)."""
    if not issuer:
        return ""
    if form == "full":
        for short, full in _EXPANSIONS:
            if issuer.startswith(short) or f" {short} " in issuer:
                return issuer.replace(short, full, 1)
    return issuer


def _title_clause(title: Optional[str]) -> str:
    if not title:
        return ""
    title = title.strip().rstrip(".;")
    lowered = title[:1].lower() + title[1:]
    if TITLE_VERBS.match(lowered):
        return lowered
    return "về " + lowered


def law_name(record: Record) -> str:
    """ "Luật Tổ chức chính quyền địa phương" from its title or cited name."""
    name = (record.title or "").strip()
    name = re.sub(rf"^(?:{'|'.join(LAW_TYPES)})\s+", "", name, flags=re.IGNORECASE)
    name = name[:1].upper() + name[1:]
    return f"{record.type} {name}".strip() if name else f"{record.type} số {record.number}"


def _ascii(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
                   if not unicodedata.combining(c))


def _english_issuer(issuer: Optional[str]) -> str:
    if not issuer:
        return ""
    for name, english in _ENGLISH_ISSUERS:
        full = issuer_text(issuer, "full")
        if full.startswith(name) or issuer.startswith(name):
            rest = (full[len(name):] if full.startswith(name) else issuer[len(name):]).strip()
            match = re.match(r"(tỉnh|thành phố)\s+(.+)", rest)
            if match:
                kind = "Province" if match.group(1) == "tỉnh" else "City"
                return f"{english} of {_ascii(match.group(2))} {kind}"
            return english + (f" {_ascii(rest)}" if rest else "")
    return _ascii(issuer)


def format_record(record: Record, style: str = "full", issuer_form: str = "short",
                  date_form: Optional[str] = None) -> str:
    """One document in one citation style."""
    if style not in STYLES:
        raise LegaldocsError(f"unknown style {style!r}; one of {', '.join(STYLES)}")
    kind = record.type or "Văn bản"
    number = record.number or ""
    is_law = kind in LAW_TYPES
    if style == "short":
        return law_name(record) if is_law else f"{kind} số {number}"
    if style == "en":
        english = _ENGLISH_TYPES.get(kind, "Document")
        parts = [f"{english} No. {_ascii(number)}"]
        if record.date:
            parts.append(f"dated {format_date(record.date, 'english')}")
        if record.issuer:
            parts.append(f"of {_english_issuer(record.issuer)}")
        text = " ".join(parts)
        return text + (f" (“{record.title.strip().rstrip('.')}”)" if record.title else "")
    when = format_date(record.date, date_form or ("words" if style == "basis" else "numeric"))
    if is_law:
        text = law_name(record) + (f" số {number}" if number and style != "basis" else "")
        if style == "basis":
            return f"Căn cứ {text};"
        return text + ("." if style == "footnote" else "")
    parts = [f"{kind} số {number}"]
    if when:
        parts.append(when if when.startswith("ngày") else f"ngày {when}")
    if record.issuer:
        parts.append(f"của {issuer_text(record.issuer, issuer_form)}")
    if style != "footnote":
        clause = _title_clause(record.title)
        if clause:
            parts.append(clause)
    text = " ".join(parts)
    if style == "basis":
        return f"Căn cứ {text};"
    return text + ("." if style == "footnote" else "")


def no_longer_in_force(registry: Registry, record: Record, as_of: Optional[date] = None) -> Optional[str]:
    """A warning when the document has ceased, naming what repealed or replaced it."""
    status = status_of(registry, record.id, as_of or date.today())
    if status.value not in (STATUS_VALUES["expired"], STATUS_VALUES["suspended"]):
        return None
    cause = f" {status.event}" + (f" bởi {status.cause_number}" if status.cause_number
                                  and status.cause_id != record.id else "")
    since = f" từ ngày {format_date(status.since)}" if status.since else ""
    return f"{record.type or 'văn bản'} số {record.number} {status.value}:{cause}{since}"


def cite_numbers(registry: Registry, numbers, style: str = "full", issuer_form: str = "short",
                 date_form: Optional[str] = None) -> list[FormattedCitation]:
    """Format each number (any spelling); an unknown one raises NotFound with near matches."""
    out = []
    for number in numbers:
        record = registry.get_one(number)
        out.append(FormattedCitation(record.number, style, format_record(record, style, issuer_form, date_form),
                                     no_longer_in_force(registry, record)))
    return out


def fold_equal(a: Optional[str], b: Optional[str]) -> bool:
    return fold(a or "").split() == fold(b or "").split()
