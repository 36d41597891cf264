"""Stories: which reports tell one piece of news — the same rule for a closed set and for the store.

The rule: average linkage on ``features.similarity`` (content words tempered by names and numbers, TF-IDF
weighted) at ``STORY_SIMILARITY``, then each cluster split where its reports name different participants,
places, counts or dates (``split``). Two modes apply it:

- documents (``group_documents``): a closed set at once (``sitrep eval incidents`` shows it beside the
  store's grouping, which it scores);
- the store (``recheck``): linking an article at a time is greedy — an article that joined the wrong
  group, or two groups that a later report shows to be one, would stay so. So the incremental step
  (``stories.assign``) only gathers *threads*, loosely (it joins at a lower similarity and lets a report
  bridge two threads); after each chunk every thread the chunk touched is regrouped by the rule above,
  and its members' ``story_id`` follows. A thread holds at most ``stories.THREAD_MAX`` articles, so a
  re-check costs the same whatever the store's size. Figures: docs/benchmarks-linking.md.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb
import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from sitrep.linking.features import Terms, Views, keyed, tf_idf, views
from sitrep.linking.split import split
from sitrep.linking.tables import document_frequencies, update

STORY_SIMILARITY = 0.08
MARKER_TOKENS = 60  # the lead whose names and numbers mark an incident (split)


@dataclass(frozen=True)
class Doc:
    id: str
    text: str
    title: str | None = None
    day: str | None = None  # ISO date of publication, when known


def markers(doc: Doc) -> set[str]:
    return set(views(doc.text, doc.title, MARKER_TOKENS).names)


def stories(
    vectors: Sequence[tuple[Terms, Terms]], names: Sequence[Terms], marks: Sequence[set[str]]
) -> list[list[int]]:
    """Positions 0..n-1 grouped into stories by the rule (``vectors``: TF-IDF content and names)."""
    if len(vectors) < 2:
        return [list(range(len(vectors)))]
    content = _matrix([c for c, _ in vectors])
    nums = _matrix([m for _, m in vectors])
    sim = (content @ content.T).toarray() * np.sqrt(np.clip((nums @ nums.T).toarray(), 0.0, None))
    dist = np.clip(1.0 - sim, 0.0, None)
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    clusters: dict[int, list[int]] = defaultdict(list)
    for i, c in enumerate(fcluster(tree, 1.0 - STORY_SIMILARITY, criterion="distance")):
        clusters[int(c)].append(i)
    return [
        [members[k] for k in part]
        for members in clusters.values()
        for part in split([names[i] for i in members], [marks[i] for i in members])
    ]


def group_documents(docs: Sequence[Doc]) -> list[int]:
    """A closed set of documents grouped at once (IDF of the set): one label per document."""
    parsed = [views(d.text, d.title) for d in docs]
    df: dict[str, int] = defaultdict(int)
    for v in parsed:
        for key in keyed(v):
            df[key] += 1
    vecs = [tf_idf(v, lambda key: df.get(key, 0), len(docs)) for v in parsed]
    out = [0] * len(docs)
    for label, part in enumerate(stories(vecs, [v.names for v in parsed], [markers(d) for d in docs])):
        for i in part:
            out[i] = label
    return out


class ChunkDf:
    """Document frequencies as the k-th article of the chunk sees them: the store's before the chunk
    plus the chunk's articles up to this one — what linking the articles one at a time would see, so
    that the chunk size does not change the similarities."""

    def __init__(self, before: dict[str, int], n_stored: int, chunk: list[Views]) -> None:
        self.before, self.n_stored = before, n_stored
        self.positions: dict[str, list[int]] = defaultdict(list)
        for k, v in enumerate(chunk):
            for key in keyed(v):
                self.positions[key].append(k)

    def fill(self, con: duckdb.DuckDBPyConnection, keys: set[str]) -> None:
        """Look up the stored frequencies of terms the chunk lacks (``before`` holds the chunk's)."""
        self.before.update(document_frequencies(con, keys - set(self.before)))

    def vectors(self, v: Views, k: int) -> tuple[Terms, Terms]:
        return tf_idf(v, lambda key: self.before.get(key, 0) + bisect_right(self.positions.get(key, []), k),
                      self.n_stored + k + 1)  # fmt: skip


def recheck(con: duckdb.DuckDBPyConnection, threads: dict[str, int], df: ChunkDf) -> dict[str, str]:
    """Regroup the members of these threads; set the articles' ``story_id`` (named by the smallest
    article id of the story) and the story blocks of their events. ``threads`` maps a thread to the
    position in the chunk of its last new member: its IDF is the one that article saw, as if linked
    alone, so the stories do not depend on the chunk size. Returns article id -> story id for the
    articles whose story changed."""
    if not threads:
        return {}
    marks = ", ".join("?" for _ in threads)
    rows = con.execute(
        f"""SELECT v.story_id, v.article_id, v.content, v.names, v.markers, a.story_id
            FROM link_vectors v JOIN articles a ON a.id = v.article_id
            WHERE v.story_id IN ({marks}) ORDER BY v.article_id""",
        sorted(threads),
    ).fetchall()
    members: dict[str, list[tuple[str, Views, set[str], str | None]]] = defaultdict(list)
    for thread, aid, content, names, mark, current in rows:
        raw = Views(json.loads(content), json.loads(names))
        members[thread].append((aid, raw, set(json.loads(mark or "[]")), current))
    df.fill(con, {k for group in members.values() for _, raw, _, _ in group for k in keyed(raw)})
    changed: dict[str, str] = {}
    for thread, group in members.items():
        vecs = [df.vectors(raw, threads[thread]) for _, raw, _, _ in group]
        for part in stories(vecs, [raw.names for _, raw, _, _ in group], [m for _, _, m, _ in group]):
            name = min(group[i][0] for i in part)
            changed.update((group[i][0], name) for i in part if group[i][3] != name)
    update(con, "articles", "story_id", changed)
    update(con, "link_event_blocks", "story_id", changed, key="article_id",
           also="block = CASE WHEN block LIKE '%|story:%' THEN split_part(block, '|', 1) || '|story:' || v.value ELSE block END")  # fmt: skip
    return changed


def _matrix(vectors: list[Terms]) -> sparse.csr_matrix:
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, vec in enumerate(vectors):
        for term, weight in vec.items():
            rows.append(i)
            cols.append(vocab.setdefault(term, len(vocab)))
            vals.append(weight)
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(vectors), max(len(vocab), 1)))
