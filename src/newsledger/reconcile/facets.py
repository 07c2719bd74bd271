"""A story's facets: the countries, places and kinds of its happenings, by which the story list is filtered.

Only what the events say counts: a place is a facet when an event happened there and the gazetteer knows it (a
country named in passing is not one), a type when an event of the story has it. Each list is ordered by how many
events say it, then by name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from newsledger.records import Event, Factuality, FindingStatus, Story

FACETS = ("countries", "places", "types")


def story_facets(events: list[Event]) -> dict[str, list[str]]:
    return ranked_facets(facet_counts(events))


def facet_counts(events: list[Event]) -> dict[str, Counter]:
    """How often the story's events (those that happened) name each country, place and PLOVER type."""
    happened = [e for e in events if e.factuality is not Factuality.HYPOTHETICAL]
    geos = [e.place.geo for e in happened if e.place and e.place.geo]
    kinds = [e.plover.type or e.plover.context for e in happened if e.plover and (e.plover.type or e.plover.context)]
    return {"countries": Counter(geo.country for geo in geos if geo.country),
            "places": Counter(geo.name for geo in geos), "types": Counter(kinds)}


def ranked_facets(counts: dict[str, Counter]) -> dict[str, list[str]]:
    """Each facet's values, the most often named first."""
    return {name: sorted(found, key=lambda value: (-found[value], value)) for name, found in counts.items()}


TALLIED = {"corroborated": (FindingStatus.CORROBORATED,), "single_source": (FindingStatus.SINGLE_SOURCE,),
           "updated": (FindingStatus.UPDATED,), "disputed": (FindingStatus.DISPUTED,), "denied": (FindingStatus.DENIED, FindingStatus.NO_COMMENT)}


def tally(statuses: Iterable[str]) -> dict[str, int]:
    """How many of the story's findings have each status, from their statuses (denied counts refusals to comment
    too)."""
    counts = Counter(FindingStatus(status) for status in statuses)
    return {name: sum(counts[s] for s in counted) for name, counted in TALLIED.items()}


#: A story whose articles share less than this (``Story.cohesion``: words and names in common, dates together)
#: gets no findings: its facts are not of one happening. GVA incident stories and PolNeAR's real stories score
#: 0.05 and more; the merged five-month PolNeAR "stories" of unrelated articles scored 0.003–0.006.
MIN_COHESION = 0.03


def comparable(story: Story) -> bool:
    """Whether the story holds together enough to compare its articles' facts (one article always does)."""
    return story.cohesion is None or story.cohesion >= MIN_COHESION
