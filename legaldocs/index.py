"""The registry's search index: the only module that imports Whoosh.

One Whoosh document per registry record. Text is analysed once per document (NFC, lower
case, ``\\w+`` syllables; Vietnamese is syllabic, so no stemming and no stop words) into:

==========  =========================================================================
``words``   folded syllables (accents and đ dropped: "hộ" → "ho"), with positions
``pairs``   folded syllable bigrams ("ho chieu"; digits as "#"): the phrase prefilter
``exact``   syllables with their accents ("hộ"), for ``exact_accents=True``
``numkey``  ``match_key`` forms of every spelling of the number, plus "15/2013" and
            "QD-UBND" fragments, so any way of writing a number finds the document
==========  =========================================================================

plus ``type``/``issuer``/``year``/``status`` keywords (facets and filters), ``date`` and
``length`` columns, and the stored display fields with the zlib-compressed body.

Queries are planned here rather than by Whoosh's parser: a number goes to ``numkey``
first; a quoted phrase becomes a conjunction of ``pairs`` terms, verified with ``words``
positions only when it has three syllables or more (or digits); filters and facets are set
operations over per-process caches; scores are BM25 computed over the surviving documents.
Snippets mark hits as ``[hit]`` (``MARK_OPEN``/``MARK_CLOSE``).
"""
from __future__ import annotations

import heapq
import math
import multiprocessing
import os
import re
import shutil
import sys
import tempfile
import time
import traceback
import unicodedata
import zlib
from array import array
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate
from pathlib import Path
from typing import Iterable, Optional

from whoosh import columns, fields, formats, index as whoosh_index, writing
from whoosh.codec.whoosh3 import W3Codec, W3LeafMatcher

from . import patterns
from .errors import LegaldocsError
from .models import _ToDict
from .numbers import match_key, try_parse_number
from .vocab import ISSUERS

MARK_OPEN, MARK_CLOSE = "[", "]"
POINTER = "CURRENT"  # file in index_dir naming the live build directory
TITLE_BOOST = 2  # a title syllable counts as 1 + TITLE_BOOST occurrences
PROCS = 2  # worker processes for a full build
PARALLEL_MIN = 400  # fewer records than this are indexed in-process
SEGMENT_DOCS = 25_000  # a worker starts a new segment after this many documents
_BM25_K1, _BM25_B = 1.2, 0.75
_WORD = re.compile(r"\w+")
_SEP = "\x00"  # between title and body: no pair or phrase spans it


# --- text folding (pure Python) ---------------------------------------------------------

def _fold_table() -> dict:
    table = {ord(c): "d" for c in "đĐÐð"}
    for cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        base = "".join(c for c in unicodedata.normalize("NFD", chr(cp)) if not unicodedata.combining(c))
        if len(base) == 1 and base.isascii() and base.isalpha():
            table.setdefault(cp, base.lower())
    return table


_FOLD = _fold_table()


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


_FOLDED = _Memo(lambda token: token.translate(_FOLD))
_HASHED = _Memo(lambda token: "#" if token.isdigit() else token)  # digits in pairs
_CLASSES = {base: "[" + base + base.upper() + "".join(sorted(c for c, b in
            ((chr(k), v) for k, v in _FOLD.items()) if b == base)) + "]"
            for base in set(_FOLD.values())}


def fold(text: str) -> str:
    """Lower-case, accent-free form of ``text`` (NFC first): "Hộ chiếu Đà Nẵng" → "ho chieu da nang"."""
    return unicodedata.normalize("NFC", text).lower().translate(_FOLD)


def _words(text: str) -> list:
    return _WORD.findall(fold(text))


# --- results ----------------------------------------------------------------------------

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
    snippet: str  # a short extract with hit words as [word]


@dataclass(frozen=True)
class SearchResult(_ToDict):
    total: int
    hits: tuple = ()
    facets: dict = field(default_factory=dict)  # {"type"|"issuer"|"year": {value: count}}
    suggestion: Optional[str] = None


# --- schema and writing -----------------------------------------------------------------

class _Positions(formats.Positions):
    """Positions as a raw array of unsigned ints: far cheaper to encode than pickles."""

    def decode_positions(self, valuestring):
        return list(_positions(valuestring))

    def decode_frequency(self, valuestring):
        return len(valuestring) // 4

    def decode_weight(self, valuestring):
        return len(valuestring) // 4 * self.field_boost


