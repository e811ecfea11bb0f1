"""Articles go out as IPTC ninjs 3.1 that the shipped schema accepts, with every link absolute."""

from __future__ import annotations

from datetime import timedelta

import pytest

from api_testing import API, ninjs_errors

pytestmark = pytest.mark.django_db
BASE = "http://testserver/"


def test_the_validator_really_checks_formats(ninjs_validator):
    """Without a format checker (or its packages) "uri" and "date-time" would pass anything."""
    assert ninjs_errors(ninjs_validator, {"uri": "not a uri"})
    assert ninjs_errors(ninjs_validator, {"uri": "https://x.example/", "firstCreated": "yesterday"})
    assert ninjs_errors(ninjs_validator, {"uri": "https://x.example/a b"})
    assert not ninjs_errors(ninjs_validator, {"uri": "https://x.example/", "firstCreated": "2025-09-04T09:30:00Z"})


def test_every_article_of_the_test_set_validates_against_ninjs_3_1(client, api_articles, ninjs_validator):
    items = client.get(f"{API}/articles", {"page_size": 100}).json()["items"]
    assert len(items) == len(api_articles)
    for item in items:
        assert ninjs_errors(ninjs_validator, item) == [], item["uri"]
        assert client.get(f"{API}/articles/{_id(item)}").json() == item


def test_a_syndicated_story_keeps_every_field_in_its_ninjs_property(article_factory, ninjs_validator):
    from newsdesk.core import clock
    from newsdesk.core.draft import Picture
    from newsdesk.publish.ninjs_out import article_to_ninjs

    published = clock.now().replace(microsecond=0) - timedelta(hours=3)
    article = article_factory(
        headline="Night ferry returns to the Baltic",
        section="World",
        published=published,
        updated=published + timedelta(hours=1),
        dateline="TALLINN",
        byline="By Liis Tamm",
        credit="Reuters",
        original_url="https://wire.example/world/night-ferry",
        summary="The ferry is back.",
        picture=Picture(url="https://images.example/ferry.png", caption="The ferry leaves at dawn", credit="Kadri Saar"),
        body_html="<p>A night ferry sailed on Friday.</p><p>“We missed the sea,” one passenger said.</p>",
        language="en-GB",
    )
    item = article_to_ninjs(article, BASE)

    assert ninjs_errors(ninjs_validator, item) == []
    assert item["uri"] == f"http://testserver/article/{article.pk}/night-ferry-returns-to-the-baltic/"
    assert item["type"] == "text" and item["language"] == "en-GB"
    assert item["headlines"] == [{"role": "main", "contentType": "text/plain", "value": "Night ferry returns to the Baltic"}]
    assert item["descriptions"][0]["value"] == "The ferry is back."
    body = item["bodies"][0]
    assert body["contentType"] == "text/html" and body["value"] == article.body_html
    assert body["wordCount"] == 13
    assert item["firstCreated"] == published.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert item["versionCreated"] == (published + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert item["located"] == "TALLINN"
    assert item["by"] == "By Liis Tamm"
    assert item["infoSources"] == [{"name": "Reuters", "role": "source"}]
    assert item["subjects"] == [{"name": "World", "rel": "section", "literal": "world", "uri": "http://testserver/section/world/"}]
    assert item["associations"] == [{
        "name": "lead-image",
        "rel": "lead-image",
        "uri": "https://images.example/ferry.png",
        "type": "picture",
        "descriptions": [{"role": "caption", "contentType": "text/plain", "value": "The ferry leaves at dawn"}],
        "by": "Kadri Saar",
        "renditions": [{"name": "original", "href": "https://images.example/ferry.png"}],
    }]
    assert item["renditions"] == [{"name": "page", "href": item["uri"], "contentType": "text/html"}]
    assert {"role": "newsdesk-id", "value": str(article.pk)} in item["altIds"]
    assert {"role": "original-url", "value": "https://wire.example/world/night-ferry"} in item["altIds"]
    assert "<span" not in body["value"], "the dateline lives in `located`, not in the body"


@pytest.mark.parametrize(
    ("stored", "uri"),
    [
        ("/static/site/logo.png", "http://testserver/static/site/logo.png"),
        ("https://images.example/fotos/praça do comércio.jpg", "https://images.example/fotos/pra%C3%A7a%20do%20com%C3%A9rcio.jpg"),
        ("https://bücher.example/cover.png", "https://xn--bcher-kva.example/cover.png"),
        ("https://images.example/100%.jpg?size=[large]", "https://images.example/100%25.jpg?size=%5Blarge%5D"),
    ],
)
def test_the_lead_picture_gets_an_absolute_uri_the_schema_accepts(article_factory, ninjs_validator, stored, uri):
    from newsdesk.core.draft import Picture
    from newsdesk.publish.ninjs_out import article_to_ninjs

    item = article_to_ninjs(article_factory(picture=Picture(url=stored, caption="A photo")), BASE)
    assert item["associations"][0]["uri"] == uri
    assert item["associations"][0]["renditions"] == [{"name": "original", "href": uri}]
    assert ninjs_errors(ninjs_validator, item) == []


def test_a_refused_picture_url_keeps_its_caption_and_no_link(article_factory, ninjs_validator):
    from newsdesk.core.draft import Picture
    from newsdesk.publish.ninjs_out import article_to_ninjs

    article = article_factory(picture=Picture(url="javascript:alert(1)", caption="Caption only"))
    picture = article_to_ninjs(article, BASE)["associations"][0]
    assert picture["uri"] == f"urn:newsdesk:picture:{article.pk}"
    assert "renditions" not in picture
    assert picture["descriptions"][0]["value"] == "Caption only"


def test_an_article_without_section_credit_or_picture_leaves_those_properties_out(article_factory, ninjs_validator):
    from newsdesk.publish.ninjs_out import article_to_ninjs

    item = article_to_ninjs(article_factory(section=None), BASE)
    assert not {"subjects", "infoSources", "associations", "located", "by"} & item.keys()
    assert ninjs_errors(ninjs_validator, item) == []


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/a", "https://example.com/a"),
        ("HTTPS://Example.COM:8443/a?b=c#d", "https://example.com:8443/a?b=c#d"),
        ("https://user:secret@example.com/a", "https://example.com/a"),
        ("https://[2001:db8::1]/a", "https://[2001:db8::1]/a"),
        ("https://exa mple.com/a", None),
        ("https://example.com:99999/a", None),
        ("javascript:alert(1)", None),
        ("/relative/path", None),
    ],
)
def test_strict_uri(url, expected):
    from newsdesk.publish.uri import strict_uri

    assert strict_uri(url) == expected


def _id(item: dict) -> str:
    return next(alt["value"] for alt in item["altIds"] if alt["role"] == "newsdesk-id")
