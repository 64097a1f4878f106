"""Bytes → Unicode for Vietnamese text: which encoding a file uses, and the legacy ones we refuse.

Order of decisions in ``decode_text``: a byte-order mark (UTF-8, UTF-16, UTF-32); BOM-less
UTF-16 recognised by its NUL bytes; anything else with NUL or many control bytes is binary;
strict UTF-8; Windows-1258 only when it decodes and the result looks like Vietnamese.
Legacy 8-bit Vietnamese encodings (TCVN3/ABC and VNI) are recognised and refused, whether
they arrive as raw bytes or as already-decoded mojibake ("Céng hoµ x· héi", "Coäng hoøa").
"""
from __future__ import annotations

import unicodedata
from typing import Optional

from ..errors import ReaderError

# Byte-order marks, longest first (the UTF-32-LE mark starts with the UTF-16-LE one).
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Control bytes that do not occur in text (tab, newlines, VT, FF, DOS EOF and ESC may).
CONTROL_BYTES = (frozenset(range(0x01, 0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1A, 0x1B}) | {0x7F}
NOT_CONTROL_BYTES = bytes(byte for byte in range(256) if byte not in CONTROL_BYTES)
# Unicode categories of characters that text does not contain: control, unassigned, private.
JUNK_CATEGORIES = frozenset({"Cc", "Cn", "Co", "Cs"})
# Characters that end a line for str.splitlines() but not for split("\n"): replaced by a space
# so that both agree and line N stays line N of the file.
ODD_LINE_BREAKS = str.maketrans({c: " " for c in "\v\f\x1c\x1d\x1e\x85\u2028\u2029"})

VIETNAMESE_LETTERS = frozenset(
    "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợ"
    "pqrstuùủũúụưừửữứựvxyỳỷỹýỵfjwz"
)

# TCVN3 (ABC) letters in the A1–BE byte range, as Windows-1252/1258 shows them:
# § is "Đ", ® "đ", µ "à", · "ã", ¸ "á", ª "ê", ¬ "ơ", © "â", ¨ "ă" ...  ("¹" for "ạ" is left
# out: it is also our own footnote marker, and the soft hyphen "ư" also appears in real text.)
TCVN3_SIGNS = frozenset("¡¢£¤¥¦§¨©ª¬®µ¶·¸»¼½¾")
# Latin-1 letters that Vietnamese never uses but TCVN3 and VNI bytes decode to
# (TCVN3 "ViÖt", "chñ"; VNI "Vieät", "Töï"). "Ð" is left out: it stands in for "Đ" in real text.
FOREIGN_LETTERS = frozenset("ÄÅÆÇËÎÏÑÖ×ØÛÜÞßäåæçëîïñö÷øûüþ")
# VNI writes a toned vowel as the plain vowel followed by a mark byte: "aø" à, "eá" ế, "oä" ộ.
# These mark characters never follow a vowel in Vietnamese (unlike "â", "ê", "ô", "à", "á").
VNI_MARKS = frozenset("øùûõïäåëüØÙÛÏÄÅËÜ")
# The vowels a VNI mark can follow: ASCII vowels and VNI's own ư "ö" and ơ "ô".
VNI_VOWELS = frozenset("aeiouyAEIOUYöôÖÔ")
SUSPECT_CHARS = TCVN3_SIGNS | FOREIGN_LETTERS | VNI_MARKS
ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")

LEGACY_SAMPLE_CHARS = 200_000  # legacy detection looks at the start of long texts only
LEGACY_MIN_WORDS = 2  # at least this many legacy-looking words ...
LEGACY_MIN_SHARE = 0.05  # ... making at least this share of all words


def normalize_text(text: str) -> str:
    """NFC, "\\n" line ends (CRLF and lone CR), odd line separators turned into spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(ODD_LINE_BREAKS)
    return unicodedata.normalize("NFC", text)


def decode_text(data: bytes, path: str) -> tuple[str, str]:
    """Decode a text file's bytes; return (text, encoding name). Not yet normalized.

    Raises ReaderError for binary data, legacy Vietnamese encodings and unknown encodings.
    """
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                raise ReaderError(path, f"not valid {codec} despite its byte-order mark "
                                        f"(bad bytes at offset {exc.start + len(bom)})") from None
            return _refuse_junk(text, path), codec
    utf16 = bomless_utf16(data)
    if utf16:
        try:
            return _refuse_junk(data.decode(utf16), path), utf16
        except UnicodeDecodeError:
            raise ReaderError(path, "not a text file (NUL bytes, but not valid UTF-16)") from None
    if looks_binary(data):
        raise ReaderError(path, "not a text file (binary data: NUL or control bytes)")
    data = data.replace(b"\x00", b" ")  # the few a text may carry (see looks_binary)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if _mostly_utf8(data):  # a damaged or truncated UTF-8 file: refuse, do not guess
            raise ReaderError(path, f"not valid UTF-8 at byte {exc.start} (a damaged or truncated "
                                    "file?)") from None
    try:
        text: Optional[str] = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        text = None
    legacy = legacy_encoding(text if text is not None else data.decode("cp1252", "replace"))
    if legacy:
        raise ReaderError(path, legacy_reason(legacy))
    if text is None or not looks_vietnamese(text):
        raise ReaderError(path, "unknown text encoding (not UTF-8, UTF-16 or Windows-1258)")
    return text, "cp1258"


def _mostly_utf8(data: bytes) -> bool:
    """Whether bytes that fail strict UTF-8 are UTF-8 with a few bad bytes (a damaged or
    truncated file) rather than another encoding."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    return bad <= max(2, len(data) // 1000) and multibyte >= 4 * bad


def bomless_utf16(data: bytes) -> Optional[str]:
    """"utf-16-le"/"utf-16-be" when NUL bytes sit in every other position, else None.

    Vietnamese in UTF-16 is mostly ASCII letters and spaces (high byte 0) with some
    U+1Exx letters, so one byte position is NUL often and the other almost never.
    """
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2 or b"\x00" not in sample:
        return None
    even = sample[0::2].count(0) / pairs
    odd = sample[1::2].count(0) / pairs
    if odd >= 0.3 and even <= 0.02:
        return "utf-16-le"
    if even >= 0.3 and odd <= 0.02:
        return "utf-16-be"
    return None


def _refuse_junk(text: str, path: str) -> str:
    """``text``, unless more than 0.5% of it is control, unassigned or private-use characters
    (binary data behind a byte-order mark, or bytes that only look like UTF-16)."""
    sample = text[:65536]
    junk = sum(1 for char in sample
               if char not in "\t\n\r\v\f" and unicodedata.category(char) in JUNK_CATEGORIES)
    if junk > len(sample) / 200:
        raise ReaderError(path, "not a text file (binary data: control or unassigned characters)")
    return text


def looks_binary(data: bytes) -> bool:
    """More than a few NUL bytes (PDF-extracted text carries the odd one where a check box
    stood), or control bytes in more than 0.5% of the data."""
    if data.count(b"\x00") > max(8, len(data) // 2000):
        return True
    sample = data[:65536].replace(b"\x00", b"")
    controls = len(sample.translate(None, NOT_CONTROL_BYTES))
    return controls > len(sample) / 200


def looks_vietnamese(text: str) -> bool:
    """True when a decoded 8-bit text reads as Vietnamese (or plain ASCII).

    Hardly any tone mark is left uncombined after NFC (one typo is allowed, and one in a
    thousand letters), and at least 90% of the non-ASCII letters are Vietnamese ones.
    """
    letters = sum(1 for char in text if char.isalpha())
    stray = sum(1 for char in text if "\u0300" <= char <= "\u036f")
    if stray > max(1, letters / 1000):
        return False
    foreign = [char for char in text if ord(char) > 127 and char.isalpha()]
    if not foreign:
        return True
    native = sum(1 for char in foreign if char.lower() in VIETNAMESE_LETTERS)
    return native >= 0.9 * len(foreign)


def legacy_encoding(text: str) -> Optional[str]:
    """"TCVN3 (ABC)" or "VNI" when the text is Vietnamese in a legacy 8-bit encoding shown
    through a Western code page; None for real Unicode text.

    A word is suspect when it mixes ASCII letters with TCVN3 signs, VNI marks after a vowel
    or other letters Vietnamese never uses. VNI never produces the TCVN3 signs (A1–BE), so
    the signs against the marks decide which encoding it is.
    """
    sample = text[:LEGACY_SAMPLE_CHARS]
    if SUSPECT_CHARS.isdisjoint(sample):
        return None  # the common case, decided at C speed
    tokens = sample.split()
    suspect = tcvn3 = vni = 0
    for token in tokens:
        if SUSPECT_CHARS.isdisjoint(token) or ASCII_LETTERS.isdisjoint(token):
            continue
        signs = not TCVN3_SIGNS.isdisjoint(token)
        marks = any(a in VNI_VOWELS and b in VNI_MARKS for a, b in zip(token, token[1:]))
        tcvn3 += signs
        vni += marks
        suspect += signs or marks or not FOREIGN_LETTERS.isdisjoint(token)
    if not tcvn3 + vni or suspect < LEGACY_MIN_WORDS or suspect < LEGACY_MIN_SHARE * len(tokens):
        return None  # (German or French text has foreign letters, but no signs or marks)
    return "TCVN3 (ABC)" if tcvn3 >= vni else "VNI"


def legacy_reason(name: str) -> str:
    """The one-line ReaderError reason for a legacy encoding."""
    return f"looks like {name} legacy encoding; convert it to Unicode first"
