"""`newsledger bench denials`: judged refusals scored against the findings recomputed from a ledger."""

from __future__ import annotations

import dataclasses
import json

from typer.testing import CliRunner

from newsledger.api import Ledger
from newsledger.cli import app
from newsledger.evaluation.denials import (
    Row,
    current_findings,
    read_rows,
    sample_rows,
    write_rows,
)

ARTICLE = """Man killed in Springfield shooting

A 24-year-old man was shot and killed outside a bar on Main Street in Springfield early Sunday, police said.

Police Chief Dana Ortiz declined to discuss a possible motive. Police did not know what led to the shooting.
"""
OTHER = """Springfield police seek gunman after deadly bar shooting

A gunman shot and killed a 24-year-old man outside a Main Street bar in Springfield early Sunday, police said.

Ortiz would not comment on whether police had a suspect. Don't forget to sign up for our newsletter.
"""


def test_the_bench_scores_verdicts_and_lists_refusals_no_row_judges(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    db = tmp_path / "ledger.db"
    with Ledger(db) as ledger:
        ledger.ingest([tmp_path / "a.txt", tmp_path / "b.txt"])
        store = ledger.store
        rows = sample_rows(store, current_findings(store))
    assert rows and all(r.verdict == "" for r in rows)
    discuss = next(r for r in rows if "declined to discuss" in r.span)
    judged = [dataclasses.replace(discuss, verdict="correct", half="report", reason="declines"),
              Row(discuss.story, discuss.article, 0, 5, "no_comment", "claim", "Nobody", "Man k", "wrong", "report",
                  "a row the code never draws")]
    tsv = tmp_path / "judged.tsv"
    write_rows(judged, tsv)
    assert read_rows(tsv) == judged
    result = CliRunner().invoke(app, ["bench", "denials", "--data", str(tsv), "--ledger", str(db), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["before"] == {"findings": 2, "correct": 1, "precision": 0.5}
    assert figures["now"]["precision"] == 1.0 and figures["now"]["recall"] == 1.0
    assert figures["ledger_checks"]["bare_pronoun_values"] == 0
    missing = CliRunner().invoke(app, ["bench", "denials", "--data", str(tmp_path / "none.tsv"), "--ledger", str(db)])
    assert missing.exit_code != 0
