"""Qualifiers: the country or division the text itself ties a place name to, after it ("Springfield, Ill.",
"Karaj, Iran") or before it as its owner ("Iran's Kerman province", "the Austrian capital of Vienna"). Each looks at
a bounded window of text next to the name, so the work per mention is constant.
"""

from __future__ import annotations

import re

from newsledger.geo.gazetteer import Gazetteer, GeoEntry
from newsledger.geo.names import clean_name

#: "Iran's ", "New York's ": a place's owner, possessive, right before its name.
_OWNER_BEFORE = re.compile(r"\b([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})['’]s\s+$")
#: "the Austrian capital of ", "the Iranian city of ", "the Danish island of ".
_KIND_OF_BEFORE = re.compile(r"\b([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})\s+(?:capital|city|town|village|port|port city|"
                             r"island|province|region|state|resort|suburb|district|county)\s+of\s+$")
_QUALIFIER = re.compile(r"\s*,\s*((?:[A-Z][\w.]*\.?)(?:\s+[A-Z][\w.]*\.?){0,2})")


def qualifier_after(text: str, end: int, gazetteer: Gazetteer) -> GeoEntry | None:
    """The country or division written right after a name and a comma ("Springfield, Ill.")."""
    match = _QUALIFIER.match(text, end, min(len(text), end + 40))
    if not match:
        return None
    words = match.group(1).split()
    for size in range(len(words), 0, -1):
        entry = country_or_division(" ".join(words[:size]), gazetteer)
        if entry is not None:
            return entry
    return None


def qualifier_before(text: str, start: int, gazetteer: Gazetteer) -> GeoEntry | None:
    """The country or division written just before a name as its owner: "Iran's Kerman province", "the Austrian
    capital of Vienna", "the Iranian city of Isfahan" (a country's name or demonym, possessive or before a word for
    a kind of place and "of")."""
    window = text[max(0, start - 60): start]
    match = _OWNER_BEFORE.search(window) or _KIND_OF_BEFORE.search(window)
    if not match:
        return None
    words = match.group(1).split()
    for size in range(len(words), 0, -1):  # "New York's" whole; "Vienna. Iran's" by its last word
        entry = country_or_division(" ".join(words[-size:]), gazetteer)
        if entry is not None:
            return entry
    return None


def country_or_division(phrase: str, gazetteer: Gazetteer) -> GeoEntry | None:
    """The country or first-level division a phrase names: an abbreviation or demonym ("Ill.", "Austrian"), or a
    name a country or division goes by (a country's everyday names count as its own)."""
    entry = gazetteer.abbreviation(phrase, after_comma=True)
    if entry is None:
        entry = next((c.entry for c in gazetteer.lookup(clean_name(phrase))
                      if (c.main_name or c.entry.feature_code.startswith("PCL")) and c.entry.feature_code in ("ADM1", "PCLI", "PCLS", "PCLD")), None)
    return entry


def qualified(entry: GeoEntry, qualifiers: list[GeoEntry]) -> bool:
    """Whether the record lies in one of the qualifying countries or divisions."""
    for qualifier in qualifiers:
        if qualifier.feature_code.startswith("PCL"):
            if entry.country == qualifier.country:
                return True
        elif entry.country == qualifier.country and entry.admin1 == qualifier.admin1:
            return True
    return False
