"""The review's snapshot of the registry, derived data in ``index/`` like the search index.

Reading 100,000 record files takes half a minute; the review needs less of them: each
document's own fields, the resolved link graph, the citations outside căn cứ that point at
a document able to cease (``status.mortal_ids``; no other can make rule 6 fire), and rule
9's pairs of alike subjects (``similarity.SimilarSubjects``, true whatever the date).
``load_for_review`` keeps those in ``index/review-snapshot.pickle`` and reads them back in
about a second while corpus/ is unchanged, so a yearly review of a large registry, and each
of its reruns with other options, starts at once.

Staleness: the snapshot names the change times of ``corpus/records``, ``corpus/facts`` and
``corpus/manifest.json``. Every write legaldocs makes there renames a file into the folder,
which changes the folder's time; a snapshot is not saved within two seconds of such a
change (a coarse clock could hide the next one). A snapshot of another version, of another
shape, unreadable or stale is ignored and replaced: corpus/ is the truth, never the
snapshot. Hand edits of record files in place are not seen: run ``legaldocs index
--rebuild``, which writes it anew from the record files. The index build (after every
ingest) writes it too, from the registry it loads anyway. The pickle is read only from the
home's own ``index/``, the folder Whoosh's own files (also pickles) live in. Once read, its
objects are frozen out of the garbage collector's sight (``gc.freeze``): they hold no
cycles and live as long as the review.
"""
from __future__ import annotations

import contextlib
import gc
import os
import pickle
import time
from dataclasses import replace
from typing import Iterable, Optional

from . import __version__
from .errors import LegaldocsError
from .home import Home, HomeError, write_bytes_atomic
from .models import Cite, Link
from .registry import Registry, collector_paused
from .similarity import SIMILAR_SUBJECTS, SimilarSubjects
from .status import mortal_ids

SNAPSHOT = "review-snapshot.pickle"
FORMAT = 5  # bump when the pickled shape or meaning changes
QUIET_SECONDS = 2.0  # no snapshot of a corpus/ changed this recently


class RegistryView:
    """What the review reads of a registry: the records' own fields (without their
    citation lists and sources), the resolved link graph, and each document's citations
    outside căn cứ that may designate a document able to cease (their number and line),
    with the record id."""

    def __init__(self, home: Home, records: dict, outgoing: dict, incoming: dict, plain: dict,
                 damaged: list, damaged_facts: list, similar_subjects: Optional[SimilarSubjects] = None):
        self.home = home
        self.similar_subjects = similar_subjects  # rule 9's pairs, for every date
        self.records = records
        self._outgoing = outgoing
        self._incoming = incoming
        self._plain = plain
        self.damaged = damaged
        self.damaged_facts = damaged_facts

    def links_from(self, rid: str) -> list[Link]:
        return self._outgoing.get(rid, [])

    def links_to(self, rid: str) -> list[Link]:
        return self._incoming.get(rid, [])

    def all_links(self) -> Iterable[Link]:
        for links in self._incoming.values():
            yield from links

    def plain_cites(self, rid: str) -> tuple:
        return self._plain.get(rid, ())

    @classmethod
    def of(cls, registry: Registry) -> "RegistryView":
        """The view of a loaded registry."""
        mortal = mortal_ids(registry)
        # One object per distinct value ("based_on", "Quyết định", an issuer, an id): the
        # pickle stores each once and a load makes far fewer objects.
        shared: dict = {}

        def one(value):
            return shared.setdefault(value, value) if isinstance(value, str) else value

        heads = {one(rid): replace(r, id=one(r.id), kind=one(r.kind), type=one(r.type), issuer=one(r.issuer),
                                   place=one(r.place), signer=one(r.signer), sources=(), links=(), cites=(),
                                   cited_in=())
                 for rid, r in registry.records.items()}
        plain = {}
        for rid, record in registry.records.items():
            # what rule 6 reads of a citation: its number and line
            kept = tuple((Cite(one(cite.number), cite.line), one(target))
                         for cite, target in registry.plain_cites(rid) if target in mortal)
            if kept:
                plain[one(rid)] = kept
        # Resolved, the links need no more what their texts said of the two ends; the same
        # Link objects in both maps, pickled once each.
        bare: dict = {}

        def resolved(link: Link) -> Link:
            if id(link) not in bare:
                bare[id(link)] = replace(
                    link, kind=one(link.kind), scope=one(link.scope), source_id=one(link.source_id),
                    target_id=one(link.target_id), stated_in=one(link.stated_in),
                    source_number=one(link.source_number), target_number=one(link.target_number),
                    part=one(link.part), target_issuer=None, target_date=None, source_issuer=None, source_date=None)
            return bare[id(link)]

        outgoing = {one(rid): [resolved(l) for l in registry.links_from(rid)]
                    for rid in registry.records if registry.links_from(rid)}
        incoming: dict = {}
        for link in registry.all_links():
            incoming.setdefault(one(link.target_id), []).append(resolved(link))
        return cls(registry.home, heads, outgoing, incoming, plain, list(registry.damaged),
                   list(registry.damaged_facts), SimilarSubjects(registry, SIMILAR_SUBJECTS))


