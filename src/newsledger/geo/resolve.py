"""Toponym resolution: each place name of an article linked to a GeoNames record, in the article's context.

A name's candidates come from the gazetteer (own names, alternate names, abbreviations). Each candidate starts
from a prior (population, the kind of place, whether the name is its own) and gains from its context:
- the article's other places: candidates in a country or first-level division (state, province) the other
  names resolve to, or near them, gain ("Paris" in an article about Lamar County, Texas is Paris, Texas);
- a qualifier written after it: "Springfield, Ill." is in Illinois, "Karaj, Iran" in Iran;
- the story's other places and the outlet's home country or region, when the caller knows them.
Every spelling of a name is resolved once per article (one sense per discourse). The readings are settled together
over a few rounds: each round weighs every name's candidates by how likely the previous round found them, and
each candidate is supported by the others' weighted readings (mean-field style).

No record is returned when the evidence is weak: a name matched only as some place's alternate name, or a name the
article uses for a person ("Mr. Hale", "Jim Bandemer"), unless the article's other places support the place.
Work is linear in the mentions and their (capped) candidates: nearness is read from a grid of 1-degree cells.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from newsledger.geo.abbreviations import CITY_FORMS
from newsledger.geo.gazetteer import Candidate, Gazetteer, GeoEntry, normalize
from newsledger.geo.names import MAX_NAME_CHARS, clean_name
from newsledger.geo.people import person_names
from newsledger.geo.qualifiers import qualified, qualifier_after, qualifier_before

#: Candidates kept per name, the most populous first (a common name has hundreds in a full dump).
MAX_CANDIDATES = 40
ROUNDS = 3
#: An alternate name of a place this big is an exonym to trust ("Kiev" for Kyiv); below it, a coincidence to check.
ALTERNATE_TRUSTED_POPULATION = 100_000
#: A city this big is known worldwide by its name alone.
WORLD_CITY_POPULATION = 1_000_000


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name in the article: character offsets and the text between them."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ResolveContext:
    """What is known around the mentions: the article's text (for qualifiers and person cues), places already
    resolved in the article's story, and the outlet's home (ISO country code, GeoNames admin1 code)."""

    text: str | None = None
    story_places: Sequence[GeoEntry] = ()
    home_country: str | None = None
    home_admin1: str | None = None


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each kind of evidence counts (log10 population is the unit)."""

    population: float = 0.6
    own_name: float = 3.0
    country_kind: float = 3.0
    admin1_kind: float = 1.0
    continent_kind: float = 3.0
    capital_kind: float = 2.0
    admin2_kind: float = 0.0
    #: a sea, gulf or region no single country holds ("Mediterranean", "Middle East"): famous, though unpeopled
    international_kind: float = 5.0
    #: in an article that is not local (``locality`` below ``not_local_below``), a capital or city of a million
    world_city: float = 2.0
    not_local_below: float = 0.2
    #: softmax temperature of the mean-field rounds (lower: each name commits to its best reading sooner)
    temperature: float = 1.0
    same_country: float = 5.0
    same_admin1: float = 5.0
    nearby: float = 4.0
    same_county: float = 2.0
    qualifier: float = 8.0
    story: float = 1.0
    home: float = 1.5
    #: a person-like or alternate-only name needs at least this much support from its context to stay a place
    person_cue_support: float = 0.5


DEFAULT_WEIGHTS = Weights()

_KIND_BONUS = {"PCLI": "country_kind", "PCLS": "country_kind", "PCLD": "country_kind", "PCLF": "country_kind",
               "PCL": "country_kind", "ADM1": "admin1_kind", "CONT": "continent_kind", "PPLC": "capital_kind",
               "ADM2": "admin2_kind"}
#: "Ohioans", "Ontarians", "Texans", "New Yorkers": people of a state or province, named by these endings.
_RESIDENT_ENDINGS = ("ians", "ans", "ns", "ers", "ites")



