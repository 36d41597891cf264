"""List and search the actor data: countries, organisations, armed groups, people and their dated roles."""

from __future__ import annotations

from typing import Annotated

import typer

from sitrep.actors import build_index
from sitrep.actors.search import row, search
from sitrep.cli.output import emit
from sitrep.errors import UserError

NAME = "actors"


def command(
    query: Annotated[str | None, typer.Argument(help="Words of an id, name or alias (e.g. 'qaani').")] = None,
    kind: Annotated[str | None, typer.Option(help="person, organisation, country, group or media.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO-3166 alpha-3 code, or IGO / NGO.")] = None,
    on: Annotated[str | None, typer.Option(help="Show each code as on this date (ISO).")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 50,
    format: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
) -> None:
    if on is not None and (len(on) < 4 or not on[:4].isdigit()):
        raise UserError(f"--on wants an ISO date such as 2020-11-19, not {on!r}")
    found = []
    for actor in search(build_index(), query, kind, country):
        found.append(row(actor, on))
        if len(found) >= limit:
            break
    emit(found, format, title="actors")
