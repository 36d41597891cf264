"""POST /api/articles: one article through the real line into the store, for holders of the token.

The token is checked before the body is read, and the body is capped both by its Content-Length and
while it streams: without a token, a 1 GiB body costs the server nothing.

The line runs outside any lock (it is the slow part); only the write holds the store's writer lock, so
readers of this process and other processes wait for one short transaction, not for spaCy.
"""

from __future__ import annotations

import secrets
import threading
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from sitrep.batch import save
from sitrep.context import default_context, now
from sitrep.errors import InputError, TooLarge, Unauthorized
from sitrep.pipeline import process_sources
from sitrep.records import Reject
from sitrep.store import articles, pages
from sitrep.web import models
from sitrep.web.errors import ReadOnly
from sitrep.web.store import Store

router = APIRouter(prefix="/api")
bearer = HTTPBearer(
    auto_error=False, description="The token given to `sitrep serve --token` or SITREP_TOKEN."
)
MAX_BODY = 16 * 1024 * 1024  # bytes: an article of 2,000,000 characters with room for JSON escapes
_line = threading.Lock()  # one article through spaCy at a time: the pipeline is not shared across threads


def authorised(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> Store:
    store: Store = request.app.state.store
    token: str | None = request.app.state.token
    if not token or not store.writable:
        raise ReadOnly(
            "this server is read-only: start it with --token (and a DuckDB store) to accept articles"
        )
    given = credentials.credentials if credentials else ""
    if not secrets.compare_digest(given.encode(), token.encode()):
        raise Unauthorized("a valid bearer token is required to add articles")
    return store


async def capped_body(request: Request, cap: int = MAX_BODY) -> bytes:
    """The request body, refused with 413 when its Content-Length or what actually arrives passes ``cap``:
    a client may announce nothing, or less than it sends."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise TooLarge(f"the body is {int(declared):,} bytes; the cap is {cap:,}")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > cap:
            raise TooLarge(f"the body passed the cap of {cap:,} bytes")
    return bytes(body)


def article_in(body: bytes) -> models.ArticleIn:
    try:
        return models.ArticleIn.model_validate_json(body)
    except ValidationError as exc:
        raise RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in exc.errors()]) from None


def _save(body: models.ArticleIn, store: Store) -> tuple[dict[str, Any], bool]:
    source = body.source(f"api:{body.url or now()}")
    with _line:
        item = next(process_sources([source], default_context()))
    if isinstance(item, Reject):
        raise InputError(f"the article could not be read: {item.reason}")
    with store.write() as con:
        existed = articles.exists(con, item.id)
        save(con, [item])
        return pages.article(con, item.id), existed


@router.post(
    "/articles", status_code=201, response_model=models.ArticleDetail, summary="Add one article (needs the token)",
    responses={200: {"model": models.ArticleDetail, "description": "Already stored"},
               401: {"model": models.ErrorOut}, 403: {"model": models.ErrorOut},
               413: {"model": models.ErrorOut, "description": f"Body over {MAX_BODY:,} bytes"}},
    openapi_extra={"requestBody": {"required": True, "content": {
        "application/json": {"schema": models.ArticleIn.model_json_schema()}}}},
)  # fmt: skip
async def post_article(
    request: Request, store: Annotated[Store, Depends(authorised)], response: Response
) -> dict[str, Any]:
    """The token is checked (the dependency) before a byte of the body is read; the body is read here."""
    body = article_in(await capped_body(request))
    record, existed = await run_in_threadpool(_save, body, store)
    response.status_code = 200 if existed else 201
    response.headers["Location"] = f"/api/articles/{record['id']}"
    return record
