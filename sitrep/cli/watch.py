"""Ingest what is new under a path, a glob or a feed URL, now and then every --every (15m, 30s, 2h)."""

from __future__ import annotations

import contextlib
import glob
import json
import re
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Annotated

import typer

from sitrep.cli.ingest import Db, Outlet, Published, Quiet, Workers, report, run
from sitrep.errors import UserError
from sitrep.readers.base import MAX_BYTES
from sitrep.stages.ingest import files
from sitrep.store.db import DEFAULT_DB

NAME = "watch"
_EVERY = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd]?)")
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def seconds(every: str) -> float:
    match = _EVERY.fullmatch(every.strip().lower())
    if not match or float(match.group(1)) <= 0:
        raise UserError(f"--every must look like 30s, 15m, 2h or 1d, not {every!r}")
    return float(match.group(1)) * _UNIT[match.group(2)]


def _state_file(db: str) -> Path:
    return Path(f"{db}.watch.json")


def changed(paths: list[str], seen: dict[str, list[int]]) -> list[str]:
    """Files not seen before, or changed since (size or mtime); ``seen`` is updated in place.

    Articles are idempotent by content id anyway: this only spares re-reading unchanged files.
    """
    new = []
    for path in files(paths):
        try:
            info = path.stat()
        except OSError:
            continue
        mark = [info.st_size, info.st_mtime_ns]
        if seen.get(str(path)) != mark:
            seen[str(path)] = mark
            new.append(str(path))
    return new


def fetch(url: str, folder: Path) -> str:
    """A feed URL saved to a local file (size-capped) so the feed reader handles it like any other."""
    target = folder / "feed.xml"
    try:
        with urllib.request.urlopen(url, timeout=60) as resp:
            target.write_bytes(resp.read(MAX_BYTES))
    except OSError as exc:
        typer.echo(f"sitrep: warning: {url}: {exc}", err=True)
        return ""
    return str(target)


def once(target: str, db: str, published: str | None, outlet: str | None, workers: int, quiet: bool) -> None:
    state = _state_file(db)
    seen: dict[str, list[int]] = json.loads(state.read_text()) if state.exists() else {}
    with tempfile.TemporaryDirectory() as tmp:
        if target.startswith(("http://", "https://")):
            todo = [p for p in [fetch(target, Path(tmp))] if p]
        else:
            todo = changed([target], seen)
        if not todo:
            typer.echo(f"nothing new in {target}")
            return
        summary = run(todo, db, published, outlet, workers, quiet)
    state.write_text(json.dumps(seen))
    report(summary, db)


def command(
    target: Annotated[str, typer.Argument(help="A file, folder, glob, or an RSS/Atom feed URL.")],
    every: Annotated[str, typer.Option(help="How often to look: 30s, 15m, 2h, 1d.")] = "15m",
    run_once: Annotated[bool, typer.Option("--once", help="Look once and exit.")] = False,
    published: Published = None,
    outlet: Outlet = None,
    db: Db = DEFAULT_DB,
    workers: Workers = 0,
    quiet: Quiet = False,
) -> None:
    pause = seconds(every)
    if not target.startswith(("http://", "https://", "-")) and not next(iter(glob.glob(target)), None):
        raise UserError(f"no such file or folder: {target}")
    while True:
        with contextlib.suppress(typer.Exit):  # a round with nothing readable does not end the watch
            once(target, db, published, outlet, workers, quiet)
        if run_once:
            return
        time.sleep(pause)
