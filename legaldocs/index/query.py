"""Searching.

Queries are planned here, not by Whoosh's parser: a number goes to ``numkey`` first; a
phrase is the conjunction of its pairs, chained by position; clauses, filters and facets are
set operations on docnums read a posting block at a time; BM25 scores only the survivors.
"""
from __future__ import annotations

import heapq
import unicodedata
import zlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter
from pathlib import Path
from typing import Optional

from .. import analysis
from ..analysis import HASHED, Clause
from ..errors import LegaldocsError
from ..models import _ToDict
from .reading import _Open, _open, _prefixed
from .suggest import _suggest


@dataclass(frozen=True)
class Hit(_ToDict):
    id: str
    number: Optional[str]
    type: Optional[str]
    issuer: Optional[str]
    date: Optional[date]
    title: Optional[str]
    status: Optional[str]
    score: float
    snippet: str  # a short extract, hits marked as [hit] (MARK_OPEN, MARK_CLOSE)


@dataclass(frozen=True)
class SearchResult(_ToDict):
    total: int  # every match, not just the page
    hits: tuple = ()
    facets: dict = field(default_factory=dict)  # {"type"|"issuer"|"year": {value: count}} over all matches
    suggestion: Optional[str] = None  # "did you mean", when nothing matched


def _number_docs(op: _Open, clause: Clause, name: str = "numkey") -> dict:
    """Documents with that number (``numkey``) or citing it (``cites``); a key that is not
    indexed is tried as a prefix: "15/2013/QĐ" → "15/2013/QD-UBND"."""
    docs: dict = {}
    for key in clause.keys:
        docs.update(op.weights(name, key))
    for key in clause.keys if not docs else ():
        for term in _prefixed(op, name, key if name == "numkey" else key + "/", 200):
            docs.update(op.weights(name, term))
    return docs



def _clause_docs(op: _Open, clause: Clause, exact: bool) -> dict:
    """{docnum: weight} of a word (one posting list) or a phrase (pairs, then positions)."""
    tokens = clause.tokens
    if len(tokens) == 1:
        return op.weights("exact", clause.exact[0]) if exact else op.weights("words", tokens[0])
    hashed = [HASHED[t] for t in tokens]
    pairs = [f"{a} {b}" for a, b in zip(hashed, hashed[1:])]
    digits = [t for t in dict.fromkeys(tokens) if t.isdecimal()]
    where = {pair: op.postings("pairs", pair, values=len(pairs) > 1 or bool(digits))
             for pair in dict.fromkeys(pairs)}
    parts = [dict(zip(ids, weights)) for ids, weights, _ in where.values()]
    parts += [op.weights("exact", t) for t in dict.fromkeys(clause.exact)] if exact else []
    docs = analysis.intersect(parts)
    if docs and (len(pairs) > 1 or digits):
        numbers = [tuple(analysis.NUMBER_VALUE[t] for t in pair if t.isdecimal())
                   for pair in zip(tokens, tokens[1:])]
        docs = analysis.chained(pairs, numbers, where, docs)
    if docs and exact:  # the pairs ignored accents: read the texts
        docs = {d: weight for d, weight in docs.items() if any(
            analysis.find_hits(text, [clause], exact, first=True) for text in _text(op.stored(d)["doc"]))}
    return docs


def _text(doc: dict) -> tuple:
    return doc.get("title") or "", zlib.decompress(doc["body"]).decode("utf-8") if doc.get("body") else ""


def _filtered(op: _Open, docs: set, *, type, issuer, year, status, days) -> set:
    tests = {
        "type": type and (lambda v, q=analysis.folded_words(type): analysis.folded_words(v) == q),
        "status": status and (lambda v, q=analysis.folded_words(status): analysis.folded_words(v) == q),
        "issuer": issuer and (lambda v, q=analysis.folded_words(issuer): q in analysis.folded_words(v)),
        "year": year and (lambda v, q=str(year): v == q),
    }
    for name, test in tests.items():
        if test:
            values, codes = op.codes(name)
            allowed = {k for k, v in enumerate(values) if test(v)}
            docs = {d for d in docs if codes[d] in allowed}
    if days != (0, 99_999_999):
        (low, high), dates = days, op.column("date")
        docs = {d for d in docs if low <= dates[d] <= high}
    return docs


