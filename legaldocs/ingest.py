"""Ingest: files → records in the home, incrementally, idempotently, crash-safely.

For each changed file (by content hash, against ``corpus/manifest.json``): read and
extract it (both cores for large batches), copy it into ``corpus/sources``, write its
record. Then rebuild the "cited" records (documents known only from citations) and write
the manifest. Every write is a rename, and a record is derived only from its sources, so a
crash at any point leaves corpus/ readable, and the next run finishes the job.
"""
from __future__ import annotations

import collections
import hashlib
import json
import multiprocessing
import os
import warnings
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable, Optional

from .errors import LegaldocsError
from .home import Home, copy_atomic, dump_json, write_atomic
from .models import Cite, CitedAt, Extraction, Link, Record, SourceRef
from .registry import Registry, identity_issuer, number_year, record_id, record_to_json

SUPPORTED = {".txt", ".md", ".html", ".htm", ".docx", ".xml", ".pdf"}
PARALLEL_FROM = 40  # files in a batch before extraction goes to a process pool
MANIFEST_EVERY = 200  # records between two manifest writes, at least
MANIFEST_SHARE = 20  # ... and at least 1/20 of the manifest: writing it stays linear in all


@dataclass(frozen=True)
class IngestSummary:
    added: tuple = ()
    updated: tuple = ()
    unchanged: tuple = ()
    failed: tuple = ()  # (path, reason)
    cited: int = 0  # cited records now in the registry

    def to_dict(self) -> dict:
        return {"added": list(self.added), "updated": list(self.updated),
                "unchanged": list(self.unchanged),
                "failed": [{"path": p, "reason": r} for p, r in self.failed], "cited": self.cited}


def collect_files(paths: Iterable[Path], home: Home, refused: Optional[list] = None) -> list[Path]:
    """Supported files under ``paths`` (folders walked), skipping hidden and record files.
    A symbolic link inside a folder that leads out of it is not followed: it is noted in
    ``refused`` as (path, reason), so a folder never makes ingest read a file outside it."""
    found = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            inside = path.resolve()
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUPPORTED and not any(
                        part.startswith(".") for part in child.relative_to(path).parts) \
                        and home.records_dir not in child.parents and home.index_dir not in child.parents:
                    if child.is_symlink() and inside not in child.resolve().parents:
                        if refused is not None:
                            refused.append((str(child), one_line(f"{child}: a symbolic link to a file outside "
                                                                 f"{path}, not read")))
                        continue
                    found.append(child)
        else:
            found.append(path)
    return found


def one_line(message: str) -> str:
    """A failure message on one line, whatever the file name holds (newlines, tabs)."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in message)


def load_manifest(home: Home) -> dict:
    if not home.manifest_path.exists():
        return {"generation": 0, "sources": {}}
    try:
        manifest = json.loads(home.manifest_path.read_text(encoding="utf-8"))
        check_manifest(manifest)
        return manifest
    except (OSError, ValueError) as exc:
        raise LegaldocsError(f"{home.manifest_path} is damaged ({exc}); run legaldocs doctor --repair") from exc


def sweep_temporaries(home: Home) -> None:
    """Remove what an interrupted write left (``.name.xxx.tmp``); call with the writer lock."""
    for tmp in home.corpus.rglob(".*.tmp"):
        tmp.unlink(missing_ok=True)


def check_manifest(manifest) -> None:
    """ValueError unless ``manifest`` has this version's shape."""
    if not isinstance(manifest, dict) or not isinstance(manifest.get("sources", {}), dict):
        raise ValueError("not a legaldocs manifest")
    for rel, entry in manifest.get("sources", {}).items():
        if not isinstance(entry, dict) or not isinstance(entry.get("sha256"), str):
            raise ValueError(f"entry {rel!r} is of an older or unknown form")


def _extract(path: str):
    from .extract import extract_file

    try:
        return path, extract_file(path), None
    except LegaldocsError as exc:
        return path, None, str(exc)
    except Exception as exc:  # a bug must not stop the run: report it against the file
        return path, None, f"{path}: unexpected {type(exc).__name__}: {exc}"


def _stored_path(home: Home, path: Path, digest: str, sources: dict,
                 originals: Optional[dict] = None) -> Path:
    """Where a source lives in the home: where it is if already inside corpus/sources;
    where its earlier version went if it was ingested before; else corpus/sources/ingested.
    ``originals`` (original path → the first manifest entry naming it, from
    ``_originals``) spares a scan of the whole manifest per file."""
    resolved = path.resolve()
    if home.sources_dir in resolved.parents:
        return resolved
    if originals is not None:
        if str(resolved) in originals:
            return home.corpus / originals[str(resolved)]
    else:
        for rel, entry in sources.items():
            if entry.get("original") == str(resolved):
                return home.corpus / rel
    target = home.sources_dir / "ingested" / path.name
    if target.exists() and hashlib.sha256(target.read_bytes()).hexdigest() != digest:
        target = target.with_name(f"{path.stem}-{digest[:8]}{path.suffix}")
    return target


