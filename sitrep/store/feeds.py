"""What the store remembers of each watched feed: the validators of its last answer (ETag and
Last-Modified), so the next look is a conditional GET that a server answers with 304 and no body when
nothing changed, and when it was last looked at with what result."""

from __future__ import annotations

import os
from pathlib import Path

from sitrep.store import db

DDL = """CREATE TABLE IF NOT EXISTS watch_feeds (url VARCHAR PRIMARY KEY, etag VARCHAR, modified VARCHAR,
    checked_at VARCHAR, status VARCHAR)"""


def validators(store: str | os.PathLike[str], url: str) -> tuple[str | None, str | None]:
    """(ETag, Last-Modified) of the feed's last full answer; (None, None) for a feed never fetched."""
    if not Path(store).exists():
        return None, None
    con = db.connect(store, read_only=True)
    try:
        tables = {r[0] for r in con.execute("SHOW TABLES").fetchall()}
        if "watch_feeds" not in tables:
            return None, None
        row = con.execute("SELECT etag, modified FROM watch_feeds WHERE url = ?", [url]).fetchone()
    finally:
        con.close()
    return (row[0], row[1]) if row else (None, None)


def remember(store: str | os.PathLike[str], url: str, etag: str | None, modified: str | None,
             checked_at: str, status: str, wait: float = 30.0) -> None:  # fmt: skip
    """Record a look at a feed; validators are kept from the last full answer when this one had none."""
    with db.writer_lock(store, wait=wait):
        con = db.connect(store)
        try:
            con.execute(DDL)
            con.execute(
                """INSERT INTO watch_feeds VALUES (?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET
                   etag = coalesce(excluded.etag, etag), modified = coalesce(excluded.modified, modified),
                   checked_at = excluded.checked_at, status = excluded.status""",
                [url, etag, modified, checked_at, status],
            )
        finally:
            con.close()
