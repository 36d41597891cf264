"""Read files or folders of articles, run the line, and store the results."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from sitrep.batch import check_date, ingest
from sitrep.errors import UserError
from sitrep.records import Reject
from sitrep.store.db import DEFAULT_DB

NAME = "ingest"


def command(
    paths: Annotated[list[str], typer.Argument(help="Files or folders (text, HTML, CSV, JSONL).")],
    published: Annotated[
        str | None, typer.Option(help="Publication date (ISO) for inputs that carry none.")
    ] = None,
    outlet: Annotated[str | None, typer.Option(help="Publishing outlet for inputs that carry none.")] = None,
    db: Annotated[str, typer.Option(help="The store (DuckDB file).")] = DEFAULT_DB,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    for p in paths:
        if p != "-" and not Path(p).exists():
            raise UserError(f"no such file or folder: {p}")
    published = check_date(published)
    with Progress(
        TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(), disable=quiet, transient=True,
    ) as bar:  # fmt: skip
        task = bar.add_task("ingest", total=None, rate="")

        def tick(item: object) -> None:
            if isinstance(item, Reject):
                typer.echo(f"sitrep: warning: {item.source}: {item.reason}", err=True)
            bar.advance(task)
            speed = bar.tasks[0].speed
            bar.update(task, rate=f"{speed:.1f} art/s" if speed else "")

        summary = ingest(paths, store=db, published=published, outlet=outlet, on_item=tick)
    typer.echo(f"{summary.written} articles stored, {summary.rejected} rejected, "
               f"{summary.not_english} not English (stored, not coded) in {db}")  # fmt: skip
    if summary.written == 0 and summary.rejected > 0:
        raise typer.Exit(1)
