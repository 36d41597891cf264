"""Within-article coreference: mentions of one happening become one event with several evidence spans.

"a barrage of rockets targeted the US embassy", "a fresh volley of rockets hit the Green Zone" and "The
attack killed a child" are one event. Two mentions merge when they have the same type and the same kind
of modality (both factual, or both the same), nothing contradicts (dates, sources, targets), and
something links them: an anaphoric trigger ("the attack"), the same weapon, the same place or target.
A mention named in passing ("condemned the attack") joins the event it refers to as more evidence; the
event is news (salience main) when any of its mentions is.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from sitrep.records import FACTUAL, Event, EventActor


@dataclass(frozen=True, slots=True)
class Mention:
    """An event as one trigger found it, with what coreference needs to know about its words."""

    event: Event
    anaphoric: str  # "the" (the attack: the same event as before), "another" (same kind, same parties), ""
    own_date: bool  # the date came from the event's own clause, not just its sentence


def _same_party(a: EventActor | None, b: EventActor | None) -> bool | None:
    """True when both name the same actor, False when they clash, None when either is missing."""
    if a is None or b is None:
        return None
    if a.actor_id and b.actor_id:
        return a.actor_id == b.actor_id
    if a.country and b.country:
        return a.country == b.country
    return None


def _compatible(a: Mention, b: Mention) -> bool:
    x, y = a.event, b.event
    if x.plover_type != y.plover_type:
        return False
    if "background" in (x.salience, y.salience) and x.plover_mode != y.plover_mode:
        return False  # "used them as shields during the siege": the siege is the setting, not the shielding
    if x.modality != y.modality and not (x.modality in FACTUAL and y.modality in FACTUAL):
        return False
    if a.own_date and b.own_date and x.date_flag == "text" == y.date_flag and x.date != y.date:
        return False
    if _same_party(x.source, y.source) is False:
        return False
    # two named targets: one happening only for an attack described twice (the embassy, the Green Zone)
    both = x.target is not None and y.target is not None
    return (
        x.plover_type == "ASSAULT"
        or not both
        or b.anaphoric == "the"
        or _same_party(x.target, y.target) is True
    )


def _linked(a: Event, b: Event, anaphoric: str) -> bool:
    if anaphoric == "the":
        return True
    head = (a.weapon or "").split()[-1:] == (b.weapon or "").split()[-1:] and a.weapon and b.weapon
    same_place = a.place_flag == "text" == b.place_flag and a.place is not None and a.place == b.place
    return bool(head) or same_place or _same_party(a.target, b.target) is True


def _merge(m: Mention, n: Mention) -> Mention:
    a, b = m.event, n.event
    fill = {
        f: getattr(b, f)
        for f in (
            "source",
            "target",
            "killed",
            "injured",
            "arrested",
            "quantity",
            "weapon",
            "plover_mode",
            "quote_id",
        )
        if getattr(a, f) is None and getattr(b, f) is not None
    }
    if a.weapon and b.weapon and len(b.weapon) > len(a.weapon) and b.weapon.endswith(a.weapon.split()[-1]):
        fill["weapon"] = b.weapon  # "BM-21 rockets" says more than "rockets"
    broad = a.place is None or a.place.feature_class in (None, "A")
    if b.place_flag == "text" and (
        a.place_flag != "text" or (broad and b.place and b.place.feature_class not in (None, "A"))
    ):
        fill.update(place=b.place, place_flag=b.place_flag)
    if (
        (a.date_flag != "text" or not m.own_date)
        and b.date_flag == "text"
        and (n.own_date or a.date_flag != "text")
    ):
        fill.update(date=b.date, date_precision=b.date_precision, date_flag=b.date_flag)
    if a.plover_mode is None and b.plover_mode is not None:
        fill["cameo"] = b.cameo
    if b.salience == "main":  # "the attack" named in passing joins the attack the article reports
        fill["salience"] = "main"
    merged = dataclasses.replace(
        a,
        **fill,
        evidence=a.evidence + b.evidence,
        confidence=min(0.99, max(a.confidence, b.confidence) + 0.05),
        rule=f"{a.rule}&{b.rule.split('|')[0]}",
    )
    return Mention(merged, m.anaphoric, m.own_date or n.own_date)


def _inherit(earlier: list[Mention], mention: Mention) -> Mention:
    """ "Another meeting was held with X": a new event of the same kind, with the same source."""
    event = mention.event
    prior = next(
        (m.event for m in reversed(earlier) if m.event.plover_type == event.plover_type and m.event.source),
        None,
    )
    if event.source is not None or prior is None:
        return mention
    return dataclasses.replace(
        mention, event=dataclasses.replace(event, source=prior.source, rule=f"{event.rule}|source:another")
    )


def merge(mentions: list[Mention]) -> tuple[Event, ...]:
    """Events in text order; each later mention joins the latest compatible, linked earlier event."""
    out: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: m.event.trigger.start):
        if mention.anaphoric == "another":
            out.append(_inherit(out, mention))
            continue
        for i in range(len(out) - 1, -1, -1):
            if _compatible(out[i], mention) and _linked(out[i].event, mention.event, mention.anaphoric):
                out[i] = _merge(out[i], mention)
                break
        else:
            out.append(mention)
    return tuple(m.event for m in out)
