"""The review in the forms officials file: the three official lists (Decree 34/2016/NĐ-CP,
then Decree 79/2025/NĐ-CP) and the writers for csv, markdown, xlsx and docx."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from .dates import format_date
from .review import Finding, Review

WHOLE = "Danh mục văn bản hết hiệu lực, ngưng hiệu lực toàn bộ"
PART = "Danh mục văn bản hết hiệu lực, ngưng hiệu lực một phần"
ACTION = ("Danh mục văn bản cần đình chỉ thi hành, ngưng hiệu lực, sửa đổi, bổ sung, thay thế, "
          "bãi bỏ hoặc ban hành mới")
_HEAD = ["STT", "Tên loại văn bản", "Số, ký hiệu", "Ngày, tháng, năm ban hành", "Tên gọi của văn bản"]
COLUMNS = {
    WHOLE: _HEAD + ["Lý do hết hiệu lực, ngưng hiệu lực", "Ngày hết hiệu lực, ngưng hiệu lực"],
    PART: _HEAD + ["Nội dung, quy định hết hiệu lực, ngưng hiệu lực", "Lý do hết hiệu lực, ngưng hiệu lực",
                   "Ngày hết hiệu lực, ngưng hiệu lực"],
    ACTION: _HEAD + ["Kiến nghị (đình chỉ thi hành, ngưng hiệu lực, sửa đổi, bổ sung, thay thế, bãi bỏ "
                     "hoặc ban hành mới)", "Nội dung, lý do kiến nghị", "Cơ quan chủ trì soạn thảo",
                     "Thời hạn xử lý/kiến nghị xử lý"],
}
CEASED_RULES = {1, 2, 3}
FINDING_COLUMNS = ["number", "type", "issuer", "date", "title", "rule_no", "rule", "action",
                   "confidence", "reason", "evidence"]


@dataclass(frozen=True)
class Table:
    title: str
    columns: tuple
    rows: tuple


def _head(f: Finding) -> list:
    return [f.type or "", f.number or "", format_date(f.date), f.title or ""]


def official_lists(review: Review) -> list[Table]:
    """The three lists, one row per document (reasons of several findings joined)."""
    whole, part, action = {}, {}, {}
    for f in review.findings:
        if f.rule_no in CEASED_RULES and not f.parts:
            whole.setdefault(f.record_id, _head(f) + [f.reason, format_date(f.ceased_on)])
        elif f.rule_no in CEASED_RULES:
            row = part.setdefault(f.record_id, _head(f) + ["", "", format_date(f.ceased_on)])
            row[4] = "; ".join(filter(None, [row[4], *f.parts]))
            row[5] = " ".join(filter(None, [row[5], f.reason]))
    for f in review.findings:
        if f.rule_no in CEASED_RULES or f.record_id in whole:
            continue
        key = (f.record_id, f.action)
        if key in action:
            action[key][5] += " " + f.reason
        else:
            action[key] = _head(f) + [f.action, f.reason, f.issuer or "", ""]
    tables = []
    for title, rows in ((WHOLE, whole.values()), (PART, part.values()), (ACTION, action.values())):
        tables.append(Table(title, tuple(COLUMNS[title]),
                            tuple(tuple([str(i)] + list(r)) for i, r in enumerate(rows, 1))))
    return tables


def _finding_row(f: Finding) -> list:
    evidence = " | ".join(f"{e.number or ''} [{e.kind}] {e.sentence}" for e in f.evidence)
    return [f.number or "", f.type or "", f.issuer or "", format_date(f.date), f.title or "",
            f.rule_no, f.rule, f.action, f.confidence, f.reason, evidence]


def to_csv(review: Review) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FINDING_COLUMNS)
    for f in review.findings:
        writer.writerow(_finding_row(f))
    return out.getvalue()


def _md_cell(value) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def to_markdown(review: Review) -> str:
    parts = [f"# Kết quả rà soát văn bản (tính đến ngày {format_date(review.as_of)})", ""]
    for table in official_lists(review):
        parts += [f"## {table.title}", ""]
        if not table.rows:
            parts += ["(không có)", ""]
            continue
        parts.append("| " + " | ".join(table.columns) + " |")
        parts.append("|" + "---|" * len(table.columns))
        parts += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in table.rows]
        parts.append("")
    parts += ["## Căn cứ đề xuất (chi tiết)", ""]
    for f in review.findings:
        parts.append(f"- **{f.number}** — quy tắc {f.rule_no} ({f.rule}), {f.action}, độ tin cậy {f.confidence}: "
                     f"{_md_cell(f.reason)}")
        parts += [f"  - {e.number or ''} ({e.kind}{', ' + format_date(e.date) if e.date else ''}): "
                  f"{_md_cell(e.sentence)}" for e in f.evidence]
    return "\n".join(parts) + "\n"


def write_xlsx(review: Review, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    book.remove(book.active)
    for i, table in enumerate(official_lists(review), 1):
        sheet = book.create_sheet(f"Danh mục {i}")
        sheet.append([table.title])
        sheet["A1"].font = Font(bold=True)
        sheet.append(list(table.columns))
        for cell in sheet[2]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in table.rows:
            sheet.append(list(row))
        for column, width in zip("ABCDEFGHIJ", (6, 14, 20, 14, 50, 40, 40, 20, 16)):
            sheet.column_dimensions[column].width = width
    sheet = book.create_sheet("Chi tiết")
    sheet.append(FINDING_COLUMNS)
    for f in review.findings:
        sheet.append(_finding_row(f))
    book.save(path)


def write_docx(review: Review, path: Path) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Pt

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(11)
    document.add_heading(f"KẾT QUẢ RÀ SOÁT VĂN BẢN (tính đến ngày {format_date(review.as_of)})", level=1)
    for table in official_lists(review):
        document.add_heading(table.title, level=2)
        grid = document.add_table(rows=1, cols=len(table.columns))
        grid.style = "Table Grid"
        for cell, name in zip(grid.rows[0].cells, table.columns):
            cell.text = name
            for run in cell.paragraphs[0].runs:
                run.bold = True
        for row in table.rows:
            for cell, value in zip(grid.add_row().cells, row):
                cell.text = str(value)
        if not table.rows:
            document.add_paragraph("(không có)")
    document.save(path)