def _originals(sources: dict) -> dict:
    """Original path → the first manifest entry that names it."""
    found: dict = {}
    for rel, entry in sources.items():
        if entry.get("original"):
            found.setdefault(entry["original"], rel)
    return found


def record_from_extraction(extraction: Extraction, source_rel: str, digest: str) -> Record:
    """The full record of an extracted document."""
    meta = extraction.document
    rid = record_id(meta.number, meta.issuer, meta.date, Path(source_rel).stem)
    first_seen = {}
    for cit in extraction.citations:
        first_seen.setdefault(cit.number, cit)
    when = meta.effective or meta.date
    links = []
    for rel in extraction.relations:
        target = first_seen.get(rel.target) if rel.target else None
        source = first_seen.get(rel.source) if rel.source and rel.source != meta.number else None
        links.append(Link(
            kind=rel.kind, source_id=None, source_number=rel.source, target_id="",
            target_number=rel.target or "", stated_in=rid, scope=rel.scope, line=rel.line,
            evidence=rel.evidence, part=rel.part, date=when if rel.scope == "self" else None,
            target_issuer=target.issuer if target else None,
            target_date=target.date if target else rel.target_date,
            source_issuer=(meta.issuer if rel.source == meta.number else source.issuer if source else None),
            source_date=(meta.date if rel.source == meta.number else source.date if source else None),
            target_name=rel.target_name))
    # every citation on a căn cứ line belongs to the basis, also one inside another's title
    basis_lines = {r.line for r in extraction.relations if r.kind == "based_on" and r.scope == "self"}
    cites = tuple(Cite(c.number, c.line, c.type, c.issuer, c.date, c.title, c.flags, c.line in basis_lines)
                  for c in extraction.citations)
    return Record(
        id=rid, kind="full", number=meta.number, type=meta.type, issuer=meta.issuer, date=meta.date,
        title=meta.title, signer=meta.signer, effective=meta.effective, expires=meta.expires,
        term=meta.term, place=meta.place, sources=(SourceRef(source_rel, digest),),
        links=tuple(links), cites=cites)


def _merge_full(old: Optional[Record], new: Record) -> Record:
    """Two texts of the same document (a DOCX and a PDF of it): keep both sources."""
    if old is None or old.kind != "full":
        return new
    sources = tuple({s.path: s for s in old.sources + new.sources}.values())
    return replace(new, sources=sources)


def rebuild_cited(registry: Registry) -> tuple[dict, set]:
    """The cited records the full records call for: (records by id, ids to delete)."""
    full = {rid: r for rid, r in registry.records.items() if r.kind == "full"}
    base = Registry(registry.home, dict(full))
    groups: dict = collections.OrderedDict()
    cited_in = collections.defaultdict(list)
    for record in full.values():
        for cite in record.cites:
            target = base.resolve(cite.number, cite.issuer, cite.date)
            at = CitedAt(record.id, cite.line, cite.date, cite.issuer, cite.title, cite.flags)
            if target is not None:
                cited_in[target].append(at)
                continue
            year = number_year(cite.number, cite.date)
            key = (cite.number, identity_issuer(cite.number, cite.issuer), year)
            groups.setdefault(key, []).append((cite, at))
    # an observation without issuer or year joins the one group that fits, if only one does
    merged: dict = collections.OrderedDict()
    by_number = collections.defaultdict(list)  # the groups of each number, in group order
    for key in groups:
        by_number[key[0]].append(key)
    for key, items in groups.items():
        number, issuer, year = key
        home_key = key
        if issuer is None or year is None:
            fits = [k for k in by_number[number] if k != key and k[1] is not None
                    and (issuer is None or k[1] == issuer) and (year is None or k[2] in (None, year))]
            if len(fits) == 1:
                home_key = fits[0]
        merged.setdefault(home_key, []).extend(items)
    cited = {}
    for (number, ident, year), items in merged.items():
        issuers = collections.Counter(c.issuer for c, _ in items if c.issuer)
        issuer = issuers.most_common(1)[0][0] if issuers else ident
        dates = collections.Counter(c.date for c, _ in items if c.date)
        when = dates.most_common(1)[0][0] if dates else None
        rid = record_id(number, issuer, when if when else (None if year is None else _year_date(year)))
        types = collections.Counter(c.type for c, _ in items
                                    if c.type and c.type not in ("Văn bản", "Công văn"))
        titles = [c.title for c, _ in items if c.title]
        cited[rid] = Record(id=rid, kind="cited", number=number,
                            type=(types.most_common(1)[0][0] if types else items[0][0].type),
                            issuer=issuer, date=when, title=max(titles, key=len) if titles else None,
                            cited_in=tuple(sorted({at for _, at in items}, key=_cited_order)))
    # full records keep the list of who cites them too
    for rid, ats in cited_in.items():
        cited[rid] = replace(full[rid], cited_in=tuple(sorted(set(ats), key=_cited_order)))
    stale = {rid for rid, r in registry.records.items() if r.kind == "cited" and rid not in cited}
    return cited, stale


