"""Gold-span accuracy (acc161) on the even and the odd article files of a GeoWebNews file, separately:
a quick check that a change helps both halves, not one article."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from sitrep.eval.places import KM_OK, km, read
from sitrep.stages.places import resolve_spans

GOLD = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/geo/GWN.xml")
files = [int(a.get("file") or 0) for a in ET.parse(GOLD).getroot().iter("article")]
hits = {0: [0, 0], 1: [0, 0]}
for number, art in zip(files, read(GOLD), strict=True):
    found = resolve_spans(art.text, [(g.start, g.end) for g in art.toponyms], url=art.link)
    for gold, place in zip(art.toponyms, found, strict=True):
        ok = place is not None and km(gold.lat, gold.lon, place.lat or 0.0, place.lon or 0.0) <= KM_OK
        hits[number % 2][0] += ok
        hits[number % 2][1] += 1
for parity, (right, total) in hits.items():
    print(f"{'even' if parity == 0 else 'odd'} files: {right}/{total} = {right / total:.4f}")
