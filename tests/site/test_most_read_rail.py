"""The most-read rail as a reader sees it in Chromium: beside the highlights, the last 24 hours' most viewed
stories first, never the story being read, filled from rails.json so a cached page shows it current."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest

from newsdesk.core import clock
from newsdesk.newsroom.models_views import HourlyViews
from newsdesk.publish.readership import hour_of
from newsdesk.publish.views import article_view_count

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]

pytestmark = [pytest.mark.browser]


@pytest.fixture
def chromium_path() -> str:
    if not CHROMIUM.exists():
        reason = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return str(CHROMIUM)


def test_the_most_read_rail_ranks_the_last_24_hours_and_leaves_out_the_story_being_read(
    chromium_path, live_server, article_factory, monkeypatch
):
    from playwright.sync_api import expect, sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    reading = article_factory(headline="Harbour strike enters its second day")
    popular = article_factory(headline="Tram crash on the Porto hill")
    second = article_factory(headline="Storm closes ports along the coast")
    yesterday = article_factory(headline="Ferry aground in the delta")
    for article, views in ((reading, 9), (popular, 5), (second, 2)):
        for _ in range(views):
            article_view_count(article_id=article.pk)
    # Last week's favourite: many views, all older than 24 hours, so not in the rail.
    HourlyViews.objects.create(article=yesterday, hour=hour_of(clock.now()) - timedelta(hours=30), views=50)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(live_server.url + reading.get_absolute_url())
            most_read = page.locator('[data-rail="most-read"] .rail-headline')
            expect(most_read).to_have_text([popular.headline, second.headline])
            expect(page.locator(".rail-section--most-read")).to_be_visible()
            expect(page.locator("#most-read-title")).to_have_text("Most read")
        finally:
            browser.close()
