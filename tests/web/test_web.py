"""The web pages over the seeds and one hostile article: content, navigation, errors, access, and escaping."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import HOSTILE, LONG_LINE, TOKEN
from fastapi.testclient import TestClient
from markupsafe import Markup
from typer.testing import CliRunner

from newsledger.report.map import story_map
from newsledger.web import create_app
from newsledger.web.highlight import Mark, highlight
from newsledger.web.routes import stories as stories_routes
from newsledger.web.security import is_loopback
from newsledger.web.server import ServeError, check
from newsledger.web.templating import environment


@pytest.fixture(scope="module")
def records(client: TestClient) -> dict:
    """Every list of the ledger, read through the API (whose own tests check it against the store)."""
    found = {}
    for name in ("stories", "articles", "attributions", "events", "entities"):
        found[name] = client.get(f"/api/v1/{name}", params={"limit": 500}).json()["items"]
    return found


def hostile_article(records: dict) -> dict:
    return next(a for a in records["articles"] if a["external_id"] == "hostile-1")


def story_of(records: dict, article_id: str) -> dict:
    return next(s for s in records["stories"] if article_id in s["articles"])


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def assert_inert(html: str) -> None:
    """No markup from the ledger took effect: no scripts, no event handlers, no script URLs, no foreign elements."""
    assert "<script" not in html.lower()
    for tag, attrs in tags(html):
        assert tag not in {"script", "img", "svg", "iframe", "object", "embed", "textarea", "b", "base"}, tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert name != "style", tag
            assert not (value or "").strip().lower().startswith("javascript:"), (tag, name, value)


def assert_layout(html: str) -> None:
    """The page's own structure survived: one header, one main, and the closing tags in place at the end."""
    found = [tag for tag, _ in tags(html)]
    assert found.count("main") == 1 and found.count("header") == 1 and found.count("body") == 1
    assert re.search(r"</main>\s*</body>\s*</html>\s*$", html)


# --- pages ----------------------------------------------------------------------------------------------------


def test_story_list_shows_every_story_with_security_headers(client, records):
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    for story in records["stories"]:
        assert f'href="/stories/{story["id"]}"' in response.text
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize("path", ["/", "/stories/nope", "/static/style.css", "/api/v1/stories", "/openapi.json", "/missing"])
def test_every_response_carries_the_csp(client, path):
    assert "default-src 'self'" in client.get(path).headers["content-security-policy"]


def test_search_finds_stories_by_words_and_prefixes(client, records):
    isfahan = [s for s in records["stories"] if "Isfahan" in s["title"] or "isfahan" in s["title"].lower()]
    page = client.get("/", params={"q": "Isfahan drone"}).text
    assert 'matching “Isfahan drone”' in page
    assert any(f'/stories/{s["id"]}"' in page for s in isfahan) or "Isfahan" in page
    assert "0 stories" in client.get("/", params={"q": "zzyzx-nothing"}).text
    prefixed = client.get("/", params={"q": "isfah*"}).text
    assert "0 stories" not in prefixed


def test_date_filter_and_bad_dates(client, records):
    hostile = story_of(records, hostile_article(records)["id"])
    within = client.get("/", params={"from": "2024-01-01", "to": "2024-01-31"}).text
    assert f'/stories/{hostile["id"]}"' in within and "1 story" in within
    assert "0 stories" in client.get("/", params={"to": "2023-12-31"}).text
    bad = client.get("/", params={"from": "yesterday"})
    assert bad.status_code == 400 and "is not a date" in bad.text


def test_sort_by_size_puts_the_largest_story_first(client, records):
    largest = max(records["stories"], key=lambda s: len(s["articles"]))
    page = client.get("/", params={"sort": "size"}).text
    first = re.search(r'class="title" href="/stories/([^"]+)"', page).group(1)
    assert first == largest["id"]


