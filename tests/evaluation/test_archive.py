"""`bench archive` and the resampled ledger it measures: copies of a real ledger's rows under new ids, whole and
consistent, read by the same commands as any ledger."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsledger.evaluation import archive, resample
from newsledger.store import story_list
from newsledger.store.ledger import LedgerError, Store
from newsledger.store.search import search
from newsledger.store.story_list import StoryFilter


def test_a_grown_ledger_is_copies_of_the_real_one_under_new_ids(seed_ledger, tmp_path):
    target = tmp_path / "grown.db"
    made = resample.grow(Path(seed_ledger.store.engine.url.database), target, 7)
    base = seed_ledger.export()
    assert made == 9  # three copies of three articles
    with Store(str(target), readonly=True) as store:
        articles = list(store.articles())
        stories = store.stories()
        assert len(articles) == 9 and len({a.id for a in articles}) == 9
        assert sorted(a.text for a in articles) == sorted(a["text"] for a in base["articles"] for _ in range(3))
        assert len(stories) == 3 * len(base["stories"])
        assert sorted(a for s in stories for a in s.articles) == sorted(a.id for a in articles)
        listed, _after = story_list.page(store, StoryFilter(country="IR"), "id", None, 100)
        assert sorted(s.id for s in listed) == sorted(s.id for s in stories if "IR" in s.facets.get("countries", []))
        assert story_list.count(store, StoryFilter()) == len(stories)
        assert store.count("attributions") == 3 * len(base["attributions"])
        assert {e.article for e in store.events()} == {a.id for a in articles}
        found = search(store, "Isfahan")
        assert len(found) == 3 * len(search(seed_ledger.store, "Isfahan"))  # each copy's story is found
    with pytest.raises(LedgerError, match="exists"):
        resample.grow(Path(seed_ledger.store.engine.url.database), target, 3)


def test_bench_archive_measures_serve_and_export(seed_ledger, tmp_path):
    target = tmp_path / "grown.db"
    resample.grow(Path(seed_ledger.store.engine.url.database), target, 6)
    result = archive.run(str(target), formats=("jsonl",))
    assert result["articles"] == 6 and result["serve"]["startup_seconds"] > 0
    assert all(isinstance(seconds, float) for seconds in result["serve"]["first_request_seconds"].values())  # 200s
    exported = result["export"]["jsonl"]
    assert exported["exit"] == 0 and exported["peak_rss_mb"] > 0 and exported["mb_written"] > 0
    assert "export jsonl" in archive.render(result) and json.dumps(result)


def test_bench_search_asks_for_each_story_by_its_title(seed_ledger):
    from newsledger.evaluation import search_quality

    asked = search_quality.queries(seed_ledger.store)
    assert asked and all(len(query.split()) == search_quality.WORDS for query, _story in asked)
    result = search_quality.run(str(seed_ledger.store.engine.url.database))
    assert result["queries"] == len(asked) and result["top1"] == 1.0  # three seeds: each title finds its story
    missed = search_quality.evaluate(asked, lambda _query: [])
    assert missed["top10"] == 0 and missed["mrr"] == 0


def test_bench_near_duplicates_finds_close_copies_with_both_methods(tmp_path):
    pytest.importorskip("datasketch")
    from newsledger.evaluation import near_duplicates

    real = tmp_path / "polnear"
    real.mkdir()
    lines = [f"Officials in city {n} said on day {n} that the count of ballots would resume after a recount "
             f"ordered by the board, and that observers from party {n} would watch." for n in range(12)]
    for n in range(12):
        (real / f"{n}.txt").write_text(" ".join(lines[n:] + lines[:n]), encoding="utf-8")
    result = near_duplicates.run(tmp_path, copies=4, seed=1)
    assert result["texts"] == 12 and result["copies"] == 4
    for name in ("hand-written bottom-k (32)", f"datasketch MinHash ({near_duplicates.NUM_PERM}) + LSH"):
        row = result[name]
        assert row["found"] + row["missed"] == result["copies_to_find"] and row["estimate_mean_abs_error"] < 0.3
    assert "datasketch" in near_duplicates.render(result)
