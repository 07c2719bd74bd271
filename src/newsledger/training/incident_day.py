"""Fitting the incident-day model (``newsledger.reconcile.incident_day``) on the GVA tune part.

    newsledger bench facts --data GVA --part tune --ledger TUNE.db     # once: parses the tune articles
    python -m newsledger.training.incident_day --data GVA --ledger TUNE.db --out FILE.json

Each tune incident's story (the one holding most of its articles) names some days; each day is a row of the
model's features, labelled by whether it is the registry's incident date. Only stories that name the right day
teach the choice. C is chosen by five-fold cross-validation over incidents, scored as the share of incidents with
two or more articles whose chosen day is the registry's (what ``bench facts`` scores); the model refitted on all
incidents is written to FILE. The GVA ``eval`` part is never read: a ledger holding one of its incidents stops the run. The
shipped model is ``src/newsledger/reconcile/incident_day_model.json`` (written only with ``--replace-shipped``).
Needs scikit-learn.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newsledger.evaluation.facts import read_folder
from newsledger.reconcile.incident_day import DayModel, features, main_happening_values
from newsledger.shipped import path as shipped_path
from newsledger.store.ledger import Store
from newsledger.training import command, logistic, tune_ledger

C_VALUES = (0.03, 0.1, 0.3, 1.0, 3.0)
FOLDS = 5


@dataclass(frozen=True)
class Example:
    incident: str
    reported_by_several: bool  # two or more articles: what the facts bench scores
    days: dict[date, list[float]]
    gold: date


def read_examples(data: Path, ledger: Path) -> list[Example]:
    """One example per tune incident that has a story in the ledger."""
    articles, incidents = read_folder(data)
    with Store(str(ledger), readonly=True) as store:
        return _examples(store, ledger, articles, incidents)


def _examples(store: Store, ledger: Path, articles: list[dict], incidents: dict) -> list[Example]:
    story_of, sizes = tune_ledger.incident_stories(store, ledger, {a["id"]: str(a["incident"]) for a in articles})
    findings = defaultdict(list)
    for finding in store.findings():
        findings[finding.story].append(finding)
    happenings = defaultdict(list)
    for happening in store.cross_events():
        happenings[happening.story].append(happening)
    examples = []
    for incident, story in sorted(story_of.items()):
        values = main_happening_values(findings[story], happenings[story])
        examples.append(Example(incident, sizes[incident] >= 2, features(values),
                                date.fromisoformat(incidents[incident].date)))
    return examples


def fit(examples: Sequence[Example], c: float) -> DayModel:
    """The model fitted on the days of the examples whose story names the right one."""
    rows, labels = [], []
    for example in examples:
        if example.gold in example.days:
            for day, row in example.days.items():
                rows.append(row)
                labels.append(int(day == example.gold))
    return DayModel(*logistic.fit(rows, labels, c))


def accuracy(model: DayModel, examples: Sequence[Example]) -> tuple[int, int]:
    """(right, scored) over the incidents reported by several articles."""
    scored = [example for example in examples if example.reported_by_several]
    right = sum(1 for example in scored if example.days and model.best(example.days) == example.gold)
    return right, len(scored)


def _fold(example: Example) -> int:
    return zlib.crc32(example.incident.encode()) % FOLDS


def main() -> None:
    found = command.parser(__doc__.splitlines()[0])
    tune_ledger.add_option(found)
    args = found.parse_args()
    out = command.out_path(found, args, shipped_path("incident_day"))
    examples = read_examples(args.data, args.ledger)
    if not any(e.reported_by_several and e.gold in e.days for e in examples):
        raise SystemExit(f"{args.ledger}: no tune incident of two or more articles whose story names its day; "
                         "build it with `newsledger bench facts --part tune --ledger`")
    cross = {}
    for c in C_VALUES:
        right = scored = 0
        for fold in range(FOLDS):
            model = fit([e for e in examples if _fold(e) != fold], c)
            got, of = accuracy(model, [e for e in examples if _fold(e) == fold])
            right, scored = right + got, scored + of
        cross[c] = right / scored
    best = max(C_VALUES, key=lambda c: (cross[c], -c))
    model = fit(examples, best)
    provenance = {"data": "GVA tune incidents", "incidents": len(examples), "c": best,
                  "cross_validated_accuracy": round(cross[best], 4)}
    out.write_text(model.to_json(provenance), encoding="utf-8")
    command.emit({"out": str(out), "cross_validated_accuracy": {str(c): round(a, 4) for c, a in cross.items()},
                  "chosen_c": best, "trained_accuracy": accuracy(model, examples)})


if __name__ == "__main__":
    main()
