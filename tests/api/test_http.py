"""What every API answer carries: ETags and 304s, public caching, CORS, JSON errors; and no writes at all."""

from __future__ import annotations

import pytest
from api_testing import API

pytestmark = pytest.mark.django_db

GETS = ["/articles", "/articles/{id}", "/sections", "/sections/world", "/search?q=report", "/openapi.json"]
WRITES = ["post", "put", "patch", "delete"]


def _url(path: str, api_articles) -> str:
    return API + path.format(id=api_articles[0].pk)


@pytest.mark.parametrize("path", GETS)
def test_every_get_has_a_strong_etag_and_answers_304_when_it_still_holds(client, api_articles, path):
    url = _url(path, api_articles)
    first = client.get(url)
    etag = first["ETag"]
    assert first.status_code == 200 and etag.startswith('"') and not etag.startswith("W/")
    assert client.get(url)["ETag"] == etag, "the same data, the same ETag"

    for held in (etag, f'"other", {etag}', f"W/{etag}", "*"):
        again = client.get(url, headers={"If-None-Match": held})
        assert again.status_code == 304, held
        assert again.content == b""
        assert again["ETag"] == etag and again["Cache-Control"] == "public, max-age=60"
    assert client.get(url, headers={"If-None-Match": '"stale"'}).status_code == 200


def test_the_etag_changes_when_the_data_does(client, api_articles, article_factory):
    before = client.get(f"{API}/articles")["ETag"]
    article_factory(headline="Breaking: a new story")
    after = client.get(f"{API}/articles", headers={"If-None-Match": before})
    assert after.status_code == 200 and after["ETag"] != before


@pytest.mark.parametrize("path", GETS)
def test_every_get_is_public_cacheable_and_readable_from_any_origin(client, api_articles, path):
    response = client.get(_url(path, api_articles))
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "public, max-age=60"
    assert "Accept-Encoding" in response["Vary"]
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert "Set-Cookie" not in response


def test_head_answers_like_get_without_a_body(client, api_articles):
    get, head = client.get(f"{API}/articles"), client.head(f"{API}/articles")
    assert head.status_code == 200 and head.content == b"" and head["ETag"] == get["ETag"]


def test_options_is_a_cors_preflight(client, db):
    response = client.options(f"{API}/articles")
    assert response.status_code == 204
    assert response["Allow"] == response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert response["Access-Control-Allow-Headers"] == "If-None-Match"


def _database_state() -> dict:
    from newsdesk.newsroom.models import Article, ArticleVersion, RawItem, Section, Source, ViewCount

    return {model.__name__: list(model.objects.order_by("pk").values()) for model in (Article, ArticleVersion, Section, Source, RawItem, ViewCount)}


@pytest.mark.parametrize("path", GETS)
def test_writes_are_refused_with_405_and_change_nothing(client, api_articles, admin_user, path):
    client.force_login(admin_user)  # not even a superuser's session can write through the API
    before = _database_state()
    url = _url(path, api_articles)
    body = {"headline": "Changed", "status": "draft", "section": "Sport"}
    for method in WRITES:
        for response in (getattr(client, method)(url, body, content_type="application/json"), getattr(client, method)(url)):
            assert response.status_code == 405
            assert response["Allow"] == "GET, HEAD, OPTIONS"
            message = f"{method.upper()} is not allowed: the API is read-only"
            assert response.json() == {"error": {"code": "method_not_allowed", "message": message}}
    assert _database_state() == before


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("page=abc", "page"), ("page=0", "page"), ("page=-1", "page"), ("page=1.5", "page"), ("page=", "page"),
        ("page=%EF%BC%91", "page"),  # a full-width digit one: a number to Python's int(), not to the document
        ("page_size=abc", "page_size"), ("page_size=1e3", "page_size"), ("page_size=", "page_size"),
        ("since=yesterday", "since"), ("since=2025-09-04", "since"), ("since=2025-09-04T10:00:00", "since"),
        ("since=2025-13-01T00:00:00Z", "since"), ("since=2025-02-30T00:00:00Z", "since"),
        ("since=2025-09-04T10:00:00%2B25:00", "since"), ("since=2025-09-04T10:00:00Z%0A", "since"),
        ("until=0000-01-01T00:00:00Z", "until"), ("until=%00", "until"),
    ],
)
def test_a_bad_parameter_is_a_400_naming_it(client, db, query, parameter):
    response = client.get(f"{API}/articles?{query}")
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["code"] == "bad_parameter" and error["message"].startswith(f"{parameter}: ")


@pytest.mark.parametrize("path", ["/nope", "/articles/", "/articles/1/extra", "/sections/", "/"])
def test_an_unknown_api_url_is_a_json_404_not_the_site_page(client, db, path):
    for response in (client.get(f"{API}{path}"), client.post(f"{API}{path}")):
        assert response.status_code == 404, path
        assert response.json()["error"]["code"] == "not_found"
