"""A story modelled on the reference page (our own words): section, photo, dateline, credit."""

from __future__ import annotations

from datetime import timedelta

import pytest

HARBOUR_CAPTION = (
    "Portugal's prime minister and Spain's prime minister arrive for a dinner at the Ajuda Palace, "
    "following a naval review marking fifty years of the joint fisheries treaty, in Lisbon on September 3, 2025"
)


@pytest.fixture
def harbour_fields() -> dict:
    """The Draft fields of a syndicated story shaped like the reference page."""
    from newsdesk.core import clock
    from newsdesk.core.draft import Picture

    return {
        "headline": "Iberian leaders meet a day after joint naval review in Lisbon",
        "section": "World",
        "published": clock.now() - timedelta(hours=2),
        "dateline": "LISBON",
        "byline": "By Ana Ribeiro and Tomás Vidal",
        "credit": "CNN",
        "original_url": "https://wire.example/world/iberian-leaders-meet",
        "picture": Picture(url="https://images.example/ajuda-palace.jpg", caption=HARBOUR_CAPTION, credit="Pedro Nunes/Reuters"),
        "body_html": (
            "<p>The prime ministers of Portugal and Spain sat down for formal talks in Lisbon on Thursday, "
            "a day after the two navies sailed together in the largest review the Tagus has seen in decades.</p>"
            "<p>The leaders met at the Ajuda Palace, state media reported, in their first formal meeting in three years.</p>"
            "<p>“We share a coast, a catch and a future,” the Portuguese prime minister said.</p>"
        ),
    }


@pytest.fixture
def harbour_article(article_factory, harbour_fields):
    return article_factory(**harbour_fields)


@pytest.fixture
def rail_articles(article_factory):
    """Three other World stories from seven hours ago, as in the reference page's HIGHLIGHTS."""
    from newsdesk.core import clock

    seven_hours_ago = clock.now() - timedelta(hours=7, minutes=5)
    headlines = (
        "Out of control: witnesses describe tram crash on steep Porto hill",
        "Storm closes ports along the Galician coast",
        "Dozens rescued after ferry runs aground in river delta",
    )
    return [article_factory(headline=h, section="World", published=seven_hours_ago) for h in headlines]
