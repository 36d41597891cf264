"""The corpus-wide facts, as Spark joins rather than a loop on the driver.

**Near-duplicates.** Word 5-gram shingles of each article, hashed to a binary vector and signed with
``MinHashLSH``; ``approxSimilarityJoin`` returns the pairs closer than a Jaccard distance, comparing only
articles that share an LSH bucket. An article's ``repost_of`` is the earliest (by publication date, then
id) of its near-duplicates published before it; its ``story_id`` is that article too, or its own id when
it is the earliest of a group. Cost: one shuffle of the signatures, linear in the corpus for news (groups
of copies are small).

**Incidents.** The local line's rule and order (``incident_links``): every event probes the blocks
that earlier factual events are stored under (``sitrep.linking.incidents``: type and day, month or
story), a join gives the candidate pairs, and ``sitrep.linking.agreement.agree`` — the very function the
local line calls — judges each pair as a UDF (type or a PLOVER pair, an actor, place by precision, and
date ranges; why, kept as ``incident_reason``). An event joins the incident of the earlier event it
agrees with best, so an incident is a tree; its root comes from pointer jumping, one join a round. A
non-factual event is linked ``about`` the incident of the event it agrees with best and counts in none
of its figures. Incident ids are the local line's (the smallest ``incident_id`` of the members), so
where both lines group alike they give the same ids, stable from run to run. Cost: the pairs under one
block, as in the local line; no all-pairs comparison.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sitrep.linking.agreement import Ev, Party, agree, date_range, place_level
from sitrep.linking.incidents import blocks, probes
from sitrep.records import FACTUAL
from sitrep.spark.rows import MONTH, fields

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame, Row

SHINGLE = 5
MAX_DISTANCE = 0.3  # Jaccard distance: a repost with its chrome keeps well over 0.7 of the shingles
HASH_TABLES = 5
FEATURES = 1 << 20


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


# What an event is to the linking rule (``sitrep.linking.agreement.Ev``), as a Spark struct.
_VIEW = (
    ("id", "string"), ("article_id", "string"), ("type", "string"), ("start", "date"), ("end", "date"),
    ("lat", "double"), ("lon", "double"), ("place_id", "string"), ("place_name", "string"),
    ("place_country", "string"), ("place_level", "string"), ("source_actor", "string"),
    ("source_kind", "string"), ("source_country", "string"), ("target_actor", "string"),
    ("target_kind", "string"), ("target_country", "string"), ("story_id", "string"), ("factual", "boolean"),
)  # fmt: skip


def _party(actor_id: str | None, kind: str | None, country: str | None) -> Party | None:
    return Party(actor_id, kind, country) if actor_id else None


def _ev(r: Row) -> Ev:
    return Ev(r.id, r.article_id, r.type, r.start, r.end, r.lat, r.lon, r.place_id, r.place_name,
              r.place_country, r.place_level, _party(r.source_actor, r.source_kind, r.source_country),
              _party(r.target_actor, r.target_kind, r.target_country), r.story_id, r.factual)  # fmt: skip


def _view(r: Row) -> tuple[Any, ...]:
    """An event's row as linking sees it (its date range and place level by the local line's own
    functions), with the blocks it is stored under (a member's) and the blocks it probes."""
    span = date_range(r.date_from, r.date_to, r.date_flag, r.published_date)
    ev = Ev(r.id, r.article_id, r.plover_type, span[0] if span else None, span[1] if span else None, r.lat,
            r.lon, r.place_id, r.place_name, r.place_country, place_level(r.feature_class, r.feature_code),
            _party(r.source_actor_id, r.source_kind, r.source_country),
            _party(r.target_actor_id, r.target_kind, r.target_country), r.story_id, r.factual)  # fmt: skip
    flat = (ev.id, ev.article_id, ev.type, ev.start, ev.end, ev.lat, ev.lon, ev.place_id, ev.place_name,
            ev.place_country, ev.place_level, *_flat(ev.source), *_flat(ev.target), ev.story_id, ev.factual)  # fmt: skip
    return flat, blocks(ev) if ev.factual else [], probes(ev)


def _flat(party: Party | None) -> tuple[str | None, str | None, str | None]:
    return (party.actor_id, party.kind, party.country) if party else (None, None, None)


def _agree(a: Row, b: Row) -> tuple[float, str] | None:
    reason = agree(_ev(a), _ev(b))
    return (reason.score, reason.to_json()) if reason else None


def ingest_order(articles: DataFrame) -> Column:
    """The order the local line links articles in: its input's order, file by file and row by row (the
    article's ``source_ref``: ``path#row``), as one string a join can compare with '<'."""
    from pyspark.sql import functions as F

    ref = F.coalesce(F.col("source_ref"), F.lit(""))
    row = F.lpad(F.regexp_extract(ref, r"#(\d+)$", 1), 12, "0")
    return F.concat_ws("\u0000", F.regexp_replace(ref, r"#\d+$", ""), row, F.col("id"))


def incident_links(events: DataFrame, articles: DataFrame, places: DataFrame, actors: DataFrame) -> DataFrame:
    """(event id, incident_id, incident_role, incident_reason) for every event linked to an incident.

    The rule and the order are the local line's: in ingest order, each event is compared with the
    earlier factual events under one of its probe blocks (``linking.incidents.probes``/``blocks``), by
    ``linking.agreement.agree``; it joins the incident of the one it agrees with best. Here that is a
    join of probes with blocks (the candidate pairs), the rule as a UDF on each pair, and a window
    keeping each event's best: a factual event's best is its parent, and an incident is a tree of
    parents, whose root is found by pointer jumping (a join per round, log of the depth rounds). An
    incident is named after the smallest ``incident_id`` of its members, as the local line names it; a
    non-factual event is linked to its best's incident as ``about`` it."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    ev_type = ", ".join(f"{name}: {kind}" for name, kind in _VIEW)
    view = F.udf(_view, f"struct<ev: struct<{ev_type}>, blocks: array<string>, probes: array<string>>")
    agreement = F.udf(_agree, "struct<score: double, reason: string>")
    meta = articles.select(F.col("id").alias("article_id"), "published_date", "story_id",
                           ingest_order(articles).alias("order"))  # fmt: skip
    kinds = actors.select("id", "kind")
    ev = (
        events.join(meta, "article_id", "left")
        .join(
            places.select(F.col("id").alias("place_id"), "feature_class", "feature_code"), "place_id", "left"
        )
        .join(kinds.toDF("source_actor_id", "source_kind"), "source_actor_id", "left")
        .join(kinds.toDF("target_actor_id", "target_kind"), "target_actor_id", "left")
        .withColumn("factual", F.coalesce(F.col("modality").isin(*FACTUAL), F.lit(False)))
    )
    needed = ("id", "article_id", "plover_type", "date_from", "date_to", "date_flag", "published_date", "lat",
              "lon", "place_id", "place_name", "place_country", "feature_class", "feature_code",
              "source_actor_id", "source_kind", "source_country", "target_actor_id", "target_kind",
              "target_country", "story_id", "factual")  # fmt: skip
    seen = ev.select("id", "order", "factual", view(F.struct(*needed)).alias("v"))
    probe = seen.select(
        "id", "order", "factual", F.col("v.ev").alias("ev"), F.explode("v.probes").alias("block")
    )
    stored = seen.filter("factual").select(
        F.col("id").alias("cid"), F.col("order").alias("c_order"), F.col("v.ev").alias("c_ev"),
        F.explode("v.blocks").alias("block"),
    )  # fmt: skip
    pairs = probe.join(stored, "block").filter(F.col("c_order") < F.col("order")).drop("block")
    pairs = (
        pairs.dropDuplicates(["id", "cid"]).withColumn("r", agreement("ev", "c_ev")).filter("r IS NOT NULL")
    )
    best = (
        pairs.withColumn(
            "k", F.row_number().over(Window.partitionBy("id").orderBy(F.desc("r.score"), F.desc("cid")))
        )
        .filter("k = 1")
        .select("id", "factual", "cid", F.col("r.reason").alias("incident_reason"))
    )
    best = best.persist()
    parents = best.filter("factual").select("id", F.col("cid").alias("root"))
    roots = seen.filter("factual").select("id").join(parents, "id", "left")
    roots = roots.select("id", F.coalesce("root", "id").alias("root")).localCheckpoint()
    while True:  # the root's root, until every root is its own
        up = roots.alias("r").join(roots.alias("p"), F.col("r.root") == F.col("p.id"))
        up = up.select(F.col("r.id").alias("id"), F.col("p.root").alias("root"), F.col("r.root").alias("was"))
        up = up.localCheckpoint()
        if up.filter(F.col("root") != F.col("was")).isEmpty():
            break
        roots = up.drop("was")
    name = F.concat(F.lit("i"), F.substring(F.sha1("id"), 1, 15))
    members = roots.withColumn("incident_id", F.min(name).over(Window.partitionBy("root")))
    members = members.select("id", "incident_id", F.lit("member").alias("incident_role"))
    about = best.filter("NOT factual").join(members.select(F.col("id").alias("cid"), "incident_id"), "cid")
    about = about.select("id", "incident_id", F.lit("about").alias("incident_role"))
    links = members.unionByName(about)
    return links.join(best.select("id", "incident_reason"), "id", "left")


def with_incidents(events: DataFrame, links: DataFrame) -> DataFrame:
    """The events with the linking columns set (empty for an event linked to nothing)."""
    cols = ("incident_id", "incident_role", "incident_reason")
    joined = events.drop(*cols).join(links, "id", "left")
    return joined.select(*(name for name, _ in fields("events")))


def incidents(events: DataFrame, articles: DataFrame) -> DataFrame:
    """The incidents table from the members of each (store columns plus the month of its first day,
    for partitioning): the figures the local line counts (``linking.incidents.refresh``)."""
    from pyspark.sql import functions as F

    meta = articles.select(F.col("id").alias("article_id"), F.col("published_date").alias("article_day"),
                           F.coalesce("publisher", F.concat(F.lit("article:"), "id")).alias("outlet"))  # fmt: skip
    members = events.filter(F.col("incident_role") == "member").join(meta, "article_id", "left")
    grouped = members.groupBy("incident_id").agg(
        F.first("plover_type").alias("plover_type"),
        F.mode("place_id").alias("place_id"),
        F.mode("place_name").alias("place_name"),
        F.avg("lat").alias("lat"),
        F.avg("lon").alias("lon"),
        F.min(F.coalesce("date_from", "article_day")).alias("date_from"),
        F.max(F.coalesce("date_to", "article_day")).alias("date_to"),
        F.count("*").cast("int").alias("event_count"),
        F.countDistinct("article_id").cast("int").alias("article_count"),
        F.countDistinct("outlet").cast("int").alias("outlet_count"),
        F.min_by("date", F.datediff("date_to", "date_from")).alias("date"),
        F.min_by("date_precision", F.datediff("date_to", "date_from")).alias("date_precision"),
    )
    grouped = grouped.withColumnRenamed("incident_id", "id")
    grouped = grouped.withColumn(MONTH, F.date_format("date_from", "yyyy-MM"))
    return grouped.select(*(name for name, _ in fields("incidents")))
