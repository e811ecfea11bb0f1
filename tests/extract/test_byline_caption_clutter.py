"""Bylines, captions and chrome: the small readers the capture extractor is built from."""

from __future__ import annotations

import pytest

from newsdesk.extract import clutter
from newsdesk.extract.byline import byline_parse
from newsdesk.extract.caption import caption_split, photo_credit_only


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("By Jane Doe and John Roe, Reuters", "Jane Doe and John Roe, Reuters"),
        ("Jane Doe | AFP", "Jane Doe, AFP"),
        ("BY JANE DOE", "Jane Doe"),
        ("By JANE DOE and JOHN O'NEIL, AP", "Jane Doe and John O'Neil, AP"),
        ("By Jane Doe in Paris", "Jane Doe in Paris"),
        ("Written By: Jane Doe | Edited By: John Roe", "Jane Doe"),
        ("By Jane Doe, Reuters | Updated: Sep 4, 2025", "Jane Doe, Reuters"),
        ("Jane Doe · Senior Correspondent", "Jane Doe, Senior Correspondent"),
        ("By HANNAH PRICE-JONES Associated Press", "Hannah Price-Jones, Associated Press"),
        ("By FIONA McLEISH, Associated Press", "Fiona McLeish, Associated Press"),
        ("By INÊS CARVALHAL and MARK DUNSTAN", "Inês Carvalhal and Mark Dunstan"),
        ("By Calum Reid · Last updated 11:48 GMT", "Calum Reid"),
    ],
)
def test_byline_drops_by_and_dates(line, byline):
    assert byline_parse(line) == byline


@pytest.mark.parametrize(
    "line",
    ["By Monday, the talks had stalled.", "By the time he arrived, it was over.", "Jane Doe", "Middle East",
     "The Morning Ledger", "Home | News | World"],
)
def test_sentences_labels_and_bare_names_are_not_bylines(line):
    assert byline_parse(line) is None


def test_bare_name_is_a_byline_where_the_caller_says_bylines_sit():
    assert byline_parse("Jane Doe", bare=True) == "Jane Doe"
    assert byline_parse("World", bare=True) is None


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        ("Xi and Kim arrive in Beijing. Photo: Jane Doe/Reuters", "Xi and Kim arrive in Beijing.", "Jane Doe/Reuters"),
        ("Walter Briggs with the coat (Image: Supplied)", "Walter Briggs with the coat", "Supplied"),
        ("A bus waits at a stop. (AP Photo/Tom Harris)", "A bus waits at a stop.", "AP Photo/Tom Harris"),
        ("Tourists in Alfama. Photograph: Rui Matos/Reuters", "Tourists in Alfama.", "Rui Matos/Reuters"),
        ("Leaders arrive. Jane Doe/AFP via Getty Images", "Leaders arrive.", "Jane Doe/AFP via Getty Images"),
        ("Image caption, The ship spent six weeks there", "The ship spent six weeks there", None),
        ("Image source, Getty Images", "", "Getty Images"),
    ],
)
def test_caption_and_photo_credit_are_split(line, caption, credit):
    assert caption_split(line) == (caption, credit)


def test_bare_agency_credits_are_captions_only_above_the_body():
    line = "Xi and Kim arrive in Beijing (Reuters)"
    assert caption_split(line) is None
    assert caption_split(line, loose=True) == ("Xi and Kim arrive in Beijing", "Reuters")


@pytest.mark.parametrize("line", ["The image, taken on Monday, shows the damage.", "He took a photo: the damage was vast."])
def test_sentences_about_photos_are_not_captions(line):
    assert caption_split(line) is None and caption_split(line, loose=True) is None


def test_photo_credit_lines():
    assert photo_credit_only("AFP / Jean Martin") == "AFP / Jean Martin"
    assert photo_credit_only("Getty Images") == "Getty Images"
    assert photo_credit_only("Share") is None


@pytest.mark.parametrize(
    "line",
    ["Advertisement", "ADVERTISEMENT", "Sponsored", "Share", "Facebook Twitter WhatsApp Email", "Copy link",
     "Read more: Town's oldest pub to reopen", "READ MORE: Pub to reopen", "Also read: Metro services disrupted",
     "Sign up for our newsletter", "Subscribe", "Tags: rail, safety", "12 comments", "Comments (3)",
     "Listen to this article", "5 min read", "7 hours ago", "2h", "Yesterday", "Home > World > Asia",
     "News | Sport | Business | Opinion", "© 2025 Some Site. All rights reserved.",
     "We use cookies to improve your experience. By continuing you agree.", "Story continues below advertisement"],
)
def test_site_chrome_is_clutter(line):
    assert clutter.is_clutter(line) or clutter.is_rail_heading(line) or clutter.tag_list(line)


@pytest.mark.parametrize(
    "line",
    ["The council approved the plan on Tuesday after a short debate.", "Share prices fell 3% on the news.",
     "Xi meets Kim a day after show of unity with Putin at Chinese military parade"],
)
def test_article_lines_are_not_clutter(line):
    assert not clutter.is_clutter(line)


@pytest.mark.parametrize("line", ["HIGHLIGHTS", "Most read", "Most popular", "Related Stories", "More from World",
                                  "Trending", "You may also like"])
def test_rail_headings(line):
    assert clutter.is_rail_heading(line)


@pytest.mark.parametrize(("line", "count"), [("40 views", 40), ("1,204 views", 1204), ("Views: 1.2K", 1200),
                                             ("12 comments", None), ("World", None)])
def test_view_counter(line, count):
    assert clutter.view_count(line) == count


def test_vocabulary_tables_are_sorted_for_review():
    import ast
    from pathlib import Path

    import newsdesk.extract.vocab as vocab

    tree = ast.parse(Path(vocab.__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Tuple) and node.elts and all(isinstance(e, ast.Constant) for e in node.elts):
            values = [e.value for e in node.elts]
            assert values == sorted(values), f"vocab.py line {node.lineno}: table not sorted"
    for name, table in vars(vocab).items():
        if name.isupper() and isinstance(table, dict):
            assert list(table) == sorted(table), f"vocab.{name} keys not sorted"


@pytest.mark.parametrize("line", ["str-ho/rsc", "bur-jj/fg", "sst/dhc"])
def test_agency_desk_codes_are_chrome(line):
    assert clutter.is_clutter(line)


@pytest.mark.parametrize("line", ["Subscribe to continue reading", "You have reached your limit of free articles.", "This article is for subscribers only"])
def test_a_paywall_ends_the_story(line):
    assert clutter.is_paywall(line) and clutter.is_terminal_heading(line)


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        ("Copper cathodes are stacked at a metals warehouse. REUTERS", "Copper cathodes are stacked at a metals warehouse.", "REUTERS"),
        ("Rooftops in Lisbon's Alfama district. (Reuters)", "Rooftops in Lisbon's Alfama district.", "Reuters"),
        ("Police stand guard outside parliament in Nairobi. AFP", "Police stand guard outside parliament in Nairobi.", "AFP"),
    ],
)
def test_a_known_caption_gives_up_the_agency_that_closes_it(line, caption, credit):
    assert caption_split(line, loose=True) == (caption, credit)
