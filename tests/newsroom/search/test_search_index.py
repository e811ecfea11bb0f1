"""Search over the real index (FTS5 on SQLite, tsvector on PostgreSQL): what a reader finds, and never finds."""

from __future__ import annotations

from datetime import timedelta

import pytest

from newsdesk.newsroom.models import Article, Entity, Mention, Source
from newsdesk.newsroom.search import SearchQuery, search

pytestmark = pytest.mark.django_db


def test_every_word_must_match_in_headline_or_body(find, harbour_desk):
    assert set(find("ferry strike")) == {
        "Ferry strike closes the harbour", "Harbour reopens after the strike", "Cargo prices rise",
    }
    assert find("ferry shift") == []


def test_word_forms_are_found_by_their_stem(find, harbour_desk):
    assert "Harbour reopens after the strike" in find("sails")  # "sailed"


def test_a_quoted_phrase_matches_only_those_words_together(find, harbour_desk):
    assert find('"ferry strike"') == ["Ferry strike closes the harbour", "Cargo prices rise"]
    assert find('"strike ferry"') == []


def test_an_excluded_word_or_phrase_removes_articles(find, harbour_desk):
    assert set(find("ferry -strike")) == {"Cup final goes to extra time"}
    assert "Cargo prices rise" not in find('ferry -"strike began"')


def test_headline_matches_rank_above_body_matches(find, harbour_desk):
    assert find("harbour")[:2] == ["Ferry strike closes the harbour", "Harbour reopens after the strike"]
    # "cargo" is in one headline and one body; the headline one wins although it is older
    assert find("cargo")[0] == "Cargo prices rise"


def test_at_equal_relevance_the_fresher_story_ranks_first(article_factory, find, now):
    for days in (30, 1, 10):
        article_factory(headline=f"Lighthouse keeper retires ({days})", body_html="<p>Same words.</p>", published=now - timedelta(days=days))
    assert find("lighthouse keeper") == [
        "Lighthouse keeper retires (1)", "Lighthouse keeper retires (10)", "Lighthouse keeper retires (30)",
    ]


def test_a_much_better_match_beats_a_fresher_weak_one(article_factory, find, now):
    filler = " ".join(["The council met and talked about roads, budgets and schools."] * 12)
    article_factory(headline="Council agenda", body_html=f"<p>{filler} A lighthouse was mentioned.</p>", published=now)
    article_factory(
        headline="Lighthouse restored", body_html="<p>The lighthouse, the oldest lighthouse on the coast, shines again.</p>",
        published=now - timedelta(days=60),
    )
    assert find("lighthouse") == ["Lighthouse restored", "Council agenda"]


def test_drafts_and_every_unpublished_status_are_never_found(find, harbour_desk):
    assert "Draft: ferry strike talks" not in find("ferry")
    assert find("unpublished") == []
    for status in ("draft", "ready", "scheduled", "unpublished", "killed"):
        Article.objects.filter(pk=harbour_desk[0].pk).update(status=status)
        assert "Ferry strike closes the harbour" not in find("ferry"), status
    Article.objects.filter(pk=harbour_desk[0].pk).update(status="published")
    assert "Ferry strike closes the harbour" in find("ferry")


def test_a_killed_article_saved_by_the_desk_is_gone(find, harbour_desk):
    article = harbour_desk[0]
    article.status = Article.Status.KILLED
    article.kill_notice = "Withdrawn."
    article.save()
    assert "Ferry strike closes the harbour" not in find("harbour")


def test_an_updated_article_is_found_by_its_new_words_only(find, harbour_desk):
    article = harbour_desk[3]
    article.headline = "Fish market moves to the quay"
    article.body_html = "<p>Stalls <strong>reopened</strong> by the quay.</p>"
    article.save()
    assert find("quay reopened") == ["Fish market moves to the quay"]
    assert find("traders") == []


def test_a_deleted_article_is_gone(find, harbour_desk):
    harbour_desk[0].delete()
    assert "Ferry strike closes the harbour" not in find("ferry")
    assert find("walked") == []


