"""Registry exports: CSV and JSON Lines for spreadsheets and scripts, Akoma Ntoso 3.0 XML
(OASIS LegalDocML) for other legal-XML systems. Every row and file carries the canonical
number.

Akoma Ntoso: one ``<act>`` (normative types) or ``<doc>`` (the others) per document, with

- ``meta/identification``: FRBR work, expression and manifestation, named as
  ``/akn/vn/act/2013-07-05/15-2013-qd-ubnd`` (type class, date of issue, number);
- ``meta/lifecycle`` and ``temporalData``: issue (generation), entry into force, and the
  amendments and repeals that other registry documents make, with their dates;
- ``meta/analysis``: ``activeModifications`` (what this document repeals, replaces, amends,
  corrects, suspends) and ``passiveModifications`` (what does that to it); its other links
  (căn cứ, hướng dẫn, ban hành kèm theo ...) as ``otherReferences``;
- ``meta/references``: the documents named there, the issuer as a TLCOrganization;
- ``meta/proprietary``: the legaldocs record id and kind, and whether the body is the text;
- a ``preface`` with docNumber, docAuthority, docDate, docType and docTitle;
- a ``body`` (``mainBody`` for doc) holding the source text verbatim, one ``p`` per line
  (empty lines too), so that ``legaldocs ingest`` of the file rebuilds the same record
  (``readers.akn`` reads such a file line for line). A document known only from citations
  has an empty body and is refused by ingest, which rebuilds it from the citations.

Files are valid against the official schema (``legaldocs/schema/akomantoso30.xsd``).
"""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable, Optional, TextIO

from lxml import etree

from .dates import format_date
from .errors import LegaldocsError
from .home import write_atomic
from .models import Link, Record
from .readers.akn import AKN_NAMESPACE, LEGALDOCS_NAMESPACE
from .registry import Registry, number_year, record_to_json, slug
from .status import link_date, status_of
from .vocab import RELATION_KINDS, TYPE_BY_NAME

CSV_COLUMNS = ("number", "id", "kind", "type", "issuer", "date", "effective", "title",
               "status", "links")
SCHEMA_PATH = Path(__file__).parent / "schema" / "akomantoso30.xsd"

# Links that change another document, as Akoma Ntoso modifications: (element, type).
MODIFICATIONS = {
    "repeals": ("textualMod", "repeal"),
    "replaces": ("textualMod", "replacement"),
    "amends": ("textualMod", "substitution"),
    "corrects": ("textualMod", "substitution"),
    "suspends": ("efficacyMod", "inapplication"),
}
# Lifecycle events that incoming modifications make: kind -> eventRef type.
LIFECYCLE_EVENTS = {"amends": "amendment", "corrects": "amendment", "repeals": "repeal",
                    "replaces": "repeal"}
# Characters XML 1.0 cannot carry (C0 controls but tab, newline, carriage return).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class AknExport:
    """What ``export_akn`` wrote: file paths, and records exported without their text."""

    files: tuple = ()
    without_text: tuple = ()  # (record id, reason)

    def to_dict(self) -> dict:
        return {"files": list(self.files),
                "without_text": [{"id": i, "reason": r} for i, r in self.without_text]}


# --- CSV and JSON Lines --------------------------------------------------------------------


def _records(registry: Registry) -> list[Record]:
    return [registry.records[rid] for rid in sorted(registry.records)]


def links_cell(registry: Registry, rid: str) -> str:
    """The document's outgoing links as "kind:target;...": "repeals:58/2012/QĐ-TTg"."""
    seen = {}
    for link in registry.links_from(rid):
        target = registry.records.get(link.target_id)
        number = target.number if target is not None and target.number else link.target_number or link.target_name
        seen.setdefault(f"{link.kind}:{number}", None)
    return ";".join(seen)


def export_csv(registry: Registry, out: TextIO, as_of: Optional[date] = None) -> int:
    """One row per record (CSV_COLUMNS), status as of ``as_of`` (today); returns the count."""
    when = as_of or date.today()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    records = _records(registry)
    for r in records:
        writer.writerow([r.number or "", r.id, r.kind, r.type or "", r.issuer or "",
                         format_date(r.date, "iso"), format_date(r.effective, "iso"),
                         r.title or "", status_of(registry, r.id, when).value,
                         links_cell(registry, r.id)])
    return len(records)


