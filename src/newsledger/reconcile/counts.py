"""Counts of people and things ("15 people were killed", "two of three were shot down", "no injuries"), read by
patterns over a region of text, and framed together: shares against the launched total, the injured as those
shot who did not die. See ``slots`` for the normal form of a count.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import replace

from newsledger.reconcile.values import Found, Value

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
    "killed": r"killed|dead|died|murdered|slain|shot dead|shot and killed|shot to death|stabbed to death"
              r"|(?<=fatally )(?:shot|wounded|stabbed)",
    "injured": r"injured|hurt|wounded|harmed|hospitalized|hospitalised|(?:hit|struck) by (?:gunfire|bullets?|a bullet)"
               r"|(?:sustained|suffered) (?:(?:non-?fatal|non-life-threatening|minor|serious|critical|life-threatening)"
               r" )?(?:gunshot |bullet )?(?:wounds|injuries)",
    "arrested": r"arrested|detained|apprehended|captured|taken into custody|in custody",
    # people hit by gunfire, whether they lived or died ("four people were shot"): with the dead it gives the injured
    # "shot at" is a miss ("was shot at but not hit", "shot at officers") unless a place follows ("shot at her home")
    "shot": r"(?<!fatally )shot(?!\s+(?:dead|to death|and killed|down)\b)"
            r"(?!\s+at\s+(?:him|her(?!\s+\w)|them|us|me|police|officers?|deputies|troopers|agents|the (?:officers?|police|deputies|troopers|agents|car|vehicle))\b)"
            r"(?!\s+at\s*(?:[^\w\s]|$|by|but|and|or|from|while|when|as|several|multiple|repeatedly|twice)\b)"
            r"|gunned down(?!\s+and killed)",
}
#: Verbs a count follows as their object ("killing at least 10 people", "injured 40").
_ACTIVE = {
    "launched": r"launched|launching|fired|firing",
    "shot_down": r"shot down|shooting down|intercepted|intercepting|downed",
    "killed": r"killed|killing|kills|kill|claimed the lives? of|took the lives? of|taking the lives? of|left",
    "injured": r"injured|injuring|injures|injure|wounded|wounding|wounds|hurt|hurting",
    "arrested": r"arrested|arresting|arrests|detained|detaining|took|taken|apprehended|captured|capturing|nabbed",
    "shot": r"shot|shooting|shoots|gunned down|gunning down",
}
_PERSON = r"(?:man|men|woman|women|person|people|victim|victims|teen|teens|teenager|teenagers|boy|boys|girl|girls)"
_FILLER_STOP = {"and", "or", "but", "the", "a", "an", "in", "on", "at", "to", "by", "with", "from", "after", "before",
                "that", "which", "who", "when", "while", "as", "than", "if", "said", "says", "say", "has", "have", "had"}
#: Words that open a clause of their own inside an "including …" aside, whose verb is then not the count's.
_CLAUSE_WORDS = {"who", "that", "which", "when", "while", "after", "before", "as", "was", "were"}
_TIME_WORDS = {"year", "years", "month", "months", "week", "weeks", "day", "days", "night", "nights", "hour", "hours",
               "minute", "minutes", "times", "percent"}


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


def find_counts(text: str) -> list[Found]:
    if not _COUNTED.search(text):
        return []  # no word any count pattern ends or starts with: most regions of a story
    found: list[Found] = []
    taken: set[tuple[str, int]] = set()

    def add(slot: str, match: re.Match, value: Value | None, start: int | None = None) -> None:
        if value is None or (slot, match.start()) in taken:
            return
        taken.add((slot, match.start()))
        found.append(Found(slot, match.start() if start is None else start, match.end(), value))

    for slot, (pattern, every, nobody) in _PASSIVE_PATTERNS.items():
        for m in pattern.finditer(text):
            fill = m.group("fill").lower().split()
            if any(w in _FILLER_STOP or w in _TIME_WORDS or _AGE_WORD.fullmatch(w) or parse_number(w) for w in fill):
                continue  # "17 year-old female were shot": an age, not seventeen people
            if slot in _PEOPLE_SLOTS and _an_age(text, m):
                continue
            if m.group("aside") and _CLAUSE_WORDS & set(m.group("aside").lower().replace(",", " ").split()):
                continue  # "two people including a man who was shot": the participle is the aside's own
            if "." in m.group("n"):  # counts are whole: "5.2 quake" is a magnitude
                continue
            of = parse_number(m.group("of"))[0] if m.group("of") else None
            if of and not fill and not m.group("aux"):  # "30 of the 80 wounded remained": 80 were wounded
                add(slot, m, count_value(m.group("of")), start=m.start("of"))
                continue
            value = count_value(m.group("n"), m.group("q"), of)
            if value is not None and slot == "shot" and {"other", "others"} & set(fill):
                value = replace(value, key="others")  # "three others were shot": besides the dead
            add(slot, m, value)
        for m in every.finditer(text):
            of = parse_number(m.group("n"))[0] if m.group("n") and parse_number(m.group("n")) else None
            add(slot, m, Value("count", f"all {_num_label(of)}" if of else "all", of or 0.0, of or math.inf, 1.0))
        for m in nobody.finditer(text):
            add(slot, m, NONE)
    for slot, pattern in _ACTIVE_PATTERNS.items():
        for m in pattern.finditer(text):
            if slot == "arrested" and m.group(0).lower().startswith(("took", "taken")) and \
                    not re.match(r"\s+into custody", text[m.end():]):
                continue
            if slot == "killed" and m.group(0).lower().startswith("left") and \
                    not re.match(r"\s+dead", text[m.end():]):
                continue
            add(slot, m, count_value(m.group("n"), m.group("q")))
    for slot, single in ONE_PERSON_PATTERNS.items():
        for m in single.finditer(text):
            if not any(f.slot == slot and f.start <= m.start() and m.end() <= f.end for f in found):
                add(slot, m, count_value("one"))  # not one of a count ("four, including an 8-year-old, were shot")
    for m in _FATALLY.finditer(text):
        add("killed", m, count_value(m.group("n")))
    for slot, another in _ANOTHER_PATTERNS.items():
        for m in another.finditer(text):
            add(slot, m, count_value("one"))
    for m in _NO_CASUALTIES.finditer(text):
        slot = "injured" if m.group("what").lower() == "injuries" else "killed"
        add(slot, m, NONE)
    for m in _TOLL.finditer(text):
        add("killed", m, count_value(m.group("n"), m.group("q")))
    for m in _ORDINAL.finditer(text):
        add("hit", m, Value("count", "1", 1.0, 1.0, key=str(_ORDINALS[m.group("o").lower()] or "")))
    if not any(f.slot in _PEOPLE_SLOTS for f in found):
        return found
    tallies = _tallies(text)
    return [f for f in found if f.slot not in _PEOPLE_SLOTS or not tallies(f.start)]


_PEOPLE_SLOTS = {"killed", "injured", "shot"}


def _tallies(text: str) -> Callable[[int], bool]:
    """Whether the sentence at an offset sums up many happenings: "eight people were killed and 46 wounded in
    shootings across Chicago over Labor Day weekend", "at least 35 people have been shot since Friday afternoon",
    "133 children killed since January 1, 2014". A tally of a city, a holiday weekend or a year is not one
    incident's count; a shooting "over the weekend", or "the deadliest since 2017", is one. Each sentence is looked
    at once (a long text of many counts costs its length)."""
    starts = [0, *(m.end() for m in _SENTENCE_END.finditer(text))]
    said: dict[int, bool] = {}

    def tally(offset: int) -> bool:
        i = bisect_right(starts, offset) - 1
        if i not in said:
            sentence = text[starts[i]:starts[i + 1] if i + 1 < len(starts) else len(text)]
            said[i] = bool(_TALLY.search(sentence)) or bool(
                _SINCE.search(sentence) and _PERFECT.search(sentence) and not _SUPERLATIVE_SINCE.search(sentence))
        return said[i]

    return tally


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])|\n")
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
#: What scopes a count over many happenings: several shootings or incidents ("in 17 shootings across the city", "in
#: separate incidents", "in citywide shootings", "in Chicago shootings"), or a span of time ("over the Labor Day
#: weekend", "from Tuesday afternoon to early Wednesday", "in the past two weeks", "so far this year"; not "over the
#: weekend", nor "in Israeli attacks").
_TALLY = re.compile(
    rf"\b(?:in|across|during)\s+(?:(?:at least|more than|\d+|{_WORD_NUM}|several|multiple|separate|different"
    rf"|citywide|overnight|weekend|violent|shooting|gun|other)\s+){{1,3}}(?:shootings|incidents|attacks)\b"
    rf"|\bin\s+(?:(?-i:(?!The\b)[A-Z][\w.'’-]*)\s+)?shootings\b|\bshootings\s+(?:across|around|throughout)\b"
    rf"|\bacross the (?:city|country|state|nation)\b"
    rf"|\bover (?:the\s+)?(?:(?:[\w'’-]+\s+){{0,3}}?holiday|(?-i:(?!The\b|This\b|Last\b)[A-Z0-9][\w'’-]*)"
    rf"(?:\s+[\w'’-]+){{0,3}}?)\s+weekend\b"
    rf"|\b(?:\d+|{_WORD_NUM}|several|multiple)\s+(?:[\w-]+\s+){{0,2}}?shootings\b"
    rf"|\ba series of\s+(?:[\w-]+\s+){{0,2}}?shootings\s+(?:that|which)\b"
    rf"|\bfrom\s+(?:early\s+|late\s+)?{_WEEKDAY}\b[^.;!?]{{0,40}}?\b(?:to|until|through)\b"
    rf"|\bso far this\b|\bin (?:the (?:past|last)|recent) (?:[\w-]+\s+)?(?:days|weeks|months|years)\b"
    rf"|\b(?:years?|months?) ending\b", re.IGNORECASE)
#: A count since a time is a tally when said in the present perfect ("have been shot since Friday", "there have
#: been … since January 1, 2014") or as a running total ("the number of people shot since Wednesday"), not when it
#: ranks one happening ("the deadliest in Gaza since October") or tells of someone ("had been on the run since").
_SINCE = re.compile(rf"\bsince\s+(?:(?:last|early|late|the)\s+)?(?:{_WEEKDAY}|{_MONTH}|\d{{4}}\b|the (?:start|beginning) of)",
                    re.IGNORECASE)
_PERFECT = re.compile(r"\b(?:have|has)\s+(?:been|died)\b|\bthe (?:number|total|toll)\b", re.IGNORECASE)
_SUPERLATIVE_SINCE = re.compile(r"\b(?:\w+iest|worst|largest|biggest|greatest|highest|first|most)\b[^.;!?]{0,60}?"
                                r"\bsince\b", re.IGNORECASE)
#: A hyphenated age in a count's words: "17 year-old female" is one person of seventeen.
_AGE_WORD = re.compile(r"(?:year|month|week|day)s?-olds?")


def _an_age(text: str, m: re.Match) -> bool:
    """Whether the number before a participle is someone's age, not a count of people: as a bound ("a boy younger
    than 12 was shot", "under the age of 10"), in digits right after a person's name ("Jerry Trivon Coleman, 31 all
    died"; not "In Fort Worth, 12 were shot", "Late Sunday, 4 were wounded"), or above one with a singular verb ("12
    was shot": a count's subject would be plural)."""
    before = text[max(0, m.start() - 40):m.start()]
    if _AGE_BOUND.search(before):
        return True
    name = _AFTER_NAME.search(text, max(0, m.start() - 80), m.start())  # "^": the text's start, not the window's
    if name and m.group("n").isdigit() and m.group("fill").split() in ([], ["all"]) and not _CALENDAR.search(name[0]):
        return True
    n = parse_number(m.group("n"))
    aux = (m.group("aux") or "").split()
    return bool(aux and n and n[0] > 1 and aux[0].lower() in ("was", "is", "has") and not m.group("of")
                and not m.group("fill").strip())


