"""Who said it, with what cue, to whom: read from the words around a quote, on the existing Doc.

Attribution clauses in news are short and formulaic ("..., a senior commander of X, who was briefed,
told MEE."), and the parser often gets them wrong (the seed's commander parses as a preposition), so
this reads token sequences with the cue lexicon rather than trusting dependency arcs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sitrep.provenance.outlets import find_outlet
from sitrep.records import Span

CUES = Path(__file__).resolve().parents[1] / "data" / "quotes" / "cues.yaml"
MAX_SPEAKER_TOKENS = 14
MAX_RECIPIENT_TOKENS = 6
_STOP = {",", ".", ";", ":", "!", "?", "“", "”", '"', "«", "»", "(", ")", "—", "–"}
_LEADING = {"as", "and", "but", "while", "because", "since", "so", "then", ",", "”", '"', "’", "»"}

Token = Any  # spacy.tokens.Token; kept loose so the module imports without spaCy types


@dataclass(frozen=True)
class Cues:
    verbs: frozenset[str]
    direct_verbs: frozenset[str]
    recipient_object: frozenset[str]
    relay_verbs: frozenset[str]
    relay_tail: tuple[tuple[str, ...], ...]
    descriptors: frozenset[str]
    relative: frozenset[str]
    indefinite: frozenset[str]
    definite: frozenset[str]
    recipient_frames: tuple[tuple[str, ...], ...] = ()
    media_nouns: frozenset[str] = frozenset()
    speech_nouns: frozenset[str] = frozenset()
    interviewers: frozenset[str] = frozenset()
    not_speech: frozenset[tuple[str, ...]] = frozenset()
    bearing_verbs: frozenset[str] = frozenset()
    bearing_with_noun: frozenset[str] = frozenset()
    words_nouns: frozenset[str] = frozenset()


def load_cues(path: Path = CUES) -> Cues:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in data[key])

    return Cues(
        verbs=words("verbs") | words("relay_verbs"),
        direct_verbs=words("direct_verbs"),
        recipient_object=words("recipient_object"),
        relay_verbs=words("relay_verbs"),
        relay_tail=tuple(tuple(p.split()) for p in data["relay_tail"]),
        descriptors=words("descriptors"),
        relative=words("relative"),
        indefinite=words("indefinite"),
        definite=words("definite"),
        recipient_frames=tuple(tuple(p.split()) for p in data["recipient_frames"]),
        media_nouns=words("media_nouns"),
        speech_nouns=words("speech_nouns"),
        interviewers=frozenset(w.casefold() for w in data["interviewer_labels"]),
        not_speech=frozenset(tuple(p.lower().split()) for p in data["not_speech"]),
        bearing_verbs=words("bearing_verbs"),
        bearing_with_noun=words("bearing_with_noun"),
        words_nouns=words("words_nouns"),
    )


@dataclass(frozen=True)
class Attribution:
    speaker: Sequence[Token]
    cue: Sequence[Token]
    recipient: Sequence[Token]
    relayer: Sequence[Token] = ()  # "X quoted Y as saying": X relays Y's words
    relay_cue: Sequence[Token] = ()  # "X reported its source said": X's own cue, the words X reported


def span_of(tokens: Sequence[Token]) -> Span | None:
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    # Doc.text rebuilds the whole text on every call: slice the tokens' own span instead
    return Span(start, end, tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text)


def is_cue(tok: Token, cues: Cues, direct: bool = False) -> bool:
    """A finite speech verb: "told", "has said"; not "to tell", "what was said" or "a truce, declared on".
    ``direct``: the words are in quotation marks, so verbs that attribute only such words count too
    ("continued", "read", "called it")."""
    lemma = tok.lemma_.lower()
    if (lemma not in cues.verbs and not (direct and lemma in cues.direct_verbs)) or tok.pos_ not in (
        "VERB",
        "AUX",
    ):
        return False
    if _not_speech(tok, cues):
        return False
    if tok.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    # "has said", "has repeatedly maintained"; "Remarked the engineer, ..." (an attribution opening its
    # sentence)
    before = [t for t in tok.doc[tok.sent.start : tok.i] if t.pos_ != "ADV"]
    if tok.tag_ == "VBN":
        return bool((before and before[-1].lemma_ == "have") or tok.i == tok.sent.start)
    return False


def _not_speech(tok: Token, cues: Cues) -> bool:
    """A speech verb in a fixed phrase that reports no words: "pleaded guilty", "answered the call"."""
    nxt = tok.nbor(1).lower_ if tok.i + 1 < len(tok.doc) else ""
    return (tok.lemma_.lower(), nxt) in cues.not_speech


def is_participle(tok: Token, cues: Cues, direct: bool = False) -> bool:
    """ "..., saying (that)", "telling a newspaper:", "went on to say": a speech verb in -ing or after
    "went on to" whose speaker is the subject of the clause it hangs from ("The firm issued a statement
    saying ...")."""
    lemma = tok.lemma_.lower()
    if lemma not in cues.verbs and not (direct and lemma in cues.direct_verbs):
        return False
    if _not_speech(tok, cues):
        return False
    if tok.tag_ == "VBG":
        return True
    # "went on to say", "went so far as to say", "went as far to say": the infinitive carries the words
    # of the clause's subject
    return (
        tok.tag_ == "VB"
        and tok.dep_ in ("xcomp", "advcl")
        and (
            tok.head.lemma_ in _GOING_ON
            or (tok.head.lower_ in ("far", "as") and tok.head.head.lemma_ in _GOING_ON)
        )
    )


_GOING_ON = frozenset({"go", "continue", "proceed"})


def clause_subject(tok: Token) -> list[Token]:
    """The subject of the nearest clause above ``tok``, without its apposition or relative clause."""
    node = tok
    for _ in range(4):
        if node.head is node:
            return []
        node = node.head
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i]
        if subjects:
            words = list(subjects[0].subtree)
            cut = next(
                (k for k, t in enumerate(words) if t.text in _STOP or t.lower_ in ("who", "which")),
                len(words),
            )
            words = words[:cut]
            return words if 0 < len(words) <= MAX_SPEAKER_TOKENS else []
    return []


