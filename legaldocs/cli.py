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


def home_option(func):
    """``--home DIR`` (else $LEGALDOCS_HOME, else the current folder): passes ``home``."""

    @click.option("--home", "home_dir", type=click.Path(file_okay=False), default=None,
                  help="The registry folder (default: $LEGALDOCS_HOME or the current folder).")
    @functools.wraps(func)
    def wrapper(*args, home_dir=None, **kwargs):
        from .home import Home

        return func(*args, home=Home.resolve(home_dir), **kwargs)

    return wrapper


def date_type(value):
    from .dates import parse_user_date

    return parse_user_date(value) if value else None


def _date_option(*names, help):
    def decorate(func):
        return click.option(*names, default=None, help=help,
                            callback=lambda ctx, param, value: _parse_date_param(value))(func)
    return decorate


def _parse_date_param(value):
    if value is None:
        return None
    try:
        return date_type(value)
    except LegaldocsError as exc:
        raise click.BadParameter(str(exc)) from exc


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


@main.command()
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
    from .browse import rebuild_index
    from .ingest import collect_files, ingest as run_ingest

    total = len(collect_files([__import__("pathlib").Path(p) for p in paths], home))
    show_bar = sys.stderr.isatty() and not as_json
    with click.progressbar(length=total, label="ingest", file=sys.stderr,
                           hidden=not show_bar) as bar:
        summary = run_ingest(home, paths, progress=lambda _: bar.update(1))
    rebuild_index(home)
    if as_json:
        click.echo(_dump(summary.to_dict()))
    else:
        click.echo(_table([["added", len(summary.added)], ["updated", len(summary.updated)],
                           ["unchanged", len(summary.unchanged)], ["failed", len(summary.failed)],
                           ["cited documents", summary.cited]], ["", "files"]))
        for path, reason in summary.failed:
            click.echo(f"failed: {reason}", err=True)
    if summary.failed:
        sys.exit(1)


@main.command("index")
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
    from .browse import ensure_index, rebuild_index

    if rebuild:
        count = rebuild_index(home)
    else:
        ensure_index(home)
        from . import index

        count = index.index_doc_count(home.index_dir)
    click.echo(_dump({"documents": count}) if as_json else f"index: {count} documents")


@main.command()
@click.argument("query", required=False, default="")
@click.option("--type", "doc_type", help="Document type, accents optional: 'quyet dinh'.")
@click.option("--issuer", help="Issuer words, accents optional: 'binh dinh'.")
@click.option("--year", type=int, help="Year of issue.")
@_date_option("--from", "date_from", help="Issued on or after this date.")
@_date_option("--to", "date_to", help="Issued on or before this date.")
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
    from .browse import search_documents

    result = search_documents(home, query, type=doc_type, issuer=issuer, year=year, date_from=date_from,
                              date_to=date_to, status=status, exact_accents=exact, sort=sort, limit=limit)
    if as_json:
        data = {"total": result.total, "hits": [{**h.to_dict(), "date": h.date.isoformat() if h.date else None}
                                                for h in result.hits],
                "facets": result.facets, "suggestion": result.suggestion}
        click.echo(_dump(data))
        return
    if not result.total:
        click.echo("no documents found" + (f"; did you mean: {result.suggestion}?" if result.suggestion else ""))
        return
    click.echo(_table([[h.number or "", h.type or "", h.issuer or "", h.date or "", h.status or "", h.snippet]
                       for h in result.hits], ["số, ký hiệu", "loại", "cơ quan", "ngày", "trạng thái", "trích"]))
    counts = "; ".join(f"{name}: " + ", ".join(f"{k} ({v})" for k, v in list(values.items())[:5])
                       for name, values in result.facets.items() if values)
    click.echo(f"\n{result.total} documents" + (f" — {counts}" if counts else ""))