_AGE_BOUND = re.compile(r"\b(?:(?:younger|older) than|under the age of|ages?(?: of)?(?: \d{1,2} (?:to|and|through))?)"
                        r"\s+$", re.IGNORECASE)
#: A person's name and its comma, opening a clause ("…, 21; and Jerry Trivon Coleman, 31 all died"), not a place after
#: a preposition ("In Fort Worth, 12 were shot") nor a possessive's ("Ukraine's Air Force, 30 drones").
_AFTER_NAME = re.compile(r"(?:^|[;,\n]\s*|\band\s+)(?!(?:In|On|At|By|For|From|Near|After|Before|During|Since|Across"
                         r"|Throughout|Outside|Inside|The|A|An)\b)(?:[A-Z][a-z'’-]+\s+){1,3}[A-Z][a-z'’-]+,\s*$")
_CALENDAR = re.compile(rf"\b(?:{_WEEKDAY}|{_MONTH}|late|early)\b", re.IGNORECASE)


def frame_counts(found: list[Found]) -> list[Found]:
    """Counts of one region as one frame: shares against the launched total, "the third hit" as 1 of 3; the
    injured of a shooting from those shot and those killed."""
    besides_dead = [f for f in found if f.slot == "shot" and f.value.key == "others"]  # not the number shot
    return [f for f in _framed_launches(found) if f not in besides_dead] + _wounded_of_shot(found)


