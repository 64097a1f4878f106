"""The registry's search index: the only module that imports Whoosh.

One Whoosh document per record. ``analysis`` tokenizes its text once into ``words`` (folded
syllables, "hộ" → "ho"), ``exact`` (accented syllables) and ``pairs`` (folded bigrams with
positions, for phrases); ``numkey`` holds the ``match_key`` forms of the number and of its
"15/2013" and "QD-UBND" fragments, ``cites`` those of every number its text cites. Columns
(type, issuer, year, status, date, length) are read in bulk for filters, facets, sorting and
BM25; a stored dict carries the display fields and the compressed body (snippets).

Queries are planned here, not by Whoosh's parser: a number goes to ``numkey`` first; a
phrase is the conjunction of its pairs, chained by position; clauses, filters and facets are
set operations on docnums read a posting block at a time; BM25 scores only the survivors.
A build is written beside the live index by two processes and published by atomically
replacing the ``CURRENT`` pointer file: a crash leaves the old index answering.
"""
from __future__ import annotations

import heapq
import os
import sys
import time
import unicodedata
import zlib
from array import array
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate
from operator import itemgetter
from pathlib import Path
from typing import Iterable, Optional

from whoosh import columns, fields, formats, index as whoosh_index, writing
from whoosh.codec.whoosh3 import W3Codec, W3LeafMatcher

from . import analysis
from .analysis import FOLDED, HASHED, MARK_CLOSE, MARK_OPEN, WORD, Clause, fold  # noqa: F401
from .errors import LegaldocsError
from .models import _ToDict

POINTER = "CURRENT"  # file in index_dir naming the live build folder
PROCS = 2  # worker processes for a full build
PARALLEL_MIN = 300  # fewer records than this are indexed in-process (forking costs more)
SEGMENT_DOCS = 20_000  # a build worker starts a new segment after this many documents
FACETS = ("type", "issuer", "year", "status")  # per-document value columns


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


# --- schema and writing -----------------------------------------------------------------

class _Positions(formats.Positions):
    """Positions as a raw array of unsigned ints: far cheaper than pickles to write and read."""

    def decode_positions(self, valuestring):
        return list(memoryview(valuestring).cast("I"))

    def decode_frequency(self, valuestring):
        return len(valuestring) // 4

    def decode_weight(self, valuestring):
        return len(valuestring) // 4 * self.field_boost


class _Tokens(fields.FieldType):
    """A field filled by ``_Writer.add_record`` with terms ``analysis.analyze`` made."""

    indexed, scorable, stored, unique = True, False, False, False
    vector = analyzer = column_type = None

    def __init__(self, positions: bool = False):
        self.format = _Positions() if positions else formats.Existence()
        self.spelling = False


def _schema():
    return fields.Schema(
        id=fields.ID(stored=True, unique=True), numkey=fields.KEYWORD(scorable=False),
        cites=fields.KEYWORD(scorable=False),
        words=_Tokens(), exact=_Tokens(), pairs=_Tokens(positions=True),
        date=fields.COLUMN(columns.NumericColumn("I")), length=fields.COLUMN(columns.NumericColumn("I")),
        doc=fields.STORED(), **{name: fields.COLUMN(columns.RefBytesColumn()) for name in FACETS},
    )


