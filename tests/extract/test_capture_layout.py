"""How the capture extractor reads a page's layout: where the story starts and ends, what sits above it.

Small captures written for one behaviour each; the golden files cover whole pages.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from capture_goldens import body_paragraphs
from newsdesk.extract.capture import draft_from_capture

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_6f30dbc2493a046e.txt"

P1 = "The council approved the plan on Tuesday after a debate that lasted most of the evening."
P2 = "Work on the new park will begin in the spring and should be finished before next summer."
P3 = "Residents said they were pleased, although some worried about the cost of maintaining it."
P4 = "The mayor said the park would be named after a local teacher who campaigned for it."


def paragraphs(text: str) -> list[str]:
    return body_paragraphs(draft_from_capture(text).body_html)


def test_teaser_rail_after_the_story_without_a_heading_stays_out():
    text = "\n".join([
        "Council approves new park after long debate", P1, P2, P3,
        "World", "2 hours ago", "Flood defences to be raised along the river",
        "Engineers say the new walls will protect thousands of homes from rising water levels.",
        "Business", "Yesterday", "Bakery chain to open twenty new shops across the region",
        "The company said the expansion would create about three hundred jobs next year.",
    ])
    assert paragraphs(text) == [P1, P2, P3]


def test_story_goes_on_after_an_inline_related_box():
    text = "\n".join(["Council approves new park after long debate", P1, P2,
                      "Related links", "Council budget explained", P3, P4])
    assert paragraphs(text) == [P1, P2, P3, P4]


def test_readers_comments_never_reach_the_body():
    text = "\n".join([
        "Council approves new park after long debate", P1, P2, "34 comments",
        "Parkfan: I have waited years for this and I am delighted that it is finally happening here.",
        "Skeptic: Another waste of money when the roads are full of potholes and nobody fixes them.",
    ])
    assert paragraphs(text) == [P1, P2]


def test_pull_quote_is_not_printed_twice():
    quote = "“We have waited long enough for this park,” said one resident who had campaigned for years."
    text = "\n".join(["Council approves new park after long debate", P1, quote,
                      "“We have waited long enough for this park”", P2])
    assert paragraphs(text) == [P1, quote, P2]


def test_sub_headings_and_list_items_inside_the_story_are_kept():
    text = "\n".join(["Council approves new park after long debate", P1, "What the plan includes",
                      "• A playground for children under ten", "• A pond with a wildlife area", P2])
    assert paragraphs(text) == [P1, "What the plan includes", "• A playground for children under ten",
                                "• A pond with a wildlife area", P2]


def test_closing_note_about_the_writer_is_not_body():
    text = "\n".join(["Council approves new park after long debate", "By Jane Doe", "4 September 2025", P1, P2,
                      "Jane Doe is the Gazette's local government reporter."])
    draft = draft_from_capture(text)
    assert body_paragraphs(draft.body_html) == [P1, P2] and draft.byline == "Jane Doe"


def test_story_is_found_below_a_rail_of_teasers():
    text = "\n".join([
        "Latest news", "Flood defences to be raised along the river",
        "Engineers say the new walls will protect thousands of homes from rising water levels.",
        "Bakery chain to open twenty new shops across the region",
        "The company said the expansion would create about three hundred jobs next year.",
        "Local", "Council approves new park after long debate", "By Jane Doe", "4 September 2025",
        P1, P2, P3, P4,
    ])
    draft = draft_from_capture(text)
    assert draft.headline == "Council approves new park after long debate"
    assert body_paragraphs(draft.body_html) == [P1, P2, P3, P4]


def test_hard_wrapped_prose_is_joined_and_one_line_paragraphs_are_not():
    wrapped = (
        "Council approves new park after long debate\n\n"
        "The council approved the plan on Tuesday after a debate that\nlasted most of the evening, with "
        "residents filling the public\ngallery and spilling out into the corridor.\n\n"
        "Work on the new park will begin in the spring and should be\nfinished before next summer, "
        "according to the council's\nplanning officer.\n\n"
        "Residents said they were pleased, although some worried about\nthe cost of maintaining it in "
        "the years to come.\n"
    )
    joined = paragraphs(wrapped)
    assert len(joined) == 3 and joined[0].startswith("The council approved the plan on Tuesday after a debate that lasted")
    short = "\n".join(["Council approves new park after long debate"] + [P1, P2, P3, P4] * 2)
    assert len(paragraphs(short)) == 4  # exact repeats are echoes, every other line its own paragraph


def test_standfirst_above_the_byline_is_the_summary_not_body():
    standfirst = "The decision ends a three-year campaign by residents of the east side."
    text = "\n".join(["Council approves new park after long debate", standfirst, "By Jane Doe",
                      "Published 4 September 2025", P1, P2])
    draft = draft_from_capture(text)
    assert draft.summary == standfirst and body_paragraphs(draft.body_html) == [P1, P2]


def test_section_comes_from_the_label_the_breadcrumb_or_not_at_all():
    story = ["Council approves new park after long debate", P1, P2]
    assert draft_from_capture("\n".join(["Local", *story])).section == "Local"
    assert draft_from_capture("\n".join(["Home > News > Local", *story])).section == "Local"
    assert draft_from_capture("\n".join(["EXCLUSIVE", *story])).section is None
    assert draft_from_capture("\n".join(["The Riverside Gazette", *story])).section is None
    assert draft_from_capture("\n".join(["News", "Sport", "Business", "Culture", *story])).section is None
    assert draft_from_capture("\n".join(["NEW YORK NEWS", *story])).section == "New York News"


def test_date_above_the_headline_and_byline_beside_the_date_are_read():
    text = "\n".join(["Local", "Thu 4 Sep 2025 10.32 BST", "Council approves new park after long debate",
                      "Jane Doe", "Sep 4, 2025", P1, P2])
    draft = draft_from_capture(text)
    assert draft.published is not None and draft.published.isoformat() == "2025-09-04T10:32:00+01:00"
    assert draft.byline == "Jane Doe" and draft.section == "Local"


def test_lead_photo_printed_after_the_first_paragraph_is_the_caption():
    caption = "The site of the new park on the east side of town, photographed on Monday"
    text = "\n".join(["Council approves new park after long debate", P1, caption, caption, P2, P3])
    draft = draft_from_capture(text)
    assert draft.picture is not None and draft.picture.caption == caption
    assert body_paragraphs(draft.body_html) == [P1, P2, P3]


def test_view_count_on_the_byline_line_is_source_metadata():
    text = "\n".join(["Council approves new park after long debate", "By Jane Doe | Sep 4, 2025 | 2,451 views", P1, P2])
    draft = draft_from_capture(text)
    assert draft.source_view_count == 2451 and draft.byline == "Jane Doe"
    assert "views" not in draft.body_html


def test_headline_written_as_a_sentence_is_still_the_headline():
    draft = draft_from_capture("\n".join(["Council keeps the town pool open.", P1, P2, P3]))
    assert draft.headline == "Council keeps the town pool open." and body_paragraphs(draft.body_html) == [P1, P2, P3]


@pytest.mark.parametrize("variant", ["crlf", "no-blank-lines", "double-spaced", "indented", "more-chrome"])
def test_reference_page_survives_other_spacing_and_more_chrome(variant):
    if not SEED.exists():
        pytest.skip(f"the reference page is not at {SEED} (../shared is not beside this checkout)")
    seed = SEED.read_text(encoding="utf-8")
    text = {
        "crlf": seed.replace("\n", "\r\n"),
        "no-blank-lines": re.sub(r"\n\s*\n", "\n", seed),
        "double-spaced": seed.replace("\n", "\n\n"),
        "indented": "\n".join(f"   {line}" for line in seed.split("\n")),
        "more-chrome": "Skip to content\nMenu\nHome | World | Business | Sport\n"
        + seed.replace("\nXi and Kim began", "\nAdvertisement\nShare\nXi and Kim began", 1),
    }[variant]
    draft = draft_from_capture(text)
    assert (draft.section, draft.dateline, draft.credit, draft.source_view_count) == ("World", "BEIJING", "CNN", 40)
    assert len(body_paragraphs(draft.body_html)) == 16


def test_extractor_is_pure_python_without_django():
    code = "import sys, newsdesk.extract.capture; sys.exit('django' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_headline_printed_twice_is_the_headline_not_a_caption():
    text = "\n".join(["World", "Council approves new park after long debate",
                      "Council approves new park after long debate", "By Jane Doe", "4 September 2025", P1, P2])
    draft = draft_from_capture(text)
    assert draft.headline == "Council approves new park after long debate" and draft.picture is None
