"""The learned cue model: training on a tiny PolNeAR-layout folder, the shipped artifact, a missing one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsledger.annotate.nlp import load
from newsledger.extract import attribution_model
from newsledger.extract.attribution import (
    extract_attributions,
    proposals_and_context,
    sheet_for,
)
from newsledger.extract.attribution_model import ArtifactMissing, CueModel
from newsledger.training import attribution_cues

SENTENCES = [
    ("Smith", "said", "the plan had failed"),
    ("The minister", "warned", "that prices would rise"),
    ("Jones", "has been ratcheting up his critique of", "the budget"),
    ("The mayor", "said", "the bridge would reopen"),
]


def _write_corpus(folder: Path) -> None:
    """Two articles in PolNeAR layout whose sentences are each one attribution: source, cue, content."""
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    for n, pair in enumerate((SENTENCES[:2], SENTENCES[2:])):
        text, lines = "", []
        for source, cue, content in pair:
            start = len(text)
            text += f"{source} {cue} {content}. Prices rose in the spring.\n\n"
            spans = [("Source", start, start + len(source))]
            spans.append(("Cue", spans[0][2] + 1, spans[0][2] + 1 + len(cue)))
            spans.append(("Content", spans[1][2] + 1, spans[1][2] + 1 + len(content)))
            ids = []
            for role, begin, end in spans:
                ids.append(f"T{len(lines) + 1}")
                lines.append(f"{ids[-1]}\t{role} {begin} {end}\t{text[begin:end]}")
            event = f"E{len(lines)}\tAttribution:{ids[1]} Source:{ids[0]} Cue:{ids[1]} Content:{ids[2]}"
            lines.append(event)
        (folder / "text" / f"pub_{n}.txt").write_text(text, encoding="utf-8")
        (folder / "attributions" / f"pub_{n}.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("polnear")
    _write_corpus(root / "train")
    out = root / "model"
    config = attribution_cues.train(root / "train", out, folds=2, min_count=1, prune=0.0, epochs=30)
    return out, config


def test_training_writes_weights_and_config(trained):
    out, config = trained
    assert (out / attribution_model.WEIGHTS).exists()
    assert json.loads((out / attribution_model.CONFIG).read_text()) == config
    assert config["data"]["articles"] == 2 and config["params"]["min_count"] == 1
    assert "licence" in config and config["cross_validation"]["folds"] == 2


def test_cross_validation_alone_saves_nothing_and_compares_with_the_annotators(tmp_path):
    _write_corpus(tmp_path)
    second = tmp_path / "attributions" / "pub_1.ann"  # a second annotator read pub_1 with a shorter cue
    first_reading = second.read_text(encoding="utf-8")
    second.rename(tmp_path / "attributions" / "pub_1_a.ann")
    shorter = first_reading.replace("Cue 6 44\thas been ratcheting up his critique of", "Cue 6 25\thas been ratcheting")
    assert shorter != first_reading
    (tmp_path / "attributions" / "pub_1_b.ann").write_text(shorter, encoding="utf-8")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    shipped = {p.name: p.read_bytes() for p in attribution_model.ARTIFACT.iterdir()}

    result = attribution_cues.cross_validate(tmp_path, folds=2, min_count=1, prune=0.0, epochs=30)

    assert sorted(p.name for p in tmp_path.rglob("*")) == before
    assert {p.name: p.read_bytes() for p in attribution_model.ARTIFACT.iterdir()} == shipped
    several = result["cross_validation"]["several_annotators"]
    assert several["articles"] == 1
    agreement = several["annotators"]["cue"]["exact"]
    assert agreement["f1"] == agreement["p"] == 0.5  # each reading's one differing cue of two misses the other
    pooled, marked = result["cross_validation"]["scores"], several["scores"]
    assert set(marked) == set(pooled) and all(0 <= marked[role]["overlap"]["f1"] <= 1 for role in marked)
    with pytest.raises(ValueError, match="2 folds"):
        attribution_cues.cross_validate(tmp_path, folds=1)


def test_trained_model_finds_the_cues_it_was_taught(trained):
    model = CueModel.read(trained[0])
    attributions = extract_attributions(load()("Brown said the talks had collapsed."), "t", model=model)
    assert [a.cue.text for a in attributions] == ["said"]
    assert attributions[0].content.text == "the talks had collapsed"


def test_training_is_deterministic(trained, tmp_path):
    _write_corpus(tmp_path / "train")
    attribution_cues.train(tmp_path / "train", tmp_path / "again", folds=0, min_count=1, prune=0.0, epochs=30)
    first = (trained[0] / attribution_model.WEIGHTS).read_bytes()
    assert (tmp_path / "again" / attribution_model.WEIGHTS).read_bytes() == first


def test_shipped_artifact_loads_and_is_small():
    model = attribution_model.shipped()
    assert model.weights and 0 < model.threshold < 1
    config = json.loads((attribution_model.ARTIFACT / attribution_model.CONFIG).read_text())
    assert config["licence"] and "train" in config["data"]["train_dir"]
    assert sum(p.stat().st_size for p in attribution_model.ARTIFACT.iterdir()) < 5_000_000


def test_missing_artifact_is_a_clear_error(tmp_path):
    with pytest.raises(ArtifactMissing, match="train"):
        CueModel.read(tmp_path)


def test_features_tell_a_poll_from_a_statement_after_in():
    doc = load()("In a new poll, Clinton leads. He spoke in a statement.")
    sheet = sheet_for(*proposals_and_context(doc))
    first, second = [t.i for t in doc if t.lower_ == "in"]
    assert {"lcl=in|poll", "s0=in"} <= set(attribution_model.features(sheet, first))
    assert "lcl=in|statement" in attribution_model.features(sheet, second)
    assert "s0=in" not in attribution_model.features(sheet, second)


def test_a_word_the_tagger_does_not_weigh_joins_the_cue_around_it_but_a_comma_does_not():
    doc = load()("He made the case, adding that the plan had failed.")
    context, proposed = proposals_and_context(doc)
    sheet = sheet_for(context, proposed)
    model = CueModel({"b": -10.0, "w=made": 20.0, "w=case": 20.0, "w=adding": 20.0}, 0.5)
    tagged = [t.text for t, tag in zip(doc, model.tag(sheet)) if tag]
    assert tagged == ["made", "the", "case", "adding"]  # "the" (a determiner) is never weighed, only joined
    assert [doc[a:b].text for a, b in attribution_model.runs(model.tag(sheet))] == ["made the case", "adding"]


def test_no_cue_is_joined_across_a_line_break():
    doc = load()("Trump says\n\nAccording to a new poll, Clinton leads by five points.")
    context, proposed = proposals_and_context(doc)
    sheet = sheet_for(context, proposed)
    model = CueModel({"b": -10.0, "w=says": 20.0, "w=according": 20.0, "w=to": 20.0}, 0.5)
    assert [doc[a:b].text for a, b in attribution_model.runs(model.tag(sheet))] == ["says", "According to"]


def test_the_tagger_scores_each_token_by_all_its_features_though_it_sums_a_tokens_own_once():
    doc = load()("Smith said the plan had failed. Jones said the plan had worked, and Smith said so again.")
    sheet = sheet_for(*proposals_and_context(doc))
    model = attribution_model.shipped()
    for repeat in range(2):  # the second pass reads the sums kept from the first
        scores = [sum(model.weights.get(f, 0.0) for f in attribution_model.features(sheet, i)) for i in range(len(doc))]
        expected = [attribution_model.weighed(sheet, i) and score > model._margin for i, score in enumerate(scores)]
        for i, (tag, want) in enumerate(zip(model.tag(sheet), expected, strict=True)):
            assert tag == want or (tag and not attribution_model.weighed(sheet, i))  # or joined across a gap
