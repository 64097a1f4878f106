"""The annual review (rà soát): which documents have ceased, and which to repeal, amend,
replace or consolidate, each with its rule, its reason in Vietnamese, its evidence chain
and a suggested action — the way a careful legal officer argues it.

Each rule is one small function ``rule(ctx, record) -> list[Finding]``; ``RULES`` lists
them in order. Losing a căn cứ does not end a document (rule 4 proposes, it does not
declare); a document detailing a ceased one ceases with it (rule 3, Law 80/2015 Art. 154(2)).
"""
from __future__ import annotations

import difflib
import math
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterable, Optional

from .dates import format_date
from .models import Link, Record, Status
from .numbers import fold
from .registry import Registry
from .status import AMENDED_PART, link_date, status_of, term_end
from .vocab import STATUS_VALUES

EXPIRED = STATUS_VALUES["expired"]
PARTLY = STATUS_VALUES["partly_expired"]
SUSPENDED = (STATUS_VALUES["suspended"], STATUS_VALUES["partly_suspended"])
ACTIONS = ("công bố hết hiệu lực", "bãi bỏ", "thay thế", "sửa đổi, bổ sung", "hợp nhất")
SIMILAR_TITLES = 0.8  # rule 9: title similarity that makes two documents "the same subject"
AMENDED_OFTEN = 3  # rule 7


@dataclass(frozen=True)
class Evidence:
    number: Optional[str]  # the document the sentence stands in (or the fact)
    kind: str  # the link kind, or "term", "status", "cites"
    sentence: str
    date: Optional[date] = None

    def to_dict(self) -> dict:
        return {"number": self.number, "kind": self.kind, "sentence": self.sentence,
                "date": self.date.isoformat() if self.date else None}


@dataclass(frozen=True)
class Finding:
    record_id: str
    number: Optional[str]
    type: Optional[str]
    issuer: Optional[str]
    date: Optional[date]
    title: Optional[str]
    rule: str  # rule name, e.g. "basis-ceased"
    rule_no: int
    action: str  # one of ACTIONS
    reason: str  # Vietnamese
    evidence: tuple = ()
    confidence: str = "high"  # "high" | "medium" | "low"
    ceased_on: Optional[date] = None  # for the lists of documents that have ceased
    parts: tuple = ()  # provisions that ceased (partial list)

    def to_dict(self) -> dict:
        return {"number": self.number, "id": self.record_id, "type": self.type, "issuer": self.issuer,
                "date": self.date.isoformat() if self.date else None, "title": self.title,
                "rule": self.rule, "rule_no": self.rule_no, "action": self.action, "reason": self.reason,
                "evidence": [e.to_dict() for e in self.evidence], "confidence": self.confidence,
                "ceased_on": self.ceased_on.isoformat() if self.ceased_on else None,
                "parts": list(self.parts)}


@dataclass
class Context:
    registry: Registry
    as_of: date
    _status: dict = field(default_factory=dict)
    _titles: Optional["_TitleIndex"] = None  # rule 9, built on first use
    _resolved: dict = field(default_factory=dict)

    def resolve(self, number: str, issuer: Optional[str], when: Optional[date]) -> Optional[str]:
        """``registry.resolve``, memoized: the registry does not change during a review."""
        key = (number, issuer, when)
        if key not in self._resolved:
            self._resolved[key] = self.registry.resolve(number, issuer, when)
        return self._resolved[key]

    def status(self, rid: str) -> Status:
        if rid not in self._status:
            self._status[rid] = status_of(self.registry, rid, self.as_of)
        return self._status[rid]

    def number(self, rid: Optional[str], fallback: Optional[str] = None) -> Optional[str]:
        record = self.registry.records.get(rid) if rid else None
        return record.number if record and record.number else fallback

    def cite(self, rid: Optional[str], fallback: Optional[str] = None) -> str:
        """ "Quyết định số 58/2012/QĐ-TTg" for a reason sentence."""
        record = self.registry.records.get(rid) if rid else None
        number = self.number(rid, fallback) or "(không số)"
        return f"{record.type} số {number}" if record and record.type else f"văn bản số {number}"

    def link_date(self, link: Link) -> Optional[date]:
        return link_date(self.registry, link)

    def evidence(self, link: Link) -> Evidence:
        stating = self.registry.records.get(link.stated_in)
        number = (stating.number or stating.id) if stating else link.stated_in
        return Evidence(number, link.kind, link.evidence, self.link_date(link))


