"""legaldocs: registry, search and annual review of Vietnamese legal documents.

The public functions are imported on first use, so that ``legaldocs --help`` stays fast.
"""
__version__ = "0.1.0"

_PUBLIC = {
    "LegaldocsError": "errors", "NumberError": "errors", "ReaderError": "errors",
    "parse_number": "numbers", "find_numbers": "numbers", "match_key": "numbers",
    "parse_date": "dates", "format_date": "dates",
    "read_file": "readers",
    "extract_file": "extract", "extract_text": "extract",
    "Registry": "registry", "Home": "home",
    "review_registry": "review", "review_home": "review", "status_of": "status",
    "load_for_review": "snapshot",
}

__all__ = ["__version__", *_PUBLIC]


def __getattr__(name):
    if name in _PUBLIC:
        import importlib

        return getattr(importlib.import_module(f".{_PUBLIC[name]}", __name__), name)
    raise AttributeError(f"module 'legaldocs' has no attribute {name!r}")
