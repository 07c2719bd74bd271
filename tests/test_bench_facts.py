"""bench facts: the registry matching rules, the TF-IDF baseline, and the whole command on a tiny collection in
the gva/ layout written here."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.evaluation import tfidf
from newsledger.evaluation.facts import FactsDataError, part_of, run
from newsledger.evaluation.matching import count_matches, date_matches, place_matches


@pytest.mark.parametrize("value, registry, expected", [("3", 3, True), ("three dead", 3, True), ("2", 3, False),
                                                       ("none", 0, True), ("at least 4", 4, True)])
def test_counts_match_the_registry(value, registry, expected):
    assert count_matches(value, registry) is expected


def test_dates_match_on_the_day():
    assert date_matches("2016-06-04T05:38", "2016-06-04")
    assert not date_matches("2016-06", "2016-06-04") and not date_matches("2016-W22", "2016-06-04")


@pytest.mark.parametrize("value, expected", [
    ("Chicago", True), ("the Roseland neighborhood", True), ("the 3500 block of South Parnell Avenue", True),
    ("Illinois", False), ("a home", False), ("Parnell", True),
])
def test_places_match_the_city_the_neighbourhood_or_the_street(value, expected):
    assert place_matches(value, "Chicago (Roseland)", "3500 block of S Parnell Ave") is expected


@pytest.mark.parametrize("value, address, expected", [
    ("the 200 block of Third Street", "200 block of North 3rd Street", True),  # an ordinal in words
    ("the 200 block of Fourth Street", "200 block of North 3rd Street", False),
    ("the 1400 block of R Street", "1417 R Street", True),  # a street named by one letter
    ("the 1400 block of S Street", "1417 R Street", False),
    ("a home", "N/A", False),
    ("a north side home", "1200 A Street", False),  # a direction after a letter is no street
])
def test_an_address_matches_as_written_in_words_or_letters(value, address, expected):
    assert place_matches(value, "Sacramento", address) is expected


def test_tfidf_single_link_groups_articles_that_share_words():
    articles = [
        {"id": "a", "incident": "1", "title": "Four shot at Hawthorne party", "text": "Cerise Avenue party gunfire"},
        {"id": "b", "incident": "1", "title": "Hawthorne party shooting", "text": "Cerise Avenue gunfire victims"},
        {"id": "c", "incident": "2", "title": "Budget vote delayed", "text": "council budget vote"},
    ]
    clusters = tfidf.single_link(articles, 0.3)
    assert clusters["a"] == clusters["b"] != clusters["c"]
    assert 0.1 <= tfidf.best_threshold(articles) <= 0.9


def _incident(incident_id: str, killed: int, injured: int, city: str) -> dict:
    return {"id": incident_id, "date": "2016-06-04", "state": "Illinois", "city_or_county": city,
            "address": "3500 block of South Parnell Avenue", "killed": killed, "injured": injured,
            "participants": [], "lat_lon": None}


def test_bench_facts_on_a_tiny_collection(tmp_path):
    # three incidents, so both parts hold at least one of them whatever the hash
    ids = ["11", "12", "13", "14", "15", "16"]
    incidents = [_incident(i, 1, 3, "Chicago") for i in ids]
    text = ("Four people were shot, one fatally, at 5:38 a.m. Saturday in the 3500 block of South Parnell Avenue "
            "in Chicago, police said.")
    articles = []
    for n, incident in enumerate(ids):
        for copy in range(2):
            articles.append({"id": f"{incident}-{copy}", "incident": incident, "incidents": [incident],
                             "title": f"Shooting {incident}", "text": text.replace("Four", ["Four", "4"][copy])
                             + f" Case {incident}{'x' * n}.", "published": "2016-06-06",
                             "url": f"https://example.com/{incident}/{copy}", "outlet": f"outlet{copy}.com"})
    (tmp_path / "incidents.jsonl").write_text("\n".join(json.dumps(i) for i in incidents) + "\n")
    (tmp_path / "articles.jsonl").write_text("\n".join(json.dumps(a) for a in articles) + "\n")
    part = part_of(ids[0])
    result = run(tmp_path, part=part)
    assert result["articles"] == 2 * sum(part_of(i) == part for i in ids)
    assert set(result["facts"]) == {"killed", "injured", "date", "place"}
    assert result["facts"]["killed"]["of"] == result["incidents"]
    assert result["facts"]["date"]["accuracy"] == 1.0  # Saturday before Monday 2016-06-06
    assert result["facts"]["injured"]["accuracy"] == 1.0  # four shot, one fatally
    assert result["facts_held"]["killed"]["accuracy"] == 1.0  # held where it leads
    cli = CliRunner().invoke(app, ["bench", "facts", "--data", str(tmp_path), "--part", part, "--json"])
    assert cli.exit_code == 0 and json.loads(cli.stdout)["articles"] == result["articles"]


def test_a_finding_holds_the_registry_value_even_where_another_leads():
    from newsledger.evaluation.facts import Incident, _slot_held
    from newsledger.records import Finding, FindingStatus, SlotValue

    incident = Incident("1", "2016-06-04", "Illinois", "Chicago", "", killed=0, injured=3, lat_lon=None)
    disputed = Finding("f", "s", "e", "injured", FindingStatus.DISPUTED, [SlotValue("4"), SlotValue("3")])
    assert _slot_held("injured", incident, [disputed])
    assert not _slot_held("injured", incident, [])  # no finding: not held
    killed = Finding("k", "s", "e", "killed", FindingStatus.SINGLE_SOURCE, [SlotValue("1")])
    assert _slot_held("killed", incident, []) and not _slot_held("killed", incident, [killed])  # a registry 0


def test_bench_facts_names_a_missing_file(tmp_path):
    with pytest.raises(FactsDataError, match="incidents.jsonl"):
        run(tmp_path)
