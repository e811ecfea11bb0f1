"""Articles to search: a handful with known words, through the real save path."""

from __future__ import annotations

from datetime import timedelta

import pytest


@pytest.fixture
def now():
    from newsdesk.core import clock

    return clock.now()


@pytest.fixture
def find():
    """``find("text", section=…)`` → the headlines found, in rank order (first page, up to 100)."""
    from newsdesk.newsroom.models import Article
    from newsdesk.newsroom.search import SearchQuery, search

    def run(text: str, **filters) -> list[str]:
        page = search(SearchQuery(text=text, page_size=100, **filters))
        headlines = dict(Article.objects.filter(pk__in=[hit.article_id for hit in page.hits]).values_list("pk", "headline"))
        return [headlines[hit.article_id] for hit in page.hits]

    return run


@pytest.fixture
def harbour_desk(article_factory, now):
    """Five published stories and one draft, a day apart, each with words of its own."""
    stories = [
        ("Ferry strike closes the harbour", "<p>Dock workers walked out at dawn; no ferry left the harbour.</p>", "World", 1),
        ("Harbour reopens after the strike", "<p>The first ferry sailed at noon as the strike ended.</p>", "World", 2),
        ("Cargo prices rise", "<p>Shipping cargo costs more since the ferry strike began.</p>", "Business", 3),
        ("Night shift at the market", "<p>Traders keep a night shift running while the port is shut.</p>", "Business", 4),
        ("Cup final goes to extra time", "<p>The final ran long; fans took the last ferry home.</p>", "Sport", 5),
    ]
    made = [
        article_factory(headline=h, body_html=b, section=s, published=now - timedelta(days=d)) for h, b, s, d in stories
    ]
    article_factory(headline="Draft: ferry strike talks", body_html="<p>Unpublished ferry copy.</p>", publish=False)
    return made
