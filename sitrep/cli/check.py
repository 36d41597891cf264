"""Check the store's data: counts of events whose dates, actors, codes or places cannot be right.

Exits 1 when a class that must be zero is not (a code outside its list, a year read from a number that
is not one); the other classes are figures to watch. See docs/data.md."""

from __future__ import annotations

from typing import Annotated

import typer

from sitrep.cli.output import FormatOption, emit
from sitrep.store import DEFAULT_DB

NAME = "check"


def command(
    format: FormatOption = None,
    db: Annotated[str, typer.Option(help="The store (DuckDB file).")] = DEFAULT_DB,
) -> None:
    from sitrep.store.checks import checks
    from sitrep.store.db import connect

    con = connect(db, read_only=True)
    try:
        found = checks(con)
    finally:
        con.close()
    rows = [{"check": c.name, "events": c.count, "must_be_zero": "yes" if c.must_be_zero else "",
             "meaning": c.meaning} for c in found]  # fmt: skip
    emit(rows, format, title="data check")
    if any(c.must_be_zero and c.count for c in found):
        raise typer.Exit(1)
