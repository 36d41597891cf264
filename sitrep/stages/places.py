"""Places: toponyms found in the parsed Doc, resolved to gazetteer entries with the article's context.

Spans come from spaCy's GPE/LOC/FAC/NORP entities (kept only where the gazetteer knows the name and,
for LOC/FAC — which the model puts on people such as "Qaani" — only for places that are more than a
hamlet), from any entity after a locative preposition ("in Abuja", labelled PERSON), and from a matcher
over capitalised runs for names the model misses ("Green Zone", "Strait of Hormuz", datelines). Words
of person names are never places. Resolution is in sitrep.gazetteer.resolve; roles (demonym, modifier,
metonym) come from the parse here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import yaml

from sitrep.context import Context, default_context
from sitrep.gazetteer import Candidate, Gazetteer, resolve
from sitrep.gazetteer.home import home_country
from sitrep.gazetteer.names import norm
from sitrep.gazetteer.resolve import clean_name, generic, hint, languages, lookup, strong
from sitrep.gazetteer.spans import resolve_spans as resolve_given
from sitrep.records import Article, Place, PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


NAME = "places"
NEEDS = ("text",)
ADDS = "places"

ROLES = Path(__file__).resolve().parents[1] / "data" / "places" / "roles.yaml"
ENTITY_LABELS = {"GPE", "LOC", "FAC", "NORP"}
LOCATED_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC"}  # taken after "in", "from" ... whatever the label
HAMLET = 10_000  # a LOC/FAC span naming only places smaller than this is more likely a person
MATCH_MIN_POP = 100_000  # the matcher adds cities only from this size (and every non-city entry)
MAX_WORDS = 5
CONNECTORS = {"of", "al", "el", "de", "the", "and"}
SPECIFIC = {"P": 3, "S": 4, "H": 2, "T": 2, "A": 1, "L": 0}  # feature class → how specific a place is


@lru_cache(maxsize=1)
def _roles() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = yaml.safe_load(ROLES.read_text(encoding="utf-8"))
    return frozenset(data["metonymy_verbs"]), frozenset(data["metonymy_heads"]), frozenset(data["locative"])


def _known(gaz: Gazetteer, name: str) -> tuple[Candidate, ...]:
    key = norm(name)  # "Métro" is "metro"
    return () if key in generic() or key in languages() else lookup(gaz, name)


Spans = list[tuple[int, int, tuple[Candidate, ...]]]
Role = Literal["literal", "demonym", "modifier", "metonym"]


def _people(doc: Doc, gaz: Gazetteer) -> tuple[set[str], set[int]]:
    """Words of person names ("Harvey" after "Harvey Weinstein") and the tokens of PERSON entities.

    The model also calls some regions people ("Tamil Nadu said"): a PERSON of several words that is
    exactly a country's or region's name is left to the matcher.
    """
    words: set[str] = set()
    tokens: set[int] = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON" or (len(ent) > 1 and _is_region(gaz, ent.text)):
            continue
        if _after_locative(doc, ent.start) and _town(gaz, _known(gaz, ent.text)):
            continue
        words.update(t.text for t in ent)
        tokens.update(range(ent.start, ent.end))
    return words, tokens


def _after_locative(doc: Doc, start: int) -> bool:
    """ "in Abuja", "from Owerri": the model often calls such places people or organisations."""
    return start > 0 and doc[start - 1].pos_ == "ADP" and doc[start - 1].lower_ in _roles()[2]


def _town(gaz: Gazetteer, cands: tuple[Candidate, ...]) -> bool:
    """More than a hamlet: a town, or any region or feature."""
    return any(gaz.fclass[c.row] != b"P" or gaz.pop[c.row] >= HAMLET for c in cands)


def _is_region(gaz: Gazetteer, name: str) -> bool:
    return any(c.primary and gaz.code(c.row) in ("PCLI", "ADM1") for c in gaz.lookup(name))


def _entity_spans(doc: Doc, gaz: Gazetteer, person_words: set[str]) -> Spans:
    spans = []
    for ent in doc.ents:
        located = ent.label_ in LOCATED_LABELS and _after_locative(doc, ent.start)
        if not (located or (ent.label_ in ENTITY_LABELS and ent.text not in person_words)):
            continue
        cands = _known(gaz, clean_name(ent.text))
        if cands and (_town(gaz, cands) or ent.label_ in ("GPE", "NORP")):
            spans.append((ent.start, ent.end, cands))
    return spans


def _strong(gaz: Gazetteer, cands: tuple[Candidate, ...]) -> bool:
    """A name worth taking without an entity label: a demonym, or the own name of a country, region,
    feature or big city (alternate names such as "Quds" for Jerusalem stay with the entity spans)."""
    return any(
        strong(gaz, c) and (gaz.fclass[c.row] != b"P" or gaz.pop[c.row] >= MATCH_MIN_POP) for c in cands
    )


def _starts_name(tok: Token) -> bool:
    """A capitalised proper noun or adjective; "US" is a stop word in lower case only."""
    if tok.pos_ not in ("PROPN", "ADJ"):
        return False
    return (tok.is_title and not tok.is_stop) or (tok.is_upper and len(tok) > 1)


def _matched_spans(doc: Doc, gaz: Gazetteer, blocked: set[int]) -> Spans:
    """Longest proper-noun runs the gazetteer knows (datelines in capitals too), outside person names.

    Only runs of capitalised words (with "of", "al" ... inside) are tried: a handful of lookups per
    sentence, not one per token n-gram.
    """
    texts, capital, joins, starts, propn = [], [], [], [], []
    for t in doc:  # one pass: spaCy builds a Token object per access
        texts.append(t.text_with_ws)
        capital.append((t.is_title or t.is_upper) and t.i not in blocked)
        joins.append(t.lower_ in CONNECTORS)
        starts.append(capital[-1] and _starts_name(t))
        propn.append(t.pos_ == "PROPN")
    spans = []
    i, n = 0, len(texts)
    while i < n:
        if not starts[i]:
            i += 1
            continue
        end = i + 1
        while end < min(n, i + MAX_WORDS) and (capital[end] or joins[end]):
            end += 1
        found = None
        for j in range(end, i, -1):
            if joins[j - 1]:
                continue
            cands = _known(gaz, "".join(texts[i:j]).strip())
            if cands and _strong(gaz, cands) and (j - i > 1 or propn[i] or any(c.demonym for c in cands)):
                found = (i, j, cands)
                break
        if found:
            spans.append(found)
            i = found[1]
        else:
            i += 1
    return spans


def _longest(spans: Spans) -> Spans:
    """Overlapping spans keep the longest ("Tamil Nadu" over the entity "Tamil")."""
    kept: Spans = []
    for span in sorted(spans, key=lambda sp: (sp[0] - sp[1], sp[0])):
        if all(span[1] <= k[0] or k[1] <= span[0] for k in kept):
            kept.append(span)
    return sorted(kept)


def _role(doc: Doc, start: int, end: int, chosen: Candidate, gaz: Gazetteer) -> Role:
    """ "Iraqis" people, "Iraqi factions" modifier, "Washington said" / "Iran's government" metonym."""
    span = doc[start:end]
    root = span.root
    if chosen.demonym:
        return "demonym" if chosen.people else "modifier"
    verbs, heads, _ = _roles()
    if (
        root.dep_ in ("nsubj", "nsubjpass")
        and root.head.lemma_ in verbs
        and gaz.fclass[chosen.row] in (b"A", b"P")
    ):
        return "metonym"
    if root.dep_ == "poss" and root.head.lower_ in heads:
        return "metonym"
    if root.dep_ in ("compound", "amod") and root.head.pos_ in ("NOUN", "PROPN") and root.head.i >= end:
        return "modifier"
    return "literal"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The offsets of the name itself: without "the", a possessive or punctuation around it."""
    name = clean_name(text[start:end])
    at = text.find(name, start, end) if name else -1
    return (at, at + len(name)) if at >= 0 else (start, end)


