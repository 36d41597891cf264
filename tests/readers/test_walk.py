"""A reader reads only what it was handed: links out of the folder, links given as the path, pseudo-files
and FIFOs are refused with a reason before anything opens them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitrep.readers import count, read
from sitrep.readers.walk import LINK, OUTSIDE
from sitrep.records import Reject, Source

BODY = "The minister said on Tuesday that talks would continue in Geneva next week."


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """in/good.txt, in/inner.txt -> good.txt, in/shadow.txt -> ../secret/shadow, in/etc -> ../secret."""
    secret, folder = tmp_path / "secret", tmp_path / "in"
    secret.mkdir()
    folder.mkdir()
    (secret / "shadow").write_text("root:$6$hash:19000:0:99999:7:::")
    (folder / "good.txt").write_text(BODY)
    (folder / "inner.txt").symlink_to(folder / "good.txt")
    (folder / "shadow.txt").symlink_to(secret / "shadow")
    (folder / "etc").symlink_to(secret, target_is_directory=True)
    return folder


def _outcome(items: list[Source | Reject]) -> dict[str, str]:
    return {Path(i.ref if isinstance(i, Source) else i.source).name: "read" if isinstance(i, Source)
            else i.reason for i in items}  # fmt: skip


def test_walk_symlink_out_of_folder_refused(tree: Path) -> None:
    got = _outcome(list(read([str(tree)])))
    assert got["good.txt"] == got["inner.txt"] == "read"
    assert got["shadow.txt"] == OUTSIDE
    assert got["etc"] == OUTSIDE
    assert not any("root:" in i.text for i in read([str(tree)]) if isinstance(i, Source))


def test_walk_follow_symlinks_reads_outside(tree: Path) -> None:
    got = _outcome(list(read([str(tree)], follow_symlinks=True)))
    assert got == {"good.txt": "read", "inner.txt": "read", "shadow.txt": "read", "shadow": "read"}


@pytest.mark.parametrize("follow", [False, True])
def test_walk_symlink_given_as_path(tree: Path, follow: bool) -> None:
    items = list(read([str(tree / "etc")], follow_symlinks=follow))
    if follow:
        assert [i.ref for i in items if isinstance(i, Source)] == [str(tree / "etc" / "shadow")]
    else:
        assert [(i.source, i.reason) for i in items if isinstance(i, Reject)] == [(str(tree / "etc"), LINK)]


@pytest.mark.parametrize("target", ["/proc/self/environ", "/proc/self", "/dev/zero", "/sys/kernel"])
def test_walk_pseudo_filesystems_never_even_when_following(tmp_path: Path, target: str) -> None:
    if not os.path.exists(target):
        pytest.skip(f"no {target} here")
    (tmp_path / "link").symlink_to(target)
    items = list(read([str(tmp_path)], follow_symlinks=True)) + list(read([target], follow_symlinks=True))
    assert items and all(isinstance(i, Reject) and "pseudo" in i.reason for i in items)


def test_walk_symlink_cycle_ends(tree: Path) -> None:
    (tree / "loop").symlink_to(tree, target_is_directory=True)
    got = _outcome(list(read([str(tree)], follow_symlinks=True)))
    assert got["good.txt"] == "read"


@pytest.mark.timeout(20)
@pytest.mark.parametrize("name", ["feed.csv", "rows.jsonl", "page.txt"])
def test_walk_fifo_refused_before_open(tmp_path: Path, name: str) -> None:
    os.mkfifo(tmp_path / name)  # opening it would block until a writer comes: the test would hang
    (tmp_path / "good.txt").write_text(BODY)
    assert count([str(tmp_path)]) == 1 and count([str(tmp_path / name)]) == 0
    for names in ([str(tmp_path)], [str(tmp_path / name)]):
        refused = [i for i in read(names) if isinstance(i, Reject)]
        assert [r.reason for r in refused] == ["not a regular file (FIFO, socket or device): refused"]
