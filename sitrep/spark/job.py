"""``sitrep spark INPUT OUTPUT``: the whole line on Spark, every table of the store as Parquet.

Also a ``spark-submit`` script: ``spark-submit sitrep/spark/job.py INPUT OUTPUT`` (see docs/spark.md).

The plan: the driver lists input files; executors read them with sitrep's readers, the items are spread
over the partitions, and ``mapPartitions`` runs the line with one Context per worker process. The
per-article rows are cached once, then the corpus-wide parts run as Spark joins (near-duplicates with
MinHashLSH, incidents by the local line's rule over the pairs a join of blocks finds) and every table is
written. Nothing of the corpus comes back to the driver but counts.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.batch import check_date
from sitrep.context import now
from sitrep.spark import corpus, readers, rows, writers
from sitrep.spark.session import session

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

PER_ARTICLE = ("times", "mentions", "events", "quotes")


@dataclass
class Summary:
    articles: int
    rejects: int
    events: int
    incidents: int
    seconds: float


def _one_per_article(processed: DataFrame) -> DataFrame:
    """Keep one item per article id (the first by source ref): the same text read twice is one article.

    Only the few ids seen more than once are gathered (a small aggregate, broadcast back), so the
    processed rows themselves are never shuffled for this.
    """
    from pyspark.sql import functions as F

    first = F.get(F.col("articles"), 0)  # NULL for a reject's record, where [0] would fail under ANSI
    keyed = processed.withColumn("_aid", first["id"]).withColumn("_ref", first["source_ref"])
    repeated = (
        keyed.filter(F.col("_aid").isNotNull())
        .groupBy("_aid")
        .agg(F.count("*").alias("_n"), F.min("_ref").alias("_keep"))
    ).filter(F.col("_n") > 1)
    joined = keyed.join(F.broadcast(repeated), "_aid", "left")
    kept = joined.filter(F.col("_keep").isNull() | (F.col("_ref") == F.col("_keep")))
    return kept.select(*rows.ITEM_TABLES)


def tables(
    spark: SparkSession, inputs: Sequence[str], partitions: int | None = None, published: str | None = None
) -> dict[str, DataFrame]:
    """Every table of the store as a DataFrame (the line's rows cached; nothing computed on the driver:
    the incidents' pointer jumping runs a Spark job a round and brings back only whether it is done)."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    parts = partitions or spark.sparkContext.defaultParallelism * 2
    items = readers.sources(spark, inputs, parts, published)
    processed = spark.createDataFrame(items.mapPartitions(rows.run_partition(now())), rows.item_schema())
    # The line runs once: everything below reads this cache (it spills to disk, never to the driver).
    processed = _one_per_article(processed.persist(StorageLevel.MEMORY_AND_DISK))
    out = {t: processed.select(F.explode(t).alias("r")).select("r.*") for t in rows.ITEM_TABLES}
    out["actors"] = out["actors"].dropDuplicates(["id"])
    out["places"] = out["places"].dropDuplicates(["id"])
    articles = corpus.with_near_duplicates(out["articles"], corpus.near_duplicates(out["articles"]))
    links = corpus.incident_links(out["events"], articles, out["places"], out["actors"])
    out["articles"] = articles
    out["events"] = corpus.with_incidents(out["events"], links)
    out["incidents"] = corpus.incidents(out["events"], articles)
    return out


def run(
    spark: SparkSession,
    inputs: Sequence[str],
    output: str,
    partitions: int | None = None,
    published: str | None = None,
) -> Summary:
    """Write every table under ``output``; the tables are cached as they are counted, so a table that
    others derive from (articles → incidents) is computed once."""
    from pyspark import StorageLevel

    start = time.perf_counter()
    out = tables(spark, inputs, partitions, published)
    counts = {}
    for name, df in out.items():
        df.persist(StorageLevel.MEMORY_AND_DISK)
        counts[name] = df.count()
        writers.write_table(df, output, name, empty=counts[name] == 0)
    spark.catalog.clearCache()
    return Summary(counts["articles"], counts["rejects"], counts["events"], counts["incidents"],
                   time.perf_counter() - start)  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sitrep-spark", description=__doc__.splitlines()[0])
    parser.add_argument("input", nargs="+", help="files, folders or globs at any Hadoop path")
    parser.add_argument("output", help="folder for the Parquet tables (any Hadoop path)")
    parser.add_argument("--master", default=None, help="Spark master; default: spark-submit's")
    parser.add_argument("--partitions", type=int, default=None, help="partitions for the line")
    parser.add_argument("--published", default=None, help="publication date of items that give none (ISO)")
    args = parser.parse_args(argv)
    spark = session(args.master)
    try:
        summary = run(spark, args.input, args.output, args.partitions, check_date(args.published))
    finally:
        spark.stop()
    print(report(summary, args.output))
    return 0


def report(summary: Summary, output: str) -> str:
    rate = summary.articles / summary.seconds if summary.seconds else 0.0
    return (f"{summary.articles} articles, {summary.events} events, {summary.incidents} incidents, "
            f"{summary.rejects} rejected → {output} in {summary.seconds:.1f} s ({rate:.2f} articles/s)")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
