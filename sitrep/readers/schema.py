"""One input article, validated where it enters: table rows (CSV, JSONL, Parquet), the API and
``sitrep.process`` all go through ``ArticleInput``.

Values must have the right type: a number, a boolean or an object where text belongs is an error, not
text (JSON ``123`` is not an article). The publication date is normalised by ``timex.published`` (ISO
text; a date that cannot be read exactly is an error). A failed row becomes a Reject naming the row and
the field, and is never stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from sitrep.errors import InputError
from sitrep.records import Source
from sitrep.timex import published as published_date

# The column names table inputs use for each field, first non-empty one wins.
ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "articleBody"),
    "published": ("published", "date", "published_at", "datePublished"),
    "url": ("url", "link"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "publisher", "source", "site"),
}


class ArticleInput(BaseModel):
    """An article as a caller or a table row gives it."""

    model_config = ConfigDict(strict=True)

    text: str = Field(min_length=1, description="The article's text (plain text).")
    title: str | None = Field(None, max_length=2_000)
    url: str | None = Field(None, max_length=4_000)
    published: str | None = Field(
        None,
        max_length=published_date.MAX_CHARS,
        description="Publication date: ISO-8601 date or datetime (RFC 2822 and dates in words are "
        "normalised to ISO; relative words are refused).",
    )
    outlet: str | None = Field(None, max_length=200)

    @field_validator("text")
    @classmethod
    def _has_words(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("empty or whitespace only")
        return value

    @field_validator("published", mode="before")
    @classmethod
    def _date(cls, value: Any) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str | date | datetime):
            raise ValueError(f"a date is text or a date, not {type(value).__name__}")
        try:
            found = published_date.parse_optional(value)
        except published_date.DateError as exc:
            raise ValueError(str(exc)) from None
        return found.value if found else None

    def source(self, ref: str, published_source: str | None = None) -> Source:
        return Source(
            ref=ref, text=self.text, url=self.url, title=self.title, published=self.published,
            publisher=self.outlet, published_source=published_source if self.published else None,
        )  # fmt: skip


class TableRow(ArticleInput):
    """A row of a CSV, JSONL or Parquet table: columns may use other names, empty cells are absent,
    and columns sitrep does not know are ignored."""

    @model_validator(mode="before")
    @classmethod
    def _columns(cls, row: Any) -> Any:
        if not isinstance(row, Mapping):
            raise ValueError("row is not an object")
        fields: dict[str, Any] = {}
        for name, columns in ALIASES.items():
            for column in columns:
                value = row.get(column)
                if value is not None and value != "":
                    fields[name] = value
                    break
        return fields


def reason(exc: ValidationError) -> str:
    """One line naming each bad field: 'text: Input should be a valid string'."""
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error["loc"]) or "row"
        parts.append(f"{where}: {error['msg'].removeprefix('Value error, ')}")
    return "; ".join(parts)


def validate(model: type[ArticleInput], value: Any) -> ArticleInput:
    """``model`` validated from ``value``; InputError (one line) when it does not conform."""
    try:
        return model.model_validate(value)
    except ValidationError as exc:
        raise InputError(reason(exc)) from None