class _Pool:
    """Postings grouped by term as they come: no external sort and no run files (Whoosh's
    pool sorts every posting as a tuple, the slowest part of its indexing)."""

    def __init__(self):
        self.fields: dict = {}
        self._merged = False

    def add_many(self, name: str, docnum: int, items: list) -> None:
        table = self.fields.setdefault(name, {})
        get = table.get
        for tbytes, weight, vbytes in items:
            entry = get(tbytes)
            if entry is None:
                entry = table[tbytes] = (array("I"), array("f"), [] if vbytes else None)
            entry[0].append(docnum)
            entry[1].append(weight)
            if vbytes:
                entry[2].append(vbytes)

    def add(self, item: tuple) -> None:  # Whoosh merging a segment into this writer
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

    def write(self, schema, fieldwriter) -> None:
        """Hand each term's postings to the codec a block at a time (Whoosh's own loop makes
        several calls per posting, half the cost of a build)."""
        for name in sorted(self.fields):
            table = self.fields[name]
            fieldwriter.start_field(name, schema[name])
            for tbytes in sorted(table):
                ids, weights, values = table[tbytes]
                fieldwriter.start_term(tbytes)
                block = fieldwriter._postwriter
                size = block._blocklimit
                for i in range(0, len(ids), size):
                    if i:
                        block._write_block()
                    block._ids, block._weights = ids[i:i + size], weights[i:i + size]
                    block._values = values[i:i + size] if values else []
                    block._maxweight = max(block._weights)
                fieldwriter.finish_term()
            fieldwriter.finish_field()

    def cleanup(self) -> None:
        self.fields.clear()


class _Writer(writing.SegmentWriter):
    """A segment writer fed whole records: one analysis pass, postings added in bulk."""

    def __init__(self, ix, **kwargs):
        codec = W3Codec(compression=1)
        codec.length_stats = False  # BM25 uses our length column, not Whoosh's per-posting lookups
        # compound=False: a compound segment is copied whole into memory by every reader
        super().__init__(ix, codec=codec, compound=False, **kwargs)
        self.pool = _Pool()

    def _flush_segment(self):
        self.perdocwriter.close()
        if self.pool._merged or not hasattr(self.fieldwriter, "_postwriter"):
            self.fieldwriter.add_postings(self.schema, None, self.pool.iter_postings())
        else:
            self.pool.write(self.schema, self.fieldwriter)
        self.fieldwriter.close()

    def add_record(self, record: dict) -> None:
        self._check_state()
        title = unicodedata.normalize("NFC", record.get("title") or "")
        body = unicodedata.normalize("NFC", record.get("text") or "")
        postings, length = analysis.analyze(title, body)
        docnum, schema, pdw, pool = self.docnum, self.schema, self.perdocwriter, self.pool
        when = record.get("date")
        pdw.start_doc(docnum)
        own = analysis.number_keys(record)
        cited = [key for key in analysis.cited_keys(title + "\n" + body) if key not in own]
        for name, value in (("id", record["id"]), ("numkey", own), ("cites", cited)):
            if value:
                pool.add_many(name, docnum, [(t, w, v) for t, _, w, v in schema[name].index(value)])
        for name, items in postings.items():
            pool.add_many(name, docnum, items)
        facets = dict(type=record.get("type"), issuer=record.get("issuer"), status=record.get("status"),
                      year=str(when.year) if when else None)
        for name, value in facets.items():
            if value:
                pdw.add_column_value(name, schema[name].column_type, value.encode("utf-8"))
        stored = {k: record.get(k) for k in ("number", "type", "issuer", "status", "kind")}
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


# --- building ---------------------------------------------------------------------------

def _worker(ix_path: str, jobs, results) -> None:
    """A build process: records from ``jobs`` into segments of its own, listed on ``results``.
    After an error it keeps taking jobs (and drops them) so that the parent never blocks."""
    import traceback

    segments, writer, error = [], None, None
    try:
        ix = whoosh_index.open_dir(ix_path)
    except BaseException:
        error = traceback.format_exc()
    for batch in iter(jobs.get, None):
        try:
            for record in batch if error is None else ():
                if writer is None:
                    writer = _Writer(ix, _lk=False)
                writer.add_record(record)
                if writer.docnum >= SEGMENT_DOCS:
                    segments.append(writer._finalize_segment())
                    writer = None
        except BaseException:
            error = traceback.format_exc()
    try:
        if error is None and writer is not None:
            segments.append(writer._finalize_segment())
    except BaseException:
        error = traceback.format_exc()
    results.put(("ok", segments) if error is None else ("error", error))


