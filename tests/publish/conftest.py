"""A syndicated story with every field a feed or sitemap shows (our own words), and a hostile one."""

from __future__ import annotations

from datetime import timedelta

import pytest

# No NUL: PostgreSQL refuses it in text, so it can never reach a feed.
HOSTILE_HEADLINE = "Port strike ends </script><script>alert(1)</script> ]]> \x08\x0b\x1f\ufffe as deal is signed"
HOSTILE_BODY = "<p>Dockers voted ]]> to return <script>alert(2)</script> \x01\x1b on Monday.</p><p>Cargo moved &amp; ships sailed.</p>"


@pytest.fixture
def ferry_fields() -> dict:
    from newsdesk.core import clock
    from newsdesk.core.draft import Picture

    published = clock.now() - timedelta(hours=3)
    return {
        "headline": "Night ferry returns to the Baltic after a ten-year pause",
        "section": "World",
        "published": published,
        "updated": published + timedelta(hours=1),
        "dateline": "TALLINN",
        "byline": "By Liis Tamm and Jonas Berg",
        "credit": "Reuters",
        "original_url": "https://wire.example/world/night-ferry-returns",
        "picture": Picture(url="https://images.example/ferry-at-dawn.png", caption="The ferry leaves at dawn", credit="Kadri Saar"),
        "body_html": (
            "<p>A night ferry between Tallinn and Stockholm sailed on Friday for the first time in ten years.</p>"
            "<p>“We missed the sea,” one passenger said.</p>"
        ),
    }


@pytest.fixture
def ferry_article(article_factory, ferry_fields):
    return article_factory(**ferry_fields)


@pytest.fixture
def hostile_article(article_factory):
    """Markup, a CDATA end and control characters in the headline and the body."""
    return article_factory(headline=HOSTILE_HEADLINE, body_html=HOSTILE_BODY, section="World")
