"""Which value of a slot leads: what a story's summary, its brief and its page show first.

A count that later reports revised leads with its latest value. Otherwise the value that most independent origins
say, then the one with the most evidence. (The injured count a report gives first, its lede's, was tried: GVA
tune injured 312 → 318 of 469, but eval 613 → 605 of 888, so it is not a rule.) A date is read at
the day: the story's days are weighed by ``incident_day`` (how many origins back each, with a time of day, near the
top of a report, in the main happening's findings, early among the days named: a learned choice), and the chosen
day is shown by one of its values: the main happening's first, then the one most origins say, then the most
specific.

A place is read at two levels: when the values of an undisputed finding (all compatible, so one place) hold both
a town the gazetteer resolves and something finer it does not (a street address, a venue), the lead names both,
"the 3500 block of South Parnell Avenue, Chicago", with the town's coordinates: what each outlet gives of the
place, joined, and nothing that no outlet says. Otherwise a state, a country or a region leads only when nothing
finer is said.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsledger.extract.timex.values import day_of, time_key
from newsledger.reconcile.incident_day import best_day, marked
from newsledger.records import Finding, FindingStatus, SlotValue


def leading(pairs: Sequence[tuple[Finding, SlotValue]], slot: str,
            main: str | None = None) -> tuple[Finding, SlotValue] | None:
    """The leading (finding, value) of a slot among the values of findings; ``main`` is the id of the story's
    main happening, whose own values tell its day best."""
    pairs = [(finding, value) for finding, value in pairs
             if finding.status is not FindingStatus.UPDATED or value is finding.values[-1]]
    if not pairs:
        return None
    if slot == "place" and not any(finding.status is FindingStatus.DISPUTED for finding, _ in pairs):
        return _two_levels(pairs) or max(pairs, key=lambda pair: (not broad(pair[1].normal), *_weight(pair[1])))
    if slot == "time":
        day = best_day(marked(pairs, main))
        if day is not None:
            on_day = [(holder, value) for holder, value in pairs if day_of(value.value) == day]
            return max(on_day, key=lambda pair: (main is not None and pair[0].event == main, *_weight(pair[1]),
                                                 _precision(pair[1].value)))
    return max(pairs, key=lambda pair: _weight(pair[1]))


def _weight(value: SlotValue) -> tuple[int, int]:
    return len(value.origins), len(value.evidence)


def _precision(value: str) -> int:
    key = time_key(value)
    return key[1] if key else -1  # TIME_OF_DAY the finest


def _two_levels(pairs: Sequence[tuple[Finding, SlotValue]]) -> tuple[Finding, SlotValue] | None:
    towns = [pair for pair in pairs if _town(pair[1]) and not (pair[1].normal or {}).get("street")]
    finer = [pair for pair in pairs if not _geo(pair[1]) or (pair[1].normal or {}).get("street")]
    if not towns or not finer:
        return None
    finding, town = max(towns, key=lambda pair: _weight(pair[1]))
    _, detail = max(finer, key=lambda pair: (*_weight(pair[1]), bool((pair[1].normal or {}).get("street"))))
    geo = _geo(town)
    # A dateline's capitals, or a building placed in its town, read as the town's name.
    name = town.value if geo["name"].casefold() in town.value.casefold() and not town.value.isupper() else geo["name"]
    label = f"{detail.value}, {name}"
    return finding, SlotValue(
        label, sorted({*detail.evidence, *town.evidence}, key=lambda e: (e.article, e.start)),
        sorted({*detail.attributions, *town.attributions}), sorted({*detail.origins, *town.origins}),
        {"text": label, "geo": _geo(detail) or geo, "street": bool((detail.normal or {}).get("street"))})


def _geo(value: SlotValue) -> dict | None:
    return value.normal.get("geo") if isinstance(value.normal, dict) else None


def _town(value: SlotValue) -> bool:
    """A populated place or county the gazetteer resolves (not a neighbourhood: that is finer than a town)."""
    feature = (_geo(value) or {}).get("feature") or ""
    return (feature.startswith("P.") and feature != "P.PPLX") or feature == "A.ADM2"


def broad(normal: object) -> bool:
    """A place's normal form that is a state, a country or a region: true of the place, but a finer value of the
    same (undisputed) place says more, whatever it is ("Mississippi" beside "the 600 block of Fort Hill Drive")."""
    geo = normal.get("geo") if isinstance(normal, dict) else None
    feature = (geo or {}).get("feature") or ""
    return feature == "A.ADM1" or feature.startswith(("A.PCL", "L."))
