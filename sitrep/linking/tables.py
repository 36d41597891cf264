"""Linking's own tables: indexes over the store that keep each lookup small as the store grows.

They are derived data (rebuilt by linking the articles again) and live beside the schema's tables. The
lookups a chunk makes are lists of constants on indexed columns (bucket, block, story): DuckDB answers
those from the index in a time that does not grow with the table, where a join would scan it.
- link_bands: MinHash LSH band buckets; a new article meets only articles sharing a bucket.
- link_minhash: each article's MinHash signature, to estimate Jaccard for those candidates.
- link_df: document frequency of story terms (the IDF the story vectors use).
- link_vectors: an article's story vectors (top terms only), lead markers, day and *thread* (``story_id``
  here: the loose incremental group that ``grouping.recheck`` regroups into the articles' stories).
- link_postings: an article's few key terms (blocking keys for stories).
- link_event_blocks: an incident member's type and days (blocking keys for incidents) and what it is
  compared on (``sitrep.linking.agreement``).
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb
import pandas as pd

from sitrep.store import db

DDL = (
    "CREATE TABLE IF NOT EXISTS link_bands (band SMALLINT, bucket BIGINT, article_id VARCHAR)",
    "CREATE TABLE IF NOT EXISTS link_minhash (article_id VARCHAR PRIMARY KEY, signature BLOB, n_shingles INTEGER)",
    "CREATE TABLE IF NOT EXISTS link_df (term VARCHAR PRIMARY KEY, n BIGINT)",
    """CREATE TABLE IF NOT EXISTS link_vectors (article_id VARCHAR PRIMARY KEY, day DATE, story_id VARCHAR,
        content VARCHAR, names VARCHAR, markers VARCHAR)""",
    "ALTER TABLE link_vectors ADD COLUMN IF NOT EXISTS markers VARCHAR",  # stores linked before markers
    "CREATE TABLE IF NOT EXISTS link_postings (term VARCHAR, article_id VARCHAR, day DATE)",
    """CREATE TABLE IF NOT EXISTS link_event_blocks (block VARCHAR, event_id VARCHAR, article_id VARCHAR,
        incident_id VARCHAR, type VARCHAR, story_id VARCHAR, day DATE, day_end DATE, lat DOUBLE, lon DOUBLE,
        place_id VARCHAR, place_name VARCHAR, place_country VARCHAR, place_level VARCHAR,
        source_actor VARCHAR, source_kind VARCHAR, source_country VARCHAR, target_actor VARCHAR,
        target_kind VARCHAR, target_country VARCHAR)""",
    "CREATE INDEX IF NOT EXISTS link_bands_bucket ON link_bands (bucket)",
    "CREATE INDEX IF NOT EXISTS link_vectors_story ON link_vectors (story_id)",
    "CREATE INDEX IF NOT EXISTS link_event_blocks_block ON link_event_blocks (block)",
)
PER_ARTICLE = ("link_bands", "link_minhash", "link_vectors", "link_postings", "link_event_blocks")


def ensure(con: duckdb.DuckDBPyConnection) -> None:
    have = "SELECT count(*) FROM duckdb_columns() WHERE table_name = 'link_event_blocks' AND column_name = ?"
    if con.execute(have, ["block"]).fetchone() != (0,) and con.execute(have, ["place_level"]).fetchone() == (
        0,
    ):
        # blocks from before the agreement rule lack what it compares: linking the articles again refills it
        con.execute("DROP TABLE link_event_blocks")
    for stmt in DDL:
        con.execute(stmt)


def linked(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> list[str]:
    """Which of these articles were linked before: only they need forgetting (new ones skip five
    deletes, each a scan of a table that grows with the store)."""
    marks = ", ".join("?" for _ in article_ids)
    rows = con.execute(f"SELECT article_id FROM link_vectors WHERE article_id IN ({marks})", article_ids)
    return [r[0] for r in rows.fetchall()]


def forget(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> None:
    """Drop what linking knew of these articles (they are being linked again)."""
    db.forget(con, PER_ARTICLE, article_ids)


def insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, object]]) -> None:
    """Append rows in one statement (a registered frame): per-row statements cost a millisecond each."""
    if not rows:
        return
    frame = pd.DataFrame(rows)
    cols = ", ".join(frame.columns)
    con.register("_link_rows", frame)
    try:
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _link_rows")
    finally:
        con.unregister("_link_rows")


def update(
    con: duckdb.DuckDBPyConnection,
    table: str,
    column: str,
    values: dict[str, str],
    key: str = "id",
    also: str = "",
) -> None:
    """Set one column by ``key`` for many rows in one statement (``also``: more SET clauses over v.value)."""
    if not values:
        return
    frame = pd.DataFrame({"id": list(values), "value": list(values.values())})
    con.register("_link_values", frame)
    try:
        extra = f", {also}" if also else ""
        con.execute(
            f"UPDATE {table} SET {column} = v.value{extra} FROM _link_values v WHERE {table}.{key} = v.id"
        )
    finally:
        con.unregister("_link_values")


def document_frequencies(con: duckdb.DuckDBPyConnection, terms: set[str]) -> dict[str, int]:
    """The stored document frequencies of these terms (absent: never seen)."""
    if not terms:
        return {}
    con.register("_df_terms", pd.DataFrame({"term": sorted(terms)}))
    try:
        return dict(con.execute("SELECT d.term, d.n FROM link_df d JOIN _df_terms USING (term)").fetchall())
    finally:
        con.unregister("_df_terms")


def smallest_names(labels: dict[str, str], name: Callable[[str], str] = str) -> dict[str, str]:
    """Member -> the smallest name among its group (a label that is a stored group's name counts too).

    ``labels`` maps new members to a group label: a stored group's name (its smallest member's name
    already) or a new member's own name. Naming a group after its smallest member makes ids independent
    of the order and the chunks the members arrived in."""
    groups: dict[str, list[str]] = {}
    for member, label in labels.items():
        groups.setdefault(label, []).append(name(member))
    names = {label: min(label, *group) for label, group in groups.items()}
    return {member: names[label] for member, label in labels.items()}


def rename(
    con: duckdb.DuckDBPyConnection, table: str, column: str, renames: dict[str, str], also: str = ""
) -> None:
    """Replace old ids by new ones in one column (``also``: more SET clauses over r.old and r.new)."""
    if not renames:
        return
    con.register("_link_renames", pd.DataFrame({"old": list(renames), "new": list(renames.values())}))
    try:
        con.execute(
            f"UPDATE {table} SET {column} = r.new{also} FROM _link_renames r WHERE {table}.{column} = r.old"
        )
    finally:
        con.unregister("_link_renames")
