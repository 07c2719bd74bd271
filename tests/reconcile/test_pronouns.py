"""A value is never a bare pronoun: it stands for what the text or the records say, or it is dropped."""

from __future__ import annotations

import time

from newsledger.reconcile.pronouns import Antecedents, is_bare
from newsledger.reconcile.slots import description_value, name_value
from newsledger.records import Attribution, CueSpan, SourceKind, SourceSpan, Span


def _said(text: str, pronoun_at: int, resolved: str) -> Attribution:
    source = SourceSpan(text[pronoun_at:pronoun_at + 2], pronoun_at, pronoun_at + 2, SourceKind.PERSON,
                        resolved=resolved)
    return Attribution("a", "x", source, CueSpan("told", pronoun_at + 3, pronoun_at + 7, "tell"), Span("x", 0, 1))


def test_bare_pronouns_and_determiners_are_no_values():
    for word in ("He", "him", "them", "us", "who", "It", "This", "one"):
        assert is_bare(word)
        assert name_value(word) is None and description_value(word) is None
    assert name_value("Hernandez").label == "Hernandez" and description_value("the man").label == "man"


def test_who_takes_up_the_person_just_before_it():
    text = "Police found a 31-year-old woman, who was shot in the leg. The driver of the car, who was shot, fled."
    found = Antecedents(text, [])
    assert found.of(text.index("who"), text.index("who") + 3) == "a 31-year-old woman"
    second = text.index("who", text.index("car"))
    assert found.of(second, second + 3) is None  # "the car" is no person, and "driver of" is passed over


def test_a_personal_pronoun_is_the_person_resolved_in_its_sentence_or_nothing():
    text = "Later he told police he was shot twice.\nHe was taken to a hospital."
    found = Antecedents(text, [_said(text, text.index("he told"), "Gary Smith")])
    second = text.index("he was")
    assert found.of(second, second + 2) == "Gary Smith"
    third = text.index("He was")
    assert found.of(third, third + 2) is None  # another paragraph: nothing says who
    assert found.of(text.index("police"), text.index("police") + 6) is None


def test_many_pronouns_resolve_in_near_linear_time():
    text = "He told police he was shot. " * 20_000
    attributions = [_said(text, i, "Gary Smith") for i in range(0, len(text), 28)]
    found = Antecedents(text, attributions)
    started = time.perf_counter()
    hits = sum(found.of(i + 15, i + 17) == "Gary Smith" for i in range(0, len(text), 28))
    assert hits == 20_000 and time.perf_counter() - started < 5
    long = "x" * 2_000_000 + " a man who"
    assert Antecedents(long, []).of(len(long) - 3, len(long)) == "a man"
