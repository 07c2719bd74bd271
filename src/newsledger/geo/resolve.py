"""Toponym resolution: each place name of an article linked to a GeoNames record, in the article's context.

A name's candidates come from the gazetteer (own names, alternate names, abbreviations). Each candidate starts
from a prior (population, the kind of place, whether the name is its own) and gains from its context:
- the article's other places: candidates in a country or first-level division (state, province) the other
  names resolve to, or near them, gain ("Paris" in an article about Lamar County, Texas is Paris, Texas);
- a qualifier written after it: "Springfield, Ill." is in Illinois, "Karaj, Iran" in Iran;
- the story's other places and the outlet's home country or region, when the caller knows them.
Every spelling of a name is resolved once per article (one sense per discourse), and the context is refined over
a few rounds from the previous round's choices.

No record is returned when the evidence is weak: a name matched only as some place's alternate name, or a name the
article uses for a person ("Mr. Hale", "Jim Bandemer"), unless the article's other places support the place.
Work is linear in the mentions and their (capped) candidates: nearness is read from a grid of 1-degree cells.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Sequence

from newsledger.geo.abbreviations import CITY_FORMS
from newsledger.geo.gazetteer import Candidate, Gazetteer, GeoEntry, normalize

#: Candidates kept per name, the most populous first (a common name has hundreds in a full dump).
MAX_CANDIDATES = 40
MAX_NAME_CHARS = 80
ROUNDS = 3


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

    population: float = 1.0
    own_name: float = 2.0
    country_kind: float = 3.0
    admin1_kind: float = 2.0
    continent_kind: float = 3.0
    capital_kind: float = 1.0
    admin2_kind: float = 0.5
    same_country: float = 3.0
    same_admin1: float = 3.0
    nearby: float = 2.0
    qualifier: float = 8.0
    story: float = 1.0
    home: float = 1.5
    #: below this score margin over "no place", a weakly supported person-like or alternate-only name is dropped
    person_cue_support: float = 0.5


DEFAULT_WEIGHTS = Weights()

_KIND_BONUS = {"PCLI": "country_kind", "PCLS": "country_kind", "PCLD": "country_kind", "PCLF": "country_kind",
               "PCL": "country_kind", "ADM1": "admin1_kind", "CONT": "continent_kind", "PPLC": "capital_kind",
               "ADM2": "admin2_kind"}
_LEADING = re.compile(r"^(?:the\s+)", re.IGNORECASE)
_TRAILING = re.compile(r"(?:['’]s|['’])$")
_QUALIFIER = re.compile(r"\s*,\s*((?:[A-Z][\w.]*\.?)(?:\s+[A-Z][\w.]*\.?){0,2})")
_HONORIFIC = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Lt|Sgt|Capt|Det|Officer|Deputy|Coach|Judge|Justice|Sheriff|Mayor|Chief|"
    r"President|Commissioner|Councilman|Councilwoman|Trooper|Pastor|Rev)\.?\s+(?:[A-Z][a-z]+\s+)?$"
)
_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+$")


def clean_name(text: str) -> str:
    """The name as the gazetteer lists it: no leading "the", no possessive, no surrounding punctuation."""
    name = " ".join(text.split())[: MAX_NAME_CHARS + 1]
    name = _TRAILING.sub("", _LEADING.sub("", name)).strip(" \"'“”‘’()[],;:")
    return name


def candidates_for(text: str, gazetteer: Gazetteer, after_comma: bool = False) -> list[GeoEntry]:
    """The records a name can refer to, most likely first by name alone (used for scoring coverage too)."""
    return [c.entry for c in _candidates(text, gazetteer, after_comma)]


def _candidates(text: str, gazetteer: Gazetteer, after_comma: bool = False) -> list[Candidate]:
    name = clean_name(text)
    if not name or len(name) > MAX_NAME_CHARS:
        return []
    abbreviated = gazetteer.abbreviation(name, after_comma)
    if abbreviated is not None:
        return [Candidate(abbreviated, True)]
    found = gazetteer.lookup(CITY_FORMS.get(name, name))
    if name.isupper() and len(name) <= 4:  # "EU" is not the French town of Eu: an acronym must be one of its names
        found = [c for c in found if c.entry.name.isupper() or not c.main_name]
        found = [Candidate(c.entry, False) for c in found]
    if not found:
        for pattern in (r"^city of\s+(.+)$", r"^(.+?)\s+city$", r"^(.+?)\s+(?:township|twp|village|borough)$"):
            match = re.match(pattern, name, re.IGNORECASE)
            if match:
                found = gazetteer.lookup(match.group(1))
                if found:
                    break
    found.sort(key=lambda c: (not c.main_name, -c.entry.population))
    return found[:MAX_CANDIDATES]


def _prior(candidate: Candidate, weights: Weights) -> float:
    entry = candidate.entry
    score = weights.population * math.log10(entry.population + 1)
    if candidate.main_name:
        score += weights.own_name
    kind = _KIND_BONUS.get(entry.feature_code)
    if kind:
        score += getattr(weights, kind)
    return score


def _cell(entry: GeoEntry) -> tuple[int, int]:
    return math.floor(entry.lat), math.floor(entry.lon)


def _near_cells(entry: GeoEntry):
    y, x = _cell(entry)
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            yield y + dy, (x + dx + 180) % 360 - 180


@dataclass(slots=True)
class _Group:
    """Every mention of one name in the article, resolved together."""

    key: str
    text: str
    candidates: list[Candidate]
    priors: list[float]
    qualifiers: list[GeoEntry] = field(default_factory=list)
    person_cue: bool = False
    choice: int | None = None


class _Evidence:
    """Counts of where the chosen places are, so a group can ask how many others share its country or are near."""

    def __init__(self) -> None:
        self.countries: Counter = Counter()
        self.admin1: Counter = Counter()
        self.cells: Counter = Counter()
        self.total = 0.0

    def add(self, entry: GeoEntry, weight: float = 1.0) -> None:
        self.total += weight
        if entry.country:
            self.countries[entry.country] += weight
        if entry.admin1 and entry.feature_code not in _COUNTRY_CODES:
            self.admin1[(entry.country, entry.admin1)] += weight
        if entry.feature_class in "PA" and entry.feature_code not in _COUNTRY_CODES | {"ADM1"}:
            self.cells[_cell(entry)] += weight

    def remove(self, entry: GeoEntry, weight: float = 1.0) -> None:
        self.add(entry, -weight)


_COUNTRY_CODES = frozenset({"PCLI", "PCLS", "PCLD", "PCLF", "PCL", "CONT"})


def resolve(
    mentions: Sequence[Mention],
    gazetteer: Gazetteer,
    context: ResolveContext | None = None,
    weights: Weights = DEFAULT_WEIGHTS,
    person_guard: bool = True,
) -> list[GeoEntry | None]:
    """For each mention, the GeoNames record it most likely names in this context, or None."""
    context = context or ResolveContext()
    groups = _groups(mentions, gazetteer, context, person_guard, weights)
    background = _Evidence()
    for entry in context.story_places:
        background.add(entry, weights.story)
    if context.home_country:
        home = (gazetteer.admin1(context.home_country, context.home_admin1) if context.home_admin1 else None) \
            or gazetteer.country(context.home_country)
        if home is not None:
            background.add(home, weights.home)

    evidence = _Evidence()
    for group in groups.values():
        group.choice = max(range(len(group.candidates)), key=group.priors.__getitem__)
        evidence.add(group.candidates[group.choice].entry)
    for _ in range(ROUNDS):
        changed = False
        for group in groups.values():
            chosen = group.candidates[group.choice].entry
            evidence.remove(chosen)
            scores = [_score(group, i, evidence, background, weights) for i in range(len(group.candidates))]
            best = max(range(len(scores)), key=scores.__getitem__)
            changed |= best != group.choice
            group.choice = best
            evidence.add(group.candidates[best].entry)
        if not changed:
            break

    resolved: dict[str, GeoEntry | None] = {}
    for key, group in groups.items():
        candidate = group.candidates[group.choice]
        evidence.remove(candidate.entry)
        support = _support(candidate.entry, evidence, background, weights) + (
            weights.qualifier if _qualified(candidate.entry, group.qualifiers) else 0.0)
        evidence.add(candidate.entry)
        weak = not candidate.main_name or (person_guard and group.person_cue)
        resolved[key] = None if weak and support < weights.person_cue_support and \
            candidate.entry.feature_code not in _COUNTRY_CODES else candidate.entry
    return [resolved.get(_group_key(m)) for m in mentions]


def _group_key(mention: Mention) -> str:
    return normalize(clean_name(mention.text))


def _groups(mentions, gazetteer, context, person_guard, weights) -> dict[str, _Group]:
    groups: dict[str, _Group] = {}
    text = context.text
    for mention in mentions:
        key = _group_key(mention)
        if not key:
            continue
        after_comma = bool(text) and text[max(0, mention.start - 3): mention.start].rstrip().endswith(",")
        group = groups.get(key)
        if group is None:
            candidates = _candidates(mention.text, gazetteer, after_comma)
            if not candidates:
                continue
            group = groups[key] = _Group(key, mention.text, candidates, [_prior(c, weights) for c in candidates])
        if text:
            qualifier = _qualifier_after(text, mention.end, gazetteer)
            if qualifier is not None:
                group.qualifiers.append(qualifier)
            if person_guard and not group.person_cue and " " not in key:
                group.person_cue = _person_cue(text, mention.start, gazetteer)
    return groups


def _qualifier_after(text: str, end: int, gazetteer: Gazetteer) -> GeoEntry | None:
    """The country or division written right after a name and a comma ("Springfield, Ill.")."""
    match = _QUALIFIER.match(text, end, min(len(text), end + 40))
    if not match:
        return None
    words = match.group(1).split()
    for size in range(len(words), 0, -1):
        phrase = " ".join(words[:size])
        entry = gazetteer.abbreviation(phrase, after_comma=True)
        if entry is None:
            entry = next((c.entry for c in gazetteer.lookup(clean_name(phrase))
                          if c.main_name and c.entry.feature_code in ("ADM1", "PCLI", "PCLS", "PCLD")), None)
        if entry is not None:
            return entry
    return None


def _person_cue(text: str, start: int, gazetteer: Gazetteer) -> bool:
    """The name stands where a person's does: after a title ("Mr. Hale") or a given name ("Jim Hale")."""
    before = text[max(0, start - 40): start]
    if _HONORIFIC.search(before):
        return True
    match = _NAME_BEFORE.search(before)
    if not match or before[: match.start()].rstrip().endswith((".", "!", "?", '"', "“")) or not before[: match.start()].strip():
        return False
    word = match.group(1)
    return word not in gazetteer and f"{word} {text[start:start + 40].split(' ')[0]}" not in gazetteer


