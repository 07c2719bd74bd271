"""Resolving a story: its happenings across articles (``link/cross_events``), its findings (``reconcile/``),
facets and tally, written to the ledger.

Every resolution of a story recomputes these from all its records (findings are a function of the whole story),
but the costly parts of it are per article or per group of mentions: the values read in each region of an
article, and the clustering of each group of event mentions. Those are kept in the ledger (``store/kept.py``)
with the version of the code that computed them, and recalled, so a story that gains an article computes them
again only for what the article changes. The result is the same as computing everything: what is recalled is
exactly what would be computed.
"""

from __future__ import annotations

from functools import cache

from newsledger.fingerprint import fingerprint
from newsledger.link import coref
from newsledger.link.coref import CorefModel
from newsledger.link.cross_events import cross_events
from newsledger.reconcile.facets import story_facets, tally
from newsledger.reconcile.findings import findings_for_story
from newsledger.reconcile.people import merge_people
from newsledger.reconcile.region_values import (
    RegionValues,
    said_from_json,
    said_to_json,
)
from newsledger.reconcile.region_values import version as values_version
from newsledger.store import kept
from newsledger.store.ledger import Store


@cache
def groups_version() -> str:
    """The code and model that cluster mentions: groups kept by another version are clustered again."""
    return fingerprint("newsledger.link.cross_events", coref.MODEL_PATH)


class _Groups(dict):
    """Mention groups by key: those recalled or clustered in this resolution are ``used`` (and kept)."""

    def __init__(self, known: dict[str, list[int]]) -> None:
        super().__init__(known)
        self.used: set[str] = set()

    def __getitem__(self, key: str) -> list[int]:
        self.used.add(key)
        return super().__getitem__(key)

    def __setitem__(self, key: str, labels: list[int]) -> None:
        self.used.add(key)
        super().__setitem__(key, labels)


def resolve_story(store: Store, story_id: str, model: CorefModel) -> None:
    story = store.story(story_id)
    articles = list(store.articles(story.articles))
    attributions = merge_people(store.attributions(story.articles), store.entity_names)
    events = store.events(story.articles)
    groups = _Groups(kept.mention_groups(store, story_id, groups_version()))
    found = cross_events(story_id, events, store.story_features(story_id), model, groups)
    values = RegionValues({region: said_from_json(data)
                           for region, data in kept.region_values(store, story.articles, values_version()).items()})
    findings = findings_for_story(story, articles, attributions, events, found, values)
    kept.keep(store, story_id, {region: said_to_json(said) for region, said in values.new.items()}, values_version(),
              {key: groups[key] for key in groups.used}, groups_version())
    store.write_resolution(story_id, found, findings, story_facets(events), tally(findings))
