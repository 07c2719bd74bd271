"""Splitting a coreference cluster where its mentions name different places or times."""

from __future__ import annotations

from newsledger.link.cross_events import split_by_place_and_time
from newsledger.records import Event, EventType, Place, Span, TimeValue


def _event(article: str, start: int, place: str | None = None, time: str | None = None) -> Event:
    return Event(
        id=f"{article}:e{start}",
        article=article,
        trigger=Span("attack", start, start + 6),
        type=EventType.ATTACK,
        place=Place(place, 0, len(place)) if place else None,
        time=TimeValue("t", 0, 1, value=time) if time else None,
    )


def _ids(parts):
    return sorted(sorted(e.id for e in part) for part in parts)


def test_different_places_split_and_placeless_mentions_follow_the_nearest():
    karaj, tehran, near_tehran = _event("a", 100, "Karaj"), _event("a", 300, "Tehran"), _event("a", 320)
    karaj_again, karaj_once_more, other_article = _event("b", 9, "Karaj"), _event("b", 90, "Karaj"), _event("c", 5)
    parts = split_by_place_and_time([karaj, tehran, near_tehran, karaj_again, karaj_once_more, other_article])
    assert _ids(parts) == [["a:e100", "b:e9", "b:e90", "c:e5"], ["a:e300", "a:e320"]]  # c joins the larger part


def test_same_place_in_other_case_and_nested_dates_stay_together():
    parts = split_by_place_and_time([
        _event("a", 1, "Isfahan", "2023"), _event("b", 1, "isfahan", "2023-01-28"), _event("c", 1),
    ])
    assert len(parts) == 1


def test_different_dates_split():
    parts = split_by_place_and_time([_event("a", 1, time="2022"), _event("b", 1, time="2023-01-28")])
    assert len(parts) == 2


def test_an_incident_is_of_its_attack_s_type_and_named_by_its_first_mention_in_article_order():
    from dataclasses import replace

    from newsledger.link.cross_events import _record, merge_incidents

    death = replace(_event("a", 5), id="a:e5", type=EventType.DEATH)
    attack = _event("b", 9)
    (incident,) = [_record("s", members) for members in merge_incidents([[death], [attack]])]
    assert incident.type is EventType.ATTACK and incident.id == "x_a:e5" and incident.mentions == ["a:e5", "b:e9"]
