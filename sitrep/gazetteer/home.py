"""The publisher's country from an article's address: a known outlet's country, else the ccTLD.

A local paper writes "Colchester" or "Dundalk" for its own town; the country it publishes from is the
prior for same-name towns. Country-code domains that are sold as generic names (.tv, .io, .co ...)
say nothing about where the outlet is.
"""

from __future__ import annotations

from sitrep.provenance.outlets import bare_domain, outlet_for_url

GENERIC_TLDS = frozenset(
    {"ai", "am", "cc", "co", "fm", "gg", "io", "la", "ly", "me", "nu", "tk", "to", "tv", "ws"}
)
TLD_COUNTRY = {"uk": "GB"}  # the one ccTLD that is not the ISO code


def home_country(url: str | None) -> str:
    """ISO alpha-2 of the country the article was published from, "" when the address does not say."""
    if not url:
        return ""
    outlet = outlet_for_url(url)
    if outlet is not None and outlet.country:
        return outlet.country.upper()
    tld = bare_domain(url).rsplit(".", 1)[-1]
    if len(tld) != 2 or not tld.isalpha() or tld in GENERIC_TLDS:
        return ""
    return TLD_COUNTRY.get(tld, tld.upper())
