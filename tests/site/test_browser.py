"""The article page as a reader sees it in Chromium: one caption, the credit, live count and times."""

from __future__ import annotations

import os
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from browser_fixtures import chromium_launch

from newsdesk.core import clock
from newsdesk.newsroom.models import ViewCount

# A stand-in press photo, served by the test instead of the network.
PHOTO = b"""<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#f6c27a"/><stop offset="1" stop-color="#7aa6c9"/></linearGradient></defs>
<rect width="1200" height="675" fill="url(#sky)"/><rect y="470" width="1200" height="205" fill="#2f5673"/>
<path d="M150 470h900v-90l-60-40H210l-60 40z" fill="#e9dfcf"/><path d="M180 340h840l-420-120z" fill="#b5523b"/>
<g fill="#4a3b32">""" + b"".join(b'<rect x="%d" y="380" width="36" height="60"/>' % x for x in range(230, 980, 75)) + b"""</g></svg>"""

pytestmark = [pytest.mark.browser]


def test_reader_sees_one_caption_the_credit_a_live_count_and_relative_times(
    chromium_path, live_server, harbour_article, rail_articles, tmp_path, monkeypatch
):
    from playwright.sync_api import expect, sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls
    # below are plain synchronous ones between its steps.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    ViewCount.objects.filter(article=harbour_article).update(total=39)

    with sync_playwright() as playwright:
        browser = chromium_launch(playwright, chromium_path)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.route("https://images.example/**", lambda route: route.fulfill(body=PHOTO, content_type="image/svg+xml"))
            # The reader opens the page four hours after it was cached: the rail
            # stories were "3 hours ago" to the server and are 7 hours old now.
            page.clock.install(time=clock.now() + timedelta(hours=4))
            for item in rail_articles:
                item.published_at = clock.now() - timedelta(hours=3, minutes=5)
                item.save(update_fields=["published_at"])
            page.goto(live_server.url + harbour_article.get_absolute_url())

            expect(page.locator("h1")).to_have_count(1)
            expect(page.locator("h1")).to_have_text(harbour_article.headline)
            body_text = page.locator("body").inner_text()
            assert body_text.count(harbour_article.image_caption) == 1
            assert page.locator(".story-body p").first.inner_text().startswith("LISBON – The prime ministers")
            credit = page.locator("p.credit")
            expect(credit).to_have_text("– CNN")
            expect(credit.locator("a")).to_have_attribute("href", harbour_article.original_url)
            expect(page.locator("[data-views-url]")).to_have_text("40 views")
            expect(page.locator(".rail time").first).to_have_text("7 hours ago")
            assert page.locator(".rail time").all_inner_texts() == ["7 hours ago"] * len(rail_articles)
            assert page.locator("figure img").evaluate("img => img.naturalWidth") > 0

            screenshot = tmp_path / "article.png"
            page.screenshot(path=str(screenshot), full_page=True)
        finally:
            browser.close()

    assert ViewCount.objects.get(article=harbour_article).total == 40
    if target := os.environ.get("NEWSDESK_SCREENSHOT"):
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(screenshot, target)


SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "000_6f30dbc2493a046e.txt"
SEED_CLUTTER = ("40 views", "HIGHLIGHTS", "Out of control: Witnesses", "Bomb blast kills 15", "Dozens die after boat")


def test_the_reference_page_ingested_from_its_capture_reads_like_the_original(
    chromium_path, live_server, rail_articles, tmp_path, monkeypatch
):
    """The seed through the whole pipeline (store, read, extract, save), then opened as a reader would."""
    if not SEED.exists():
        pytest.skip(f"the reference page is not at {SEED} (../shared is not beside this checkout)")
    from playwright.sync_api import expect, sync_playwright

    from newsdesk.newsroom.models import Article
    from newsdesk.pipeline.ingest import item_process

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    (result,) = item_process(origin=str(SEED), payload=SEED.read_bytes(), max_bytes=15_000_000)
    article = Article.objects.get(pk=result.article_id)
    caption = "Chinese leader Xi Jinping and North Korean leader Kim Jong Un arrive for a reception"

    with sync_playwright() as playwright:
        browser = chromium_launch(playwright, chromium_path)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(live_server.url + result.url)
            expect(page.locator("h1")).to_have_count(1)
            expect(page.locator("h1")).to_have_text(article.headline)
            expect(page.locator(".kicker").first).to_have_text("World")
            assert page.locator("time").first.get_attribute("datetime").startswith("2025-09-04")
            text = page.locator("body").inner_text()
            assert text.count(caption) == 1
            paragraphs = page.locator(".story-body p")
            expect(paragraphs).to_have_count(16)
            assert paragraphs.first.inner_text().startswith("BEIJING – Chinese leader Xi Jinping")
            assert paragraphs.last.inner_text().endswith("and Beijing.”")
            expect(page.locator("p.credit")).to_have_text("– CNN")
            expect(page.locator("[data-views-url]")).to_have_text("1 view")
            story = page.locator("article").inner_text()
            assert not [clutter for clutter in SEED_CLUTTER if clutter in story]
            assert "ago" in page.locator(".rail time").first.inner_text()
            page.reload()
            expect(page.locator("[data-views-url]")).to_have_text("2 views")
            page.screenshot(path=str(tmp_path / "reference.png"), full_page=True)
        finally:
            browser.close()
    if target := os.environ.get("NEWSDESK_REFERENCE_SCREENSHOT"):
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(tmp_path / "reference.png", target)