def _qualified(entry: GeoEntry, qualifiers: list[GeoEntry]) -> bool:
    for qualifier in qualifiers:
        if qualifier.feature_code in _COUNTRY_CODES:
            if entry.country == qualifier.country:
                return True
        elif entry.country == qualifier.country and entry.admin1 == qualifier.admin1:
            return True
    return False


def _support(entry: GeoEntry, evidence: _Evidence, background: _Evidence, weights: Weights) -> float:
    """How much the article's other places (and the story's, and the outlet's home) back this record."""
    score = 0.0
    for source in (evidence, background):
        if source.total <= 0:
            continue
        share = source.countries.get(entry.country, 0.0) / source.total
        score += weights.same_country * share
        if entry.admin1 and entry.feature_code not in _COUNTRY_CODES:
            score += weights.same_admin1 * source.admin1.get((entry.country, entry.admin1), 0.0) / source.total
        if entry.feature_code not in _COUNTRY_CODES | {"ADM1"}:
            near = sum(source.cells.get(cell, 0.0) for cell in _near_cells(entry))
            score += weights.nearby * min(1.0, near / source.total * 2)
    return score


def _score(group: _Group, index: int, evidence: _Evidence, background: _Evidence, weights: Weights) -> float:
    entry = group.candidates[index].entry
    score = group.priors[index] + _support(entry, evidence, background, weights)
    if group.qualifiers and _qualified(entry, group.qualifiers):
        score += weights.qualifier
    return score
