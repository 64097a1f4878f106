"""The annual review and what leaves the registry: review, export, graph."""
from __future__ import annotations

import click

from .options import date_option, dump, home_option, json_option, library_errors, table


@click.command()
@date_option("--as-of", help="Review as of this date (default today).")
@click.option("--issuer", help="Only documents of this issuer (accents optional), e.g. 'binh dinh'.")
@date_option("--since", help="Only findings with evidence dated on or after this date.")
@click.option("--rule", "rules", multiple=True, help="Only these rules (number or name); repeatable.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "md", "json", "xlsx", "docx"]),
              default="table", show_default=True)
@click.option("--output", type=click.Path(dir_okay=False), help="Write to this file (xlsx/docx need one).")
@home_option
@library_errors
def review(as_of, issuer, since, rules, fmt, output, home):
    """The annual review: documents to declare ceased, repeal, amend, replace or consolidate.

    Each finding names its rule, its reason and the chain of evidence. The md, xlsx and
    docx formats carry the three official lists (danh mục) with their columns.

    \b
    Example:
      legaldocs review --issuer "Bình Định" --format xlsx --output ra-soat-2026.xlsx
    """
    from datetime import date as _date

    from .. import review_forms
    from ..review import review_home

    result = review_home(home, as_of or _date.today(), issuer, since, rules)
    if fmt in ("xlsx", "docx"):
        path = __import__("pathlib").Path(output or f"ra-soat-{result.as_of.isoformat()}.{fmt}")
        (review_forms.write_xlsx if fmt == "xlsx" else review_forms.write_docx)(result, path)
        click.echo(f"{len(result.findings)} findings written to {path}")
        return
    if fmt == "json":
        text = dump(result.to_dict())
    elif fmt == "csv":
        text = review_forms.to_csv(result)
    elif fmt == "md":
        text = review_forms.to_markdown(result)
    else:
        text = (table([[f.number or "", f.rule_no, f.action, f.confidence, f.reason] for f in result.findings],
                       ["số, ký hiệu", "quy tắc", "kiến nghị", "tin cậy", "lý do"])
                + f"\n\n{len(result.findings)} findings as of {result.as_of}")
    if output:
        __import__("pathlib").Path(output).write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        click.echo(f"{len(result.findings)} findings written to {output}")
    else:
        click.echo(text)


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["akn", "csv", "jsonl"]), required=True,
              help="akn: one Akoma Ntoso 3.0 file per document; csv, jsonl: one row per record.")
@click.option("--output", type=click.Path(), default=None,
              help="A folder for akn (default ./akn), a file for csv and jsonl (default stdout).")
@click.option("--with-cited", is_flag=True,
              help="akn: also write the documents known only from citations (metadata, no text).")
@date_option("--as-of", help="Status as of this date (default today), e.g. 2026-01-01.")
@home_option
@json_option
@library_errors
def export_command(fmt, output, with_cited, as_of, home, as_json):
    """Export the registry as Akoma Ntoso XML, CSV or JSON Lines.

    Every row and file carries the canonical number. akn writes one FOLDER/<id>.xml per
    document, valid Akoma Ntoso 3.0 holding its text: `legaldocs ingest FOLDER` reads them
    back to the same records. csv (UTF-8 with BOM in a file, for Excel) and jsonl carry the
    status as of today (or --as-of). --json prints what was written.

    \b
    Example:
      legaldocs export --format csv --output so-dang-ky.csv
      legaldocs export --format akn --output akn/
    """
    import io
    from pathlib import Path

    from .. import export
    from ..browse import load_registry
    from ..home import write_atomic

    registry = load_registry(home)
    if fmt == "akn":
        folder = Path(output or "akn")
        if folder.exists() and not folder.is_dir():
            raise click.UsageError(f"--output {folder} is a file; akn writes one file per document to a folder")
        result = export.export_akn(registry, folder, with_cited=with_cited)
        for rid, reason in result.without_text:
            click.echo(f"warning: {rid} exported without its text: {reason}", err=True)
        click.echo(dump(result.to_dict()) if as_json else f"{len(result.files)} documents written to {folder}")
        return
    if with_cited:
        raise click.UsageError("--with-cited goes with --format akn (csv and jsonl have every record)")
    if as_json and not output:
        raise click.UsageError("--json reports what --output wrote; without --output the export is printed")
    buffer = io.StringIO()
    count = (export.export_csv if fmt == "csv" else export.export_jsonl)(registry, buffer, as_of)
    if not output:
        click.echo(buffer.getvalue(), nl=False)
        return
    bom = "\ufeff" if fmt == "csv" else ""  # Excel reads UTF-8 only after a byte-order mark
    write_atomic(Path(output), bom + buffer.getvalue())
    click.echo(dump({"format": fmt, "output": output, "records": count}) if as_json
               else f"{count} records written to {output}")


@click.command("graph")
@click.argument("number")
@click.option("--depth", type=click.IntRange(0, 10), default=1, show_default=True,
              help="How many links away from the document to go.")
@click.option("--format", "fmt", type=click.Choice(["dot", "mermaid", "svg"]), default="dot",
              show_default=True, help="svg needs Graphviz (dot) installed.")
@click.option("--output", type=click.Path(dir_okay=False), help="Write to this file instead of stdout.")
@date_option("--as-of", help="Statuses as of this date (default today), e.g. 2026-01-01.")
@home_option
@json_option
@library_errors
def graph_command(number, depth, fmt, output, as_of, home, as_json):
    """Draw a document's links (lược đồ): what it links to, what links to it, who cites it.

    Each box is a document with its number, type and status; each arrow a relation (căn
    cứ, bãi bỏ, thay thế, sửa đổi, bổ sung ...) or a citation (dashed). --json prints the
    nodes and edges.

    \b
    Example:
      legaldocs graph 58/2012/QĐ-TTg --depth 2 --format svg --output luoc-do.svg
    """
    from pathlib import Path

    from .. import graph as graphs
    from ..browse import load_registry
    from ..home import write_atomic

    registry = load_registry(home)
    found = graphs.neighbourhood(registry, registry.get_one(number).id, depth, as_of)
    if as_json:
        text = dump(found.to_dict()) + "\n"
    else:
        text = {"dot": graphs.to_dot, "mermaid": graphs.to_mermaid, "svg": graphs.to_svg}[fmt](found)
    if output:
        write_atomic(Path(output), text)
        click.echo(f"{len(found.nodes)} documents, {len(found.edges)} links written to {output}", err=True)
    else:
        click.echo(text, nl=False)
