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

#: Count slots, in the order a brief lists them.
COUNT_SLOTS = ("launched", "shot_down", "hit", "killed", "injured", "arrested")
SLOTS = ("agent", "target", "place", "time", "weapon", *COUNT_SLOTS, "magnitude", "damage")

_UNITS = {"zero": 0, "no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
          "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
          "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
_VAGUE = {"a dozen": (12, 12), "dozen": (12, 12), "dozens": (24, math.inf), "scores": (40, math.inf),
          "hundreds": (200, math.inf), "thousands": (2_000, math.inf), "tens of thousands": (20_000, math.inf)}
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "last": None, "other": None}

_WORD_NUM = r"(?:" + "|".join(sorted((w for w in _UNITS if w != "no"), key=len, reverse=True)) + r")"
NUMBER = (rf"(?:\d{{1,3}}(?:, ?\d{{3}})+|\d+(?:\. ?\d+)?|tens of thousands|a dozen|dozens|scores|hundreds|thousands"
          rf"|{_WORD_NUM}(?:[- ]{_WORD_NUM})?(?: (?:hundred|thousand|million))?)")
QUANT = (r"(?:at least|more than|over|nearly|almost|about|around|approximately|roughly|some|up to|at most"
         r"|as many as|fewer than|less than|a total of|an estimated|estimated)")
_AFTER_NUMBER_NOT = (r"(?!\s*(?:%|percent|years?|months?|weeks?|days?|nights?|hours?|minutes?|seconds?|times|km"
                     r"|kilometers?|kilometres?|miles?|meters?|metres?|feet|degrees?|magnitude|[-–]magnitude"
                     r"|on the richter|-year|-month|-day|a\.m\.|p\.m\.|am\b|pm\b|gmt|o'clock|:))")

#: Participles a count stands before ("15 people were killed", "two were shot down", "Ten dead").
_PASSIVE = {
    "launched": r"launched|fired",
    "shot_down": r"shot down|intercepted|downed",
    "killed": r"killed|dead|died|murdered|slain|shot dead",
    "injured": r"injured|hurt|wounded|harmed",
    "arrested": r"arrested|detained|apprehended|captured|taken into custody|in custody",
}
#: Verbs a count follows as their object ("killing at least 10 people", "injured 40").
_ACTIVE = {
    "launched": r"launched|launching|fired|firing",
    "shot_down": r"shot down|shooting down|intercepted|intercepting|downed",
    "killed": r"killed|killing|kills|kill|claimed the lives? of|took the lives? of|taking the lives? of|left",
    "injured": r"injured|injuring|injures|injure|wounded|wounding|wounds|hurt|hurting",
    "arrested": r"arrested|arresting|arrests|detained|detaining|took|taken|apprehended|captured|capturing|nabbed",
}
_FILLER_STOP = {"and", "or", "but", "the", "a", "an", "in", "on", "at", "to", "by", "with", "from", "after", "before",
                "that", "which", "who", "when", "while", "as", "than", "if", "said", "says", "say", "has", "have", "had"}
_TIME_WORDS = {"year", "years", "month", "months", "week", "weeks", "day", "days", "night", "nights", "hour", "hours",
               "minute", "minutes", "times", "percent"}

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


@dataclass(frozen=True, slots=True)
class Value:
    """A normalised slot value; ``kind`` says which fields mean something."""

    kind: str  # count, magnitude, level, category, name, date
    label: str  # how a person reads it: "2 of 3", "at least 10", "minor", "drone", "Mossad", "2023-01-28"
    low: float = 0.0
    high: float = 0.0
    share: float | None = None  # counts: 1 for "all", k/n for "k of n"
    key: str = ""


@dataclass(frozen=True, slots=True)
class Found:
    """A value found in a text: its slot, its exact span, and the spans that completed it (a count's total)."""

    slot: str
    start: int
    end: int
    value: Value
    support: tuple[tuple[int, int], ...] = ()


@dataclass
class Relations:
    """Part-of relations the texts state ("Israel's Mossad", "Isfahan, Iran"), between name keys."""

    part_of: set[tuple[str, str]] = field(default_factory=set)

    def related(self, a: str, b: str) -> bool:
        return (a, b) in self.part_of or (b, a) in self.part_of


# --- numbers -------------------------------------------------------------------------------------------------

def parse_number(text: str) -> tuple[float, float] | None:
    """"15" / "1, 400" / "6. 1" / "twenty-five" / "dozens" → (low, high), None when it is not a number."""
    text = text.strip().lower()
    if text in _VAGUE:
        return _VAGUE[text]
    digits = re.fullmatch(r"\d{1,3}(?:, ?\d{3})+|\d+(?:\. ?\d+)?", text)
    if digits:
        n = float(re.sub(r"[, ]", "", text))
        return n, n
    total, current = 0, 0
    for word in re.split(r"[- ]", text):
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1_000:
                total, current = total + current, 0
        else:
            return None
    n = float(total + current)
    return n, n


