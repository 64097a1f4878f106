"""Commands of the legal officer: extract, ingest, index, search, show, doctor, record."""
from __future__ import annotations

import sys

import click

from ..errors import LegaldocsError
from .options import date_option, dump, home_option, json_option, library_errors, table


def _one_line(obj) -> str:
    import json

    return json.dumps(obj, ensure_ascii=False)


@click.command()
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
    from ..extract import extract_file

    failed = 0
    for path in files:
        try:
            result = extract_file(path)
        except LegaldocsError as exc:
            click.echo(f"error: {exc}", err=True)
            failed += 1
            continue
        if as_json:
            click.echo(_one_line(result.to_dict()))
            continue
        doc = result.document
        click.echo(f"== {result.file}")
        click.echo(table([[k, v if v is not None else ""] for k, v in doc.to_dict().items()], ["field", "value"]))
        click.echo(f"\ncitations ({len(result.citations)})")
        click.echo(table([[c.line, c.number, c.type or "", c.date or "", c.issuer or "",
                            ",".join(c.flags), c.title or ""] for c in result.citations],
                          ["line", "number", "type", "date", "issuer", "flags", "title"]))
        click.echo(f"\nrelations ({len(result.relations)})")
        click.echo(table([[r.line, r.source or "",
                            r.kind, r.target or r.target_name, r.part or "", r.evidence] for r in result.relations],
                          ["line", "source", "kind", "target", "part", "evidence"]))
        click.echo("")
    if failed:
        sys.exit(1)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@home_option
@json_option
@library_errors
def ingest(paths, home, as_json):
    """Add files and folders to the registry (only what changed since the last run).

    A bad file is reported with its reason and never stops the run (exit status 1 then).

    \b
    Example:
      legaldocs ingest ~/van-ban/ --home ~/registry
    """
    from ..browse import rebuild_index
    from ..ingest import collect_files, ingest as run_ingest

    total = len(collect_files([__import__("pathlib").Path(p) for p in paths], home))
    show_bar = sys.stderr.isatty() and not as_json
    with click.progressbar(length=total, label="ingest", file=sys.stderr,
                           hidden=not show_bar) as bar:
        summary = run_ingest(home, paths, progress=lambda _: bar.update(1))
    rebuild_index(home)
    if as_json:
        click.echo(dump(summary.to_dict()))
    else:
        click.echo(table([["added", len(summary.added)], ["updated", len(summary.updated)],
                           ["unchanged", len(summary.unchanged)], ["failed", len(summary.failed)],
                           ["cited documents", summary.cited]], ["", "files"]))
        for path, reason in summary.failed:
            click.echo(f"failed: {reason}", err=True)
    if summary.failed:
        sys.exit(1)


@click.command("index")
@click.option("--rebuild", is_flag=True, help="Recreate index/ from corpus/ alone.")
@home_option
@json_option
@library_errors
def index_command(rebuild, home, as_json):
    """Build the search index (index/ is derived from corpus/).

    \b
    Example:
      legaldocs index --rebuild
    """
    from ..browse import ensure_index, rebuild_index

    if rebuild:
        count = rebuild_index(home)
    else:
        ensure_index(home)
        from .. import index

        count = index.index_doc_count(home.index_dir)
    click.echo(dump({"documents": count}) if as_json else f"index: {count} documents")


@click.command()
@click.argument("query", required=False, default="")
@click.option("--type", "doc_type", help="Document type, accents optional: 'quyet dinh'.")
@click.option("--issuer", help="Issuer words, accents optional: 'binh dinh'.")
@click.option("--year", type=int, help="Year of issue.")
@date_option("--from", "date_from", help="Issued on or after this date.")
@date_option("--to", "date_to", help="Issued on or before this date.")
@click.option("--status", help="'còn hiệu lực', 'het hieu luc toan bo', ... (accents optional).")
@click.option("--exact", is_flag=True, help="Match accents exactly (hộ chiếu ≠ hồ chiếu).")
@click.option("--sort", type=click.Choice(["relevance", "date"]), default="relevance", show_default=True)
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@home_option
@json_option
@library_errors
def search(query, doc_type, issuer, year, date_from, date_to, status, exact, sort, limit, home, as_json):
    """Search documents by words, number (any spelling), issuer, type, dates and status.

    Accents are optional ("ho chieu ngoai giao" finds "hộ chiếu ngoại giao"); quote a
    phrase to match it in order; a number finds its document first.

    \b
    Example:
      legaldocs search "ho chieu" --issuer "binh dinh" --status "con hieu luc"
    """
    from ..browse import search_documents

    result = search_documents(home, query, type=doc_type, issuer=issuer, year=year, date_from=date_from,
                              date_to=date_to, status=status, exact_accents=exact, sort=sort, limit=limit)
    if as_json:
        data = {"total": result.total, "hits": [{**h.to_dict(), "date": h.date.isoformat() if h.date else None}
                                                for h in result.hits],
                "facets": result.facets, "suggestion": result.suggestion}
        click.echo(dump(data))
        return
    if not result.total:
        click.echo("no documents found" + (f"; did you mean: {result.suggestion}?" if result.suggestion else ""))
        return
    click.echo(table([[h.number or "", h.type or "", h.issuer or "", h.date or "", h.status or "", h.snippet]
                       for h in result.hits], ["số, ký hiệu", "loại", "cơ quan", "ngày", "trạng thái", "trích"]))
    counts = "; ".join(f"{name}: " + ", ".join(f"{k} ({v})" for k, v in list(values.items())[:5])
                       for name, values in result.facets.items() if values)
    click.echo(f"\n{result.total} documents" + (f" — {counts}" if counts else ""))