def _framed_launches(found: list[Found]) -> list[Found]:
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


def _wounded_of_shot(found: list[Found]) -> list[Found]:
    """The injured of a shooting the text counts by those shot and those killed ("four people were shot, one
    fatally": three injured), when it does not count them itself; the value shows both spans."""
    shot = [f for f in found if f.slot == "shot" and _exact(f.value)]
    killed = [f for f in found if f.slot == "killed" and _exact(f.value)]
    if any(f.slot == "injured" for f in found) or len(shot) != 1 or len({f.value.low for f in killed}) != 1:
        return []
    total, dead = shot[0].value.low, killed[0].value.low
    injured = total if shot[0].value.key == "others" else total - dead
    if injured < 0:
        return []
    return [Found("injured", shot[0].start, shot[0].end, Value("count", _num_label(injured), injured, injured),
                  shot[0].support + ((killed[0].start, killed[0].end),))]


def _exact(value: Value) -> bool:
    return value.kind == "count" and value.low == value.high and value.share is None

# --- the patterns, compiled once ---------------------------------------------------------------------------------

#: Per slot: "three drones were launched" (a count before its participle), "all three were killed", "no one was
#: harmed" ("no one else was hurt" too: besides those told of, who may be hurt or dead, which this pattern cannot
#: tell; reading it as no count cost an ECB+ reconcile item). Not a number after a hyphen ("a K-9 dog was
#: injured"), nor one whose people are joined to others ("A man and child were injured" is not one).
_PASSIVE_PATTERNS = {
    slot: (
        re.compile(rf"(?<![\w.,-])(?<!no )(?<!No )(?:(?P<q>{QUANT})\s+)?(?!(?:1[89]|20)\d\d\b|(?<=['’])\d\d\b)(?P<n>{NUMBER})"
                   rf"(?:\s+of\s+(?:the\s+)?(?P<of>{NUMBER}))?(?P<fill>(?:\s+(?!and\b|or\b)[\w-]+){{0,3}}?)"
                   rf"(?P<aside>,?\s+including\s+[^.;:!?()]{{1,60}}?,?)?\s+(?P<aux>(?:were|was|are"
                   rf"|is|have been|had been|has been|been|being|got|have|has|had)\s+)?(?:\w+ly\s+)?(?:{verbs})\b",
                   re.IGNORECASE),
        re.compile(rf"\ball(?:\s+(?P<n>{NUMBER}))?(?:\s+of\s+them)?(?:\s+\w+)?\s+(?:had been|have been|were"
                   rf"|was|are)\s+(?:\w+ly\s+)?(?:{verbs})\b", re.IGNORECASE),
        re.compile(rf"\b(?:no one|nobody|none)(?:\s+\w+)?\s+(?:was|were|had been|has been|is|are)\s+"
                   rf"(?:\w+ly\s+)?(?:{verbs})\b", re.IGNORECASE),
    )
    for slot, verbs in _PASSIVE.items()
}
#: Per slot: a count after its verb ("killing at least 10 people").
_ACTIVE_PATTERNS = {
    slot: re.compile(rf"\b(?:{verbs})\s+(?:(?P<q>{QUANT})\s+)?(?P<n>{NUMBER})\b{_AFTER_NUMBER_NOT}"
                     rf"(?:\s+(?:people|persons|others|more|civilians|men|women|villagers|suspects|pirates"
                     rf"|of them|drones|missiles|rockets)\b)?", re.IGNORECASE)
    for slot, verbs in _ACTIVE.items()
}
#: "A man died and four other people were wounded", "a 19-year-old woman was shot", "left a man dead": one.
#: A word for one person, as counts and victim phrases read it.
ONE_PERSON = (r"(?:man|woman|person|teen|teenager|boy|girl|child|baby|toddler|infant|victim|student|officer|deputy"
               r"|mother|father|son|daughter|resident|driver|passenger|bystander|suspect|gunman|shooter|juvenile"
               r"|\d{1,3}-year-old|youth|trooper|clerk|employee|customer|guard|neighbor|relative|cousin|brother|sister"
               r"|husband|wife|boyfriend|girlfriend|friend|grandmother|grandfather|uncle|aunt|nephew|niece)")
