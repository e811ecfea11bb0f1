"""The story page ("full coverage") and what the article page says about its story, entities, quotes and sources."""

from __future__ import annotations

import pytest
from story_rows import HOSTILE_NAME, HOSTILE_QUOTE, summit_rows
from story_rows import page_tree as _page
from story_rows import texts as _texts

from newsdesk.newsroom.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows(article_factory):
    return summit_rows(article_factory)


def test_story_page_lists_every_published_article_newest_first_with_its_sources(client, rows):
    response, tree = _page(client, rows.story.get_absolute_url())
    assert _texts(tree, ".coverage-item .card-headline") == [rows.third.headline, rows.second.headline, rows.first.headline]
    assert _texts(tree, ".coverage-item-sources") == ["CNN", "AP, Reuters"]  # the folded copy's wire is listed
    assert _texts(tree, ".coverage-sources") == ["Reported by AP, Reuters, CNN"]  # first to report first
    assert _texts(tree, "[data-source-count]") == ["3 sources"]
    assert _texts(tree, "[data-article-count]") == ["3 articles"]
    assert rows.draft.headline not in response.content.decode()


def test_story_page_timeline_runs_oldest_first_by_day(client, rows):
    _, tree = _page(client, rows.story.get_absolute_url())
    timeline = [a.text_content() for a in tree.cssselect(".timeline-items a")]
    assert timeline == [rows.first.headline, rows.second.headline, rows.third.headline]
    days = [t.get("datetime") for t in tree.cssselect(".timeline-day time")]
    assert days == sorted(days) and len(days) >= 1


def test_story_page_shows_the_entities_involved_most_frequent_first_linking_to_their_pages(client, rows):
    _, tree = _page(client, rows.story.get_absolute_url())
    links = [(a.text_content(), a.get("href")) for a in tree.cssselect(".entity-list a")]
    assert links[0] == ("Beijing", "/entities/beijing/")  # named by all three published articles
    assert links[1] == ("Xi Jinping", "/entities/xi-jinping/")
    assert "Nobody Published" not in [name for name, _ in links]  # only the draft names them


def test_story_page_announces_its_feeds_in_the_head(client, rows):
    _, tree = _page(client, rows.story.get_absolute_url())
    alternates = {link.get("href"): link.get("type") for link in tree.cssselect('head link[rel="alternate"]')}
    base = rows.story.get_absolute_url()
    assert alternates[f"{base}rss.xml"] == "application/rss+xml"
    assert alternates[f"{base}atom.xml"] == "application/atom+xml"
    assert alternates[f"{base}feed.json"] == "application/feed+json"
    assert alternates["/feeds/rss.xml"] == "application/rss+xml"  # the site's own, as on every page