def test_list_pages_follow_cursors_through_every_story_once(client, records, monkeypatch):
    monkeypatch.setattr(stories_routes, "PAGE_SIZE", 1)
    seen, url = [], "/?sort=size"
    while url:
        page = client.get(url.replace("&amp;", "&")).text
        seen += re.findall(r'class="title" href="/stories/([^"]+)"', page)
        found = re.search(r'rel="next" href="([^"]+)"', page)
        url = found.group(1) if found else None
    assert sorted(seen) == sorted(s["id"] for s in records["stories"])


def test_stale_cursor_falls_back_to_the_first_page(client):
    response = client.get("/", params={"cursor": "not-a-cursor"})
    assert response.status_code == 400 and "out of date" in response.text


def test_story_page_shows_the_brief(client, records):
    story = max(records["stories"], key=lambda s: len(s["articles"]))
    page = client.get(f"/stories/{story['id']}").text
    for section in ("articles", "sources", "not-said", "timeline", "entities"):
        assert f'id="{section}"' in page
    for article_id in story["articles"]:
        assert f'href="/articles/{article_id}"' in page
    assert " ← " in page and 'class="stance stance-' in page
    assert 'href="/entities/' in page
    section = page.split('id="map"')[1].split("</section>")[0]  # the seeds' places are on the map
    assert "<svg" in section and '<g class="place">' in section and "Isfahan" in section


def test_the_seed_stories_places_are_geocoded_and_mapped(client, records):
    placed = {e["place"]["text"]: e["place"]["geo"] for e in records["events"] if e["place"] and e["place"]["geo"]}
    assert {"Isfahan", "Karaj", "Tehran"} <= set(placed)
    assert {placed[name]["country"] for name in ("Isfahan", "Karaj", "Tehran")} == {"IR"}
    assert abs(placed["Isfahan"]["lat"] - 32.65) < 0.5 and abs(placed["Tehran"]["lon"] - 51.4) < 0.5
    karaj = next(s for s in records["stories"] if any(
        e["article"] in s["articles"] and e["place"] and e["place"]["text"] == "Karaj" for e in records["events"]))
    section = client.get(f"/stories/{karaj['id']}").text.split('id="map"')[1].split("</section>")[0]
    assert "Karaj" in section and "Tehran" in section and section.count('<g class="place">') >= 2


def test_denials_and_refusals_are_listed_as_such(client, records):
    not_said = {a["article"] for a in records["attributions"] if a["stance"] in ("denies", "declines_to_comment")}
    story = story_of(records, sorted(not_said)[0])
    page = client.get(f"/stories/{story['id']}").text
    section = page.split('id="not-said"')[1].split("</section>")[0]
    assert "stance-denies" in section or "stance-declines_to_comment" in section


def test_map_draws_only_geocoded_places_once_each_with_escaped_names():
    isfahan = {"geonameid": 418863, "name": "Isfahan", "country": "IR", "admin1": "28", "lat": 32.65, "lon": 51.67}
    hostile = {"geonameid": 1, "name": "<script>alert(1)</script>Karaj", "country": "IR", "admin1": "44",
               "lat": 35.83, "lon": 50.99}
    brief = {"timeline": [
        {"summary": "strike — Isfahan", "place": {"text": "Isfahan", "start": 0, "end": 7, "geo": isfahan}},
        {"summary": "talks — Vienna", "place": {"text": "Vienna", "start": 0, "end": 6, "geo": None}},
    ], "undated": [
        {"summary": "attack", "place": None},
        {"summary": "blast — Isfahan", "place": {"text": "Esfahan", "start": 0, "end": 7, "geo": isfahan}},
        {"summary": "raid", "place": {"text": "<script>alert(1)</script>Karaj", "start": 0, "end": 5, "geo": hostile}},
    ]}
    places = stories_routes.places(brief)
    # named as the articles most often name it (a tie: the first said)
    assert [(p.label, p.detail) for p in places] == [("Isfahan", "2 events"), (hostile["name"], "1 event")]
    story = {"id": "s1", "title": "T", "first_seen": None, "last_seen": None, "key_entities": [],
             "cohesion": None, "findings_withheld": False}
    html = environment().get_template("story.html").render(
        request=None, brief={"story": story, "articles": [], "outlets": [], "sources": [], "timeline": [],
                             "undated": [], "left_out": [], "findings": {"established": [], "single_source": [], "updated": [], "disputed": [],
                                                         "denied": []},
                             "summary": {"happening": None, "where": None, "when": None, "counts": [],
                                         "tally": {"corroborated": 0, "single_source": 0, "disputed": 0, "denied": 0}}},
        entities=[], not_said=[], places=places, map_svg=story_map(places), SHOWN=8, SOURCES_SHOWN=30,
        TIMELINE_SHOWN=60,
    )
    assert 'id="map"' in html and "<svg" in html and html.count('<g class="place">') == 2
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;Karaj" in html
    assert 'class="country"' in html  # Iran's outline is drawn around the markers


