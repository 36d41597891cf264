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


def row(actor: Actor, day: str | None = None) -> dict[str, object]:
    """One actor as a flat row; with ``day``, the code it had on that day."""
    coded = roles.on(actor, day) if day and actor.roles else actor
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "code": coded.code,
        "parent": actor.parent_id,
        "aliases": "; ".join(actor.aliases[:6]),
        "roles": "; ".join(
            f"{r.title} ({r.country}) {r.start or '…'}→{r.end or ''}" for r in actor.roles[:8]
        ),
        "sources": "; ".join(actor.sources),
    }
