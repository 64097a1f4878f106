"""The registry: one JSON record per document in ``corpus/records``, identity, and the link
graph between records.

Identity: a document is its canonical number AND issuer AND year. Numbers without a year
("587/QĐ-UBND") recur in every province and every year, so two citations of them only
meet when issuer and year agree (an unknown issuer or year matches a single candidate).
Records store what their own text says, with the numbers (and issuer/date hints) of what
they link to; links are resolved to record ids when the registry is loaded, so a cited
record that later becomes a full one needs no rewriting of the documents citing it.
"""
from __future__ import annotations

import collections
import contextlib
import functools
import gc
import json
import re
from dataclasses import fields, replace
from datetime import date
from typing import Iterable, Optional

from .dates import parse_date as _parse_date_uncached
from .errors import LegaldocsError
from .home import Home
from .models import Cite, CitedAt, Link, Record, SourceRef
from .issuers import issuer_from_code
from .numbers import fold, issuer_of, match_key, try_parse_number
from .vocab import NAMED_TYPES

_SLUG = re.compile(r"[^a-z0-9]+")


class NotFound(LegaldocsError):
    """No document answers a number."""


class Ambiguous(LegaldocsError):
    """Several documents answer a number; ``candidates`` lists them."""

    def __init__(self, message: str, candidates: list):
        super().__init__(message)
        self.candidates = candidates


def slug(text: str) -> str:
    return _SLUG.sub("-", fold(text).lower()).strip("-")


# Parsing a number is a dozen regex passes, and resolving links and citations asks for the
# same few numbers again and again: these pure functions are memoized (bounded).
_parse = functools.lru_cache(maxsize=1 << 18)(try_parse_number)
# Records hold a few thousand distinct dates, each parsed twice per field when loading.
parse_date = functools.lru_cache(maxsize=1 << 16)(_parse_date_uncached)
_match_key = functools.lru_cache(maxsize=1 << 18)(match_key)


@functools.lru_cache(maxsize=1 << 18)
def identity_issuer(number: Optional[str], issuer: Optional[str]) -> Optional[str]:
    """The issuer that identifies a document. A central ký hiệu names its body ("QĐ-TTg",
    "TT-BCT", "QH13"), so the code's canonical name is used whatever the text wrote ("Bộ
    trưởng Bộ Công Thương"); local codes ("QĐ-UBND") need the written, resolved issuer."""
    parsed = _parse(number) if number else None
    hint = issuer_of(parsed) if parsed is not None and parsed.style != "party" else None
    if hint is not None and not hint.local:
        return issuer_from_code(parsed.issuer_code or "", None) or issuer
    return issuer


def law_key(name: str) -> str:
    """A law's name as it is looked up: type and name folded, the type written once
    ("Luật Luật Đất đai" from a title that repeats it), spaces and commas squashed."""
    words = slug(name).split("-")
    for kind in NAMED_TYPES:
        head = slug(kind).split("-")
        while words[len(head):len(head) * 2] == head and words[:len(head)] == head:
            words = words[len(head):]
    return "-".join(words)


def number_year(number: Optional[str], when: Optional[date]) -> Optional[int]:
    """The year that identifies a document: the one inside a normative number, else the
    year of its date."""
    parsed = _parse(number) if number else None
    if parsed is not None and parsed.year:
        return parsed.year
    return when.year if when else None


def record_id(number: Optional[str], issuer: Optional[str], when: Optional[date],
              stem: str = "") -> str:
    """A stable, readable id: "15-2013-qd-ubnd--ubnd-tinh-binh-dinh",
    "587-qd-ubnd--2021--ubnd-tinh-binh-dinh", "x--bao-cao-cchc-2021" (no number)."""
    if not number:
        return "x--" + (slug(stem) or "document")
    parts = [slug(number)]
    parsed = _parse(number)
    if parsed is None or parsed.year is None:
        year = number_year(number, when)
        parts.append(str(year) if year else "nd")
    issuer = identity_issuer(number, issuer)
    parts.append(slug(issuer) if issuer else "nd")
    return "--".join(parts)


# --- JSON form -------------------------------------------------------------------------

