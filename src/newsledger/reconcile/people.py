"""Reconcile: one person across a story's articles, named in full in one and by surname alone in another.

Entities are resolved per article ("Gantz" joins "Benny Gantz" when both are in it), so an article that only
says "Gantz" gets an entity of its own (and the small tagger may even call a lone surname a place). Within a
story that would make one person two origins of a claim, and two source groups in the brief. Reads the
attributions' sources and the entities' names; gives back the attributions with such a person's entity replaced
by the fuller name's. The ledger keeps the per-article ids.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Iterable

from newsledger.reconcile.governments import countries_named
from newsledger.records import Attribution, SourceKind

Names = Callable[[Iterable[str]], dict[str, str]]


def same_people(attributions: list[Attribution], names: Names) -> dict[str, str]:
    """The entity id of each person or government the story's sources name by one word → the id of the one
    fuller name of a person among its sources that ends with it ("Gantz" → "Benny Gantz"; "Clinton" stays when
    both Hillary and Bill Clinton speak). A country's name is never a person's ("Israel" is not Israel Katz);
    an organisation named after someone ("Ford", "Bloomberg") is not that someone."""
    named = names({s.entity for a in attributions if (s := a.source) and s.entity and s.kind in _NAMED})
    people = {s.entity for a in attributions if (s := a.source) and s.kind is SourceKind.PERSON}
    by_surname: dict[str, set[str]] = defaultdict(set)
    for entity, name in named.items():
        if entity in people and len(name.split()) > 1:
            by_surname[name.split()[-1]].add(entity)
    merged = {}
    for entity, name in named.items():
        fuller = by_surname.get(name, set()) if len(name.split()) == 1 else set()
        if len(fuller) == 1 and not countries_named(name):
            merged[entity] = next(iter(fuller))
    return merged


def merge_people(attributions: list[Attribution], names: Names) -> list[Attribution]:
    """The attributions with each person ``same_people`` merges under the fuller name's entity."""
    merged = same_people(attributions, names)
    if not merged:
        return attributions
    return [
        dataclasses.replace(a, source=dataclasses.replace(a.source, entity=merged[a.source.entity],
                                                          kind=SourceKind.PERSON))
        if a.source and a.source.entity in merged else a
        for a in attributions
    ]


_NAMED = frozenset((SourceKind.PERSON, SourceKind.GOVERNMENT))  # a lone surname may be tagged a place
