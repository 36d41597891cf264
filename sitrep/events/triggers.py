"""Trigger matching: which tokens of the parse name an event, and of which type, mode and CAMEO code.

One pass over the tokens with dict look-ups (lemma, lemma+particle, verb+object, compound+head). How the
triggers found nest in each other (frames, folding, background) is sitrep.events.nesting's job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitrep.events.lexicon import Entry, Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "FAC", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT", "NORP"})
OBJ_DEPS = ("dobj", "obj", "nsubjpass", "attr", "oprd")
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "acl", "conj"})
# a noun trigger in these positions names an event as background ("during the talks", "war-torn")
ADJUNCT_DEPS = frozenset({"pobj", "poss", "npadvmod", "appos", "compound", "nmod"})
PARTICLES = frozenset({"out", "off", "back", "down", "up", "away"})  # "shipped out of", parsed as a prep
PARTY_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
CONVERSATION = frozenset({"i", "me", "you", "we", "us", "myself", "yourself", "ourselves"})
NOT_EVENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


@dataclass
class Candidate:
    """A trigger found in the parse; later steps fill its modality, arguments and anchors."""

    token: Token
    entry: Entry
    tokens: list[Token] = field(default_factory=list)  # every token of the trigger words
    type: str = ""
    mode: str | None = None
    cameo: str | None = None
    rule: str = ""
    frame_of: Candidate | None = None  # the frame event that holds this one as its complement
    complement: Candidate | None = None
    absorbed: list[Candidate] = field(default_factory=list)  # same-event triggers folded in
    background: bool = False  # an event named as the argument of another ("condemned the attack")
    dropped: bool = False  # folded into another trigger, or a frame word that names no event alone

    @property
    def derived(self) -> bool:
        return self.entry.rule.startswith("cameo-")

    def __post_init__(self) -> None:
        self.tokens = self.tokens or [self.token]
        self.type = self.type or self.entry.type
        self.mode = self.mode if self.mode is not None else self.entry.mode
        self.cameo = self.cameo or self.entry.cameo
        self.rule = self.rule or self.entry.rule

    @property
    def verb(self) -> Token:
        """The verb that carries the trigger's clause (the trigger itself when it is a verb)."""
        return next((t for t in self.tokens if t.pos_ in ("VERB", "AUX")), self.token)


def lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _obj(tok: Token) -> Token | None:
    obj = next((c for c in tok.children if c.dep_ in OBJ_DEPS), None)
    if obj is not None:
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None and lemma(obj) in (
            "ton",
            "mission",
            "team",
            "group",
            "number",
            "delegation",
            "state",
        ):
            return pobj
    return obj


def subject(tok: Token) -> Token | None:
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "csubj")), None)
    if subj is None:
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if subj is None and tok.dep_ in ("conj", "xcomp", "advcl", "acomp") and tok.head is not tok:
        return subject(tok.head)
    if (
        subj is None
        and tok.dep_ == "pcomp"
        and tok.head.dep_ == "prep"
        and tok.head.head.pos_ in ("ADJ", "AUX")
    ):
        return subject(tok.head.head)  # "were guilty of breaking the truce": who is guilty
    return subj


def _words(tok: Token) -> set[str]:
    """The lemmas of a noun and its modifiers, for class tests ("Islamic fundamentalists")."""
    return {lemma(t) for t in tok.subtree if t.i - tok.i <= 0 and tok.i - t.i < 5} | {lemma(tok)}


def _is_armed(lex: Lexicon, tok: Token | None) -> bool:
    if tok is None:
        return False
    return (
        bool(_words(tok) & lex.classes["armed"])
        or lemma(tok) in lex.weapons
        or tok.ent_type_ in ("GPE", "NORP")
    )


def _has_prep(tok: Token, *words: str) -> bool:
    """The word has a prepositional phrase headed by one of ``words`` ("called for talks")."""
    return any(c.dep_ == "prep" and c.lower_ in words for c in tok.children)


