"""What a legal officer does all day: search the registry and show one document with its
status and its links in both directions. Keeps the Whoosh index in step with corpus/."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Optional

from .errors import LegaldocsError
from .home import Home, HomeError, index_builder, write_atomic
from .models import Record, Status
from .registry import Registry
from .status import status_of
from .vocab import RELATION_KINDS

STAMP = "legaldocs-stamp.json"


@dataclass(frozen=True)
class LinkView:
    kind: str  # relation kind, or "cites" for a plain citation
    direction: str  # "outgoing" (this document → other) or "incoming" (other → this)
    label: str  # Vietnamese: "căn cứ", "được căn cứ bởi", "bị bãi bỏ bởi", "được trích dẫn bởi"
    number: Optional[str]  # the other document's number (None: unnumbered)
    record_id: Optional[str]
    evidence: str
    source: str  # where the evidence stands: the stating document's number or file
    line: Optional[int] = None
    part: Optional[str] = None
    scope: str = ""

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass(frozen=True)
class DocumentView:
    record: Record
    status: Status
    links: tuple

    def to_dict(self) -> dict:
        r = self.record
        return {"id": r.id, "kind": r.kind, "number": r.number, "type": r.type, "issuer": r.issuer,
                "date": r.date.isoformat() if r.date else None, "title": r.title,
                "effective": r.effective.isoformat() if r.effective else None, "signer": r.signer,
                "status": self.status.value, "status_detail": self.status.to_dict(),
                "sources": [s.path for s in r.sources],
                "links": [l.to_dict() for l in self.links]}


def _stating_source(registry: Registry, stated_in: str) -> str:
    record = registry.records.get(stated_in)
    if record is None:
        return stated_in  # "fact:..."
    if record.number:
        return record.number
    return record.sources[0].path if record.sources else record.id


def links_of(registry: Registry, rid: str) -> list[LinkView]:
    """Both directions of every link, then who cites the document."""
    views = []
    for link in registry.links_from(rid):
        other = registry.records.get(link.target_id)
        views.append(LinkView(link.kind, "outgoing", RELATION_KINDS[link.kind][0],
                              other.number if other else link.target_number or link.target_name, link.target_id,
                              link.evidence, _stating_source(registry, link.stated_in), link.line,
                              link.part, link.scope))
    for link in registry.links_to(rid):
        other = registry.records.get(link.source_id) if link.source_id else None
        views.append(LinkView(link.kind, "incoming", RELATION_KINDS[link.kind][1] or RELATION_KINDS[link.kind][0],
                              other.number if other else link.source_number, link.source_id,
                              link.evidence, _stating_source(registry, link.stated_in), link.line,
                              link.part, link.scope))
    linked = {(v.record_id, v.line) for v in views}
    for at in registry.records[rid].cited_in:
        if (at.source_id, at.line) in linked:
            continue
        source = registry.records.get(at.source_id)
        views.append(LinkView("cites", "incoming", "được trích dẫn bởi",
                              source.number if source else None, at.source_id, "",
                              _stating_source(registry, at.source_id), at.line))
    return views


def load_registry(home: Home) -> Registry:
    """The registry of a home; a home with no corpus is an error, not an empty answer."""
    if not home.records_dir.is_dir():
        raise LegaldocsError(f"{home.root} holds no corpus/records: run legaldocs ingest first "
                             "(or choose a home with --home / LEGALDOCS_HOME)")
    return Registry.load(home)


def show_document(home: Home, number: str, as_of: Optional[date] = None) -> DocumentView:
    """One document by number (any spelling); raises NotFound or Ambiguous."""
    registry = load_registry(home)
    record = registry.get_one(number)
    when = as_of or date.today()
    return DocumentView(record, status_of(registry, record.id, when), tuple(links_of(registry, record.id)))


# --- the index ----------------------------------------------------------------------------


def _source_text(home: Home, record: Record) -> str:
    """A record's text for the index, without layout noise (running headers, rules)."""
    from .extract.layout import clean_lines
    from .readers import read_file

    texts = []
    for source in record.sources:
        try:
            lines = clean_lines(read_file(home.corpus / source.path).text.split("\n"))
        except LegaldocsError:
            continue
        texts.append("\n".join(line for line in lines if line.strip()))
    return "\n".join(texts)


def index_documents(home: Home, registry: Registry, ids=None, as_of: Optional[date] = None):
    """The dicts the index takes, for all records or the given ids."""
    when = as_of or date.today()
    for rid in (ids if ids is not None else registry.records):
        record = registry.records[rid]
        yield {"id": rid, "number": record.number, "numbers": [], "type": record.type,
               "issuer": record.issuer, "date": record.date, "title": record.title,
               "text": _source_text(home, record), "status": status_of(registry, rid, when).value,
               "kind": record.kind}


def _generation(home: Home) -> int:
    """The manifest's generation: from its first line when it is written there (always, by
    legaldocs), so a search does not parse a 22 MB manifest to know the index is current."""
    from .patterns import MANIFEST_GENERATION

    try:
        with open(home.manifest_path, "rb") as handle:
            head = handle.read(256).decode("utf-8", "replace")
        found = MANIFEST_GENERATION.match(head)
        if found:
            return int(found.group(1))
        return json.loads(home.manifest_path.read_text(encoding="utf-8")).get("generation", 0)
    except (OSError, ValueError, AttributeError):
        return 0


def _stamp(home: Home) -> dict:
    try:
        return json.loads((home.index_dir / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def rebuild_index(home: Home) -> int:
    """Recreate index/ from corpus/ alone (and the review's snapshot there); returns the
    number of documents indexed."""
    from .snapshot import remove_snapshot

    with index_builder(home, wait=True):
        remove_snapshot(home)
        return _build(home)


def _build(home: Home) -> int:
    import shutil

    from . import index
    from .snapshot import save_snapshot, signature

    taken = signature(home)  # before reading: a change while we read makes the snapshot stale
    registry = Registry.load(home)
    try:
        for stale in home.index_dir.glob(".building-*"):  # we hold the lock: no build is running
            shutil.rmtree(stale, ignore_errors=True)
        for stale in home.index_dir.glob(".*.tmp"):  # a stamp write that was interrupted
            stale.unlink(missing_ok=True)
        count = index.build_index(home.index_dir, index_documents(home, registry))
    except OSError as exc:
        raise HomeError(f"cannot write the index in {home.index_dir}: {exc.strerror or exc}") from exc
    write_atomic(home.index_dir / STAMP, json.dumps(
        {"generation": _generation(home), "built": date.today().isoformat(), "documents": count}))
    save_snapshot(home, registry, taken)
    return count


def ensure_index(home: Home) -> None:
    """Build or refresh the index when corpus/ changed or the day did (statuses move)."""
    from . import index

    def stale() -> bool:
        stamp = _stamp(home)
        return (not index.index_exists(home.index_dir) or stamp.get("generation") != _generation(home)
                or stamp.get("built") != date.today().isoformat())

    if not stale():
        return
    if not home.records_dir.is_dir():
        raise LegaldocsError(f"{home.root} holds no corpus/records: run legaldocs ingest first "
                             "(or choose a home with --home / LEGALDOCS_HOME)")
    exists = index.index_exists(home.index_dir)
    with index_builder(home, wait=not exists) as building:
        if building and stale():  # another process may have just rebuilt it
            _build(home)
        # else: another process is rebuilding; the current index answers meanwhile


def search_documents(home: Home, query: str, **filters):
    """Search the registry (see ``index.search`` for the filters)."""
    from . import index

    ensure_index(home)
    return index.search(home.index_dir, query, **filters)
