"""A batch ingest into the store: read, run the line, commit in chunks.

The chunk is the unit of everything: the parent reads ``chunk`` inputs, the line runs over them (here or
in a worker process), and their rows are written in one transaction. Articles already stored with the
same pipeline version are skipped (ids are content hashes), and rejects are replaced by (ref, reason), so
a batch killed at any moment and run again ends with exactly the rows of an uninterrupted run.

With ``workers=0`` the line runs in the writing process. With ``workers=N`` it runs in N spawned
processes that each load the model once, while the parent only reads, writes and links: the parent's store
and linking work overlaps the parsing, and neither process holds both the model and the store, which keeps
each under the memory bar (docs/benchmarks.md).
"""

from __future__ import annotations

import dataclasses
import itertools
import multiprocessing
import os
import select
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sitrep import readers
from sitrep.context import CHUNK, Context, default_context, now
from sitrep.errors import InputError, SitrepError, UserError
from sitrep.pipeline import pipeline_version, process_sources, run_guarded
from sitrep.readers import schema
from sitrep.records import Article, Reject, Source
from sitrep.store import DEFAULT_DB, db
from sitrep.store import articles as stored
from sitrep.timex import published

if TYPE_CHECKING:
    import duckdb

Item = Source | Reject
Result = Article | Reject


@dataclass
class Summary:
    written: int = 0
    rejected: int = 0
    not_english: int = 0
    reasons: list[str] = field(default_factory=list)
    read: int = 0  # input items seen (articles, rows, entries, records; rejects included)
    sources: int = 0  # input items that could be read


def ingest(
    paths: Iterable[str],
    store: str | os.PathLike[str] = DEFAULT_DB,
    published: str | None = None,
    outlet: str | None = None,
    ctx: Context | None = None,
    on_item: Callable[[Article | Reject], None] | None = None,
    chunk: int = CHUNK,
    workers: int = 0,
    on_progress: Callable[[int], None] | None = None,
    wait: float = 30.0,
    follow_symlinks: bool = False,
) -> Summary:
    sources = readers.read(paths, published=published, publisher=outlet, follow_symlinks=follow_symlinks)
    return ingest_sources(sources, store, ctx, on_item, chunk, workers, on_progress, wait)


def ingest_sources(
    sources: Iterable[Source | Reject],
    store: str | os.PathLike[str] = DEFAULT_DB,
    ctx: Context | None = None,
    on_item: Callable[[Article | Reject], None] | None = None,
    chunk: int = CHUNK,
    workers: int = 0,
    on_progress: Callable[[int], None] | None = None,
    wait: float = 30.0,
) -> Summary:
    """Run the line over the sources and store the results; ``on_progress(n)`` after each chunk of n inputs.

    Another writer on the same store makes this one wait up to ``wait`` seconds, then raise StoreLocked.
    """
    ctx = ctx or default_context()
    summary = Summary()
    db.check_path(store)
    with db.writer_lock(store, wait=wait):
        con = db.connect(store)
        known = db.known_articles(con)
        con.close()
        chunks = _chunks(sources, chunk, summary)
        results = _in_workers(chunks, ctx, known, workers) if workers > 0 else _here(chunks, ctx, known)
        for inputs, outputs in results:
            articles, rejects = _tally(outputs, known, summary, on_item)
            summary.written += _commit(store, articles, rejects)
            if on_progress:
                on_progress(inputs)
    return summary


SOURCE_KEYS = ("text", "url", "title", "published", "publisher", "content_type")


def pipe(
    items: Iterable[str | Mapping[str, Any]],
    n_process: int = 1,
    batch_size: int = CHUNK,
    ctx: Context | None = None,
) -> Iterator[Article]:
    """The line over many texts, in the shape of spaCy's ``nlp.pipe``: one Article per input, in order.

    An input is a text or a dict with ``text`` and any of url, title, published (ISO), publisher,
    content_type ("html" for markup). Inputs go through the line ``batch_size`` at a time; with
    ``n_process`` > 1 in that many worker processes that each load the model once. Nothing is stored.
    An input that cannot become an article (no text, an unknown key) raises InputError naming it.
    """
    if n_process < 1 or batch_size < 1:
        raise UserError("n_process and batch_size must be at least 1")
    ctx = ctx or default_context()
    sources: Iterator[Item] = (_source(i, item) for i, item in enumerate(items))
    chunks: Iterator[list[Item]] = iter(lambda: list(itertools.islice(sources, batch_size)), [])
    results = _in_workers(chunks, ctx, {}, n_process) if n_process > 1 else _here(chunks, ctx, {})
    for _, outputs in results:
        for out in outputs:
            if isinstance(out, Reject):
                raise InputError(f"{out.source}: {out.reason}")
            yield out


