"""Near-duplicates and reposts: MinHash LSH whose buckets live in the store.

A new article's band hashes are looked up in ``link_bands`` (indexed on the bucket): it is compared only
with articles that share a bucket, so linking costs the same however many articles the store holds. Candidates are then
kept when their estimated Jaccard similarity of word 5-gram shingles reaches ``NEAR_DUPLICATE``.

Which of two near-copies is the original: the one whose publisher the other names as its source
("Middle East Eye" for a repost citing MEE), else the one not flagged as a repost, else the earlier one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import duckdb
import numpy as np
from datasketch import MinHash

from sitrep.linking.features import shingles
from sitrep.linking.tables import insert
from sitrep.provenance.outlets import norm_name

NUM_PERM = 128
BANDS = 32  # 32 bands x 4 rows: pairs above Jaccard ~0.45 almost always meet in a bucket
ROWS = NUM_PERM // BANDS
NEAR_DUPLICATE = 0.6
_SEED = 1


@dataclass(frozen=True)
class Meta:
    """What deciding original versus copy needs to know of one article."""

    id: str
    publisher: str | None
    original_outlet: str | None
    is_repost: bool
    when: str  # published_at, else ingested_at


_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=_SEED)  # its permutations are computed once, not per article


def signature(text: str) -> np.ndarray:
    m = MinHash(num_perm=NUM_PERM, seed=_SEED, permutations=_TEMPLATE.permutations, scheme=_TEMPLATE.scheme)
    m.update_batch([s.encode() for s in shingles(text)])
    return np.asarray(m.hashvalues, dtype=np.uint64)


def buckets(sig: np.ndarray) -> list[tuple[int, int]]:
    out = []
    for band in range(BANDS):
        digest = hashlib.blake2b(sig[band * ROWS : (band + 1) * ROWS].tobytes(), digest_size=8).digest()
        out.append((band, int.from_bytes(digest, "little", signed=True)))
    return out


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))


def index(con: duckdb.DuckDBPyConnection, texts: dict[str, str]) -> dict[str, np.ndarray]:
    """Add the articles' signatures and buckets to the store; return the signatures."""
    sigs = {aid: signature(text) for aid, text in texts.items()}
    insert(con, "link_minhash", [
        {"article_id": aid, "signature": s.tobytes(), "n_shingles": NUM_PERM} for aid, s in sigs.items()
    ])  # fmt: skip
    insert(con, "link_bands", [
        {"band": band, "bucket": bucket, "article_id": aid}
        for aid, s in sigs.items() for band, bucket in buckets(s)
    ])  # fmt: skip
    return sigs


def near_duplicates(con: duckdb.DuckDBPyConnection, sigs: dict[str, np.ndarray]) -> dict[str, list[str]]:
    """New article id -> ids of stored (or same-chunk) articles that are near-copies of it.

    The chunk's buckets are looked up as a list of constants: DuckDB answers that from the index on
    ``link_bands.bucket`` in a time that does not grow with the table, where a join would scan it."""
    if not sigs:
        return {}
    mine: dict[tuple[int, int], list[str]] = {}
    for aid, sig in sigs.items():
        for key in buckets(sig):
            mine.setdefault(key, []).append(aid)
    wanted = sorted({bucket for _, bucket in mine})
    rows = con.execute(
        f"SELECT band, bucket, article_id FROM link_bands WHERE bucket IN ({', '.join('?' for _ in wanted)})",
        wanted,
    ).fetchall()
    shared: dict[str, set[str]] = {}
    for band, bucket, other in rows:
        for new in mine.get((band, bucket), ()):
            if other != new:
                shared.setdefault(new, set()).add(other)
    others = sorted({o for found in shared.values() for o in found})
    if not others:
        return {}
    stored = dict(con.execute(
        f"SELECT article_id, signature FROM link_minhash WHERE article_id IN ({', '.join('?' for _ in others)})",
        others,
    ).fetchall())  # fmt: skip
    found: dict[str, list[str]] = {}
    for new, olds in shared.items():
        for old in sorted(olds):
            blob = stored.get(old)
            if (
                blob is not None
                and jaccard(sigs[new], np.frombuffer(blob, dtype=np.uint64)) >= NEAR_DUPLICATE
            ):
                found.setdefault(new, []).append(old)
    return found


def _cites(a: Meta, b: Meta) -> bool:
    return bool(a.original_outlet and b.publisher and norm_name(a.original_outlet) == norm_name(b.publisher))


def original_of(a: Meta, b: Meta) -> Meta:
    """Which of two near-copies is the other's original."""
    if _cites(a, b) != _cites(b, a):
        return b if _cites(a, b) else a
    if a.is_repost != b.is_repost:
        return b if a.is_repost else a
    return min(a, b, key=lambda m: (m.when, m.id))


def meta(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, Meta]:
    marks = ", ".join("?" for _ in ids)
    rows: list[Any] = con.execute(
        f"""SELECT id, publisher, original_outlet, coalesce(is_repost, false),
                   coalesce(published_at, ingested_at, '') FROM articles WHERE id IN ({marks})""",
        ids,
    ).fetchall()
    return {r[0]: Meta(*r) for r in rows}


def repost_links(con: duckdb.DuckDBPyConnection, dups: dict[str, list[str]]) -> dict[str, str]:
    """copy id -> original id for every near-duplicate pair that involves a new article."""
    every = sorted({i for new, olds in dups.items() for i in (new, *olds)})
    if not every:
        return {}
    info = meta(con, every)
    links: dict[str, str] = {}
    for new, olds in dups.items():
        for old in olds:
            if new not in info or old not in info:
                continue
            first = original_of(info[new], info[old])
            copy = old if first.id == new else new
            if first.is_repost and not _cites(info[copy], first):
                continue  # two copies of an original the store lacks: near-duplicates, not a repost link
            current = links.get(copy)
            if current is None or original_of(info[current], first) is first:
                links[copy] = first.id
    return {copy: _root(links, copy) for copy in links}


def _root(links: dict[str, str], start: str) -> str:
    """Follow copy -> original to the first article (a copy of a copy points to the original)."""
    seen = {start}
    node = links[start]
    while node in links and links[node] not in seen:
        seen.add(node)
        node = links[node]
    return node
