"""List and search the actor data: countries, organisations, armed groups, people and their dated roles."""

from __future__ import annotations

from datetime import date
from typing import Annotated, get_args, get_type_hints

import typer

from sitrep.cli.output import AllOption, ColumnsOption, FormatOption, bounded, choice, emit, pick
from sitrep.errors import UserError
from sitrep.records import Actor

NAME = "actors"
BRIEF = ("id", "name", "kind", "code", "roles")


def command(
    query: Annotated[str | None, typer.Argument(help="Words of an id, name or alias (e.g. 'qaani').")] = None,
    kind: Annotated[str | None, typer.Option(help="person, organisation, country, group or media.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO-3166 alpha-3 code, or IGO / NGO.")] = None,
    on: Annotated[
        str | None, typer.Option(help="Only roles held on this date (ISO), each code as on that day.")
    ] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 50,
    format: FormatOption = None,
    all_columns: AllOption = False,
    columns: ColumnsOption = None,
) -> None:
    from sitrep.actors import build_index
    from sitrep.actors.search import ROW_COLUMNS, row, search

    cols = pick(ROW_COLUMNS, BRIEF, columns, all_columns)
    day, limit = iso_day(on), bounded(limit)
    kinds = get_args(get_type_hints(Actor)["kind"])
    found = []
    for actor in search(build_index(), query, choice(kind, kinds, "--kind"), country):
        if (r := row(actor, day)) is not None:
            found.append(r)
        if len(found) >= limit:
            break
    emit(found, format, cols, title="actors")


def iso_day(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise UserError(f"--on wants an ISO date such as 2020-11-19, not {value!r}") from None