def _mtime(path) -> Optional[int]:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None


def signature(home: Home) -> tuple:
    """What a snapshot is valid for: this version, and the change times of corpus/."""
    manifest = None
    with contextlib.suppress(OSError):
        st = os.stat(home.manifest_path)
        manifest = (st.st_mtime_ns, st.st_size)
    return (FORMAT, __version__, _mtime(home.records_dir), _mtime(home.facts_dir), manifest)


def _read(home: Home, wanted: tuple) -> Optional[RegistryView]:
    path = home.index_dir / SNAPSHOT
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        with collector_paused():
            stored = pickle.loads(data)
            # Millions of objects without cycles, kept for the whole review: out of the
            # collector's sight, which would otherwise rescan them all on its next pass.
            gc.freeze()
    except Exception:  # a damaged or foreign file: ignored, rebuilt from corpus/
        return None
    if not (isinstance(stored, tuple) and len(stored) == 8 and stored[0] == wanted):
        return None
    return RegistryView(home, *stored[1:])


def _quiet(sig: tuple) -> bool:
    """Whether corpus/ has been still long enough for its change times to be trusted."""
    changed = max((t for t in (sig[2], sig[3], sig[4] and sig[4][0]) if t), default=0)
    return time.time_ns() - changed >= QUIET_SECONDS * 1e9


def _save(home: Home, view: RegistryView, sig: tuple) -> bool:
    if not _quiet(sig):
        return False
    data = pickle.dumps((sig, view.records, view._outgoing, view._incoming, view._plain, view.damaged,
                         view.damaged_facts, view.similar_subjects), protocol=pickle.HIGHEST_PROTOCOL)
    try:
        write_bytes_atomic(home.index_dir / SNAPSHOT, data)
    except HomeError:
        return False  # a read-only or full home reviews all the same, from corpus/
    return True


def load_for_review(home: Home) -> RegistryView:
    """The registry as the review reads it: from the snapshot when corpus/ is unchanged,
    else from corpus/ (and the snapshot is written for the next time)."""
    if not home.records_dir.is_dir():
        raise LegaldocsError(f"{home.root} holds no corpus/records: run legaldocs ingest first "
                             "(or choose a home with --home / LEGALDOCS_HOME)")
    sig = signature(home)
    view = _read(home, sig)
    if view is not None:
        return view
    registry = Registry.load(home)
    with collector_paused():
        view = RegistryView.of(registry)
        _save(home, view, sig)
    return view


def save_snapshot(home: Home, registry: Registry, sig: tuple) -> bool:
    """Write the snapshot of a registry loaded after ``sig = signature(home)`` was taken.
    The index build does it with the registry it has loaded anyway, so the first review
    after an ingest need not read every record again. False when not written."""
    if not _quiet(sig):
        return False
    with collector_paused():
        return _save(home, RegistryView.of(registry), sig)


def remove_snapshot(home: Home) -> None:
    """Forget the snapshot (``index --rebuild``, ``doctor --repair``)."""
    with contextlib.suppress(OSError):
        (home.index_dir / SNAPSHOT).unlink()
