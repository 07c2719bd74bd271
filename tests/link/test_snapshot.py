"""The story linker's kept state (``link/snapshot.py``): what a restarted run takes up is what the run held."""

from __future__ import annotations

import json

from newsledger.link import snapshot
from newsledger.link.stories import LinkerConfig, StoryLinker

from test_link_stories import _features


def _linked() -> StoryLinker:
    """A linker whose stories pruned their centroids, merged and met a near-copy: what a replay cannot redo."""
    linker = StoryLinker(LinkerConfig(learned=False))
    shared = list(range(100, 132))
    for n in range(40):
        linker.assign(f"a{n}", _features(["drone", "isfahan", "strike"], [f"e{n}_{k}" for k in range(10)] + ["iran"],
                                         day="2023-01-28", keys=["isfahan"], sketch=shared if n == 0 else ()))
    linker.assign("b1", _features(["vote", "ohio"], keys=["ohio"], day="2023-01-29"))
    linker.assign("c1", _features(["vote", "ohio"], keys=["ohio"], sketch=[*shared[:30], 1, 2]))
    linker.assign("d1", _features(["flood", "dhaka"], keys=["dhaka"]))
    return linker


def test_the_kept_state_is_the_linkers_own_and_survives_json():
    linker = _linked()
    state = linker.state()
    assert len(next(iter(linker.stories.values())).entities.weights) < 300  # pruned
    again = StoryLinker.from_state(json.loads(json.dumps(state)), LinkerConfig(learned=False))
    assert again.state() == state and again.story_of("a7") == linker.story_of("a7")
    assert linker.state() == state  # taking the state does not change the linker (its story numbers)


def test_a_linker_taking_up_its_stories_as_asked_links_as_the_one_that_went_on():
    config = LinkerConfig(learned=False)
    linker = _linked()
    state = json.loads(json.dumps(linker.state()))
    kept = {story["id"]: story for story in state.pop("stories")}
    asked = []
    taken_up = StoryLinker.from_state({**state, "stories": []}, config,
                                      more=lambda story: asked.append(story) or kept.get(story))
    for n, features in enumerate([_features(["drone", "isfahan"], ["iran"], keys=["isfahan"]),
                                  _features(["vote", "ohio", "recount"], keys=["ohio"]),
                                  _features(["quake"], keys=["quake"], sketch=list(range(100, 132)))]):
        assert taken_up.assign(f"n{n}", features) == linker.assign(f"n{n}", features)
        assert taken_up.duplicate_of.get(f"n{n}") == linker.duplicate_of.get(f"n{n}")
    assert taken_up.state() == linker.state(taken_up.stories)  # the stories taken up are as the linker's
    assert 0 < len(asked) < len(kept)  # and only those the new articles came near were asked for


def test_a_snapshot_is_used_only_by_its_code_config_and_articles():
    config = LinkerConfig()
    assert snapshot.stamp(config, 3, 3) == snapshot.stamp(LinkerConfig(), 3, 3)
    assert len({snapshot.stamp(config, 3, 3), snapshot.stamp(config, 4, 4), snapshot.stamp(config, 3, 4),
                snapshot.stamp(LinkerConfig(threshold=0.3), 3, 3)}) == 4
