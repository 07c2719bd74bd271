"""Facts a story states only through another: the injured as the people shot when no death is told, one dead when
one person's death is told without a number."""

from __future__ import annotations

from newsledger.reconcile.derived import (
    counted_victims,
    counts_told,
    injured_from_counts,
    injured_from_shot,
    injured_less_killed,
    one_dead,
    one_wounded,
)
from newsledger.records import (
    Actor,
    Event,
    EventType,
    Evidence,
    Factuality,
    Finding,
    FindingStatus,
    SlotValue,
    Span,
)


def _count(slot, n, event="e1", high="same"):
    normal = {"low": n, "high": n if high == "same" else high}
    value = SlotValue(str(n), [Evidence("a1", f"{n} were shot", 0, 5)], [], ["WSVN"], normal)
    return Finding("", "s", event, slot, FindingStatus.SINGLE_SOURCE, [value], 1, f"{slot}: {n}")


def test_the_people_shot_are_the_injured_when_no_report_counts_a_death():
    (injured,) = injured_from_shot([_count("shot", 3)], [])
    assert (injured.slot, injured.values[0].value, injured.status) == ("injured", "3", FindingStatus.SINGLE_SOURCE)
    assert injured.values[0].evidence[0].text == "3 were shot" and "no report counts anyone killed" in \
        injured.explanation
    assert injured_from_shot([_count("shot", 3), _count("killed", 0)], [])  # "no one was killed" is no death


def test_nothing_is_derived_when_a_death_or_the_injured_are_counted():
    assert injured_from_shot([_count("shot", 3), _count("killed", 1, event="e2")], []) == []
    assert injured_from_shot([_count("shot", 3), _count("killed", 1, high=None)], []) == []  # "at least one killed"
    assert injured_from_shot([_count("shot", 3), _count("injured", 3)], []) == []  # below 3 is a part: see below
    died = Event("m1", "a1", Span("died", 10, 14), EventType.DEATH, patient=Actor("the teen", 0, 8))
    assert injured_from_shot([_count("shot", 3)], [died]) == []  # "the teen died": no count, still a death
    no_one = Event("m1", "a1", Span("die", 10, 13), EventType.DEATH)  # "more likely to die from gunshot injuries"
    assert injured_from_shot([_count("shot", 3)], [no_one])
    denied = Event("m1", "a1", Span("died", 10, 14), EventType.DEATH, factuality=Factuality.DENIED)
    assert injured_from_shot([_count("shot", 3)], [denied])


def _death(victim, trigger="died", factuality=Factuality.ASSERTED):
    patient = None if victim is None else Actor(victim, 0, len(victim))
    return Event(f"m-{victim}-{trigger}", "a1", Span(trigger, 40, 44), EventType.DEATH, patient=patient,
                 factuality=factuality)


def test_a_story_that_tells_of_one_persons_death_counts_one_dead():
    deaths = [_death("15-year-old Robert Durrum"), _death("Durrum"), _death(None, "murder"), _death("he")]
    assert [e.patient.text for e in one_dead(deaths)] == ["15-year-old Robert Durrum", "Durrum", "he"]
    assert one_dead([_death("the teen")])  # a description alone: one person
    assert one_dead([_death("he")]) and one_dead([_death("her", "killed")])  # a pronoun for one person: one
    assert one_dead([_death("they")]) == [] and one_dead([_death("them", "killed")]) == []
    # An age in words is one person's, not a number of people (GVA reports).
    assert one_dead([_death("A seven-year-old boy"), _death("the two year old")])
    assert one_dead([_death("two teens")]) == []


def test_no_count_of_one_when_the_victims_may_be_several():
    assert one_dead([_death("a man and a woman")]) == []
    assert one_dead([_death("Seven people", "killed"), _death("a man", "killed")]) == []
    assert one_dead([_death("One")]) == []  # a bare "one" adds no one…
    assert one_dead([_death("Ethan Payne"), _death("one", "death")])  # …and does not hide the one named
    assert one_dead([_death("Julian Bryant"), _death("Aynis Vargas")]) == []  # two victims named apart
    # A description's capitalised words name no one: the officer and Davey may be one person (GVA)
    assert one_dead([_death("The Environmental Conservation police officer"), _death("Davey")])
    assert one_dead([_death("He"), _death("John Smith")])  # "He was pronounced dead": a pronoun is no name
    assert one_dead([_death("the boy", factuality=Factuality.DENIED)]) == []
    assert one_dead([_death(None, "murder")]) == []  # no victim told