def is_according(tok: Token) -> bool:
    return bool(tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to")


def until_stop(tokens: Iterable[Token], limit: int, also: frozenset[str] = frozenset()) -> list[Token]:
    out: list[Token] = []
    for tok in tokens:
        if tok.text in _STOP or tok.lower_ in also or tok.is_space or len(out) >= limit:
            break
        out.append(tok)
    return out


def speaker_before(tokens: Sequence[Token], cues: Cues) -> list[Token]:
    """The description just before a cue, without a relative clause or an age set off by commas; a name
    rather than the title in apposition to it ("Ann Lee, the mayor, has said" -> Ann Lee)."""
    segments: list[list[Token]] = [[]]
    for tok in tokens:
        # a comma, or a dash set off by a space ("Islam News- MEE reported"), ends a segment
        if tok.text == "," or tok.is_space or (tok.text[-1] in "-—–" and tok.whitespace_):
            if tok.text[:-1] and tok.text != ",":
                segments[-1].append(tok)
            segments.append([])
        elif tok.text not in _STOP or tok.text in "()":
            segments[-1].append(tok)
    segments = [s for s in segments if s]
    # "the law, which the minister said would cut prices": the relative clause's own speaker, when the
    # cue ends it ("Ann Lee, who chairs the board, said" sets the clause off and names Ann Lee)
    last = segments[-1] if segments else []
    if len(last) > 1 and last[0].lower_ in cues.relative and tokens and tokens[-1].i == last[-1].i:
        inner = _trim(last[1:])
        if inner and not clause_like(inner) and len(inner) <= MAX_SPEAKER_TOKENS:
            return inner
    while segments and segments[-1][0].lower_ in cues.relative:
        segments.pop()
    seg: list[Token] = []
    while segments:
        seg = _trim(segments.pop())
        # "a manager, 24, who said": the age is no speaker; nor "the minister, speaking to Reuters, said"
        # or "officials, after an inquiry, stated", "the letter, signed by 40 doctors, warned"
        if (
            seg
            and not all(t.like_num for t in seg)
            and seg[0].tag_ not in ("VBG", "VBN")
            and seg[0].pos_ != "ADP"
        ):
            break
        seg = []
    # the name may stand before an age as well ("Maria, 45, a mother of three, said" -> Maria)
    while segments and all(t.like_num for t in _trim(segments[-1])):
        segments.pop()
    if segments and _is_title(seg) and _is_name(before := _trim(segments[-1])):
        seg = before
    return seg if len(seg) <= MAX_SPEAKER_TOKENS else []


def _trim(seg: list[Token]) -> list[Token]:
    """Without the leading conjunction and the auxiliaries and adverbs of the verb ("Lee has also")."""
    while seg and seg[0].lower_ in _LEADING:
        seg = seg[1:]
    while seg and seg[-1].pos_ in ("AUX", "ADV", "PART") and len(seg) > 0:
        seg = seg[:-1]
    return seg


def named(tokens: Sequence[Token]) -> bool:
    """A proper name among the words: "Tom Ray", "my coach Tom Ray", "the Reuters agency"."""
    return any(t.pos_ == "PROPN" for t in tokens)


def _is_title(seg: Sequence[Token]) -> bool:
    return bool(seg) and (seg[0].pos_ == "DET" or seg[0].tag_ == "PRP$")


def _is_name(seg: Sequence[Token]) -> bool:
    return 0 < len(seg) <= 5 and seg[0].pos_ == "PROPN" and all(t.pos_ == "PROPN" or t.is_punct for t in seg)


def clause_like(tokens: Sequence[Token]) -> bool:
    """Words that are a clause, not someone: "when I", "it will side with ... if the claims", "what you"
    (a relative clause after the head, "the official who asked", is still someone)."""
    if not tokens:
        return True
    first = tokens[0]
    if first.pos_ in ("SCONJ", "CCONJ", "ADV", "ADP") or first.lower_ in (
        "what",
        "how",
        "when",
        "if",
        "why",
        "where",
    ):
        return True
    cut = next(
        (k for k, t in enumerate(tokens) if k and t.lower_ in ("who", "which", "that", "whose")), len(tokens)
    )
    return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in tokens[:cut])


