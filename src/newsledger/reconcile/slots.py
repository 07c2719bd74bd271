"""Slot values: what a text says about a happening's counts, damage, means, agent, place and time, normalised so
that two sources can be compared.

Values are found by small, precise patterns over a region of clean text (an attribution's content, or the
sentence of an event mention) and from the event extractor's argument spans. Each value keeps its exact span.
Normal forms:

* counts — an interval ``[low, high]`` ("at least 15" is ``[15, inf]``, "about 50" is ``[42.5, 57.5]``), a share
  for "all" (1) and "two of three" (2/3), so "all shot down" and "2 of 3 shot down" disagree;
* magnitude — a number (6.1); damage — a level (none, minor, moderate, major, destroyed);
* weapon — a category (drone, missile, explosive, firearm, blade, fire);
* names (agent, place, target) — a key with determiners, possessors, "the city of" and ", Country" stripped;
  the stripped owner is recorded as a part-of relation ("Israel's Mossad", "Isfahan, Iran");
* time — the ISO value the time extractor resolved.

``compare`` says whether two values of one slot are compatible, and why. See docs/reconcile-guide.md.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from newsledger.extract.timex.values import day_of
from newsledger.geo.distance import km
from newsledger.reconcile.counts import find_counts, frame_counts
from newsledger.reconcile.legal import conflicting, legal_statuses
from newsledger.reconcile.pronouns import is_bare
from newsledger.reconcile.values import Found, Value
from newsledger.records import Geo, Place

#: Count slots, in the order a brief lists them.
COUNT_SLOTS = ("launched", "shot_down", "hit", "killed", "injured", "shot", "arrested")
#: How a slot reads in an explanation.
TITLES = {"agent": "who did it", "target": "the target", "place": "the place", "time": "the date",
          "weapon": "the weapon", "launched": "how many were launched", "shot_down": "how many were shot down",
          "hit": "how many hit", "killed": "the dead", "injured": "the injured", "shot": "the people shot",
          "arrested": "the arrests", "magnitude": "the magnitude", "damage": "the damage", "legal": "its status in law",
          "claim": "claim"}
SLOTS = ("agent", "target", "place", "time", "weapon", *COUNT_SLOTS, "magnitude", "damage", "legal")

DAMAGE_LEVELS = ("none", "minor", "moderate", "major", "destroyed")
_DAMAGE_WORDS = {
    "no": 0, "little": 1, "minor": 1, "slight": 1, "light": 1, "limited": 1, "minimal": 1, "superficial": 1,
    "moderate": 2, "some": 2, "considerable": 3, "significant": 3, "heavy": 3, "major": 3, "extensive": 3,
    "severe": 3, "serious": 3, "substantial": 3, "massive": 3, "widespread": 3, "great": 3,
}
_DESTROYED = r"destroyed|razed|leveled|levelled|flattened|gutted|reduced to rubble"

#: Weapon categories, the incendiary first so that a "petrol bomb" is a fire, not an explosive.
WEAPONS = {
    "fire": r"arson|fire ?- ?bombs?|firebombs?|petrol bombs?|molotov cocktails?|incendiary devices?",
    "drone": r"drones?|UAVs?|unmanned aerial vehicles?",
    "missile": r"missiles?|rockets?",
    "explosive": r"bombs?|bombing|explosives?|grenades?|IEDs?|car bomb|dynamite",
    "firearm": r"guns?|gunfire|rifles?|shotguns?|pistols?|handguns?|revolvers?|shooting",
    "blade": r"knife|knives|stabbing|machete",
}
_ANY_WEAPON = "|".join(f"(?:{p})" for p in WEAPONS.values())
_ATTACK_NOUN = r"attacks?|strikes?|assault|raid|bombing|explosion|blast"

_DETERMINERS = re.compile(r"^(?:the|a|an|this|that|these|those|its|their|his|her)\s+", re.IGNORECASE)
_PLACE_FRAMES = re.compile(r"^(?:(?:the\s+)?(?:city|town|village|province|region|island|port city|center|centre|"
                           r"outskirts|capital)\s+of\s+)+", re.IGNORECASE)
_GENERIC_TAIL = re.compile(r"\s+(?:intelligence agency|spy agency|agency|intelligence service|forces|government|"
                           r"regime|military|army|authorities|police department)$", re.IGNORECASE)


@dataclass
class Relations:
    """Part-of relations the texts state ("Israel's Mossad", "Isfahan, Iran"), between name keys."""

    part_of: set[tuple[str, str]] = field(default_factory=set)

    def related(self, a: str, b: str) -> bool:
        return (a, b) in self.part_of or (b, a) in self.part_of


# --- finding values in text ----------------------------------------------------------------------------------

def find_values(text: str, start: int = 0, end: int | None = None, relations: Relations | None = None) -> list[Found]:
    """Counts, magnitudes, damage levels, weapons and agents ("carried out by X") said in ``text[start:end]``, with
    offsets into ``text``.

    Counts in one region are read as one frame: "three drones were launched … two were shot down" makes the
    shot-down count "2 of 3", and "the third hit" a hit of 1 of 3.
    """
    end = len(text) if end is None else end
    region = text[start:end]
    found = find_counts(region) + _magnitudes(region) + _damage(region) + _weapons(region) + _agents(region, relations) \
        + legal_statuses(region)
    found = frame_counts(found)
    return sorted((_shift(f, start) for f in found), key=lambda f: (f.start, f.slot))


def _shift(found: Found, by: int) -> Found:
    return Found(found.slot, found.start + by, found.end + by, found.value,
                 tuple((s + by, e + by) for s, e in found.support))


def _magnitudes(text: str) -> list[Found]:
    number = r"(?P<n>\d+\. ?\d)"
    patterns = [
        (rf"(?:(?P<q>at least|about|around|nearly|preliminary)\s+)?(?:a\s+)?magnitude(?:\s+of)?(?:\s+(?P<q2>at least|about))?"
        rf"\s*[-–]?\s*{number}"),
        rf"(?:(?P<q>at least|about|around|nearly)\s+)?{number}\s*[-–]?\s*(?:magnitude|-magnitude)",
        (rf"(?:measuring|registering|measured|of)\s+(?:(?P<q>at least|about|around|nearly)\s+)?{number}\s+"
        rf"(?:on the richter|degrees? on the richter|magnitude)"),
        (rf"(?:measuring|registering|force of|strength at)\s+(?:(?P<q>at least|about|around|nearly)\s+)?(?:magnitude"
        rf"\s*[-–]?\s*)?{number}\b"),
    ]
    found: dict[int, Found] = {}
    for pattern in patterns:
        for m in re.finditer(pattern, text, re.IGNORECASE):
            groups = m.groupdict()
            q = (groups.get("q") or groups.get("q2") or "").lower()
            n = float(m.group("n").replace(" ", ""))
            low, high = (n, math.inf) if q == "at least" else (n - 0.25, n + 0.25) if q in {"about", "around",
                                                                                          "nearly"} else (n, n)
            found.setdefault(m.start("n"), Found("magnitude", m.start(), m.end(),
                                                 Value("magnitude", f"{q} {n}".strip(), low, high)))
    return list(found.values())


def _damage(text: str) -> list[Found]:
    found = []
    words = "|".join(_DAMAGE_WORDS)
    for m in re.finditer(rf"\b(?P<w>{words})\s+(?:\w+\s+)?(?:damages?|destruction)\b", text, re.IGNORECASE):
        level = _DAMAGE_WORDS[m.group("w").lower()]
        found.append(Found("damage", m.start(), m.end(), Value("level", DAMAGE_LEVELS[level], level, level)))
    for m in re.finditer(r"\b(?:badly|heavily|severely|seriously) damaged\b", text, re.IGNORECASE):
        found.append(Found("damage", m.start(), m.end(), Value("level", "major", 3, 3)))
    for m in re.finditer(r"\b(?:slightly|lightly) damaged\b", text, re.IGNORECASE):
        found.append(Found("damage", m.start(), m.end(), Value("level", "minor", 1, 1)))
    nearly = re.compile(rf"\b(?:virtually|nearly|almost|all but|largely|partly|partially)\s+(?:totally\s+)?"
                        rf"(?:{_DESTROYED})\b|\b(?:{_DESTROYED})\s+(?:much|part|parts|a large section|most) of\b", re.IGNORECASE)
    partial = [(m.start(), m.end()) for m in nearly.finditer(text)]
    for start, end in partial:  # "virtually destroyed": major or worse
        found.append(Found("damage", start, end, Value("level", "nearly destroyed", 3, 4)))
    for m in re.finditer(rf"\b(?:{_DESTROYED})\b", text, re.IGNORECASE):
        if not any(s <= m.start() < e for s, e in partial):
            found.append(Found("damage", m.start(), m.end(), Value("level", "destroyed", 4, 4)))
    for m in re.finditer(r"\bonly (?:\w+ )?damage\b|\b(?:largely |mostly )?intact\b", text, re.IGNORECASE):
        found.append(Found("damage", m.start(), m.end(), Value("level", "minor", 1, 1)))
    return found


def _weapons(text: str) -> list[Found]:
    """Means named as such: "drone attack", "attacked with a knife", "the type of missile used", "three drones
    were launched", "the bombing" — not every mention of a weapon ("missile production")."""
    w = rf"(?P<w>{_ANY_WEAPON})"
    patterns = [
        rf"\b{w}[- ](?:{_ATTACK_NOUN})\b",
        rf"\b(?:attack|attacked|strike|struck|hit|killed|shot|armed)\b(?:\s+\w+){{0,3}}?\s+with\s+(?:\w+\s+){{0,2}}?{w}\b",
        rf"\b{w}(?:\s+\w+){{0,2}}?\s+(?:was|were)\s+(?:used|launched|fired|detonated|planted|thrown)\b",
        rf"\b{w}\s+(?:exploded|went off|detonated)\b",
        rf"\btypes? of {w}\b",
        rf"\bthe {w} (?:targeted|hit|struck|attacked)\b",
        rf"\b(?:launched|fired)\s+(?:\w+\s+){{0,2}}?{w}\b",
        (rf"\b(?:threw|thrown|hurled|planted|detonated|used|carrying|armed with|seized|brought)\s+(?:a|an|the|two|"
        rf"several)?\s*(?:[\w-]+\s+){{0,2}}?{w}\b"),
        rf"\b(?:due to|caused by|killed by|by)\s+(?:a|an|the)?\s*{w}\b",
        r"\bthe (?P<w>bombing|shooting|stabbing|arson)\b",
    ]
    found: dict[int, Found] = {}
    for pattern in patterns:
        for m in re.finditer(pattern, text, re.IGNORECASE):
            value = weapon_value(m.group("w"))
            if value:
                found.setdefault(m.start("w"), Found("weapon", m.start("w"), m.end("w"), value))
    return list(found.values())


