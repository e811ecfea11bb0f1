"""The standfirst (meta description, og:description, feed summaries) reads only the body's opening blocks,
and says exactly what reading the whole body would."""

from __future__ import annotations

import html
import re

from django.utils.html import strip_tags
from django.utils.text import Truncator

from newsdesk.newsroom.models import Article
from newsdesk.publish.standfirst import standfirst


def _whole_body(article: Article, words: int = 40) -> str:
    text = html.unescape(strip_tags(re.sub(r"</(p|li)>", " ", article.body_html)))
    return Truncator(" ".join(text.split())).words(words, truncate=" …")


def test_a_long_body_gives_the_words_the_whole_body_would():
    body = "".join(f"<p>Paragraph {n} says the harbour &amp; the <b>quay</b> stay shut, said officials.</p>" for n in range(400))
    article = Article(headline="Strike", body_html=body, summary="")
    assert standfirst(article) == _whole_body(article)
    assert "&amp;" not in standfirst(article) and "<b>" not in standfirst(article)
    assert standfirst(article).endswith(" …")


def test_many_short_blocks_still_give_forty_words():
    body = "<ul>" + "".join(f"<li>item{n}</li>" for n in range(2_000)) + "</ul>"
    article = Article(headline="List", body_html=body, summary="")
    assert standfirst(article) == _whole_body(article)
    assert len(standfirst(article).split()) == 41  # forty words and the ellipsis


def test_a_short_body_is_given_whole_and_the_wires_summary_comes_first():
    article = Article(headline="Short", body_html="<p>Only one <i>line</i>.</p>", summary="")
    assert standfirst(article) == "Only one line."
    article.summary = "The wire's own summary."
    assert standfirst(article) == "The wire's own summary."
