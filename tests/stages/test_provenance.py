"""Provenance: publisher from URL, metadata, signature or prefix; the original outlet from attribution."""

from __future__ import annotations

import pytest

from sitrep.context import Context
from sitrep.pipeline import process
from sitrep.provenance.outlets import find_outlet, load_outlets, outlet_for_url
from sitrep.records import Article

BODY = "The army said on Monday that it had closed the border crossing near the city after clashes."


def test_provenance_seed_publisher_original_repost(seed_article: Article) -> None:
    prov = seed_article.provenance
    assert prov is not None
    assert prov.publisher == "Islam News"
    assert prov.original_outlet == "Middle East Eye"
    assert prov.original_span is not None and "Middel East Eye" in prov.original_span.text
    assert prov.is_repost is True


@pytest.mark.parametrize(
    ("kwargs", "publisher", "evidence"),
    [
        ({"url": "https://www.middleeasteye.net/news/iran-iraq"}, "Middle East Eye", "url"),
        ({"url": "https://news.bbc.co.uk/2/hi/world.stm"}, "British Broadcasting Corporation", "url"),
        ({"publisher": "Al Jazeera"}, "Al Jazeera", "metadata"),
        ({"publisher": "A Blog Nobody Knows"}, "A Blog Nobody Knows", "metadata"),
        ({}, None, None),
    ],
)
def test_provenance_publisher_evidence(ctx: Context, kwargs: dict[str, str], publisher: str | None,
                                       evidence: str | None) -> None:  # fmt: skip
    prov = process(BODY, ctx=ctx, **kwargs).provenance
    assert prov is not None
    assert (prov.publisher, prov.publisher_evidence) == (publisher, evidence)


@pytest.mark.parametrize(
    ("text", "original"),
    [
        ("BAGHDAD (Reuters) - " + BODY, "Reuters"),
        ("Al Jazeera reported that the army had closed the border crossing near the city.", "Al Jazeera"),
        (
            "Asociated Press (AP) reported that the army had closed the crossing near the city.",
            "Associated Press",
        ),
    ],
)
def test_provenance_original_outlet_from_attribution(ctx: Context, text: str, original: str) -> None:
    prov = process(text, ctx=ctx, url="https://www.dawn.com/news/1").provenance
    assert prov is not None
    assert prov.original_outlet == original
    assert prov.is_repost is True


def test_provenance_outlet_citing_itself_is_not_a_repost(ctx: Context) -> None:
    text = "Al Jazeera reported that the army had closed the border crossing near the city."
    prov = process(text, ctx=ctx, url="https://www.aljazeera.com/news/1").provenance
    assert prov is not None and prov.is_repost is False and prov.original_outlet is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("MEE", "Middle East Eye"),
        ("Middel East Eye", "Middle East Eye"),
        ("AFP", "Agence France-Presse"),
        ("IRNA", "Islamic Republic News Agency"),
        ("SANA", "Syrian Arab News Agency"),
        ("The BBC", "British Broadcasting Corporation"),
        ("the Middle East", None),
        ("commanders", None),
    ],
)
def test_find_outlet_names_abbreviations_misspellings(name: str, expected: str | None) -> None:
    outlet = find_outlet(name)
    assert (outlet.name if outlet else None) == expected


def test_outlets_data_has_300_with_sources() -> None:
    outlets = load_outlets().outlets
    assert len(outlets) >= 300
    assert all(o.source for o in outlets)
    assert outlet_for_url("https://edition.cnn.com/x") is not None