def _finding(ctx: Context, record: Record, rule: str, no: int, action: str, reason: str,
             evidence: Iterable[Evidence], confidence: str = "high", ceased_on=None, parts=()) -> Finding:
    return Finding(record.id, record.number, record.type, record.issuer, record.date, record.title,
                   rule, no, action, reason, tuple(evidence), confidence, ceased_on, tuple(parts))


def _confidence(links: Iterable[Link], default: str = "high") -> str:
    return "medium" if any(l.scope == "mentioned" for l in links) else default


# --- rules -------------------------------------------------------------------------------


def rule_term_ended(ctx: Context, record: Record) -> list[Finding]:
    """1. Its own term has ended (a plan for 2011-2020; "có hiệu lực đến hết ngày")."""
    end = term_end(record)
    status = ctx.status(record.id)
    if not end or end >= ctx.as_of or status.value != EXPIRED or status.event != "hết thời hạn có hiệu lực":
        return []
    what = f"đến hết ngày {format_date(end)}" if record.expires else f"cho giai đoạn {record.term}"
    return [_finding(ctx, record, "term-ended", 1, "công bố hết hiệu lực",
                     f"Văn bản quy định thời hạn có hiệu lực {what}; thời hạn đã kết thúc.",
                     [Evidence(record.number, "term", f"thời hạn: {record.term or format_date(end)}", end)],
                     ceased_on=status.since)]


_STRENGTH = {"self": 0, "recorded": 1, "mentioned": 2}


def rule_status_changed(ctx: Context, record: Record) -> list[Finding]:
    """2. Repealed, replaced or suspended (wholly or partly) by a later document: one
    finding per document (and per set of provisions), from its strongest evidence."""
    ending = {"repeals": "bãi bỏ", "replaces": "thay thế", "repealed": "bãi bỏ",
              "suspends": "đình chỉ, ngưng hiệu lực", "amends": "sửa đổi, bổ sung"}
    groups: dict = {}
    for link in ctx.registry.links_to(record.id):
        when = ctx.link_date(link)
        if link.kind in ending and not (when and when > ctx.as_of):
            part = link.part or (AMENDED_PART if link.kind == "amends" else None)
            groups.setdefault(part, []).append(link)
    if any(part is None for part in groups):  # wholly ended: amendments say nothing more
        groups = {part: links for part, links in groups.items() if part != AMENDED_PART}
    found = []
    for part, links in groups.items():
        links.sort(key=lambda l: (_STRENGTH.get(l.scope, 3), l.kind == "repealed",
                                  ctx.link_date(l) or date.max))
        link = links[0]
        when = ctx.link_date(link)
        by = f" bởi {ctx.cite(link.source_id, link.source_number)}" if (link.source_id or link.source_number) else ""
        verb = "Bị" if link.kind != "repealed" else "Đã được xác định là bị"
        where = f" ({part})" if part else ""
        found.append(_finding(
            ctx, record, "status-changed", 2, "công bố hết hiệu lực",
            f"{verb} {ending[link.kind]}{where}{by}" + (f" từ ngày {format_date(when)}" if when else "") + ".",
            [ctx.evidence(l) for l in links], _confidence([link]), when, (part,) if part else ()))
    return found


def _detailed_chain(ctx: Context, rid: str, seen: frozenset) -> Optional[list]:
    """[(link implements, ...), cause] from a document to the ceased one it details."""
    for link in ctx.registry.links_from(rid):
        if link.kind != "implements" or link.target_id in seen or link.scope == "mentioned":
            continue
        target_status = ctx.status(link.target_id)
        if target_status.value == EXPIRED:
            deeper = _detailed_chain(ctx, link.target_id, seen | {link.target_id})
            return [link] + (deeper or [])
    return None