_DATE_FIELDS = {"date", "effective", "expires", "target_date", "source_date"}


def _encode(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_encode(v) for v in value]
    if hasattr(value, "to_dict"):
        return {k: _encode(v) for k, v in value.to_dict().items()}
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    return value


def record_to_json(record: Record) -> dict:
    data = {f.name: _encode(getattr(record, f.name)) for f in fields(record)}
    data["links"] = [{k: v for k, v in _encode(link).items()
                      if k not in ("source_id", "target_id") and v not in (None, "")}
                     for link in record.links]
    data["cited_in"] = [{k: v for k, v in _encode(c).items() if v not in (None, [], "")}
                        for c in record.cited_in]
    data["cites"] = [{k: v for k, v in _encode(c).items() if v not in (None, [], "", False)}
                     for c in record.cites]
    return data


def _decode_dates(data: dict) -> dict:
    return {k: (parse_date(v) if k in _DATE_FIELDS and isinstance(v, str) else v) for k, v in data.items()}


_LIST_FIELDS = ("links", "cited_in", "sources", "cites")


def _check_shape(data) -> None:
    """Refuse a record file of another shape (an older version, a hand edit): ValueError."""
    if not isinstance(data, dict) or not isinstance(data.get("id"), str) or data.get("kind") not in ("full", "cited"):
        raise ValueError("not a legaldocs record (id and kind)")
    required = _LIST_FIELDS if data["kind"] == "full" else ("cited_in",)
    missing = [k for k in required if k not in data]
    if missing:
        raise ValueError(f"missing {', '.join(missing)} (written by an older version?)")
    for key in _LIST_FIELDS:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise ValueError(f"{key} is not a list of objects")
    for item in [data] + [i for key in _LIST_FIELDS for i in data.get(key, [])]:
        for key in _DATE_FIELDS:
            value = item.get(key)
            if value is not None and (not isinstance(value, str) or parse_date(value) is None):
                raise ValueError(f"{key} {value!r} is not a YYYY-MM-DD date")


def record_from_json(data: dict) -> Record:
    """A Record from its JSON form; ValueError or TypeError when the shape is wrong."""
    _check_shape(data)
    data = _decode_dates(dict(data))
    data["links"] = tuple(Link(**{"source_id": None, "target_id": "", "source_number": None, "target_number": "",
                                  **_decode_dates(l)})
                          for l in data.get("links", ()))
    data["cited_in"] = tuple(CitedAt(**{**_decode_dates(c), "flags": tuple(c.get("flags", ()))})
                             for c in data.get("cited_in", ()))
    data["sources"] = tuple(SourceRef(**s) for s in data.get("sources", ()))
    data["cites"] = tuple(Cite(**{**_decode_dates(c), "flags": tuple(c.get("flags", ()))})
                          for c in data.get("cites", ()))
    known = {f.name for f in fields(Record)}
    return Record(**{k: v for k, v in data.items() if k in known})


