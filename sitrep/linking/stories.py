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
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import duckdb
import numpy as np
import pandas as pd
from scipy import sparse

from sitrep.linking.features import Terms, Views, similarity, views, weighted
from sitrep.linking.tables import insert

STORY_SIMILARITY = 0.09
WINDOW_DAYS = 7
CANDIDATES = 50
KEY_TERMS = 8  # names and numbers first, then content words
TOP_TERMS = 80  # terms kept of a stored vector


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
    """Count the chunk into the store's document frequencies, and read back those the chunk needs."""
    terms = pd.DataFrame({"term": [k for v in docs.values() for k, _ in _keyed(v)]})
    con.register("chunk_terms", terms)
    try:
        con.execute(
            """INSERT INTO link_df SELECT term, count(*) FROM chunk_terms GROUP BY term
               ON CONFLICT (term) DO UPDATE SET n = link_df.n + excluded.n"""
        )
        rows = con.execute(
            "SELECT d.term, d.n FROM link_df d JOIN (SELECT DISTINCT term FROM chunk_terms) USING (term)"
        ).fetchall()
    finally:
        con.unregister("chunk_terms")
    ((n_docs,),) = con.execute("SELECT count(*) FROM link_vectors").fetchall()
    return dict(rows), int(n_docs) + len(docs)


def _vectors(v: Views, df: dict[str, int], n_docs: int) -> tuple[Terms, Terms]:
    content = weighted(v.content, {t: df.get("c:" + t, 0) for t in v.content}, n_docs)
    names = weighted(v.names, {t: df.get("n:" + t, 0) for t in v.names}, n_docs)
    return content, names


@dataclass
class _Stored:
    """An article already linked: what a new one is compared with."""

    id: str
    day: str | None
    story: str
    content: Terms
    names: Terms


def _keys(content: Terms, names: Terms) -> list[str]:
    return ["n:" + t for t in _top(names, KEY_TERMS)] or ["c:" + t for t in _top(content, KEY_TERMS)]


def _near_in_time(a: str | None, b: str | None) -> bool:
    return a is None or b is None or abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= WINDOW_DAYS


def assign(con: duckdb.DuckDBPyConnection, docs: Sequence[Doc], near: dict[str, list[str]]) -> dict[str, str]:
    """Article id -> story id for new articles; near-copies always share their original's story.

    The chunk's candidates come from the store in one query; articles of the chunk are also candidates
    for the later ones (two reports of one story often arrive together)."""
    parsed = {d.id: views(d.text, d.title) for d in docs}
    df, n_docs = _df(con, parsed)
    order = sorted(docs, key=lambda d: (d.day or "", d.id))
    vecs = {d.id: _vectors(parsed[d.id], df, n_docs) for d in order}
    keys = {d.id: _keys(*vecs[d.id]) for d in order}
    stored = _candidates(con, order, keys, near)
    by_key: dict[str, list[_Stored]] = defaultdict(list)
    stories: dict[str, str] = {}
    for doc in order:
        content, names = vecs[doc.id]
        pool = {c.id: c for c in stored.get(doc.id, [])}
        for key in keys[doc.id]:
            pool.update((c.id, c) for c in by_key[key] if _near_in_time(c.day, doc.day))
        story = _best_story(doc.id, content, names, list(pool.values()), near.get(doc.id, []))
        stories[doc.id] = story
        mine = _Stored(doc.id, doc.day, story, _top(content, TOP_TERMS), _top(names, TOP_TERMS))
        for key in keys[doc.id]:
            by_key[key].append(mine)
    insert(con, "link_vectors", [
        {"article_id": d.id, "day": d.day, "story_id": stories[d.id],
         "content": json.dumps(_top(vecs[d.id][0], TOP_TERMS)), "names": json.dumps(_top(vecs[d.id][1], TOP_TERMS))}
        for d in order
    ])  # fmt: skip
    insert(
        con,
        "link_postings",
        [{"term": k, "article_id": d.id, "day": d.day} for d in order for k in keys[d.id]],
    )
    return stories


def _candidates(
    con: duckdb.DuckDBPyConnection,
    docs: Sequence[Doc],
    keys: dict[str, list[str]],
    near: dict[str, list[str]],
) -> dict[str, list[_Stored]]:
    """Per new article, the stored articles sharing most key terms within the window, and its near-copies."""
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
                    UNION ALL SELECT doc, article_id, 0 FROM _copies
                )
                SELECT DISTINCT h.doc, v.article_id, v.day::VARCHAR, v.story_id, v.content, v.names
                FROM hits h JOIN link_vectors v ON v.article_id = h.article_id"""
        ).fetchall()
    finally:
        con.unregister("_probe")
        con.unregister("_copies")
    found: dict[str, list[_Stored]] = defaultdict(list)
    for doc, aid, day, story, content, names in rows:
        found[doc].append(_Stored(aid, day, story, json.loads(content), json.loads(names)))
    return found


def _best_story(doc_id: str, content: Terms, names: Terms, pool: list[_Stored], near: list[str]) -> str:
    """A near-copy's story, else the story its retrieved members are most similar to on average."""
    for other in pool:
        if other.id in near:
            return other.story
    by_story: dict[str, list[float]] = defaultdict(list)
    for other in pool:
        by_story[other.story].append(similarity(content, names, other.content, other.names))
    scored = [(float(np.mean(s)), story) for story, s in by_story.items()]
    best = max(scored, default=(0.0, doc_id))
    return best[1] if best[0] >= STORY_SIMILARITY else doc_id


def group_documents(docs: Sequence[Doc]) -> list[int]:
    """Cluster a closed set of documents at once (average linkage, same similarity and threshold)."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    if len(docs) < 2:
        return list(range(len(docs)))
    parsed = [views(d.text, d.title) for d in docs]
    df: dict[str, int] = defaultdict(int)
    for v in parsed:
        for key, _ in _keyed(v):
            df[key] += 1
    vecs = [_vectors(v, df, len(docs)) for v in parsed]
    content = _matrix([c for c, _ in vecs])
    names = _matrix([m for _, m in vecs])
    sim = (content @ content.T).toarray() * np.sqrt(np.clip((names @ names.T).toarray(), 0.0, None))
    dist = np.clip(1.0 - sim, 0.0, None)
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    return [int(c) for c in fcluster(tree, 1.0 - STORY_SIMILARITY, criterion="distance")]


def _matrix(vectors: list[Terms]) -> sparse.csr_matrix:
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, vec in enumerate(vectors):
        for term, weight in vec.items():
            rows.append(i)
            cols.append(vocab.setdefault(term, len(vocab)))
            vals.append(weight)
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(vectors), max(len(vocab), 1)))
