"""Article pages: trafilatura's body plus our news fields (golden files in testdata/pages/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from draft_golden import draft_as_json, golden_compare, ninjs_errors

from newsdesk.core.errors import IngestError
from newsdesk.extract.page import draft_from_page

PAGES = Path(__file__).parent / "testdata" / "pages"
NOT_ARTICLES = ["login.html", "section-index.html"]
ARTICLES = sorted(p for p in PAGES.glob("*.html") if p.name not in NOT_ARTICLES)


def page_draft(name: str):
    return draft_from_page((PAGES / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_page_extracts_as_its_golden_file(path: Path) -> None:
    golden_compare(draft_as_json(draft_from_page(path.read_text(encoding="utf-8"))), path.with_suffix(".expected.json"))


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_page_draft_is_valid_ninjs(path: Path) -> None:
    assert ninjs_errors(draft_from_page(path.read_text(encoding="utf-8"))) == []


def test_there_are_at_least_four_golden_article_pages() -> None:
    assert len(ARTICLES) >= 4


def test_wordpress_title_loses_its_site_name_and_keeps_meta_fields() -> None:
    draft = page_draft("wordpress-bridge.html")
    assert draft.headline == "Council approves new footbridge over Mill Creek"
    assert (draft.section, draft.byline, draft.credit) == ("Local News", "Maria Okafor", "The Portville Post")
    assert draft.published.isoformat() == "2025-03-14T09:30:00+00:00"
    assert "Share this" not in draft.body_html and "Leave a Reply" not in draft.body_html
    assert "<em>Gareth Pim</em>" in draft.body_html


def test_json_ld_and_breadcrumbs_give_section_dates_authors_and_caption() -> None:
    draft = page_draft("bignews-glacier.html")
    assert draft.section == "World"
    assert draft.byline == "Lena Vogt, Tomasz Wróbel"
    assert draft.updated.isoformat() == "2025-09-10T14:40:00+02:00"
    assert draft.dateline == "GENEVA" and draft.body_html.startswith("<p>A glacier in the Swiss Alps")
    assert draft.picture.caption == "Researchers measure the ice depth on the upper Rhonefirn on September 2, 2025."
    assert draft.picture.credit == "Marc Aebi/Global Desk"
    for clutter in ("Advertisement", "Sign up for our Climate Now newsletter", "Most read", "Related"):
        assert clutter not in draft.body_html


def test_agency_dateline_and_copyright_line_become_fields() -> None:
    draft = page_draft("agency-wine.html")
    assert (draft.dateline, draft.credit, draft.byline) == ("PARIS", "AFP", "Claire Dubois")
    assert draft.body_html.startswith("<p>Grape pickers were at work")
    assert "©" not in draft.body_html and "(AFP)" not in draft.body_html


def test_figure_caption_credit_and_body_clutter_are_split_out() -> None:
    draft = page_draft("figure-foodbank.html")
    assert draft.picture.url == "https://valleyherald.example/media/2025/11/food-bank-volunteers.jpg"
    assert draft.picture.caption == "Volunteers sort donations in the church hall on Saturday."
    assert draft.picture.credit == "Tom Reyes/Valley Herald"
    assert (draft.byline, draft.section) == ("Rosa Lind", "Community")
    for clutter in ("By Rosa Lind", "Advertisement", "Read more", "Share this article", "newsletter", "Comments are closed"):
        assert clutter not in draft.body_html


@pytest.mark.parametrize("name", NOT_ARTICLES)
def test_page_without_an_article_is_refused(name: str) -> None:
    with pytest.raises(IngestError) as caught:
        page_draft(name)
    assert caught.value.reason == "no_article"
    assert "no article on this page" in str(caught.value)


@pytest.mark.parametrize("markup", ["", "<html></html>", "<html><body><p>Short.</p></body></html>"])
def test_empty_pages_are_refused_as_no_article(markup: str) -> None:
    with pytest.raises(IngestError) as caught:
        draft_from_page(markup)
    assert caught.value.reason == "no_article"


def test_scripts_and_event_handlers_in_a_page_never_reach_the_body() -> None:
    paragraphs = "".join(
        f"<p>The harbour board met on {day} and agreed to dredge the {part} channel before winter storms arrive.</p>"
        for day, part in (("Monday", "northern"), ("Tuesday", "southern"), ("Friday", "inner"))
    )
    markup = (
        "<html><head><title>Dredging | Gazette</title></head><body><article><h1>Dredging</h1>"
        + paragraphs
        + '<p onclick="alert(1)">Click <a href="javascript:alert(1)">here</a> for the vote count, which was nine to one.</p>'
        + "<script>alert('x')</script></article></body></html>"
    )
    body = draft_from_page(markup).body_html
    assert "alert" not in body and "onclick" not in body and "javascript:" not in body


STORY = "".join(
    f"<p>The harbour board met on {day} and agreed to dredge the {part} channel before the winter storms arrive, officials said.</p>"
    for day, part in (("Monday", "northern"), ("Tuesday", "southern"), ("Friday", "inner"))
)


def story_page(*, head: str = "", above: str = "", body: str = STORY, below: str = "") -> str:
    return (
        f"<html><head><title>Harbour to be dredged | Port Gazette</title>{head}</head><body><article>"
        f"<h1>Harbour to be dredged</h1>{above}<div class='story-body'>{body}</div>{below}</article></body></html>"
    )


@pytest.mark.parametrize(
    "photo",
    [
        "<div class='featured-image'><img src='https://x.example/a.jpg'><p class='wp-caption-text'>Dredgers wait in the harbour. AFP</p></div>",
        "<figure><img src='https://x.example/a.jpg'></figure><p class='wp-caption-text'>Dredgers wait in the harbour. AFP</p>",
        "<div class='photo'><img src='https://x.example/a.jpg'><p>Dredgers wait in the harbour. (AFP)</p></div>",
        "<figure><img src='https://x.example/a.jpg'><div class='Figure-content'><p>Dredgers wait in the harbour.</p>"
        "<div class='Figure-source'>(AFP)</div></div></figure>",
    ],
)
def test_a_caption_printed_outside_a_figcaption_is_found_with_its_credit(photo: str) -> None:
    picture = draft_from_page(story_page(above=photo)).picture
    assert (picture.caption, picture.credit) == ("Dredgers wait in the harbour.", "AFP")


def test_the_image_alt_text_is_the_caption_only_when_the_page_prints_none() -> None:
    bare = story_page(above="<figure><img src='https://x.example/a.jpg' alt='Dredgers in the harbour at dawn'></figure>")
    captioned = story_page(
        above="<figure><img src='https://x.example/a.jpg' alt='Dredgers in the harbour at dawn'>"
        "<figcaption>The dredger Nordkap arrives on Monday.</figcaption></figure>"
    )
    assert draft_from_page(bare).picture.caption == "Dredgers in the harbour at dawn"
    assert draft_from_page(captioned).picture.caption == "The dredger Nordkap arrives on Monday."


@pytest.mark.parametrize(
    "furniture",
    ["<p class='date'><time>November 3, 2025 15:10 JST</time> <span class='src'>KYODO</span></p>", "<p class='source'>Source: Kyodo</p>"],
)
def test_an_agency_credit_printed_outside_the_body_beats_the_site_name(furniture: str) -> None:
    head = "<meta property='og:site_name' content='Port Gazette'>"
    assert draft_from_page(story_page(head=head, above=furniture)).credit == "Kyodo"
    assert draft_from_page(story_page(head=head)).credit == "Port Gazette"


def test_the_dateline_agency_beats_the_host_name_and_the_body_starts_at_the_dateline() -> None:
    body = (
        "<p><a href='/tag/ports'>Ports</a></p><p>The board says the work will take six weeks and cost 2 million euros</p>"
        "<p>ROTTERDAM (AP) — The harbour board met on Monday and agreed to dredge the northern channel before winter.</p>"
        + STORY
    )
    draft = draft_from_page(story_page(body=body))
    assert (draft.dateline, draft.credit) == ("ROTTERDAM", "AP")
    assert draft.body_html.startswith("<p>The harbour board met on Monday and agreed to dredge the northern channel")
    assert draft.summary == "The board says the work will take six weeks and cost 2 million euros"
    assert "Ports" not in draft.body_html


def test_desk_codes_related_headlines_and_bare_credit_lines_leave_the_body() -> None:
    first, rest = STORY.split("</p>", 1)
    body = f"{first}</p><p><a href='/x'>Ferry fares to rise in spring</a></p>{rest}<p>Northwind Wire</p><p>str-ho/rsc</p>"
    draft = draft_from_page(story_page(body=body))
    assert draft.credit == "Northwind Wire"
    for leftover in ("Ferry fares", "Northwind Wire", "str-ho/rsc"):
        assert leftover not in draft.body_html


def test_a_paywall_ends_the_article_and_its_sales_pitch_is_not_body() -> None:
    gate = "<h2>Subscribe to continue reading</h2><p>Get unlimited digital access for just $1 a week. Cancel anytime at all.</p>"
    draft = draft_from_page(story_page(body=STORY + gate))
    assert "$1 a week" not in draft.body_html and draft.body_html.count("<p>") == 3


# No date or image in the meta tags, JSON-LD or a <time> we read: only trafilatura's metadata (htmldate for
# the date, <meta name="image">) has them. It is read only when a field falls back to it (extract/page/body.py).
_FALLBACK_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Harbour wall repaired after winter storms</title>
<meta name="image" content="https://cdn.example.org/photos/harbour-wall.jpg"></head><body>
<header><nav><a href="/">Home</a> <a href="/local">Local</a></nav></header><article>
<h1>Harbour wall repaired after winter storms</h1><p class="date">Published 12 March 2025</p>
<p>Work crews finished repairs to the eastern harbour wall on Tuesday, three months after winter storms tore a gap in it.</p>
<p>The harbour master said fishing boats could use the eastern berths again from next week, once divers have checked the footings.</p>
<p>The council paid for the repairs from its emergency fund and will ask the national government to refund part of the cost.</p>
</article></body></html>"""


@pytest.mark.parametrize("url", ["https://news.example.org/local/harbour-wall", None], ids=["url-known", "no-url"])
def test_date_and_image_only_trafilatura_finds_still_reach_the_draft(url: str | None) -> None:
    draft = draft_from_page(_FALLBACK_PAGE, url=url)
    assert draft.published.isoformat() == "2025-03-12T00:00:00+00:00"
    assert draft.picture.url == "https://cdn.example.org/photos/harbour-wall.jpg"
