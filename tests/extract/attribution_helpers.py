"""What the attribution tests share: the pipeline and the seeds' attributions (fixtures, imported by the test
modules), extracting from a text, finding an attribution by its parts."""

from __future__ import annotations

import pytest

from newsledger.annotate.nlp import load
from newsledger.api import sample_paths
from newsledger.extract.attribution import extract_attributions
from newsledger.records import Attribution


def extract(nlp, text: str, entity_at=None) -> list[Attribution]:
    return extract_attributions(nlp(text), "t", entity_at)


def find(attributions: list[Attribution], *, content: str = "", source: str = "", cue: str = "") -> Attribution:
    """The attribution whose content, source and cue contain the given texts."""
    for a in attributions:
        if content in a.content.text and cue in a.cue.text and source in (a.source.text if a.source else ""):
            return a
    raise AssertionError(f"no attribution with content~{content!r} source~{source!r} cue~{cue!r}")


@pytest.fixture(scope="module")
def nlp():
    return load()


@pytest.fixture(scope="module")
def seeds(nlp) -> dict[str, list[Attribution]]:
    return {
        path.name[:3]: extract_attributions(nlp(path.read_text(encoding="utf-8")), path.stem)
        for path in sample_paths()  # the bundled copies of the seeds (checked equal in test_seeds.py)
    }