def test_story_page_revalidates_with_its_etag_and_may_be_kept_by_a_cdn(client, rows):
    response = client.get(rows.story.get_absolute_url())
    assert "s-maxage=300" in response["Cache-Control"] and "public" in response["Cache-Control"]
    again = client.get(rows.story.get_absolute_url(), HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    Article.objects.filter(pk=rows.third.pk).update(status=Article.Status.UNPUBLISHED)
    changed = client.get(rows.story.get_absolute_url(), HTTP_IF_NONE_MATCH=response["ETag"])
    assert changed.status_code == 200 and rows.third.headline not in changed.content.decode()


def test_story_page_with_a_wrong_slug_redirects_and_a_story_of_drafts_only_is_not_found(client, rows):
    response = client.get(f"/stories/{rows.story.pk}-old-title/")
    assert response.status_code == 301 and response["Location"] == rows.story.get_absolute_url()
    assert client.get("/stories/999999-nothing/").status_code == 404
    Article.objects.filter(story=rows.story).update(status=Article.Status.KILLED)
    assert client.get(rows.story.get_absolute_url()).status_code == 404


def test_article_page_links_its_entities_by_kind(client, rows):
    _, tree = _page(client, rows.second.get_absolute_url())
    groups = {
        group.cssselect(".entity-kind")[0].text_content(): [(a.text_content(), a.get("href")) for a in group.cssselect("a")]
        for group in tree.cssselect(".coverage-entities .entity-group")
    }
    assert groups["People"] == [("Kim Jong Un", "/entities/kim-jong-un/"), ("Xi Jinping", "/entities/xi-jinping/"), ("Edward Howell", "/entities/edward-howell/")]
    assert groups["Organisations"] == [("University of Oxford", "/entities/university-of-oxford/")]
    assert groups["Places"] == [("Beijing", "/entities/beijing/")]


def test_article_page_shows_its_quotes_in_order_with_named_speakers_linked(client, rows):
    _, tree = _page(client, rows.second.get_absolute_url())
    quotes = tree.cssselect(".coverage-quotes .quote")
    assert [" ".join(q.cssselect("blockquote")[0].text_content().split()) for q in quotes] == [
        "“China is not angry; it is confident”", "“We came at dawn”",
    ]
    speaker = quotes[0].cssselect("figcaption a")[0]
    assert (speaker.text_content(), speaker.get("href")) == ("Edward Howell", "/entities/edward-howell/")
    assert quotes[1].cssselect("figcaption")[0].text_content().strip() == "— a parade spectator"  # named, but no page


def test_article_page_links_full_coverage_with_the_source_count_and_says_who_else_carried_it(client, rows):
    _, tree = _page(client, rows.first.get_absolute_url())
    link = tree.cssselect(".full-coverage a")[0]
    assert link.get("href") == rows.story.get_absolute_url()
    assert _texts(tree, "[data-story-sources]") == ["· 3 sources"]
    assert _texts(tree, ".also-reported") == ["Also reported by Reuters"]
    _, lone = _page(client, rows.third.get_absolute_url())
    assert lone.cssselect(".also-reported") == []  # one source only: nothing to add


def test_related_puts_the_same_story_first_then_articles_sharing_entities(client, rows, article_factory):
    article_factory(headline="Unrelated football result", section="Sport")
    _, tree = _page(client, rows.second.get_absolute_url())
    related = _texts(tree, ".coverage-related .rail-headline a")
    assert related[:2] == [rows.third.headline, rows.first.headline]  # same story, newest first
    assert related[2] == rows.other.headline  # shares Xi Jinping and Beijing
    assert "Unrelated football result" not in related
    assert rows.draft.headline not in related and rows.second.headline not in related


def test_related_json_gives_site_js_the_current_list_and_source_count(client, rows):
    Article.objects.filter(pk=rows.first.pk).update(status=Article.Status.UNPUBLISHED)
    data = client.get(f"/related/{rows.second.pk}.json").json()
    assert [item["headline"] for item in data["related"]] == [rows.third.headline, rows.other.headline]
    assert data["story"] == {"url": rows.story.get_absolute_url(), "sources": 1}  # only CNN's article left with a credit
    assert client.get(f"/related/{rows.draft.pk}.json").status_code == 404


def test_hostile_entity_names_and_quotes_are_escaped_on_every_page(client, rows):
    for url in (rows.first.get_absolute_url(), rows.story.get_absolute_url()):
        response, tree = _page(client, url)
        html = response.content.decode()
        assert "<script>alert(" not in html, url
        assert HOSTILE_NAME in [a.text_content() for a in tree.cssselect("a.entity-link, .quote figcaption a")], url
    _, tree = _page(client, rows.first.get_absolute_url())
    assert _texts(tree, ".quote blockquote") == [f"“{' '.join(HOSTILE_QUOTE.split())}”"]


@pytest.mark.browser
def test_reader_in_chromium_sees_related_refreshed_and_no_injected_script_runs(chromium_path, live_server, rows, monkeypatch):
    """A baked article page lists related stories as they stood; site.js brings them up to date, and the
    hostile entity name and quote on the page stay text."""
    from playwright.sync_api import expect, sync_playwright

    from browser_fixtures import chromium_launch

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    dialogs: list[str] = []
    with sync_playwright() as playwright:
        browser = chromium_launch(playwright, chromium_path)
        try:
            page = browser.new_page()
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            # The page is rendered with the third article among the related; it is unpublished before
            # site.js asks related.json, as happens to a page baked an hour ago.
            page.route(
                "**/related/*.json",
                lambda route: (Article.objects.filter(pk=rows.third.pk).update(status=Article.Status.UNPUBLISHED), route.continue_()),
            )
            page.goto(live_server.url + rows.first.get_absolute_url())
            expect(page.locator(".coverage-related .rail-headline a")).to_have_text([rows.second.headline, rows.other.headline])
            expect(page.locator("[data-story-sources]")).to_have_text("· 3 sources")
            expect(page.locator(".coverage-entities a.entity-link", has_text="Holdings")).to_have_text(HOSTILE_NAME)
            expect(page.locator(".quote blockquote")).to_contain_text("respond")
        finally:
            browser.close()
    assert dialogs == []
