"""The ledger's records: one typed dataclass per concept, shared by every stage.

Every span is a character range into the clean ``text`` of the article it belongs to (``Removed`` spans are the
exception: they point into the raw input, because the text they cover is not in the clean text).
Records serialise to the export contract with ``to_dict`` and back with ``from_dict``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields, is_dataclass
from enum import StrEnum
from pathlib import PurePath
from typing import Any, TypeVar

from newsledger.spans import pieces

T = TypeVar("T")


class SourceKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    GOVERNMENT = "government"
    ANONYMOUS = "anonymous"
    MEDIA = "media"
    DOCUMENT = "document"
    UNKNOWN = "unknown"


class Stance(StrEnum):
    ASSERTS = "asserts"
    DENIES = "denies"
    DECLINES_TO_COMMENT = "declines_to_comment"
    HEDGES = "hedges"


class Factuality(StrEnum):
    ASSERTED = "asserted"
    REPORTED = "reported"
    DENIED = "denied"
    HYPOTHETICAL = "hypothetical"


class EventType(StrEnum):
    """The ledger's own kinds of happening, by which the facts of a happening are read (how many were launched,
    shot down, killed…). Every event also carries its PLOVER type (``Event.plover``), the standard vocabulary users
    filter and read by; ``extract/plover/lexicon.EVENT_TYPE_TO_PLOVER`` maps these names to PLOVER. ``other``: a
    happening the trigger detector found whose PLOVER type has no kind of its own here (a protest, a trial)."""

    ATTACK = "attack"
    INTERCEPTION = "interception"
    LAUNCH = "launch"
    DAMAGE = "damage"
    STATEMENT = "statement"
    MEETING = "meeting"
    VISIT = "visit"
    AGREEMENT = "agreement"
    SANCTION = "sanction"
    THREAT = "threat"
    ARREST = "arrest"
    DEATH = "death"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of an article's clean text: ``text == article.text[start:end]``."""

    text: str
    start: int
    end: int

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(text[start:end], start, end)

    @classmethod
    def of_part(cls, span: Span, start: int, end: int) -> Span:
        """The part ``start:end`` (article offsets) of a span."""
        if not span.start <= start <= end <= span.end:
            raise ValueError(f"{start}:{end} is not within {span.start}:{span.end}")
        return cls(span.text[start - span.start:end - span.start], start, end)

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Removed:
    """Boilerplate taken out of the raw input (caption, paywall, navigation…), with raw-input offsets."""

    kind: str
    text: str
    start: int
    end: int


#: The kind of the ``Removed`` that marks a page cut short before it reached us (a download that stopped, an
#: archive record marked truncated, HTML that ends before its body closes): its text is kept, the mark says so.
TRUNCATED = "truncated"
#: The kind of the ``Removed`` that marks a record whose body was all boilerplate (a sign-up wall, a video
#: playlist) but whose headline was given: the headline is kept as its text, so the report still counts in its
#: story, and the mark says that is all there is.
HEADLINE_ONLY = "headline-only"


@dataclass(slots=True)
class Article:
    id: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or None: never guessed
    removed: list[Removed] = field(default_factory=list)
    duplicate_of: str | None = None
    source_path: str | None = None
    author: str | None = None
    external_id: str | None = None  # the id the input gave (a JSON record's "id"); identity stays the content

    @property
    def label(self) -> str:
        """How a person names the article in a chain or an explanation: its outlet, else its file name (titles
        are too long), else its id."""
        if self.outlet:
            return self.outlet
        return PurePath(self.source_path).name if self.source_path else self.id


@dataclass(frozen=True, slots=True)
class Mention:
    article: str
    start: int
    end: int


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str  # spaCy label family: PERSON, ORG, GPE, NORP, LOC, FAC…
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SourceSpan:
    """Who is quoted: the span, its kind, the entity it resolves to, and for unnamed sources what they are."""

    text: str
    start: int
    end: int
    kind: SourceKind = SourceKind.UNKNOWN
    entity: str | None = None
    resolved: str | None = None  # the name a pronoun or descriptor stands for ("he" -> "Benny Gantz")
    anonymity: str | None = None  # for anonymous sources: "senior U.S. intelligence officials"
    affiliation: str | None = None  # for anonymous sources: "U.S. intelligence"

    @property
    def name(self) -> str:
        """Who the source is, as a person reads it: the name it resolves to, else its text without the comma that
        closes an apposition ("Iran's foreign minister, Hossein Amir Abdollahian," said)."""
        return self.resolved or self.text.rstrip(" ,;:")


@dataclass(frozen=True, slots=True)
class CueSpan:
    text: str
    start: int
    end: int
    lemma: str


@dataclass(frozen=True, slots=True)
class Relay:
    """One link of an attribution chain: an outlet or document that passed the claim on."""

    text: str
    start: int
    end: int
    kind: SourceKind = SourceKind.MEDIA
    entity: str | None = None


