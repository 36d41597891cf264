"""List coded events from the store, filtered."""

from __future__ import annotations

from datetime import date
from typing import Annotated, get_args

import typer

from sitrep.cli.output import AllOption, ColumnsOption, FormatOption, bounded, choice, emit, pick
from sitrep.errors import UserError
from sitrep.events.lexicon import TYPES
from sitrep.records import Modality
from sitrep.store import DEFAULT_DB
from sitrep.timex import published

NAME = "events"
BRIEF = ("id", "date", "plover_type", "modality", "source_text", "target_text", "place_name")


def command(
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. ASSAULT.")] = None,
    actor: Annotated[str | None, typer.Option(help="Actor id, code (IRNMIL), country or name words.")] = None,
    place: Annotated[
        str | None, typer.Option(help="A country (ISO-2, ISO-3 or name: IQ, IRQ, Iraq), a place name or id.")
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="Events whose date range ends on or after this (ISO date or month).")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Events whose date range begins on or before this (ISO date or month).")
    ] = None,
    modality: Annotated[str | None, typer.Option(help="asserted, reported, hypothetical, ...")] = None,
    article: Annotated[str | None, typer.Option(help="Only this article's events.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 100,
    format: FormatOption = None,
    all_columns: AllOption = False,
    columns: ColumnsOption = None,
    db: Annotated[str, typer.Option(help="The store (DuckDB file).")] = DEFAULT_DB,
) -> None:
    from sitrep.store.db import connect
    from sitrep.store.queries import EVENT_COLUMNS, EventFilter, decode, events

    cols = pick(EVENT_COLUMNS, BRIEF, columns, all_columns)
    f = EventFilter(type=choice(type, TYPES, "--type"), actor=actor, place=place,
                    since=day(since, "--since"), until=day(until, "--until"),
                    modality=choice(modality, get_args(Modality), "--modality"), article=article)  # fmt: skip
    rows = events(connect(db, read_only=True), f, limit=bounded(limit))
    emit([decode(r) for r in rows], format, cols, title="events")


def day(value: str | None, option: str) -> date | None:
    """An event day bound: --since takes the first day of what it names (2020-11 is 2020-11-01),
    --until the last (2020-11 is 2020-11-30); events are selected when their own range overlaps."""
    if value is None:
        return None
    try:
        when = published.parse(value)
    except published.DateError:
        raise UserError(f"{option} must be an ISO date like 2020-11-19, not {value!r}") from None
    return when.bounds[1] if option == "--until" else when.bounds[0]