class _Tokens(fields.FieldType):
    """A field filled by ``_Writer.add_record`` from a pre-analysed document."""

    indexed, scorable, stored, unique, vector, analyzer, column_type = True, False, False, False, None, None, None

    def __init__(self, positions: bool = False):
        self.format = _Positions() if positions else formats.Existence()
        self.spelling = False


def _schema():
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        numkey=fields.KEYWORD(scorable=False),
        words=_Tokens(), pairs=_Tokens(positions=True), exact=_Tokens(),
        type=fields.ID(), issuer=fields.ID(), year=fields.ID(), status=fields.ID(),
        date=fields.COLUMN(columns.NumericColumn("I")),
        length=fields.COLUMN(columns.NumericColumn("I")),
        doc=fields.STORED(),
    )


def _codec():
    codec = W3Codec()
    codec.length_stats = False  # scores use our own length column
    return codec


def _positions(valuestring: bytes) -> array:
    positions = array("I")
    positions.frombytes(valuestring)
    return positions


def _number_keys(record: dict) -> list:
    keys = []
    for spelling in [record.get("number")] + list(record.get("numbers") or ()):
        if not spelling:
            continue
        keys.append(match_key(spelling))
        parsed = try_parse_number(spelling)
        if parsed is not None:
            keys.append(match_key(parsed.key))
            keys.append(match_key(parsed.symbol))
            if parsed.year:
                keys.append(match_key(f"{parsed.seq}/{parsed.year}"))
    return list(dict.fromkeys(keys))


def _postings(record: dict) -> tuple:
    """(title, body, {field: [(term bytes, weight, value bytes)]}, length) for one record."""
    title = unicodedata.normalize("NFC", record.get("title") or "")
    body = unicodedata.normalize("NFC", record.get("text") or "")
    exact = _WORD.findall(title.lower())
    ntitle = len(exact)
    exact.append(_SEP)
    exact += _WORD.findall(body.lower())
    folded = list(map(_FOLDED.__getitem__, exact))
    hashed = list(map(_HASHED.__getitem__, folded))
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
    for name, tokens, head, positions in (("words", folded, ntitle, None), ("exact", exact, ntitle, None),
                                          ("pairs", pairs, ntitle - 1, spots)):
        boost = Counter(tokens[:max(head, 0)])
        if positions is None:
            counts = Counter(tokens)
            counts.pop(_SEP, None)
            out[name] = [(t.encode(), float(n + TITLE_BOOST * boost[t]), b"") for t, n in counts.items()]
        else:
            out[name] = [(t.encode(), float(len(p) + TITLE_BOOST * boost[t]), array("I", p).tobytes())
                         for t, p in positions.items()]
    return title, body, out, len(folded) - 1


class _Pool:
    """Postings grouped by term as they arrive: no external sort, no run files."""

    def __init__(self):
        self.fields: dict = {}
        self.fieldnames = set()
        self._merged = False

    def add_many(self, name: str, docnum: int, items: list) -> None:
        table = self.fields.get(name)
        if table is None:
            table = self.fields[name] = {}
        get = table.get
        for tbytes, weight, vbytes in items:
            entry = get(tbytes)
            if entry is None:
                entry = table[tbytes] = (array("I"), array("f"), [] if vbytes else None)
            entry[0].append(docnum)
            entry[1].append(weight)
            if vbytes:
                entry[2].append(vbytes)

    def add(self, item: tuple) -> None:  # used when Whoosh merges segments into this writer
        name, tbytes, docnum, weight, vbytes = item
        self._merged = True
        self.add_many(name, docnum, [(tbytes, weight, vbytes or b"")])

    def iter_postings(self):
        for name in sorted(self.fields):
            table = self.fields[name]
            for tbytes in sorted(table):
                ids, weights, values = table[tbytes]
                rows = zip(ids, weights, values or [b""] * len(ids))
                for docnum, weight, value in sorted(rows) if self._merged else rows:
                    yield name, tbytes, docnum, weight, value

    def cleanup(self) -> None:
        self.fields.clear()


