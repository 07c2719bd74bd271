"""A claim: one value of one slot, said once, with everything a finding needs to judge it and show it.

A claim carries its evidence text, how an explanation names its speaker, and the day its article appeared, so
that judging a slot (``judging.py``) reads claims only, never the articles: a large story keeps its claims per
happening and slot (``store/kept.py``) and judges a slot again from them and an added article's claims alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsledger.reconcile.independence import Origin
from newsledger.reconcile.values import Value, value_from_json, value_to_json
from newsledger.records import Evidence


@dataclass(frozen=True, slots=True)
class Claim:
    """One value of one slot, said once: where, by which attribution (its id; None: the outlet), from which
    origin, and how it reads in an explanation."""

    event: str
    slot: str
    value: Value
    article: str
    start: int
    end: int
    attribution: str | None
    origin: Origin
    speculative: bool
    evidence: tuple[Evidence, ...]  # the claim's span and the spans that completed it, with their text
    voice: str  # who says it, as an explanation names them: "The New York Times (…) citing anonymous officials"
    own: str  # the origin key of the article's own voice: what it narrates rests on the sources it cites
    published: str | None  # the article's day, for counts revised on later days
    how: str = ""  # read otherwise than by the rules: said in the finding's explanation


def claim_to_json(claim: Claim) -> dict[str, Any]:
    """A claim as JSON that SQLite and PostgreSQL both hold."""
    return {
        "event": claim.event, "slot": claim.slot, "article": claim.article, "start": claim.start, "end": claim.end,
        "attribution": claim.attribution, "origin": [claim.origin.key, claim.origin.label, claim.origin.party],
        "speculative": claim.speculative, "evidence": [[e.start, e.end, e.text] for e in claim.evidence],
        "voice": claim.voice, "own": claim.own, "published": claim.published, "how": claim.how,
        "value": value_to_json(claim.value),
    }


def claim_from_json(data: dict[str, Any]) -> Claim:
    return Claim(
        data["event"], data["slot"], value_from_json(data["value"]), data["article"], data["start"], data["end"],
        data["attribution"], Origin(*data["origin"]), data["speculative"],
        tuple(Evidence(data["article"], text, start, end, data["attribution"]) for start, end, text in data["evidence"]),
        data["voice"], data["own"], data["published"], data["how"])

