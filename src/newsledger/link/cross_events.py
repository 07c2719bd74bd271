"""Cross-document events of a story: its event mentions clustered by the coreference model, each cluster one
happening with its type, participants, places and times, and every mention as evidence.

Mentions are compared only within an event type (a launch and an interception are different happenings even
when the model's lexical features say otherwise), which also keeps the pairwise cost of large stories down, and
two mentions that name different places or times are never one happening.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from newsledger.extract.timex.values import day_of
from newsledger.link.coref import CorefModel, document_similarity, resolve
from newsledger.records import CrossEvent, Event, EventType
from newsledger.shipped import load as load_shipped


def cross_events(
    story: str, events: list[Event], features: dict[str, dict[str, Any]], model: CorefModel | None = None,
    known: dict[str, list[int]] | None = None,
) -> list[CrossEvent]:
    """The story's happenings; ``features`` maps each article to its linker features with "event_mentions";
    ``known``: the labels of mention groups clustered before (``coref.resolve``), which it gains the new ones'."""
    model = model or load_shipped("event_coref")
    described = describe_mentions(features)
    by_type: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        if event.id in described:
            by_type[kind_of(event)].append(event)
    similarity = document_similarity(features)
    found = []
    for group in by_type.values():
        labels = resolve([described[e.id] for e in group], similarity, model, known=known)
        clusters: dict[int, list[Event]] = defaultdict(list)
        for event, label in zip(group, labels):
            clusters[label].append(event)
        for members in clusters.values():
            found.extend(split_by_place_and_time(members))
    return sorted((_record(story, members) for members in merge_incidents(found)), key=lambda c: c.id)


#: Kinds of happening that are one violent incident when a story reports them at one time and place: a shooting
#: and the deaths and wounds it caused ("shot", "killed", "wounded", "died") are one happening whose facts are
#: the dead and the injured, not three happenings each with a part of them.
INCIDENT_TYPES = {EventType.ATTACK, EventType.DEATH, EventType.DAMAGE}


def merge_incidents(groups: list[list[Event]]) -> list[list[Event]]:
    """Join the story's violent happenings that do not disagree on town or day, each into the largest one it is
    compatible with (largest: most articles, then mentions); an attack keeps its own type and leads. Each
    incident keeps its towns and days, so a group is checked against them, not against all its mentions."""
    ranked = sorted(groups, key=lambda g: (-len({e.article for e in g}), -len(g),
                                           min((e.article, e.trigger.start) for e in g)))
    kept: list[tuple[list[Event], set[str], set]] = []
    for group in ranked:
        towns, days = {t for e in group if (t := event_town(e))}, {d for e in group if (d := event_day(e))}
        if group[0].type in INCIDENT_TYPES:
            home = next((k for k in kept if k[0][0].type in INCIDENT_TYPES and compatible(k[1], k[2], towns, days)),
                        None)
            if home is not None:
                members, home_towns, home_days = home
                members.extend(group)
                home_towns |= towns
                home_days |= days
                if group[0].type is EventType.ATTACK and members[0].type is not EventType.ATTACK:
                    members.sort(key=lambda e: e.type is not EventType.ATTACK)  # the incident is the attack
                continue
        kept.append((list(group), towns, days))
    return [members for members, _, _ in kept]


def compatible(towns_a: set[str], days_a: set, towns_b: set[str], days_b: set) -> bool:
    if towns_a and towns_b and not towns_a & towns_b:
        return False
    return not days_a or not days_b or any(abs((x - y).days) <= 1 for x in days_a for y in days_b)


def event_day(event: Event):
    return day_of(event.time.value) if event.time else None


def kind_of(event: Event) -> str:
    """What a happening must share to be one: its kind, and for kinds of their own in PLOVER only (a protest, a
    resignation), its PLOVER type — a protest and a resignation are never one happening."""
    if event.type is EventType.OTHER and event.plover is not None:
        return f"other:{event.plover.type or event.plover.context}"
    return event.type.value


