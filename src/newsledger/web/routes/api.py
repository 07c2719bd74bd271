"""The JSON API, version 1: the export contract's records (``newsledger export`` shapes), in pages.

Every list answers ``{"items": [...], "next": cursor-or-null}``; pass ``cursor=<next>`` to read the following
page, until ``next`` is null. Cursors are opaque keyset positions: following them reads every record exactly
once, at any depth, with no total cap; ``limit`` caps one page only.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from newsledger.records import to_dict
from newsledger.report.brief import Exclusion
from newsledger.report.export import findings_csv
from newsledger.report.render import render
from newsledger.store import queries, story_list
from newsledger.store import search as full_text
from newsledger.store.ledger import Store
from newsledger.store.paging import DEFAULT_LIMIT, MAX_LIMIT, BadCursor, encode, key_after
from newsledger.store.story_list import StoryFilter
from newsledger.web.routes import API_BAD_REQUEST, API_NOT_FOUND, catalog, store
from newsledger.web.routes.stories import ExcludedOutlets, VettedOnly, exclusion

router = APIRouter(prefix="/api/v1", tags=["api v1"], responses=API_BAD_REQUEST)

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Records per page (at most {MAX_LIMIT}).")]
Cursor = Annotated[str | None, Query(description="The `next` of the previous page; leave out for the first.")]


class Page(BaseModel):
    items: list[dict[str, Any]]
    next: str | None = None


def _page(read, *args: Any, **kwargs: Any) -> Page:
    try:
        items, after = read(*args, **kwargs)
    except BadCursor as error:
        raise HTTPException(400, str(error)) from error
    return Page(items=items, next=after)


def _one(found: dict[str, Any] | None, kind: str, record_id: str) -> dict[str, Any]:
    if found is None:
        raise HTTPException(404, f"no {kind} {record_id}")
    return found


@router.get("/stories", response_model=Page, summary="Stories, in id order; filter by country, place, PLOVER type, dates")
def list_stories(
    request: Request,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
    country: Annotated[str, Query(max_length=3, description="ISO 3166-1 alpha-2 code of a country where it happened")] = "",
    place: Annotated[str, Query(max_length=200, description="Part of the name of a place where it happened")] = "",
    type: Annotated[str, Query(max_length=40, description="PLOVER type of one of its happenings")] = "",
    status: Annotated[str, Query(pattern="^(|corroborated|single_source|updated|disputed|denied)$",
                                 description="Only stories with a finding of this status")] = "",
    start: Annotated[str | None, Query(alias="from", pattern=r"^\d{4}-\d{2}-\d{2}$", description="Stories seen on or after this day")] = None,
    end: Annotated[str | None, Query(alias="to", pattern=r"^\d{4}-\d{2}-\d{2}$", description="Stories seen on or before this day")] = None,
) -> Page:
    chosen = StoryFilter(country.strip(), place.strip(), type.strip(), status, start, end)
    if chosen == StoryFilter():
        return _page(queries.records, store(request), "stories", cursor, limit)
    return _page(_filtered, store(request), chosen, cursor, limit)


def _filtered(ledger: Store, chosen: StoryFilter, cursor: str | None, limit: int) -> tuple[list[dict[str, Any]], str | None]:
    found, after = story_list.page(ledger, chosen, "id", cursor, limit)
    return [to_dict(story) for story in found], after


@router.get("/stories/{story_id}", responses=API_NOT_FOUND, summary="One story")
def get_story(request: Request, story_id: str) -> dict[str, Any]:
    return _one(queries.record(store(request), "stories", story_id), "story", story_id)


@router.get("/stories/{story_id}/brief.{fmt}", summary="A story's brief as a Markdown or HTML file",
            responses={200: {"content": {"text/markdown": {}, "text/html": {}}}, **API_NOT_FOUND})
def get_brief_file(request: Request, story_id: str, fmt: str) -> Response:
    if fmt not in ("md", "html"):
        raise HTTPException(404, f"no brief format {fmt!r} (md, html, or the JSON at /brief)")
    brief = _brief_of(request, story_id)
    media = "text/markdown; charset=utf-8" if fmt == "md" else "text/html; charset=utf-8"
    return Response(render([brief], fmt), media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="{_file_name(story_id)}.{fmt}"'})


@router.get("/stories/{story_id}/findings.csv", summary="A story's findings, one row per piece of evidence (CSV)",
            responses={200: {"content": {"text/csv": {}}}, **API_NOT_FOUND})
def get_findings_csv(request: Request, story_id: str) -> Response:
    brief = _brief_of(request, story_id)
    return Response(findings_csv(brief), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{_file_name(story_id)}-findings.csv"'})


def _brief_of(request: Request, story_id: str, exclude: Exclusion = Exclusion()) -> dict[str, Any]:
    story = catalog(request).story(story_id)
    if story is None:
        raise HTTPException(404, f"no story {story_id}")
    return catalog(request).brief(story, exclude)


def _file_name(story_id: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in story_id)[:80] or "story"


@router.get("/stories/{story_id}/brief", responses=API_NOT_FOUND, summary="A story's brief (as `newsledger brief --format json`); "
            "exclude_outlet / vetted leave articles out and compute the findings without them")
def get_brief(request: Request, story_id: str, exclude_outlet: ExcludedOutlets = [],
              vetted: VettedOnly = False) -> dict[str, Any]:
    return _brief_of(request, story_id, exclusion(exclude_outlet, vetted))


@router.get("/articles", response_model=Page, summary="Articles, in ingestion order (with their clean text)")
def list_articles(request: Request, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None) -> Page:
    return _page(queries.records, store(request), "articles", cursor, limit)


@router.get("/articles/{article_id}", responses=API_NOT_FOUND, summary="One article")
def get_article(request: Request, article_id: str) -> dict[str, Any]:
    return _one(queries.record(store(request), "articles", article_id), "article", article_id)


@router.get("/attributions", response_model=Page, summary="Attributions, in id order; filter by article or source")
def list_attributions(
    request: Request,
    article: str | None = None,
    source_entity: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page:
    return _page(
        queries.records, store(request), "attributions", cursor, limit, article=article, source_entity=source_entity
    )


@router.get("/attributions/{attribution_id}", responses=API_NOT_FOUND, summary="One attribution")
def get_attribution(request: Request, attribution_id: str) -> dict[str, Any]:
    return _one(queries.record(store(request), "attributions", attribution_id), "attribution", attribution_id)


@router.get("/events", response_model=Page, summary="Events, in id order; filter by article or type")
def list_events(
    request: Request,
    article: str | None = None,
    type: str | None = None,  # noqa: A002 - the contract's field name
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page:
    return _page(queries.records, store(request), "events", cursor, limit, article=article, type=type)


@router.get("/events/{event_id}", responses=API_NOT_FOUND, summary="One event")
def get_event(request: Request, event_id: str) -> dict[str, Any]:
    return _one(queries.record(store(request), "events", event_id), "event", event_id)


@router.get("/entities", response_model=Page, summary="Entities, in id order, with their mentions")
def list_entities(request: Request, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None) -> Page:
    return _page(queries.entities, store(request), cursor, limit)


@router.get("/entities/{entity_id}", responses=API_NOT_FOUND, summary="One entity, with its mentions")
def get_entity(request: Request, entity_id: str) -> dict[str, Any]:
    return _one(queries.entity(store(request), entity_id), "entity", entity_id)


@router.get("/findings", response_model=Page, summary="Findings (corroborated, single source, disputed, denied, no comment), in id order; filter by story")
def list_findings(request: Request, story: str | None = None, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None) -> Page:
    return _page(queries.records, store(request), "findings", cursor, limit, story=story)


@router.get("/cross_events", response_model=Page, summary="Cross-document events (a story's happenings), in id order; filter by story")
def list_cross_events(request: Request, story: str | None = None, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None) -> Page:
    return _page(queries.records, store(request), "cross_events", cursor, limit, story=story)


@router.get("/search", response_model=Page, summary="Stories whose articles contain every word, best first")
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Words; `word*` matches a prefix.")],
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page:
    """Items: ``{"story": <story record>, "score": <relevance of its best article>}`` (BM25 on SQLite, ts_rank on
    PostgreSQL: scores compare within one answer, not across stores)."""
    try:
        hits = full_text.search_page(store(request), q, key_after(cursor, (float, str)), limit)
    except BadCursor as error:
        raise HTTPException(400, str(error)) from error
    shown = hits[:limit]
    after = encode([-shown[-1][1], shown[-1][0]]) if len(hits) > limit else None
    stories = [(store(request).story(story_id), score) for story_id, score in shown]
    items = [{"story": to_dict(story), "score": score} for story, score in stories if story is not None]
    return Page(items=items, next=after)
