"""The GVA tune ledger the reconcile models are fitted from: `newsledger bench facts --part tune --ledger TUNE.db`
parses the tune articles once, and each training run reads what the pipeline made of them. One place for the
option and for finding each incident's story, so every model reads them alike and none reads the eval part."""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

from newsledger.evaluation.facts import part_of
from newsledger.store.ledger import Store

HELP = "A ledger of the GVA tune part, built by `newsledger bench facts --part tune --ledger`."


def add_option(found: argparse.ArgumentParser) -> None:
    found.add_argument("--ledger", type=Path, required=True, help=HELP)


def incident_stories(store: Store, ledger: Path, incident_of: dict[str, str]) -> tuple[dict[str, str], Counter]:
    """Each tune incident's story (the one holding most of its articles) and its number of stored articles; an
    article of an eval incident stops the run."""
    story_of = {article: story.id for story in store.stories() for article in story.articles}
    members: dict[str, Counter] = defaultdict(Counter)
    sizes: Counter = Counter()
    for article in store.articles():
        incident = incident_of.get(article.external_id or "")
        if incident is None:
            continue
        if part_of(incident) != "tune":
            raise SystemExit(f"{ledger}: holds eval-part incident {incident}; build it with --part tune")
        sizes[incident] += 1
        if article.id in story_of:
            members[incident][story_of[article.id]] += 1
    return {incident: stories.most_common(1)[0][0] for incident, stories in members.items()}, sizes
