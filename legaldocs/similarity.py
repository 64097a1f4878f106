"""Rule 9's measure: how alike two documents' subjects are, and every pair of one issuer
and type that is alike enough, without comparing every pair.

A title's subject is its words without the frame ("Ban hành Quy chế", "trên địa bàn tỉnh
X"); two subjects are alike when ``SequenceMatcher`` finds ``SIMILAR_SUBJECTS`` of their
words in the same order. Used by the review (rule 9) and stored in its snapshot.
"""
from __future__ import annotations

import difflib
import math
from typing import Callable

from . import patterns
from .models import Record
from .numbers import fold
from .vocab import ACTING_ON_TITLE, NOT_REVIEWED

SIMILAR_SUBJECTS = 0.75  # rule 9: word similarity of two subjects that makes them "the same"


def subject_words(title: str) -> tuple:
    """The words of a title's subject: folded, without its frame ("Ban hành Quy chế", "trên
    địa bàn tỉnh X"); all its words when nothing else is left."""
    folded = fold(title).lower()
    return tuple(patterns.TITLE_WORD.findall(patterns.TITLE_FRAME.sub(" ", folded))) \
        or tuple(patterns.TITLE_WORD.findall(folded))


def subject_similarity(a: tuple, b: tuple) -> float:
    """Rule 9's measure: ``SequenceMatcher`` ratio of two subjects, word by word."""
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() if a or b else 1.0




class SimilarSubjects:
    """Rule 9's pairs, found once for the whole registry: documents of one issuer and type
    whose subjects reach ``threshold``, the older mapped to [(similarity, newer id)], closest
    first, then the newest.

    Exact without comparing every pair (prefix filtering, as in AllPairs/PPJoin): the ratio
    2·M/(|a|+|b|) counts M matched words, at most the words the two subjects share as
    multisets, so reaching s needs a shared multiset of at least ``s·|a|/(2-s)`` words of
    each. Under one order of the words (with their occurrence count, rarest first), two
    subjects sharing that many share one among the first ``|a| - need + 1`` of each. Every
    subject is probed against the prefixes of those already seen (shortest first), and the
    exact ratio decides among the candidates: the pairs are those of comparing every pair.
    An indexed subject only meets probes at least as long, so it is indexed under its first
    ``|a| - ceil(s·|a|) + 1`` words; a candidate is compared only when its words shared with
    the probe (bit masks of the group's words) could reach s.
    Documents acting on another (amending, repealing) and texts that do not regulate are
    left out: their titles name what they act on. ``among`` narrows the documents further
    (the review: those in force on its date).
    """

    def __init__(self, registry, threshold: float, among: Callable[[Record], bool] = lambda record: True):
        self.threshold = threshold
        self.newer: dict[str, list] = {}
        groups: dict = {}
        for record in registry.records.values():
            if (record.kind == "full" and record.title and record.date and record.number
                    and record.type not in NOT_REVIEWED and among(record)
                    and not fold(record.title).lower().startswith(ACTING_ON_TITLE)
                    and not any(l.kind == "amends" and l.stated_in == record.id
                                for l in registry.links_from(record.id))):
                groups.setdefault((record.issuer, record.type), []).append(record)
        for members in groups.values():
            if len(members) > 1:
                self._join(members)
        records = registry.records
        for pairs in self.newer.values():  # closest first, then the newest
            pairs.sort(key=lambda pair: (-pair[0], -records[pair[1]].date.toordinal(), pair[1]))

    def _prefix_length(self, length: int) -> int:
        s = self.threshold
        need = math.ceil(length * s / (2 - s) - 1e-9)  # a margin for the float ratio
        return max(1, min(length, length - need + 1))

    def _join(self, members: list) -> None:
        words = {r.id: subject_words(r.title) for r in members}
        elements = {}
        frequency: dict = {}
        for rid, ws in words.items():
            seen: dict = {}
            elems = []
            for w in ws:
                seen[w] = seen.get(w, 0) + 1
                elems.append((w, seen[w]))
            elements[rid] = elems
            for e in elems:
                frequency[e] = frequency.get(e, 0) + 1
        bit = {e: 1 << i for i, e in enumerate(frequency)}
        mask = {rid: sum(bit[e] for e in elems) for rid, elems in elements.items()}  # a set as bits
        s = self.threshold
        index: dict = {}  # element → ids whose prefix holds it, shortest first
        starts: dict = {}  # element → first id in its list long enough for the current probes
        length = {rid: len(ws) for rid, ws in words.items()}
        dated = {r.id: r.date for r in members}
        ratios: dict = {}
        for rid in sorted(words, key=lambda r: (length[r], r)):
            elems = sorted(elements[rid], key=lambda e: (frequency[e], e))
            size = length[rid]
            prefix = elems[:self._prefix_length(size)] if elems else [("", 0)]  # "" meets ""
            shortest = size * s / (2 - s) - 1e-9  # length filter; probes only grow longer
            lists = []
            for e in prefix:
                ids = index.get(e)
                if ids:
                    start = starts.get(e, 0)
                    while start < len(ids) and length[ids[start]] < shortest:
                        start += 1
                    starts[e] = start
                    lists.append(ids[start:] if start else ids)
            if lists:
                mine, when = mask[rid], dated[rid]
                # the shared multiset bounds the ratio: only those that may reach s
                for other in [o for o in set().union(*lists)
                              if 2 * (mine & mask[o]).bit_count() >= s * (size + length[o]) - 1e-9]:
                    if dated[other] == when:
                        continue
                    pair = (words[rid], words[other])
                    ratio = ratios.get(pair)
                    if ratio is None:  # titles recur: each pair of subjects is compared once
                        ratio = ratios[pair] = subject_similarity(*pair)
                    if ratio >= s:
                        older, newer = (rid, other) if when < dated[other] else (other, rid)
                        self.newer.setdefault(older, []).append((ratio, newer))
            # Indexed, it meets only probes as long or longer: overlap >= s·|itself|.
            for e in prefix[:max(1, min(size, size - math.ceil(size * s - 1e-9) + 1))]:
                index.setdefault(e, []).append(rid)
