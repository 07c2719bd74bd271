"""Training the trigger model (newsledger.training.events) on TimeML files written here: labels land on the right
tokens and the saved model finds what it was taught (needs scikit-learn, from the test extra)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("sklearn")

from newsledger.annotate.nlp import load
from newsledger.evaluation.timeml import Annotation
from newsledger.extract.triggers import TriggerModel, find_triggers
from newsledger.training.events import gold_labels, main

DOCUMENT = """<?xml version="1.0" ?>
<TimeML>
<DOCID>{name}</DOCID>
<TEXT>The police <EVENT eid="e1" class="REPORTING">said</EVENT> the gunman <EVENT eid="e2" class="OCCURRENCE">fired</EVENT> \
at the crowd. A <EVENT eid="e3" class="OCCURRENCE">cease-fire</EVENT> <EVENT eid="e4" class="OCCURRENCE">ended</EVENT> \
the fighting in {place}.</TEXT>
</TimeML>
"""


def test_gold_labels_sit_on_the_last_part_of_a_hyphenated_event():
    doc = load()("A cease-fire ended it.")
    labels = gold_labels(doc, [Annotation("EVENT", 2, 12, "cease-fire", "OCCURRENCE"),
                               Annotation("EVENT", 13, 18, "ended", "ASPECTUAL")])
    assert {doc[i].text: label for i, label in labels.items()} == {"fire": "OCCURRENCE", "ended": "ASPECTUAL"}


def test_a_model_trained_on_a_few_documents_finds_their_events(tmp_path: Path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    for k, place in enumerate(("Gaza", "Kabul", "Mosul", "Aleppo", "Sanaa", "Tripoli")):
        (data / f"doc{k}.tml").write_text(DOCUMENT.format(name=f"doc{k}", place=place), encoding="utf-8")
    out = tmp_path / "model.npz"
    assert main(["--data", str(data), "--out", str(out), "--split", "all", "--folds", "0", "--threshold", "0.5"]) == 0
    assert '"documents": 6' in capsys.readouterr().out
    model = TriggerModel.load(out)
    assert model.meta["trained"]["split"] == "all" and model.lexicon.verbs
    found = {t.text: t.event_class for t in find_triggers(load()("Officials said troops fired at a truck."), model)}
    assert found.get("said") == "REPORTING" and found.get("fired") == "OCCURRENCE"
    assert "troops" not in found and "truck" not in found


def test_with_one_class_only_the_model_is_a_binary_detector(tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    text = DOCUMENT.replace('class="REPORTING"', 'class="OCCURRENCE"')
    for k, place in enumerate(("Gaza", "Kabul", "Mosul", "Aleppo")):
        (data / f"doc{k}.tml").write_text(text.format(name=f"doc{k}", place=place), encoding="utf-8")
    out = tmp_path / "model.npz"
    assert main(["--data", str(data), "--out", str(out), "--split", "all", "--folds", "0"]) == 0
    found = find_triggers(load()("Officials said troops fired at a truck."), TriggerModel.load(out))
    assert {t.text for t in found} >= {"said", "fired"}
    assert {t.event_class for t in found} == {"OCCURRENCE"}
