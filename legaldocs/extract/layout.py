"""Layout noise of gazette PDFs, blanked so that line numbers stay those of the file.

``clean_lines`` returns as many lines as it is given: a running header ("CÔNG BÁO/Số
342/Ngày 21-06-2026"), the page number beside it, a digital signature stamp ("Ký bởi: ...",
"Cơ quan: ...", "Ngày ký: ...") and rules of underscores become "". Everything else is kept
exactly as written.
"""
from __future__ import annotations

from .. import patterns

# How many lines away from a running header a bare number is taken as its page number.
_PAGE_WINDOW = 3
# How many field lines a signature stamp has after its first line, at most.
_STAMP_FIELDS = 4


def _is_noise(line: str) -> bool:
    """Noise recognizable on the line alone."""
    return bool(
        patterns.RUNNING_HEADER.match(line)
        or patterns.RULE_LINE.match(line)
        or patterns.STAMP_TIME.match(line)
    )


def _near_header(lines: list[str], index: int) -> bool:
    """Whether a running header stands within a few non-blank lines of ``index``."""
    for step in (-1, 1):
        seen, j = 0, index + step
        while 0 <= j < len(lines) and seen < _PAGE_WINDOW:
            if lines[j].strip():
                if patterns.RUNNING_HEADER.match(lines[j]):
                    return True
                seen += 1
            j += step
    return False


def clean_lines(lines: list[str]) -> list[str]:
    """The same lines with layout noise replaced by "" (never removed)."""
    cleaned = list(lines)
    for i, line in enumerate(lines):
        if _is_noise(line):
            cleaned[i] = ""
        elif patterns.PAGE_NUMBER.match(line) and _near_header(lines, i):
            cleaned[i] = ""
        elif patterns.SIGNATURE_STAMP.match(line):
            cleaned[i] = ""
            for j in range(i + 1, min(i + 1 + _STAMP_FIELDS, len(lines))):
                if not patterns.STAMP_FIELD.match(lines[j]):
                    break
                cleaned[j] = ""
    return cleaned
