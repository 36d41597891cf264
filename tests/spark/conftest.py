"""One local[2] Spark session for the Spark tests, kept small: 1 GB driver, 4 shuffle partitions, no UI."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'sitrep[spark]')")


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    from sitrep.spark.session import session

    spark = session("local[2]", app="sitrep-tests", conf={"spark.sql.shuffle.partitions": "4"})
    yield spark
    spark.stop()
