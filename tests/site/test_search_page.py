"""/search: a reader finds published stories with their words marked, filters them, pages through them."""

from __future__ import annotations

from datetime import timedelta

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def regatta(article_factory):
    from newsdesk.core import clock

    now = clock.now()
    made = [
        article_factory(headline=f"Regatta heat {n}", body_html=f"<p>Boats raced in heat {n} of the regatta.</p>",
                        section=("Sport", "World")[n % 2], published=now - timedelta(days=n))
        for n in range(25)
    ]
    article_factory(headline="Regatta draft", body_html="<p>Not yet.</p>", publish=False)
    return made


def test_the_search_box_is_in_every_page_header(client, regatta):
    html = client.get("/").content.decode()
    assert 'action="/search"' in html and 'name="q"' in html


def test_results_are_marked_linked_and_paged(client, regatta):
    response = client.get("/search", {"q": "regatta"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "25 stories found, page 1 of 2" in html
    assert "<mark>Regatta</mark> heat 0" in html and regatta[0].get_absolute_url() in html
    assert "Regatta draft" not in html
    assert 'rel="next" href="?q=regatta&amp;page=2"' in html
    second = client.get("/search", {"q": "regatta", "page": 2}).content.decode()
    assert "</mark> heat 24" in second and 'rel="prev"' in second


def test_filters_narrow_the_results(client, regatta):
    html = client.get("/search", {"q": "regatta", "section": "sport"}).content.decode()
    assert "13 stories found" in html and "Regatta heat 1<" not in html
    from newsdesk.core import clock

    today = clock.now().date()
    dated = client.get("/search", {"q": "regatta", "from": str(today - timedelta(days=2)), "to": str(today)}).content.decode()
    assert "3 stories found" in dated or "2 stories found" in dated  # heat 2 lands on either side of midnight UTC


def test_no_results_says_so(client, regatta):
    html = client.get("/search", {"q": "submarine"}).content.decode()
    assert "No stories match <strong>submarine</strong>" in html


def test_hostile_text_is_escaped_and_never_errors(client, article_factory):
    article_factory(headline="Ferry sails", body_html="<p>&lt;img src=x onerror=alert(1)&gt; &lt;script&gt;alert(2)&lt;/script&gt; ferry</p>")
    html = client.get("/search", {"q": 'ferry "<script>alert(3)</script>'}).content.decode()
    assert "<img src=x" not in html and "<script>alert" not in html
    html = client.get("/search", {"q": "ferry"}).content.decode()
    # the text is shown as text (a snippet may start after the first "<", where PostgreSQL's fragment begins)
    assert "img src=x onerror=alert(1)&gt; &lt;script&gt;alert(2)&lt;/script&gt; <mark>ferry</mark>" in html
    for text in ('"', "NEAR(", "x" * 10_000, "\x00", "-ferry", "ferry AND OR NOT"):
        assert client.get("/search", {"q": text, "page": "abc", "from": "not-a-date"}).status_code == 200