#: A transitive participle needs its auxiliary ("a man was shot"; "a gunman shot" is the shooter); "died" and
#: "is dead" say it alone. Not one joined to others: "a man and child were injured", "two men and a woman".
_ALONE = r"(?:(?!and\b|or\b)[\w'’-]+\s+){0,3}?"
ONE_PERSON_PATTERNS = {
    slot: re.compile(rf"(?<![\w-])(?:(?<!and )(?<!or )(?:a|an|one)\s+{_ALONE}{ONE_PERSON}"
                     rf"|another(?:\s+{_ALONE}{ONE_PERSON})?)\s+(?:was|is|has been"
                     rf"|had been)\s+(?:\w+ly\s+)?(?:{_PASSIVE[slot]})\b", re.IGNORECASE)
    for slot in ("killed", "injured", "shot")
}
#: "and" after a clause's verb ("were killed and …"), not after a person ("two men and a woman wounded").
_AFTER_A_CLAUSE = "|".join(f"(?<=\\b{verb} and )" for verb in ("killed", "dead", "died", "shot", "slain"))
ONE_PERSON_PATTERNS["injured"] = re.compile(  # "three were killed and a 12-year-old girl wounded": the verb gapped
    ONE_PERSON_PATTERNS["injured"].pattern
    + rf"|(?:{_AFTER_A_CLAUSE})(?:a|an|one|another)\s+{_ALONE}{ONE_PERSON}\s+(?:wounded|injured|hurt)\b", re.IGNORECASE)
