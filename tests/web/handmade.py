"""A tiny store from hand-built records: known facts at known spans, for the page and XSS tests."""

from __future__ import annotations

import json
from pathlib import Path

from sitrep.records import (
    Actor,
    ActorMention,
    Article,
    Event,
    EventActor,
    Evidence,
    Place,
    PlaceMention,
    Provenance,
    Quote,
    Span,
    TimeExpr,
)  # fmt: skip
from sitrep.store import db

XSS = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">'
BAGHDAD = Place(98182, "Baghdad", "IQ", "07", 33.34058, 44.40088, "P", "PPLC", 7216000)
BASRA = Place(99532, "Basra", "IQ", "02", 30.50852, 47.7804, "P", "PPLA", 2600000)
IRAN = Actor("IRN", "Iran", "country", "IRN", None, aliases=("Islamic Republic",), sources=("test",))
USA = Actor("USA", "United States", "country", "USA", None, sources=("test",))
PMF = Actor("IRQREB-pmf", "Popular Mobilization Forces", "group", "IRQ", "REB", sources=("test",))
INCIDENT = "inc-green-zone"


def span(text: str, words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Span(start, start + len(words), words)


def event(
    text: str, eid: str, trigger: str, ptype: str, modality: str, place: Place | None, **kw: object
) -> Event:
    t = span(text, trigger)
    fields: dict[str, object] = {
        "id": eid, "plover_type": ptype, "plover_mode": None, "cameo": None, "trigger": t, "source": None,
        "target": None, "place": place, "place_flag": "text" if place else "none", "date": "2020-11-17",
        "date_precision": "day", "date_flag": "text", "killed": None, "injured": None, "arrested": None,
        "quantity": None, "weapon": None, "modality": modality, "confidence": 0.9, "rule": "test",
        "evidence": (Evidence("trigger", t.start, t.end, t.text),),
    }  # fmt: skip
    fields.update(kw)
    return Event(**fields)  # type: ignore[arg-type]


def rocket_article(outlet: str, url: str, lead: str) -> Article:
    text = (
        f"{lead} A barrage of rockets hit the Green Zone in Baghdad on Tuesday, killing a child. "
        "Iran could retaliate against the United States, a commander of the Popular Mobilization Forces "
        '"We will not stop," he told reporters. Officials in Basra said the militia did not attack the port.'
    )
    pmf = span(text, "Popular Mobilization Forces")
    usa = span(text, "United States")
    iran = span(text, "Iran")
    hit = event(text, f"{outlet}-e1", "hit", "ASSAULT", "asserted", BAGHDAD, killed=1, incident_id=INCIDENT,
                evidence=(Evidence("trigger", *_se(span(text, "hit"))), Evidence("killed", *_se(span(text, "killing a child")))))  # fmt: skip
    retaliate = event(
        text, f"{outlet}-e2", "retaliate", "ASSAULT", "hypothetical", None,
        source=EventActor(iran, "IRN", "Iran", "IRN", None), target=EventActor(usa, "USA", "United States", "USA", None),
    )  # fmt: skip
    negated = event(text, f"{outlet}-e3", "attack", "ASSAULT", "negated", BASRA)
    quote = span(text, '"We will not stop,"')
    return Article(
        id=f"art-{outlet.lower().replace(' ', '-')}", text=text, source_ref=f"test:{outlet}", url=url,
        title=f"Rockets hit Baghdad ({outlet})", publisher=outlet, published_at="2020-11-19",
        published_precision="day", published_source="caller", language="en",
        times=(TimeExpr(*_se(span(text, "Tuesday")), "DATE", "2020-11-17", "day"),),
        places=(PlaceMention(*_se(span(text, "Baghdad")), BAGHDAD), PlaceMention(*_se(span(text, "Basra")), BASRA)),
        mentions=(ActorMention(*_se(iran), IRAN), ActorMention(*_se(usa), USA), ActorMention(*_se(pmf), PMF)),
        quotes=(Quote(f"{outlet}-q1", *_se(quote), "direct", span(text, "he"), "IRQREB-pmf", False,
                      span(text, "told"), None),),
        events=(hit, retaliate, negated),
        provenance=Provenance(outlet, "caller", None, None, False),
        pipeline_version="test",
    )  # fmt: skip


def _se(s: Span) -> tuple[int, int, str]:
    return s.start, s.end, s.text


def xss_article() -> Article:
    text = f"Headline {XSS} Militants attacked a checkpoint near Basra {XSS} on Tuesday."
    evil_place = Place(None, f"Basra{XSS}", "IQ", None, 30.6, 47.9, "P")
    evil_actor = Actor(f"x{XSS}", f"Militants{XSS}", "group", "IRQ", "REB")
    return Article(
        id="art-xss", text=text, source_ref="test:xss", url="javascript:window.__xss = 3",
        title=f"Title {XSS}", publisher=f"Outlet {XSS}", published_at="2020-11-18", published_precision="day",
        language="en", places=(PlaceMention(*_se(span(text, "Basra")), evil_place),),
        mentions=(ActorMention(*_se(span(text, "Militants")), evil_actor),),
        times=(TimeExpr(*_se(span(text, "Tuesday")), "DATE", f"2020-11-17{XSS}", "day"),),
        events=(event(text, "xss-e1", "attacked", f"PROTEST{XSS}", "asserted", evil_place, weapon=XSS,
                      evidence=(Evidence("trigger", *_se(span(text, "attacked"))), Evidence("place", *_se(span(text, XSS))))),),
        provenance=Provenance(f"Outlet {XSS}", "caller", None, None, False), pipeline_version="test",
    )  # fmt: skip


ARTICLES = (
    rocket_article("Wikinews", "https://en.wikinews.org/wiki/Rockets_hit_Baghdad", "BAGHDAD —"),
    rocket_article("Middle East Eye", "https://www.middleeasteye.net/news/rockets", "Iraq:"),
)


def build(path: Path) -> Path:
    """Write the handmade articles and one incident merging the two rocket reports."""
    con = db.connect(path)
    db.write(con, [*ARTICLES, xss_article()], ingested_at="2020-11-20T00:00:00+00:00")
    con.execute(
        "INSERT INTO incidents VALUES (?, 'ASSAULT', ?, 'Baghdad', ?, ?, '2020-11-17', '2020-11-17', 2, 2, 2, '2020-11-17', 'day')",
        [INCIDENT, BAGHDAD.key, BAGHDAD.lat, BAGHDAD.lon],
    )
    why = {"with_event": "Wikinews-e1", "type": "ASSAULT", "actors": [PMF.id], "place": "same place (Baghdad)",
           "dates": "2020-11-17..2020-11-17", "same_story": True}  # fmt: skip
    con.execute("UPDATE events SET incident_role = 'member' WHERE incident_id = ?", [INCIDENT])
    con.execute("UPDATE events SET incident_reason = ? WHERE id = 'Middle East Eye-e1'", [json.dumps(why)])
    con.close()
    return path
