"""What every reader shares: size caps, rejects, and turning bytes into text without trusting them.

Inputs are untrusted: a file may be binary, huge, in an unknown or mixed encoding, or gone by the time it
is read. Each case is a ``Reject`` with a reason, never an exception, and no read holds more than
``MAX_BYTES`` in memory.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from sitrep.context import now
from sitrep.errors import InputError
from sitrep.records import Reject

MAX_BYTES = 16 * 1024 * 1024  # one page or text; a news article is a few hundred KB at most
MAX_TABLE_BYTES = 512 * 1024 * 1024  # a CSV/JSONL/Parquet/WARC file holds many items and is streamed
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13}
_PRINTABLE = frozenset(range(32, 127)) | {9, 10, 13}


def reject(ref: str | os.PathLike[str], reason: str) -> Reject:
    return Reject(source=str(ref), reason=reason, raw_ref=str(ref), seen_at=now())


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def check_file(path: Path, cap: int = MAX_BYTES) -> None:
    """Refuse what cannot be read cheaply and safely: vanished, special (FIFO, device) or oversized files."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError("vanished before it could be read") from None
    except OSError as exc:
        raise InputError(f"unreadable: {exc.strerror}") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError("unreadable: not a regular file")
    if info.st_size > cap:
        raise InputError(f"too large: {_mb(info.st_size)} over the {_mb(cap)} cap")


def read_capped(path: Path, cap: int = MAX_BYTES) -> bytes:
    """The file's bytes, never more than ``cap`` of them (it may grow between stat and read)."""
    check_file(path, cap)
    try:
        with path.open("rb") as fh:
            data = fh.read(cap + 1)
    except FileNotFoundError:
        raise InputError("vanished before it could be read") from None
    except OSError as exc:
        raise InputError(f"unreadable: {exc.strerror}") from None
    if len(data) > cap:
        raise InputError(f"too large: over the {_mb(cap)} cap")
    return data


def utf16(head: bytes) -> str | None:
    """The codec of a UTF-16 text from its first bytes: a BOM, or mostly-ASCII text whose every other
    byte is NUL while the others are printable (binary with NULs is not); else None (8-bit text is
    decoded line by line by ``decode``)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = head[: 4096 - 4096 % 2]
    if len(sample) < 8:
        return None
    for zeros, chars, codec in (
        (sample[1::2], sample[0::2], "utf-16-le"),
        (sample[0::2], sample[1::2], "utf-16-be"),
    ):
        if zeros.count(0) >= 0.9 * len(zeros) and sum(b in _PRINTABLE for b in chars) >= 0.9 * len(chars):
            return codec
    return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB: an image, archive or executable."""
    head = data[:8192]
    if utf16(head):
        return False
    if b"\x00" in head:
        return True
    return sum(b in _CONTROL for b in head) > max(8, len(head) // 100)


def _mixed(data: bytes) -> str | None:
    """Mostly UTF-8 with some Windows-1252 lines (a concatenation of two sources): decode line by line."""
    lines = data.split(b"\n")
    out, bad = [], 0
    for line in lines:
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            bad += 1
            out.append(line.decode("cp1252", errors="replace"))
    return "\n".join(out) if bad < len(lines) else None


def decode(data: bytes, declared: str | None = None) -> str:
    """Text from bytes: BOM, declared charset, UTF-8, per-line UTF-8/cp1252, then detection; else reject."""
    if looks_binary(data):
        raise InputError("binary file, not text")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    wide = utf16(data)
    if wide:
        return data.decode(wide, errors="replace")
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = _mixed(data) if b"\n" in data else None
    if text is not None:
        return text
    from charset_normalizer import from_bytes

    best = from_bytes(data[:MAX_BYTES]).best()
    if best is None:
        raise InputError("unknown text encoding")
    return str(best)


def nonempty(text: str) -> str:
    if not text.strip():
        raise InputError("empty or whitespace only")
    return text
