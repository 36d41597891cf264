"""One trigger → one Event record: type, mode, CAMEO, actors, place, date, counts, modality, evidence."""

from __future__ import annotations

import dataclasses
import hashlib
from typing import TYPE_CHECKING

from sitrep.events import anchors, arguments, counts, recipients
from sitrep.events.coref import Mention
from sitrep.events.countries import alpha3
from sitrep.events.lexicon import Lexicon
from sitrep.events.modality import Reading, clause_verb, read
from sitrep.events.triggers import Candidate
from sitrep.records import Article, Event, EventActor, Evidence, Span
from sitrep.timex.tense import looks_back

if TYPE_CHECKING:
    from spacy.tokens import Token

MATERIAL = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "AID", "RETREAT", "SANCTION", "PROTEST", "COOPERATE"})
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
CONFLICT = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"})
NOT = frozenset({"not", "never", "n't", "no"})
TEMPORAL_LINKS = frozenset({"after", "before", "since", "following", "until", "ahead", "when", "while"})


def _span(tokens: list[Token]) -> Span:
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    return Span(start, end, counts._text(tokens[0].doc, start, end))


def _clause_span(verb: Token) -> tuple[int, int]:
    toks = list(counts.clause_tokens(verb))
    return min(t.idx for t in toks), max(t.idx + len(t) for t in toks)


def _nested(verb: Token) -> tuple[tuple[int, int], ...]:
    """The character ranges of the relative clauses on the clause's objects: they tell of other acts. One
    on the subject is often the act's setting ("Ana, who had flown to Lima, met the envoy": in Lima), and
    so is a participle ("dispersed crowds gathered in the square")."""
    return tuple(
        (t.left_edge.idx, t.right_edge.idx + len(t.right_edge))
        for t in counts.clause_tokens(verb)
        if t is not verb and t.dep_ == "relcl" and t.head.dep_ not in ("nsubj", "nsubjpass")
    )


def _own_date_scope(verb: Token) -> bool:
    """False when the clause hangs off "after"/"before" etc.: the sentence's date is another event's."""
    cur = verb
    for _ in range(6):
        if cur.head is cur:
            return True
        if cur.lower_ in TEMPORAL_LINKS and cur.dep_ in ("prep", "mark", "advmod"):
            return False
        if any(c.lower_ in TEMPORAL_LINKS and c.dep_ == "mark" for c in cur.children):
            return False
        cur = cur.head
    return True


def codable(event: Event) -> bool:
    """An event record has an actor: PLOVER's events name the entity that initiated them (only the
    recipient is optional, by type). A verbal act always has a speaker: with none found ("talks were
    held", "thank you") the words are no event record. A material act whose doer the text does not name
    ("the blast killed five", "two men were arrested in Dakar") still happened to someone or somewhere:
    it stands when it has a recipient, a count, a weapon or a place of its own (CAMEO's unidentified
    actor). So does a verbal act told as what befell a party named as the clause's subject ("the
    minister was criticised", "the senator received criticism"). A CAMEO verb coded on its own
    ("rebuked") stands only with a known party as its doer: the lowest prior needs the strongest
    argument."""
    if event.source is None:
        if event.rule.startswith("cameo-verb:"):
            return False  # the lowest prior needs a known doer ("helped a girl escape": whose act?)
        material = event.plover_type in MATERIAL
        said = event.target is not None or event.weapon is not None or event.place_flag == "text"
        counted = any(n is not None for n in (event.killed, event.injured, event.arrested, event.quantity))
        befell = "|target:undergoer" in event.rule and recipients.party(event.target)
        return (material and (said or counted)) or befell
    if not event.rule.startswith("cameo-verb:"):
        return True
    return event.source.actor_id is not None or event.source.country is not None


def unnamed_source(event: Event, lex: Lexicon) -> Event:
    """CAMEO's convention for an event whose doer the text does not name ("killed by a roadside bomb near
    Samarra"): an unidentified actor of the country where the text places it — named so, never a person,
    and only for the types patterns.yaml lists, with the sector it gives (UAF for an assault: the act
    arms its doer; UNK otherwise). PLOVER itself leaves such events without an actor."""
    place = event.place
    if event.source is not None or event.place_flag != "text" or place is None:
        return event
    sector = lex.unnamed_actor.get(event.plover_type)
    if sector is None:
        return event
    country = alpha3(place.country)
    words = next((ev for ev in event.evidence if ev.role == "place"), None)
    if country is None or words is None:
        return event
    source = EventActor(
        Span(words.start, words.end, words.text), None, f"unidentified actor in {place.name}", country, sector
    )
    return dataclasses.replace(event, source=source, rule=f"{event.rule}|source:unidentified-in-place")


def _joint(tok: Token) -> bool:
    """ "Greek and Italian warships": PLOVER codes joint exercises COOPERATE, one country's MOBILIZE."""
    return any(t.dep_ == "conj" for t in tok.subtree) or any(c.lower_ == "joint" for c in tok.head.children)


