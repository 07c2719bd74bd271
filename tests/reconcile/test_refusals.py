"""Denied and no-comment findings are said only of a party answering about the story's facts (issue 17)."""

from __future__ import annotations

import pytest

from newsledger.api import Ledger
from newsledger.reconcile.findings import findings_for_story
from newsledger.reconcile.pronouns import is_bare
from newsledger.reconcile.refusals import why_not
from newsledger.records import (
    Attribution,
    CueSpan,
    FindingStatus,
    SourceKind,
    SourceSpan,
    Span,
    Stance,
)

FIRST = """Man killed, woman wounded in Springfield shooting

A 24-year-old man who was shot outside a bar on Main Street in Springfield early Sunday died at a hospital, police said.

Officers found the man and a 31-year-old woman, who was shot in the leg, in the parking lot at about 1:30 a.m. Sunday. He was pronounced dead at Mercy Hospital. She is expected to survive.

Police Chief Dana Ortiz said detectives are looking for a gunman who fled in a silver sedan. Ortiz declined to discuss a possible motive. She said it was too early to say whether the two victims knew the shooter.

The bar's owner, Mark Ellis, denied a reporter's request for an interview. His lawyer said Ellis was not involved in the shooting.

The woman, who declined to give her name, said she heard four shots.
"""
SECOND = """Springfield police seek gunman after deadly bar shooting

SPRINGFIELD — Police are searching for a gunman who killed a 24-year-old man and wounded a woman outside a Main Street bar early Sunday.

The man was shot several times in the parking lot of the bar at about 1:30 a.m., Police Chief Dana Ortiz said. He died at Mercy Hospital. The woman was shot in the leg and is in stable condition.

Ortiz would not say whether police had identified a suspect. Police did not know what led to the shooting.

Don't forget to sign up for our morning newsletter.
"""


@pytest.fixture(scope="module")
def shooting(tmp_path_factory):
    """The findings of one story told by two outlets, from the real pipeline."""
    folder = tmp_path_factory.mktemp("shooting")
    (folder / "first.txt").write_text(FIRST, encoding="utf-8")
    (folder / "second.txt").write_text(SECOND, encoding="utf-8")
    with Ledger(folder / "ledger.db") as ledger:
        ledger.ingest([folder / "first.txt", folder / "second.txt"])
        [story] = [s for s in ledger.store.stories() if len(s.articles) == 2]
        store = ledger.store
        return findings_for_story(story, list(store.articles(story.articles)), store.attributions(story.articles),
                                  store.events(story.articles), store.cross_events(story.id))


def _quoted(findings, status) -> list[str]:
    return [f.values[0].evidence[0].text for f in findings if f.status == status]


def test_a_refusal_to_discuss_the_facts_is_a_no_comment(shooting):
    assert any("declined to discuss a possible motive" in text for text in _quoted(shooting, FindingStatus.NO_COMMENT))


def test_not_knowing_a_refused_interview_and_a_newsletter_are_no_refusals(shooting):
    said = " ".join(_quoted(shooting, FindingStatus.NO_COMMENT) + _quoted(shooting, FindingStatus.DENIED))
    for not_a_refusal in ("did not know", "request for an interview", "forget", "give her name"):
        assert not_a_refusal not in said


def test_a_lawyer_denying_his_clients_role_is_a_denial(shooting):
    assert any("Ellis was not involved" in text for text in _quoted(shooting, FindingStatus.DENIED))


def test_no_value_is_a_bare_pronoun_and_who_takes_up_its_person(shooting):
    values = [v.value for f in shooting for v in f.values]
    assert not [v for v in values if is_bare(v)]
    target = next(f for f in shooting if f.slot == "target")
    assert "31-year-old woman" in {v.value for v in target.values}


def _attribution(stance: Stance, cue: str, lemma: str, content: str, source: str | None = "Police",
                 kind: SourceKind = SourceKind.GOVERNMENT) -> tuple[Attribution, str]:
    text = f"{source or 'It'} {cue} {content}."
    start = len(source or "It") + 1
    spoken = SourceSpan(source, 0, len(source), kind) if source else None
    content_start = start + len(cue) + 1
    return Attribution("a", "x", spoken, CueSpan(cue, start, start + len(cue), lemma),
                       Span(content, content_start, content_start + len(content)), stance=stance), text


