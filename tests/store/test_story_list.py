"""The story list in SQL answers as the list built in memory did: the same stories in the same order for every
filter and sort, the same counts, the same facet choices, on a ledger of many stories; kept in step by every
write of a story and filled by the migration for an older ledger. On SQLite, and on PostgreSQL when
``NEWSLEDGER_TEST_POSTGRES`` is set."""

from __future__ import annotations

import random
from collections import Counter
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from postgres_server import URL, fresh_database
from sqlalchemy import create_engine, insert

from newsledger.records import Article, ArticleRecords, Story, to_dict
from newsledger.store import schema, story_list
from newsledger.store.ledger import Store
from newsledger.store.paging import BadCursor, encode
from newsledger.store.search import matching, search
from newsledger.store.story_list import StoryFilter
from newsledger.web import create_app

COUNTRIES = [f"{chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(90)]  # more than the 60 choices shown
TYPES = ["ASSAULT", "assault", "PROTEST", "Protest", "COERCE", "protest_context"]
PLACES = ["Isfahan", "Zürich", "Straße 5", "İstanbul", "100% Town", "under_score", "Karaj", "<script>x</script>"]
DATES = [None, "", "2016-03-01", "2016-03-02", "2016-12-31", "2017-01-01T10:00:00", "2024-01-02", "not a date"]
STATUSES = ["corroborated", "single_source", "updated", "disputed", "denied"]
IDS = ["s-1", "s1", "s_1", "S1", "sä", "s.1", "s~1", "s10"]  # orders that differ between collations


def many_stories(count: int = 260, seed: int = 19) -> list[Story]:
    pick = random.Random(seed)
    found = []
    for i in range(count):
        story_id = IDS[i] if i < len(IDS) else f"s_{pick.getrandbits(40):010x}"
        first, last = pick.choice(DATES), pick.choice(DATES)
        facets = {name: pick.sample(values, pick.randint(0, 3))
                  for name, values in (("countries", COUNTRIES[: pick.choice((5, 90))]), ("types", TYPES),
                                       ("places", PLACES))}
        if pick.random() < 0.1:
            facets["countries"] += facets["countries"][:1]  # a value twice: counted twice, as before
        tally = {status: pick.choice((0, 0, 1, 3)) for status in STATUSES}
        found.append(Story(story_id, f"Story {i}", [f"a{i}_{j}" for j in range(pick.choice((1, 1, 2, 5, 30)))],
                           first or None if pick.random() < 0.9 else first, last,
                           facets=facets if pick.random() < 0.9 else {}, tally=tally))
    return found


# --- the list as the web built it in memory before (the reference) ---------------------------------------------


def _day(date):
    try:
        return int(date[:10].replace("-", "")) if date else 0
    except ValueError:
        return 0


def old_sort_key(sort, story):
    recency = (story.last_seen is None, -_day(story.last_seen or story.first_seen))
    if sort == "size":
        return (-len(story.articles), *recency, story.id)
    if sort == "id":
        return (story.id,)
    return (*recency, story.id)


def old_in_range(story, start, end):
    first, last = story.first_seen, story.last_seen or story.first_seen
    if not first:
        return False
    return (start is None or (last or "") >= start) and (end is None or first <= end)


def old_admits(chosen, story):
    facets = story.facets or {}
    place = chosen.place.casefold()
    return (not chosen.status or (story.tally or {}).get(chosen.status, 0) > 0) and \
        (not chosen.country or chosen.country.upper() in facets.get("countries", ())) and \
        (not chosen.type or chosen.type.upper() in (t.upper() for t in facets.get("types", ()))) and \
        (not place or any(place in name.casefold() for name in facets.get("places", ()))) and \
        (not (chosen.start or chosen.end) or old_in_range(story, chosen.start, chosen.end))


def old_list(stories, chosen, sort):
    return [s.id for s in sorted((s for s in stories if old_admits(chosen, s)), key=lambda s: old_sort_key(sort, s))]


def old_choices(stories, shown=60):
    counts = {"countries": Counter(), "types": Counter()}
    for story in sorted(stories, key=lambda s: s.id):
        for name, counter in counts.items():
            counter.update((story.facets or {}).get(name, ()))
    return {name: [value for value, _ in counter.most_common(shown)] for name, counter in counts.items()}


FILTERS = [StoryFilter(), StoryFilter(country="aa"), StoryFilter(country="AB"), StoryFilter(type="assault"),
           StoryFilter(type="Protest"), StoryFilter(place="ZÜRICH"), StoryFilter(place="strasse"),
           StoryFilter(place="%"), StoryFilter(place="_"), StoryFilter(place="i̇stanbul"), StoryFilter(place="<script"),
           StoryFilter(status="disputed"), StoryFilter(status="denied", type="protest"),
           StoryFilter(start="2016-03-02"), StoryFilter(end="2016-03-01"), StoryFilter(start="2016-03-01", end="2016-12-31"),
           StoryFilter(end="2017-01-01"), StoryFilter(country="AA", start="2016-01-01", place="a")]


@pytest.fixture(params=["sqlite", "postgresql", "postgresql-icu"])
def location(request, tmp_path):
    """SQLite; PostgreSQL; and PostgreSQL whose text collation is en-US (where "s-1" and "s1", "sä" and "sb"
    sort otherwise than bytes)."""
    if request.param == "sqlite":
        yield str(tmp_path / "l.db")
        return
    if not URL:
        pytest.skip("set NEWSLEDGER_TEST_POSTGRES to a PostgreSQL URL to run these")
    yield from fresh_database("en-US" if request.param.endswith("icu") else None)


def _all_pages(store, chosen, order, limit=7):
    seen, cursor = [], None
    while True:
        found, cursor = story_list.page(store, chosen, order, cursor, limit)
        seen += [story.id for story in found]
        if cursor is None:
            return seen


def test_every_filter_and_sort_lists_and_counts_as_the_list_in_memory_did(location):
    stories = many_stories()
    with Store(location) as store:
        store.write([], stories, {})
        for chosen in FILTERS:
            for order in ("recent", "size", "id"):
                expected = old_list(stories, chosen, order)
                assert _all_pages(store, chosen, order) == expected, (chosen, order)
            assert story_list.count(store, chosen) == len(expected), chosen
        assert any(old_list(stories, chosen, "recent") for chosen in FILTERS[1:])
        assert {name: story_list.choices(store, name) for name in ("countries", "types")} == old_choices(stories)


def test_writes_keep_the_list_in_step(location):
    stories = many_stories(40)
    with Store(location) as store:
        store.write([], stories, {})
        calm = next(s for s in stories if not s.tally.get("disputed"))
        store.write_resolution(calm.id, [], [], {"countries": ["ZZ"], "places": ["Nowhere"]}, {"disputed": 2})
        assert calm.id in _all_pages(store, StoryFilter(status="disputed", country="zz"), "recent")
        assert _all_pages(store, StoryFilter(place="nowhere"), "id") == [calm.id]
        grown = Story(stories[0].id, "grown", [*stories[0].articles, *[f"n{i}" for i in range(99)]], "2030-01-01", "2030-01-02")
        store.write([], [grown], {}, removed_stories=[stories[1].id])
        assert _all_pages(store, StoryFilter(), "size")[0] == grown.id
        assert _all_pages(store, StoryFilter(), "recent")[0] == grown.id
        assert stories[1].id not in _all_pages(store, StoryFilter(), "id")
        assert story_list.count(store, StoryFilter()) == len(stories) - 1


def test_a_cursor_of_another_listing_or_forged_is_refused(location):
    with Store(location) as store:
        store.write([], many_stories(10), {})
        _found, after = story_list.page(store, StoryFilter(), "size", None, 3)
        for order, cursor in (("recent", after), ("id", after), ("recent", encode([1, -20160301, "s1"])),
                              ("size", encode(["x", True, 1, "s1"])), ("recent", encode([True, 1.5, "s1"]))):
            with pytest.raises(BadCursor):
                story_list.page(store, StoryFilter(), order, cursor, 3)


def test_the_migration_fills_the_list_of_an_older_ledger(tmp_path):
    stories = many_stories(120)
    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    before = schema.MIGRATIONS.index(schema._add_story_list)
    with engine.begin() as connection:
        for step in schema.MIGRATIONS[:before]:
            step(connection)
        connection.execute(insert(schema.schema_version).values(version=before))
        connection.execute(insert(schema.stories), [{"id": s.id, "data": to_dict(s)} for s in stories])
    engine.dispose()
    with Store(str(path)) as store:
        for chosen in FILTERS[:6]:
            assert _all_pages(store, chosen, "size") == old_list(stories, chosen, "size"), chosen
        assert {name: story_list.choices(store, name) for name in ("countries", "types")} == old_choices(stories)


def test_the_list_page_shows_the_filtered_stories_with_untrusted_text_escaped(location):
    stories = many_stories(60)
    with Store(location) as store:
        store.write([], stories, {})
    client = TestClient(create_app(location))
    expected = old_list(stories, StoryFilter(place="<script"), "recent")
    page = client.get("/", params={"place": "<script"}).text
    assert f"{len(expected)} stor" in page and "<script>x</script>" not in page and "&lt;script&gt;" in page
    assert all(f'href="/stories/{quote(story_id, safe="")}"' in page for story_id in expected[:25])
    api = client.get("/api/v1/stories", params={"country": "AA", "limit": 500}).json()
    assert [item["id"] for item in api["items"]] == old_list(stories, StoryFilter(country="AA"), "id")


def test_a_search_is_filtered_and_sorted_as_the_list_in_memory_did(location):
    """With words, the list is the search's hits narrowed by the filter, sorted by relevance, recency or size and
    paged in SQL (the search joined to the list's columns)."""
    stories = many_stories(90)
    texts = {s.id: ("Drone strike" if i % 3 else "Market report", "A drone hit the plant." if i % 3 else "Shares rose.")
             for i, s in enumerate(stories)}
    batch = [ArticleRecords(Article(id=s.articles[0], title=texts[s.id][0], text=texts[s.id][1]), features={"terms": {}})
             for s in stories]
    with Store(location) as store:
        store.write(batch, stories, {s.articles[0]: s.id for s in stories})
        scores = dict(search(store, "drone"))
        assert len(scores) == 60
        by_id = {s.id: s for s in stories}
        for chosen in FILTERS[:12]:
            for sort in ("relevance", "recent", "size"):
                admitted = [by_id[i] for i in scores if old_admits(chosen, by_id[i])]
                keys = {s.id: (-scores[s.id], s.id) if sort == "relevance" else old_sort_key(sort, s) for s in admitted}
                expected = sorted(keys, key=keys.__getitem__)
                seen, cursor = [], None
                while True:
                    found, cursor, total = story_list.among(store, matching(store, "drone"), chosen, sort, cursor, 4)
                    seen += [s.id for s in found]
                    assert total == len(expected)
                    if cursor is None:
                        break
                assert seen == expected, (chosen, sort)
        with pytest.raises(BadCursor):  # a cursor of the list without words
            story_list.among(store, matching(store, "drone"), StoryFilter(), "relevance", encode([True, 1, "s1"]), 4)
