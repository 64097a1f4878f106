"""Reading the live index: the build ``CURRENT`` names, opened once per process and
read in bulk (posting lists a block at a time, columns a segment at a time)."""
from __future__ import annotations

import os
import sys
from array import array
from itertools import accumulate
from pathlib import Path
from typing import Optional

from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3LeafMatcher

from ..errors import LegaldocsError
from .schema import _schema

POINTER = "CURRENT"  # file in index_dir naming the live build folder


def _live_dir(index_dir: Path) -> Optional[Path]:
    try:
        name = (index_dir / POINTER).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return index_dir / name if name else None


def index_exists(index_dir: Path) -> bool:
    """Whether a readable index is published in ``index_dir``. One written by an older
    legaldocs (its pickled schema names classes that moved) or damaged is not: the next
    command rebuilds it from corpus/."""
    live = _live_dir(Path(index_dir))
    if live is None:
        return False
    try:
        return whoosh_index.exists_in(str(live))
    except Exception:  # unpickling the schema, reading the TOC: nothing a search could use
        return False


def index_doc_count(index_dir: Path) -> int:
    return _open(Path(index_dir)).count


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


def _prefixed(op: _Open, name: str, prefix: str, limit: int) -> list:
    """Up to ``limit`` indexed terms of ``name`` that start with ``prefix``, sorted."""
    found = set()
    for leaf, _ in op.leaves:
        for term in leaf.expand_prefix(name, prefix):
            found.add(term.decode("utf-8") if isinstance(term, bytes) else term)
            if len(found) >= limit:
                break
    return sorted(found)
