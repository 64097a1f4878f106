"""Registry: identity, cited → full records, incremental ingest, facts, one writer."""
from datetime import date

import pytest

from factories import document, make_home
from legaldocs.doctor import diagnose
from legaldocs.facts import record_fact
from legaldocs.home import BusyError, Home
from legaldocs.ingest import ingest
from legaldocs.registry import Ambiguous, NotFound, Registry, record_id


@pytest.mark.parametrize("number, issuer, when, expected", [
    ("15/2013/QĐ-UBND", "UBND tỉnh Bình Định", date(2013, 7, 5), "15-2013-qd-ubnd--ubnd-tinh-binh-dinh"),
    ("587/QĐ-UBND", "UBND tỉnh Bình Định", date(2021, 2, 19), "587-qd-ubnd--2021--ubnd-tinh-binh-dinh"),
    ("587/QĐ-UBND", None, None, "587-qd-ubnd--nd--nd"),
    # a central code names its body, whatever the text wrote
    ("02/2025/TT-BCT", "Bộ trưởng Bộ Công Thương", None, "02-2025-tt-bct--bo-cong-thuong"),
    (None, None, None, "x--bao-cao"),
])
def test_record_ids(number, issuer, when, expected):
    assert record_id(number, issuer, when, "bao-cao") == expected


def _report(citations: str) -> str:
    return ("SỞ NGOẠI VỤ\nSố: 12/BC-SNgV\nBình Định, ngày 10 tháng 6 năm 2021\nBÁO CÁO\nKết quả công tác\n\n"
            + citations + "\n")


def test_numbers_without_year_do_not_merge_across_provinces_and_years(tmp_path):
    home = make_home(tmp_path, {
        "bd21.txt": document("587/QĐ-UBND", date(2021, 2, 19), "Phê duyệt quy trình nội bộ"),
        "dn21.txt": document("587/QĐ-UBND", date(2021, 3, 1), "Phê duyệt đề án", where="thành phố Đà Nẵng"),
        "bd22.txt": document("587/QĐ-UBND", date(2022, 4, 2), "Phê duyệt kế hoạch"),
    })
    registry = Registry.load(home)
    assert sorted(r.id for r in registry.lookup("587/QĐ-UBND")) == [
        "587-qd-ubnd--2021--ubnd-thanh-pho-da-nang", "587-qd-ubnd--2021--ubnd-tinh-binh-dinh",
        "587-qd-ubnd--2022--ubnd-tinh-binh-dinh"]
    with pytest.raises(Ambiguous) as info:
        registry.get_one("587/qd-ubnd")
    assert len(info.value.candidates) == 3


def test_a_cited_record_becomes_full_when_its_text_arrives(tmp_path):
    report = _report("Sở đã đề nghị bãi bỏ Quyết định số 15/2013/QĐ-UBND ngày 05/7/2013 của UBND tỉnh "
                     "quy định quản lý hộ chiếu.")
    home = make_home(tmp_path, {"report.txt": report})
    cited = Registry.load(home).get_one("15/2013/QĐ-UBND")
    assert (cited.kind, cited.issuer, cited.date) == ("cited", "UBND tỉnh Bình Định", date(2013, 7, 5))
    assert [(c.source_id, c.line) for c in cited.cited_in] == [("12-bc-sngv--2021--so-ngoai-vu-tinh-binh-dinh", 7)]
    (tmp_path / "in" / "qd.txt").write_text(document("15/2013/QĐ-UBND", date(2013, 7, 5), "Ban hành Quy định"),
                                            encoding="utf-8")
    ingest(home, [tmp_path / "in"])
    registry = Registry.load(home)
    (record,) = registry.lookup("15/2013/QĐ-UBND")
    assert record.kind == "full" and record.id == cited.id and len(record.cited_in) == 1
    assert [l.kind for l in registry.links_to(record.id)] == ["repeal_proposed"]


def test_ingest_is_incremental_and_idempotent(tmp_path):
    home = make_home(tmp_path, {"a.txt": document("10/2020/QĐ-UBND", date(2020, 3, 2), "Ban hành Quy chế")})
    before = {p.name: p.read_text() for p in home.records_dir.glob("*.json")}
    again = ingest(home, [tmp_path / "in"])
    assert (len(again.added), len(again.updated), len(again.unchanged)) == (0, 0, 1)
    assert {p.name: p.read_text() for p in home.records_dir.glob("*.json")} == before
    (tmp_path / "in" / "a.txt").write_text(document("10/2020/QĐ-UBND", date(2020, 3, 2), "Ban hành Quy chế mới"),
                                           encoding="utf-8")
    changed = ingest(home, [tmp_path / "in"])
    assert len(changed.updated) == 1
    assert Registry.load(home).get_one("10/2020/QĐ-UBND").title == "Ban hành Quy chế mới"


