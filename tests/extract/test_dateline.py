"""A report's dateline, and the places it gives the happenings of its lead that name no town; a town written
right after a place."""

from __future__ import annotations

from datetime import date

import pytest

from newsledger.annotate.nlp import load
from newsledger.annotate.dateline import dateline
from newsledger.extract.events import extract_events
from newsledger.extract.geocode import geocode_events
from newsledger.geo.gazetteer import Gazetteer


@pytest.mark.parametrize("text, town", [
    ("HAWTHORNE (CBSLA.com) — A man was gunned down", "HAWTHORNE"),
    ("January 1, 2013 7:18 PM  HAWTHORNE (CBSLA.com) — A man", "HAWTHORNE"),
    ("KANSAS CITY, Mo. -- Police said", "KANSAS CITY, Mo."),
    ("ST. LOUIS, MO (KTVI)– A man", "ST. LOUIS, MO"),
    ("SNOWVILLE, Box Elder County — A 4-year-old boy", "SNOWVILLE, Box Elder County"),
    ("FILE - In this photo", None),
    ("A man was shot. Police - who arrived - said", None),
])
def test_the_dateline_is_the_capitalised_town_before_a_dash(text, town):
    found = dateline(text)
    assert (found.text if found else None) == town
    if found:
        assert text[found.start:found.end] == found.text


def test_the_dateline_places_the_lead_incident_and_keeps_its_streets_words():
    text = ("HAWTHORNE (CBSLA.com) — A man was gunned down and three others were wounded at a party. "
            "The incident happened shortly after 1 a.m. Tuesday in the 13500 block of Cerise Avenue.")
    doc = load()(text)
    events = {e.trigger.text: e for e in geocode_events(doc, extract_events(doc, "a", date(2013, 1, 2)),
                                                        Gazetteer.load())}
    gunned = events["gunned"].place
    assert (gunned.text, gunned.geo.name, gunned.geo.admin1) == ("HAWTHORNE", "Hawthorne", "CA")
    street = events["happened"].place
    assert street.text == "the 13500 block of Cerise Avenue" and street.kind == "address"
    assert street.geo.name == "Hawthorne" and street.within.text == "HAWTHORNE"


@pytest.mark.parametrize("text, town, state", [
    ("COLUMBUS, Ohio (AP) - Authorities say three members of a family were fatally shot.", "Columbus", "OH"),
    ("COLUMBUS, Ga. -- Three members of a family were fatally shot.", "Columbus", "GA"),
    ("STOKES COUNTY, N.C. -- Four members of a family died in a murder-suicide.", "Stokes County", "NC"),
])
def test_a_dateline_with_its_state_places_the_lead_in_that_states_town(text, town, state):
    # Real reports' openings (GVA): the town was looked up with its state ("COLUMBUS, Ohio") and never found.
    doc = load()(text)
    [lead] = [e for e in geocode_events(doc, extract_events(doc, "a", date(2015, 11, 24)), Gazetteer.load())
              if e.trigger.text in ("shot", "died")]
    assert (lead.place.geo.name, lead.place.geo.admin1) == (town, state)


def test_without_a_dateline_a_street_names_no_town():
    doc = load()("A man was shot in the 13500 block of Cerise Avenue on Tuesday.")
    events = geocode_events(doc, extract_events(doc, "a", date(2013, 1, 2)), Gazetteer.load())
    assert all(e.place is None or e.place.geo is None for e in events)


def test_a_place_is_in_the_town_written_right_after_it():
    # A real report's lead (GVA): the small model does not tag "Hope Mills"; the gazetteer's finder does.
    doc = load()("Two people were killed at a house party in Hope Mills Sunday.")
    [killed] = [e for e in geocode_events(doc, extract_events(doc, "a", date(2015, 1, 5)), Gazetteer.load())
                if e.trigger.text == "killed"]
    assert (killed.place.text, killed.place.geo.name, killed.place.within.text) == (
        "a house party", "Hope Mills", "Hope Mills")


def test_a_building_a_report_names_without_a_town_is_in_the_town_the_report_is_about():
    text = ("Five people were shot at Douglass Park on Sunday night. Lexington police said three victims were taken "
            "to the hospital. Lexington police have made no arrests.")
    doc = load()(text)
    [shot] = [e for e in geocode_events(doc, extract_events(doc, "a", date(2016, 7, 4)), Gazetteer.load())
              if e.trigger.text == "shot"]
    assert shot.place.text == "Douglass Park" and shot.place.geo.name == "Lexington"
    assert text[shot.place.within.start:shot.place.within.end] == "Lexington"
    doc = load()("Five people were shot at Douglass Park on Sunday night. Police in Lexington and Louisville said …")
    assert all(e.place is None or e.place.geo is None for e in geocode_events(  # two towns once each: neither
        doc, extract_events(doc, "a", date(2016, 7, 4)), Gazetteer.load()))
