"""Relations: the links a text states between documents, each with its evidence.

Works on located citations (``citations.locate_citations``) one sentence at a time. For
each citation it reads the words between it and what precedes it (the sentence start,
the previous citation, or the start of the trích yếu it stands in) and asks the relation
phrases in ``patterns`` what those words say. Who acts depends on where the citation is:
- inside another citation's trích yếu ("Quyết định số Y về việc sửa đổi ... Quyết định số
  X"): Y acts;
- in a document that issues (a decision, decree, plan...): the document itself acts
  (scope "self"), e.g. its căn cứ lines and its repeal articles;
- in a report: the report only mentions what happened (source None for "việc bãi bỏ X",
  "đề nghị bãi bỏ X"), or a sentence's subject produced a document ("Thực hiện X, Sở đã
  có Văn bản số Y": Y implements X).
"""
from __future__ import annotations

import re
from typing import Optional

from .. import patterns
from ..models import Relation
from .citations import Located

EVIDENCE_MAX = 320

# Phrase → kind, in the order they are tried on the words before a citation.
_BEFORE = (
    (patterns.REL_REPEAL_PROPOSED, "repeal_proposed"),
    (patterns.REL_REPEALED_NOUN, "repealed"),
    (patterns.REL_ATTACHED, "attached_to"),
    (patterns.REL_REPEALS, "repeals"),
    (patterns.REL_REPLACES, "replaces"),
    (patterns.REL_CORRECTS, "corrects"),
    (patterns.REL_SUSPENDS, "suspends"),
    (patterns.REL_AMENDS, "amends"),
    (patterns.REL_IMPLEMENTS, "implements"),
    (patterns.REL_BASIS, "based_on"),
)
# Kinds a document states about itself in its articles or its own title.
_SELF_KINDS = {"repeals", "replaces", "corrects", "suspends", "amends", "implements"}
# Kinds that hold whoever writes them, with no source document ("mentioned").
_SOURCELESS = {"repeal_proposed", "repealed", "attached_to"}


def _kind_before(gap: str):
    for regex, kind in _BEFORE:
        match = regex.search(gap)
        if match:
            part = match.groupdict().get("part")
            if part:
                part = re.sub(r"\s+(?:của|tại)$", "", part.strip())
            return kind, part, match.start()
    return None, None, None


_HEADING = re.compile(r"(?:Điều|Chương|Mục)\s+[\dIVX]")
_LIST_ITEM = re.compile(r"(?:\d{1,3}[.)]|[a-zđ]\)|[-–•*+])\s")
_BASIS_START = re.compile(r"\W*Căn\s+cứ\b")
# "Thông tư này quy định chi tiết ...": the document speaking of itself before its verb.
_ITSELF = re.compile(r"\b(?:Luật|Nghị\s+định|Nghị\s+quyết|Quyết\s+định|Thông\s+tư(?:\s+liên\s+tịch)?|Chỉ\s+thị"
                     r"|Kế\s+hoạch|Pháp\s+lệnh)\s+này\s*$")
_MARKER_ONLY = re.compile(r"\s*(?:(?:Điều|Chương|Mục|Phần)\s+[\dIVXLC]+|\d{1,3}|[a-zđ]|[IVXLC]+)")


def _sentences(text: str):
    """(start, end) of each sentence or list item; "Điều 3." and "1." do not end one."""
    start = 0
    for match in patterns.SENTENCE_END.finditer(text):
        if match.group(0) == "." and _MARKER_ONLY.fullmatch(
                text, text.rfind("\n", 0, match.start()) + 1, match.start()):
            continue
        if match.end() - start > 1:
            yield start, match.end()
        start = match.end()
    if start < len(text):
        yield start, len(text)


