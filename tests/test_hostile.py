"""Hostile files through ``legaldocs ingest``: XML external entities and entity expansion
(DOCX and Akoma Ntoso), zip bombs and path-traversal member names, HTML with scripts and
remote resources.

One folder holds them all, next to a sound decision, and one ``legaldocs ingest`` (click's
CliRunner, in this process) takes it into a temporary home. The run as a whole goes on;
each hostile file is refused with its name and reason, or read with the hostile part
neutralized; no file outside the input is read (a secret file next to it never shows up),
nothing is fetched (Python sockets refuse to connect, and a local canary server, which
libxml2's own network code would reach, receives no request), and nothing is written
outside the home (the parent folder is snapshotted before and after).

``tests/test_readers.py`` checks each refusal at the reader; here the whole run is checked.
"""
from __future__ import annotations

import http.server
import io
import json
import socket
import threading
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from legaldocs.cli import main
from legaldocs.errors import ReaderError
from legaldocs.home import Home
from legaldocs.readers import read_bytes, read_file
from legaldocs.registry import Registry
from test_properties import DECISION

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
SECRET = "TOPSECRET-7f3a9c"  # the content of a file outside the input folder
BENIGN = "Quyết định số 15/2013/QĐ-UBND"


# --- a canary for network access --------------------------------------------------------

