"""The learned content-boundary model: candidates around the rules' span, the choice, training, the artifact."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger.annotate.nlp import load
from newsledger.evaluation.attribution import load_articles
from newsledger.extract import content_spans
from newsledger.extract.attribution import extract_attributions
from newsledger.extract.content_spans import ArtifactMissing, ContentModel
from newsledger.training.attribution_content import (
    content_examples,
    fit_content,
    train_content,
)

TEXT = "Smith said the plan had failed in the city, reversing a decade of growth. Prices rose in the spring."
RULES = ContentModel({})


class _Keep:
    """A content model that keeps the rules' spans and remembers every draft's candidates."""

    def __init__(self):
        self.found = []

    def refine(self, drafts, context, settled=frozenset()):
        cues = [draft.cue for draft in drafts]
        self.found += [(draft.content, content_spans.candidates(draft, context, cues)) for draft in drafts]


def _content(text: str, model: ContentModel) -> str:
    attributions = extract_attributions(load()(text), "t", content_model=model)
    assert [a.cue.text for a in attributions] == ["said"]
    return attributions[0].content.text


def test_rules_span_comes_first_among_distinct_candidates():
    keep = _Keep()
    extract_attributions(load()(TEXT), "t", content_model=keep)
    (rule, found), = keep.found
    assert found[0].chars == rule
    assert len({c.chars for c in found}) == len(found) > 3
    texts = {TEXT[slice(*c.chars)] for c in found}
    assert "the plan had failed in the city" in texts  # the phrase after the comma cut off
    assert "the plan had failed in the city, reversing a decade of growth." in texts  # with the final stop
    assert "reversing a decade of growth" in texts  # from a comma on
    assert all(c.chars[0] >= TEXT.index("said") + 4 for c in found)  # never over the cue


def test_no_candidate_adds_back_a_relative_clause_aside():
    keep = _Keep()
    text = "He said the bill would pass the Senate, which votes on Friday."
    extract_attributions(load()(text), "t", content_model=keep)
    (rule, found), = keep.found
    assert text[slice(*rule)] == "the bill would pass the Senate"
    assert not any("which" in text[slice(*c.chars)] for c in found)


def test_candidates_hold_the_same_other_cues_as_the_rules_span():
    keep = _Keep()
    text = "Senior officials claim that the attack was conducted by Mossad, reported The Wall Street Journal."
    attributions = extract_attributions(load()(text), "t", content_model=keep)
    assert sorted(a.cue.text for a in attributions) == ["claim", "reported"]
    for rule, found in keep.found:
        for candidate in found:
            for cue in ("claim", "reported"):
                position = text.index(cue)
                assert (rule[0] <= position < rule[1]) == (candidate.chars[0] <= position < candidate.chars[1])


def test_without_weights_the_rules_span_stays():
    assert _content(TEXT, RULES) == "the plan had failed in the city, reversing a decade of growth"


def test_weights_choose_the_boundary():
    assert _content(TEXT, ContentModel({"eo=comma": 5.0})) == "the plan had failed in the city"
    assert _content(TEXT, ContentModel({"eo=p1": 5.0})) == "the plan had failed in the city, reversing a decade of growth."


def test_fit_prefers_the_right_candidate():
    rows = [([["b", "eo=r"], ["b", "eo=comma"], ["b", "eo=sent"]], [False, True, False])] * 20
    rows += [([["b", "eo=r"], ["b", "eo=sent"]], [False, False])]  # no right candidate: teaches nothing
    weights = fit_content(rows, {"alpha": 1e-4, "epochs": 20, "min_count": 1, "prune": 0.0, "seed": 0})
    model = ContentModel(weights)
    assert weights["eo=comma"] > weights["eo=r"] and weights["eo=comma"] > weights["eo=sent"]
    assert "b" not in weights or abs(weights["b"]) < 1e-9  # a feature every candidate has ranks nothing
    assert model.score(content_spans.Candidate(0, 1, (0, 1), (("eo=comma",),))) > 0


def _write_corpus(folder: Path) -> None:
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    for n in range(2):
        text = f"Brown{n} said the talks had collapsed in the city, reversing a decade of growth. Prices rose.\n"
        cue = text.index("said")
        content_end = text.index(",")
        lines = [
            f"T1\tSource 0 {cue - 1}\t{text[:cue - 1]}",
            f"T2\tCue {cue} {cue + 4}\tsaid",
            f"T3\tContent {cue + 5} {content_end}\t{text[cue + 5:content_end]}",
            "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3",
        ]
        (folder / "text" / f"pub_{n}.txt").write_text(text, encoding="utf-8")
        (folder / "attributions" / f"pub_{n}.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_examples_are_labelled_against_gold_content(tmp_path):
    _write_corpus(tmp_path)
    article = load_articles(tmp_path)[0]
    (features, labels), = content_examples(load()(article.text), article)
    assert True in labels and not labels[0]  # the rules keep the participle phrase, the gold does not
    assert any(f.startswith("cut=") for f in features[labels.index(True)])


def test_training_writes_a_model_that_learned_the_convention(tmp_path):
    _write_corpus(tmp_path / "train")
    out = tmp_path / "content.json.gz"
    config = train_content(tmp_path / "train", out, folds=2, min_count=1, prune=0.0, epochs=30)
    assert content_spans.config(out) == config
    assert config["gold_cue_drafts"]["oracle"] == 1.0 and config["gold_cue_drafts"]["rules_span_right"] == 0.0
    assert set(config["cross_validation"]) >= {"rules", "model"}
    model = ContentModel.read(out)
    assert _content("Green said the deal had died in the town, ending a year of talks.", model) == "the deal had died in the town"


def test_shipped_artifact_loads_is_small_and_records_cv():
    model = content_spans.shipped()
    assert model.weights
    assert content_spans.ARTIFACT.stat().st_size < 1_000_000
    config = content_spans.config()
    assert "train" in config["data"]["train_dir"] and config["licence"]
    cv = config["cross_validation"]
    assert cv["model"]["content"]["exact"]["f1"] > cv["rules"]["content"]["exact"]["f1"]


def test_missing_artifact_is_a_clear_error(tmp_path):
    with pytest.raises(ArtifactMissing, match="training.attribution_content"):
        ContentModel.read(tmp_path / "none.json.gz")