_BY_AGENT = re.compile(r"\b(?:(?:conducted|carried out|perpetrated|committed|staged|orchestrated|launched|claimed)\s+by"
                       r"|the work of|responsibility (?:lies|lay) with)\s+[“\"]?(?P<name>(?:the\s+)?[A-Z][\w’'.-]*"
                       r"(?:\s+(?:of\s+)?[A-Z][\w’'.-]*)*)")


def _agents(text: str, relations: Relations | None) -> list[Found]:
    """Who did it, when the text says so with "carried out by X" / "the work of X" (a proper name only)."""
    found = []
    for m in _BY_AGENT.finditer(text):
        value = name_value(m.group("name"), relations)
        if value:
            found.append(Found("agent", m.start("name"), m.end("name"), value))
    return found


def weapon_category(text: str) -> str | None:
    for category, pattern in WEAPONS.items():
        if re.search(rf"\b(?:{pattern})\b", text, re.IGNORECASE):
            return category
    return None


def weapon_value(text: str) -> Value | None:
    """The weapon a text names, as its category ("a rifle" → firearm)."""
    category = weapon_category(text)
    return Value("category", category, key=category) if category else None


# --- names and times -----------------------------------------------------------------------------------------

def name_value(text: str, relations: Relations | None = None) -> Value | None:
    """A proper name's normal form ("the Mossad intelligence agency" → Mossad, "the center of Isfahan, Iran" →
    Isfahan), None for a description ("the building", "The third"). Stripped owners go to ``relations``."""
    name = " ".join(text.replace("’", "'").split()).strip(" ,.;:\"“”")
    name = _DETERMINERS.sub("", name)
    name = _PLACE_FRAMES.sub("", name)
    owner = None
    possessive = re.match(r"^([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)'s\s+(.+)$", name)
    if possessive and _INSTITUTION_HEAD.fullmatch(possessive.group(2)):
        if not set(possessive.group(1).casefold().split()) - _TITLES:
            return None  # "the Sheriff's Office": which county's, the text must say
    elif possessive and possessive.group(2)[:1].isupper():
        owner, name = possessive.group(1), possessive.group(2)
    comma = re.match(r"^([^,]+),\s*([A-Z][\w .-]*)$", name)
    if comma:
        name, owner = comma.group(1), comma.group(2)
    located = re.match(r"^(.+?)\s+(?:in|at|near)\s+([A-Z][\w .-]*)$", name)
    if located and not owner:
        name, owner = located.group(1), located.group(2)
    name = _GENERIC_TAIL.sub("", _DETERMINERS.sub("", name)).strip()
    if not name or not name[0].isupper() or not re.search(r"[A-Z]", name) or is_bare(name) or _described(name):
        return None  # a description, or a pronoun ("He", "This") that names no one
    key = name.casefold()
    if owner and relations is not None:
        relations.part_of.add((key, _GENERIC_TAIL.sub("", _DETERMINERS.sub("", owner.strip())).casefold()))
    return Value("name", name, key=key)


