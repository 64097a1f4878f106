"""The số ký hiệu grammar: find numbers in text, parse them, give their canonical key.

``parse_number("15/2013/qd-ubnd").key == "15/2013/QĐ-UBND"``; ``match_key`` folds case,
accents and Đ so that every variant a user types reaches the same document.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterator, NamedTuple, Optional

from . import patterns
from .errors import NumberError
from .models import DocNumber
from .vocab import ISSUER_BY_CODE, KNOWN_CODES, TYPE_BY_CODE

_DASHES = str.maketrans({c: "-" for c in patterns.DASH})
_SPACE = re.compile(r"\s+")


def fold_slowly(text: str) -> str:
    """``fold`` spelled out: NFC, Đ→D, diacritics dropped, upper case."""
    text = unicodedata.normalize("NFC", text).replace("Ð", "Đ").replace("ð", "đ")
    text = text.replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).upper()


class _FoldTable(dict):
    """Each character's fold, computed the first time it is met. Folding a text character
    by character gives ``fold_slowly``: NFD(NFC(t)) is NFD(t), the NFD of a text is its
    characters' NFD with only combining marks reordered, and those marks are dropped;
    upper-casing maps each character on its own."""

    def __missing__(self, code: int) -> str:
        value = self[code] = fold_slowly(chr(code))
        return value


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Accent- and case-insensitive form: NFC, Đ→D, diacritics dropped, upper case."""
    return text.translate(_FOLD)


_CODE_EXACT = {c: c for c in KNOWN_CODES}
_CODE_CASELESS = {c.lower(): c for c in KNOWN_CODES}
_CODE_FOLDED: dict[str, list[str]] = {}
for _code in KNOWN_CODES:
    _CODE_FOLDED.setdefault(fold(_code), []).append(_code)


def canonical_code(segment: str) -> str:
    """One ký hiệu segment in its registered spelling: "qd"→"QĐ", "sngv"→"SNgV", "qh13"→"QH13".

    An exact or case-insensitive match wins over a folded one, so "HD" (hướng dẫn) stays
    HD and is never read as "HĐ" (hợp đồng). Unknown segments keep their letters, upper
    case if they were typed all lower case.
    """
    segment = segment.replace("Ð", "Đ").replace("ð", "đ")
    letters, digits = re.match(r"(.*?)(\d*)$", segment).groups()
    for table, probe in ((_CODE_EXACT, letters), (_CODE_CASELESS, letters.lower())):
        if probe in table:
            return table[probe] + digits
    folded = _CODE_FOLDED.get(fold(letters), [])
    if len(folded) == 1:
        return folded[0] + digits
    return (letters.upper() if letters == letters.lower() else letters) + digits


def _canonical_seq(seq: str) -> str:
    digits, series, letter = re.match(r"0*(\d+?)(\.\d+)?([a-zđA-ZĐ]?)$", seq).groups()
    return digits.zfill(2) + (series or "") + letter.lower()


def _clean(text: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFC", text).translate(_DASHES))


def number_from_match(match: re.Match) -> DocNumber:
    """A DocNumber from a match of ``patterns.NUMBER``."""
    raw = match.group(0)
    if match.group("pseq"):
        seq = _canonical_seq(match.group("pseq"))
        type_code = canonical_code(_clean(match.group("ptype")))
        org = "-".join(canonical_code(s) for s in _clean(match.group("porg")).split("-"))
        return DocNumber(f"{seq}-{type_code}/{org}", seq, None, f"{type_code}/{org}",
                         "party", type_code, org, raw)
    seq = _canonical_seq(match.group("seq"))
    year = int(match.group("year")) if match.group("year") else None
    segments = [canonical_code(s) for s in _clean(match.group("sym")).split("-") if s]
    symbol = "-".join(segments)
    first = segments[0]
    if first in TYPE_BY_CODE:
        type_code, issuer_code = first, "-".join(segments[1:]) or None
    else:
        type_code, issuer_code = None, first
    if type_code == "VBHN":
        style = "consolidated"
    elif year is not None:
        style = "normative"
    else:
        style = "administrative"
    key = f"{seq}/{year}/{symbol}" if year else f"{seq}/{symbol}"
    return DocNumber(key, seq, year, symbol, style, type_code, issuer_code, raw)


def find_numbers(text: str) -> Iterator[tuple[DocNumber, int, int]]:
    """Every số ký hiệu in ``text`` (NFC), with its start and end offsets."""
    for match in patterns.NUMBER.finditer(text):
        yield number_from_match(match), match.start(), match.end()


_USER_NUMBER = re.compile(patterns.NUMBER.pattern, re.VERBOSE | re.IGNORECASE)


def parse_number(text: str) -> DocNumber:
    """Parse one number as a user or a text writes it; raises NumberError if it is none."""
    cleaned = unicodedata.normalize("NFC", text.strip())
    cleaned = re.sub(r"^(?:số|so)\s*[:.]?\s*(?=\d)", "", cleaned, flags=re.IGNORECASE)
    match = _USER_NUMBER.fullmatch(cleaned) or patterns.NUMBER.fullmatch(cleaned)
    if not match:
        raise NumberError(f"not a document number: {text!r} (expected e.g. 15/2013/QĐ-UBND)")
    return number_from_match(match)


def try_parse_number(text: str) -> Optional[DocNumber]:
    try:
        return parse_number(text)
    except NumberError:
        return None


def match_key(text: str) -> str:
    """The folded lookup form of a number or a number fragment ("qd-ubnd", "15/2013").

    Leading zeros of the running number are dropped so "1/2021/TT-BNG" and
    "01/2021/TT-BNG" meet.
    """
    folded = fold(_clean(re.sub(r"^\s*(?:số|so)\s*[:.]?\s*(?=\d)", "", text.strip(), flags=re.I)))
    return re.sub(r"(?<![\d])0+(?=\d)", "", folded)


class IssuerHint(NamedTuple):
    code: str
    name: str
    local: bool


def issuer_of(number: DocNumber) -> Optional[IssuerHint]:
    """The issuing body a number's ký hiệu names, if the code is known.

    "QĐ-TTg" → Thủ tướng Chính phủ; "QH13" → Quốc hội; "SNV-CCHC" → Sở Nội vụ (local).
    """
    code = number.issuer_code or ""
    head = code.split("-")[0] if number.style != "party" else code
    head_letters = re.sub(r"\d+$", "", head)
    issuer = ISSUER_BY_CODE.get(head) or ISSUER_BY_CODE.get(head_letters)
    if issuer is None:
        return None
    return IssuerHint(issuer.code, issuer.name, issuer.local)


def type_of(number: DocNumber) -> Optional[str]:
    """The document type a number's ký hiệu names: "QĐ" → "Quyết định"."""
    known = TYPE_BY_CODE.get(number.type_code or "")
    return known.name if known else None  # "83/2015/QH13" may be a Luật or a Nghị quyết: only the text can tell