class _Writer(writing.SegmentWriter):
    """A segment writer fed whole records: one analysis pass, postings added in bulk."""

    def __init__(self, ix, **kwargs):
        super().__init__(ix, codec=_codec(), **kwargs)
        self.pool = _Pool()

    def add_record(self, record: dict) -> None:
        self._check_state()
        title, body, postings, length = _postings(record)
        docnum, schema, pdw = self.docnum, self.schema, self.perdocwriter
        when = record.get("date")
        plain = {"id": record["id"], "numkey": _number_keys(record), "type": record.get("type"),
                 "issuer": record.get("issuer"), "status": record.get("status"),
                 "year": str(when.year) if when else None}
        pool = self.pool
        pdw.start_doc(docnum)
        for name, value in plain.items():
            if value:
                pool.add_many(name, docnum, [(t, w, v) for t, _, w, v in schema[name].index(value)])
        for name, items in postings.items():
            pool.add_many(name, docnum, items)
        stored = {k: record.get(k) for k in ("number", "type", "issuer", "title", "status", "kind")}
        stored.update(date=when.isoformat() if when else None, title=title or None,
                      body=zlib.compress(body.encode("utf-8"), 1) if body else b"")
        pdw.add_field("id", schema["id"], record["id"], 0)
        pdw.add_field("doc", schema["doc"], stored, 0)
        pdw.add_column_value("date", schema["date"].column_type,
                             when.year * 10000 + when.month * 100 + when.day if when else 0)
        pdw.add_column_value("length", schema["length"].column_type, length)
        pdw.finish_doc()
        self._added = True
        self.docnum += 1

    def update_record(self, record: dict) -> None:
        self.delete_by_term("id", record["id"])
        self.add_record(record)


# --- building ---------------------------------------------------------------------------

def _worker(ix_path: str, jobs, results) -> None:
    """A build process: records from ``jobs`` into segments of its own, listed on ``results``."""
    try:
        ix = whoosh_index.open_dir(ix_path)
        segments, writer = [], None
        for batch in iter(jobs.get, None):
            for record in batch:
                if writer is None:
                    writer = _Writer(ix, _lk=False)
                writer.add_record(record)
                if writer.docnum >= SEGMENT_DOCS:
                    segments.append(writer._finalize_segment())
                    writer = None
        if writer is not None:
            segments.append(writer._finalize_segment())
        results.put(("ok", segments))
    except BaseException:  # the parent reports it; never leave the parent waiting
        results.put(("error", traceback.format_exc()))


def _write_parallel(ix, first: list, rest, procs: int) -> int:
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    jobs, results = context.Queue(procs * 4), context.Queue()
    workers = [context.Process(target=_worker, args=(ix.storage.folder, jobs, results), daemon=True)
               for _ in range(procs)]
    for worker in workers:
        worker.start()
    count, batch = 0, []
    try:
        for record in _chain(first, rest):
            batch.append(record)
            count += 1
            if len(batch) == 64:
                jobs.put(batch)
                batch = []
        if batch:
            jobs.put(batch)
    finally:
        for _ in workers:
            jobs.put(None)
    segments, errors = [], []
    for _ in workers:
        status, payload = results.get()
        (segments.extend if status == "ok" else errors.append)(payload)
    for worker in workers:
        worker.join()
    if errors:
        raise LegaldocsError(f"index build failed in a worker:\n{errors[0]}")
    writer = _Writer(ix)
    writer._close_segment()
    writer._commit_toc(segments)
    writer._finish()
    return count


def _chain(first, rest):
    yield from first
    yield from rest


def _write_serial(ix, records) -> int:
    writer = _Writer(ix)
    try:
        for record in records:
            writer.add_record(record)
    except BaseException:
        writer.cancel()
        raise
    count = writer.docnum
    writer.commit(merge=False)
    return count


def _live_dir(index_dir: Path) -> Optional[Path]:
    try:
        name = (index_dir / POINTER).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return index_dir / name if name else None


