"""Placing an added happening among a large story's kept ones (``link/online_events``): by the model's own linkage
to a kept happening's exemplars, violent incidents by town and day as ``merge_incidents`` joins them."""

from __future__ import annotations

from datetime import date

from newsledger.link.online_events import KeptHappening, linked_home, place
from newsledger.records import CrossEvent, Event, EventType, Span, TimeValue


class _Model:
    """A stand-in coreference model: the probability of a pair is given by the two mentions' words."""

    def __init__(self, linkage: str, pairs: dict[frozenset, float]) -> None:
        self.linkage, self.threshold, self.pairs = linkage, 0.5, pairs

    def features(self, a, b, same_doc, terms, entities):
        return [frozenset((a["word"], b["word"]))]

    def probability(self, row):
        return self.pairs.get(row[0], 0.0)


def _mention(word: str, doc: str = "d1") -> dict:
    return {"id": f"{doc}:{word}", "word": word, "doc": doc}


def _kept(name: str, *words: str) -> KeptHappening:
    return KeptHappening(name, "protest", EventType.OTHER, [], [], exemplars=[_mention(w, "d0") for w in words])


def _similarity(a, b):
    return 0.0, 0.0


def test_single_linkage_joins_on_one_confident_link_and_average_on_the_mean():
    pairs = {frozenset(("march", "rally")): 0.9, frozenset(("march", "strike")): 0.05}
    kept = [_kept("rally", "rally", "strike"), _kept("other", "vote")]
    assert linked_home([_mention("march")], kept, _similarity, _Model("single", pairs)) is kept[0]
    assert linked_home([_mention("march")], kept, _similarity, _Model("average", pairs)) is None  # mean 0.475
    assert linked_home([_mention("march")], kept, _similarity, _Model("complete", pairs)) is None


def test_no_link_at_the_threshold_keeps_the_happening_apart():
    assert linked_home([_mention("march")], [_kept("vote", "vote")], _similarity, _Model("single", {})) is None
    assert linked_home([_mention("march")], [], _similarity, _Model("single", {})) is None


def _event(eid: str, kind: EventType, article: str, day: str | None) -> Event:
    return Event(id=eid, article=article, type=kind, trigger=Span("shot", 0, 4),
                 time=TimeValue("Wednesday", 10, 19, day) if day else None)


def test_an_incident_joins_the_largest_compatible_incident_and_a_later_day_starts_its_own():
    small = KeptHappening("x_small", "attack", EventType.ATTACK, ["a"], ["a1"], days={date(2016, 3, 9)})
    large = KeptHappening("x_large", "death", EventType.DEATH, ["b", "c"], ["a2", "a3"], days={date(2016, 3, 9)})
    kept = [small, large]
    added = [_event("n1", EventType.ATTACK, "a4", "2016-03-10"), _event("n2", EventType.ATTACK, "a5", "2016-04-20")]
    found = [CrossEvent("x_n1", "s", EventType.ATTACK, ["n1"], ["a4"]), CrossEvent("x_n2", "s", EventType.ATTACK, ["n2"], ["a5"])]
    homes = place(found, {e.id: e for e in added}, kept, {}, lambda docs: {}, _Model("single", {}))
    assert homes["x_n1"] is large and "n1" in large.mentions and "a4" in large.articles  # within a day of it
    assert homes["x_n2"].id == "x_n2" and homes["x_n2"] in kept  # five weeks later: a happening of its own
    assert large.record("s").times == ["2016-03-10"]


def test_a_kept_happening_s_exemplars_are_read_only_when_an_added_one_of_its_kind_is_compared_with_them():
    protest = KeptHappening("x_p", "protest", EventType.OTHER, ["p"], ["a1"], exemplars=[_mention("march", "a1")])
    vote = KeptHappening("x_v", "vote", EventType.OTHER, ["v"], ["a2"], exemplars=[_mention("ballot", "a2")])
    asked = []

    def load(docs):
        asked.extend(docs)
        return {doc: {"terms": {}, "entities": {}} for doc in docs}

    added = Event(id="n1", article="a3", type=EventType.OTHER, trigger=Span("rally", 0, 5))
    found = [CrossEvent("x_n1", "s", EventType.OTHER, ["n1"], ["a3"])]
    features = {"a3": {"terms": {}, "entities": {}, "event_mentions": [{"id": "n1", "word": "rally"}]}}
    model = _Model("single", {frozenset(("rally", "march")): 0.9})
    homes = place(found, {"n1": added}, [protest, vote], features, load, model)
    assert asked == [] and homes["x_n1"].id == "x_n1"  # no kept happening of its kind ("other"): nothing read
    protest.kind = vote.kind = "other"
    homes = place([CrossEvent("x_n1", "s", EventType.OTHER, ["n1"], ["a3"])], {"n1": added}, [protest, vote],
                  features, load, model)
    assert sorted(asked) == ["a1", "a2"] and homes["x_n1"] is protest


def test_a_happening_of_another_time_or_town_is_not_joined_whatever_the_model_says():
    """As ``split_by_place_and_time`` parts a cluster: one time (or its prefix) and one town per happening."""
    protest = KeptHappening("x_p", "other", EventType.OTHER, ["p"], ["a1"], towns={"5391811"},
                            exemplars=[_mention("march", "a1")])
    protest.said["times"].update(["2016-05-02"])
    model = _Model("single", {frozenset(("rally", "march")): 0.9})
    features = {"a3": {"terms": {}, "entities": {}, "event_mentions": [{"id": "n1", "word": "rally"}]}}

    def placed(day: str | None) -> str:
        added = Event(id="n1", article="a3", type=EventType.OTHER, trigger=Span("rally", 0, 5),
                      time=TimeValue("then", 0, 4, day) if day else None)
        homes = place([CrossEvent("x_n1", "s", EventType.OTHER, ["n1"], ["a3"])], {"n1": added}, [protest],
                      features, lambda docs: {d: {"terms": {}, "entities": {}} for d in docs}, model)
        return homes["x_n1"].id

    assert placed("2016-05-27") == "x_n1"  # another day: its own happening
    assert placed("2016-05") == "x_p" and placed(None) == "x_p"  # the month it falls in, or no time: joined
