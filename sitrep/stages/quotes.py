"""Quotes: direct, partial and indirect speech with speaker, cue, outlet and nesting.

A quote's span covers the quoted words only (marks excluded), so that the events stage can give an
event inside it the modality "reported" and the quote's id. Speakers are actor mentions when the actors
stage found one under the speaker's head word, else the description verbatim ("three commanders").
"X quoted Y as saying" makes Y the speaker and links the quote to X's own quote (``parent_quote_id``);
"the senior commander" finds X as the earlier "a senior commander of ...".
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sitrep.context import Context
from sitrep.quotes import attribution as at
from sitrep.quotes import speakers, transcript
from sitrep.quotes.indirect import indirect_quotes
from sitrep.quotes.marks import Quoted, find_quoted
from sitrep.records import Article, Quote, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


NAME = "quotes"
NEEDS = ("text", "mentions")
ADDS = "quotes"
TAIL_TOKENS = 40
CLOSED_TAIL = 6  # '"... done." Lee told reporters.': a short sentence of its own after a closed quote
CONTINUATION_WORDS = 16  # at most the attribution between a quote and the same speaker's next one
PARTIAL_WORDS = 4
TERM_WORDS = 3
TITLE_WORDS = 8
_SENT_END = {".", "!", "?"}
_OPENERS = set("“„«‹\"‘'")


def quote_id(article: Article, start: int, end: int) -> str:
    """Deterministic and unique in the store: reposts quote the same words at the same offsets."""
    return hashlib.sha1(f"{article.id}:{start}-{end}".encode()).hexdigest()[:16]


@dataclass
class Found:
    """A quote before ids and nesting are settled."""

    span: Span
    kind: str
    attribution: at.Attribution | None
    quoted: Quoted | None = None  # the marks, for a quote in quotation marks
    within: Found | None = None  # the quote whose speaker relays this one ('"They told us 'go'," she said')
    turn: transcript.Turn | None = None  # the transcript turn it stands in


def run(article: Article, doc: Doc | None, ctx: Context) -> tuple[Quote, ...]:
    if doc is None or not article.text:
        return ()
    cues = ctx.resource("quotes.cues", at.load_cues)
    direct = _continued(
        [_direct(doc, article.text, q, cues) for q in find_quoted(article.text)], article.text
    )
    spoken = transcript.turns(article.text, cues.interviewers)
    for item in direct:
        item.turn = transcript.turn_at(spoken, item.span.start)
    # words in marks that the text gives to no one (a title, a slogan, a scare-quoted term, an aside in an
    # interview answer: 'The so-called "experts" came') are no one's reported speech; nor a speaker's
    # own ("I said"), but for the interviewee an interviewer's question quotes ("You said")
    direct = [
        f for f in direct if f.attribution and (not at.own_words(f.attribution.speaker) or _addressed(f))
    ]
    direct += [inner for outer in direct for inner in _inner(doc, article.text, outer, cues)]
    # a partial quote may stand inside reported speech ('He said the plan was "a mistake"'): the
    # reported speech is found around it, with the same cue
    partial_cues = {t.i for f in direct if f.kind == "partial" and f.attribution for t in f.attribution.cue}
    used = {t.i for f in direct if f.attribution for t in f.attribution.cue} - partial_cues
    covered = [(f.span.start, f.span.end) for f in direct if f.kind != "partial"]
    indirect = [Found(span, "indirect", attr) for span, attr in indirect_quotes(doc, cues, used, covered)]
    indirect = [
        i for i in indirect if not any(_same_words(i.span, f) or _frames(doc, i.span, f) for f in direct)
    ]
    # a term in marks (a short noun phrase, no verb) inside reported speech with the same cue ('Officials
    # said the boar may have eaten a "pig bomb" left in a field') is cited by that reported speech: one
    # quotation; a verb phrase in marks is the speaker's own wording ('he came to "personally oversee" it')
    direct = [f for f in direct if not any(_cited_term(doc, f, i) for i in indirect) and not _title(doc, f)]
    indirect = [i for i in indirect if (t := transcript.turn_at(spoken, i.span.start)) is None or t.asks]
    # in a transcript's turn, words given to a pronoun or a bare description ("they asked me", "the seller
    # tells you") retell a conversation, often a made-up one, with no one the article could name; words
    # given to someone named ("my coach Tom Ray told me") are that person's, relayed by an answer
    direct = [
        f
        for f in direct
        if f.turn is None or _addressed(f) or (f.attribution and at.named(f.attribution.speaker))
    ]
    return _records(article, sorted(direct + indirect, key=lambda f: f.span.start), cues)


def _inner(doc: Doc, text: str, outer: Found, cues: at.Cues) -> list[Found]:
    """Quotes inside a quote: words the outer speaker relays, attributed by words inside the outer quote
    ('"The guard told us 'go home now'," she said' -> the guard's words, relayed by her)."""
    if outer.quoted is None or not outer.attribution:
        return []
    found = []
    for q in find_quoted(text[outer.span.start : outer.span.end]):
        q = Quoted(q.start + outer.span.start, q.end + outer.span.start, q.open_at + outer.span.start,
                   q.close_at + outer.span.start)  # fmt: skip
        item = _direct(doc, text, q, cues)
        # the outer quote's own attribution is not the inner words'
        inside = [a for a in (_attribution_after(doc, text, q, cues), _attribution_before(doc, text, q, cues))
                  if a and a.cue and outer.span.start <= a.cue[0].idx < outer.span.end]  # fmt: skip
        item.attribution = inside[0] if inside else None
        item.within = outer
        if item.attribution:
            found.append(item)
    return found


def _same_words(span: Span, quote: Found) -> bool:
    """Reported speech that is just the quoted words ('they say "friend" and the door opens' read twice)."""
    return (
        quote.quoted is not None
        and quote.quoted.open_at <= span.start <= quote.span.start + 1
        and (span.end <= quote.quoted.close_at + 1 or span.start == quote.span.start)
    )


def _frames(doc: Doc, span: Span, quote: Found) -> bool:
    """Reported speech whose own words are only a frame around a partial quote is that one quotation:
    'She said she was "proud to serve"' and 'He said the city is "in real trouble" now' quote the marked
    words, while 'He said the mayor lied and "must resign"' reports a claim of its own (a verb outside
    the marks) besides them."""
    marks = quote.quoted
    if quote.kind != "partial" or marks is None or not span.start <= marks.open_at < marks.start < span.end:
        return False
    outside = [t for t in _tokens(doc, span.start, span.end) if not marks.open_at <= t.idx <= marks.close_at]
    return not any(t.pos_ == "VERB" for t in outside)


def _title(doc: Doc, quote: Found) -> bool:
    """A name in marks: every word but the small ones capitalised and no verb ('its "Person of the
    Year"', 'the "Clean Rivers Act"'); a slogan with a verb ("Make It Right") is still words someone used."""
    words = [t for t in _tokens(doc, quote.span.start, quote.span.end) if t.is_alpha]
    if len(words) > TITLE_WORDS:
        return False
    big = [t for t in words if t.lower_ not in _SMALL_WORDS]
    return (
        len(words) >= 2
        and bool(big)
        and all(t.text[0].isupper() for t in big)
        and not any(t.pos_ in ("VERB", "AUX") for t in words)
    )


_SMALL_WORDS = frozenset({"a", "an", "the", "of", "for", "and", "or", "in", "on", "to", "at", "by", "with"})


def _cited_term(doc: Doc, quote: Found, reported: Found) -> bool:
    if quote.kind != "partial" or len(quote.span.text.split()) > TERM_WORDS:
        return False
    if any(t.pos_ in ("VERB", "AUX") for t in _tokens(doc, quote.span.start, quote.span.end)):
        return False
    if quote.attribution is None or reported.attribution is None:
        return False
    inside = reported.span.start <= quote.span.start < reported.span.end
    return inside and _same_cue(quote.attribution, reported.attribution)


def _continued(found: list[Found], text: str) -> list[Found]:
    """A quote with no attribution of its own that follows an attributed one in the same paragraph,
    with at most the attribution between them ('"We are ready," the mayor said. "The work is done."'),
    is the same speaker's. When the first part ends on a comma and nothing but its attribution stands
    (which the second part may read as its own, before it)
    between the parts, the attribution interrupts one quotation ('"The bridge," she said, "opens in
    May."'; '"We are ready," he said. "The work is done."'): the two parts are one quote, from the first
    part's first word to the second part's last."""
    out: list[Found] = []
    for item in found:
        prev = out[-1] if out else None
        same = bool(
            prev and prev.attribution and item.attribution and _same_cue(prev.attribution, item.attribution)
        )
        if prev and prev.attribution and prev.quoted and item.quoted and (not item.attribution or same):
            gap = text[prev.quoted.close_at + 1 : item.quoted.open_at]
            if "\n\n" not in gap and len(gap.split()) <= CONTINUATION_WORDS:
                if text[prev.quoted.start : prev.quoted.end].rstrip().endswith(",") and _only_attribution(
                    gap, prev.quoted.close_at + 1, prev.attribution
                ):
                    span = Span(prev.span.start, item.span.end, text[prev.span.start : item.span.end])
                    marks = Quoted(
                        prev.quoted.start, item.quoted.end, prev.quoted.open_at, item.quoted.close_at
                    )
                    out[-1] = Found(span, prev.kind, prev.attribution, marks)
                    continue
                item.attribution = prev.attribution
        out.append(item)
    return out


def _same_cue(one: at.Attribution, other: at.Attribution) -> bool:
    """'"It is," she said of it, "done."': both parts read the one cue between them."""
    return bool(one.cue and other.cue) and one.cue[0].i == other.cue[0].i


def _only_attribution(gap: str, at_: int, attr: at.Attribution) -> bool:
    """The gap between two quoted parts holds the attribution's cue and ends where its sentence does."""
    body = gap.strip().rstrip(",.")
    return bool(attr.cue) and at_ <= attr.cue[0].idx < at_ + len(gap) and not any(c in body for c in ".!?;")


def _direct(doc: Doc, text: str, quoted: Quoted, cues: at.Cues) -> Found:
    """``text`` is the article's text (``Doc.text`` would rebuild it from every token on each call)."""
    end = quoted.end
    while end > quoted.start and text[end - 1] in ", \n":
        end -= 1
    span = Span(quoted.start, end, text[quoted.start : end])
    after = _attribution_after(doc, text, quoted, cues)
    before = _attribution_before(doc, text, quoted, cues)
    attr = after or before
    if after and before and after.cue and after.cue[0].lower_ == "according" and not before.relay_cue:
        # 'Lee called it "a breach," according to NBC': Lee's words, as NBC reported them
        attr = at.Attribution(before.speaker, before.cue, before.recipient, after.speaker, after.cue)
    elif attr is before and before is not None:
        attr = _bearer(doc, quoted, before, cues) or before
    words = len(span.text.split())
    partial = span.text[:1].islower() or words < PARTIAL_WORDS
    return Found(span, "partial" if partial else "direct", attr, quoted)


def _bearer(doc: Doc, quoted: Quoted, attr: at.Attribution, cues: at.Cues) -> at.Attribution | None:
    """Words that someone in the reported clause used, chanted or carried are theirs, relayed by the one
    who reports it: 'Police said marchers chanted "Down with the dam"' -> the marchers' words, via the
    police ("X reported its source said" is read by the cue lexicon itself)."""
    if not attr.cue or attr.relay_cue:
        return None
    cue = attr.cue[-1]
    between = [t for t in _tokens(doc, cue.idx + len(cue.text), quoted.open_at) if t.i > cue.i]
    verb = next((t for t in between if t.pos_ == "VERB" and _bears(t, between, cues)), None)
    if verb is None:
        return None
    subject = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and cue.i < c.i < verb.i]
    words = [t for t in subject[0].subtree if t.i < verb.i] if subject else []
    if not words or len(words) > at.MAX_SPEAKER_TOKENS or at.clause_like(words):
        return None
    return at.Attribution(words, [verb], (), attr.speaker, attr.cue)