def build_index(index_dir: Path, records: Iterable[dict], *, procs: int = PROCS) -> int:
    """Index ``records`` from scratch; returns the number of documents.

    The new index is built in a directory beside the live one and published by an atomic
    rename of the ``CURRENT`` pointer: a crash leaves the old index answering, and readers
    never see half an index. The build before the last is removed.
    """
    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".building-", dir=index_dir))
    try:
        ix = whoosh_index.create_in(str(work), _schema())
        records = iter(records)
        first = [r for _, r in zip(range(PARALLEL_MIN), records)]
        if procs > 1 and len(first) == PARALLEL_MIN:
            count = _write_parallel(ix, first, records, procs)
        else:
            count = _write_serial(ix, _chain(first, records))
        live = index_dir / f"build-{time.time_ns():x}-{os.getpid()}"
        os.rename(work, live)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    previous = _live_dir(index_dir)
    pointer = index_dir / f".{POINTER}.{os.getpid()}"
    pointer.write_text(live.name + "\n", encoding="utf-8")
    os.replace(pointer, index_dir / POINTER)
    keep = {live.name, previous.name if previous else None}
    for old in index_dir.glob("build-*"):
        if old.name not in keep:
            shutil.rmtree(old, ignore_errors=True)
    return count


def update_index(index_dir: Path, records: Iterable[dict], deleted_ids: Iterable[str] = ()) -> None:
    """Add or replace ``records`` (by id) and delete ``deleted_ids``, in one commit."""
    ix = _open(Path(index_dir)).ix
    writer = _Writer(ix, timeout=30.0, delay=0.1)
    try:
        for doc_id in deleted_ids:
            writer.delete_by_term("id", doc_id)
        for record in records:
            writer.update_record(record)
    except BaseException:
        writer.cancel()
        raise
    writer.commit()


def index_exists(index_dir: Path) -> bool:
    live = _live_dir(Path(index_dir))
    return live is not None and whoosh_index.exists_in(str(live))


def index_doc_count(index_dir: Path) -> int:
    return _open(Path(index_dir)).reader.doc_count()


# --- reading ----------------------------------------------------------------------------

class _Open:
    """One open index, cached per process while its build and generation are unchanged."""

    FACETS = ("type", "issuer", "year", "status")

    def __init__(self, index_dir: Path, live: Path):
        self.live = live
        self.ix = whoosh_index.open_dir(str(live))
        self.generation = self.ix.latest_generation()
        self.reader = self.ix.reader()
        self.leaves = self.reader.leaf_readers()
        self.size = self.reader.doc_count_all()
        self.deleted = set()
        for leaf, offset in self.leaves:
            if leaf.has_deletions():
                self.deleted.update(offset + d for d in leaf.deleted_docs())
        self.count = self.size - len(self.deleted)
        self._facets: dict = {}
        self._columns: dict = {}

    def postings(self, name: str, term: str, values: bool = False, only=None) -> tuple:
        """(docnums, weights, values) of one term over every segment, deletions removed."""
        tbytes = term.encode("utf-8")
        fmt = self.ix.schema[name].format
        ids, weights, vals = [], [], []
        for leaf, offset in self.leaves:
            if (name, tbytes) not in leaf._terms:
                continue
            matcher = leaf._terms.matcher(name, tbytes, fmt)
            end = offset + leaf.doc_count_all()
            local = None if only is None else sorted(d - offset for d in only if offset <= d < end)
            _read_leaf(matcher, offset, values, local, ids, weights, vals)
        if self.deleted:
            keep = [i for i, d in enumerate(ids) if d not in self.deleted]
            ids, weights = [ids[i] for i in keep], [weights[i] for i in keep]
            vals = [vals[i] for i in keep] if values else vals
        return ids, weights, vals

    def weights(self, name: str, term: str) -> dict:
        ids, weights, _ = self.postings(name, term)
        return dict(zip(ids, weights))

    def column(self, name: str) -> array:
        if name not in self._columns:
            values = array("I")
            for leaf, _ in self.leaves:
                values.extend(_read_column(leaf, name))
            self._columns[name] = values
        return self._columns[name]

    def facet(self, name: str) -> tuple:
        """(values, the set of docnums of each) of a keyword field."""
        if name not in self._facets:
            values = sorted({t.decode("utf-8") for leaf, _ in self.leaves for t in leaf.lexicon(name)})
            self._facets[name] = (values, [set(self.postings(name, v)[0]) for v in values])
        return self._facets[name]

    def codes(self, name: str) -> list:
        """docnum → index of its value in ``facet(name)`` (-1: none)."""
        key = f"codes:{name}"
        if key not in self._facets:
            codes = [-1] * self.size
            for k, docs in enumerate(self.facet(name)[1]):
                for d in docs:
                    codes[d] = k
            self._facets[key] = codes
        return self._facets[key]

    def live_docs(self) -> set:
        docs = set(range(self.size))
        return docs - self.deleted if self.deleted else docs


