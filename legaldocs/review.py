"""The annual review (rà soát): which documents have ceased, and which to repeal, amend,
replace or consolidate, each with its rule, its reason in Vietnamese, its evidence chain
and a suggested action — the way a careful legal officer argues it.

Each rule is one small function ``rule(ctx, record) -> list[Finding]``; ``RULES`` lists
them in order. Losing a căn cứ does not end a document (rule 4 proposes, it does not
declare); a document detailing a ceased one ceases with it (rule 3, Law 80/2015 Art. 154(2)).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Callable, Iterable, Optional, Union

from .dates import format_date
from .models import Link, Record, Status
from .numbers import fold
from .registry import Registry, collector_paused

if TYPE_CHECKING:
    from .snapshot import RegistryView
from .status import AMENDED_PART, link_date, mortal_ids, status_of, term_end
from .similarity import SIMILAR_SUBJECTS, SimilarSubjects
from .vocab import NOT_REVIEWED, STATUS_VALUES

EXPIRED = STATUS_VALUES["expired"]
PARTLY = STATUS_VALUES["partly_expired"]
SUSPENDED = (STATUS_VALUES["suspended"], STATUS_VALUES["partly_suspended"])
ACTIONS = ("công bố hết hiệu lực", "bãi bỏ", "thay thế", "sửa đổi, bổ sung", "hợp nhất")
SIMILAR_SHOWN = 5  # rule 9: newer documents listed as evidence
AMENDED_OFTEN = 3  # rule 7


@dataclass(frozen=True, slots=True)
class Evidence:
    number: Optional[str]  # the document the sentence stands in (or the fact)
    kind: str  # the link kind, or "term", "status", "cites"
    sentence: str
    date: Optional[date] = None

    def to_dict(self) -> dict:
        return {"number": self.number, "kind": self.kind, "sentence": self.sentence,
                "date": self.date.isoformat() if self.date else None}


@dataclass(frozen=True, slots=True)
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
    registry: Union[Registry, "RegistryView"]
    as_of: date
    _status: dict = field(default_factory=dict)
    _similar: Optional[SimilarSubjects] = None  # rule 9, built on first use
    _mortal: Optional[set] = None
    _ceased_ids: Optional[set] = None
    _ceased_reasons: dict = field(default_factory=dict)
    _amended_by: dict = field(default_factory=dict)
    _by_kind: Optional[dict] = None

    def status(self, rid: str) -> Status:
        if rid not in self._status:
            self._status[rid] = status_of(self.registry, rid, self.as_of)
        return self._status[rid]

    @property
    def mortal(self) -> set:
        """``status.mortal_ids``: the documents that can have ceased by any date."""
        if self._mortal is None:
            self._mortal = mortal_ids(self.registry)
        return self._mortal

    @property
    def ceased_ids(self) -> set:
        """Every document wholly ceased as of the review."""
        if self._ceased_ids is None:
            self._ceased_ids = {rid for rid in self.mortal if self.status(rid).value == EXPIRED}
        return self._ceased_ids

    def ceased(self, rid: str) -> bool:
        """Whether a document has wholly ceased (hết hiệu lực toàn bộ) as of the review."""
        return rid in self.ceased_ids

    def links_of_kind(self, kind: str) -> list[Link]:
        """Every resolved link of a kind, from one pass over the graph."""
        if self._by_kind is None:
            self._by_kind = {}
            for link in self.registry.all_links():
                self._by_kind.setdefault(link.kind, []).append(link)
        return self._by_kind.get(kind, [])

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

    def amended_by(self, rid: str) -> list:
        """[(amending link, its date)] of a document, memoized (a law is the căn cứ of thousands)."""
        if rid not in self._amended_by:
            self._amended_by[rid] = [(l, self.link_date(l)) for l in self.registry.links_to(rid) if l.kind == "amends"]
        return self._amended_by[rid]

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
    """Why a document has ceased, as a clause, with the evidence (memoized: many documents
    cite the same ceased one)."""
    if rid not in ctx._ceased_reasons:
        ctx._ceased_reasons[rid] = _ceased_reason_of(ctx, rid)
    text, evidence = ctx._ceased_reasons[rid]
    return text, list(evidence)


def _ceased_reason_of(ctx: Context, rid: str) -> tuple[str, list[Evidence]]:
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




def _in_force(ctx: Context, record: Record) -> bool:
    """A full, regulating document still in force: what rules 4-7 and 9 look at."""
    return (record.kind == "full" and record.type not in NOT_REVIEWED and bool(record.number)
            and not ctx.ceased(record.id))


def rule_basis_ceased(ctx: Context, record: Record) -> list[Finding]:
    """4. Its căn cứ was repealed, replaced or has expired: a candidate to repeal or amend."""
    if not _in_force(ctx, record):
        return []
    found = []
    for link in _own_links(ctx, record, "based_on"):
        if not ctx.ceased(link.target_id):
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
        if ctx.ceased(link.target_id):
            continue  # rule 4
        later = [a for a, when in ctx.amended_by(link.target_id)
                 if (when or date.min) > record.date and (when or date.max) <= ctx.as_of]
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
    for cite, target in ctx.registry.plain_cites(record.id):
        if target is None or target in acted_on or target in seen or target == record.id:
            continue
        if ctx.ceased(target):
            seen.add(target)
            text, evidence = _ceased_reason(ctx, target)
            found.append(_finding(
                ctx, record, "cites-ceased", 6, "sửa đổi, bổ sung",
                f"Văn bản dẫn chiếu {ctx.cite(target, cite.number)} (dòng {cite.line}), văn bản này {text}.",
                [Evidence(record.number, "cites", f"dòng {cite.line}: {cite.number}", record.date)] + evidence,
                "medium"))
    return found


def _amendments(ctx: Context, rid: str) -> set:
    """Distinct documents amending ``rid`` or one of its amendments (amendments of
    amendments), in force by the review's date: one walk, each document visited once."""
    sources, todo = set(), [rid]
    while todo:
        for link in ctx.registry.links_to(todo.pop()):
            if link.kind == "amends" and link.source_id and link.source_id != rid and link.source_id not in sources:
                when = ctx.link_date(link)
                if when is None or when <= ctx.as_of:
                    sources.add(link.source_id)
                    todo.append(link.source_id)
    return sources


