"""Which country's government a source speaks for, so that one government quoted twice is one origin.

"Iranian officials", "Iran's Defense Ministry", "Tehran" and "the Iranian government" are one party: counting
them as two independent confirmations would be the same mistake as counting two outlets that repeat one wire.
A source speaks for a government when its name names exactly one country (by name, demonym or seat of
government, from the table below) and either the extractor calls it a government, or its description (up to
the first comma) is nothing but that country, government roles and qualifiers: "senior Iranian officials",
"U.S. intelligence", "Iran's foreign minister, Hossein Amir Abdollahian". "Iranian witnesses", "a Russian
analyst" or "American Red Cross officials" name a country but are no office of its state, so they keep their
own origin; so does a named official whose name is in the description ("Kremlin spokesman Dmitry Peskov"), a
miss we accept rather than merge a body that is not the state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True, slots=True)
class Country:
    name: str  # how explanations name it
    names: tuple[str, ...]  # names, demonyms and seats of government, lower case


COUNTRIES = (
    Country("Afghanistan", ("afghanistan", "afghan", "kabul")),
    Country("Armenia", ("armenia", "armenian", "yerevan")),
    Country("Australia", ("australia", "australian", "canberra")),
    Country("Azerbaijan", ("azerbaijan", "azerbaijani", "baku")),
    Country("Brazil", ("brazil", "brazilian", "brasilia", "brasília")),
    Country("Canada", ("canada", "canadian", "ottawa")),
    Country("China", ("china", "chinese", "beijing", "people's republic of china")),
    Country("Cuba", ("cuba", "cuban", "havana")),
    Country("Egypt", ("egypt", "egyptian", "cairo")),
    Country("France", ("france", "french", "paris", "elysee", "élysée")),
    Country("Germany", ("germany", "german", "berlin")),
    Country("India", ("india", "indian", "new delhi")),
    Country("Indonesia", ("indonesia", "indonesian", "jakarta")),
    Country("Iran", ("iran", "iranian", "tehran", "islamic republic")),
    Country("Iraq", ("iraq", "iraqi", "baghdad")),
    Country("Israel", ("israel", "israeli", "jerusalem", "tel aviv")),
    Country("Italy", ("italy", "italian", "rome")),
    Country("Japan", ("japan", "japanese", "tokyo")),
    Country("Jordan", ("jordan", "jordanian", "amman")),
    Country("Lebanon", ("lebanon", "lebanese", "beirut")),
    Country("Libya", ("libya", "libyan", "tripoli")),
    Country("Mexico", ("mexico", "mexican", "mexico city")),
    Country("Netherlands", ("netherlands", "dutch", "the hague")),
    Country("Nigeria", ("nigeria", "nigerian", "abuja")),
    Country("North Korea", ("north korea", "north korean", "pyongyang")),
    Country("Pakistan", ("pakistan", "pakistani", "islamabad")),
    Country("Poland", ("poland", "polish", "warsaw")),
    Country("Qatar", ("qatar", "qatari", "doha")),
    Country("Russia", ("russia", "russian", "moscow", "kremlin", "russian federation")),
    Country("Saudi Arabia", ("saudi arabia", "saudi", "riyadh")),
    Country("South Korea", ("south korea", "south korean", "seoul")),
    Country("Spain", ("spain", "spanish", "madrid")),
    Country("Syria", ("syria", "syrian", "damascus")),
    Country("Taiwan", ("taiwan", "taiwanese", "taipei")),
    Country("Turkey", ("turkey", "turkish", "ankara", "türkiye")),
    Country("Ukraine", ("ukraine", "ukrainian", "kyiv", "kiev")),
    Country("United Arab Emirates", ("united arab emirates", "uae", "u.a.e.", "emirati", "abu dhabi")),
    Country("United Kingdom", ("united kingdom", "britain", "great britain", "british", "uk", "u.k.", "london",
                               "downing street", "whitehall")),
    Country("United States", ("united states", "u.s.", "u.s", "usa", "u.s.a.", "america", "american", "washington",
                              "white house", "pentagon", "state department")),
    Country("Venezuela", ("venezuela", "venezuelan", "caracas")),
    Country("Yemen", ("yemen", "yemeni", "sanaa", "sana'a")),
)

# Words of an office of state; with the qualifiers that may come with them, what is left of a description once
# they and its country are taken out must be nothing for it to speak for the government.
_OFFICE_WORDS = (r"government|administration|authorities|regime|cabinet|ministry|ministries|minister|ministers"
                 r"|premier|president|presidency|spokes\w+|officials?|diplomats?|embassy|ambassador|envoy|consulate"
                 r"|military|army|navy|air force|armed forces|forces|defen[cs]e|foreign|interior|intelligence|office"
                 r"|security|services?|revolutionary guards?|agency")
OFFICES = re.compile(rf"\b(?:{_OFFICE_WORDS})\b", re.IGNORECASE)
GOVERNMENT_WORDS = re.compile(
    rf"\b(?:{_OFFICE_WORDS}|prime|state|the|a|an|senior|top|high-ranking|some|several|current)\b|'s\b",
    re.IGNORECASE)


#: Places inside a country whose names hold a country's name or seat: their officials are no national government.
SUBNATIONAL = re.compile(r"\b(?:new mexico|british columbia|new south wales|western australia|south australia"
                         r"|washington state|state of washington|washington,? d\.?c\.?|paris, texas)\b", re.IGNORECASE)
#: Branches that are not the government speaking: courts, legislatures and police check or oppose the executive,
#: so "a U.S. federal court" and "the White House" are two origins.
OTHER_BRANCHES = re.compile(r"\b(?:courts?|judges?|justices|congress\w*|senat\w*|lawmakers?|legislat\w*"
                            r"|parliament\w*|police|opposition|tribal)\b", re.IGNORECASE)


@cache
def _country_pattern() -> tuple[re.Pattern[str], dict[str, Country]]:
    by_name = {name: country for country in COUNTRIES for name in country.names}
    names = sorted(by_name, key=len, reverse=True)  # "north korea" before "korea", "u.s.a." before "u.s."
    alternatives = "|".join(re.escape(name) for name in names)
    by_name["us"] = by_name["u.s."]  # "US officials"; only in capitals, as "us" is a pronoun
    return re.compile(rf"(?<![\w.])(?:{alternatives}|(?-i:US))(?!\w)", re.IGNORECASE), by_name


def countries_named(text: str) -> set[Country]:
    """The countries a name mentions: "Iran's Defense Ministry" → {Iran}; "the Obama administration in the
    United States" → {United States}; "New Mexico officials" → none."""
    pattern, by_name = _country_pattern()
    text = SUBNATIONAL.sub(" ", text.replace("’", "'"))
    return {by_name[match.group(0).casefold()] for match in pattern.finditer(text)}


def government_of(description: str, is_government: bool) -> Country | None:
    """The country whose government a source so described speaks for: exactly one country named, no court,
    legislature or police, and either the source is a government (by the extractor's kind) or its description
    is nothing but that country and offices of state, with at least one office ("Jordan" or "Paris" alone may
    be a person). None otherwise — two countries ("Iran's envoy to Russia") are not guessed between."""
    named = countries_named(description)
    if len(named) != 1 or OTHER_BRANCHES.search(description):
        return None
    if not is_government:
        pattern, _ = _country_pattern()
        head = description.replace("’", "'").split(",")[0]
        offices = pattern.sub(" ", head)
        if re.search(r"\w", GOVERNMENT_WORDS.sub(" ", offices)) or not OFFICES.search(offices):
            return None
    return next(iter(named))