def _read_leaf(m, offset: int, values: bool, only, ids: list, weights: list, vals: list) -> None:
    """Whole posting blocks at a time (C-speed), skipping blocks with none of ``only``."""
    if type(m) is not W3LeafMatcher:  # inlined postings or another codec: the slow way
        only = None if only is None else set(only)
        while m.is_active():
            if only is None or m.id() in only:
                ids.append(m.id() + offset)
                weights.append(m.weight())
                vals.append(m.value() if values else None)
            m.next()
        return
    j, wanted = 0, len(only) if only is not None else 0
    while True:
        if only is not None and j == wanted:
            return
        if only is None or m._maxid >= only[j]:
            m._read_data()
            block_ids, block_weights, block_values = m._data
            block_ids = list(accumulate(block_ids))
            n = len(block_ids)
            ids.extend(block_ids if not offset else [d + offset for d in block_ids])
            if block_weights is None:
                weights.extend([1.0] * n)
            elif isinstance(block_weights, (int, float)):
                weights.extend([block_weights] * n)
            else:
                weights.extend(block_weights)
            if values:
                vals.extend(block_values)
            if only is not None:
                while j < wanted and only[j] <= block_ids[-1]:
                    j += 1
        if m._lastblock:
            return
        m._goto(m._nextoffset)


def _read_column(leaf, name: str) -> array:
    reader = leaf.column_reader(name)
    try:  # a fixed-size numeric column: one read, not one call per document
        raw = reader._dbfile.get(reader._basepos, reader._count * reader._fixedlen)
        values = array("I")
        values.frombytes(raw)
        if values.itemsize != reader._fixedlen:
            raise TypeError
        if sys.byteorder == "little":
            values.byteswap()
        values.extend([reader._default] * (leaf.doc_count_all() - len(values)))
        return values
    except (AttributeError, TypeError):
        return array("I", (reader[d] for d in range(leaf.doc_count_all())))


_CACHE: dict = {}


def _open(index_dir: Path) -> _Open:
    key = str(Path(index_dir).resolve())
    live = _live_dir(Path(index_dir))
    cached = _CACHE.get(key)
    try:
        if cached is not None and cached.live == live and cached.ix.latest_generation() == cached.generation:
            return cached
        if live is None:
            raise FileNotFoundError(index_dir / POINTER)
        opened = _Open(Path(index_dir), live)
    except Exception as error:
        raise LegaldocsError(f"index at {index_dir} is missing or damaged ({error.__class__.__name__}); "
                             "run legaldocs index --rebuild") from error
    _CACHE[key] = opened
    return opened


# --- querying ---------------------------------------------------------------------------

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
_PIECE = re.compile(r'"([^"]*)"?|(\S+)')
_ABBREVIATIONS = sorted({(fold(i.name), fold(i.short)) for i in ISSUERS if i.short and i.short != i.name},
                        key=lambda pair: -len(pair[0]))


@dataclass(frozen=True)
class _Clause:
    tokens: tuple  # folded syllables
    exact: tuple  # the same syllables with their accents, lower case
    raw: str  # as typed
    keys: tuple = ()  # match_key forms when the clause is a number


def _clause(raw: str, number: bool = False) -> Optional[_Clause]:
    exact = tuple(_WORD.findall(raw.lower()))
    if not exact:
        return None
    keys = ()
    if number:
        parsed = try_parse_number(raw)
        keys = tuple(dict.fromkeys([match_key(raw)] + ([match_key(parsed.key)] if parsed else [])))
    return _Clause(tuple(_FOLDED[t] for t in exact), exact, raw, keys)


