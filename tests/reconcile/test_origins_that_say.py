"""Only sources that say something are origins: officers responding to a call, an attacker, a caption's deputy
on the phone, or a place cut from its office are the outlet's narration (issue 17)."""

from __future__ import annotations

from newsledger.reconcile.independence import origin, says_something
from newsledger.records import (
    Article,
    Attribution,
    CueSpan,
    SourceKind,
    SourceSpan,
    Span,
)


def _attribution(text: str, source: str, cue: str, lemma: str, kind: SourceKind) -> Attribution:
    s, c = text.index(source), text.index(cue, text.index(source) + len(source))
    content_start = c + len(cue) + 1
    return Attribution("a", "x", SourceSpan(source, s, s + len(source), kind), CueSpan(cue, c, c + len(cue), lemma),
                       Span(text[content_start:], content_start, len(text)))


def _origin(text: str, source: str, cue: str, lemma: str, kind: SourceKind = SourceKind.GOVERNMENT) -> str:
    article = Article("x", text, outlet="wreg.com")
    return origin(_attribution(text, source, cue, lemma, kind), article, {"x": article}).key


def test_acts_taken_for_cues_are_the_outlets_narration():
    assert _origin("On Monday, officers responded to a shooting call at 1632 Patterson.", "officers", "responded",
                   "respond", SourceKind.ANONYMOUS) == "outlet:wreg.com"
    assert _origin("Bowser entered the court after attacking Zina Bowser at the home.", "Bowser", "attacking",
                   "attack", SourceKind.PERSON) == "outlet:wreg.com"
    assert _origin("A Sacramento County Deputy Sheriff talks on a mobile phone at the site.",
                   "A Sacramento County Deputy Sheriff", "talks on", "talk", SourceKind.PERSON) == "outlet:wreg.com"


def test_a_place_cut_from_its_office_is_no_origin():
    assert _origin("Police in Oakland, California say seven people were shot.", "California", "say",
                   "say") == "outlet:wreg.com"


def test_sources_that_say_stay_origins():
    assert _origin("Police said the man was shot twice.", "Police", "said", "say") != "outlet:wreg.com"
    assert _origin('The chief responded, "We have no suspect."', "The chief", "responded", "respond",
                   SourceKind.PERSON) == "name:chief"
    text = "Police are calling the shooting an accident."
    assert says_something(_attribution(text, "Police", "are calling", "call", SourceKind.GOVERNMENT))
