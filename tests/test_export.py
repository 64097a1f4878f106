"""Registry exports: CSV and JSON Lines rows, Akoma Ntoso 3.0 files valid against the
official schema, and the round trip export akn -> ingest into a new home -> the same
records. Golden files in tests/golden/ (set LEGALDOCS_UPDATE_GOLDEN=1 to rewrite them)."""
from __future__ import annotations

import csv
import io
import json
import os
from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from legaldocs import export
from legaldocs.errors import ReaderError
from legaldocs.home import Home
from legaldocs.ingest import ingest
from legaldocs.readers import read_file
from legaldocs.readers.akn import AKN_NAMESPACE
from legaldocs.registry import Registry, record_to_json

GOLDEN = Path(__file__).parent / "golden"
AS_OF = date(2026, 1, 1)
AKN = {"a": AKN_NAMESPACE}

# Four small documents: a decision, the decision repealing it, a provincial decision based
# on it, and a report citing them (a "doc", not an "act").
DOCUMENTS = {
    "qd-58-2012-qd-ttg.txt": """THỦ TƯỚNG CHÍNH PHỦ
-------
Số: 58/2012/QĐ-TTg
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Hà Nội, ngày 24 tháng 12 năm 2012

QUYẾT ĐỊNH
Về sử dụng và quản lý hộ chiếu ngoại giao, hộ chiếu công vụ

Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;
Căn cứ Nghị định số 136/2007/NĐ-CP ngày 17 tháng 8 năm 2007 của Chính phủ về xuất cảnh, nhập cảnh của công dân Việt Nam;
Theo đề nghị của Bộ trưởng Bộ Ngoại giao;

Thủ tướng Chính phủ ban hành Quyết định về sử dụng và quản lý hộ chiếu ngoại giao, hộ chiếu công vụ.

Điều 1. Phạm vi điều chỉnh
Quyết định này quy định việc sử dụng và quản lý hộ chiếu ngoại giao, hộ chiếu công vụ.

Điều 2. Hiệu lực thi hành
Quyết định này có hiệu lực thi hành kể từ ngày 15 tháng 02 năm 2013./.

KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG

Nguyễn Văn Bình
""",
    "qd-47-2020-qd-ttg.txt": """THỦ TƯỚNG CHÍNH PHỦ
-------
Số: 47/2020/QĐ-TTg
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Hà Nội, ngày 18 tháng 12 năm 2020

QUYẾT ĐỊNH
Bãi bỏ Quyết định số 58/2012/QĐ-TTg ngày 24 tháng 12 năm 2012
của Thủ tướng Chính phủ về sử dụng và quản lý hộ chiếu ngoại giao,
hộ chiếu công vụ

Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;
Theo đề nghị của Bộ trưởng Bộ Ngoại giao;

Điều 1. Bãi bỏ văn bản
Bãi bỏ Quyết định số 58/2012/QĐ-TTg ngày 24 tháng 12 năm 2012 của Thủ tướng Chính phủ về sử dụng và quản lý hộ chiếu ngoại giao, hộ chiếu công vụ.

Điều 2. Hiệu lực thi hành
Quyết định này có hiệu lực thi hành kể từ ngày 15 tháng 02 năm 2021./.

KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG

Đỗ Quang Vinh
""",
    "qd-15-2013-qd-ubnd.txt": """ỦY BAN NHÂN DÂN
TỈNH BÌNH ĐỊNH
-------
Số: 15/2013/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Bình Định, ngày 05 tháng 7 năm 2013

QUYẾT ĐỊNH
Ban hành Quy định quản lý hộ chiếu ngoại giao, hộ chiếu công vụ
của cán bộ, công chức tỉnh Bình Định

ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH

Căn cứ Quyết định số 58/2012/QĐ-TTg ngày 24 tháng 12 năm 2012 của Thủ tướng Chính phủ về sử dụng và quản lý hộ chiếu ngoại giao, hộ chiếu công vụ;
Theo đề nghị của Giám đốc Sở Ngoại vụ,

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Quy định quản lý hộ chiếu ngoại giao, hộ chiếu công vụ của cán bộ, công chức tỉnh Bình Định.

Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày 15 tháng 7 năm 2013./.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Lê Hữu Phước
""",
    "bc-612-bc-sngv.txt": """UBND TỈNH BÌNH ĐỊNH
SỞ NGOẠI VỤ
-------
Số: 612/BC-SNgV
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Bình Định, ngày 14 tháng 6 năm 2024

BÁO CÁO
Kết quả rà soát văn bản về hộ chiếu năm 2024

Sở Ngoại vụ báo cáo như sau:
1. Quyết định số 15/2013/QĐ-UBND ngày 05 tháng 7 năm 2013 của UBND tỉnh Bình Định căn cứ Quyết định số 58/2012/QĐ-TTg, văn bản này đã bị bãi bỏ bởi Quyết định số 47/2020/QĐ-TTg ngày 18 tháng 12 năm 2020 của Thủ tướng Chính phủ.
2. Đề nghị Sở Tư pháp xem xét.

GIÁM ĐỐC

Trần Văn Minh
""",
}
ROOT_ID = "58-2012-qd-ttg--thu-tuong-chinh-phu"


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("LEGALDOCS_UPDATE_GOLDEN") or not path.exists():
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


