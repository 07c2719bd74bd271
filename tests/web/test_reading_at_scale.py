"""The server holds no index of the ledger's texts and no summary of every story: it starts without reading them,
and every page (the story list with its filters, sorts and facet choices, search, a story, an article, an entity,
the API) answers through the store alone, reading no more stories than it shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsledger.api import Ledger
from newsledger.store import story_list
from newsledger.store.ledger import Store
from newsledger.web import create_app
from newsledger.web.routes import stories as stories_routes


@pytest.fixture(scope="module")
def seeded(ledger_path: Path) -> dict:
    with Ledger(ledger_path, readonly=True) as ledger:
        return ledger.export()


def test_pages_read_through_the_store(ledger_path, seeded, monkeypatch):
    def refuse(_store):
        raise AssertionError("every story was read")

    monkeypatch.setattr(Store, "stories", refuse)
    client = TestClient(create_app(ledger_path))  # start-up reads no summary either
    story = max(seeded["stories"], key=lambda s: len(s["articles"]))
    article = seeded["articles"][0]
    entity = seeded["entities"][0]
    for path in (f"/stories/{story['id']}", f"/articles/{article['id']}", f"/entities/{entity['id']}",
                 f"/api/v1/stories/{story['id']}/brief", "/api/v1/stories", "/api/v1/articles"):
        assert client.get(path).status_code == 200, path
    hits = client.get("/api/v1/search", params={"q": "Isfahan"}).json()["items"]
    assert story["id"] in [hit["story"]["id"] for hit in hits]
    page = client.get(f"/articles/{article['id']}").text
    owner = next(s for s in seeded["stories"] if article["id"] in s["articles"])
    assert f'href="/stories/{owner["id"]}"' in page  # the article's story, found by an indexed look-up


def test_the_story_list_reads_only_the_stories_it_shows(ledger_path, seeded, monkeypatch):
    """Filters, sorts, counts and facet choices are queries: the list builds a story record only for the page."""
    read: list[int] = []
    records = story_list.stories

    def counted(store, story_ids):
        read.append(len(story_ids))
        return records(store, story_ids)

    monkeypatch.setattr(Store, "stories", lambda _store: (_ for _ in ()).throw(AssertionError("every story was read")))
    monkeypatch.setattr(story_list, "stories", counted)
    monkeypatch.setattr(stories_routes, "PAGE_SIZE", 2)
    client = TestClient(create_app(ledger_path))
    for params in ({}, {"sort": "size"}, {"country": "IR"}, {"type": "assault", "sort": "size"}, {"place": "isf"},
                   {"status": "disputed"}, {"from": "2020-01-01"}, {"q": "minister", "sort": "recent"}):
        page = client.get("/", params=params)
        assert page.status_code == 200, params
        assert read and read[-1] <= 2 and 'id="country"' in page.text, params
    assert len(seeded["stories"]) > 2
    assert f"{len(seeded['stories'])} stories" in client.get("/").text  # counted, not read