def _source(i: int, item: str | Mapping[str, Any]) -> Source:
    ref = f"<item {i}>"
    if isinstance(item, str):
        return Source(ref=ref, text=item)
    if not isinstance(item, Mapping) or not isinstance(item.get("text"), str):
        raise InputError(f"{ref}: a text or a dict with a 'text' string, not {type(item).__name__}")
    unknown = set(item) - set(SOURCE_KEYS)
    if unknown:
        raise InputError(f"{ref}: unknown keys {sorted(unknown)}; keys: {', '.join(SOURCE_KEYS)}")
    given = {"outlet" if k == "publisher" else k: v for k, v in item.items() if k != "content_type"}
    try:
        source = schema.validate(schema.ArticleInput, given).source(ref)
    except InputError as exc:
        raise InputError(f"{ref}: {exc}") from None
    return dataclasses.replace(source, content_type=item.get("content_type", "text"))


def _chunks(sources: Iterable[Item], size: int, summary: Summary) -> Iterator[list[Item]]:
    it = iter(sources)
    while batch := list(itertools.islice(it, size)):
        summary.read += len(batch)
        summary.sources += sum(isinstance(s, Source) for s in batch)
        yield batch


def _here(
    chunks: Iterable[list[Item]], ctx: Context, known: Mapping[str, str]
) -> Iterator[tuple[int, list[Result]]]:
    for batch in chunks:
        yield len(batch), run_chunk(batch, ctx, known)


def run_chunk(batch: list[Item], ctx: Context, known: Mapping[str, str]) -> list[Result]:
    """The line over one chunk, an article that breaks a stage becoming a reject (pipeline.run_guarded)."""
    return run_guarded(batch, lambda group: process_sources(group, ctx, known=known), ctx.clock)


def _tally(outputs: list[Result], known: dict[str, str], summary: Summary,
           on_item: Callable[[Result], None] | None) -> tuple[list[Article], list[Reject]]:  # fmt: skip
    """Split a chunk's results; an article a worker made twice in this run (same text) is kept once."""
    articles: list[Article] = []
    rejects: list[Reject] = []
    for item in outputs:
        if isinstance(item, Reject):
            rejects.append(item)
            summary.rejected += 1
            summary.reasons.append(f"{item.source}: {item.reason}")
        elif known.get(item.id) == item.pipeline_version:
            continue
        else:
            articles.append(item)
            known[item.id] = item.pipeline_version
            summary.not_english += item.language != "en"
        if on_item:
            on_item(item)
    return articles, rejects


def save(con: duckdb.DuckDBPyConnection, articles: Sequence[Article], rejects: Sequence[Reject] = (),
         replaced: Sequence[str] = ()) -> int:  # fmt: skip
    """The one way articles reach the store (ingest, recode, ``POST /api/articles``): the rows of
    ``replaced`` ids are unlinked and deleted, each article's old rows replaced, then everything written is
    linked (reposts, stories, incidents), so no event loses its incident and no incident is left without
    its events. Write and links are one transaction: after a kill the chunk is stored and linked, or
    absent (a kill between them once left it unlinked, to be linked later with another chunk, and a resumed
    run grouped incidents differently).

    Linking is imported here, in the writer only: its libraries (pandas, SciPy, datasketch) would add
    ~80 MB to every line process that imports this module for ``_work``.
    """
    from sitrep.linking import link, unlink

    with db.transaction(con):  # a kill between the write and the links would leave articles unlinked
        unlink(con, replaced)
        written = db.write(con, articles, rejects, ingested_at=now(), replaced=replaced)
        link(con, [a.id for a in articles])
    return written


def _commit(store: str | os.PathLike[str], articles: list[Article], rejects: list[Reject]) -> int:
    """One chunk, one transaction: after a kill, either all of its rows are stored or none."""
    con = db.connect(store)
    try:
        return save(con, articles, rejects)
    finally:
        con.close()


# --- recode ----------------------------------------------------------------------------------------


@dataclass
class Recoded:
    checked: int = 0
    recoded: int = 0
    events: int = 0