def test_no_map_without_geocoded_places():
    assert stories_routes.places({"timeline": [{"place": {"text": "Hale", "start": 0, "end": 4}}], "undated": []}) == []
    assert story_map([]) is None


def test_article_page_highlights_sources_cues_and_contents(client, records):
    article = next(a for a in records["articles"] if a["removed"])
    attributions = [a for a in records["attributions"] if a["article"] == article["id"]]
    page = client.get(f"/articles/{article['id']}").text
    for role in ("source", "cue", "content"):
        assert re.search(rf'<mark class="hl[^"]*hl-{role}', page)
    for attribution in attributions:
        assert f'id="at-{attribution["id"]}"' in page and f'href="#at-{attribution["id"]}"' in page
    assert "<details>" in page and article["removed"][0]["text"][:30] in page.replace("&#39;", "'").replace("&#34;", '"')
    text = page.split('<div class="text">')[1].split("</div>")[0]
    plain = re.sub(r'<a class="ref"[^>]*>[^<]*</a>', "", text)
    plain = re.sub(r"<[^>]+>", "", plain)
    assert Markup(plain).unescape() == article["text"]


def test_article_page_lists_events_and_links_its_story(client, records):
    article = records["articles"][0]
    events = [e for e in records["events"] if e["article"] == article["id"]]
    page = client.get(f"/articles/{article['id']}").text
    assert f'href="/stories/{story_of(records, article["id"])["id"]}"' in page
    for event in events:
        assert f'id="ev-{event["id"]}"' in page


def test_entity_page_shows_what_was_said_by_and_about_it(client, records):
    quoted = {a["source"]["entity"] for a in records["attributions"] if a["source"] and a["source"]["entity"]}
    entity = max((e for e in records["entities"] if e["id"] in quoted), key=lambda e: len(e["mentions"]))
    page = client.get(f"/entities/{entity['id']}").text
    assert f"<h1>{entity['name']}</h1>" in page
    assert f"Said by {entity['name']}" in page
    assert "Said about" in page or "Events" in page
    for article in {m["article"] for m in entity["mentions"]}:
        assert f'href="/articles/{article}"' in page


@pytest.mark.parametrize("path", ["/stories/s_nope", "/articles/a_nope", "/entities/ent_nope", "/nowhere"])
def test_unknown_ids_are_404_pages(client, path):
    response = client.get(path)
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
    assert_layout(response.text)


# --- the hostile article --------------------------------------------------------------------------------------


def hostile_pages(records: dict) -> list[str]:
    article = hostile_article(records)
    story = story_of(records, article["id"])
    entities = [e["id"] for e in records["entities"] if any(m["article"] == article["id"] for m in e["mentions"])]
    return [
        "/",
        "/?q=minister",
        "/?q=script",
        "/?from=2024-01-01",
        f"/stories/{story['id']}",
        f"/articles/{article['id']}",
        *(f"/entities/{entity}" for entity in entities),
    ]