def rule_detailed_ceased(ctx: Context, record: Record) -> list[Finding]:
    """3. It details or guides a document that has ceased: it ceases with it (Art. 154(2))."""
    chain = _detailed_chain(ctx, record.id, frozenset({record.id}))
    if not chain:
        return []
    root = chain[-1]
    root_status = ctx.status(root.target_id)
    path = " → ".join(ctx.cite(l.target_id, l.target_number) for l in chain)
    cause, _ = _ceased_reason(ctx, root.target_id)
    evidence = [ctx.evidence(l) for l in chain]
    if root_status.cause_number:
        evidence.append(Evidence(root_status.cause_number, "status", root_status.evidence or cause,
                                 root_status.since))
    return [_finding(ctx, record, "detailed-ceased", 3, "công bố hết hiệu lực",
                     f"Quy định chi tiết, hướng dẫn {path}; văn bản này {cause}, "
                     "nên văn bản quy định chi tiết cũng hết hiệu lực (Điều 154 khoản 2 Luật Ban hành "
                     "văn bản quy phạm pháp luật).", evidence, _confidence(chain), root_status.since)]


def _ceased_reason(ctx: Context, rid: str) -> tuple[str, list[Evidence]]:
    status = ctx.status(rid)
    ending = sorted((l for l in ctx.registry.links_to(rid)
                     if l.kind in ("repeals", "replaces", "repealed") and not l.part),
                    key=lambda l: (_STRENGTH.get(l.scope, 3), ctx.link_date(l) or date.max))
    evidence = [ctx.evidence(link) for link in ending]
    if status.event == "hết thời hạn có hiệu lực":
        text = "đã hết thời hạn có hiệu lực"
    elif status.cause_number and status.cause_id != rid:
        joiner = " bởi" if status.event.startswith("bị") else ":"
        text = f"đã {status.event}{joiner} {ctx.cite(status.cause_id, status.cause_number)}"
    else:
        text = f"đã {status.event or 'hết hiệu lực'}"
    if status.since:
        text += f" từ ngày {format_date(status.since)}"
    return text, evidence


def _own_links(ctx: Context, record: Record, kind: str) -> list[Link]:
    return [l for l in ctx.registry.links_from(record.id) if l.kind == kind and l.stated_in == record.id]


# Texts that narrate or correspond rather than regulate: not themselves under review.
NOT_REVIEWED = {"Báo cáo", "Tờ trình", "Biên bản", "Thông báo", "Công văn", "Văn bản", "Giấy mời"}


def _in_force(ctx: Context, record: Record) -> bool:
    """A full, regulating document still in force: what rules 4-7 and 9 look at."""
    return (record.kind == "full" and record.type not in NOT_REVIEWED and bool(record.number)
            and ctx.status(record.id).value != EXPIRED)


def rule_basis_ceased(ctx: Context, record: Record) -> list[Finding]:
    """4. Its căn cứ was repealed, replaced or has expired: a candidate to repeal or amend."""
    if not _in_force(ctx, record):
        return []
    found = []
    for link in _own_links(ctx, record, "based_on"):
        if ctx.status(link.target_id).value != EXPIRED:
            continue
        text, evidence = _ceased_reason(ctx, link.target_id)
        replaced = any(l.kind == "replaces" for l in ctx.registry.links_to(link.target_id))
        found.append(_finding(
            ctx, record, "basis-ceased", 4, "sửa đổi, bổ sung" if replaced else "bãi bỏ",
            f"Căn cứ ban hành là {ctx.cite(link.target_id, link.target_number)} {text}"
            + ("; cần cập nhật căn cứ theo văn bản thay thế." if replaced else "; văn bản không còn căn cứ."),
            [ctx.evidence(link)] + evidence, _confidence([link]), None))
    return found


