"""Writing a segment: records analysed once each, postings handed to the codec in bulk."""
from __future__ import annotations

import unicodedata
import zlib
from array import array

from whoosh import writing
from whoosh.codec.whoosh3 import W3Codec

from .. import analysis


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
