"""The one way sitrep reads from the network: an http(s) GET with a size cap, a deadline and bounded
decompression, conditional on what the previous fetch of the same URL answered.

feedparser can fetch a URL itself, but it reads the whole body and inflates gzip without a bound, has no
timeout, and reads a local file when handed a path; so sitrep fetches here and gives feedparser bytes.
A server is untrusted: it may stall, drip bytes, announce a wrong Content-Length, send a gzip bomb or
redirect to ``file://``. Each is an ``InputError`` with a reason; nothing here reads a local path.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from http.client import HTTPException
from urllib.parse import urlparse

from sitrep import __version__
from sitrep.errors import InputError
from sitrep.readers.base import MAX_BYTES

TIMEOUT = 30.0  # seconds for the whole response, not per read: a server dripping a byte a second is cut
SCHEMES = ("http", "https")
_CHUNK = 65536
_ENCODINGS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    status: int  # 200, or 304 when the resource has not changed since ``etag`` / ``modified``
    data: bytes = b""
    etag: str | None = None
    modified: str | None = None
    content_type: str | None = None


def check_url(url: str) -> str:
    """Only http(s) URLs with a host are ever fetched."""
    parsed = urlparse(url)
    if parsed.scheme.lower() not in SCHEMES or not parsed.netloc:
        raise InputError(f"not an http(s) URL (refused): {url[:200]}")
    return url


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s): urllib would also follow one to ftp://."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        try:
            check_url(newurl)
        except InputError as exc:
            raise urllib.error.HTTPError(newurl, code, str(exc), headers, fp) from None
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_Redirects)


def _inflate(data: bytes, encoding: str, cap: int) -> bytes:
    wbits = _ENCODINGS.get(encoding)
    if wbits is None:
        return data
    try:
        inflater = zlib.decompressobj(wbits)
        out = inflater.decompress(data, cap + 1)
    except zlib.error as exc:
        raise InputError(f"bad {encoding} body: {exc}") from None
    if len(out) > cap:
        raise InputError(f"too large once decompressed: over the {cap // 1_000_000} MB cap")
    return out


def fetch(
    url: str, etag: str | None = None, modified: str | None = None, cap: int = MAX_BYTES,
    timeout: float = TIMEOUT,
) -> Fetched:  # fmt: skip
    """GET ``url``; at most ``cap`` bytes (before and after decompression) within ``timeout`` seconds."""
    check_url(url)
    headers = {"User-Agent": f"sitrep/{__version__}", "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    deadline = time.monotonic() + timeout
    try:
        with _OPENER.open(urllib.request.Request(url, headers=headers), timeout=timeout) as resp:
            declared = resp.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > cap:
                raise InputError(f"too large: {int(declared) // 1_000_000} MB announced, over the cap")
            body = bytearray()
            while chunk := resp.read1(_CHUNK):  # read1: returns what has come, a drip cannot block it
                body += chunk
                if len(body) > cap:
                    raise InputError(f"too large: over the {cap // 1_000_000} MB cap")
                if time.monotonic() > deadline:
                    raise InputError(f"timed out after {timeout:g} s")
            if declared and declared.isdigit() and len(body) < int(declared):
                raise InputError(f"incomplete body: {len(body)} of the {declared} bytes announced")
            data = _inflate(bytes(body), (resp.headers.get("Content-Encoding") or "").strip().lower(), cap)
            return Fetched(url=resp.geturl(), status=resp.status, data=data, etag=resp.headers.get("ETag"),
                           modified=resp.headers.get("Last-Modified"),
                           content_type=resp.headers.get("Content-Type"))  # fmt: skip
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return Fetched(url=url, status=304, etag=etag, modified=modified)
        if 300 <= exc.code < 400:  # urllib refuses a redirect to file:// itself, by raising the 3xx
            raise InputError(f"redirect refused (only http(s) is followed): {str(exc.msg)[:200]}") from None
        raise InputError(f"HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError, HTTPException) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise InputError(f"could not be fetched: {type(exc).__name__}: {str(reason)[:200]}") from None
