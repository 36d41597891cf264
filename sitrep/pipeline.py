"""The line: clean → language → time → places → actors → quotes → events → provenance.

Quotes run before events (DESIGN.md draws them after): an event inside attributed speech takes the
modality "reported" and the quote's id, so the events stage must see the quotes.

Every analysis stage is a module with ``NAME``, ``NEEDS`` (facts it reads), ``ADDS`` (the Article field
it fills) and ``run(article, doc, ctx) -> facts``. The order is checked once at import: a stage may only
read what an earlier stage added.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from sitrep import __version__
from sitrep.context import Context, default_context
from sitrep.errors import InputError
from sitrep.readers import schema
from sitrep.records import Article, Reject, Source
from sitrep.stages import actors, clean, events, language, places, provenance, quotes, time
from sitrep.stages.clean import article_id as article_id  # the faces name an article by it

if TYPE_CHECKING:
    from spacy.tokens import Doc

ANALYSIS: tuple[ModuleType, ...] = (time, places, actors, quotes, events, provenance)
BASE_FACTS = frozenset({"text", "title", "url", "publisher", "published_at", "language"})


def _check_order(stages: tuple[ModuleType, ...]) -> None:
    have = set(BASE_FACTS)
    for stage in stages:
        missing = set(stage.NEEDS) - have
        if missing:
            raise RuntimeError(f"stage {stage.NAME} needs {sorted(missing)} before it")
        have.add(stage.ADDS)


_check_order(ANALYSIS)


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """The package version plus a digest of every data file: it changes when the knowledge does."""
    digest = hashlib.sha256()
    data = Path(__file__).parent / "data"
    for path in sorted(p for p in data.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(data)).encode())
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:10]}"


def analyse(article: Article, doc: Doc, ctx: Context) -> Article:
    """Run every enabled analysis stage over one parsed article."""
    for stage in ANALYSIS:
        if stage.NAME not in ctx.disabled:
            article = article.with_(**{stage.ADDS: stage.run(article, doc, ctx)})
    return article.with_(pipeline_version=pipeline_version())


def process_sources(
    items: Iterable[Source | Reject], ctx: Context | None = None, known: Mapping[str, str] | None = None
) -> Iterator[Article | Reject]:
    """Clean, parse in small batches and analyse; an item that fails becomes a Reject, never an exception.

    ``known`` maps article ids already stored to their pipeline version: those are not parsed again.
    """
    ctx = ctx or default_context()
    known = known or {}
    version = pipeline_version()
    batch: list[Article] = []
    for item in items:
        if isinstance(item, Reject):
            yield item
            continue
        try:
            article = clean.run(item, ctx)
        except InputError as exc:
            yield Reject(source=item.ref, reason=str(exc), raw_ref=item.ref, seen_at=ctx.clock())
            continue
        if known.get(article.id) == version:
            continue
        batch.append(article)
        if len(batch) >= ctx.batch_size:
            yield from _finish(batch, ctx)
            batch = []
    if batch:
        yield from _finish(batch, ctx)


def _finish(batch: list[Article], ctx: Context) -> Iterator[Article]:
    for article, doc in language.parse(batch, ctx):
        yield (
            analyse(article, doc, ctx)
            if doc is not None
            else article.with_(pipeline_version=pipeline_version())
        )


Line = Callable[[list[Source | Reject]], Iterable[Article | Reject]]


def run_guarded(group: list[Source | Reject], line: Line, clock: Callable[[], str]) -> list[Article | Reject]:
    """``line`` over a group; when it fails on the group, each item runs alone and only the one it fails
    on becomes a Reject. One odd article must cost one row, not a batch of a million nor a Spark job (a task
    that fails four times fails the job). Batch and Spark both call this, so the reason reads the same."""
    try:
        return list(line(group))
    except Exception:  # a stage's bug on one input: found item by item below
        out: list[Article | Reject] = []
        for item in group:
            if isinstance(item, Reject):
                out.append(item)  # rejects pass straight through the line: nothing of theirs can fail
                continue
            try:
                out.extend(line([item]))
            except Exception as exc:
                reason = f"internal error in the line: {type(exc).__name__}: {str(exc)[:200]}"
                out.append(Reject(source=item.ref, reason=reason, raw_ref=item.ref, seen_at=clock()))
        return out


def process(
    text: str,
    published: str | date | None = None,
    url: str | None = None,
    title: str | None = None,
    publisher: str | None = None,
    ctx: Context | None = None,
) -> Article:
    """Run the whole line over one text in this process; values that do not conform to the input schema
    (a date that cannot be read exactly, a number as text) raise InputError naming the field."""
    given = {"text": text, "url": url, "title": title, "published": published, "outlet": publisher}
    source = schema.validate(schema.ArticleInput, given).source("<text>")
    result = next(process_sources([source], ctx))
    if isinstance(result, Reject):
        raise InputError(result.reason)
    return result
