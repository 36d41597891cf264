"""The DuckDB store: schema creation and migration, idempotent writes, one writer at a time.

DuckDB lets one process hold a file for writing. sitrep adds its own writer lock (a ``.lock`` file
beside the store, held for a whole batch) so that a second writer waits a bounded time and then says so
clearly, and it opens DuckDB per chunk so that readers (``sitrep serve``) can read between chunks.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb

from sitrep.errors import StoreLocked, StoreWriteFailed, UserError
from sitrep.records import Article, Reject
from sitrep.store import rows as rowmap
from sitrep.store.schema import PER_ARTICLE, SCHEMA_VERSION, TABLES, column_types, columns, ddl


def _is_lock_error(exc: Exception) -> bool:
    return "lock" in str(exc).lower()


MAGIC = b"DUCK"  # bytes 8-12 of every DuckDB database file


def check_path(path: str | os.PathLike[str]) -> None:
    """A store is a DuckDB file or a new path. DuckDB itself opens a CSV named as a database as an empty
    in-memory one, so an ingest into ``--db articles.csv`` would report rows stored and keep none."""
    p = Path(path)
    if str(path) == ":memory:" or not p.exists():
        return
    if not p.is_file():
        raise UserError(f"{path} is not a regular file; the store is a DuckDB file (or a new path for one)")
    try:
        with p.open("rb") as fh:
            head = fh.read(12)
    except OSError as exc:
        raise UserError(f"the store {path} cannot be read: {exc.strerror}") from None
    if head[8:12] != MAGIC:
        raise UserError(f"{path} is not a DuckDB file; the store must be one (or a new path for one)")


def connect(
    path: str | os.PathLike[str], read_only: bool = False, wait: float = 10.0
) -> duckdb.DuckDBPyConnection:
    """Open the store, retrying while another process holds DuckDB's own file lock."""
    if read_only and not Path(path).exists():
        raise UserError(f"no store at {path}: run 'sitrep ingest' first")
    check_path(path)
    deadline = time.monotonic() + wait
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            break
        except duckdb.IOException as exc:
            if not _is_lock_error(exc):
                raise UserError(f"{path} is not a sitrep store: {exc}") from exc
            if time.monotonic() > deadline:
                raise StoreLocked(f"the store {path} is in use by another process") from exc
            time.sleep(0.2)
        except duckdb.Error as exc:
            raise UserError(f"{path} is not a sitrep store: {exc}") from exc
    if not read_only:
        migrate(con)
    else:
        _readable(con, path)
    return con


def _readable(con: duckdb.DuckDBPyConnection, path: str | os.PathLike[str]) -> None:
    """A read-only store made by an older schema lacks columns the reads name: say how to migrate it."""
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except duckdb.Error:
        return  # not a store sitrep made (the caller's first query says so) or a Parquet view
    if row and int(row[0]) < SCHEMA_VERSION:
        con.close()
        raise UserError(
            f"the store {path} has schema {row[0]}, older than this sitrep's ({SCHEMA_VERSION}): "
            "run a command that writes to it once (sitrep ingest, sitrep recode) to migrate it"
        )


def migrate(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row and int(row[0]) > SCHEMA_VERSION:
        raise UserError(f"the store has schema {row[0]}, newer than this sitrep ({SCHEMA_VERSION})")
    for stmt in ddl():
        con.execute(stmt)
    _add_columns(con)
    if row and int(row[0]) < 3:
        _dates_v3(con)
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])


def _add_columns(con: duckdb.DuckDBPyConnection) -> None:
    """A store made by an older schema gains the columns added since, empty (schema 2: events.salience)."""
    for table in TABLES:
        sql = "SELECT column_name FROM duckdb_columns() WHERE table_name = ?"
        have = {r[0] for r in con.execute(sql, [table]).fetchall()}
        for name, kind in column_types(table):
            if name not in have:
                con.execute(f'ALTER TABLE {table} ADD COLUMN "{name}" {kind}')


def _fill(con: duckdb.DuckDBPyConnection, table: str, key: str, values: dict[str, tuple[Any, ...]],
          names: tuple[str, ...]) -> None:  # fmt: skip
    """Set ``names`` of the rows whose ``key`` is in ``values`` (one scan of a DataFrame)."""
    import pandas as pd

    if not values:
        return
    frame = pd.DataFrame([(k, *v) for k, v in values.items()], columns=["k", *names], dtype=object)
    con.register("_sitrep_fill", frame)
    try:
        sets = ", ".join(f"{n} = CAST(f.{n} AS DATE)" for n in names)
        con.execute(f"UPDATE {table} SET {sets} FROM _sitrep_fill f WHERE {table}.{key} = f.k")
    finally:
        con.unregister("_sitrep_fill")


def _dates_v3(con: duckdb.DuckDBPyConnection) -> None:
    """Schemas 1 and 2 kept dates as text only: fill the DATE columns with the one date model (a
    published_at it cannot read, written by an older sitrep, gets no day); incidents' ranges become DATEs."""
    for side in ("date_from", "date_to"):
        con.execute(
            f"ALTER TABLE incidents ALTER {side} TYPE DATE USING TRY_CAST(left({side}::VARCHAR, 10) AS DATE)"
        )
    days = {
        aid: (rowmap.published_day(published_at),)
        for aid, published_at in con.execute("SELECT id, published_at FROM articles").fetchall()
    }
    _fill(con, "articles", "id", days, ("published_date",))
    ranges = {
        eid: rowmap.date_range(value) for eid, value in con.execute("SELECT id, date FROM events").fetchall()
    }
    _fill(con, "events", "id", ranges, ("date_from", "date_to"))


