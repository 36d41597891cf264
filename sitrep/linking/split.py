"""Split a text cluster that holds two happenings of one kind.

Two incidents of one kind (two boxing title defences of the same champion, two DUI arrests of players
of the same team) share most words, so text similarity lumps them. What tells them apart is who, where
and when: each incident's reports keep naming their own participants, places, counts and dates, and
the other incident's reports never do. So inside a cluster:

1. the members are clustered again on their names and numbers, weighted by *local* IDF (a name every
   member has, the champion, weighs nothing; one half of them has, his opponent, weighs most);
2. the top split of that clustering is the candidate; it is kept when each side has a
   *marker* — a name or number of its members' leads that is over-represented on its side and rare on
   the other, judged by the hypergeometric tail (Fisher's exact test): the chance that a term carried
   by k members falls on one side as unevenly as it does if members were dealt at random;
3. a kept split divides the cluster and both sides are tried again.

The criterion is a probability, not a similarity cut: it asks for the same marker repeated over several
reports of each side, and requiring a marker on *both* sides means that one side's silence (no date,
no name given) is never evidence by itself.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy.cluster.hierarchy import linkage, to_tree
from scipy.spatial.distance import squareform
from scipy.stats import hypergeom

from sitrep.linking.features import Terms

MARKER_P = (
    4e-3  # both sides need a marker this unlikely by chance (sensitivity in docs/benchmarks-linking.md)
)
MIN_SIDE = 2


def split(names: Sequence[Terms], markers: Sequence[set[str]]) -> list[list[int]]:
    """Partition positions 0..n-1 of one cluster into incidents (one part when nothing tells them apart).

    ``names`` are the members' name/number views (log TF), ``markers`` the terms of their leads."""
    parts: list[list[int]] = []
    pending = [list(range(len(names)))]
    while pending:
        members = pending.pop()
        found = _best_cut(members, names, markers)
        if found is None:
            parts.append(members)
        else:
            pending.extend(found)
    return sorted(parts, key=min)


def _best_cut(
    members: list[int], names: Sequence[Terms], markers: Sequence[set[str]]
) -> tuple[list[int], list[int]] | None:
    if len(members) < 2 * MIN_SIDE:
        return None
    vocab = sorted({t for i in members for t in markers[i]})
    has = np.array([[t in markers[i] for t in vocab] for i in members], dtype=np.int64)
    best: tuple[float, list[int]] | None = None
    for side in _candidates(members, names):
        chance = max(_marker_p(has, side), _marker_p(has, [k for k in range(len(members)) if k not in side]))
        if chance < MARKER_P and (best is None or (chance, side) < best):
            best = (chance, side)
    if best is None:
        return None
    chosen = set(best[1])
    return [members[k] for k in sorted(chosen)], [m for k, m in enumerate(members) if k not in chosen]


def _marker_p(has: np.ndarray, side: list[int]) -> float:
    """The smallest chance, over the terms, of a term falling on ``side`` at least as often as it does."""
    on_side = has[side].sum(axis=0)
    total = has.sum(axis=0)
    return float(hypergeom.sf(on_side - 1, has.shape[0], len(side), total).min(initial=1.0))


def _candidates(members: list[int], names: Sequence[Terms]) -> list[list[int]]:
    """The two halves of the top split of an average-linkage clustering of the members on local-IDF
    names (positions into ``members``)."""
    sim = _local_cosine([names[i] for i in members])
    dist = np.clip(1.0 - sim, 0.0, None)
    np.fill_diagonal(dist, 0.0)
    root = to_tree(linkage(squareform(dist, checks=False), method="average"))
    halves = [sorted(child.pre_order()) for child in (root.get_left(), root.get_right()) if child is not None]
    return [h for h in halves if MIN_SIDE <= len(h) <= len(members) - MIN_SIDE][:1]


def _local_cosine(vectors: list[Terms]) -> np.ndarray:
    """Cosine on terms shared by some but not all members, weighted by their IDF within the cluster."""
    n = len(vectors)
    df = Counter(t for v in vectors for t in v)
    local = []
    for v in vectors:
        w = {t: x * math.log(n / df[t]) for t, x in v.items() if 2 <= df[t] < n}
        norm = math.sqrt(sum(x * x for x in w.values())) or 1.0
        local.append({t: x / norm for t, x in w.items()})
    vocab = {t: k for k, t in enumerate(sorted({t for v in local for t in v}))}
    mat = np.zeros((n, max(len(vocab), 1)))
    for i, v in enumerate(local):
        for t, x in v.items():
            mat[i, vocab[t]] = x
    return np.asarray(mat @ mat.T)