def _scores(op: _Open, docs, parts: list) -> dict:
    lengths = op.column("length")
    if "average" not in op._cache:
        op._cache["average"] = (sum(lengths) / len(lengths) if lengths else 1.0) or 1.0
    return analysis.bm25(docs, parts, lengths, op._cache["average"], op.count)


def _facets(op: _Open, docs: set) -> dict:
    facets = {}
    for name in ("type", "issuer", "year"):
        values, codes = op.codes(name)
        tally = Counter(map(codes.__getitem__, docs))
        tally.pop(-1, None)
        ranked = sorted(tally.items(), key=lambda kn: (-kn[1], values[kn[0]]))
        facets[name] = {values[k]: n for k, n in ranked}
    return facets


def _hit(op: _Open, d: int, score: float, clauses: list, exact: bool) -> Hit:
    stored = op.stored(d)
    doc = stored["doc"]
    title, body = _text(doc)
    return Hit(stored["id"], doc["number"], doc["type"], doc["issuer"],
               date.fromisoformat(doc["date"]) if doc["date"] else None, doc["title"], doc["status"],
               round(score, 4), analysis.snippet(title, body, clauses, exact))


def search(index_dir: Path, query: str, *, type=None, issuer=None, year=None, date_from=None,
           date_to=None, status=None, exact_accents: bool = False, sort: str = "relevance",
           limit: int = 20) -> SearchResult:
    """Search the index.

    Words are all required; "quoted phrases" match in sequence; a number (or a fragment,
    "15/2013", "qd-ubnd") finds the document with that number first, else the documents
    citing it. Case, accents and đ are ignored unless ``exact_accents``. Filters: ``type``
    and ``status`` (equality), ``issuer`` (words inside: "binh dinh"; "Ủy ban nhân dân" =
    "UBND"), ``year``, ``date_from``/``date_to`` (dates or ISO strings); all ignore accents.
    ``sort`` is "relevance" (BM25, title words count triple) or "date" (newest first, no
    scoring). An empty query lists the filtered documents, newest first.

        search(home / "index", '"hộ chiếu ngoại giao"', issuer="binh dinh", year=2013)
    """
    if sort not in ("relevance", "date"):
        raise LegaldocsError(f"unknown sort {sort!r}: use 'relevance' or 'date'")
    try:
        year = int(year) if year else None
        days = (analysis.day_number(date_from, 0), analysis.day_number(date_to, 99_999_999))
    except (AttributeError, TypeError, ValueError) as error:
        raise LegaldocsError(f"bad year or date (dates are YYYY-MM-DD): {error}") from None
    op = _open(Path(index_dir))
    query = unicodedata.normalize("NFC", query or "")
    clauses, is_number = analysis.plan(query)
    parts = []
    if is_number:
        clause = clauses[0]  # the document with that number, else those citing it, else the words
        words = not any(map(str.isdecimal, clause.tokens))  # "qd-ubnd"; not "15/2013", too common
        parts = [_number_docs(op, clause) or _number_docs(op, clause, "cites")
                 or (_clause_docs(op, clause, exact_accents) if words else {})]
    for clause in clauses if not is_number else ():
        if clause.keys:  # a number inside a longer query: the document or those citing it
            docs = _number_docs(op, clause)
            docs.update(_number_docs(op, clause, "cites"))
        else:
            docs = _clause_docs(op, clause, exact_accents)
        parts.append(docs)
        if not docs:
            break
    docs = set(analysis.intersect(parts)) if parts else set(range(op.size)) - op.deleted
    docs = _filtered(op, docs, type=type, issuer=issuer, year=year, status=status, days=days)
    if sort == "date" or not parts:
        dates = op.column("date")
        page = heapq.nlargest(limit, docs, key=dates.__getitem__)
        scores = _scores(op, page, parts)
    else:
        scores = _scores(op, docs, parts)
        page = [d for d, _ in heapq.nlargest(limit, scores.items(), key=itemgetter(1))]
    return SearchResult(
        total=len(docs),
        hits=tuple(_hit(op, d, scores[d], clauses, exact_accents) for d in page),
        facets=_facets(op, docs),
        suggestion=None if docs or not clauses else _suggest(op, query, clauses, is_number),
    )
