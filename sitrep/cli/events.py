"""List coded events from the store, filtered."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from sitrep.cli.output import emit
from sitrep.errors import UserError
from sitrep.store.db import DEFAULT_DB, connect
from sitrep.store.queries import EVENT_COLUMNS, EventFilter, events

NAME = "events"
BRIEF = ("plover_type", "plover_mode", "modality", "source_text", "target_text", "place_name", "date",
         "killed", "injured", "quantity")  # fmt: skip


def command(
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. ASSAULT.")] = None,
    actor: Annotated[str | None, typer.Option(help="Actor id, code (IRNMIL), country or name words.")] = None,
    place: Annotated[str | None, typer.Option(help="Place name, id or ISO-2 country.")] = None,
    since: Annotated[str | None, typer.Option(help="Earliest event day (ISO date).")] = None,
    until: Annotated[str | None, typer.Option(help="Latest event day (ISO date).")] = None,
    modality: Annotated[str | None, typer.Option(help="asserted, reported, hypothetical, ...")] = None,
    article: Annotated[str | None, typer.Option(help="Only this article's events.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 100,
    format: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
    all_columns: Annotated[bool, typer.Option("--all", help="Every column, not the brief set.")] = False,
    db: Annotated[str, typer.Option(help="The store (DuckDB file).")] = DEFAULT_DB,
) -> None:
    con = connect(db, read_only=True)
    f = EventFilter(type=type, actor=actor, place=place, since=day(since, "--since"), until=day(until, "--until"),
                    modality=modality, article=article)  # fmt: skip
    rows = events(con, f, limit=limit)
    cols = EVENT_COLUMNS if all_columns or format != "table" else BRIEF
    emit([{c: r[c] for c in cols} for r in rows], format, title="events")


def day(value: str | None, option: str) -> date | None:
    """An event day bound; events without a day of their own fall on their article's publication day."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise UserError(f"{option} must be an ISO date like 2020-11-19, not {value!r}") from None
