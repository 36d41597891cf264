"""Who did what to whom: source and target of a trigger from the dependency parse.

Verbs: the subject (or the passive's agent) is the source; the target is sitrep.events.recipients'
business. Nouns: the possessor, a "by"/"from" phrase or a demonym ("Israeli air strike") is the source. A missing subject is borrowed from
the governing clause (conjuncts, infinitives; "urged X to ..." gives X). The words then resolve to the
actors stage's mentions; only when none covers them does a country reading of the words stand in.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sitrep.events.countries import alpha3, country_in
from sitrep.events.lexicon import Lexicon
from sitrep.events.triggers import Candidate, died_of, lemma, misparsed_main_verb, subject
from sitrep.records import Actor, ActorMention, Article, EventActor, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

NP_LEFT = frozenset({"det", "amod", "compound", "poss", "nummod", "quantmod", "nmod", "case"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
PERSONAL = frozenset({"he", "she", "his", "her", "him"})
GROUP = frozenset({"they", "their", "them", "it", "its"})
PLURAL = frozenset({"they", "their", "them"})
QUANTIFIERS = frozenset({"all", "most", "some", "many", "several", "both", "each", "none", "few", "half"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
FIRST = frozenset({"i", "me", "my", "we", "us", "our"})  # in a quote: its speaker
PRONOUNS = PERSONAL | GROUP | RELATIVE | FIRST
ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr"})
NOT_ACTOR_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
NAMED_PARTIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
REACH = 1500  # characters back that an antecedent may be: a few sentences


def _noun_source(tok: Token, lex: Lexicon, countries: dict[str, str]) -> Token | None:
    """The doer a noun names: its possessor (not of an act done to it: "the senator's arrest"), a
    "by"/"from" phrase, an "of" phrase of an act with no one acted on ("a march of workers"), a
    demonym or country before it."""
    preps = lex.source_preps | ({"of"} if lemma(tok) in lex.roles["agent_of_nouns"] else set())
    for c in tok.children:
        if c.dep_ == "poss" and not patient_possessor(tok, lex):
            return c
        if c.dep_ == "prep" and c.lower_ in preps:
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    for c in tok.lefts:  # "Israeli air strikes", "US Predator attacks"
        if c.dep_ in ("amod", "compound", "nmod"):
            hit = next((t for t in c.subtree if t.ent_type_ in ("NORP", "GPE") or t.text in countries), None)
            if hit is not None:
                return hit
    return None


def other_occasion(cand: Candidate, lex: Lexicon) -> bool:
    """A contentious event named in a clause's adjunct of time or circumstance ("after the attack",
    "amid protests"): another occasion, whose parties are not the clause's (data: roles.occasion_preps)."""
    tok = cand.token
    occasion = tok.dep_ == "pobj" and tok.head.lower_ in lex.roles["occasion_preps"]
    return occasion and cand.type not in lex.roles["shared_occasions"]


def _shared_setting(cand: Candidate, lex: Lexicon) -> bool:
    """A meeting (or deal, or aid) that is the setting of a clause ("in a phone call, X urged Y", "at the
    talks, X told Y"): who speaks there takes part in it, unlike one who speaks about it."""
    tok = cand.token
    return tok.head.lower_ in lex.roles["setting_preps"] and cand.type in lex.roles["shared_occasions"]


def _place_like(tok: Token | None, lex: Lexicon) -> bool:
    return tok is not None and (tok.ent_type_ in ("GPE", "LOC") or lemma(tok) in lex.roles["place_nouns"])


def _named_after(agent: Token, event: Token) -> bool:
    """An agent noun formed on the event's word: rioters of a riot, protesters of a protest, strikers of
    a strike, demonstrators of a demonstration."""
    stem = lemma(event).removesuffix("ion").removesuffix("e")
    return len(stem) >= 4 and lemma(agent).startswith(stem) and lemma(agent) != lemma(event)


def patient_possessor(tok: Token, lex: Lexicon) -> bool:
    """Whether the noun's possessor is the one its act befalls: "the senator's arrest", "her
    indictment", but not "the army's release of the hostages" (the "of" phrase is acted on)."""
    has_of = any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
    return lemma(tok) in lex.roles["patient_nouns"] and not has_of


