"""Whether a name names the article's own outlet: "told The Post" in the Post is first-hand, no relay."""

from __future__ import annotations

import re

from newsledger.extract import cues


def names_outlet(name: str, outlet: str | None) -> bool:
    """Whether ``name`` ("The Washington Post", "The Post", "USA TODAY's video series") names the outlet
    given as a name or slug ("The Washington Post", "wash-post", "nyt", "washingtonpost.com"): the outlet's
    words begin the name's words in order, or are its initials; a short form ("The Post") names it when
    the full name it shortens (from ``cues.MEDIA_NAMES``) does."""
    if not outlet:
        return False
    wanted = _outlet_words(outlet)
    words = _outlet_words(name)
    if not wanted or not words:
        return False
    full_names = [_outlet_words(full) for full in cues.MEDIA_NAMES if _abbreviates(wanted, _outlet_words(full))]
    return _abbreviates(wanted, words) or any(len(words) == 1 and full[-1] == words[0] for full in full_names)


def _outlet_words(name: str) -> list[str]:
    lowered = re.sub(r"(?:'s|’s)\b", "", name.lower())
    lowered = re.sub(r"^(?:https?://)?(?:www\.)?|\.(?:com|org|net|co\.uk)\b.*$", "", lowered)
    return [w for w in re.split(r"[^a-z0-9]+", lowered) if w and w != "the"]


def _abbreviates(wanted: list[str], words: list[str]) -> bool:
    """"wash post" begins "washington post …" (a one-word outlet must be the whole first word: "hill" does
    not begin "hillary"); "nyt" is the initials of "new york times"; "huffpost" is "huff post" written solid."""
    if len(wanted) == 1 and words[0] == wanted[0]:
        return True
    if 1 < len(wanted) <= len(words) and all(w.startswith(x) for x, w in zip(wanted, words)):
        return True
    solid = "".join(wanted)
    return solid == "".join(words) or (len(words) > 1 and solid == "".join(w[0] for w in words))