def candidates_for(text: str, gazetteer: Gazetteer, after_comma: bool = False) -> list[GeoEntry]:
    """The records a name can refer to, most likely first by name alone (used for scoring coverage too)."""
    return [c.entry for c in _candidates(text, gazetteer, after_comma)]


def _candidates(text: str, gazetteer: Gazetteer, after_comma: bool = False) -> list[Candidate]:
    name = clean_name(text)
    if not name or len(name) > MAX_NAME_CHARS:
        return []
    abbreviated = None if name in CITY_FORMS else gazetteer.abbreviation(name, after_comma)
    if abbreviated is not None:
        return [Candidate(abbreviated, True)]
    found = gazetteer.lookup(CITY_FORMS.get(name, name))
    if name.isupper() and len(name) <= 4 and name not in CITY_FORMS:  # "EU" is not Eu, France: an acronym must
        # be one of the record's names
        found = [c for c in found if c.entry.name.isupper() or not c.main_name]
        found = [Candidate(c.entry, False) for c in found]
    if not found:
        found = _division_of_residents(name, gazetteer)
    if not found:
        for pattern in (r"^city of\s+(.+)$", r"^(.+?)\s+city$", r"^(.+?)\s+(?:township|twp|village|borough)$"):
            match = re.match(pattern, name, re.IGNORECASE)
            if match:
                found = gazetteer.lookup(match.group(1))
                if found:
                    break
    found.sort(key=lambda c: (not c.main_name, -c.entry.population))
    return found[:MAX_CANDIDATES]


def _division_of_residents(name: str, gazetteer: Gazetteer) -> list[Candidate]:
    """The state or province whose residents the name calls by their plural ("Ohioans" -> Ohio)."""
    if not name[:1].isupper():
        return []
    for ending in _RESIDENT_ENDINGS:
        if not name.endswith(ending) or len(name) - len(ending) < 3:
            continue
        stem = name[: -len(ending)]
        for spelling in (stem, stem + "a", stem + "o", stem + "as", stem + "e", stem + "ia"):
            divisions = [c for c in gazetteer.lookup(spelling) if c.main_name and c.entry.feature_code == "ADM1"]
            if divisions:
                return divisions
    return []


def _international(entry: GeoEntry) -> bool:
    """A water body, region or landform that no country holds (GeoNames leaves their country empty): oceans, seas,
    "Middle East". Like a country, it is wide (not "near" anything) and its names are trusted."""
    return not entry.country and entry.feature_class in "HLT" and entry.feature_code != "CONT"


def _own_name(candidate: Candidate) -> bool:
    """Whether the name is one the record goes by. A country's alternate names are its everyday names ("Russia",
    "Iran", "Taiwan" for GeoNames' "Russian Federation", ...): news uses them, so they count as its own."""
    return candidate.main_name or candidate.entry.feature_code in _COUNTRY_CODES or _international(candidate.entry)


def _prior(candidate: Candidate, weights: Weights) -> float:
    entry = candidate.entry
    score = weights.population * math.log10(entry.population + 1)
    if _own_name(candidate):
        score += weights.own_name
    kind = _KIND_BONUS.get(entry.feature_code)
    if kind:
        score += getattr(weights, kind)
    elif _international(entry):
        score += weights.international_kind
    return score


def _cell(entry: GeoEntry) -> tuple[int, int]:
    return math.floor(entry.lat), math.floor(entry.lon)


@lru_cache(maxsize=8192)
def _cells_around(cell: tuple[int, int]) -> tuple[tuple[int, int], ...]:
    """The cell and its 8 neighbours (longitude wraps at the antimeridian)."""
    y, x = cell
    return tuple((y + dy, (x + dx + 180) % 360 - 180) for dy in (-1, 0, 1) for dx in (-1, 0, 1))


