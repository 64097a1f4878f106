"""A home that cannot be written (read-only, full) or was half-written by an older version:
one clear line, nothing half-written, and a ``legaldocs doctor`` report that says how to
repair; ``doctor --repair`` rebuilds from corpus/ alone.

The tests run as root, for whom chmod does not make anything read-only, so failures are
injected where the operating system would raise them: ``os.replace``, ``tempfile.mkstemp``,
``os.fsync``, the lock file's ``open``, ``os.access``.
"""
from __future__ import annotations

import errno
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from legaldocs import home as home_module
from legaldocs.cli import main
from legaldocs.doctor import diagnose, repair
from legaldocs.home import Home, HomeError, copy_atomic, write_atomic
from legaldocs.ingest import ingest
from test_crash import records, write_corpus

READ_ONLY = OSError(errno.EROFS, "Read-only file system")
DENIED = PermissionError(errno.EACCES, "Permission denied")
FULL = OSError(errno.ENOSPC, "No space left on device")


def temporaries(folder: Path) -> list[str]:
    return sorted(str(p) for p in Path(folder).rglob(".*.tmp"))


def raising(exc):
    def fail(*args, **kwargs):
        raise exc
    return fail


# --- write_atomic and copy_atomic --------------------------------------------------------

@pytest.mark.parametrize("writer", ["write_atomic", "copy_atomic"])
@pytest.mark.parametrize("where, exc, reason", [
    ("os.replace", DENIED, "Permission denied"),
    ("os.replace", READ_ONLY, "Read-only file system"),
    ("os.fsync", FULL, "disk full"),
    ("tempfile.mkstemp", DENIED, "Permission denied"),
    ("tempfile.mkstemp", FULL, "disk full"),
], ids=["replace-denied", "replace-read-only", "fsync-full", "mkstemp-denied", "mkstemp-full"])
def test_a_failed_write_is_one_clear_line_and_leaves_the_old_file(tmp_path, monkeypatch, writer, where, exc, reason):
    target = tmp_path / "records" / "15-2013-qd-ubnd.json"
    target.parent.mkdir()
    target.write_text('{"old": true}\n', encoding="utf-8")
    source = tmp_path / "new.txt"
    source.write_text("Quyết định mới\n", encoding="utf-8")
    module, name = where.split(".")
    monkeypatch.setattr({"os": os, "tempfile": tempfile}[module], name, raising(exc))
    with pytest.raises(HomeError) as info:
        if writer == "write_atomic":
            write_atomic(target, '{"new": true}\n')
        else:
            copy_atomic(source, target)
    message = str(info.value)
    assert "\n" not in message and message.startswith(f"cannot write {target}: ")
    assert message.endswith(reason), message
    assert target.read_text(encoding="utf-8") == '{"old": true}\n'
    assert temporaries(tmp_path) == []


# --- through the command line ------------------------------------------------------------

@pytest.fixture
def corpus(tmp_path) -> Path:
    return write_corpus(tmp_path / "van-ban", 6, use_demo=False)[0].parent


@pytest.fixture
def base(tmp_path, corpus) -> Home:
    """A sound home holding the 6 documents (and those they cite)."""
    home = Home(tmp_path / "home")
    assert ingest(home, [corpus]).failed == ()
    return home


def snapshot(folder: Path) -> dict:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def cli(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def one_clear_line(result, *fragments: str) -> None:
    """Exit status 1 and one line "Error: ..." holding one of ``fragments``."""
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), (result.output, result.exception)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert any(fragment in lines[0] for fragment in fragments), lines[0]


def new_documents(tmp_path) -> Path:
    folder = tmp_path / "moi"
    folder.mkdir()
    for i in range(20, 23):
        shutil.copy(write_corpus(tmp_path / f"g{i}", i + 1, use_demo=False)[-1], folder)
    return folder


def test_a_read_only_home_refuses_ingest_in_one_line_and_doctor_says_why(tmp_path, monkeypatch, base):
    before = snapshot(base.root)
    real_open = open

    def read_only_open(path, mode="r", *args, **kwargs):
        if Path(path) == base.lock_path and mode != "r":
            raise DENIED
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr(home_module, "open", read_only_open, raising=False)
    result = cli("ingest", new_documents(tmp_path), "--home", base.root)
    one_clear_line(result, f"cannot write to {base.root}: Permission denied")
    assert snapshot(base.root) == before

    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: False if mode & os.W_OK else real_access(path, mode))
    report = diagnose(base)
    assert report.ok
    (problem,) = [p for p in report.problems if p.kind == "read-only"]
    assert problem.severity == "warning" and "write access" in problem.fix
    shown = cli("doctor", "--home", base.root)
    assert shown.exit_code == 0 and "read-only" in shown.stdout