def export_jsonl(registry: Registry, out: TextIO, as_of: Optional[date] = None) -> int:
    """One JSON record per line (``record_to_json`` plus "status"); returns the count."""
    when = as_of or date.today()
    records = _records(registry)
    for record in records:
        data = record_to_json(record)
        data["status"] = status_of(registry, record.id, when).value
        out.write(json.dumps(data, ensure_ascii=False) + "\n")
    return len(records)


# --- Akoma Ntoso naming ----------------------------------------------------------------------


def is_normative(record: Record) -> bool:
    doc_type = TYPE_BY_NAME.get((record.type or "").lower())
    return bool(doc_type and doc_type.normative)


def work_uri(record: Record) -> str:
    """The FRBR work IRI: "/akn/vn/act/2013-07-05/15-2013-qd-ubnd" (doc for non-normative
    types; the year alone, or "nd", when the date is unknown; the id when unnumbered)."""
    kind = "act" if is_normative(record) else "doc"
    year = number_year(record.number, record.date)
    when = record.date.isoformat() if record.date else str(year) if year else "nd"
    name = slug(record.number) if record.number else record.id
    return f"/akn/vn/{kind}/{when}/{name}"


def _frbr_date(record: Record) -> tuple[str, str]:
    """(date, name) for FRBRdate, which must be a full date: the year's first day when
    only the year is known, marked so."""
    if record.date:
        return record.date.isoformat(), "Generation"
    year = number_year(record.number, record.date)
    if year:
        return f"{year:04d}-01-01", "Generation (year only)"
    return "0001-01-01", "Generation (unknown)"


def _showas(record: Optional[Record], link_number: Optional[str]) -> str:
    if record is None:
        return link_number or "?"
    return " ".join(part for part in (record.type, record.number or record.title or record.id) if part)


def _xml_text(text: Optional[str]) -> str:
    return _NOT_XML.sub("\ufffd", text or "")


# --- Akoma Ntoso writing ---------------------------------------------------------------------


class _Builder:
    """Element factory in the AKN namespace, with document-unique eIds."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def __call__(self, parent, tag: str, text: Optional[str] = None, **attrs) -> etree._Element:
        element = etree.SubElement(parent, f"{{{AKN_NAMESPACE}}}{tag}") if parent is not None \
            else etree.Element(f"{{{AKN_NAMESPACE}}}{tag}", nsmap={None: AKN_NAMESPACE})
        for key, value in attrs.items():
            if value is not None:
                element.set(key.rstrip("_"), _xml_text(str(value)))
        if text:
            element.text = _xml_text(text)
        return element

    def eid(self, prefix: str) -> str:
        self.counts[prefix] = self.counts.get(prefix, 0) + 1
        return f"{prefix}_{self.counts[prefix]}"


def record_to_akn(registry: Registry, record: Record, generated: Optional[date] = None) -> bytes:
    """One record as an Akoma Ntoso 3.0 document (UTF-8 bytes, with XML declaration).
    ``generated`` is the manifestation's date (today)."""
    text = _source_text(registry, record) if record.kind == "full" else None
    return _render(registry, record, text, generated or date.today())