@contextlib.contextmanager
def writer_lock(path: str | os.PathLike[str], wait: float = 30.0) -> Iterator[None]:
    """Hold the store's writer lock for a batch; a second writer waits ``wait`` seconds, then fails clearly."""
    lock_path = f"{path}.lock"
    fd = os.open(lock_path, os.O_CREAT | os.O_RDWR, 0o644)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise StoreLocked(
                        f"another sitrep process is writing to {path}; try again when it is done"
                    ) from None
                time.sleep(0.2)
        yield
    finally:
        os.close(fd)


def known_articles(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Article id → pipeline version of what the store holds: what need not be processed again."""
    return dict(con.execute("SELECT id, pipeline_version FROM articles").fetchall())


def _insert(
    con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[dict[str, Any]], replace: bool = False
) -> None:
    """Insert rows as one scan of a DataFrame: ``executemany`` costs a statement per row, which made
    writing a third of an ingest's time. Object columns keep None as NULL (no NaN for missing numbers)."""
    if not rows:
        return
    import pandas as pd

    cols = columns(table)
    names = ", ".join(f'"{c}"' for c in cols)
    frame = pd.DataFrame([[r.get(c) for c in cols] for r in rows], columns=cols, dtype=object)
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    con.register("_sitrep_rows", frame)
    try:
        con.execute(f"{verb} INTO {table} ({names}) SELECT {names} FROM _sitrep_rows")
    finally:
        con.unregister("_sitrep_rows")


_IN_TRANSACTION: set[int] = set()  # ids of connections inside ``transaction`` (DuckDB cannot tell)


@contextlib.contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """One transaction, or a part of the caller's: a chunk's write and its linking commit together, so a
    kill between them leaves neither. DuckDB has no nested transactions (a second BEGIN aborts the
    first), so an inner block joins the outer one."""
    if id(con) in _IN_TRANSACTION:
        yield
        return
    con.execute("BEGIN TRANSACTION")
    _IN_TRANSACTION.add(id(con))
    try:
        try:
            yield
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")  # a failed commit has ended the transaction: nothing to roll back
    except duckdb.IOException as exc:  # a full disk or a vanished file, while writing or committing
        raise StoreWriteFailed(_unwritten(path_of(con), exc)) from exc
    except duckdb.TransactionException as exc:
        if "commit" not in str(exc).lower():
            raise
        raise StoreWriteFailed(_unwritten(path_of(con), exc)) from exc
    finally:
        _IN_TRANSACTION.discard(id(con))


def path_of(con: duckdb.DuckDBPyConnection) -> str:
    row = con.execute(
        "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchone()
    return str(row[0]) if row and row[0] else "the store"


def _unwritten(path: str, exc: Exception) -> str:
    reason = str(exc).splitlines()[0].split(": ", 1)[-1][:200]
    return f"{path} could not be written ({reason}); this chunk was not stored, what was stored before stays: free space and run again to resume"


def write(con: duckdb.DuckDBPyConnection, articles: Iterable[Article], rejects: Iterable[Reject] = (),
          ingested_at: str = "", replaced: Iterable[str] = ()) -> int:  # fmt: skip
    """Write a chunk in one transaction (or the caller's): an article's old rows are replaced, never doubled, and the rows of
    the ``replaced`` article ids go (a recoded article whose cleaned text, hence id, changed).

    Callers go through ``sitrep.batch.save``, which also links what was written."""
    batch: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    ids = list(replaced)
    written = 0
    for article in articles:
        ids.append(article.id)
        written += 1
        for table, rows in rowmap.article_rows(article, ingested_at).items():
            batch[table].extend(rows)
    reject_rows = [rowmap.reject_row(r) for r in rejects]
    with transaction(con):
        forget(con, PER_ARTICLE, ids)
        forget(con, ("articles",), ids, key="id")
        for r in reject_rows:
            con.execute("DELETE FROM rejects WHERE raw_ref = ? AND reason = ?", [r["raw_ref"], r["reason"]])
        _insert(con, "rejects", reject_rows)
        _insert(con, "articles", batch["articles"])
        for table in PER_ARTICLE:
            _insert(con, table, batch[table])
        _insert(con, "actors", _unique(batch["actors"]), replace=True)
        _insert(con, "places", _unique(batch["places"]), replace=True)
    return written


def forget(con: duckdb.DuckDBPyConnection, tables: Iterable[str], article_ids: Sequence[str],
           key: str = "article_id") -> None:  # fmt: skip
    """Delete the rows of these articles from these tables: the one delete the store and linking's own
    tables (``linking.tables.forget``) share."""
    if not article_ids:
        return
    marks = ", ".join("?" for _ in article_ids)
    for table in tables:
        con.execute(f"DELETE FROM {table} WHERE {key} IN ({marks})", list(article_ids))


def _unique(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return list({r["id"]: r for r in rows}.values())


def query(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    cur = con.execute(sql, list(params))
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