def build_home(root: Path) -> Home:
    sources = root / "in"
    sources.mkdir(parents=True)
    for name, text in DOCUMENTS.items():
        (sources / name).write_text(text, encoding="utf-8")
    home = Home(root / "home")
    summary = ingest(home, [sources])
    assert not summary.failed and len(summary.added) == len(DOCUMENTS)
    return home


@pytest.fixture(scope="module")
def registry(tmp_path_factory) -> Registry:
    return Registry.load(build_home(tmp_path_factory.mktemp("export")))


def comparable(registry: Registry) -> dict:
    """Every record as JSON, less where its source file lies (which a new home changes)."""
    out = {}
    for rid, record in registry.records.items():
        data = record_to_json(record)
        data.pop("sources")
        out[rid] = data
    return out


# --- CSV and JSON Lines ---------------------------------------------------------------------

def test_csv_golden(registry):
    out = io.StringIO()
    assert export.export_csv(registry, out, as_of=AS_OF) == len(registry.records)
    golden("export.csv", out.getvalue())
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == export.CSV_COLUMNS
    assert all(row["number"] for row in rows)  # every row carries the canonical number
    by_number = {row["number"]: row for row in rows}
    assert by_number["58/2012/QĐ-TTg"]["status"] == "hết hiệu lực toàn bộ"
    assert by_number["47/2020/QĐ-TTg"]["links"] == "repeals:58/2012/QĐ-TTg"
    assert by_number["136/2007/NĐ-CP"]["kind"] == "cited"


def test_jsonl_golden(registry):
    out = io.StringIO()
    assert export.export_jsonl(registry, out, as_of=AS_OF) == len(registry.records)
    golden("export.jsonl", out.getvalue())
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [row["id"] for row in rows] == sorted(registry.records)
    assert all(row["number"] and row["status"] for row in rows)
    assert {row["id"]: row for row in rows}[ROOT_ID]["status"] == "hết hiệu lực toàn bộ"


# --- Akoma Ntoso ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def schema():
    if not export.SCHEMA_PATH.exists():
        pytest.skip("the Akoma Ntoso schema is not bundled")
    return export.akn_schema()


def test_akn_golden_document(registry):
    data = export.record_to_akn(registry, registry.records[ROOT_ID], generated=AS_OF)
    golden("export-58-2012-qd-ttg.xml", data.decode("utf-8"))


def test_every_export_is_valid_against_the_official_schema(registry, schema, tmp_path):
    written = export.export_akn(registry, tmp_path, generated=AS_OF, with_cited=True)
    assert len(written.files) == len(registry.records) and not written.without_text
    for path in written.files:
        assert schema.validate(etree.parse(path)), f"{path}: {schema.error_log}"


def test_the_schema_catches_what_it_should(schema, registry):
    root = etree.fromstring(export.record_to_akn(registry, registry.records[ROOT_ID], generated=AS_OF))
    root.find(".//a:FRBRWork/a:FRBRcountry", AKN).getparent().remove(
        root.find(".//a:FRBRWork/a:FRBRcountry", AKN))
    assert not schema.validate(root)


