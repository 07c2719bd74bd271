"""The learned reader of the killed: what it reads, where it acts (only where no rule read a count), and that a
finding says so."""

from __future__ import annotations

import json

from newsledger.api import Ledger
from newsledger.reconcile.count_reader import (
    LEARNED,
    mentions,
    sentences,
    shipped,
    story_mentions,
)


def test_mentions_are_numbers_and_one_person_phrases_in_sentences_about_a_shooting_or_a_death():
    text = ("The council met on Tuesday to discuss 3 proposals.\n\n"
            "Police arrested a teenage gunman for the fatal shooting of a 15-year-old boy, cops said. "
            "He fired 12 shots at 10:30 p.m. in the 300 block of Main Street.")
    found = mentions(text, story_death=True)
    assert [(m.value, text[m.start:m.end][:15]) for m in found] == [(1, "Police arrested")]
    assert {"death", "shot", "story_death", "kind=a"} <= found[0].features  # "a 15-year-old boy"; no age, time, address
    assert list(sentences("One. Two!\n\nThree")) == [(0, 4), (5, 9), (11, 16)]


def test_the_shipped_readers_read_one_dead_where_the_words_tell_of_a_death_and_not_of_a_wound():
    killed, injured = shipped().readers
    assert (killed.slot, injured.slot) == ("killed", "injured")
    death = "Police arrested a teenage gunman Wednesday night for the fatal shooting of a 15-year-old boy in Brooklyn."
    reading = killed.read(story_mentions([("a1", death)]))
    assert (reading.value, [(a, death[m.start:m.end]) for a, m, _ in reading.mentions]) == (1, [("a1", death)])
    assert reading.score >= killed.threshold
    grazed = "Louisville police are investigating after a teenager riding in a car is grazed in the head by a bullet."
    assert killed.read(story_mentions([("a2", grazed)])) is None


def test_a_value_is_read_from_the_sum_of_its_mentions_and_shown_by_the_likely_ones():
    from newsledger.logistic import SparseLogistic
    from newsledger.reconcile.count_reader import SlotReader
    reader = SlotReader("injured", SparseLogistic({"wound": 2.0, "v=2": -1.0}, -1.5), threshold=0.9)
    texts = [("a1", "A man was wounded. Two were wounded."), ("a2", "Another man was wounded in the leg.")]
    reading = reader.read(story_mentions(texts))  # "a man", "another man" (p 0.62 each) outweigh "two" (0.38)
    assert (reading.value, [(a, m.start) for a, m, _ in reading.mentions]) == (1, [("a1", 0), ("a2", 0)])
    assert SlotReader("injured", reader.model, threshold=1.5).read(story_mentions(texts)) is None


def _ingest(tmp_path, texts):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"id": f"r{n}", "title": "Beloit shooting", "text": text, "outlet": outlet,
                                        "published": "2016-05-14"}) + "\n"
                            for n, (outlet, text) in enumerate(texts)), encoding="utf-8")
    ledger = Ledger(tmp_path / "l.db")
    ledger.ingest([path])
    return ledger


def test_a_story_whose_rules_read_no_count_of_the_dead_takes_the_readers_with_its_sentence(tmp_path):
    ledger = _ingest(tmp_path, [
        ("wkow.com", ("BELOIT, Wis. -- Two men wanted in connection with the shooting death of a 5-year-old in "
                      "Beloit are now in custody, according to a release from Beloit police. The shooting happened "
                      "Saturday night on Vine Street.")),
        ("beloitdailynews.com", ("Police in Beloit arrested two men Sunday in the Saturday night shooting on Vine "
                                 "Street, police said.")),
    ])
    killed = [f for f in ledger.store.findings() if f.slot == "killed"]
    assert [v.value for f in killed for v in f.values] == ["1"]
    assert LEARNED in killed[0].explanation
    evidence = killed[0].values[0].evidence[0].text  # the mention's sentence (split at "Wis.", as training did)
    assert "the shooting death of a 5-year-old in Beloit are now in custody" in evidence and "Vine" not in evidence


def test_a_count_a_rule_reads_is_never_joined_by_the_readers(tmp_path):
    ledger = _ingest(tmp_path, [
        ("wkow.com", ("Two people were killed in a shooting in Beloit on Saturday night, police said. Police are "
                      "investigating the shooting death of a 5-year-old in Beloit.")),
    ])
    killed = [f for f in ledger.store.findings() if f.slot == "killed"]
    assert {v.value for f in killed for v in f.values} == {"2"}
    assert not any(LEARNED in f.explanation for f in killed)


def test_a_large_story_reads_its_earliest_reports_only():
    from newsledger.reconcile.count_reader import READ_ARTICLES, earliest
    from newsledger.records import Article

    articles = [Article(id=f"a{n:04d}", text=f"text {n}", published=f"2016-05-{10 + n % 20:02d}")
                for n in range(READ_ARTICLES * 3)]
    read = earliest(articles)
    assert len(read) == READ_ARTICLES and read == sorted(read)
    assert max(a.published for a in articles if (a.id, a.text) in read) <= min(
        a.published for a in articles if (a.id, a.text) not in read)


def test_a_long_hostile_sentence_of_numbers_costs_linear_time():
    import time

    text = "A man was shot and " + " ".join(f"{n % 40} dead" for n in range(25_000))  # 190 KB, no full stop
    started = time.perf_counter()
    found = story_mentions([("a1", text)])
    assert len(found) > 20_000 and time.perf_counter() - started < 20  # quadratic: about 10 minutes
