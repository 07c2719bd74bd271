"""Acceptance on the seeds, end to end through the Python API: stories, cleaning, time, events, brief."""

from __future__ import annotations

import json
import re

import pytest
from conftest import SEEDS, article_of, seed

from newsledger.api import Ledger, sample_paths


def test_sample_is_the_seeds_unchanged():
    if not SEEDS.exists():
        pytest.skip("../shared/datasets/seeds not present")
    for path in sample_paths():
        assert path.read_bytes() == (SEEDS / path.name).read_bytes()


def _story_of(export: dict, prefix: str) -> str:
    article = article_of(export, prefix)["id"]
    return next(s["id"] for s in export["stories"] if article in s["articles"])


def test_000_and_002_are_one_story_and_004_another(seed_export):
    assert _story_of(seed_export, "000") == _story_of(seed_export, "002")
    assert _story_of(seed_export, "004") != _story_of(seed_export, "000")
    assert len(seed_export["stories"]) == 2


def test_caption_and_paywall_are_removed_and_yield_nothing(seed_export):
    article = article_of(seed_export, "004")
    raw = seed("004").read_text(encoding="utf-8")
    removed = {r["text"]: r for r in article["removed"]}
    caption = next(text for text in removed if text.endswith("(REUTERS/Ken Cedeno)"))
    for line in (caption, "To Read The Full Story", "Are you already a subscriber?", "Click to log in!"):
        assert line in removed and line not in article["text"]
        assert raw[removed[line]["start"] : removed[line]["end"]] == line
    things = [*seed_export["attributions"], *seed_export["events"]]
    spans = [json.dumps(t) for t in things if t["article"] == article["id"]]
    assert not any("Ken Cedeno" in s or "subscriber" in s for s in spans)


def test_every_span_is_the_text_it_points_at(seed_export):
    texts = {a["id"]: a["text"] for a in seed_export["articles"]}
    for attribution in seed_export["attributions"]:
        text = texts[attribution["article"]]
        for part in ("source", "cue", "content"):
            span = attribution[part]
            if span:
                assert text[span["start"] : span["end"]] == span["text"]
    for event in seed_export["events"]:
        text = texts[event["article"]]
        for part in ("trigger", "agent", "patient", "place", "time"):
            span = event[part]
            if span:
                assert text[span["start"] : span["end"]] == span["text"]
    for entity in seed_export["entities"]:
        for mention in entity["mentions"]:
            assert texts[mention["article"]][mention["start"] : mention["end"]].strip()


def _isfahan_attack(export: dict, prefix: str) -> dict:
    article = article_of(export, prefix)["id"]
    return next(
        e for e in export["events"]
        if e["article"] == article and e["type"] == "attack" and e["place"] and e["place"]["text"] == "Isfahan"
    )


def test_saturday_stays_unresolved_without_a_publication_date(seed_export):
    attack = _isfahan_attack(seed_export, "000")
    assert attack["time"]["text"].startswith("Saturday")
    assert attack["time"]["value"] is None


def test_saturday_resolves_against_the_publication_date(tmp_path):
    record = {"text": seed("000").read_text(encoding="utf-8"), "published": "2023-01-30", "outlet": "Example"}
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with Ledger(tmp_path / "l.db") as ledger:
        ledger.ingest([feed])
        export = ledger.export()
    attack = _isfahan_attack(export, "feed.jsonl")
    assert attack["time"]["value"] == "2023-01-28"
    assert attack["time"]["anchor"] == "2023-01-30"


