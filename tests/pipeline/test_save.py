"""article_save: a new item is created, a re-sent one changes nothing, a new version keeps the old."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from newsdesk.core.draft import Draft, Picture
from newsdesk.newsroom.models import Article, ArticleVersion, Section, ViewCount
from newsdesk.pipeline.save import article_save

pytestmark = pytest.mark.django_db

WHEN = datetime(2026, 11, 12, 9, 30, tzinfo=timezone.utc)


def draft(**changes) -> Draft:
    base = Draft(
        headline="Tram line to the airport opens a year late",
        body_html="<p>The first trams ran on Monday.</p><p>Fares match the bus.</p>",
        section="Business",
        published=WHEN,
        dateline="VALMORA",
        credit="Northwind Wire",
        guid="urn:northwind:tram-1",
        picture=Picture(url="https://img.example/tram.jpg", caption="A tram at the terminal", credit="Photo: N. Wire"),
    )
    return base.with_changes(**changes)


def test_a_new_item_becomes_a_published_article_with_its_first_version():
    article, outcome = article_save(draft=draft(), source=None, raw_item=None)
    assert outcome == "created"
    assert article.status == Article.Status.PUBLISHED
    assert article.section.name == "Business" and article.slug == "tram-line-to-the-airport-opens-a-year-late"
    assert article.image_caption == "A tram at the terminal"
    assert article.versions.count() == 1
    assert ViewCount.objects.get(article=article).total == 0


def test_the_same_item_again_changes_nothing():
    first, _ = article_save(draft=draft(), source=None, raw_item=None)
    again, outcome = article_save(draft=draft(), source=None, raw_item=None)
    assert outcome == "unchanged" and again.pk == first.pk
    assert ArticleVersion.objects.count() == 1


def test_a_new_version_updates_the_article_and_keeps_the_old_one():
    first, _ = article_save(draft=draft(), source=None, raw_item=None)
    later = datetime(2026, 11, 12, 11, 0, tzinfo=timezone.utc)
    updated, outcome = article_save(
        draft=draft(headline="Tram line to the airport opens, a year late and over budget", updated=later),
        source=None, raw_item=None,
    )
    assert outcome == "updated" and updated.pk == first.pk
    assert updated.updated_at == later
    versions = list(updated.versions.order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    assert versions[0].snapshot["headline"] == "Tram line to the airport opens a year late"
    assert versions[1].snapshot["headline"].endswith("over budget")


def test_sections_are_created_once_whatever_the_spelling_of_the_same_name():
    article_save(draft=draft(), source=None, raw_item=None)
    article_save(draft=draft(guid="urn:northwind:tram-2", headline="Another"), source=None, raw_item=None)
    assert Section.objects.filter(slug="business").count() == 1


def test_an_item_without_a_date_is_dated_when_it_arrives():
    article, _ = article_save(draft=draft(published=None, guid="urn:x:undated"), source=None, raw_item=None)
    assert article.published_at is not None


def test_links_from_the_wire_that_are_not_http_are_dropped():
    article, _ = article_save(
        draft=draft(guid="urn:x:links", original_url="javascript:alert(1)", picture=Picture(url="file:///etc/passwd", caption="c")),
        source=None, raw_item=None,
    )
    assert article.original_url == "" and article.image_url == "" and article.image_caption == "c"


def test_a_higher_version_updates_and_an_older_one_arriving_late_changes_nothing():
    first, _ = article_save(draft=draft(guid="urn:x:v", version="1"), source=None, raw_item=None)
    newer, outcome = article_save(draft=draft(guid="urn:x:v", version="3", headline="Tram line opens, version three"), source=None, raw_item=None)
    assert outcome == "updated" and newer.pk == first.pk
    stale, outcome = article_save(draft=draft(guid="urn:x:v", version="2", headline="Tram line opens, version two"), source=None, raw_item=None)
    assert outcome == "unchanged"
    stale.refresh_from_db()
    assert stale.headline == "Tram line opens, version three" and stale.versions.count() == 2


def test_without_version_numbers_the_later_version_created_wins():
    later = datetime(2026, 11, 12, 12, 0, tzinfo=timezone.utc)
    earlier = datetime(2026, 11, 12, 10, 0, tzinfo=timezone.utc)
    article_save(draft=draft(guid="urn:x:t", updated=later, headline="Later copy"), source=None, raw_item=None)
    article, outcome = article_save(draft=draft(guid="urn:x:t", updated=earlier, headline="Earlier copy"), source=None, raw_item=None)
    assert outcome == "unchanged" and article.headline == "Later copy"
