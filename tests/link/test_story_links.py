"""The learned story linking: the model file, the headline and place keys, cohesion and the guards against drift."""

from __future__ import annotations

import math
import time
from dataclasses import replace

import pytest

from newsledger.link.stories import LinkerConfig, StoryLinker
from newsledger.link.story_links import (
    FEATURES,
    LinkModel,
    event_places,
    shipped,
    title_vector,
)
from newsledger.records import Story, from_dict, to_dict


def _features(terms, entities=(), day=None, keys=(), title="", names=None, places=(), event_places=()):
    return {
        "terms": {t: 1.0 for t in terms},
        "entities": {e: 1.0 for e in entities},
        "places": list(places),
        "date": day,
        "title": title,
        "names": names or {e: e for e in entities},
        "keys": list(keys),
        "sketch": [],
        "event_mentions": [{"args": {"place": list(event_places)}}] if event_places else [],
    }


def _always_join(threshold: float = 0.5) -> LinkModel:
    """A model that joins whatever it is shown (bias only), to test the rules around it."""
    n = len(FEATURES)
    return LinkModel((0.0,) * n, (1.0,) * n, (0.0,) * n, 5.0, threshold)


def test_the_shipped_model_loads_and_a_report_of_the_same_shooting_outscores_a_stranger():
    model = shipped()
    linker = StoryLinker(model=model)
    linker.assign("a1", _features(["gunfire", "porch", "wound"], ["ent_dosouto", "ent_roxbury"], "2015-01-20",
                                  keys=["porch"], title="Alex DoSouto, 24, fatally shot in Roxbury"))
    same = _features(["shoot", "porch", "victim"], ["ent_dosouto", "ent_roxbury"], "2015-01-20",
                     keys=["porch"], title="Roxbury shooting victim identified as Alex DoSouto")
    stranger = _features(["budget", "council", "vote"], ["ent_council"], "2015-01-20", keys=["porch"],
                         title="Council passes budget")
    rows = dict(linker.candidate_rows(same)), dict(linker.candidate_rows(stranger))
    assert model.probability(rows[0]["s_a1"]) > model.threshold > model.probability(rows[1]["s_a1"])


def test_a_model_file_for_other_features_is_refused(tmp_path):
    path = tmp_path / "m.json"
    path.write_text(_always_join().to_json({}).replace('"term_cosine"', '"something_else"'))
    with pytest.raises(ValueError, match="trained on features"):
        LinkModel.load(path)
    path.write_text(_always_join().to_json({"by": "test"}))
    assert LinkModel.load(path) == _always_join()


def test_headlines_lose_their_outlet_and_hostile_sizes_stay_bounded():
    assert set(title_vector("4 Teens Hurt In Drive-By Shooting In Brentwood « CBS San Francisco")) >= {"brentwood"}
    assert "francisco" not in title_vector("4 Teens Hurt In Drive-By Shooting In Brentwood « CBS San Francisco")
    started = time.perf_counter()
    assert len(title_vector("Zyzzogeton " * 200_000)) <= 24
    mentions = {"event_mentions": [{"args": {"place": [f"town{i}" for i in range(10_000)]}}] * 10_000}
    assert len(event_places(mentions)) == 10
    assert len(event_places({"event_mentions": [{"args": {"place": [f"p{i}_{k}" for k in range(10)]}}
                                                for i in range(10_000)]})) == 20
    assert time.perf_counter() - started < 2


def test_a_report_sharing_only_its_headline_town_retrieves_the_story():
    linker = StoryLinker(model=_always_join())
    linker.assign("a1", _features(["gunfire"], keys=["gunfire"], title="Three dead in Atwater shooting"))
    joined = linker.assign("a2", _features(["arrest"], keys=["arrest"], title="Atwater men arrested"))
    assert joined == "s_a1"


def test_a_key_few_stories_share_outranks_many_common_ones():
    linker = StoryLinker(LinkerConfig(learned=False, max_candidates=1))
    for i in range(5):
        linker.restore(f"c{i}", f"s_c{i}", _features(["x"], keys=["police", "shooting", "firearm"]))
    linker.restore("rare", "s_rare", _features(["y"], keys=["police", "folena"]))
    assert linker._candidates(["police", "shooting", "firearm", "folena"]) == ["s_rare"]