@dataclass(frozen=True, slots=True)
class _Where:
    """The keys a record is counted and looked up under: country, first-level division, 1-degree cell (with the
    cells around it), county. Wide places (countries, states) have no cell or county: they are not "near"."""

    country: str
    admin1: tuple[str, str] | None
    cell: tuple[int, int] | None
    near_cells: tuple[tuple[int, int], ...]
    county: tuple[str, str, str] | None
    wide: bool

    @classmethod
    def of(cls, entry: GeoEntry) -> "_Where":
        national = entry.feature_code in _COUNTRY_CODES or _international(entry)
        local = not national and entry.feature_code not in _WIDE_CODES
        return cls(
            entry.country,
            (entry.country, entry.admin1) if entry.admin1 and not national else None,
            _cell(entry) if local else None,
            _cells_around(_cell(entry)) if local else (),
            (entry.country, entry.admin1, entry.admin2) if local and entry.admin2 else None,
            national,
        )


@dataclass(slots=True)
class _Group:
    """Every mention of one name in the article, resolved together."""

    key: str
    text: str
    candidates: list[Candidate]
    priors: list[float]
    qualifiers: list[GeoEntry] = field(default_factory=list)
    person_cue: bool = False
    places: list[_Where] = field(default_factory=list)
    probabilities: list[float] = field(default_factory=list)
    mass: "_Mass | None" = None


_COUNTRY_CODES = frozenset({"PCLI", "PCLS", "PCLD", "PCLF", "PCL", "CONT"})
_WIDE_CODES = _COUNTRY_CODES | {"ADM1"}


class _Mass:
    """Where a group's candidates are, weighted by how likely each is: by country, first-level division and
    1-degree cell; and which counties (second-level divisions) any of them is or lies in."""

    __slots__ = ("countries", "admin1", "cells", "counties", "total")

    def __init__(self) -> None:
        self.countries: dict = {}
        self.admin1: dict = {}
        self.cells: dict = {}
        self.counties: dict = {}
        self.total = 0.0

    @classmethod
    def of(cls, places: Sequence[_Where], probabilities: Sequence[float], weight: float = 1.0) -> "_Mass":
        mass = cls()
        mass.total = weight
        countries, admin1, cells, counties = mass.countries, mass.admin1, mass.cells, mass.counties
        for where, probability in zip(places, probabilities):
            share = weight * probability
            if where.country:
                countries[where.country] = countries.get(where.country, 0.0) + share
            if where.admin1 is not None:
                admin1[where.admin1] = admin1.get(where.admin1, 0.0) + share
            if where.cell is not None:
                cells[where.cell] = cells.get(where.cell, 0.0) + share
            if where.county is not None:
                counties[where.county] = weight
        return mass

    def add(self, other: "_Mass", sign: float = 1.0) -> None:
        for mine, theirs in ((self.countries, other.countries), (self.admin1, other.admin1),
                             (self.cells, other.cells), (self.counties, other.counties)):
            for key, value in theirs.items():
                mine[key] = mine.get(key, 0.0) + sign * value
        self.total += sign * other.total


_NOTHING = _Mass()


