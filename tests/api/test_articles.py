"""GET /api/v1/articles and /articles/{id}: published articles only, newest first, paged, filtered."""

from __future__ import annotations

from datetime import timedelta, timezone

import pytest
from api_testing import API

pytestmark = pytest.mark.django_db


def _ids(payload: dict) -> list[int]:
    return [int(next(a["value"] for a in item["altIds"] if a["role"] == "newsdesk-id")) for item in payload["items"]]


def test_lists_published_articles_newest_first_with_the_default_page(client, api_articles):
    payload = client.get(f"{API}/articles").json()
    newest_first = sorted(api_articles, key=lambda a: (a.published_at, a.pk), reverse=True)
    assert payload["total"] == len(api_articles) == 38
    assert payload["page"] == 1 and payload["page_size"] == 20
    assert _ids(payload) == [a.pk for a in newest_first[:20]]
    assert payload["previous"] is None
    assert payload["next"] == "http://testserver/api/v1/articles?page=2&page_size=20"


def test_drafts_are_never_listed_or_served(client, api_articles, article_factory):
    draft = article_factory(headline="A draft nobody may read", publish=False)
    assert draft.pk not in _ids(client.get(f"{API}/articles", {"page_size": 100}).json())
    response = client.get(f"{API}/articles/{draft.pk}")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_pages_walk_through_every_article_once_following_next(client, api_articles):
    seen, url, pages = [], f"{API}/articles?page_size=7", 0
    while url:
        payload = client.get(url).json()
        seen += _ids(payload)
        pages += 1
        url = payload["next"]
    assert pages == 6 and len(seen) == len(set(seen)) == 38
    last = client.get(f"{API}/articles", {"page_size": 7, "page": 6}).json()
    assert last["next"] is None and len(last["items"]) == 3
    assert last["previous"] == "http://testserver/api/v1/articles?page_size=7&page=5"


def test_page_links_keep_the_filters(client, api_articles):
    payload = client.get(f"{API}/articles", {"section": "world", "page_size": 3}).json()
    assert payload["next"] == "http://testserver/api/v1/articles?section=world&page_size=3&page=2"


@pytest.mark.parametrize(("asked", "served"), [("0", 1), ("-5", 1), ("1", 1), ("100", 100), ("101", 100), ("1000000000", 100), ("9" * 5000, 100)])
def test_page_sizes_are_clamped_to_1_to_100(client, api_articles, asked, served):
    payload = client.get(f"{API}/articles", {"page_size": asked}).json()
    assert payload["page_size"] == served
    assert len(payload["items"]) == min(served, 38)


@pytest.mark.parametrize("page", ["3", "1000000000", "9" * 5000])
def test_a_page_past_the_last_is_a_404(client, api_articles, page):
    response = client.get(f"{API}/articles", {"page": page})
    assert response.status_code == 404
    assert "past the last page (2)" in response.json()["error"]["message"]


def test_the_first_page_of_an_empty_listing_exists(client, db):
    payload = client.get(f"{API}/articles").json()
    assert payload == {"items": [], "page": 1, "page_size": 20, "total": 0, "next": None, "previous": None}


def test_filters_by_section(client, api_articles):
    payload = client.get(f"{API}/articles", {"section": "sport", "page_size": 100}).json()
    sport = [a.pk for a in api_articles if a.section and a.section.slug == "sport"]
    assert payload["total"] == len(sport) == 9
    assert set(_ids(payload)) == set(sport)
    assert {item["subjects"][0]["literal"] for item in payload["items"]} == {"sport"}


def test_an_unknown_section_is_a_404(client, api_articles):
    for slug in ("no-such-section", "not a slug", "drafts-only"):
        response = client.get(f"{API}/articles", {"section": slug})
        if slug == "drafts-only":  # exists, with only drafts: an empty listing
            assert response.json()["total"] == 0
        else:
            assert response.status_code == 404, slug
            assert response.json()["error"]["code"] == "not_found"


def test_since_is_inclusive_and_until_exclusive(client, api_articles):
    newest_first = sorted(api_articles, key=lambda a: (a.published_at, a.pk), reverse=True)
    since, until = newest_first[9].published_at, newest_first[2].published_at
    payload = client.get(f"{API}/articles", {"since": _rfc3339(since), "until": _rfc3339(until), "page_size": 100}).json()
    assert _ids(payload) == [a.pk for a in newest_first[3:10]]


def test_since_and_until_honour_the_offset(client, api_articles):
    newest = max(api_articles, key=lambda a: a.published_at)
    at_plus_two = newest.published_at.astimezone(timezone(timedelta(hours=2))).isoformat()
    assert _ids(client.get(f"{API}/articles", {"since": at_plus_two}).json()) == [newest.pk]
    assert client.get(f"{API}/articles", {"since": "2000-01-01T00:00:00+14:00", "until": "2000-01-01T00:00:00Z"}).json()["total"] == 0


def test_dates_at_the_ends_of_the_calendar_are_answered(client, api_articles):
    assert client.get(f"{API}/articles", {"since": "0001-01-01T00:00:00+23:59"}).json()["total"] == 38
    assert client.get(f"{API}/articles", {"until": "9999-12-31T23:59:59.999999999-23:59"}).json()["total"] == 38
    assert client.get(f"{API}/articles", {"since": "9999-12-31T23:59:60Z"}).json()["total"] == 0


def test_one_article_by_id(client, api_articles):
    article = api_articles[5]
    response = client.get(f"{API}/articles/{article.pk}")
    assert response.status_code == 200
    item = response.json()
    assert item["uri"] == f"http://testserver{article.get_absolute_url()}"
    assert item["headlines"][0]["value"] == article.headline


@pytest.mark.parametrize(("id_", "status"), [("abc", 400), ("0", 400), ("-1", 400), ("1.5", 400), ("9" * 40, 400), ("9223372036854775807", 404)])
def test_a_bad_or_unknown_id_is_a_json_error(client, db, id_, status):
    response = client.get(f"{API}/articles/{id_}")
    assert response.status_code == status
    assert response.json()["error"]["code"] == ("bad_parameter" if status == 400 else "not_found")


def _rfc3339(moment) -> str:
    return moment.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")
