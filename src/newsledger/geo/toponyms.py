"""Toponym candidates in a spaCy Doc: the named entities that are places, plus, conservatively, capitalised names
the NER missed that the gazetteer knows and the sentence uses as a place ("in Karaj", "Harwinton, Conn.").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from newsledger.geo.gazetteer import Gazetteer

#: spaCy's labels for geopolitical entities, other locations and facilities (buildings, roads, bridges).
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Words before a name that say it is where something is or happened.
LOCATIVE_WORDS = frozenset({"in", "at", "near", "from", "outside", "across", "throughout", "to", "into", "around",
                            "toward", "towards", "through", "of"})
#: Longest name the gap-filling looks for, in tokens.
MAX_NAME_TOKENS = 4
_LEADING_ARTICLE = re.compile(r"^(?:the|The)\s+")


def toponyms(doc: "Doc", gazetteer: "Gazetteer | None" = None) -> list[tuple[int, int, str]]:
    """``(start_char, end_char, text)`` of each place name in the Doc, in text order.

    Place entities come first; with a gazetteer, capitalised names outside any entity are added when the
    gazetteer lists them as a populated place or an administrative area and a locative word precedes them or a
    comma and a known state or country follow ("Springfield, Ill."). Short PERSON entities are looked at the same
    way, as the small English model often reads a town as a person."""
    found = [_trimmed(ent) for ent in doc.ents if ent.label_ in PLACE_LABELS]
    if gazetteer is not None:
        found.extend(_missed_names(doc, gazetteer))
    found = sorted({span for span in found if span[2]})
    kept: list[tuple[int, int, str]] = []
    for span in found:  # the longer of two overlapping spans wins
        if kept and span[0] < kept[-1][1]:
            if span[1] - span[0] > kept[-1][1] - kept[-1][0]:
                kept[-1] = span
            continue
        kept.append(span)
    return kept


def _trimmed(ent: "Span") -> tuple[int, int, str]:
    text = ent.text
    match = _LEADING_ARTICLE.match(text)
    start = ent.start_char + (match.end() if match else 0)
    text = text[match.end():] if match else text
    if text.endswith(("'s", "’s")):
        text = text[:-2]
    return start, start + len(text), text


def _missed_names(doc: "Doc", gazetteer: "Gazetteer"):
    """Capitalised runs outside place entities that the gazetteer confirms and the context marks as places; a
    short PERSON entity may be one ("in Alexandria": the small model often takes a town for a person)."""
    covered = {token.i for ent in doc.ents if not _maybe_misread(ent) for token in ent}
    index = 0
    while index < len(doc):
        token = doc[index]
        if token.i in covered or not _capitalised(token):
            index += 1
            continue
        end = index
        while end < len(doc) and end - index < MAX_NAME_TOKENS and doc[end].i not in covered and _capitalised(doc[end]):
            end += 1
        span = doc[index:end]
        if _placelike(span, gazetteer):
            yield span.start_char, span.end_char, span.text
        index = end


def _maybe_misread(ent: "Span") -> bool:
    return ent.label_ == "PERSON" and len(ent) <= 2


def _capitalised(token) -> bool:
    return token.is_alpha and token.text[:1].isupper() and not token.is_sent_start


def _placelike(span: "Span", gazetteer: "Gazetteer") -> bool:
    candidates = [c for c in gazetteer.lookup(span.text) if c.main_name]
    if not any(c.entry.feature_class in "PA" for c in candidates):
        return False
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in LOCATIVE_WORDS:
        return True
    after = span.doc[span.end: span.end + 3]
    if len(after) >= 2 and after[0].text == ",":
        qualifier = after[1].text + (after[2].text if len(after) > 2 and after[2].text == "." else "")
        return gazetteer.abbreviation(qualifier, after_comma=True) is not None or any(
            c.main_name and c.entry.feature_code in ("ADM1", "PCLI") for c in gazetteer.lookup(after[1].text))
    return False