def split_by_place_and_time(members: list[Event]) -> list[list[Event]]:
    """Mentions that name different towns, or different times, are different happenings: split a cluster by
    town, then by time; a mention that names neither joins the part of the nearest mention in its article
    that does ("the strike" two sentences after "the attack in Isfahan"), else the largest part. A street
    address or a building says nothing against a town: reports of one shooting name "Cerise Avenue", "a party"
    and "Hawthorne"."""
    parts = _split(members, event_town)
    return [piece for part in parts for piece in _split(part, _year_or_date)]


def event_town(event: Event) -> str | None:
    place = event.place
    if place is None or place.kind in ("address", "site"):
        return None
    return str(place.geo.geonameid) if place.geo else place.text.casefold()


def _year_or_date(event: Event) -> str | None:
    return event.time.value if event.time and event.time.value else None


def _split(members: list[Event], key) -> list[list[Event]]:
    keyed: dict[str, list[Event]] = defaultdict(list)
    loose = []
    for event in members:
        value = key(event)
        (keyed[value] if value is not None else loose).append(event)
    keyed = _merge_prefixes(keyed)
    if len(keyed) <= 1:
        return [members]
    near: dict[str, list[tuple[int, str]]] = defaultdict(list)  # (trigger start, part) of each placed mention, by article
    for value, group in keyed.items():
        for other in group:
            near[other.article].append((other.trigger.start, value))
    for event in loose:
        value = _nearest(event, keyed, near[event.article])
        keyed[value].append(event)
        near[event.article].append((event.trigger.start, value))
    return list(keyed.values())


def one_time(a: str, b: str) -> bool:
    """"2023" and "2023-01-28" do not conflict: one value is a prefix of the other."""
    return a.startswith(b) or b.startswith(a)


def _merge_prefixes(keyed: dict[str, list[Event]]) -> dict[str, list[Event]]:
    """A value joins a longer one it is a prefix of (``one_time``)."""
    merged: dict[str, list[Event]] = {}
    for value in sorted(keyed, key=len, reverse=True):
        target = next((longer for longer in merged if one_time(longer, value)), value)
        merged.setdefault(target, []).extend(keyed[value])
    return merged


def _nearest(event: Event, keyed: dict[str, list[Event]], same_article: list[tuple[int, str]]) -> str:
    """The part of the nearest placed mention in the event's article (``same_article``), else the largest part."""
    same_article = [(abs(start - event.trigger.start), value) for start, value in same_article]
    if same_article:
        return min(same_article)[1]
    return max(keyed, key=lambda value: len(keyed[value]))


def describe_mentions(features: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Each event mention the linker described, by id, with its article under "doc" (as ``coref.resolve`` reads
    them)."""
    return {m["id"]: {**m, "doc": article} for article, f in features.items() for m in f.get("event_mentions", [])}


def _record(story: str, members: list[Event]) -> CrossEvent:
    """The happening of these mentions: of the first one's type (``merge_incidents`` puts an attack first), named
    by the first in article order."""
    kind = members[0].type
    members = sorted(members, key=lambda e: (e.article, e.trigger.start))
    said = said_by(members)
    return CrossEvent(f"x_{members[0].id}", story, kind, [e.id for e in members],
                      list(dict.fromkeys(e.article for e in members)), *(by_frequency(said[name]) for name in SAID))


#: What a happening's record lists of its mentions, each most often said first.
SAID = ("triggers", "participants", "places", "times")


def said_by(members: list[Event]) -> dict[str, list[str]]:
    """What the mentions say, in their order: their triggers, participants, places and times."""
    return {"triggers": [e.trigger.text for e in members],
            "participants": [span.text for e in members for span in (e.agent, e.patient) if span],
            "places": [e.place.text for e in members if e.place],
            "times": [e.time.value for e in members if e.time and e.time.value]}


def by_frequency(values) -> list[str]:
    """Distinct values, most often said first (ties in order of appearance)."""
    counts = Counter(values)
    return [value for value, _ in counts.most_common()]
