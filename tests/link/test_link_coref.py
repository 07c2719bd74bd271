"""Cross-document event coreference: mention descriptions, pair features, the shipped model and clustering."""

from __future__ import annotations

import pytest

from newsledger.annotate.nlp import load
from newsledger.link.coref import (
    FEATURES,
    MODEL_PATH,
    CorefModel,
    LemmaPriors,
    cluster,
    describe,
    pair_features,
)


@pytest.fixture(scope="module")
def mentions():
    nlp = load()
    found = []
    for text, word in (("A strong earthquake struck Aceh on Sunday, killing 12 people.", "struck"),
                       ("The quake that struck the Indonesian province of Aceh on Sunday killed at least 12.", "struck"),
                       ("Police arrested a man in Ohio on Tuesday.", "arrested")):
        start = text.index(word)
        found.append(describe(nlp(text), start, start + len(word), word))
    return found


def test_describe_reads_the_head_and_the_sentences_arguments(mentions):
    struck, _, arrested = mentions
    assert (struck["lemma"], struck["pos"]) == ("strike", "VERB")
    assert "aceh" in struck["args"]["place"] and "sunday" in struck["args"]["time"]
    assert arrested["lemma"] == "arrest"


def test_the_shipped_model_prefers_the_same_event(mentions):
    model = CorefModel.load(MODEL_PATH)
    assert len(model.weights) == len(FEATURES) and 0 < model.threshold < 1
    assert model.linkage in ("average", "single", "complete") and model.selection["cv_conll_f1"] > 0
    same = model.probability(model.features(mentions[0], mentions[1], False, 0.6, 0.5))
    other = model.probability(model.features(mentions[0], mentions[2], False, 0.1, 0.0))
    assert same > model.threshold > other


def test_average_linkage_cuts_at_the_threshold():
    scores = {(0, 1): 0.9, (0, 2): 0.2, (1, 2): 0.4, (0, 3): 0.1, (1, 3): 0.1, (2, 3): 0.8}
    labels = cluster(4, lambda i, j: scores[i, j], 0.5)
    assert labels[0] == labels[1] and labels[2] == labels[3] and labels[0] != labels[2]
    assert len(set(cluster(4, lambda i, j: scores[i, j], 0.15))) == 1  # mean similarity of the two is 0.2
    assert cluster(1, lambda i, j: 0.0, 0.5) == [0] and cluster(0, lambda i, j: 0.0, 0.5) == []


def test_lemma_priors_are_smoothed_symmetric_rates():
    priors = LemmaPriors.count([("quake", "earthquake", True), ("earthquake", "quake", True), ("kill", "say", False),
                                ("say", "say", False), ("say", "say", False), ("say", "say", True)])
    assert priors.pairs == {"earthquake|quake": round(2 / 3, 4)}  # a pair that never corefers is not kept
    assert priors.same == {"say": 0.25}  # 1 of 3, smoothed: 1 / (3 + 1)
    assert priors.features("quake", "earthquake") == priors.features("earthquake", "quake") == [round(2 / 3, 4), 1.0,
                                                                                                 0.0, 0.0, 0.0]
    assert priors.features("kill", "say") == [0.0] * 5
    assert priors.features("say", "say") == [0.0, 0.0, 0.25, 1.0, 0.0]
    assert priors.features("hit", "hit") == [0.0, 0.0, 0.0, 0.0, 1.0]  # a lemma train never saw twice


def test_pair_features_follow_the_feature_names(mentions):
    assert len(pair_features(mentions[0], mentions[1], False, 0.5, 0.5)) == len(FEATURES)


def test_single_linkage_follows_a_chain_that_average_linkage_cuts():
    scores = {(0, 1): 0.9, (1, 2): 0.9, (0, 2): 0.1}  # average of {0, 1} with 2: 0.5
    assert len(set(cluster(3, lambda i, j: scores[i, j], 0.6, "single"))) == 1
    assert len(set(cluster(3, lambda i, j: scores[i, j], 0.6, "average"))) == 2
    assert len(set(cluster(3, lambda i, j: scores[i, j], 0.6, "complete"))) == 2


def test_a_model_file_of_another_feature_set_is_refused(tmp_path):
    model = CorefModel.load(MODEL_PATH)
    model.weights = model.weights[:-1]
    model.save(tmp_path / "old.json")
    with pytest.raises(ValueError, match="retrain"):
        CorefModel.load(tmp_path / "old.json")


def test_a_saved_model_loads_back_the_same(tmp_path):
    model = CorefModel.load(MODEL_PATH)
    model.save(tmp_path / "copy.json")
    assert CorefModel.load(tmp_path / "copy.json") == model
