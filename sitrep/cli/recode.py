"""Re-run the line over stored articles after the lexicon or other data changed (new pipeline version)."""

from __future__ import annotations

from typing import Annotated

import typer

from sitrep.store import DEFAULT_DB

NAME = "recode"


def command(
    db: Annotated[str, typer.Option(help="The store (DuckDB file).")] = DEFAULT_DB,
    everything: Annotated[bool, typer.Option("--all", help="Also articles already at this version.")] = False,
) -> None:
    from sitrep.batch import recode
    from sitrep.pipeline import pipeline_version
    from sitrep.store.db import connect

    connect(db, read_only=True).close()  # a missing store is a user error, not a new empty file
    done = recode(db, everything=everything)
    typer.echo(f"recoded {done.recoded} of {done.checked} articles ({done.events} events) "
               f"to pipeline version {pipeline_version()}")  # fmt: skip
