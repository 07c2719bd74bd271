"""The event trigger detector (extract.triggers): what it marks in news sentences, what it leaves, and that hostile
input costs bounded work."""

from __future__ import annotations

import time
from itertools import pairwise

import pytest
from spacy.tokens import Doc

from newsledger.annotate.nlp import load
from newsledger.extract.triggers import (
    CLASSES,
    MAX_COMPOUND_PARTS,
    Sheet,
    Trigger,
    TriggerModel,
    compound_start,
    find_triggers,
    shipped_model,
    verbal_origin,
)


@pytest.fixture(scope="module")
def nlp():
    return load()


def marked(nlp, text: str) -> dict[str, Trigger]:
    return {trigger.text: trigger for trigger in find_triggers(nlp(text))}


def test_verbs_and_nominal_events_in_crime_news(nlp):
    found = marked(nlp, "Police said a man was shot and killed Saturday night in a shooting outside a bar on "
                        "Main Street, and two other people were wounded.")
    assert {"said", "shot", "killed", "shooting", "wounded"} <= set(found)
    assert found["said"].event_class == "REPORTING"
    assert found["shooting"].event_class == "OCCURRENCE"


def test_names_dates_and_function_words_are_not_triggers(nlp):
    found = marked(nlp, "John Smith, 34, of Springfield was arrested on Tuesday by the Springfield Police "
                        "Department after the attack.")
    assert {"arrested", "attack"} <= set(found)
    assert not {"John", "Smith", "Springfield", "Tuesday", "Police", "Department", "the", "by", "34"} & set(found)


def test_reporting_state_and_intention_classes(nlp):
    found = marked(nlp, "The company announced that it wants to buy its rival, which analysts expect to remain "
                        "profitable.")
    assert found["announced"].event_class == "REPORTING"
    assert found["wants"].event_class in ("I_STATE", "I_ACTION")
    assert "buy" in found


def test_trigger_offsets_agree_with_the_text(nlp):
    doc = nlp("Rescuers found the bodies after the fire, officials told reporters.")
    triggers = find_triggers(doc)
    assert triggers and all(isinstance(t, Trigger) for t in triggers)
    for trigger in triggers:
        assert doc.text[trigger.start_char:trigger.end_char] == trigger.text
        assert doc[trigger.start_token:trigger.end_token].text == trigger.text
        assert trigger.event_class in CLASSES
        assert shipped_model().threshold <= trigger.score <= 1.0
    assert [t.start_char for t in triggers] == sorted(t.start_char for t in triggers)


def test_a_hyphenated_word_is_one_trigger(nlp):
    doc = nlp("The cease-fire held for a week.")
    fire = next(token.i for token in doc if token.text == "fire")
    assert doc[compound_start(Sheet(doc), fire):fire + 1].text == "cease-fire"
    assert compound_start(Sheet(doc), fire - 2) == fire - 2  # "cease" ends no compound
    spaced = nlp("It was a cease - fire.")
    last = next(token.i for token in spaced if token.text == "fire")
    assert compound_start(Sheet(spaced), last) == last  # spaces around the hyphen: separate words


def test_empty_and_whitespace_docs(nlp):
    assert find_triggers(nlp("")) == []
    assert find_triggers(nlp("   \n\n  ")) == []


def _built_doc(nlp, words: list[str], pos: str, tag: str, spaces: bool, root: int = 0) -> Doc:
    """A doc with the given words all of one part of speech, every word depending on ``root`` (no parser run:
    the test is of the detector's cost, not spaCy's)."""
    heads = [root] * len(words)
    deps = ["ROOT" if i == root else "dep" for i in range(len(words))]
    return Doc(nlp.vocab, words=words, spaces=[spaces] * len(words), pos=[pos] * len(words), tags=[tag] * len(words), heads=heads, deps=deps,
               lemmas=[w.lower() for w in words])


@pytest.mark.parametrize("words, pos, tag, spaces", [
    (["attack"] * 300_000, "NOUN", "NN", True),  # one 2.1 MB "sentence" whose root has 300,000 dependents
    ([f"Name{k}" for k in range(50_000)], "PROPN", "NNP", True),  # 50,000 capitalised words
    ([w for k in range(50_000) for w in ("killed", "-")], "VERB", "VBD", False),  # killed-killed-… 100,000 tokens
])
def test_hostile_input_is_bounded(nlp, words, pos, tag, spaces):
    doc = _built_doc(nlp, words, pos, tag, spaces)
    started = time.perf_counter()
    triggers = find_triggers(doc)
    assert time.perf_counter() - started < 20
    assert all(t.end_token - t.start_token <= 2 * MAX_COMPOUND_PARTS for t in triggers)
    assert all(a.end_token <= b.start_token for a, b in pairwise(triggers))  # no overlaps


def test_a_lower_threshold_marks_more_and_keeps_the_rest(nlp):
    doc = nlp("The incident left one man dead, and police said the murder charges would follow the investigation.")
    default = find_triggers(doc)
    lower = find_triggers(doc, threshold=0.01)
    assert {t.start_char for t in default} <= {t.start_char for t in lower}
    assert all(t.score >= 0.01 for t in lower)
    assert find_triggers(doc, threshold=1.01) == []


def test_the_model_round_trips_with_its_lexicon(tmp_path):
    model = shipped_model()
    assert "shoot" in model.lexicon.verbs and model.lexicon.action_prior
    model.save(tmp_path / "copy.npz")
    copy = TriggerModel.load(tmp_path / "copy.npz")
    assert copy.lexicon == model.lexicon and copy.labels == model.labels and copy.threshold == model.threshold
    assert copy.index == model.index


@pytest.mark.parametrize("word, origin", [
    ("explosion", "sion"), ("shooting", "ing"), ("agreement", "ment"), ("arrival", "al"), ("attack", "="),
    ("table", ""), ("police", ""),
])
def test_verbal_origin(word, origin):
    verbs = frozenset(("explode", "shoot", "agree", "arrive", "attack", "tab"))
    assert verbal_origin(word, verbs) == origin
