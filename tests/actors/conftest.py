"""The compiled actor index and a parser, once per session, for the actors tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sitrep.actors import Index, build_index, resolve
from sitrep.context import Context
from sitrep.records import ActorMention


@pytest.fixture(scope="session")
def index(ctx: Context) -> Index:
    return ctx.resource("actors.index", build_index)


@pytest.fixture(scope="session")
def mentions(ctx: Context, index: Index) -> Callable[..., tuple[ActorMention, ...]]:
    from sitrep.stages.language import nlp

    parser = nlp(ctx)

    def run(text: str, published: str = "2020-11-19") -> tuple[ActorMention, ...]:
        return resolve(parser(text), index, published)

    return run
