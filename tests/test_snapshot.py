"""The review's snapshot in index/: the same review as from corpus/, never a stale one."""
from datetime import date

import pytest

from factories import document, make_home
from legaldocs import snapshot
from legaldocs.browse import rebuild_index
from legaldocs.ingest import ingest
from legaldocs.registry import Registry
from legaldocs.review import review_home, review_registry
from test_review import AS_OF, SCENARIOS, SOUND


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setattr(snapshot, "QUIET_SECONDS", 0)  # the test's corpus/ was written just now
    docs = {f"{rule}-{name}": text for rule, (files, _, _) in SCENARIOS.items() for name, text in files.items()}
    return make_home(tmp_path, {**docs, "sound.txt": SOUND})


def from_corpus(home, as_of=AS_OF):
    return review_registry(Registry.load(home), as_of)


def test_first_review_writes_the_snapshot_and_the_next_reads_it(home, monkeypatch):
    dates = (date(2021, 2, 15), AS_OF)
    expected = {as_of: from_corpus(home, as_of) for as_of in dates}
    assert review_home(home, AS_OF) == expected[AS_OF]
    assert (home.index_dir / snapshot.SNAPSHOT).is_file()

    def no_corpus(*args):
        raise AssertionError("read corpus/ although the snapshot is current")

    monkeypatch.setattr(snapshot.Registry, "load", no_corpus)
    for as_of in dates:  # the snapshot answers every date
        assert review_home(home, as_of) == expected[as_of]


def test_the_snapshot_gives_the_review_of_corpus_for_every_date(home):
    review_home(home, AS_OF)  # writes it
    view = snapshot.load_for_review(home)
    assert isinstance(view, snapshot.RegistryView)
    registry = Registry.load(home)
    for as_of in (date(2016, 1, 1), date(2021, 2, 15), date(2023, 6, 1), AS_OF):
        assert review_registry(view, as_of) == review_registry(registry, as_of)


def test_a_change_in_corpus_is_seen(home, tmp_path):
    before = review_home(home, AS_OF)
    more = tmp_path / "more"
    more.mkdir()
    (more / "new.txt").write_text(document("40/2025/QĐ-UBND", date(2025, 3, 1), "Ban hành Quy chế đoàn ra mới",
                                           articles=["Điều 1. Quyết định này bãi bỏ Quyết định số 30/2022/QĐ-UBND "
                                                     "ngày 04 tháng 5 năm 2022."]), encoding="utf-8")
    ingest(home, [more])
    after = review_home(home, AS_OF)
    assert after == from_corpus(home)
    assert "30/2022/QĐ-UBND" in {f.number for f in after.findings} - {f.number for f in before.findings}


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_a_damaged_snapshot_is_ignored_and_replaced(home, damage):
    review_home(home, AS_OF)
    (home.index_dir / snapshot.SNAPSHOT).write_bytes(damage)
    assert review_home(home, AS_OF) == from_corpus(home)
    assert (home.index_dir / snapshot.SNAPSHOT).read_bytes() != damage


def test_a_snapshot_of_another_version_is_not_used(home, monkeypatch):
    review_home(home, AS_OF)
    monkeypatch.setattr(snapshot, "FORMAT", snapshot.FORMAT + 1)
    calls = []
    load = Registry.load.__func__
    monkeypatch.setattr(snapshot.Registry, "load", classmethod(lambda cls, h: calls.append(h) or load(cls, h)))
    assert review_home(home, AS_OF) == from_corpus(home)
    assert calls


def test_a_home_that_cannot_be_written_still_reviews(home, monkeypatch):
    def refuse(path, data):
        raise snapshot.HomeError(f"cannot write {path}: read-only file system")

    monkeypatch.setattr(snapshot, "write_bytes_atomic", refuse)
    assert review_home(home, AS_OF) == from_corpus(home)
    assert not (home.index_dir / snapshot.SNAPSHOT).exists()


def test_no_snapshot_of_a_corpus_changed_moments_ago(home, monkeypatch):
    monkeypatch.setattr(snapshot, "QUIET_SECONDS", 3600)
    assert review_home(home, AS_OF) == from_corpus(home)
    assert not (home.index_dir / snapshot.SNAPSHOT).exists()


def test_a_hand_edit_is_seen_after_index_rebuild(home):
    """A record file edited in place keeps its folder's change time: the snapshot cannot see
    it, and ``index --rebuild`` writes the snapshot anew from the record files."""
    import json
    import os

    review_home(home, AS_OF)
    (path,) = [p for p in home.records_dir.glob("*.json") if "11-2022" in p.name]
    folder = os.stat(home.records_dir)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["title"] += " (sửa tay)"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.utime(home.records_dir, ns=(folder.st_atime_ns, folder.st_mtime_ns))

    def newer_titles(review):
        return {e.sentence for f in review.findings if f.number == "33/2014/QĐ-UBND" for e in f.evidence}

    assert newer_titles(review_home(home, AS_OF)) == {"Ban hành Quy chế quản lý các hoạt động đối ngoại trên địa "
                                                      "bàn tỉnh"}
    rebuild_index(home)
    assert newer_titles(review_home(home, AS_OF)) == {"Ban hành Quy chế quản lý các hoạt động đối ngoại trên địa "
                                                      "bàn tỉnh (sửa tay)"}
    assert review_home(home, AS_OF) == from_corpus(home)


def test_the_index_build_after_an_ingest_writes_the_snapshot(home, monkeypatch):
    from click.testing import CliRunner

    from legaldocs.cli import main

    more = home.root / "more"
    more.mkdir()
    (more / "new.txt").write_text(document("41/2025/QĐ-UBND", date(2025, 4, 1), "Ban hành Quy chế tiếp khách"),
                                  encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(more), "--home", str(home.root)])
    assert result.exit_code == 0, result.output
    expected = from_corpus(home)

    def no_corpus(*args):
        raise AssertionError("the first review after an ingest read corpus/")

    monkeypatch.setattr(snapshot.Registry, "load", no_corpus)
    assert review_home(home, AS_OF) == expected


def test_a_home_without_records_is_a_clear_error(tmp_path):
    from legaldocs.errors import LegaldocsError
    from legaldocs.home import Home

    with pytest.raises(LegaldocsError, match="run legaldocs ingest first"):
        snapshot.load_for_review(Home.resolve(str(tmp_path / "empty")))
