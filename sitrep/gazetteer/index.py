"""The compiled gazetteer: name → candidate places, from numpy arrays (≈ 25 MB in memory).

Keys are 64-bit hashes of normalised names, sorted; a lookup is one binary search. Places are rows of
parallel arrays; a ``Place`` record is made only for the candidates a resolver asks about.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from sitrep.errors import SitrepError
from sitrep.gazetteer.build import DATA, DEMONYM, FORMAT, PEOPLE, PRIMARY, SHORT, WORD
from sitrep.gazetteer.names import key_hash, norm
from sitrep.records import Place

INDEX = DATA / "gazetteer.npz"


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer row a name may mean, with how the name matched it."""

    row: int
    primary: bool  # the entry's own name, not an alternate
    demonym: bool  # "Iraqi" → Iraq
    people: bool  # "Iraqis": people, not a place or a modifier


class Gazetteer:
    def __init__(self, path: Path = INDEX) -> None:
        if not path.exists():
            raise SitrepError(f"gazetteer index missing at {path}: run scripts/build_gazetteer.py")
        with np.load(path) as data:
            if int(data["format"][0]) != FORMAT:
                raise SitrepError(f"gazetteer index {path} is format {data['format'][0]}, want {FORMAT}")
            arrays = {name: data[name] for name in data.files}
        self.digest = str(arrays["digest"][0])
        self._keys = arrays["keys"]
        self._starts = arrays["starts"]
        self._post = arrays["post"]
        self._flags = arrays["flags"]
        self.gid = arrays["gid"]
        self.lat = arrays["lat"]
        self.lon = arrays["lon"]
        self.pop = arrays["pop"]
        self.cc = arrays["cc"]
        self.admin1 = arrays["admin1"]
        self.fclass = arrays["fclass"]
        self.fcode = arrays["fcode"]
        self.curated = arrays["curated"]
        self._names = arrays["names"].tobytes()
        self._name_at = arrays["name_at"]

    def __len__(self) -> int:
        return len(self.gid)

    def lookup(self, name: str) -> tuple[Candidate, ...]:
        """Every place the name may mean (empty when the gazetteer does not know it).

        A short name written as a plain word ("La", "Act") does not match abbreviations and codes
        ("La." for Louisiana, "ACT"); a short one in capitals ("BA", "US") matches only codes.
        """
        key = norm(name)
        form = ""
        if len(key) <= SHORT and "." not in name:
            form = "code" if name.isupper() and len(key) <= 3 else "word" if not name.isupper() else ""
        return self._lookup_key(key, form)

    @lru_cache(maxsize=8192)  # noqa: B019 - one Gazetteer per process; the cache lives as long
    def _lookup_key(self, key: str, form: str) -> tuple[Candidate, ...]:
        if not key:
            return ()
        h = key_hash(key)
        i = int(np.searchsorted(self._keys, np.uint64(h)))
        if i == len(self._keys) or int(self._keys[i]) != h:
            return ()
        lo, hi = int(self._starts[i]), int(self._starts[i + 1])
        return tuple(
            Candidate(int(r), bool(f & PRIMARY), bool(f & DEMONYM), bool(f & PEOPLE))
            for r, f in zip(self._post[lo:hi].tolist(), self._flags[lo:hi].tolist(), strict=True)
            if not form or bool(f & WORD) == (form == "word")
        )

    def name(self, row: int) -> str:
        return str(self._names[self._name_at[row] : self._name_at[row + 1]].decode())

    def code(self, row: int) -> str:
        return str(self.fcode[row].decode())

    def country(self, row: int) -> str:
        return str(self.cc[row].decode())

    def region(self, row: int) -> str:
        """ "US.CA" style key of the row's first-level region ("" when it has none)."""
        a1 = self.admin1[row].decode()
        return f"{self.country(row)}.{a1}" if a1 else ""

    def place(self, row: int) -> Place:
        gid = int(self.gid[row])
        return Place(
            geonames_id=gid if gid > 0 else None,
            name=self.name(row),
            country=self.country(row) or None,
            admin1=self.admin1[row].decode() or None,
            lat=round(float(self.lat[row]), 5),
            lon=round(float(self.lon[row]), 5),
            feature_class=self.fclass[row].decode(),
            feature_code=self.code(row),
            population=int(self.pop[row]),
        )
