"""Vietnamese text analysis for the search index, in pure Python (``index`` owns Whoosh).

Vietnamese is written in syllables: a token is a ``\\w+`` run of NFC text, lower-cased; every
syllable is kept (no stemming, no stop words). Accent folding drops the tone and vowel marks
and turns đ into d ("Hộ chiếu Đà Nẵng" → "ho chieu da nang"). Queries are planned from
quoted phrases, numbers and words; snippets mark hits as ``[hit]``.
"""
from __future__ import annotations

import math
import re
import unicodedata
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
HASHED = _Memo(lambda token: "#" if token.isdigit() else token)  # numbers in pairs


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


def analyze(title: str, body: str) -> tuple:
    """({field: [(term bytes, weight, value bytes)]}, length) for NFC ``title`` and ``body``.

    One tokenization serves the three fields: ``exact`` (accented syllables), ``words``
    (folded) and ``pairs`` (folded bigrams, numbers as "#", with positions).
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
    out = {}
    for name, tokens, head in (("words", folded, ntitle), ("exact", exact, ntitle), ("pairs", pairs, ntitle - 1)):
        boost = Counter(tokens[:max(head, 0)])
        if name == "pairs":
            out[name] = [(t.encode(), float(len(p) + TITLE_BOOST * boost[t]), array("I", p).tobytes())
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


# --- snippets ---------------------------------------------------------------------------

_MARKS = "[\u0300-\u036f]*"  # combining accents, once the text is NFD


def _letter(c: str, exact: bool) -> str:
    if exact or not c.isalpha():
        return f"[{c}{c.upper()}]" if c.isalpha() and c != c.upper() else re.escape(c)
    if c == "d":
        return "[dDđĐðÐ]"
    return f"[{c}{c.upper()}]" + (_MARKS if c in "aeiouy" else "")


def hit_pattern(clauses: list, exact: bool = False) -> Optional[re.Pattern]:
    """One regex finding every clause whatever its case: in NFD text with any accents ("ho"
    → [hH][oO] + combining marks), or, when ``exact``, in NFC text with the accents as typed.
    (Small classes: a class of every accented letter takes milliseconds to compile.)"""
    gap, edge = r"[^\w\u0300-\u036f]+", r"[\w\u0300-\u036f]"
    alternatives = [gap.join("".join(_letter(c, exact) for c in token) for token in
                             (clause.exact if exact else clause.tokens)) for clause in clauses]
    return re.compile(f"(?<!{edge})(?:{'|'.join(alternatives)})(?!{edge})") if alternatives else None


def prepared(text: str, exact: bool) -> str:
    """The form of ``text`` that ``hit_pattern`` searches."""
    return text if exact else unicodedata.normalize("NFD", text)


def snippet(title: str, body: str, pattern: Optional[re.Pattern], exact: bool, width: int = 200) -> str:
    """The stretch of the body (else the title) with the most hits, hits as [word]; the scan
    stops soon after the first hits, so a long document costs no more than a short one."""
    text, spans = "", []
    for text in (prepared(body, exact), prepared(title, exact)):
        for match in pattern.finditer(text) if pattern else ():
            if spans and (match.start() > spans[0][0] + 3 * width or len(spans) > 40):
                break
            spans.append(match.span())
        if spans:
            break
    else:
        text = prepared(title or body, exact)
    merged = []
    for s, e in spans:  # "[hộ] [chiếu]" → "[hộ chiếu]"
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
    extract = unicodedata.normalize("NFC", re.sub(r"\s+", " ", "".join(out)).strip())
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


def chained(pairs: list, where: dict, docs: dict) -> dict:
    """The documents where pair j sits at p + j for some p. Positions are sorted: from each
    occurrence of the rarest pair, one binary search per other pair (usually the first
    occurrence settles it)."""
    tables = sorted(((j, dict(zip(where[pair][0], where[pair][2]))) for j, pair in enumerate(pairs)),
                    key=lambda table: len(table[1]))
    (first, base), rest = tables[0], tables[1:]
    found = {}
    for d, weight in docs.items():
        others = [(j - first, memoryview(table[d]).cast("I")) for j, table in rest]
        for p in memoryview(base[d]).cast("I"):
            for delta, positions in others:
                i = bisect_left(positions, p + delta)
                if i == len(positions) or positions[i] != p + delta:
                    break
            else:
                found[d] = weight
                break
    return found


def bm25(docs, parts: list, lengths, average: float, size: int, k1: float = 1.2, b: float = 0.75) -> dict:
    """BM25 of ``docs`` from each clause's {docnum: weight} and the documents' lengths."""
    norms = {d: k1 * (1 - b + b * lengths[d] / average) for d in docs}
    scores = dict.fromkeys(norms, 0.0)
    for part in parts:
        idf = math.log(1 + (max(size, 1) - len(part) + 0.5) / (len(part) + 0.5))
        for d, norm in norms.items():
            weight = part.get(d, 0.0)
            scores[d] += idf * weight * (k1 + 1) / (weight + norm)
    return scores


def day_number(value, default: int) -> int:
    if not value:
        return default
    value = date.fromisoformat(value) if isinstance(value, str) else value
    return value.year * 10000 + value.month * 100 + value.day