def _bears(verb: Token, between: Sequence[Token], cues: at.Cues) -> bool:
    """ "chanted", or "used the slogan" / "carried signs reading": words someone used as words."""
    lemma = verb.lemma_.lower()
    if lemma in cues.bearing_verbs:
        return True
    return lemma in cues.bearing_with_noun and any(
        t.i > verb.i and t.lemma_.lower() in cues.words_nouns for t in between
    )


def _tokens(doc: Doc, start: int, end: int) -> Sequence[Any]:
    span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    return list(span) if span is not None else []


def _attribution_after(doc: Doc, text: str, quoted: Quoted, cues: at.Cues) -> at.Attribution | None:
    """'"...," the mayor said.' A quote that closed its sentence ('"... done." He added, "...') takes
    no attribution that leads into the next quote; one that closes its own sentence still counts
    ('"... done." Lee said.')."""
    closed = text[quoted.start : quoted.end].rstrip().endswith(".")
    tail: list[Any] = []
    for tok in _tokens(doc, quoted.close_at + 1, min(len(text), quoted.close_at + 400)):
        if tok.text in _SENT_END or "\n" in tok.text:
            break
        if tok.text in _OPENERS or len(tail) > TAIL_TOKENS:
            if closed:
                return None
            break
        tail.append(tok)
    if closed and (len(tail) > CLOSED_TAIL or (tail and tail[-1].text in ",:")):
        return None
    for k, tok in enumerate(tail):
        if at.is_according(tok):
            return _according(tok)
        if at.is_cue(tok, cues, direct=True) or at.is_participle(tok, cues, direct=True):
            return at.attribute(tok, tail[:k], cues)
    return None