def _has_to_complement(tok: Token) -> bool:
    """An infinitive complement ("told them to stop"), not reported speech ("told MEE that ...")."""
    return any(c.dep_ == "xcomp" for c in tok.children)


def _conversation(tok: Token) -> bool:
    """ "talking to you", "they supported me", "talk to other people": the speaker, the one addressed or
    people at large are the parties of a conversation or a life story, not of a political event."""
    return tok.lower_ in CONVERSATION or (lemma(tok) == "people" and tok.ent_type_ == "")


def _press(tok: Token, lex: Lexicon) -> bool:
    """ "talked to reporters", "discussed her plans with Wikinews": speaking to the press is a statement
    or an interview (CAMEO 010, "make statement"), not a consultation between parties."""
    return bool(_words(tok) & lex.classes["press"])


def needs_met(lex: Lexicon, tok: Token, needs: str | None) -> bool:
    """The dependent a trigger needs to count (data: the ``needs`` field of triggers.yaml)."""
    if needs is None:
        return True
    obj = _obj(tok)
    if needs == "subj-armed":  # the words just before the verb too: long subjects are often misparsed
        before = tok.doc[max(tok.sent.start, tok.i - 5) : tok.i]
        return _is_armed(lex, subject(tok)) or any(
            t.pos_ == "NOUN" and (lemma(t) in lex.weapons or lex.in_class("armed", lemma(t))) for t in before
        )
    if needs == "subj-civil":  # people: civil words, or a nationality ("Algerians")
        subj = subject(tok)
        return subj is not None and (bool(_words(subj) & lex.classes["civil"]) or subj.ent_type_ == "NORP")
    if needs == "not-armed":
        near = [c for c in tok.children if c.dep_ in ("compound", "amod")]
        return not any(_is_armed(lex, c) for c in near) and not _is_armed(lex, subject(tok.head))
    if needs == "obj-weapon":
        return obj is not None and (lemma(obj) in lex.weapons or lex.in_class("armed", lemma(obj)))
    if needs == "obj-any":
        return obj is not None
    if needs == "to-complement":
        return _has_to_complement(tok)
    if needs == "offer":  # "offered to mediate", "offered troops", "offered talks"; not "offered condolences"
        kinds = ("proposal", "aid", "relations")
        return _has_to_complement(tok) or (
            obj is not None and any(_words(obj) & lex.classes[k] for k in kinds)
        )
    if needs == "subj-not-armed":  # "the envoy arrived", not "police arrived at the scene"
        subj = subject(tok)
        return subj is None or not (_words(subj) & lex.classes["armed"])
    if needs == "stated":  # the noun is what a verb of saying or giving conveys
        head = tok.head
        conveys = lex.light_verbs | lex.modality["speech_verbs"] | lex.classes["conveying"]
        return (
            tok.dep_ in ("dobj", "nsubjpass", "conj")
            and head.pos_ in ("VERB", "AUX")
            and lemma(head) in conveys
        )
    if needs == "from-group":  # "banned from the national team", "suspended from the party"
        # "from" on the verb or, misparsed, on its object; "from representing the team" (a gerund)
        holders = [tok, *([obj] if obj is not None else [])]
        froms = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "from"]
        into = [g for c in froms for g in c.children if g.dep_ == "pobj"]
        into += [
            o for c in froms for g in c.children if g.dep_ == "pcomp" for o in g.children if o.dep_ == "dobj"
        ]
        return any(_words(g) & lex.classes["group_body"] for g in into)
    if needs == "court-finding":  # a court finds a party guilty or an act unconstitutional
        subj = subject(tok)
        if subj is None or not _words(subj) & lex.classes["judicial"]:
            return False
        found = [c for c in tok.children if c.dep_ in ("ccomp", "oprd", "xcomp", "acomp", "dobj")]
        return any(lemma(t) in lex.classes["wrongful"] for c in found for t in c.subtree)
    if needs in ("plea-for", "guilty-plea"):  # "pleaded for calm", "pleaded with them to"; "pleaded guilty"
        said = [c for c in tok.children if c.dep_ in ("oprd", "acomp", "advmod", "dobj", "attr", "neg")]
        plea = {t.lower_ for c in said for t in c.subtree}  # "not guilty": "not" may hang on "guilty"
        if needs == "guilty-plea":
            return "guilty" in plea and not plea & {"not", "n't"}
        preps = _has_prep(tok, "for", "with")
        return not plea & {"guilty", "innocent", "contest"} and (preps or _has_to_complement(tok))
    if needs == "to-commitment":  # "committed to a truce", "committed itself to hold talks"
        return _has_to_complement(tok) or _has_prep(tok, "to")
    if needs == "device-used":  # "the bomb exploded", "detonated a bomb"; not "defused a bomb"
        if tok.dep_ not in ("dobj", "pobj", "conj", "appos") or tok.head.pos_ not in ("VERB", "AUX"):
            return True
        return lemma(tok.head) in lex.classes["device_use"] or lemma(tok.head) in lex.light_verbs
    if needs == "not-about":  # "warned them about the virus": information, not a threat
        holders = [tok, *([obj] if obj is not None else [])]  # "about" may hang on the one warned
        return not any(c.dep_ == "prep" and c.lower_ == "about" for h in holders for c in h.children)
    if needs == "not-reception":  # "the plan was met with criticism": a reception, no meeting
        withs = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children]
        return not any(_words(g) & lex.classes["reception"] for g in withs)
    if needs == "not-other-event":  # calling off a meeting, talks or a visit; nothing else
        return obj is not None and bool(_words(obj) & lex.classes["guest"])
    if needs == "released":  # "the release of the hostages", "his release from prison"
        return _has_prep(tok, "of", "from")
    if needs == "armed-deploy":  # "deployed troops", "the guard was deployed", "troops deployed"
        if obj is not None:
            return _is_armed(lex, obj) and obj.ent_type_ not in ("GPE", "NORP")
        return _is_armed(lex, subject(tok))
    if needs == "to-or-for":  # "asked them to leave", "asked Peru for help"; not "asked a question"
        subj = subject(tok)
        if subj is not None and _press(subj, lex):
            return False  # "a reporter asked him to explain": an interview's question, no request
        return _has_to_complement(tok) or _has_prep(tok, "for")
    if needs.startswith("prep-"):  # "railed against", "critical of"
        return _has_prep(tok, needs[5:])
    if needs == "speech-use":  # "protested that ...", or an official body protesting: words, not crowds
        subj = subject(tok)
        official = subj is not None and (
            bool(_words(subj) & lex.classes["official"]) or subj.ent_type_ == "GPE"
        )
        return any(c.dep_ == "ccomp" for c in tok.children) or official
    if needs == "for-or-on":  # "called for talks", not "called the state for the candidate"
        return obj is None and _has_prep(tok, "for", "on", "upon")
    if needs == "addressee":  # "petitioned the court", "petitioned for asylum", "petitioned them to"
        preps = _has_prep(tok, "for", "to", "against")
        return obj is not None or preps or _has_to_complement(tok)
    if needs == "not-cause":  # "fought for equal pay", "battles corruption": no arms
        if obj is None:
            return not _has_prep(tok, "for")
        return not _words(obj) & lex.classes["scourge"]
    if needs == "not-contest":  # "withdrew from the race", "the candidate withdrew"; "pulled out its aid"
        into = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children]
        aid = obj is not None and lex.in_class("aid", lemma(obj)) and not lex.in_class("armed", lemma(obj))
        if obj is not None and (aid or lex.in_class("office", lemma(obj))):
            return False
        if any(lex.in_class("office", lemma(g)) for g in into):
            return False
        if obj is not None or into or tok.pos_ != "VERB":
            return True
        subj = subject(tok)  # "the troops withdrew", "Chile withdrew": a force or a state; not a candidate
        return subj is None or _is_armed(lex, subj) or bool(_words(subj) & lex.classes["official"])
    if needs == "not-accident":  # "a fire destroyed homes" (often parsed as "a fire [that] destroyed")
        subj = subject(tok) or (tok.head if tok.dep_ == "acl" else None)
        if subj is not None and tok.dep_ == "relcl" and lemma(subj) in ("which", "that"):
            subj = tok.head  # "a collision which killed two": the collision did
        agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        causes = [t for t in (subj, *agents) if t is not None]  # "was killed by a lion"
        return not any(_words(t) & (lex.classes["accident"] | lex.classes["animal"]) for t in causes)
    if needs == "armed-context":
        return any(lex.in_class("armed", lemma(t)) for t in tok.sent)
    if needs == "counterpart":  # "talked with the rebels", "the two sides discussed", "X and Y discussed"
        subj = subject(tok)
        with_ = any(
            c.dep_ == "prep"
            and c.lower_ in ("with", "to")
            and not any(_conversation(g) or _press(g, lex) for g in c.children)
            for c in tok.children
        )
        joint = subj is not None and (
            any(c.dep_ == "conj" for c in subj.children)
            or any(c.lower_ in ("two", "both") for c in subj.children)
        )
        return with_ or joint
    if needs == "plural":
        return tok.tag_ in ("NNS", "NNPS")
    if needs == "obj-party":  # a party or its cause: "backed the rebels", "supported her candidacy"
        if obj is None:
            return False
        party = obj.ent_type_ in PARTY_ENTS or (obj.pos_ == "PRON" and not _conversation(obj))
        party = party or lex.in_class("cause", lemma(obj))
        return party or any(_words(obj) & lex.classes[c] for c in ("official", "civil", "armed", "diplomat"))
    if needs == "obj-proposal":
        return obj is not None and lex.in_class("proposal", lemma(obj))
    if needs == "not-aid":
        return obj is None or not lex.in_class("aid", lemma(obj))
    if needs.startswith("subj-"):  # a class of doer: "rebels blocked the highway", "a unit of peacekeepers"
        subj = subject(tok)
        if subj is None:
            return False
        of = [
            g
            for c in subj.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        return any(_words(t) & lex.classes[needs[5:]] for t in (subj, *of))
    if needs.startswith("obj-not-"):  # an object, but not of the class ("sought the nomination")
        return obj is not None and not _words(obj) & lex.classes[needs[8:]]
    if needs.startswith("obj-"):
        name = needs[4:]
        if obj is None:
            return False
        named = (
            obj.ent_type_ == "PERSON"
            if name == "captive"
            else name == "guest" and obj.ent_type_ in PARTY_ENTS
        )
        return bool(_words(obj) & lex.classes[name]) or named
    return False


def misparsed_main_verb(tok: Token) -> bool:
    """A sentence the parser left with no verb at its root ("Demonstrators protesting the verdict clashed
    with police" comes out as one noun phrase): its first past-tense verb is the news, not a modifier."""
    sent = tok.sent
    if sent.root.pos_ in ("VERB", "AUX") or tok.tag_ not in ("VBD", "VBN") or tok.dep_ != "acl":
        return False
    return not any(t.tag_ in ("VBD", "VBN") for t in sent if t.i < tok.i)


def died_of(tok: Token, lex: Lexicon) -> Token | None:
    """The dying an event noun caused ("died of torture", "died as a result of torture"), or None."""
    spec, cur = lex.died_of, tok
    for _ in range(3):
        if cur.dep_ != "pobj":
            return None
        prep, head = cur.head, cur.head.head
        if lemma(head) in spec["verbs"] and prep.lower_ in spec["preps"]:
            return head
        if lemma(head) not in spec["nouns"]:
            return None
        cur = head
    return None


def _in_name(tok: Token) -> bool:
    return tok.ent_type_ in NAME_ENTS and tok.pos_ == "PROPN"


def _best(lex: Lexicon, tok: Token, key: str, pos: str) -> Entry | None:
    fitting = [e for e in lex.triggers.get(key, ()) if e.pos in ("any", pos) and needs_met(lex, tok, e.needs)]
    return max(fitting, key=lambda e: e.conf) if fitting else None


def _with_object(tok: Token, keys: list[str], table: dict[tuple[str, str], Entry]) -> Candidate | None:
    """A verb + object pattern ("declared a ceasefire", "ended mediation efforts")."""
    obj = _obj(tok)
    if obj is None:
        return None
    nouns = [obj, *(c for c in obj.children if c.dep_ == "compound")]
    for key in keys:
        for noun in nouns:
            hit = table.get((key, lemma(noun)))
            if hit is not None:
                return Candidate(tok, hit, tokens=[tok, noun])
    return None


def _out_of(c: Token) -> bool:
    """ "forced the charity out of the region": the particle after the object, parsed as "out of"."""
    return c.dep_ == "prep" and any(g.dep_ == "prep" and g.lower_ == "of" for g in c.children)


def in_idiom(tok: Token, lex: Lexicon) -> bool:
    """The word is part of a set phrase that names no event ("in order to", "a big deal")."""
    lem, doc = lemma(tok), tok.doc
    for phrase in lex.idioms.get(lem, ()):
        for k in (i for i, w in enumerate(phrase) if w == lem):
            start = tok.i - k
            if start < 0 or start + len(phrase) > len(doc):
                continue
            words = doc[start : start + len(phrase)]
            if all(t.lower_ == w or lemma(t) == w for t, w in zip(words, phrase, strict=True)):
                return True
    return False


def _match(lex: Lexicon, tok: Token) -> Candidate | None:
    """Curated patterns and triggers first; the rows derived from the CAMEO dictionary only after."""
    lem = lemma(tok)
    if lem not in lex.heads:  # most tokens stop here
        return None
    pos = "V" if tok.pos_ in ("VERB", "AUX") else "N" if tok.pos_ in ("NOUN", "PROPN") else "A"
    if pos == "A" and tok.pos_ != "ADJ":
        return None
    if tok.dep_ in ("compound", "amod") or _in_name(tok) or tok.ent_type_ in NOT_EVENTS:
        return None
    if in_idiom(tok, lex):
        return None
    if pos == "V" and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") and tok.tag_ != "VBG":
        return None  # a participle standing for people ("evacuated the wounded")
    prt = next(
        (
            c
            for c in tok.children
            if c.dep_ == "prt" or (c.lower_ in PARTICLES and (c.i == tok.i + 1 or _out_of(c)))
        ),
        None,
    )
    keys = [f"{lem} {prt.lower_}"] if prt is not None else []
    if pos == "V":
        hit = _with_object(tok, [*keys, lem], lex.verb_object)
        if hit is not None:
            return hit
    else:
        for mod in tok.children:
            table = lex.compounds if mod.dep_ == "compound" else lex.adjectives
            found = table.get((lem, lemma(mod)))
            if found is not None and mod.dep_ in ("compound", "amod"):
                return Candidate(tok, found, tokens=[mod, tok])
            if mod.dep_ in ("compound", "amod"):
                keys.append(f"{lemma(mod)} {lem}")
    for key in [*keys, lem]:
        entry = _best(lex, tok, key, pos)
        if entry is not None:
            extra = [prt] if prt is not None and key.endswith(prt.lower_) and " " in key else []
            return Candidate(tok, entry, tokens=[tok, *extra])
    if pos != "V" or lem in lex.light_verbs or lem in lex.modality["speech_verbs"]:
        return None
    vetoes = [
        e for e in lex.triggers.get(lem, ()) if e.pos in ("any", "V") and (e.needs or "").startswith("not-")
    ]
    if vetoes and not any(needs_met(lex, tok, e.needs) for e in vetoes):
        return None  # the curated verb said no ("a fire destroyed homes" is no attack): no derived fallback
    return _with_object(tok, [*keys, lem], lex.cameo_pairs)


def _deontic(tok: Token, lex: Lexicon) -> list[Candidate]:
    """ "said that Brazil must lift its tariffs": saying another party must act is a request (REQUEST)."""
    if lemma(tok) not in lex.deontic_speech:
        return []
    for comp in tok.children:
        modal = next((c for c in comp.children if c.dep_ == "aux" and c.lower_ in lex.deontic_aux), None)
        if comp.dep_ in ("ccomp", "acl") and modal is not None:
            entry = Entry("REQUEST", "change", "100", pos="V", frame="request", conf=0.6,
                          rule=f"deontic:{lemma(tok)}+{modal.lower_}")  # fmt: skip
            return [Candidate(tok, entry)]
    return []


def _evaluation(tok: Token, lex: Lexicon) -> list[Candidate]:
    """ "described the shelling as a breach of the truce", "called the raid an act of aggression": naming
    an act a wrong is criticism by the one who names it (data: patterns.yaml roles)."""
    roles = lex.roles
    if tok.pos_ != "VERB" or lemma(tok) not in roles["evaluation"]:
        return []
    judged = [c for c in tok.children if c.dep_ in ("dobj", "oprd", "xcomp", "attr", "ccomp")]
    named = [*judged, *(g for c in judged if c.pos_ == "VERB" for g in c.children if g.dep_ == "dobj")]
    named += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children]
    wrong = next((n for n in named if lemma(n) in roles["wrongs"]), None)
    if wrong is None or not [c for c in judged if c is not wrong]:  # what is judged, besides the wrong
        return []
    entry = Entry(
        "ACCUSE", "disapprove", "111", pos="V", conf=0.7, rule=f"evaluation:{lemma(tok)}+{lemma(wrong)}"
    )
    return [Candidate(tok, entry)]


