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


def test_ingest_edges_contents_with_the_ranker_by_default_moving_edges_only(tmp_path):
    from newsledger.api import Ledger, sample_paths

    contents = {}
    for ranked in (False, True, None):  # None: the default, which is the ranker
        options = {} if ranked is None else {"content_model": ranked}
        with Ledger(tmp_path / f"ranked-{ranked}.db", **options) as ledger:
            ledger.ingest(sample_paths())
            contents[ranked] = {(a.article, a.cue.start): a.content.text for a in ledger.store.attributions()}
    assert contents[True].keys() == contents[False].keys()  # the same attributions, from the same cues
    assert contents[True] != contents[False]  # the ranker settled some edges differently
    assert contents[None] == contents[True]
