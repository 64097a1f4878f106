"""Result types: frozen dataclasses, hashable and comparable, each with ``to_dict()``.

Dates are ``datetime.date`` inside the library and ISO ``YYYY-MM-DD`` strings in
``to_dict()``; absent values are ``None``.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Optional


def _jsonable(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    if dataclasses.is_dataclass(value):
        return value.to_dict()
    return value


class _ToDict:
    def to_dict(self) -> dict:
        return {f.name: _jsonable(getattr(self, f.name)) for f in dataclasses.fields(self)}


@dataclass(frozen=True, order=True)
class DocNumber(_ToDict):
    """A parsed số ký hiệu.

    ``key`` is the canonical form (NFC, no spaces, ``Đ`` kept, codes in their
    registered case): ``15/2013/QĐ-UBND``, ``984/KH-SNgV``, ``7365-QĐ/TU``.
    """

    key: str
    seq: str  # the running number, with any letter suffix: "15", "30c"
    year: Optional[int]  # the year inside the number (normative documents only)
    symbol: str  # the ký hiệu after the number: "QĐ-UBND", "QH13", "QĐ/TU"
    style: str  # "normative" | "administrative" | "party"
    type_code: Optional[str]  # "QĐ", "NĐ", "KH"; None for công văn and laws
    issuer_code: Optional[str]  # "UBND", "TTg", "QH13", "TU", "SNgV"
    raw: str = field(default="", compare=False)  # as written

    def __str__(self) -> str:
        return self.key


@dataclass(frozen=True)
class Citation(_ToDict):
    """One mention of a document in a text."""

    number: str  # canonical key
    type: Optional[str]  # full type name: "Quyết định"; from the text, else from the ký hiệu
    date: Optional[date]
    issuer: Optional[str]  # resolved full name: "UBND tỉnh Bình Định", "Thủ tướng Chính phủ"
    issuer_as_written: Optional[str]
    title: Optional[str]  # trích yếu, without a leading "về việc"/"về"
    line: int  # 1-based line of the number in the source text
    flags: tuple = ()  # e.g. "inconsistent-year", "impossible-date", "type-mismatch"
    number_as_written: str = ""
    type_as_written: Optional[str] = None
    in_footnote: bool = False


@dataclass(frozen=True)
class Relation(_ToDict):
    """A link between two documents stated in a text.

    ``source`` is None when the source has no number (a report, an unnumbered Quy chế,
    an unnamed repealing act). ``scope`` is "self" when a document states the link about
    itself (its căn cứ, its own repeal article) and "mentioned" when a text reports a link
    between other documents.
    """

    kind: str  # one of vocab.RELATION_KINDS
    source: Optional[str]
    target: Optional[str]  # its number; None for a law named without one (``target_name``)
    line: int
    evidence: str
    scope: str = "mentioned"
    part: Optional[str] = None  # the provisions concerned, e.g. "Điều 4" for a partial repeal
    target_name: Optional[str] = None  # "Luật Tổ chức chính quyền địa phương", when named so
    target_date: Optional[date] = None  # the date written with that name


@dataclass(frozen=True)
class DocumentMeta(_ToDict):
    """What a document says about itself in its header, heading and closing."""

    number: Optional[str] = None
    type: Optional[str] = None
    issuer: Optional[str] = None
    date: Optional[date] = None
    title: Optional[str] = None
    signer: Optional[str] = None
    effective: Optional[date] = None
    place: Optional[str] = None
    expires: Optional[date] = None  # end of term where stated ("có hiệu lực đến hết ngày")
    term: Optional[str] = None  # a stated period, e.g. "2011-2020"


@dataclass(frozen=True)
class SourceText(_ToDict):
    """A file read into text: NFC, lines separated by "\n" (line N is ``lines[N-1]``).

    Footnotes (DOCX footnotes, HTML notes) come after the body, one paragraph each,
    starting with their superscript marker ("¹ Kế hoạch số ...").
    """

    path: str
    text: str
    format: str  # "txt", "md", "html", "docx", "akn"
    encoding: Optional[str] = None

    @property
    def lines(self) -> list:
        return self.text.split("\n")


@dataclass(frozen=True)
class Extraction(_ToDict):
    """Everything extracted from one file."""

    file: str
    document: DocumentMeta
    citations: tuple = ()
    relations: tuple = ()

    def to_dict(self) -> dict:
        return {
            "file": self.file,
            "document": self.document.to_dict(),
            "citations": [c.to_dict() for c in self.citations],
            "relations": [r.to_dict() for r in self.relations],
        }


# --- registry ---


@dataclass(frozen=True)
class Link(_ToDict):
    """A relation stored in the registry, resolved to record ids.

    ``stated_in`` is the record whose text states it (or ``fact:<id>`` for a fact recorded
    by command); ``scope`` is "self" (the source states it about itself), "mentioned" (a
    text reports it) or "recorded" (a fact entered by a person).
    """

    kind: str
    source_id: Optional[str]
    source_number: Optional[str]
    target_id: str
    target_number: str
    stated_in: str
    scope: str
    line: Optional[int] = None
    evidence: str = ""
    part: Optional[str] = None
    date: Optional[date] = None  # when it takes effect, when known
    # what the stating text says of the two ends, used to resolve them to records
    target_issuer: Optional[str] = None
    target_date: Optional[date] = None
    source_issuer: Optional[str] = None
    source_date: Optional[date] = None
    target_name: Optional[str] = None  # a law named without its number ("Luật Đất đai"); target_number ""


@dataclass(frozen=True)
class CitedAt(_ToDict):
    """Where a document is cited, and what the citing text says of it."""

    source_id: str
    line: int
    date: Optional[date] = None
    issuer: Optional[str] = None
    title: Optional[str] = None
    flags: tuple = ()


@dataclass(frozen=True)
class SourceRef(_ToDict):
    """A source file of a full record, relative to the home's corpus/, with its hash."""

    path: str
    sha256: str


@dataclass(frozen=True)
class Cite(_ToDict):
    """A citation a record's text makes, as stored with the record."""

    number: str
    line: int
    type: Optional[str] = None
    issuer: Optional[str] = None
    date: Optional[date] = None
    title: Optional[str] = None
    flags: tuple = ()
    in_basis: bool = False  # on a căn cứ line


@dataclass(frozen=True)
class Record(_ToDict):
    """One document in the registry: "full" when its text was ingested, "cited" when it is
    only known from citations (number, type, issuer, date, title, who cites it, where)."""

    id: str
    kind: str  # "full" | "cited"
    number: Optional[str]
    type: Optional[str] = None
    issuer: Optional[str] = None
    date: Optional[date] = None
    title: Optional[str] = None
    signer: Optional[str] = None
    effective: Optional[date] = None
    expires: Optional[date] = None
    term: Optional[str] = None
    place: Optional[str] = None
    sources: tuple = ()  # SourceRef, for full records
    links: tuple = ()  # Links this record's text states
    cites: tuple = ()  # Cite, every citation its text makes
    cited_in: tuple = ()  # CitedAt, for every text citing it


@dataclass(frozen=True)
class Status(_ToDict):
    """The status of a document as of a date, and the event that caused it."""

    value: str  # one of vocab.STATUS_VALUES
    as_of: date
    since: Optional[date] = None
    event: str = ""  # e.g. "bị bãi bỏ", "hết thời hạn", "có hiệu lực"
    cause_number: Optional[str] = None
    cause_id: Optional[str] = None
    evidence: str = ""
    parts: tuple = ()  # provisions that ceased, for "hết hiệu lực một phần"
