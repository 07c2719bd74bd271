"""Offline geoparsing: the packaged gazetteer, resolution in context, a user's GeoNames dump, hostile input."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from newsledger.geo.gazetteer import Gazetteer, GazetteerError, GeoEntry, normalize
from newsledger.geo.resolve import Mention, ResolveContext, resolve


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def mentions_of(text: str, *names: str) -> list[Mention]:
    """A Mention for the first occurrence of each name in the text."""
    found = []
    for name in names:
        start = text.index(name)
        found.append(Mention(start, start + len(name), name))
    return found


def resolve_text(text: str, names: list[str], gazetteer: Gazetteer, **context):
    return resolve(mentions_of(text, *names), gazetteer, ResolveContext(text=text, **context))


def test_iranian_cities_resolve_to_iran(gazetteer):
    text = "Drones struck a military plant in Isfahan overnight. A factory in Karaj was hit in 2021, officials in Tehran said."
    isfahan, karaj, tehran = resolve_text(text, ["Isfahan", "Karaj", "Tehran"], gazetteer)
    assert (isfahan.name, isfahan.country, isfahan.feature_class) == ("Isfahan", "IR", "P")
    assert (karaj.name, karaj.country, karaj.feature_class) == ("Karaj", "IR", "P")
    assert (tehran.country, tehran.feature_code) == ("IR", "PPLC")
    assert abs(isfahan.lat - 32.65) < 0.2 and abs(isfahan.lon - 51.67) < 0.2


def test_a_qualifier_settles_which_springfield(gazetteer):
    illinois = resolve_text("He grew up in Springfield, Illinois, and works there.", ["Springfield"], gazetteer)[0]
    massachusetts = resolve_text("The plant in Springfield, Mass., will close.", ["Springfield"], gazetteer)[0]
    assert (illinois.country, illinois.admin1) == ("US", "IL")
    assert (massachusetts.country, massachusetts.admin1) == ("US", "MA")


def test_two_springfields_in_one_article_stay_apart(gazetteer):
    text = "Flights from Springfield, Ill. to Springfield, Mo. resume; Springfield, Ill. gets two a day."
    first = text.index("Springfield")
    second = text.index("Springfield", first + 1)
    mentions = [Mention(first, first + 11, "Springfield"), Mention(second, second + 11, "Springfield")]
    one, other = resolve(mentions, gazetteer, ResolveContext(text=text))
    assert (one.admin1, other.admin1) == ("IL", "MO")


def test_the_article_places_settle_an_unqualified_name(gazetteer):
    text = "Paris police said the crash on the Henry County line closed the road. Paris is the county seat."
    paris, county = resolve_text(text, ["Paris", "Henry County"], gazetteer)
    assert (paris.country, paris.admin1) == (county.country, county.admin1) == ("US", "TN")


def test_abbreviations_and_demonyms(gazetteer):
    us, calif, ny, russian = resolve_text("U.S. officials in Calif. and N.Y. met Russian diplomats.",
                                          ["U.S.", "Calif.", "N.Y.", "Russian"], gazetteer)
    assert (us.feature_code, us.country) == ("PCLI", "US")
    assert (calif.feature_code, calif.admin1) == ("ADM1", "CA")
    assert (ny.feature_code, ny.admin1) == ("ADM1", "NY")
    assert russian.country == "RU"
    assert normalize("St. Louis") == normalize("Saint Louis")


def test_outlet_home_breaks_a_tie(gazetteer):
    text = "The council met in Dublin on Monday."
    abroad = resolve_text(text, ["Dublin"], gazetteer)[0]
    at_home = resolve_text(text, ["Dublin"], gazetteer, home_country="US", home_admin1="OH")[0]
    assert abroad.country == "IE"
    assert (at_home.country, at_home.admin1) == ("US", "OH")


@pytest.mark.parametrize("text, name", [
    ("Mayor Jim Hale said the vote would wait. Hale called it fair.", "Hale"),
    ("Coach Bandemer praised the defense. Bandemer said the team was ready.", "Bandemer"),
])
def test_a_person_name_is_not_a_place_without_place_context(gazetteer, text, name):
    start = text.rindex(name)
    assert resolve([Mention(start, start + len(name), name)], gazetteer, ResolveContext(text=text)) == [None]


def test_a_name_not_in_the_gazetteer_gets_no_place(gazetteer):
    assert resolve([Mention(0, 12, "Qwxzville")], gazetteer) == [None]


def _dump_line(geonameid, name, alternates, lat, lon, fclass, fcode, country, admin1, admin2="", population=0):
    return "\t".join([str(geonameid), name, name, alternates, str(lat), str(lon), fclass, fcode, country, "", admin1,
                      admin2, "", "", str(population), "", "", "America/Chicago", "2020-01-01"]) + "\n"


@pytest.fixture()
def tiny_dump(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NEWSLEDGER_CACHE_DIR", str(tmp_path / "cache"))  # its compiled index goes there
    path = tmp_path / "cities.txt"
    path.write_text("".join([
        _dump_line(4250542, "Springfield", "Springfeld", 39.80172, -89.64371, "P", "PPLA", "US", "IL", "167", 114394),
        _dump_line(4951788, "Springfield", "", 42.10148, -72.58981, "P", "PPL", "US", "MA", "013", 155929),
        _dump_line(4896861, "Illinois", "State of Illinois,IL", 40.00032, -89.25037, "A", "ADM1", "US", "IL", "", 12830632),
        _dump_line(6254926, "Massachusetts", "Commonwealth of Massachusetts", 42.36565, -71.10832, "A", "ADM1", "US", "MA", "", 6547629),
        _dump_line(6252001, "United States", "USA,America", 39.76, -98.5, "A", "PCLI", "US", "00", "", 310232863),
        _dump_line(9999999, "Some Spot", "", 1.0, 1.0, "S", "HTL", "US", "IL", "", 0),
    ]), encoding="utf-8")
    return path


def test_a_geonames_dump_loads_through_the_same_code(tiny_dump):
    gazetteer = Gazetteer.from_geonames_dump(tiny_dump)
    assert gazetteer.report.records == 5  # the hotel (class S) is not kept
    assert [c.entry.geonameid for c in gazetteer.lookup("springfeld")] == [4250542]
    assert gazetteer.admin1("US", "IL").name == "Illinois"
    assert gazetteer.abbreviation("Mass.").geonameid == 6254926
    text = "She moved to Springfield, Mass. last year."
    start = text.index("Springfield")
    (entry,) = resolve([Mention(start, start + 11, "Springfield")], gazetteer, ResolveContext(text=text))
    assert entry.geonameid == 4951788
    assert Gazetteer.load(tiny_dump) is Gazetteer.load(tiny_dump)  # loaded once per process
    again = Gazetteer.from_geonames_dump(tiny_dump)  # a second process would read the compiled index
    assert list(again.entries) == list(gazetteer.entries) and again.lookup("Springfield") == gazetteer.lookup("Springfield")
    assert len(list((tiny_dump.parent / "cache" / "geo").glob("index-*.json"))) == 1


def test_a_file_that_is_not_a_dump_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLEDGER_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "notes.txt"
    path.write_text("this is not\ta gazetteer\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="19"):
        Gazetteer.from_geonames_dump(path)


def test_fifty_thousand_place_like_words_finish_in_seconds(gazetteer):
    common = ["Springfield", "Paris", "Washington", "Georgia", "Columbus", "Richmond", "Hale", "Dublin"]
    words = common + [entry.name for entry in gazetteer.entries[: 50_000 - len(common)]]
    text = " ".join(words)
    mentions, offset = [], 0
    for word in words:
        mentions.append(Mention(offset, offset + len(word), word))
        offset += len(word) + 1
    started = time.perf_counter()
    results = resolve(mentions, gazetteer, ResolveContext(text=text))
    assert time.perf_counter() - started < 20
    assert len(results) == 50_000 and results[0] is not None


def test_toponyms_in_a_doc_finish_in_seconds_on_hostile_input(gazetteer):
    import spacy

    from newsledger.geo.toponyms import toponyms

    nlp = spacy.blank("en")
    doc = nlp(" ".join(["in Springfield, Ill. near Paris"] * 2000 + ["Capitalised"] * 40_000))
    started = time.perf_counter()
    found = toponyms(doc, gazetteer)
    assert time.perf_counter() - started < 20
    assert found[0][2] == "Springfield"


def test_an_outlet_home_needs_enough_local_places():
    from collections import Counter

    from newsledger.geo.outlets import local_places, outlet_home

    assert outlet_home(Counter({("US", "OH"): 2})) is None  # too few places to say
    home = outlet_home(Counter({("US", "OH"): 5, ("US", "KY"): 2, ("IE", "L"): 1}))
    assert (home.country, home.admin1) == ("US", "OH")
    spread = outlet_home(Counter({("US", "OH"): 3, ("US", "KY"): 3, ("US", "TX"): 3, ("US", "CA"): 3}))
    assert (spread.country, spread.admin1) == ("US", None)  # no state dominates, the country does
    ohio = GeoEntry(5165418, "Ohio", "A", "ADM1", "US", "OH", 40.25, -83.0, 11_000_000)
    dublin = GeoEntry(4151871, "Dublin", "P", "PPL", "US", "OH", 40.1, -83.1, 45_000)
    assert local_places([ohio, dublin, None]) == Counter({("US", "OH"): 1})  # a state's name is news anywhere


def test_toponyms_of_a_parsed_article(gazetteer):
    from newsledger.annotate.nlp import load
    from newsledger.geo.toponyms import toponyms

    doc = load()("Police in Springfield, Ill. said the man was later seen in Iran.")
    texts = [text for _, _, text in toponyms(doc, gazetteer)]
    assert "Springfield" in texts and "Iran" in texts
    assert all(doc.text[start:end] == text for start, end, text in toponyms(doc, gazetteer))


def test_the_story_places_count_as_context(gazetteer):
    text = "The mayor of Paris spoke on Monday."
    alone = resolve_text(text, ["Paris"], gazetteer)[0]
    lamar = next(c.entry for c in gazetteer.lookup("Lamar County") if c.entry.admin1 == "TX")
    in_story = resolve_text(text, ["Paris"], gazetteer, story_places=(lamar,))[0]
    assert alone.country == "FR"
    assert (in_story.country, in_story.admin1) == ("US", "TX")
