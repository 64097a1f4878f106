"""Did you mean: suggestions for a search that found nothing."""
from __future__ import annotations

from collections import Counter
from typing import Optional

from .. import analysis
from ..analysis import FOLDED, WORD
from .reading import _Open, _prefixed


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
