"""List incidents (one real-world happening each) with their numbers of reports and outlets."""

from __future__ import annotations

from typing import Annotated

import typer

from sitrep.cli.output import emit
from sitrep.errors import UserError
from sitrep.linking.incidents import listing
from sitrep.store.db import DEFAULT_DB, connect

NAME = "incidents"


def command(
    limit: Annotated[int, typer.Option(help="At most this many incidents.")] = 50,
    format: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
    db: Annotated[str, typer.Option(help="The store (DuckDB file).")] = DEFAULT_DB,
) -> None:
    if limit < 1:
        raise UserError("--limit must be at least 1")
    con = connect(db, read_only=True)
    try:
        rows = listing(con, limit=limit)
    finally:
        con.close()
    emit(rows, format, title="incidents")
