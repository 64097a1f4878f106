"""The link neighbourhood ("lược đồ"): breadth-first, depth-limited, cycle-safe; DOT and
Mermaid golden files; SVG through Graphviz when it is installed."""
from __future__ import annotations

import shutil
from datetime import date

import pytest
from lxml import etree

from legaldocs import graph
from legaldocs.errors import LegaldocsError
from legaldocs.home import Home
from legaldocs.models import Link, Record
from legaldocs.registry import Registry
from test_export import ROOT_ID, build_home, golden

AS_OF = date(2026, 1, 1)
REPEALING = "47-2020-qd-ttg--thu-tuong-chinh-phu"
PROVINCIAL = "15-2013-qd-ubnd--ubnd-tinh-binh-dinh"
REPORT = "612-bc-sngv--2024--so-ngoai-vu-tinh-binh-dinh"
DECREE = "136-2007-nd-cp--chinh-phu"


@pytest.fixture(scope="module")
def registry(tmp_path_factory) -> Registry:
    return Registry.load(build_home(tmp_path_factory.mktemp("graph")))


def test_dot_golden(registry):
    golden("graph-58-2012-qd-ttg.dot", graph.to_dot(graph.neighbourhood(registry, ROOT_ID, 1, AS_OF)))


def test_mermaid_golden(registry):
    golden("graph-58-2012-qd-ttg.mmd", graph.to_mermaid(graph.neighbourhood(registry, ROOT_ID, 1, AS_OF)))


def test_the_neighbourhood_of_a_repealed_decision(registry):
    found = graph.neighbourhood(registry, ROOT_ID, 1, AS_OF)
    assert found.nodes[0].id == ROOT_ID and found.nodes[0].depth == 0
    assert {n.id for n in found.nodes} == {ROOT_ID, REPEALING, PROVINCIAL, REPORT, DECREE}
    edges = {(e.source, e.target, e.kind, e.label) for e in found.edges}
    assert (REPEALING, ROOT_ID, "repeals", "bãi bỏ") in edges
    assert (PROVINCIAL, ROOT_ID, "based_on", "căn cứ") in edges  # cited-by through a link
    assert (ROOT_ID, DECREE, "based_on", "căn cứ") in edges
    assert (REPORT, ROOT_ID, "cites", "trích dẫn") in edges  # plain citation
    # a citation beside a relation between the same two documents is not drawn twice
    assert (PROVINCIAL, ROOT_ID, "cites", "trích dẫn") not in edges
    root = found.nodes[0]
    assert root.label == "58/2012/QĐ-TTg\nQuyết định – hết hiệu lực toàn bộ"
    decree = next(n for n in found.nodes if n.id == DECREE)
    assert (decree.kind, decree.status) == ("cited", "không xác định")


@pytest.mark.parametrize("depth, ids", [
    (0, {ROOT_ID}),
    (1, {ROOT_ID, REPEALING, PROVINCIAL, REPORT, DECREE}),
    (5, {ROOT_ID, REPEALING, PROVINCIAL, REPORT, DECREE}),
])
def test_depth(registry, depth, ids):
    found = graph.neighbourhood(registry, ROOT_ID, depth, AS_OF)
    assert {n.id for n in found.nodes} == ids
    assert all(e.source in ids and e.target in ids for e in found.edges)


def test_depth_counts_links_from_the_centre(registry):
    found = graph.neighbourhood(registry, DECREE, 2, AS_OF)
    depths = {n.id: n.depth for n in found.nodes}
    assert depths[DECREE] == 0 and depths[ROOT_ID] == 1 and depths[REPEALING] == 2
    assert REPEALING not in {n.id for n in graph.neighbourhood(registry, DECREE, 1, AS_OF).nodes}


def _record(rid: str, number: str, links=()) -> Record:
    return Record(id=rid, kind="full", number=number, type="Quyết định", issuer="Thủ tướng Chính phủ",
                  date=date(2020, 1, 1), links=tuple(links))