def test_cohesion_is_high_for_one_happening_and_low_for_a_drifting_story():
    tight, loose = StoryLinker(LinkerConfig(learned=False)), StoryLinker(LinkerConfig(learned=False))
    for i in range(4):
        tight.restore(f"t{i}", "s_t", _features(["drone", "isfahan", "strike"], ["ent_iran"], "2023-01-28"))
        loose.restore(f"l{i}", "s_l", _features([f"topic{i}", "campaign"], [f"ent_{i}", "ent_clinton"],
                                                 f"2016-0{i + 1}-01"))
    assert tight.stories["s_t"].record().cohesion == pytest.approx(1.0)
    assert loose.stories["s_l"].record().cohesion < 0.3
    alone = StoryLinker(LinkerConfig(learned=False))
    alone.restore("a", "s_a", _features(["drone"]))
    assert alone.stories["s_a"].record().cohesion is None


def test_an_article_that_fits_a_story_poorly_starts_its_own():
    def run(min_fit):
        linker = StoryLinker(LinkerConfig(min_fit=min_fit), model=_always_join())
        for i in range(3):
            linker.assign(f"a{i}", _features(["drone", "isfahan", "strike"], ["ent_iran"], keys=["isfahan"]))
        return linker.assign("b", _features(["poll", "senate", "isfahan"], ["ent_ohio"], keys=["isfahan"]))
    assert run(0.0) == "s_a0"
    assert run(0.5) == "s_b"


def test_a_late_article_joins_only_through_a_specific_key():
    def run(keys):
        linker = StoryLinker(model=_always_join())
        linker.assign("a1", _features(["shooting"], day="2016-03-01", keys=["clinton", "folena"]))
        linker.restore("o1", "s_o1", _features(["other"], day="2016-03-01", keys=["clinton"]))
        return linker.assign("late", _features(["shooting"], day="2016-05-01", keys=keys))
    assert run(["clinton"]) != "s_a1"
    assert run(["clinton", "folena"]) == "s_a1"  # only s_a1 lists "folena": the trial names the happening
    linker = StoryLinker(replace(LinkerConfig(), follow_up_days=None), model=_always_join())
    linker.assign("a1", _features(["shooting"], day="2016-03-01", keys=["clinton"]))
    assert linker.assign("late", _features(["shooting"], day="2016-05-01", keys=["clinton"])) == "s_a1"


def test_months_later_a_common_name_is_not_enough_but_a_rare_one_or_the_incident_day_is():
    def run(name, days=()):
        linker = StoryLinker(model=_always_join())
        first = _features(["caucus"], ["ent_n"], day="2016-01-10", keys=["ent_n"], names={"ent_n": name})
        linker.assign("a1", {**first, "event_days": ["2016-01-09"]})
        late = _features(["caucus"], ["ent_n"], day="2016-03-20", keys=["ent_n"], names={"ent_n": name})
        return linker.assign("late", {**late, "event_days": list(days)})
    assert run("Iowa") != "s_a1"  # two months of campaign coverage all name Iowa: another happening
    assert run("Tyshawn Lee") == "s_a1"  # the victim's name: the trial of that shooting
    assert run("Iowa", days=["2016-01-09"]) == "s_a1"  # it tells of the story's day


def test_attacks_in_other_towns_never_join_but_a_town_named_two_ways_does():
    def run(place, name):
        linker = StoryLinker(model=_always_join())
        linker.assign("a1", _features(["shooting"], keys=["k"], places=["ent_em"], names={"ent_em": "East Memphis"}))
        return linker.assign("a2", _features(["shooting"], keys=["k"], places=[place], names={place: name}))
    assert run("ent_karaj", "Karaj") == "s_a2"
    assert run("ent_memphis", "Memphis") == "s_a1"


def test_hostile_article_features_link_in_bounded_time():
    linker = StoryLinker()
    started = time.perf_counter()
    for i in range(200):
        features = _features([f"w{i}_{k}" for k in range(40)], [f"e{i}_{k}" for k in range(30)], "2020-01-01",
                             keys=[f"w{i}_0", "common"], title="Title " * 100_000,
                             event_places=[f"p{k}" for k in range(10_000)])
        linker.assign(f"a{i}", features)
    assert time.perf_counter() - started < 10
    assert all(len(story.event_places) < 200 + 20 for story in linker.stories.values())


def test_old_stories_without_cohesion_load_and_new_ones_keep_it():
    old = {"id": "s1", "title": "t", "articles": ["a1"], "first_seen": None, "last_seen": None, "key_entities": []}
    assert from_dict(Story, old).cohesion is None
    assert from_dict(Story, to_dict(Story("s2", "t", ["a", "b"], cohesion=0.42))).cohesion == 0.42


