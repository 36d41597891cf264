"""Ingest what is new under paths, globs or feed URLs, now and then every --every (15m, 30s, 2h).

Feeds are fetched conditionally (the store keeps each feed's ETag and Last-Modified); a feed that cannot
be fetched or parsed is a reject row and a warning, the other targets go on, and it is retried after a
growing number of rounds. ``--once`` exits 1 when any target failed.
"""

from __future__ import annotations

import glob
import json
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sitrep.cli.ingest import Db, FollowSymlinks, Outlet, Published, Quiet, Workers, report, run
from sitrep.errors import StoreLocked, StoreWriteFailed, UserError
from sitrep.store import DEFAULT_DB

if TYPE_CHECKING:
    from sitrep.records import Article, Reject

NAME = "watch"
_EVERY = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd]?)")
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
_URL = ("http://", "https://")


def seconds(every: str) -> float:
    match = _EVERY.fullmatch(every.strip().lower())
    if not match or float(match.group(1)) <= 0:
        raise UserError(f"--every must look like 30s, 15m, 2h or 1d, not {every!r}")
    return float(match.group(1)) * _UNIT[match.group(2)]


def _state_file(db: str) -> Path:
    return Path(f"{db}.watch.json")


def changed(paths: list[str], seen: dict[str, list[int]], follow_symlinks: bool = False) -> list[str]:
    """Files not seen before, or changed since (size or mtime); ``seen`` is updated in place.

    Articles are idempotent by content id anyway: this only spares re-reading unchanged files.
    """
    from sitrep.readers import files

    new = []
    for path in files(paths, follow_symlinks):
        try:
            info = path.stat()
        except OSError:
            continue
        mark = [info.st_size, info.st_mtime_ns]
        if seen.get(str(path)) != mark:
            seen[str(path)] = mark
            new.append(str(path))
    return new


def _warn(item: Article | Reject) -> None:
    from sitrep.records import Reject

    if isinstance(item, Reject):
        typer.echo(f"sitrep: warning: {item.source}: {item.reason}", err=True)


def look_feed(url: str, db: str, published: str | None, outlet: str | None, workers: int) -> bool:
    from sitrep import watch

    found = watch.look(url, db, published, outlet, workers=workers, on_item=_warn)
    if found.failure:
        typer.echo(f"sitrep: error: {url}: {found.failure}", err=True)
    elif found.summary is None:
        typer.echo(f"nothing new in {url} (not modified)")
    else:
        typer.echo(
            f"{url}: {found.summary.written} articles stored, {found.summary.rejected} rejected in {db}"
        )
    return found.failure is None


def look_files(target: str, db: str, published: str | None, outlet: str | None, workers: int, quiet: bool,
               follow_symlinks: bool) -> bool:  # fmt: skip
    state = _state_file(db)
    seen: dict[str, list[int]] = json.loads(state.read_text()) if state.exists() else {}
    todo = changed([target], seen, follow_symlinks)
    if not todo:
        typer.echo(f"nothing new in {target}")
        return True
    summary = run(todo, db, published, outlet, workers, quiet, follow_symlinks=follow_symlinks)
    state.write_text(json.dumps(seen))
    try:
        report(summary, db)
    except typer.Exit:
        return False
    return True


def command(
    targets: Annotated[list[str], typer.Argument(help="Files, folders, globs, or RSS/Atom feed URLs.")],
    every: Annotated[str, typer.Option(help="How often to look: 30s, 15m, 2h, 1d (±10 %).")] = "15m",
    run_once: Annotated[
        bool, typer.Option("--once", help="Look once and exit (1 if any target failed).")
    ] = False,
    published: Published = None,
    outlet: Outlet = None,
    db: Db = DEFAULT_DB,
    workers: Workers = 0,
    quiet: Quiet = False,
    follow_symlinks: FollowSymlinks = False,
) -> None:
    pause = seconds(every)
    for target in targets:
        if not target.startswith(_URL) and not next(iter(glob.glob(target)), None):
            raise UserError(f"no such file, folder or feed URL: {target}")
    from sitrep import watch

    backoff = watch.Backoff()
    while True:
        ok = True
        for target in targets:
            if not backoff.due(target):
                continue
            try:
                if target.startswith(_URL):
                    done = look_feed(target, db, published, outlet, workers)
                else:
                    done = look_files(target, db, published, outlet, workers, quiet, follow_symlinks)
            except (StoreLocked, StoreWriteFailed) as exc:
                if run_once:
                    raise
                typer.echo(
                    f"sitrep: warning: {target}: {exc}", err=True
                )  # a long watch outlasts a busy store
                done = False
            backoff.record(target, done)
            ok = ok and done
        if run_once:
            if not ok:
                raise typer.Exit(1)
            return
        time.sleep(watch.jittered(pause))
