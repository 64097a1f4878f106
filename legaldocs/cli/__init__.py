"""The ``legaldocs`` command: a thin click layer; each command calls one library function
and only formats. Library errors (``LegaldocsError``) become one-line ClickExceptions."""
from __future__ import annotations

import click

from .. import __version__
from .documents import doctor, extract, index_command, ingest, record, search, show
from .reviewing import export_command, graph_command, review
from .writing import check, cite


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="legaldocs")
def main():
    """Registry, search and annual review of Vietnamese legal documents.

    \b
    Example:
      legaldocs review --format md
    """


for _command in (extract, ingest, index_command, search, show, review, cite, check, export_command,
                 graph_command, doctor, record):
    main.add_command(_command)

if __name__ == "__main__":  # pragma: no cover
    main()