@pytest.mark.parametrize("cue, lemma, content, source, kind, reason", [
    ("declined", "decline", "to identify the shooter", "Police", SourceKind.GOVERNMENT, None),
    ("declined to", "decline", "discuss the case further", "Snipes", SourceKind.PERSON, None),
    ("are not saying", "say", "who the gun belonged to", "Police", SourceKind.GOVERNMENT, None),
    ("did not respond", "respond", "to a request for comment", "The campaign", SourceKind.ORGANIZATION, None),
    ("did not know", "know", "what prompted the shooting", "Police", SourceKind.GOVERNMENT,
     "withholds no information"),
    ("refused", "refuse", "the advances of one of the men", "She", SourceKind.PERSON, "no party"),
    ("refused", "refuse", "to comply with orders", "The man", SourceKind.PERSON, "withholds no information"),
    ("declined", "decline", "to give his name", "A neighbor", SourceKind.PERSON, "own name"),
    ("never said", "say", "a word before going for the women", "Matusiewicz", SourceKind.PERSON,
     "withholds no information"),
    ("did not list", "list", "an attorney", "Court records", SourceKind.DOCUMENT, "no party"),
    ("were not", "know", "known", None, SourceKind.UNKNOWN, "no party"),
])
def test_refusal_rules(cue, lemma, content, source, kind, reason):
    attribution, text = _attribution(Stance.DECLINES_TO_COMMENT, cue, lemma, content, source, kind)
    assert why_not(attribution, text) == reason


@pytest.mark.parametrize("cue, lemma, content, source, reason", [
    ("denied", "deny", "shooting anyone", "Jimerson", None),
    ("said", "say", "he was not involved in the crime", "His lawyer", None),
    ("dismissed", "dismiss", "the reports as false", "The ministry", None),
    ("denied", "deny", "a reporter's request for an interview", "David Matusiewicz", "denies no claim"),
    ("said", "say", "that vehicle was not involved", "Police", "denies no claim"),
    ("were dismissed", "dismiss", "against Martin and Vann", "The charges", "denies no claim"),
    ("has never disavowed", "disavow", "his plan", "Trump", "negated"),
])
def test_denial_rules(cue, lemma, content, source, reason):
    attribution, text = _attribution(Stance.DENIES, cue, lemma, content, source, SourceKind.PERSON)
    assert why_not(attribution, text) == reason


def test_hostile_content_is_judged_in_bounded_time():
    import time

    started = time.perf_counter()
    for content in ("Word " * 50_000 + "was not involved", "to say " + "who " * 400_000, "a " * 1_000_000):
        for stance, cue, lemma in ((Stance.DENIES, "denied", "deny"), (Stance.DECLINES_TO_COMMENT, "declined", "decline")):
            attribution, text = _attribution(stance, cue, lemma, content)
            why_not(attribution, text)
    assert time.perf_counter() - started < 5


def test_a_party_resolved_from_a_pronoun_must_be_named_nearby():
    text = ("The Greenwood Index-Journal reported the arrest on Monday.\n\n" + "Other news. " * 200 + "\n\n"
            "Deputies say they believe the gunman knew a victim, but they have not yet named Sweatt as the shooter.")
    at = text.rindex("they have")
    cue_at = text.index("have not yet named")
    source = SourceSpan("they", at, at + 4, SourceKind.UNKNOWN, resolved="The Greenwood Index-Journal")
    content_at = text.index("Sweatt as")
    attribution = Attribution("a", "x", source, CueSpan("have not yet named", cue_at, cue_at + 18, "name"),
                              Span(text[content_at:], content_at, len(text)), stance=Stance.DECLINES_TO_COMMENT)
    assert why_not(attribution, text) == "party not named nearby"
    near = text.replace("Deputies say", "Greenwood deputies say")
    shift = len("Greenwood ")
    moved = Attribution("a", "x", SourceSpan("they", at + shift, at + shift + 4, SourceKind.UNKNOWN,
                                             resolved="Greenwood"),
                        CueSpan("have not yet named", cue_at + shift, cue_at + shift + 18, "name"),
                        Span(near[content_at + shift:], content_at + shift, len(near)),
                        stance=Stance.DECLINES_TO_COMMENT)
    assert why_not(moved, near) is None
