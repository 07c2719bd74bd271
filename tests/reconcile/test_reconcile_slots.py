"""Slot values: finding them in text, normalising them, and deciding whether two are compatible."""

from __future__ import annotations

import math

import pytest

from newsledger.reconcile.counts import count_value, parse_number
from newsledger.reconcile.slots import (
    Relations,
    agent_value,
    compare,
    date_value,
    find_values,
    name_value,
)


def _values(text: str, slot: str) -> list[str]:
    return [f.value.label for f in find_values(text) if f.slot == slot]


@pytest.mark.parametrize("text, expected", [
    ("15", (15, 15)), ("1, 400", (1400, 1400)), ("120,000", (120000, 120000)), ("twenty-five", (25, 25)),
    ("three", (3, 3)), ("dozens", (24, math.inf)), ("two hundred", (200, 200)), ("Monday", None),
])
def test_numbers_in_words_and_digits(text, expected):
    assert parse_number(text) == expected


def test_a_count_frame_reads_shares_against_the_launched_total():
    text = "three drones were launched at the facility, and two were shot down. The third hit the building"
    found = {f.slot: f for f in find_values(text)}
    assert found["launched"].value.label == "3"
    assert found["shot_down"].value.label == "2 of 3" and found["hit"].value.label == "1 of 3"
    assert text[found["shot_down"].start:found["shot_down"].end] == "two were shot down"


@pytest.mark.parametrize("text, slot, labels", [
    ("before they all had been shot down by a surface-to-air defense system", "shot_down", ["all"]),
    ("killing at least 10 people and injuring 80", "killed", ["at least 10"]),
    ("killing at least 10 people and injuring 80", "injured", ["80"]),
    ("Powerful Quake in Iran Kills 10; 80 Hurt", "injured", ["80"]),
    ("November 28, 2005 Ten people were killed", "killed", ["10"]),
    ("He said 30 of the 80 wounded remained in hospital", "injured", ["80"]),
    ("no one was harmed", "injured", ["none"]),
    ("A K-9 dog was injured", "injured", []),  # a number after a hyphen
    ("A man and child were injured", "injured", []),  # one joined to others is not one
    ("Two men and a woman were injured", "injured", []),
    ("the Indian navy captured 23 pirates", "arrested", ["23"]),
    ("Three people have died", "killed", ["3"]),
    ("Tara Reid, 33, who starred in two films", "killed", []),
    ("a magnitude-5.2 quake has injured three people", "injured", ["3"]),
    # an age is not a count of people (GVA reports)
    ("Demario Burnett, 21; and Jerry Trivon Coleman, 31 all died of gunshot wounds", "killed", []),
    ("a 25 year-old male, 14 year-old male, and 17 year-old female were shot", "shot", []),
    ("Around 7 p.m., a boy younger than 12 was shot in the complex", "shot", []),
    ("A child under the age of 10 was killed in a drive-by shooting", "killed", []),
    ("NYC ’90 shooting of slain man leaves cops with latest cold case", "killed", []),
    ("In Chicago, 12 were shot Saturday", "shot", ["12"]),
    ("In Fort Worth, 12 were shot Saturday", "shot", ["12"]),
    ("Late Sunday, 4 were wounded in a shooting", "injured", ["4"]),
    ("On Sunday, 3 people were shot", "shot", ["3"]),
    ("Police Chief John Smith said 12 people were shot", "shot", ["12"]),
    ("According to Ukraine's Air Force, 30 drones were shot down overnight", "shot_down", ["30"]),
    ("'Three people were killed,' police said.", "killed", ["3"]),
    ("Police said five night-shift workers were injured.", "injured", ["5"]),
])
def test_counts(text, slot, labels):
    assert _values(text, slot) == labels


@pytest.mark.parametrize("text, labels", [
    ("A 5.6 magnitude earthquake", ["5.6"]), ("measuring 6. 1 on the Richter scale", ["6.1"]),
    ("a magnitude of at least 5. 9", ["at least 5.9"]), ("a force of about 6. 0 on the Richter scale", ["about 6.0"]),
])
def test_magnitudes(text, labels):
    assert _values(text, "magnitude") == labels


def test_damage_levels_and_weapons():
    assert _values("managed to do little damage", "damage") == ["minor"]
    assert _values("causing minor damage", "damage") == ["minor"]
    assert _values("a fire which virtually destroyed the store", "damage") == ["nearly destroyed"]
    assert _values("Saturday's drone attack", "weapon") == ["drone"]
    assert _values("the type of missile used to conduct the attack", "weapon") == ["missile"]
    assert _values("a protester threw a petrol bomb inside", "weapon") == ["fire"]
    assert _values("a major center of Iranian missile production", "weapon") == []


