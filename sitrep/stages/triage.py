"""Triage parsing (``Context(parse="triage")``): the whole pipeline only for the sentences that can carry
an event or a quote; the other sentences get the entity recogniser alone.

Why it can work: the events and quotes stages read tags, lemmas and the dependency parse only around a
trigger word of the event lexicon, a speech cue or quoted words, while time, places and actors take their
spans in every sentence from the entity recogniser. Sentences come from the model's own ``senter`` (about
1 % of the pipeline's time here) and words are compared by lower-case form: the forms are the lexicon's
lemmas run backwards through the model's own lemmatizer tables, so a word that the lemmatizer would bring
to a trigger lemma is not missed. What the other sentences lose: tags, lemmas and the parse (places'
matcher of untagged names and the tense of their times see nothing there), and the verb + object pairs
derived from the CAMEO dictionary, which are not looked for. docs/benchmarks-ingest.md has the figures.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Set
from typing import TYPE_CHECKING

from spacy.attrs import (
    DEP,
    ENT_ID,
    ENT_IOB,
    ENT_KB_ID,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_LOWER,
    IS_SPACE,
    LEMMA,
    LOWER,
    MORPH,
    POS,
    SENT_START,
    SPACY,
    TAG,
)

from sitrep.context import Context
from sitrep.events.lexicon import lexicon
from sitrep.quotes.attribution import load_cues
from sitrep.quotes.marks import find_quoted

if TYPE_CHECKING:
    import numpy
    from numpy.typing import NDArray as Array
    from spacy.language import Language
    from spacy.tokens import Doc

POS_TABLES = ("noun", "verb", "adj")
COPIED = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID]
ACCORDING = "according"  # "according to X": the quotes stage's one cue that is not a verb (is_according)


def cue_lemmas(ctx: Context, stop_words: Set[str]) -> frozenset[str]:
    """One word that every match of the event lexicon or of a speech cue must contain, as a lemma.

    Of a trigger of several words ("call for", "take hostage", "gun down") the last that is not a stop
    word, else the first; of a verb + object pattern the object; of a compound or adjective pattern the
    head; of a deontic request ("said that X must") the modal. Any word of a match would be safe; these
    are the rarer ones, so fewer sentences are parsed for nothing.
    """
    lex = lexicon(ctx)
    cues = ctx.resource("quotes.cues", load_cues)
    words = {_rare(key.split(), stop_words) for key in lex.triggers}
    words |= {obj for _, obj in lex.verb_object} | {head for head, _ in lex.compounds}
    words |= {head for head, _ in lex.adjectives} | lex.deontic_aux
    return frozenset(words | cues.verbs | cues.recipient_object | {ACCORDING})


def _rare(words: list[str], stop_words: Set[str]) -> str:
    return next((w for w in reversed(words) if w not in stop_words), words[0])


def inflect(lemmas: Iterable[str], nlp: Language) -> frozenset[str]:
    """Every lower-case form the model's rule lemmatizer could bring to one of ``lemmas``: its suffix
    rules applied backwards, plus the exceptions table read backwards. More forms than English has
    ("attackes"); none missing."""
    tables = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    rules = tables.get_table("lemma_rules")
    exceptions = tables.get_table("lemma_exc")
    back: dict[str, set[str]] = {}
    for pos in POS_TABLES:
        for form, lemmas_of in exceptions.get(pos, {}).items():
            for lemma in lemmas_of:
                back.setdefault(lemma, set()).add(form)
    forms: set[str] = set()
    for lemma in lemmas:
        forms |= {lemma, *back.get(lemma, ())}
        for pos in POS_TABLES:
            forms |= {
                lemma[: len(lemma) - len(new)] + old for old, new in rules.get(pos, []) if lemma.endswith(new)
            }
    return frozenset(forms)


def cue_forms(ctx: Context, nlp: Language) -> frozenset[str]:
    lemmas = cue_lemmas(ctx, nlp.Defaults.stop_words)  # outside the build: the lock is not re-entrant
    return ctx.resource("triage.forms", lambda: inflect(lemmas, nlp))


def _runs(text: str, doc: Doc, forms: Array[numpy.uint64]) -> list[tuple[int, int, bool]]:
    """The tokens cut into runs of whole sentences, each (start, end, wanted): wanted when one of its
    sentences holds a cue form or quoted words. Read from token arrays: a Token object per word costs
    more here than the senter does."""
    import numpy

    lower, idx, starts, small, space, spaced = doc.to_array(
        [LOWER, IDX, SENT_START, IS_LOWER, IS_SPACE, SPACY]
    ).T
    # a capital inside a sentence starts a name ("United Nations"), which the lexicon never matches
    hit = numpy.isin(lower, forms) & ((small == 1) | (starts == 1))
    for q in find_quoted(text):  # the marks too: a quote's first words may stand alone
        first = numpy.searchsorted(idx, q.open_at, "right") - 1
        hit[first : numpy.searchsorted(idx, max(q.close_at, q.end))] = True
    # a line break ends a sentence, though the senter sometimes runs two paragraphs together
    breaks = [int(i) + 1 for i in numpy.flatnonzero(space) if "\n" in doc[int(i)].text and i + 1 < len(doc)]
    # runs are cut only after white space, where tokenizing a run alone gives the text's own tokens
    clean = [int(i) for i in numpy.flatnonzero(starts == 1) if i and (space[i - 1] or spaced[i - 1])]
    bounds = sorted({0, *clean, *breaks, len(doc)})
    if len(doc):
        starts[bounds[:-1]] = 1
        doc.from_array([SENT_START], starts)  # where the entities-only runs take their sentences from
    runs: list[tuple[int, int, bool]] = []
    for start, end in itertools.pairwise(bounds):
        wanted = bool(hit[start:end].any())
        if runs and runs[-1][2] == wanted:
            runs[-1] = (runs[-1][0], end, wanted)
        else:
            runs.append((start, end, wanted))
    return runs


def pipe(texts: list[str], ctx: Context, nlp: Language) -> Iterator[Doc]:
    """One Doc per text, its tokens and offsets exactly the text's: parsed where wanted, entities elsewhere.

    Each run is parsed as a text of its own, then its annotations are copied onto the whole text's tokens
    (the tokenizer cuts at white space first, so a run's tokens are the text's tokens there).
    """
    import numpy

    forms = numpy.fromiter((nlp.vocab.strings[f] for f in cue_forms(ctx, nlp)), dtype=numpy.uint64)
    senter = nlp.get_pipe("senter")  # shipped with the model, switched off in its full pipeline
    docs = list(senter.pipe((nlp.make_doc(t) for t in texts), batch_size=ctx.batch_size))  # type: ignore[attr-defined]
    plans = [_runs(text, doc, forms) for text, doc in zip(texts, docs, strict=True)]
    cuts = [(_cut(text, doc, s, e), doc, s, e, w)
            for text, doc, plan in zip(texts, docs, plans, strict=True) for s, e, w in plan]  # fmt: skip
    parsed = nlp.pipe((piece for piece, *_, w in cuts if w), batch_size=ctx.batch_size)
    rest = [nlp.make_doc(piece) for piece, *_, w in cuts if not w]
    for run, (_, doc, s, e, _) in zip(rest, (c for c in cuts if not c[-1]), strict=True):
        if len(run) == e - s:  # else the check below reports it
            run.from_array([SENT_START], doc[s:e].to_array([SENT_START]))
    named = iter(nlp.get_pipe("ner").pipe(rest, batch_size=ctx.batch_size))  # type: ignore[attr-defined]
    for text, doc, plan in zip(texts, docs, plans, strict=True):
        runs = [next(parsed) if wanted else next(named) for _, _, wanted in plan]
        if [len(r) for r in runs] != [e - s for s, e, _ in plan]:
            yield nlp(text)  # a run tokenized apart from its text: the whole pipeline then
            continue
        if runs:
            doc.from_array(COPIED, numpy.concatenate([r.to_array(COPIED) for r in runs]))
            # the parse sets the sentences where it ran (from_array above); elsewhere the senter's stand
            doc.from_array([SENT_START], numpy.concatenate([r.to_array([SENT_START]) for r in runs]))
        yield doc


def _cut(text: str, doc: Doc, start: int, end: int) -> str:
    """The characters of tokens [start, end), with the white space after the last one."""
    return text[doc[start].idx if start else 0 : doc[end].idx if end < len(doc) else len(text)]