@main.command()
@click.argument("number")
@_date_option("--as-of", help="Status as of this date (default today), e.g. 2014-01-01.")
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
    from .browse import show_document
    from .registry import Ambiguous

    try:
        view = show_document(home, number, as_of)
    except Ambiguous as exc:
        if as_json:
            click.echo(_dump({"error": "ambiguous", "candidates": [
                {"id": r.id, "number": r.number, "issuer": r.issuer,
                 "date": r.date.isoformat() if r.date else None, "title": r.title} for r in exc.candidates]}))
            sys.exit(1)
        raise
    if as_json:
        click.echo(_dump(view.to_dict()))
        return
    data = view.to_dict()
    st = view.status
    click.echo(_table([[k, data[k] or ""] for k in ("number", "type", "issuer", "date", "title",
                                                   "effective", "signer", "kind")], ["", ""]))
    cause = f" — {st.event}" + (f" {st.cause_number}" if st.cause_number and st.cause_id != view.record.id else "")
    click.echo(f"\ntrạng thái ({st.as_of}): {st.value}{cause}" + (f" (từ {st.since})" if st.since else ""))
    if view.links:
        click.echo("")
        click.echo(_table([[l.label, l.number or "(không số)", l.part or "", l.source,
                            l.evidence] for l in view.links],
                          ["quan hệ", "văn bản", "phần", "nguồn", "trích"]))


@main.command()
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
    from .doctor import diagnose, repair as run_repair

    report = run_repair(home) if repair else diagnose(home)
    if as_json:
        click.echo(_dump(report.to_dict()))
    elif report.problems:
        click.echo(_table([[p.severity, p.kind, p.message, p.fix] for p in report.problems],
                          ["severity", "problem", "detail", "fix"]))
    else:
        click.echo("ok: corpus/ and index/ are consistent")
    if not report.ok:
        sys.exit(1)


@main.command()
@click.argument("kind", type=click.Choice(["repeals", "replaces", "amends", "suspends", "corrects",
                                           "implements", "based_on", "repealed", "repeal_proposed"]))
@click.argument("target")
@click.option("--source", help="The document that acts, e.g. 11/2020/QĐ-TTg (may be outside the registry).")
@_date_option("--on", help="When it takes effect, e.g. 2020-07-01.")
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
    from .facts import record_fact

    path = record_fact(home, kind, target, source=source, on=on, part=part, why=why, who=who)
    click.echo(_dump({"fact": str(path)}) if as_json else f"recorded: {path}")


@main.command()
@_date_option("--as-of", help="Review as of this date (default today).")
@click.option("--issuer", help="Only documents of this issuer (accents optional), e.g. 'binh dinh'.")
@_date_option("--since", help="Only findings with evidence dated on or after this date.")
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

    from . import review_forms
    from .browse import load_registry
    from .review import review_registry

    result = review_registry(load_registry(home), as_of or _date.today(), issuer, since, rules)
    if fmt in ("xlsx", "docx"):
        path = __import__("pathlib").Path(output or f"ra-soat-{result.as_of.isoformat()}.{fmt}")
        (review_forms.write_xlsx if fmt == "xlsx" else review_forms.write_docx)(result, path)
        click.echo(f"{len(result.findings)} findings written to {path}")
        return
    if fmt == "json":
        text = _dump(result.to_dict())
    elif fmt == "csv":
        text = review_forms.to_csv(result)
    elif fmt == "md":
        text = review_forms.to_markdown(result)
    else:
        text = (_table([[f.number or "", f.rule_no, f.action, f.confidence, f.reason] for f in result.findings],
                       ["số, ký hiệu", "quy tắc", "kiến nghị", "tin cậy", "lý do"])
                + f"\n\n{len(result.findings)} findings as of {result.as_of}")
    if output:
        __import__("pathlib").Path(output).write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        click.echo(f"{len(result.findings)} findings written to {output}")
    else:
        click.echo(text)


