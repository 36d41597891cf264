"""``sitrep.pipe``: many texts through the line in the shape of spaCy's ``nlp.pipe``."""

from __future__ import annotations

import pytest

import sitrep
from sitrep.context import Context
from sitrep.errors import InputError

TEXTS = [
    "Rebels attacked an army base in Kabul on Monday.",
    {"text": "Protesters marched in Paris on Saturday.", "published": "2021-03-01", "publisher": "AP"},
    "The minister met the governor of Basra on Tuesday.",
]


def test_pipe_yields_one_article_per_input_in_order(ctx: Context) -> None:
    articles = list(sitrep.pipe(TEXTS, batch_size=2, ctx=ctx))
    assert [a.text.split()[0] for a in articles] == ["Rebels", "Protesters", "The"]
    assert articles[1].published_at == "2021-03-01" and articles[1].publisher == "AP"
    assert [e.plover_type for e in articles[0].events] == ["ASSAULT"]
    assert articles[0].with_(source_ref="<text>") == sitrep.process(str(TEXTS[0]), ctx=ctx)


def test_pipe_is_lazy(ctx: Context) -> None:
    def endless():  # type: ignore[no-untyped-def]
        while True:
            yield "Police arrested two men in Lagos on Friday."

    first = next(sitrep.pipe(endless(), batch_size=1, ctx=ctx))
    assert first.text.startswith("Police")


@pytest.mark.parametrize(
    ("item", "message"),
    [("   ", "<item 0>"), ({"body": "x"}, "'text'"), ({"text": "x", "lang": "en"}, "lang"), (3, "int")],
)
def test_pipe_names_the_input_it_cannot_read(ctx: Context, item: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        list(sitrep.pipe([item], ctx=ctx))  # type: ignore[list-item]


@pytest.mark.slow
def test_pipe_in_two_processes_gives_the_same_articles(ctx: Context) -> None:
    here = list(sitrep.pipe(TEXTS, ctx=ctx))
    assert list(sitrep.pipe(TEXTS, n_process=2, batch_size=1, ctx=ctx)) == here
