"""Our own view count: one beacon, one view; no lost views under load; reading never counts."""

from __future__ import annotations

import json
import threading
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.test import Client
from django.urls import reverse

from newsdesk.newsroom.models import ViewCount


def _total(article) -> int:
    return ViewCount.objects.get(article=article).total


@pytest.mark.django_db
def test_beacon_counts_one_view_and_returns_the_new_total_without_a_csrf_token(harbour_article):
    client = Client(enforce_csrf_checks=True)
    url = reverse("site:views", kwargs={"pk": harbour_article.pk})
    assert client.post(url).json() == {"views": 1}
    response = client.post(url)
    assert response.json() == {"views": 2}
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert _total(harbour_article) == 2


@pytest.mark.django_db
def test_reading_the_page_or_the_count_never_changes_it(client, harbour_article):
    ViewCount.objects.filter(article=harbour_article).update(total=40)
    for _ in range(3):
        assert client.get(harbour_article.get_absolute_url()).status_code == 200
        assert client.get(reverse("site:views", kwargs={"pk": harbour_article.pk})).json() == {"views": 40}
    assert _total(harbour_article) == 40


@pytest.mark.django_db
def test_readers_without_javascript_are_counted_by_the_noscript_pixel(client, harbour_article):
    url = reverse("site:views_pixel", kwargs={"pk": harbour_article.pk})
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/gif"
    assert _total(harbour_article) == 1
    client.get(url, headers={"Sec-Purpose": "prefetch"})
    assert _total(harbour_article) == 1


@pytest.mark.django_db
def test_unknown_or_unpublished_articles_are_not_counted(client, article_factory, harbour_fields):
    draft = article_factory(**harbour_fields, publish=False)
    assert client.post(reverse("site:views", kwargs={"pk": draft.pk})).status_code == 404
    assert client.post(reverse("site:views", kwargs={"pk": draft.pk + 999})).status_code == 404
    assert _total(draft) == 0


def test_forty_concurrent_beacons_count_exactly_forty_views(live_server, harbour_article):
    readers = 40
    url = live_server.url + reverse("site:views", kwargs={"pk": harbour_article.pk})
    start = threading.Barrier(readers)

    def beacon(_: int) -> int:
        start.wait(timeout=30)
        request = urllib.request.Request(url, method="POST", data=b"")
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.load(response)["views"]

    with ThreadPoolExecutor(max_workers=readers) as pool:
        totals = list(pool.map(beacon, range(readers)))
    assert sorted(totals) == list(range(1, readers + 1))  # every reader saw its own exact total
    assert _total(harbour_article) == readers


def test_getting_the_article_page_from_a_real_server_does_not_count(live_server, harbour_article):
    with urllib.request.urlopen(live_server.url + harbour_article.get_absolute_url(), timeout=30) as response:
        assert response.status == 200
    assert _total(harbour_article) == 0
