"""The event trigger benchmark: the TempEval-3 style matching, and `newsledger bench events` end to end on a TimeML
file written here, with a hand-made trigger model whose decisions are known."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.evaluation.events import (
    Mention,
    Tally,
    figures,
    relaxed_matches,
    strict_matches,
    tally_document,
)
from newsledger.evaluation.timeml import Annotation
from newsledger.extract.triggers import CLASSES, OUTSIDE, Trigger, TriggerModel

TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>tiny</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2016-05-01" functionInDocument="CREATION_TIME">2016-05-01</TIMEX3></DCT>
<TEXT>Police <EVENT eid="e1" class="REPORTING">said</EVENT> a man <EVENT eid="e2" class="OCCURRENCE">was shot</EVENT> \
and another <EVENT eid="e3" class="OCCURRENCE">wounded</EVENT>. Officers <EVENT eid="e4" class="I_ACTION">killed</EVENT> \
the suspect.</TEXT>
</TimeML>
"""


def tiny_model(path: Path) -> Path:
    """Marks only the lemmas say (REPORTING), shoot and kill (OCCURRENCE): every other word stays outside."""
    labels = [OUTSIDE, *CLASSES]
    weights = np.zeros((3, len(labels)), dtype=np.float32)
    weights[0, labels.index("REPORTING")] = 20
    weights[1:, labels.index("OCCURRENCE")] = 20
    bias = np.array([0.0] + [-10.0] * len(CLASSES), dtype=np.float32)
    TriggerModel(["l=say", "l=shoot", "l=kill"], weights, bias, labels, threshold=0.5).save(path)
    return path


def test_bench_events_on_a_tiny_timeml_file(tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "tiny.tml").write_text(TIMEML, encoding="utf-8")
    result = CliRunner().invoke(app, ["bench", "events", "--data", str(data), "--weights",
                                      str(tiny_model(tmp_path / "tiny.npz")), "--json"])
    assert result.exit_code == 0, result.output
    figures_ = json.loads(result.output)
    assert (figures_["gold"], figures_["predicted"]) == (4, 3)
    # said, shot, killed overlap gold events; "shot" is not the gold "was shot", so strict has two
    assert figures_["relaxed"] == {"precision": 100.0, "recall": 75.0, "f1": 85.71}
    assert figures_["strict"] == {"precision": 66.67, "recall": 50.0, "f1": 57.14}
    assert figures_["class_accuracy"] == 66.67  # "killed" is I_ACTION in the gold
    assert figures_["per_class"]["REPORTING"]["f1"] == 100.0
    assert figures_["recall_by_pos"]["VERB"]["recall"] < 100.0


def test_bench_events_renders_for_people_and_rejects_a_bad_split(tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "tiny.tml").write_text(TIMEML, encoding="utf-8")
    weights = str(tiny_model(tmp_path / "tiny.npz"))
    shown = CliRunner().invoke(app, ["bench", "events", "--data", str(data), "--weights", weights])
    assert shown.exit_code == 0, shown.output
    assert "relaxed" in shown.output and "85.71" in shown.output
    wrong = CliRunner().invoke(app, ["bench", "events", "--data", str(data), "--split", "test"])
    assert wrong.exit_code == 2
    empty = CliRunner().invoke(app, ["bench", "events", "--data", str(tmp_path / "nowhere")])
    assert empty.exit_code == 3


def mentions(*spans: tuple[int, int]) -> list[Mention]:
    return [Mention(start, end, "OCCURRENCE") for start, end in spans]


def test_relaxed_match_is_one_to_one_and_prefers_exact_spans():
    gold = mentions((0, 10))
    assert relaxed_matches(gold, mentions((0, 4), (5, 10))) == [(0, 0)]
    assert relaxed_matches(gold, mentions((2, 4), (0, 10))) == [(0, 1)]
    assert relaxed_matches(mentions((0, 4), (5, 9)), mentions((3, 6))) == [(0, 0)]
    assert relaxed_matches(mentions((0, 4)), mentions((4, 8))) == []  # touching is not overlapping
    assert strict_matches(mentions((0, 4), (5, 9)), mentions((5, 9), (0, 3))) == [(1, 0)]


def test_relaxed_match_is_near_linear_on_many_spans():
    gold = mentions(*[(k * 10, k * 10 + 5) for k in range(50_000)])
    system = mentions(*[(k * 10 + 3, k * 10 + 8) for k in range(50_000)])
    assert len(relaxed_matches(gold, system)) == 50_000


def test_class_accuracy_and_class_f1():
    tally = Tally()
    gold = [Annotation("EVENT", 0, 4, "said", "REPORTING"), Annotation("EVENT", 10, 14, "shot", "OCCURRENCE")]
    found = [Trigger(0, 1, 0, 4, "said", "REPORTING", 0.9), Trigger(3, 4, 10, 14, "shot", "STATE", 0.8),
             Trigger(5, 6, 20, 24, "went", "OCCURRENCE", 0.7)]
    tally_document(tally, gold, found)
    result = figures(tally)
    assert result["relaxed"] == {"precision": 66.67, "recall": 100.0, "f1": 80.0}
    assert result["class_accuracy"] == 50.0 and result["class_f1"] == 40.0
    assert result["per_class"]["STATE"] == {"gold": 0, "predicted": 1, "precision": 0.0, "recall": 0.0, "f1": 0.0}


@pytest.mark.parametrize("labels", [["OCCURRENCE", OUTSIDE], [OUTSIDE, "EVENT"]])
def test_a_model_with_unknown_labels_is_refused(labels):
    with pytest.raises(ValueError):
        TriggerModel([], np.zeros((0, 2)), np.zeros(2), labels, 0.5)