def _plan(query: str) -> tuple:
    """(clauses, is_number_query): quoted phrases, numbers and words, all required."""
    if try_parse_number(query) or patterns.NUMBER_FRAGMENT.match(query):
        return [_clause(query, number=True)], True
    clauses = []  # a word of several syllables ("QĐ-UBND", "Rịa-Vũng") is a phrase too
    for phrase, word in _PIECE.findall(query):
        clause = _clause(word, number=try_parse_number(word) is not None) if word else _clause(phrase)
        if clause:
            clauses.append(clause)
    return clauses, False


def _number_docs(op: _Open, clause: _Clause) -> dict:
    docs: dict = {}
    for key in clause.keys:
        docs.update(op.weights("numkey", key))
    if not docs:  # "15/2013/QĐ" → "15/2013/QD-UBND"
        for key in clause.keys:
            for term in _prefixed(op, "numkey", key, 200):
                docs.update(op.weights("numkey", term))
    return docs


def _prefixed(op: _Open, name: str, prefix: str, limit: int) -> list:
    found = set()
    for leaf, _ in op.leaves:
        for term in leaf.expand_prefix(name, prefix):
            found.add(term.decode("utf-8") if isinstance(term, bytes) else term)
            if len(found) >= limit:
                return sorted(found)
    return sorted(found)


def _intersect(parts: list) -> dict:
    """Documents in every part, weighted by the rarest part."""
    if not parts:
        return {}
    parts = sorted(parts, key=len)
    keys = set(parts[0])
    for part in parts[1:]:
        keys &= part.keys()
        if not keys:
            return {}
    return {d: parts[0][d] for d in keys}


def _phrase_docs(op: _Open, clause: _Clause, exact_accents: bool) -> dict:
    tokens = clause.tokens
    if len(tokens) == 1:
        return op.weights("exact", clause.exact[0]) if exact_accents else op.weights("words", tokens[0])
    hashed = [_HASHED[t] for t in tokens]
    pairs = [f"{a} {b}" for a, b in zip(hashed, hashed[1:])]
    digits = [t for t in dict.fromkeys(tokens) if t.isdigit()]
    where = {pair: op.postings("pairs", pair, values=len(pairs) > 1) for pair in dict.fromkeys(pairs)}
    parts = [dict(zip(ids, weights)) for ids, weights, _ in where.values()]
    parts += [op.weights("words", t) for t in digits]
    parts += [op.weights("exact", t) for t in dict.fromkeys(clause.exact)] if exact_accents else []
    docs = _intersect(parts)
    if docs and len(pairs) > 1:
        docs = _verify_positions(pairs, where, docs)
    if docs and (digits or exact_accents):  # "#" stood for any number; accents were folded
        docs = _verify_text(op, _hit_pattern([clause], exact_accents), docs)
    return docs


def _verify_positions(pairs: list, where: dict, docs: dict) -> dict:
    """Keep the documents where the pairs follow each other; weight = occurrences."""
    tables = [((-j).__add__, dict(zip(where[pair][0], where[pair][2]))) for j, pair in enumerate(pairs)]
    found = {}
    for d in docs:  # pair j at p means a phrase starting at p - j; start from the rarest pair
        spots = sorted([(_positions(table[d]), shift) for shift, table in tables], key=_first_len)
        starts = set(map(spots[0][1], spots[0][0]))
        for positions, shift in spots[1:]:
            starts.intersection_update(map(shift, positions))
        if starts:
            found[d] = float(len(starts))
    return found


def _first_len(pair: tuple) -> int:
    return len(pair[0])


def _verify_text(op: _Open, pattern: re.Pattern, docs: dict) -> dict:
    found = {}
    for d, weight in docs.items():
        title, body = _stored_text(op.reader.stored_fields(d)["doc"])
        if pattern.search(title) or pattern.search(body):
            found[d] = weight
    return found


def _stored_text(doc: dict) -> tuple:
    body = doc.get("body") or b""
    return doc.get("title") or "", zlib.decompress(body).decode("utf-8") if body else ""


def _folded_words(text: str) -> str:
    text = f" {' '.join(_words(text))} "
    for name, short in _ABBREVIATIONS:
        text = text.replace(f" {name} ", f" {short} ")
    return text


