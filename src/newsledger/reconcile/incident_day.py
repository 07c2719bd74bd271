"""Which day a story's happening took place on, among the days its reports name: a small learned choice.

Reports of one shooting name several days: the day it happened ("late Saturday night", "9 p.m. Saturday"), the
days after it (a death on Monday, an arrest, a vigil, the day the report was written) and, near midnight, both
sides of it. Counting origins alone (session 10's rule) picks a follow-up day whenever
the follow-ups are told more often. What marks the day of the happening is how it is told: with a time or a part
of the day, near the top of a report, in the main happening's own findings, early among the days named. Those
signs are weighed by a logistic model fitted on the GVA tune incidents (``training/incident_day.py``), applied
here without scikit-learn; the day with the highest score leads.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsledger import logistic
from newsledger.extract.timex.values import TIME_OF_DAY, day_of, stretch, time_key
from newsledger.logistic import Logistic
from newsledger.records import CrossEvent, Finding, SlotValue
from newsledger.shipped import load as load_shipped

#: Where a report usually tells when the happening was: its first paragraphs.
LEDE_CHARS = 400

FEATURES = (
    "origins", "evidence", "own_origins", "origin_share", "timed_values", "articles", "article_share",
    "rank_from_first", "days_from_first", "last_of_several", "lede_evidence", "first_offset",
)


def features(values: Sequence[tuple[bool, SlotValue]]) -> dict[date, list[float]]:
    """Each day named by a value, with its ``FEATURES`` row; ``values`` pairs each time value with whether it
    belongs to the main happening."""
    days = sorted({day for _, value in values if (day := day_of(value.value))})
    if not days:
        return {}
    stretches = [(covered, own, value) for own, value in values if (covered := stretch(value.value))]
    all_articles = {e.article for _, value in values for e in value.evidence}
    backing = {day: [(own, value) for (first, last), own, value in stretches if first <= day <= last]
               for day in days}
    most = max(len(_origins(backing[day])) for day in days) or 1
    rows = {}
    for rank, day in enumerate(days):
        held = backing[day]
        exact = [value for _, value in held if day_of(value.value) == day]
        evidence = [e for _, value in held for e in value.evidence]
        articles = {e.article for e in evidence}
        origins = _origins(held)
        rows[day] = [
            math.log1p(len(origins)),
            math.log1p(len(evidence)),
            math.log1p(len(_origins([(own, value) for own, value in held if own]))),
            len(origins) / most,
            math.log1p(sum(1 for value in exact if _timed(value.value))),
            math.log1p(len(articles)),
            len(articles) / max(len(all_articles), 1),
            math.log1p(rank),
            math.log1p((day - days[0]).days),
            float(rank == len(days) - 1 and len(days) > 1),
            math.log1p(sum(1 for e in evidence if e.start < LEDE_CHARS)),
            math.log1p(min((e.start for e in evidence), default=10_000) / 100),
        ]
    return rows


def _origins(held: Sequence[tuple[bool, SlotValue]]) -> set[str]:
    return {origin for _, value in held for origin in value.origins}


def _timed(value: str) -> bool:
    key = time_key(value)
    return bool(key and key[1] == TIME_OF_DAY)


@dataclass(frozen=True)
class DayModel(Logistic):
    """Logistic regression over standardised ``FEATURES``: the score of a day being the happening's."""

    def best(self, rows: dict[date, list[float]]) -> date:
        """The day of highest score; between equal scores the earliest."""
        return max(rows, key=lambda day: (self.score(rows[day]), -day.toordinal()))

    def to_json(self, provenance: dict[str, Any]) -> str:
        return self.dumps(FEATURES, provenance=provenance)

    @classmethod
    def load(cls, path: Path) -> DayModel:
        return cls(*logistic.fields(logistic.read(path, FEATURES)))


@lru_cache(maxsize=1)
def shipped() -> DayModel:
    return load_shipped("incident_day")


def best_day(values: Sequence[tuple[bool, SlotValue]], model: DayModel | None = None) -> date | None:
    """The day the happening most likely took place on, or None when no value names a day."""
    rows = features(values)
    return (model or shipped()).best(rows) if rows else None


def main_happening(happenings: Sequence[CrossEvent]) -> CrossEvent | None:
    """The happening most articles report: the one a story's summary is about."""
    return max(happenings, key=lambda c: (len(c.articles), len(c.mentions), c.id), default=None)


def main_happening_values(findings: Sequence[Finding],
                          happenings: Sequence[CrossEvent]) -> list[tuple[bool, SlotValue]]:
    """A story's time values, each with whether it is the main happening's (what the training reads)."""
    main = main_happening(happenings)
    return marked([(finding, value) for finding in findings if finding.slot == "time" for value in finding.values],
                  main.id if main is not None else None)


def marked(pairs: Sequence[tuple[Finding, SlotValue]], main: str | None) -> list[tuple[bool, SlotValue]]:
    """Each value, with whether its finding is the main happening's: the one pairing the summary and the training
    both read, so the model chooses among the values it was fitted on."""
    return [(main is not None and finding.event == main, value) for finding, value in pairs]
