"""The registry's search index: the only package that imports Whoosh.

``schema`` says what one Whoosh document per record holds; ``writer`` fills a segment from
whole records; ``build`` makes a full build (by worker processes) and publishes it, or
updates the live index in one commit; ``reading`` opens the live build and reads postings
and columns in bulk; ``query`` plans and runs searches; ``suggest`` says "did you mean".

The public names are re-exported here. Code reads its tunables and helpers in the module
that defines them: a test changing ``PARALLEL_MIN`` patches ``build.PARALLEL_MIN``, not
the copy here.
"""
from __future__ import annotations

from ..analysis import FOLDED, HASHED, MARK_CLOSE, MARK_OPEN, WORD, Clause, fold  # noqa: F401
from .build import PARALLEL_MIN, PROCS, SEGMENT_DOCS, build_index, update_index
from .query import Hit, SearchResult, search
from .reading import POINTER, index_doc_count, index_exists
from .schema import FACETS

__all__ = ["Hit", "SearchResult", "search", "build_index", "update_index", "index_exists", "index_doc_count",
           "POINTER", "PROCS", "PARALLEL_MIN", "SEGMENT_DOCS", "FACETS"]
