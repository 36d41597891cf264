"""Every table of the store as Parquet under OUTPUT/<table>/, partitioned by publication month.

The layout is Hive's (``OUTPUT/events/published_month=2020-01/part-*.parquet``), which ``sitrep serve
--parquet`` and DuckDB's ``read_parquet(..., hive_partitioning=true)`` read as-is. Tables with a month
(articles, events; times, mentions and quotes from their article; incidents from their first day) are
partitioned by it (rows without one under ``published_month=undated``); rejects, actors and places have
no month and are written whole. Columns are typed: DATE columns stay DATEs, times are TIMESTAMPs, and
nested facts (evidence, aliases, roles, cuts, sources) are lists and structs, as ``sitrep export
--format parquet`` writes them. An empty table is
still written, unpartitioned, as one file holding only the schema, so a reader finds every table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.spark.rows import MONTH
from sitrep.store.schema import NESTED, TIMESTAMPS, UNDATED, spark_type

if TYPE_CHECKING:
    from pyspark.sql import DataFrame


def table_path(output: str, table: str) -> str:
    return f"{output.rstrip('/')}/{table}"


def typed(df: DataFrame) -> DataFrame:
    """Nested facts as lists and structs, times as TIMESTAMPs, and a month folder for every row."""
    from pyspark.sql import functions as F

    for name in df.columns:
        if name in NESTED:
            df = df.withColumn(name, F.from_json(name, spark_type(name)))
        elif name in TIMESTAMPS:
            df = df.withColumn(name, F.col(name).try_cast("timestamp"))
    if MONTH in df.columns:
        df = df.withColumn(MONTH, F.coalesce(F.col(MONTH), F.lit(UNDATED)))
    return df


def write_table(df: DataFrame, output: str, table: str, empty: bool = False) -> None:
    df = typed(df)
    writer = df.coalesce(1).write.mode("overwrite")
    if MONTH in df.columns and not empty:
        # One task per month: rows of a month are gathered first so each month is a few files, not one
        # file per partition per month.
        writer = df.repartition(MONTH).write.mode("overwrite").partitionBy(MONTH)
    writer.parquet(table_path(output, table))
