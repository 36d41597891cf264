"""What a store's cross-article links look like, for tests that check a save keeps them."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb


@dataclass(frozen=True)
class Links:
    incidents: dict[str, str]  # event id -> incident id (member events)
    stories: dict[str, str]  # article id -> story id
    orphans: int  # incidents no member event points to


def links(con: duckdb.DuckDBPyConnection) -> Links:
    members = "SELECT id, incident_id FROM events WHERE incident_id IS NOT NULL AND incident_role = 'member'"
    orphans = con.execute(
        """SELECT count(*) FROM incidents i WHERE NOT EXISTS
           (SELECT 1 FROM events e WHERE e.incident_id = i.id AND e.incident_role = 'member')"""
    ).fetchone()
    return Links(
        incidents=dict(con.execute(members).fetchall()),
        stories=dict(con.execute("SELECT id, story_id FROM articles WHERE story_id IS NOT NULL").fetchall()),
        orphans=orphans[0] if orphans else 0,
    )