def recode(store: str | os.PathLike[str], ctx: Context | None = None, everything: bool = False) -> Recoded:
    """Re-run the line over the store's stale articles after the lexicon (or any stage's data) changed.

    The store keeps each article's cleaned text but not its parse, and the event stage reads the parse and
    every earlier stage's facts; so recoding re-runs the whole line from the stored text (with the stored
    URL, title, publisher and publication date) and saves the articles again under the new pipeline
    version. Articles already at the current version are skipped unless ``everything`` is asked for. An
    article whose cleaned text now hashes differently replaces its old id.
    """
    ctx = ctx or default_context()
    summary = Recoded()
    with db.writer_lock(store):
        con = db.connect(store)
        try:
            rows = stored.stale(con, None if everything else pipeline_version())
            summary.checked = len(rows)
            for i in range(0, len(rows), CHUNK):
                chunk = rows[i : i + CHUNK]
                done = [a for a in process_sources(_stored_sources(chunk), ctx) if isinstance(a, Article)]
                kept = {a.id for a in done}
                save(con, done, replaced=[str(r["id"]) for r in chunk if r["id"] not in kept])
                summary.recoded += len(done)
                summary.events += sum(len(a.events) for a in done)
        finally:
            con.close()
    return summary


def _stored_sources(rows: list[dict[str, Any]]) -> Iterator[Source]:
    """The stored articles as Sources again; a publication date an older sitrep stored unread ("19 Nove")
    is dropped rather than making the article a reject (and so deleting it)."""
    for r in rows:
        when = published.lenient(r["published_at"])
        yield Source(ref=str(r["source_ref"] or r["id"]), text=str(r["text"]), url=r["url"] or None,
                     title=r["title"] or None, published=when.value if when else None,
                     publisher=r["publisher"] or None)  # fmt: skip


# --- worker processes -------------------------------------------------------------------------------

_worker_ctx: Context | None = None
_worker_known: Mapping[str, str] = {}


def _init_worker(settings: dict[str, Any], known: Mapping[str, str], writer: int) -> None:
    """Runs once per worker: one context, so the model and the data are loaded once per process."""
    global _worker_ctx, _worker_known
    die_with(writer)
    _worker_ctx = Context(**settings)
    _worker_known = known


def die_with(pid: int) -> None:
    """End this process when process ``pid`` ends, however it ends (kill -9 included).

    A pool's workers never notice their writer's death by themselves: each holds both ends of the task
    queue's pipe, so no read ever sees EOF, and the forkserver that forked them waits for them. A daemon
    thread waits on a pidfd of the writer (no polling, no pid reuse), or polls where there is none.
    """

    def watch() -> None:
        try:
            fd = os.pidfd_open(pid)
        except ProcessLookupError:
            os._exit(1)
        except (AttributeError, OSError):  # not Linux >= 5.3: look every second
            while _running(pid):
                time.sleep(1.0)
            os._exit(1)
        select.select([fd], [], [])
        os._exit(1)

    threading.Thread(target=watch, name="sitrep-die-with-writer", daemon=True).start()


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _settings(ctx: Context) -> dict[str, Any]:
    """The caller's context minus what it has loaded: each worker loads its own."""
    return {f.name: getattr(ctx, f.name) for f in dataclasses.fields(ctx) if not f.name.startswith("_")}


def _work(batch: list[Item]) -> list[Result]:
    assert _worker_ctx is not None
    return run_chunk(batch, _worker_ctx, _worker_known)


def _in_workers(chunks: Iterable[list[Item]], ctx: Context, known: Mapping[str, str],
                workers: int) -> Iterator[tuple[int, list[Result]]]:  # fmt: skip
    """Chunks in worker processes, results in input order, at most two chunks per worker in flight."""
    mp = multiprocessing.get_context(
        "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    )
    pool = ProcessPoolExecutor(workers, mp_context=mp, initializer=_init_worker,
                               initargs=(_settings(ctx), dict(known), os.getpid()))  # fmt: skip
    try:
        pending: deque[tuple[int, Future[list[Result]]]] = deque()
        for batch in chunks:
            pending.append((len(batch), pool.submit(_work, batch)))
            if len(pending) >= 2 * workers:
                yield _result(*pending.popleft())
        while pending:
            yield _result(*pending.popleft())
    finally:  # an error, Ctrl-C or an abandoned generator: queued chunks are dropped, not parsed
        pool.shutdown(wait=True, cancel_futures=True)


def _result(n: int, future: Future[list[Result]]) -> tuple[int, list[Result]]:
    try:
        return n, future.result()
    except BrokenProcessPool:
        raise SitrepError(
            "a worker process died (out of memory?); what was committed stays: run again to resume"
        ) from None


def check_date(value: str | None) -> str | None:
    """A caller's publication date, normalised (ISO text); one that cannot be read exactly is a user
    error, not a silent guess."""
    try:
        found = published.parse_optional(value)
    except published.DateError as exc:
        raise UserError(f"--published: {exc}") from None
    return found.value if found else None
