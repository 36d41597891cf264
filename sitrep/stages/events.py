"""Events: PLOVER type and mode, CAMEO code, who did what to whom, where, when, counts, modality.

A thin composer over sitrep.events: find the triggers in the parse, build one Event per trigger, merge
the mentions of one happening. Reads the Doc made by the language stage; never parses again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.context import Context
from sitrep.events import anchors, arbiter, build, coref, countries, nesting
from sitrep.events.lexicon import lexicon
from sitrep.records import Article, Event
from sitrep.stages import places, time

if TYPE_CHECKING:
    from spacy.tokens import Doc


NAME = "events"
NEEDS = ("text", "times", "places", "mentions", "quotes")
ADDS = "events"


def run(article: Article, doc: Doc | None, ctx: Context) -> tuple[Event, ...]:
    if doc is None:
        return ()
    lex = lexicon(ctx)
    names = countries.table(ctx)
    where = anchors.Anchors(article, doc, places.place_in, places.focus, time.time_of)
    model = arbiter.arbiter(ctx) if ctx.arbiter else None
    cands = nesting.find(doc, lex)
    if model is not None:
        cands = arbiter.supply(cands, doc, model)
    found = [build.event(c, article, lex, names, where) for c in cands]
    coded = tuple(e for e in (build.unnamed_source(e, lex) for e in coref.merge(found)) if build.codable(e))
    return arbiter.settle(coded, doc, model) if model is not None else coded
