"""Stories: the articles on one piece of news within a time window.

Similarity is ``features.similarity`` (content words tempered by names and numbers, TF-IDF weighted);
two articles, or an article and a story, belong together when their average similarity reaches
``STORY_SIMILARITY`` — average linkage. Two modes share that rule:

- the store (``assign``): each new article is compared only with articles that share one of its key
  terms within ``WINDOW_DAYS`` (blocking through ``link_postings``; at most ``CANDIDATES`` of them), and
  joins the story whose retrieved members it is most similar to on average, or starts its own. Cost per
  article is bounded by the candidate cap, not by the store's size.
- documents (``group_documents``): a closed set of documents clustered at once by average linkage,
  which ``sitrep eval incidents`` scores on ECB+.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

import duckdb
import numpy as np
import pandas as pd
from scipy import sparse

from sitrep.linking.features import Terms, Views, similarity, views, weighted
from sitrep.linking.split import split
from sitrep.linking.tables import insert, rename, smallest_names

STORY_SIMILARITY = 0.08
WINDOW_DAYS = 7
CANDIDATES = 50
KEY_TERMS = 8  # names and numbers
KEY_CONTENT_TERMS = 4
TOP_TERMS = 80  # terms kept of a stored vector
MARKER_TOKENS = 60  # the lead whose names and numbers mark an incident (split)


@dataclass(frozen=True)
class Doc:
    id: str
    text: str
    title: str | None = None
    day: str | None = None  # ISO date of publication, when known


def _top(vec: Terms, k: int) -> Terms:
    return dict(sorted(vec.items(), key=lambda kv: -kv[1])[:k])


def _keyed(v: Views) -> list[tuple[str, str]]:
    return [("c:" + t, t) for t in v.content] + [("n:" + t, t) for t in v.names]


def _df(con: duckdb.DuckDBPyConnection, docs: dict[str, Views]) -> tuple[dict[str, int], int]:
    """The store's document frequencies of the chunk's terms and its size *before* the chunk; the
    chunk is then counted in (``_ChunkDf`` adds it article by article)."""
    terms = pd.DataFrame({"term": [k for v in docs.values() for k, _ in _keyed(v)]})
    con.register("chunk_terms", terms)
    try:
        rows = con.execute(
            "SELECT d.term, d.n FROM link_df d JOIN (SELECT DISTINCT term FROM chunk_terms) USING (term)"
        ).fetchall()
        con.execute(
            """INSERT INTO link_df SELECT term, count(*) FROM chunk_terms GROUP BY term
               ON CONFLICT (term) DO UPDATE SET n = link_df.n + excluded.n"""
        )
    finally:
        con.unregister("chunk_terms")
    ((n_docs,),) = con.execute("SELECT count(*) FROM link_vectors").fetchall()
    return {**dict.fromkeys(terms["term"], 0), **dict(rows)}, int(n_docs)


class _ChunkDf:
    """Document frequencies as the k-th article of the chunk sees them: the store's before the chunk
    plus the chunk's articles up to this one — what linking the articles one at a time would see, so
    that the chunk size does not change the similarities."""

    def __init__(self, before: dict[str, int], n_stored: int, chunk: list[Views]) -> None:
        self.before, self.n_stored = before, n_stored
        self.positions: dict[str, list[int]] = defaultdict(list)
        for k, v in enumerate(chunk):
            for key, _ in _keyed(v):
                self.positions[key].append(k)

    def vectors(self, v: Views, k: int) -> tuple[Terms, Terms]:
        return _vectors(v, lambda key: self.before.get(key, 0) + bisect_right(self.positions.get(key, []), k),
                        self.n_stored + k + 1)  # fmt: skip


def _vectors(v: Views, df: Callable[[str], int], n_docs: int) -> tuple[Terms, Terms]:
    content = weighted(v.content, {t: df("c:" + t) for t in v.content}, n_docs)
    names = weighted(v.names, {t: df("n:" + t) for t in v.names}, n_docs)
    return content, names


@dataclass
class _Stored:
    """An article already linked: what a new one is compared with."""

    id: str
    day: str | None
    story: str
    raw: Views


def _keys(raw: Views, weighted_vecs: tuple[Terms, Terms]) -> list[str]:
    """Blocking keys: the names and content words the article dwells on (raw frequency, lead-weighted),
    rarer ones first among equals. Ranking by TF-IDF alone would pick words no other article has."""

    def salient(terms: Terms, weights: Terms, k: int) -> list[str]:
        return sorted(terms, key=lambda t: (-round(terms[t], 1), -weights.get(t, 0.0), t))[:k]

    content, names = weighted_vecs
    return ["n:" + t for t in salient(raw.names, names, KEY_TERMS)] + [
        "c:" + t for t in salient(raw.content, content, KEY_CONTENT_TERMS)
    ]


def _near_in_time(a: str | None, b: str | None) -> bool:
    return a is None or b is None or abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= WINDOW_DAYS


def _raw(v: Views, weighted_vecs: tuple[Terms, Terms]) -> Views:
    """The log term frequencies of the article's top terms: stored raw, weighted with the IDF of the day
    they are compared (an early article's weights would otherwise stay those of a near-empty store)."""
    content, names = (_top(w, TOP_TERMS) for w in weighted_vecs)
    return Views({t: v.content[t] for t in content}, {t: v.names[t] for t in names})


def assign(con: duckdb.DuckDBPyConnection, docs: Sequence[Doc], near: dict[str, list[str]]) -> dict[str, str]:
    """Article id -> story id for new articles (in ingest order); near-copies share their original's story.

    The chunk's candidates come from the store in one query; the chunk's earlier articles compete with
    them for the same ``CANDIDATES`` places, and IDF grows article by article (``_ChunkDf``): the
    stories come out as if the articles had been linked one at a time, whatever the chunk size."""
    parsed = [views(d.text, d.title) for d in docs]
    before, n_stored = _df(con, {d.id: v for d, v in zip(docs, parsed, strict=True)})
    df = _ChunkDf(before, n_stored, parsed)
    vecs = [df.vectors(v, k) for k, v in enumerate(parsed)]
    keys = {d.id: _keys(parsed[k], vecs[k]) for k, d in enumerate(docs)}
    stored = _candidates(con, docs, keys, near)
    wanted = {key for found in stored.values() for _, c in found for key, _ in _keyed(c.raw)}
    before.update(_lookup_df(con, wanted - set(before)))
    by_key: dict[str, list[_Stored]] = defaultdict(list)
    stories: dict[str, str] = {}
    raws: dict[str, Views] = {}
    for k, doc in enumerate(docs):
        shared = Counter(c.id for key in keys[doc.id] for c in by_key[key] if _near_in_time(c.day, doc.day))
        earlier = {c.id: c for key in keys[doc.id] for c in by_key[key]}
        hits = [(n, c) for n, c in stored.get(doc.id, []) if n > 0] + [
            (n, earlier[i]) for i, n in shared.items()
        ]
        pool = {c.id: c for _, c in sorted(hits, key=lambda nc: (-nc[0], nc[1].id))[:CANDIDATES]}
        pool.update((c.id, c) for n, c in stored.get(doc.id, []) if n < 0)
        scored = [(c.id, c.story, similarity(*vecs[k], *df.vectors(c.raw, k))) for c in pool.values()]
        stories[doc.id] = _best_story(doc.id, scored, near.get(doc.id, []))
        raws[doc.id] = _raw(parsed[k], vecs[k])
        mine = _Stored(doc.id, doc.day, stories[doc.id], raws[doc.id])
        for key in keys[doc.id]:
            by_key[key].append(mine)
    stories = _smallest_ids(con, stories)
    insert(con, "link_vectors", [
        {"article_id": d.id, "day": d.day, "story_id": stories[d.id],
         "content": json.dumps(raws[d.id].content), "names": json.dumps(raws[d.id].names)}
        for d in docs
    ])  # fmt: skip
    insert(
        con,
        "link_postings",
        [{"term": t, "article_id": d.id, "day": d.day} for d in docs for t in keys[d.id]],
    )
    return stories


def _smallest_ids(con: duckdb.DuckDBPyConnection, labels: dict[str, str]) -> dict[str, str]:
    """Name each story after its smallest article id, whatever order or chunks its articles came in;
    a stored story that a new article with a smaller id joined is renamed where linking keeps it."""
    names = smallest_names(labels)
    renames = {label: names[a] for a, label in labels.items() if label != names[a] and label not in labels}
    for table in ("articles", "link_vectors"):
        rename(con, table, "story_id", renames)
    rename(con, "link_event_blocks", "story_id", renames,
           also=", block = replace(block, '|story:' || r.old, '|story:' || r.new)")  # fmt: skip
    return names


def _lookup_df(con: duckdb.DuckDBPyConnection, terms: set[str]) -> dict[str, int]:
    if not terms:
        return {}
    con.register("_df_terms", pd.DataFrame({"term": sorted(terms)}))
    try:
        return dict(con.execute("SELECT d.term, d.n FROM link_df d JOIN _df_terms USING (term)").fetchall())
    finally:
        con.unregister("_df_terms")


def _candidates(
    con: duckdb.DuckDBPyConnection,
    docs: Sequence[Doc],
    keys: dict[str, list[str]],
    near: dict[str, list[str]],
) -> dict[str, list[tuple[int, _Stored]]]:
    """Per new article, the stored articles sharing most key terms within the window (with how many
    they share), and its near-copies (shared -1: always compared)."""
    probe = pd.DataFrame(
        [(d.id, k, d.day) for d in docs for k in keys[d.id]] or [("", "", None)],
        columns=["doc", "term", "day"],
    )
    copies = pd.DataFrame([(new, old) for new, olds in near.items() for old in olds] or [("", "")],
                          columns=["doc", "article_id"])  # fmt: skip
    con.register("_probe", probe)
    con.register("_copies", copies)
    try:
        rows = con.execute(
            f"""WITH hits AS (
                    SELECT p.doc, l.article_id, count(*) AS shared FROM _probe p
                    JOIN link_postings l ON l.term = p.term
                    WHERE p.day IS NULL OR l.day IS NULL OR abs(date_diff('day', l.day, p.day::DATE)) <= {WINDOW_DAYS}
                    GROUP BY p.doc, l.article_id
                    QUALIFY row_number() OVER (PARTITION BY p.doc ORDER BY shared DESC, l.article_id) <= {CANDIDATES}
                    UNION ALL SELECT doc, article_id, -1 FROM _copies
                )
                SELECT DISTINCT h.doc, h.shared, v.article_id, v.day::VARCHAR, v.story_id, v.content, v.names
                FROM hits h JOIN link_vectors v ON v.article_id = h.article_id"""
        ).fetchall()
    finally:
        con.unregister("_probe")
        con.unregister("_copies")
    found: dict[str, list[tuple[int, _Stored]]] = defaultdict(list)
    for doc, shared, aid, day, story, content, names in rows:
        found[doc].append(
            (int(shared), _Stored(aid, day, story, Views(json.loads(content), json.loads(names))))
        )
    return found


def _best_story(doc_id: str, scored: list[tuple[str, str, float]], near: list[str]) -> str:
    """A near-copy's story, else the story its retrieved members are most similar to on average.

    ``scored`` holds (article id, its story, similarity) for the candidates."""
    for other, story, _ in scored:
        if other in near:
            return story
    by_story: dict[str, list[float]] = defaultdict(list)
    for _, story, sim in scored:
        by_story[story].append(sim)
    best = max(((float(np.mean(s)), story) for story, s in by_story.items()), default=(0.0, doc_id))
    return best[1] if best[0] >= STORY_SIMILARITY else doc_id


def group_documents(docs: Sequence[Doc]) -> list[int]:
    """Cluster a closed set of documents at once: average linkage on the story similarity (same
    similarity and threshold as the store), then each cluster split into incidents by its members'
    distinct participants, places, counts and dates (``split``)."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    if len(docs) < 2:
        return list(range(len(docs)))
    parsed = [views(d.text, d.title) for d in docs]
    df: dict[str, int] = defaultdict(int)
    for v in parsed:
        for key, _ in _keyed(v):
            df[key] += 1
    vecs = [_vectors(v, lambda key: df.get(key, 0), len(docs)) for v in parsed]
    content = _matrix([c for c, _ in vecs])
    names = _matrix([m for _, m in vecs])
    sim = (content @ content.T).toarray() * np.sqrt(np.clip((names @ names.T).toarray(), 0.0, None))
    dist = np.clip(1.0 - sim, 0.0, None)
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    clusters: dict[int, list[int]] = defaultdict(list)
    for i, c in enumerate(fcluster(tree, 1.0 - STORY_SIMILARITY, criterion="distance")):
        clusters[int(c)].append(i)
    markers = [set(views(d.text, d.title, MARKER_TOKENS).names) for d in docs]
    out = [0] * len(docs)
    label = 0
    for members in clusters.values():
        for part in split([parsed[i].names for i in members], [markers[i] for i in members]):
            label += 1
            for k in part:
                out[members[k]] = label
    return out


def _matrix(vectors: list[Terms]) -> sparse.csr_matrix:
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, vec in enumerate(vectors):
        for term, weight in vec.items():
            rows.append(i)
            cols.append(vocab.setdefault(term, len(vocab)))
            vals.append(weight)
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(vectors), max(len(vocab), 1)))