@dataclass(slots=True)
class Attribution:
    """Who said what. ``content`` runs from the first reported word to the last; a content in several pieces
    ("A," she said, speaking on Monday. "B.") holds its own source and cue and the ``gaps`` of narration
    between its pieces, which ``content_pieces`` leaves out."""

    id: str
    article: str
    source: SourceSpan | None
    cue: CueSpan
    content: Span
    direct: bool = False
    stance: Stance = Stance.ASSERTS
    via: list[Relay] = field(default_factory=list)
    gaps: list[Span] = field(default_factory=list)

    def holds(self, span: Span) -> bool:
        """Whether ``span`` lies in what is reported: within the content, not in the narration between pieces."""
        return self.content.contains(span) and not any(gap.overlaps(span) for gap in self.gaps)

    @property
    def reported_text(self) -> str:
        """The content as a reader is shown it: its pieces joined by " … ", or the whole content when no piece
        has a word (a quotation of "...")."""
        return " … ".join(piece.text for piece in self.content_pieces()) or self.content.text

    def content_pieces(self) -> list[Span]:
        """The content without the source, cue and gaps it runs around, in text order."""
        holes = [(s.start, s.end) for s in (self.source, self.cue, *self.gaps) if s is not None]
        content = self.content
        return [Span.of_part(content, start, end) for start, end in
                pieces(content.text, (content.start, content.end), holes, base=content.start)]


def innermost_holder(attributions: list[Attribution], span: Span) -> Attribution | None:
    """The attribution with the shortest content holding ``span`` (a relay's outer report holds it too, but the
    inner attribution is whose claim it is); ties go to the first id."""
    holding = [a for a in attributions if a.holds(span)]
    return min(holding, key=lambda a: (a.content.end - a.content.start, a.id), default=None)


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A time expression: ``type`` is its TIMEX3 type (DATE, TIME, DURATION, SET) and ``value`` its TIMEX3 value
    (ISO date, week, month, year or time of day; a duration "P3Y"; PAST_REF...) or None when the text cannot fix it."""

    text: str
    start: int
    end: int
    value: str | None = None
    anchor: str | None = None  # the date it was resolved against (publication date) or None
    type: str = "DATE"  # default so ledgers written before the field load as they were


@dataclass(frozen=True, slots=True)
class Geo:
    """A gazetteer entry (GeoNames): what a place name was resolved to."""

    geonameid: int
    name: str
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None  # first-level division (state, province) code, GeoNames style
    lat: float
    lon: float
    feature: str | None = None  # GeoNames feature class and code, "P.PPLA" (a first-order capital), "A.ADM1"…


@dataclass(frozen=True, slots=True)
class Place(Span):
    """Where a happening took place: the words of the text, what kind of place they name (``address``: a street
    address; ``site``: a building, venue or facility; ``named``: a town, region or country), and, when the
    gazetteer knows it, the entry."""

    geo: Geo | None = None
    kind: str | None = None
    #: The words that place this one in its town when it names none itself: a street of a report filed from a
    #: dateline town ("HAWTHORNE —" … "in the 13500 block of Cerise Avenue"), whose entry ``geo`` then is.
    within: Span | None = None


@dataclass(frozen=True, slots=True)
class Actor(Span):
    """Who did it or to whom: the words of the text and, when known, the actor's country (ISO 3166-1 alpha-3)."""

    country: str | None = None


@dataclass(frozen=True, slots=True)
class Plover:
    """An event's type in the PLOVER 2021 ontology: the type, and its mode and context when the text supports them
    ("ASSAULT", "firearms", "crime"). A happening PLOVER has no type for (a flood, a crash, an illness) has type
    None and one of this project's contexts "disaster", "accident" or "health"."""

    type: str | None
    mode: str | None = None
    context: str | None = None


@dataclass(slots=True)
class Event:
    id: str
    article: str
    trigger: Span
    type: EventType  # the ledger's own vocabulary of happenings, which the facts are read by (see PLOVER below)
    agent: Actor | None = None
    patient: Actor | None = None
    place: Place | None = None
    time: TimeValue | None = None
    factuality: Factuality = Factuality.ASSERTED
    attribution: str | None = None
    plover: Plover | None = None


@dataclass(slots=True)
class CrossEvent:
    """One happening across the articles of a story: its event mentions, and what they say of it."""

    id: str
    story: str
    type: EventType
    mentions: list[str] = field(default_factory=list)  # event ids, the evidence
    articles: list[str] = field(default_factory=list)
    triggers: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    times: list[str] = field(default_factory=list)  # ISO values the mentions resolve to


class FindingStatus(StrEnum):
    CORROBORATED = "corroborated"  # two or more independent origins say it
    SINGLE_SOURCE = "single_source"  # one origin, however many outlets repeat it
    DISPUTED = "disputed"  # incompatible values, each with its supporters
    UPDATED = "updated"  # a count later reports revised (a victim died): the values in time order, the last latest
    DENIED = "denied"  # a party denies it
    NO_COMMENT = "no_comment"  # a party declines to confirm or deny


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of an article that supports a value, and the attribution it is said in (None: the outlet's own)."""

    article: str
    text: str
    start: int
    end: int
    attribution: str | None = None


@dataclass(slots=True)
class SlotValue:
    value: str  # normalised: "all shot down", "3 launched", "Isfahan"
    evidence: list[Evidence] = field(default_factory=list)
    attributions: list[str] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)  # independent origins behind the value
    #: Machine-readable: counts {"low", "high"} (null for unbounded), a time's ISO value, a place {"text", "geo"}.
    normal: Any = None


