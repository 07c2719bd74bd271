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


@pytest.mark.parametrize("name, text", [
    ("dates", " ".join(f"On Monday, March {i % 28 + 1}, {1990 + i % 30} at {i % 12 + 1}:{i % 60:02d} p.m. a man "
                       f"was shot in Springfield." for i in range(900))),
    ("places", " ".join(["Springfield", "Paris", "Georgia", "Hale", "Washington", "Vienna", "Jordan"][i % 7]
                        for i in range(20_000)) + "."),
])
def test_hostile_text_costs_the_stages_after_the_parse_less_than_the_parse(tmp_path, name, text):
    """Thousands of dates and happenings, or of place-like capitalised words, in one article: stored, and what
    follows the parse (events, times, places, the gazetteer's resolution, linking, resolving) grows with the
    text no faster than the parse itself does."""
    from newsledger.api import Ledger

    path = tmp_path / f"{name}.txt"
    path.write_text(text)
    with Ledger(tmp_path / "hostile.db") as ledger:
        report = ledger.ingest([path])
        seconds = dict(ledger._ingestor.pipeline.seconds)
        assert len(report.ingested) == 1 and not report.rejected
        if name == "dates":
            assert len(ledger.store.events()) >= 900
    after_parse = sum(value for stage, value in seconds.items() if stage != "annotate")
    assert after_parse < seconds["annotate"], seconds


def test_link_store_and_resolve_are_declared_stages_the_check_covers(tmp_path):
    from newsledger.api import Ledger
    from newsledger.config import Config

    with Ledger(tmp_path / "l.db", config=Config(detect_events=False, batch_size=2)) as ledger:
        ledger.ingest([])
        pipeline = ledger._ingestor.pipeline
        names = [stage.name for stage in pipeline.stages]
        assert names[-2:] == ["link", "store"] and [s.name for s in pipeline.at_end] == ["resolve"]
        assert ledger._ingestor.batch_size == 2 and ledger.config.detect_events is False
    with pytest.raises(ValueError, match="resolve"):  # an end-of-run stage reading what nothing writes
        Pipeline([], at_end=[Stage("resolve", requires=("stored",), assigns=(), run=lambda batch: None)])


def test_the_api_shortcuts_override_the_config():
    from newsledger.api import Ledger
    from newsledger.config import Config

    ledger = Ledger(":memory:", config=Config(model="custom", content_model=False), content_model=True)
    assert (ledger.config.model, ledger.config.content_model) == ("custom", True)
    ledger.batch_size = None  # keeps the config's
    assert ledger.batch_size == 32
    ledger.close()
