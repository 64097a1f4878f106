"""Issuing bodies: from a phrase as written to the one form the registry uses.

``normalize_issuer("ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH") == "UBND tỉnh Bình Định"``;
``normalize_issuer("Sở Nội vụ", "tỉnh Bình Định") == "Sở Nội vụ tỉnh Bình Định"``;
``issuer_from_code("TU", "thành phố Đà Nẵng") == "Thành ủy Đà Nẵng"``.

Matching is on folded words (accents, case and Đ dropped: ``numbers.fold``), so "Uỷ"/"Ủy",
"HOÀ"/"HÒA" and all-caps headers meet the tables of ``vocab``; output always takes the
tables' spelling. A local body (UBND, HĐND, Sở, Tỉnh ủy...) takes the locality written
after it, else the one from context; nothing here raises on odd input.
"""
from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple, Optional

from . import patterns, vocab
from .numbers import fold



class _Entry(NamedTuple):
    name: str  # canonical form
    scope: str  # "national", "state" (UBND, Sở: take "tỉnh X"), "party" (take "X")


class Place(NamedTuple):
    kind: Optional[str]  # "tỉnh", "thành phố", "huyện"...; None when only a name is known
    name: Optional[str]  # "Bình Định"; None for a bare level word ("UBND tỉnh")

    def __str__(self) -> str:
        return " ".join(p for p in (self.kind, self.name) if p)


def _keys(text: str) -> tuple[str, ...]:
    """Folded words of a phrase, punctuation and dashes dropped."""
    words = (fold(w).strip(",.;:()\"'") for w in text.split())
    return tuple(w for w in words if w and w != "-")


def _build_organs() -> dict[tuple[str, ...], _Entry]:
    table: dict[tuple[str, ...], _Entry] = {}
    for issuer in vocab.ISSUERS + vocab.MORE_ISSUERS:
        if not issuer.local:
            table.setdefault(_keys(issuer.name), _Entry(issuer.name, "national"))
    for name in vocab.BODY_NAMES:
        table.setdefault(_keys(name), _Entry(name, "national"))
    for alias, name in vocab.ISSUER_ALIASES.items():
        table.setdefault(_keys(alias), _Entry(name, "national"))
    for written, (short, _example) in vocab.LOCAL_BODIES.items():
        scope = "party" if written.endswith("ủy") else "state"
        table[_keys(written)] = _Entry(short, scope)
    for name in vocab.DEPARTMENTS:
        table[_keys(name)] = _Entry(name, "state")
    for issuer in vocab.ISSUERS:  # "Sở Tư pháp" spelled as "Bộ Tư pháp"
        if issuer.name.startswith("Bộ "):
            table.setdefault(_keys("Sở" + issuer.name[2:]), _Entry("Sở" + issuer.name[2:], "state"))
    return table


_ORGANS = _build_organs()
_ORGAN_MAX = max(len(k) for k in _ORGANS)
_TITLES = {_keys(t): t for t in vocab.PERSON_TITLES}
_KINDS = {_keys(k): v for k, v in vocab.LOCALITY_KINDS.items()}
_PROVINCES = {_keys(loc.name): loc for loc in vocab.LOCALITIES}
_PROVINCE_MAX = max(len(k) for k in _PROVINCES)
_PROVINCE_LEVEL = ("tỉnh", "thành phố")
_ABBREVIATIONS = {k: v for k, (v, _example) in vocab.ISSUER_ABBREVIATIONS.items()}


def _clean(text: str) -> str:
    """NFC, markdown and stray punctuation off, abbreviations expanded, one space."""
    text = unicodedata.normalize("NFC", text or "").replace("Ð", "Đ").replace("ð", "đ")
    text = re.sub(r"[*#_`|]+", " ", text)
    text = patterns.ISSUER_DASH.sub(" - ", text)
    text = patterns.CITY_ABBREVIATION.sub(r"\1. ", text)
    text = re.sub(r"\s+", " ", text).strip(" ,.;:-/")
    while True:
        stripped = patterns.ISSUER_NOISE.sub("", text)
        if stripped == text:
            break
        text = stripped
    words = [_ABBREVIATIONS.get(w, w) for w in text.split()]
    return " ".join(words).strip(" ,.;:-")


def _title_case(words: list[str]) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() for w in words)


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _proper(words: list[str]) -> str:
    """Unknown text: all caps become sentence case; otherwise kept, first letter raised."""
    text = " ".join(words)
    if _is_upper(text):
        text = text.lower()
    return text[:1].upper() + text[1:]


def _match(table: dict, keys: tuple[str, ...], at: int, longest: int):
    """The longest entry of ``table`` starting at word ``at``: (entry, words used)."""
    for size in range(min(longest, len(keys) - at), 0, -1):
        entry = table.get(keys[at:at + size])
        if entry is not None:
            return entry, size
    return None, 0


