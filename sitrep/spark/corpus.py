"""The corpus-wide facts, as Spark joins rather than a loop on the driver.

**Near-duplicates.** Word 5-gram shingles of each article, hashed to a binary vector and signed with
``MinHashLSH``; ``approxSimilarityJoin`` returns the pairs closer than a Jaccard distance, comparing only
articles that share an LSH bucket. An article's ``repost_of`` is the earliest (by publication date, then
id) of its near-duplicates published before it; its ``story_id`` is that article too, or its own id when
it is the earliest of a group. Cost: one shuffle of the signatures, linear in the corpus for news (groups
of copies are small).

**Incidents.** Events that assert or report a happening (not hypothetical, negated, future...) are
blocked by type and place (an event without a place is blocked by type and the article it comes from,
or its original when the article is a repost); within a block, sorted by date, a gap of more than
``WINDOW_DAYS`` starts a new incident. That is exact single-linkage on the date within each block, done
with one sort per block (a window function), never all pairs. As in the local line, events of one
article are not merged with each other alone: a run that only one article reports leaves each event on
its own. The incident id is the local line's (``sitrep.linking.incidents.incident_id``: a digest of its
first event's id), so where both group alike they give the same ids, and it is stable from run to run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.records import FACTUAL
from sitrep.spark.rows import MONTH, fields

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame

SHINGLE = 5
MAX_DISTANCE = 0.3  # Jaccard distance: a repost with its chrome keeps well over 0.7 of the shingles
HASH_TABLES = 5
FEATURES = 1 << 20
WINDOW_DAYS = 2  # as the local line (sitrep.linking.incidents)


def _order_key(published: Column, ident: Column) -> Column:
    """Earliest first, undated last, then by id: a total order a join can compare with '<'."""
    from pyspark.sql import functions as F

    return F.concat_ws("|", F.coalesce(published, F.lit("9999")), ident)


def near_duplicates(articles: DataFrame) -> DataFrame:
    """(id, repost_of, story_id) for every article that has a near-duplicate in the corpus."""
    from pyspark.ml.feature import HashingTF, MinHashLSH, NGram
    from pyspark.sql import functions as F

    words = articles.select(
        "id",
        _order_key(F.col("published_at"), F.col("id")).alias("key"),
        F.array_remove(F.split(F.lower(F.col("text")), r"[^\p{L}\p{N}]+"), "").alias("words"),
    )
    shingles = NGram(n=SHINGLE, inputCol="words", outputCol="shingles").transform(words)
    shingles = shingles.filter(F.size("shingles") > 0)
    hashed = HashingTF(inputCol="shingles", outputCol="features", binary=True, numFeatures=FEATURES)
    signed = hashed.transform(shingles).select("id", "key", "features")
    model = MinHashLSH(inputCol="features", outputCol="hashes", numHashTables=HASH_TABLES, seed=7).fit(signed)
    pairs = model.approxSimilarityJoin(signed, signed, MAX_DISTANCE, distCol="distance")
    earlier = pairs.filter(F.col("datasetA.key") < F.col("datasetB.key")).select(
        F.col("datasetB.id").alias("id"), F.col("datasetA.key").alias("original")
    )
    copies = earlier.groupBy("id").agg(F.min("original").alias("original"))
    copies = copies.select("id", F.substring_index("original", "|", -1).alias("repost_of"))
    originals = (
        copies.select(F.col("repost_of").alias("id")).distinct().join(copies.select("id"), "id", "left_anti")
    )
    return copies.withColumn("story_id", F.col("repost_of")).unionByName(
        originals.select("id", F.lit(None).cast("string").alias("repost_of"), F.col("id").alias("story_id"))
    )


def with_near_duplicates(articles: DataFrame, dups: DataFrame) -> DataFrame:
    from pyspark.sql import functions as F

    joined = articles.alias("a").join(dups.alias("d"), "id", "left")
    cols = [
        F.coalesce(F.col(f"d.{c}"), F.col(f"a.{c}")).alias(c)
        if c in ("repost_of", "story_id")
        else F.col(f"a.{c}")
        for c, _ in fields("articles")
    ]
    return joined.select(*cols)


def _event_day(ev: DataFrame) -> Column:
    """The event's day as the local line takes it: its own date when that is one day, the article's
    publication day when the event has no date of its own."""
    from pyspark.sql import functions as F

    single = F.when(F.col("date_from") == F.col("date_to"), F.col("date_from"))
    return F.when(F.col("date").isNull(), F.col("article_day")).otherwise(single)


def incident_members(events: DataFrame, articles: DataFrame) -> DataFrame:
    """(event id, incident_id, and what the incidents table needs) for every event of a real happening."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    meta = articles.select(
        F.col("id").alias("article_id"), "publisher", F.col("published_date").alias("article_day"),
        F.coalesce("repost_of", "id").alias("root"),
    )  # fmt: skip
    ev = events.filter(F.col("modality").isin(*FACTUAL)).join(meta, "article_id", "left")
    ev = ev.withColumn("day", _event_day(ev))
    ev = ev.withColumn(
        "block",
        F.concat_ws("|", "plover_type", F.coalesce("place_id", F.concat(F.lit("article:"), F.col("root")))),
    )
    by_date = Window.partitionBy("block").orderBy(F.col("day").asc_nulls_first(), "id")
    previous = F.lag("day").over(by_date)
    starts = F.when(
        F.col("day").isNull() | previous.isNull() | (F.datediff("day", previous) > WINDOW_DAYS), 1
    ).otherwise(0)
    ev = ev.withColumn("run", F.sum(starts).over(by_date.rowsBetween(Window.unboundedPreceding, 0)))
    run = Window.partitionBy("block", "run")
    # A run reported by one article alone is that article's events, which the events stage has already
    # merged where they are one: each stays its own incident.
    alone = F.size(F.collect_set("article_id").over(run)) == 1
    first = F.when(alone, F.col("id")).otherwise(F.min("id").over(run))
    return ev.withColumn("incident_id", F.concat(F.lit("i"), F.substring(F.sha1(first), 1, 15)))


def incidents(members: DataFrame) -> DataFrame:
    """The incidents table (store columns plus the month of its first day, for partitioning)."""
    from pyspark.sql import functions as F

    grouped = members.groupBy("incident_id").agg(
        F.first("plover_type").alias("plover_type"),
        F.first("place_id", ignorenulls=True).alias("place_id"),
        F.first("place_name", ignorenulls=True).alias("place_name"),
        F.first("lat", ignorenulls=True).alias("lat"),
        F.first("lon", ignorenulls=True).alias("lon"),
        F.min(F.coalesce("date_from", "article_day")).alias("date_from"),
        F.max(F.coalesce("date_to", "article_day")).alias("date_to"),
        F.count("*").cast("int").alias("event_count"),
        F.countDistinct("article_id").cast("int").alias("article_count"),
        F.countDistinct("publisher").cast("int").alias("outlet_count"),
        F.min_by("date", F.datediff("date_to", "date_from")).alias("date"),
        F.min_by("date_precision", F.datediff("date_to", "date_from")).alias("date_precision"),
    )
    grouped = grouped.withColumnRenamed("incident_id", "id")
    grouped = grouped.withColumn(MONTH, F.date_format("date_from", "yyyy-MM"))
    return grouped.select(*(name for name, _ in fields("incidents")))


def with_incidents(events: DataFrame, members: DataFrame) -> DataFrame:
    from pyspark.sql import functions as F

    link = members.select("id", F.col("incident_id").alias("linked"))
    joined = events.join(link, "id", "left").withColumn("incident_id", F.col("linked"))
    return joined.select(*(name for name, _ in fields("events")))
