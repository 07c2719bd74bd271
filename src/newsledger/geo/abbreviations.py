"""Abbreviated place names that news writes and GeoNames does not list as names.

Each maps to the record it abbreviates by code: a country by ISO code, a US state by its GeoNames admin1 code
(the postal code), so "Ga." is the state of Georgia and never the country. The forms are the AP Stylebook's
state abbreviations and the common short forms of countries; postal codes ("IL") are words too ("IN", "OR",
"ME"), so they count only where a comma ties them to a place before them ("Springfield, IL").
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

#: Short forms of countries -> ISO alpha-2 code (matched after normalization: "U.S." and "US" are one key).
COUNTRY_FORMS = {
    "us": "US", "usa": "US", "united states of america": "US", "america": "US", "the us": "US",
    "uk": "GB", "britain": "GB", "great britain": "GB", "england and wales": "GB",
    "uae": "AE", "drc": "CD", "prc": "CN", "dprk": "KP", "rok": "KR", "ussr": "RU", "soviet union": "RU",
}

#: AP Stylebook state abbreviations (and a few common variants) -> US admin1 (postal) code.
STATE_FORMS = {
    "ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "cal": "CA", "colo": "CO", "conn": "CT", "del": "DE",
    "fla": "FL", "ga": "GA", "ill": "IL", "ind": "IN", "kan": "KS", "kans": "KS", "ky": "KY", "la": "LA",
    "md": "MD", "mass": "MA", "mich": "MI", "minn": "MN", "miss": "MS", "mo": "MO", "mont": "MT", "neb": "NE",
    "nebr": "NE", "nev": "NV", "nh": "NH", "nj": "NJ", "nm": "NM", "ny": "NY", "nc": "NC", "nd": "ND",
    "okla": "OK", "ore": "OR", "oreg": "OR", "pa": "PA", "penn": "PA", "ri": "RI", "sc": "SC", "sd": "SD",
    "tenn": "TN", "tex": "TX", "vt": "VT", "va": "VA", "wash": "WA", "wva": "WV", "w va": "WV", "wis": "WI",
    "wisc": "WI", "wyo": "WY", "dc": "DC",
}

#: Forms that are also everyday words or names: taken only as a qualifier after a comma ("Paris, Tenn." is; "Ga."
#: alone is too), never as a mention on their own when written without the period.
WORD_LIKE_FORMS = {"ill", "ind", "mass", "miss", "mo", "ore", "wash", "del", "la", "cal", "penn"}

#: US postal codes: only after a comma.
POSTAL_CODES = {
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
    "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH",
    "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
}

#: Short forms of cities, matched on the text as written (normalized "L.A." would be "la", Louisiana's "La.").
CITY_FORMS = {"L.A.": "Los Angeles", "N.Y.C.": "New York City", "NYC": "New York City"}


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonym key ("russian") -> ISO code: corpora like LGL annotate "Russian officials" as naming Russia."""
    path = resources.files("newsledger.geo") / "data" / "demonyms.tsv"
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        demonym, code = line.split("\t")
        table[demonym.casefold()] = code
    return table


def demonym_country(text: str) -> str | None:
    """The ISO code of the country a demonym ("Russian", "Palestinians") names, if it is one."""
    word = text.strip().casefold()
    table = demonyms()
    if word in table:
        return table[word]
    if word.endswith("s") and word[:-1] in table:
        return table[word[:-1]]
    return None