def resolve(
    mentions: Sequence[Mention],
    gazetteer: Gazetteer,
    context: ResolveContext | None = None,
    weights: Weights = DEFAULT_WEIGHTS,
    person_guard: bool = True,
) -> list[GeoEntry | None]:
    """For each mention, the GeoNames record it most likely names in this context, or None.

    The names' readings are settled together, mean-field style: each round, every name's candidates are
    re-weighted by how much the other names' current readings (and the story and outlet) support them."""
    context = context or ResolveContext()
    groups, membership = _groups(mentions, gazetteer, context, person_guard, weights)
    background = _Mass()
    if context.story_places:
        places = [_Where.of(entry) for entry in context.story_places]
        background.add(_Mass.of(places, [1.0 / len(places)] * len(places), weights.story))
    home = _home(gazetteer, context)
    if home is not None:
        background.add(_Mass.of([_Where.of(home)], [1.0], weights.home))

    for group in groups:
        group.places = [_Where.of(c.entry) for c in group.candidates]
    if weights.world_city and locality(groups, weights) < weights.not_local_below:
        _favour_world_cities(groups, weights)
    fixed = []  # the part of each candidate's score that does not change between rounds
    for group in groups:
        group.probabilities = _softmax(group.priors, weights.temperature)
        group.mass = _Mass.of(group.places, group.probabilities)
        fixed.append([prior + _support(where, background, _NOTHING, weights)
                      + (weights.qualifier if qualified(c.entry, group.qualifiers) else 0.0)
                      for c, where, prior in zip(group.candidates, group.places, group.priors)])
    article = _Mass()
    for group in groups:
        article.add(group.mass)
    ambiguous = [number for number, group in enumerate(groups) if len(group.candidates) > 1]
    for _ in range(ROUNDS - 1):  # only names with several readings move; the article's mass follows them
        updated = {number: _softmax(_scores(groups[number], fixed[number], article, weights), weights.temperature)
                   for number in ambiguous}
        for number, probabilities in updated.items():
            group = groups[number]
            article.add(group.mass, -1.0)
            group.probabilities = probabilities
            group.mass = _Mass.of(group.places, probabilities)
            article.add(group.mass)
    chosen: list[GeoEntry | None] = []
    for group, bases in zip(groups, fixed):
        if len(group.candidates) == 1 and not _may_be_weak(group.candidates[0], group, person_guard):
            chosen.append(group.candidates[0].entry)  # one reading, nothing to doubt: no score needed
            continue
        group_scores = _scores(group, bases, article, weights)
        best = max(range(len(group.candidates)), key=group_scores.__getitem__)
        candidate = group.candidates[best]
        evidence = group_scores[best] - group.priors[best]
        keep = not _may_be_weak(candidate, group, person_guard) or evidence >= weights.person_cue_support
        chosen.append(candidate.entry if keep else None)
    return [chosen[number] if number is not None else None for number in membership]


def locality(groups: Sequence[_Group], weights: Weights) -> float:
    """How local the article is, 0 to 1: the largest share of its names that (by their priors) lie in one
    first-level division. A local paper's places crowd one state; world news names countries and far-apart cities."""
    if not groups:
        return 0.0
    by_division: dict = {}
    for group in groups:
        for where, probability in zip(group.places, _softmax(group.priors, weights.temperature)):
            if where.admin1 is not None:
                by_division[where.admin1] = by_division.get(where.admin1, 0.0) + probability
    return max(by_division.values(), default=0.0) / len(groups)


def _favour_world_cities(groups: Sequence[_Group], weights: Weights) -> None:
    """In an article that is not local, a capital or a city of a million people is what a bare name most likely
    means, rather than a small namesake that other places' context would otherwise pull toward."""
    for group in groups:
        if len(group.candidates) > 1:
            group.priors = [prior + (weights.world_city if c.main_name and _world_city(c.entry) else 0.0)
                            for prior, c in zip(group.priors, group.candidates)]


def _world_city(entry: GeoEntry) -> bool:
    return entry.feature_class == "P" and (entry.feature_code == "PPLC" or entry.population >= WORLD_CITY_POPULATION)


def _may_be_weak(candidate: Candidate, group: _Group, person_guard: bool) -> bool:
    """Whether this reading needs the context's support to stand: a small place's alternate name, or a name the
    article gives a person; a country never does."""
    if candidate.entry.feature_code in _COUNTRY_CODES or _international(candidate.entry):
        return False
    return _alternate_only(candidate) or (person_guard and group.person_cue)


def _alternate_only(candidate: Candidate) -> bool:
    """Matched by an alternate name of a small place: "Hale" as an old name of Halle is a coincidence, while a
    division's or a big city's alternate is an exonym ("Bavaria", "Kiev")."""
    entry = candidate.entry
    return not candidate.main_name and entry.feature_class != "A" and entry.population < ALTERNATE_TRUSTED_POPULATION