def _place_at(words: list[str], keys: tuple[str, ...], at: int) -> tuple[Optional[Place], int]:
    """A locality starting at word ``at``: a level word and/or a name. (place, words used)."""
    kind, used = _match(_KINDS, keys, at, 2)
    start = at + used
    province, size = _match(_PROVINCES, keys, start, _PROVINCE_MAX)
    if province is not None and (kind is None or kind in _PROVINCE_LEVEL):
        return Place(province.kind, province.name), used + size
    if kind is None:
        return None, 0
    rest = words[start:]
    stop = 0
    while stop < len(rest) and stop < 4:
        word = rest[stop]
        if _match(_ORGANS, keys, start + stop, _ORGAN_MAX)[0] or not word[:1].isalpha():
            break
        if not (word[:1].isupper() or _is_upper(" ".join(words)) or " ".join(words).islower()):
            break
        stop += 1
    if kind == "xã" and stop and keys[start] == "HOI":  # "Thương binh và Xã hội"
        return None, 0
    name = _title_case(rest[:stop]) if stop else None
    return Place(kind, name), used + stop


def _parse_place(text: Optional[str]) -> Optional[Place]:
    """A context locality such as "tỉnh Bình Định", "Đà Nẵng" or "thành phố Đà Nẵng"."""
    words = _clean(text or "").split()
    if not words:
        return None
    place, _used = _place_at(words, _keys(" ".join(words)), 0)
    return place


def _levels_agree(entry: _Entry, written_kind: Optional[str], context: Place) -> bool:
    """Whether a context locality can stand for the place a body leaves unwritten."""
    have = (context.kind or "").lower()
    if written_kind:
        return written_kind == have  # "UBND huyện" is not the province's UBND
    if entry.scope == "party":
        return have == ("thành phố" if "Thành ủy" in entry.name else "tỉnh")
    if "Sở " in entry.name:
        return have in _PROVINCE_LEVEL
    return True


def _with_place(entry: _Entry, place: Optional[Place], context: Optional[Place]) -> str:
    """A body's canonical name with the written place, else the context one."""
    if entry.scope == "national":
        return entry.name
    if place is None or place.name is None:
        written_kind = place.kind if place else None
        if context is not None and context.name and _levels_agree(entry, written_kind, context):
            place = context
    if place is None or place.name is None:
        return f"{entry.name} {place.kind}" if place and place.kind else entry.name
    if entry.scope == "party":
        return f"{entry.name} {place.name}"
    return f"{entry.name} {place}"


class _Found(NamedTuple):
    text: str
    entry: Optional[_Entry]  # None for text that matched no known body
    place: Optional[Place]


def _scan(text: str) -> list[_Found]:
    """Every body named in ``text``, in order: known bodies with their written locality,
    and runs of unknown words between them."""
    words = _clean(text).split()
    keys = _keys(" ".join(words))
    # keep words and keys aligned: drop words that fold to nothing ("-", ",")
    words = [w for w in words if _keys(w)]
    lowered = " ".join(words).islower()
    found: list[_Found] = []
    unknown: list[str] = []
    i = 0
    while i < len(words):
        title, t_size = _match(_TITLES, keys, i, 3)
        entry, size = _match(_ORGANS, keys, i + t_size, _ORGAN_MAX)
        if entry is None and t_size:
            title, t_size = None, 0
            entry, size = _match(_ORGANS, keys, i, _ORGAN_MAX)
        if entry is None:
            place, p_size = _place_at(words, keys, i) if not unknown else (None, 0)
            if place is not None and place.name and found and found[-1].place is None \
                    and found[-1].entry is not None:
                found[-1] = found[-1]._replace(place=place)
                i += p_size
                continue
            if found and not unknown and words[i][:1].islower() and not lowered:
                break  # running text after the body: "UBND tỉnh quy định ..."
            if keys[i] not in ("VA", "VOI") or unknown:
                unknown.append(words[i])
            i += 1
            continue
        if unknown:
            found.append(_Found(_proper(unknown), None, None))
            unknown = []
        if title and entry.scope != "national":
            # "Chủ tịch UBND tỉnh" decides in its own name; a minister's circular is the
            # ministry's ("Bộ trưởng Bộ Ngoại giao" → "Bộ Ngoại giao"), as the national database lists it
            entry = _Entry(f"{title} {entry.name}", entry.scope)
        i += t_size + size
        place, p_size = _place_at(words, keys, i)
        i += p_size
        found.append(_Found(entry.name, entry, place))
    if unknown:
        found.append(_Found(_proper(unknown), None, None))
    return found


def _dedupe(found: list[_Found]) -> list[_Found]:
    """Each body once, in order: PDF extraction often prints a header twice."""
    out: list[_Found] = []
    for item in found:
        if (item.text, item.place) not in {(o.text, o.place) for o in out}:
            out.append(item)
    return out


