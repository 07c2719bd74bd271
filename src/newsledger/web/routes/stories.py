"""The story list (search, date filter, sort, pages) and the story page (its brief, entities, places)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from newsledger.records import Story
from newsledger.report.brief import Exclusion
from newsledger.report.map import MapPlace, story_map
from newsledger.store import queries
from newsledger.store import search as full_text
from newsledger.store import story_list as listing
from newsledger.store.catalog import story_outlets
from newsledger.store.ledger import Store
from newsledger.store.paging import BadCursor
from newsledger.store.story_list import StoryFilter
from newsledger.web.routes import PAGE_BAD_REQUEST, PAGE_NOT_FOUND, catalog, store
from newsledger.web.templating import not_found, page

router = APIRouter(responses=PAGE_BAD_REQUEST)

SORTS = ("recent", "size", "relevance")
STATUSES = ("corroborated", "single_source", "updated", "disputed", "denied")
PAGE_SIZE = 25
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
NOT_SAID = ("denies", "declines_to_comment")


@dataclass(frozen=True)
class Listed:
    stories: list[Story]
    after: str | None  # the next page's cursor
    total: int  # stories matching the filter (and the words)


def listed(ledger: Store, q: str | None, chosen: StoryFilter, sort: str, cursor: str | None) -> Listed:
    """A page of the story list: through the store's list columns, or among the hits of a search for ``q``."""
    if not q:
        found, after = listing.page(ledger, chosen, sort, cursor, PAGE_SIZE)
        return Listed(found, after, listing.count(ledger, chosen))
    hits = full_text.matching(ledger, q)
    if hits is None:  # no word in it
        return Listed([], None, 0)
    return Listed(*listing.among(ledger, hits, chosen, sort, cursor, PAGE_SIZE))


@router.get("/", response_class=HTMLResponse, summary="Stories: search, filter by date, sort, page")
def story_list(
    request: Request,
    q: Annotated[str | None, Query(max_length=500)] = None,
    start: Annotated[str | None, Query(alias="from")] = None,
    end: Annotated[str | None, Query(alias="to")] = None,
    sort: str | None = None,
    cursor: str | None = None,
    country: Annotated[str, Query(max_length=3, description="ISO 3166-1 alpha-2 code of a country where it happened")] = "",
    place: Annotated[str, Query(max_length=200, description="Part of the name of a place where it happened")] = "",
    type: Annotated[str, Query(max_length=40, description="PLOVER type of a happening (ASSAULT, PROTEST…)")] = "",
    status: Annotated[str, Query(max_length=20, description="Only stories with a finding of this status")] = "",
):
    errors = [f"“{value}” is not a date (YYYY-MM-DD)" for value in (start, end) if value and not _DATE.fullmatch(value)]
    start, end = (value if value and _DATE.fullmatch(value) else None for value in (start, end))
    chosen = sort if sort in SORTS else None
    sort = chosen or ("relevance" if q else "recent")
    if sort == "relevance" and not q:
        sort = "recent"
    if status and status not in STATUSES:
        errors.append(f"“{status}” is not a status ({', '.join(STATUSES)})")
        status = ""
    facets = StoryFilter(country.strip(), place.strip(), type.strip(), status, start, end)
    ledger = store(request)
    try:
        found = listed(ledger, q, facets, sort, cursor)
    except BadCursor:
        errors.append("that page link is out of date: showing the first page")
        found = listed(ledger, q, facets, sort, None)
    return page(
        request,
        "stories.html",
        status_code=400 if errors else 200,
        stories=found.stories,
        outlets=story_outlets(ledger, [story.id for story in found.stories]),
        total=found.total,
        after=found.after,
        q=q or "",
        start=start or "",
        end=end or "",
        chosen=chosen,
        errors=errors,
        facets=facets,
        choices=catalog(request).choices(),
    )


#: A story of 80 articles has thousands of attributions: the page shows the first of each list and says how many
#: more there are (the article pages and the API hold them all), so it stays readable and fast.
SHOWN = 8
SOURCES_SHOWN = 30
TIMELINE_SHOWN = 60


ExcludedOutlets = Annotated[list[str], Query(max_length=20, description="Outlets to leave out of the findings")]
VettedOnly = Annotated[bool, Query(description="Leave out unvetted articles (no URL or date, a JSON record, an "
                                               "outlet seen once) and compute the findings without them")]


def exclusion(exclude_outlet: list[str], vetted: bool) -> Exclusion:
    return Exclusion(frozenset(name[:200] for name in exclude_outlet), vetted)


@router.get("/stories/{story_id}", response_class=HTMLResponse, responses=PAGE_NOT_FOUND,
            summary="A story's brief")
def story_page(request: Request, story_id: str, exclude_outlet: ExcludedOutlets = [], vetted: VettedOnly = False):
    story = catalog(request).story(story_id)
    if story is None:
        return not_found(request, "Story", story_id)
    brief = catalog(request).brief(story, exclusion(exclude_outlet, vetted))
    shown_places = places(brief)
    said = [at for group in brief["sources"] for at in group["attributions"]]
    return page(
        request,
        "story.html",
        brief=brief,
        entities=queries.entity_counts(store(request), story.articles, limit=40),
        not_said=[at for at in said if at["stance"] in NOT_SAID],
        places=shown_places,
        map_svg=story_map(shown_places),
        SHOWN=SHOWN,
        SOURCES_SHOWN=SOURCES_SHOWN,
        TIMELINE_SHOWN=TIMELINE_SHOWN,
    )


def places(brief: dict[str, Any]) -> list[MapPlace]:
    """The geocoded places of the story's events, one per gazetteer entry, the most reported first (the map's
    numbers follow this order), each named as the articles most often name it ("Iran", not the gazetteer's
    "Iran, Islamic Republic of")."""
    found: dict[int, list[dict[str, Any]]] = {}
    for event in (*brief["timeline"], *brief["undated"]):
        place = event.get("place") or {}
        if place.get("geo"):
            found.setdefault(place["geo"]["geonameid"], []).append(place)
    ranked = sorted(found.values(), key=lambda named: (-len(named), named[0]["geo"]["name"]))
    return [MapPlace(Counter(p["text"] for p in named).most_common(1)[0][0], named[0]["geo"]["lat"],
                     named[0]["geo"]["lon"], f"{len(named)} event{'s' if len(named) != 1 else ''}")
            for named in ranked]
