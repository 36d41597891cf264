"""Rows to the terminal as a table, or as TSV, CSV or JSON: shared by every command that lists rows.

A table is for a person at a terminal: a brief set of columns, one line per row, long values cut with an
ellipsis rather than folded into slices. When stdout is a pipe or a file the default is TSV with a header
(also when there are no rows), which ``cut``, ``awk`` and spreadsheets read without guessing.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Mapping, Sequence
from typing import Annotated, Any

import typer

from sitrep.errors import UserError

FORMATS = ("table", "tsv", "csv", "json")
# Short headers for a narrow table; every other format keeps the column's own name.
LABELS = {"plover_type": "type", "plover_mode": "mode", "source_text": "source", "target_text": "target",
          "place_name": "place", "article_count": "articles", "outlet_count": "outlets",
          "event_count": "events"}  # fmt: skip

MAX_LIMIT = 1_000_000_000
FormatOption = Annotated[
    str | None,
    typer.Option("--format", help="table, tsv, csv or json; default a table on a terminal, TSV when piped."),
]
AllOption = Annotated[bool, typer.Option("--all", help="Every column, not the brief set.")]
ColumnsOption = Annotated[
    str | None, typer.Option("--columns", help="These columns, comma-separated (e.g. id,date,plover_type).")
]


def pick(available: Sequence[str], brief: Sequence[str], columns: str | None, all_columns: bool) -> list[str]:
    """The columns to print: ``--columns`` names them, ``--all`` takes every one, otherwise the brief set."""
    if columns and all_columns:
        raise UserError("give --columns or --all, not both")
    if not columns:
        return list(available if all_columns else brief)
    chosen = [c.strip() for c in columns.split(",") if c.strip()]
    unknown = [c for c in chosen if c not in available]
    if unknown or not chosen:
        raise UserError(
            f"unknown column {', '.join(unknown) or repr(columns)}; columns: {', '.join(available)}"
        )
    return chosen


def choice(value: str | None, valid: tuple[str, ...], option: str) -> str | None:
    """``value`` in the spelling of ``valid`` (case ignored), or a one-line error that lists them."""
    if value is None:
        return None
    for v in valid:
        if v.lower() == value.lower():
            return v
    raise UserError(f"{option} {value!r} is not one of: {', '.join(valid)}")


def bounded(limit: int) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise UserError(f"--limit must be between 1 and {MAX_LIMIT:,}, not {limit}")
    return limit


def emit(
    rows: Sequence[Mapping[str, Any]],
    fmt: str | None,
    columns: Sequence[str] | None = None,
    title: str | None = None,
) -> None:
    """Print ``rows`` restricted to ``columns`` (default: every key) in ``fmt`` (None: a table on a terminal,
    else TSV)."""
    columns = list(columns if columns is not None else rows[0] if rows else ())
    fmt = fmt or ("table" if sys.stdout.isatty() else "tsv")
    if fmt not in FORMATS:
        raise UserError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")
    picked = [{c: row.get(c) for c in columns} for row in rows]
    if fmt == "json":
        print(json.dumps(picked, ensure_ascii=False, indent=1, default=str))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([cell(v) for v in row.values()] for row in picked)
    elif fmt == "tsv":
        print("\t".join(columns))
        for row in picked:
            print("\t".join(" ".join(cell(v).split()) for v in row.values()))
    else:
        table(picked, columns, title)


def cell(value: Any) -> str:
    """A value as one cell of text: nested facts as JSON, missing values empty."""
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def table(rows: Sequence[Mapping[str, Any]], columns: Sequence[str], title: str | None) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    headers = [LABELS.get(c, c) for c in columns]
    lines = [[" ".join(cell(v).split()) for v in row.values()] for row in rows]
    natural = [max([len(h), *(len(line[i]) for line in lines)]) for i, h in enumerate(headers)]
    out = Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False, title_justify="left", collapse_padding=True)
    for header, width in zip(headers, fit(natural, console.width - 2 * len(columns)), strict=True):
        out.add_column(header, no_wrap=True, overflow="ellipsis", width=width)
    for line in lines:
        out.add_row(*line)
    console.print(out)
    if not rows:
        console.print("(no rows)")


def fit(widths: Sequence[int], room: int) -> list[int]:
    """Column widths within ``room``: the widest columns are cut to one common width, narrow ones kept whole."""
    if sum(widths) <= room:
        return list(widths)
    cap = max(widths)
    while cap > 3 and sum(min(w, cap) for w in widths) > room:
        cap -= 1
    return [min(w, cap) for w in widths]
