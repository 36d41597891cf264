"""The events metrics on the even- and odd-indexed PLOVER records apart: how much tuning on one half
carries to the other. ``python scripts/eval_events_halves.py [GOLD]``."""

from __future__ import annotations

import sys
from pathlib import Path

from sitrep.eval import default_gold
from sitrep.eval.events import load, predict, score_predictions


def main(gold: Path) -> None:
    records = load(gold)
    predicted = predict(records)
    for name, parity in (("even", 0), ("odd", 1)):
        keep = [i for i in range(len(records)) if i % 2 == parity]
        result = score_predictions([records[i] for i in keep], [predicted[i] for i in keep])
        print(name, result.metrics)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else default_gold("events"))