def _cited_order(at: CitedAt) -> tuple:
    """A total order, so records do not change with the hash seed."""
    return (at.source_id, at.line, at.date.isoformat() if at.date else "", at.issuer or "", at.title or "",
            at.flags)


def _year_date(year: int):
    from datetime import date

    return date(year, 1, 1)


def ingest(home: Home, paths: Iterable, progress: Optional[Callable] = None,
           workers: int = 2) -> IngestSummary:
    """Ingest files and folders into ``home``; returns what was added, updated, unchanged
    and what failed (with reasons). A bad file never stops the run."""
    home.ensure()
    with home.writer():
        sweep_temporaries(home)
        manifest = load_manifest(home)
        sources = manifest.setdefault("sources", {})
        by_digest = {entry["sha256"]: rel for rel, entry in sources.items()}
        originals = _originals(sources)  # the manifest does not change until all paths are placed
        registry = Registry.load(home)
        added, updated, unchanged, failed, todo = [], [], [], [], []
        files = collect_files([Path(p) for p in paths], home, failed)
        for path in files:
            try:
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError as exc:
                failed.append((str(path), one_line(f"{path}: {exc.strerror or exc}")))
                continue
            stored = _stored_path(home, path, digest, sources, originals)
            rel = home.relative(stored)
            if sources.get(rel, {}).get("sha256") == digest or (digest in by_digest and by_digest[digest] != rel
                                                                 and by_digest[digest] in sources):
                unchanged.append(str(path))
                continue
            todo.append((path, stored, rel, digest))
        results = _run_extractions([str(p) for p, *_ in todo], workers)
        since_manifest = 0
        for (path, stored, rel, digest), (_, extraction, error) in zip(todo, results):
            if error:
                failed.append((str(path), one_line(error)))
                continue
            if stored != path.resolve():
                copy_atomic(path, stored)
            record = record_from_extraction(extraction, rel, digest)
            old_id = sources.get(rel, {}).get("record")
            if old_id and old_id != record.id and old_id in registry.records:
                _forget_source(home, registry, old_id, rel)
            record = _merge_full(registry.records.get(record.id), record)
            write_atomic(home.records_dir / f"{record.id}.json", dump_json(record_to_json(record)))
            registry.records[record.id] = record
            (updated if rel in sources else added).append(str(path))
            sources[rel] = {"sha256": digest, "record": record.id}
            if stored != path.resolve():
                sources[rel]["original"] = str(path.resolve())
            since_manifest += 1
            if progress:
                progress(str(path))
            if since_manifest >= max(MANIFEST_EVERY, len(sources) // MANIFEST_SHARE):
                _write_manifest(home, manifest)
                since_manifest = 0
        cited_count = _refresh_cited(home, registry)
        manifest["generation"] = manifest.get("generation", 0) + 1
        _write_manifest(home, manifest)
    return IngestSummary(tuple(added), tuple(updated), tuple(unchanged), tuple(failed), cited_count)


def _run_extractions(paths: list[str], workers: int) -> list:
    if len(paths) >= PARALLEL_FROM and workers > 1:
        # forkserver: workers must not inherit the writer lock (a fork would hold it open
        # after the parent is killed, and lock the home for good)
        context = multiprocessing.get_context("forkserver")
        try:
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                return list(pool.map(_extract, paths, chunksize=8))
        except BrokenProcessPool:
            # Workers re-run the calling script (as multiprocessing does): one without an
            # ``if __name__ == "__main__":`` guard calls ingest again there and they die.
            # Extraction is pure, so it is done here instead, one file after another.
            warnings.warn("legaldocs: extraction workers could not start (does the calling script lack "
                          "an `if __name__ == \"__main__\":` guard?); extracting in this process", RuntimeWarning,
                          stacklevel=3)
    return [_extract(p) for p in paths]


def _forget_source(home: Home, registry: Registry, rid: str, rel: str) -> None:
    """A changed file now yields another document: drop it from its old record."""
    record = registry.records[rid]
    remaining = tuple(s for s in record.sources if s.path != rel)
    if remaining:
        return  # another text of the same document still stands
    registry.records.pop(rid)
    path = home.records_dir / f"{rid}.json"
    if path.exists():
        os.unlink(path)


def _refresh_cited(home: Home, registry: Registry) -> int:
    cited, stale = rebuild_cited(registry)
    for rid, record in cited.items():
        text = dump_json(record_to_json(record))
        path = home.records_dir / f"{rid}.json"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            write_atomic(path, text)
        registry.records[rid] = record
    for rid in stale:
        path = home.records_dir / f"{rid}.json"
        if path.exists():
            os.unlink(path)
        registry.records.pop(rid, None)
    return sum(1 for r in cited.values() if r.kind == "cited")


def _write_manifest(home: Home, manifest: dict) -> None:
    write_atomic(home.manifest_path, dump_json(manifest))
