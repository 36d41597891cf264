"""The tables of DESIGN.md as (name, type) columns, their DDL, and the schema version the code migrates to.

Nested facts (evidence spans, aliases, roles, cuts) are JSON text so that DuckDB, Parquet and Spark hold
the same flat columns. Dates are DATE columns beside the ISO text kept for display: an article's
``published_date`` (its day, when known to the day), an event's or incident's ``date_from``/``date_to``
(the days its date covers: a week, a month, a year).

Version 3 added ``articles.published_date``, ``events.date_from``/``date_to`` and the incidents' DATE
range with ``date`` and ``date_precision``. Version 4 added ``events.incident_role`` (member | about)
and ``incident_reason`` (why linking joined the event to its incident, JSON).
"""

from __future__ import annotations

Column = tuple[str, str]  # name, DuckDB type: the one description the store, the API models and Spark read
SCHEMA_VERSION = 4  # 2: events.salience; 3: DATE columns (dates); 4: events.incident_role, incident_reason

TABLES: dict[str, tuple[Column, ...]] = {
    "articles": (
        ("id", "VARCHAR"), ("url", "VARCHAR"), ("source_ref", "VARCHAR"), ("publisher", "VARCHAR"),
        ("publisher_evidence", "VARCHAR"), ("original_outlet", "VARCHAR"), ("original_start", "INTEGER"),
        ("original_end", "INTEGER"), ("is_repost", "BOOLEAN"), ("repost_of", "VARCHAR"), ("title", "VARCHAR"),
        ("published_at", "VARCHAR"), ("published_precision", "VARCHAR"), ("published_source", "VARCHAR"),
        ("published_month", "VARCHAR"), ("language", "VARCHAR"), ("text", "VARCHAR"), ("cuts", "VARCHAR"),
        ("story_id", "VARCHAR"), ("ingested_at", "VARCHAR"), ("pipeline_version", "VARCHAR"),
        ("published_date", "DATE"),
    ),
    "rejects": (
        ("source", "VARCHAR"), ("reason", "VARCHAR"), ("raw_ref", "VARCHAR"), ("seen_at", "VARCHAR"),
    ),
    "times": (
        ("article_id", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"), ("text", "VARCHAR"),
        ("type", "VARCHAR"), ("value", "VARCHAR"), ("precision", "VARCHAR"), ("rule", "VARCHAR"),
    ),
    "mentions": (
        ("article_id", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"), ("text", "VARCHAR"),
        ("kind", "VARCHAR"), ("actor_id", "VARCHAR"), ("place_id", "VARCHAR"), ("role", "VARCHAR"),
        ("corefers_with", "INTEGER"),
    ),
    "actors": (
        ("id", "VARCHAR"), ("name", "VARCHAR"), ("kind", "VARCHAR"), ("code", "VARCHAR"),
        ("country", "VARCHAR"), ("sector", "VARCHAR"), ("aliases", "VARCHAR"), ("parent_id", "VARCHAR"),
        ("roles", "VARCHAR"), ("sources", "VARCHAR"), ("provisional", "BOOLEAN"),
    ),
    "places": (
        ("id", "VARCHAR"), ("geonames_id", "BIGINT"), ("name", "VARCHAR"), ("country", "VARCHAR"),
        ("admin1", "VARCHAR"), ("lat", "DOUBLE"), ("lon", "DOUBLE"), ("feature_class", "VARCHAR"),
        ("feature_code", "VARCHAR"), ("population", "BIGINT"),
    ),
    "events": (
        ("id", "VARCHAR"), ("article_id", "VARCHAR"), ("plover_type", "VARCHAR"), ("plover_mode", "VARCHAR"),
        ("cameo", "VARCHAR"), ("trigger_start", "INTEGER"), ("trigger_end", "INTEGER"),
        ("trigger_text", "VARCHAR"), ("source_actor_id", "VARCHAR"), ("source_text", "VARCHAR"),
        ("source_code", "VARCHAR"), ("source_country", "VARCHAR"), ("source_sector", "VARCHAR"),
        ("target_actor_id", "VARCHAR"), ("target_text", "VARCHAR"), ("target_code", "VARCHAR"),
        ("target_country", "VARCHAR"), ("target_sector", "VARCHAR"), ("place_id", "VARCHAR"),
        ("place_name", "VARCHAR"), ("place_country", "VARCHAR"), ("lat", "DOUBLE"), ("lon", "DOUBLE"),
        ("place_flag", "VARCHAR"), ("date", "VARCHAR"), ("date_precision", "VARCHAR"),
        ("date_flag", "VARCHAR"), ("killed", "INTEGER"), ("injured", "INTEGER"), ("arrested", "INTEGER"),
        ("quantity", "INTEGER"), ("weapon", "VARCHAR"), ("modality", "VARCHAR"), ("salience", "VARCHAR"),
        ("confidence", "DOUBLE"), ("rule", "VARCHAR"), ("evidence", "VARCHAR"), ("quote_id", "VARCHAR"),
        ("incident_id", "VARCHAR"), ("published_month", "VARCHAR"), ("pipeline_version", "VARCHAR"),
        ("date_from", "DATE"), ("date_to", "DATE"), ("incident_role", "VARCHAR"),
        ("incident_reason", "VARCHAR"),
    ),
    "quotes": (
        ("id", "VARCHAR"), ("article_id", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"),
        ("text", "VARCHAR"), ("kind", "VARCHAR"), ("speaker_start", "INTEGER"), ("speaker_end", "INTEGER"),
        ("speaker_description", "VARCHAR"), ("speaker_actor_id", "VARCHAR"), ("anonymous", "BOOLEAN"),
        ("cue", "VARCHAR"), ("cue_start", "INTEGER"), ("cue_end", "INTEGER"), ("via_outlet", "VARCHAR"),
        ("parent_quote_id", "VARCHAR"),
    ),
    "incidents": (
        ("id", "VARCHAR"), ("plover_type", "VARCHAR"), ("place_id", "VARCHAR"), ("place_name", "VARCHAR"),
        ("lat", "DOUBLE"), ("lon", "DOUBLE"), ("date_from", "DATE"), ("date_to", "DATE"),
        ("event_count", "INTEGER"), ("article_count", "INTEGER"), ("outlet_count", "INTEGER"),
        ("date", "VARCHAR"), ("date_precision", "VARCHAR"),
    ),
}  # fmt: skip
PRIMARY_KEY = {
    "articles": "id",
    "actors": "id",
    "places": "id",
    "events": "id",
    "quotes": "id",
    "incidents": "id",
}

# Tables whose rows belong to one article: rewriting an article replaces exactly these rows.
PER_ARTICLE = ("times", "mentions", "events", "quotes")


def ddl() -> list[str]:
    return [f"CREATE TABLE IF NOT EXISTS {name} ({column_ddl(name)})" for name in TABLES]


def column_ddl(table: str, leave_out: tuple[str, ...] = ()) -> str:
    """The column list of a CREATE TABLE, names quoted, the primary key marked."""
    key = PRIMARY_KEY.get(table)
    return ", ".join(f'"{n}" {t}' + (" PRIMARY KEY" if n == key else "") for n, t in TABLES[table]
                     if n not in leave_out)  # fmt: skip


def column_types(table: str) -> list[tuple[str, str]]:
    """(name, SQL type) of each column of a table, in order."""
    return list(TABLES[table])


def columns(table: str) -> list[str]:
    """Column names of a table, in order."""
    return [name for name, _ in TABLES[table]]


# Nested facts are JSON text in DuckDB (one flat column that every engine holds alike) and lists of structs
# (or of text) in Parquet, where readers take them as typed columns: (field, type) of each struct, None for
# a list of text. Times of day are TIMESTAMPs in Parquet.
NESTED: dict[str, tuple[tuple[str, str], ...] | None] = {
    "evidence": (("role", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"), ("text", "VARCHAR")),
    "cuts": (("kind", "VARCHAR"), ("text", "VARCHAR")),
    "roles": (("title", "VARCHAR"), ("country", "VARCHAR"), ("sector", "VARCHAR"), ("start", "VARCHAR"),
              ("end", "VARCHAR"), ("source", "VARCHAR")),
    "aliases": None,
    "sources": None,
}  # fmt: skip
TIMESTAMPS = ("ingested_at", "seen_at")
# The month folder of Parquet rows with no publication month: a named partition, because Hive's null
# partition (__HIVE_DEFAULT_PARTITION__) breaks readers that unify partition dictionaries (pyarrow, pandas).
UNDATED = "undated"


def json_structure(column: str) -> str:
    """DuckDB's from_json structure of a nested column: '["VARCHAR"]' or '[{"role": "VARCHAR", ...}]'."""
    fields = NESTED[column]
    return '["VARCHAR"]' if fields is None else "[{" + ", ".join(f'"{n}": "{t}"' for n, t in fields) + "}]"


def spark_type(column: str) -> str:
    """Spark's DDL type of a nested column: 'array<string>' or 'array<struct<`role`:string, ...>>'."""
    kinds = {"VARCHAR": "string", "INTEGER": "int"}
    fields = NESTED[column]
    if fields is None:
        return "array<string>"
    return "array<struct<" + ",".join(f"`{n}`:{kinds[t]}" for n, t in fields) + ">>"


def typed_select(table: str) -> str:
    """A SELECT of the table whose nested columns are lists and structs and whose times are TIMESTAMPs:
    what Parquet exports write."""
    replaced = [f"from_json({c}, '{json_structure(c)}') AS {c}" for c in columns(table) if c in NESTED]
    replaced += [f"TRY_CAST({c} AS TIMESTAMPTZ) AS {c}" for c in columns(table) if c in TIMESTAMPS]
    return f"SELECT * REPLACE ({', '.join(replaced)}) FROM {table}" if replaced else f"SELECT * FROM {table}"


def as_stored(described: list[tuple[str, str]]) -> str:
    """The REPLACE clause that reads typed Parquet back in the store's own types, for readers that serve
    both (the API over ``--parquet``): TIMESTAMPs as the ISO text sitrep writes (UTC, seconds); nested
    facts stay lists (the API decodes the store's JSON text to the same lists); the undated month folder
    as no month. '' when nothing differs."""
    stamps = [n for n, kind in described if n in TIMESTAMPS and kind.startswith("TIMESTAMP")]
    parts = [f"strftime(CAST({n} AS TIMESTAMPTZ) AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S') || '+00:00' AS {n}"
             for n in stamps]  # fmt: skip
    if any(n == "published_month" for n, _ in described):
        parts.append(f"nullif(published_month, '{UNDATED}') AS published_month")
    return f" REPLACE ({', '.join(parts)})" if parts else ""
