"""Fitting the count reader (``newsledger.reconcile.count_reader``) on the GVA tune part.

    newsledger bench facts --data GVA --part tune --ledger TUNE.db     # once: what the rules read per story
    python -m newsledger.training.count_reader --data GVA --ledger TUNE.db --out FILE.json

Every tune incident reported by two or more articles gives its mentions (read from the articles' raw texts, the
incident's articles together). For each slot (killed, injured) a mention is a positive example when its number is
the registry's count, above zero, and its sentence is of the kind that slot is told in (``count_reader.teaches``).
Each slot's threshold is chosen by five-fold cross-validation over incidents, scored where the reader acts: on the
incidents whose story in TUNE.db has no count of the slot that a rule read, the incidents it makes right (the
registry's count, above zero) less those it makes wrong (a count where the registry has another, or none). The
models refitted on all of them are written to FILE. The GVA ``eval`` part is never read.
The shipped model is ``src/newsledger/reconcile/count_reader_model.json`` (written only with ``--replace-shipped``).
Needs scikit-learn.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from newsledger.evaluation.facts import part_of, read_folder
from newsledger.logistic import SparseLogistic
from newsledger.reconcile.count_reader import (
    LEARNED,
    READ_ARTICLES,
    READ_BY_RULES,
    CountReader,
    Mention,
    SlotReader,
    story_mentions,
    teaches,
)
from newsledger.shipped import path as shipped_path
from newsledger.store.ledger import Store
from newsledger.training import command, tune_ledger

SLOTS = ("killed", "injured")
C = 0.3  # the regularisation the cross-validation of session 13 settled on (0.3 and 1.0 tried)
THRESHOLDS = (0.5, 0.7, 0.9, 1.2, 1.6, 2.0)
FOLDS = 5


@dataclass(frozen=True)
class Example:
    incident: str
    gold: dict[str, int]  # the registry's count of each slot
    mentions: tuple[tuple[str, Mention], ...]  # (article id, mention), as ``count_reader.story_mentions`` gives
    rules_read: frozenset[str]  # the slots its story's findings hold a count of that a rule read


def read_examples(data: Path, ledger: Path) -> list[Example]:
    articles, incidents = read_folder(data)
    by_incident: dict[str, list[dict]] = defaultdict(list)
    for article in articles:
        if part_of(str(article["incident"])) == "tune":
            by_incident[str(article["incident"])].append(article)
    read = _rules_read(ledger, {a["id"]: str(a["incident"]) for a in articles})
    examples = []
    for incident, members in sorted(by_incident.items()):
        if len(members) < 2:
            continue
        first = sorted(members, key=lambda a: (a.get("published") or "", a["id"]))[:READ_ARTICLES]  # as at run time
        found = tuple(story_mentions(sorted((a["id"], a["text"]) for a in first)))
        gold = {slot: getattr(incidents[incident], slot) for slot in SLOTS}
        examples.append(Example(incident, gold, found, frozenset(read.get(incident, ()))))
    return examples


def _rules_read(ledger: Path, incident_of: dict[str, str]) -> dict[str, set[str]]:
    """Each incident's slots whose counts a rule (not this reader) read in its story (the one holding most of
    its articles); the people shot count for the injured, as ``READ_BY_RULES`` says."""
    with Store(str(ledger), readonly=True) as store:
        story_of, _ = tune_ledger.incident_stories(store, ledger, incident_of)
        counted: dict[str, set[str]] = defaultdict(set)
        for finding in store.findings():
            if finding.values and LEARNED not in finding.explanation:
                counted[finding.story].update(slot for slot in SLOTS if finding.slot in READ_BY_RULES[slot])
    return {incident: counted.get(story, set()) for incident, story in story_of.items()}


def fit(examples: list[Example], slot: str) -> SparseLogistic:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    rows = [dict.fromkeys(m.features, 1) for e in examples for _, m in e.mentions]
    labels = [int(e.gold[slot] > 0 and m.value == e.gold[slot] and teaches(slot, m))
              for e in examples for _, m in e.mentions]
    vectorizer = DictVectorizer()
    model = LogisticRegression(C=C, max_iter=3000).fit(vectorizer.fit_transform(rows), labels)
    weights = {name: round(float(w), 4) for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0])
               if abs(w) >= 1e-3}
    return SparseLogistic(weights, round(float(model.intercept_[0]), 4))


def net_gain(reader: SlotReader, examples: list[Example]) -> tuple[int, int]:
    """(made right, made wrong) among the examples no rule read a count of the reader's slot for."""
    right = wrong = 0
    for example in examples:
        if reader.slot in example.rules_read:
            continue
        reading = reader.read(example.mentions)
        if reading is None:
            continue
        if reading.value == example.gold[reader.slot]:
            right += 1
        else:
            wrong += 1
    return right, wrong


def _fold(example: Example) -> int:
    return zlib.crc32(("f" + example.incident).encode()) % FOLDS


def main() -> None:
    found = command.parser(__doc__.splitlines()[0])
    tune_ledger.add_option(found)
    args = found.parse_args()
    out = command.out_path(found, args, shipped_path("count_reader"))
    examples = read_examples(args.data, args.ledger)
    if not examples:
        raise SystemExit(f"{args.data}: no tune incident reported by two or more articles")
    readers, report = [], {}
    for slot in SLOTS:
        cross = {threshold: [0, 0] for threshold in THRESHOLDS}
        for fold in range(FOLDS):
            model = fit([e for e in examples if _fold(e) != fold], slot)
            held = [e for e in examples if _fold(e) == fold]
            for threshold in THRESHOLDS:
                right, wrong = net_gain(SlotReader(slot, model, threshold), held)
                cross[threshold][0] += right
                cross[threshold][1] += wrong
        best = max(THRESHOLDS, key=lambda t: (cross[t][0] - cross[t][1], -cross[t][1], t))
        readers.append(SlotReader(slot, fit(examples, slot), best))
        report[slot] = {"chosen_threshold": best, "features": len(readers[-1].model.weights),
                        "cross_validated": {str(t): {"made_right": r, "made_wrong": w} for t, (r, w) in cross.items()}}
    provenance = {"data": "GVA tune incidents reported by two or more articles", "incidents": len(examples),
                  "c": C, "cross_validated": {slot: report[slot]["cross_validated"][str(report[slot]["chosen_threshold"])]
                                              for slot in SLOTS}}
    out.write_text(CountReader(tuple(readers)).to_json(provenance), encoding="utf-8")
    command.emit({"out": str(out), **report})


if __name__ == "__main__":
    main()