def _reduced_relative(noun: Token, verb: Token, lex: Lexicon) -> list[Candidate]:
    """ "a ceasefire, declared on 11 October": the parser often makes the participle a new clause; the
    noun and the participle still name an event of their own (a declared ceasefire), dated by its clause."""
    if noun.pos_ != "NOUN" or verb.tag_ not in ("VBN", "VBD"):
        return []
    hit = lex.verb_object.get((lemma(verb), lemma(noun)))
    if hit is None or any(c.dep_.startswith("nsubj") for c in verb.children):
        return []
    return [Candidate(verb, hit, tokens=[noun, verb], rule=f"{hit.rule}:reduced-relative")]


def match_all(doc: Doc, lex: Lexicon) -> tuple[list[Candidate], dict[int, Candidate]]:
    """Every trigger in the document, and which candidate each trigger token belongs to.

    One pass over the tokens: lexicon matches, statements of what another party must do, and reduced
    relatives ("a ceasefire, declared on ...") are all read on the way.
    """
    found: dict[int, Candidate] = {}
    extra: list[Candidate] = []
    before: list[Token] = []  # the last two tokens that are not white space
    for tok in doc:
        if tok.is_space:
            continue
        if tok.is_alpha and tok.i not in found:
            cand = _match(lex, tok)
            if cand is not None:
                for t in cand.tokens:
                    found.setdefault(t.i, cand)
        if tok.pos_ in ("VERB", "NOUN"):
            extra += _deontic(tok, lex) + _evaluation(tok, lex)
        if len(before) == 2 and before[1].text == ",":
            extra += _reduced_relative(before[0], tok, lex)
        before = [*before[-1:], tok]
    cands = list({id(c): c for c in found.values()}.values())
    # a statement's request only where no lexicon trigger took the word; reduced relatives always
    extra = [c for c in extra if c.token.i not in found or c.rule.endswith(":reduced-relative")]
    for c in extra:
        found.setdefault(c.token.i, c)  # "condemned the raid": the raid is named in passing
    return cands + extra, found