def rule_amended_often(ctx: Context, record: Record) -> list[Finding]:
    """7. Amended three or more times: candidate for consolidation or replacement."""
    if not _in_force(ctx, record):
        return []
    amenders = _amendments(ctx, record.id)
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
    if ctx.ceased(record.id):
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


def _similar(ctx: Context) -> SimilarSubjects:
    """Rule 9's pairs: the snapshot's (``snapshot.RegistryView``, found for every date),
    else found now among the documents rule 9 may name (in force, issued by then)."""
    if ctx._similar is None:
        ctx._similar = getattr(ctx.registry, "similar_subjects", None)
    if ctx._similar is None:
        ctx._similar = SimilarSubjects(ctx.registry, SIMILAR_SUBJECTS,
                                       lambda r: r.date <= ctx.as_of and _in_force(ctx, r))
    return ctx._similar


def rule_similar_older(ctx: Context, record: Record) -> list[Finding]:
    """9. Hint: an older document of the same issuer on nearly the same subject, which no
    newer one replaces. One finding per older document, naming the closest newer ones."""
    pairs = _similar(ctx).newer.get(record.id)
    if not pairs or not _in_force(ctx, record):
        return []
    replaced_by = {l.source_id for l in ctx.registry.links_to(record.id) if l.kind in ("replaces", "repeals")}
    records = ctx.registry.records
    ceased = ctx.ceased_ids  # the pairs hold full, numbered, regulating documents only: in force unless ceased
    newer = [(ratio, records[other]) for ratio, other in pairs  # closest first, then the newest
             if other not in replaced_by and other not in ceased and not (records[other].date > ctx.as_of)]
    if not newer:
        return []
    ratio, best = newer[0]
    more = f" và {len(newer) - 1} văn bản khác" if len(newer) > 1 else ""
    return [_finding(
        ctx, record, "similar-older", 9, "thay thế",
        f"Cùng cơ quan ban hành và gần cùng nội dung với {ctx.cite(best.id)} ban hành sau "
        f"(ngày {format_date(best.date)}, tương đồng {ratio:.0%}){more} nhưng chưa bị thay thế; cần xem xét.",
        [Evidence(other.number, "similar", other.title, other.date) for _, other in newer[:SIMILAR_SHOWN]],
        "low")]


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


