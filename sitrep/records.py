"""The typed records that cross stage boundaries.

Every record is a frozen dataclass of plain values (str, int, float, None, tuples of records) so that a
record can be hashed, compared in tests, written to DuckDB or Parquet, and shipped to a Spark executor
without custom serialisers. Offsets are character offsets into ``Article.text``, half-open.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

Precision = Literal[
    "minute", "hour", "day", "week", "month", "quarter", "season", "year", "decade", "century",
    "duration", "set", "unknown",
]  # fmt: skip
Modality = Literal[
    "asserted", "reported", "hypothetical", "conditional", "negated", "future", "habitual",
]  # fmt: skip
# The modalities that say an event happened, told by the writer or by a quoted source: what incidents
# group, the GDELT export lists and the evaluations count as factual.
FACTUAL: tuple[Modality, ...] = ("asserted", "reported")
# Whether an event is news of its sentence ("main") or named in passing ("background": "condemned the
# attack", "after the arrest"); independent of modality — a background attack may well have happened.
Salience = Literal["main", "background"]


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range of ``Article.text`` and the words in it, kept for traceability."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Source:
    """One input item before it is cleaned: what ingest read, and where it came from."""

    ref: str  # where the raw item lives: path, path#row, warc path@offset, feed entry id
    text: str  # decoded text (plain text) or markup (html)
    content_type: Literal["text", "html"] = "text"
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO-8601 date or datetime, as given by the input or the caller
    publisher: str | None = None  # outlet name given by the input or the caller
    published_source: str | None = None  # where ``published`` came from: "metadata", "feed"; None = caller


@dataclass(frozen=True, slots=True)
class Reject:
    """An input that could not be read; the batch goes on without it."""

    source: str
    reason: str
    raw_ref: str
    seen_at: str


@dataclass(frozen=True, slots=True)
class Cut:
    """Text that clean removed (repost chrome, boilerplate), so nothing is silently lost."""

    kind: str  # "doubled-title", "share-line", "signature", "byline", ...
    text: str


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A temporal expression normalised TIMEX3-style against the publication date."""

    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | None  # TIMEX3 value: 2020-11-17, 2020-W46, 2020-10, P3D, XXXX-WXX-2; None if unresolved
    precision: Precision
    rule: str = ""  # which rule decided, for explanations


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry (GeoNames where it exists; the project's supplement otherwise)."""

    geonames_id: int | None
    name: str
    country: str | None  # ISO-3166 alpha-2
    admin1: str | None
    lat: float | None
    lon: float | None
    feature_class: str | None  # GeoNames feature class: A, P, H, L, S, T ...
    feature_code: str | None = None
    population: int | None = None

    @property
    def key(self) -> str:
        """A stable id for the places table: the GeoNames id, or the supplement's name."""
        if self.geonames_id is not None:
            return str(self.geonames_id)
        return f"x:{self.country or '--'}:{self.name}"


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place | None  # None when the toponym could not be resolved
    role: Literal["literal", "demonym", "modifier", "metonym"] = "literal"
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Role:
    """An office an actor held between two dates (ISO-8601; None = open)."""

    title: str
    country: str | None
    sector: str | None
    start: str | None
    end: str | None
    source: str = ""


@dataclass(frozen=True, slots=True)
class Actor:
    """A known actor: one record per person, organisation, country or group."""

    id: str
    name: str
    kind: Literal["person", "organisation", "country", "group", "generic", "media"]
    country: str | None  # ISO-3166 alpha-3, or IGO / NGO / MNC
    sector: str | None  # GOV, MIL, REB, OPP, MED, CVL, BUS, JUD, LEG, POL, SEC ...
    aliases: tuple[str, ...] = ()
    parent_id: str | None = None
    roles: tuple[Role, ...] = ()
    sources: tuple[str, ...] = ()
    provisional: bool = False  # made from context for an unknown named actor

    @property
    def code(self) -> str:
        """CAMEO-style actor code: country + sector (``IRNMIL``)."""
        return f"{self.country or ''}{self.sector or ''}"


@dataclass(frozen=True, slots=True)
class ActorMention:
    start: int
    end: int
    text: str
    actor: Actor
    corefers_with: int | None = None  # start offset of the first full mention of the same actor


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    start: int
    end: int
    text: str
    kind: Literal["direct", "partial", "indirect"]
    speaker: Span | None
    speaker_actor_id: str | None
    anonymous: bool
    cue: Span | None  # "told", "said", "according to"
    via_outlet: str | None  # the outlet the words were given to ("told MEE" -> Middle East Eye)
    parent_quote_id: str | None = None  # the quote that relays this one


@dataclass(frozen=True, slots=True)
class EventActor:
    """Source or target of an event: the words, and the actor they resolve to when one is known."""

    span: Span
    actor_id: str | None
    name: str
    country: str | None
    sector: str | None

    @property
    def code(self) -> str:
        return f"{self.country or ''}{self.sector or ''}"


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a field holds its value: the role it supports and the words it came from."""

    role: str  # "trigger", "source", "target", "place", "date", "killed", "injured", "quantity" ...
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    plover_type: str
    plover_mode: str | None
    cameo: str | None
    trigger: Span
    source: EventActor | None
    target: EventActor | None
    place: Place | None
    place_flag: Literal["text", "article-focus", "none"]
    date: str | None  # TIMEX3 value
    date_precision: Precision | None
    date_flag: Literal["text", "narrative", "publication", "none"]
    killed: int | None
    injured: int | None
    arrested: int | None
    quantity: int | None
    weapon: str | None
    modality: Modality
    confidence: float
    rule: str  # which lexicon entry / pattern decided
    evidence: tuple[Evidence, ...]
    quote_id: str | None = None
    incident_id: str | None = None
    salience: Salience = "main"


@dataclass(frozen=True, slots=True)
class Provenance:
    publisher: str | None
    publisher_evidence: str | None  # "url", "metadata", "signature", "caller"
    original_outlet: str | None
    original_span: Span | None
    is_repost: bool


@dataclass(frozen=True, slots=True)
class Article:
    """One input document with every fact the line found in it."""

    id: str  # hash of the normalised cleaned text: the same text is the same article
    text: str
    source_ref: str
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published_at: str | None = None
    published_precision: Precision | None = None
    published_source: str | None = None  # "caller", "metadata", "url", "text", "feed", None = unknown
    language: str | None = None
    cuts: tuple[Cut, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    mentions: tuple[ActorMention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    provenance: Provenance | None = None
    pipeline_version: str = ""
    extra: tuple[tuple[str, str], ...] = field(default=())  # input metadata worth keeping (key, value)

    def with_(self, **changes: Any) -> Article:
        return dataclasses.replace(self, **changes)