def test_filters_by_section_source_entity_and_date_range(find, harbour_desk, now):
    wire = Source.objects.create(name="Coast Wire", slug="coast-wire")
    Article.objects.filter(pk=harbour_desk[2].pk).update(source=wire)
    union = Entity.objects.create(kind="organisation", name="Dockers' Union", slug="dockers-union")
    Mention.objects.create(article=harbour_desk[1], entity=union)
    assert find("ferry", section="business") == ["Cargo prices rise"]
    assert find("ferry", source="coast-wire") == ["Cargo prices rise"]
    assert find("ferry", entity="dockers-union") == ["Harbour reopens after the strike"]
    assert set(find("ferry", since=now - timedelta(days=2, hours=12), until=now - timedelta(hours=36))) == {
        "Harbour reopens after the strike",
    }
    assert find("ferry", section="nowhere") == [] and find("ferry", entity="nobody") == []


def test_markup_is_not_searched_but_its_text_is(article_factory, find):
    article_factory(headline="Telecoms merger", body_html='<p>Regulators cleared the <a href="https://x.example/strong">AT&amp;T</a> deal.</p>')
    assert find("AT&T") == ["Telecoms merger"]
    assert find("href") == [] and find("strong") == []


@pytest.mark.parametrize(
    "text",
    ['"', 'ferry"', '"ferry', "NEAR(ferry strike)", "ferry OR", "ferry AND NOT", "headline:ferry", "ferry*", "^ferry",
     "(((", "'; DROP TABLE newsroom_article; --", "ferry \x01\x1b\ufffe", "-ferry", "\x00", "ferry\x00", "ferry " * 2000,
     "x" * 10_000, "\\", "&amp; &lt;", "<script>alert(1)</script>", "ｆｅｒｒｙ", "🚢 ferry"],
)
def test_hostile_queries_never_error(harbour_desk, text):
    page = search(SearchQuery(text=text))
    assert page.total == len(page.hits) or page.total > len(page.hits)
    assert all(hit.article_id for hit in page.hits)


def test_operator_words_are_searched_as_words(find, harbour_desk):
    assert set(find("ferry OR")) == set()  # "or" is a word no story holds, not an operator
    assert find("ferry NEAR strike") == []


def test_pages_split_the_ranked_list_and_clamp_their_size(article_factory, now):
    for n in range(7):
        article_factory(headline=f"Regatta day {n}", published=now - timedelta(hours=n))
    first = search(SearchQuery(text="regatta", page_size=3))
    third = search(SearchQuery(text="regatta", page_size=3, page=3))
    assert (first.total, first.pages, len(first.hits), len(third.hits)) == (7, 3, 3, 1)
    assert search(SearchQuery(text="regatta", page_size=1000)).page_size == 100
    assert search(SearchQuery(text="regatta", page=9)).hits == []


def test_snippets_mark_the_words_and_escape_everything_else(article_factory):
    article_factory(
        headline='Ferry <script>alert(1)</script> "sails" \x02again\x03',
        body_html="<p>The &lt;img src=x onerror=alert(2)&gt; ferry sailed &amp; docked.</p>",
    )
    hit = search(SearchQuery(text="ferry")).hits[0]
    assert hit.headline_html.startswith("<mark>Ferry</mark> &lt;script&gt;alert(1)&lt;/script&gt; &quot;sails&quot; again")
    assert "&lt;img src=x onerror=alert(2)&gt; <mark>ferry</mark> sailed &amp; docked" in hit.snippet_html
    assert "<script" not in hit.headline_html + hit.snippet_html and "<img" not in hit.snippet_html
    assert hit.rank > 0


def test_past_the_ranking_cap_the_newest_added_matches_are_ranked_and_the_total_says_so(article_factory, monkeypatch):
    from newsdesk.newsroom.search import service

    made = [article_factory(headline=f"Tide table {n}") for n in range(7)]
    monkeypatch.setattr(service, "RANKED_MAX", 5)
    page = search(SearchQuery(text="tide"))
    assert (page.total, page.capped) == (5, True)
    assert {hit.article_id for hit in page.hits} == {article.pk for article in made[2:]}
    assert search(SearchQuery(text="tide 6")).capped is False


def test_text_that_looks_like_markup_is_searched_and_shown_whole(article_factory):
    article_factory(headline="Browser bug", body_html="<p>Typing &lt;img src=x onerror=alert(1)&gt; crashed the ferry app.</p>")
    hit = search(SearchQuery(text="onerror ferry")).hits[0]
    assert "&lt;img src=x onerror=alert(1)&gt; crashed the <mark>ferry</mark> app" in hit.snippet_html.replace("<mark>onerror</mark>", "onerror")
