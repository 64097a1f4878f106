"""Commands of the report writer: cite and check."""
from __future__ import annotations

import sys

import click

from .options import date_option, dump, home_option, json_option, library_errors, table


@click.command()
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
    from ..browse import load_registry
    from ..cite import cite_numbers

    results = cite_numbers(load_registry(home), numbers, style, issuer_form, date_form)
    for result in results:
        if result.warning:
            click.echo(f"warning: {result.warning}", err=True)
    text = "\n".join(r.text for r in results)
    click.echo(dump([r.to_dict() for r in results]) if as_json else text)
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


@click.command()
@click.argument("draft", type=click.Path(exists=True, dir_okay=False))
@click.option("--fix", is_flag=True, help="Write a corrected copy (first mention full, later short).")
@click.option("--output", type=click.Path(dir_okay=False), help="Where --fix writes (default NAME.fixed.EXT).")
@click.option("--in-place", is_flag=True, help="With --fix: overwrite the draft, keeping NAME.EXT.bak.")
@date_option("--as-of", help="Judge 'in force' as of this date (default today).")
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
    from ..browse import load_registry
    from ..draft import check_draft, fix_draft

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
        click.echo(dump(data))
    else:
        if result.findings:
            click.echo(table([[f.line, f.number, f.severity, f.kind, f.message, f.suggestion or ""]
                               for f in result.findings],
                              ["line", "number", "severity", "kind", "message", "suggestion"]))
        else:
            click.echo("no problems found")
        if written:
            click.echo(f"corrected copy: {written}", err=True)
    if result.errors:
        sys.exit(1)