def own_words(speaker: Sequence[Token]) -> bool:
    """ "I said", "every time you say": a speaker telling of their own or their hearer's words, inside their
    own speech (an interview's answer), reports no one else's."""
    return bool(speaker) and speaker[-1].lower_ in ("i", "you", "we")


def recipient_after(cue: Token, cues: Cues) -> list[Token]:
    """ "told MEE", "said to MEE", "said, speaking to MEE": the hearer of the words, when named."""
    after = list(cue.doc[cue.i + 1 : min(len(cue.doc), cue.i + 1 + MAX_RECIPIENT_TOKENS + 1)])
    if cue.lemma_.lower() not in cues.recipient_object:
        if not after or after[0].lower_ != "to":
            return framed(cue.doc[cue.i + 1 : min(len(cue.doc), cue.i + 12)], cues)
        after = after[1:]
    words = until_stop(after, MAX_RECIPIENT_TOKENS, _RECIPIENT_END)
    # "told state media the plan had failed": the hearer ends where the told clause begins
    clause = {
        t.i for c in cue.children if c.dep_ in ("ccomp", "parataxis") and c.i > cue.i for t in c.subtree
    }
    return [t for t in words[: next((k for k, t in enumerate(words) if t.i in clause), len(words))]]


_RECIPIENT_END = frozenset({"that", "on", "in", "at", "as", "after"})


def framed(tokens: Sequence[Token], cues: Cues) -> list[Token]:
    """The hearer a frame names: "speaking to Reuters", "in an interview with the BBC" (first found)."""
    words = [t.lower_ for t in tokens]
    for k in range(len(words)):
        for frame in cues.recipient_frames:
            if tuple(words[k : k + len(frame)]) == frame:
                return until_stop(tokens[k + len(frame) :], MAX_RECIPIENT_TOKENS, _RECIPIENT_END)
    return []


def attribute(cue: Token, before: Sequence[Token], cues: Cues) -> Attribution | None:
    """Speaker, recipient and relay around one cue; ``before`` are the tokens between quote and cue."""
    if cue.tag_ in ("VBG", "VB"):  # "..., saying", "went on to say": the clause's subject speaks
        speaker = clause_subject(cue)
        return (
            Attribution(speaker, [cue], recipient_after(cue, cues) or framed(before, cues))
            if speaker
            else None
        )
    speaker = speaker_before(before, cues)
    cue_tokens = [cue]
    if cue.lemma_.lower() in cues.relay_verbs:
        relayed = _relayed(cue, cues)
        if relayed:
            return Attribution(relayed[0], relayed[1], (), speaker)
    if not speaker:
        speaker = _subject(cue, before)
    if not speaker:  # "..., said Smith." — the speaker follows the cue
        speaker = until_stop(cue.doc[cue.i + 1 : cue.i + 1 + MAX_SPEAKER_TOKENS], MAX_SPEAKER_TOKENS)
        if (
            not speaker
            or speaker[0].pos_ in ("ADP", "SCONJ", "PART")
            or (speaker[0].pos_ == "DET" and speaker[0].lower_ not in ("the", "a", "an"))
        ):
            return None  # "said on Friday", "said that", "said this week"
        if speaker[0].pos_ == "PRON" and speaker[0].lower_ not in ("he", "she", "they", "it"):
            return None
        if any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in speaker):
            return None  # "..., and said it will appeal": what follows the cue is its words, not a speaker
        return Attribution(_trim(speaker), cue_tokens, framed(speaker, cues))
    nested = _nested(speaker, cue_tokens, cues)
    if nested:
        return nested
    if clause_like(speaker):  # "Lee praised the plan and said": the cue's own subject
        speaker = _subject(cue, before)
        if not speaker:
            return None
    recipient = recipient_after(cue, cues) or framed(before, cues)
    if recipient and cue.nbor(1).lower_ == "to":
        cue_tokens.append(cue.nbor(1))
    return Attribution(speaker, cue_tokens, recipient)


