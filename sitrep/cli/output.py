"""Rows to the terminal as a table, CSV or JSON: shared by every command that lists rows."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from typing import Any

from sitrep.errors import UserError

FORMATS = ("table", "csv", "json")


def emit(rows: Sequence[dict[str, Any]], fmt: str, title: str | None = None) -> None:
    if fmt == "json":
        print(json.dumps(list(rows), ensure_ascii=False, indent=1, default=str))
    elif fmt == "csv":
        if rows:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    elif fmt == "table":
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title, show_lines=False)
        for name in rows[0] if rows else ["(no rows)"]:
            table.add_column(name, overflow="fold")
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row.values()))
        Console().print(table)
    else:
        raise UserError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")
