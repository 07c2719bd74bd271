"""Resolving a story: its happenings across articles (``link/cross_events``), its findings (``reconcile/``),
facets and tally, written to the ledger — in full, or online for a large story that gained articles.

A full resolution recomputes these from all the story's records, but the costly parts of it are per article or
per group of mentions: the values read in each region of an article, and the clustering of each group of event
mentions. Those are kept in the ledger (``store/kept.py``) with the version of the code that computed them, and
recalled, so a story that gains an article computes them again only for what the article changes: what is
recalled is exactly what would be computed.

A story of ``Config.online_from`` articles or more (and that holds together) also keeps its state: its happenings (``link/online_events``), its
claims by happening and slot, the ids of its findings. Until it has doubled in size since its last full
resolution, a story that gains articles is resolved online: the added articles' happenings and claims are
computed alone, their happenings placed among the kept ones, and only the slots they speak of judged again, from
the kept claims and theirs. The cost is that of what the articles change, not of the story. What the online
path does not see — a person named in full only in an older article, a claim repeated across old and new
articles, victims counted across them — the next full resolution, at the latest when the story doubles, sees. The
learned count readers read a story's earliest reports only (``count_reader.READ_ARTICLES``): an added article is
not one of them, so online they read nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from itertools import count
from typing import Any

from newsledger.config import Config
from newsledger.fingerprint import fingerprint
from newsledger.link import coref
from newsledger.link.coref import CorefModel
from newsledger.link.cross_events import cross_events
from newsledger.link.online_events import KeptHappening, kept_happenings, place
from newsledger.reconcile.claims import Claim, claim_from_json, claim_to_json
from newsledger.reconcile.derived import COUNTS_READ, injured_from_counts, witnesses
from newsledger.reconcile.facets import (
    comparable,
    facet_counts,
    ranked_facets,
    story_facets,
    tally,
)
from newsledger.reconcile.findings import (
    answers,
    claims_by_slot,
    decide,
    finding_id,
    gather,
    numbered,
)
from newsledger.reconcile.judging import slot_finding
from newsledger.reconcile.people import merge_people
from newsledger.reconcile.region_values import (
    RegionValues,
    said_from_json,
    said_to_json,
)
from newsledger.reconcile.region_values import version as values_version
from newsledger.records import Event, Story, from_dict, to_dict
from newsledger.store import kept
from newsledger.store.ledger import Store


@cache
def groups_version() -> str:
    """The code and model that cluster mentions: groups kept by another version are clustered again."""
    return fingerprint("newsledger.link.cross_events", coref.MODEL_PATH)


@cache
def state_version() -> str:
    """The code that resolves: a story state kept by another version is not used (the story is resolved in full)."""
    return fingerprint(__name__, coref.MODEL_PATH)


@dataclass
class StoryState:
    """What a large story keeps between resolutions to be resolved online (its ``story_state`` row)."""

    articles: list[str]  # the articles resolved so far
    full: int  # how many articles its last full resolution had
    happenings: list[KeptHappening]
    findings: dict[str, str]  # "happening|slot" → the id of that slot's finding
    derived: list[str]  # the ids of the findings derived from its counts
    next: int  # the number of its next finding id
    counted: set[str]  # the slots its claims give values of
    deaths: list[Event]  # the deaths ``injured_from_counts`` asks about (``derived.witnesses``)
    facets: dict[str, Counter]

    def to_json(self) -> dict[str, Any]:
        return {"articles": self.articles, "full": self.full, "happenings": [h.to_json() for h in self.happenings],
                "findings": self.findings, "derived": self.derived, "next": self.next, "counted": sorted(self.counted),
                "deaths": [to_dict(e) for e in self.deaths], "facets": self.facets}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StoryState:
        return cls(data["articles"], data["full"], [KeptHappening.from_json(h) for h in data["happenings"]],
                   data["findings"], data["derived"], data["next"], set(data["counted"]),
                   [from_dict(Event, e) for e in data["deaths"]],
                   {name: Counter(counts) for name, counts in data["facets"].items()})


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


def resolve_stories(store: Store, model: CorefModel, online_from: int = Config.online_from, in_full: bool = False,
                    on_progress: Callable[[int, int], None] | None = None) -> int:
    """Resolve every story that gained articles since it was last resolved (also those an interrupted run left
    behind); ``in_full``: every story, in full (a large story's exact findings, whatever it was resolved online
    from). ``on_progress(done, total)`` after each story. Returns how many stories were resolved."""
    pending = [s.id for s in store.stories()] if in_full else store.unresolved_stories()
    kept.forget_removed_stories(store)
    for done, story_id in enumerate(pending, 1):
        resolve_story(store, story_id, model, online_from, in_full)
        if on_progress:
            on_progress(done, len(pending))
    return len(pending)


def resolve_story(store: Store, story_id: str, model: CorefModel, online_from: int = Config.online_from,
                  in_full: bool = False) -> None:
    story = store.story(story_id)
    large = len(story.articles) >= online_from and comparable(story)  # findings to keep, to be resolved online
    kept_state = kept.story_state(store, story_id, state_version()) if large and not in_full else None
    state = StoryState.from_json(kept_state) if kept_state else None
    if state is not None and set(state.articles) <= set(story.articles) and len(story.articles) < 2 * state.full:
        _resolve_online(store, story, state, model)
    else:
        _resolve_in_full(store, story, model, keep_state=large)


def _resolve_in_full(store: Store, story: Story, model: CorefModel, keep_state: bool) -> None:
    articles = list(store.articles(story.articles))
    attributions = merge_people(store.attributions(story.articles), store.entity_names)
    events = store.events(story.articles)
    groups = _Groups(kept.mention_groups(store, story.id, groups_version()))
    features = store.story_features(story.id)
    found = cross_events(story.id, events, features, model, groups)
    values = _values(store, story.articles)
    slots, derived, answered, claims = [], [], [], {}
    if comparable(story):
        gathered = gather(story, articles, attributions, events, found, values)
        slots, derived, answered = decide(gathered)
        claims = claims_by_slot(gathered.claims) if keep_state else {}
    findings = numbered(story.id, [*slots, *derived, *answered])
    kept.keep(store, story.id, {region: said_to_json(said) for region, said in values.new.items()}, values_version(),
              {key: groups[key] for key in groups.used}, groups_version())
    state = StoryState(list(story.articles), len(story.articles),
                       kept_happenings(found, {e.id: e for e in events}, features),
                       {_key(f.event, f.slot): f.id for f in slots}, [f.id for f in derived], len(findings),
                       {slot for _, slot in claims}, witnesses(events), facet_counts(events)) if keep_state else None
    store.write_resolution(story.id, found, findings, story_facets(events), tally(f.status for f in findings),
                           also=_keeping(story.id, state, claims, every=True))


def _resolve_online(store: Store, story: Story, state: StoryState, model: CorefModel) -> None:
    """The articles added since the state was kept, resolved alone and joined to the kept happenings and claims."""
    known = set(state.articles)
    added = [a for a in story.articles if a not in known]
    events = store.events(added)
    by_id = {e.id: e for e in events}
    features = store.features(added)
    found = cross_events(story.id, events, features, model)
    homes = place(found, by_id, state.happenings, features, store.features, model)
    joined = [replace(c, id=homes[c.id].id, type=homes[c.id].type) for c in found]
    values = _values(store, added)
    gathered = gather(story, list(store.articles(added)), merge_people(store.attributions(added), store.entity_names),
                      events, joined, values, frozenset(state.counted), read_learned=False)
    claims = _joined_claims(store, story.id, claims_by_slot(gathered.claims))
    records = {h.id: h.record(story.id) for h in homes.values()}
    judged = [slot_finding(story.id, records[happening], slot, said, gathered.context.relations)
              for (happening, slot), said in claims.items()]
    next_number = count(state.next)
    for finding in judged:
        key = _key(finding.event, finding.slot)
        finding.id = state.findings.get(key) or finding_id(story.id, next(next_number))
        state.findings[key] = finding.id
    told = {f.id: f for f in store.findings_by_id(i for key, i in state.findings.items() if _slot(key) in COUNTS_READ)}
    told.update((f.id, f) for f in judged if f.slot in COUNTS_READ)
    state.deaths = witnesses(state.deaths + events)
    derived = injured_from_counts(list(told.values()), state.deaths)
    for finding, old in zip(derived, [*state.derived, *(None for _ in derived)]):
        finding.id = old or finding_id(story.id, next(next_number))
    answered = answers(gathered, {_happening(key) for key in state.findings if _slot(key) == "agent"})
    for finding in answered:
        finding.id = finding_id(story.id, next(next_number))
    removed = set(state.derived) - {f.id for f in derived}
    statuses = {i: status for i, status in store.finding_statuses(story.id).items() if i not in removed}
    statuses.update((f.id, f.status) for f in [*judged, *derived, *answered])
    for name, counts in facet_counts(events).items():
        state.facets[name].update(counts)
    state.articles, state.derived, state.next = list(story.articles), [f.id for f in derived], next(next_number)
    state.counted |= {slot for _, slot in claims}
    kept.keep(store, story.id, {region: said_to_json(said) for region, said in values.new.items()}, values_version(),
              None, groups_version())  # the mention groups of the last full resolution stay for the next
    store.write_resolution(story.id, list(records.values()), [*judged, *derived, *answered],
                           ranked_facets(state.facets), tally(statuses.values()), removed_findings=removed,
                           also=_keeping(story.id, state, claims, every=False))


def _keeping(story: str, state: StoryState | None, claims: dict[tuple[str, str], list[Claim]], every: bool):
    """What the resolution's transaction writes besides: the story's state (None: none) and these claims."""
    return lambda connection: kept.keep_story(connection, story, state_version(), state.to_json() if state else None,
                                              {key: [claim_to_json(c) for c in said] for key, said in claims.items()},
                                              every)


def _joined_claims(store: Store, story: str, added: dict[tuple[str, str], list[Claim]]
                   ) -> dict[tuple[str, str], list[Claim]]:
    """The kept claims of each (happening, slot) the added articles speak of, then theirs (an added article has
    no kept claims: its claims are kept in the transaction that marks it resolved)."""
    earlier = kept.story_claims(store, story, added)
    return {key: [*(claim_from_json(c) for c in earlier.get(key, [])), *said] for key, said in added.items()}


def _values(store: Store, articles: list[str]) -> RegionValues:
    return RegionValues({region: said_from_json(data)
                         for region, data in kept.region_values(store, articles, values_version()).items()})


def _key(happening: str | None, slot: str) -> str:
    return f"{happening}|{slot}"


def _happening(key: str) -> str:
    return key.rpartition("|")[0]


def _slot(key: str) -> str:
    return key.rpartition("|")[2]
