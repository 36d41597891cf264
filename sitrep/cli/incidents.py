"""List incidents (one real-world happening each) with their numbers of reports and outlets."""

from __future__ import annotations

from typing import Annotated

import typer

from sitrep.cli.output import AllOption, ColumnsOption, FormatOption, bounded, emit, pick
from sitrep.store import DEFAULT_DB

NAME = "incidents"
BRIEF = ("id", "plover_type", "place_name", "date_from", "date_to", "article_count", "outlet_count")


def command(
    limit: Annotated[int, typer.Option(help="At most this many incidents.")] = 50,
    format: FormatOption = None,
    all_columns: AllOption = False,
    columns: ColumnsOption = None,
    db: Annotated[str, typer.Option(help="The store (DuckDB file).")] = DEFAULT_DB,
) -> None:
    from sitrep.store.db import connect
    from sitrep.store.queries import INCIDENT_COLUMNS, incidents

    cols = pick(INCIDENT_COLUMNS, BRIEF, columns, all_columns)
    con = connect(db, read_only=True)
    try:
        rows = incidents(con, limit=bounded(limit))
    finally:
        con.close()
    emit(rows, format, cols, title="incidents")
