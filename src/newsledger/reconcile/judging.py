"""Judging a slot of a happening from its claims alone: which values conflict, which are a count updated on a later
day, how many independent origins confirm; the finding and its explanation.

Reads only the claims (``claims.py``), never the articles, so a large story judges a slot again from its kept
claims and an added article's (``resolution.py``) exactly as a full resolution would judge them.
"""

from __future__ import annotations

from collections import defaultdict

from newsledger.reconcile.claims import Claim
from newsledger.reconcile.independence import origin_labels
from newsledger.reconcile.slots import TITLES, Relations, compare
from newsledger.reconcile.updates import revision_order
from newsledger.records import CrossEvent, Evidence, Finding, FindingStatus, SlotValue


def slot_finding(story: str, happening: CrossEvent, slot: str, said: list[Claim], relations: Relations) -> Finding:
    groups: dict[str, list[Claim]] = defaultdict(list)
    for claim in sorted(said, key=lambda c: (c.article, c.start)):
        groups[claim.value.key or claim.value.label].append(claim)
    values = list(groups.values())
    conflicts = [(a, b, verdict) for i, a in enumerate(values) for b in values[i + 1:]
                 if not (verdict := compare(slot, a[0].value, b[0].value, relations)).compatible]
    confirming = confirming_origins(said)
    what = f"{TITLES[slot]} — {happening_name(happening)}"
    published = {c.article: c.published for c in said}
    revised = revision_order(slot, values, published.get, [(a, b) for a, b, _ in conflicts]) if conflicts else None
    if revised:
        status, values = FindingStatus.UPDATED, [group for group, _ in revised]
        explanation = f"{what}: updated as the story went on — " + " → ".join(
            f"{_side(group)} ({day})" for group, day in revised)
    elif conflicts:
        status = FindingStatus.DISPUTED
        a, b, verdict = conflicts[0]
        explanation = (f"{what}: disputed — {_side(a)} vs {_side(b)} ({verdict.reason})")
    else:
        status = FindingStatus.CORROBORATED if len(confirming) >= 2 else FindingStatus.SINGLE_SOURCE
        explanation = established(what, values, confirming)
    explanation += "".join(sorted({f" ({c.how})" for c in said if c.how}))
    return Finding("", story, happening.id, slot, status, [slot_value(group) for group in values], len(confirming),
                   explanation)


def confirming_origins(claims: list[Claim]) -> set[str]:
    """The independent origins that confirm: each claim's origin, except an outlet's own voice where the same
    outlet also cites a source for it — its narration rests on that source ("NYT Report: Israel attacked
    Iranian sites", then the officials it quotes), so the two count once."""
    confirming = {c.origin.key for c in claims if not c.speculative}
    cited_by = {c.own for c in claims if not c.speculative and c.origin.key != c.own}
    voices = {c.origin.key for c in claims if not c.speculative and c.origin.key == c.own}
    return confirming - (voices & cited_by)


def slot_value(claims: list[Claim]) -> SlotValue:
    evidence: dict[tuple[str, int, int], Evidence] = {}
    for claim in claims:
        for span in claim.evidence:
            evidence.setdefault((span.article, span.start, span.end), span)
    return SlotValue(claims[0].value.label, sorted(evidence.values(), key=lambda e: (e.article, e.start)),
                     sorted({c.attribution for c in claims if c.attribution}),
                     sorted({c.origin.key for c in claims if not c.speculative}),
                     _normal(claims))


def _normal(claims: list[Claim]) -> object:
    """The value's machine-readable form; for a place, the first claim that was resolved on the map gives it."""
    resolved = next((c.value for c in claims if c.value.geo is not None), claims[0].value)
    return resolved.normal()


def happening_name(happening: CrossEvent) -> str:
    where = f" in {', '.join(happening.places[:2])}" if happening.places else ""
    return f"the {happening.type.value}{where}"


def _voices(claims: list[Claim]) -> str:
    return "; ".join(dict.fromkeys(c.voice for c in claims))


def _side(claims: list[Claim]) -> str:
    return f"“{claims[0].value.label}” per {_voices(claims)}"


def established(what: str, values: list[list[Claim]], confirming: set[str]) -> str:
    firm = [group for group in values if any(not c.speculative for c in group)] or values
    guesses = [group for group in values if all(c.speculative for c in group)]
    said = "; ".join(f"“{group[0].value.label}” per {_voices(group)}" for group in firm)
    labels = origin_labels([c.origin for group in values for c in group if c.origin.key in confirming])
    if len(confirming) >= 2:
        verdict = f"{len(confirming)} independent origins ({', '.join(labels)})"
    elif confirming:
        outlets = {c.article for group in firm for c in group}
        repeated = f", repeated in {len(outlets)} articles" if len(outlets) > 1 else ""
        verdict = f"one origin ({labels[0]}){repeated} — not independent confirmation"
    else:
        verdict = "speculation only — no origin confirms it"
    extra = "; also, not counted: " + "; ".join(_side(g) for g in guesses) if guesses and firm != values else ""
    return f"{what}: {said} — {verdict}{extra}"
