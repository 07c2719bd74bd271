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
from newsledger.store.paging import BadCursor, page_of_sorted
from newsledger.web.routes import PAGE_BAD_REQUEST, PAGE_NOT_FOUND, catalog, store
from newsledger.web.templating import not_found, page

router = APIRouter(responses=PAGE_BAD_REQUEST)

SORTS = ("recent", "size", "relevance")
STATUSES = ("corroborated", "single_source", "updated", "disputed", "denied")
PAGE_SIZE = 25
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
NOT_SAID = ("denies", "declines_to_comment")


def _day(date: str | None) -> int:
    """A date as a number that sorts like it (for descending keys); unknown dates sort last."""
    try:
        return int(date[:10].replace("-", "")) if date else 0
    except ValueError:
        return 0


def sort_key(sort: str, story: Story, score: float) -> tuple:
    recency = (story.last_seen is None, -_day(story.last_seen or story.first_seen))
    if sort == "size":
        return (-len(story.articles), *recency, story.id)
    if sort == "relevance":
        return (-score, story.id)
    return (*recency, story.id)


def in_range(story: Story, start: str | None, end: str | None) -> bool:
    """Whether the story's span of dates meets [start, end]; an undated story meets no range."""
    first, last = story.first_seen, story.last_seen or story.first_seen
    if not first:
        return False
    return (start is None or (last or "") >= start) and (end is None or first <= end)


@dataclass(frozen=True)
class Facets:
    """What a story list is narrowed to: the country (ISO code) and place its happenings took place in, and their
    PLOVER type; empty fields narrow nothing."""

    country: str = ""
    place: str = ""
    type: str = ""
    status: str = ""  # "disputed": only stories with at least one finding of that status

    def admits(self, story: Story) -> bool:
        facets = story.facets or {}
        place = self.place.casefold()
        return (not self.status or (story.tally or {}).get(self.status, 0) > 0) and \
            (not self.country or self.country.upper() in facets.get("countries", ())) and \
            (not self.type or self.type.upper() in (t.upper() for t in facets.get("types", ()))) and \
            (not place or any(place in name.casefold() for name in facets.get("places", ())))


def matching_stories(snapshot: Any, hits: list[tuple[str, float]] | None, start: str | None, end: str | None,
                     sort: str, facets: Facets = Facets()):
    """The stories to list (the search's hits, or all when there is no query), sorted, with their sort keys (the
    keyset for cursors). A hit the snapshot does not know yet (an ingest is adding it) waits for the next one."""
    if hits is not None:
        found = [(snapshot.by_id[story_id], score) for story_id, score in hits if story_id in snapshot.by_id]
    else:
        found = [(story, 0.0) for story in snapshot.stories]
    if start or end:
        found = [(story, score) for story, score in found if in_range(story, start, end)]
    if facets != Facets():
        found = [(story, score) for story, score in found if facets.admits(story)]
    keyed = sorted(((sort_key(sort, story, score), story) for story, score in found), key=lambda pair: pair[0])
    return [story for _key, story in keyed], [key for key, _story in keyed]


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
    snapshot = catalog(request).current()
    if status and status not in STATUSES:
        errors.append(f"“{status}” is not a status ({', '.join(STATUSES)})")
        status = ""
    facets = Facets(country.strip(), place.strip(), type.strip(), status)
    hits = full_text.search(store(request), q) if q else None
    stories, keys = matching_stories(snapshot, hits, start, end, sort, facets)
    try:
        shown, after = page_of_sorted(stories, keys, cursor, PAGE_SIZE)
    except BadCursor:
        errors.append("that page link is out of date: showing the first page")
        shown, after = page_of_sorted(stories, keys, None, PAGE_SIZE)
    return page(
        request,
        "stories.html",
        status_code=400 if errors else 200,
        stories=shown,
        outlets=snapshot.outlets,
        total=len(stories),
        after=after,
        q=q or "",
        start=start or "",
        end=end or "",
        chosen=chosen,
        errors=errors,
        facets=facets,
        choices=facet_choices(snapshot.stories),
    )


def facet_choices(stories: list[Story], shown: int = 60) -> dict[str, list[str]]:
    """The countries and types the ledger's stories have, the most common first, for the filter's lists."""
    counts: dict[str, Counter] = {"countries": Counter(), "types": Counter()}
    for story in stories:
        for name, counter in counts.items():
            counter.update((story.facets or {}).get(name, ()))
    return {name: [value for value, _ in counter.most_common(shown)] for name, counter in counts.items()}


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
