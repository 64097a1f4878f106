"""One decision, every encoding: the same extraction and, end to end, the same records.

``tests/test_readers.py`` checks that each encoding reads to the same text, paragraph by
paragraph (and reuses its ``to_cp1258``/``TCVN3``/``VNI``). Here a whole realistic decision
goes through ``extract_file`` and through ``ingest`` into one temporary home per encoding:
the extraction (except ``file``) and every record file (except each source's sha256, which
is the hash of its bytes) must be identical. Legacy 8-bit encodings and binary junk are
refused by name, and the rest of the run goes on.
"""
from __future__ import annotations

import dataclasses
import json
import unicodedata
from pathlib import Path

import pytest

from legaldocs.extract import extract_file, extract_text
from legaldocs.home import Home
from legaldocs.ingest import ingest
from test_properties import DECISION
from test_readers import TCVN3, VNI, to_cp1258

ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-bom": lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
    "utf-16-le-bom": lambda t: b"\xff\xfe" + t.encode("utf-16-le"),
    "utf-16-be-bom": lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
    "utf-16-le": lambda t: t.encode("utf-16-le"),
    "utf-16-be": lambda t: t.encode("utf-16-be"),
    "cp1258": to_cp1258,
    "nfd": lambda t: unicodedata.normalize("NFD", t).encode("utf-8"),
    "nfd-utf-16": lambda t: b"\xff\xfe" + unicodedata.normalize("NFD", t).encode("utf-16-le"),
    "crlf-utf-8-bom": lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode("utf-8"),
}
NAME = "qd-15-2013-qd-ubnd.txt"

# --- legacy encodings of the whole decision ------------------------------------------------
# TCVN3 (ABC): one byte per lower-case letter; a capital with a tone uses the same byte (the
# capital font ".VnTimeH" draws it), the capitals without a tone have bytes of their own.
# Checked against test_readers.TCVN3 (which spells "hoà" the old way).
TCVN3_LOWER = dict(zip(
    "àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵ",
    "µ¶·¸¹¨»¼½¾Æ©ÇÈÉÊË®ÌÎÏÐÑªÒÓÔÕÖ×ØÜÝÞßáâãä«åæçèé¬êëìíîïñòóô\xadõö÷øùúûüýþ"))
