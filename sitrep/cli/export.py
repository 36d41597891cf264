"""Export a table of the store to Parquet or CSV."""

from __future__ import annotations

from typing import Annotated

import typer

from sitrep.store.db import DEFAULT_DB, connect, export
from sitrep.store.schema import TABLES

NAME = "export"


def command(
    table: Annotated[str, typer.Argument(help=f"One of: {', '.join(TABLES)}.")],
    out: Annotated[str, typer.Argument(help="Output file.")],
    format: Annotated[str, typer.Option("--format", help="parquet or csv.")] = "parquet",
    db: Annotated[str, typer.Option(help="The store (DuckDB file).")] = DEFAULT_DB,
) -> None:
    con = connect(db, read_only=True)
    export(con, table, out, format)
    typer.echo(f"{table} → {out}")