def _attribution_before(doc: Doc, text: str, quoted: Quoted, cues: at.Cues) -> at.Attribution | None:
    para = text.rfind("\n", 0, quoted.open_at) + 1
    head = list(_tokens(doc, para, quoted.open_at))
    # the sentence, or the clause after a semicolon, that the quote stands in
    sent_start = max((k + 1 for k, t in enumerate(head) if t.text in _SENT_END or t.text == ";"), default=0)
    head = head[sent_start:]
    for k in range(len(head) - 1, -1, -1):
        if at.is_according(head[k]):
            return _according(head[k])
        if at.is_cue(head[k], cues, direct=True) or at.is_participle(head[k], cues, direct=True):
            return at.attribute(head[k], head[:k], cues)
    return at.stated(head, cues)


def _according(tok: Token) -> at.Attribution | None:
    speaker = at.until_stop(tok.doc[tok.i + 2 : tok.i + 2 + at.MAX_SPEAKER_TOKENS], at.MAX_SPEAKER_TOKENS)
    return at.Attribution(speaker, [tok, tok.nbor(1)], ()) if speaker else None


def _records(article: Article, found: list[Found], cues: at.Cues) -> tuple[Quote, ...]:
    quotes: list[Quote] = []
    spans = [(f.span.start, f.span.end) for f in found]
    for item in found:
        attr = item.attribution
        actor = speakers.actor_id(article, attr.speaker, cues, spans) if attr else None
        if attr and item.turn is not None and item.turn.hearer is not None and _addressed(item):
            attr = replace(attr, speaker=attr.speaker[-1:])  # "Last year you said": "you", the interviewee
            actor = _label_actor(article, item.turn.hearer)
        if attr and speakers.nameless(attr.speaker, actor):
            continue
        speaker = at.span_of(attr.speaker) if attr else None
        via = at.outlet_name(attr.recipient, cues) if attr else None
        parent = None
        if attr and attr.relay_cue:  # "the paper reported its source said": the paper's report holds it
            parent = _report(article, item, attr, cues, spans, quotes)
            if parent not in quotes:
                quotes.append(parent)
            via = via or at.outlet_name(attr.relayer, cues)
        elif attr and attr.relayer:
            parent = _relaying_quote(attr.relayer, quotes, cues)
        if item.within is not None:
            outer = item.within.span
            parent = next((q for q in quotes if (q.start, q.end) == (outer.start, outer.end)), parent)
        elif item.turn is not None and parent is None and (not item.turn.asks or _addressed(item)):
            parent = _turn_quote(article, item.turn, quotes)
        if parent and via is None:
            via = parent.via_outlet  # Qaani's words reached MEE through the commander
        quotes.append(
            Quote(
                id=quote_id(article, item.span.start, item.span.end),
                start=item.span.start,
                end=item.span.end,
                text=item.span.text,
                kind=item.kind,  # type: ignore[arg-type]
                speaker=speaker,
                speaker_actor_id=actor,
                anonymous=at.is_anonymous(attr.speaker, cues) if attr else False,
                cue=at.span_of(attr.cue) if attr else None,
                via_outlet=via,
                parent_quote_id=parent.id if parent else None,
            )
        )
    return tuple(quotes)


