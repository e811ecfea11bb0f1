"""A newsroom's worth of published articles for the API (our own words), and the ninjs 3.1 validator."""

from __future__ import annotations

from datetime import timedelta

import pytest
from api_testing import ninjs_3_1_validator

SECTIONS = ("World", "Sport", "Business", "Culture")
# Markup and control characters a wire may send (no NUL: PostgreSQL refuses it in text).
HOSTILE_HEADLINE = 'Port strike ends </script><script>alert(1)</script> "quoted" \x08\x1f\ufffe as deal is signed'
HOSTILE_BODY = "<p>Dockers voted to return <script>alert(2)</script> \x01\x1b on Monday.</p><p>Cargo moved &amp; ships sailed.</p>"


@pytest.fixture
def api_articles(article_factory) -> list:
    """38 published articles (36 over four sections and three days, two older odd ones) and two drafts.

    Pictures: an absolute URL, a path on our site, a URL with spaces and
    accents, an IDN host, a ``javascript:`` one that only keeps its caption,
    and none. Bylines and credits come and go; one headline and body are
    hostile; one body writes "AT&T" as HTML does.
    """
    from newsdesk.core import clock
    from newsdesk.core.draft import Picture

    pictures = (
        Picture(url="https://images.example/harbour.jpg", caption="The harbour at dawn", credit="Ana Reis/Reuters"),
        Picture(url="/static/site/logo.png", caption="Our own picture"),
        Picture(url="https://images.example/fotos/praça do comércio 2025.jpg", caption="Praça do Comércio", credit="Luís"),
        Picture(url="https://bücher.example/cover.png"),
        Picture(url="javascript:alert(1)", caption="A caption whose photo was refused"),
        None,
    )
    now = clock.now()
    made = []
    for number in range(36):
        made.append(article_factory(
            headline=f"{SECTIONS[number % 4]} report {number}: ferries, markets and matches",
            section=SECTIONS[number % 4],
            published=now - timedelta(hours=2 * number + 1),
            updated=(now - timedelta(hours=2 * number)) if number % 3 == 0 else None,
            picture=pictures[number % len(pictures)],
            byline="By Liis Tamm and Jonas Berg" if number % 2 else None,
            credit=("Reuters", "AP", None)[number % 3],
            dateline=("TALLINN", None)[number % 2],
            original_url=f"https://wire.example/story/{number}" if number % 4 else None,
            summary="A short summary." if number % 5 == 0 else None,
        ))
    made.append(article_factory(headline=HOSTILE_HEADLINE, body_html=HOSTILE_BODY, section="World", published=now - timedelta(days=4)))
    made.append(article_factory(
        headline="Telecoms merger cleared", section="Business", published=now - timedelta(days=5),
        body_html="<p>Regulators cleared the AT&amp;T deal on Friday.</p><p>Shares rose.</p>", language="en-GB",
    ))
    article_factory(headline="Embargoed draft about ferries", section="World", publish=False)
    article_factory(headline="Unpublished draft in a section of its own", section="Drafts Only", publish=False)
    return made


@pytest.fixture(scope="session")
def ninjs_validator():
    return ninjs_3_1_validator()