def _stated_future(reading: Reading, said: bool) -> bool:
    """A party's own statement about what it will (or may, if ...) do."""
    if reading.modality not in ("future", "conditional", "hypothetical"):
        return False
    if reading.negation:
        return False  # "cannot be contained if war breaks out": a forecast, not an announced action
    return reading.said_future or (said and {"hypothetical", "conditional"} <= reading.cues)


def _future_intent(cand: Candidate, reading: Reading) -> tuple[str, Reading] | None:
    """PLOVER recodes what a party says it will (or will not) do: cooperation announced for the future is
    AGREE, a retreat announced for later CONCEDE, harm announced (or promised "unless") THREATEN, and
    cooperation refused ("will not meet their demands") REJECT."""
    if cand.frame_of is not None or cand.derived or cand.background:
        return None  # only what the curated lexicon names as news is recoded: a derived verb is too weak
    if cand.token.dep_ in ("nsubj", "nsubjpass"):
        return None  # "whether the withdrawal will satisfy them": an event talked about, not announced
    said = "reported" in reading.cues
    unless = reading.cue.endswith("unless")
    refused = reading.negation in NOT and "hypothetical" not in reading.cues
    # a concession not made is a refusal to yield (CAMEO 124: "did not accede to their demands"); other
    # cooperation is refused only when a party says it will not act ("will not meet them"): a past
    # "did not endorse him" or "do not agree on how" reports no refusal, only that nothing happened
    refusal = cand.type == "CONCEDE" or (reading.said_future and cand.type in COOPERATIVE | {"AGREE"})
    if refused and refusal:
        new = "REJECT"
    elif not _stated_future(reading, said):
        return None
    elif unless or (cand.type in CONFLICT and said):
        new = "THREATEN"
    elif cand.type in COOPERATIVE or (cand.type == "RETREAT" and reading.modality == "conditional"):
        new = "AGREE"
    elif cand.type == "RETREAT":
        new = "CONCEDE"
    else:
        return None
    cue = f"{reading.modality}-{cand.type.lower()}"
    return new, dataclasses.replace(reading, modality="asserted", cue=cue)


def _actor(
    tok: Token, article: Article, lex: Lexicon, names: dict[str, str], where: anchors.Anchors, doer: bool
) -> EventActor | None:
    """The party the words stand for, or None where they name none (a time, a number, a pronoun with no
    antecedent; for the doer, words that are no party at all)."""
    actor = arguments.resolve(tok, article, names, where.mentions)
    if actor is None or (actor.actor_id is None and actor.country is None):
        # "rejected an offer from Peru", "halted aid to Laos", "withdraw its force from Mali"; a thing
        # owned stands for its owner when it is no party itself ("criticised the minister's decision")
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        owner = (
            arguments.owner(tok)
            or (arguments.owner(tok.head, ("to", "from")) if tok.head.pos_ == "VERB" else None)
            or poss
        )
        owned = arguments.resolve(owner, article, names, where.mentions) if owner is not None else None
        # only a party stands in for the words: "players were banned from the team", "sentenced Smith to
        # prison" keep the players and Smith, not the team or the prison
        if owner is not None and owned is not None and (actor is None or recipients.party(owned)):
            tok, actor = owner, owned
    if actor is None or not arguments.stands_for_party(tok, actor, lex, article.text, doer):
        return None
    return actor


def _cite(actor: EventActor | None, role: str, ev: list[Evidence]) -> EventActor | None:
    if actor is not None:
        ev.append(Evidence(role, actor.span.start, actor.span.end, actor.span.text))
    return actor


