"""Score a stage against a gold set: seed, extraction, events, places, time, incidents, wikinews."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, cast

import typer

from sitrep import eval as scorers
from sitrep.cli.ingest import Arbiter, Parse
from sitrep.cli.output import emit
from sitrep.context import Context, ParseMode

NAME = "eval"


def command(
    name: Annotated[str, typer.Argument(help=f"Gold set: {', '.join(scorers.SCORERS)}.")],
    gold: Annotated[Path | None, typer.Option(help="Gold data in the layout of ../shared/eval/NAME.")] = None,
    split: Annotated[
        str, typer.Option(help="Score the frozen dev or test records only, or all (sitrep.eval.splits).")
    ] = "all",
    corpus: Annotated[
        Path | None, typer.Option(help="wikinews: the corpus CSVs where gold articles are found by URL.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object on stdout.")] = False,
    parse: Parse = "full",
    arbiter: Arbiter = False,
) -> None:
    ctx = Context(parse=cast(ParseMode, parse), arbiter=arbiter) if parse != "full" or arbiter else None
    result = scorers.run(name, gold, split, corpus, ctx)  # ctx None: the default context
    if as_json:
        typer.echo(json.dumps(result.to_json()))
        return
    if result.rows:
        emit(result.rows, "table", title=f"{name}: {result.gold}")
    emit(
        [{"metric": k, "value": v, **_interval(result.ci95.get(k))} for k, v in result.metrics.items()],
        "table",
        title=f"{name} (n={result.n}, split {result.split})",
    )


def _interval(bounds: list[float] | None) -> dict[str, str]:
    return {"95% interval": f"{bounds[0]}–{bounds[1]}"} if bounds else {}
