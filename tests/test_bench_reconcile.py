"""The reconcile benchmark: the gold set's shape, and the scores on it."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import DATASETS

from newsledger.evaluation.reconcile import (
    DEFAULT_GOLD,
    load_gold,
    render,
    run,
    sentence_around,
)

ECBPLUS = DATASETS / "ecbplus"


def test_gold_set_has_cross_document_items_of_topics_1_to_25():
    items = load_gold(DEFAULT_GOLD)
    assert len(items) >= 60 and len({i["id"] for i in items}) == len(items)
    assert set(Counter(i["label"] for i in items)) == {"compatible", "incompatible"}
    for item in items:
        docs = [side["doc"] for side in item["values"]]
        assert len(set(docs)) >= 2 and all(d.split("_")[0] == item["subtopic"].split("ecb")[0] for d in docs)
        assert 1 <= int(item["subtopic"].split("ecb")[0]) <= 25


@pytest.mark.skipif(not ECBPLUS.exists(), reason="../shared/datasets/ecbplus not present")
def test_bench_checks_spans_and_scores_both_statuses():
    result = run(ECBPLUS)
    located = result["modes"]["located"]
    assert located["disputed"]["precision"] >= 0.8 and located["disputed"]["recall"] >= 0.8
    assert located["corroborated"]["precision"] >= 0.9 and located["decided"] >= 45
    assert "disputed" in render(result)
    assert result["stance"]["disputed"]["items"] + result["stance"]["corroborated"]["items"] == result["items"]


def test_sentence_around_a_value():
    text = "Headline line\nFirst sentence here. Ten people were killed in the blast. Police said more."
    start = text.index("Ten")
    assert sentence_around(text, start, start + 3) == "Ten people were killed in the blast."
    assert sentence_around(text, 0, 8) == "Headline line"
