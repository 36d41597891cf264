"""POST /api/articles: one article through the real line into the store, for holders of the token.

The line runs outside any lock (it is the slow part); only the write holds the store's writer lock, so
readers of this process and other processes wait for one short transaction, not for spaCy.
"""

from __future__ import annotations

import secrets
import threading
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from sitrep.context import default_context
from sitrep.errors import InputError, Unauthorized
from sitrep.pipeline import process_sources
from sitrep.records import Reject
from sitrep.stages.language import now
from sitrep.store import db
from sitrep.web import models, queries
from sitrep.web.errors import ReadOnly
from sitrep.web.store import Store

router = APIRouter(prefix="/api")
bearer = HTTPBearer(
    auto_error=False, description="The token given to `sitrep serve --token` or SITREP_TOKEN."
)
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


@router.post(
    "/articles", status_code=201, response_model=models.ArticleDetail, summary="Add one article (needs the token)",
    responses={200: {"model": models.ArticleDetail, "description": "Already stored"},
               401: {"model": models.ErrorOut}, 403: {"model": models.ErrorOut}},
)  # fmt: skip
def post_article(
    body: models.ArticleIn, store: Annotated[Store, Depends(authorised)], response: Response
) -> dict[str, Any]:
    source = body.source(f"api:{body.url or now()}")
    with _line:
        item = next(process_sources([source], default_context()))
    if isinstance(item, Reject):
        raise InputError(f"the article could not be read: {item.reason}")
    with store.write() as con:
        existed = bool(db.query(con, "SELECT 1 AS x FROM articles WHERE id = ?", [item.id]))
        db.write(con, [item], ingested_at=now())
        record = queries.article(con, item.id)
    response.status_code = 200 if existed else 201
    response.headers["Location"] = f"/api/articles/{item.id}"
    return record
