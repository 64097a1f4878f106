"""Health of a home: find what a crash, a full disk or an older version left behind, say
how to repair it, and repair it (``legaldocs doctor --repair``) from corpus/ alone."""
from __future__ import annotations

import collections
import json
import os
from dataclasses import dataclass

from .errors import LegaldocsError
from .home import Home, dump_json, index_builder, write_atomic
from .numbers import match_key
from .ingest import check_manifest, sweep_temporaries
from .registry import Registry


@dataclass(frozen=True)
class Problem:
    kind: str  # "damaged-record", "missing-source", "unindexed-source", "stale-index", ...
    severity: str  # "error" | "warning" | "info"
    message: str
    fix: str

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass(frozen=True)
class DoctorReport:
    problems: tuple

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    def to_dict(self) -> dict:
        return {"ok": self.ok, "problems": [p.to_dict() for p in self.problems]}


def _manifest(home: Home, problems: list) -> dict:
    if not home.manifest_path.exists():
        if home.records_dir.is_dir() and any(home.records_dir.glob("*.json")):
            problems.append(Problem("missing-manifest", "error", f"{home.manifest_path} is missing",
                                    "legaldocs doctor --repair re-ingests corpus/sources"))
        return {"sources": {}}
    try:
        manifest = json.loads(home.manifest_path.read_text(encoding="utf-8"))
        check_manifest(manifest)
        return manifest
    except (OSError, ValueError) as exc:
        problems.append(Problem("damaged-manifest", "error", f"{home.manifest_path}: {exc}",
                                "legaldocs doctor --repair re-ingests corpus/sources"))
        return {"sources": {}}


def diagnose(home: Home) -> DoctorReport:
    """Every problem of a home, each with its fix. Reads only."""
    problems: list[Problem] = []
    if not home.root.is_dir():
        raise LegaldocsError(f"{home.root} is not a folder")
    if home.corpus.is_dir() and not os.access(home.corpus, os.W_OK):
        problems.append(Problem("read-only", "warning", f"{home.corpus} is read-only",
                                "searches work; ingest and record need write access"))
    for tmp in home.corpus.rglob(".*.tmp") if home.corpus.is_dir() else ():
        problems.append(Problem("leftover-temporary", "warning", f"{tmp} was left by an interrupted write",
                                "legaldocs doctor --repair deletes it"))
    manifest = _manifest(home, problems)
    registry = Registry.load(home)
    for path, reason in registry.damaged:
        problems.append(Problem("damaged-record", "error", f"{path}: {reason}",
                                "legaldocs doctor --repair re-ingests its source"))
    sources = manifest.get("sources", {})
    for rel, entry in sources.items():
        if not (home.corpus / rel).exists():
            problems.append(Problem("missing-source", "error", f"{rel} is in the manifest but not on disk",
                                    "restore the file, or legaldocs doctor --repair forgets it"))
        elif entry.get("record") not in registry.records:
            problems.append(Problem("missing-record", "error",
                                    f"{rel}: its record {entry.get('record')} is missing",
                                    "legaldocs doctor --repair re-ingests it"))
    known = set(sources)
    if home.sources_dir.is_dir():
        for path in sorted(home.sources_dir.rglob("*")):
            if path.is_file() and not path.name.startswith(".") and home.relative(path) not in known:
                problems.append(Problem("unindexed-source", "warning",
                                        f"{home.relative(path)} is in corpus/sources but was never ingested "
                                        "(an interrupted ingest?)", "legaldocs doctor --repair ingests it"))
    for record in registry.records.values():
        for source in record.sources:
            if source.path not in known:
                problems.append(Problem("orphan-record", "warning",
                                        f"record {record.id} comes from {source.path}, which the manifest lacks",
                                        "legaldocs doctor --repair re-ingests it"))
    list(registry.all_links())  # builds the graph, which loads the facts
    for path, reason in registry.damaged_facts:
        problems.append(Problem("damaged-fact", "error", f"{path}: {reason}",
                                "correct the file; legaldocs doctor --repair moves it aside to "
                                "corpus/facts/.damaged/ (never deletes it)"))
    problems += _disagreements(registry)
    problems += _index_problems(home, manifest)
    return DoctorReport(tuple(problems))