def _render(registry: Registry, record: Record, text: Optional[str], generated: date) -> bytes:
    e = _Builder()
    root = e(None, "akomaNtoso")
    top = e(root, "act" if is_normative(record) else "doc",
            name=slug(record.type) if record.type else "van-ban")
    meta = e(top, "meta")
    issuer_eid = slug(record.issuer) if record.issuer and slug(record.issuer) else "khong-ro"
    _identification(e, meta, record, issuer_eid, generated)
    outgoing = [l for l in registry.links_from(record.id) if l.target_id in registry.records]
    incoming = [l for l in registry.links_to(record.id) if l.source_id in registry.records]
    refs = _References(registry)
    in_force = _lifecycle(e, meta, registry, record, incoming, refs)
    _analysis(e, meta, registry, record, outgoing, incoming, refs)
    if in_force[0]:
        group = e(e(meta, "temporalData", source="#legaldocs"), "temporalGroup", eId="tg_1")
        e(group, "timeInterval", start=f"#{in_force[0]}",
          end=f"#{in_force[1]}" if in_force[1] else None, refersTo="#inForce")
    _references(e, meta, record, issuer_eid, refs)
    proprietary = e(meta, "proprietary", source="#legaldocs")
    marker = etree.SubElement(proprietary, f"{{{LEGALDOCS_NAMESPACE}}}record",
                              nsmap={"ld": LEGALDOCS_NAMESPACE})
    marker.set("id", record.id)
    marker.set("kind", record.kind)
    marker.set("text", "verbatim" if text is not None else "none")
    _preface(e, top, record, issuer_eid)
    body = e(top, "body" if is_normative(record) else "mainBody")
    container = e(body, "hcontainer", name="text", eId="hcontainer_1")
    if text is not None:
        content = e(container, "content")
        for line in text.split("\n"):
            e(content, "p", line)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _identification(e, meta, record: Record, issuer_eid: str, generated: date) -> None:
    work = work_uri(record)
    when, when_name = _frbr_date(record)
    ident = e(meta, "identification", source="#legaldocs")
    level = e(ident, "FRBRWork")
    e(level, "FRBRthis", value=f"{work}/!main")
    e(level, "FRBRuri", value=work)
    if record.number:
        e(level, "FRBRalias", value=record.number, name="số ký hiệu")
    e(level, "FRBRdate", date=when, name=when_name)
    e(level, "FRBRauthor", href=f"#{issuer_eid}")
    e(level, "FRBRcountry", value="vn")
    if record.type:
        e(level, "FRBRsubtype", value=slug(record.type))
    if record.number:
        e(level, "FRBRnumber", value=record.number)
    if record.type:
        e(level, "FRBRname", value=record.type)
    expression = f"{work}/vie@"
    level = e(ident, "FRBRExpression")
    e(level, "FRBRthis", value=f"{expression}/!main")
    e(level, "FRBRuri", value=expression)
    e(level, "FRBRdate", date=when, name=when_name)
    e(level, "FRBRauthor", href=f"#{issuer_eid}")
    e(level, "FRBRlanguage", language="vie")
    level = e(ident, "FRBRManifestation")
    e(level, "FRBRthis", value=f"{expression}/!main.xml")
    e(level, "FRBRuri", value=f"{expression}.akn")
    e(level, "FRBRdate", date=generated.isoformat(), name="Transformation")
    e(level, "FRBRauthor", href="#legaldocs")
    e(level, "FRBRformat", value="application/akn+xml")