def stated(head: Sequence[Token], cues: Cues) -> Attribution | None:
    """ "The council issued a statement: "..."": a quote opened by a colon after a clause whose verb
    takes a statement, a message or a letter; the clause's subject says the words."""
    words = [t for t in head if not t.is_space]
    if not words or words[-1].text != ":":
        return None
    noun = next(
        (t for t in reversed(words) if t.lemma_.lower() in cues.speech_nouns and t.pos_ == "NOUN"), None
    )
    if noun is None:
        return None
    speaker = clause_subject(noun)
    return Attribution(speaker, [noun], ()) if speaker and not clause_like(speaker) else None


def _subject(cue: Token, before: Sequence[Token]) -> list[Token]:
    """The cue's own subject (or its clause's, for "Lee praised the plan and said") when the words before
    it are no speaker ("... and the ministry claimed")."""
    inside = {t.i for t in before}
    verb = cue.head if cue.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in cue.children) else cue
    for child in verb.children:
        if child.dep_ == "nsubj" and child.i in inside:
            words = [t for t in child.subtree if t.i in inside]
            return words if len(words) <= MAX_SPEAKER_TOKENS and not clause_like(words) else []
    return []


def _nested(speaker: Sequence[Token], cue: list[Token], cues: Cues) -> Attribution | None:
    """ "The paper reported its source said ...": the words are the source's, reported by the paper."""
    inner = next((k for k, t in enumerate(speaker) if is_cue(t, cues)), None)
    if inner is None:
        return None
    source = [t for t in speaker[inner + 1 :] if t.lower_ != "that"]
    relayer = speaker_before(speaker[:inner], cues)
    if not source or not relayer or clause_like(source):
        return None
    return Attribution(source, cue, recipient_after(cue[0], cues), relayer, [speaker[inner]])


def _relayed(cue: Token, cues: Cues) -> tuple[list[Token], list[Token]] | None:
    """ "quoted Qaani as saying": (Qaani's tokens, the cue tokens through "saying")."""
    doc = cue.doc
    for k in range(cue.i + 1, min(len(doc) - 1, cue.i + MAX_SPEAKER_TOKENS)):
        for tail in cues.relay_tail:
            if tuple(t.lower_ for t in doc[k : k + len(tail)]) == tail and k > cue.i + 1:
                return list(doc[cue.i + 1 : k]), [cue, *doc[k : k + len(tail)]]
    return None


def head(tokens: Sequence[Token], cues: Cues) -> Token | None:
    """The word a speaker description is about: "commander" in "a senior commander of a Shia faction"."""
    best = None
    for tok in tokens:
        if tok.lower_ in ("of", "from", "with", "in", "at", "for") or tok.lower_ in cues.relative:
            break
        if tok.pos_ == "VERB" and best is not None:
            break  # "the senior commander briefed on ..."
        if tok.pos_ in ("NOUN", "PROPN", "PRON"):
            best = tok
    return best


def is_anonymous(tokens: Sequence[Token], cues: Cues) -> bool:
    """A description ("three commanders") rather than a name ("commander Ali Hassan", "Qaani")."""
    word = head(tokens, cues)
    if word is None or word.pos_ in ("PROPN", "PRON"):
        return False
    return word.lower_ in cues.descriptors or word.lemma_.lower() in cues.descriptors


def outlet_name(tokens: Sequence[Token], cues: Cues) -> str | None:
    """The outlet the words were given to: a known one by name, else the words when they name a medium
    ("state media", "a local newspaper")."""
    span = span_of(tokens)
    if span is None:
        return None
    outlet = find_outlet(span.text)
    if outlet:
        return outlet.name
    nouns = [t for t in tokens if t.pos_ in ("NOUN", "PROPN")]
    return span.text if nouns and nouns[-1].lower_ in cues.media_nouns else None
