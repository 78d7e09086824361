"""The UI in a real browser: Debian's chromium through Playwright, against uvicorn on a loopback port.

Clicks claim -> trail -> article -> actor, checks the SVG chart and the highlights render, that the page
raises no console error (a CSP violation would), that a phone-width page does not scroll sideways, and
saves screenshots under test-artifacts/screenshots/.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from web.conftest import SCREENSHOTS, LiveServer
from web.fakes import ACTOR_ID, ARTICLE_ID, TRAIL_ID

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}


@pytest.fixture
def live(app: Any) -> Iterator[LiveServer]:
    with LiveServer(app) as server:
        yield server


@pytest.fixture
def browser(chromium: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # --no-sandbox: CI runs as root, where chromium refuses its sandbox
        launched = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        yield launched
        launched.close()


def _page(browser: Any, viewport: dict[str, int], errors: list[str]) -> Any:
    page = browser.new_page(viewport=viewport)
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return page


def _shot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def _no_sideways_scroll(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"))


def test_click_through_claim_trail_article_actor(live: LiveServer, browser: Any) -> None:
    errors: list[str] = []
    page = _page(browser, LAPTOP, errors)
    page.goto(f"{live.url}/")
    _shot(page, "fake-claims")
    page.locator("a.trail-link").first.click()
    page.wait_for_url(f"**/trails/{TRAIL_ID}")

    chart = page.locator("svg.timeline-chart")
    assert chart.is_visible()
    assert chart.bounding_box()["width"] > 300
    assert page.locator("svg.timeline-chart g.point").count() == 6
    assert page.locator("ul.legend li").count() == 5
    colours = {
        page.locator(f"svg.timeline-chart .glyph-{s}").first.evaluate("e => getComputedStyle(e).fill")
        for s in ("appearances", "reports", "asserts", "questions", "denies")
    }
    assert len(colours) == 5  # the stylesheet loaded and gives each series its own colour
    _shot(page, "fake-trail")

    page.locator(f"ol.appearances blockquote a[href='/articles/{ARTICLE_ID}#claim-c1']").click()
    page.wait_for_url(f"**/articles/{ARTICLE_ID}#claim-c1")
    target = page.locator("mark#claim-c1")
    assert target.is_visible()
    assert page.evaluate("location.hash") == "#claim-c1"
    assert page.locator(".article-text mark.hl-quote").count() >= 1
    assert page.locator(".article-text mark.hl-stance").count() == 2
    assert page.locator(".article-text mark.hl-date").count() == 2
    assert "[denies]" in page.locator(".article-text mark.hl-stance-denies").evaluate(
        "e => getComputedStyle(e, '::after').content"
    )
    assert page.locator("script").count() == 0
    _shot(page, "fake-article")

    page.locator("ul.side-actors a.actor-link").first.click()
    page.wait_for_url(f"**/actors/{ACTOR_ID}")
    assert page.locator("h1").inner_text() == "Jorge Arreaza"
    _shot(page, "fake-actor")
    assert errors == []


def test_pages_reflow_on_a_phone(live: LiveServer, browser: Any) -> None:
    errors: list[str] = []
    page = _page(browser, PHONE, errors)
    for name, path in [
        ("claims", "/"),
        ("trail", f"/trails/{TRAIL_ID}"),
        ("article", f"/articles/{ARTICLE_ID}"),
        ("actor", f"/actors/{ACTOR_ID}"),
    ]:
        page.goto(f"{live.url}{path}")
        assert _no_sideways_scroll(page), path
        _shot(page, f"fake-phone-{name}")
    page.goto(f"{live.url}/trails/{TRAIL_ID}")
    box = page.locator(".timeline-scroll").bounding_box()
    assert box["width"] <= PHONE["width"]  # the chart scrolls inside its box, the page does not
    assert errors == []


def test_error_page_in_the_browser(live: LiveServer, browser: Any) -> None:
    errors: list[str] = []
    page = _page(browser, LAPTOP, errors)
    response = page.goto(f"{live.url}/claims?since=yesterday")
    assert response.status == 400
    assert "CT-E080" in page.content()
    assert page.locator("ul.problems code").first.inner_text() == "since"


@pytest.fixture
def sample_live(sample_db: str) -> Iterator[LiveServer]:
    from claimtrail.web import create_app
    from web.conftest import close_app

    app = create_app(sample_db)
    try:
        with LiveServer(app) as server:
            yield server
    finally:
        close_app(app)


@pytest.mark.model
@pytest.mark.embedding
def test_click_through_the_sample_store(sample_live: LiveServer, browser: Any) -> None:
    """The bundled samples, ingested and linked: the most active trail, its first story, an actor."""
    errors: list[str] = []
    page = _page(browser, LAPTOP, errors)
    page.goto(f"{sample_live.url}/claims?sort=activity")
    assert page.locator("ol.claims > li").count() >= 5
    _shot(page, "samples-claims")
    page.locator("a.trail-link").first.click()
    page.wait_for_url("**/trails/t-*")
    assert page.locator("svg.timeline-chart").is_visible()
    assert page.locator("svg.timeline-chart g.point-appearances").count() >= 1
    assert page.locator("ol.appearances > li").count() >= 2
    assert page.locator("ul.legend li").count() == 5
    _shot(page, "samples-trail")

    evidence = page.locator("ol.appearances blockquote a").first
    href = evidence.get_attribute("href")
    evidence.click()
    page.wait_for_url(f"**{href}")
    anchor = href.split("#", 1)[1]
    assert page.locator(f"mark#{anchor}").is_visible()
    assert page.locator(".article-text mark.hl-claim").count() >= 1
    assert page.locator(".article-text mark.hl-quote").count() >= 1
    assert page.locator(".article-text mark.hl-date").count() >= 1
    _shot(page, "samples-article")

    page.locator("ul.side-actors a.actor-link").first.click()
    page.wait_for_url("**/actors/*")
    assert page.locator("h1").inner_text()
    _shot(page, "samples-actor")

    phone = _page(browser, PHONE, errors)
    phone.goto(page.url)
    assert _no_sideways_scroll(phone)
    phone.goto(f"{sample_live.url}{href}")
    assert _no_sideways_scroll(phone)
    _shot(phone, "samples-phone-article")
    assert errors == []
