"""Run the line on Apache Spark and write every table as Parquet, partitioned by publication month."""

from __future__ import annotations

from typing import Annotated

import typer

from sitrep.errors import UserError

NAME = "spark"


def command(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders or globs at any Hadoop path.")],
    output: Annotated[
        str, typer.Argument(metavar="OUTPUT", help="Folder for the Parquet tables (OUTPUT/<table>/).")
    ],
    master: Annotated[
        str, typer.Option(help="Spark master, e.g. local[2] or spark://host:7077.")
    ] = "local[*]",
    partitions: Annotated[
        int | None, typer.Option(min=1, help="Partitions for the line (default: twice the cores).")
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (ISO) of items that give none; an item's own date wins."),
    ] = None,
) -> None:
    from sitrep.batch import check_date
    from sitrep.spark import job
    from sitrep.spark.readers import missing_local
    from sitrep.spark.session import session

    published = check_date(published)
    for name in inputs:
        if missing_local(name):
            raise UserError(f"no such file or folder: {name}")
    spark = session(master)
    try:
        summary = job.run(spark, inputs, output, partitions, published)
    finally:
        spark.stop()
    typer.echo(job.report(summary, output))