def test_one_person_shot_and_no_death_told_is_one_injured():
    shot = Event("m-shot", "a1", Span("shot", 40, 44), EventType.ATTACK, patient=Actor("A 16-year-old girl", 0, 18))
    assert one_wounded([shot]) == [shot]
    him = Event("m-him", "a1", Span("shot", 40, 44), EventType.ATTACK, patient=Actor("him", 45, 48))
    assert one_wounded([him]) == [him]  # "his brother accidentally shot him in the foot" (GVA)
    raid = Event("m-raid", "a1", Span("raid", 40, 44), EventType.ATTACK, patient=Actor("a home", 0, 6))
    assert one_wounded([raid]) == []  # an attack that hits no person
    assert one_wounded([shot, _death("the girl")]) == []  # she died: not injured
    two = Event("m-two", "a1", Span("shot", 40, 44), EventType.ATTACK, patient=Actor("two teens", 0, 9))
    assert one_wounded([shot, two]) == []


def test_one_injured_beside_a_suspects_death_and_from_an_injury():
    # GVA: "a Randolph County deputy was shot … the suspect died from a self-inflicted gunshot wound"
    deputy = Event("m-deputy", "a1", Span("shot", 40, 44), EventType.ATTACK, patient=Actor("a deputy", 0, 8))
    assert one_wounded([deputy, _death("the suspect")]) == [deputy]
    assert one_wounded([deputy, _death("the suspect"), _death("a woman")]) == []  # someone else died
    suspect_shot = Event("m-s", "a1", Span("shot", 40, 44), EventType.ATTACK, patient=Actor("the suspect", 0, 11))
    assert one_wounded([suspect_shot]) == []  # the suspect's own wound: who shot whom is not told
    injured = Event("m-inj", "a1", Span("injured", 30, 37), EventType.DAMAGE,
                    patient=Actor("Nicholas Cardillo III", 0, 21))
    assert one_wounded([injured]) == [injured]  # "Nicholas Cardillo III, 46, was injured"
    damage = Event("m-dmg", "a1", Span("damage", 30, 36), EventType.DAMAGE, patient=Actor("the house", 0, 9))
    assert one_wounded([damage]) == []
    # a death a story counts one of does not keep it from counting one injured
    assert [(slot, n) for slot, _, n in counts_told([deputy, _death("the suspect")], set())] == [
        ("killed", 1), ("injured", 1)]


def _victim_event(trigger, victims, kind=EventType.DEATH):
    return Event(f"m-{trigger}-{victims}", "a1", Span(trigger, 0, len(trigger)), kind,
                 patient=Actor(victims, 20, 20 + len(victims)))


def test_victims_named_two_by_two_are_counted():
    # The victim phrases of real GVA reports.
    told = counted_victims([_victim_event("killed", "William Monroe and Meghan Kerrigan"),
                            _victim_event("killing", "his wife and their four children"),
                            _victim_event("wounded", "her brother and 4-year-old daughter", EventType.DAMAGE),
                            _victim_event("killed", "Montez Graves, 31, and Ronnie Graves")])
    assert [(slot, n) for slot, _, n in told] == [("killed", 2), ("killed", 5), ("injured", 2), ("killed", 2)]


def test_no_count_from_places_things_lists_or_groups_without_a_number():
    for victims in ("the home and vehicles", "Hill and Lake Road", "his wife and daughters",
                    "Denton's mother, Toshya Millhorn, step-father James Millhorn and grandmother Lena Rose",
                    "a 16-year-old girl and the attempted murder"):
        assert counted_victims([_victim_event("shot", victims, EventType.ATTACK)]) == [], victims
    assert counted_victims([_victim_event("murder", "Brian Banes and Delandis Clark")]) == []  # a noun: of whom?


def test_a_count_read_from_the_text_wins_and_victims_come_before_one_dead():
    two = _victim_event("killed", "William Monroe and Meghan Kerrigan")
    one = _death("Meghan Kerrigan")
    assert [(slot, n) for slot, _, n in counts_told([two, one], set())] == [("killed", 2)]
    assert counts_told([two, one], {"killed"}) == []


