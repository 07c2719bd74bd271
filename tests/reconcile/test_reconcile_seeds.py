"""Acceptance on the seeds: findings of the Isfahan story from the real pipeline's stored records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsledger.api import Ledger, sample_paths
from newsledger.reconcile.findings import findings_for_story
from newsledger.records import Finding, FindingStatus, to_dict
from newsledger.report.brief import build_brief
from newsledger.report.render import render


def _findings(ledger: Ledger, story) -> list[Finding]:
    store = ledger.store
    return findings_for_story(story, list(store.articles(story.articles)), store.attributions(story.articles),
                              store.events(story.articles), store.cross_events(story.id))


@pytest.fixture(scope="module")
def isfahan(seed_ledger):
    """(ledger, story, findings, article id by seed prefix) for the story of 000 and 002."""
    articles = {Path(a.source_path).name[:3]: a for a in seed_ledger.store.articles()}
    story = next(s for s in seed_ledger.store.stories() if articles["000"].id in s.articles)
    return seed_ledger, story, _findings(seed_ledger, story), {k: a.id for k, a in articles.items()}


def _value_of(finding: Finding, article: str):
    return next(v for v in finding.values if any(e.article == article for e in v.evidence))


def _quoted(finding: Finding, article: str) -> str:
    return " ".join(e.text for v in finding.values for e in v.evidence if e.article == article)


def test_findings_are_deterministic_with_stable_ids(isfahan):
    ledger, story, found, _ = isfahan
    again = _findings(ledger, story)
    assert [f.id for f in found] == [f"f_{story.id}:{n}" for n in range(len(found))]
    assert [json.dumps(to_dict(f), sort_keys=True) for f in found] == [json.dumps(to_dict(f), sort_keys=True)
                                                                       for f in again]


def test_every_evidence_span_is_the_text_it_points_at(isfahan):
    ledger, _, found, _ = isfahan
    texts = {a.id: a.text for a in ledger.store.articles()}
    for finding in found:
        for value in finding.values:
            assert value.evidence
            for e in value.evidence:
                assert texts[e.article][e.start:e.end] == e.text


def test_what_happened_to_the_drones_is_disputed(isfahan):
    _, _, found, ids = isfahan
    shot = next(f for f in found if f.slot == "shot_down")
    assert shot.status == FindingStatus.DISPUTED
    assert _value_of(shot, ids["000"]).value == "all"
    assert _value_of(shot, ids["002"]).value == "2 of 3"
    assert "all had been shot down" in _quoted(shot, ids["000"])
    quoted = _quoted(shot, ids["002"])
    assert "three drones were launched" in quoted and "two were shot down" in quoted
    assert "Iranian officials" in shot.explanation and "Iranian Defense Ministry" in shot.explanation


def test_the_weapon_is_disputed_drone_against_missile(isfahan):
    _, _, found, ids = isfahan
    weapon = next(f for f in found if f.slot == "weapon" and {"drone", "missile"} <= {v.value for v in f.values})
    assert weapon.status == FindingStatus.DISPUTED
    assert "drone" in _quoted(weapon, ids["000"])
    missile = next(v for v in weapon.values if v.value == "missile")
    assert [e.text for e in missile.evidence] == ["missile"] and missile.evidence[0].article == ids["002"]


def test_mossad_role_is_one_origin_not_independent_confirmation(isfahan):
    _, _, found, ids = isfahan
    agent = next(f for f in found if f.slot == "agent" and f.status not in (FindingStatus.DENIED,
                                                                             FindingStatus.NO_COMMENT))
    assert agent.status == FindingStatus.SINGLE_SOURCE and agent.independent_origins == 1
    mossad = next(v for v in agent.values if v.value == "Mossad")
    assert {e.article for e in mossad.evidence} == {ids["000"], ids["002"]}
    assert mossad.origins == ["gov:united states"]
    for outlet in ("The Wall Street Journal", "The New York Times", "anonymous U.S. intelligence officials",
                   "one origin", "not independent confirmation"):
        assert outlet in agent.explanation


def test_us_denial_and_mossad_no_comment(isfahan):
    _, _, found, ids = isfahan
    denied = next(f for f in found if f.status == FindingStatus.DENIED)
    assert denied.values[0].value == "The United States" and denied.values[0].evidence[0].article == ids["000"]
    assert "it played no role in what happened" in denied.values[0].evidence[0].text
    declined = next(f for f in found if f.status == FindingStatus.NO_COMMENT)
    assert declined.values[0].value == "Mossad" and declined.values[0].evidence[0].article == ids["002"]
    assert "has not confirmed or denied" in declined.values[0].evidence[0].text
    attack = next(f.event for f in found if f.slot == "weapon" and f.status == FindingStatus.DISPUTED)
    assert denied.event == declined.event == attack


def test_little_and_minor_damage_are_compatible(isfahan):
    _, _, found, ids = isfahan
    damage = next(f for f in found if f.slot == "damage")
    assert damage.status != FindingStatus.DISPUTED and [v.value for v in damage.values] == ["minor"]
    assert "little damage" in _quoted(damage, ids["000"]) and "minor damage" in _quoted(damage, ids["002"])


def test_iranian_officials_and_the_iranian_defense_ministry_are_one_origin(isfahan):
    _, _, found, _ = isfahan
    damage = next(f for f in found if f.slot == "damage")
    assert damage.status == FindingStatus.SINGLE_SOURCE and damage.independent_origins == 1
    assert "one origin (the government of Iran: anonymous Iranian officials, the Iranian Defense Ministry)" in \
        damage.explanation


def test_brief_shows_the_findings_sections_escaped(tmp_path):
    with Ledger(tmp_path / "brief.db") as ledger:
        ledger.ingest(sample_paths())
        for story in ledger.store.stories():  # what the pipeline does once it stores findings
            ledger.store.write_resolution(story.id, ledger.store.cross_events(story.id), _findings(ledger, story))
        story = next(s for s in ledger.store.stories() if len(s.articles) == 2)
        brief = build_brief(ledger.store, story)
    assert brief["findings"]["disputed"] and brief["findings"]["denied"] and brief["findings"]["single_source"]
    md = render([brief], "md")
    headings = ["## Established", "## Single source", "## Disputed", "## Denied or no comment", "## What happened",
                "## Timeline", "## Sources and their chains"]
    assert [md.index(h) for h in headings] == sorted(md.index(h) for h in headings)
    assert "“two were shot down”" in md and "The New York Times" in md
    html = render([brief], "html")
    assert "<h2>Disputed</h2>" in html and "two were shot down" in html
    brief["findings"]["disputed"][0]["explanation"] = "<script>alert(1)</script>"
    assert "<script>" not in render([brief], "html") and "<script>" not in render([brief], "md")


def test_a_write_up_of_another_outlets_report_speaks_with_that_outlets_voice(seed_ledger, isfahan):
    """000 leads with "…, reported The Wall Street Journal": its own statements are the WSJ's, not a second
    origin; 004 ("NYT Report: …", one article) then has no finding resting on itself and the NYT as two."""
    _, _, found, ids = isfahan
    place = next(f for f in found if f.slot == "place" and any(e.article == ids["000"] for v in f.values
                                                                 for e in v.evidence))
    assert "000" in place.explanation and "writing up The Wall Street Journal" in place.explanation
    strike = next(s for s in seed_ledger.store.stories() if ids["004"] in s.articles)
    assert all(f.status != FindingStatus.CORROBORATED for f in _findings(seed_ledger, strike))


def test_what_a_source_will_not_say_is_no_value_of_the_story(tmp_path):
    first, second = sample_paths()[:2]
    (tmp_path / "000.txt").write_text(first.read_text(encoding="utf-8"))
    (tmp_path / "002.txt").write_text(second.read_text(encoding="utf-8") + "\n\nA Revolutionary Guard spokesman "
                                      "would not confirm that four drones were shot down.\n")
    with Ledger(tmp_path / "ledger.db") as ledger:
        ledger.ingest([tmp_path / "000.txt", tmp_path / "002.txt"])
        [story] = [s for s in ledger.stories() if len(s.articles) == 2]
        found = _findings(ledger, story)
    shot = next(f for f in found if f.slot == "shot_down")
    assert {v.value for v in shot.values} == {"2 of 3", "all"}  # not "4": the spokesman would not say
    assert shot.status == FindingStatus.DISPUTED
    [declined] = [f for f in found if f.status == FindingStatus.NO_COMMENT and "Revolutionary Guard" in f.explanation]
    assert "four drones" in declined.values[0].evidence[0].text


def test_the_seed_brief_opens_with_its_disputed_count(seed_ledger):
    story = next(s for s in seed_ledger.stories() if len(s.articles) == 2)
    summary = seed_ledger.brief(story.id, fmt="json")
    summary = json.loads(summary)[0]["summary"] if isinstance(summary, str) else summary["summary"]
    shot_down = next(fact for fact in summary["counts"] if fact["slot"] == "shot_down")
    assert shot_down["status"] == "disputed" and set(shot_down["value"].split(" vs ")) == {"2 of 3", "all"}
    assert summary["where"]["value"] == "Isfahan" and summary["tally"]["disputed"] >= 1


def test_a_story_that_does_not_hold_together_gets_no_findings_and_says_why(seed_ledger):
    from dataclasses import replace

    from newsledger.reconcile.facets import MIN_COHESION

    story = next(s for s in seed_ledger.stories() if len(s.articles) == 2)
    store = seed_ledger.store
    args = (list(store.articles(story.articles)), store.attributions(story.articles), store.events(story.articles),
            store.cross_events(story.id))
    assert findings_for_story(story, *args)  # the seed story holds together
    loose = replace(story, cohesion=MIN_COHESION / 10)
    assert findings_for_story(loose, *args) == []
    brief = build_brief(store, loose)
    assert brief["story"]["findings_withheld"] and "No findings" in render([brief], "md")