def test_the_hostile_article_was_ingested_with_its_payloads(records):
    article = hostile_article(records)
    assert "<script>" in article["title"] and "onerror" in article["outlet"]
    assert "<script>" in article["text"] and LONG_LINE[:1000] in article["text"]
    assert any(a["article"] == article["id"] for a in records["attributions"])
    assert any(a["article"] == article["id"] and a["gaps"] for a in records["attributions"])  # a content in pieces


def test_no_page_runs_or_renders_the_hostile_markup(client, records):
    pages = hostile_pages(records)
    assert len(pages) > 6
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_inert(response.text)
        assert_layout(response.text)
    article_page = client.get(pages[5]).text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in article_page
    assert "&lt;script&gt;window.__pwned=2&lt;/script&gt; is ours,&#34; … &#34;and &lt;img" in article_page
    assert "javascript:alert(1)" in article_page  # shown as text, never as a link (assert_inert)


def test_hostile_api_answers_are_json_not_html(client, records):
    article = hostile_article(records)
    response = client.get(f"/api/v1/articles/{article['id']}")
    assert response.headers["content-type"] == "application/json"
    assert response.json()["title"] == HOSTILE["title"]


# --- highlighting -----------------------------------------------------------------------------------------------


def test_highlight_handles_nested_and_overlapping_spans_and_escapes():
    text = "<b>He said</b> that 'x' & y"
    marks = [
        Mark(0, 14, "content", "outer"),
        Mark(3, 5, "source", 'he "<i>"'),
        Mark(6, 10, "cue", "cue", anchor="at-1", label="[1]"),
        Mark(8, 20, "content", "overlaps"),
        Mark(30, 40, "source", "out of range"),
    ]
    html = str(highlight(text, marks))
    assert "<b>" not in html and "&lt;b&gt;" in html and "&amp; y" in html
    assert html.count("<mark") == html.count("</mark>") == 7  # one per piece between boundaries
    assert '<mark class="hl hl-content hl-source" title="outer\nhe &#34;&lt;i&gt;&#34;">He</mark>' in html
    assert '<mark class="hl hl-content hl-cue" title="outer\ncue\noverlaps">id</mark>' in html
    assert '<a class="ref" href="#at-1">[1]</a>' in html
    plain = re.sub(r'<a class="ref"[^>]*>[^<]*</a>', "", html)
    assert Markup(re.sub(r"<[^>]+>", "", plain)).unescape() == text


def test_highlight_of_text_without_marks_is_just_escaped():
    assert str(highlight("<script>", [])) == "&lt;script&gt;"


# --- access -----------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def guarded(ledger_path: Path) -> TestClient:
    return TestClient(create_app(ledger_path, token=TOKEN))