def count_value(number: str, quantifier: str | None = None, of: float | None = None) -> Value | None:
    parsed = parse_number(number)
    if parsed is None:
        return None
    low, high = parsed
    q = (quantifier or "").lower()
    if q in {"at least", "more than", "over"}:
        high = math.inf
    elif q in {"at most", "up to", "fewer than", "less than"}:
        low = 0.0
    elif q == "as many as":
        low = low * 0.8
    elif q:
        low, high = low * 0.85, high * 1.15
    exact = _num_label(parsed[0]) if parsed[0] == parsed[1] else number.lower()
    label = f"{q} {exact}".strip()
    share = None
    if of:
        share = parsed[0] / of
        label = f"{exact} of {_num_label(of)}"
    return Value("count", label, low, high, share)


def _num_label(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


ALL = Value("count", "all", 0.0, math.inf, 1.0)
NONE = Value("count", "none", 0.0, 0.0, 0.0)


# --- finding values in text ----------------------------------------------------------------------------------

def find_values(text: str, start: int = 0, end: int | None = None, relations: Relations | None = None) -> list[Found]:
    """Counts, magnitudes, damage levels, weapons and agents ("carried out by X") said in ``text[start:end]``, with
    offsets into ``text``.

    Counts in one region are read as one frame: "three drones were launched … two were shot down" makes the
    shot-down count "2 of 3", and "the third hit" a hit of 1 of 3.
    """
    end = len(text) if end is None else end
    region = text[start:end]
    found = _counts(region) + _magnitudes(region) + _damage(region) + _weapons(region) + _agents(region, relations)
    found = _frame(found)
    return sorted((_shift(f, start) for f in found), key=lambda f: (f.start, f.slot))


def _shift(found: Found, by: int) -> Found:
    return Found(found.slot, found.start + by, found.end + by, found.value,
                 tuple((s + by, e + by) for s, e in found.support))


def _counts(text: str) -> list[Found]:
    found: list[Found] = []
    taken: set[tuple[str, int]] = set()

    def add(slot: str, match: re.Match, value: Value | None, start: int | None = None) -> None:
        if value is None or (slot, match.start()) in taken:
            return
        taken.add((slot, match.start()))
        found.append(Found(slot, match.start() if start is None else start, match.end(), value))

    for slot, verbs in _PASSIVE.items():
        # "three drones were launched", "Ten people are killed", "two villagers slightly injured", "80 Hurt"
        pattern = re.compile(
            rf"(?<![\w.,])(?<!no )(?<!No )(?:(?P<q>{QUANT})\s+)?(?!(?:1[89]|20)\d\d\b)(?P<n>{NUMBER})(?:\s+of\s+(?:the\s+)?(?P<of>{NUMBER}))?"
            rf"(?P<fill>(?:\s+[\w-]+){{0,3}}?)\s+(?P<aux>(?:were|was|are|is|have been|had been|has been|been|being|got"
            rf"|have|has|had)\s+)?(?:\w+ly\s+)?(?:{verbs})\b", re.IGNORECASE)
        for m in pattern.finditer(text):
            fill = m.group("fill").lower().split()
            if any(w in _FILLER_STOP or w in _TIME_WORDS or parse_number(w) for w in fill):
                continue
            if "." in m.group("n"):  # counts are whole: "5.2 quake" is a magnitude
                continue
            of = parse_number(m.group("of"))[0] if m.group("of") else None
            if of and not fill and not m.group("aux"):  # "30 of the 80 wounded remained": 80 were wounded
                add(slot, m, count_value(m.group("of")), start=m.start("of"))
                continue
            add(slot, m, count_value(m.group("n"), m.group("q"), of))
        # "they all had been shot down", "all three were killed"
        every = re.compile(rf"\ball(?:\s+(?P<n>{NUMBER}))?(?:\s+of\s+them)?(?:\s+\w+)?\s+(?:had been|have been|were"
                           rf"|was|are)\s+(?:\w+ly\s+)?(?:{verbs})\b", re.IGNORECASE)
        for m in every.finditer(text):
            of = parse_number(m.group("n"))[0] if m.group("n") and parse_number(m.group("n")) else None
            add(slot, m, Value("count", f"all {_num_label(of)}" if of else "all", of or 0.0, of or math.inf, 1.0))
        # "no one was harmed", "none were killed", "no injuries"
        nobody = re.compile(rf"\b(?:no one|nobody|none)(?:\s+\w+)?\s+(?:was|were|had been|has been|is|are)\s+"
                            rf"(?:\w+ly\s+)?(?:{verbs})\b", re.IGNORECASE)
        for m in nobody.finditer(text):
            add(slot, m, NONE)
    for slot, verbs in _ACTIVE.items():
        pattern = re.compile(rf"\b(?:{verbs})\s+(?:(?P<q>{QUANT})\s+)?(?P<n>{NUMBER})\b{_AFTER_NUMBER_NOT}"
                             rf"(?:\s+(?:people|persons|others|more|civilians|men|women|villagers|suspects|pirates"
                             rf"|of them|drones|missiles|rockets)\b)?", re.IGNORECASE)
        for m in pattern.finditer(text):
            if slot == "arrested" and m.group(0).lower().startswith(("took", "taken")) and \
                    not re.match(r"\s+into custody", text[m.end():]):
                continue
            if slot == "killed" and m.group(0).lower().startswith("left") and \
                    not re.match(r"\s+dead", text[m.end():]):
                continue
            add(slot, m, count_value(m.group("n"), m.group("q")))
    for m in re.finditer(r"\bno (?:reported )?(?P<what>injuries|deaths|fatalities|casualties)\b", text, re.IGNORECASE):
        slot = "injured" if m.group("what").lower() == "injuries" else "killed"
        add(slot, m, NONE)
    toll = re.compile(rf"\bdeath toll\b[^.;:!?]{{0,60}}?\b(?:to|at|of|is|was|reached|hit)\s+(?:(?P<q>{QUANT})\s+)?"
                      rf"(?P<n>{NUMBER})\b", re.IGNORECASE)
    for m in toll.finditer(text):
        add("killed", m, count_value(m.group("n"), m.group("q")))
    ordinal = re.compile(rf"\bthe (?P<o>{'|'.join(_ORDINALS)})(?:\s+(?:one|drone|missile|rocket))?\s+(?:hit|struck)\b",
                         re.IGNORECASE)
    for m in ordinal.finditer(text):
        add("hit", m, Value("count", "1", 1.0, 1.0, key=str(_ORDINALS[m.group("o").lower()] or "")))
    return found


def _frame(found: list[Found]) -> list[Found]:
    """Counts of one region as one frame: shares against the launched total, "the third hit" as 1 of 3."""
    launched = [f for f in found if f.slot == "launched" and f.value.low == f.value.high and f.value.share is None]
    if len(launched) != 1:
        return found
    total, support = launched[0].value.low, ((launched[0].start, launched[0].end),)
    framed = []
    for f in found:
        v = f.value
        if f.slot in {"shot_down", "hit"} and v.kind == "count":
            if v.label.startswith("all"):
                v = Value("count", f"all {_num_label(total)}", total, total, 1.0)
            elif v.share is None and v.low == v.high:
                v = Value("count", f"{_num_label(v.low)} of {_num_label(total)}", v.low, v.high, v.low / total)
            f = Found(f.slot, f.start, f.end, v, f.support + support)
        framed.append(f)
    hits = {f.slot: f for f in framed}
    if "shot_down" in hits and "hit" in hits:  # the rest of the frame tells what happened to the others
        shot, hit = hits["shot_down"], hits["hit"]
        framed = [Found(f.slot, f.start, f.end, f.value, f.support + ((hit.start, hit.end),)) if f is shot else f
                  for f in framed]
    return framed


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
            category = weapon_category(m.group("w"))
            if category:
                found.setdefault(m.start("w"), Found("weapon", m.start("w"), m.end("w"),
                                                     Value("category", category, key=category)))
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


# --- names and times -----------------------------------------------------------------------------------------

def name_value(text: str, relations: Relations | None = None) -> Value | None:
    """A proper name's normal form ("the Mossad intelligence agency" → Mossad, "the center of Isfahan, Iran" →
    Isfahan), None for a description ("the building", "The third"). Stripped owners go to ``relations``."""
    name = " ".join(text.replace("’", "'").split()).strip(" ,.;:\"“”")
    name = _DETERMINERS.sub("", name)
    name = _PLACE_FRAMES.sub("", name)
    owner = None
    possessive = re.match(r"^([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)'s\s+(.+)$", name)
    if possessive and possessive.group(2)[:1].isupper():
        owner, name = possessive.group(1), possessive.group(2)
    comma = re.match(r"^([^,]+),\s*([A-Z][\w .-]*)$", name)
    if comma:
        name, owner = comma.group(1), comma.group(2)
    located = re.match(r"^(.+?)\s+(?:in|at|near)\s+([A-Z][\w .-]*)$", name)
    if located and not owner:
        name, owner = located.group(1), located.group(2)
    name = _GENERIC_TAIL.sub("", _DETERMINERS.sub("", name)).strip()
    if not name or not name[0].isupper() or not re.search(r"[A-Z]", name):
        return None
    key = name.casefold()
    if owner and relations is not None:
        relations.part_of.add((key, _GENERIC_TAIL.sub("", _DETERMINERS.sub("", owner.strip())).casefold()))
    return Value("name", name, key=key)


def date_value(iso: str | None) -> Value | None:
    return Value("date", iso, key=iso) if iso else None


def description_value(text: str) -> Value | None:
    """A target as the text describes it ("an Iranian defense compound"): kept for reading, never disputed."""
    words = _DETERMINERS.sub("", " ".join(text.split())).strip()
    return Value("description", words, key=words.casefold()) if words else None


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
        return Verdict(same, f"{a.label} and {b.label} are {'the same means' if same else 'different means'}")
    if a.kind == "name":
        if a.key == b.key or a.key in b.key.split() or b.key in a.key.split() or relations.related(a.key, b.key):
            return Verdict(True, f"{a.label} and {b.label} name the same or a containing party")
        return Verdict(False, f"{a.label} and {b.label} are different names")
    if a.kind == "date":
        same = a.key.startswith(b.key) or b.key.startswith(a.key)
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