# --- which documents a rule can find anything for ------------------------------------------
# A necessary condition each, from one pass over the link graph, so the review runs a rule
# only where it may apply (tests/test_review.py checks the findings are those of running
# every rule on every document).


def _targets(ctx: Context, *kinds: str) -> set:
    return {l.target_id for kind in kinds for l in ctx.links_of_kind(kind)}


def _own_sources(ctx: Context, kind: str, targets: Iterable[str]) -> set:
    """Documents stating a link of ``kind`` of their own to one of ``targets``."""
    return {l.source_id for target in targets for l in ctx.registry.links_to(target)
            if l.kind == kind and l.source_id and l.stated_in == l.source_id}


def _citing_ceased(ctx: Context) -> set:
    ceased = ctx.ceased_ids
    return {rid for rid, record in ctx.registry.records.items() if record.kind == "full" and ceased
            and any(target in ceased for _, target in ctx.registry.plain_cites(rid))}


CANDIDATES: dict[str, Callable[[Context], set]] = {
    "term-ended": lambda ctx: {rid for rid, r in ctx.registry.records.items() if term_end(r)},
    "status-changed": lambda ctx: _targets(ctx, "repeals", "replaces", "repealed", "suspends", "amends"),
    "detailed-ceased": lambda ctx: {l.source_id for l in ctx.links_of_kind("implements")
                                    if l.source_id and l.scope != "mentioned" and ctx.ceased(l.target_id)},
    "basis-ceased": lambda ctx: _own_sources(ctx, "based_on", ctx.ceased_ids),
    "basis-amended": lambda ctx: _own_sources(ctx, "based_on", _targets(ctx, "amends")),
    "cites-ceased": _citing_ceased,
    "amended-often": lambda ctx: _targets(ctx, "amends"),
    "repeal-pending": lambda ctx: _targets(ctx, "repeal_proposed"),
    "similar-older": lambda ctx: set(_similar(ctx).newer),
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


def review_registry(registry: Union[Registry, "RegistryView"], as_of: date, issuer: Optional[str] = None,
                    since: Optional[date] = None, rules: Iterable[str] = ()) -> Review:
    """Run the rules over every document (or one issuer's) as of a date."""
    with collector_paused():  # millions of small objects, no cycles
        return _review(registry, as_of, issuer, since, rules)


def _review(registry, as_of: date, issuer: Optional[str], since: Optional[date], rules: Iterable[str]) -> Review:
    ctx = Context(registry, as_of)
    wanted = rule_names(rules) if rules else list(RULES)
    issuer_key = fold(issuer).lower() if issuer else None
    findings = []
    may_find = [(CANDIDATES[name](ctx), RULES[name][1]) for name in wanted]
    anything = set().union(*(ids for ids, _ in may_find))
    for rid, record in registry.records.items():
        if rid not in anything or (record.date and record.date > as_of):
            continue
        if issuer_key and issuer_key not in fold(record.issuer or "").lower():
            continue
        for ids, rule in may_find:
            if rid in ids:
                findings.extend(rule(ctx, record))
    if since:
        findings = [f for f in findings if not any(e.date for e in f.evidence)
                    or any(e.date and e.date >= since for e in f.evidence)]
    order = {a: i for i, a in enumerate(ACTIONS)}
    findings.sort(key=lambda f: (order.get(f.action, 99), f.date or date.min, f.number or "", f.rule_no))
    return Review(as_of, tuple(findings))


def review_home(home, as_of: date, issuer: Optional[str] = None, since: Optional[date] = None,
                rules: Iterable[str] = ()) -> Review:
    """``review_registry`` over a home's registry, read through its snapshot in index/
    (``snapshot.load_for_review``)."""
    from .snapshot import load_for_review

    return review_registry(load_for_review(home), as_of, issuer, since, rules)
