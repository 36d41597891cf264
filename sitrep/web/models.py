"""The API's response shapes, made from the store's schema so the two cannot drift apart.

Each table's model has the table's columns (JSON-text columns as lists) plus the joined fields an
endpoint adds; list endpoints return ``{items, total, limit, offset}``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from sitrep.readers.schema import ArticleInput
from sitrep.store.queries import JSON_COLUMNS
from sitrep.store.schema import TABLES

SQL_TYPES: dict[str, type] = {
    "VARCHAR": str, "INTEGER": int, "BIGINT": int, "DOUBLE": float, "BOOLEAN": bool, "DATE": date,
}  # fmt: skip
Opt = Any  # a field spec for create_model: (type, default)


def _columns(table: str) -> dict[str, Opt]:
    fields: dict[str, Opt] = {}
    for name, sql_type in TABLES[table]:
        py: Any = list[Any] if name in JSON_COLUMNS else SQL_TYPES[sql_type]
        fields[name] = (py | None, None)
    return fields


def model(name: str, table: str | None = None, drop: tuple[str, ...] = (), **extra: Opt) -> type[BaseModel]:
    fields = {k: v for k, v in (_columns(table) if table else {}).items() if k not in drop}
    return create_model(name, __config__=ConfigDict(extra="ignore"), **fields, **extra)


def page_of(item: type[BaseModel]) -> type[BaseModel]:
    return model(
        f"{item.__name__}Page",
        items=(list[item], ...),  # type: ignore[valid-type]
        total=(int, ...),
        limit=(int, ...),
        offset=(int, ...),
    )


_str = (str | None, None)
_int = (int | None, None)
_float = (float | None, None)

ArticleSummary = model(
    "ArticleSummary", "articles", drop=("text", "cuts", "source_ref", "original_start", "original_end"),
    event_count=_int,
)  # fmt: skip
EventOut = model("Event", "events", title=_str, publisher=_str, url=_str, published_at=_str)
ArticleEvent = model("ArticleEvent", "events", drop=("article_id",))
TimeOut = model("Time", "times", drop=("article_id",))
MentionOut = model(
    "Mention", "mentions", drop=("article_id",), actor_name=_str, actor_code=_str, place_name=_str,
    place_country=_str, lat=_float, lon=_float,
)  # fmt: skip
QuoteOut = model("Quote", "quotes", title=_str, publisher=_str, published_at=_str)
ArticleQuote = model("ArticleQuote", "quotes", drop=("article_id",))
ArticleDetail = model(
    "ArticleDetail", "articles", times=(list[TimeOut], []), mentions=(list[MentionOut], []),  # type: ignore[valid-type]
    events=(list[ArticleEvent], []), quotes=(list[ArticleQuote], []),  # type: ignore[valid-type]
)  # fmt: skip
IncidentOut = model("Incident", "incidents", country=_str)
IncidentEvent = model(
    "IncidentEvent", "events", title=_str, publisher=_str, url=_str, published_at=_str,
    why=(dict[str, Any] | None, None),  # why linking joined it: type, actors, place, dates, same_story
)  # fmt: skip
IncidentDetail = model(
    "IncidentDetail", "incidents", country=_str,
    events=(list[IncidentEvent], []), articles=(list[ArticleSummary], []),  # type: ignore[valid-type]
)  # fmt: skip
ActorOut = model("Actor", "actors", mention_count=_int)
PlaceOut = model("Place", "places", mention_count=_int, event_count=_int)


class Count(BaseModel):
    type: str | None = None
    country: str | None = None
    modality: str | None = None
    week: str | None = None
    n: int


class StoreInfo(BaseModel):
    backend: str
    generation: str = Field(description="Changes whenever the store's files change: data shown is stale.")
    modified_at: str | None
    writing: bool = Field(description="A `sitrep ingest` holds the writer lock now.")
    accepts_articles: bool = Field(description="POST /api/articles is open to holders of the token.")


class StatsOut(BaseModel):
    totals: dict[str, int]
    events: int = Field(description="Events matching the filters.")
    articles: int = Field(description="Articles with events matching the filters.")
    by_type: list[Count]
    by_week: list[Count]
    by_country: list[Count]
    by_modality: list[Count]
    store: StoreInfo


class ArticleIn(ArticleInput):
    """The input schema every reader uses, with no unknown fields and a length cap for one request."""

    model_config = ConfigDict(extra="forbid", strict=True)
    text: str = Field(min_length=1, max_length=2_000_000, description="The article's text (plain text).")


class ErrorBody(BaseModel):
    status: int
    code: str
    message: str
    detail: list[Any] | None = None


class ErrorOut(BaseModel):
    error: ErrorBody