def test_akn_metadata(registry):
    root = etree.fromstring(export.record_to_akn(registry, registry.records[ROOT_ID], generated=AS_OF))
    value = lambda xpath: root.xpath(xpath, namespaces=AKN)  # noqa: E731
    assert value("/a:akomaNtoso/a:act/@name") == ["quyet-dinh"]
    assert value("//a:FRBRWork/a:FRBRuri/@value") == ["/akn/vn/act/2012-12-24/58-2012-qd-ttg"]
    assert value("//a:FRBRExpression/a:FRBRuri/@value") == ["/akn/vn/act/2012-12-24/58-2012-qd-ttg/vie@"]
    assert value("//a:FRBRWork/a:FRBRnumber/@value") == ["58/2012/QĐ-TTg"]
    assert value("//a:FRBRExpression/a:FRBRlanguage/@language") == ["vie"]
    assert value("//a:FRBRWork/a:FRBRcountry/@value") == ["vn"]
    assert value("//a:lifecycle/a:eventRef/@type") == ["generation", "repeal"]
    assert value("//a:lifecycle/a:eventRef/@date") == ["2012-12-24", "2013-02-15", "2021-02-15"]
    assert value("//a:passiveModifications/a:textualMod/@type") == ["repeal"]
    assert value("//a:passiveModifications//a:source/@href") == ["/akn/vn/act/2020-12-18/47-2020-qd-ttg"]
    assert value("//a:TLCOrganization/@showAs")[0] == "Thủ tướng Chính phủ"
    assert value("//a:preface//a:docNumber/text()") == ["58/2012/QĐ-TTg"]
    assert value("//a:preface//a:docDate/@date") == ["2012-12-24"]
    assert value("//a:preface//a:docType/text()") == ["Quyết định"]
    repealing = etree.fromstring(export.record_to_akn(
        registry, registry.records["47-2020-qd-ttg--thu-tuong-chinh-phu"], generated=AS_OF))
    assert repealing.xpath("//a:activeModifications/a:textualMod/a:destination/@href", namespaces=AKN) \
        == ["/akn/vn/act/2012-12-24/58-2012-qd-ttg"]
    report = etree.fromstring(export.record_to_akn(
        registry, registry.records["612-bc-sngv--2024--so-ngoai-vu-tinh-binh-dinh"], generated=AS_OF))
    assert report.xpath("/a:akomaNtoso/a:doc/@name", namespaces=AKN) == ["bao-cao"]
    assert report.xpath("//a:FRBRWork/a:FRBRuri/@value", namespaces=AKN) \
        == ["/akn/vn/doc/2024-06-14/612-bc-sngv"]


def test_the_akn_reader_reads_an_export_as_its_source(registry, tmp_path):
    record = registry.records[ROOT_ID]
    path = tmp_path / "58.xml"
    path.write_bytes(export.record_to_akn(registry, record))
    source = read_file(path)
    assert source.format == "akn"
    assert source.text == read_file(registry.home.corpus / record.sources[0].path).text


def test_a_cited_record_exports_its_metadata_and_is_not_ingested(registry, schema, tmp_path):
    cited = next(r for r in registry.records.values() if r.number == "136/2007/NĐ-CP")
    data = export.record_to_akn(registry, cited, generated=AS_OF)
    root = etree.fromstring(data)
    assert schema.validate(root)
    assert root.xpath("//a:preface//a:docNumber/text()", namespaces=AKN) == ["136/2007/NĐ-CP"]
    assert not root.xpath("//a:body//a:p", namespaces=AKN)
    path = tmp_path / "136.xml"
    path.write_bytes(data)
    with pytest.raises(ReaderError, match="exported by legaldocs without its text"):
        read_file(path)


def test_round_trip_export_akn_then_ingest_gives_the_same_records(registry, tmp_path):
    written = export.export_akn(registry, tmp_path / "akn", generated=AS_OF)
    assert len(written.files) == len(DOCUMENTS)  # full records; ingest rebuilds the cited ones
    assert all(Path(p).name.endswith(".xml") for p in written.files)
    home = Home(tmp_path / "new-home")
    summary = ingest(home, [tmp_path / "akn"])
    assert not summary.failed and len(summary.added) == len(DOCUMENTS)
    again = Registry.load(home)
    assert comparable(again) == comparable(registry)
    for rid, record in again.records.items():
        if record.kind == "full":
            assert record.sources[0].path.endswith(".xml")


def test_a_record_whose_source_is_gone_is_exported_without_text(tmp_path):
    home = build_home(tmp_path)
    registry = Registry.load(home)
    record = registry.records[ROOT_ID]
    (home.corpus / record.sources[0].path).unlink()
    written = export.export_akn(registry, tmp_path / "akn", generated=AS_OF)
    assert [rid for rid, _ in written.without_text] == [ROOT_ID]
    with pytest.raises(ReaderError, match="without its text"):
        read_file(tmp_path / "akn" / f"{ROOT_ID}.xml")


@pytest.mark.parametrize("text", ["a\x0cb", "x\x00y"])
def test_characters_xml_cannot_carry_are_replaced(registry, text):
    record = registry.records[ROOT_ID]
    data = export._render(registry, record, text, AS_OF)
    assert "\ufffd" in etree.fromstring(data).xpath("string(//a:body//a:p)", namespaces=AKN)


@pytest.mark.parametrize("name, digest", [
    ("akomantoso30.xsd", "6f61fe84cbb6f8cb0e8418cd67b74a63da9990e6573b5a3491f623184f45c4fd"),
    ("xml.xsd", "81aed1bb30c9d475f5b16b6bb92e6ede9879dcd7e146c0ed8df577b87b1d2815"),
])
def test_the_bundled_schemas_are_the_official_files(name, digest):
    import hashlib

    path = export.SCHEMA_PATH.parent / name
    if not path.exists():
        pytest.skip(f"{path} is not bundled")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest  # see legaldocs/schema/README.md
