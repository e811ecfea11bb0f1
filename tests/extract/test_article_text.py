"""article_text: the story's paragraphs from a web page, without what a newsroom would not print.

The pages here are small and written for these tests. The last tests score a
sample of the public benchmarks in ../shared (skipped when it is absent).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from lxml import html as lxml_html

from newsdesk.extract.text import article_text
from newsdesk.extract.text.blocks import Block
from newsdesk.extract.text.recovery import recover_paragraphs

STORY = [
    "The harbour board voted on Tuesday to close the old ferry pier after divers found cracks in three of its "
    "concrete piles, ending ninety years of crossings from the east quay.",
    "Engineers told the board that the pier could not safely carry vehicles through another winter and that "
    "repairs would cost more than building a new landing further along the quay.",
    "Ferry passengers will use a temporary pontoon from next month while the new landing is designed, the board "
    "said, adding that timetables would not change.",
    "Local traders, who had campaigned to keep the pier open, said they would ask the council to fund a market "
    "on the quay so that visitors keep coming to the east side of town.",
]


def page(body: str, *, title: str = "Harbour board closes old ferry pier") -> str:
    return (
        f"<html><head><title>{title} | Harbour Times</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
        f"<article>{body}</article>"
        "<footer><p>Harbour Times, 1 Quay Street</p></footer></body></html>"
    )


def paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def test_story_paragraphs_come_out_separated_by_blank_lines():
    text = article_text(page(paragraphs(STORY)))
    assert text.split("\n\n") == STORY


def test_share_newsletter_read_more_and_copyright_lines_are_dropped():
    clutter = [
        "Read more: Council to review quay parking charges",
        "Sign up for our newsletter to get the day's harbour news in your inbox.",
        "Follow us on Twitter and Facebook for the latest updates.",
        "© 2026 Harbour Times. All rights reserved.",
    ]
    text = article_text(page(paragraphs(STORY[:2] + clutter[:1] + STORY[2:] + clutter[1:])))
    assert all(p in text for p in STORY)
    assert not any(line in text for line in clutter)


def test_list_of_related_stories_under_a_heading_is_dropped():
    related = "<p><strong>More stories</strong></p>" + "".join(
        f"<p><a href='/news/{n}'>{headline}</a></p>"
        for n, headline in enumerate(["Lifeboat crew honoured for winter rescue", "New bus route to the quay", "Fish market hours change"])
    )
    text = article_text(page(paragraphs(STORY) + related))
    assert all(p in text for p in STORY)
    assert "Lifeboat crew" not in text and "More stories" not in text


def test_caption_printed_again_in_the_article_is_not_leaked_into_the_body():
    caption = "Divers inspecting the piles of the old ferry pier last week."
    body = (
        paragraphs(STORY[:2])
        + f"<figure><img src='/pier.jpg' alt='The old ferry pier'><figcaption>{caption}</figcaption></figure>"
        + f"<p>{caption}</p>"  # the capture repeats the caption as a paragraph, as the seed page does
        + paragraphs(STORY[2:])
    )
    text = article_text(page(body))
    assert all(p in text for p in STORY)
    assert "Divers inspecting" not in text


def test_headline_byline_and_date_at_the_top_are_fields_not_body():
    top = "<h1>Harbour board closes old ferry pier</h1><p>By Ann Quayle</p><p>Tuesday, 3 March 2026, 14:05</p>"
    text = article_text(page(top + paragraphs(STORY)))
    assert text.split("\n\n") == STORY


def test_paragraphs_separated_by_br_br_become_paragraphs():
    body = "<div class='story-text'>" + "<br><br>".join(STORY) + "</div>"
    text = article_text(page(body))
    assert text.split("\n\n") == STORY


def test_recovery_adds_main_text_paragraphs_a_short_body_missed():
    tree = lxml_html.fromstring(page(paragraphs(STORY)))
    recovered = recover_paragraphs([Block("p", STORY[0])], tree)
    assert [block.text for block in recovered] == STORY


def test_recovery_leaves_a_body_of_normal_length_alone():
    tree = lxml_html.fromstring(page(paragraphs(STORY)))
    blocks = [Block("p", STORY[0] * 5)]
    assert recover_paragraphs(blocks, tree) == blocks


def test_recovery_never_takes_reader_comments_for_the_article():
    comments = "<div class='comments'>" + paragraphs([p.replace("board", "reader") for p in STORY] * 2) + "</div>"
    tree = lxml_html.fromstring(page(paragraphs(STORY[:1]) + comments))
    assert [block.text for block in recover_paragraphs([Block("p", STORY[0])], tree)] == [STORY[0]]


@pytest.mark.parametrize(
    "markup",
    ["", "   ", "just some words, not a page", "<html></html>", "<html><body></body></html>", "\x00\x01\x02<<>>&&",
     "<p>" * 5000, "<html><body><p>\x1d control \x07 characters</p></body></html>", "\ufeff<html>\ud800</html>"],
)
def test_empty_or_garbage_input_gives_empty_text_and_never_raises(markup):
    assert isinstance(article_text(markup), str)
    assert article_text(markup).strip() == article_text(markup)


def test_page_without_article_gives_empty_text():
    assert article_text("<html><body><nav><a href='/'>Home</a></nav></body></html>") == ""


# ---------------------------------------------------------------- the public benchmarks, sampled

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "bench" / "extraction"
SAMPLE = 30


def _scorer():
    if not (SHARED / "score.py").exists():
        pytest.skip(f"benchmark data not found at {SHARED} (the shared folder is not part of the repo)")
    spec = importlib.util.spec_from_file_location("extraction_score", SHARED / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _f1(score, kind, pages, outputs) -> float:
    if kind == "body":
        return score.prf([score.body_counts(p["body"], text, 4) for p, text in zip(pages, outputs)])[2]
    tp, fp, fn, _ = (sum(c) for c in zip(*(score.snippet_counts(p, text) for p, text in zip(pages, outputs))))
    return 2 * tp / max(2 * tp + fp + fn, 1)


@pytest.mark.parametrize("bench", ["article-extraction-benchmark", "trafilatura-eval"])
def test_on_a_benchmark_sample_newsdesk_scores_no_lower_than_trafilatura(bench):
    import trafilatura

    score = _scorer()
    kind, pages = score.load_bench(SHARED / bench)
    sample = pages[:: max(1, len(pages) // SAMPLE)][:SAMPLE]
    htmls = [score.read_html(p["html_path"]) for p in sample]
    ours = [article_text(html, p.get("url")) for html, p in zip(htmls, sample)]
    theirs = [trafilatura.extract(html, url=p.get("url")) or "" for html, p in zip(htmls, sample)]
    assert _f1(score, kind, sample, ours) >= _f1(score, kind, sample, theirs)
