"""The Whoosh index: analysis, numbers, phrases, filters, facets, snippets, suggestions,
incremental updates and atomic rebuilds. Every index lives in ``tmp_path``."""
from __future__ import annotations

import json
import unicodedata
from datetime import date

import pytest

from legaldocs import index
from legaldocs.errors import LegaldocsError
from legaldocs.index import build_index, index_doc_count, index_exists, search, update_index


def record(id, number=None, type="Quyết định", issuer="UBND tỉnh Bình Định", day=None, title=None,
           text="", status="còn hiệu lực", kind="full", numbers=()):
    return {"id": id, "number": number, "numbers": list(numbers), "type": type, "issuer": issuer,
            "date": day, "title": title, "text": text, "status": status, "kind": kind}


RECORDS = [
    record("qd15", "15/2013/QĐ-UBND", day=date(2013, 7, 5), status="hết hiệu lực toàn bộ",
           title="Ban hành Quy chế quản lý hộ chiếu ngoại giao, hộ chiếu công vụ",
           text="Số: 15/2013/QĐ-UBND\nCăn cứ Nghị định số 16/2015/NĐ-CP;\nĐiều 1. Ban hành kèm theo "
                "Quyết định này Quy chế quản lý hộ chiếu ngoại giao trên địa bàn tỉnh.\nĐiều 5. Hiệu lực."),
    record("qd1732", "1732/QĐ-UBND", day=date(2020, 8, 12), title="Về việc công bố thủ tục hành chính",
           text="Công bố thủ tục hành chính lĩnh vực ngoại vụ. Bãi bỏ Quyết định số 15/2013/QĐ-UBND."),
    record("lake", "250/BC-SNgV", "Báo cáo", "Sở Ngoại vụ tỉnh Bình Định", date(2021, 12, 1),
           "Du lịch hồ chiều", "Hồ chiều nay rất đẹp.", status="không xác định"),
    record("scatter", "984/KH-SNgV", "Kế hoạch", "Sở Ngoại vụ tỉnh Bình Định", date(2019, 3, 2),
           "Kế hoạch đối ngoại", "Cấp hộ chiếu ngoại vụ, chiếu ngoại giao cho đoàn ra."),
    record("tt01", "01/2021/TT-BNG", "Thông tư", "Bộ Ngoại giao", date(2021, 1, 15),
           "Quy định cấp hộ chiếu ngoại giao",
           unicodedata.normalize("NFD", "Thông tư quy định việc cấp, gia hạn hộ chiếu ngoại giao tại Đà Nẵng.")),
    record("nd16", "16/2015/NĐ-CP", "Nghị định", "Chính phủ", date(2015, 4, 6),
           "Quy định cơ chế tự chủ của đơn vị sự nghiệp công lập", status="hết hiệu lực một phần",
           kind="cited"),
    record("nothing", text="Văn bản không số về hội nghị quốc tế.", type=None, issuer=None,
           status="không xác định"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    where = tmp_path_factory.mktemp("index")
    assert build_index(where, RECORDS) == len(RECORDS)
    return where


def ids(result):
    return [hit.id for hit in result.hits]


@pytest.mark.parametrize("query, expected", [
    ("ho chieu ngoai giao", {"qd15", "tt01", "scatter"}),  # words, not a phrase: scatter too
    ("hộ chiếu ngoại giao", {"qd15", "tt01", "scatter"}),
    ("HỘ CHIẾU NGOẠI GIAO", {"qd15", "tt01", "scatter"}),
    (unicodedata.normalize("NFD", "hộ chiếu ngoại giao"), {"qd15", "tt01", "scatter"}),
    ("da nang", {"tt01"}),  # đ → d, and the text of tt01 is NFD
    ("Đà Nẵng", {"tt01"}),
    ("ĐÀ NẴNG", {"tt01"}),
    ("ho chieu", {"qd15", "tt01", "scatter", "lake"}),  # hồ chiều folds to ho chieu
    ('"ho chieu ngoai giao"', {"qd15", "tt01"}),  # a phrase: the scattered pairs do not chain
    ('“hộ chiếu ngoại giao”', {"qd15", "tt01"}),  # typographic quotes
    ('"chieu ngoai giao"', {"qd15", "tt01", "scatter"}),
    ('"ngoại giao" "hộ chiếu"', {"qd15", "tt01", "scatter"}),
    ('"Điều 5"', {"qd15"}),  # digits are checked, not just "dieu #"
    ('"Điều 1"', {"qd15"}),
    ('"dieu 7"', set()),
    ("hội nghị quốc tế", {"nothing"}),
])
def test_accents_case_nfd_and_phrases(built, query, expected):
    result = search(built, query)
    assert set(ids(result)) == expected
    assert result.total == len(expected)


@pytest.mark.parametrize("query, expected", [
    ("hộ chiếu", {"qd15", "tt01", "scatter"}),
    ("hồ chiều", {"lake"}),
    ('"hộ chiếu ngoại giao"', {"qd15", "tt01"}),
    ('"hồ chiều"', {"lake"}),
    ("ho chieu", set()),  # typed without accents, matched exactly
    (unicodedata.normalize("NFD", "Hồ Chiều"), {"lake"}),
])
def test_exact_accents(built, query, expected):
    assert set(ids(search(built, query, exact_accents=True))) == expected


@pytest.mark.parametrize("query", [
    "15/2013/QĐ-UBND", "15/2013/QD-UBND", "15/2013/qd-ubnd", "15/2013/QÐ-UBND",
    unicodedata.normalize("NFD", "15/2013/QĐ-UBND"), "015/2013/QĐ-UBND", "Số 15/2013/QĐ-UBND",
    "15 /2013/ QĐ-UBND", "15/2013", "15/2013/QĐ",
])
def test_number_variants_find_the_document_first(built, query):
    result = search(built, query)
    assert ids(result) == ["qd15"]


@pytest.mark.parametrize("query, expected", [
    ("1732 /QĐ-UBND", ["qd1732"]),
    ("1732/qd-ubnd", ["qd1732"]),
    ("16/2015/NĐ-CP", ["nd16"]),  # a cited record, known by its number only
    ("984/KH-SNGV", ["scatter"]),
])
def test_other_numbers(built, query, expected):
    assert ids(search(built, query)) == expected


def test_symbol_fragment_finds_every_document_with_it(built):
    assert set(ids(search(built, "qd-ubnd"))) == {"qd15", "qd1732"}
    assert set(ids(search(built, "QĐ-UBND"))) == {"qd15", "qd1732"}


def test_unknown_number_falls_back_to_the_documents_citing_it(tmp_path):
    build_index(tmp_path, [record("a", "1/2020/QĐ-UBND", text="Căn cứ Thông tư số 99/2019/TT-BTC về phí.")])
    assert ids(search(tmp_path, "99/2019/TT-BTC")) == ["a"]


def test_number_inside_a_longer_query(built):
    assert ids(search(built, "bãi bỏ 15/2013/QĐ-UBND")) == ["qd1732"]


@pytest.mark.parametrize("filters, expected", [
    ({"type": "quyet dinh"}, {"qd15", "qd1732"}),
    ({"type": "QUYẾT ĐỊNH"}, {"qd15", "qd1732"}),
    ({"type": "Thông tư"}, {"tt01"}),
    ({"issuer": "binh dinh"}, {"qd15", "qd1732", "scatter"}),
    ({"issuer": "Ủy ban nhân dân tỉnh Bình Định"}, {"qd15", "qd1732"}),  # UBND ↔ Ủy ban nhân dân
    ({"issuer": "ngoai vu"}, {"scatter"}),
    ({"issuer": "inh"}, set()),  # words, not letters
    ({"year": 2013}, {"qd15"}),
    ({"year": "2021"}, {"tt01"}),
    ({"date_from": date(2015, 1, 1)}, {"qd1732", "scatter", "tt01"}),
    ({"date_to": "2014-12-31"}, {"qd15"}),
    ({"date_from": date(2019, 1, 1), "date_to": date(2020, 12, 31)}, {"qd1732", "scatter"}),
    ({"status": "het hieu luc toan bo"}, {"qd15"}),
    ({"status": "còn hiệu lực"}, {"qd1732", "scatter", "tt01"}),
    ({"type": "quyết định", "status": "con hieu luc"}, {"qd1732"}),
])
def test_filters(built, filters, expected):
    assert set(ids(search(built, "ngoai", **filters))) == expected


def test_empty_query_lists_the_filtered_documents_newest_first(built):
    result = search(built, "", issuer="Bình Định")
    assert ids(result) == ["lake", "qd1732", "scatter", "qd15"]


def test_sort_by_date(built):
    result = search(built, "ngoai giao", sort="date")
    days = [hit.date for hit in result.hits]
    assert days == sorted(days, reverse=True)
    with pytest.raises(LegaldocsError):
        search(built, "x", sort="title")


def test_relevance_puts_title_matches_first(built):
    assert ids(search(built, '"hộ chiếu ngoại giao"'))[0] in {"qd15", "tt01"}
    assert ids(search(built, "du lịch"))[0] == "lake"


def test_facets_count_every_match_not_just_the_page(built):
    result = search(built, "ngoai", limit=1)
    assert result.total == 4 and len(result.hits) == 1
    assert result.facets["type"] == {"Quyết định": 2, "Kế hoạch": 1, "Thông tư": 1}
    assert result.facets["issuer"]["UBND tỉnh Bình Định"] == 2
    assert result.facets["year"] == {"2013": 1, "2019": 1, "2020": 1, "2021": 1}


def test_facets_of_a_large_result_use_the_cached_tables(tmp_path):
    records = [record(f"d{i}", type=("Quyết định", "Kế hoạch")[i % 2], day=date(2010 + i % 3, 1, 1),
                      text="hộ chiếu") for i in range(100)]
    build_index(tmp_path, records)
    result = search(tmp_path, "ho chieu", limit=5)
    assert result.total == 100
    assert result.facets["type"] == {"Kế hoạch": 50, "Quyết định": 50}
    assert result.facets["year"] == {"2010": 34, "2011": 33, "2012": 33}


@pytest.mark.parametrize("query, exact, marked", [
    ('"ho chieu ngoai giao"', False, "[hộ chiếu ngoại giao]"),
    ("ho chieu", False, "[hộ chiếu]"),
    ("hồ chiều", True, "[Hồ chiều]"),
    ("da nang", False, "[Đà Nẵng]"),  # NFD text, NFC snippet
])
def test_snippets_mark_hits_whatever_the_accents(built, query, exact, marked):
    snippets = [hit.snippet for hit in search(built, query, exact_accents=exact).hits]
    assert any(marked in s for s in snippets), snippets
    assert all(s == unicodedata.normalize("NFC", s) for s in snippets)


def test_snippet_of_a_number_match_and_of_a_record_without_text(built):
    assert "[15/2013/QĐ-UBND]" in search(built, "15/2013/qd-ubnd").hits[0].snippet
    assert search(built, "16/2015/NĐ-CP").hits[0].snippet.startswith("Quy định cơ chế tự chủ")


@pytest.mark.parametrize("query, suggestion", [
    ("ho chiue ngoai giao", "ho chiếu ngoai giao"),
    ("thu tuc hanh chinhh", "thu tuc hanh chính"),
    ("15/2013/QĐ-UBNN", "15/2013/QĐ-UBND"),
])
def test_did_you_mean(built, query, suggestion):
    result = search(built, query)
    assert result.total == 0 and result.suggestion == suggestion
    assert search(built, suggestion).total > 0


def test_no_suggestion_when_something_matches_or_the_words_exist(built):
    assert search(built, "hộ chiếu").suggestion is None
    assert search(built, "hộ chiếu", year=1990).suggestion is None  # filtered out, not misspelled


def test_results_are_json_ready(built):
    data = search(built, "15/2013/QĐ-UBND").to_dict()
    hit = json.loads(json.dumps(data, ensure_ascii=False))["hits"][0]
    assert hit["date"] == "2013-07-05" and hit["number"] == "15/2013/QĐ-UBND"
    assert set(hit) == {"id", "number", "type", "issuer", "date", "title", "status", "score", "snippet"}


def test_incremental_update_and_delete(tmp_path):
    build_index(tmp_path, RECORDS)
    changed = dict(RECORDS[0], title="Quy chế quản lý công tác lễ tân", text="Lễ tân nhà nước.")
    update_index(tmp_path, [changed, record("new", "7/2024/QĐ-UBND", title="Lễ tân đối ngoại")],
                 deleted_ids=["lake"])
    assert index_doc_count(tmp_path) == len(RECORDS) + 1 - 1
    assert set(ids(search(tmp_path, "le tan"))) == {"qd15", "new"}
    assert "qd15" not in ids(search(tmp_path, '"ho chieu ngoai giao"'))
    assert search(tmp_path, "du lịch").total == 0
    assert ids(search(tmp_path, "15/2013/QĐ-UBND")) == ["qd15"]
    assert "Báo cáo" not in search(tmp_path, "", limit=0).facets["type"]


def test_rebuild_is_atomic_when_the_build_crashes(tmp_path, monkeypatch):
    build_index(tmp_path, RECORDS)
    assert search(tmp_path, "du lịch").total == 1
    calls = []

    def crash(self, rec):
        calls.append(rec["id"])
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return original(self, rec)

    original = index.writer._Writer.add_record
    monkeypatch.setattr(index.writer._Writer, "add_record", crash)
    with pytest.raises(RuntimeError):
        build_index(tmp_path, [record(f"x{i}", title="khác") for i in range(5)])
    monkeypatch.undo()
    assert search(tmp_path, "du lịch").total == 1  # the old index still answers
    assert index_doc_count(tmp_path) == len(RECORDS)
    assert not list(tmp_path.glob(".building-*"))


def test_a_second_build_while_a_searcher_is_open(tmp_path):
    build_index(tmp_path, RECORDS)
    assert search(tmp_path, "du lịch").total == 1
    opened = index.reading._open(tmp_path)  # the cached, open reader
    build_index(tmp_path, [record("only", title="Chỉ một văn bản")])
    assert opened.reader.stored_fields(0)["id"]  # the old reader still reads its files
    assert search(tmp_path, "du lịch").total == 0
    assert ids(search(tmp_path, "chi mot van ban")) == ["only"]
    build_index(tmp_path, RECORDS)  # the build before the last is removed
    assert len(list(tmp_path.glob("build-*"))) == 2


def test_parallel_build_matches_serial(tmp_path, monkeypatch):
    monkeypatch.setattr(index.build, "PARALLEL_MIN", 10)
    monkeypatch.setattr(index.build, "SEGMENT_DOCS", 8)
    records = [record(f"p{i}", f"{i + 1}/2022/QĐ-UBND", day=date(2022, 1, 1 + i % 28),
                      title=f"Văn bản {i}", text="hộ chiếu ngoại giao" if i % 3 == 0 else "khác")
               for i in range(40)]
    assert build_index(tmp_path, records, procs=2) == 40
    assert len(index.reading._open(tmp_path).leaves) > 1  # the patches took: workers, segments of 8
    assert index_doc_count(tmp_path) == 40
    assert search(tmp_path, '"hộ chiếu ngoại giao"').total == 14
    assert ids(search(tmp_path, "17/2022/qd-ubnd")) == ["p16"]


def test_a_failing_worker_is_reported_and_leaves_no_trace(tmp_path, monkeypatch):
    monkeypatch.setattr(index.build, "PARALLEL_MIN", 5)
    bad = [record(f"b{i}") for i in range(10)] + [{"id": "broken", "text": 42}]
    with pytest.raises(LegaldocsError, match="worker"):
        build_index(tmp_path, bad, procs=2)
    assert not index_exists(tmp_path) and not list(tmp_path.glob(".building-*"))


def test_missing_or_damaged_index(tmp_path):
    assert not index_exists(tmp_path)
    with pytest.raises(LegaldocsError, match="rebuild"):
        search(tmp_path, "x")
    (tmp_path / "CURRENT").write_text("build-gone\n")
    assert not index_exists(tmp_path)
    with pytest.raises(LegaldocsError, match="missing or damaged"):
        index_doc_count(tmp_path)


def test_index_exists_and_count(built):
    assert index_exists(built) and index_doc_count(built) == len(RECORDS)


@pytest.mark.parametrize("text, folded", [
    ("Hộ chiếu Đà Nẵng", "ho chieu da nang"),
    ("QÐ-UBND", "qd-ubnd"),
    (unicodedata.normalize("NFD", "Nghị định"), "nghi dinh"),
    ("Ủy ban nhân dân", "uy ban nhan dan"),
])
def test_fold(text, folded):
    assert index.fold(text) == folded


@pytest.mark.parametrize("filters", [{"year": "abc"}, {"date_from": "05/07/2013"}, {"date_to": 20130705}])
def test_bad_filters_are_reported(built, filters):
    with pytest.raises(LegaldocsError, match="YYYY-MM-DD"):
        search(built, "x", **filters)


def test_an_empty_index(tmp_path):
    assert build_index(tmp_path, []) == 0
    result = search(tmp_path, "hộ chiếu")
    assert (result.total, result.hits, result.suggestion) == (0, (), None)
    assert result.facets == {"type": {}, "issuer": {}, "year": {}}


def test_update_with_a_repeated_id_keeps_the_last(tmp_path):
    build_index(tmp_path, RECORDS[:2])
    update_index(tmp_path, [record("r", title="một"), record("r", title="hai")])
    assert index_doc_count(tmp_path) == 3
    assert ids(search(tmp_path, "hai")) == ["r"] and search(tmp_path, "một").total == 0


def test_only_the_index_module_imports_whoosh():
    import subprocess
    import sys

    code = ("import sys, legaldocs.analysis, legaldocs.numbers; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'whoosh'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("query, expected", [
    ('"Điều 5. Hiệu lực"', {"qd15"}),
    ('"Điều 05"', {"qd15"}),  # numbers compare by value
    ('"Điều 2"', set()),
    ('"số 16/2015/NĐ-CP"', {"qd15"}),
    ('"15/2013/QĐ-UBND"', {"qd15", "qd1732"}),  # quoted: the words, wherever they are written
    ("15/2013", {"qd15"}),
])
def test_phrases_with_numbers(built, query, expected):
    assert set(ids(search(built, query))) == expected


def test_fragment_of_a_number_only_cited(tmp_path):
    build_index(tmp_path, [record("a", "1/2020/QĐ-UBND", text="Căn cứ Thông tư số 99/2019/TT-BTC về phí.")])
    assert ids(search(tmp_path, "99/2019")) == ["a"]


def test_digits_that_are_not_numbers(tmp_path):
    build_index(tmp_path, [record("a", text="Theo báo cáo ² số 2 ngày ³ của Sở; Điều ⁴ 5")])
    assert ids(search(tmp_path, '"báo cáo ²"')) == ["a"]
    assert ids(search(tmp_path, '"số 2"')) == ["a"]


def test_an_index_of_an_older_schema_asks_for_a_rebuild(tmp_path, monkeypatch):
    from whoosh import fields

    build_index(tmp_path, RECORDS[:2])
    newer = index.schema._schema()
    newer.add("future", fields.ID())
    monkeypatch.setattr(index.reading, "_schema", lambda: newer)  # this code expects a field it lacks
    with pytest.raises(LegaldocsError, match="rebuild"):
        search(tmp_path, "x")


@pytest.mark.parametrize("damage", ["junk", "moved class"])
def test_an_unreadable_index_is_rebuilt_by_the_next_search(tmp_path, damage):
    """An index written by an older legaldocs (its pickled schema names a class that has
    since moved) or damaged is derived data: the next search rebuilds it from corpus/."""
    from factories import document, make_home
    from legaldocs.browse import search_documents

    home = make_home(tmp_path, {"qd.txt": document("15/2013/QĐ-UBND", date(2013, 7, 5), "Về hộ chiếu")})
    assert search_documents(home, "hộ chiếu").total == 1
    (toc,) = home.index_dir.glob("*/_MAIN_*.toc")
    if damage == "junk":
        toc.write_bytes(b"\x00" * 40)
    else:  # the pickle of a class the reading code cannot find any more
        data = toc.read_bytes()
        moved = data.replace(b"legaldocs.index.schema", b"legaldocs.index.gone00")
        assert moved != data
        toc.write_bytes(moved)
        with pytest.raises(ModuleNotFoundError):
            __import__("whoosh.index").index.open_dir(str(toc.parent))
    assert not index_exists(home.index_dir)
    assert search_documents(home, "hộ chiếu").total == 1
    assert index_exists(home.index_dir)


@pytest.mark.parametrize("manifest, generation", [
    ('{\n "generation": 12,\n "sources": {}\n}\n', 12),  # as legaldocs writes it: read from the head
    ('{"sources": {"a": {"sha256": "x"}}, "generation": 7}', 7),  # another order: parsed whole
    ('{"generation": 3' + ' ' * 300 + '}', 3),
    ("not json", 0),
])
def test_the_index_knows_the_manifest_generation(tmp_path, manifest, generation):
    from legaldocs.browse import _generation
    from legaldocs.home import Home

    home = Home.resolve(str(tmp_path))
    home.ensure()
    home.manifest_path.write_text(manifest, encoding="utf-8")
    assert _generation(home) == generation