def rule_basis_amended(ctx: Context, record: Record) -> list[Finding]:
    """5. Its căn cứ was amended after it was issued: review it for amendment."""
    if not _in_force(ctx, record) or not record.date:
        return []
    found = []
    for link in _own_links(ctx, record, "based_on"):
        if ctx.status(link.target_id).value == EXPIRED:
            continue  # rule 4
        later = [a for a in ctx.registry.links_to(link.target_id) if a.kind == "amends"
                 and (ctx.link_date(a) or date.min) > record.date and (ctx.link_date(a) or date.max) <= ctx.as_of]
        if later:
            amenders = ", ".join(sorted({ctx.cite(a.source_id, a.source_number) for a in later}))
            found.append(_finding(
                ctx, record, "basis-amended", 5, "sửa đổi, bổ sung",
                f"Căn cứ ban hành là {ctx.cite(link.target_id, link.target_number)} đã được sửa đổi, bổ sung "
                f"bởi {amenders} sau ngày ban hành văn bản; cần rà soát để sửa đổi cho phù hợp.",
                [ctx.evidence(link)] + [ctx.evidence(a) for a in later], "medium"))
    return found


def rule_cites_ceased(ctx: Context, record: Record) -> list[Finding]:
    """6. It cites (outside its căn cứ) a document no longer in force: candidate for amendment."""
    if not _in_force(ctx, record):
        return []
    acted_on = {l.target_id for l in ctx.registry.links_from(record.id)}
    found, seen = [], set()
    for cite in record.cites:
        if cite.in_basis:
            continue
        target = ctx.resolve(cite.number, cite.issuer, cite.date)
        if target is None or target in acted_on or target in seen or target == record.id:
            continue
        if ctx.status(target).value == EXPIRED:
            seen.add(target)
            text, evidence = _ceased_reason(ctx, target)
            found.append(_finding(
                ctx, record, "cites-ceased", 6, "sửa đổi, bổ sung",
                f"Văn bản dẫn chiếu {ctx.cite(target, cite.number)} (dòng {cite.line}), văn bản này {text}.",
                [Evidence(record.number, "cites", f"dòng {cite.line}: {cite.number}", record.date)] + evidence,
                "medium"))
    return found


def _amendments(ctx: Context, rid: str, seen: frozenset) -> set:
    """Distinct documents amending ``rid`` or one of its amendments (amendments of amendments)."""
    sources = set()
    for link in ctx.registry.links_to(rid):
        if link.kind == "amends" and link.source_id and link.source_id not in seen:
            when = ctx.link_date(link)
            if when is None or when <= ctx.as_of:
                sources.add(link.source_id)
                sources |= _amendments(ctx, link.source_id, seen | {link.source_id})
    return sources


def rule_amended_often(ctx: Context, record: Record) -> list[Finding]:
    """7. Amended three or more times: candidate for consolidation or replacement."""
    if not _in_force(ctx, record):
        return []
    amenders = _amendments(ctx, record.id, frozenset({record.id}))
    consolidations = [l for l in ctx.registry.links_to(record.id) if l.kind == "consolidates"]
    if len(amenders) < AMENDED_OFTEN:
        return []
    names = ", ".join(sorted(ctx.cite(a) for a in amenders))
    evidence = [ctx.evidence(l) for a in sorted(amenders) for l in ctx.registry.links_from(a)
                if l.kind == "amends"]
    note = " (đã có văn bản hợp nhất)" if consolidations else ""
    return [_finding(ctx, record, "amended-often", 7, "thay thế" if consolidations else "hợp nhất",
                     f"Văn bản đã được sửa đổi, bổ sung {len(amenders)} lần ({names}){note}; nên hợp nhất "
                     "hoặc ban hành văn bản thay thế.", evidence, "medium")]


def rule_repeal_pending(ctx: Context, record: Record) -> list[Finding]:
    """8. A repeal was proposed and has not happened yet."""
    if ctx.status(record.id).value == EXPIRED:
        return []
    found = []
    for link in ctx.registry.links_to(record.id):
        when = ctx.link_date(link)
        if link.kind != "repeal_proposed" or (when and when > ctx.as_of):
            continue
        by = ctx.registry.records.get(link.stated_in)
        where = f"{by.type or 'văn bản'} số {by.number}" if by and by.number else (
            by.title if by and by.title else "một văn bản chưa có số")
        found.append(_finding(ctx, record, "repeal-pending", 8, "bãi bỏ",
                              f"Đã được đề nghị bãi bỏ tại {where}" + (f" ngày {format_date(when)}" if when else "")
                              + " nhưng chưa có văn bản bãi bỏ.", [ctx.evidence(link)]))
    return found


