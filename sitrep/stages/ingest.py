"""Ingest, the first stage of the line: any input → Source records, a bad item → a Reject.

The readers live in ``sitrep.readers`` (one module per kind of input); this module is the stage's name in
the line and its public entry points.
"""

from __future__ import annotations

from sitrep.readers import count, files, read, read_path

__all__ = ["count", "files", "read", "read_path"]
