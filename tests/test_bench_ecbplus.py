"""The ECB+ reader and the clustering metrics, on a tiny synthetic corpus and hand-computed toy cases."""

from __future__ import annotations

import pytest

from newsledger.evaluation import clustering_metrics as cm
from newsledger.evaluation.ecbplus import parse_topics, read_corpus

DOC = """<Document doc_name="{name}.xml" doc_id="x">
<token t_id="1" sentence="0" number="0">Quake</token>
<token t_id="2" sentence="0" number="1">hits</token>
<token t_id="3" sentence="1" number="0">An</token>
<token t_id="4" sentence="1" number="1">earthquake</token>
<token t_id="5" sentence="1" number="2">struck</token>
<token t_id="6" sentence="1" number="3">``</token>
<token t_id="7" sentence="1" number="4">Aceh</token>
<token t_id="8" sentence="1" number="5">''</token>
<token t_id="9" sentence="1" number="6">,</token>
<token t_id="10" sentence="1" number="7">killing</token>
<token t_id="11" sentence="1" number="8">dozens</token>
<token t_id="12" sentence="1" number="9">.</token>
<Markables>
<ACTION_OCCURRENCE m_id="1"><token_anchor t_id="2"/></ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="2"><token_anchor t_id="5"/></ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="3"><token_anchor t_id="10"/></ACTION_OCCURRENCE>
<LOC_GEO m_id="4"><token_anchor t_id="7"/></LOC_GEO>
<ACTION_OCCURRENCE m_id="9" RELATED_TO="" TAG_DESCRIPTOR="quake" instance_id="ACT1"/>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="ACT1"><source m_id="1"/><source m_id="2"/><target m_id="9"/></CROSS_DOC_COREF>
</Relations>
</Document>
"""


@pytest.fixture
def corpus(tmp_path):
    for name in ("3_1ecb", "3_2ecbplus", "12_1ecb"):
        folder = tmp_path / "topics" / name.split("_")[0]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.xml").write_text(DOC.format(name=name), encoding="utf-8")
    (tmp_path / "ECBplus_coreference_sentences.csv").write_text(
        "Topic,File,Sentence Number\n3,1ecb,1\n3,2ecbplus,1\n", encoding="utf-8"
    )
    return tmp_path


def test_reader_builds_text_mentions_and_gold_clusters(corpus):
    docs = read_corpus(corpus)
    assert [d.name for d in docs] == ["3_1ecb", "3_2ecbplus", "12_1ecb"]
    doc = docs[0]
    assert doc.text == 'Quake hits\n\nAn earthquake struck "Aceh", killing dozens.'
    assert (doc.topic, doc.subtopic, docs[1].subtopic) == (3, "3ecb", "3ecbplus")
    clusters = {doc.text[slice(*doc.span(m))]: m.cluster for m in doc.mentions}
    assert clusters == {"hits": "ACT1", "struck": "ACT1", "killing": "3_1ecb:3", "Aceh": "3_1ecb:4"}
    assert [doc.text[slice(*doc.span(m))] for m in doc.events] == ["struck", "killing"]  # sentence 1 only
    assert docs[2].events == []  # no annotated sentence listed


def test_reader_selects_topics(corpus):
    assert {d.topic for d in read_corpus(corpus, parse_topics("12"))} == {12}
    assert parse_topics("1-3,7") == [1, 2, 3, 7] and parse_topics(None) is None


# The textbook example (Pradhan et al. 2014): key {a,b,c} {d,e,f,g}; response {a,b} {c,d} {f,g,h,i}.
KEY = {**dict.fromkeys("abc", 1), **dict.fromkeys("defg", 2)}
RESPONSE = {**dict.fromkeys("ab", "x"), **dict.fromkeys("cd", "y"), **dict.fromkeys("fghi", "z")}