def _evidence(text: str, start: int, end: int, focus: int) -> str:
    sentence = re.sub(r"\s+", " ", text[start:end]).strip()
    if len(sentence) <= EVIDENCE_MAX:
        return sentence
    offset = max(0, min(focus - start - EVIDENCE_MAX // 2, end - start - EVIDENCE_MAX))
    window = re.sub(r"\s+", " ", text[start + offset:start + offset + EVIDENCE_MAX]).strip()
    return ("..." if offset else "") + window + "..."


class _Finder:
    def __init__(self, text: str, located: list[Located], own_number: Optional[str], issuing: bool,
                 consolidated: bool = False):
        self.text = text
        self.located = located
        self.own = own_number
        self.issuing = issuing
        self.consolidated = consolidated
        # A văn bản hợp nhất names what it consolidates before its căn cứ and articles.
        body = re.search(r"^[ \t“\"]*(?:Căn\s+cứ|Chương\s+[IVX\d]|Điều\s+1\b)", text, re.MULTILINE)
        self.body_start = body.start() if body else len(text)
        self.consolidated_first: Optional[str] = None
        self.pending_base: Optional[str] = None  # amended by the items of the next sentences
        self.basis_until = -1  # where a căn cứ line's ";" ends a sentence the same line goes on
        self.found: list[Relation] = []
        self.seen: set = set()
        self.list_kind: Optional[str] = None

    def add(self, kind, source, target, located: Located, sentence, scope, part=None):
        if source == target:
            return
        key = (kind, source, target, part)
        if key in self.seen:
            return
        self.seen.add(key)
        evidence = _evidence(self.text, sentence[0], sentence[1], located.start)
        self.found.append(Relation(kind, source, target, located.citation.line, evidence, scope, part))

    def run(self) -> list[Relation]:
        by_sentence: dict = {}
        spans = list(_sentences(self.text))
        index = 0
        for loc in self.located:
            while index < len(spans) - 1 and spans[index][1] <= loc.start:
                index += 1
            by_sentence.setdefault(index, []).append(loc)
        for i, span in enumerate(spans):
            self._list_context(span)
            if i in by_sentence:
                self._sentence(span, by_sentence[i])
            else:
                self._track_basis(span)
        return self.found

    def _list_context(self, span):
        """Track "Điều 3. Bãi bỏ các văn bản sau:" so the list items below inherit it."""
        sentence = self.text[span[0]:span[1]].strip()
        if self.list_kind is not None and (_HEADING.match(sentence) or (
                sentence and not _LIST_ITEM.match(sentence))):
            self.list_kind = None
        if self.issuing and sentence.endswith(":"):
            kind, _, _ = _kind_before(sentence[:-1])
            if kind in ("repeals", "replaces"):
                self.list_kind = kind

    def _track_basis(self, span) -> None:
        sentence = self.text[span[0]:span[1]]
        starts = self.basis_until == span[0] or bool(_BASIS_START.match(sentence))
        self.basis_until = span[1] if starts and sentence.rstrip(" \t").endswith(";") else -1

    def _container(self, loc: Located, cits: list[Located]) -> Optional[Located]:
        for other in cits:
            if other is not loc and other.title_span and other.title_span[0] <= loc.lead_start < other.title_span[1]:
                return other
        return None

    def _sentence(self, span, cits: list[Located]):
        text = self.text
        sentence_text = text[span[0]:span[1]]
        is_basis_line = bool(_BASIS_START.match(sentence_text)) or (
            self.basis_until == span[0] and "\n" not in sentence_text[:1])
        self._track_basis(span)
        previous: Optional[Located] = None
        previous_kind = None
        amended_base = None  # X in "X được sửa đổi, bổ sung bởi Y và Z"
        intro: list = []
        first_gap = text[span[0]:cits[0].lead_start]
        if self.pending_base and not is_basis_line and re.fullmatch(r"[\s\d.)\-–•*+]*", first_gap):
            # "X ..., được sửa đổi, bổ sung bởi:" then the amending documents, one per item
            amended_base = self.pending_base
            self.add("amends", cits[0].citation.number, amended_base, cits[0], span, "mentioned")
        else:
            self.pending_base = None  # (kind, loc) introduced by "Thực hiện ..."/"Căn cứ ..." at sentence start
        for loc in cits:
            container = self._container(loc, cits)
            if container is not None:
                gap_start = container.title_span[0]
                if previous is not None and previous is not container and previous.tail_end <= loc.lead_start:
                    gap_start = max(gap_start, previous.tail_end)
            else:
                gap_start = previous.tail_end if previous is not None and previous.tail_end <= loc.lead_start else span[0]
            gap = text[gap_start:loc.lead_start]
            kind, part, at = _kind_before(gap)
            if (kind == "based_on" and previous is not None and container is None
                    and gap[:at].strip(" \t,") == "" and previous.tail_end <= loc.lead_start):
                # "Kế hoạch số Y ... trên cơ sở quy định của UBND tỉnh tại Quyết định số X"
                self.add("based_on", previous.citation.number, loc.citation.number, loc, span, "mentioned")
                previous, previous_kind = loc, "theo"
                continue
            coordinated = previous is not None and re.fullmatch(r"[\s,;]*(?:và|hoặc)?[\s,]*", gap) is not None
            if kind is None and coordinated:
                kind = previous_kind
            target = loc.citation.number
            # 1. "X được sửa đổi, bổ sung bởi Y", "Y ... theo X"
            if previous is not None and previous.tail_end <= loc.lead_start:
                between = text[previous.tail_end:loc.lead_start]
                if patterns.REL_AMENDED_BY.match(between):
                    amended_base = previous.citation.number
                    self.add("amends", target, amended_base, loc, span, "mentioned")
                    kind = "based_on" if is_basis_line else None
                elif amended_base and coordinated:
                    self.add("amends", target, amended_base, loc, span, "mentioned")
                    kind = "based_on" if is_basis_line else None
                elif patterns.REL_BASIS_THEO.match(between) and container is None:
                    self.add("based_on", previous.citation.number, target, loc, span, "mentioned")
                    previous, previous_kind = loc, "theo"
                    continue
                elif previous_kind == "theo" and coordinated:
                    self.add("based_on", self._theo_source(cits, loc), target, loc, span, "mentioned")
                    previous = loc
                    continue
                if not coordinated and not patterns.REL_AMENDED_BY.match(between):
                    amended_base = None
            previous_kind = kind if kind else previous_kind if coordinated else None
            if container is not None:
                self._in_title(container, loc, kind, part, span, gap)
            else:
                opens = at is not None and (gap[:at].strip(" \t\n-–•*+.)0123456789") == ""
                                            or bool(_ITSELF.search(gap[:at])))
                self._top_level(loc, kind, part, span, is_basis_line, intro, opens)
            self._after(loc, span)
            previous = loc
        self._intro_products(intro, cits, span)
        last = cits[-1]
        if last.tail_end <= span[1] and patterns.REL_AMENDED_BY.match(text[last.tail_end:span[1]]):
            self.pending_base = last.citation.number

    def _theo_source(self, cits, loc):
        source = None
        for i, other in enumerate(cits[1:], 1):
            if other is loc:
                break
            if patterns.REL_BASIS_THEO.match(self.text[cits[i - 1].tail_end:other.lead_start]):
                source = cits[i - 1].citation.number
        return source

    def _in_title(self, container: Located, loc: Located, kind, part, span, gap):
        source = container.citation.number
        title_start = container.title_span[0]
        first_inside = gap.strip() == "" or self.text[title_start:loc.lead_start].count("số") == 0
        if kind == "attached_to":
            if loc.citation.number != self.own:
                self.add("attached_to", None, loc.citation.number, loc, span, "mentioned")
            lead_kind, lead_part, _ = _kind_before_title(self.text[title_start:loc.lead_start])
            if lead_kind:
                self.add(lead_kind, source, loc.citation.number, loc, span, "mentioned", lead_part)
            return
        if kind in _SELF_KINDS or (kind == "based_on" and first_inside):
            self.add(kind, source, loc.citation.number, loc, span, "mentioned", part)

    def _top_level(self, loc: Located, kind, part, span, is_basis_line, intro, opens: bool):
        """A citation not inside another's trích yếu. ``opens``: its verb opens the sentence."""
        target = loc.citation.number
        if self.consolidated and loc.start < self.body_start:
            self.add("consolidates", self.own, target, loc, span, "self")
            self.consolidated_first = self.consolidated_first or target
            return
        if kind is None and self.list_kind and self.issuing and re.fullmatch(
                r"\s*(?:\d{1,3}[.)]|[a-zđ]\)|[-–•*+])?\s*", self.text[span[0]:loc.lead_start]):
            kind = self.list_kind
        if kind == "attached_to":
            if not patterns.ATTACHED_TEXT.search(self.text[max(0, loc.lead_start - 250):loc.lead_start]):
                return  # "Mẫu số 01 ban hành kèm theo Thông tư số X" is a form, not a text
            self.add(kind, None, target, loc, span, "mentioned", part)
            lead_kind, lead_part, _ = _kind_before_title(
                re.sub(r"^[\s\d.)\-–•*+]*(?:Điều\s+\d+\.\s*)?", "", self.text[span[0]:loc.lead_start]))
            if lead_kind and self.issuing and not self.consolidated:
                # "Điều 1. Sửa đổi, bổ sung một số điều của Quy định ... ban hành kèm theo Quyết định số X"
                self.add(lead_kind, self.own, target, loc, span, "self", lead_part)
            return
        if kind in _SOURCELESS:
            source = self.own if (kind == "repeal_proposed" and self.issuing) else None
            self.add(kind, source, target, loc, span, "self" if source else "mentioned", part)
            return
        if is_basis_line:
            if self.consolidated and self.consolidated_first:
                # the căn cứ a consolidated text restates are those of what it consolidates
                self.add("based_on", self.consolidated_first, target, loc, span, "mentioned")
            elif self.issuing:
                self.add("based_on", self.own, target, loc, span, "self")
            else:
                intro.append(("based_on", loc))
            return
        if kind == "implements" and self.issuing and opens and re.search(
                r"(?:hướng\s+dẫn|quy\s+định\s+chi\s+tiết)", self.text[span[0]:loc.lead_start], re.IGNORECASE):
            # the document's own title: "Hướng dẫn thi hành Nghị định số ..."
            self.add(kind, self.own, target, loc, span, "self")
            return
        if kind in ("implements", "based_on"):
            intro.append((kind, loc))
            return
        if kind in _SELF_KINDS and self.consolidated:
            if self.consolidated_first:
                self.add(kind, self.consolidated_first, target, loc, span, "mentioned", part)
        elif kind in _SELF_KINDS and self.issuing:
            self.add(kind, self.own, target, loc, span, "self", part)

    def _after(self, loc: Located, span):
        after = self.text[loc.tail_end:loc.tail_end + 160]
        if patterns.REL_EXPIRES_AFTER.match(after) and self.issuing and re.search(
                r"(?:này|này\s+có\s+hiệu\s+lực)", after):
            if self.consolidated:
                if self.consolidated_first:
                    self.add("repeals", self.consolidated_first, loc.citation.number, loc, span, "mentioned")
            else:
                self.add("repeals", self.own, loc.citation.number, loc, span, "self")
        elif patterns.REL_REPEALED_AFTER.match(after) and not self.issuing:
            self.add("repealed", None, loc.citation.number, loc, span, "mentioned")

    def _intro_products(self, intro, cits, span):
        """"Thực hiện X (và Y), Sở đã có Văn bản số Z" → Z implements X; with no product
        and a main clause that reports ("..., Sở báo cáo"), the report itself."""
        if not intro:
            return
        last_intro = intro[-1][1]
        product = None
        for loc in cits:
            if loc.start > last_intro.tail_end and patterns.MAIN_CLAUSE_PRODUCT.search(
                    self.text[max(last_intro.tail_end, loc.lead_start - 60):loc.lead_start]):
                if self._container(loc, cits) is None:
                    product = loc
                    break
        rest = self.text[last_intro.tail_end:span[1]]
        for kind, loc in intro:
            if product is not None:
                self.add(kind, product.citation.number, loc.citation.number, loc, span, "mentioned")
            elif self.issuing and self._sentence_initial(loc, span):
                self.add(kind, self.own, loc.citation.number, loc, span, "self")
            elif patterns.MAIN_CLAUSE_REPORTS.search(rest) and self._sentence_initial(loc, span):
                self.add(kind, self.own, loc.citation.number, loc, span, "self" if self.own else "mentioned")

    def _sentence_initial(self, loc: Located, span) -> bool:
        head = self.text[span[0]:loc.lead_start]
        return bool(re.match(
            r"[\s\-–•*+\d.)]*(?:(?:Ngoài\s+ra|Đồng\s+thời|Bên\s+cạnh\s+đó)\s*,\s*)?"
            r"(?:Thực\s+hiện|Triển\s+khai(?:\s+thực\s+hiện)?|Căn\s+cứ|Theo\s+đề\s+nghị|Trên\s+cơ\s+sở|Xét)\b",
            head, re.IGNORECASE))


def _kind_before_title(words: str):
    """The verb that opens a trích yếu: "sửa đổi, bổ sung một số điều của Quy chế ..."."""
    match = re.match(r"\s*(sửa\s+đổi(?:,?\s*bổ\s+sung)?|bãi\s+bỏ|thay\s+thế|hướng\s+dẫn|đính\s+chính)",
                     words, re.IGNORECASE)
    if not match:
        return None, None, None
    verb = match.group(1).lower()
    kind = ("amends" if verb.startswith("sửa") else "repeals" if verb.startswith("bãi")
            else "replaces" if verb.startswith("thay") else "corrects" if verb.startswith("đính")
            else "implements")
    return kind, None, match.start()


def find_relations(text: str, located: list[Located], own_number: Optional[str] = None,
                   issuing: bool = False, consolidated: bool = False) -> list[Relation]:
    """The relations ``text`` states. ``issuing`` is True for a document that acts
    (decision, decree, circular, plan, letter) and False for a report that narrates;
    ``consolidated`` for a văn bản hợp nhất."""
    return _Finder(text, located, own_number, issuing, consolidated).run()