@pytest.mark.parametrize("path", ["/", "/static/style.css", "/api/v1/stories", "/openapi.json"])
def test_a_configured_token_is_required_everywhere(guarded, path):
    refused = guarded.get(path)
    assert refused.status_code == 401 and "content-security-policy" in refused.headers
    assert guarded.get(path, headers={"Authorization": "Bearer wrong-token-000000000"}).status_code == 401
    assert guarded.get(path, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    with_cookie = TestClient(guarded.app, cookies={"token": TOKEN})
    assert with_cookie.get(path).status_code == 200


def test_a_browser_trades_the_token_in_the_query_for_a_cookie(ledger_path):
    browser = TestClient(create_app(ledger_path, token=TOKEN))
    response = browser.get("/", params={"token": TOKEN, "q": "drone"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/?q=drone"
    assert "HttpOnly" in response.headers["set-cookie"] and "SameSite=Strict" in response.headers["set-cookie"]
    assert browser.get("/?q=drone").status_code == 200  # the client kept the cookie
    sneaky = browser.get(f"http://testserver//evil.example/?token={TOKEN}", follow_redirects=False)
    assert sneaky.headers["location"] == "/evil.example/"  # never protocol-relative: the redirect stays here


def test_weak_tokens_are_refused(ledger_path):
    with pytest.raises(ValueError):
        create_app(ledger_path, token="short")


def test_loopback_only_servers_refuse_other_host_names(ledger_path):
    local = TestClient(create_app(ledger_path, loopback_only=True), base_url="http://127.0.0.1:8000")
    assert local.get("/").status_code == 200
    assert local.get("/", headers={"host": "localhost:8000"}).status_code == 200
    assert local.get("/", headers={"host": "[::1]:8000"}).status_code == 200
    assert local.get("/", headers={"host": "attacker.example:8000"}).status_code == 400


def test_only_loopback_may_go_without_a_token():
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1") and is_loopback("127.0.0.2")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4") and not is_loopback("example.org")
    check("127.0.0.1", None)
    check("0.0.0.0", TOKEN)
    with pytest.raises(ServeError):
        check("0.0.0.0", None)


def test_serve_refuses_a_public_address_without_a_token(ledger_path, monkeypatch):
    from newsledger.cli import app

    monkeypatch.delenv("NEWSLEDGER_TOKEN", raising=False)
    result = CliRunner().invoke(app, ["serve", "--db", str(ledger_path), "--host", "0.0.0.0"])
    assert result.exit_code == 2 and "token" in result.output


def test_serve_commands_explain_themselves():
    from newsledger.cli import app

    for command in (["serve", "--help"], ["bench", "serve", "--help"]):
        result = CliRunner().invoke(app, command)
        assert result.exit_code == 0 and "Usage" in result.output


def test_bench_serve_measures_every_endpoint(ledger_path):
    from newsledger.evaluation import serve as bench

    result = bench.run(str(ledger_path), requests=6, concurrency=2, max_seconds=60)
    assert set(result["endpoints"]) >= {"story list", "story page", "article page", "entity page", "search", "api search"}
    for name, row in result["endpoints"].items():
        assert row["requests"] == 6 and row["errors"] == 0, name
        assert 0 < row["p50_ms"] <= row["p95_ms"] <= row["p99_ms"] <= row["max_ms"]
    assert "story page" in bench.render(result)


def test_story_page_shows_the_findings_sections(client, records):
    story = next(s for s in records["stories"] if len(s["articles"]) == 2)
    page = client.get(f"/stories/{story['id']}").text
    for heading in ("Established", "Single source", "Disputed", "Denied or no comment"):
        assert f">{heading}</h2>" in page
    assert "all had been shot down" in page and "two were shot down" in page  # the disputed drones, both sides


def test_a_content_in_pieces_is_marked_piece_by_piece(records):
    from newsledger.records import Article, Attribution, from_dict
    from newsledger.web.routes.articles import marks

    article = from_dict(Article, hostile_article(records))
    split = [from_dict(Attribution, a) for a in records["attributions"] if a["article"] == article.id and a["gaps"]]
    assert split
    content = [m for m in marks(article, split) if m.role == "content"]
    assert len(content) >= 2
    for gap in split[0].gaps:
        assert not any(m.start < gap.end and gap.start < m.end for m in content)


def test_stories_filter_by_country_place_and_type(client, records):
    karaj = next(s for s in records["stories"] if "Karaj" in s["facets"].get("places", []))
    isfahan = next(s for s in records["stories"] if "Isfahan" in s["facets"].get("places", []))
    page = client.get("/", params={"place": "kara"}).text
    assert f'/stories/{karaj["id"]}' in page and f'/stories/{isfahan["id"]}' not in page
    page = client.get("/", params={"country": "IR", "type": "ASSAULT"}).text
    assert f'/stories/{karaj["id"]}' in page and f'/stories/{isfahan["id"]}' in page
    assert 'id="country"' in page and '<option value="IR" selected>' in page
    assert f'/stories/{karaj["id"]}' not in client.get("/", params={"country": "FR"}).text
    api = client.get("/api/v1/stories", params={"place": "Isfahan", "limit": 1}).json()
    assert [s["id"] for s in api["items"]] == [isfahan["id"]] and api["next"] is None
    assert client.get("/api/v1/stories", params={"from": "not-a-date"}).status_code in (400, 422)
    hostile = client.get("/", params={"place": "<script>alert(1)</script>"}).text
    assert "<script>alert(1)</script>" not in hostile


def test_story_page_opens_with_a_summary_and_offers_downloads(client, records):
    story = max(records["stories"], key=lambda s: len(s["articles"]))
    page = client.get(f"/stories/{story['id']}").text
    summary = page.split('aria-labelledby="h-summary"')[1].split("</section>")[0]
    assert "<dt>What</dt>" in summary and "<dt>Facts</dt>" in summary and "corroborated" in summary
    assert 'class="status status-' in summary  # a status reads by its words, not by colour alone
    for link in ("brief.md", "brief.html", "brief\" download", "findings.csv"):
        assert f"/api/v1/stories/{story['id']}/{link}" in summary
    md = client.get(f"/api/v1/stories/{story['id']}/brief.md")
    assert md.status_code == 200 and md.text.startswith("# ") and "## Summary" in md.text
    assert "attachment" in md.headers["content-disposition"]
    html = client.get(f"/api/v1/stories/{story['id']}/brief.html")
    assert html.status_code == 200 and "<h2>Summary</h2>" in html.text
    rows = client.get(f"/api/v1/stories/{story['id']}/findings.csv").text.splitlines()
    assert rows[0].startswith("slot,status,happening,value") and len(rows) > 1
    assert client.get(f"/api/v1/stories/{story['id']}/brief.exe").status_code == 404
    assert client.get("/api/v1/stories/nope/findings.csv").status_code == 404



def test_stories_list_shows_finding_counts_and_filters_stories_with_disputes(client, records):
    disputed = [s for s in records["stories"] if s["tally"].get("disputed")]
    calm = [s for s in records["stories"] if not s["tally"].get("disputed")]
    page = client.get("/", params={"status": "disputed"}).text
    assert disputed and all(f'/stories/{s["id"]}"' in page for s in disputed)
    assert all(f'/stories/{s["id"]}"' not in page for s in calm)
    assert "corroborated" in client.get("/").text
    assert client.get("/", params={"status": "<b>"}).status_code == 400
    assert client.get("/api/v1/stories", params={"status": "nope"}).status_code in (400, 422)


def test_evidence_names_its_article_by_title_and_date_and_flags_what_is_unvetted(client, records):
    story = max(records["stories"], key=lambda s: len(s["articles"]))
    brief = client.get(f"/api/v1/stories/{story['id']}/brief").json()
    evidence = [e for section in brief["findings"].values() for f in section for v in f["values"]
                for e in v["evidence"]]
    assert evidence and all("article_title" in e and "published" in e for e in evidence)
    # the seeds have no URL and no date: every article says so
    assert all({"no URL", "no date"} <= set(a["unvetted"]) for a in brief["articles"])
    page = client.get(f"/stories/{story['id']}").text
    assert 'class="unvetted">[no URL; no date' in page


def test_findings_recomputed_without_an_outlet_or_the_unvetted_articles(client, records):
    story = max(records["stories"], key=lambda s: len(s["articles"]))
    full = client.get(f"/api/v1/stories/{story['id']}/brief").json()
    assert full["left_out"] == []
    vetted = client.get(f"/api/v1/stories/{story['id']}/brief", params={"vetted": "true"}).json()
    # every seed article is unvetted (no URL, no date): all are left out, and nothing is left to find
    assert len(vetted["left_out"]) == len(full["articles"]) and vetted["articles"] == []
    assert all(not section for section in vetted["findings"].values())
    page = client.get(f"/stories/{story['id']}", params={"vetted": "true"}).text
    assert "Findings computed without" in page and 'name="vetted" value="true" checked' in page
    hostile = client.get(f"/stories/{story['id']}", params={"exclude_outlet": "<script>x</script>"}).text
    assert "<script>x</script>" not in hostile