def _link(kind: str, source: str, target: str, stated_in: str) -> Link:
    return Link(kind=kind, source_id=None, source_number=source, target_id="", target_number=target,
                stated_in=stated_in, scope="self", target_issuer="Thủ tướng Chính phủ",
                source_issuer="Thủ tướng Chính phủ")


def test_cycles_end(tmp_path):
    a, b, c = "1/2020/QĐ-TTg", "2/2020/QĐ-TTg", "3/2020/QĐ-TTg"
    records = {
        "a": _record("a", a, [_link("amends", a, b, "a")]),
        "b": _record("b", b, [_link("amends", b, c, "b")]),
        "c": _record("c", c, [_link("corrects", c, a, "c")]),
    }
    found = graph.neighbourhood(Registry(Home(tmp_path), records), "a", 10, AS_OF)
    assert [n.id for n in found.nodes] == ["a", "b", "c"]
    assert [(e.source, e.target, e.label) for e in found.edges] == [
        ("a", "b", "sửa đổi, bổ sung"), ("b", "c", "sửa đổi, bổ sung"), ("c", "a", "đính chính")]


def test_bad_requests(registry):
    with pytest.raises(LegaldocsError, match="no record"):
        graph.neighbourhood(registry, "khong-co", 1)
    with pytest.raises(LegaldocsError, match="depth"):
        graph.neighbourhood(registry, ROOT_ID, -1)


@pytest.mark.parametrize("text, quoted", [
    ('58/2012/QĐ-TTg\nQuyết định', '"58/2012/QĐ-TTg\\nQuyết định"'),
    ('Quy chế "mẫu"', '"Quy chế \\"mẫu\\""'),
    ("a\\b", '"a\\\\b"'),
])
def test_dot_strings(text, quoted):
    assert graph._dot_string(text) == quoted


@pytest.mark.parametrize("text, escaped", [
    ("58/2012/QĐ-TTg\nQuyết định", "58/2012/QĐ-TTg<br/>Quyết định"),
    ('Quy chế "mẫu" <1>', "Quy chế #quot;mẫu#quot; #lt;1#gt;"),
])
def test_mermaid_text(text, escaped):
    assert graph._mermaid_text(text) == escaped


def test_an_unnumbered_document_is_labelled_by_its_title(tmp_path):
    record = Record(id="x--bao-cao", kind="full", number=None, type="Báo cáo",
                    title="Báo cáo tổng kết công tác pháp chế năm 2024 của Sở Ngoại vụ tỉnh Bình Định")
    node = graph.neighbourhood(Registry(Home(tmp_path), {record.id: record}), record.id, 1, AS_OF).nodes[0]
    first, second = node.label.split("\n")
    assert first.startswith("Báo cáo tổng kết công tác pháp chế") and first.endswith("…")
    assert len(first) <= 40 and second == "Báo cáo – còn hiệu lực"


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz (dot) is not installed")
def test_svg(registry):
    svg = graph.to_svg(graph.neighbourhood(registry, ROOT_ID, 1, AS_OF))
    root = etree.fromstring(svg.encode("utf-8"), etree.XMLParser(no_network=True, load_dtd=False))
    texts = root.xpath("//svg:text/text()", namespaces={"svg": "http://www.w3.org/2000/svg"})
    assert "58/2012/QĐ-TTg" in texts and "bãi bỏ" in texts  # Vietnamese survives Graphviz


def test_svg_without_graphviz(registry, monkeypatch):
    monkeypatch.setattr(graph.shutil, "which", lambda name: None)
    with pytest.raises(LegaldocsError, match="Graphviz is not installed: use --format dot or mermaid"):
        graph.to_svg(graph.neighbourhood(registry, ROOT_ID, 1, AS_OF))


def test_to_dict(registry):
    data = graph.neighbourhood(registry, ROOT_ID, 1, AS_OF).to_dict()
    assert data["root"] == ROOT_ID and data["as_of"] == "2026-01-01"
    assert data["nodes"][0]["label"].startswith("58/2012/QĐ-TTg")
    assert {"source", "target", "kind", "label"} == set(data["edges"][0])