TCVN3_CAPITALS = dict(zip("ĂÂÊÔƠƯĐ", "¡¢£¤¥¦§"))
# VNI: the base letter, then a byte for the vowel mark and/or the tone.
VNI_TONES = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
VNI_I = {"\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}
VNI_CIRCUMFLEX = {"\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä", None: "â"}
VNI_BREVE = {"\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë", None: "ê"}


def to_tcvn3(text: str) -> bytes:
    out = []
    for char in unicodedata.normalize("NFC", text):
        out.append(TCVN3_CAPITALS.get(char) or TCVN3_LOWER.get(char.lower(), char))
    return "".join(out).encode("latin-1")


def to_vni(text: str) -> bytes:
    out = []
    for char in unicodedata.normalize("NFC", text):
        base, *marks = unicodedata.normalize("NFD", char)
        tone = next((m for m in marks if m in VNI_TONES), None)
        if char in "đĐ":
            vni = "ñ"
        elif not marks or base.lower() not in "aeiouy":
            out.append(char)
            continue
        elif base.lower() == "i":
            vni = VNI_I[tone]
        elif "\u0302" in marks:
            vni = base.lower() + VNI_CIRCUMFLEX[tone]
        elif "\u0306" in marks:
            vni = "a" + VNI_BREVE[tone]
        elif "\u031b" in marks:
            vni = ("ô" if base.lower() == "o" else "ö") + VNI_TONES.get(tone, "")
        else:
            vni = base.lower() + VNI_TONES[tone]
        out.append(vni.upper() if base.isupper() else vni)
    return "".join(out).encode("cp1252")


def test_the_legacy_encoders_match_the_reader_samples():
    sample = "Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\nQuyết định số 15/2013/QĐ-UBND\n"
    assert to_vni(sample).decode("cp1252") == VNI
    assert to_tcvn3(sample.replace("hòa", "hoà")).decode("latin-1") == TCVN3


# --- helpers -----------------------------------------------------------------------------

def without_file(extraction):
    return dataclasses.replace(extraction, file="")


def home_records(home: Home) -> dict:
    """{file name: record JSON} with each source's sha256 (the hash of its bytes) removed."""
    found = {}
    for path in sorted(home.records_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["sources"] = [{k: v for k, v in s.items() if k != "sha256"} for s in data["sources"]]
        found[path.name] = data
    return found


@pytest.fixture(scope="module")
def expected():
    return extract_text(DECISION)


def test_the_decision_is_worth_comparing(expected):
    assert expected.document.number == "15/2013/QĐ-UBND"
    assert expected.document.issuer and expected.document.date
    assert len(expected.citations) >= 3 and expected.relations


# --- extraction ----------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", list(ENCODINGS))
def test_every_encoding_extracts_the_same(tmp_path, encoding, expected):
    path = tmp_path / NAME
    path.write_bytes(ENCODINGS[encoding](DECISION))
    extraction = extract_file(path)
    assert extraction.file == str(path)
    assert without_file(extraction) == without_file(expected)


# --- ingest, end to end ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def homes(tmp_path_factory) -> dict:
    """One home per encoding, each holding the decision ingested from its own bytes."""
    found = {}
    for encoding, encode in ENCODINGS.items():
        work = tmp_path_factory.mktemp(encoding)
        (work / "in").mkdir()
        (work / "in" / NAME).write_bytes(encode(DECISION))
        home = Home(work / "home")
        summary = ingest(home, [work / "in"])
        assert (len(summary.added), summary.failed) == (1, ()), summary
        found[encoding] = home
    return found


@pytest.mark.parametrize("encoding", [e for e in ENCODINGS if e != "utf-8"])
def test_every_encoding_gives_identical_records(homes, encoding):
    reference, records = home_records(homes["utf-8"]), home_records(homes[encoding])
    assert len(reference) >= 4  # the decision and the documents it cites
    assert records == reference


def test_the_stored_sources_keep_their_bytes(homes):
    """The home keeps each file as it came (its hash is of those bytes); the records agree."""
    for encoding, home in homes.items():
        stored = home.sources_dir / "ingested" / NAME
        assert stored.read_bytes() == ENCODINGS[encoding](DECISION)
        manifest = json.loads(home.manifest_path.read_text(encoding="utf-8"))
        (entry,) = manifest["sources"].values()
        record = json.loads((home.records_dir / f"{entry['record']}.json").read_text(encoding="utf-8"))
        assert record["sources"] == [{"path": f"sources/ingested/{NAME}", "sha256": entry["sha256"]}]


# --- refusals, by name, in a run that goes on ----------------------------------------------

REFUSED = {
    "tcvn3.txt": (lambda: to_tcvn3(DECISION), "looks like TCVN3 (ABC) legacy encoding; convert it to Unicode first"),
    "vni.txt": (lambda: to_vni(DECISION), "looks like VNI legacy encoding; convert it to Unicode first"),
    "tcvn3-saved-as-utf8.txt": (lambda: to_tcvn3(DECISION).decode("latin-1").encode("utf-8"),
                                "looks like TCVN3 (ABC) legacy encoding"),
    "vni-saved-as-utf8.md": (lambda: to_vni(DECISION).decode("cp1252").encode("utf-8"), "looks like VNI legacy encoding"),
    "vni-page.html": (lambda: b"<html><body><p>" + to_vni(DECISION).replace(b"\n", b"</p><p>") + b"</p></body></html>",
                      "looks like VNI legacy encoding"),
    "image.txt": (lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "not a text file"),
    "program.txt": (lambda: b"\x7fELF\x02\x01\x01\x00" + bytes(range(32)) * 50, "not a text file"),
    "random.md": (lambda: bytes((i * 7919 + 13) % 256 for i in range(5000)), "not a text file"),
    "archive.docx": (lambda: b"PK\x03\x04" + b"\x00junk" * 100, "corrupt DOCX"),
    "scan.txt": (lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),  # refused: corrupt or unsupported
}


def test_legacy_and_binary_files_are_refused_by_name_and_the_run_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / NAME).write_bytes(to_cp1258(DECISION))
    for name, (build, _) in REFUSED.items():
        (folder / name).write_bytes(build())
    summary = ingest(Home(tmp_path / "home"), [folder])
    assert [Path(p).name for p in summary.added] == [NAME]
    reasons = {Path(path).name: reason for path, reason in summary.failed}
    assert set(reasons) == set(REFUSED)
    for name, (_, fragment) in REFUSED.items():
        assert reasons[name].startswith(f"{folder / name}: "), reasons[name]
        assert fragment in reasons[name], reasons[name]
        assert "\n" not in reasons[name]


@pytest.mark.parametrize("damage", ["truncated-last-letter", "one-bad-byte"])
def test_damaged_utf8_is_not_called_a_legacy_encoding(tmp_path, damage):
    data = DECISION.encode("utf-8")
    data = data[:-1] + "ệ".encode("utf-8")[:2] if damage == "truncated-last-letter" else data[:200] + b"\xff" + data[200:]
    (tmp_path / NAME).write_bytes(data)
    summary = ingest(Home(tmp_path / "home"), [tmp_path / NAME])
    ((path, reason),) = summary.failed
    assert "TCVN3" not in reason and "VNI" not in reason, reason
    assert "UTF-8" in reason
