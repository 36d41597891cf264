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

import duckdb
import numpy as np
import pandas as pd
from scipy import sparse

from sitrep.linking.features import Terms, Views, similarity, views, weighted
from sitrep.linking.tables import many

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
    (n_docs,) = con.execute("SELECT count(*) FROM link_vectors").fetchone() or (0,)
    return dict(rows), int(n_docs) + len(docs)


def _vectors(v: Views, df: dict[str, int], n_docs: int) -> tuple[Terms, Terms]:
    content = weighted(v.content, {t: df.get("c:" + t, 0) for t in v.content}, n_docs)
    names = weighted(v.names, {t: df.get("n:" + t, 0) for t in v.names}, n_docs)
    return content, names


def assign(con: duckdb.DuckDBPyConnection, docs: Sequence[Doc], near: dict[str, list[str]]) -> dict[str, str]:
    """Article id -> story id for new articles; near-copies always share their original's story."""
    parsed = {d.id: views(d.text, d.title) for d in docs}
    df, n_docs = _df(con, parsed)
    stories: dict[str, str] = {}
    for doc in sorted(docs, key=lambda d: (d.day or "", d.id)):
        content, names = _vectors(parsed[doc.id], df, n_docs)
        story = _best_story(con, doc, content, names, near.get(doc.id, []))
        stories[doc.id] = story
        content, names = _top(content, TOP_TERMS), _top(names, TOP_TERMS)
        con.execute(
            "INSERT INTO link_vectors VALUES (?, ?, ?, ?, ?)",
            [doc.id, doc.day, story, json.dumps(content), json.dumps(names)],
        )
        keys = ["n:" + t for t in _top(names, KEY_TERMS)] or ["c:" + t for t in _top(content, KEY_TERMS)]
        many(con, "INSERT INTO link_postings VALUES (?, ?, ?)", [[k, doc.id, doc.day] for k in keys])
    return stories


def _best_story(
    con: duckdb.DuckDBPyConnection, doc: Doc, content: Terms, names: Terms, near: list[str]
) -> str:
    keys = ["n:" + t for t in _top(names, KEY_TERMS)] or ["c:" + t for t in _top(content, KEY_TERMS)]
    marks = ", ".join("?" for _ in keys)
    window = "TRUE" if doc.day is None else "(day IS NULL OR abs(date_diff('day', day, ?::DATE)) <= ?)"
    params: list[object] = [*keys] + ([doc.day, WINDOW_DAYS] if doc.day else [])
    rows = con.execute(
        f"""SELECT v.article_id, v.story_id, v.content, v.names FROM link_vectors v JOIN (
                SELECT article_id, count(*) AS shared FROM link_postings
                WHERE term IN ({marks}) AND {window} GROUP BY article_id
                ORDER BY shared DESC, article_id LIMIT {CANDIDATES}
            ) c USING (article_id)""",
        params,
    ).fetchall()
    for article_id, story_id, *_ in rows:
        if article_id in near:
            return str(story_id)
    if near:  # a near-copy outside the candidates still decides
        found = con.execute(
            f"SELECT story_id FROM link_vectors WHERE article_id IN ({', '.join('?' for _ in near)}) LIMIT 1",
            near,
        ).fetchone()
        if found:
            return str(found[0])
    by_story: dict[str, list[float]] = defaultdict(list)
    for _, story_id, other_content, other_names in rows:
        sim = similarity(content, names, json.loads(other_content), json.loads(other_names))
        by_story[story_id].append(sim)
    scored = [(float(np.mean(s)), story) for story, s in by_story.items()]
    best = max(scored, default=(0.0, doc.id))
    return best[1] if best[0] >= STORY_SIMILARITY else doc.id


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