@dataclass(slots=True)
class Finding:
    """What a story's sources say about one slot of one happening, and how well it is established."""

    id: str
    story: str
    event: str | None  # the cross-document event, when the slot belongs to one
    slot: str  # agent, target, place, time, launched, shot_down, killed, damage, weapon, claim…
    status: FindingStatus
    values: list[SlotValue] = field(default_factory=list)
    independent_origins: int = 0
    explanation: str = ""


@dataclass(slots=True)
class Story:
    id: str
    title: str
    articles: list[str] = field(default_factory=list)
    first_seen: str | None = None
    last_seen: str | None = None
    key_entities: list[str] = field(default_factory=list)
    #: What the story's happenings are and where, for filtering: "countries" (ISO 3166-1 alpha-2 of the places),
    #: "places" (gazetteer names), "types" (PLOVER types, or the context of happenings PLOVER has no type for).
    facets: dict[str, list[str]] = field(default_factory=dict)
    #: How many of its findings are corroborated, single source, disputed, denied (or not commented on).
    tally: dict[str, int] = field(default_factory=dict)
    #: How tightly the articles hang together (``link.stories``), 0–1; None for one article and for old ledgers.
    cohesion: float | None = None


# --- serialisation -------------------------------------------------------------------------------------------

def to_dict(record: Any) -> dict[str, Any]:
    """The export contract's shape of a record (enums as their string values), in one pass: ``asdict`` deep-copies
    every value first, and cost an export of a large ledger two thirds of its time."""
    return _plain(record)


def _plain(value: Any) -> Any:
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, (str, int, float)) or value is None:
        return value
    names = _FIELD_NAMES.get(type(value))
    if names is None and is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES[type(value)] = tuple(f.name for f in fields(value))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_plain(item) for item in value)
    return value


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a record written by ``to_dict``; unknown keys are ignored so older readers survive new fields."""
    kwargs: dict[str, Any] = {}
    for name, revive in _plan(cls):
        if name in data:
            value = data[name]
            kwargs[name] = value if revive is None or value is None else revive(value)
    return cls(**kwargs)


def _plan(cls: type) -> tuple[tuple[str, Callable[[Any], Any] | None], ...]:
    """Each field of ``cls`` with how its stored value is revived (None: as it is), worked out once per class:
    resolving a story decodes hundreds of thousands of records, and ``fields()`` per record was a third of it."""
    plan = _PLANS.get(cls)
    if plan is None:
        plan = _PLANS[cls] = tuple((f.name, _reviver(_FIELD_TYPES.get((cls, f.name))))
                                   for f in fields(cls))  # type: ignore[arg-type]
    return plan


def _reviver(kind: Any) -> Callable[[Any], Any] | None:
    if kind is None:
        return None
    if isinstance(kind, list):
        return lambda items: [from_dict(kind[0], item) for item in items]
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        return kind
    return lambda value: from_dict(kind, value)


_PLANS: dict[type, tuple[tuple[str, Callable[[Any], Any] | None], ...]] = {}


_FIELD_TYPES: dict[tuple[type, str], Any] = {
    (Article, "removed"): [Removed],
    (Entity, "mentions"): [Mention],
    (SourceSpan, "kind"): SourceKind,
    (Relay, "kind"): SourceKind,
    (Attribution, "source"): SourceSpan,
    (Attribution, "cue"): CueSpan,
    (Attribution, "content"): Span,
    (Attribution, "stance"): Stance,
    (Attribution, "via"): [Relay],
    (Attribution, "gaps"): [Span],
    (Event, "trigger"): Span,
    (Event, "type"): EventType,
    (Event, "agent"): Actor,
    (Event, "patient"): Actor,
    (Event, "place"): Place,
    (Event, "plover"): Plover,
    (Place, "geo"): Geo,
    (Place, "within"): Span,
    (Event, "time"): TimeValue,
    (Event, "factuality"): Factuality,
    (CrossEvent, "type"): EventType,
    (SlotValue, "evidence"): [Evidence],
    (Finding, "status"): FindingStatus,
    (Finding, "values"): [SlotValue],
}


# --- what one article yields, before the ledger merges it ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A named-entity mention in one article, already keyed to its ledger entity."""

    entity: str
    name: str  # the canonical name the mention resolves to ("Gantz" -> "Benny Gantz")
    label: str
    start: int
    end: int
    surface: str


@dataclass(slots=True)
class ArticleRecords:
    """Everything extracted from one article: the unit the store writes in one transaction."""

    article: Article
    mentions: list[EntityMention] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    features: dict[str, Any] = field(default_factory=dict)
