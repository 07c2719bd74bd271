"""`newsledger bench extract` (issue 18): the Article Extraction Benchmark's shingle score, on written pages."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from loopback import sample_page

from newsledger.evaluation.extraction import counts, run, scores


def test_shingle_counts_are_shares_per_page():
    assert counts("a b c d e", "a b c d e") == (1.0, 0.0, 0.0)
    tp, fp, fn = counts("a b c d e", "a b c d x")  # (a b c d) kept, (b c d e) lost, (b c d x) extra
    assert (tp, fp, fn) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert counts("", "") == (0.0, 0.0, 0.0)


def test_scores_average_over_pages_then_combine():
    result = scores([(1.0, 0.0, 0.0), (0.5, 0.0, 0.5)])
    assert result["precision"] == 1.0 and result["recall"] == 0.75
    assert result["f1"] == pytest.approx(2 * 0.75 / 1.75)


def test_run_scores_newsledger_beside_trafilatura_and_names_lost_pages(tmp_path: Path):
    (tmp_path / "html").mkdir()
    truth = {}
    for i in range(2):
        (tmp_path / "html" / f"p{i}.html.gz").write_bytes(gzip.compress(sample_page(i, comment=True)))
        truth[f"p{i}"] = {"articleBody": "Isfahan drone attack", "url": f"https://www.nj.com/{i}"}
    (tmp_path / "html" / "empty.html.gz").write_bytes(gzip.compress(b"<html><body><nav>Home</nav></body></html>"))
    truth["empty"] = {"articleBody": "A story that the page does not hold at all.", "url": None}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth))
    result = run(tmp_path)
    assert result["pages"] == 3 and result["lost"] == ["empty"]
    assert set(result["newsledger"]) == set(result["trafilatura"]) == {"precision", "recall", "f1"}
    assert result["with"]["outlet"] == pytest.approx(2 / 3)
