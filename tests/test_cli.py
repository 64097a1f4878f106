"""The command line: every command through click's CliRunner on the demo corpus, with
golden files for rendered outputs (set LEGALDOCS_UPDATE_GOLDEN=1 to rewrite them)."""
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from legaldocs.cli import main

REPO = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"
AS_OF = "2026-11-24"


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("LEGALDOCS_UPDATE_GOLDEN") or not path.exists():
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    root = tmp_path_factory.mktemp("home")
    shutil.copytree(REPO / "corpus" / "sources" / "demo", root / "demo")
    result = CliRunner().invoke(main, ["ingest", str(root / "demo"), "--home", str(root), "--json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.output)["added"]) == 36
    return str(root)


def run(*args, code=0):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == code, result.output + str(result.exception or "")
    return result


COMMANDS = sorted(main.commands)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example_and_is_in_the_readme(command):
    help_text = run(command, "--help").output
    assert "Example:" in help_text
    assert f"legaldocs {command}" in (REPO / "README.md").read_text(encoding="utf-8")


def test_version():
    assert re.match(r"legaldocs, version \d+\.\d+", run("--version").output)


def test_extract_json_contract_on_a_seed(seeds_dir):
    (doc,) = [json.loads(line) for line in run("extract", seeds_dir / "000_09954975408c523d.txt", "--json")
              .output.splitlines()]
    assert set(doc) == {"file", "document", "citations", "relations"}
    cit = next(c for c in doc["citations"] if c["number"] == "117/2012/NĐ-CP")
    assert cit["date"] == "2013-12-17" and "inconsistent-year" in cit["flags"]


def test_extract_goes_on_after_a_bad_file(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    good = REPO / "corpus" / "sources" / "demo" / "qd-15-2013-qd-ubnd-binh-dinh.txt"
    result = CliRunner().invoke(main, ["extract", str(bad), str(good), "--json"])
    assert result.exit_code == 1
    assert "bad.docx" in result.stderr if hasattr(result, "stderr") else "bad.docx" in result.output
    assert '"15/2013/QĐ-UBND"' in result.stdout


def test_search_json_contract(home):
    data = json.loads(run("search", "ho chieu ngoai giao", "--home", home, "--json").output)
    assert data["total"] >= 3
    for hit in data["hits"]:
        assert {"number", "type", "issuer", "date", "title", "status", "score", "snippet"} <= set(hit)


@pytest.mark.parametrize("query", ["15/2013/QĐ-UBND", "15/2013/qd-ubnd", "15/2013/QD-UBND", "15/2013/QÐ-UBND"])
def test_search_by_any_spelling_of_a_number(home, query):
    data = json.loads(run("search", query, "--home", home, "--json").output)
    assert data["hits"][0]["number"] == "15/2013/QĐ-UBND"


def test_search_filters_and_did_you_mean(home):
    data = json.loads(run("search", "ho chieu", "--home", home, "--issuer", "binh dinh", "--json").output)
    assert data["hits"] and all("Bình Định" in h["issuer"] for h in data["hits"])
    assert "did you mean" in run("search", "hộ chiêú ngoai giaoo", "--home", home).output


def test_show_json_contract_links_both_ways(home):
    data = json.loads(run("show", "58/2012/qd-ttg", "--home", home, "--json").output)
    assert data["status"] == "hết hiệu lực toàn bộ"
    kinds = {(l["kind"], l["direction"], l["number"]) for l in data["links"]}
    assert ("repeals", "incoming", "47/2020/QĐ-TTg") in kinds
    assert ("based_on", "incoming", "15/2013/QĐ-UBND") in kinds
    for link in data["links"]:
        assert {"kind", "direction", "number", "evidence", "source"} <= set(link)


def test_show_as_of_before_an_event(home):
    data = json.loads(run("show", "58/2012/QĐ-TTg", "--as-of", "2014-01-01", "--home", home, "--json").output)
    assert data["status"] == "còn hiệu lực"


def test_show_unknown_number_is_a_one_line_error(home):
    result = run("show", "99/2099/QĐ-UBND", "--home", home, code=1)
    assert result.output.startswith("Error: no document numbered") and result.output.count("\n") == 1


@pytest.mark.parametrize("fmt", ["json", "csv", "md", "table"])
def test_review_golden(home, fmt):
    golden(f"review.{fmt}", run("review", "--as-of", AS_OF, "--format", fmt, "--home", home).stdout)


def test_review_json_contract(home):
    data = json.loads(run("review", "--as-of", AS_OF, "--format", "json", "--home", home).output)
    assert data["as_of"] == AS_OF
    for finding in data["findings"]:
        assert {"number", "issuer", "title", "rule", "action", "reason", "evidence", "confidence"} <= set(finding)
        assert (finding["confidence"] == "low") == (finding["rule"] == "similar-older")


def test_review_xlsx_and_docx_open_back(home, tmp_path):
    from docx import Document
    from openpyxl import load_workbook

    run("review", "--as-of", AS_OF, "--format", "xlsx", "--output", tmp_path / "r.xlsx", "--home", home)
    book = load_workbook(tmp_path / "r.xlsx")
    assert book.sheetnames == ["Danh mục 1", "Danh mục 2", "Danh mục 3", "Chi tiết"]
    assert book["Danh mục 1"]["A1"].value.startswith("Danh mục văn bản hết hiệu lực")
    assert book["Danh mục 1"]["C2"].value == "Số, ký hiệu"
    numbers = {row[2] for row in book["Danh mục 1"].iter_rows(min_row=3, values_only=True)}
    assert "58/2012/QĐ-TTg" in numbers
    actions = {row[2]: row[5] for row in book["Danh mục 3"].iter_rows(min_row=3, values_only=True)}
    assert actions["15/2013/QĐ-UBND"] == "bãi bỏ"
    run("review", "--as-of", AS_OF, "--format", "docx", "--output", tmp_path / "r.docx", "--home", home)
    document = Document(str(tmp_path / "r.docx"))
    assert len(document.tables) == 3
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert {"15/2013/QĐ-UBND", "Kiến nghị (đình chỉ thi hành, ngưng hiệu lực, sửa đổi, bổ sung, thay thế, bãi bỏ "
            "hoặc ban hành mới)"} <= cells


CITE_NUMBERS = ["15/2013/QĐ-UBND", "58/2022/NĐ-CP", "04/2020/TT-BNG", "49/2019/QH14", "45/KH-UBND", "05/VBHN-BNG",
                "1024/SNgV-VP"]


@pytest.mark.parametrize("style", ["full", "short", "basis", "footnote", "en"])
def test_cite_golden_every_style(home, style):
    out = run("cite", *CITE_NUMBERS, "--style", style, "--home", home).stdout
    golden(f"cite-{style}.txt", out)


def test_cite_forms(home):
    assert run("cite", "15/2013/qd-ubnd", "--issuer-form", "full", "--date-form", "words", "--home", home).output \
        .startswith("Quyết định số 15/2013/QĐ-UBND ngày 05 tháng 7 năm 2013 của Ủy ban nhân dân tỉnh Bình Định ")
    assert run("cite", "15/2013/QĐ-UBND", "--home", home).output.startswith(
        "Quyết định số 15/2013/QĐ-UBND ngày 05/7/2013 của UBND tỉnh Bình Định ")


def test_cite_warns_about_a_document_no_longer_in_force(home):
    result = run("cite", "58/2012/QĐ-TTg", "--style", "short", "--home", home)
    assert result.stdout == "Quyết định số 58/2012/QĐ-TTg\n"
    assert "bãi bỏ bởi 47/2020/QĐ-TTg" in result.stderr


def test_cite_unknown_number_gives_near_matches(home):
    assert "did you mean" in run("cite", "15/2031/QĐ-UBND", "--home", home, code=1).output


@pytest.mark.parametrize("seed", ["000_09954975408c523d.txt", "001_68f80c4f068a4dd7.txt"])
def test_check_seeds(home, seeds_dir, seed):
    result = CliRunner().invoke(main, ["check", str(seeds_dir / seed), "--home", home, "--json"])
    data = json.loads(result.stdout)
    kinds = {(f["number"], f["kind"]) for f in data["findings"]}
    for finding in data["findings"]:
        assert {"line", "number", "kind", "severity", "message", "suggestion"} <= set(finding)
    if seed.startswith("000"):
        assert ("117/2012/NĐ-CP", "inconsistent-year") in kinds and result.exit_code == 1
        assert {("58/2012/QĐ-TTg", "not-in-force"), ("15/2013/QĐ-UBND", "short-before-full")} & kinds
    cited_ceased = {n for n, k in kinds if k == "not-in-force"}
    assert cited_ceased <= {"58/2012/QĐ-TTg", "12/2012/NĐ-CP", "30/2013/QĐ-UBND"}


DRAFT = ("BÁO CÁO\nKết quả rà soát\n"
         "Thực hiện Quyết định 15/2013/QD-UBND, Sở đã rà soát.\n"
         "Quyết định số 15/2013/QĐ-UBND ngày 06/7/2013 của UBND tỉnh Bình Định quy định hộ chiếu đã được rà soát.\n"
         "Nghị định số 111/2011/NĐ-CP ngày 05/12/2011 của Chính phủ về chứng nhận lãnh sự.\n"
         "Tiếp tục thực hiện Nghị định số 111/2011/NĐ-CP ngày 05/12/2011 của Chính phủ.\n")


def test_check_first_full_then_short(home, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    data = json.loads(CliRunner().invoke(main, ["check", str(draft), "--home", home, "--json"]).stdout)
    kinds = {(f["line"], f["number"], f["kind"]) for f in data["findings"]}
    assert {(3, "15/2013/QĐ-UBND", "short-before-full"), (3, "15/2013/QĐ-UBND", "missing-so"),
            (3, "15/2013/QĐ-UBND", "number-spelling"), (4, "15/2013/QĐ-UBND", "wrong-date"),
            (6, "111/2011/NĐ-CP", "repeated-full-form")} <= kinds


def test_check_fix_writes_a_corrected_copy_and_never_the_input(home, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    run("check", draft, "--fix", "--home", home, code=1)
    assert draft.read_text(encoding="utf-8") == DRAFT
    fixed = (tmp_path / "draft.fixed.txt").read_text(encoding="utf-8").splitlines()
    assert fixed[2].startswith("Thực hiện Quyết định số 15/2013/QĐ-UBND ngày 05/7/2013 của UBND tỉnh Bình Định ")
    assert fixed[3] == "Quyết định số 15/2013/QĐ-UBND quy định hộ chiếu đã được rà soát."
    assert fixed[5] == "Tiếp tục thực hiện Nghị định số 111/2011/NĐ-CP."
    run("check", draft, "--fix", "--in-place", "--home", home, code=1)
    assert (tmp_path / "draft.txt.bak").read_text(encoding="utf-8") == DRAFT
    assert draft.read_text(encoding="utf-8").splitlines() == fixed


def _docx(path):
    from docx import Document

    document = Document()
    p = document.add_paragraph()
    p.add_run("Báo cáo ").bold = True
    p.add_run("thực hiện Quyết định số 15/2013/")
    p.add_run("QD-UBND").italic = True
    p.add_run(" ngày 06/7/2013, Sở đã rà soát.")
    q = document.add_paragraph("Tiếp theo, ")
    q.add_run("Quyết định số 15/2013/QĐ-UBND ngày 05/7/2013 của UBND tỉnh Bình Định").underline = True
    q.add_run(" vẫn còn hiệu lực.")
    document.add_paragraph("Đoạn giữ nguyên.", style="Heading 2")
    document.save(str(path))


def test_check_fix_docx_keeps_formatting(home, tmp_path):
    from docx import Document

    draft, fixed = tmp_path / "draft.docx", tmp_path / "fixed.docx"
    _docx(draft)
    run("check", draft, "--fix", "--output", fixed, "--home", home, code=1)
    document = Document(str(fixed))
    first, second, third = document.paragraphs
    assert first.text.startswith("Báo cáo thực hiện Quyết định số 15/2013/QĐ-UBND ngày 05/7/2013 của UBND tỉnh")
    assert first.runs[0].bold and first.runs[0].text == "Báo cáo "
    assert first.text.endswith(", Sở đã rà soát.")
    assert second.text == "Tiếp theo, Quyết định số 15/2013/QĐ-UBND vẫn còn hiệu lực."
    assert third.text == "Đoạn giữ nguyên." and third.style.name == "Heading 2"


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")
def test_fixed_docx_opens_in_libreoffice(home, tmp_path):
    draft, fixed = tmp_path / "draft.docx", tmp_path / "fixed.docx"
    _docx(draft)
    run("check", draft, "--fix", "--output", fixed, "--home", home, code=1)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(fixed)],
                   check=True, capture_output=True, timeout=120)
    assert (tmp_path / "fixed.pdf").stat().st_size > 0


def test_doctor_and_record(home, tmp_path):
    assert json.loads(run("doctor", "--home", home, "--json").output)["ok"]
    out = run("record", "suspends", "45/2025/QĐ-UBND", "--source", "99/2026/QĐ-UBND", "--on", "2026-10-01",
              "--why", "Công văn hỏa tốc", "--who", "tester", "--home", home, "--json").output
    assert json.loads(out)["fact"].endswith(".json")
    data = json.loads(run("show", "45/2025/QĐ-UBND", "--home", home, "--json").output)
    assert data["status"] == "ngưng hiệu lực"
    Path(json.loads(out)["fact"]).unlink()


def test_index_rebuild(home):
    assert json.loads(run("index", "--rebuild", "--home", home, "--json").output)["documents"] == 82
