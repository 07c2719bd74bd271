"""The pages in a real headless Chromium: click story → article → entity, see the highlights, keep the layout,
and run nothing from the hostile article. Screenshots go to screenshots/ (gitignored) for a human look."""

from __future__ import annotations

import re
import socket
import threading
import time
from pathlib import Path

import pytest
from conftest import REPO

from newsledger.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = REPO / "screenshots"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(ledger_path: Path):
    import uvicorn

    app = create_app(ledger_path, loopback_only=True)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as driver:
        context = driver.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=str(CHROMIUM),
            headless=True,
            args=FLAGS,
            viewport={"width": 1280, "height": 900},
        )
        yield context
        context.close()


@pytest.fixture
def page(browser, base_url):
    """A tab that records every dialog, console message and request, to prove nothing ran or went out."""
    tab = browser.new_page()
    tab.events = {"dialogs": [], "console": [], "requests": [], "errors": []}
    tab.on("dialog", lambda dialog: (tab.events["dialogs"].append(dialog.message), dialog.dismiss()))
    tab.on("console", lambda message: tab.events["console"].append(f"{message.type}: {message.text}"))
    tab.on("request", lambda request: tab.events["requests"].append(request.url))
    tab.on("pageerror", lambda error: tab.events["errors"].append(str(error)))
    yield tab
    tab.close()


def shot(tab, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"{name}.png"))


def assert_nothing_ran(tab, base_url: str) -> None:
    assert tab.evaluate("typeof window.__pwned") == "undefined"
    assert tab.events["dialogs"] == []
    assert tab.events["errors"] == []
    assert not [m for m in tab.events["console"] if "Content Security Policy" in m or "Refused" in m]
    assert all(url.startswith(base_url) for url in tab.events["requests"]), tab.events["requests"]
    assert tab.evaluate("document.scripts.length") == 0
    assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the page overflows sideways"


def test_click_through_the_hostile_story(page, base_url):
    page.goto(base_url + "/")
    shot(page, "stories")
    page.get_by_label("Words").fill("minister")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r"q=minister"))
    shot(page, "search")
    page.get_by_role("link", name=re.compile("Minister denies plot")).click()
    assert "<script>window.__pwned=1</script>" in page.locator("h1").inner_text()
    shot(page, "story-hostile")
    assert_nothing_ran(page, base_url)

    page.locator("#articles a").first.click()
    assert page.url.startswith(base_url + "/articles/")
    for role in ("source", "cue", "content"):
        assert page.locator(f"#text mark.hl-{role}").count() > 0
    assert "Evil Times" in page.locator(".meta").first.inner_text()
    assert page.locator("a[href^='javascript:']").count() == 0
    shot(page, "article-hostile")
    assert_nothing_ran(page, base_url)

    page.locator("#entities a").first.click()
    assert page.url.startswith(base_url + "/entities/")
    shot(page, "entity-hostile")
    assert_nothing_ran(page, base_url)


def test_click_through_a_seed_story_and_its_highlights(page, base_url):
    page.goto(base_url + "/?sort=size")
    page.locator(".stories a.title").first.click()
    assert page.locator("#sources h3").count() > 0
    assert " ← " in page.locator("#sources .chain").first.inner_text()
    shot(page, "story")

    page.locator("#articles a").first.click()
    mark = page.locator("#text mark.hl-cue").first
    assert re.search(r"\[\d+\] (asserts|denies|hedges|declines to comment) · ", mark.get_attribute("title"))
    mark.hover()
    shot(page, "article")
    ref = page.locator("#text a.ref").first
    target = ref.get_attribute("href")
    ref.click()
    assert page.url.endswith(target)
    assert page.locator(target.replace(":", "\\:")).is_visible()
    assert_nothing_ran(page, base_url)

    source = page.locator("#attributions a[href^='/entities/']").first
    name = None
    if source.count():
        source.click()
        name = page.locator("h1").inner_text()
        assert page.get_by_text(f"Said by {name}").first.is_visible()
        shot(page, "entity")
    assert name, "some attribution of the largest seed story has a source entity"


def test_removed_boilerplate_opens_on_demand(page, base_url):
    page.goto(base_url + "/?q=NYT")
    page.get_by_role("link", name=re.compile("NYT Report")).first.click()
    page.locator("#articles a").first.click()
    details = page.locator("#removed details")
    assert details.count() == 1 and details.get_attribute("open") is None
    assert not page.locator("#removed ol").is_visible()
    page.locator("#removed summary").click()
    assert page.locator("#removed ol").is_visible()


def test_keyboard_reaches_the_skip_link_then_the_content(page, base_url):
    page.goto(base_url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "q"  # the search box comes first in the content
