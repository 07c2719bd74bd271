"""Named entities of one article, keyed to ledger-wide entity ids.

The id comes from the canonical name alone, so the same entity in two articles meets without a lookup:
"Gantz" resolves to "Benny Gantz" when the article names him in full, and a small alias table folds the
usual country forms ("U.S.", "America", "the United States").
"""

from __future__ import annotations

import hashlib
import re

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from newsledger.extract import cues
from newsledger.records import EntityMention

LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW"}

ALIASES = {
    "u.s.": "United States",
    "us": "United States",
    "u.s.a.": "United States",
    "usa": "United States",
    "america": "United States",
    "united states": "United States",
    "united states of america": "United States",
    "u.k.": "United Kingdom",
    "uk": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "u.n.": "United Nations",
    "un": "United Nations",
    "nyt": "New York Times",
    "wsj": "Wall Street Journal",
}

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def entity_id(name: str) -> str:
    """A stable id from the canonical name, case- and space-insensitive."""
    key = " ".join(name.casefold().split())
    return "ent_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def canonical(surface: str) -> str:
    """The surface without a leading "the", a possessive ending or stray spaces, with aliases folded."""
    name = _POSSESSIVE.sub("", " ".join(surface.split())).strip()
    name = _LEADING_THE.sub("", name)
    return ALIASES.get(name.casefold(), name)


def entity_mentions(doc: Doc) -> list[EntityMention]:
    """The article's entity mentions; a person's short name joins the fullest name it ends or starts."""
    spans = [_without_headline_verb(ent) for ent in doc.ents if ent.label_ in LABELS]
    spans = [ent for ent in spans if canonical(ent.text)]
    full_names = [canonical(ent.text) for ent in spans if ent.label_ == "PERSON" and len(ent) > 1]
    found = []
    for ent in spans:
        name = canonical(ent.text)
        if ent.label_ == "PERSON":
            name = _fullest_person(name, full_names)
        found.append(_mention(ent, name))
    return found


def _without_headline_verb(ent: SpacySpan) -> SpacySpan:
    """A headline's "Obama Says …" tagged as one name: the speech verb it ends with is no part of the person."""
    if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].is_title and ent[-1].lower_.endswith("s") \
            and ent[-1].lower_[:-1] in cues.CUE_VERBS:
        return SpacySpan(ent.doc, ent.start, ent.end - 1, label=ent.label_)
    return ent


def _fullest_person(name: str, full_names: list[str]) -> str:
    """The one longer name this name starts or ends ("Gantz" -> "Benny Gantz"); itself when none or ambiguous."""
    parts = name.split()
    candidates = {
        full for full in full_names
        if full != name and parts in (full.split()[-len(parts):], full.split()[: len(parts)])
    }
    return candidates.pop() if len(candidates) == 1 else name


def _mention(ent: SpacySpan, name: str) -> EntityMention:
    start, end = ent.start_char, ent.end_char
    surface = ent.text
    trimmed = _POSSESSIVE.sub("", surface)
    end -= len(surface) - len(trimmed)
    return EntityMention(
        entity=entity_id(name), name=name, label=ent.label_, start=start, end=end, surface=trimmed
    )


class EntityIndex:
    """Finds the entity of a character span: the mention it covers or that covers it."""

    def __init__(self, mentions: list[EntityMention]) -> None:
        self._mentions = sorted(mentions, key=lambda m: (m.start, m.end))

    def entity_at(self, start: int, end: int) -> str | None:
        best: EntityMention | None = None
        for mention in self._mentions:
            if mention.start >= end:
                break
            if mention.end <= start:
                continue
            if best is None or _preference(mention) > _preference(best):
                best = mention
        return best.entity if best else None


def _preference(mention: EntityMention) -> tuple[int, int]:
    """People and organisations speak; among overlapping mentions prefer them, then the longer one."""
    return (mention.label in {"PERSON", "ORG"}, mention.end - mention.start)