#: Means of which one strike uses one: a drone and a missile for the same hit disagree; a knife and a gun do not.
LAUNCHED_MEANS = {"drone", "missile", "explosive"}
#: Lower-case words a proper name may hold ("Bank of America", "Abu Bakr al-Baghdadi").
_NAME_PARTICLES = {"of", "the", "and", "de", "la", "le", "al", "el", "bin", "ibn", "von", "van", "der", "du", "del",
                   "da", "di", "for", "on", "at", "in", "y", "e"}


#: A headline's first word is capitalised but names no one who acted: "Man arrested in fatal shooting", "Teen
#: shot", "Shooting happened Sunday", "Two were driving", "UPDATE: …" (every such story had the agent "Man").
_HEADLINE_WORD = re.compile(r"(?:man|woman|men|women|teen|teens|teenager|boy|girl|child|person|people|suspect|victim"
                            r"|one|two|three|four|five|shooting|shootings|gunfire|update|breaking|watch|video|photos)",
                            re.IGNORECASE)
#: The title before an office's possessive, which alone names no one office ("the Sheriff's Office": every county's).
_TITLES = {"sheriff", "attorney", "district", "county", "state", "city", "police", "coroner", "medical", "examiner",
           "prosecutor", "prosecuting", "general", "fire", "marshal", "marshals", "u.s.", "us"}
