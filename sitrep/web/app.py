"""The web app: the JSON API, the page at ``/`` and its assets, with strict security headers.

The page is static files shipped in the package (Leaflet, the country outlines and our scripts are
vendored), so it works with no network; it reads only the public API.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sitrep import __version__
from sitrep.web import api, errors, ingest, models
from sitrep.web.store import Store

STATIC = Path(__file__).parent / "static"
# No inline script or style, nothing from elsewhere: an injected tag in article text could do nothing.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


class SecurityHeaders:
    """Adds the headers to every response (a plain ASGI middleware: no per-request task overhead)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).update(SECURITY_HEADERS)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(store: Store, token: str | None = None) -> FastAPI:
    """One app over one store; ``token`` enables POST /api/articles (read-only without it)."""
    app = FastAPI(
        title="sitrep",
        version=__version__,
        description="Sourced, geolocated, dated event data from news articles. Errors share one JSON shape.",
        docs_url=None,
        redoc_url=None,
        responses={code: {"model": models.ErrorOut, "description": desc} for code, desc in (
            (400, "Bad request"), (404, "Not found"), (422, "Invalid request"),
            (503, "The store is being written; retry"))},
    )  # fmt: skip
    app.state.store = store
    app.state.token = token
    errors.install(app)
    app.include_router(api.router)
    app.include_router(ingest.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    app.add_middleware(SecurityHeaders)
    return app
