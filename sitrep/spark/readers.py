"""Input files at any Hadoop path → Source records, read on the executors by sitrep's own readers.

The driver lists file names only (metadata, never content). Each file is read by one task with
``sitrep.readers.read_path``, so CSV / JSONL / Parquet / WARC / HTML / text get exactly the Source records
and rejects that ``sitrep ingest`` gets. Files on the executors' local disks (``file:`` or a plain path)
are streamed in place; files on HDFS, S3 and other Hadoop filesystems arrive through ``binaryFiles`` and
are spilled to a local temporary file first, since the readers work on paths. The items are then
spread over the partitions by a hash of their ref, so that the costly parse is spread evenly whatever
the sizes of the files.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
import zlib
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from sitrep.errors import UserError
from sitrep.readers import read_path, with_defaults
from sitrep.readers.base import reject
from sitrep.records import Reject, Source

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import SparkSession

Item = Source | Reject
_HIDDEN = (".", "_")  # dot files, and Spark/Hadoop markers such as _SUCCESS and _temporary


def is_local(uri: str) -> bool:
    return urlparse(uri).scheme in ("", "file")


def local_path(uri: str) -> str:
    """A plain path for a local URI, so that refs read the same as those of ``sitrep ingest``."""
    return urlparse(uri).path if uri.startswith("file:") else uri


def missing_local(name: str) -> bool:
    """A local input that does not exist (checked before a JVM starts); remote ones are listed by Spark."""
    return is_local(name) and not any(ch in name for ch in "*?[") and not Path(local_path(name)).exists()


def list_files(spark: SparkSession, inputs: Iterable[str]) -> list[str]:
    """Every file under the inputs (files, folders recursively, globs) through the Hadoop FileSystem API."""
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    found: list[str] = []
    for name in inputs:
        hpath = jvm.org.apache.hadoop.fs.Path(name)  # type: ignore[union-attr]
        fs = hpath.getFileSystem(conf)
        statuses = fs.globStatus(hpath)
        if not statuses:
            raise UserError(f"no such file or folder: {name}")
        for status in statuses:
            if not status.isDirectory():
                found.append(status.getPath().toString())
                continue
            listing = fs.listFiles(status.getPath(), True)
            inner = []
            while listing.hasNext():
                path = listing.next().getPath()
                relative = path.toString()[len(status.getPath().toString()) :]
                if not any(part.startswith(_HIDDEN) for part in relative.split("/") if part):
                    inner.append(path.toString())
            found.extend(sorted(inner))
    return found


def guarded(ref: str, items: Iterator[Item]) -> Iterator[Item]:
    """A reader bug ends its file with a reject row, never the job (the file's earlier items are kept)."""
    try:
        yield from items
    except Exception as exc:  # any failure of one file must not fail the job
        yield reject(ref, f"reader failed: {type(exc).__name__}: {str(exc)[:200]}")


def read_local(uri: str) -> Iterator[Item]:
    path = local_path(uri)
    return guarded(path, read_path(Path(path)))


def _renamed(item: Item, old: str, new: str) -> Item:
    if isinstance(item, Source):
        return dataclasses.replace(item, ref=item.ref.replace(old, new, 1))
    return dataclasses.replace(
        item, source=item.source.replace(old, new, 1), raw_ref=item.raw_ref.replace(old, new, 1)
    )


def read_remote(pair: tuple[str, bytes]) -> Iterator[Item]:
    """A file fetched by Spark: read from a local copy (same name, so the same reader), refs renamed back."""
    uri, data = pair
    with tempfile.TemporaryDirectory(prefix="sitrep-spark-") as tmp:
        copy = Path(tmp) / (os.path.basename(urlparse(uri).path) or "input")
        copy.write_bytes(data)
        for item in guarded(str(copy), read_path(copy)):
            yield _renamed(item, str(copy), uri)


def sources(
    spark: SparkSession, inputs: Iterable[str], partitions: int, published: str | None = None
) -> RDD[Any]:
    """Every Source and reader Reject under the inputs, spread over ``partitions`` partitions;
    ``published`` (normalised ISO) dates the items that carry no date of their own."""
    sc = spark.sparkContext
    files = list_files(spark, inputs)
    local = [f for f in files if is_local(f)]
    remote = [f for f in files if not is_local(f)]
    parts: list[RDD[Any]] = []
    if local:
        parts.append(sc.parallelize(local, max(1, min(len(local), partitions))).flatMap(read_local))
    if remote:
        parts.append(
            sc.binaryFiles(",".join(remote), max(1, min(len(remote), partitions))).flatMap(read_remote)
        )
    if not parts:
        return sc.emptyRDD()
    # Spread by a hash of the ref rather than repartition(): pyspark's round robin moves pickled batches
    # of ten items, which leaves partitions empty or doubled on small inputs.
    items = sc.union(parts)
    if published:
        items = items.mapPartitions(partial(with_defaults, published=published))
    keyed = items.keyBy(_spread_key)
    return keyed.partitionBy(partitions, _identity).values()


def _spread_key(item: Item) -> int:
    return zlib.crc32((item.ref if isinstance(item, Source) else item.raw_ref).encode())


def _identity(key: int) -> int:
    return key