def _report(article: Article, item: Found, attr: at.Attribution, cues: at.Cues,
            spans: list[tuple[int, int]], quotes: list[Quote]) -> Quote:  # fmt: skip
    """The relaying speaker's own reported speech: from the source it names to the end of the words."""
    start = attr.speaker[0].idx
    end = item.quoted.close_at + 1 if item.quoted else item.span.end
    # the report may be found already as reported speech of its own ("..., according to NBC")
    made = next((q for q in quotes if q.start == start and q.kind == "indirect"), None)
    if made is not None:
        return made
    return Quote(
        id=quote_id(article, start, end), start=start, end=end, text=article.text[start:end], kind="indirect",
        speaker=at.span_of(attr.relayer), speaker_actor_id=speakers.actor_id(article, attr.relayer, cues, spans),
        anonymous=at.is_anonymous(attr.relayer, cues), cue=at.span_of(attr.relay_cue),
        via_outlet=None,
    )  # fmt: skip


def _turn_quote(article: Article, turn: transcript.Turn, quotes: list[Quote]) -> Quote:
    """A turn as its speaker's own quote, the parent of the words it relays (made once)."""
    made = next((q for q in quotes if (q.start, q.end) == (turn.start, turn.end)), None)
    if made is not None:
        return made
    actor = _label_actor(article, turn.speaker)
    quote = Quote(
        id=quote_id(article, turn.start, turn.end), start=turn.start, end=turn.end,
        text=article.text[turn.start : turn.end], kind="direct", speaker=turn.speaker, speaker_actor_id=actor,
        anonymous=False, cue=None, via_outlet=None,
    )  # fmt: skip
    quotes.append(quote)
    return quote


