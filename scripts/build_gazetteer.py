"""Rebuild sitrep/data/places/gazetteer.npz from the installed packages and the supplement.

Run after changing the supplement files or the package versions, then commit the result:
    /tmp/venv/bin/python scripts/build_gazetteer.py
"""

from __future__ import annotations

from sitrep.gazetteer.build import DATA, build

if __name__ == "__main__":
    print(build(DATA / "gazetteer.npz"))
