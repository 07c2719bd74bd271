"""`newsledger bench timex`: TempEval-3 style scoring checked by hand, and the command on a TimeML file the test
writes (two documents, one dev and one train under the fixed split)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.evaluation import timex as bench
from newsledger.evaluation.timeml import Annotation, split_of

TEXT = ("The plant was hit at {t1}, officials said {t2}. It had run for {t3} and would reopen {t4}.")
DOCUMENT = """<?xml version="1.0" ?>
<TimeML>
<DOCID>{name}</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2016-06-06" functionInDocument="CREATION_TIME">2016-06-06</TIMEX3></DCT>
<TEXT>{text}</TEXT>
</TimeML>
"""
TAGS = {
    "t1": '<TIMEX3 tid="t1" type="TIME" value="2016-06-04T05:38">5:38 a.m. Saturday</TIMEX3>',
    "t2": '<TIMEX3 tid="t2" type="DATE" value="2016-06-06">today</TIMEX3>',
    "t3": '<TIMEX3 tid="t3" type="DURATION" value="P3Y">three years</TIMEX3>',
    "t4": '<TIMEX3 tid="t4" type="DATE" value="2016-W24">next week</TIMEX3>',
}


def gold(start: int, end: int, kind: str = "DATE", value: str = "2016") -> Annotation:
    return Annotation("TIMEX3", start, end, "", kind, value)


def test_scores_by_hand_strict_relaxed_type_and_value():
    golds = [gold(0, 10), gold(20, 30, "DURATION", "P3Y"), gold(40, 50)]
    system = [bench.Tagged(0, 10, "DATE", "2016"),  # exact, right type and value
              bench.Tagged(22, 35, "DATE", "P3Y"),  # overlaps: relaxed only, wrong type, right value
              bench.Tagged(60, 70, "DATE", "2016")]  # spurious
    total = bench.tally(golds, system)
    assert (total.gold, total.system, total.strict, total.relaxed, total.type, total.value) == (3, 3, 1, 2, 1, 2)
    scores = bench.scores(total)
    assert scores["relaxed"]["f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert scores["value"]["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert scores["value"]["accuracy"] == 1.0
    assert scores["type"]["f1"] == pytest.approx(1 / 3, abs=1e-4)


def test_relaxed_matching_is_one_to_one():
    """Two system spans inside one gold span: one pair, the other is a false positive."""
    pairs = bench.pair([gold(0, 20)], [bench.Tagged(0, 5, "DATE", "2016"), bench.Tagged(10, 20, "DATE", "2016")])
    assert len(pairs) == 1
    assert bench.tally([gold(0, 20)], [bench.Tagged(0, 5, "DATE", None)]).value == 0  # no value is never right


def test_nothing_scores_zero_not_an_error():
    assert bench.scores(bench.Tally())["value"]["f1"] == 0.0


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """Two documents, named so one falls in dev and one in train."""
    path = tmp_path_factory.mktemp("timeml")
    names = [name for name in (f"doc{i}" for i in range(50))]
    chosen = [next(n for n in names if split_of(n) == "dev"), next(n for n in names if split_of(n) == "train")]
    for name in chosen:
        text = TEXT.format(**TAGS)
        (path / f"{name}.tml").write_text(DOCUMENT.format(name=name, text=text), encoding="utf-8")
    return path


def test_bench_command_scores_system_and_baseline_on_a_split(folder):
    result = CliRunner().invoke(app, ["bench", "timex", "--data", str(folder), "--split", "dev", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["documents"] == 1 and figures["split"] == "dev"
    system, baseline = figures["systems"]["newsledger"], figures["systems"]["dateparser"]
    assert system["gold"] == baseline["gold"] == 4
    assert system["value"]["f1"] == 1.0 and system["strict"]["f1"] == 1.0
    assert baseline["value"]["f1"] < system["value"]["f1"]


def test_bench_command_renders_a_table_side_by_side(folder):
    result = CliRunner().invoke(app, ["bench", "timex", "--data", str(folder)])
    assert result.exit_code == 0, result.output
    assert "2 documents (all)" in result.output
    assert "newsledger" in result.output and "dateparser" in result.output and "value F1" in result.output


def test_bench_command_refuses_an_unknown_split_and_an_empty_folder(tmp_path):
    assert CliRunner().invoke(app, ["bench", "timex", "--data", str(tmp_path), "--split", "test"]).exit_code == 2
    assert CliRunner().invoke(app, ["bench", "timex", "--data", str(tmp_path)]).exit_code == 3
