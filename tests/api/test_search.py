"""GET /api/v1/search?q=: every word, in the headline or the body, any case and form, best first, paged like /articles."""

from __future__ import annotations

from datetime import timedelta

import pytest
from api_testing import API

pytestmark = pytest.mark.django_db


def _headlines(payload: dict) -> list[str]:
    return [item["headlines"][0]["value"] for item in payload["items"]]


def test_finds_every_word_in_headline_or_body_case_insensitively(client, api_articles):
    assert client.get(f"{API}/search", {"q": "FERRIES"}).json()["total"] == 36  # in every generated headline
    payload = client.get(f"{API}/search", {"q": "sport report 13:"}).json()
    assert _headlines(payload) == ["Sport report 13: ferries, markets and matches"]
    assert client.get(f"{API}/search", {"q": "dockers cargo"}).json()["total"] == 1  # both only in the hostile body


def test_every_word_must_match(client, api_articles):
    assert client.get(f"{API}/search", {"q": "ferries telecoms"}).json()["total"] == 0


def test_text_written_as_html_in_the_body_is_found_as_typed(client, api_articles):
    assert _headlines(client.get(f"{API}/search", {"q": "AT&T deal"}).json()) == ["Telecoms merger cleared"]


def test_drafts_are_never_found(client, api_articles):
    assert client.get(f"{API}/search", {"q": "embargoed"}).json()["total"] == 0


def test_search_pages_like_articles_and_keeps_q_in_its_links(client, api_articles):
    payload = client.get(f"{API}/search", {"q": "report", "page_size": 5}).json()
    assert payload["total"] == 36 and len(payload["items"]) == 5
    assert payload["next"] == "http://testserver/api/v1/search?q=report&page_size=5&page=2"
    assert client.get(payload["next"]).json()["page"] == 2


def test_search_within_a_section(client, api_articles):
    payload = client.get(f"{API}/search", {"q": "report", "section": "culture"}).json()
    assert payload["total"] == 9
    assert client.get(f"{API}/search", {"q": "report", "section": "nowhere"}).status_code == 404


@pytest.mark.parametrize("q", ["   ", "\x00", "ferries\x00"])
def test_blank_or_nul_text_finds_nothing(client, api_articles, q):
    response = client.get(f"{API}/search", {"q": q})
    assert response.status_code == 200 and response.json()["total"] == 0


@pytest.mark.parametrize("query", [{}, {"q": ""}, {"q": "x" * 201}])
def test_missing_empty_or_overlong_q_is_a_400(client, db, query):
    response = client.get(f"{API}/search", query)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "bad_parameter"
    assert response.json()["error"]["message"].startswith("q: ")


def test_hits_give_each_item_its_rank_and_marked_snippet_in_order(client, api_articles):
    payload = client.get(f"{API}/search", {"q": "dockers"}).json()
    assert len(payload["hits"]) == len(payload["items"]) == 1
    hit = payload["hits"][0]
    assert hit["id"] == int(next(a["value"] for a in payload["items"][0]["altIds"] if a["role"] == "newsdesk-id"))
    assert "<mark>Dockers</mark>" in hit["snippet"] and "<script>" not in hit["snippet"] + hit["headline"]
    ranks = [h["rank"] for h in client.get(f"{API}/search", {"q": "report"}).json()["hits"]]
    assert ranks == sorted(ranks, reverse=True)


def test_search_filters_by_date_range_and_refuses_unknown_source_or_entity(client, api_articles):
    from newsdesk.core import clock

    since = (clock.now() - timedelta(hours=6)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert client.get(f"{API}/search", {"q": "report", "since": since}).json()["total"] == 3  # reports 0, 1, 2
    assert client.get(f"{API}/search", {"q": "report", "source": "nowhere"}).status_code == 404
    assert client.get(f"{API}/search", {"q": "report", "entity": "nobody"}).status_code == 404
    assert client.get(f"{API}/search", {"q": "report", "page": 9}).status_code == 404
