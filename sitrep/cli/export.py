"""Export a table of the store to Parquet or CSV, or the events as PLOVER JSON or a GDELT-style table."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sitrep.errors import UserError
from sitrep.store import DEFAULT_DB
from sitrep.store.exports import FORMATS
from sitrep.store.schema import TABLES

NAME = "export"
FORMAT_HELP = "; ".join(
    f"{name}: {f.help}" + ("" if f.tables == tuple(TABLES) else f" ({', '.join(f.tables)} only)")
    for name, f in FORMATS.items()
)


def command(
    table: Annotated[str, typer.Argument(help=f"One of: {', '.join(TABLES)}.")],
    out: Annotated[str, typer.Argument(help="Output file.")],
    format: Annotated[str, typer.Option("--format", help=FORMAT_HELP)] = "parquet",
    db: Annotated[str, typer.Option(help="The store (DuckDB file).")] = DEFAULT_DB,
) -> None:
    from sitrep.store.db import connect
    from sitrep.store.exports import export

    target(out)
    con = connect(db, read_only=True)
    export(con, table, out, format)
    typer.echo(f"{table} → {out}")


def target(out: str) -> None:
    """Refuse, before any work, a path that cannot become a file: its folder is missing or it is a folder."""
    path = Path(out)
    if path.is_dir():
        raise UserError(f"{out} is a folder; give a file name such as {path / 'events.parquet'}")
    if not path.parent.is_dir():
        raise UserError(f"no folder {path.parent} to write {path.name} into")