#: What follows an office's possessive in its own name: "the Adams County Sheriff's Office" is one name, not the
#: sheriff's "Office" (which would be the same value for every county).
_INSTITUTION_HEAD = re.compile(r"(?:Office|Department|Dept\.?|Bureau|Division|Unit|Association|Hospital|Club)")


def _described(name: str) -> bool:
    """A phrase with a lower-case content word is a description that starts a sentence, not a name: "Queens dad"
    (one man, named elsewhere "Walker"), "Matusiewicz's spray"; two of them are no dispute."""
    return any(word[:1].islower() and word not in _NAME_PARTICLES for word in re.split(r"[\s-]+", name)
               if word[:1].isalpha())


def agent_value(text: str, relations: Relations | None = None) -> Value | None:
    """Who did it, as a name: not a headline's first word ("Man arrested in…")."""
    value = name_value(text, relations)
    return None if value is None or _HEADLINE_WORD.fullmatch(value.label) else value


def place_value(place: Place, relations: Relations | None = None) -> Value | None:
    """Where a happening took place, as a value: a street address (kept whole, "the 3500 block of South Parnell
    Avenue"), or a proper name with the gazetteer entry it resolved to; a bare description ("a home") is none."""
    text = " ".join(place.text.split()).strip(" ,.;:\"“”")
    if place.kind == "address":
        label = _DETERMINERS.sub("", text)
        street = " ".join(w for w in re.findall(r"[a-z]+", label.casefold()) if w not in _ADDRESS_WORDS)
        return Value("place", label, key=street or label.casefold(), geo=place.geo, street=True)
    named = name_value(text, relations)
    if named is None:
        return None
    return Value("place", named.label, key=named.key, geo=place.geo)


