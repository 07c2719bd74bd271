"""The entity page: what an entity said and what was said or reported about it, article by article, across
stories. "Said by": attributions whose source resolves to it. "About": attributions whose content mentions it
and events whose agent, patient or place does."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from newsledger.records import Attribution, Event, Span
from newsledger.report.brief import event_summary, source_name
from newsledger.store import queries
from newsledger.store.paging import BadCursor
from newsledger.web.routes import PAGE_BAD_REQUEST, PAGE_NOT_FOUND, store
from newsledger.web.templating import not_found, page

router = APIRouter(responses=PAGE_BAD_REQUEST)

ARTICLES_PER_PAGE = 20


@router.get("/entities/{entity_id}", response_class=HTMLResponse, responses=PAGE_NOT_FOUND,
            summary="Everything said by and about an entity")
def entity_page(request: Request, entity_id: str, cursor: str | None = None):
    ledger = store(request)
    entity = queries.entity(ledger, entity_id, with_mentions=False)
    if entity is None:
        return not_found(request, "Entity", entity_id)
    try:
        articles, after = queries.entity_articles(ledger, entity_id, cursor, ARTICLES_PER_PAGE)
    except BadCursor:
        return page(request, "error.html", 400, title="Out-of-date link", message="That page link is not valid here.")
    ids = [a["id"] for a in articles]
    mentions: dict[str, list[tuple[int, int]]] = {}
    for article, start, end in queries.entity_mentions(ledger, entity_id, ids):
        mentions.setdefault(article, []).append((start, end))
    attributions = _by_article(ledger.attributions(ids))
    events = _by_article(ledger.events(ids))
    story_of = queries.stories_of(ledger, ids)
    rows = [
        _row(a, entity_id, mentions.get(a["id"], []), attributions.get(a["id"], []), events.get(a["id"], []), story_of)
        for a in articles
    ]
    total_mentions, total_articles = queries.mention_totals(ledger, entity_id)
    return page(
        request,
        "entity.html",
        entity=entity,
        rows=rows,
        after=after,
        total_mentions=total_mentions,
        total_articles=total_articles,
    )


def _by_article(records: list[Any]) -> dict[str, list[Any]]:
    grouped: dict[str, list[Any]] = {}
    for record in records:
        grouped.setdefault(record.article, []).append(record)
    return grouped


def _row(
    article: dict[str, Any],
    entity_id: str,
    mentions: list[tuple[int, int]],
    attributions: list[Attribution],
    events: list[Event],
    story_of: dict[str, str],
) -> dict[str, Any]:
    said_by = [at for at in attributions if at.source and at.source.entity == entity_id]
    quoted = {at.id for at in said_by}
    about = [at for at in attributions if at.id not in quoted and _mentioned(mentions, at.content)]
    reported = [
        (event, event_summary(event))
        for event in events
        if any(span and _mentioned(mentions, span) for span in (event.agent, event.patient, event.place))
    ]
    return {
        "article": article,
        "story": story_of.get(article["id"]),
        "mentions": len(mentions),
        "said_by": said_by,
        "about": [(at, source_name(at)) for at in about],
        "events": reported,
    }


def _mentioned(mentions: list[tuple[int, int]], span: Span) -> bool:
    """Whether any of the entity's mentions overlaps the span."""
    return any(start < span.end and span.start < end for start, end in mentions)