@main.command()
@click.argument("numbers", nargs=-1, required=True)
@click.option("--style", type=click.Choice(["full", "short", "basis", "footnote", "en"]), default="full",
              show_default=True, help="full: first mention; short: later ones; basis: a căn cứ line.")
@click.option("--issuer-form", type=click.Choice(["short", "full"]), default="short", show_default=True,
              help="UBND tỉnh Bình Định (short) or Ủy ban nhân dân tỉnh Bình Định (full).")
@click.option("--date-form", type=click.Choice(["numeric", "words"]), default=None,
              help="05/7/2013 or ngày 05 tháng 7 năm 2013 (default: words for basis, else numeric).")
@click.option("--copy", is_flag=True, help="Also copy the result to the clipboard.")
@home_option
@json_option
@library_errors
def cite(numbers, style, issuer_form, date_form, copy, home, as_json):
    """Format citations of documents in the registry, ready to paste.

    A document no longer in force is still formatted, with a warning on stderr naming
    what repealed or replaced it. An unknown number is an error, with near matches.

    \b
    Example:
      legaldocs cite 15/2013/QĐ-UBND --style basis --issuer-form full
    """
    from .browse import load_registry
    from .cite import cite_numbers

    results = cite_numbers(load_registry(home), numbers, style, issuer_form, date_form)
    for result in results:
        if result.warning:
            click.echo(f"warning: {result.warning}", err=True)
    text = "\n".join(r.text for r in results)
    click.echo(_dump([r.to_dict() for r in results]) if as_json else text)
    if copy:
        _copy_to_clipboard(text)


def _copy_to_clipboard(text: str) -> None:
    import shutil
    import subprocess

    for command in (["wl-copy"], ["xclip", "-selection", "clipboard"], ["xsel", "--clipboard", "--input"],
                    ["pbcopy"], ["clip.exe"]):
        if shutil.which(command[0]):
            subprocess.run(command, input=text.encode("utf-8"), check=False)
            click.echo("(copied to the clipboard)", err=True)
            return
    raise click.ClickException("no clipboard tool found (install wl-clipboard, xclip or xsel)")


@main.command()
@click.argument("draft", type=click.Path(exists=True, dir_okay=False))
@click.option("--fix", is_flag=True, help="Write a corrected copy (first mention full, later short).")
@click.option("--output", type=click.Path(dir_okay=False), help="Where --fix writes (default NAME.fixed.EXT).")
@click.option("--in-place", is_flag=True, help="With --fix: overwrite the draft, keeping NAME.EXT.bak.")
@_date_option("--as-of", help="Judge 'in force' as of this date (default today).")
@home_option
@json_option
@library_errors
def check(draft, fix, output, in_place, as_of, home, as_json):
    """Check the citations of a draft (.txt, .md, .docx) against the registry.

    Exit status 1 when errors are found, 0 when clean, so scripts can use it.

    \b
    Example:
      legaldocs check bao-cao.docx --fix --output bao-cao-sua.docx
    """
    from .browse import load_registry
    from .draft import check_draft, fix_draft

    if (output or in_place) and not fix:
        raise click.UsageError("--output and --in-place go with --fix")
    if output and in_place:
        raise click.UsageError("choose --output or --in-place, not both")
    registry = load_registry(home)
    if fix:
        result, written = fix_draft(registry, draft, output, in_place, as_of)
    else:
        result, written = check_draft(registry, draft, as_of), None
    if as_json:
        data = result.to_dict()
        if written:
            data["fixed"] = str(written)
        click.echo(_dump(data))
    else:
        if result.findings:
            click.echo(_table([[f.line, f.number, f.severity, f.kind, f.message, f.suggestion or ""]
                               for f in result.findings],
                              ["line", "number", "severity", "kind", "message", "suggestion"]))
        else:
            click.echo("no problems found")
        if written:
            click.echo(f"corrected copy: {written}", err=True)
    if result.errors:
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