def town_of(place: Place, relations: Relations | None = None) -> Value | None:
    """The town a bare description is placed in ("a house party in Hope Mills", "a home" under a dateline): the
    description says nothing of where, the town it lies in does, with its own span as the evidence."""
    if place.within is None or place.geo is None:
        return None
    return place_value(Place(place.within.text, place.within.start, place.within.end, geo=place.geo,
                             kind="named"), relations)


#: Words of an address that do not say which street.
_ADDRESS_WORDS = {"block", "of", "the", "and", "at", "near", "intersection", "corner", "area", "street", "st",
                  "avenue", "ave", "road", "rd", "drive", "dr", "boulevard", "blvd", "lane", "ln", "north", "south",
                  "east", "west", "n", "s", "e", "w"}
#: Two resolved places closer than this are one place named at two levels ("Santa Cruz", "Santa Cruz County") or
#: a neighbourhood inside its town.
SAME_PLACE_KM = 30.0


def _compare_places(a: Value, b: Value, relations: Relations) -> Verdict:
    """A street and a town, a town and its region or country, two names of one place are compatible; two towns
    far apart are not. A place the gazetteer does not resolve ("Libby Lake Park", "Harrison Apartments") is never
    said to be elsewhere than a resolved one: nothing in the ledger shows they are apart."""
    if a.street or b.street:
        return Verdict(True, f"{a.label} and {b.label} can both hold (a street address names no town)")
    if a.key == b.key or relations.related(a.key, b.key):
        return Verdict(True, f"{a.label} and {b.label} name the same place")
    if a.geo is None or b.geo is None:  # a venue or street the gazetteer lacks may lie in the other place
        return Verdict(True, f"{a.label} and {b.label} can both hold (no gazetteer entry says they are apart)")
    if a.geo.geonameid == b.geo.geonameid or _distance_km(a.geo, b.geo) <= SAME_PLACE_KM or _within(a.geo, b.geo) \
            or _within(b.geo, a.geo):
        return Verdict(True, f"{a.label} and {b.label} are one place, or one lies in the other")
    return Verdict(False, f"{a.label} and {b.label} are different places ({_distance_km(a.geo, b.geo):.0f} km apart)")


def _within(inner: Geo, outer: Geo) -> bool:
    """A country or first-level division holds the places of its code ("Isfahan" in "Iran")."""
    feature = outer.feature or ""
    if feature.startswith("A.PCL") or feature.startswith("L.") or outer.geonameid < 0:
        return inner.country == outer.country or outer.country is None
    if feature == "A.ADM1":
        return inner.country == outer.country and inner.admin1 == outer.admin1
    return False


