"""One local[2] Spark session for the Spark tests, kept small: 1 GB driver, 4 shuffle partitions, no UI."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'sitrep[spark]')")


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    from sitrep.spark.session import session

    spark = session("local[2]", app="sitrep-tests", conf={"spark.sql.shuffle.partitions": "4"})
    yield spark
    spark.stop()


def parquet_rows(output: Path, table: str) -> list[dict[str, Any]]:
    """A table written by the Spark job, read the way ``sitrep serve --parquet`` reads it."""
    con = duckdb.connect()
    glob = str(output / table / "**" / "*.parquet")
    cur = con.execute(f"SELECT * FROM read_parquet('{glob}', hive_partitioning=true)")
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
