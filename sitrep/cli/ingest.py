"""Read files, folders, globs, feeds, archives or stdin ('-'), run the line, and store the results."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, cast

import typer

from sitrep.context import CHUNK, Context, ParseMode
from sitrep.errors import UserError
from sitrep.store import DEFAULT_DB

if TYPE_CHECKING:
    from sitrep.batch import Summary
    from sitrep.records import Article, Reject

NAME = "ingest"
# Options that ``sitrep watch`` shares.
Published = Annotated[str | None, typer.Option(help="Publication date (ISO) for inputs that carry none.")]
Outlet = Annotated[str | None, typer.Option(help="Publishing outlet for inputs that carry none.")]
Db = Annotated[str, typer.Option(help="The store (DuckDB file).")]
Workers = Annotated[
    int,
    typer.Option(
        help="Line processes beside the writer, each loading the model once (0: the line runs in the writer)."
    ),
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]
FollowSymlinks = Annotated[
    bool,
    typer.Option(
        "--follow-symlinks",
        help="Read files that symlinks lead to outside the given folder (never /proc, /sys or /dev).",
    ),
]
Arbiter = Annotated[
    bool,
    typer.Option(
        "--arbiter/--no-arbiter",
        help="Let the learned type arbiter decide where the event rules cannot (off by default: "
        "docs/benchmarks-arbiter.md).",
    ),
]
Parse = Annotated[
    str,
    typer.Option(
        help="full: parse every sentence; triage: only those that can carry an event or a quote, the rest "
        "get entities alone (faster, less accurate: docs/benchmarks-ingest.md)."
    ),
]


def run(paths: list[str], db: str, published: str | None = None, outlet: str | None = None,
        workers: int = 0, quiet: bool = False, chunk: int = CHUNK, wait: float = 30.0,
        parse: str = "full", follow_symlinks: bool = False, arbiter: bool = False) -> Summary:  # fmt: skip
    """One batch with a progress bar (rate and ETA when the inputs can be counted) and a warning a reject."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from sitrep.batch import check_date, ingest
    from sitrep.readers import count
    from sitrep.records import Reject

    for p in paths:
        if p != "-" and not Path(p).exists() and not any(c in p for c in "*?["):
            raise UserError(f"no such file or folder: {p}")
    if not Path(db).resolve().parent.is_dir():
        raise UserError(f"no folder for the store {db}")
    if workers < 0 or chunk < 1 or wait < 0:
        raise UserError("--workers must be at least 0, --chunk at least 1, --wait at least 0")
    ctx = Context(parse=cast(ParseMode, parse), arbiter=arbiter)  # an unknown mode is a user error here
    published = check_date(published)
    total = None if quiet else count(paths, follow_symlinks)
    columns = (TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
               TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())  # fmt: skip
    with Progress(*columns, console=Console(stderr=True), disable=quiet, transient=True) as bar:
        task = bar.add_task("ingest", total=total, rate="")

        def warn(item: Article | Reject) -> None:
            if isinstance(item, Reject):
                bar.console.print(
                    f"sitrep: warning: {item.source}: {item.reason}", markup=False, highlight=False
                )

        def advance(n: int) -> None:
            bar.advance(task, n)
            speed = bar.tasks[0].speed
            bar.update(task, rate=f"{speed:.1f} items/s" if speed else "")

        summary = ingest(paths, store=db, published=published, outlet=outlet, on_item=warn,
                         workers=workers, on_progress=advance, chunk=chunk, wait=wait,
                         follow_symlinks=follow_symlinks, ctx=ctx if parse != "full" or arbiter else None)  # fmt: skip
    return summary


def report(summary: Summary, db: str) -> None:
    typer.echo(f"{summary.written} articles stored, {summary.rejected} rejected, "
               f"{summary.not_english} not English (stored, not coded) in {db}")  # fmt: skip
    if summary.sources == 0:
        typer.echo("sitrep: error: nothing could be read", err=True)
        raise typer.Exit(1)


def command(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders, globs or '-' (text, HTML, CSV, JSONL, Parquet, RSS/Atom, WARC)."
        ),
    ],
    published: Published = None,
    outlet: Outlet = None,
    db: Db = DEFAULT_DB,
    workers: Workers = 0,
    quiet: Quiet = False,
    chunk: Annotated[
        int, typer.Option(help="Inputs per commit: a killed batch loses at most one chunk's work.")
    ] = CHUNK,
    wait: Annotated[
        float, typer.Option(help="Seconds to wait for another writer on the store before giving up.")
    ] = 30.0,
    parse: Parse = "full",
    follow_symlinks: FollowSymlinks = False,
    arbiter: Arbiter = False,
) -> None:
    report(
        run(paths, db, published, outlet, workers, quiet, chunk, wait, parse, follow_symlinks, arbiter), db
    )
