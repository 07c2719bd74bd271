"""The training commands: an explicit output path, and the shipped model only when asked to replace it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newsledger.extract import attribution_model, content_spans
from newsledger.link import coref
from newsledger.reconcile import stance

SHIPPED = {
    "attribution_cues": attribution_model.ARTIFACT,
    "attribution_content": content_spans.ARTIFACT,
    "coref": coref.MODEL_PATH,
    "stance": stance.MODEL_PATH,
}


def _train(name: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", f"newsledger.training.{name}", *args],
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_training_needs_an_output_path(name, tmp_path):
    result = _train(name, "--data", str(tmp_path))
    assert result.returncode == 2 and "--out" in result.stderr


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_training_refuses_the_shipped_model_unless_told_to_replace_it(name, tmp_path):
    before = SHIPPED[name].stat().st_mtime_ns
    result = _train(name, "--data", str(tmp_path), "--out", str(SHIPPED[name]))
    assert result.returncode == 2 and "--replace-shipped" in result.stderr
    assert SHIPPED[name].stat().st_mtime_ns == before
