"""A small store built by hand (no spaCy): events whose dates, sectors, modes and places exercise every
rule of the exports and of ``sitrep check``. Sentences are constructed for the tests."""

from __future__ import annotations

from pathlib import Path

from sitrep.records import Actor, ActorMention, Article, Event, EventActor, Place, PlaceMention, Span
from sitrep.store import db

BAGHDAD = Place(98182, "Baghdad", "IQ", "07", 33.34, 44.40, "P", "PPLC", 7216000)
IRAQ = Place(99237, "Iraq", "IQ", "00", 33.0, 44.0, "A", "PCLI", 38000000)
LYON = Place(2996944, "Lyon", "FR", "84", 45.75, 4.85, "P", "PPLA", 500000)
TEXT = "Police beat reporters of Al Jazeera in Baghdad last week while doctors watched; they fled to Iraq."
POLICE = Actor("iraq-police", "Iraqi Police", "organisation", "IRQ", "COP")
INCIDENT = "inc-1"


def party(text: str, country: str | None, sector: str | None, actor_id: str | None = None) -> EventActor:
    start = TEXT.index(text)
    return EventActor(Span(start, start + len(text), text), actor_id, text, country, sector)


def event(n: int, **kw: object) -> Event:
    fields: dict[str, object] = dict(
        id=f"{n:02d}abcdef0123456789", plover_type="ASSAULT", plover_mode="beat", cameo="182",
        trigger=Span(7, 11, "beat"), source=party("Police", "IRQ", "COP", POLICE.id),
        target=party("reporters of Al Jazeera", "QAT", "MED"), place=BAGHDAD, place_flag="text",
        date="2020-11-19", date_precision="day", date_flag="text", killed=None, injured=2, arrested=None,
        quantity=None, weapon=None, modality="asserted", confidence=0.9, rule="test", evidence=(),
    )  # fmt: skip
    fields.update(kw)
    return Event(**fields)  # type: ignore[arg-type]


EVENTS = (
    event(1, incident_id=INCIDENT),
    event(2, date="2020-W46", date_precision="week"),  # a week: date is its Monday, enddate its Sunday
    event(3, source=None),  # no doer named: the manual's UNK actor
    event(4, plover_mode="pro_autocracy", cameo="175"),  # a PLOVER context, never a mode
    event(5, plover_mode="assassinate", cameo="186"),  # an older mode name
    event(6, target=party("doctors", "IRQ", "HLH"), place=None, place_flag="none"),
    event(7, date=None, date_precision=None, date_flag="publication"),
    event(8, plover_type="COERCE", plover_mode="beat", cameo="173"),  # a mode of another category: dropped
    event(
        9,
        source=party("they", "IRQ", "CVL"),
        place=IRAQ,
        cameo="0231",
        plover_type="REQUEST",
        plover_mode="assist",
    ),  # a pronoun is no name
)
ARTICLE = Article(
    id="a1", text=TEXT, source_ref="t", url="https://example.org/a", published_at="2020-11-19",
    published_precision="day", language="en", events=EVENTS, pipeline_version="t",
    places=(PlaceMention(TEXT.index("Baghdad"), TEXT.index("Baghdad") + 7, "Baghdad", BAGHDAD),
            PlaceMention(TEXT.index("Iraq"), TEXT.index("Iraq") + 4, "Iraq", IRAQ)),
    mentions=(ActorMention(0, 6, "Police", POLICE),),
)  # fmt: skip
OTHER = Article(
    id="a2", text="Rebels attacked Lyon.", source_ref="t2", published_at="2020-11-20", published_precision="day",
    language="en", pipeline_version="t",
    events=(event(10, incident_id=INCIDENT, trigger=Span(7, 15, "attacked"), source=None, target=None),),
)  # fmt: skip


def build(path: Path, articles: tuple[Article, ...] = (ARTICLE, OTHER)) -> Path:
    con = db.connect(path)
    db.write(con, list(articles), ingested_at="2020-11-20T10:00:00+00:00")
    con.execute(
        """INSERT INTO incidents (id, plover_type, event_count, article_count, outlet_count, date_from, date_to)
           VALUES (?, 'ASSAULT', 2, 2, 2, DATE '2020-11-19', DATE '2020-11-19')""",
        [INCIDENT],
    )
    con.close()
    return path
