"""The read endpoints: one resource per table, each with the filters an analyst asks for and pagination."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict
from datetime import date
from typing import Annotated, Any, Literal

import duckdb
from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, BeforeValidator

from sitrep.records import Modality
from sitrep.store import lookups, pages
from sitrep.store.queries import BBox, EventFilter
from sitrep.store.stats import stats as compute_stats
from sitrep.web import models
from sitrep.web.store import Store


def single_values(request: Request) -> None:
    """Every filter takes one value: a parameter given twice is refused, not silently the last one."""
    seen: set[str] = set()
    for key, _ in request.query_params.multi_items():
        if key in seen:
            loc = ("query", key)
            raise RequestValidationError([{"loc": loc, "msg": "given more than once", "type": "repeated"}])
        seen.add(key)


router = APIRouter(prefix="/api", dependencies=[Depends(single_values)])
EVENTS, ARTICLES, INCIDENTS, ACTORS, PLACES, QUOTES = (
    models.page_of(m) for m in (models.EventOut, models.ArticleSummary, models.IncidentOut, models.ActorOut,
                                models.PlaceOut, models.QuoteOut)
)  # fmt: skip


def respond(model: type[BaseModel], body: dict[str, Any]) -> Response:
    """Checked against the documented model and serialised by pydantic-core in one pass: a third of the
    time FastAPI's own validate-then-encode takes for a page of 1,000 events."""
    return Response(model.model_validate(body).model_dump_json(), media_type="application/json")


Text = Annotated[str | None, Query(max_length=200)]


def iso_day(value: object) -> object:
    """Only an ISO day: pydantic would also read a number as a Unix time ('since=0' as 1970-01-01)."""
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("expected an ISO date like 2020-11-19")
    return value


Day = Annotated[
    date | None,
    Query(description="ISO date (YYYY-MM-DD), inclusive; an event is kept when its own date range (a day, a "
          "week, a month: date_from..date_to) overlaps since..until."),
    BeforeValidator(iso_day),
]  # fmt: skip
Id = Annotated[str, Path(max_length=200)]
BBOX_HELP = "west,south,east,north in degrees, e.g. 38,29,49,38 for Iraq."


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def connection(store: Annotated[Store, Depends(store_of)]) -> Iterator[duckdb.DuckDBPyConnection]:
    with store.read() as con:
        yield con


Con = Annotated[duckdb.DuckDBPyConnection, Depends(connection)]


def page(
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,
) -> pages.Page:
    return pages.Page(limit=limit, offset=offset)


PageQ = Annotated[pages.Page, Depends(page)]


def parse_bbox(bbox: str | None) -> BBox | None:
    """Lenient on purpose: a box may cross the antimeridian (west > east); latitudes are put in order."""
    if bbox is None:
        return None
    west, south, east, north = (float(v) for v in bbox.split(","))
    south, north = sorted((_clamp(south, 90), _clamp(north, 90)))
    return _clamp(west, 180), south, _clamp(east, 180), north


def _clamp(value: float, limit: float) -> float:
    return max(-limit, min(limit, value))


NUMBER = r"-?[0-9]{1,3}(\.[0-9]{1,12})?"
Bbox = Annotated[
    str | None, Query(max_length=100, pattern=f"^{NUMBER}(,{NUMBER}){{3}}$", description=BBOX_HELP)
]


def event_filter(
    type: Annotated[str | None, Query(max_length=40, description="PLOVER event type, e.g. ASSAULT.")] = None,
    mode: Annotated[str | None, Query(max_length=40, description="PLOVER mode, e.g. aerial.")] = None,
    modality: Annotated[Modality | None, Query()] = None,
    actor: Annotated[str | None, Query(max_length=200, description="Actor id, code or name words.")] = None,
    country: Annotated[
        str | None, Query(max_length=3, description="ISO-2 of the place or ISO-3 of an actor.")
    ] = None,
    place: Annotated[str | None, Query(max_length=200, description="Place id or name.")] = None,
    bbox: Bbox = None,
    since: Day = None,
    until: Day = None,
    outlet: Annotated[str | None, Query(max_length=200, description="Publisher or original outlet.")] = None,
    text: Annotated[
        str | None, Query(max_length=200, description="Words of the trigger, actors, place or title.")
    ] = None,
    article: Annotated[str | None, Query(max_length=200)] = None,
    incident: Annotated[str | None, Query(max_length=200)] = None,
    located: Annotated[
        bool | None, Query(description="Only events with (true) or without (false) coordinates.")
    ] = None,
) -> EventFilter:
    return EventFilter(type=type, mode=mode, modality=modality, actor=actor, country=country, place=place,
                               bbox=parse_bbox(bbox), since=since, until=until, outlet=outlet, text=text,
                               article=article, incident=incident, located=located)  # fmt: skip


