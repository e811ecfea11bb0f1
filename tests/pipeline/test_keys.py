"""Idempotence keys: (source, provider id), else the canonical URL, else headline + date — in the database."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from django.db import IntegrityError, transaction

from newsdesk.core.draft import Draft
from newsdesk.newsroom.models import Article
from newsdesk.pipeline.save import article_save, item_key, url_canonical
from newsdesk.pipeline.sources import source_add

pytestmark = pytest.mark.django_db

WHEN = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


def draft(**fields) -> Draft:
    fields.setdefault("headline", "Harbour reopens after the storm")
    fields.setdefault("body_html", "<p>The harbour reopened on Monday.</p>")
    fields.setdefault("published", WHEN)
    return Draft(**fields)


@pytest.fixture
def sources():
    return (source_add(url="https://a.example/rss", name="A wire"), source_add(url="https://b.example/rss", name="B wire"))


def test_the_same_provider_id_from_one_source_is_one_article_even_when_the_text_changes(sources):
    a, _ = sources
    first, _ = article_save(draft=draft(guid="urn:a:1"), source=a, raw_item=None)
    again, outcome = article_save(draft=draft(guid="urn:a:1", headline="Harbour reopens, a day late"), source=a, raw_item=None)
    assert again.pk == first.pk and outcome == "updated"


def test_provider_ids_are_per_source(sources):
    a, b = sources
    article_save(draft=draft(guid="urn:1"), source=a, raw_item=None)
    article_save(draft=draft(guid="urn:1"), source=b, raw_item=None)
    assert Article.objects.count() == 2


def test_without_a_provider_id_the_canonical_url_is_the_key(sources):
    a, b = sources
    first, _ = article_save(draft=draft(original_url="https://Paper.example:443/story?utm_source=x#top"), source=a, raw_item=None)
    again, outcome = article_save(draft=draft(original_url="https://paper.example/story", headline="Changed"), source=b, raw_item=None)
    assert again.pk == first.pk and outcome == "updated" and first.canonical_url == "https://paper.example/story"


def test_without_id_or_url_the_key_is_headline_and_date():
    first, _ = article_save(draft=draft(), source=None, raw_item=None)
    same, outcome = article_save(draft=draft(headline="  harbour REOPENS after the storm "), source=None, raw_item=None)
    other_day, _ = article_save(draft=draft(published=WHEN.replace(day=3)), source=None, raw_item=None)
    assert same.pk == first.pk and other_day.pk != first.pk


def test_the_database_itself_refuses_a_second_article_for_a_source_item(sources):
    a, _ = sources
    article, _ = article_save(draft=draft(guid="urn:a:7"), source=a, raw_item=None)
    clone = Article(wire_key="x" * 64, provider_id="urn:a:7", source=a, headline="h", slug="h", published_at=WHEN, body_html="<p>b</p>", content_hash="")
    with pytest.raises(IntegrityError), transaction.atomic():
        clone.save()


def test_the_database_refuses_a_second_article_for_a_url_without_provider_id():
    article_save(draft=draft(original_url="https://paper.example/story"), source=None, raw_item=None)
    clone = Article(wire_key="y" * 64, canonical_url="https://paper.example/story", headline="h", slug="h", published_at=WHEN, body_html="<p>b</p>", content_hash="")
    with pytest.raises(IntegrityError), transaction.atomic():
        clone.save()


def test_a_source_added_again_under_its_name_finds_its_old_articles():
    a = source_add(url="https://a.example/rss", name="A wire")
    article_save(draft=draft(guid="urn:a:1"), source=a, raw_item=None)
    a.delete()
    again = source_add(url="https://a.example/rss", name="A wire")
    _, outcome = article_save(draft=draft(guid="urn:a:1"), source=again, raw_item=None)
    assert outcome == "unchanged" and Article.objects.count() == 1


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("HTTP://Example.COM:80/a?b=1&utm_medium=x&fbclid=2", "http://example.com/a?b=1"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com:8443/x#frag", "https://example.com:8443/x"),
        ("javascript:alert(1)", ""),
        (None, ""),
    ],
)
def test_canonical_urls(url, canonical):
    assert url_canonical(url) == canonical


def test_keys_differ_by_kind_so_an_id_never_collides_with_a_url():
    assert item_key(draft(guid="https://x.example/1"), source=None).wire_key != item_key(draft(original_url="https://x.example/1"), source=None).wire_key