def _distance_km(a: Geo, b: Geo) -> float:
    return km(a.lat, a.lon, b.lat, b.lon)


def _one_day(a: str, b: str) -> bool:
    """One day named at two precisions ("Monday night", "10:15 p.m. Monday"): reports round a time differently."""
    day_a = day_of(a)
    return day_a is not None and day_a == day_of(b)


def _overnight(a: str, b: str) -> bool:
    """Consecutive days, one of them with a time of day: "late Saturday" and "early Sunday" may be one night."""
    day_a, day_b = day_of(a), day_of(b)
    return day_a is not None and day_b is not None and abs((day_a - day_b).days) == 1 and ("T" in a or "T" in b)


def date_value(iso: str | None) -> Value | None:
    return Value("date", iso, key=iso) if iso else None


def description_value(text: str) -> Value | None:
    """A target as the text describes it ("an Iranian defense compound"): kept for reading, never disputed; a bare
    pronoun ("him", "who") describes nothing."""
    words = _DETERMINERS.sub("", " ".join(text.split())).strip()
    return Value("description", words, key=words.casefold()) if words and not is_bare(words) else None


# --- comparing -----------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Verdict:
    compatible: bool
    reason: str


def compare(slot: str, a: Value, b: Value, relations: Relations | None = None) -> Verdict:
    """Can both values be true of the same happening? With the reason a person can check."""
    relations = relations or Relations()
    if a.kind != b.kind:
        return Verdict(True, f"{a.label} and {b.label} are not comparable")
    if a.kind == "count":
        return _compare_counts(slot, a, b)
    if a.kind == "magnitude":
        overlap = a.low <= b.high and b.low <= a.high
        return Verdict(overlap, f"magnitude {a.label} {'agrees with' if overlap else 'differs from'} {b.label}")
    if a.kind == "level":
        same = a.low <= b.high and b.low <= a.high
        return Verdict(same, f"{a.label} and {b.label} damage are {'the same level' if same else 'different levels'}")
    if a.kind == "category":
        same = a.key == b.key
        if not same and not {a.key, b.key} <= LAUNCHED_MEANS:
            return Verdict(True, f"{a.label} and {b.label} can both have been used (a knife and a rifle: two acts)")
        return Verdict(same, f"{a.label} and {b.label} are {'the same means' if same else 'different means'}")
    if a.kind == "name":
        if a.key == b.key or a.key in b.key.split() or b.key in a.key.split() or relations.related(a.key, b.key):
            return Verdict(True, f"{a.label} and {b.label} name the same or a containing party")
        return Verdict(False, f"{a.label} and {b.label} are different names")
    if a.kind == "place":
        return _compare_places(a, b, relations)
    if a.kind == "legal":
        apart = conflicting(a, b)
        return Verdict(not apart, f"{a.label} and {b.label} {'disagree on whether a crime was meant' if apart else 'can both hold'}")
    if a.kind == "date":
        same = a.key.startswith(b.key) or b.key.startswith(a.key) or _one_day(a.key, b.key) or _overnight(a.key, b.key)
        return Verdict(same, f"{a.label} and {b.label} {'overlap' if same else 'are different dates'}")
    return Verdict(True, f"{a.label} and {b.label} are descriptions, not compared")


def _compare_counts(slot: str, a: Value, b: Value) -> Verdict:
    what = slot.replace("_", " ")
    if a.share is not None and b.share is not None and abs(a.share - b.share) > 1e-9:
        return Verdict(False, f"{a.label} {what} vs {b.label} {what}")
    if a.share == 1.0 or b.share == 1.0:  # "all": compatible with a bare count whose total is unknown
        return Verdict(True, f"{a.label} {what} and {b.label} {what} can both hold")
    overlap = a.low <= b.high and b.low <= a.high
    return Verdict(overlap, f"{a.label} {what} {'agrees with' if overlap else 'vs'} {b.label} {what}")