def _disagreements(registry: Registry) -> list[Problem]:
    """Same number, different issuers or dates: both kept, reported here."""
    found = []
    by_key = collections.defaultdict(list)
    for record in registry.records.values():
        if record.number:
            by_key[match_key(record.number)].append(record)
    for records in by_key.values():
        if len(records) > 1:
            found.append(Problem("same-number", "info", "; ".join(
                f"{r.number} ({r.issuer or 'issuer?'}, {r.date or 'date?'}, {r.kind})" for r in records)
                + " are kept as separate documents", "nothing to do if they are different documents"))
    for record in registry.records.values():
        dates = {at.date for at in record.cited_in if at.date}
        if record.date:
            dates.add(record.date)
        if len(dates) > 1:
            found.append(Problem("dates-disagree", "info", f"{record.number}: sources give the dates "
                                 + ", ".join(sorted(d.isoformat() for d in dates)),
                                 "check the citing texts (legaldocs show " + (record.number or record.id) + ")"))
    return found


def _index_problems(home: Home, manifest: dict) -> list[Problem]:
    found = []
    with index_builder(home, wait=False) as idle:
        if idle:  # nobody is building: a .building-* folder is what a killed build left
            found += [Problem("leftover-index-build", "warning", f"{path} was left by an interrupted index build",
                              "legaldocs doctor --repair (or legaldocs index --rebuild) removes it")
                      for path in sorted(home.index_dir.glob(".building-*"))]
    return found + _index_state(home, manifest)


def _index_state(home: Home, manifest: dict) -> list[Problem]:
    from .browse import STAMP

    stamp_path = home.index_dir / STAMP
    if not stamp_path.exists():
        return [Problem("no-index", "info", "index/ has not been built yet",
                        "the next search builds it, or legaldocs index --rebuild")]
    try:
        stamp = json.loads(stamp_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return [Problem("damaged-index", "warning", "index/ stamp is unreadable", "legaldocs index --rebuild")]
    if stamp.get("generation") != manifest.get("generation", 0):
        return [Problem("stale-index", "warning", "index/ is older than corpus/",
                        "the next search refreshes it, or legaldocs index --rebuild")]
    try:
        from . import index

        count = index.index_doc_count(home.index_dir)
    except LegaldocsError as exc:
        return [Problem("damaged-index", "warning", str(exc), "legaldocs index --rebuild")]
    if count != stamp.get("documents"):
        return [Problem("damaged-index", "warning", f"index/ holds {count} documents, expected "
                        f"{stamp.get('documents')}", "legaldocs index --rebuild")]
    return []


def repair(home: Home) -> DoctorReport:
    """Fix what diagnose finds, from corpus/ alone; returns the report after repair."""
    from .browse import rebuild_index
    from .ingest import ingest

    with home.writer():
        sweep_temporaries(home)
        problems: list = []
        manifest = _manifest(home, problems)
        if any(p.kind in ("damaged-manifest", "missing-manifest") for p in problems):
            manifest = {"generation": 0, "sources": {}}
        registry = Registry.load(home)
        for path, _ in registry.damaged:
            os.unlink(path)
        list(registry.all_links())
        for path, _ in registry.damaged_facts:  # a person's statement: kept aside, never deleted
            aside = home.facts_dir / ".damaged"
            aside.mkdir(exist_ok=True)
            os.replace(path, aside / os.path.basename(path))
        sources = manifest.setdefault("sources", {})
        for rel in list(sources):
            if not (home.corpus / rel).exists() or sources[rel].get("record") not in registry.records:
                sources.pop(rel)
        write_atomic(home.manifest_path, dump_json(manifest))
    if home.sources_dir.is_dir():
        ingest(home, [home.sources_dir])
    rebuild_index(home)
    return diagnose(home)
