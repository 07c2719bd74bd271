"""The JSON API: contract shapes, cursor pagination that reads everything exactly once, filters, errors, access."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TOKEN
from fastapi.testclient import TestClient

from newsledger.api import Ledger
from newsledger.store.paging import MAX_LIMIT, encode
from newsledger.store.search import search
from newsledger.web import create_app

LISTS = ("stories", "articles", "attributions", "events", "entities", "cross_events", "findings")


@pytest.fixture(scope="module")
def export(ledger_path: Path) -> dict:
    with Ledger(ledger_path, readonly=True) as ledger:
        return ledger.export()


def read_all(client: TestClient, path: str, limit: int, **params) -> tuple[list[dict], int]:
    """Every item of a list, following cursors; and how many pages that took."""
    items, cursor, pages = [], None, 0
    while True:
        response = client.get(path, params={**params, "limit": limit, **({"cursor": cursor} if cursor else {})})
        assert response.status_code == 200, response.text
        body = response.json()
        assert set(body) == {"items", "next"} and len(body["items"]) <= limit
        items += body["items"]
        pages += 1
        cursor = body["next"]
        if cursor is None:
            return items, pages


@pytest.mark.parametrize("name", LISTS)
@pytest.mark.parametrize("limit", [1, 3, MAX_LIMIT])
def test_following_cursors_reads_every_record_exactly_once(client, export, name, limit):
    items, pages = read_all(client, f"/api/v1/{name}", limit)
    ids = [item["id"] for item in items]
    assert len(ids) == len(set(ids))
    assert sorted(ids) == sorted(record["id"] for record in export[name])
    assert pages == max(1, -(-len(ids) // limit))


@pytest.mark.parametrize("name", LISTS)
def test_records_have_the_export_contract_shape(client, export, name):
    by_id = {record["id"]: record for record in export[name]}
    items, _ = read_all(client, f"/api/v1/{name}", MAX_LIMIT)
    for item in items:
        expected = by_id[item["id"]]
        if name == "entities":
            item = {**item, "mentions": sorted(item["mentions"], key=lambda m: (m["article"], m["start"]))}
            expected = {**expected, "mentions": sorted(expected["mentions"], key=lambda m: (m["article"], m["start"]))}
        assert item == expected


@pytest.mark.parametrize(
    ("kind", "name"),
    [("stories", "stories"), ("articles", "articles"), ("attributions", "attributions"), ("events", "events"), ("entities", "entities")],
)
def test_single_records_and_404s(client, export, kind, name):
    record = export[name][0]
    found = client.get(f"/api/v1/{kind}/{record['id']}").json()
    assert found["id"] == record["id"] and set(found) == set(record)
    missing = client.get(f"/api/v1/{kind}/nope")
    assert missing.status_code == 404 and "nope" in missing.json()["detail"]


def test_filters_on_article_source_and_type(client, export):
    article = export["articles"][0]["id"]
    attributions, _ = read_all(client, "/api/v1/attributions", 2, article=article)
    assert {a["id"] for a in attributions} == {a["id"] for a in export["attributions"] if a["article"] == article}
    source = next(a["source"]["entity"] for a in export["attributions"] if a["source"] and a["source"]["entity"])
    quoted, _ = read_all(client, "/api/v1/attributions", 2, source_entity=source)
    assert quoted and all(a["source"]["entity"] == source for a in quoted)
    events, _ = read_all(client, "/api/v1/events", 2, type="attack")
    assert {e["id"] for e in events} == {e["id"] for e in export["events"] if e["type"] == "attack"}


def test_brief_of_a_story(client, export):
    story = export["stories"][0]
    brief = client.get(f"/api/v1/stories/{story['id']}/brief").json()
    assert brief["story"]["id"] == story["id"] and {"articles", "outlets", "sources", "timeline"} <= set(brief)
    assert client.get("/api/v1/stories/nope/brief").status_code == 404


def test_findings_and_cross_events_filter_by_story(client, export):
    for name in ("findings", "cross_events"):
        for story in export["stories"]:
            items, _ = read_all(client, f"/api/v1/{name}", 500, story=story["id"])
            assert sorted(i["id"] for i in items) == sorted(r["id"] for r in export[name] if r["story"] == story["id"])


def test_search_ranks_stories_and_pages_through_them(client, export, ledger_path):
    hits, pages = read_all(client, "/api/v1/search", 1, q="Iran")
    with Ledger(ledger_path, readonly=True) as ledger:  # the pages cut in SQL hold every hit once, in rank order
        assert [(hit["story"]["id"], hit["score"]) for hit in hits] == search(ledger.store, "Iran")
    assert pages == len(hits)
    assert hits and all(set(hit) == {"story", "score"} for hit in hits)
    assert [hit["score"] for hit in hits] == sorted((hit["score"] for hit in hits), reverse=True)
    stories = {s["id"]: s for s in export["stories"]}
    assert all(hit["story"] == stories[hit["story"]["id"]] for hit in hits)
    assert client.get("/api/v1/search", params={"q": "zzyzx"}).json() == {"items": [], "next": None}
    assert client.get("/api/v1/search").status_code == 422


@pytest.mark.parametrize("cursor", ["garbage!", encode(["a", "b"]), encode([True]), "e30"])
def test_bad_cursors_are_400(client, cursor):
    response = client.get("/api/v1/articles", params={"cursor": cursor})
    assert response.status_code == 400


def test_a_search_cursor_at_the_edge_of_64_bits_is_no_server_error(client):
    for score in (-(2**63), 2**63 - 1):  # negated for the query: one past what an integer column binds
        response = client.get("/api/v1/search", params={"q": "Iran", "cursor": encode([score, "s"])})
        assert response.status_code == 200 and response.json()["next"] is None


def test_a_cursor_from_another_listing_is_400_on_search(client):
    assert client.get("/api/v1/search", params={"q": "Iran", "cursor": encode([1])}).status_code == 400


@pytest.mark.parametrize("limit", [0, MAX_LIMIT + 1, "many"])
def test_limit_is_bounded_per_page(client, limit):
    assert client.get("/api/v1/stories", params={"limit": limit}).status_code == 422


def test_the_openapi_spec_describes_every_endpoint(client):
    spec = client.get("/openapi.json").json()
    for path in (
        "/api/v1/stories", "/api/v1/stories/{story_id}", "/api/v1/stories/{story_id}/brief", "/api/v1/articles",
        "/api/v1/articles/{article_id}", "/api/v1/attributions", "/api/v1/events", "/api/v1/entities",
        "/api/v1/entities/{entity_id}", "/api/v1/findings", "/api/v1/search",
    ):
        assert path in spec["paths"], path
    assert client.get("/docs").status_code == 404  # Swagger UI needs a CDN the CSP forbids


def test_the_api_needs_the_token_when_one_is_set(ledger_path):
    guarded = TestClient(create_app(ledger_path, token=TOKEN))
    assert guarded.get("/api/v1/articles").status_code == 401
    assert guarded.get("/api/v1/articles", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
