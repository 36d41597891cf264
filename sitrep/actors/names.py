"""Where names and titles sit among the tokens: the longest known names first, the country or body an
office belongs to ("Iran's", "of the United States"), and the personal name a title stands before."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.actors.index import Index
from sitrep.actors.load import is_people
from sitrep.actors.match import Match
from sitrep.actors.units import Unit, Units
from sitrep.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


LOCATIVE = frozenset(
    [
        "in",
        "at",
        "to",
        "into",
        "from",
        "near",
        "across",
        "inside",
        "outside",
        "around",
        "through",
        "toward",
        "towards",
        "via",
        "over",
    ]
)
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


def greedy(matches: list[Match]) -> list[Match]:
    return sorted(matches, key=lambda m: (m.start - m.end, m.start))


def named(doc: Doc, matches: list[Match], index: Index, units: Units, covered: set[int]) -> None:
    for m in greedy(matches):
        if not units.free(m.start, m.end):
            continue
        actor = index.actors[m.entry.value]
        last = doc[m.end - 1]
        if m.entry.place:
            units.place_hits.setdefault(m.start, actor.country or "")
        if m.entry.place and last.dep_ == "pobj" and last.head.lower_ in LOCATIVE:
            continue  # "to Baghdad" is a place, not Iraq acting; "at Baghdad University" still says Iraq
        nxt = doc[m.end] if m.end < len(doc) else None
        if (
            nxt is not None
            and m.end - m.start == 1
            and nxt.i not in covered
            and _inside_name(actor, doc[m.start], nxt)
        ):
            continue  # "Sharon" in "Sharon Stone", "Nasser" in "Nasser Kanaani": part of an unknown name
        units.add(m.start, m.end, index.seats.get(actor.id, actor) if m.entry.seat else actor)


def _inside_name(actor: Actor, word: Token, nxt: Token) -> bool:
    """A one-word name followed by more of a name: a person's ("Sharon Stone", "Jean-Bertrand") or, for a
    city or country word, only where the tagger sees one person ("Nasser Kanaani", not "Iraqi Kurds")."""
    if actor.kind == "person" or is_people(actor):  # "Karen Pierce" is not the Karen people
        return bool((nxt.pos_ == "PROPN" and nxt.text[:1].isupper()) or nxt.text == "-")
    return bool(
        actor.kind == "country"
        and word.ent_type_ == "PERSON"
        and nxt.ent_type_ == "PERSON"
        and nxt.ent_iob_ != "B"
    )


def qualifier(doc: Doc, units: Units, start: int, end: int) -> tuple[Unit | None, int, int]:
    """The country or organisation an office belongs to: "Iran's", "Iranian", "of the United States"."""
    k = start
    if (
        k > 0
        and doc[k - 1].pos_ == "ADJ"
        and doc[k - 1].lower_ not in {"former", "ex"}
        and units.free(k - 1, k)
    ):
        k -= 1  # "Iraq's new prime minister"
    if k > 1 and doc[k - 1].text in POSSESSIVE and (u := units.ending_at(k - 1)) is not None:
        return u, u.start, end
    if (u := units.ending_at(k)) is not None:
        return u, u.start, end
    if end < len(doc) and doc[end].lower_ == "of":
        m = end + 1 + (end + 1 < len(doc) and doc[end + 1].lower_ == "the")
        if (u := units.starting_at(m)) is not None:
            return u, start, u.end
    return None, start, end


def name_after(doc: Doc, units: Units, at: int, titles: dict[int, Match]) -> tuple[int, int] | None:
    """The token range of a personal name starting at ``at`` (after any rank), known or not."""
    while at in titles:
        at = titles[at].end
    if at >= len(doc):
        return None
    if (u := units.starting_at(at)) is not None:
        return (u.start, u.end) if u.actor.kind == "person" else None
    end, n = at, len(doc)
    while (
        end < n
        and units.owner[end] is None
        and (
            (doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper())
            or (
                doc[end].text == "-" and end > at and end + 1 < n and doc[end + 1].pos_ == "PROPN"
            )  # Jean-Bertrand
            or (end > at and doc[end].ent_iob_ == "I" and doc[end].ent_type_ == "PERSON")
        )
    ):
        end += 1
    return (at, end) if end > at else None