@contextlib.contextmanager
def collector_paused():
    """Pause the cyclic garbage collector while millions of small objects are made that
    form no reference cycles (loading records, running the review): it would otherwise
    rescan every live record again and again, a third of the time at 100,000 documents.
    Reference counting still frees everything; the collector's state is restored."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# --- the registry ------------------------------------------------------------------------


class Registry:
    """All records of a home, with number lookup and the resolved link graph."""

    def __init__(self, home: Home, records: dict[str, Record], damaged: Optional[list] = None):
        self.home = home
        self.records = records
        self.damaged = damaged or []  # (path, reason) of record files that did not load
        self.damaged_facts: list = []  # (path, reason) of fact files that did not load
        self.by_key: dict[str, list[str]] = collections.defaultdict(list)
        for rid, record in records.items():
            if record.number:
                self.by_key[_match_key(record.number)].append(rid)
        self._graph: Optional[tuple] = None
        self._resolved: dict = {}  # (number, issuer, date) → id, for plain_cites
        self._by_name: Optional[dict] = None  # law_key → ids, for resolve_name

    @classmethod
    def load(cls, home: Home) -> "Registry":
        records, damaged = {}, []
        folder = home.records_dir
        if folder.is_dir():
            with collector_paused():
                for path in sorted(folder.glob("*.json")):
                    try:
                        record = record_from_json(json.loads(path.read_text(encoding="utf-8")))
                    except (OSError, ValueError, TypeError, KeyError) as exc:
                        damaged.append((str(path), f"{type(exc).__name__}: {exc}"))
                        continue
                    records[record.id] = record
        return cls(home, records, damaged)

    # identity -------------------------------------------------------------------------

    def resolve(self, number: str, issuer: Optional[str] = None, when: Optional[date] = None,
                prefer: Optional[str] = None) -> Optional[str]:
        """The record id a citation (number, issuer, date) designates, or None."""
        candidates = [self.records[rid] for rid in self.by_key.get(_match_key(number), ())]
        if not candidates:
            return None
        year = number_year(number, when)
        issuer = identity_issuer(number, issuer)
        fitting = [r for r in candidates
                   if (not issuer or not r.issuer or identity_issuer(r.number, r.issuer) == issuer)
                   and (year is None or number_year(r.number, r.date) in (None, year))]
        if not fitting:
            return None
        if len(fitting) > 1:
            exact = [r for r in fitting if issuer and identity_issuer(r.number, r.issuer) == issuer] or fitting
            dated = [r for r in exact if when and r.date == when] or exact
            full = [r for r in dated if r.kind == "full"] or dated
            if prefer and any(r.id == prefer for r in full):
                return prefer
            return full[0].id
        return fitting[0].id

    def resolve_name(self, name: str, when: Optional[date] = None) -> Optional[str]:
        """The record of a law cited by its name and date, without its number ("Luật Tổ chức
        chính quyền địa phương ngày 19 tháng 6 năm 2015"): the one whose type and title give
        the same name and whose date is that date (undated: whose number has that year, as
        77/2015/QH13 does). None when none or several fit: laws keep their names across
        versions, so the date decides."""
        if self._by_name is None:
            self._by_name = collections.defaultdict(list)
            for rid, record in self.records.items():
                if record.type in NAMED_TYPES and record.title:
                    self._by_name[law_key(f"{record.type} {record.title}")].append(rid)
        candidates = [self.records[rid] for rid in self._by_name.get(law_key(name), ())]

        def fits(record: Record) -> bool:  # same date; else, undated, the year inside its number
            if when is None or record.date is not None:
                return when is None or record.date == when
            return number_year(record.number, None) in (None, when.year)

        fitting = [r for r in candidates if fits(r)]
        exact = [r for r in fitting if when and r.date == when] or fitting
        full = [r for r in exact if r.kind == "full"] or exact
        return full[0].id if len(full) == 1 else None

    def lookup(self, query: str) -> list[Record]:
        """Records whose number matches ``query``: any spelling, or a fragment ("qd-ubnd",
        "15/2013"), or a record id."""
        if query in self.records:
            return [self.records[query]]
        key = match_key(query)
        exact = [self.records[rid] for rid in self.by_key.get(key, ())]
        if exact:
            return sorted(exact, key=_record_order)
        if not key:
            return []
        partial = [self.records[rid] for k, ids in self.by_key.items() if key in k for rid in ids]
        return sorted(partial, key=_record_order)

    def get_one(self, query: str) -> Record:
        """The one record a number designates; NotFound or Ambiguous otherwise."""
        found = self.lookup(query)
        if not found:
            near = self.near(query)
            hint = f"; did you mean {', '.join(near)}?" if near else ""
            raise NotFound(f"no document numbered {query!r} in {self.home.root}{hint}")
        if len(found) > 1:
            full_exact = [r for r in found if match_key(r.number or "") == match_key(query)]
            if len(full_exact) == 1:
                return full_exact[0]
            raise Ambiguous(f"{query!r} matches {len(found)} documents: "
                            + "; ".join(f"{r.number} ({r.issuer or '?'}, {r.date or '?'}) id={r.id}"
                                        for r in found[:10]), found)
        return found[0]

    def near(self, query: str, limit: int = 3) -> list[str]:
        import difflib

        keys = {match_key(r.number): r.number for r in self.records.values() if r.number}
        return [keys[k] for k in difflib.get_close_matches(match_key(query), list(keys), limit, 0.6)]

    # graph ----------------------------------------------------------------------------

    def _build_graph(self):
        outgoing: dict[str, list[Link]] = collections.defaultdict(list)
        incoming: dict[str, list[Link]] = collections.defaultdict(list)
        memo: dict = {}  # the same targets recur in thousands of links: resolve each once
        for record in self.records.values():
            for link in record.links:
                resolved = self.resolve_link(link, record, memo)
                if resolved is None:
                    continue
                if resolved.source_id:
                    outgoing[resolved.source_id].append(resolved)
                incoming[resolved.target_id].append(resolved)
        for fact in load_facts(self.home, self.damaged_facts):
            resolved = self.resolve_link(fact, None)
            if resolved is not None:
                if resolved.source_id:
                    outgoing[resolved.source_id].append(resolved)
                incoming[resolved.target_id].append(resolved)
        self._graph = (outgoing, incoming)

    def resolve_link(self, link: Link, stated_by: Optional[Record], memo: Optional[dict] = None) -> Optional[Link]:
        if not link.target_number:
            target = self.resolve_name(link.target_name, link.target_date) if link.target_name else None
        elif memo is None:
            target = self.resolve(link.target_number, link.target_issuer, link.target_date)
        else:
            key = (link.target_number, link.target_issuer, link.target_date)
            if key not in memo:
                memo[key] = self.resolve(*key)
            target = memo[key]
        if target is None:
            return None
        if link.source_number:
            source = self.resolve(link.source_number, link.source_issuer, link.source_date,
                                  prefer=stated_by.id if stated_by else None)
        elif stated_by is not None and link.kind in SOURCE_IS_STATING_DOCUMENT:
            source = stated_by.id
        else:
            source = None
        return replace(link, source_id=source, target_id=target)

    def links_from(self, rid: str) -> list[Link]:
        if self._graph is None:
            self._build_graph()
        return self._graph[0].get(rid, [])

    def links_to(self, rid: str) -> list[Link]:
        if self._graph is None:
            self._build_graph()
        return self._graph[1].get(rid, [])

    def all_links(self) -> Iterable[Link]:
        if self._graph is None:
            self._build_graph()
        for links in self._graph[1].values():
            yield from links

    def plain_cites(self, rid: str) -> tuple:
        """The citations of a document outside its căn cứ, in text order, each with the
        record id it designates (or None): ``((Cite, id), ...)``."""
        record = self.records.get(rid)
        if record is None:
            return ()
        found = []
        for cite in record.cites:
            if not cite.in_basis:
                key = (cite.number, cite.issuer, cite.date)
                if key not in self._resolved:
                    self._resolved[key] = self.resolve(*key)
                found.append((cite, self._resolved[key]))
        return tuple(found)


# A link with no source number is the stating document's own for these kinds: a report
# that "Thực hiện X" implements X; a letter that "đề nghị bãi bỏ X" proposes it.
SOURCE_IS_STATING_DOCUMENT = {"implements", "based_on", "repeal_proposed"}


def _record_order(record: Record):
    return (record.kind != "full", record.date or date.min, record.id)


def load_facts(home: Home, damaged: Optional[list] = None) -> list[Link]:
    """Facts recorded by command (``legaldocs record``), as links of scope "recorded". A
    damaged fact file is skipped and, when ``damaged`` is given, noted there."""
    facts = []
    if home.facts_dir.is_dir():
        for path in sorted(home.facts_dir.glob("*.json")):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                facts.append(Link(
                    kind=data["kind"], source_id=None, source_number=data.get("source"),
                    target_id="", target_number=data["target"], stated_in=f"fact:{path.stem}",
                    scope="recorded", evidence=data.get("why", ""), part=data.get("part"),
                    date=parse_date(data.get("date") or ""),
                    target_issuer=data.get("target_issuer"), source_issuer=data.get("source_issuer")))
            except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
                if damaged is not None:
                    damaged.append((str(path), f"damaged fact: {type(exc).__name__}: {exc}"))
    return facts
