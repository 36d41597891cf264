"""Cost per article of linking (near-duplicates, stories, incidents) as the store grows.

    python scripts/bench_linking.py [--sizes 1000,2000,5000,10000] [--chunk 32] [--append]

``make bench`` calls ``main([...])`` from ``scripts/bench.py``; ``--append`` adds the table to
docs/benchmarks.md.

Synthetic articles (made-up words and names; a third retell an earlier story, a tenth repost an earlier
article; two events each, at one of 300 places, done by one of the story's people (so that the reports
of a story agree on an actor and can join one incident); 40 articles a day, so the store grows over time as a
real one does) are written and linked chunk by chunk, as the batch does. At each store size the next
chunks are timed: milliseconds per article of ``sitrep.linking.link`` (CPU of this process and wall
clock; the median over the timed chunks). Flat figures across sizes mean the blocking works.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import benchdoc

from sitrep.linking import link
from sitrep.records import Article, Event, EventActor, Place, Provenance, Span
from sitrep.stages.clean import article_id
from sitrep.store import db

TYPES = ("ASSAULT", "PROTEST", "CONSULT", "COERCE", "REQUEST")
START = date(2020, 1, 1)
PER_DAY = 40  # a store grows over time: the news of a day, not of the whole store, competes in a block


class Corpus:
    def __init__(self, seed: int = 0) -> None:
        self.rng = random.Random(seed)
        syllables = ["ka", "lo", "mi", "ra", "tu", "ve", "shi", "dan", "bor", "el", "qa", "zin", "po", "ar"]
        self.words = sorted({"".join(self.rng.choices(syllables, k=3)) for _ in range(3000)})
        self.names = sorted({w.capitalize() for w in self.rng.sample(self.words, 800)})
        self.places = [
            Place(i, f"Town{i}", "XX", None, self.rng.uniform(-40, 60), self.rng.uniform(-20, 120), "P")
            for i in range(300)
        ]
        self.stories: list[tuple[list[str], list[str], int, Place]] = []
        self.n = 0
        self.texts: list[str] = []

    def _story(self) -> tuple[list[str], list[str], int, Place]:
        if self.stories and self.rng.random() < 0.35:
            return self.rng.choice(self.stories[-200:])
        story = (self.rng.sample(self.names, 4), self.rng.sample(self.words, 25),
                 self.n // PER_DAY, self.rng.choice(self.places))  # fmt: skip
        self.stories.append(story)
        return story

    def article(self) -> Article:
        names, words, day, place = self._story()
        self.n += 1
        if self.texts and self.rng.random() < 0.1:  # a repost: an earlier article with new chrome
            text = f"Site{self.n}- " + self.rng.choice(self.texts[-500:]) + " Spread the love"
            return self._article(text, names, day, place)
        sentences = []
        for _ in range(12):
            picked = self.rng.sample(words, 6) + self.rng.sample(self.words, 6) + self.rng.sample(names, 2)
            self.rng.shuffle(picked)
            sentences.append(" ".join(picked).capitalize() + ".")
        text = f"Report {self.n}. " + " ".join(sentences)
        self.texts.append(text)
        return self._article(text, names, day, place)

    def _article(self, text: str, names: list[str], day: int, place: Place) -> Article:
        aid = article_id(text)
        published = (START + timedelta(days=day)).isoformat()
        events = tuple(
            Event(
                id=f"{aid}-{k}", plover_type=self.rng.choice(TYPES[:2]) if k == 0 else self.rng.choice(TYPES),
                plover_mode=None, cameo=None, trigger=Span(0, 6, "Report"), target=None,
                source=EventActor(Span(0, 6, "Report"), f"prov:{names[k].lower()}", names[k], None, None),
                place=place, place_flag="text", date=published, date_precision="day", date_flag="text",
                killed=None, injured=None, arrested=None, quantity=None, weapon=None, modality="asserted",
                confidence=0.8, rule="bench", evidence=(),
            )
            for k in range(2)
        )  # fmt: skip
        prov = Provenance(f"Outlet{self.rng.randrange(50)}", "metadata", None, None, False)
        return Article(id=aid, text=text, source_ref="bench", publisher=prov.publisher, published_at=published,
                       published_precision="day", provenance=prov, events=events)  # fmt: skip


def _chunk(con: object, articles: list[Article]) -> tuple[float, float]:
    """Seconds of the link (CPU of this process, and wall clock) after the chunk is written."""
    db.write(con, articles, ingested_at="2026-01-01T00:00:00")  # type: ignore[arg-type]
    cpu, wall = time.process_time(), time.perf_counter()
    link(con, [a.id for a in articles])  # type: ignore[arg-type]
    return time.process_time() - cpu, time.perf_counter() - wall


# Linking's own tables and the tables it reads, with what makes a copy another article of an earlier time.
_KEYED = {
    "articles": "id, story_id, repost_of",
    "events": "id, article_id, incident_id",
    "incidents": "id",
    "link_minhash": "article_id",
    "link_bands": "article_id",
    "link_vectors": "article_id, story_id",
    "link_postings": "article_id",
    "link_event_blocks": "block, event_id, article_id, incident_id, story_id",
}
_DAYS = {
    "articles": "published_date", "events": "date_from, date_to", "incidents": "date_from, date_to",
    "link_vectors": "day", "link_postings": "day", "link_event_blocks": "day, day_end",
}  # fmt: skip


def copy_store(con: Any, size: int) -> int:
    """Grow the store to ``size`` articles by copies of the articles written so far, each copy moved
    whole into an earlier stretch of time (ids, stories, incidents and blocks renamed, LSH buckets
    changed, days shifted back), so that the store is older and larger but today's news is unchanged:
    what grows is what every lookup must search through. Returns the articles now stored."""
    base = con.execute("SELECT count(*), min(published_date), max(published_date) FROM articles").fetchone()
    n, first, last = base
    span = (last - first).days + 7
    for k in range(1, -(-size // n)):
        for table, cols in _KEYED.items():
            names = [c.strip() for c in cols.split(",")]
            shifted = [c.strip() for c in _DAYS.get(table, "").split(",") if c.strip()]
            swaps = [f"{c} || '~{k}' AS {c}" for c in names]
            swaps += [f"{c} - INTERVAL {k * span} DAY AS {c}" for c in shifted]
            if table == "link_bands":
                swaps.append(f"xor(bucket, {k * 2654435761}) AS bucket")
            where = f"WHERE {names[0]} NOT LIKE '%~%'"
            con.execute(f"INSERT INTO {table} SELECT * REPLACE ({', '.join(swaps)}) FROM {table} {where}")
    stored = int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
    con.execute(f"UPDATE link_df SET n = n * {stored // n}")
    return stored


def main(argv: Sequence[str] | None = None) -> list[tuple[int, float, float]]:
    """(stored articles, CPU ms per article, wall ms per article) at each size; printed as a table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="1000,2000,5000,10000")
    parser.add_argument("--chunk", type=int, default=32)
    parser.add_argument("--timed-chunks", type=int, default=8)
    parser.add_argument("--append", action="store_true", help="append the table to docs/benchmarks.md")
    parser.add_argument("--copies-from", type=int, default=0,
                        help="past this many stored articles, reach the next size by synthetic copies")  # fmt: skip
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    corpus = Corpus()
    rows: list[tuple[int, float, float]] = []
    lines = [
        "| stored articles | link CPU ms/article (median of chunks) | link wall ms/article (median) |",
        "|---:|---:|---:|",
    ]
    print("\n".join(lines), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        con = db.connect(Path(tmp) / "bench.duckdb")
        con.execute("SET threads = 1")  # the machine is shared: one thread gives steadier figures
        stored = 0
        for size in sizes:
            if args.copies_from and stored >= args.copies_from:
                stored = copy_store(con, size)
            while stored < size:
                batch = [corpus.article() for _ in range(min(256, size - stored))]
                _chunk(con, batch)
                stored += len(batch)
            cpu, wall = [], []
            for _ in range(args.timed_chunks):
                batch = [corpus.article() for _ in range(args.chunk)]
                c, w = _chunk(con, batch)
                cpu.append(1000 * c / len(batch))
                wall.append(1000 * w / len(batch))
                stored += len(batch)
            rows.append((size, statistics.median(cpu), statistics.median(wall)))
            lines.append(f"| {size:,} | {rows[-1][1]:.1f} | {rows[-1][2]:.1f} |")
            print(lines[-1], flush=True)
        con.close()
    growth = rows[-1][1] / rows[0][1]
    summary = f"CPU per article {growth:.2f}× from {rows[0][0]:,} to {rows[-1][0]:,} stored articles."
    print(summary)
    if args.append:
        when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        benchdoc.append([
            f"\n### Linking cost per article as the store grows, {when}\n",
            f"Command: `python scripts/bench_linking.py {' '.join(argv or [])}` (called by `make bench`); "
            f"load average {load} (2 cores shared).\n",
            *lines, "", summary,
        ])  # fmt: skip
    return rows


if __name__ == "__main__":
    main()
