"""A Spark session sized for sitrep: small driver, few shuffle partitions, no UI, the same Python.

Under ``spark-submit`` (no master given here) the cluster's own settings stand untouched; given a master
(``sitrep spark --master local[2]``, the tests, the bench) these defaults start a modest local JVM.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sitrep.errors import UserError

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

DEFAULTS = {
    "spark.driver.memory": "1g",
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.shuffle.partitions": "8",
    "spark.sql.adaptive.enabled": "true",
    "spark.python.worker.reuse": "true",  # one Python worker per core keeps its spaCy model across tasks
    "spark.sql.sources.partitionOverwriteMode": "static",
}


def _java_home() -> None:
    """pyspark needs JAVA_HOME or java on PATH; derive the former from the latter when it is unset."""
    if os.environ.get("JAVA_HOME"):
        return
    java = shutil.which("java")
    if java is None:
        raise UserError("sitrep spark needs Java 17 or later: install it or set JAVA_HOME")
    os.environ["JAVA_HOME"] = str(Path(java).resolve().parents[1])


def session(
    master: str | None = None, app: str = "sitrep", conf: dict[str, str] | None = None
) -> SparkSession:
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise UserError("sitrep spark needs pyspark: pip install 'sitrep[spark]'") from None
    _java_home()
    # Executors must run this interpreter (with sitrep and the model installed), not whatever python3 is.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app)
    settings = dict(conf or {})
    if master:
        builder = builder.master(master)
        settings = {**DEFAULTS, **settings}
    for key, value in settings.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark
