"""Reads of one stored article and its facts, for the CLI (``show``, ``demo``) and for recoding."""

from __future__ import annotations

from typing import Any

import duckdb

from sitrep.store.db import query

EVENT_LINE = ("trigger_start", "trigger_end", "trigger_text", "plover_type", "modality", "source_text",
              "target_text", "place_name", "date")  # fmt: skip


def by_prefix(con: duckdb.DuckDBPyConnection, prefix: str) -> list[dict[str, Any]]:
    """At most two articles whose id starts with ``prefix``: one is an answer, two an ambiguous prefix."""
    return query(con, "SELECT id, title, publisher, original_outlet, published_at, text FROM articles "
                 "WHERE id LIKE ? || '%' LIMIT 2", [prefix])  # fmt: skip


def text(con: duckdb.DuckDBPyConnection, article_id: str) -> str | None:
    rows = query(con, "SELECT text FROM articles WHERE id = ?", [article_id])
    return str(rows[0]["text"]) if rows else None


def exists(con: duckdb.DuckDBPyConnection, article_id: str) -> bool:
    return bool(query(con, "SELECT 1 AS x FROM articles WHERE id = ?", [article_id]))


def latest_from(con: duckdb.DuckDBPyConnection, source_ref: str) -> str | None:
    """The id of the article most recently stored from this input."""
    rows = query(con, "SELECT id FROM articles WHERE source_ref = ? ORDER BY ingested_at DESC LIMIT 1",
                 [source_ref])  # fmt: skip
    return str(rows[0]["id"]) if rows else None


def spans(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, list[dict[str, Any]]]:
    """The article's quotes, times and mentions with their character spans."""
    by_article = [article_id]
    quotes = query(con, 'SELECT start, "end", text FROM quotes WHERE article_id = ?', by_article)
    times = query(con, 'SELECT start, "end", value FROM times WHERE article_id = ?', by_article)
    mentions = query(con, 'SELECT start, "end", kind, coalesce(actor_id, place_id) AS ref FROM mentions '
                     "WHERE article_id = ?", by_article)  # fmt: skip
    return {"quotes": quotes, "times": times, "mentions": mentions}


def events(con: duckdb.DuckDBPyConnection, article_id: str) -> list[dict[str, Any]]:
    """The article's events in text order, with what one line of them shows."""
    return query(con, f"SELECT {', '.join(EVENT_LINE)} FROM events WHERE article_id = ? ORDER BY trigger_start",
                 [article_id])  # fmt: skip


def stale(con: duckdb.DuckDBPyConnection, version: str | None) -> list[dict[str, Any]]:
    """What recoding reads of the articles not at ``version`` (all of them when None), in id order."""
    sql = "SELECT id, text, url, title, publisher, published_at, source_ref, pipeline_version FROM articles"
    rows = query(con, sql + ("" if version is None else " WHERE pipeline_version IS DISTINCT FROM ?"),
                 [] if version is None else [version])  # fmt: skip
    return sorted(rows, key=lambda r: str(r["id"]))
