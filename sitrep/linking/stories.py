"""Threads: the loose incremental groups that the store's stories are regrouped from (``grouping``).

Each new article is compared only with articles that share one of its key terms within ``WINDOW_DAYS``
(blocking through ``link_postings``; at most ``CANDIDATES`` of them). It joins the thread whose
retrieved members it is most similar to on average when that reaches ``JOIN_SIMILARITY``, and every
other thread it is as similar to is merged into that one (the article bridges them), or it starts its
own. The threshold is looser than the stories' own (``grouping.STORY_SIMILARITY``): a thread is only
where ``grouping.recheck`` looks, so missing a report costs recall for good while an extra one is
removed by the re-check. A thread holds at most ``THREAD_MAX`` articles (a full one is neither joined
nor bridged), which bounds the cost of one re-check. Cost per article is bounded by the candidate cap
and the thread cap, not by the store's size.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import duckdb
import numpy as np
import pandas as pd

from sitrep.linking.features import Terms, Views, keyed, similarity, views
from sitrep.linking.grouping import ChunkDf, Doc, markers, recheck
from sitrep.linking.tables import insert, rename

JOIN_SIMILARITY = 0.05  # odd ECB+ topics: 0.03-0.05 about equal; the highest (smallest threads) kept
THREAD_MAX = 150  # a re-check regroups at most this many articles
WINDOW_DAYS = 7
CANDIDATES = 50
KEY_TERMS = 8  # names and numbers
KEY_CONTENT_TERMS = 4
TOP_TERMS = 80  # terms kept of a stored vector


def _top(vec: Terms, k: int) -> Terms:
    return dict(sorted(vec.items(), key=lambda kv: -kv[1])[:k])


def _df(con: duckdb.DuckDBPyConnection, docs: dict[str, Views]) -> tuple[dict[str, int], int]:
    """The store's document frequencies of the chunk's terms and its size *before* the chunk; the
    chunk is then counted in (``grouping.ChunkDf`` adds it article by article)."""
    terms = pd.DataFrame({"term": [k for v in docs.values() for k in keyed(v)]})
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
    """Article id -> thread id for new articles (in ingest order); near-copies join their original's.
    The threads they joined are then regrouped into stories (``grouping.recheck``).

    The chunk's candidates come from the store in one query; the chunk's earlier articles compete with
    them for the same ``CANDIDATES`` places, and IDF grows article by article (``grouping.ChunkDf``): the
    threads come out as if the articles had been linked one at a time, whatever the chunk size."""
    parsed = [views(d.text, d.title) for d in docs]
    before, n_stored = _df(con, {d.id: v for d, v in zip(docs, parsed, strict=True)})
    df = ChunkDf(before, n_stored, parsed)
    vecs = [df.vectors(v, k) for k, v in enumerate(parsed)]
    keys = {d.id: _keys(parsed[k], vecs[k]) for k, d in enumerate(docs)}
    stored = _candidates(con, docs, keys, near)
    wanted = {key for found in stored.values() for _, c in found for key in keyed(c.raw)}
    df.fill(con, wanted)
    threads = _Threads(_sizes(con, {c.story for found in stored.values() for _, c in found}))
    by_key: dict[str, list[_Stored]] = defaultdict(list)
    joined: dict[str, str] = {}
    raws: dict[str, Views] = {}
    for k, doc in enumerate(docs):
        shared = Counter(c.id for key in keys[doc.id] for c in by_key[key] if _near_in_time(c.day, doc.day))
        earlier = {c.id: c for key in keys[doc.id] for c in by_key[key]}
        hits = [(n, c) for n, c in stored.get(doc.id, []) if n > 0] + [
            (n, earlier[i]) for i, n in shared.items()
        ]
        pool = {c.id: c for _, c in sorted(hits, key=lambda nc: (-nc[0], nc[1].id))[:CANDIDATES]}
        pool.update((c.id, c) for n, c in stored.get(doc.id, []) if n < 0)
        scored = [
            (c.id, threads.find(c.story), similarity(*vecs[k], *df.vectors(c.raw, k))) for c in pool.values()
        ]
        joined[doc.id] = threads.join(doc.id, _close_threads(scored, near.get(doc.id, [])))
        raws[doc.id] = _raw(parsed[k], vecs[k])
        mine = _Stored(doc.id, doc.day, joined[doc.id], raws[doc.id])
        for key in keys[doc.id]:
            by_key[key].append(mine)
    names = _smallest_ids(con, {d: threads.find(t) for d, t in joined.items()}, threads)
    insert(con, "link_vectors", [
        {"article_id": d.id, "day": d.day, "story_id": names[d.id], "content": json.dumps(raws[d.id].content),
         "names": json.dumps(raws[d.id].names), "markers": json.dumps(sorted(markers(d)))}
        for d in docs
    ])  # fmt: skip
    insert(
        con,
        "link_postings",
        [{"term": t, "article_id": d.id, "day": d.day} for d in docs for t in keys[d.id]],
    )
    recheck(con, {names[d.id]: k for k, d in enumerate(docs)}, df)
    return names


class _Threads:
    """Union-find over thread labels with their sizes: a report that bridges threads merges them."""

    def __init__(self, sizes: dict[str, int]) -> None:
        self.parent: dict[str, str] = {}
        self.size = dict(sizes)

    def find(self, label: str) -> str:
        while (up := self.parent.get(label, label)) != label:
            label = up
        return label

    def join(self, doc_id: str, close: list[str]) -> str:
        """The thread ``doc_id`` joins: the first of ``close`` with room, then bridged to the others
        while they fit; its own when none has room."""
        self.size[doc_id] = 1
        room = [t for t in dict.fromkeys(self.find(t) for t in close) if self.size.get(t, 1) < THREAD_MAX]
        if not room:
            return doc_id
        chosen = room[0]
        self.size[chosen] = self.size.get(chosen, 1) + 1
        for other in room[1:]:
            if self.size[chosen] + self.size.get(other, 1) <= THREAD_MAX:
                self.parent[other] = chosen
                self.size[chosen] += self.size.get(other, 1)
        return chosen


def _sizes(con: duckdb.DuckDBPyConnection, threads: set[str]) -> dict[str, int]:
    if not threads:
        return {}
    con.register("_threads", pd.DataFrame({"story_id": sorted(threads)}))
    try:
        rows = con.execute(
            "SELECT story_id, count(*) FROM link_vectors JOIN _threads USING (story_id) GROUP BY story_id"
        ).fetchall()
    finally:
        con.unregister("_threads")
    return {t: int(n) for t, n in rows}


def _smallest_ids(
    con: duckdb.DuckDBPyConnection, joined: dict[str, str], threads: _Threads
) -> dict[str, str]:
    """Name each thread after its smallest article id (a stored thread's name is its smallest already),
    whatever order or chunks its articles came in; a stored thread that a new article with a smaller id
    joined, or that was merged into another, is renamed in ``link_vectors`` (the articles' stories are
    named by ``grouping.recheck``)."""
    labels = {*joined.values(), *threads.parent, *joined}
    name: dict[str, str] = {}
    for label in sorted(labels):
        name.setdefault(threads.find(joined.get(label, label)), label)
    stored = labels - set(joined)
    renames = {t: name[threads.find(t)] for t in stored if name[threads.find(t)] != t}
    rename(con, "link_vectors", "story_id", renames)
    return {doc: name[threads.find(t)] for doc, t in joined.items()}


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


def _close_threads(scored: list[tuple[str, str, float]], near: list[str]) -> list[str]:
    """The threads a new article belongs to, best first: its near-copies' thread, and every thread whose
    retrieved members it is, on average, at least ``JOIN_SIMILARITY`` similar to.

    ``scored`` holds (article id, its thread, similarity) for the candidates."""
    by_thread: dict[str, list[float]] = defaultdict(list)
    for _, thread, sim in scored:
        by_thread[thread].append(sim)
    ranked = sorted(((-float(np.mean(s)), t) for t, s in by_thread.items()))
    copies = [thread for other, thread, _ in scored if other in near]
    return [*copies[:1], *(t for mean, t in ranked if -mean >= JOIN_SIMILARITY)]
