"""A real DuckDB store in tmp, and articles and events built by the tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from sitrep.records import Article, Event, EventActor, Place, Provenance, Span
from sitrep.stages.clean import article_id
from sitrep.store import db

BAGHDAD = Place(98182, "Baghdad", "IQ", "07", 33.34, 44.40, "P")
BASRA = Place(99532, "Basra", "IQ", "02", 30.51, 47.78, "P")
MILITIA = "prov:org:the-militia"  # the actor record every test report names, unless it says otherwise


@pytest.fixture
def store(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    con = db.connect(tmp_path / "sitrep.duckdb")
    yield con
    con.close()


def make_event(text: str, word: str, type_: str = "ASSAULT", place: Place | None = BAGHDAD,
               day: str | None = "2020-11-17", source: str | None = None,
               modality: str = "asserted", actor: str | None = MILITIA) -> Event:  # fmt: skip
    at = text.index(word)
    party = EventActor(Span(0, 1, text[:1]), actor, "x", source, None) if source or actor else None
    return Event(
        id=f"{article_id(text)}-{at}", plover_type=type_, plover_mode=None, cameo=None,
        trigger=Span(at, at + len(word), word), source=party, target=None, place=place,
        place_flag="text", date=day, date_precision="day" if day else None, date_flag="text",
        killed=None, injured=None, arrested=None, quantity=None, weapon=None,
        modality=modality,  # type: ignore[arg-type]
        confidence=0.9, rule="test", evidence=(),
    )  # fmt: skip


def make_article(text: str, publisher: str | None = None, published: str | None = "2020-11-18",
                 original: str | None = None, events: tuple[Event, ...] = ()) -> Article:  # fmt: skip
    prov = Provenance(publisher, "metadata", original, None, original is not None and publisher is not None)
    return Article(
        id=article_id(text), text=text, source_ref="test", publisher=publisher, published_at=published,
        published_precision="day" if published else None, provenance=prov, events=events,
    )  # fmt: skip


def write(con: duckdb.DuckDBPyConnection, *articles: Article) -> None:
    from sitrep.batch import save

    save(con, articles)
