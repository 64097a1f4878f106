"""The index's fields.

One Whoosh document per record. ``analysis`` tokenizes its text once into ``words`` (folded
syllables, "hộ" → "ho"), ``exact`` (accented syllables) and ``pairs`` (folded bigrams with
positions, for phrases); ``numkey`` holds the ``match_key`` forms of the number and of its
"15/2013" and "QD-UBND" fragments, ``cites`` those of every number its text cites. Columns
(type, issuer, year, status, date, length) are read in bulk for filters, facets, sorting and
BM25; a stored dict carries the display fields and the compressed body (snippets).
"""
from __future__ import annotations

from whoosh import columns, fields, formats

FACETS = ("type", "issuer", "year", "status")  # per-document value columns


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
