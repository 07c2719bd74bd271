"""The brief of a story: its articles and outlets, what is established, single-sourced, disputed or denied (the
story's findings, each value with its sources' chains and the quoted spans), what happened, in time order where
the time is known, and who said what (grouped by source, with chains and stances). Built once as plain data,
rendered as md/html/json.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsledger.extract.timex.values import time_key, when_label
from newsledger.reconcile.facets import comparable
from newsledger.reconcile.findings import findings_for_story
from newsledger.reconcile.people import merge_people
from newsledger.records import (
    HEADLINE_ONLY,
    TRUNCATED,
    Article,
    Attribution,
    CrossEvent,
    Event,
    Finding,
    FindingStatus,
    SourceKind,
    Story,
    to_dict,
)
from newsledger.report.summary import summarize
from newsledger.store.ledger import Store

#: Sources that name who speaks: grouped by their entity. Unnamed ones ("officials") by what they are called.
NAMED_KINDS = {SourceKind.PERSON, SourceKind.ORGANIZATION, SourceKind.GOVERNMENT, SourceKind.MEDIA}
#: The brief's finding sections, in reading order, and the statuses each gathers.
FINDING_SECTIONS = {
    "established": (FindingStatus.CORROBORATED,),
    "single_source": (FindingStatus.SINGLE_SOURCE,),
    "updated": (FindingStatus.UPDATED,),
    "disputed": (FindingStatus.DISPUTED,),
    "denied": (FindingStatus.DENIED, FindingStatus.NO_COMMENT),
}


@dataclass
class SourceGroup:
    name: str
    kind: str
    entity: str | None
    attributions: list[dict[str, Any]]
    affiliation: str | None = None  # where unnamed people belong ("U.S. intelligence"), as the text words it


@dataclass(frozen=True)
class Exclusion:
    """Articles a reader leaves out of a story's findings: some outlets, or every unvetted article."""

    outlets: frozenset[str] = frozenset()
    unvetted: bool = False

    def __bool__(self) -> bool:
        return bool(self.outlets) or self.unvetted

    def leaves_out(self, article: Article, outlets_seen: dict[str, int]) -> bool:
        return (article.outlet or "") in self.outlets or self.unvetted and bool(unvetted(article, outlets_seen))


def build_brief(store: Store, story: Story, exclude: Exclusion = Exclusion()) -> dict[str, Any]:
    """The brief as plain data (also the json format). With ``exclude``, the articles it leaves out are listed
    apart and the story's happenings and findings are computed again from the others."""
    articles = list(store.articles(story.articles))
    outlets_seen = store.outlet_counts({a.outlet for a in articles if a.outlet})
    left_out = [a for a in articles if exclude and exclude.leaves_out(a, outlets_seen)]
    articles = [a for a in articles if a not in left_out]
    kept = [a.id for a in articles]
    by_id = {a.id: a for a in articles}
    attributions = merge_people(store.attributions(kept), store.entity_names)
    events = store.events(kept)
    names = store.entity_names(story.key_entities)
    if left_out:
        # imported here: the linker brings spaCy (2 s of the web server's start), and only a brief that leaves
        # articles out works out its happenings anew
        from newsledger.link.cross_events import cross_events as link_cross_events

        features = {article: f for article, f in store.story_features(story.id).items() if article in by_id}
        cross_events = link_cross_events(story.id, events, features)
        found = findings_for_story(story, articles, attributions, events, cross_events)
    else:
        cross_events = store.cross_events(story.id)
        found = store.findings(story.id)
    timeline, undated = _timeline(events, by_id)
    return {
        "left_out": [{**_article_summary(a, outlets_seen), "reason": "excluded"} for a in left_out],
        "story": {
            "id": story.id,
            "title": story.title,
            "first_seen": story.first_seen,
            "last_seen": story.last_seen,
            "key_entities": [names.get(e, e) for e in story.key_entities],
            "cohesion": story.cohesion,
            "findings_withheld": not comparable(story),
        },
        "articles": [_article_summary(a, outlets_seen) for a in articles],
        "outlets": sorted({a.outlet for a in articles if a.outlet}),
        "summary": summarize(found, cross_events),
        "findings": _findings(found, attributions, by_id, cross_events, outlets_seen),
        "sources": [vars(group) for group in _group_by_source(attributions, by_id, store)],
        "happenings": _happenings(cross_events),
        "timeline": timeline,
        "undated": undated,
    }


def _findings(found: list[Finding], attributions: list[Attribution], articles: dict[str, Article],
              cross_events: list[CrossEvent], outlets_seen: dict[str, int]) -> dict[str, list[dict[str, Any]]]:
    """The findings by section; each piece of evidence with the chain of the attribution it is said in."""
    by_id = {a.id: a for a in attributions}
    happenings = {c.id: c for c in cross_events}
    sections: dict[str, list[dict[str, Any]]] = {name: [] for name in FINDING_SECTIONS}
    for finding in found:
        entry = to_dict(finding)
        entry["happening"] = _happening_label(happenings.get(finding.event))
        for value in entry["values"]:
            for evidence in value["evidence"]:
                article = articles.get(evidence["article"])
                attribution = by_id.get(evidence["attribution"] or "")
                label = article.label if article else evidence["article"]
                evidence["article_label"] = label
                evidence["chain"] = chain(attribution, article) if attribution and article else [label]
                evidence["article_title"] = article.title if article else None
                evidence["published"] = article.published if article else None
                evidence["unvetted"] = unvetted(article, outlets_seen) if article else []
        section = next(name for name, statuses in FINDING_SECTIONS.items() if finding.status in statuses)
        sections[section].append(entry)
    return sections


