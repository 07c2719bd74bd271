"""The resolver on world news: countries by their everyday names, seas and regions, owners written before a name,
world cities in articles that are not local, and the committed table of international features."""

from __future__ import annotations

import time

import pytest

from newsledger.geo.gazetteer import Gazetteer
from newsledger.geo.resolve import Mention, ResolveContext, locality, resolve
from newsledger.geo.sources import feature_rows


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def resolve_all(text: str, names: list[str], gazetteer: Gazetteer):
    """Each name resolved at its first occurrence at or after the previous name's."""
    mentions, position = [], 0
    for name in names:
        start = text.index(name, position)
        mentions.append(Mention(start, start + len(name), name))
        position = start + 1
    return resolve(mentions, gazetteer, ResolveContext(text=text))


def test_a_country_by_its_everyday_name_beats_a_small_namesake_in_us_context(gazetteer):
    text = ("The California congressman said hackers who hit election offices in Arizona and Illinois worked for "
            "Russia. Florida officials agreed, and so did Taiwan.")
    *_, russia, florida, taiwan = resolve_all(text, ["California", "Arizona", "Illinois", "Russia", "Florida",
                                                     "Taiwan"], gazetteer)
    assert (russia.country, russia.feature_code) == ("RU", "PCLI")
    assert (taiwan.country, taiwan.feature_code) == ("TW", "PCLI")
    assert florida.admin1 == "FL"


@pytest.mark.parametrize("text, name, code", [
    ("Three cables were cut in the Mediterranean between Sicily and Tunisia.", "Mediterranean", "SEA"),
    ("Iran threatened to close the Strait of Hormuz to tankers.", "Strait of Hormuz", "STRT"),
    ("The quake was felt in Gulf states such as Oman and Qatar.", "Gulf", "GULF"),
    ("A shadow war changed the power dynamics within the Middle East, Iran and Israel said.", "Middle East", "RGN"),
])
def test_seas_gulfs_and_regions_are_not_small_namesakes(gazetteer, text, name, code):
    place = resolve_all(text, [name], gazetteer)[0]
    assert place is not None and place.feature_code == code and place.country == ""


def test_an_owner_written_before_a_name_qualifies_it(gazetteer):
    text = ("Officials at the Pentagon in Arlington, Virginia, met Israelis before talks in the Austrian capital of "
            "Vienna. Iran's Kerman province was hit by a quake.")
    arlington, virginia, vienna, kerman = resolve_all(text, ["Arlington", "Virginia", "Vienna", "Kerman"], gazetteer)
    assert (arlington.admin1, virginia.feature_code) == ("VA", "ADM1")
    assert (vienna.country, vienna.feature_code) == ("AT", "PPLC")
    assert kerman.country == "IR"


def test_a_world_city_wins_in_an_article_that_is_not_local(gazetteer):
    text = ("Putin threatens Estonia, Latvia and Lithuania; Trump called Estonia a suburb of St. Petersburg. "
            "Polls in Florida and Ohio moved.")
    names = ["Estonia", "Latvia", "Lithuania", "St. Petersburg", "Florida", "Ohio"]
    places = resolve_all(text, names, gazetteer)
    assert places[3].country == "RU"


def test_the_only_capital_is_the_real_one(gazetteer):
    capitals = [c.entry for c in gazetteer.lookup("Washington") if c.entry.feature_code == "PPLC"]
    assert [(e.country, e.admin1) for e in capitals] == [("US", "DC")]


def test_locality_separates_a_local_story_from_world_news(gazetteer):
    from newsledger.geo.resolve import DEFAULT_WEIGHTS, _groups, _Where

    def article_locality(text, names):
        mentions, position = [], 0
        for name in names:
            start = text.index(name, position)
            mentions.append(Mention(start, start + len(name), name))
            position = start + 1
        groups, _ = _groups(mentions, gazetteer, ResolveContext(text=text), True, DEFAULT_WEIGHTS)
        for group in groups:
            group.places = [_Where.of(c.entry) for c in group.candidates]
        return locality(groups, DEFAULT_WEIGHTS)

    local = article_locality("Columbus police and Franklin County deputies searched Dublin and Worthington, Ohio.",
                             ["Columbus", "Franklin County", "Dublin", "Worthington", "Ohio"])
    world = article_locality("Leaders from France, Germany, Japan and Brazil met in Paris and Tokyo.",
                             ["France", "Germany", "Japan", "Brazil", "Paris", "Tokyo"])
    assert local > 0.2 > world  # 0.2: the threshold below which an article counts as not local


def test_the_feature_table_is_well_formed():
    rows = list(feature_rows())
    ids = [int(row[0]) for row in rows]
    assert len(rows) >= 100 and len(set(ids)) == len(ids) and all(i < 0 for i in ids)
    for row in rows:
        lat, lon = float(row[4]), float(row[5])
        assert -90 <= lat <= 90 and -180 <= lon <= 180 and row[6] in "HLT" and row[8] == ""


def test_owner_cues_stay_fast_on_hostile_text(gazetteer):
    text = ("Iran's " * 20_000) + "Kerman"
    mentions = [Mention(i * 7, i * 7 + 4, "Iran") for i in range(20_000)]
    started = time.perf_counter()
    resolve(mentions, gazetteer, ResolveContext(text=text))
    assert time.perf_counter() - started < 10