def mentions(doc: Doc, text: str, gaz: Gazetteer, url: str | None = None) -> tuple[PlaceMention, ...]:
    person_words, person_tokens = _people(doc, gaz)
    spans = _longest(_entity_spans(doc, gaz, person_words) + _matched_spans(doc, gaz, person_tokens))
    chars = [_trim(text, doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)) for s, e, _ in spans]
    names = [text[cs:ce] for cs, ce in chars]
    hints = [hint(text, start, end) for start, end in chars]
    choices = resolve.resolve(gaz, [c for _, _, c in spans], names, hints, home_country(url))
    out = []
    for (s, e, _), (cs, ce), choice in zip(spans, chars, choices, strict=True):
        if choice is None:
            continue
        role = _role(doc, s, e, choice.candidate, gaz)
        place = gaz.place(choice.candidate.row)
        out.append(PlaceMention(cs, ce, text[cs:ce], place, role, round(choice.score, 3)))
    return tuple(out)


def run(article: Article, doc: Doc, ctx: Context) -> tuple[PlaceMention, ...]:
    return mentions(doc, article.text, ctx.resource("gazetteer", Gazetteer), article.url)


def find(text: str, ctx: Context | None = None, url: str | None = None) -> tuple[PlaceMention, ...]:
    """Parse a bare text and find its places (for the eval and callers without a Doc); ``url`` is the
    article's address, whose country is the prior for same-name towns."""
    from sitrep.stages import language

    ctx = ctx or default_context()
    return mentions(language.doc(text, ctx), text, ctx.resource("gazetteer", Gazetteer), url)


def resolve_spans(
    text: str, spans: Sequence[tuple[int, int]], ctx: Context | None = None, url: str | None = None
) -> list[Place | None]:
    """Places for spans already known to be toponyms (gold spans, another tagger's), in context."""
    gaz = (ctx or default_context()).resource("gazetteer", Gazetteer)
    choices = resolve_given(gaz, text, spans, home_country(url))
    return [gaz.place(c.candidate.row) if c else None for c in choices]


def _specific(place: Place) -> int:
    return SPECIFIC.get(place.feature_class or "", 0) + (1 if place.feature_code == "ADM2" else 0)


def focus(article: Article) -> Place | None:
    """The place the article is about: the most mentioned, then the most specific, then the first."""
    literal = [m.place for m in article.places if m.place is not None and m.role in ("literal", "modifier")]
    if not literal:
        return None
    counts = Counter(p.key for p in literal)
    first = {p.key: i for i, p in reversed(list(enumerate(literal)))}
    return max(literal, key=lambda p: (counts[p.key], _specific(p), -first[p.key]))


def place_in(article: Article, start: int, end: int, skip: tuple[tuple[int, int], ...] = ()) -> Place | None:
    """The most specific place named inside [start, end) but outside the ``skip`` ranges: literal mentions
    before modifiers."""
    inside = [
        m
        for m in article.places
        if m.place is not None
        and start <= m.start
        and m.end <= end
        and m.role != "demonym"
        and not any(a <= m.start < b for a, b in skip)
    ]
    if not inside:
        return None
    best = max(inside, key=lambda m: (m.role == "literal", _specific(m.place), -m.start))  # type: ignore[arg-type]
    return best.place
