"""Articles as pandas DataFrames, one per table, with the same columns as the store and Parquet."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from sitrep.records import Article
from sitrep.store.rows import article_rows
from sitrep.store.schema import TABLES, columns

if TYPE_CHECKING:
    import pandas as pd


def frames(articles: Article | Iterable[Article]) -> dict[str, pd.DataFrame]:
    """Every table's rows for these articles: ``frames(article)["events"]`` is the events table."""
    import pandas as pd

    batch = [articles] if isinstance(articles, Article) else list(articles)
    rows: dict[str, list[dict[str, object]]] = {t: [] for t in TABLES if t not in ("rejects", "incidents")}
    for article in batch:
        for table, table_rows in article_rows(article, ingested_at="").items():
            rows[table].extend(table_rows)
    return {t: pd.DataFrame(r, columns=columns(t)) for t, r in rows.items()}
