"""Throughput and peak memory of the line with `--parse full` and `--parse triage` against bare spaCy.

Same texts in the same run, one process each: every run is a fresh process under a small wrapper, so its
ru_maxrss is its own. The three runs go in turn ROUNDS times, so a change of load on the shared machine
hits all three alike; the ratios are per round. Corpus: ../shared/corpus/wikinews/*.csv plus the seed,
written as JSONL (repeated REPEAT times with a copy marker, as scripts/bench.py does); bare `nlp.pipe`
(batch 8, the line's batch size) parses the cleaned texts that the full-mode ingest stored. Then the
two stores of the first round are compared row by row: how many of the full parse's events, quotes,
times and mentions the triage parse also stored (same article, same span, same values). Prints Markdown
tables for docs/benchmarks-ingest.md.

`--components` instead times each component of the model alone over the first 100 Wikinews texts (best
of 3) and counts the share of tokens that triage sends to the whole pipeline: what triage can save.

Usage: python scripts/bench_parse_modes.py [--rounds 2] [--repeat 1] | --components
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from bench import BARE, BATCH, corpus

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
WRAPPER = """
import json, resource, subprocess, sys, time
t = time.perf_counter(); subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(json.dumps([time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024]))
"""
# what must agree for a row of the triage store to count as the full store's row ("*": all but ids)
SAME = {
    "events (trigger, type, mode, modality)": (
        "events", "article_id, trigger_start, trigger_end, plover_type, plover_mode, modality"),
    "events (and source, target, place, date)": (
        "events", "article_id, trigger_start, trigger_end, plover_type, plover_mode, modality, "
        "source_code, target_code, place_id, date"),
    "quotes (span, kind, speaker, cue)": ("quotes", "*"),
    "times (span, type, value)": ("times", 'article_id, start, "end", type, value'),
    "mentions (span, kind, actor)": ("mentions", 'article_id, start, "end", kind, actor_id'),
}  # fmt: skip


def measured(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of the command."""
    out = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], check=True, capture_output=True, text=True)
    wall, rss = json.loads(out.stdout.strip().splitlines()[-1])
    return float(wall), float(rss)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--components", action="store_true")
    args = parser.parse_args()
    if args.components:
        components()
        return
    sitrep = str(Path(sys.executable).with_name("sitrep"))
    runs: dict[str, list[tuple[float, float]]] = {"bare": [], "full": [], "triage": []}
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "corpus.jsonl"
        n = corpus(args.repeat, data)
        for r in range(args.rounds):
            stores = {mode: str(Path(tmp) / f"{mode}{r}.duckdb") for mode in ("full", "triage")}
            for mode, store in stores.items():
                runs[mode].append(
                    measured([sitrep, "ingest", str(data), "--db", store, "--quiet", "--parse", mode])
                )
            runs["bare"].append(measured([sys.executable, "-c", BARE, stores["full"], str(BATCH)]))
            print(
                f"round {r + 1}: " + ", ".join(f"{k} {n / v[-1][0]:.2f} art/s" for k, v in runs.items()),
                flush=True,
            )
            if r == 0:
                agreement = agree(stores["full"], stores["triage"])
    report(runs, n, args)
    print("\n| rows of the full parse | full | triage | in both | kept by triage |")
    print("|---|---|---|---|---|")
    for name, (full, fast, both) in agreement.items():
        print(f"| {name} | {full} | {fast} | {both} | {both / max(full, 1):.3f} |")


def components(n: int = 100, rounds: int = 3) -> None:
    import time

    import numpy

    from sitrep.context import Context
    from sitrep.stages import language, triage

    csv.field_size_limit(1 << 26)
    with (SHARED / "corpus" / "wikinews" / "wikinews_2019.csv").open(encoding="utf-8") as fh:
        texts = [t for row in csv.DictReader(fh) for t in language.segments(row["text"])][:n]
    ctx = Context(parse="triage")
    nlp = language.nlp(ctx)
    names = ["senter", *nlp.pipe_names]
    best = dict.fromkeys(["tokenizer", *names], float("inf"))
    for _ in range(rounds):
        t = time.perf_counter()
        docs = [nlp.make_doc(text) for text in texts]
        best["tokenizer"] = min(best["tokenizer"], time.perf_counter() - t)
        for name in names:
            t = time.perf_counter()
            docs = list(nlp.get_pipe(name).pipe(docs, batch_size=BATCH))  # type: ignore[attr-defined]
            best[name] = min(best[name], time.perf_counter() - t)
    whole = sum(v for k, v in best.items() if k != "senter")
    print(
        f"\n{len(texts)} texts, {sum(len(d) for d in docs)} tokens; load average {os.getloadavg()[0]:.1f}\n"
    )
    print("| component | seconds | share of the whole pipeline |\n|---|---|---|")
    for name, secs in best.items():
        print(f"| {name} | {secs:.2f} | {secs / whole:.3f} |")
    forms = numpy.fromiter((nlp.vocab.strings[f] for f in triage.cue_forms(ctx, nlp)), dtype=numpy.uint64)
    split = [nlp.get_pipe("senter")(nlp.make_doc(text)) for text in texts]  # type: ignore[operator]
    runs = [r for text, doc in zip(texts, split, strict=True) for r in triage._runs(text, doc, forms)]
    wanted = sum(e - s for s, e, w in runs if w) / sum(e - s for s, e, _ in runs)
    print(f"\nshare of tokens triage parses: {wanted:.3f}")


def agree(full: str, fast: str) -> dict[str, tuple[int, int, int]]:
    import duckdb

    con = duckdb.connect()
    con.execute(f"ATTACH '{full}' AS f (READ_ONLY); ATTACH '{fast}' AS t (READ_ONLY)")
    out = {}
    for name, (table, cols) in SAME.items():
        if cols == "*":
            cols = ", ".join(f'"{c}"' for c, in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_catalog = 'f' AND "
                f"table_name = '{table}' AND column_name NOT IN ('id', 'parent_quote_id', 'pipeline_version')"
            ).fetchall())  # fmt: skip
        q = f"SELECT {cols} FROM {{}}.{table}"
        n_full, n_fast = (con.execute(f"SELECT count(*) FROM ({q.format(db)})").fetchone()[0] for db in "ft")  # type: ignore[index]
        both = con.execute(
            f"SELECT count(*) FROM ({q.format('f')} INTERSECT ALL {q.format('t')})"
        ).fetchone()[0]  # type: ignore[index]
        out[name] = (n_full, n_fast, both)
    return out


def report(runs: dict[str, list[tuple[float, float]]], n: int, args: argparse.Namespace) -> None:
    names = {
        "bare": f"bare spaCy nlp.pipe (batch {BATCH})",
        "full": "sitrep ingest --parse full",
        "triage": "sitrep ingest --parse triage",
    }
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\n{when}; `python scripts/bench_parse_modes.py --rounds {args.rounds} --repeat {args.repeat}`; "
          f"{n} articles; load average at the end {load}\n")  # fmt: skip
    print("| run | round | seconds | articles/s | peak RSS (MB) | ratio to bare spaCy (same round) |")
    print("|---|---|---|---|---|---|")
    for key, name in names.items():
        for r, (wall, rss) in enumerate(runs[key]):
            ratio = runs["bare"][r][0] / wall
            print(f"| {name} | {r + 1} | {wall:.1f} | {n / wall:.2f} | {rss:.0f} | {ratio:.2f} |")
    for key in ("full", "triage"):
        ratios = [b[0] / m[0] for b, m in zip(runs["bare"], runs[key], strict=True)]
        print(f"\n{names[key]}: median ratio to bare {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