def _title_key(record: Record) -> str:
    return " ".join(fold(record.title or "").lower().split())


class _TitleIndex:
    """Candidates for rule 9 without comparing every pair of documents.

    ``SequenceMatcher.ratio()`` never exceeds ``quick_ratio()``, the share of characters
    the two titles have in common as multisets. ratio >= s therefore needs a multiset
    overlap of at least ``s / (2 - s)`` of each title's length (s = 0.8: two thirds). Under
    one global order of the elements (a character and its occurrence count, rarest first),
    two multisets with that overlap share an element among their first ``len - need + 1``
    (prefix filtering): the smallest common element lies in both prefixes. So the pairs
    sharing a prefix element are a superset of the pairs that can reach ``s``, and the
    exact ratio decides among them: the findings are those of comparing every pair.
    """

    def __init__(self, registry: Registry, threshold: float):
        self.threshold = threshold
        self.order = {rid: i for i, rid in enumerate(registry.records)}
        self.keys: dict[str, str] = {}
        groups: dict = {}
        for record in registry.records.values():
            if record.kind == "full" and record.title and record.date:
                self.keys[record.id] = _title_key(record)
                groups.setdefault((record.issuer, record.type), []).append(record.id)
        self.prefixes: dict[str, list] = {}
        self.postings: dict = {}
        self.masks: dict = {}  # title → {character: bit mask of its positions}, for lcs()
        for group, ids in groups.items():
            elements = {rid: self._elements(self.keys[rid]) for rid in ids}
            frequency: dict = {}
            for elems in elements.values():
                for e in elems:
                    frequency[e] = frequency.get(e, 0) + 1
            postings = self.postings[group] = {}
            for rid, elems in elements.items():
                elems.sort(key=lambda e: (frequency[e], e))
                prefix = elems[:self._prefix_length(len(elems))] if elems else [("", 0)]  # "" meets ""
                self.prefixes[rid] = prefix
                for e in prefix:
                    postings.setdefault(e, []).append(rid)

    @staticmethod
    def _elements(key: str) -> list:
        seen: dict = {}
        elements = []
        for ch in key:
            n = seen.get(ch, 0) + 1
            seen[ch] = n
            elements.append((ch, n))
        return elements

    def _prefix_length(self, length: int) -> int:
        s = self.threshold
        if s <= 0:
            return length
        need = math.ceil(length * s / (2 - s) - 1e-9)  # a margin for the float ratio
        return max(1, min(length, length - need + 1))

    def lcs(self, text: str, rid: str) -> int:
        """The length of the longest common subsequence of ``text`` and the title of
        ``rid`` (bit-parallel, Hyyrö 2004): an upper bound of the characters
        ``SequenceMatcher`` matches, whose blocks form a common subsequence."""
        masks = self.masks.get(rid)
        if masks is None:
            masks = self.masks[rid] = {}
            for i, ch in enumerate(self.keys[rid]):
                masks[ch] = masks.get(ch, 0) | (1 << i)
        length = len(self.keys[rid])
        full = (1 << length) - 1
        v = full
        for ch in text:
            u = v & masks.get(ch, 0)
            v = ((v + u) | (v - u)) & full
        return length - v.bit_count()

    def candidates(self, record: Record) -> list[str]:
        """Ids that may reach the threshold with ``record``, in registry order."""
        postings = self.postings.get((record.issuer, record.type), {})
        found = set()
        for e in self.prefixes.get(record.id, ()):
            found.update(postings.get(e, ()))
        found.discard(record.id)
        return sorted(found, key=self.order.__getitem__)


def _title_index(ctx: Context) -> _TitleIndex:
    if ctx._titles is None:
        ctx._titles = _TitleIndex(ctx.registry, SIMILAR_TITLES)
    return ctx._titles


