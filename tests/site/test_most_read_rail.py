"""The most-read rail as a reader sees it in Chromium: beside the highlights, the last 24 hours' most viewed
stories first, never the story being read, filled from rails.json so a cached page shows it current."""

from __future__ import annotations

from datetime import timedelta

import pytest
from browser_fixtures import chromium_launch

from newsdesk.core import clock
from newsdesk.newsroom.models_views import HourlyViews
from newsdesk.publish.readership import hour_of
from newsdesk.publish.views import article_view_count

pytestmark = [pytest.mark.browser]


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
        browser = chromium_launch(playwright, chromium_path)
        try:
            page = browser.new_page()
            page.goto(live_server.url + reading.get_absolute_url())
            most_read = page.locator('[data-rail="most-read"] .rail-headline')
            expect(most_read).to_have_text([popular.headline, second.headline])
            expect(page.locator(".rail-section--most-read")).to_be_visible()
            expect(page.locator("#most-read-title")).to_have_text("Most read")
        finally:
            browser.close()