def test_isfahan_drone_attack_and_002s_defense_ministry_events(seed_export):
    assert _isfahan_attack(seed_export, "000")
    article = article_of(seed_export, "002")["id"]
    ministry = next(
        a for a in seed_export["attributions"]
        if a["article"] == article and a["source"] and "Iranian Defense Ministry" in a["source"]["text"]
    )
    events = [e for e in seed_export["events"] if e["article"] == article]
    for trigger in ("launched", "shot down", "hit"):
        event = next(e for e in events if e["trigger"]["text"].startswith(trigger.split()[0]))
        assert event["attribution"] == ministry["id"], trigger
        assert event["factuality"] == "reported"


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_brief_shows_articles_sources_chains_stances_and_timeline(seed_ledger, fmt):
    text = seed_ledger.brief(fmt=fmt)
    for expected in ("Wall Street Journal", "Iranian Defense Ministry", "denies", "declines", "Isfahan", "Gantz"):
        assert expected in text, (fmt, expected)
    if fmt == "json":
        briefs = json.loads(text)
        assert {"story", "articles", "outlets", "sources", "timeline"} <= set(briefs[0])


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_brief_says_where_unnamed_sources_belong(seed_ledger, fmt):
    """ "Senior U.S. intelligence officials" are anonymous, placed in U.S. intelligence (seed 000)."""
    text = seed_ledger.brief(fmt=fmt)
    assert "Senior U.S. intelligence officials" in text
    assert re.search(r"\(anonymous, U\.S\. intelligence[,)]", text), fmt


def test_brief_names_no_affiliation_that_only_repeats_the_source(tmp_path):
    article = tmp_path / "poll.txt"
    article.write_text("Voters were asked about the economy.\n\nAmericans said the economy was bad.\n", encoding="utf-8")
    with Ledger(tmp_path / "l.db") as ledger:
        ledger.ingest([article])
        text = ledger.brief(fmt="md")
    assert "### Americans (anonymous)" in text


def test_ingesting_again_adds_nothing(seed_ledger):
    before = {name: len(items) for name, items in seed_ledger.export().items()}
    report = seed_ledger.ingest(sample_paths())
    assert report.ingested == [] and len(report.duplicates) == 3
    assert {name: len(items) for name, items in seed_ledger.export().items()} == before


def test_isfahan_attack_is_one_cross_event_and_the_2021_strikes_are_others(seed_export):
    isfahan = [c for c in seed_export["cross_events"] if c["type"] == "attack" and c["places"] == ["Isfahan"]]
    assert len(isfahan) == 1
    first, second = (article_of(seed_export, prefix)["id"] for prefix in ("000", "002"))
    assert {first, second} <= set(isfahan[0]["articles"])
    elsewhere = {c["places"][0] for c in seed_export["cross_events"] if c["places"] and c["places"][0] in ("Karaj", "Tehran")}
    assert elsewhere == {"Karaj", "Tehran"}
    karaj = next(c for c in seed_export["cross_events"] if c["places"] == ["Karaj"])
    assert karaj["story"] != isfahan[0]["story"]
    events = {e["id"] for e in seed_export["events"]}
    assert all(set(c["mentions"]) <= events for c in seed_export["cross_events"])


def test_a_stopped_resolution_is_completed_by_the_next_run(tmp_path):
    with Ledger(tmp_path / "l.db") as ledger:
        ledger.ingest(sample_paths()[:1])
        story = next(ledger.stories()).id
        with ledger.store.engine.begin() as connection:  # as if the run had died before resolving
            connection.exec_driver_sql("delete from resolved_stories")
            connection.exec_driver_sql("delete from cross_events")
        assert ledger.store.unresolved_stories() == [story]
        ledger.ingest(sample_paths()[:1])  # nothing new to ingest, but the story gets resolved
        assert ledger.store.unresolved_stories() == []
        assert ledger.store.cross_events(story)


def test_markdown_brief_shows_hostile_text_as_text(tmp_path):
    record = {
        "text": "The minister said the talks would resume on Monday.",
        "title": "# [Title](javascript:alert(1)) <script>x</script>",
        "outlet": "![pixel](http://tracker.invalid/x.png)",
    }
    feed = tmp_path / "hostile.jsonl"
    feed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with Ledger(tmp_path / "l.db") as ledger:
        ledger.ingest([feed])
        text = ledger.brief(fmt="md")
    assert "pixel" in text and "Title" in text  # shown, as text
    assert not re.search(r"(?<!\\)\]\(", text)  # no link or image survives: every "](" is escaped
    assert "<script" not in text and "# # " not in text  # the title's own "#" is escaped