def rule_similar_older(ctx: Context, record: Record) -> list[Finding]:
    """9. Hint: an older document of the same issuer on nearly the same subject, which no
    newer one replaces."""
    if not _in_force(ctx, record) or not record.title or not record.date:
        return []
    found = []
    titles = _title_index(ctx)
    mine = titles.keys[record.id]
    replaced_by = {l.source_id for l in ctx.registry.links_to(record.id) if l.kind in ("replaces", "repeals")}
    for other_id in titles.candidates(record):
        other = ctx.registry.records[other_id]
        if (other.id == record.id or other.kind != "full" or other.issuer != record.issuer
                or other.type != record.type or not other.title or not other.date or other.date <= record.date
                or other.id in replaced_by or not _in_force(ctx, other)):
            continue
        theirs = titles.keys[other_id]
        total = len(mine) + len(theirs)
        if total and (2 * min(len(mine), len(theirs)) / total < SIMILAR_TITLES
                      or 2 * titles.lcs(mine, other_id) / total < SIMILAR_TITLES):
            continue  # upper bounds of ratio(): the same answer, sooner
        ratio = difflib.SequenceMatcher(None, mine, theirs).ratio()
        if ratio >= SIMILAR_TITLES:
            found.append(_finding(
                ctx, record, "similar-older", 9, "thay thế",
                f"Cùng cơ quan ban hành và gần cùng nội dung với {ctx.cite(other.id)} ban hành sau "
                f"(ngày {format_date(other.date)}, tương đồng {ratio:.0%}) nhưng chưa bị thay thế; cần xem xét.",
                [Evidence(other.number, "similar", other.title, other.date)], "low"))
    return found


RULES: dict[str, tuple[int, Callable]] = {
    "term-ended": (1, rule_term_ended),
    "status-changed": (2, rule_status_changed),
    "detailed-ceased": (3, rule_detailed_ceased),
    "basis-ceased": (4, rule_basis_ceased),
    "basis-amended": (5, rule_basis_amended),
    "cites-ceased": (6, rule_cites_ceased),
    "amended-often": (7, rule_amended_often),
    "repeal-pending": (8, rule_repeal_pending),
    "similar-older": (9, rule_similar_older),
}


def rule_names(selected: Iterable[str]) -> list[str]:
    """Rule names from names or numbers ("4", "basis-ceased")."""
    by_no = {str(no): name for name, (no, _) in RULES.items()}
    names = []
    for item in selected:
        name = by_no.get(str(item).strip(), str(item).strip())
        if name not in RULES:
            from .errors import LegaldocsError

            raise LegaldocsError(f"unknown rule {item!r}; rules: "
                                 + ", ".join(f"{no} {n}" for n, (no, _) in RULES.items()))
        names.append(name)
    return names


@dataclass(frozen=True)
class Review:
    as_of: date
    findings: tuple

    def to_dict(self) -> dict:
        return {"as_of": self.as_of.isoformat(), "findings": [f.to_dict() for f in self.findings]}


def review_registry(registry: Registry, as_of: date, issuer: Optional[str] = None,
                    since: Optional[date] = None, rules: Iterable[str] = ()) -> Review:
    """Run the rules over every document (or one issuer's) as of a date."""
    ctx = Context(registry, as_of)
    wanted = rule_names(rules) if rules else list(RULES)
    issuer_key = fold(issuer).lower() if issuer else None
    findings = []
    for record in registry.records.values():
        if record.date and record.date > as_of:
            continue
        if issuer_key and issuer_key not in fold(record.issuer or "").lower():
            continue
        for name in wanted:
            findings.extend(RULES[name][1](ctx, record))
    if since:
        findings = [f for f in findings if not any(e.date for e in f.evidence)
                    or any(e.date and e.date >= since for e in f.evidence)]
    order = {a: i for i, a in enumerate(ACTIONS)}
    findings.sort(key=lambda f: (order.get(f.action, 99), f.date or date.min, f.number or "", f.rule_no))
    return Review(as_of, tuple(findings))
