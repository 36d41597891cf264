"""Read access to a store for the web app: one class, two backends (a DuckDB file or Spark's Parquet).

Both backends hand out a DuckDB connection on which the tables of ``sitrep.store.schema`` exist by name,
so every query in ``sitrep.store.pages`` and ``sitrep.store.lookups`` runs unchanged on either.

A DuckDB file is written by ``sitrep ingest`` in chunks, each under DuckDB's exclusive file lock; a
reader that held the file open would block the writer. So the read-only connection is kept only while
no writer wants the file: a watcher closes it within ``WATCH_EVERY`` seconds of a writer taking sitrep's
writer lock (or after ``IDLE_CLOSE`` idle seconds), and while a writer holds that lock each request opens
the file itself and closes it after, retrying while a chunk is being written. The store's *generation*
(the files' sizes and modification times) tells the page when what it shows is stale.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

import duckdb

from sitrep.errors import UserError
from sitrep.store import db
from sitrep.store.schema import TABLES, as_stored, ddl

READ_WAIT = 15.0  # seconds a request waits for a chunk commit (write + linking) before answering 503
WATCH_EVERY = 0.25  # seconds between checks for a waiting writer
IDLE_CLOSE = 2.0  # seconds without a request after which the file is let go


@dataclass(frozen=True)
class StoreState:
    """What the page polls: a change of ``generation`` means the data it shows is stale."""

    backend: Literal["duckdb", "parquet"]
    generation: str
    modified_at: str | None
    writing: bool


class _SharedExclusive:
    """Many readers or one writer within this process (DuckDB refuses a read-write open of a file
    that this same process holds read-only)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writer = False

    @contextlib.contextmanager
    def shared(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writer)
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writer and self._readers == 0)
            self._writer = True
        try:
            yield
        finally:
            with self._cond:
                self._writer = False
                self._cond.notify_all()


class Store:
    """A store the API reads: ``Store.from_duckdb(path)`` or ``Store.from_parquet(folder)``."""

    def __init__(self, backend: Literal["duckdb", "parquet"], path: Path) -> None:
        self.backend = backend
        self.path = path
        self._lock = _SharedExclusive()
        self._memory: duckdb.DuckDBPyConnection | None = None
        self._mutex = threading.Lock()
        self._cached: duckdb.DuckDBPyConnection | None = None
        self._last_used = 0.0

    @classmethod
    def from_duckdb(cls, path: str | os.PathLike[str], create: bool = False) -> Store:
        path = Path(path)
        if not path.exists():
            if not create:
                raise UserError(f"no store at {path}: run 'sitrep ingest' first")
            with db.writer_lock(path):
                db.connect(path).close()
        elif not _writer_active(path):  # a store being written is checked by its first request instead
            con = db.connect(path, read_only=True, wait=READ_WAIT)
            try:
                missing = set(TABLES) - {r[0] for r in con.execute("SHOW TABLES").fetchall()}
            finally:
                con.close()
            if missing:
                raise UserError(f"{path} is not a sitrep store (no {', '.join(sorted(missing))})")
        return cls("duckdb", path)

    @classmethod
    def from_parquet(cls, folder: str | os.PathLike[str]) -> Store:
        path = Path(folder)
        if not path.is_dir():
            raise UserError(f"no Parquet folder at {path}")
        store = cls("parquet", path)
        store._memory = _parquet_views(path)
        return store

    @property
    def writable(self) -> bool:
        return self.backend == "duckdb"

    @contextlib.contextmanager
    def read(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection for one request, closed after it."""
        if self._memory is not None:
            cursor = self._memory.cursor()
            try:
                yield cursor
            finally:
                cursor.close()
            return
        with self._lock.shared():
            root = self._root()
            con = root.cursor() if root is not None else db.connect(self.path, read_only=True, wait=READ_WAIT)
            try:
                yield con
            finally:
                con.close()

    def _root(self) -> duckdb.DuckDBPyConnection | None:
        """The kept read-only connection; None while a writer holds the lock (open per request then)."""
        with self._mutex:
            if self._cached is None and not _writer_active(self.path):
                self._cached = db.connect(self.path, read_only=True, wait=READ_WAIT)
                threading.Thread(target=self._watch, name="sitrep-store-watch", daemon=True).start()
            self._last_used = time.monotonic()
            return self._cached

    def _watch(self) -> None:
        """Let the file go when a writer waits or nobody reads; ends with the connection it watches."""
        while True:
            time.sleep(WATCH_EVERY)
            if time.monotonic() - self._last_used > IDLE_CLOSE or _writer_active(self.path):
                with self._lock.exclusive():
                    self._close_cached()
                return

    def _close_cached(self) -> None:
        """Only under the exclusive lock: no request is using the connection."""
        with self._mutex:
            if self._cached is not None:
                self._cached.close()
                self._cached = None

    @contextlib.contextmanager
    def write(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A read-write connection under sitrep's writer lock, with this process's readers held off."""
        if not self.writable:
            raise UserError("a Parquet store is read-only")
        with self._lock.exclusive(), db.writer_lock(self.path):
            self._close_cached()
            con = db.connect(self.path)
            try:
                yield con
            finally:
                con.close()

    def state(self) -> StoreState:
        files = _files(self.path) if self.backend == "parquet" else _duckdb_files(self.path)
        stats = [f.stat() for f in files if f.exists()]
        newest = max((s.st_mtime for s in stats), default=None)
        generation = (
            f"{len(stats)}-{sum(s.st_size for s in stats)}-{max((s.st_mtime_ns for s in stats), default=0)}"
        )
        return StoreState(
            backend=self.backend,
            generation=generation,
            modified_at=datetime.fromtimestamp(newest, UTC).isoformat(timespec="seconds") if newest else None,
            writing=self.backend == "duckdb" and _writer_active(self.path),
        )


def _duckdb_files(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + ".wal")]


def _writer_active(path: Path) -> bool:
    """Whether a ``sitrep ingest`` holds the writer lock now (without taking it from anyone)."""
    lock = f"{path}.lock"
    if not os.path.exists(lock):
        return False
    fd = os.open(lock, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # closing releases the shared lock if it was taken
    return False


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*.parquet") if p.is_file()]


def _table_source(folder: Path, table: str) -> str | None:
    """Spark writes ``OUTPUT/<table>/`` (maybe partitioned ``key=value/``); an export writes
    ``OUTPUT/<table>.parquet``."""
    sub = folder / table
    if sub.is_dir() and any(sub.rglob("*.parquet")):
        return f"{sub.as_posix()}/**/*.parquet"
    single = folder / f"{table}.parquet"
    return single.as_posix() if single.is_file() else None


def _parquet_views(folder: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB whose tables are views over the Parquet files; a table with no files is an
    empty table of the schema, so every query still runs."""
    con = duckdb.connect(":memory:")
    found = 0
    for table, stmt in zip(TABLES, ddl(), strict=True):
        source = _table_source(folder, table)
        if source is None:
            con.execute(stmt)
            continue
        found += 1
        quoted = source.replace("'", "''")
        scan = (
            f"read_parquet('{quoted}', hive_partitioning = true, hive_types_autocast = false, "
            "union_by_name = true)"
        )
        described = [(r[0], r[1]) for r in con.execute(f"DESCRIBE SELECT * FROM {scan}").fetchall()]
        con.execute(f"CREATE VIEW {table} AS SELECT *{as_stored(described)} FROM {scan}")
    if not found:
        raise UserError(f"no Parquet tables ({', '.join(TABLES)}) under {folder}")
    return con
