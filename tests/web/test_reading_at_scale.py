"""The server holds no index of the ledger's texts: it starts without reading the story summaries, and every page
but the story list (search, a story, an article, an entity, the API) answers through the store alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsledger.api import Ledger
from newsledger.web import create_app
from newsledger.web.catalog import Catalog


@pytest.fixture(scope="module")
def seeded(ledger_path: Path) -> dict:
    with Ledger(ledger_path, readonly=True) as ledger:
        return ledger.export()


def test_pages_other_than_the_story_list_read_through_the_store(ledger_path, seeded, monkeypatch):
    def refuse(_catalog, _version):
        raise AssertionError("the story summaries were read")

    monkeypatch.setattr(Catalog, "_build", refuse)
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
