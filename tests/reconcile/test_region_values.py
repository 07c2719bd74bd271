"""Growing ledgers (issue 21): a story that gains an article reads values only in that article's regions, and
the ledger is the one a single run over the same inputs gives."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from newsledger import resolution
from newsledger.api import Ledger, sample_paths
from newsledger.reconcile import slots
from newsledger.reconcile.region_values import (
    RegionValues,
    Said,
    said_from_json,
    said_to_json,
)
from newsledger.reconcile.slots import Relations, find_values
from newsledger.reconcile.values import Found, Value
from newsledger.records import Geo
from tests.conftest import DATASETS

GVA = DATASETS / "gva" / "articles.jsonl"
#: Two incidents with many articles each: stories of several articles that grow one article at a time.
INCIDENTS = ("519541", "441724")
#: A short report of the seeds' Isfahan strike, which joins their story.
ISFAHAN = ("Iranian officials said three drones attacked a defense plant in Isfahan on Saturday and two were shot "
           "down, causing minor damage. The attack was carried out by Mossad, U.S. officials said.")


def _gva_files(folder: Path, per_incident: int) -> list[Path]:
    rows = [json.loads(line) for line in GVA.read_text(encoding="utf-8").splitlines()]
    files = []
    for incident in INCIDENTS:
        for row in [r for r in rows if r["incident"] == incident][:per_incident]:
            path = folder / f"{len(files):03d}_{row['id']}.json"
            path.write_text(json.dumps({k: row[k] for k in ("title", "text", "published", "url", "outlet")}))
            files.append(path)
    return files


@pytest.mark.skipif(not GVA.exists(), reason="needs ../shared/datasets/gva")
def test_a_ledger_grown_run_by_run_is_the_ledger_of_one_run(tmp_path):
    files = [*sample_paths(), *_gva_files(tmp_path, per_incident=9)]
    with Ledger(tmp_path / "once.db") as once:
        once.ingest(files)
        expected = once.export()
    with Ledger(tmp_path / "grown.db") as grown:
        grown.ingest(files[:8])
        for path in files[8:]:
            grown.ingest([path])
        got = grown.export()
    assert max(len(s["articles"]) for s in got["stories"]) >= 5
    assert got["findings"] and got == expected


def test_a_story_that_gains_an_article_reads_values_only_in_its_regions(tmp_path, monkeypatch):
    new = tmp_path / "isfahan.txt"
    new.write_text(ISFAHAN, encoding="utf-8")
    with Ledger(tmp_path / "l.db") as ledger:
        ledger.ingest(sample_paths())
        regions: list[str] = []
        reader = slots.find_counts
        monkeypatch.setattr(slots, "find_counts", lambda region: regions.append(region) or reader(region))
        ledger.ingest([new])
        story = next(s for s in ledger.store.stories() if len(s.articles) > 1 and ledger.store.findings(s.id))
    added = next(a for a in ledger.store.articles(story.articles) if a.text.startswith("Iranian officials"))
    assert len(story.articles) >= 2 and regions
    assert all(region in added.text for region in regions)  # none of the stored articles was read again


def test_values_read_by_other_code_are_read_again(tmp_path, monkeypatch):
    new = tmp_path / "isfahan.txt"
    new.write_text(ISFAHAN, encoding="utf-8")
    with Ledger(tmp_path / "l.db") as ledger:
        ledger.ingest(sample_paths())
        monkeypatch.setattr(resolution, "values_version", lambda: "another-version")
        regions: list[str] = []
        reader = slots.find_counts
        monkeypatch.setattr(slots, "find_counts", lambda region: regions.append(region) or reader(region))
        ledger.ingest([new])
    assert any(region not in ISFAHAN for region in regions)


def test_what_a_region_said_is_kept_whole_through_json():
    text = ("Officials said at least 15 people were killed and all three drones were shot down in Isfahan, Iran; "
            "the attack was carried out by Israel's Mossad.")
    relations = Relations()
    said = RegionValues()
    found = said.found("a1", text, 0, len(text), relations)
    assert found == find_values(text, 0, len(text)) and ("mossad", "israel") in relations.part_of
    assert any(math.isinf(f.value.high) for f in found)
    geo = Geo(112931, "Isfahan", "IR", "28", 32.65, 51.67, "P.PPLA")
    placed = Found("place", 3, 10, Value("place", "Isfahan", key="isfahan", geo=geo), ((1, 2),))
    for kept in (said.new[("a1", 0, len(text))], Said((placed,), ())):
        assert said_from_json(json.loads(json.dumps(said_to_json(kept), allow_nan=False))) == kept
    recalled = RegionValues({("a1", 0, len(text)): said_from_json(said_to_json(said.new["a1", 0, len(text)]))})
    again = Relations()
    assert recalled.found("a1", "", 0, len(text), again) == found and again.part_of == relations.part_of
    assert not recalled.new


def test_a_story_resolved_again_unchanged_recomputes_nothing_and_gives_the_same(tmp_path, monkeypatch):
    from newsledger.link import coref
    from newsledger.shipped import load as load_shipped

    with Ledger(tmp_path / "l.db") as ledger:
        ledger.ingest(sample_paths())
        store = ledger.store
        story = max(store.stories(), key=lambda s: len(s.articles))
        before = (store.cross_events(story.id), store.findings(story.id))
        computed: list[str] = []
        monkeypatch.setattr(slots, "find_counts", lambda region: computed.append("values") or [])
        monkeypatch.setattr(coref, "cluster", lambda *args, **kwargs: computed.append("clusters") or [])
        resolution.resolve_story(store, story.id, load_shipped("event_coref"))
        assert not computed and before[1]
        assert (store.cross_events(story.id), store.findings(story.id)) == before