def _write_parallel(ix, records, procs: int) -> int:
    """Whoosh's own MpWriter does the same, but its workers use the slow per-field writer."""
    import multiprocessing  # imported here: searching never needs it
    import queue

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    jobs, results = context.Queue(procs * 4), context.Queue()
    workers = [context.Process(target=_worker, args=(ix.storage.folder, jobs, results), daemon=True)
               for _ in range(procs)]
    for worker in workers:
        worker.start()

    def check(action, *args):  # a worker killed outright must not hang the build
        while True:
            try:
                return action(*args, timeout=0.5)
            except (queue.Full, queue.Empty):
                if any(w.exitcode not in (None, 0) for w in workers):
                    raise LegaldocsError("index build failed: a worker process died") from None

    count, batch = 0, []
    try:
        for record in records:
            batch.append(record)
            count += 1
            if len(batch) == 64:
                check(jobs.put, batch)
                batch = []
        for item in [batch] * bool(batch) + [None] * procs:
            check(jobs.put, item)
        outcomes = [check(results.get) for _ in workers]
    except BaseException:
        for worker in workers:
            worker.terminate()
        raise
    for worker in workers:
        worker.join()
    errors = [payload for status, payload in outcomes if status == "error"]
    if errors:
        raise LegaldocsError(f"index build failed in a worker:\n{errors[0]}")
    writer = _Writer(ix)
    writer._close_segment()
    writer._commit_toc([segment for _, segments in outcomes for segment in segments])
    writer._finish()
    return count


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

    Built in ``index_dir/.building-*`` (by ``procs`` processes when there are enough records)
    and published by an atomic rename of the ``CURRENT`` pointer; the previous build is kept
    for readers that still have it open, older ones are removed. Other files in
    ``index_dir`` are left alone.
    """
    import shutil
    import tempfile

    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    for stale in index_dir.glob(".building-*"):  # left by a build that was killed a day ago
        if time.time() - stale.stat().st_mtime > 86_400:
            shutil.rmtree(stale, ignore_errors=True)
    work = Path(tempfile.mkdtemp(prefix=".building-", dir=index_dir))
    try:
        ix = whoosh_index.create_in(str(work), _schema())
        records = iter(records)
        first = [record for _, record in zip(range(PARALLEL_MIN), records)]
        if procs > 1 and len(first) == PARALLEL_MIN:
            count = _write_parallel(ix, _chain(first, records), procs)
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
    for old in index_dir.glob("build-*"):
        if old.name not in (live.name, previous and previous.name):
            shutil.rmtree(old, ignore_errors=True)
    return count


def _chain(first, rest):
    yield from first
    yield from rest


def update_index(index_dir: Path, records: Iterable[dict], deleted_ids: Iterable[str] = ()) -> None:
    """Add or replace ``records`` (by id) and delete ``deleted_ids``, in one commit."""
    writer = _Writer(_open(Path(index_dir)).ix, timeout=30.0, delay=0.1)
    try:
        records = {record["id"]: record for record in records}  # the last of a repeated id wins
        with writer.searcher() as searcher:  # one reader for every delete, not one each
            for doc_id in [*deleted_ids, *records]:
                writer.delete_by_term("id", doc_id, searcher=searcher)
        for record in records.values():
            writer.add_record(record)
    except BaseException:
        writer.cancel()
        raise
    writer.commit()


def index_exists(index_dir: Path) -> bool:
    live = _live_dir(Path(index_dir))
    return live is not None and whoosh_index.exists_in(str(live))


def index_doc_count(index_dir: Path) -> int:
    return _open(Path(index_dir)).count


# --- reading ----------------------------------------------------------------------------

class _Open:
    """One open index and what searches read from it in bulk (columns), cached per process."""

    def __init__(self, live: Path):
        self.live = live
        self.ix = whoosh_index.open_dir(str(live))
        self.reader = self.ix.reader()
        self.schema = self.reader.schema
        if set(_schema().names()) - set(self.schema.names()):  # built by an older legaldocs
            self.reader.close()
            raise LookupError("fields missing")
        self.leaves = [(leaf, offset) for leaf, offset in self.reader.leaf_readers()
                       if hasattr(leaf, "_terms")]  # an empty index has one EmptyReader
        self.size = self.reader.doc_count_all()
        self.deleted = set()
        for leaf, offset in self.leaves:
            if leaf.has_deletions():
                self.deleted.update(offset + d for d in leaf.deleted_docs_set)
        self.count = self.size - len(self.deleted)
        self._cache: dict = {}

    def postings(self, name: str, term: str, values: bool = False) -> tuple:
        """(docnums, weights, values) of one term over every segment, deletions removed."""
        tbytes, fmt = term.encode("utf-8"), self.schema[name].format
        ids, weights, vals = [], [], []
        for leaf, offset in self.leaves:
            if (name, tbytes) in leaf._terms:
                _read_postings(leaf._terms.matcher(name, tbytes, fmt), offset, values, ids, weights, vals)
        if self.deleted:
            keep = [i for i, d in enumerate(ids) if d not in self.deleted]
            ids, weights = [ids[i] for i in keep], [weights[i] for i in keep]
            vals = [vals[i] for i in keep] if values else vals
        return ids, weights, vals

    def weights(self, name: str, term: str) -> dict:
        ids, weights, _ = self.postings(name, term)
        return dict(zip(ids, weights))

    def column(self, name: str) -> array:
        """A numeric column (date as yyyymmdd, length) for every docnum."""
        if name not in self._cache:
            self._cache[name] = array("I")
            for leaf, _ in self.leaves:
                self._cache[name].extend(_read_numbers(leaf, name))
        return self._cache[name]

    def codes(self, name: str) -> tuple:
        """(values, docnum → index into values or -1) of a facet column."""
        if name not in self._cache:
            per_leaf = [_read_refs(leaf, name) for leaf, _ in self.leaves]
            values = sorted({v for uniques, _ in per_leaf for v in uniques if v})
            index = {v: k for k, v in enumerate(values)}
            codes = array("i")
            for uniques, refs in per_leaf:
                codes.extend(map([index.get(v, -1) for v in uniques].__getitem__, refs))
            self._cache[name] = values, codes
        return self._cache[name]

    def stored(self, docnum: int) -> dict:
        return self.reader.stored_fields(docnum)


def _read_postings(m, offset: int, values: bool, ids: list, weights: list, vals: list) -> None:
    """A posting list a whole block at a time (C-speed decoding, no per-posting calls)."""
    if type(m) is not W3LeafMatcher:  # inlined postings or another codec: the slow way
        while m.is_active():
            ids.append(m.id() + offset)
            weights.append(m.weight())
            vals.append(m.value() if values else None)
            m.next()
        return
    while True:
        m._read_data()
        block_ids, block_weights, block_values = m._data
        block_ids = list(accumulate(block_ids))  # stored as deltas
        ids.extend(block_ids if not offset else [d + offset for d in block_ids])
        if block_weights is None or isinstance(block_weights, (int, float)):
            weights.extend([block_weights or 1.0] * len(block_ids))
        else:
            weights.extend(block_weights)
        if values:
            vals.extend(block_values)
        if m._lastblock:
            return
        m._goto(m._nextoffset)


def _read_numbers(leaf, name: str) -> array:
    """A numeric column of one segment in one read."""
    size = leaf.doc_count_all()
    if not leaf.has_column(name):
        return array("I", bytes(4 * size))
    reader = leaf.column_reader(name, translate=False)
    try:
        values = array("I", reader._dbfile.get(reader._basepos, reader._count * reader._fixedlen))
        if values.itemsize != reader._fixedlen:
            raise TypeError
        if sys.byteorder == "little":
            values.byteswap()
        return values + array("I", [reader._default] * (size - len(values)))
    except (AttributeError, TypeError):
        return array("I", (reader[d] for d in range(size)))


def _read_refs(leaf, name: str) -> tuple:
    """(unique values, per-document index into them) of a RefBytes column, in one read."""
    size = leaf.doc_count_all()
    if not leaf.has_column(name):
        return [""], array("B", bytes(size))
    reader = leaf.column_reader(name, translate=False)
    try:
        refs = array(reader._typecode, reader._dbfile.get(reader._basepos, size * reader._itemsize))
        if refs.itemsize > 1 and sys.byteorder == "little":
            refs.byteswap()
        return [u.decode("utf-8") for u in reader._uniques], refs
    except AttributeError:
        values = [v.decode("utf-8") for v in reader]
        uniques = list(dict.fromkeys(values))
        return uniques, array("H", map({v: k for k, v in enumerate(uniques)}.__getitem__, values))


_CACHE: dict = {}


def _open(index_dir: Path) -> _Open:
    """The cached open index, reopened when a build is published (the pointer changes) or a
    commit lands (the live folder changes): two ``stat`` calls per search."""
    key = os.path.abspath(index_dir)
    cached = _CACHE.get(key)
    try:
        pointer = os.stat(os.path.join(key, POINTER))
        stamp = (pointer.st_ino, pointer.st_mtime_ns)
        same_build = cached is not None and cached.pointer == stamp
        live = cached.live if same_build else _live_dir(Path(key))
        changed = os.stat(live).st_mtime_ns
        if same_build and cached.changed == changed:
            return cached
        opened = _Open(live)
        opened.pointer, opened.changed = stamp, changed
    except Exception as error:
        raise LegaldocsError(f"index at {index_dir} is missing or damaged ({error.__class__.__name__}); "
                             "run legaldocs index --rebuild") from error
    if cached is not None:  # searches hold no reader between calls (results are plain data)
        cached.reader.close()
    _CACHE[key] = opened
    return opened


# --- searching --------------------------------------------------------------------------

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


def _prefixed(op: _Open, name: str, prefix: str, limit: int) -> list:
    found = set()
    for leaf, _ in op.leaves:
        for term in leaf.expand_prefix(name, prefix):
            found.add(term.decode("utf-8") if isinstance(term, bytes) else term)
            if len(found) >= limit:
                break
    return sorted(found)


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


# --- did you mean -----------------------------------------------------------------------

def _suggest(op: _Open, query: str, clauses: list, is_number: bool) -> Optional[str]:
    """The nearest indexed number, or the query with each unknown word replaced by the
    commonest spelling of the nearest known one."""
    if is_number:  # a slip after the running number first (same "15/"), then anywhere
        key = clauses[0].keys[0]
        near = _nearest_terms(op, "numkey", key, key.find("/") + 1) or _nearest_terms(op, "numkey", key, 1, 1)
        ids = op.postings("numkey", near)[0] if near else []
        return op.stored(ids[0])["doc"]["number"] if ids else None
    fixes = {}
    for token in {t for clause in clauses for t in clause.tokens}:
        if not op.postings("words", token)[0]:
            near = _nearest_terms(op, "words", token)
            if near:
                fixes[token] = _accented(op, near)
    if not fixes:
        return None
    return WORD.sub(lambda m: fixes.get(FOLDED[m.group().lower()], m.group()), query)


def _nearest_terms(op: _Open, name: str, text: str, prefix: int = 1, most: int = 2) -> Optional[str]:
    """The indexed term nearest ``text`` (sharing its first ``prefix`` characters): fewest
    edits, a swap of two letters counting as one ("chiue" → "chieu"), then the same length,
    then most documents."""
    found = Counter()
    for leaf, _ in op.leaves:  # Whoosh's Levenshtein automaton over the term index
        for term in leaf.terms_within(name, text, most, prefix=prefix):
            found[term] += leaf.doc_frequency(name, term)
    ranked = sorted((analysis.edits(text, t), abs(len(t) - len(text)), -n, t) for t, n in found.items())
    return ranked[0][-1] if ranked and ranked[0][0] <= most else None


def _accented(op: _Open, folded: str) -> str:
    """The commonest accented spelling of a folded syllable ("ngoai" → "ngoại")."""
    best, best_n = folded, 0
    for first in [folded[0]] + analysis.VARIANTS.get(folded[0], []):
        for term in _prefixed(op, "exact", first, 5000):
            if len(term) == len(folded) and FOLDED[term] == folded:
                n = sum(leaf.doc_frequency("exact", term) for leaf, _ in op.leaves)
                if n > best_n:
                    best, best_n = term, n
    return best
