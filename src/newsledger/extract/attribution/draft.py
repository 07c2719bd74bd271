"""An attribution in the making: the spans the rules found, before ids, kinds, relays and stance are settled."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Token

from newsledger.extract.cues import Range
from newsledger.records import Relay

EntityAt = Callable[[int, int], "str | None"]


@dataclass(slots=True)
class Draft:
    """An attribution before ids, kinds, relays and stance are settled."""

    cue: Range
    cue_token: Token
    content: Range
    source: Range | None = None
    source_token: Token | None = None
    direct: bool = False
    via: list[Relay] = field(default_factory=list)
    relay: Relay | None = None  # set when the source was handed over to whom a report cited
    gaps: list[Range] = field(default_factory=list)  # narration between the pieces of the content
    resolved: tuple[str, Range] | None = None  # the named antecedent of a pronoun or "the report"

    def holes(self) -> list[Range]:
        """What the content runs around and does not report: the source, the cue, the narration."""
        return [hole for hole in (self.source, self.cue, *self.gaps) if hole is not None]


def cue_lemma(token: Token) -> str:
    """The cue word's lemma as the records give it ("according to" for "according")."""
    if token.lower_ == "according":
        return "according to"
    return token.lemma_.lower()
