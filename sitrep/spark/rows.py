"""The line over one partition, and the store's rows as Spark columns.

Each Python worker process builds one Context, so the spaCy model and every data index load once per
executor process and serve all the tasks it runs. Rows come from ``sitrep.store.rows``, the mapping the
DuckDB store uses, so a Spark row and a local row of the same article are equal field for field.

One item becomes one record holding, per table, the list of rows it contributes; the job explodes these
into the tables. The tables whose rows carry no month of their own (times, mentions, quotes) get the
article's ``published_month`` here, on the executor, so partitioning them needs no join.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from sitrep.context import default_context, now
from sitrep.pipeline import Line, process_sources, run_guarded
from sitrep.records import Article, Reject, Source
from sitrep.store import rows as rowmap
from sitrep.store.schema import TABLES

if TYPE_CHECKING:
    from pyspark.sql.types import DataType, StructType

# Tables filled per article, in the order of the fields of one item's record.
ITEM_TABLES = ("articles", "rejects", "times", "mentions", "actors", "places", "events", "quotes")
MONTH = "published_month"
# Tables that get the article's month on top of the store's columns, for partitioning.
MONTH_ADDED = ("times", "mentions", "quotes", "incidents")
_CASTS: dict[str, Callable[[Any], Any]] = {"DOUBLE": float, "INTEGER": int, "BIGINT": int, "BOOLEAN": bool}


def fields(table: str) -> list[tuple[str, str]]:
    """(column, DuckDB type) of a store table, plus the month column where the Parquet layout adds it."""
    cols = list(TABLES[table])
    if table in MONTH_ADDED:
        cols.append((MONTH, "VARCHAR"))
    return cols


def spark_type(duck: str) -> DataType:
    from pyspark.sql import types as T

    kinds: dict[str, DataType] = {"VARCHAR": T.StringType(), "INTEGER": T.IntegerType(), "BIGINT": T.LongType(),
                                  "DOUBLE": T.DoubleType(), "BOOLEAN": T.BooleanType(), "DATE": T.DateType()}  # fmt: skip
    return kinds[duck]


def table_schema(table: str) -> StructType:
    from pyspark.sql import types as T

    return T.StructType([T.StructField(name, spark_type(kind), True) for name, kind in fields(table)])


def item_schema() -> StructType:
    from pyspark.sql import types as T

    return T.StructType([T.StructField(t, T.ArrayType(table_schema(t)), False) for t in ITEM_TABLES])


def _tuple(table: str, row: dict[str, Any]) -> tuple[Any, ...]:
    values = []
    for name, kind in fields(table):
        value = row.get(name)
        cast = _CASTS.get(kind)
        values.append(cast(value) if cast is not None and value is not None else value)
    return tuple(values)


def item_record(item: Article | Reject, ingested_at: str) -> tuple[list[tuple[Any, ...]], ...]:
    """All rows of one processed item, table by table, as tuples in the Spark schema's order."""
    if isinstance(item, Reject):
        tables: dict[str, list[dict[str, Any]]] = {"rejects": [rowmap.reject_row(item)]}
    else:
        tables = rowmap.article_rows(item, ingested_at)
        month = rowmap.month(item.published_at)
        for name in MONTH_ADDED:
            for row in tables.get(name, []):
                row[MONTH] = month
    return tuple([_tuple(t, r) for r in tables.get(t, [])] for t in ITEM_TABLES)


def guarded_line(items: Iterable[Source | Reject], line: Line, size: int) -> Iterator[Article | Reject]:
    """The line over ``size`` items at a time, guarded as the batch is (``pipeline.run_guarded``)."""
    it = iter(items)
    while group := list(itertools.islice(it, size)):
        yield from run_guarded(group, line, now)


def run_partition(ingested_at: str) -> Callable[[Iterable[Source | Reject]], Iterator[tuple[Any, ...]]]:
    """The mapPartitions function: the whole line over a partition's items, with this worker's context."""

    def run(items: Iterable[Source | Reject]) -> Iterator[tuple[Any, ...]]:
        ctx = default_context()  # one per Python worker process: the model loads on its first partition
        for item in guarded_line(items, lambda group: process_sources(group, ctx), ctx.batch_size):
            yield item_record(item, ingested_at)

    return run