def test_muc_b3_ceaf_and_conll_by_hand():
    scores = cm.coref_scores(KEY, RESPONSE)
    assert scores["muc"]["r"] == pytest.approx(2 / 5) and scores["muc"]["p"] == pytest.approx(2 / 5)
    assert scores["b3"]["r"] == pytest.approx(5 / 12) and scores["b3"]["p"] == pytest.approx(4 / 8)
    assert scores["b3"]["f1"] == pytest.approx(5 / 11)
    assert scores["ceaf_e"]["r"] == pytest.approx(1.3 / 2) and scores["ceaf_e"]["p"] == pytest.approx(1.3 / 3)
    assert scores["conll"]["f1"] == pytest.approx((0.4 + 5 / 11 + 0.52) / 3)


def test_singletons_count_in_b3_and_ceaf_but_never_in_muc():
    key, response = {"a": 1, "b": 1, "c": 2}, dict.fromkeys("abc", "x")
    kept, dropped = cm.coref_scores(key, response), cm.coref_scores(key, response, singletons=False)
    assert kept["muc"] == dropped["muc"] == {"p": 0.5, "r": 1.0, "f1": pytest.approx(2 / 3)}
    assert (kept["b3"]["r"], kept["b3"]["p"]) == (1.0, pytest.approx(5 / 9))
    assert (dropped["b3"]["r"], dropped["b3"]["p"]) == (1.0, pytest.approx(4 / 9))
    assert (kept["ceaf_e"]["r"], kept["ceaf_e"]["p"]) == (pytest.approx(0.4), pytest.approx(0.8))
    assert (dropped["ceaf_e"]["r"], dropped["ceaf_e"]["p"]) == (pytest.approx(0.8), pytest.approx(0.8))


def test_identical_clusterings_score_one():
    scores = cm.coref_scores(KEY, KEY)
    assert all(s["f1"] == pytest.approx(1.0) for s in scores.values())
    assert cm.adjusted_rand(KEY, KEY) == 1.0


def test_pairwise_and_ari_by_hand():
    key = {**dict.fromkeys("abc", 1), "d": 2}
    response = {**dict.fromkeys("ab", "x"), **dict.fromkeys("cd", "y")}
    assert cm.pairwise(key, response) == {"p": 0.5, "r": pytest.approx(1 / 3), "f1": pytest.approx(0.4)}
    assert cm.adjusted_rand(key, response) == pytest.approx(0.0)  # as sklearn's adjusted_rand_score
    assert cm.adjusted_rand(KEY, {**KEY, "d": 1}) == pytest.approx(5 / 12)  # sklearn agrees


def test_cross_validation_clusters_each_groups_own_block_of_pair_probabilities():
    import numpy as np

    from newsledger.link.coref import LINKAGES
    from newsledger.training.coref import THRESHOLD_GRID, LabelledPairs, clusterings

    pairs = LabelledPairs(1, [[0.0]] * 4, [("a", "b")] * 4, [True] * 4,
                          {"1ecb": ["m1", "m2", "m3"], "1ecbplus": ["m4", "m5"]})
    # pairs in order: (m1, m2), (m1, m3), (m2, m3) of the first group, then (m4, m5)
    found = dict(clusterings(pairs, np.array([0.9, 0.1, 0.2, 0.8])))
    labels = found["single", 0.5]
    assert labels["m1"] == labels["m2"] != labels["m3"] and labels["m4"] == labels["m5"]
    assert labels["m1"].startswith("1ecb/") and labels["m4"].startswith("1ecbplus/")
    assert len(found) == len(LINKAGES) * len(THRESHOLD_GRID)


def test_training_rows_take_the_lemma_priors_they_are_given():
    from newsledger.link.coref import LemmaPriors
    from newsledger.training.coref import LabelledPairs

    pairs = LabelledPairs(1, [[1.0], [0.0]], [("quake", "earthquake"), ("say", "say")], [True, False], {})
    priors = LemmaPriors.count([("earthquake", "quake", True)])
    assert pairs.rows(priors) == [[1.0, 0.5, 1.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0, 0.0, 1.0]]
    assert pairs.triples() == [("quake", "earthquake", True), ("say", "say", False)]
