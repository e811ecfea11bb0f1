"""GET /stories/{id}, /entities/{slug} and /articles/{id}/quotes: what they say, their ninjs, pages, ETags and 404s."""

from __future__ import annotations

import pytest
from api_testing import API, ninjs_errors
from story_rows import HOSTILE_NAME, HOSTILE_QUOTE, summit_rows

from newsdesk.newsroom.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows(article_factory):
    return summit_rows(article_factory)


@pytest.fixture
def document(client) -> dict:
    return client.get(f"{API}/openapi.json").json()


def _documented(document: dict, name: str):
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    registry = Registry().with_resource("urn:newsdesk:openapi", Resource.from_contents(document, default_specification=DRAFT202012))
    schema = {"$ref": f"urn:newsdesk:openapi#/components/schemas/{name}"}
    return Draft202012Validator(schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_story_gives_its_sources_entities_timeline_and_published_articles_as_ninjs(client, rows, ninjs_validator, document):
    response = client.get(f"{API}/stories/{rows.story.pk}")
    assert response.status_code == 200
    story = response.json()
    assert [e.message for e in _documented(document, "Story").iter_errors(story)] == []
    assert (story["id"], story["title"], story["slug"]) == (rows.story.pk, "Beijing military parade", "beijing-parade")
    assert story["url"] == f"http://testserver{rows.story.get_absolute_url()}"
    assert (story["article_count"], story["source_count"], story["sources"]) == (3, 3, ["AP", "Reuters", "CNN"])
    assert [e["slug"] for e in story["entities"][:2]] == ["beijing", "xi-jinping"] and story["entities"][0]["articles"] == 3
    assert [a["id"] for day in story["timeline"] for a in day["articles"]] == [rows.first.pk, rows.second.pk, rows.third.pk]
    items = story["articles"]["items"]
    assert [item["headlines"][0]["value"] for item in items] == [rows.third.headline, rows.second.headline, rows.first.headline]
    for item in items:
        assert ninjs_errors(ninjs_validator, item) == []


def test_story_articles_are_paged_like_every_listing(client, rows):
    first = client.get(f"{API}/stories/{rows.story.pk}?page_size=2").json()["articles"]
    assert (first["total"], first["page_size"], len(first["items"])) == (3, 2, 2)
    second = client.get(first["next"]).json()["articles"]
    assert [i["headlines"][0]["value"] for i in second["items"]] == [rows.first.headline]
    assert second["next"] is None
    assert client.get(f"{API}/stories/{rows.story.pk}?page=9").status_code == 404


def test_story_that_is_unknown_draft_only_or_badly_named_is_refused(client, rows):
    assert client.get(f"{API}/stories/999999").json()["error"]["code"] == "not_found"
    assert client.get(f"{API}/stories/abc").json()["error"]["code"] == "bad_parameter"
    Article.objects.filter(story=rows.story).update(status=Article.Status.DRAFT)
    assert client.get(f"{API}/stories/{rows.story.pk}").status_code == 404


def test_entity_gives_names_stories_co_occurring_entities_quotes_and_articles(client, rows, document, ninjs_validator):
    response = client.get(f"{API}/entities/edward-howell")
    assert response.status_code == 200
    entity = response.json()
    assert [e.message for e in _documented(document, "Entity").iter_errors(entity)] == []
    assert (entity["name"], entity["kind"], entity["description"]) == (
        "Edward Howell", "person", "a lecturer in politics at the University of Oxford",
    )
    assert [(s["title"], s["story_id"]) for s in entity["stories"]] == [("Beijing military parade", rows.story.pk)]
    assert {e["name"] for e in entity["co_occurring"]} == {"Xi Jinping", "Kim Jong Un", "Beijing", "University of Oxford"}
    assert [(q["speaker"], q["text"]) for q in entity["quotes"]] == [("Edward Howell", "China is not angry; it is confident")]
    assert [i["headlines"][0]["value"] for i in entity["articles"]["items"]] == [rows.second.headline]
    assert ninjs_errors(ninjs_validator, entity["articles"]["items"][0]) == []
    xi = client.get(f"{API}/entities/xi-jinping").json()
    assert xi["uri"] == "http://www.wikidata.org/entity/Q15031"
    assert xi["aliases"] == ["Chinese leader Xi Jinping", "Xi"]


def test_entity_named_only_by_drafts_or_unknown_is_not_found(client, rows):
    assert client.get(f"{API}/entities/{rows.draft_only.slug}").status_code == 404
    assert client.get(f"{API}/entities/nobody-at-all").status_code == 404
    assert client.get(f"{API}/entities/not%20a%20slug").json()["error"]["code"] == "not_found"


def test_article_quotes_are_speaker_and_text_in_order(client, rows, document):
    response = client.get(f"{API}/articles/{rows.second.pk}/quotes")
    quotes = response.json()
    assert [e.message for e in _documented(document, "QuoteList").iter_errors(quotes)] == []
    assert [(q["speaker"], q["text"]) for q in quotes] == [
        ("Edward Howell", "China is not angry; it is confident"), ("a parade spectator", "We came at dawn"),
    ]
    assert quotes[0]["speaker_entity"]["slug"] == "edward-howell" and quotes[1]["speaker_entity"] is None
    assert client.get(f"{API}/articles/{rows.third.pk}/quotes").json() == []


def test_quotes_of_an_unpublished_article_are_not_found(client, rows):
    assert client.get(f"{API}/articles/{rows.draft.pk}/quotes").status_code == 404
    assert client.get(f"{API}/articles/0/quotes").status_code == 400


def test_hostile_names_and_quotes_travel_as_plain_json_text(client, rows):
    quotes = client.get(f"{API}/articles/{rows.first.pk}/quotes").json()
    assert quotes == [{
        "speaker": HOSTILE_NAME, "text": HOSTILE_QUOTE, "speaker_entity": quotes[0]["speaker_entity"],
        "article_id": rows.first.pk, "position": 0,
    }]
    assert client.get(f"{API}/articles/{rows.first.pk}/quotes")["Content-Type"] == "application/json"


def test_every_new_endpoint_answers_304_to_its_own_etag(client, rows):
    for path in (f"/stories/{rows.story.pk}", "/entities/beijing", f"/articles/{rows.second.pk}/quotes"):
        response = client.get(f"{API}{path}")
        assert response["Cache-Control"] == "public, max-age=60"
        assert client.get(f"{API}{path}", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304, path
