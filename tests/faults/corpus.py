"""A constructed corpus for fault injection: a few hundred short news items about a few dozen
happenings, each reported by several outlets in different words, so that linking has incidents to
group. Deterministic (seeded), small and fast to parse; nothing here comes from a gold set."""

from __future__ import annotations

import json
import random
from pathlib import Path

DOERS = ["Rebels", "Militants", "Police", "Soldiers", "Gunmen", "Protesters"]
PLACES = ["Baghdad", "Kabul", "Mosul", "Goma", "Aleppo", "Mogadishu", "Kandahar", "Basra", "Tripoli", "Sanaa"]
ACTS = [
    (
        "attacked a checkpoint in {place}",
        "stormed a checkpoint near {place}",
        "hit a checkpoint outside {place}",
    ),
    ("arrested {n} people in {place}", "detained {n} men in {place}", "rounded up {n} suspects in {place}"),
    ("fired rockets at {place}", "shelled districts of {place}", "launched rockets into {place}"),
    ("marched through {place}", "rallied in central {place}", "demonstrated in {place}"),
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
OUTLETS = ["Daily Star", "Morning Post", "Evening Herald", "City Times", "Valley News", "Coast Gazette"]
CLOSERS = [
    "Officials said the situation was calm by evening.",
    "A spokesman declined to comment.",
    "Witnesses described the scene to reporters.",
    "Local officials promised an inquiry.",
]


def items(n: int = 300, seed: int = 19) -> list[dict[str, str]]:
    rng = random.Random(seed)
    out: list[dict[str, str]] = []
    happening = 0
    while len(out) < n:
        doer, place, acts = rng.choice(DOERS), rng.choice(PLACES), rng.choice(ACTS)
        day, count = rng.randrange(1, 28), rng.randrange(2, 40)
        weekday = DAYS[day % len(DAYS)]
        for outlet in rng.sample(OUTLETS, rng.randrange(1, 5)):
            verb = rng.choice(acts).format(place=place, n=count)
            text = (f"{doer} {verb} on {weekday}, {outlet} reported. {rng.choice(CLOSERS)} "
                    f"The report was item {len(out)} of the {outlet} wire.")  # fmt: skip
            out.append({"title": f"{doer} in {place}", "text": text, "date": f"2020-01-{day:02d}",
                        "outlet": outlet, "url": f"https://{outlet.lower().replace(' ', '')}.example/{happening}/{len(out)}"})  # fmt: skip
        happening += 1
    return out[:n]


def build(folder: Path, n: int = 300, seed: int = 19) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "items.jsonl"
    path.write_text("".join(json.dumps(i) + "\n" for i in items(n, seed)))
    return path
