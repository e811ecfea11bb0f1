"""GET /api/v1/sections and /sections/{slug}: the masthead's sections, each with its latest articles."""

from __future__ import annotations

import pytest
from api_testing import API

pytestmark = pytest.mark.django_db


def test_lists_the_sections_with_published_articles(client, api_articles):
    items = client.get(f"{API}/sections").json()["items"]
    assert {s["slug"]: s["published"] for s in items} == {"world": 10, "sport": 9, "business": 10, "culture": 9}
    world = next(s for s in items if s["slug"] == "world")
    assert world == {
        "slug": "world",
        "name": "World",
        "url": "http://testserver/section/world/",
        "api_url": "http://testserver/api/v1/sections/world",
        "articles_url": "http://testserver/api/v1/articles?section=world",
        "published": 10,
    }


def test_a_section_comes_with_its_latest_articles(client, api_articles):
    payload = client.get(f"{API}/sections/sport").json()
    sport = sorted((a for a in api_articles if a.section.slug == "sport"), key=lambda a: a.published_at, reverse=True)
    assert payload["name"] == "Sport" and payload["published"] == 9
    assert [item["uri"] for item in payload["latest"]] == [f"http://testserver{a.get_absolute_url()}" for a in sport]
    more = client.get(payload["articles_url"]).json()
    assert more["total"] == 9


def test_a_section_shows_at_most_ten_latest(client, api_articles):
    payload = client.get(f"{API}/sections/world").json()
    assert payload["published"] == 10 and len(payload["latest"]) == 10


def test_a_section_with_only_drafts_is_not_listed_but_exists_empty(client, api_articles):
    assert "drafts-only" not in {s["slug"] for s in client.get(f"{API}/sections").json()["items"]}
    payload = client.get(f"{API}/sections/drafts-only").json()
    assert payload["published"] == 0 and payload["latest"] == []


@pytest.mark.parametrize("slug", ["nowhere", "Not%20a%20slug", "%C3%A9t%C3%A9"])
def test_an_unknown_section_is_a_json_404(client, api_articles, slug):
    response = client.get(f"{API}/sections/{slug}")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]["code"] == "not_found"
