"""`bench clean`: paragraphs and their offsets, scoring removal against judgments, the samples, the command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.evaluation import clean as bench
from newsledger.evaluation.facts import part_of
from newsledger.records import Removed
from tests.conftest import DATASETS

GVA = DATASETS / "gva"
REPO = Path(__file__).resolve().parents[2]
STORY = ("A 24-year-old man was shot and killed outside a market on Elm Street late Saturday, police said. "
         "Officers found him near the entrance.")


def test_paragraphs_are_blocks_between_blank_lines_with_offsets():
    text = "  First block\nstill first \n\n\n Second\n \nThird"
    found = bench.paragraphs(text)
    assert [p.text for p in found] == ["First block\nstill first", "Second", "Third"]
    assert all(text[p.start : p.end] == p.text for p in found)


def test_a_paragraph_counts_as_removed_when_spans_cover_half_of_it():
    text = "Copyright 2016 WXYZ\n\nA story sentence that stays in the article."
    assert bench.removed_paragraphs(text, [Removed("credit", "Copyright 2016 WXYZ", 0, 19)]) == {0: "credit"}
    assert bench.removed_paragraphs(text, [Removed("credit", "Copyright ", 0, 10)]) == {0: "credit"}  # 10 of 19
    assert bench.removed_paragraphs(text, [Removed("credit", "Copyright", 0, 9)]) == {}  # 9 of 19


def test_score_counts_lost_sentences_and_missed_notices():
    text = "\n\n".join(["Please enable Javascript to watch this video", STORY, "Police tape at the scene."])
    judgments = [
        bench.Judgment("a", 0, "Please enable", "notice"),
        bench.Judgment("a", 1, "A 24-year-old", bench.ARTICLE),
        bench.Judgment("a", 2, "Police tape", "caption"),
    ]
    result = bench.score({"a": {"text": text}}, judgments)
    assert (result["removed_right"], result["removed_wrong"], result["missed"]) == (1, 0, 1)
    assert (result["precision"], result["recall"]) == (100.0, 50.0)
    assert result["missed_by_verdict"] == {"caption": 1}

    def remove_everything(raw: str) -> list[Removed]:
        return [Removed("notice", raw, 0, len(raw))]

    wrong = bench.score({"a": {"text": text}}, judgments, cleaner=remove_everything)
    assert wrong["removed_wrong"] == 1 and wrong["lost_sentences"][0]["paragraph"] == 1


def test_judgments_round_trip_through_tsv(tmp_path: Path):
    article = {"id": "a", "incident": "3", "text": "Copyright 2016 WXYZ\n\n" + STORY}
    rows = bench.judgment_rows(article, {0: "credit"})
    bench.write_judgments(tmp_path / "j.tsv", rows)
    assert bench.read_judgments(tmp_path / "j.tsv") == rows
    assert [r.verdict for r in rows] == ["credit", bench.ARTICLE]
    assert all(len(r.excerpt) <= bench.EXCERPT_CHARS for r in rows)


def test_samples_come_from_tune_incidents_and_do_not_share_incidents():
    articles = [{"id": f"{i:04d}", "incident": str(i // 2)} for i in range(600)]
    first, check = bench.draw_samples(articles, 40, 20)
    assert len(first) == 40 and len(check) == 20
    assert all(part_of(a["incident"]) == "tune" for a in first + check)
    assert not {a["incident"] for a in first} & {a["incident"] for a in check}
    assert bench.draw_samples(articles, 40, 20) == (first, check)  # a fixed seed


def test_bench_command_scores_a_judgment_file(tmp_path: Path):
    text = "\n\n".join(["Please enable Javascript to watch this video", STORY])
    (tmp_path / "articles.jsonl").write_text(json.dumps({"id": "a", "incident": "3", "text": text}) + "\n")
    bench.write_judgments(tmp_path / "j.tsv", bench.judgment_rows({"id": "a", "text": text}, {0: "notice"}))
    result = CliRunner().invoke(app, ["bench", "clean", "--data", str(tmp_path), "--labels",
                                      str(tmp_path / "j.tsv"), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert (figures["precision"], figures["recall"], figures["paragraphs"]) == (100.0, 100.0, 2)


@pytest.mark.skipif(not GVA.is_dir(), reason="needs ../shared/datasets/gva")
@pytest.mark.parametrize("labels", ["gva_tune_sample.tsv", "gva_check.tsv"])
def test_the_judged_gva_samples_lose_no_sentence_of_a_story(labels: str):
    result = bench.run(GVA, REPO / "benchmarks" / "clean" / labels)
    assert result["lost_sentences"] == []
    assert result["recall"] >= 80.0