def test_an_injured_count_below_the_people_shot_is_a_part_and_the_people_shot_are_still_the_injured():
    # "Four people were shot … One person was critically wounded, and the three others are in stable condition"
    (injured,) = injured_from_shot([_count("shot", 4), _count("injured", 1)], [])
    assert (injured.slot, injured.values[0].value) == ("injured", "4")
    assert injured_from_shot([_count("shot", 4), _count("injured", 4)], []) == []  # the whole, as told
    assert injured_from_shot([_count("shot", 4), _count("injured", 5)], []) == []  # more than shot: not a part
    assert injured_from_shot([_count("shot", 4, high=None), _count("injured", 1)], []) == []  # "at least 4 shot"
    assert injured_from_shot([_count("shot", 4), _count("injured", 1, event="e2")], [])  # another happening's
    assert injured_from_shot([_count("shot", 4), _count("injured", 0)], []) == []  # "no one was injured": none


def test_the_injured_are_the_people_shot_less_the_dead():
    # "Adams robbed and shot five people … Four of the five people shot died"
    (injured,) = injured_less_killed([_count("shot", 5), _count("killed", 4)], [])
    assert (injured.slot, injured.event, injured.values[0].value) == ("injured", "e1", "1")
    assert injured.values[0].normal == {"low": 1, "high": 1} and injured.status is FindingStatus.SINGLE_SOURCE
    assert sorted(e.text for e in injured.values[0].evidence) == ["4 were shot", "5 were shot"]  # both counts' spans
    assert "5 shot, 4 killed" in injured.explanation
    # the story's one count of people shot takes the dead of another happening (shot and died are often apart)
    (apart,) = injured_less_killed([_count("shot", 5), _count("killed", 4, event="e2")], [])
    assert apart.values[0].value == "1"


def test_each_happening_loses_only_its_own_dead():
    made = injured_less_killed([_count("shot", 3), _count("shot", 2, event="e2"), _count("killed", 1)], [])
    assert [(f.event, f.values[0].value) for f in made] == [("e1", "2")]  # e2's two shot: none of its people died


def test_no_injured_from_the_people_shot_less_the_dead_when_either_is_unsure_or_the_injured_are_told():
    assert injured_less_killed([_count("shot", 5), _count("killed", 4), _count("injured", 2)], []) == []
    assert injured_less_killed([_count("shot", 5), _count("killed", 4), _count("killed", 3, event="e2")], []) == []
    assert injured_less_killed([_count("shot", 5), _count("killed", 4, high=None)], []) == []  # "at least 4 dead"
    assert injured_less_killed([_count("shot", 4), _count("killed", 4)], []) == []  # "four shot and killed"
    assert injured_less_killed([_count("shot", 5, high=None), _count("killed", 1)], []) == []
    assert injured_less_killed([_count("shot", 5)], []) == []  # no count of the dead: ``injured_from_shot``'s case
    disputed = _count("shot", 5)
    disputed.status = FindingStatus.DISPUTED
    assert injured_less_killed([disputed, _count("killed", 1)], []) == []
    # "Police shot and killed the gunman after he shot three people": the dead suspect is none of the three
    assert injured_less_killed([_count("shot", 3), _count("killed", 1)], [_death("the gunman")]) == []


def test_the_derived_injured_carry_both_counts_sources_and_come_from_one_rule_only():
    shot = _count("shot", 5)
    shot.values[0].attributions, shot.values[0].origins = ["at1"], ["police"]
    dead = _count("killed", 4)
    dead.values[0].attributions, dead.values[0].origins = ["at2"], ["coroner"]
    (injured,) = injured_from_counts([shot, dead], [])
    assert (injured.values[0].attributions, injured.values[0].origins) == (["at1", "at2"], ["coroner", "police"])
    (only,) = injured_from_counts([_count("shot", 3)], [])  # no one died: the people shot, and no second finding
    assert "no report counts anyone killed" in only.explanation


def test_no_injured_less_the_dead_when_the_counts_disagree_or_the_gunman_killed_himself():
    assert injured_from_counts([_count("shot", 3), _count("killed", 0)], [_death("the teen")]) == []
    assert injured_less_killed([_count("shot", 4), _count("killed", 3)], [_death("himself", "killed")]) == []