def _filtered(op: _Open, docs: set, *, type, issuer, year, status, date_from, date_to) -> set:
    wanted = {
        "type": type and (lambda v, q=_folded_words(type): _folded_words(v) == q),
        "status": status and (lambda v, q=_folded_words(status): _folded_words(v) == q),
        "issuer": issuer and (lambda v, q=_folded_words(issuer): q in _folded_words(v)),
        "year": year and (lambda v, q=str(int(year)): v == q),
    }
    for name, test in wanted.items():
        if test:
            values, sets = op.facet(name)
            allowed = set().union(*[s for v, s in zip(values, sets) if test(v)])
            docs = docs & allowed
    if date_from or date_to:
        low, high = _day(date_from, 0), _day(date_to, 99_999_999)
        dates = op.column("date")
        docs = {d for d in docs if low <= dates[d] <= high}
    return docs


def _day(value, default: int) -> int:
    if not value:
        return default
    value = date.fromisoformat(value) if isinstance(value, str) else value
    return value.year * 10000 + value.month * 100 + value.day


def _scores(op: _Open, docs, parts: list) -> dict:
    """BM25 over ``docs`` given each clause's {doc: term weight}."""
    lengths = op.column("length")
    if "avg" not in op._columns:
        op._columns["avg"] = (sum(lengths) / len(lengths) if lengths else 1.0) or 1.0
    average, size = op._columns["avg"], max(op.count, 1)
    k1, b = _BM25_K1, _BM25_B
    norms = {d: k1 * (1 - b + b * lengths[d] / average) for d in docs}
    scores = dict.fromkeys(docs, 0.0)
    for part in parts:
        idf = math.log(1 + (size - len(part) + 0.5) / (len(part) + 0.5))
        for d, norm in norms.items():
            weight = part.get(d, 0.0)
            scores[d] += idf * weight * (k1 + 1) / (weight + norm)
    return scores


def _facets(op: _Open, docs: set, stored: dict) -> dict:
    if len(docs) <= 64:
        counts = {name: Counter() for name in ("type", "issuer", "year")}
        for d in docs:
            doc = stored.setdefault(d, op.reader.stored_fields(d))["doc"]
            for name, value in (("type", doc["type"]), ("issuer", doc["issuer"]),
                                ("year", doc["date"] and doc["date"][:4])):
                if value:
                    counts[name][value] += 1
    else:
        counts = {}
        for name in ("type", "issuer", "year"):
            values, tally = op.facet(name)[0], Counter(map(op.codes(name).__getitem__, docs))
            counts[name] = Counter({values[k]: n for k, n in tally.items() if k >= 0})
    return {name: dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))) for name, c in counts.items()}


def _hit_pattern(clauses: list, exact: bool = False) -> Optional[re.Pattern]:
    """One regex finding every clause in NFC text: accents as typed when ``exact``, else any
    ("ho" → [hH][oòóỏõọô…])."""
    def letters(token: str) -> str:
        return re.escape(token) if exact else "".join(_CLASSES.get(c, re.escape(c)) for c in token)
    alternatives = [r"\W+".join(map(letters, c.exact if exact else c.tokens)) for c in clauses if c.tokens]
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)",
                      re.IGNORECASE if exact else 0) if alternatives else None


def _snippet(title: str, body: str, pattern: Optional[re.Pattern], width: int = 200) -> str:
    """The stretch of the body (else the title) with the most hits, hits as [word]."""
    text, spans = title, []
    for text in (body, title):
        spans = [m.span() for m, _ in zip(pattern.finditer(text, 0, 30_000), range(60))] if pattern else []
        if spans or text is title:
            break
    if not text:
        return ""
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
    snippet = re.sub(r"\s+", " ", "".join(out)).strip()
    return ("…" if lo > 0 else "") + snippet + ("…" if hi < len(text) else "")


def _hit(op: _Open, d: int, score: float, pattern, stored: dict) -> Hit:
    fields_ = stored.get(d) or op.reader.stored_fields(d)
    doc = fields_["doc"]
    title, body = _stored_text(doc)
    return Hit(fields_["id"], doc["number"], doc["type"], doc["issuer"],
               date.fromisoformat(doc["date"]) if doc["date"] else None, doc["title"], doc["status"],
               round(score, 4), _snippet(title, body, pattern))


