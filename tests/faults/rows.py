"""What a store holds, in a form two runs can be compared by: ids, and the groups linking made (which
events share an incident, which articles share a story, what reposts what), not the group ids."""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path
from typing import Any

import duckdb


def _groups(rows: list[tuple[Any, Any]]) -> frozenset[frozenset[Any]]:
    groups: dict[Any, set[Any]] = defaultdict(set)
    for member, group in rows:
        if group is not None:
            groups[group].add(member)
    return frozenset(frozenset(g) for g in groups.values())


def snapshot(store: Path) -> dict[str, Any]:
    con = duckdb.connect(str(store), read_only=True)
    try:
        q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
        return {
            "articles": sorted(r[0] for r in q("SELECT id FROM articles")),
            "events": sorted(r[0] for r in q("SELECT id FROM events")),
            "rejects": sorted(q("SELECT raw_ref, reason FROM rejects")),
            "incidents": _groups(q("SELECT id, incident_id FROM events")),
            "incident_rows": q("SELECT count(*) FROM incidents")[0][0],
            "stories": _groups(q("SELECT id, story_id FROM articles")),
            "reposts": sorted(q("SELECT id, repost_of FROM articles WHERE repost_of IS NOT NULL")),
        }
    finally:
        con.close()


def descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (children, grandchildren: a forkserver's workers), from /proc."""
    parents: dict[int, list[int]] = defaultdict(list)
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        parents[ppid].append(int(entry))
    found, todo = set(), [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def alive(pid: int) -> bool:
    """Running, and not a zombie waiting for its parent to reap it."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
