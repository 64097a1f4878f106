"""Vietnamese text analysis for the search index, in pure Python (``index`` owns Whoosh).

Vietnamese is written in syllables: a token is a ``\\w+`` run of NFC text, lower-cased; every
syllable is kept (no stemming, no stop words). Accent folding drops the tone and vowel marks
and turns đ into d ("Hộ chiếu Đà Nẵng" → "ho chieu da nang"). Queries are planned from
quoted phrases, numbers and words; snippets mark hits as ``[hit]``.
"""
from __future__ import annotations

import math
import re
import struct
import unicodedata
import zlib
from array import array
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Optional

from . import patterns
from .numbers import match_key, try_parse_number
from .vocab import ISSUERS

MARK_OPEN, MARK_CLOSE = "[", "]"  # around each hit in a snippet
TITLE_BOOST = 2  # a title syllable counts as 1 + TITLE_BOOST occurrences
WORD = re.compile(r"\w+")
SEP = "\x00"  # between title and body: no pair or phrase spans it
_ONE = struct.Struct("=I").pack  # the common one-position value, as array("I").tobytes() would


def _fold_table() -> dict:
    table = {ord(c): "d" for c in "đĐÐð"}
    for cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        base = "".join(c for c in unicodedata.normalize("NFD", chr(cp)) if not unicodedata.combining(c))
        if len(base) == 1 and base.isascii() and base.isalpha():
            table.setdefault(cp, base.lower())
    return table


FOLD = _fold_table()
VARIANTS: dict = {}  # "o" → ["ò", "ó", "ô", "ộ", ...]: the accented forms of a letter
for _code, _base in FOLD.items():
    if chr(_code).islower():
        VARIANTS.setdefault(_base, []).append(chr(_code))


class _Memo(dict):
    """token → ``convert(token)``, remembered (the syllable vocabulary is small)."""

    def __init__(self, convert):
        super().__init__()
        self.convert = convert

    def __missing__(self, token):
        if len(self) > 300_000:
            self.clear()
        value = self[token] = self.convert(token)
        return value


FOLDED = _Memo(lambda token: token.translate(FOLD))  # "chiếu" → "chieu"
HASHED = _Memo(lambda token: "#" if token.isdecimal() else token)  # numbers in pairs ("²" is no number)
NUMBER_VALUE = _Memo(lambda token: int(token) if len(token) < 10 else zlib.crc32(token.encode()))


def fold(text: str) -> str:
    """Lower-case, accent-free ``text`` (NFC first): "Hộ chiếu Đà Nẵng" → "ho chieu da nang"."""
    return unicodedata.normalize("NFC", text).lower().translate(FOLD)


# --- documents --------------------------------------------------------------------------

def number_keys(record: dict) -> list:
    """The ``numkey`` terms: every spelling's ``match_key``, its canonical key, its ký hiệu
    ("QD-UBND") and its number/year ("15/2013")."""
    keys = []
    for spelling in [record.get("number")] + list(record.get("numbers") or ()):
        if not spelling:
            continue
        keys.append(match_key(spelling))
        parsed = try_parse_number(spelling)
        if parsed is not None:
            keys += [match_key(parsed.key), match_key(parsed.symbol)]
            if parsed.year:
                keys.append(match_key(f"{parsed.seq}/{parsed.year}"))
    return list(dict.fromkeys(keys))


def cited_keys(text: str) -> list:
    """The ``match_key`` of every number written in NFC ``text``, for the ``cites`` field."""
    return list(dict.fromkeys(map(match_key, (m.group() for m in patterns.NUMBER.finditer(text)))))