def _label_actor(article: Article, label: Span) -> str | None:
    """The actor a transcript label names: its mention, else one of the same name in the article."""
    inside = [m for m in article.mentions if label.start <= m.start and m.end <= label.end]
    named = [m for m in article.mentions if m.actor.name.casefold() == label.text.strip().casefold()]
    found = inside or named
    return found[0].actor.id if found else None


def _addressed(item: Found) -> bool:
    """Words an interviewer's question gives to "you": the interviewee's."""
    speaker = item.attribution.speaker if item.attribution else ()
    return bool(item.turn and item.turn.asks and speaker and speaker[-1].lower_ == "you")


def _relaying_quote(relayer: Sequence[Any], earlier: list[Quote], cues: at.Cues) -> Quote | None:
    """The earlier quote of the relaying speaker: the same actor, or the description referred back to.

    "the senior commander" refers to "a senior commander of a Shia armed faction": a definite
    description whose head and modifiers all appear in an earlier speaker description.
    """
    word = at.head(relayer, cues)
    if word is None:
        return None
    wanted = {t.lower_ for t in relayer[: relayer.index(word) + 1]} - cues.definite - cues.indefinite
    for quote in reversed(earlier):
        if quote.speaker is None:
            continue
        described = {w.strip(",").lower() for w in quote.speaker.text.split()}
        if wanted <= described:
            return quote
    return None