@pytest.mark.parametrize("where, exc, fragment", [
    ("os.replace", READ_ONLY, ("Read-only file system",)),
    ("os.fsync", FULL, ("disk full",)),
])
def test_a_write_failing_mid_ingest_is_one_line_then_a_rerun_completes(tmp_path, monkeypatch, base, where, exc,
                                                                       fragment):
    """The 3rd write of the run fails (the home became read-only, the disk filled up): one
    line, nothing half-written; once the cause is gone, a re-run completes."""
    folder = new_documents(tmp_path)
    module, name = where.split(".")
    owner = {"os": os}[module]
    real = getattr(owner, name)
    calls = {"n": 0}

    def third_fails(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] >= 3:
            raise exc
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, third_fails)
    result = cli("ingest", folder, "--home", base.root)
    monkeypatch.setattr(owner, name, real)
    one_clear_line(result, *fragment)
    assert temporaries(base.root) == []
    assert not [p for p in diagnose(base).problems if p.kind in ("damaged-record", "damaged-manifest")]
    rerun = cli("ingest", folder, "--home", base.root, "--json")
    assert rerun.exit_code == 0, rerun.output
    assert diagnose(base).ok
    reference = Home(tmp_path / "reference")
    ingest(reference, [tmp_path / "van-ban"])
    ingest(reference, [folder])
    assert records(base.root) == records(reference.root)


def test_a_read_only_records_folder_is_one_line(tmp_path, monkeypatch, base):
    monkeypatch.setattr(tempfile, "mkstemp", raising(DENIED))
    one_clear_line(cli("ingest", new_documents(tmp_path), "--home", base.root), "Permission denied")


def test_a_read_only_index_folder_is_one_line(tmp_path, monkeypatch, base):
    monkeypatch.setattr(tempfile, "mkdtemp", raising(DENIED))
    one_clear_line(cli("ingest", new_documents(tmp_path), "--home", base.root), "Permission denied")


# --- a home half-written by an older version ---------------------------------------------

def first_record(home: Home, kind: str = "full") -> Path:
    return next(p for p in sorted(home.records_dir.glob("*.json"))
                if json.loads(p.read_text(encoding="utf-8"))["kind"] == kind)


def edit_record(kind: str, change):
    def damage(home: Home) -> None:
        path = first_record(home, kind)
        path.write_text(json.dumps(change(json.loads(path.read_text(encoding="utf-8"))), ensure_ascii=False),
                        encoding="utf-8")
    return damage


def drop(*keys):
    return lambda data: {k: v for k, v in data.items() if k not in keys}


def truncate(path_of, keep: int):
    def damage(home: Home) -> None:
        path = path_of(home)
        path.write_text(path.read_text(encoding="utf-8")[:keep], encoding="utf-8")
    return damage


def leftover(folder_of, name: str, data: str):
    return lambda home: (folder_of(home) / name).write_text(data, encoding="utf-8")


def all_of(*damages):
    def damage(home: Home) -> None:
        for one in damages:
            one(home)
    return damage


def broken_manifest(change):
    def damage(home: Home) -> None:
        data = json.loads(home.manifest_path.read_text(encoding="utf-8"))
        home.manifest_path.write_text(json.dumps(change(data)), encoding="utf-8")
    return damage


OLDER_VERSION = {
    "truncated-record": (truncate(first_record, 120), "damaged-record"),
    "empty-record": (lambda home: first_record(home).write_text("", encoding="utf-8"), "damaged-record"),
    "record-missing-kind": (edit_record("full", drop("kind")), "damaged-record"),
    "record-missing-id-and-number": (edit_record("full", drop("id", "number")), "damaged-record"),
    "cited-record-missing-kind": (edit_record("cited", drop("kind")), "damaged-record"),
    "record-is-a-list": (edit_record("full", lambda data: [data]), "damaged-record"),
    "record-sources-are-paths": (edit_record("full", lambda d: {**d, "sources": [s["path"] for s in d["sources"]]}),
                                 "damaged-record"),
    "manifest-missing": (lambda home: home.manifest_path.unlink(), "missing-manifest"),
    "manifest-truncated": (truncate(lambda home: home.manifest_path, 40), "damaged-manifest"),
    "records-folder-missing": (lambda home: shutil.rmtree(home.records_dir), "missing-record"),
    "leftover-record-tmp": (leftover(lambda home: home.records_dir, ".15-2013-qd-ubnd.json.a1b2c3d4.tmp", '{"id'),
                            "leftover-temporary"),
    "leftover-source-tmp": (leftover(lambda home: home.sources_dir / "ingested", ".qd-gen-000.txt.x9y8z7.tmp",
                                     "ỦY BAN"), "leftover-temporary"),
    "leftover-manifest-tmp": (leftover(lambda home: home.corpus, ".manifest.json.q1w2e3.tmp", "{"),
                              "leftover-temporary"),
    "all-at-once": (all_of(truncate(first_record, 120), lambda home: home.manifest_path.unlink(),
                           leftover(lambda home: home.records_dir, ".x.json.tmp0001.tmp", "{")), "missing-manifest"),
}


