"""Drafts on disk: check a .txt, .md or .docx draft and write its corrected copy.

A DOCX is edited run by run: the new text goes into the run where a citation starts and
the rest of the citation is cut from the runs it spans, so the formatting of everything
else (runs, styles, tables, footnotes) stays as it was.
"""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Optional

from .check import CheckResult, Edit, apply_edits, check_text
from .errors import LegaldocsError
from .readers import read_file
from .registry import Registry

TEXT_SUFFIXES = {".txt", ".md"}


def _docx_paragraphs(document):
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    return [Paragraph(p, document) for p in document.element.body.iter(qn("w:p"))]


def _docx_text(paragraphs) -> str:
    # a line break inside a paragraph becomes a space: one paragraph, one line, same length
    return "\n".join("".join(run.text for run in p.runs).replace("\n", " ") for p in paragraphs)


def _open_docx(path: Path):
    from docx import Document

    read_file(path)  # the safe reader refuses hostile or corrupt files with a clear reason
    try:
        return Document(str(path))
    except Exception as exc:  # python-docx raises several types for broken packages
        raise LegaldocsError(f"{path}: cannot open as DOCX ({exc})") from exc


def check_draft(registry: Registry, path: Path, as_of: Optional[date] = None) -> CheckResult:
    """Findings (and planned fixes) for a draft file."""
    path = Path(path)
    if path.suffix.lower() == ".docx":
        return check_text(registry, _docx_text(_docx_paragraphs(_open_docx(path))), as_of)
    if path.suffix.lower() not in TEXT_SUFFIXES:
        raise LegaldocsError(f"{path}: drafts are .txt, .md or .docx")
    return check_text(registry, read_file(path).text, as_of)


def _edit_runs(runs, start: int, end: int, new: str) -> None:
    position, placed = 0, False
    for run in runs:
        text = run.text
        run_start, run_end = position, position + len(text)
        position = run_end
        if run_end <= start or run_start >= end:
            continue
        a, b = max(start, run_start) - run_start, min(end, run_end) - run_start
        run.text = text[:a] + (new if not placed else "") + text[b:]
        placed = True


def _fix_docx(path: Path, result: CheckResult, target: Path) -> None:
    document = _open_docx(path)
    paragraphs = _docx_paragraphs(document)
    starts, offset = [], 0
    for p in paragraphs:
        starts.append(offset)
        offset += len("".join(run.text for run in p.runs)) + 1
    for edit in sorted(result.edits, key=lambda e: e.start, reverse=True):
        index = max(i for i, s in enumerate(starts) if s <= edit.start)
        local = edit.start - starts[index]
        _edit_runs(paragraphs[index].runs, local, local + (edit.end - edit.start), edit.new)
    document.save(str(target))


def fix_draft(registry: Registry, path: Path, output: Optional[Path] = None, in_place: bool = False,
              as_of: Optional[date] = None) -> tuple[CheckResult, Path]:
    """Write the corrected draft: to ``output``, or over the input (keeping ``.bak``), or
    beside it as ``NAME.fixed.EXT``. Never changes the input unless ``in_place``."""
    path = Path(path)
    result = check_draft(registry, path, as_of)
    if in_place:
        shutil.copy2(path, path.with_name(path.name + ".bak"))
        target = path
    else:
        target = Path(output) if output else path.with_name(f"{path.stem}.fixed{path.suffix}")
        if target.resolve() == path.resolve():
            raise LegaldocsError("the output is the input: use --in-place to overwrite it (a .bak is kept)")
    if path.suffix.lower() == ".docx":
        _fix_docx(path, result, target)
    else:
        text = read_file(path).text
        target.write_text(apply_edits(text, result.edits), encoding="utf-8")
    return result, target


__all__ = ["check_draft", "fix_draft", "Edit"]