ONE_PERSON_PATTERNS["killed"] = re.compile(
    ONE_PERSON_PATTERNS["killed"].pattern
    + rf"|(?<![\w-])(?:a|an|one)\s+(?:[\w'’-]+\s+){{0,3}}?{ONE_PERSON}\s+(?:died|is dead|was dead)\b"
    + rf"|\bleft\s+(?:a|an|one)\s+(?:[\w'’-]+\s+){{0,3}}?{ONE_PERSON}\s+dead\b", re.IGNORECASE)
#: "four people were shot, two fatally", "…, one man fatally"
_FATALLY = re.compile(rf"(?<![\w-])(?P<n>{NUMBER})(?:\s+of them|\s+{_PERSON})?\s+fatally\b", re.IGNORECASE)
#: One person as a verb's object: "left three dead and injured another", "killing his mother and wounding his
#: 16-year-old brother", "shot a deputy and fled" — not one joined to others ("wounding a man and a woman"), nor
#: one fatally shot. Not for the killed: one of a family's dead ("killed his wife") led over the story's count (GVA
#: tune: 3 incidents gained, 3 lost), and ``derived.one_dead`` counts a single death where no number is told.
_ONE_OBJECT = (rf"(?:a|an|one|his|her|their)\s+{_ALONE}{ONE_PERSON}(?![\w'’-])"
               rf"(?!\s+(?:and|or)\s+(?!(?-i:[a-z]+(?:ing|ed))\b))"  # "and fled", not "and Fred"
               rf"(?!\s*,\s*(?:a|an|one|his|her|their|\d))"  # not the first of a list
               rf"(?![^.;!?]*?\band\s+(?:a|an|one|another|his|her|their)\s)")  # "a man in the leg and a woman …"
_ANOTHER_PATTERNS = {
    "killed": re.compile(rf"\b(?:{_ACTIVE['killed']})\s+another\b", re.IGNORECASE),
    **{slot: re.compile(rf"\b(?<!fatally )(?<!mortally )(?:{_ACTIVE[slot]})\s+(?:another\b|{_ONE_OBJECT})",
                        re.IGNORECASE)
       for slot in ("injured", "shot")}}
_NO_CASUALTIES = re.compile(r"\bno (?:reported )?(?P<what>injuries|deaths|fatalities|casualties)\b", re.IGNORECASE)
_TOLL = re.compile(rf"\bdeath toll\b[^.;:!?]{{0,60}}?\b(?:to|at|of|is|was|reached|hit)\s+(?:(?P<q>{QUANT})\s+)?"
                   rf"(?P<n>{NUMBER})\b", re.IGNORECASE)
_ORDINAL = re.compile(rf"\bthe (?P<o>{'|'.join(_ORDINALS)})(?:\s+(?:one|drone|missile|rocket))?\s+(?:hit|struck)\b",
                      re.IGNORECASE)
#: Every word a count pattern needs, in one pass: a region without any has no count.
_COUNTED = re.compile("|".join(
    [*_PASSIVE.values(), *_ACTIVE.values(), r"fatally", r"\bno (?:reported )?(?:injuries|deaths|fatalities|casualties)",
     r"death toll", r"\bhit\b", r"\bstruck\b"]), re.IGNORECASE)