def _scores(group: _Group, bases: list[float], article: _Mass, weights: Weights) -> list[float]:
    """Each candidate's score: its fixed part plus the support of the article's other names."""
    return [base + _support(where, article, group.mass, weights) for where, base in zip(group.places, bases)]


def _home(gazetteer: Gazetteer, context: ResolveContext) -> GeoEntry | None:
    if not context.home_country:
        return None
    if context.home_admin1:
        division = gazetteer.admin1(context.home_country, context.home_admin1)
        if division is not None:
            return division
    return gazetteer.country(context.home_country)


def _softmax(scores: Sequence[float], temperature: float) -> list[float]:
    top = max(scores)
    exps = [math.exp((score - top) / temperature) for score in scores]
    total = sum(exps)
    return [e / total for e in exps]


def _groups(mentions, gazetteer, context, person_guard, weights) -> tuple[list[_Group], list[int | None]]:
    """The article's names, each spelling once; a qualified mention ("Springfield, Ill.") is its own reading, and
    a bare mention of the same name joins it when the article qualifies the name one way only."""
    text = context.text
    by_reading: dict[tuple[str, int], int] = {}
    groups: list[_Group] = []
    person_names_in_text: frozenset[str] | None = None
    readings: list[tuple[str, int] | None] = []
    for mention in mentions:
        key = normalize(clean_name(mention.text))
        qualifier = (qualifier_after(text, mention.end, gazetteer) or qualifier_before(text, mention.start, gazetteer)
                     ) if text and key else None
        reading = (key, qualifier.geonameid if qualifier is not None else 0)
        if not key:
            readings.append(None)
            continue
        number = by_reading.get(reading)
        if number is None:
            after_comma = bool(text) and text[max(0, mention.start - 3): mention.start].rstrip().endswith(",")
            candidates = _candidates(mention.text, gazetteer, after_comma)
            if not candidates:
                readings.append(None)
                continue
            number = by_reading[reading] = len(groups)
            groups.append(_Group(key, mention.text, candidates, [_prior(c, weights) for c in candidates],
                                 [qualifier] if qualifier is not None else []))
        if person_names_in_text is None and text and person_guard:
            person_names_in_text = person_names(text, gazetteer)
        if person_names_in_text and key in person_names_in_text:
            groups[number].person_cue = True
        readings.append(reading)
    qualified: dict[str, list[int]] = {}
    for (key, qualifier_id), number in by_reading.items():
        if qualifier_id:
            qualified.setdefault(key, []).append(number)
    membership = []
    for reading in readings:
        if reading is None:
            membership.append(None)
        elif reading[1] == 0 and len(qualified.get(reading[0], ())) == 1:
            membership.append(qualified[reading[0]][0])
        else:
            membership.append(by_reading[reading])
    return groups, membership


def _support(where: _Where, mass: _Mass, own: _Mass, weights: Weights) -> float:
    """How much the places in ``mass`` less ``own`` (the article's other names; or the story's places and the
    outlet's home) back a record at ``where``."""
    total = mass.total - own.total
    if total <= 1e-9:
        return 0.0
    score = weights.same_country * (mass.countries.get(where.country, 0.0) - own.countries.get(where.country, 0.0))
    if where.wide:
        return score / total
    if where.admin1 is not None:
        score += weights.same_admin1 * (mass.admin1.get(where.admin1, 0.0) - own.admin1.get(where.admin1, 0.0))
    score /= total
    if where.cell is not None:
        cells, own_cells = mass.cells, own.cells
        near = sum(cells.get(cell, 0.0) - own_cells.get(cell, 0.0) for cell in where.near_cells)
        score += weights.nearby * min(1.0, 2 * near / total)
    if where.county is not None and mass.counties.get(where.county, 0.0) - own.counties.get(where.county, 0.0) > 1e-9:
        score += weights.same_county
    return score