def _happening_label(happening: CrossEvent | None) -> str:
    if happening is None:
        return "(no single happening)"
    where = f" in {', '.join(happening.places[:2])}" if happening.places else ""
    return f"{happening.type.value}{where}"


def _happenings(found: list[CrossEvent]) -> list[dict[str, Any]]:
    """The story's cross-document events that more than one mention or a place or time pins down, the most
    widely reported first."""
    kept = [c for c in found if len(c.mentions) > 1 or c.places or c.times]
    kept.sort(key=lambda c: (-len(c.articles), -len(c.mentions), c.id))
    return [to_dict(c) for c in kept]


def unvetted(article: Article, outlets_seen: dict[str, int]) -> list[str]:
    """Why a reader should weigh an article with care: what the ledger does not know of where it comes from."""
    reasons = []
    if not article.url:
        reasons.append("no URL")
    if not article.published:
        reasons.append("no date")
    if article.source_path and article.source_path.lower().rsplit(":", 1)[0].endswith((".json", ".jsonl")):
        reasons.append("a JSON record, not a page")
    if article.outlet and outlets_seen.get(article.outlet, 0) <= 1:
        reasons.append("an outlet seen once")
    if any(removed.kind == TRUNCATED for removed in article.removed):
        reasons.append("cut short: its page ended before the article did")
    if any(removed.kind == HEADLINE_ONLY for removed in article.removed):
        reasons.append("headline only: the rest of its page was boilerplate")
    return reasons


def _article_summary(article: Article, outlets_seen: dict[str, int]) -> dict[str, Any]:
    return {
        "id": article.id,
        "unvetted": unvetted(article, outlets_seen),
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published,
        "url": article.url,
        "source_path": article.source_path,
        "file": Path(article.source_path).name if article.source_path else None,
    }


def source_name(attribution: Attribution) -> str:
    source = attribution.source
    if source is None:
        return "(no source named)"
    return source.name


def chain(attribution: Attribution, article: Article) -> list[str]:
    """article ← relay ← … ← source, outermost first."""
    return [article.label, *(relay.text for relay in attribution.via), source_name(attribution)]


def _group_by_source(attributions: list[Attribution], articles: dict[str, Article], store: Store) -> list[SourceGroup]:
    """Named sources grouped by entity under its canonical name; unnamed ones by what the text calls them."""
    named = {a.source.entity for a in attributions if a.source and a.source.entity and a.source.kind in NAMED_KINDS}
    canonical = store.entity_names(named)
    groups: dict[str, SourceGroup] = {}
    for attribution in sorted(attributions, key=lambda a: (a.article, a.cue.start)):
        source = attribution.source
        entity = source.entity if source and source.kind in NAMED_KINDS and source.entity in canonical else None
        name = canonical[entity] if entity else source_name(attribution)
        affiliation = source.affiliation if source and source.affiliation != name else None  # not "Americans"
        group = groups.setdefault(entity or name.casefold(), SourceGroup(
            name, source.kind.value if source else "unknown", entity, [], affiliation))
        entry = to_dict(attribution)
        entry["chain"] = chain(attribution, articles[attribution.article])
        entry["reported_text"] = attribution.reported_text
        entry["article_label"] = articles[attribution.article].label
        group.attributions.append(entry)
    return sorted(groups.values(), key=lambda g: (-len(g.attributions), g.name.casefold()))


def _timeline(events: list[Event], articles: dict[str, Article]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Events that say who, what, where or when: those the text dates, in time order (a day before its times of
    day, ties in reading order), and apart, the undated ones in reading order.

    A bare mention ("the strike") usually repeats an event already listed with its arguments, so it is left
    to the export. Durations, sets and vague references ("recently") date nothing.
    """
    order = {article_id: position for position, article_id in enumerate(articles)}
    dated, undated = [], []
    for event in sorted(events, key=lambda e: (order[e.article], e.trigger.start)):
        value = event.time.value if event.time else None
        if not (event.agent or event.patient or event.place or time_key(value)):
            continue
        entry = to_dict(event)
        entry["article_label"] = articles[event.article].label
        entry["summary"] = event_summary(event)
        entry["what"] = event_kind(event)
        entry["when"] = when_label(value)
        (dated if entry["when"] else undated).append(entry)
    dated.sort(key=lambda entry: time_key(entry["time"]["value"]))  # stable: reading order within a time
    return dated, undated


def event_kind(event: Event) -> str:
    """What kind of happening, as a reader is shown it: the PLOVER type and mode when known ("ASSAULT · firearms"),
    else the ledger's own type."""
    if event.plover is None:
        return event.type.value
    return " · ".join(part for part in (event.plover.type, event.plover.mode) if part)


def event_summary(event: Event) -> str:
    """"agent trigger patient, place" from the spans the text gives, nothing added."""
    parts = [event.agent.text if event.agent else None, event.trigger.text, event.patient.text if event.patient else None]
    summary = " ".join(part for part in parts if part)
    if event.place:
        summary += f" — {event.place.text}"
    return summary


class StoryNotFound(LookupError):
    pass


def find_story(store: Store, reference: str) -> Story:
    """A story by its id or an unambiguous prefix of it."""
    matches = [s for s in store.stories() if s.id == reference or s.id.startswith(reference)]
    exact = [s for s in matches if s.id == reference]
    if exact or len(matches) == 1:
        return (exact or matches)[0]
    if not matches:
        raise StoryNotFound(f"no story {reference!r} in ledger {store.location} (see `newsledger stories`)")
    raise StoryNotFound(f"story {reference!r} is ambiguous: it starts {len(matches)} story ids")


def build_briefs(store: Store, reference: str | None = None) -> list[dict[str, Any]]:
    stories = [find_story(store, reference)] if reference else store.stories()
    return [build_brief(store, story) for story in stories]
