"""The server under crafted requests: malformed cursors, crashes, tokens in logs and caches, host names, HEAD,
and a spec that names every status the API answers."""

from __future__ import annotations

import base64
import json
import logging
import socket
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import TOKEN
from fastapi.testclient import TestClient
from postgres_server import URL, fresh_database
from typer.testing import CliRunner

from newsledger.api import Ledger
from newsledger.store.ledger import Store
from newsledger.web import create_app

LISTS = ("stories", "articles", "attributions", "events", "entities", "cross_events", "findings")


def raw_cursor(text: str | bytes) -> str:
    """A cursor made of any bytes, as a client could forge it."""
    data = text.encode() if isinstance(text, str) else text
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


MALFORMED = {
    "huge int": raw_cursor("[99999999999999999999999]"),
    "huge negative int": raw_cursor("[-99999999999999999999999]"),
    "deeply nested": raw_cursor("[" * 1200),
    "deeply nested, closed": raw_cursor("[" * 1200 + "]" * 1200),
    "not base64": "%%%not-base64!!",
    "not utf-8": raw_cursor(b"\xff\xfe[1]"),
    "lone surrogate": raw_cursor(json.dumps(["\ud800"])),
    "NUL": raw_cursor(json.dumps(["a\x00b"])),
    "float": raw_cursor("[1.5]"),
    "infinity": raw_cursor("[1e400]"),
    "NaN": raw_cursor("[NaN]"),
    "null": raw_cursor("[null]"),
    "object": raw_cursor('[{"a": 1}]'),
    "list in list": raw_cursor("[[1]]"),
    "empty list": raw_cursor("[]"),
    "not a list": raw_cursor('"abc"'),
    "too long": raw_cursor(json.dumps(["x" * 20_000])),
}


