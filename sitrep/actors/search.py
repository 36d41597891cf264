"""Find actors in the compiled index by id, name or alias words, for the ``sitrep actors`` command."""

from __future__ import annotations

from collections.abc import Iterator

from sitrep.actors import roles
from sitrep.actors.index import Index
from sitrep.actors.normalize import fold
from sitrep.records import Actor


def search(index: Index, query: str | None = None, kind: str | None = None,
           country: str | None = None) -> Iterator[Actor]:  # fmt: skip
    """Actors whose id, name or an alias contains every word of ``query`` (case and accents ignored)."""
    words = fold(query or "").split()
    for actor in index.actors.values():
        if kind and actor.kind != kind:
            continue
        if country and actor.country != country.upper():
            continue
        if words:
            haystack = fold(" | ".join((actor.id, actor.name, *actor.aliases)))
            if not all(w in haystack for w in words):
                continue
        yield actor


ROW_COLUMNS = ("id", "name", "kind", "code", "parent", "aliases", "roles", "sources")


def row(actor: Actor, day: str | None = None) -> dict[str, object] | None:
    """One actor as a flat row. With ``day``: the code it had then and only the roles held then, or None
    for a person whose every office lies outside that day (actors without offices are kept)."""
    held = [r for r in actor.roles if not day or (r.start or "") <= day < (r.end or "9999")]
    if day and actor.roles and not held:
        return None
    coded = roles.on(actor, day) if day and actor.roles else actor
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "code": coded.code,
        "parent": actor.parent_id,
        "aliases": "; ".join(actor.aliases[:6]),
        "roles": "; ".join(f"{r.title} ({r.country}) {r.start or '…'}→{r.end or ''}" for r in held[:8]),
        "sources": "; ".join(actor.sources),
    }
