"""A feed server on 127.0.0.1 that misbehaves on request: one path per fault, in a thread."""

from __future__ import annotations

import gzip
import http.server
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import ClassVar

BODY = "Le ministre a parlé mardi à Genève avec les délégations des deux pays voisins."
ETAG = '"v1"'
MODIFIED = "Thu, 19 Nov 2020 10:00:00 GMT"


def feed(links: list[str], body: str = BODY) -> bytes:
    items = "".join(
        f"<item><title>N{i}</title><link>{link}</link><guid>g{i}</guid>"
        f"<description>{body} ({i})</description></item>"
        for i, link in enumerate(links)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>'.encode()
    )


GOOD = feed(["https://x.org/1", "https://x.org/2"])
LOCAL = feed(["/etc/passwd", "file:///etc/hostname", "https://x.org/ok"])
BOMB = gzip.compress(b"<rss>" + b" " * (64 << 20), compresslevel=9)  # 64 KB that inflate to 64 MB


class Handler(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[dict[str, int]] = {}

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if "Content-Length" not in (headers or {}):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        Handler.hits[self.path] = Handler.hits.get(self.path, 0) + 1
        path = self.path
        if path == "/feed.xml":
            if self.headers.get("If-None-Match") == ETAG or self.headers.get("If-Modified-Since") == MODIFIED:
                self._send(304, b"")
            else:
                self._send(200, GOOD, {"ETag": ETAG, "Last-Modified": MODIFIED,
                                       "Content-Type": "application/rss+xml"})  # fmt: skip
        elif path == "/error":
            self._send(500, b"broken")
        elif path == "/local-links":
            self._send(200, LOCAL, {"Content-Type": "application/rss+xml"})
        elif path == "/not-a-feed":
            self._send(200, b"<html><body>hello</body></html>", {"Content-Type": "text/html"})
        elif path == "/gzip-bomb":
            self._send(200, BOMB, {"Content-Encoding": "gzip", "Content-Type": "application/rss+xml"})
        elif path == "/huge-length":
            self._send(200, b"", {"Content-Length": str(10**10)})
        elif path == "/short-body":  # announces more than it sends, then closes
            self._send(200, GOOD[:50], {"Content-Length": str(len(GOOD) * 10)})
            self.close_connection = True
        elif path == "/stall":  # headers, then nothing
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.flush()
            time.sleep(30)
        elif path == "/drip":  # a byte at a time, never done
            self.send_response(200)
            self.send_header("Content-Length", str(1 << 20))
            self.end_headers()
            for _ in range(300):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.1)
        elif path == "/to-file":
            self._send(302, b"", {"Location": "file:///etc/passwd"})
        else:
            self._send(404, b"")


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hung up on a stalling or dripping answer is the point of the test


@contextmanager
def serving() -> Iterator[str]:
    """The server's base URL (http://127.0.0.1:PORT) while the block runs."""
    server = Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
