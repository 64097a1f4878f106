"""legaldocs: registry, search and annual review of Vietnamese legal documents."""
from .dates import format_date, parse_date
from .errors import LegaldocsError, NumberError, ReaderError
from .numbers import find_numbers, match_key, parse_number

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "LegaldocsError",
    "NumberError",
    "ReaderError",
    "extract_file",
    "extract_text",
    "find_numbers",
    "format_date",
    "match_key",
    "parse_date",
    "parse_number",
]


def __getattr__(name):
    # extraction pulls in the readers (lxml); import it only when asked for
    if name in ("extract_file", "extract_text"):
        from . import extract

        return getattr(extract, name)
    raise AttributeError(name)
