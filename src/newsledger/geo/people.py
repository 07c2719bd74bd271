"""Words an article uses as a person's name, so a surname that is also a town ("Hale") is not taken for a place
without the other places' support."""

from __future__ import annotations

import re

from newsledger.geo.gazetteer import Gazetteer, normalize

_TITLE = (r"(?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Lt|Sgt|Capt|Det|Officer|Deputy|Coach|Judge|Justice|Sheriff|Mayor|Chief|"
          r"President|Commissioner|Councilman|Councilwoman|Trooper|Pastor|Rev|Prof)\.?")
#: "Mr. Hale", "Mayor Jim Hale": the last word is a person's name.
_TITLED_NAME = re.compile(_TITLE + r"\s+(?:[A-Z][a-z]+\s+)?([A-Z][a-z]+)\b")
#: "Jim Hale": two capitalised words; the second is a surname unless the pair or the first word is a place.
_NAME_PAIR = re.compile(r"\b([A-Z][a-z]+)\s+([A-Z][a-z]+)\b")
#: First words of two-word place names, and words that start sentences, never given names.
_NOT_GIVEN_NAMES = frozenset(
    "new north south east west fort port saint san santa los las lake mount upper lower greater central old "
    "the in at on of from to for and but by with near after before when while as if this that city county "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december".split())
#: Person cues are looked for in this much of the article at most (bounded work on hostile input).
MAX_CUE_CHARS = 200_000


def person_names(text: str, gazetteer: Gazetteer) -> frozenset[str]:
    """Words the article uses as a person's name: after a title ("Mr. Hale") or a given name ("Jim Bandemer")."""
    text = text[:MAX_CUE_CHARS]
    names = {match.group(1) for match in _TITLED_NAME.finditer(text)}
    for match in _NAME_PAIR.finditer(text):
        first, second = match.groups()
        if first.lower() in _NOT_GIVEN_NAMES or first in gazetteer or f"{first} {second}" in gazetteer:
            continue
        names.add(second)
    return frozenset(normalize(name) for name in names)