@click.command()
@click.argument("number")
@date_option("--as-of", help="Status as of this date (default today), e.g. 2014-01-01.")
@home_option
@json_option
@library_errors
def show(number, as_of, home, as_json):
    """Show a document: metadata, status and links in both directions.

    NUMBER may be written any way (15/2013/qd-ubnd, 15/2013/QD-UBND); an ambiguous
    number lists the candidates.

    \b
    Example:
      legaldocs show 15/2013/QĐ-UBND --as-of 2014-01-01
    """
    from ..browse import show_document
    from ..registry import Ambiguous

    try:
        view = show_document(home, number, as_of)
    except Ambiguous as exc:
        if as_json:
            click.echo(dump({"error": "ambiguous", "candidates": [
                {"id": r.id, "number": r.number, "issuer": r.issuer,
                 "date": r.date.isoformat() if r.date else None, "title": r.title} for r in exc.candidates]}))
            sys.exit(1)
        raise
    if as_json:
        click.echo(dump(view.to_dict()))
        return
    data = view.to_dict()
    st = view.status
    click.echo(table([[k, data[k] or ""] for k in ("number", "type", "issuer", "date", "title",
                                                   "effective", "signer", "kind")], ["", ""]))
    cause = f" — {st.event}" + (f" {st.cause_number}" if st.cause_number and st.cause_id != view.record.id else "")
    click.echo(f"\ntrạng thái ({st.as_of}): {st.value}{cause}" + (f" (từ {st.since})" if st.since else ""))
    if view.links:
        click.echo("")
        click.echo(table([[l.label, l.number or "(không số)", l.part or "", l.source,
                            l.evidence] for l in view.links],
                          ["quan hệ", "văn bản", "phần", "nguồn", "trích"]))


@click.command()
@click.option("--repair", is_flag=True, help="Fix what can be fixed from corpus/ alone.")
@home_option
@json_option
@library_errors
def doctor(repair, home, as_json):
    """Check a registry for damage and say how to repair it.

    \b
    Example:
      legaldocs doctor --repair
    """
    from ..doctor import diagnose, repair as run_repair

    report = run_repair(home) if repair else diagnose(home)
    if as_json:
        click.echo(dump(report.to_dict()))
    elif report.problems:
        click.echo(table([[p.severity, p.kind, p.message, p.fix] for p in report.problems],
                          ["severity", "problem", "detail", "fix"]))
    else:
        click.echo("ok: corpus/ and index/ are consistent")
    if not report.ok:
        sys.exit(1)


@click.command()
@click.argument("kind", type=click.Choice(["repeals", "replaces", "amends", "suspends", "corrects",
                                           "implements", "based_on", "repealed", "repeal_proposed"]))
@click.argument("target")
@click.option("--source", help="The document that acts, e.g. 11/2020/QĐ-TTg (may be outside the registry).")
@date_option("--on", help="When it takes effect, e.g. 2020-07-01.")
@click.option("--part", help="The provisions concerned, e.g. 'Điều 4'.")
@click.option("--why", required=True, help="Why this is known (where it was read).")
@click.option("--who", help="Who records it (default: the login name).")
@home_option
@json_option
@library_errors
def record(kind, target, source, on, part, why, who, home, as_json):
    """Record a fact no ingested text states, with who, when and why.

    \b
    Example:
      legaldocs record repeals 58/2012/QĐ-TTg --source 11/2020/QĐ-TTg --on 2020-07-01 \\
        --why "Công báo số 123"
    """
    from ..facts import record_fact

    path = record_fact(home, kind, target, source=source, on=on, part=part, why=why, who=who)
    click.echo(dump({"fact": str(path)}) if as_json else f"recorded: {path}")