def test_a_bad_file_never_stops_the_run(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    (source / "good.txt").write_text(document("10/2020/QĐ-UBND", date(2020, 3, 2), "Ban hành Quy chế"))
    (source / "bad.docx").write_bytes(b"PK\x03\x04 not really a zip")
    summary = ingest(Home.resolve(str(tmp_path / "home")), [source])
    assert len(summary.added) == 1 and len(summary.failed) == 1
    path, reason = summary.failed[0]
    assert path.endswith("bad.docx") and "bad.docx" in reason and "\n" not in reason


def test_second_writer_gets_a_clear_message(tmp_path):
    home = make_home(tmp_path, {"a.txt": document("10/2020/QĐ-UBND", date(2020, 3, 2), "Ban hành Quy chế")})
    with home.writer():
        with pytest.raises(BusyError, match="another legaldocs writer"):
            ingest(home, [tmp_path / "in"])


def test_disagreeing_sources_are_kept_and_reported(tmp_path):
    home = make_home(tmp_path, {
        "r1.txt": _report("Thực hiện Nghị định số 16/2015/NĐ-CP ngày 14/02/2015 của Chính phủ, Sở báo cáo."),
        "r2.txt": _report("Thực hiện Nghị định số 16/2015/NĐ-CP ngày 14/03/2015 của Chính phủ, Sở báo cáo.")
        .replace("12/BC", "13/BC"),
    })
    record = Registry.load(home).get_one("16/2015/NĐ-CP")
    assert {c.date for c in record.cited_in} == {date(2015, 2, 14), date(2015, 3, 14)}
    assert any(p.kind == "dates-disagree" for p in diagnose(home).problems)


def test_a_recorded_fact_is_a_link_with_who_when_why(tmp_path):
    home = make_home(tmp_path, {"a.txt": document("15/2013/QĐ-UBND", date(2013, 7, 5), "Ban hành Quy định",
                                                   bases=["Quyết định số 58/2012/QĐ-TTg ngày 24 tháng 12 năm 2012 "
                                                          "của Thủ tướng Chính phủ"])})
    path = record_fact(home, "repeals", "58/2012/qd-ttg", source="47/2020/QĐ-TTg", on=date(2021, 2, 15),
                       why="Công báo", who="tester")
    assert path.parent == home.facts_dir and '"who": "tester"' in path.read_text()
    registry = Registry.load(home)
    (link,) = [l for l in registry.links_to(registry.get_one("58/2012/QĐ-TTg").id) if l.kind == "repeals"]
    assert (link.kind, link.source_number, link.scope, link.date) == ("repeals", "47/2020/QĐ-TTg", "recorded",
                                                                      date(2021, 2, 15))


def test_unknown_number_suggests_near_matches(tmp_path):
    home = make_home(tmp_path, {"a.txt": document("15/2013/QĐ-UBND", date(2013, 7, 5), "Ban hành Quy định")})
    with pytest.raises(NotFound, match="did you mean 15/2013/QĐ-UBND"):
        Registry.load(home).get_one("16/2013/QĐ-UBND")


def test_a_crash_in_the_middle_of_ingest_loses_nothing(tmp_path, monkeypatch):
    """Every write is a rename; a crash after any number of writes leaves corpus/ readable
    and the next run completes with every document present once."""
    import legaldocs.ingest as ingest_module

    docs = {f"d{i}.txt": document(f"{10 + i}/2020/QĐ-UBND", date(2020, 3, 2), f"Ban hành Quy chế số {i}",
                                  bases=["Quyết định số 58/2012/QĐ-TTg ngày 24 tháng 12 năm 2012 của Thủ tướng"])
            for i in range(6)}
    source = tmp_path / "in"
    source.mkdir()
    for name, text in docs.items():
        (source / name).write_text(text, encoding="utf-8")
    real = ingest_module.write_atomic
    for crash_after in range(0, 9):
        home = Home.resolve(str(tmp_path / f"home{crash_after}"))
        calls = {"n": 0}

        def crashing(path, data):
            calls["n"] += 1
            if calls["n"] > crash_after:
                raise KeyboardInterrupt("simulated crash")
            real(path, data)

        monkeypatch.setattr(ingest_module, "write_atomic", crashing)
        try:
            ingest(home, [source])
        except KeyboardInterrupt:
            crashed = True
        else:
            crashed = False
        assert crashed == (crash_after < 8)  # 6 records, 1 cited record, 1 manifest
        monkeypatch.setattr(ingest_module, "write_atomic", real)
        assert not Registry.load(home).damaged
        ingest(home, [source])
        registry = Registry.load(home)
        full = sorted(r.number for r in registry.records.values() if r.kind == "full")
        assert full == [f"{10 + i}/2020/QĐ-UBND" for i in range(6)]
        assert [r.kind for r in registry.lookup("58/2012/QĐ-TTg")] == ["cited"]
        assert not [p for p in diagnose(home).problems if p.severity == "error"]


def test_a_library_script_without_a_main_guard_still_ingests_a_large_batch(tmp_path):
    """Workers re-run the calling script (multiprocessing's rule); an unguarded one makes them
    die. Ingest then extracts in its own process, warns, and loses nothing."""
    import subprocess
    import sys

    from legaldocs.ingest import PARALLEL_FROM

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(PARALLEL_FROM + 1):
        (folder / f"d{i}.txt").write_text(document(f"{i + 1}/2020/QĐ-UBND", date(2020, 1, 1 + i % 28), f"Quy chế {i}"),
                                          encoding="utf-8")
    script = tmp_path / "script.py"
    script.write_text("from legaldocs.home import Home\nfrom legaldocs.ingest import ingest\n"
                      f"summary = ingest(Home.resolve({str(tmp_path / 'home')!r}), [{str(folder)!r}])\n"
                      "print('added', len(summary.added), 'failed', len(summary.failed))\n", encoding="utf-8")
    run = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.splitlines()[-1] == f"added {PARALLEL_FROM + 1} failed 0"
    assert "calling script lack" in run.stderr
    assert len(Registry.load(Home.resolve(str(tmp_path / "home"))).records) == PARALLEL_FROM + 1