def xfail(reason: str):
    return pytest.mark.xfail(strict=True, reason=reason)


OLDER_VERSION_FORMS = [
    pytest.param("record-missing-sources", edit_record("full", drop("sources")), None),
    pytest.param("record-missing-cites-and-links", edit_record("full", drop("cites", "links")), None),
    pytest.param("record-cites-are-strings", edit_record("full", lambda d: {**d, "cites": [c["number"] for c in
                                                                                         d["cites"]]}),
                 None),
    pytest.param("cited-in-are-strings", edit_record("cited", lambda d: {**d, "cited_in": ["x"]}), None),
    pytest.param("record-date-is-a-number", edit_record("full", lambda d: {**d, "date": 20130705}),
                 None),
    pytest.param("manifest-is-a-list", lambda home: home.manifest_path.write_text("[]", encoding="utf-8"),
                 None),
    pytest.param("manifest-sources-are-hashes", broken_manifest(lambda d: {**d, "sources": {
        rel: entry["sha256"] for rel, entry in d["sources"].items()}}), None),
    pytest.param("damaged-fact", leftover(lambda home: home.facts_dir, "f-2024-001.json", '{"kind": "rep'),
                 None),
]


def check_diagnose_then_repair(tmp_path, base: Home, damage, expected_kind) -> None:
    """diagnose names the damage (as ``expected_kind``, or None: any error or warning) with
    a fix naming ``legaldocs doctor --repair``; repair gives back the registry as it was."""
    reference = records(base.root)
    home = Home(tmp_path / "older")
    shutil.copytree(base.root, home.root)
    damage(home)
    report = diagnose(home)
    serious = [p for p in report.problems if p.severity in ("error", "warning")]
    assert all(p.fix and p.message for p in serious), report.to_dict()
    named = [p for p in serious if p.kind == expected_kind] if expected_kind else serious
    fixes = ["legaldocs doctor --repair" in p.fix for p in named]
    assert fixes and (all(fixes) if expected_kind else any(fixes)), report.to_dict()
    repaired = repair(home)
    assert repaired.ok, repaired.to_dict()
    assert temporaries(home.root) == []
    assert records(home.root) == reference  # every source's document, once, as before
    assert diagnose(home).ok


@pytest.mark.parametrize("case", list(OLDER_VERSION))
def test_an_older_or_half_written_home_is_diagnosed_and_repaired(tmp_path, base, case):
    damage, kind = OLDER_VERSION[case]
    check_diagnose_then_repair(tmp_path, base, damage, kind)


@pytest.mark.parametrize("case, damage, kind", OLDER_VERSION_FORMS)
def test_older_record_and_manifest_forms(tmp_path, base, case, damage, kind):
    check_diagnose_then_repair(tmp_path, base, damage, kind)


def test_doctor_command_on_a_half_written_home(tmp_path, base):
    """``legaldocs doctor`` lists each problem with its fix and exits 1; ``--repair`` fixes
    them and exits 0; then ``doctor`` says the home is consistent."""
    reference = records(base.root)
    OLDER_VERSION["all-at-once"][0](base)
    shown = cli("doctor", "--home", base.root)
    assert shown.exit_code == 1
    for kind in ("missing-manifest", "damaged-record", "leftover-temporary"):
        assert kind in shown.stdout
    assert "legaldocs doctor --repair" in shown.stdout
    as_json = json.loads(cli("doctor", "--home", base.root, "--json").stdout)
    assert as_json["ok"] is False and all(p["fix"] for p in as_json["problems"])
    fixed = cli("doctor", "--repair", "--home", base.root)
    assert fixed.exit_code == 0, fixed.output
    assert records(base.root) == reference
    assert cli("doctor", "--home", base.root).stdout.strip() == "ok: corpus/ and index/ are consistent"