def analyze(title: str, body: str) -> tuple:
    """({field: [(term bytes, weight, value bytes)]}, length) for NFC ``title`` and ``body``.

    One tokenization serves the three fields: ``exact`` (accented syllables), ``words``
    (folded) and ``pairs`` (folded bigrams with positions; a number is "#", so "ngày 5" and
    "ngày 12" share one term, and its value follows each position: "Điều 5" stays exact).
    """
    exact = WORD.findall(title.lower())
    ntitle = len(exact)
    exact.append(SEP)
    exact += WORD.findall(body.lower())
    folded = list(map(FOLDED.__getitem__, exact))
    hashed = list(map(HASHED.__getitem__, folded))
    pairs = [a + " " + b for a, b in zip(hashed, hashed[1:])]
    for k in (ntitle - 1, ntitle):  # no pair spans the title's end
        if 0 <= k < len(pairs):
            pairs[k] = None
    spots: dict = {}
    for i, pair in enumerate(pairs):
        spot = spots.get(pair)
        if spot is None:
            spots[pair] = [i]
        else:
            spot.append(i)
    spots.pop(None, None)
    for pair, where in spots.items():  # after each position, the numbers that "#" stands for
        if "#" in pair:
            left, right, values = pair.startswith("# "), pair.endswith(" #"), []
            for i in where:
                values.append(i)
                if left:
                    values.append(NUMBER_VALUE[folded[i]])
                if right:
                    values.append(NUMBER_VALUE[folded[i + 1]])
            spots[pair] = values
    out = {}
    fields = (("words", folded, ntitle), ("exact", exact, ntitle), ("pairs", pairs, ntitle - 1))
    for name, tokens, head in fields:
        boost = Counter(tokens[:max(head, 0)])
        if name == "pairs":
            out[name] = [(t.encode(), float(len(p) // (1 + t.count("#")) + TITLE_BOOST * boost[t]),
                          _ONE(p[0]) if len(p) == 1 else array("I", p).tobytes())
                         for t, p in spots.items()]
        else:
            counts = Counter(tokens)
            counts.pop(SEP, None)
            out[name] = [(t.encode(), float(n + TITLE_BOOST * boost[t]), b"") for t, n in counts.items()]
    return out, len(folded) - 1


# --- queries ----------------------------------------------------------------------------

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
_PIECE = re.compile(r'"([^"]*)"?|(\S+)')
_ABBREVIATIONS = sorted({(fold(i.name), fold(i.short)) for i in ISSUERS if i.short and i.short != i.name},
                        key=lambda pair: -len(pair[0]))


@dataclass(frozen=True)
class Clause:
    """One required part of a query: a word, a phrase or a number."""

    tokens: tuple  # folded syllables
    exact: tuple  # the same syllables with their accents, lower case
    keys: tuple = ()  # match_key forms when the clause is a number


def _clause(raw: str, number: bool = False) -> Optional[Clause]:
    exact = tuple(WORD.findall(raw.lower()))
    if not exact:
        return None
    keys = ()
    if number:
        parsed = try_parse_number(raw)
        keys = tuple(dict.fromkeys([match_key(raw)] + ([match_key(parsed.key)] if parsed else [])))
    return Clause(tuple(FOLDED[t] for t in exact), exact, keys)


def plan(query: str) -> tuple:
    """(clauses, is_number_query) for an NFC query: a whole query that is a number or a
    fragment of one ("15/2013", "qd-ubnd") is one number clause; otherwise "quoted phrases",
    numbers and words, all required (a word of several syllables, "QĐ-UBND", is a phrase)."""
    query = query.translate(_QUOTES).strip()
    if not query:
        return [], False
    if try_parse_number(query) or patterns.NUMBER_FRAGMENT.match(query):
        return [_clause(query, number=True)], True
    clauses = []
    for phrase, word in _PIECE.findall(query):
        clause = _clause(word, number=try_parse_number(word) is not None) if word else _clause(phrase)
        if clause:
            clauses.append(clause)
    return clauses, False


def folded_words(text: str) -> str:
    """" ubnd tinh binh dinh ": folded words between spaces, long issuer names shortened, so
    that a filter can test equality or words-inside with ``in``."""
    text = f" {' '.join(WORD.findall(fold(text)))} "
    for name, short in _ABBREVIATIONS:
        text = text.replace(f" {name} ", f" {short} ")
    return text


# --- hits and snippets ------------------------------------------------------------------

def find_hits(text: str, clauses: list, exact: bool, *, width: int = 200, first: bool = False) -> list:
    """(start, end) of the clauses in NFC ``text``, found on its syllables (folded unless
    ``exact``): no regex to compile per query. Stops soon after the first hits (or at the
    first when ``first``), so a long document costs little more than a short one."""
    by_last: dict = {}
    for clause in clauses:
        tokens = clause.exact if exact else clause.tokens
        by_last.setdefault(tokens[-1], []).append(tokens)
    longest = max((len(t) for seqs in by_last.values() for t in seqs), default=0)
    recent: list = []
    spans: list = []
    for match in WORD.finditer(text):
        token = match.group().lower()
        recent.append((token if exact else FOLDED[token], match.start(), match.end()))
        if len(recent) > longest:
            del recent[0]
        for tokens in by_last.get(recent[-1][0], ()):
            n = len(tokens)
            if n <= len(recent) and all(recent[-n + k][0] == tokens[k] for k in range(n - 1)):
                spans.append((recent[-n][1], recent[-1][2]))
                if first:
                    return spans
        if spans and (match.start() > spans[0][0] + 3 * width or len(spans) > 40):
            break
    return spans


def snippet(title: str, body: str, clauses: list, exact: bool, width: int = 200) -> str:
    """The stretch of the body (else the title) with the most hits, hits as [word]."""
    text, spans = title or body, []
    for candidate in (body, title):
        spans = find_hits(candidate, clauses, exact, width=width) if candidate and clauses else []
        if spans:
            text = candidate
            break
    merged = []
    for s, e in sorted(spans):  # "[hộ] [chiếu]" → "[hộ chiếu]"
        if merged and s < merged[-1][1]:
            continue
        if merged and not text[merged[-1][1]:s].strip():
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    best, start, j = 0, 0, 0
    for i, (s, _) in enumerate(merged):  # the window holding the most hits
        while merged[j][0] < s - width + 40:
            j += 1
        if i - j + 1 > best:
            best, start = i - j + 1, merged[j][0]
    lo = max(0, start - 40)
    lo = lo if lo == 0 else text.find(" ", lo, start) + 1 or lo
    hi = min(len(text), lo + width)
    cut = text.rfind(" ", lo, hi)
    hi = hi if hi == len(text) or cut <= lo else cut
    out, at = [], lo
    for s, e in merged:
        if s >= at and e <= hi:
            out += [text[at:s], MARK_OPEN, text[s:e], MARK_CLOSE]
            at = e
    out.append(text[at:hi])
    extract = re.sub(r"\s+", " ", "".join(out)).strip()
    return ("…" if lo > 0 else "") + extract + ("…" if hi < len(text) else "") if extract else ""


# --- evaluation: sets of docnums ----------------------------------------------------------

def intersect(parts: list) -> dict:
    """Documents in every part, weighted as in the rarest part."""
    if not parts:
        return {}
    parts = sorted(parts, key=len)
    keys = set(parts[0])
    for part in parts[1:]:
        keys &= part.keys()
    return {d: parts[0][d] for d in keys}


def chained(pairs: list, numbers: list, where: dict, docs: dict) -> dict:
    """The documents where pair j sits at p + j for some p, with the numbers its "#" stood
    for (``numbers[j]``, a tuple). A pair's value is its positions, each followed by those
    numbers. Positions are sorted: from each occurrence of the rarest pair, one binary
    search per other pair (usually the first occurrence settles it)."""
    tables = sorted(((j, 1 + pairs[j].count("#"), dict(zip(where[pair][0], where[pair][2])))
                     for j, pair in enumerate(pairs)), key=lambda table: len(table[2]))
    (first, step, base), rest = tables[0], tables[1:]
    found = {}
    for d, weight in docs.items():
        others = [(j - first, k, numbers[j], memoryview(table[d]).cast("I")) for j, k, table in rest]
        occurrences = memoryview(base[d]).cast("I")
        for i in range(0, len(occurrences), step):
            if tuple(occurrences[i + 1:i + step]) != numbers[first]:
                continue
            p = occurrences[i]
            for delta, k, wanted, values in others:
                at = bisect_left(values[::k], p + delta) * k
                if at >= len(values) or values[at] != p + delta or tuple(values[at + 1:at + k]) != wanted:
                    break
            else:
                found[d] = weight
                break
    return found


def bm25(docs, parts: list, lengths, average: float, size: int, k1: float = 1.2, b: float = 0.75) -> dict:
    """BM25 of ``docs`` from each clause's {docnum: weight} and the documents' lengths
    (whole lists at a time: large result sets are the common case)."""
    docs = list(docs)
    c1, c2 = k1 * (1 - b), k1 * b / average
    norms = [c1 + c2 * n for n in map(lengths.__getitem__, docs)]
    totals = [0.0] * len(docs)
    for part in parts:
        scale = math.log(1 + (max(size, 1) - len(part) + 0.5) / (len(part) + 0.5)) * (k1 + 1)
        weights = [part.get(d, 0.0) for d in docs]
        totals = [t + scale * w / (w + n) for t, w, n in zip(totals, weights, norms)]
    return dict(zip(docs, totals))


def edits(a: str, b: str) -> int:
    """Edit distance where swapping two neighbouring letters is one edit (optimal string
    alignment): "chiue" → "chieu" is 1."""
    previous, row = None, list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        before, row = row, [i] + [0] * len(b)
        for j, y in enumerate(b, 1):
            row[j] = min(before[j] + 1, row[j - 1] + 1, before[j - 1] + (x != y))
            if previous and i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                row[j] = min(row[j], previous[j - 2] + 1)
        previous = before
    return row[-1]


def day_number(value, default: int) -> int:
    """A date (or an ISO string) as the yyyymmdd integer of the date column."""
    if not value:
        return default
    value = date.fromisoformat(value) if isinstance(value, str) else value
    return value.year * 10000 + value.month * 100 + value.day