class _References:
    """The documents named in meta, each once, with its eId: active (this document
    modifies it), passive (it modifies this document)."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.items: list[tuple[str, str, Record]] = []  # (tag, eId, record)
        self.ids: dict[tuple[str, str], str] = {}

    def eid(self, tag: str, rid: str) -> str:
        key = (tag, rid)
        if key not in self.ids:
            prefix = {"activeRef": "aref", "passiveRef": "pref"}[tag]
            self.ids[key] = f"{prefix}_{len([k for k in self.ids if k[0] == tag]) + 1}"
            self.items.append((tag, self.ids[key], self.registry.records[rid]))
        return self.ids[key]


def _lifecycle(e, meta, registry: Registry, record: Record, incoming: list[Link],
               refs: _References) -> tuple[Optional[str], Optional[str]]:
    """The eventRefs; returns the eIds of entry into force and of the first whole repeal."""
    events = []  # (date, type, source, refersTo)
    if record.date:
        events.append((record.date, "generation", "#original", None))
    if record.effective:
        events.append((record.effective, None, "#original", "#entryIntoForce"))
    for link in incoming:
        kind = LIFECYCLE_EVENTS.get(link.kind)
        if kind == "repeal" and link.part:
            kind = "amendment"  # a partial repeal leaves the document in force
        when = link_date(registry, link)
        if kind and when:
            events.append((when, kind, "#" + refs.eid("passiveRef", link.source_id), None))
    if not events:
        return None, None
    events.sort(key=lambda ev: (ev[0], ev[1] or "", ev[2]))
    lifecycle = e(meta, "lifecycle", source="#legaldocs")
    in_force_start = in_force_end = None
    for when, kind, source, refers in dict.fromkeys(events):
        eid = e.eid("evt")
        e(lifecycle, "eventRef", eId=eid, date=when.isoformat(), source=source, type=kind,
          refersTo=refers)
        if refers == "#entryIntoForce":
            in_force_start = eid
        if kind == "repeal" and in_force_end is None:
            in_force_end = eid
    return in_force_start, in_force_end


def _analysis(e, meta, registry: Registry, record: Record, outgoing: list[Link],
              incoming: list[Link], refs: _References) -> None:
    own = work_uri(record)
    active = [l for l in outgoing if l.kind in MODIFICATIONS]
    passive = [l for l in incoming if l.kind in MODIFICATIONS]
    other = [l for l in outgoing if l.kind not in MODIFICATIONS]
    if not (active or passive or other):
        return
    analysis = e(meta, "analysis", source="#legaldocs")
    for tag, links, prefix in (("activeModifications", active, "amod"),
                               ("passiveModifications", passive, "pmod")):
        if not links:
            continue
        group = e(analysis, tag)
        for link in _unique(links):
            element, mod_type = MODIFICATIONS[link.kind]
            other_id = link.target_id if prefix == "amod" else link.source_id
            ref = refs.eid("activeRef" if prefix == "amod" else "passiveRef", other_id)
            other_uri = work_uri(registry.records[other_id])
            mod = e(group, element, eId=e.eid(prefix), type=mod_type, refersTo=f"#{ref}")
            e(mod, "source", href=own if prefix == "amod" else other_uri)
            e(mod, "destination", href=other_uri if prefix == "amod" else own)
    if other:
        group = e(analysis, "otherReferences", source="#legaldocs")
        for link in _unique(other):
            target = registry.records[link.target_id]
            e(group, "implicitReference", href=work_uri(target),
              showAs=f"{RELATION_KINDS[link.kind][0]}: {_showas(target, link.target_number or link.target_name)}")


def _unique(links: Iterable[Link]) -> list[Link]:
    """Links less repeats of the same (kind, source, target), first ones kept, in order."""
    seen, kept = set(), []
    for link in links:
        key = (link.kind, link.source_id, link.target_id)
        if key not in seen:
            seen.add(key)
            kept.append(link)
    return kept


def _references(e, meta, record: Record, issuer_eid: str, refs: _References) -> None:
    references = e(meta, "references", source="#legaldocs")
    e(references, "original", eId="original", href=f"{work_uri(record)}/vie@",
      showAs=_showas(record, record.number))
    for tag, eid, other in refs.items:
        e(references, tag, eId=eid, href=work_uri(other), showAs=_showas(other, other.number))
    e(references, "TLCOrganization", eId=issuer_eid,
      href=f"/ontology/organization/vn/{issuer_eid}", showAs=record.issuer or "không rõ")
    e(references, "TLCOrganization", eId="legaldocs", href="/ontology/organization/legaldocs",
      showAs="legaldocs")
    if record.effective:
        e(references, "TLCConcept", eId="entryIntoForce",
          href="/ontology/concept/vn/entryIntoForce", showAs="có hiệu lực")
        e(references, "TLCConcept", eId="inForce", href="/ontology/concept/vn/inForce",
          showAs="thời gian có hiệu lực")


def _preface(e, top, record: Record, issuer_eid: str) -> None:
    preface = e(top, "preface")
    if record.number:
        e(e(preface, "p", "Số: ", class_="number"), "docNumber", record.number)
    if record.issuer:
        e(e(preface, "p", class_="issuer"), "docAuthority", record.issuer,
          refersTo=f"#{issuer_eid}")
    if record.date:
        e(e(preface, "p", class_="date"), "docDate", format_date(record.date, "words"),
          date=record.date.isoformat())
    if record.type:
        e(e(preface, "p", class_="type"), "docType", record.type)
    if record.title:
        e(e(preface, "p", class_="title"), "docTitle", record.title)
    if not len(preface):
        e(preface, "p", record.id, class_="id")


def _source_text(registry: Registry, record: Record) -> Optional[str]:
    """The text the record was extracted from: its last source that reads, else None."""
    from .readers import read_file

    for source in reversed(record.sources):
        try:
            return read_file(registry.home.corpus / source.path).text
        except LegaldocsError:
            continue
    return None


def export_akn(registry: Registry, folder, generated: Optional[date] = None,
               with_cited: bool = False) -> AknExport:
    """Write each full record (and, ``with_cited``, each cited one) to ``folder/<id>.xml``.
    Cited records are left out by default: they carry no text, and ingest rebuilds them
    from the citations of the others."""
    folder = Path(folder)
    when = generated or date.today()
    files, without = [], []
    for record in _records(registry):
        if record.kind != "full" and not with_cited:
            continue
        text = _source_text(registry, record) if record.kind == "full" else None
        if record.kind == "full" and text is None:
            without.append((record.id, "no readable source under " + str(registry.home.corpus)))
        path = folder / f"{record.id}.xml"
        write_atomic(path, _render(registry, record, text, when).decode("utf-8"))
        files.append(str(path))
    return AknExport(tuple(files), tuple(without))


def akn_schema() -> etree.XMLSchema:
    """The official Akoma Ntoso 3.0 schema (OASIS, CC BY 4.0), bundled."""
    return etree.XMLSchema(etree.parse(str(SCHEMA_PATH)))
