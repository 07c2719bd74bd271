"""The story linker's bounded retrieval, near-duplicates and the tuned place rule, on hand-made features."""

from __future__ import annotations

from newsledger.link.stories import LinkerConfig, StoryLinker


def _features(terms, entities=(), places=(), day=None, keys=None, sketch=()):
    features = {
        "terms": {t: 1.0 for t in terms},
        "entities": {e: 1.0 for e in entities},
        "places": list(places),
        "date": day,
        "title": " ".join(terms),
        "names": {},
        "sketch": list(sketch),
    }
    if keys is not None:
        features["keys"] = list(keys)
    return features


def test_a_strike_elsewhere_by_the_same_actors_is_another_story():
    borderline = ["strike", "plant", "mossad"], ["ent_iran", "ent_israel", "ent_y"]
    for place, joins in (("karaj", False), ("isfahan", True)):
        linker = StoryLinker()
        linker.assign("a1", _features(["strike", "facility", "drone"], ["ent_iran", "ent_israel", "ent_x"], ["isfahan"]))
        assert (linker.assign("a2", _features(*borderline, [place])) == "s_a1") is joins


def test_only_the_articles_keys_retrieve_candidates():
    linker = StoryLinker()
    linker.assign("a1", _features(["said", "quake", "aceh"], keys=["aceh"]))
    assert linker.assign("a2", _features(["said", "quake", "aceh"], keys=["said"])) == "s_a2"


def test_postings_keep_only_the_most_recent_stories():
    linker = StoryLinker(LinkerConfig(posting_limit=2))
    for i in range(5):
        linker.assign(f"a{i}", _features([f"topic{i}"], keys=["common", f"topic{i}"]))
    assert list(linker._index["common"]) == ["s_a3", "s_a4"]


def test_a_near_copy_joins_its_original_story_and_is_marked():
    shared = list(range(100, 132))
    linker = StoryLinker()
    linker.assign("a1", _features(["quake", "aceh"], keys=["aceh"], sketch=shared))
    linker.assign("a2", _features(["vote", "ohio"], keys=["ohio"]))
    copy = _features(["vote", "ohio"], keys=["ohio"], sketch=[*shared[:30], 1, 2])  # different terms, same text
    assert linker.assign("a3", copy) == "s_a1"
    assert linker.duplicate_of == {"a3": "a1"}


def test_stories_remember_their_date_range():
    linker = StoryLinker()
    linker.assign("a1", _features(["strike", "drone"], day="2023-01-28", keys=["drone"]))
    linker.assign("a2", _features(["strike", "drone"], day="2023-02-20", keys=["drone"]))
    record = linker.stories["s_a1"].record()
    assert (record.first_seen, record.last_seen, record.articles) == ("2023-01-28", "2023-02-20", ["a1", "a2"])
    assert linker.assign("a3", _features(["strike", "drone"], day="2023-04-30", keys=["drone"])) == "s_a3"
