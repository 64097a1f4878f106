"""Status as of a date, from dated events (Law 80/2015/QH13 Art. 154; Law 64/2025/QH15).

A document stops being in force, wholly or partly, when its stated term ends, when it is
repealed or replaced (by its issuer or a competent body), and, under Art. 154(2), when the
document it details (quy định chi tiết / hướng dẫn) stops. Losing a căn cứ does NOT end a
document: that is for the review to flag. Every status names its event and the document
that caused it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

from .models import Link, Record, Status
from .registry import Registry
from .vocab import STATUS_VALUES

# Types whose title states a period that ends them: plans, programmes, schemes.
TERM_TYPES = {"Kế hoạch", "Chương trình", "Đề án", "Phương án", "Dự án"}
AMENDED_PART = "các quy định được sửa đổi, bổ sung"
ENDING_KINDS = {"repeals": "bị bãi bỏ", "replaces": "bị thay thế", "repealed": "đã bị bãi bỏ"}


@dataclass(frozen=True)
class Event:
    """Something that happened to a document, on a date when known."""

    when: Optional[date]
    kind: str  # "issued", "effective", "expired", "repeals", "replaces", "repealed",
    #            "amends", "suspends", "implements_ceased"
    label: str  # Vietnamese, for people
    cause_id: Optional[str] = None
    cause_number: Optional[str] = None
    evidence: str = ""
    part: Optional[str] = None

    def to_dict(self) -> dict:
        return {"date": self.when.isoformat() if self.when else None, "kind": self.kind,
                "label": self.label, "cause": self.cause_number, "cause_id": self.cause_id,
                "evidence": self.evidence, "part": self.part}


def term_end(record: Record) -> Optional[date]:
    """The last day of a stated term: an explicit "đến hết ngày", or a plan's period."""
    if record.expires:
        return record.expires
    if record.type in TERM_TYPES and record.term:
        years = re.findall(r"(?:19|20)\d{2}", record.term)
        if years:
            return date(int(years[-1]), 12, 31)
    return None


def mortal_ids(registry: Registry) -> set:
    """Documents that cease at some date, whatever the date: those with a stated term, those
    wholly repealed or replaced, and those detailing one of these (Art. 154(2)). Every
    document ``status_of`` can find "hết hiệu lực toàn bộ" is among them."""
    mortal = {rid for rid, record in registry.records.items() if term_end(record)}
    detailing: dict = {}  # target → the documents detailing it
    for link in registry.all_links():
        if link.kind in ENDING_KINDS and not link.part:
            mortal.add(link.target_id)
        elif link.kind == "implements" and link.source_id and link.scope != "mentioned":
            detailing.setdefault(link.target_id, []).append(link.source_id)
    todo = list(mortal)
    while todo:  # a document detailing a mortal one is mortal
        for source in detailing.get(todo.pop(), ()):
            if source not in mortal:
                mortal.add(source)
                todo.append(source)
    return mortal


def link_date(registry: Registry, link: Link) -> Optional[date]:
    """When a link takes effect: its own date; else, for a link a text only mentions, its
    source document's effective date; else the date of the text stating it."""
    if link.date:
        return link.date
    if link.scope == "mentioned" and link.source_id:
        source = registry.records.get(link.source_id)
        if source is not None and (source.effective or source.date):
            return source.effective or source.date
    stating = registry.records.get(link.stated_in)
    if stating is not None:
        return stating.effective or stating.date
    return None


def events_of(registry: Registry, rid: str) -> list[Event]:
    """Every dated event of a document, oldest first (undated last)."""
    record = registry.records[rid]
    events = []
    if record.date:
        events.append(Event(record.date, "issued", "ban hành", rid, record.number))
    if record.effective:
        events.append(Event(record.effective, "effective", "có hiệu lực", rid, record.number))
    end = term_end(record)
    if end:  # in force through its last day, ceased from the next
        events.append(Event(end + timedelta(days=1), "expired", "hết thời hạn có hiệu lực", rid, record.number,
                            f"thời hạn {record.term or end.isoformat()}"))
    for link in registry.links_to(rid):
        if link.kind in ENDING_KINDS or link.kind in ("amends", "suspends"):
            source = registry.records.get(link.source_id) if link.source_id else None
            label = {"amends": "bị sửa đổi, bổ sung", "suspends": "bị đình chỉ, ngưng hiệu lực"}.get(
                link.kind, ENDING_KINDS.get(link.kind))
            events.append(Event(link_date(registry, link), link.kind, label, link.source_id,
                                source.number if source else link.source_number, link.evidence, link.part))
    return sorted(events, key=lambda e: (e.when is None, e.when or date.min))


def status_of(registry: Registry, rid: str, as_of: date, _seen: Optional[set] = None) -> Status:
    """The status of a document as of ``as_of``."""
    record = registry.records[rid]
    seen = (_seen or set()) | {rid}
    events = events_of(registry, rid)

    def happened(event: Event) -> bool:
        return event.when is None or event.when <= as_of

    def make(key, event: Optional[Event], parts=()):
        return Status(STATUS_VALUES[key], as_of, event.when if event else None,
                      event.label if event else "", event.cause_number if event else None,
                      event.cause_id if event else None, event.evidence if event else "", tuple(parts))

    if record.date and as_of < record.date:
        return Status(STATUS_VALUES["not_yet"], as_of, None, "chưa ban hành")
    ending = [e for e in events if e.kind in ("expired", "repeals", "replaces", "repealed")
              and not e.part and happened(e)]
    if ending:
        return make("expired", ending[0])
    for link in registry.links_from(rid):
        if link.kind == "implements" and link.target_id not in seen and link.scope != "mentioned":
            detailed = status_of(registry, link.target_id, as_of, seen)
            if detailed.value == STATUS_VALUES["expired"]:
                target = registry.records[link.target_id]
                return Status(STATUS_VALUES["expired"], as_of, detailed.since,
                              "văn bản được quy định chi tiết, hướng dẫn đã hết hiệu lực",
                              target.number, target.id, link.evidence)
    suspended = [e for e in events if e.kind == "suspends" and happened(e)]
    if suspended:
        whole = [e for e in suspended if not e.part]
        if whole:
            return make("suspended", whole[0])
        return make("partly_suspended", suspended[0], [e.part for e in suspended])
    if record.effective and as_of < record.effective:
        return make("not_yet", Event(record.effective, "effective", "có hiệu lực từ ngày", rid, record.number))
    # a partial repeal, or an amendment: the provisions it changes cease in their old wording
    partial = [e for e in events if happened(e) and (
        (e.kind in ("repeals", "replaces", "repealed") and e.part) or e.kind == "amends")]
    if partial:
        return make("partly_expired", partial[0], [e.part or AMENDED_PART for e in partial])
    if record.kind == "cited" and not record.effective:
        return Status(STATUS_VALUES["unknown"], as_of, None, "chỉ biết qua trích dẫn")
    since = record.effective or record.date
    return Status(STATUS_VALUES["in_force"], as_of, since, "có hiệu lực" if since else "", record.number, rid)