def alleged_doer(tok: Token, lex: Lexicon) -> Token | None:
    """The party an accusation names as the doer of the deed ``tok`` (data: patterns.yaml ``roles``):
    "blamed the blast on the rebels", "accused the rebels of shelling", "they were charged with murder"."""
    roles = lex.roles
    if tok.dep_ in ("dobj", "nsubjpass") and lemma(tok.head) in roles["attribution"]:
        for c in [*tok.head.children, *tok.children]:  # the "on" phrase may hang on the deed's noun
            if c.dep_ in ("prep", "dative") and c.lower_ in roles["attribution_preps"]:
                return next((g for g in c.children if g.dep_ == "pobj"), None)
        return None
    if tok.dep_ in ("pobj", "pcomp") and tok.head.lower_ in roles["accusation_preps"]:
        host = tok.head.head
        party: Token | None
        if host.dep_ in ("dobj", "nsubjpass") and host.pos_ in ("NOUN", "PROPN", "PRON"):
            host, party = host.head, host  # "accused the rebels of shelling": the phrase hangs on them
        else:
            party = next((c for c in host.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if host.pos_ == "VERB" and lemma(host) in roles["accusation"]:
            return party
    return None


def source_token(cand: Candidate, lex: Lexicon, countries: dict[str, str], events: set[int]) -> Token | None:
    """The token heading the source's words, or None. An event named as the object of a verb is done by
    that verb's subject ("launched an attack", "staged rallies"), but not when the verb speaks of, judges
    or witnesses it: one who condemns, describes or survives an attack is not its doer."""
    tok = cand.token
    if tok.pos_ in ("NOUN", "PROPN") and cand.verb is tok:
        own = _noun_source(tok, lex, countries)
        slot = tok
        while slot.dep_ == "pobj" and lemma(slot.head.head) in lex.measure_nouns:
            slot = slot.head.head  # "began three weeks of naval drills": the weeks stand in the clause
        if own is not None or slot.dep_ not in ("dobj", "pobj", "attr") or died_of(tok, lex) is not None:
            return own  # "X died of torture": X suffered it
        verb = slot.head if slot.dep_ == "dobj" else slot.head.head
        if slot.dep_ == "pobj" and other_occasion(cand, lex):
            subj = subject(verb)  # "during the protest, police fired": the police are not the protesters
            return subj if subj is not None and _named_after(subj, tok) else None
        if (
            slot.dep_ == "dobj"
            and lemma(verb) in lex.roles["location_verbs"]
            and _place_like(subject(verb), lex)
        ):
            return None  # "other countries had similar protests": where, not who
        if slot.dep_ == "dobj" and lemma(verb) in lex.roles["receiving"]:
            return owner(verb, ("from", "by"))  # "received criticism from the union": the union
        not_doer = lex.roles["not_doers"] | lex.modality["speech_verbs"]
        took_part = slot.dep_ == "pobj" and _shared_setting(cand, lex)  # "at the talks, X told Y ..."
        if verb.pos_ in ("VERB", "AUX") and lemma(verb) in not_doer and not took_part:
            return None
        return _subject_of(verb, lex, countries, events)
    return _subject_of(cand.verb, lex, countries, events, cand.entry.passive_actor)


def _stative_passive(verb: Token, lex: Lexicon) -> bool:
    """ "is committed to", "is prepared to": a passive form whose subject is the one who intends."""
    entries = lex.triggers.get(lemma(verb), [])
    acts = any(e.frame == "intent" or e.passive_actor for e in entries)
    return acts and any(c.dep_ == "nsubjpass" for c in verb.children)


def _misparsed_subject(verb: Token) -> Token | None:
    """A verb hung off a noun ("a gunman carrying a rifle", or a misparse: "Doctors from two aid groups
    donated and delivered goods") acts for that noun when it is active: a gerund or past tense, or it
    has an object; "weapons seized by police" (an agent, no object) is what was acted on."""
    chain = [verb]
    while chain[-1].dep_ == "conj" and chain[-1].head is not chain[-1]:
        chain.append(chain[-1].head)
    base = chain[-1]
    children = [c.dep_ for v in chain for c in v.children]
    if base.dep_ != "acl" or "agent" in children:
        return None
    active = base.tag_ in ("VBD", "VBG") or "dobj" in children or "obj" in children
    return base.head if active else None


def _late_agent(verb: Token) -> Token | None:
    """A passive's "by" phrase the parser hung on the next clause up, after the passive's own words ("X
    has been charged with hiding assets, most of them thought stolen, by Kenyan prosecutors")."""
    if verb.dep_ not in ("ccomp", "conj") or not any(
        c.dep_ in ("auxpass", "nsubjpass") for c in verb.children
    ):
        return None
    for c in verb.head.children:
        if c.dep_ in ("prep", "agent") and c.lower_ == "by" and c.i > verb.right_edge.i:
            return next(
                (g for g in c.children
                 if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN") and g.ent_type_ not in ("DATE", "TIME")),
                None,
            )  # fmt: skip
    return None


def _subject_of(
    verb: Token, lex: Lexicon, countries: dict[str, str], events: set[int], passive_acts: bool = False
) -> Token | None:
    """``passive_acts``: the trigger's entry says its passive subject acts (phrasal verbs too: "were
    shipped out", which the lemma alone does not find)."""
    if (
        verb.dep_ == "xcomp"
        and not any(c.dep_.startswith("nsubj") for c in verb.children)
        and lemma(verb.head) not in lex.roles["means"]
    ):
        controller = next((c for c in verb.head.children if c.dep_ in ("dobj", "obj")), None)
        if controller is not None and controller.i not in events:
            return controller
    subj = subject(verb)
    if subj is None and verb.dep_ == "acl" and lemma(verb.head) in lex.speech_nouns:
        noun = verb.head  # "signed a petition demanding ...": who signed it
        if noun.dep_ == "dobj":
            return _subject_of(noun.head, lex, countries, events)
    if subj is None and misparsed_main_verb(verb):
        subj = verb.sent.root  # "Students protesting the ruling clashed with police"
    if subj is None:
        subj = _misparsed_subject(verb)
    if subj is None and (passive_acts or _stative_passive(verb, lex)):
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)  # "Norway is committed to"
    if subj is None:
        subj = _late_agent(verb)
    if subj is None or subj.pos_ in ("VERB", "AUX"):
        return None
    if subj.lower_ in RELATIVE and verb.dep_ == "relcl":
        return verb.head
    if subj.i in events:
        return _noun_source(subj, lex, countries)
    if lemma(subj) in lex.weapons:  # "rockets hit": nobody named; "U.N. helicopters", "Israeli jets": who
        owned = any(
            c.dep_ in ("compound", "amod", "poss")
            and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG"))
            for c in subj.lefts
        )  # "an improvised explosive device" is nobody's
        return _noun_source(subj, lex, countries) or (subj if owned else None)
    return subj


def owner(tok: Token, preps: tuple[str, ...] = ("from", "by", "to")) -> Token | None:
    """The party a thing belongs to or goes to: "an offer from X", "calls by X", "aid to X"."""
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in preps:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def noun_phrase(tok: Token) -> tuple[int, int]:
    """Character span of a noun and its modifiers (and an "of" phrase: "leaders of the factions")."""
    left = min([tok.i, *(c.left_edge.i for c in tok.lefts if c.dep_ in NP_LEFT)])
    right = tok.i
    of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:
        right = of.right_edge.i
    doc = tok.doc
    return doc[left].idx, doc[right].idx + len(doc[right])


class MentionIndex:
    """An article's actor mentions sorted by start: the ones overlapping a span by binary search."""

    def __init__(self, mentions: Sequence[ActorMention]) -> None:
        self.ordered = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.ordered]

    def overlapping(self, start: int, end: int) -> list[ActorMention]:
        lo = max(0, bisect_left(self.starts, start) - 8)  # a few earlier mentions may reach into the span
        return [m for m in self.ordered[lo : bisect_left(self.starts, end)] if m.end > start]


def _clause_subject(tok: Token) -> Token | None:
    """The named subject of the clause a possessive sits in ("Qaani was explicit in his instructions")."""
    cur = tok.head
    for _ in range(5):
        subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ in ("PROPN", "NOUN"):  # "the union renewed its demand"
            return subj
        if cur.head is cur:
            return None
        cur = cur.head
    return None


def _agrees(pronoun: Token, subj: Token, index: MentionIndex) -> bool:
    """Whether a possessive may stand for the clause's subject: "his"/"her" for a person, "their"/"its"
    for no single person, in number ("its" is not "the protesters"; "X and Y" are "their")."""
    low = pronoun.lower_
    if low not in PERSONAL and low not in GROUP:
        return True  # "my", "our", "your": a quote's or nobody's
    if any(c.dep_ == "conj" for c in subj.children):  # "Sanders and Obama announced their support"
        return low in PLURAL
    mention = next(iter(index.overlapping(subj.idx, subj.idx + len(subj))), None)
    person = mention.actor.kind == "person" if mention is not None else subj.ent_type_ == "PERSON"
    if person != (low in PERSONAL):
        return False
    return low in PERSONAL or (subj.tag_ != "NN" if low in PLURAL else subj.tag_ != "NNS")


def _coargument(tok: Token, start: int) -> bool:
    """A mention that is another argument of the pronoun's own verb cannot be its antecedent ("the police
    met the protesters after they marched": "they" is not the police when the police are the subject of
    "marched" — and "they met them": "them" is not "they")."""
    if tok.dep_ == "poss":
        return False
    return any(
        c.left_edge.idx <= start <= c.right_edge.idx
        for c in tok.head.children
        if c is not tok and c.dep_ in ARG_DEPS
    )


def _antecedent(tok: Token, mentions: Sequence[ActorMention]) -> ActorMention | None:
    """The nearest earlier actor mention that agrees with the pronoun: a person for he/she, no person for
    it/they (one named person is not "they"), a few sentences back at most, not a co-argument. A subject
    pronoun prefers the nearest subject of its own or the previous sentence (it continues the topic:
    "Lee praised Kim on the radio. He also ..." is Lee)."""
    low = tok.lower_
    before = [
        m
        for m in mentions
        if tok.idx - REACH <= m.start and m.end <= tok.idx
        and (m.actor.kind == "person") == (low in PERSONAL)
        and not _label(m, tok.doc.text)
        and not _coargument(tok, m.start)
        and _number_agrees(tok, m)
    ]  # fmt: skip
    if tok.dep_ in SUBJECTS:  # a subject pronoun continues the topic: the last subject that agrees
        topics = [m for m in before if _in_subject(tok.doc, m) and m.start >= _previous_sentence(tok)]
        before = topics or before
    return max(before, key=lambda m: m.end) if before else None


def _in_subject(doc: Doc, mention: ActorMention) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in SUBJECTS


def _previous_sentence(tok: Token) -> int:
    """Where the sentence before the word's begins (its own, if it is the first)."""
    start = tok.sent.start
    return tok.doc[start - 1].sent.start_char if start > 0 else tok.sent.start_char


def _number_agrees(tok: Token, mention: ActorMention) -> bool:
    """ "they" is not "the minister", "it" is not "the protesters": the head noun's grammatical number
    (a name, a country or a body may be either: "the government ... they")."""
    span = tok.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or mention.actor.kind == "person":
        return True
    head = span.root.tag_
    if tok.lower_ in PLURAL:
        return head != "NN"
    return head != "NNS"


def _entity_antecedent(tok: Token, doc: Doc) -> Span | None:
    kinds = ("PERSON",) if tok.lower_ in PERSONAL else ("ORG", "GPE", "NORP")
    before = [
        e
        for e in doc.ents
        if tok.idx - REACH <= e.start_char and e.end_char <= tok.idx and e.label_ in kinds
        and not _coargument(tok, e.start_char)
        and doc.text[max(0, e.start_char - 2) : e.start_char] != "(("
    ]  # fmt: skip
    return Span(before[-1].start_char, before[-1].end_char, before[-1].text) if before else None


def _label(mention: ActorMention, text: str) -> bool:
    """A transcript's speaker label, "((Ann Lee))" heading a turn: in the turn its speaker is "I", in a
    question "you" — never "he", "she" or "they"."""
    return (
        text[max(0, mention.start - 2) : mention.start] == "(("
        and text[mention.end : mention.end + 2] == "))"
    )


def _speaker(tok: Token, span: Span, article: Article) -> EventActor | None:
    """ "I", "we" inside a quotation: its speaker, as the quotes stage resolved them; else nobody."""
    quote = next((q for q in article.quotes if q.start <= tok.idx < q.end and q.speaker is not None), None)
    if quote is None or quote.speaker is None:
        return None
    actor = next((m.actor for m in article.mentions if m.actor.id == quote.speaker_actor_id), None)
    if actor is not None:
        return EventActor(span, actor.id, actor.name, actor.country, actor.sector)
    return EventActor(span, None, quote.speaker.text, None, None)


def _pronoun(tok: Token, span: Span, article: Article, countries: dict[str, str]) -> EventActor | None:
    """A pronoun stands for its antecedent, or for nobody (never for the bare word "they")."""
    if tok.lower_ in FIRST:
        return _speaker(tok, span, article)
    if tok.lower_ not in PERSONAL and tok.lower_ not in GROUP:
        return None  # "you", "this", "what", "those", "one": no party the article names
    mention = _antecedent(tok, article.mentions)
    if mention is not None:
        return EventActor(
            span, mention.actor.id, mention.actor.name, mention.actor.country, mention.actor.sector
        )
    ent = _entity_antecedent(tok, tok.doc)
    if ent is not None:
        return EventActor(span, None, ent.text, country_in(ent.text, countries), None)
    return None


def _dateline(tok: Token, text: str) -> bool:
    """ "BAGHDAD (Reuters) -", "KABUL —": a place in capitals opening a line says where the report was
    filed, not who acted."""
    if not (tok.is_upper and tok.is_alpha and len(tok) > 2):
        return False
    line = text[: tok.idx].rstrip(" \t")
    after = [t.text for t in tok.doc[tok.i + 1 : tok.i + 4]]
    return (line == "" or line.endswith("\n")) and any(a in ("—", "–", "-", "(", ",") for a in after)


def stands_for_party(tok: Token, actor: EventActor, lex: Lexicon, text: str, doer: bool) -> bool:
    """Whether the words may stand as an event's actor (data: patterns.yaml ``actors``): never times,
    days, numbers alone or datelines; a doer must moreover be a party, not "the fact" or "face masks"."""
    words = lex.actor_words
    of = next((g for c in tok.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
    if of is not None and (tok.like_num or tok.pos_ == "NUM" or tok.ent_type_ == "CARDINAL"):
        tok = of  # "thousands of students": the students
    if tok.ent_type_ in NOT_ACTOR_ENTS or tok.like_num or tok.pos_ == "NUM" or lemma(tok) in words["never"]:
        return False
    if _dateline(tok, text):
        return False
    if not doer or actor.actor_id is not None or actor.country is not None or tok.pos_ == "PRON":
        return True
    low = tok.lower_
    # a capitalised plural opening a sentence is often tagged a name and left unlemmatised ("Rebels")
    heads = {lemma(tok), low, low[:-1] if low.endswith("s") else low}
    return tok.ent_type_ in NAMED_PARTIES or any(
        h in words["bodies"] or any(lex.in_class(c, h) for c in words["agent_classes"]) for h in heads
    )


def _words_country(tok: Token, span: Span, article: Article, countries: dict[str, str]) -> str | None:
    """The country the words name: a modifier before the head first ("the Turkish sides of Cyprus"), then
    the whole phrase, then "in"/"from" ("groups in Zimbabwe"). "Ethnic Albanians" are no country's
    agents: their country is where the sentence places them."""
    text = article.text
    words = span.text.lower().split()
    if "ethnic" in words:
        return sentence_country(tok, article)
    before = text[span.start : tok.idx + len(tok)]
    country = country_in(before, countries) or country_in(span.text, countries)
    if country is None:
        where = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "from")]
        country = next(
            (country_in(text[p.idx : p.right_edge.idx + len(p.right_edge)], countries) for p in where), None
        )
    if country is None:  # a place named as a party: its country ("arrived to Baghdad" → IRQ)
        place = next(
            (p.place for p in article.places if p.place and (p.start, p.end) == (span.start, span.end)), None
        )
        country = alpha3(place.country) if place else None
    return country


def sentence_country(tok: Token, article: Article) -> str | None:
    """Where the sentence is, for a party with no country of its own (CAMEO codes it domestic: "rejected
    plans for a market in Aleppo's old city" aims at Syria): a place it is in, else a capital standing
    for its state, else a country it names."""
    lo, hi = tok.sent.start_char, tok.sent.end_char
    for role in ("literal", "metonym"):
        place = next(
            (p.place for p in article.places if p.place and p.role == role and lo <= p.start < hi), None
        )
        if place is not None:
            return alpha3(place.country)
    return next(
        (m.actor.country for m in article.mentions if m.actor.kind == "country" and lo <= m.start < hi), None
    )


def resolve(
    tok: Token, article: Article, countries: dict[str, str], index: MentionIndex | None = None
) -> EventActor | None:
    """The actor a head token's words name: an actors-stage mention, else the words and their country;
    None for a pronoun that resolves to nobody."""
    start, end = noun_phrase(tok)
    span = Span(start, end, article.text[start:end])
    if tok.pos_ == "PRON" and tok.dep_ == "poss":
        subj = _clause_subject(tok)
        if subj is not None and subj.left_edge.i <= tok.i <= subj.right_edge.i:
            subj = None  # "her government will withdraw": "her" is not her government
        if subj is not None and not _agrees(tok, subj, index or MentionIndex(article.mentions)):
            subj = None  # "the senator backed their bid": not the senator's
        named = resolve(subj, article, countries, index) if subj is not None else None
        if named is not None:
            return dataclasses.replace(named, span=span)
    whole = _quantified(tok)
    if whole is not None:
        return resolve(whole, article, countries, index)
    if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl" and tok.head.head is not tok:
        # "the host, who is being sued": the host; "which" may stand for a whole clause ("..., which he
        # denied"), so it names only a party
        named = resolve(tok.head.head, article, countries, index)
        personal = tok.lower_ in ("who", "whom")
        return named if personal or (named and (named.actor_id or named.country)) else None
    if tok.pos_ == "PRON":
        return _pronoun(tok, span, article, countries)
    inside = (index or MentionIndex(article.mentions)).overlapping(start, end)
    head = next((m for m in inside if m.start <= tok.idx < m.end), None)
    before = [m for m in inside if m.end <= tok.idx]
    mention = head or (before[-1] if before else None) or (inside[0] if inside else None)
    renamed = _named_apposition(tok, mention, index or MentionIndex(article.mentions))
    if renamed is not None:
        by = renamed.actor
        country = by.country or (mention.actor.country if mention is not None else None)
        return EventActor(
            span, by.id, by.name, country or _words_country(tok, span, article, countries), by.sector
        )
    if mention is None:
        return EventActor(span, None, span.text, _words_country(tok, span, article, countries), None)
    a = mention.actor
    country, sector = a.country, a.sector
    role = _role(tok, article)
    if a.kind == "person" and role is not None:  # "Maria Lind, the United Nations refugee envoy"
        country, sector = role.country, sector or role.sector
    if country is None or "ethnic" in span.text.lower().split():  # a provisional actor, an ethnic group
        country = _words_country(tok, span, article, countries) or country
    poss = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
    owner = resolve(poss, article, countries, index) if a.kind == "generic" and poss is not None else None
    if owner is not None and owner.country and owner.country != country:  # "X said her government ...":
        return EventActor(span, None, f"{owner.country} {sector}", owner.country, sector)  # X's government
    return EventActor(span, a.id, a.name, country, sector)


def _quantified(tok: Token) -> Token | None:
    """A quantifier stands for the group it counts: "most of the villagers", "all but the youngest of
    their children" name the villagers and the children."""
    if tok.lower_ not in QUANTIFIERS:
        return None
    for head in (tok, *tok.conjuncts):
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                found = next((g for g in c.children if g.dep_ == "pobj"), None)
                if found is not None:
                    return found
    return None


def _named_apposition(tok: Token, mention: ActorMention | None, index: MentionIndex) -> ActorMention | None:
    """An apposition renames a common noun by name: "two young players, Anna Smith and her brother,
    were banned" bans Anna Smith, "three farmers, Tom Reed and Ann Reed, sued" is their suit. The name
    (a person or organisation heading the apposition) is the actor; a named head keeps its own name."""
    if mention is not None and mention.actor.kind in ("person", "organisation", "media"):
        return None
    for appos in (c for c in tok.children if c.dep_ == "appos"):
        found = index.overlapping(appos.idx, appos.idx + len(appos))
        named = next((m for m in found if m.actor.kind in ("person", "organisation")), None)
        if named is not None:
            return named
    return None


def _role(tok: Token, article: Article) -> Actor | None:
    """The organisation an apposition gives a person ("X, the UN envoy, said"): the office acts."""
    for appos in (c for c in tok.children if c.dep_ == "appos"):
        lo, hi = appos.left_edge.idx, appos.right_edge.idx + len(appos.right_edge)
        org = next(
            (
                m.actor
                for m in article.mentions
                if lo <= m.start < hi and m.actor.kind in ("organisation", "country") and m.actor.country
            ),
            None,
        )
        if org is not None:
            return org
    return None