Events = Annotated[EventFilter, Depends(event_filter)]


@router.get("/events", response_model=EVENTS, summary="Events, filtered")
def list_events(
    con: Con, f: Events, p: PageQ,
    order: Annotated[Literal["newest", "oldest"], Query(description="By the days the event covers.")] = "newest",
) -> Response:  # fmt: skip
    return respond(EVENTS, pages.events(con, f, p, oldest=order == "oldest"))


def store_info(request: Request) -> dict[str, Any]:
    store = store_of(request)
    return {**asdict(store.state()), "accepts_articles": bool(request.app.state.token) and store.writable}


@router.get("/stats", response_model=models.StatsOut, summary="Event counts by type, week, country, modality")
def get_stats(con: Con, f: Events, request: Request) -> Response:
    return respond(models.StatsOut, {**compute_stats(con, f), "store": store_info(request)})


@router.get("/status", response_model=models.StoreInfo, summary="The store's generation, cheap to poll")
def get_status(request: Request) -> Response:
    return respond(models.StoreInfo, store_info(request))


@router.get("/articles", response_model=ARTICLES, summary="Articles, filtered")
def list_articles(
    con: Con, p: PageQ, outlet: Text = None, since: Day = None, until: Day = None, text: Text = None,
    language: Annotated[str | None, Query(max_length=10)] = None,
) -> Response:  # fmt: skip
    f = pages.ArticleFilter(outlet=outlet, since=since, until=until, text=text, language=language)
    return respond(ARTICLES, pages.articles(con, f, p))


@router.get(
    "/articles/{article_id}", response_model=models.ArticleDetail, summary="An article with every fact"
)
def get_article(con: Con, article_id: Id) -> Response:
    return respond(models.ArticleDetail, pages.article(con, article_id))


@router.get("/incidents", response_model=INCIDENTS, summary="Incidents with events that match the filters")
def list_incidents(con: Con, f: Events, p: PageQ) -> Response:
    return respond(INCIDENTS, lookups.incidents(con, f, p))


@router.get(
    "/incidents/{incident_id}", response_model=models.IncidentDetail, summary="An incident and its reports"
)
def get_incident(con: Con, incident_id: Id) -> Response:
    return respond(models.IncidentDetail, lookups.incident(con, incident_id))


@router.get("/actors", response_model=ACTORS, summary="Actors, filtered")
def list_actors(
    con: Con, p: PageQ, text: Text = None, country: Annotated[str | None, Query(max_length=3)] = None,
    kind: Annotated[str | None, Query(max_length=20)] = None,
) -> Response:  # fmt: skip
    return respond(ACTORS, lookups.actors(con, lookups.ActorFilter(text=text, country=country, kind=kind), p))


@router.get("/places", response_model=PLACES, summary="Places, filtered")
def list_places(
    con: Con, p: PageQ, text: Text = None, country: Annotated[str | None, Query(max_length=2)] = None,
    bbox: Bbox = None,
) -> Response:  # fmt: skip
    return respond(
        PLACES, lookups.places(con, lookups.PlaceFilter(text=text, country=country, bbox=parse_bbox(bbox)), p)
    )


@router.get("/quotes", response_model=QUOTES, summary="Quotes, filtered")
def list_quotes(
    con: Con, p: PageQ, article: Text = None, actor: Text = None, outlet: Text = None, text: Text = None,
    anonymous: bool | None = None,
) -> Response:  # fmt: skip
    f = lookups.QuoteFilter(article=article, actor=actor, outlet=outlet, text=text, anonymous=anonymous)
    return respond(QUOTES, lookups.quotes(con, f, p))
