"""The PolNeAR attribution scorer on a tiny hand-made folder, with every figure worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger.annotate.nlp import load
from newsledger.evaluation import attribution as bench
from newsledger.records import Attribution, CueSpan, SourceSpan, Span

TEXT = "Smith said the plan failed."
# tokens: Smith(0) said(1) the(2) plan(3) failed(4) .(5)
ANN = (
    "T1\tSource 0 5\tSmith\n"
    "T2\tCue 6 10\tsaid\n"
    "T3\tContent 11 26\tthe plan failed\n"
    "T4\tAttribution 6 10\tsaid\n"
    "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
    "#1\tAnnotatorNotes T3\ta note that must be ignored\n"
)


def folder(tmp_path: Path, annotations: dict[str, str], name: str = "wash-post_2016-01-01_smith") -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    for suffix, ann in annotations.items():
        (tmp_path / "attributions" / f"{name}{suffix}.ann").write_text(ann, encoding="utf-8")
    return tmp_path


def attribution(cue: tuple[int, int], content: tuple[int, int], source: tuple[int, int] | None) -> Attribution:
    src = SourceSpan(TEXT[source[0]:source[1]], *source) if source else None
    return Attribution("x", "x", src, CueSpan(TEXT[cue[0]:cue[1]], *cue, lemma=""), Span.of(TEXT, *content))


def scores(tmp_path: Path, annotations: dict[str, str], predicted: list[Attribution]) -> dict:
    articles = bench.load_articles(folder(tmp_path, annotations))
    docs = [load()(TEXT)]
    return bench.evaluate(articles, docs, lambda doc, name: predicted)["scores"]


PERFECT = [attribution((6, 10), (11, 26), (0, 5))]


def test_perfect_prediction_scores_one_everywhere(tmp_path):
    table = scores(tmp_path, {"_a1": ANN}, PERFECT)
    for role in ("source", "cue", "content", "attribution"):
        for level in ("exact", "overlap"):
            assert table[role][level] == {"p": 1.0, "r": 1.0, "f1": 1.0}


def test_partly_wrong_prediction(tmp_path):
    predicted = [
        attribution((6, 10), (11, 19), (0, 5)),  # content "the plan": 2 of the 3 gold tokens
        attribution((20, 26), (11, 19), None),  # a stray cue "failed" with no source
    ]
    table = scores(tmp_path, {"_a1": ANN}, predicted)
    assert table["cue"]["exact"] == {"p": 0.5, "r": 1.0, "f1": 0.6667}
    assert table["cue"]["overlap"] == {"p": 0.5, "r": 1.0, "f1": 0.6667}  # tokens: 1 of 2 predicted
    assert table["source"]["exact"] == {"p": 1.0, "r": 1.0, "f1": 1.0}  # only sourced predictions count
    assert table["content"]["exact"] == {"p": 0.0, "r": 0.0, "f1": 0.0}
    # both predicted contents {the, plan} lie inside gold {the, plan, failed}: P = 4/4, R = 2/3
    assert table["content"]["overlap"] == {"p": 1.0, "r": 0.6667, "f1": 0.8}
    # all roles together: P = (1 + 1 + 4) / (1 + 2 + 4) = 6/7, R = (1 + 1 + 2) / (1 + 1 + 3) = 4/5
    assert table["attribution"]["overlap"] == {"p": 0.8571, "r": 0.8, "f1": 0.8276}
    assert table["attribution"]["exact"] == {"p": 0.0, "r": 0.0, "f1": 0.0}


def test_annotators_are_averaged_per_article(tmp_path):
    # annotator a1 has the attribution, annotator b2 has none: the article counts half of each
    table = scores(tmp_path, {"_a1": ANN, "_b2": ""}, PERFECT)
    # cue: P = (1 + 0) / (1 + 1) = 0.5; R = (1 + 0) / (1 + 0) = 1
    assert table["cue"]["exact"] == {"p": 0.5, "r": 1.0, "f1": 0.6667}


def test_file_without_annotator_suffix_is_read(tmp_path):
    table = scores(tmp_path, {"": ANN}, PERFECT)
    assert table["cue"]["exact"]["f1"] == 1.0


def test_discontinuous_spans_and_whitespace_gaps(tmp_path):
    text = "“We won,” he said. “It was\nclose.”"
    ann = tmp_path / "x.ann"
    ann.write_text(
        "T1\tContent 0 9;19 26\t“We won,” “It was\n"
        "T2\tContent 27 34\tclose.”\n"
        "T3\tCue 13 17\tsaid\n"
        "T4\tSource 10 12\the\n"
        "E1\tAttribution-no-source:T3 Cue:T3 Content:T1 Content2:T2 Source:T4\n",
        encoding="utf-8",
    )
    [gold] = bench.read_ann(ann, text)
    assert gold.cue == ((13, 17),)
    assert gold.source == ((10, 12),)
    assert gold.content == ((0, 9), (19, 34))  # the line break between 26 and 27 is closed


def test_prediction_around_its_own_cue_is_cut_like_the_gold():
    text = "“We won,” he said. “It was close.”"
    predicted = Attribution(
        "x", "x", SourceSpan("he", 10, 12), CueSpan("said", 13, 17, "say"), Span.of(text, 0, len(text))
    )
    assert bench.predicted_spans(predicted, text).content == ((0, 9), (19, 34))


def test_run_end_to_end_and_render(tmp_path):
    result = bench.run(folder(tmp_path, {"_a1": ANN}))
    assert result["articles"] == 1 and result["annotation_files"] == 1
    assert result["scores"]["content"]["exact"]["f1"] == 1.0
    assert set(result["publishers"]) == {"wash-post"}
    assert "per_article" not in result
    assert bench.run(tmp_path, json_output=True)["per_article"][0]["article"] == "wash-post_2016-01-01_smith"
    table = bench.render(result)
    assert "content" in table and "articles/s" in table


def test_annotators_are_scored_against_each_other(tmp_path):
    # a1 marks "Smith said the plan failed"; b2 the same cue and source but only "the plan" as content
    partial = ANN.replace("T3\tContent 11 26\tthe plan failed", "T3\tContent 11 19\tthe plan")
    articles = bench.load_articles(folder(tmp_path, {"_a1": ANN, "_b2": partial}))
    table = bench.annotator_agreement(articles, [load()(TEXT)]).table()
    assert table["cue"]["exact"]["f1"] == 1.0
    assert table["content"]["exact"]["f1"] == 0.0
    # content tokens: a1 against b2 overlap 2 of a1's 3 (P) and b2's 2 (R); b2 against a1 the other way round.
    # Counts are pooled, each pair weighing 1/2: P = (2 + 2) / (3 + 2) = 0.8, and R the same
    assert table["content"]["overlap"] == {"p": 0.8, "r": 0.8, "f1": 0.8}


def test_agreement_run_keeps_only_articles_with_several_annotators(tmp_path):
    data = folder(tmp_path, {"_a1": ANN, "_b2": ANN})
    (data / "text" / "politico_2016-01-01_alone.txt").write_text(TEXT, encoding="utf-8")
    (data / "attributions" / "politico_2016-01-01_alone_a1.ann").write_text(ANN, encoding="utf-8")
    result = bench.run(data, agreement=True)
    assert result["articles"] == 1 and set(result["publishers"]) == {"wash-post"}
    assert result["annotators"]["source"]["overlap"]["f1"] == 1.0
    assert "against each other" in bench.render(result)
    assert "annotators" not in bench.run(data)


@pytest.mark.slow
def test_polnear_dev_reaches_its_floor():
    dev = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "polnear" / "dev"
    result = bench.run(dev)
    assert result["scores"]["content"]["overlap"]["f1"] >= 0.75
    assert result["scores"]["source"]["overlap"]["f1"] >= 0.62
