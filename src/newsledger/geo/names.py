"""How a place name is keyed for lookup, shared by the gazetteer and the data sources it is built from."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ABBREVIATION_WORDS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_DROPPED = str.maketrans("", "", ".'’`ʻ")
_SEPARATORS = re.compile(r"[^0-9a-z]+")
_DIGIT = re.compile(r"[0-9]")


def name_key(name: str) -> str:
    """The lookup key of a name: accents and case folded, punctuation dropped, "St."/"Mt."/"Ft." spelt out."""
    if name.isascii():
        name = name.lower()
    else:
        folded = unicodedata.normalize("NFKD", name)
        name = "".join([ch for ch in folded if not unicodedata.combining(ch)]).casefold()
    words = _SEPARATORS.sub(" ", name.replace("&", " and ").translate(_DROPPED)).split()
    if len(words) == 1:
        return _ABBREVIATION_WORDS.get(words[0], words[0])
    return " ".join([_ABBREVIATION_WORDS.get(word, word) for word in words])


#: Queries repeat ("U.S.", "Ohio"), so their keys are cached; loading calls ``name_key`` directly.
normalize = lru_cache(maxsize=65536)(name_key)


def alternate_worth_indexing(name: str) -> bool:
    """Not a short all-capitals code ("IFN") nor a number; other scripts are dropped once the key is made."""
    return len(name) > 1 and not (len(name) <= 4 and name.isupper()) and not _DIGIT.search(name)


#: Longest name looked up; longer "names" are text, not places.
MAX_NAME_CHARS = 80
_LEADING = re.compile(r"^(?:the\s+)", re.IGNORECASE)
_COUNTY_ABBREVIATION = re.compile(r"\s+(?:Co\.|Cnty\.?)$")
_TRAILING = re.compile(r"(?:['’]s|['’])$")


def clean_name(text: str) -> str:
    """The name as the gazetteer lists it: no leading "the", no possessive, no surrounding punctuation."""
    name = " ".join(text.split())[: MAX_NAME_CHARS + 1]
    name = _TRAILING.sub("", _LEADING.sub("", name)).strip(" \"'“”‘’()[],;:")
    return _COUNTY_ABBREVIATION.sub(" County", name)
