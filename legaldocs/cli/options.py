"""Options and helpers shared by the commands: --json, --home, dates, tables, errors."""
from __future__ import annotations

import functools
import json

import click

from ..errors import LegaldocsError

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
        from ..home import Home

        return func(*args, home=Home.resolve(home_dir), **kwargs)

    return wrapper


def date_type(value):
    from ..dates import parse_user_date

    return parse_user_date(value) if value else None


def date_option(*names, help):
    """A date option read by ``dates.parse_user_date`` (ISO, 05/7/2013, Vietnamese words)."""
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


def dump(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


def table(rows, headers) -> str:
    from tabulate import tabulate

    return tabulate(rows, headers=headers, tablefmt="simple", maxcolwidths=[None] * (len(headers) - 1) + [60])
