"""The ``legaldocs`` command: a thin click layer; each command calls one library function
and only formats. Library errors (``LegaldocsError``) become one-line ClickExceptions."""
from __future__ import annotations

import functools
import json
import sys

import click

from . import __version__
from .errors import LegaldocsError


def json_option(func):
    """``--json``: machine-readable output (the contracts in README.md)."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")(func)


def library_errors(func):
    """Turn a LegaldocsError into a one-line error and exit status 2."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except LegaldocsError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper


def _dump(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


def _table(rows, headers) -> str:
    from tabulate import tabulate

    return tabulate(rows, headers=headers, tablefmt="simple", maxcolwidths=[None] * (len(headers) - 1) + [60])


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="legaldocs")
def main():
    """Registry, search and annual review of Vietnamese legal documents.

    \b
    Example:
      legaldocs extract corpus/sources/demo/qd-15-2013-qd-ubnd-binh-dinh.txt
    """


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@json_option
@library_errors
def extract(files, as_json):
    """Extract a document's metadata, citations and links from FILES.

    Reads .txt, .md, .html, .docx and Akoma Ntoso .xml. A file that cannot be read gets
    one line on stderr and the others are still processed (exit status 1).

    \b
    Example:
      legaldocs extract report.docx --json
    """
    from .extract import extract_file

    failed = 0
    for path in files:
        try:
            result = extract_file(path)
        except LegaldocsError as exc:
            click.echo(f"error: {exc}", err=True)
            failed += 1
            continue
        if as_json:
            click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
            continue
        doc = result.document
        click.echo(f"== {result.file}")
        click.echo(_table([[k, v if v is not None else ""] for k, v in doc.to_dict().items()], ["field", "value"]))
        click.echo(f"\ncitations ({len(result.citations)})")
        click.echo(_table([[c.line, c.number, c.type or "", c.date or "", c.issuer or "",
                            ",".join(c.flags), c.title or ""] for c in result.citations],
                          ["line", "number", "type", "date", "issuer", "flags", "title"]))
        click.echo(f"\nrelations ({len(result.relations)})")
        click.echo(_table([[r.line, r.source or "",
                            r.kind, r.target, r.part or "", r.evidence] for r in result.relations],
                          ["line", "source", "kind", "target", "part", "evidence"]))
        click.echo("")
    if failed:
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
