"""A slot's value is never a bare pronoun: "disputed — 'He' vs 'It'" compares nothing, and "target: who" tells a
desk nothing. The event extractor keeps the words of the text ("He shot her", "a man who was shot"), so here a
pronoun is taken back to what it stands for when the ledger's records say so, else the value is dropped:

* a relative pronoun ("who", "that", "which") stands for the noun phrase just before it ("a 20-year-old man,
  who was shot") — read from the text, within the sentence;
* a personal pronoun stands for the person the attribution extractor resolved at that place (its antecedent
  resolution: "he said" → "Gary Smith"), or for the resolved pronoun source of the same gender nearest before it
  in the same sentence ("he told police he was shot twice" — both "he" are one man);
* anything else ("It", "This", "one", "I" unresolved) is dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from newsledger.records import Attribution

PERSONAL = {
    **dict.fromkeys(("he", "him", "his", "himself"), "m"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "f"),
    **dict.fromkeys(("they", "them", "their", "themselves"), "p"),
    **dict.fromkeys(("i", "me", "my", "myself"), "1"),
    **dict.fromkeys(("we", "us", "our", "ourselves"), "1p"),
}
RELATIVE = frozenset(("who", "whom", "whose", "that", "which"))
#: Words that stand for something else and name nothing themselves.
BARE = frozenset(PERSONAL) | RELATIVE | frozenset((
    "it", "its", "itself", "you", "your", "yourself", "this", "these", "those", "one", "ones", "someone", "somebody",
    "anyone", "anybody", "everyone", "everybody", "no one", "nobody", "something", "anything", "everything",
    "another", "other", "others", "each", "both", "all", "some", "any", "none", "such", "what", "whoever",
))
#: How far back a relative pronoun's noun phrase may start, in characters.
RELATIVE_REACH = 120
#: A word of a noun phrase: no preposition or conjunction ("the death of a woman who" takes up "a woman").
_NOUN_WORD = r"(?!(?:of|and|or|but|in|at|to|on|for|with|from|by|as|the|a|an)\b)[\w'’-]+"
#: A noun phrase that ends right before a relative pronoun: a determiner or number and up to five words
#: ("a 20-year-old man", "the two teenagers"), or a capitalised name with an age ("John Smith, 24,").
_BEFORE_RELATIVE = re.compile(
    rf"(?P<np>\b(?i:a|an|the|his|her|their|two|three|four|five|\d+)\s+(?:{_NOUN_WORD}\s+){{0,4}}?{_NOUN_WORD}"
    r"|\b[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})(?:,\s*\d{1,3})?\s*,?\s*$")
#: "who" takes up a person: the phrase it stands for names one (a name, an age, a person noun), else it is a
#: place or thing the pronoun passed over ("the driver of the car, who" is not "the car").
_PERSON = re.compile(r"\b[A-Z][a-z]|\d+-year-old|\b(?:man|men|woman|women|boy|girl|child|children|teen\w*|"
                     r"person|people|victims?|officers?|deputy|deputies|driver|guards?|students?|residents?|wife|"
                     r"husband|son|daughter|mother|father|brother|sister|friends?|neighbou?rs?|others|suspects?|"
                     r"juveniles?|toddler|baby|infant|customers?|employees?|clerk|worker|gunman|shooter)\b")
PERSON_RELATIVES = frozenset(("who", "whom", "whose"))
_WORD = re.compile(r"[\w'’-]+")


def is_bare(text: str) -> bool:
    """Whether the words are only a pronoun or determiner ("He", "them", "who", "This")."""
    return " ".join(_WORD.findall(text.casefold())) in BARE


class Antecedents:
    """The pronouns of one article taken back to what they stand for; the resolved sources are sorted once, so
    each look-up bisects (an article of thousands of pronouns stays near linear)."""

    def __init__(self, text: str, attributions: Sequence[Attribution]) -> None:
        self.text = text
        self._resolved = sorted((a.source.start, a.source.resolved, PERSONAL.get(a.source.text.strip().casefold()))
                                for a in attributions if a.source is not None and a.source.resolved)
        self._starts = [item[0] for item in self._resolved]

    def of(self, start: int, end: int) -> str | None:
        """What the pronoun ``text[start:end]`` stands for, when the text or the records say so; else None."""
        word = " ".join(_WORD.findall(self.text[start:end].casefold()))
        if word in RELATIVE:
            phrase = _relative(self.text, start)
            return None if phrase and word in PERSON_RELATIVES and not _PERSON.search(phrase) else phrase
        if word in PERSONAL:
            return self._personal(start, PERSONAL[word])
        return None

    def _personal(self, start: int, gender: str) -> str | None:
        """The resolved pronoun source at ``start``, else the nearest one of the same gender before it in the
        sentence (further back, another person is too often named in between)."""
        sentence_start = max(self.text.rfind(mark, 0, start) for mark in (".", "!", "?", "\n")) + 1
        i = bisect_right(self._starts, start) - 1
        while i >= 0 and self._resolved[i][0] >= sentence_start:
            position, name, its_gender = self._resolved[i]
            if position == start or its_gender == gender:
                return name
            i -= 1
        return None


def _relative(text: str, start: int) -> str | None:
    window = text[max(0, start - RELATIVE_REACH):start]
    window = re.split(r"[.!?;\n]", window)[-1]  # within the sentence
    found = _BEFORE_RELATIVE.search(window)
    if not found:
        return None
    phrase = found.group("np").strip(" ,")
    return None if is_bare(phrase) else phrase