def event(
    cand: Candidate, article: Article, lex: Lexicon, names: dict[str, str], where: anchors.Anchors
) -> Mention:
    """The Event a trigger names, with what coreference needs (anaphoric words, where the date came from)."""
    tok = cand.token
    all_tokens = [*cand.tokens, *(t for a in cand.absorbed for t in a.tokens)]
    reading = read(cand, lex, article.quotes)
    type_, cameo, mode = cand.type, cand.cameo, cand.mode
    intent = _future_intent(cand, reading)
    rule = cand.rule
    if intent is not None:
        type_, reading = intent
        threat = lex.frames["threaten"]
        mode = threat.modes.get(cand.type) if type_ == "THREATEN" else None
        cameo = {"AGREE": "036" if cand.type == "CONSULT" else "030", "CONCEDE": "080", "REJECT": "120"}.get(
            type_, threat.cameo.get(cand.type, "130")
        )
        rule = f"{rule}|{reading.cue}"
    trigger = _span(cand.tokens)
    evidence = [Evidence("trigger", trigger.start, trigger.end, trigger.text)]
    evidence += [
        Evidence("trigger", s.start, s.end, s.text) for s in (_span(a.tokens) for a in cand.absorbed)
    ]
    events = {t.i for t in all_tokens}
    alleged = arguments.alleged_doer(tok, lex)
    source_tok = alleged if alleged is not None else arguments.source_token(cand, lex, names, events)
    if alleged is not None and reading.modality in ("asserted", "hypothetical"):
        reading = dataclasses.replace(reading, modality="reported", cue="alleged")
    source = _cite(
        _actor(source_tok, article, lex, names, where, True) if source_tok is not None else None,
        "source",
        evidence,
    )
    if type_ == "MOBILIZE" and cameo == "150" and source_tok is not None and _joint(source_tok):
        type_, mode, cameo, rule = "COOPERATE", None, "062", f"{rule}|joint"
    avoid = events | ({source_tok.i} if source_tok is not None else set())
    target = recipients.choose(
        cand, lex, avoid, lambda t: _actor(t, article, lex, names, where, False), source
    )
    verb = clause_verb(cand.verb)
    clause = _clause_span(verb)
    sent = (tok.sent.start_char, tok.sent.end_char)
    place, place_flag, pmention = where.place(clause, sent, tok.idx, _nested(verb))
    if pmention is not None:
        evidence.append(Evidence("place", pmention.start, pmention.end, pmention.text))
    host = (
        recipients.place_party(pmention)
        if cand.entry.host_acts and pmention and place_flag == "text"
        else None
    )
    if host is not None:  # "peacekeepers arrived in X": X receives them, they are its recipients
        evidence = [e for e in evidence if e.role != "source"]
        source, target = _cite(host, "source", evidence), source
        rule = f"{rule}|source:host"
    if not recipients.party(target):  # "imposed a curfew in Hebron": the place's people are aimed at
        by_place = recipients.placed(type_, cand, article, clause, source)
        if by_place is not None:
            target, how = by_place
            rule = f"{rule}|{how}"
    who = recipients.undergoer(cand, lex) if source is None and target is not None else None
    if target is not None and who is not None and target.span.start <= who.idx < target.span.end:
        rule = f"{rule}|target:undergoer"  # "the minister was criticised": an act with an unnamed doer
    if target is not None and target.country is None:  # "rejected plans for a market in Aleppo"
        target = dataclasses.replace(target, country=arguments.sentence_country(tok, article))
    _cite(target, "target", evidence)
    when = where.date(clause, sent if _own_date_scope(tok) else None, tok.idx, looks_back(verb))
    if when.expr is not None:
        evidence.append(Evidence("date", when.expr.start, when.expr.end, when.expr.text))
    found: dict[str, int] = {}
    for c in counts.casualties([t for t in all_tokens if t.pos_ == "VERB"], lex):
        found.setdefault(c.kind, c.value)
        evidence.append(Evidence(c.kind, c.start, c.end, c.text))
    scope = sorted(
        {*counts.clause_tokens(verb), *(t for a in cand.absorbed for t in a.token.subtree)}, key=lambda t: t.i
    )
    weapon = counts.weapon(scope, events, lex) if type_ in ("ASSAULT", "MOBILIZE", "THREATEN") else None
    weapon_text = None
    if weapon is not None:
        weapon_text = weapon.text
        evidence.append(Evidence("weapon", weapon.start, weapon.end, weapon.text))
        if weapon.quantity is not None:
            found["quantity"] = weapon.quantity.value
            q = weapon.quantity
            evidence.append(Evidence("quantity", q.start, q.end, q.text))
        if type_ == "ASSAULT" and mode is None:
            mode, cameo = weapon.mode, weapon.cameo
    conf = min(0.95, cand.entry.conf + 0.1 * (source is not None) + 0.05 * (target is not None))
    if reading.cue:
        rule = f"{rule}|{reading.modality}:{reading.cue}"
    digest = hashlib.sha1(f"{article.id}:{trigger.start}:{type_}".encode()).hexdigest()[:16]
    dets = {
        c.lower_
        for t in (tok, *(a.token for a in cand.absorbed))
        if t.pos_ == "NOUN"
        for c in t.children
        if c.dep_ == "det"
    }
    anaphoric = "the" if dets & {"the", "this", "that"} else "another" if "another" in dets else ""
    own_date = when.expr is not None and clause[0] <= when.expr.start < clause[1]
    return Mention(Event(
        id=digest, plover_type=type_, plover_mode=mode, cameo=cameo, trigger=trigger, source=source,
        target=target, place=place, place_flag=place_flag,  # type: ignore[arg-type]
        date=when.value, date_precision=when.precision, date_flag=when.flag,  # type: ignore[arg-type]
        killed=found.get("killed"), injured=found.get("injured"), arrested=found.get("arrested"),
        quantity=found.get("quantity"), weapon=weapon_text, modality=reading.modality,
        confidence=round(conf, 3), rule=rule, evidence=tuple(evidence), quote_id=reading.quote_id,
        salience="background" if cand.background or alleged is not None else "main",
    ), anaphoric, own_date)  # fmt: skip