@pytest.fixture(scope="module")
def lenient(ledger_path: Path) -> TestClient:
    """A client that sees a crash as the 500 a browser would get, not as an exception."""
    return TestClient(create_app(ledger_path), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def export(ledger_path: Path) -> dict:
    with Ledger(ledger_path, readonly=True) as ledger:
        return ledger.export()


@pytest.mark.parametrize("name", MALFORMED)
@pytest.mark.parametrize("path", [f"/api/v1/{name}" for name in LISTS] + ["/api/v1/search", "/"])
def test_every_malformed_cursor_is_a_400_on_every_list(lenient, path, name):
    response = lenient.get(path, params={"cursor": MALFORMED[name], **({"q": "drone"} if "search" in path else {})})
    assert response.status_code == 400, response.text[:300]


@pytest.mark.parametrize("name", MALFORMED)
def test_every_malformed_cursor_is_a_400_on_entity_pages(lenient, export, name):
    entity = export["entities"][0]["id"]
    response = lenient.get(f"/entities/{entity}", params={"cursor": MALFORMED[name]})
    assert response.status_code == 400, response.text[:300]


@pytest.mark.parametrize(("path", "wrong"), [("/api/v1/articles", ["a-story-id"]), ("/api/v1/stories", [7])])
def test_a_cursor_of_the_wrong_type_for_its_listing_is_a_400(lenient, path, wrong):
    """An article cursor is a sequence number and a story cursor an id: PostgreSQL would refuse the comparison."""
    response = lenient.get(path, params={"cursor": raw_cursor(json.dumps(wrong))})
    assert response.status_code == 400, response.text[:300]


NUL_ADDRESSES = ("/api/v1/stories/a%00b", "/api/v1/events?article=a%00b", "/articles/a%00b", "/?q=a%00b")


def test_a_nul_in_the_address_is_a_400_not_a_database_error(lenient):
    """PostgreSQL refuses NUL in text: an id or filter with one must be refused before it reaches the store."""
    for path in NUL_ADDRESSES:
        assert lenient.get(path).status_code == 400, path


@pytest.mark.skipif(not URL, reason="set NEWSLEDGER_TEST_POSTGRES to a PostgreSQL URL to run this")
def test_on_postgres_nul_and_forged_cursors_are_400s_too():
    """PostgreSQL fails where SQLite lets it pass: NUL in text, text compared with an integer."""
    for location in fresh_database():
        Store(location).close()
        client = TestClient(create_app(location), raise_server_exceptions=False)
        for path in NUL_ADDRESSES:
            assert client.get(path).status_code == 400, path
        for name in LISTS:
            wrong_type = raw_cursor('["a-story-id"]' if name == "articles" else "[7]")  # articles go by number
            for cursor in (*MALFORMED.values(), wrong_type):
                assert client.get(f"/api/v1/{name}", params={"cursor": cursor}).status_code == 400, (name, cursor)


def test_a_crash_still_answers_with_the_security_headers(ledger_path):
    app = create_app(ledger_path)

    @app.get("/boom", include_in_schema=False)
    def boom():
        raise RuntimeError("crash")

    response = TestClient(app, raise_server_exceptions=False).get("/boom")
    assert response.status_code == 500
    assert "content-security-policy" in response.headers and response.headers["x-frame-options"] == "DENY"


def test_token_protected_answers_are_never_cached(ledger_path):
    guarded = TestClient(create_app(ledger_path, token=TOKEN))
    for response in (
        guarded.get("/api/v1/stories", headers={"Authorization": f"Bearer {TOKEN}"}),
        guarded.get("/", headers={"Authorization": f"Bearer {TOKEN}"}),
        guarded.get("/static/style.css", headers={"Authorization": f"Bearer {TOKEN}"}),
        guarded.get("/", params={"token": TOKEN}, follow_redirects=False),
        guarded.get("/"),
        guarded.head("/"),
    ):
        assert response.headers.get("cache-control") == "no-store", response.url
    refused = TestClient(guarded.app).head("/api/v1/stories")  # no cookie
    assert refused.status_code == 401 and refused.content == b""


def test_a_short_token_is_a_usage_error(ledger_path, monkeypatch):
    from newsledger.cli import app

    monkeypatch.delenv("NEWSLEDGER_TOKEN", raising=False)
    result = CliRunner().invoke(app, ["serve", "--db", str(ledger_path), "--token", "short"])
    assert result.exit_code == 2 and "16 characters" in result.output


@pytest.mark.parametrize("host", ["127.0.0.2", "127.1.2.3", "localhost", "[::1]"])
def test_any_loopback_address_is_answered(ledger_path, host):
    local = TestClient(create_app(ledger_path, loopback_only=True), base_url=f"http://{host}:8000")
    assert local.get("/").status_code == 200
    assert local.get("/", headers={"host": "rebound.example:8000"}).status_code == 400


def test_head_works_wherever_get_does(lenient, export):
    story = export["stories"][0]["id"]
    for path in ("/", f"/stories/{story}", "/api/v1/stories", f"/api/v1/stories/{story}", "/openapi.json",
                 "/static/style.css"):
        got, head = lenient.get(path), lenient.head(path)
        assert head.status_code == got.status_code == 200, path
        assert head.content == b"" and head.headers["content-type"] == got.headers["content-type"]
        assert "content-security-policy" in head.headers
    assert lenient.head("/api/v1/stories/nope").status_code == 404


def test_the_spec_documents_the_400_and_404_the_api_answers(lenient):
    spec = lenient.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            names = {parameter["name"] for parameter in operation.get("parameters", [])}
            if "cursor" in names:
                assert "400" in operation["responses"], (method, path)
            if "{" in path:
                assert "404" in operation["responses"], (method, path)


# --- the access log ------------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Kept(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def test_the_token_in_a_query_never_reaches_the_access_log(ledger_path):
    import uvicorn

    from newsledger.web import server

    port = _free_port()
    running = uvicorn.Server(server.config(str(ledger_path), "127.0.0.1", port, TOKEN))
    kept = _Kept()
    logging.getLogger("uvicorn.access").addHandler(kept)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not running.started and time.monotonic() < deadline:
            time.sleep(0.05)
        for query in (f"token={TOKEN}&q=drone", f"q=drone&%74oken={TOKEN}", f"token={TOKEN}x"):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/?{query}")
            except urllib.error.HTTPError:
                pass
    finally:
        running.should_exit = True
        thread.join(10)
        logging.getLogger("uvicorn.access").removeHandler(kept)
    assert len(kept.lines) >= 3, kept.lines
    assert not any(TOKEN in line for line in kept.lines), kept.lines
