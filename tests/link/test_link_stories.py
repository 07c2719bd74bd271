"""The story linker's bounded retrieval, near-duplicates and the tuned place rule, on hand-made features."""

from __future__ import annotations

import math

from newsledger.link.stories import Centroid, LinkerConfig, StoryLinker


def _features(terms, entities=(), places=(), day=None, keys=None, sketch=(), title=None):
    features = {
        "terms": {t: 1.0 for t in terms},
        "entities": {e: 1.0 for e in entities},
        "places": list(places),
        "date": day,
        "title": " ".join(terms) if title is None else title,
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
    linker.assign("a1", _features(["said", "quake", "aceh"], keys=["aceh"], title=""))
    assert linker.assign("a2", _features(["said", "quake", "aceh"], keys=["said"], title="")) == "s_a2"


def test_postings_keep_only_the_most_recent_stories():
    linker = StoryLinker(LinkerConfig(posting_limit=2))
    for i in range(5):
        linker.assign(f"a{i}", _features([f"topic{i}"], keys=["common", f"topic{i}"], title=""))
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
    linker.assign("a2", _features(["strike", "drone"], day="2023-01-30", keys=["drone"]))
    record = linker.stories["s_a1"].record()
    assert (record.first_seen, record.last_seen, record.articles) == ("2023-01-28", "2023-01-30", ["a1", "a2"])
    assert linker.assign("a3", _features(["strike", "drone"], day="2023-08-30", keys=["drone"])) == "s_a3"


SKETCHES = {"a1": list(range(100, 132)), "a2": list(range(200, 232))}


def _two_stories_and_a_bridge(config):
    """s_a1 and s_a2 share no term; a3 has both halves, joins one and makes it like the other."""
    linker = StoryLinker(config)
    linker.assign("a1", _features(["quake", "aceh", "tsunami", "wave"], keys=["common"], sketch=SKETCHES["a1"]))
    linker.assign("a2", _features(["rescue", "village", "death", "toll"], keys=["common"], sketch=SKETCHES["a2"]))
    joined = linker.assign("a3", _features(["quake", "aceh", "tsunami", "wave", "rescue", "village", "death", "toll"],
                                           keys=["common"]))
    return linker, joined


def test_a_story_that_grows_like_another_absorbs_it():
    linker, joined = _two_stories_and_a_bridge(LinkerConfig(merge_threshold=0.15))
    assert joined in ("s_a1", "s_a2")
    absorbed = "s_a2" if joined == "s_a1" else "s_a1"  # the joined story is the larger: it survives
    assert linker.take_merges() == [(absorbed, joined)]
    assert linker.take_merges() == []
    assert set(linker.stories) == {joined}
    assert sorted(linker.stories[joined].record().articles) == ["a1", "a2", "a3"]
    assert {linker.story_of(a) for a in ("a1", "a2", "a3")} == {joined}
    assert list(linker._index["common"]) == [joined]


def test_stories_stay_apart_below_the_merge_threshold():
    linker, _ = _two_stories_and_a_bridge(LinkerConfig())
    assert linker.take_merges() == []
    assert set(linker.stories) == {"s_a1", "s_a2"}


def test_a_copy_of_an_absorbed_article_joins_the_survivor():
    linker, joined = _two_stories_and_a_bridge(LinkerConfig(merge_threshold=0.15))
    original = "a2" if joined == "s_a1" else "a1"
    assert linker.assign("a4", _features(["other"], keys=["elsewhere"], sketch=SKETCHES[original])) == joined
    assert linker.duplicate_of == {"a4": original}


def test_a_merge_in_the_store_removes_the_absorbed_story_and_what_was_resolved_for_it(tmp_path):
    from sqlalchemy import insert

    from newsledger.records import Article, ArticleRecords, Story
    from newsledger.store import schema
    from newsledger.store.ledger import Store

    store = Store(str(tmp_path / "l.db"))
    records = [ArticleRecords(Article(id=a, text="Text."), features={"terms": {}}) for a in ("a1", "a2")]
    store.write(records, [Story("s_a1", "t", ["a1"]), Story("s_a2", "u", ["a2"])], {"a1": "s_a1", "a2": "s_a2"})
    for story in ("s_a1", "s_a2"):
        store.write_resolution(story, [], [])
    with store.engine.begin() as connection:
        for table in (schema.cross_events, schema.findings):
            connection.execute(insert(table).values(id=f"x_{table.name}", story="s_a2", data={}))
    store.write([], [Story("s_a1", "t", ["a1", "a2"])], {"a1": "s_a1", "a2": "s_a1"}, removed_stories=["s_a2"])
    assert [s.id for s in store.stories()] == ["s_a1"]
    assert store.count("cross_events") == store.count("findings") == 0
    assert store.unresolved_stories() == ["s_a1"]
    assert [(a, s) for a, s, _ in store.linking_state()] == [("a1", "s_a1"), ("a2", "s_a1")]


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
    # beyond the window (a trial three years on is within it: ``LinkerConfig.window_days``)
    assert linker.assign("a3", _features(["strike", "drone", "base"], ["ent_x"], day="2019-06-01")) != "s_a1"


def test_restored_linker_continues_where_it_stopped():
    linker = StoryLinker()
    linker.restore("a1", "s_a1", _features(["drone", "isfahan"], ["ent_iran"]))
    assert linker.assign("a2", _features(["drone", "isfahan"], ["ent_iran"])) == "s_a1"


def test_a_limited_centroid_keeps_its_heaviest_keys_and_their_norm():
    centroid = Centroid(limit=2)
    centroid.add({"quake": 3.0, "aceh": 2.0, "said": 0.5})
    assert len(centroid.weights) == 3  # pruned only on reaching twice the limit
    centroid.add({"rescue": 0.1})
    assert centroid.weights == {"quake": 3.0, "aceh": 2.0}
    assert math.isclose(centroid.norm2, 13.0)
    assert math.isclose(centroid.cosine({"quake": 1.0}), 3 / math.sqrt(13))


def test_large_stories_are_checked_for_merges_only_as_they_grow():
    linker = StoryLinker(LinkerConfig(merge_check_every_up_to=3, merge_check_growth=0.5))
    checked = []
    linker._merge_similar = lambda story, features: checked.append(len(story.articles)) or story
    for i in range(12):
        linker.assign(f"a{i}", _features(["quake", "aceh"], keys=["aceh"]))
    assert checked == [2, 3, 5, 8, 12]  # every time up to 3 articles, then at +50% over the last check (4.5, 7.5…)


def test_a_story_whose_entities_were_pruned_still_makes_its_record():
    """300 distinct entities prune the centroid; the record's key entities must not need the dropped ones."""
    linker = StoryLinker()
    for n in range(40):
        linker.assign(f"a{n}", _features(["drone", "isfahan", "strike"], [f"e{n}_{k}" for k in range(10)] + ["iran"],
                                         keys=["isfahan"]))
    story = next(iter(linker.stories.values()))
    assert len(story.articles) == 40 and len(story.entities.weights) < len(story.entity_articles)
    assert story.record().key_entities[0] == "iran"