def test_names_are_keyed_and_their_owners_recorded():
    relations = Relations()
    assert name_value("the Mossad intelligence agency in Israel", relations).key == "mossad"
    assert name_value("Israel’s Mossad", relations).key == "mossad"
    assert name_value("the city of Isfahan", relations).key == name_value("Isfahan, Iran", relations).key
    assert name_value("The third") is None and name_value("the building") is None
    assert ("mossad", "israel") in relations.part_of and ("isfahan", "iran") in relations.part_of
    assert compare("agent", name_value("Mossad"), name_value("Israel"), relations).compatible
    assert not compare("agent", name_value("Mossad"), name_value("Hezbollah"), relations).compatible


def test_an_office_named_with_a_possessive_is_one_name():
    """Every county's "Sheriff's Office" was the agent "Office": two counties' offices corroborated each other."""
    adams, warren = name_value("The Adams County Sheriff's Office"), name_value("the Warren County Sheriff’s Office")
    assert adams.label == "Adams County Sheriff's Office" and adams.key != warren.key
    assert name_value("Israel's Mossad").label == "Mossad"


@pytest.mark.parametrize("word", ["Man", "Teen", "Shooting", "UPDATE", "Two", "People", "16-year-old"])
def test_a_headline_s_first_word_is_no_agent(word):
    assert agent_value(word) is None


def test_names_that_look_like_common_words_stay():
    assert [agent_value(w).label for w in ("Police", "Smith", "Chicago", "Officers", "Driver")] == \
        ["Police", "Smith", "Chicago", "Officers", "Driver"]
    assert [name_value(w).label for w in ("Friend", "Ninety Six")] == ["Friend", "Ninety Six"]  # towns
    assert name_value("the Sheriff's Office") is None  # which county's: every county's office has that name


def _first(text: str, slot: str):
    return next(f.value for f in find_values(text) if f.slot == slot)


def test_compatibility_with_reasons():
    all_down = _first("they all had been shot down", "shot_down")
    two_of_three = _first("three drones were launched, and two were shot down", "shot_down")
    verdict = compare("shot_down", all_down, two_of_three)
    assert not verdict.compatible and verdict.reason == "all shot down vs 2 of 3 shot down"
    assert compare("damage", _first("little damage", "damage"), _first("minor damage", "damage")).compatible
    assert not compare("damage", _first("minor damage", "damage"), _first("heavy damage", "damage")).compatible
    assert not compare("weapon", _first("a drone attack", "weapon"), _first("a missile strike", "weapon")).compatible
    assert compare("killed", count_value("15", "at least"), count_value("17")).compatible
    assert not compare("killed", count_value("15"), count_value("17")).compatible
    assert compare("killed", count_value("50", "about"), count_value("52")).compatible
    assert not compare("magnitude", _first("magnitude 5.9", "magnitude"), _first("magnitude 6.1", "magnitude")).compatible
    assert compare("time", date_value("2023-01"), date_value("2023-01-28")).compatible
    assert not compare("time", date_value("2023-01-27"), date_value("2023-01-28")).compatible


@pytest.mark.parametrize("text, expected", [
    ("Four people were shot, one fatally, early Sunday.", {"shot": ["4"], "killed": ["1"], "injured": ["3"]}),
    ("One man was killed and three other people were shot in a home.", {"killed": ["1"], "injured": ["3"]}),
    ("A gunman shot four people, killing one.", {"shot": ["4"], "killed": ["1"], "injured": ["3"]}),
    ("Two men were fatally shot Saturday.", {"killed": ["2"]}),
    ("A shooting left three dead and injured another.", {"killed": ["3", "3"], "injured": ["1"]}),
    ("Three others sustained non-fatal bullet wounds.", {"injured": ["3"]}),
    ("He was shot at but not hit.", {}),
    # real GVA leads: the count's people are described between the number and the participle
    ("Four people, including three children, were wounded Sunday in a daytime shooting.", {"injured": ["4"]}),
    ("Four people including a 12-year-old and an 8-year-old were injured in a shooting.", {"injured": ["4"]}),
    ("Two people, including a man who was shot in the leg, were arrested.", {}),
    # "shot at" is a miss, unless a place follows
    ("A Hickman County deputy's daughter was accidentally shot at her home.", {"shot": ["1"]}),
    ("Two men were shot at a party on Elm Street.", {"shot": ["2"]}),
    ("Two men shot at officers.", {}),
    # one person as the verb's object (GVA leads), not one joined to others
    ("He killed his mother and wounded his 16-year-old brother.", {"injured": ["1"]}),
    ("He fatally shot his mother.", {}),
    ("Police say he shot a deputy and fled.", {"shot": ["1"]}),
    ("The gunman wounded a man and a woman.", {}),
    # not one of several, nor one fatally hurt (the session's review)
    ("Two men and a woman wounded in the shooting were taken to a hospital.", {}),
    ("He wounded a man, a woman and a child.", {}),
    ("He shot a man in the leg and a woman in the arm.", {}),
    ("He shot a man and Fred Jones.", {}),
    ("He mortally wounded his brother.", {}),
    ("One man was killed and another was wounded.", {"killed": ["1"], "injured": ["1"]}),
    ("Three were shot and killed and a 12-year-old girl wounded at their home.", {"killed": ["3"], "injured": ["1"]}),
])
def test_shooting_counts_and_the_injured_they_imply(text, expected):
    assert _people_counts(text) == expected


