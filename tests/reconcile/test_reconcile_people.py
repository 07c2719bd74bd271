"""One person across a story's articles: "Blinken" in one article is "Antony Blinken" of another."""

from __future__ import annotations

from pathlib import Path

from newsledger.api import Ledger, sample_paths
from newsledger.reconcile.independence import origin
from newsledger.reconcile.people import merge_people, same_people
from newsledger.records import (
    Article,
    Attribution,
    CueSpan,
    SourceKind,
    SourceSpan,
    Span,
)

NAMES = {"e_full": "Benny Gantz", "e_short": "Gantz", "e_hillary": "Hillary Clinton", "e_bill": "Bill Clinton",
         "e_clinton": "Clinton", "e_katz": "Israel Katz", "e_israel": "Israel", "e_blinken": "Blinken",
         "e_antony": "Antony Blinken", "e_ford": "Ford", "e_bill_ford": "Bill Ford", "e_benny": "Benny"}


def said(article: str, text: str, kind: SourceKind, entity: str) -> Attribution:
    source = SourceSpan(text, 0, len(text), kind, entity=entity)
    return Attribution(f"{article}:a0", article, source, CueSpan("said", 0, 4, "say"), Span("x", 5, 6))


def names(ids) -> dict[str, str]:
    return {i: NAMES[i] for i in ids if i in NAMES}


def test_a_lone_surname_joins_the_one_fuller_name_among_the_storys_people():
    found = [said("a", "Benny Gantz", SourceKind.PERSON, "e_full"), said("b", "Gantz", SourceKind.PERSON, "e_short")]
    assert same_people(found, names) == {"e_short": "e_full"}
    merged = merge_people(found, names)
    assert [a.source.entity for a in merged] == ["e_full", "e_full"]
    articles = {"a": Article("a", "x", outlet="A"), "b": Article("b", "x", outlet="B")}
    assert origin(merged[0], articles["a"], articles).key == origin(merged[1], articles["b"], articles).key


def test_ambiguous_surnames_and_countries_stay_apart():
    found = [said("a", "Hillary Clinton", SourceKind.PERSON, "e_hillary"),
             said("a", "Bill Clinton", SourceKind.PERSON, "e_bill"),
             said("b", "Clinton", SourceKind.PERSON, "e_clinton"),
             said("a", "Israel Katz", SourceKind.PERSON, "e_katz"),
             said("b", "Israel", SourceKind.GOVERNMENT, "e_israel")]
    assert same_people(found, names) == {}
    assert merge_people(found, names) is found


def test_an_organisation_or_a_first_name_is_not_the_person():
    found = [said("a", "Bill Ford", SourceKind.PERSON, "e_bill_ford"), said("b", "Ford", SourceKind.ORGANIZATION, "e_ford"),
             said("a", "Benny Gantz", SourceKind.PERSON, "e_full"), said("b", "Benny", SourceKind.PERSON, "e_benny")]
    assert same_people(found, names) == {}


def test_a_surname_the_tagger_took_for_a_place_still_joins_the_person():
    found = [said("a", "Antony Blinken", SourceKind.PERSON, "e_antony"),
             said("b", "Blinken", SourceKind.GOVERNMENT, "e_blinken")]
    merged = merge_people(found, names)
    assert merged[1].source.entity == "e_antony" and merged[1].source.kind is SourceKind.PERSON


def test_the_brief_groups_one_person_named_two_ways_across_articles(tmp_path: Path):
    first, second = sample_paths()[:2]  # the two reports of the Isfahan strike: one story
    (tmp_path / "000.txt").write_text(first.read_text(encoding="utf-8")
                                      + "\n\nAntony Blinken said the United States had not been involved.\n")
    (tmp_path / "002.txt").write_text(second.read_text(encoding="utf-8")
                                      + "\n\nBlinken said Washington had been briefed before the strike.\n")
    with Ledger(tmp_path / "ledger.db") as ledger:
        ledger.ingest([tmp_path / "000.txt", tmp_path / "002.txt"])
        [brief] = [b for b in ledger.brief() if len(b["articles"]) == 2]
    [group] = [g for g in brief["sources"] if "Blinken" in g["name"]]
    assert group["name"] == "Antony Blinken" and group["kind"] == "person"
    assert sorted(a["source"]["text"] for a in group["attributions"]) == ["Antony Blinken", "Blinken"]
