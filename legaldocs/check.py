"""Check a draft's citations against the registry, and plan its fixes.

Reports, by line: unknown documents; wrong dates and issuers; a number whose year
disagrees with its date; documents no longer in force (with what replaced them), also laws
a căn cứ names without their number; a full
form repeated after the first mention, or a short form before any full one; clerical slips
(missing "số", "QD" for "QĐ"). ``--fix``: first mention full, later ones short, known dates
and issuers corrected; documents not in the registry are only respelled.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Optional

from .cite import format_record, no_longer_in_force
from .dates import format_date
from .extract import analyse_text
from .extract.citations import LineIndex, Located
from .extract.named import find_named_laws
from .registry import Registry, identity_issuer

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class CheckFinding:
    line: int
    number: str
    kind: str
    severity: str  # "error" | "warning" | "info"
    message: str
    suggestion: Optional[str] = None

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` by ``new``."""

    start: int
    end: int
    new: str


@dataclass(frozen=True)
class CheckResult:
    findings: tuple
    edits: tuple

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == "error")

    def to_dict(self) -> dict:
        return {"findings": [f.to_dict() for f in self.findings],
                "summary": {s: sum(1 for f in self.findings if f.severity == s) for s in SEVERITIES}}


def _written_full(loc: Located) -> bool:
    """Whether a mention carries more than type and number (a date, an issuer or a title)."""
    cit = loc.citation
    return bool(cit.date or cit.issuer_as_written or loc.title_span)


def _target(registry: Registry, loc: Located):
    cit = loc.citation
    rid = registry.resolve(cit.number, cit.issuer, cit.date)
    if rid is None:  # the number alone, to tell a wrong date or issuer from an unknown document
        same = [r for r in registry.lookup(cit.number) if r.number == cit.number]
        if len(same) == 1:
            rid = same[0].id
    return registry.records.get(rid) if rid else None


def check_text(registry: Registry, text: str, as_of: Optional[date] = None) -> CheckResult:
    """Findings and fixes for one draft's text (NFC)."""
    text = unicodedata.normalize("NFC", text)
    _, cleaned, located = analyse_text(text)
    findings, edits = [], []
    seen: set = set()
    for loc in located:
        cit = loc.citation
        add = lambda kind, severity, message, suggestion=None: findings.append(  # noqa: E731
            CheckFinding(cit.line, cit.number, kind, severity, message, suggestion))
        if "number-spelling" in cit.flags:
            add("number-spelling", "warning", f"số ký hiệu viết {cit.number_as_written!r}", cit.number)
        if "missing-so" in cit.flags:
            add("missing-so", "warning", f"thiếu chữ \"số\" trước {cit.number}", f"{cit.type} số {cit.number}")
        if "inconsistent-year" in cit.flags:
            add("inconsistent-year", "error",
                f"năm trong số ký hiệu ({cit.number}) khác năm ban hành ({format_date(cit.date)})")
        if "impossible-date" in cit.flags:
            add("impossible-date", "error", f"ngày ban hành của {cit.number} không có thật")
        record = _target(registry, loc)
        if record is None:
            near = registry.near(cit.number)
            add("unknown-document", "warning", f"{cit.number} không có trong sổ đăng ký",
                ", ".join(near) if near else None)
            if {"number-spelling", "missing-so"} & set(cit.flags):
                prefix = f"{cit.type} số " if "missing-so" in cit.flags and cit.type else ""
                edits.append(Edit(loc.lead_start if prefix else loc.start, loc.end,
                                  prefix + cit.number))
            continue
        full = format_record(record, "full")
        if record.kind == "full" and cit.date and record.date and cit.date != record.date:
            add("wrong-date", "error", f"{cit.number} ban hành ngày {format_date(record.date)}, "
                f"không phải {format_date(cit.date)}", full)
        if (record.kind == "full" and cit.issuer and record.issuer
                and identity_issuer(record.number, cit.issuer) != identity_issuer(record.number, record.issuer)):
            add("wrong-issuer", "error", f"{cit.number} do {record.issuer} ban hành, không phải {cit.issuer}", full)
        warning = no_longer_in_force(registry, record, as_of)
        if warning:
            add("not-in-force", "warning", warning, _replacements(registry, record.id))
        first = record.id not in seen
        seen.add(record.id)
        if first and not _written_full(loc):
            add("short-before-full", "warning", f"lần đầu nhắc {cit.number} cần ghi đầy đủ", full)
        elif not first and _written_full(loc):
            add("repeated-full-form", "info", f"{cit.number} đã ghi đầy đủ ở trên; nên ghi ngắn gọn",
                format_record(record, "short"))
        edits.append(_fix(text, loc, record, first))
    findings += _named_laws(registry, cleaned, LineIndex(text), located, as_of)
    findings.sort(key=lambda f: f.line)
    return CheckResult(tuple(findings), tuple(e for e in edits if e is not None))


def _named_laws(registry: Registry, cleaned: str, lines: LineIndex, located,
                as_of: Optional[date]) -> list[CheckFinding]:
    """A căn cứ naming a law no longer in force, without its number ("Căn cứ Luật Ban hành
    văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015;" in 2026): a warning, with the law
    that replaced it. A name the registry does not know is left alone."""
    found = []
    for law in find_named_laws(cleaned, located):  # the reflowed text: offsets are the draft's
        rid = registry.resolve_name(law.name, law.date)
        warning = no_longer_in_force(registry, registry.records[rid], as_of) if rid else None
        if warning:
            found.append(CheckFinding(lines.line_of(law.start), registry.records[rid].number or law.name,
                                      "not-in-force", "warning", f"{law.name}: {warning}",
                                      _replacements(registry, rid)))
    return found


def _replacements(registry: Registry, rid: str) -> Optional[str]:
    numbers = [l.source_number or registry.records[l.source_id].number
               for l in registry.links_to(rid) if l.kind == "replaces" and (l.source_id or l.source_number)]
    return ", ".join(filter(None, numbers)) or None


def _fix(text: str, loc: Located, record, first: bool) -> Optional[Edit]:
    """The edit for one mention. The writer's own words after the number (a trích yếu, or
    what the sentence goes on to say) are kept: only type, number, date and issuer change."""
    if not first:
        new = format_record(record, "short")
        end = loc.title_span[0] if loc.title_span else loc.tail_end
        current = text[loc.lead_start:end].rstrip()
        return Edit(loc.lead_start, loc.lead_start + len(current), new) if current != new else None
    if loc.title_span:  # keep the writer's trích yếu; correct what precedes it
        head = format_record(record, "footnote").rstrip(".")
        end = loc.title_span[0]
        current = text[loc.lead_start:end].rstrip()
        return Edit(loc.lead_start, loc.lead_start + len(current), head) if current != head else None
    new = format_record(record, "full")
    return Edit(loc.lead_start, loc.tail_end, new) if text[loc.lead_start:loc.tail_end] != new else None


def apply_edits(text: str, edits) -> str:
    """The text with every edit applied (edits do not overlap; applied from the end)."""
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[:edit.start] + edit.new + text[edit.end:]
    return text
