"""Which files a batch may open: only what it was handed.

A folder is walked without leaving it: a symlink whose target lies outside the folder (``shadow.txt ->
/etc/shadow``), a symlink given as the path itself (``ingest etc-link``) and anything that is not a
regular file (a FIFO would block ``open`` forever, a device would stream without end) is refused with a
``Reject`` before anything opens it. ``follow_symlinks`` lets links lead anywhere except the kernel's
pseudo-filesystems, whose files lie about their size and can block or never end.
"""

from __future__ import annotations

import glob
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from sitrep.readers.base import reject
from sitrep.records import Reject

STDIN = "-"
PSEUDO = (Path("/proc"), Path("/sys"), Path("/dev"))
OUTSIDE = "symlink leads outside the folder it was found in (refused; --follow-symlinks allows it)"
PSEUDO_REFUSED = "kernel pseudo-files (/proc, /sys, /dev) are never read"
LINK = "the path is a symlink (refused; --follow-symlinks allows it)"


def _meta_file(path: Path) -> bool:
    """Hidden files and a folder's README / LICENSE / NOTICE describe the corpus; they are not articles."""
    return path.name.startswith(".") or path.stem.upper() in ("README", "LICENSE", "NOTICE", "COPYING")


def _pseudo(real: Path) -> bool:
    return any(real == p or p in real.parents for p in PSEUDO)


def _refusal(path: Path, root: Path | None, follow: bool) -> str | None:
    """Why ``path`` may not be opened (None: it may). ``root`` is the resolved folder it was found in."""
    real = path.resolve()
    if _pseudo(real):
        return PSEUDO_REFUSED
    if path.is_symlink() and not follow:
        if root is None:
            return LINK
        if root != real and root not in real.parents:
            return OUTSIDE
    try:
        mode = path.stat().st_mode
    except OSError:
        return None  # a dangling link or a vanished file: the reader says so for this item
    if stat.S_ISDIR(mode):
        return "a symlinked folder is not entered (refused; --follow-symlinks allows it)"
    if not stat.S_ISREG(mode):
        return "not a regular file (FIFO, socket or device): refused"
    return None


def _walk(folder: Path, follow: bool) -> Iterator[Path]:
    """Every entry under ``folder``, sorted; linked folders are entered only when ``follow`` (once each)."""
    seen: set[Path] = set()
    stack = [folder]
    found: list[Path] = []
    while stack:
        current = stack.pop()
        real = current.resolve()
        if real in seen:
            continue
        seen.add(real)
        try:
            children = list(current.iterdir())
        except OSError:
            continue
        for child in children:
            if child.is_dir() and (not child.is_symlink() or (follow and not _pseudo(child.resolve()))):
                stack.append(child)
            else:
                found.append(child)  # files, and the linked folders not entered: refused by name
    yield from sorted(p for p in found if not _meta_file(p))


def entries(names: Iterable[str], follow_symlinks: bool = False) -> Iterator[Path | Reject]:
    """Files named by paths, folders (recursively, sorted) and globs, or a Reject for each one refused.

    A folder's links that stay inside it are read; a link to a folder is entered only with
    ``follow_symlinks``, and its contents obey the same rules.
    """
    for name in names:
        if name == STDIN:
            yield Path(STDIN)
            continue
        matches = sorted(glob.glob(name, recursive=True)) if glob.has_magic(name) else [name]
        for match in matches:
            path = Path(match)
            if path.is_symlink() and not follow_symlinks:
                yield reject(path, LINK)
            elif path.is_dir() and _pseudo(path.resolve()):
                yield reject(path, PSEUDO_REFUSED)
            elif path.is_dir():
                root = path.resolve()
                for child in _walk(path, follow_symlinks):
                    why = _refusal(child, root, follow_symlinks)
                    yield reject(child, why) if why else child
            else:
                why = _refusal(path, path.resolve(), follow_symlinks)
                yield reject(path, why) if why else path


def files(names: Iterable[str], follow_symlinks: bool = False) -> Iterator[Path]:
    """The files ``entries`` would open, without the refusals."""
    return (p for p in entries(names, follow_symlinks) if isinstance(p, Path))
