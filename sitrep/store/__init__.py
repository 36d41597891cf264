"""The embedded store: one DuckDB file, its schema, and the rows an Article becomes."""

DEFAULT_DB = "sitrep.duckdb"