class Canary(http.server.BaseHTTPRequestHandler):
    hits: list = []

    def do_GET(self):  # noqa: N802 (http.server's naming)
        Canary.hits.append(self.path)
        body = f"<!ENTITY leak '{SECRET}'>".encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def canary():
    """A local HTTP server that records every request: ``http://127.0.0.1:PORT``."""
    Canary.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Canary)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def no_network(monkeypatch):
    """Python sockets refuse to connect; the attempts are recorded."""
    attempts = []

    def refuse(self, address, *args):
        attempts.append(address)
        raise OSError("network access is forbidden in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts


# --- hostile files ---------------------------------------------------------------------------

def docx(document: str | bytes | None, members: dict | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        if document is not None:
            archive.writestr("word/document.xml", document)
        for name, content in (members or {}).items():
            archive.writestr(name, content)
    return buffer.getvalue()


def word(*paragraphs: str, prolog: str = "") -> str:
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>' for text in paragraphs)
    return f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'


def akn(body: str, prolog: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<akomaNtoso xmlns="{AKN}"><act><body>'
            f"<p>{body}</p></body></act></akomaNtoso>")


def laughs(root: str) -> str:
    entities = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    return f'<!DOCTYPE {root} [<!ENTITY lol0 "lol">{entities}]>'


def lying_zip(size: int = 60_000_000) -> bytes:
    """A DOCX whose document.xml unpacks to ``size`` bytes but whose directory says 1,000."""
    member = (word(BENIGN) + " " * size).encode("utf-8")
    data = docx(member)
    lie = data.replace(len(member).to_bytes(4, "little"), (1000).to_bytes(4, "little"))
    assert lie.count((1000).to_bytes(4, "little")) >= 2  # the local header and the directory
    return lie


def hostile_files(secret: Path, canary: str) -> dict:
    """{file name: (bytes, expected)}: expected is a reason fragment (refused) or None (read,
    hostile part neutralized)."""
    xxe = (f'<!DOCTYPE x [<!ENTITY file SYSTEM "file://{secret}"><!ENTITY rel SYSTEM "../secret.txt">'
           f'<!ENTITY web SYSTEM "{canary}/xxe"><!ENTITY % remote SYSTEM "{canary}/dtd"> %remote;]>')
    xinclude = (f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file://{secret}" parse="text"/>'
                f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{canary}/xi" parse="text"/>')
    return {
        "docx-xxe.docx": (docx(word("&file;&rel;&web;", prolog=xxe.replace("DOCTYPE x", "DOCTYPE w:document"))),
                          "DOCTYPE"),
        "docx-external-dtd.docx": (docx(word(BENIGN, prolog=f'<!DOCTYPE w:document SYSTEM "{canary}/dtd">')),
                                   "DOCTYPE"),
        "docx-laughs.docx": (docx(word("&lol9;", prolog=laughs("w:document"))), "DOCTYPE"),
        "docx-xxe-in-footnotes.docx": (docx(word(BENIGN), {"word/footnotes.xml": word("&file;", prolog=xxe)}),
                                       "DOCTYPE"),
        "docx-xinclude.docx": (docx(word(BENIGN).replace("</w:body>", xinclude + "</w:body>")), None),
        "docx-bomb.docx": (docx(word(BENIGN) + " " * 50_000_000), "zip bomb"),
        "docx-lying-sizes.docx": (lying_zip(), "corrupt DOCX"),
        "docx-traversal.docx": (docx(word(BENIGN), {
            "../../escaped.txt": SECRET, "/tmp/legaldocs-abs-escaped.txt": SECRET,
            "..\\..\\windows-escaped.txt": SECRET, "word/../../../up.txt": SECRET,
            "word/../word/document.xml.rels": SECRET}), None),
        "docx-only-traversal.docx": (docx(None, {"../word/document.xml": word(BENIGN),
                                                 "/word/document.xml": word(BENIGN)}), "no word/document.xml"),
        "akn-xxe.xml": (akn("&file;&rel;&web;", prolog=xxe.replace("DOCTYPE x", "DOCTYPE akomaNtoso")), "DOCTYPE"),
        "akn-external-dtd.xml": (akn(BENIGN, prolog=f'<!DOCTYPE akomaNtoso SYSTEM "{canary}/dtd">'), "DOCTYPE"),
        "akn-laughs.xml": (akn("&lol9;", prolog=laughs("akomaNtoso")), "DOCTYPE"),
        "akn-utf16-xxe.xml": (akn("&file;", prolog=xxe.replace("DOCTYPE x", "DOCTYPE akomaNtoso"))
                              .replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"), "DOCTYPE"),
        "akn-xinclude-and-stylesheet.xml": (akn(BENIGN + xinclude, prolog=(
            f'<?xml-stylesheet type="text/xsl" href="{canary}/xsl"?>')).replace(
            "<akomaNtoso ", f'<akomaNtoso xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                            f'xsi:schemaLocation="{AKN} {canary}/xsd" '), None),
        "html-scripts.html": (f"""<!DOCTYPE html><html><head><base href="{canary}/">
<meta http-equiv="refresh" content="0; url={canary}/refresh"><link rel="stylesheet" href="{canary}/css">
<script src="{canary}/js"></script><script>fetch("{canary}/fetch"); document.write("SCRIPT-TEXT")</script>
<style>@import url("{canary}/import"); body {{ background: url({canary}/bg) }} .x {{ content: "STYLE-TEXT" }}</style>
</head><body onload="fetch('{canary}/onload')"><p>{BENIGN} ngày 05 tháng 7 năm 2013</p>
<img src="{canary}/img" onerror="alert('ONERROR-TEXT')"><iframe src="file://{secret}"></iframe>
<object data="{canary}/object"></object><svg><script>alert("SVG-TEXT")</script></svg>
<noscript>NOSCRIPT-TEXT</noscript><template><p>TEMPLATE-TEXT</p></template>
<a href="javascript:alert('HREF-TEXT')">liên kết</a></body></html>""".encode(), None),
        "html-xxe.html": (f'<!DOCTYPE html [<!ENTITY file SYSTEM "file://{secret}"><!ENTITY web SYSTEM "{canary}/h">]>'
                          f"<html><body><p>{BENIGN} &file; &web;</p></body></html>".encode(), None),
    }


NEUTRALIZED = ("SCRIPT-TEXT", "STYLE-TEXT", "ONERROR-TEXT", "SVG-TEXT", "NOSCRIPT-TEXT", "TEMPLATE-TEXT",
               "HREF-TEXT", "fetch(", "alert(", "@import", SECRET)


def snapshot(root: Path, skip: Path) -> dict:
    """Every path under ``root`` but ``skip``, with its size and modification time."""
    found = {}
    for path in root.rglob("*"):
        if path == skip or skip in path.parents:
            continue
        info = path.lstat()
        found[str(path.relative_to(root))] = (info.st_size, info.st_mtime_ns)
    return found


def all_bytes(root: Path) -> bytes:
    return b"".join(p.read_bytes() for p in root.rglob("*") if p.is_file())


# --- the run -------------------------------------------------------------------------------

@pytest.fixture
def hostile_run(tmp_path, canary, no_network, monkeypatch):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    folder = tmp_path / "input" / "van-ban"
    folder.mkdir(parents=True)
    files = hostile_files(secret, canary)
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    (folder / "qd-15-2013.txt").write_text(DECISION, encoding="utf-8")
    home = tmp_path / "home"
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    before = snapshot(tmp_path, home)
    result = CliRunner().invoke(main, ["ingest", str(folder), "--home", str(home), "--json"])
    after = snapshot(tmp_path, home)
    return {"tmp": tmp_path, "folder": folder, "home": home, "files": files, "result": result,
            "before": before, "after": after, "attempts": no_network}


def test_the_run_goes_on_and_names_every_refused_file(hostile_run):
    result, files, folder = hostile_run["result"], hostile_run["files"], hostile_run["folder"]
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    summary = json.loads(result.stdout)
    failed = {Path(item["path"]).name: item["reason"] for item in summary["failed"]}
    refused = {name: fragment for name, (_, fragment) in files.items() if fragment}
    assert set(failed) == set(refused), summary
    for name, fragment in refused.items():
        assert failed[name].startswith(f"{folder / name}: ") and fragment in failed[name], failed[name]
        assert SECRET not in failed[name] and "\n" not in failed[name]
    added = {Path(p).name for p in summary["added"]}
    assert added == {"qd-15-2013.txt"} | {name for name, (_, fragment) in files.items() if not fragment}
    # run again, as a person would (a table, failures on stderr): the same files are refused
    again = CliRunner().invoke(main, ["ingest", str(folder), "--home", str(hostile_run["home"])])
    assert again.exit_code == 1 and isinstance(again.exception, SystemExit), again.output
    assert sorted(again.stderr.splitlines()) == sorted(f"failed: {reason}" for reason in failed.values())


def test_nothing_outside_the_input_is_read_and_nothing_is_fetched(hostile_run):
    home = hostile_run["home"]
    assert hostile_run["attempts"] == [], "a Python socket tried to connect"
    assert Canary.hits == [], f"the canary server was asked for {Canary.hits}"
    assert SECRET.encode() not in all_bytes(home / "corpus" / "records")
    assert SECRET not in hostile_run["result"].output
    for source in (home / "corpus" / "sources").rglob("*"):
        if source.is_file():
            assert SECRET not in read_file(source).text, source
    assert not Registry.load(Home(home)).damaged
    from legaldocs import index

    if hasattr(index, "search"):  # the index holds every document's body text
        assert index.search(home / "index", SECRET).total == 0
        assert index.search(home / "index", "15/2013/QĐ-UBND").total >= 1


def test_nothing_is_written_outside_the_home(hostile_run):
    assert hostile_run["after"] == hostile_run["before"]
    assert list((hostile_run["tmp"] / "cwd").iterdir()) == []
    assert not Path("/tmp/legaldocs-abs-escaped.txt").exists()
    home = hostile_run["home"]
    names = {p.name for p in home.rglob("*")}
    assert not names & {"escaped.txt", "windows-escaped.txt", "up.txt", "legaldocs-abs-escaped.txt"}


def test_scripts_and_remote_resources_are_neutralized(hostile_run):
    stored = hostile_run["home"] / "corpus" / "sources" / "ingested"
    for name in ("html-scripts.html", "html-xxe.html", "docx-xinclude.docx", "docx-traversal.docx",
                 "akn-xinclude-and-stylesheet.xml"):
        text = read_file(stored / name).text
        assert BENIGN in text, (name, text)
        for fragment in NEUTRALIZED:
            assert fragment not in text, (name, fragment, text)


def refusal_peak(data: bytes, fragment: str) -> int:
    """Peak traced memory while ``read_bytes`` refuses ``data`` with ``fragment``."""
    tracemalloc.start()
    try:
        with pytest.raises(ReaderError, match=fragment):
            read_bytes(data, "bomb.docx")
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_zip_bomb_is_refused_from_its_directory_without_unpacking():
    data = docx(word(BENIGN) + " " * 50_000_000)
    assert refusal_peak(data, "zip bomb") < 5 * len(data) + 2_000_000


def test_a_member_lying_about_its_size_costs_no_more_than_it_declared():
    data = lying_zip(60_000_000)
    assert refusal_peak(data, "corrupt DOCX") < 5 * len(data) + 2_000_000


def test_a_link_out_of_the_folder_is_not_followed_and_odd_names_fail_on_one_line(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "qd.txt").write_text(DECISION, encoding="utf-8")
    (folder / "link-out.txt").symlink_to(secret)
    (folder / "link-in.txt").symlink_to(folder / "qd.txt")  # inside the folder: read
    (folder / "bad\nname\t.txt").write_bytes(b"\x00\xff\xfe" * 200)
    home = tmp_path / "home"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--home", str(home)])
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and all(line.startswith("failed: ") for line in lines), lines
    assert any("link-out.txt: a symbolic link to a file outside" in line for line in lines)
    assert any("bad\\nname\\t.txt" in line for line in lines)
    assert SECRET.encode() not in all_bytes(home / "corpus")
    assert [r.number for r in Registry.load(Home(home)).records.values() if r.kind == "full"] == ["15/2013/QĐ-UBND"]
