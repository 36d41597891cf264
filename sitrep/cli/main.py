"""The ``sitrep`` command: registers each command module and turns sitrep's errors into one line.

Command modules import the line, the store and the web app inside their functions, so that ``--help``,
``--version`` and the read commands start without loading spaCy (docs/architecture.md has the timings).
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from sitrep import __version__
from sitrep.cli import (
    actors,
    check,
    demo,
    events,
    export,
    incidents,
    ingest,
    recode,
    serve,
    show,
    spark,
    watch,
)
from sitrep.cli import eval as eval_cmd
from sitrep.errors import SitrepError

app = typer.Typer(
    name="sitrep",
    help="News articles in; sourced, geolocated, dated event data out.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,  # plain help: typer's rich panels print flags as "--all <bool>"
    pretty_exceptions_enable=False,
)
for module in (
    ingest,
    watch,
    events,
    incidents,
    show,
    export,
    check,
    eval_cmd,
    demo,
    serve,
    spark,
    actors,
    recode,
):
    app.command(module.NAME, help=module.__doc__)(module.command)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sitrep {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """News articles in; sourced, geolocated, dated event data out."""


def main() -> None:
    try:
        app()
    except SitrepError as exc:
        print(f"sitrep: error: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        print("sitrep: interrupted", file=sys.stderr)
        sys.exit(130)