def test_a_same_day_report_naming_the_town_at_another_level_is_not_vetoed():
    def run(day):
        linker = StoryLinker(model=_always_join())
        linker.assign("a1", _features(["shooting"], day="2016-03-01", keys=["k"], places=["ent_chicago"],
                                      names={"ent_chicago": "Chicago"}))
        return linker.assign("a2", _features(["shooting"], day=day, keys=["k"], places=["ent_englewood"],
                                             names={"ent_englewood": "Englewood"}))
    assert run("2016-03-02") == "s_a1"
    assert run("2016-03-03") == "s_a2"


def _model_at(probability: float, threshold: float = 0.1) -> LinkModel:
    """A model that scores every candidate ``probability`` (bias only)."""
    n = len(FEATURES)
    return LinkModel((0.0,) * n, (1.0,) * n, (0.0,) * n, math.log(probability / (1 - probability)), threshold)


def test_a_report_of_the_story_s_incident_day_is_spared_the_fit_gate_when_the_model_is_sure():
    def run(days, model):
        linker = StoryLinker(LinkerConfig(min_fit=0.5), model=model)
        for i in range(2):  # a shooting on 2016-07-16, reported in its own words
            linker.assign(f"a{i}", {**_features(["gunfire", "porch"], ["ent_austin"], "2016-07-17", keys=["porch"]),
                                    "event_days": ["2016-07-16"]})
        # the arrest, told in other words, names the shooting's day
        arrest = _features(["custody", "charge", "porch"], ["ent_court"], "2016-07-18", keys=["porch"])
        return linker.assign("b", {**arrest, "event_days": list(days)})
    assert run(["2016-07-16"], _always_join()) == "s_a0"
    assert run([], _always_join()) == "s_b"  # no day told: the fit gate holds
    assert run(["2016-07-12"], _always_join()) == "s_b"  # another day: another shooting
    assert run(["2016-07-16"], _model_at(0.3)) == "s_b"  # the model unsure: the fit gate holds


def test_a_report_of_the_story_s_incident_day_naming_its_place_at_another_level_days_later_joins():
    def run(days):
        linker = StoryLinker(model=_always_join())
        first = _features(["shooting"], day="2016-03-01", keys=["k"], places=["ent_chicago"],
                          names={"ent_chicago": "Chicago"})
        linker.assign("a1", {**first, "event_days": ["2016-03-01"]})
        later = _features(["shooting"], day="2016-03-03", keys=["k"], places=["ent_austin"],
                          names={"ent_austin": "Austin"})
        return linker.assign("a2", {**later, "event_days": list(days)})
    assert run(["2016-03-01"]) == "s_a1"
    assert run([]) == "s_a2"  # days apart, another town, no day told: the towns veto holds


def test_on_the_incident_day_a_late_report_may_join_through_a_name_two_stories_list():
    def run(days):
        linker = StoryLinker(model=_always_join())
        linker.assign("a1", {**_features(["shooting"], day="2016-03-01", keys=["folena"]),
                             "event_days": ["2016-02-29"]})
        # the same shooting split off into a second story that names the victim too
        linker.restore("a2", "s_a2", _features(["vigil"], day="2016-03-02", keys=["folena"]))
        return linker.assign("late", {**_features(["shooting"], day="2016-03-20", keys=["folena"]),
                                      "event_days": list(days)})
    assert run(["2016-02-29"]) == "s_a1"
    assert run([]) == "s_late"  # not on the day: a name two stories list is not specific enough


def test_ages_a_report_gives_are_read_and_compared_with_the_story_s():
    from newsledger.link.story_links import told_ages

    assert told_ages("Teen, 17, shot in Akron", "AKRON -- A 17-year-old boy was shot. Jamal Smith, 19, was held.") \
        == [17, 19]
    assert told_ages("", "x" * 2000 + " a 40-year-old man") == []  # only the opening introduces the people
    linker = StoryLinker(model=_always_join())
    linker.assign("a1", _features(["shoot"], day="2016-05-14", title="Man, 45, shot on Main Street") | {"ages": [45]})
    index = FEATURES.index("ages_agree")
    same = dict(linker.candidate_rows(_features(["shoot"], day="2016-05-14") | {"ages": [45, 30]}))["s_a1"]
    other = dict(linker.candidate_rows(_features(["shoot"], day="2016-05-14") | {"ages": [17]}))["s_a1"]
    untold = dict(linker.candidate_rows(_features(["shoot"], day="2016-05-14")))["s_a1"]  # an old ledger's features
    assert (same[index:index + 2], other[index:index + 2], untold[index:index + 2]) == ([1.0, 0.0], [0.0, 1.0],
                                                                                       [0.0, 0.0])