def _people_counts(text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for f in find_values(text):
        if f.slot in ("shot", "killed", "injured"):
            found.setdefault(f.slot, []).append(f.value.label)
    return found


@pytest.mark.parametrize("text, expected", [
    # a tally of a city, a weekend or a span of time sums many happenings: no count of this one (GVA reports)
    ("Eight people were killed and at least 46 others wounded in shootings across Chicago over Labor Day weekend.", {}),
    ("Three people were killed and eight more were wounded in 11 shooting incidents reported across Philadelphia.", {}),
    ("A man was killed and five others were hurt in citywide shootings between Tuesday and Wednesday.", {}),
    ("At least 35 people have been shot, eight of them fatally, since Friday afternoon, according to police.", {}),
    ("Since January 1, 2014, there have been 1,000 accidental shootings and 133 children killed.", {}),
    ("Two people were slain and 8 others were wounded in 6 separate shootings on Sunday.", {}),
    ("Two men killed, 8 wounded in overnight shootings in St. Louis", {}),
    ("two boys were among 70 people wounded in gun violence over the Fourth of July holiday weekend", {}),
    ("The teen and the man were among 11 people shot, one fatally, from Tuesday afternoon to early Wednesday", {}),
    ("the attacks brought to at least 74 the number of people shot since Wednesday afternoon, with 12 killed", {}),
    ("a series of back-and-forth shootings that have left three people dead and eight wounded", {}),
    ("One man was killed and six other people wounded in two South Side shootings Sunday, authorities said.", {}),
    # one happening's count stays
    ("Four people were shot Sunday night in the 3500 block of West Street, police said.", {"shot": ["4"]}),
    ("Two men were shot at a party on Elm Street last weekend.", {"shot": ["2"]}),
    ("Two teens were arraigned in a shooting that wounded three people over the weekend.", {"injured": ["3"]}),
    ("the shooting which left three men dead and one injured at a cycle shop over the weekend",
     {"killed": ["3", "3"], "injured": ["1"]}),
    ("At least 15 people were killed in the attacks on Isfahan.", {"killed": ["at least 15"]}),
    ("At least 15 people were killed in Israeli attacks on Gaza.", {"killed": ["at least 15"]}),
    ("The strike killed 15 people, the deadliest in Gaza since October.", {"killed": ["15"]}),
    ("The suspect, who had been on the run since Friday, shot and killed 3 people.", {"killed": ["3"]}),
    ("Two people were killed in a shooting at a citywide festival.", {"killed": ["2"]}),
    ("A man was wounded in a shooting Friday night, the latest in a series of shootings in the area.", {"injured": ["1"]}),
    ("3 People Shot Over The Weekend In Englewood", {"shot": ["3"]}),
    ("A 17-year-old was killed and two others wounded in the shooting, the third in the city this year.",
     {"killed": ["1"], "injured": ["2"]}),
])
def test_a_tally_of_many_happenings_is_no_count_of_one(text, expected):
    assert _people_counts(text) == expected


def test_the_derived_injured_shows_both_spans():
    text = "Five people were shot, one fatally."
    injured = next(f for f in find_values(text) if f.slot == "injured")
    assert text[injured.start:injured.end] == "Five people were shot"
    assert [text[s:e] for s, e in injured.support] == ["one fatally"]


def _place(text, kind="named", geo=None):
    from newsledger.records import Place

    return Place(text, 0, len(text), geo=geo, kind=kind)


def _geo(geonameid, lat, lon, feature="P.PPL", country="US", admin1="CA"):
    from newsledger.records import Geo

    return Geo(geonameid, "x", country, admin1, lat, lon, feature)


def test_a_street_and_its_town_are_one_place_and_keep_their_words():
    from newsledger.reconcile.slots import place_value

    street = place_value(_place("the 3500 block of South Parnell Avenue", kind="address"))
    town = place_value(_place("Chicago", geo=_geo(1, 41.85, -87.65, admin1="IL")))
    assert street.label == "3500 block of South Parnell Avenue" and street.street
    assert compare("place", street, town).compatible
    assert place_value(_place("a home", kind="site")) is None  # a description is no value


def test_places_at_two_levels_are_compatible_and_far_towns_are_not():
    from newsledger.reconcile.slots import place_value

    city = place_value(_place("Santa Cruz", geo=_geo(1, 36.97, -122.03)))
    county = place_value(_place("Santa Cruz County", geo=_geo(2, 37.03, -122.01, feature="A.ADM2")))
    state = place_value(_place("California", geo=_geo(3, 37.25, -119.75, feature="A.ADM1")))
    far = place_value(_place("Fresno", geo=_geo(4, 36.75, -119.77)))
    assert compare("place", city, county).compatible and compare("place", city, state).compatible
    assert not compare("place", city, far).compatible


def test_values_carry_their_normal_form():
    assert count_value("15", "at least").normal() == {"low": 15, "high": None}
    assert date_value("2016-06-04T05:38").normal() == "2016-06-04T05:38"
    assert date_value("2016-06-04TNI").normal() == "2016-06-04"
    assert compare("time", date_value("2016-06-04TNI"), date_value("2016-06-05TMO")).compatible  # overnight
    assert not compare("time", date_value("2016-06-04"), date_value("2016-06-09")).compatible


@pytest.mark.parametrize("text, expected", [
    ("A man died and four other people were wounded in a shooting.", {"killed": ["1"], "injured": ["4"]}),
    ("A teenager is dead and three other men injured after a shooting.", {"killed": ["1"], "injured": ["3"]}),
    ("The shooting left a 25-year-old man dead.", {"killed": ["1"]}),
    ("A 19-year-old woman was shot in the leg.", {"shot": ["1"]}),
    ("A gunman opened fire.", {}),  # the shooter is no victim
])
def test_one_person_counts_once(text, expected):
    found = {}
    for f in find_values(text):
        if f.slot in ("shot", "killed", "injured"):
            found.setdefault(f.slot, []).append(f.value.label)
    assert found == expected


def test_one_day_at_two_precisions_is_no_dispute():
    assert compare("time", date_value("2013-06-10TNI"), date_value("2013-06-10T22:15")).compatible
    assert compare("time", date_value("2013-06-10T22:15"), date_value("2013-06-10T23:40")).compatible
    assert not compare("time", date_value("2013-06-10T22:15"), date_value("2013-06-13T22:15")).compatible


def test_no_false_disputes_between_a_description_and_a_name_or_a_knife_and_a_gun():
    from newsledger.reconcile.slots import name_value, weapon_category
    from newsledger.reconcile.values import Value

    assert name_value("Queens dad") is None and name_value("Walker").label == "Walker"

    def means(text):
        return Value("category", weapon_category(text), key=weapon_category(text))

    assert compare("weapon", means("a knife"), means("a rifle")).compatible
    assert not compare("weapon", means("a drone"), means("a missile")).compatible


def test_a_shooting_called_accidental_and_charged_as_murder_is_disputed():
    def status(text):
        return next(f.value for f in find_values(text) if f.slot == "legal")

    accidental = status("Police said the shooting appears to have been accidental.")
    murder = status("Prosecutors charged him with first-degree murder.")
    assault = status("He faces two counts of aggravated assault.")
    assert (accidental.label, murder.label, assault.label) == ("accidental", "charged with murder",
                                                              "charged with assault")
    assert not compare("legal", accidental, murder).compatible
    assert compare("legal", murder, assault).compatible
    assert status("The death was ruled a homicide.").label == "homicide"


def test_a_description_placed_in_a_town_gives_the_town_with_its_own_span():
    from dataclasses import replace

    from newsledger.records import Span
    from newsledger.reconcile.slots import town_of

    # "Two people were killed at a house party in Hope Mills": geocode placed the party in the town after it.
    party = _place("a house party", kind="site", geo=_geo(4471851, 34.97, -78.95, admin1="NC"))
    assert town_of(party) is None  # no town written: nothing to say where
    party = replace(party, within=Span("Hope Mills", 43, 53))
    town = town_of(party)
    assert town.label == "Hope Mills" and town.geo.name == party.geo.name
