"""Streaming story linking on hand-made features (the seeds are checked end to end in test_seeds.py)."""

from __future__ import annotations

from newsledger.link.stories import StoryLinker


def _features(terms, entities=(), places=(), day=None):
    return {
        "terms": {t: 1.0 for t in terms},
        "entities": {e: 1.0 for e in entities},
        "places": list(places),
        "date": day,
        "title": " ".join(terms),
        "names": {},
    }


def test_similar_articles_join_and_different_ones_start_stories():
    linker = StoryLinker()
    first = linker.assign("a1", _features(["drone", "isfahan", "attack"], ["ent_iran"], ["isfahan"]))
    second = linker.assign("a2", _features(["drone", "isfahan", "strike"], ["ent_iran"], ["isfahan"]))
    third = linker.assign("a3", _features(["election", "senate", "vote"], ["ent_ohio"]))
    assert first == second == "s_a1"
    assert third == "s_a3"
    assert linker.stories["s_a1"].record().articles == ["a1", "a2"]


def test_where_the_events_happened_decides_a_borderline_article():
    def borderline(place: str):
        return _features(["strike", "plant", "mossad"], ["ent_iran", "ent_israel", "ent_y"], [place])

    for place, joins in (("karaj", False), ("isfahan", True)):
        linker = StoryLinker()
        linker.assign("a1", _features(["strike", "facility", "drone"], ["ent_iran", "ent_israel", "ent_x"], ["isfahan"]))
        assert (linker.assign("a2", borderline(place)) == "s_a1") is joins


def test_far_apart_dates_keep_stories_apart():
    linker = StoryLinker()
    linker.assign("a1", _features(["strike", "drone", "base"], ["ent_x"], day="2023-01-28"))
    assert linker.assign("a2", _features(["strike", "drone", "base"], ["ent_x"], day="2023-01-29")) == "s_a1"
    assert linker.assign("a3", _features(["strike", "drone", "base"], ["ent_x"], day="2021-06-01")) != "s_a1"


def test_restored_linker_continues_where_it_stopped():
    linker = StoryLinker()
    linker.restore("a1", "s_a1", _features(["drone", "isfahan"], ["ent_iran"]))
    assert linker.assign("a2", _features(["drone", "isfahan"], ["ent_iran"])) == "s_a1"
