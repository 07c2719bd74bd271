"""When a finding's value matches a registry fact (the facts bench's rules, written once and tested).

* a count matches when the value's number equals the registry's ("3", "three", "3 dead");
* a date matches when the value names the registry's day (a time of that day included);
* a place matches when the gazetteer placed it within ``NEAR_KM`` of the registry's coordinates (a neighbourhood
  or the town itself; the registry's point is the address), or when it names the registry's city or neighbourhood ("Chicago (Roseland)" gives both), the
  county of "X County", or the street of the address ("the 3500 block of South Parnell Avenue" against
  "3500 block of S Parnell Ave" shares "parnell"; "Third Street" is "3rd St"; "1400 block of R Street" is on "1417
  R Street"). A state alone is too coarse to match.
"""

from __future__ import annotations

import re

from newsledger.extract.timex.values import day_of
from newsledger.geo.distance import km

WORD_NUMBERS = {word: number for number, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
WORD_NUMBERS.update({"no": 0, "none": 0, "nobody": 0, "a": 1, "an": 1, "single": 1, "both": 2, "couple": 2})
#: Words of an address that say what kind of way it is, not which one.
STREET_WORDS = {"block", "of", "the", "and", "at", "near", "street", "st", "avenue", "ave", "road", "rd", "drive", "dr",
                "boulevard", "blvd", "lane", "ln", "court", "ct", "place", "pl", "way", "highway", "hwy", "parkway",
                "pkwy", "terrace", "circle", "north", "south", "east", "west", "n", "s", "e", "w", "ne", "nw", "se",
                "sw", "route", "interstate", "i", "us", "county", "apartment", "apt", "unit", "suite"}


def count_of(value: str) -> int | None:
    """The number a count value states: its first numeral or number word ("3", "three dead"), else None."""
    for word in re.findall(r"[a-z]+|\d+", value.lower()):
        if word.isdigit():
            return int(word)
        if word in WORD_NUMBERS:
            return WORD_NUMBERS[word]
    return None


def count_matches(value: str, registry: int) -> bool:
    return count_of(value) == registry


def date_matches(value: str, registry: str) -> bool:
    day = day_of(value.strip())
    return day is not None and day.isoformat() == registry


def place_matches(value: str, city_or_county: str, address: str) -> bool:
    words = set(_words(value))
    if not words:
        return False
    for name in _place_names(city_or_county):
        name_words = _words(name)
        if name_words and set(name_words) <= words:
            return True
    address_words = _words(address)
    street = [w for w in address_words if w not in STREET_WORDS and not w.isdigit() and len(w) > 2]
    if street:
        return set(street) <= words
    letter = _letter_street(address_words)  # "1417 R Street": a street named by one letter
    return letter is not None and letter in _letter_streets(_words(value))


NEAR_KM = 20.0


def near_registry(geo: dict | None, lat_lon: tuple[float, float] | None) -> bool:
    """Whether a resolved place lies within ``NEAR_KM`` of the registry's point."""
    if not geo or not lat_lon:
        return False
    return km(geo["lat"], geo["lon"], *lat_lon) <= NEAR_KM


def _place_names(city_or_county: str) -> list[str]:
    """"Chicago (Roseland)" → Chicago, Roseland; "Wayne County" → Wayne County."""
    return [part.strip() for part in re.split(r"[()]", city_or_county) if part.strip()]


def _words(text: str) -> list[str]:
    """Lower-case words, ordinals as written in an address ("Third" is "3rd")."""
    return [_ORDINALS.get(word, word) for word in re.findall(r"[a-z0-9]+", text.lower().replace("saint ", "st "))]


_ORDINALS = {word: f"{n}{suffix}" for n, (word, suffix) in enumerate(
    [("", ""), ("first", "st"), ("second", "nd"), ("third", "rd"), ("fourth", "th"), ("fifth", "th"), ("sixth", "th"),
     ("seventh", "th"), ("eighth", "th"), ("ninth", "th"), ("tenth", "th")]) if word}


def _letter_street(words: list[str]) -> str | None:
    found = _letter_streets(words)
    return found[0] if len(found) == 1 else None


def _letter_streets(words: list[str]) -> list[str]:
    """One-letter street names: a letter followed by a street word ("R Street", "K St")."""
    return [word for word, following in zip(words, words[1:])
            if len(word) == 1 and word.isalpha() and word not in STREET_WORDS and following in STREET_TYPES]


#: Words that say a way is a street ("R Street", "K St"), not a direction, a unit or a county.
STREET_TYPES = {"street", "st", "avenue", "ave", "road", "rd", "drive", "dr", "boulevard", "blvd", "lane", "ln",
                "court", "ct", "place", "pl", "way", "terrace", "circle", "parkway", "pkwy"}