def normalize_issuer(text: str, locality: Optional[str] = None) -> Optional[str]:
    """The canonical issuer for a phrase as written; ``locality`` ("tỉnh Bình Định") fills
    in a local body's place when the phrase does not write it.

    "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH" → "UBND tỉnh Bình Định"; "Văn phòng Ủy ban nhân dân
    tỉnh" + "tỉnh Bình Định" → "Văn phòng UBND tỉnh Bình Định"; "BỘ TÀI CHÍNH" → "Bộ Tài
    chính"; "Thành ủy" + "thành phố Đà Nẵng" → "Thành ủy Đà Nẵng". A header naming a parent
    and a unit ("UBND TỈNH BÌNH ĐỊNH SỞ NGOẠI VỤ") gives the unit, placed by the parent;
    joint issuers ("BỘ TÀI CHÍNH - BỘ NỘI VỤ") are joined with " - ". Unknown phrases come
    back cleaned and proper-cased; empty text gives None.
    """
    try:
        found = _dedupe(_scan(text or ""))
    except Exception:  # pragma: no cover - a last guard: never fail on odd input
        cleaned = _clean(text or "")
        return _proper(cleaned.split()) if cleaned else None
    if not found:
        return None
    context = _parse_place(locality)
    known = [f for f in found if f.entry is not None]
    if len(found) > 1 and known and all(f.entry.scope == "national" for f in known) \
            and len(known) == len(found):
        return " - ".join(f.text for f in found)  # a joint document
    last = found[-1]
    parent_place = next((f.place for f in reversed(found[:-1]) if f.place and f.place.name), None)
    place = last.place or parent_place
    if last.entry is None:
        if len(found) > 1 and parent_place and not last.place:
            return f"{last.text} {parent_place}"  # a unit under a local parent
        return last.text
    return _with_place(last.entry, place, context)


def locality_of(text: str) -> Optional[str]:
    """The locality a phrase names: "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH" → "tỉnh Bình Định";
    "Sở Ngoại vụ thành phố Đà Nẵng" → "thành phố Đà Nẵng"; "Thành ủy Đà Nẵng" → "thành
    phố Đà Nẵng". None when no named place is found."""
    try:
        for item in _scan(text or ""):
            if item.place is not None and item.place.name:
                return str(item.place)
        words = _clean(text or "").split()
        keys = _keys(" ".join(words))
        words = [w for w in words if _keys(w)]
        for i in range(len(words)):
            place, _size = _place_at(words, keys, i)
            if place is not None and place.name and (place.kind or words[i][:1].isupper()):
                return str(place)
    except Exception:  # pragma: no cover - never fail on odd input
        return None
    return None


def issuer_from_code(code: str, locality: Optional[str] = None) -> Optional[str]:
    """The issuer a ký hiệu code names: "TTg" → "Thủ tướng Chính phủ", "QH13" → "Quốc
    hội", "SNgV" + "tỉnh Bình Định" → "Sở Ngoại vụ tỉnh Bình Định", "TU" + "thành phố Đà
    Nẵng" → "Thành ủy Đà Nẵng". A joint code ("BTC-BNV") gives the bodies joined with
    " - ". None for an unknown code, for "TW" (the organ is not stated: Bộ Chính trị,
    Ban Bí thư or the Central Committee) and for a local body when the locality is unknown.
    """
    segments = [s for s in re.split(r"[-/\s]+", (code or "").strip()) if s]
    if not segments:
        return None
    names = []
    for segment in segments:
        issuer = _issuer_by_code(segment)
        if issuer is None:
            break
        names.append(issuer)
    if not names:
        return None
    if len(names) > 1 and all(not i.local for i in names):
        return " - ".join(i.name for i in names)
    issuer = names[0]
    if issuer.code == "TW":
        return None
    if not issuer.local:
        return issuer.name
    place = _parse_place(locality)
    if place is None or not place.name:
        return None
    if issuer.code == "TU":
        organ = "Thành ủy" if (place.kind or "").lower() == "thành phố" else "Tỉnh ủy"
        return f"{organ} {place.name}"
    return normalize_issuer(issuer.name, str(place))


def _issuer_by_code(segment: str) -> Optional[vocab.Issuer]:
    """The Issuer of one ký hiệu segment, trailing digits ("QH13") ignored."""
    segment = segment.replace("Ð", "Đ")
    letters = re.sub(r"\d+$", "", segment)
    for probe in (segment, letters):
        if probe in vocab.ISSUER_BY_CODE:
            return vocab.ISSUER_BY_CODE[probe]
    folded = [i for c, i in vocab.ISSUER_BY_CODE.items() if fold(c) == fold(letters)]
    return folded[0] if len(folded) == 1 else None
