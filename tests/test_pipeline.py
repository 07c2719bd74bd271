"""Stages declare what they read and write; the pipeline refuses an order where data would flow backwards."""

from __future__ import annotations

import pytest

from newsledger.pipeline import Pipeline, Stage, extraction_stages


def _noop(batch):
    return None


def test_stage_reading_what_no_earlier_stage_writes_is_refused():
    with pytest.raises(ValueError, match="'events' requires \\['attributions'\\]"):
        Pipeline([Stage("annotate", ("article",), ("doc",), _noop), Stage("events", ("doc", "attributions"), ("events",), _noop)])


def test_extraction_stages_flow_one_way_after_annotation():
    annotate = Stage("annotate", ("article",), ("doc",), _noop)
    Pipeline([annotate, *extraction_stages()])
    with pytest.raises(ValueError):
        Pipeline([*extraction_stages(), annotate])
