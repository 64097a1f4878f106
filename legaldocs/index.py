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
    """token → folded token, remembered (the syllable vocabulary is small)."""

    def __missing__(self, token):
        if len(self) > 300_000:
            self.clear()
        value = self[token] = token.translate(_FOLD)
        return value


_FOLDED = _Memo()


def fold(text: str) -> str:
    """Lower-case, accent-free form of ``text`` (NFC first): "Hộ chiếu Đà Nẵng" → "ho chieu da nang"."""
    return unicodedata.normalize("NFC", text).lower().translate(_FOLD)


def _words(text: str) -> list:
    return _WORD.findall(fold(text))


def _aligned_fold(text: str) -> str:
    """``fold`` keeping every character at its offset (for marking snippets)."""
    out = text.lower().translate(_FOLD)
    if len(out) != len(text):
        out = "".join(c.lower() if len(c.lower()) == 1 else c for c in text).translate(_FOLD)
    return out


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
        words=_Tokens(positions=True), pairs=_Tokens(), exact=_Tokens(),
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
    spots: dict = {}
    for i, token in enumerate(folded):
        spot = spots.get(token)
        if spot is None:
            spots[token] = [i]
        else:
            spot.append(i)
    del spots[_SEP]
    boost = Counter(folded[:ntitle])
    words = [(t.encode(), len(p) + TITLE_BOOST * boost[t], array("I", p).tobytes())
             for t, p in spots.items()]
    counts = Counter(exact)
    del counts[_SEP]
    xboost = Counter(exact[:ntitle])
    exacts = [(t.encode(), n + TITLE_BOOST * xboost[t], b"") for t, n in counts.items()]
    hashed = ["#" if t.isdigit() else t for t in folded]
    pairs = Counter(a + " " + b for a, b in zip(hashed, hashed[1:]) if a != _SEP != b)
    pboost = Counter(a + " " + b for a, b in zip(hashed[:ntitle], hashed[1:ntitle]))
    pairs = [(t.encode(), n + TITLE_BOOST * pboost[t], b"") for t, n in pairs.items()]
    return title, body, {"words": words, "exact": exacts, "pairs": pairs}, len(folded) - 1


class _Writer(writing.SegmentWriter):
    """A segment writer fed whole records: one analysis pass, postings added in bulk."""

    def __init__(self, ix, **kwargs):
        super().__init__(ix, codec=_codec(), **kwargs)
        self._pending = 0

    def add_record(self, record: dict) -> None:
        self._check_state()
        title, body, postings, length = _postings(record)
        docnum, schema, pdw = self.docnum, self.schema, self.perdocwriter
        when = record.get("date")
        plain = {"id": record["id"], "numkey": _number_keys(record), "type": record.get("type"),
                 "issuer": record.get("issuer"), "status": record.get("status"),
                 "year": str(when.year) if when else None}
        current = self.pool.current
        pdw.start_doc(docnum)
        for name, value in plain.items():
            if value:
                for tbytes, _, weight, vbytes in schema[name].index(value):
                    current.append((name, tbytes, docnum, weight, vbytes))
        for name, items in postings.items():
            current.extend([(name, t, docnum, w, v) for t, w, v in items])
        stored = {k: record.get(k) for k in ("number", "type", "issuer", "title", "status", "kind")}
        stored.update(date=when.isoformat() if when else None, title=title or None,
                      body=zlib.compress(body.encode("utf-8"), 1) if body else b"")
        pdw.add_field("id", schema["id"], record["id"], 0)
        pdw.add_field("doc", schema["doc"], stored, 0)
        pdw.add_column_value("date", schema["date"].column_type,
                             when.year * 10000 + when.month * 100 + when.day if when else 0)
        pdw.add_column_value("length", schema["length"].column_type, length)
        pdw.finish_doc()
        self._pending += len(current)
        if len(current) > 3_000_000:
            self.pool.save()
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
