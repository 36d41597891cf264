"""Probe: how much memory a `sitrep serve` spends on a large POST body that it must refuse.

Starts `sitrep serve --token` on 127.0.0.1 over a new store, then streams bodies of ``--mib`` MiB to
POST /api/articles without a token, with a wrong one, and with the token (over the body cap), and prints
the status and the server's resident memory (VmRSS) before and after each. docs/reliability.md quotes it.

    python scripts/probe_post_body.py --mib 1024
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SITREP = str(Path(sys.executable).parent / "sitrep")
TOKEN = "probe-token"


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as fh:
        line = next(x for x in fh if x.startswith("VmRSS"))
    return int(line.split()[1]) / 1024


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def post(port: int, mib: int, auth: str | None) -> tuple[int, int]:
    """Send the body in 1 MiB pieces, stopping when the server answers; (status, MiB sent)."""
    con = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    con.putrequest("POST", "/api/articles")
    con.putheader("Content-Type", "application/json")
    con.putheader("Transfer-Encoding", "chunked")
    if auth:
        con.putheader("Authorization", auth)
    con.endheaders()
    piece = b" " * (1 << 20)
    sent = 0
    try:
        for _ in range(mib):
            con.send(b"%x\r\n%s\r\n" % (len(piece), piece))
            sent += 1
        con.send(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass
    status = con.getresponse().status
    con.close()
    return status, sent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mib", type=int, default=1024)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        env = {**os.environ, "SITREP_TOKEN": TOKEN}
        server = subprocess.Popen([SITREP, "serve", "--db", f"{tmp}/s.duckdb", "--port", str(port)], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        try:
            for _ in range(600):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.1)
            for label, auth in (("no token", None), ("wrong token", "Bearer nope"),
                                ("token, over the cap", f"Bearer {TOKEN}")):  # fmt: skip
                before = rss_mb(server.pid)
                started = time.monotonic()
                status, sent = post(port, args.mib, auth)
                print(f"{label}: HTTP {status} after {sent} of {args.mib} MiB sent, "
                      f"{time.monotonic() - started:.1f} s; server RSS {before:.0f} -> {rss_mb(server.pid):.0f} MB")  # fmt: skip
        finally:
            server.kill()
            server.wait()


if __name__ == "__main__":
    main()
