"""Serve the store over HTTP: the JSON API and the offline page (map, timeline, incidents, articles)."""

from __future__ import annotations

import socket
from typing import Annotated

import typer

from sitrep.errors import UserError
from sitrep.store import DEFAULT_DB

NAME = "serve"


def command(
    db: Annotated[str | None, typer.Option(help=f"The store (DuckDB file); default {DEFAULT_DB}.")] = None,
    parquet: Annotated[
        str | None,
        typer.Option(help="Serve a folder of Parquet tables (as written by 'sitrep spark') instead."),
    ] = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="SITREP_TOKEN", help="Bearer token that allows POST /api/articles; read-only without."
        ),
    ] = None,
) -> None:
    import uvicorn

    from sitrep.web.app import create_app
    from sitrep.web.store import Store

    if not 1 <= port <= 65535:
        raise UserError(f"--port must be between 1 and 65535, not {port}")
    if db and parquet:
        raise UserError("give --db or --parquet, not both")
    store = (
        Store.from_parquet(parquet) if parquet else Store.from_duckdb(db or DEFAULT_DB, create=bool(token))
    )
    sock = listen(host, port)
    mode = "read-write with token" if token and store.writable else "read-only"
    typer.echo(
        f"sitrep: serving {store.backend} store {store.path} ({mode}) on http://{host}:{port}/", err=True
    )
    config = uvicorn.Config(create_app(store, token), log_level="warning", access_log=False)
    uvicorn.Server(config).run(sockets=[sock])


def listen(host: str, port: int) -> socket.socket:
    """The listening socket, bound before anything is announced: a busy port is a one-line error."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except OSError as exc:
        raise UserError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    return sock
