"""Which government a source speaks for: country names, demonyms and seats, and the role that makes it an office."""

from newsledger.reconcile.governments import countries_named, government_of


def test_countries_are_found_by_name_demonym_and_seat():
    assert {c.name for c in countries_named("Iran’s Defense Ministry")} == {"Iran"}
    assert {c.name for c in countries_named("Tehran")} == {"Iran"}
    assert {c.name for c in countries_named("U.S. officials")} == {"United States"}
    assert {c.name for c in countries_named("the North Korean regime")} == {"North Korea"}
    assert {c.name for c in countries_named("Kremlin spokesman Dmitry Peskov")} == {"Russia"}
    assert countries_named("us and the Iranians' neighbours") == set()  # "us" is a pronoun, not the U.S.


def test_a_government_needs_one_country_and_nothing_but_offices():
    assert government_of("Tehran", is_government=True).name == "Iran"
    assert government_of("Israeli military spokesman", is_government=False).name == "Israel"
    assert government_of("senior U.S. intelligence officials", is_government=False).name == "United States"
    assert government_of("Iran’s foreign minister, Hossein Amir Abdollahian,", is_government=False).name == "Iran"
    assert government_of("an Israeli writer", is_government=False) is None
    assert government_of("American Red Cross officials", is_government=False) is None
    assert government_of("Kremlin spokesman Dmitry Peskov", is_government=False) is None  # a name: not merged
    assert government_of("the Iranian ambassador to the United Kingdom", is_government=True) is None


def test_a_bare_place_name_or_nationality_is_no_government_without_an_office():
    for person in ("Jordan", "Paris", "the American", "Washington"):  # Rep. Jim Jordan; Paris Hilton…
        assert government_of(person, is_government=False) is None, person
    assert government_of("Washington", is_government=True).name == "United States"


def test_regions_courts_legislatures_and_police_are_not_the_government():
    for description in ("New Mexico officials", "British Columbia officials", "Washington state officials",
                        "Indian tribal officials", "A U.S. federal court", "Iranian lawmakers", "the Israeli police"):
        assert government_of(description, is_government=True) is None, description
    assert government_of("The White House", is_government=True).name == "United States"


def test_us_in_capitals_is_the_united_states():
    assert government_of("US officials", is_government=False) == government_of("U.S. officials", is_government=False)
    assert government_of("US officials", is_government=False).name == "United States"
