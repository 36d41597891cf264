"""``sitrep serve``: the HTTP API and the offline page over a DuckDB or Parquet store."""