def search(index_dir: Path, query: str, *, type=None, issuer=None, year=None, date_from=None,
           date_to=None, status=None, exact_accents: bool = False, sort: str = "relevance",
           limit: int = 20) -> SearchResult:
    """Search the index. Words are all required; "quoted phrases" match in sequence; a
    number (or "15/2013", "qd-ubnd") finds the document with that number first. Matching
    ignores accents and đ unless ``exact_accents``. Filters: type, status (accent-
    insensitive equality), issuer (words: "binh dinh"), year, date range. ``sort`` is
    "relevance" or "date" (newest first). An empty query lists the filtered documents.
    """
    if sort not in ("relevance", "date"):
        raise LegaldocsError(f"unknown sort {sort!r}: use 'relevance' or 'date'")
    op = _open(Path(index_dir))
    query = unicodedata.normalize("NFC", query or "").translate(_QUOTES).strip()
    clauses, is_number = _plan(query) if query else ([], False)
    parts = []
    if is_number:
        parts = [_number_docs(op, clauses[0])] if clauses[0] else []
        if parts and not parts[0]:  # not an indexed number: the documents citing it
            parts = [_phrase_docs(op, clauses[0], exact_accents)]
    else:
        for clause in clauses:
            docs = _phrase_docs(op, clause, exact_accents)
            if clause.keys:
                docs.update(_number_docs(op, clause))
            parts.append(docs)
            if not docs:
                break
    docs = set(_intersect(parts)) if parts else op.live_docs()
    docs = _filtered(op, docs, type=type, issuer=issuer, year=year, status=status,
                     date_from=date_from, date_to=date_to)
    stored: dict = {}
    if sort == "date" or not parts:
        dates = op.column("date")
        page = heapq.nlargest(limit, docs, key=lambda d: (dates[d], -d))
        scores = _scores(op, page, parts) if parts else dict.fromkeys(page, 0.0)
    else:
        scores = _scores(op, docs, parts)
        page = heapq.nlargest(limit, scores, key=lambda d: (scores[d], -d))
    return SearchResult(
        total=len(docs),
        hits=tuple(_hit(op, d, scores[d], _hit_pattern(clauses, exact_accents), stored) for d in page),
        facets=_facets(op, docs, stored),
        suggestion=None if docs or not clauses else _suggest(op, query, clauses, is_number),
    )


# --- did you mean -----------------------------------------------------------------------

_VARIANTS: dict = {}
for _code, _base in _FOLD.items():
    if chr(_code).islower():
        _VARIANTS.setdefault(_base, []).append(chr(_code))


def _suggest(op: _Open, query: str, clauses: list, is_number: bool) -> Optional[str]:
    if is_number:
        return _nearest_number(op, clauses[0])
    fixes = {}
    for token in {t for c in clauses for t in c.tokens}:
        if op.postings("words", token)[0]:
            continue
        near = _nearest_terms(op, "words", token)
        if near:
            fixes[token] = _accented(op, near)
    if not fixes:
        return None
    return _WORD.sub(lambda m: fixes.get(_FOLDED[m.group().lower()], m.group()), query)


def _nearest_terms(op: _Open, name: str, text: str) -> Optional[str]:
    for distance in (1, 2):
        found = Counter()
        for leaf, _ in op.leaves:
            try:
                for term in leaf.terms_within(name, text, distance, prefix=1):
                    found[term] += leaf.doc_frequency(name, term)
            except Exception:  # a codec without automata: no suggestion rather than an error
                return None
        if found:
            return max(found, key=lambda t: (found[t], t))
    return None


def _accented(op: _Open, folded: str) -> str:
    """The commonest accented spelling of a folded syllable ("ngoai" → "ngoại")."""
    best, best_n = folded, 0
    for first in [folded[0]] + _VARIANTS.get(folded[0], []):
        for term in _prefixed(op, "exact", first, 5000):
            if len(term) == len(folded) and _FOLDED[term] == folded:
                n = sum(leaf.doc_frequency("exact", term) for leaf, _ in op.leaves)
                if n > best_n:
                    best, best_n = term, n
    return best


def _nearest_number(op: _Open, clause: _Clause) -> Optional[str]:
    key = clause.keys[0]
    near = _nearest_terms(op, "numkey", key)
    if not near:
        return None
    ids = op.postings("numkey", near)[0]
    return op.reader.stored_fields(ids[0])["doc"]["number"] if ids else None
