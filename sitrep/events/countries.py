"""A last-resort country reading of an argument's words, for when the actors stage resolved nothing.

Not an actor dictionary: only country names, alternative spellings and demonyms as countryinfo and
pycountry ship them ("Hungarian officials" → HUN). Actor records come from the actors stage.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sitrep.context import Context

_WORD = re.compile(r"[A-Z][\w.'’-]*(?:\s+(?:of\s+)?[A-Z][\w.'’-]*)*")
_POSSESSIVE = re.compile(r"['’]s?$")
# Spellings common in news that neither library lists.
_EXTRA = {
    "U.S.": "USA",
    "US": "USA",
    "America": "USA",
    "American": "USA",
    "Americans": "USA",
    "Britain": "GBR",
    "British": "GBR",
    "UK": "GBR",
    "U.K.": "GBR",
    "Northern Ireland": "GBR",  # else its last word reads as the Republic of Ireland
}


def build() -> dict[str, str]:
    """Name, spelling or demonym (case kept: "US" is a country, "us" is not) → ISO alpha-3."""
    import pycountry
    from countryinfo import all_countries

    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names.setdefault(value, c.alpha_3)
    for info in all_countries():
        try:
            code = info.iso()["alpha3"]
            spellings = [info.name(), info.demonym(), *info.alt_spellings()]
        except Exception:  # a record without the field: skip it, the others still help
            continue
        for value in spellings:
            if value and len(value) > 3 and not value.isupper():
                names.setdefault(value, code)
                names.setdefault(value.title(), code)
            elif value and value.isupper() and len(value) == 2:
                names.setdefault(value, code)
    names.update(_EXTRA)
    return names


def table(ctx: Context) -> dict[str, str]:
    return ctx.resource("events.countries", build)


@lru_cache(maxsize=512)
def alpha3(alpha2: str | None) -> str | None:
    """ISO alpha-3 for a place's alpha-2 country (a visit to Baghdad is hosted by IRQ)."""
    import pycountry

    found = pycountry.countries.get(alpha_2=alpha2) if alpha2 else None
    return found.alpha_3 if found else None


def country_in(text: str, names: dict[str, str]) -> str | None:
    """The first country named in ``text`` (longest capitalised run first, then its words)."""
    for run in _WORD.findall(text):
        words = run.split()
        for size in range(len(words), 0, -1):
            for i in range(len(words) - size + 1):
                phrase = " ".join(words[i : i + size])
                bare = _POSSESSIVE.sub("", phrase)
                code = (
                    names.get(phrase) or names.get(bare) or names.get(bare[:-1] if bare.endswith("s") else "")
                )
                if code is not None:
                    return code
    return None
