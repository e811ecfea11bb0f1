"""How article parts become what readers see: the dateline in place, the words for "how long ago"."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from newsdesk.publish.article import body_with_dateline, views_label
from newsdesk.publish.relative_time import time_ago


def test_dateline_opens_the_first_paragraph():
    html = body_with_dateline(body_html="<p>Leaders met.</p><p>Later.</p>", dateline="LISBON")
    assert html == '<p><span class="dateline">LISBON</span> – Leaders met.</p><p>Later.</p>'


def test_dateline_goes_into_the_first_paragraph_even_after_other_blocks_and_attributes():
    html = body_with_dateline(body_html='<h2>Sub</h2><p class="x">Text</p>', dateline="PORTO")
    assert html == '<h2>Sub</h2><p class="x"><span class="dateline">PORTO</span> – Text</p>'


def test_dateline_is_escaped_and_a_body_without_paragraphs_still_gets_it():
    html = body_with_dateline(body_html="<ul><li>one</li></ul>", dateline="<b>X</b>")
    assert html == '<p><span class="dateline">&lt;b&gt;X&lt;/b&gt;</span> – </p><ul><li>one</li></ul>'


def test_no_dateline_leaves_the_body_alone():
    assert body_with_dateline(body_html="<p>a</p>", dateline="  ") == "<p>a</p>"


def test_pre_and_param_tags_are_not_mistaken_for_paragraphs():
    html = body_with_dateline(body_html="<pre>code</pre><p>Text</p>", dateline="ROME")
    assert html == '<pre>code</pre><p><span class="dateline">ROME</span> – Text</p>'


@pytest.mark.parametrize(("total", "label"), [(0, "0 views"), (1, "1 view"), (40, "40 views"), (1234, "1,234 views")])
def test_views_label(total, label):
    assert views_label(total) == label


NOW = datetime(2025, 9, 4, 18, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("age", "words"),
    [
        (timedelta(seconds=5), "just now"),
        (timedelta(seconds=-30), "just now"),  # a clock a little ahead of ours
        (timedelta(minutes=1), "1 minute ago"),
        (timedelta(minutes=59, seconds=59), "59 minutes ago"),
        (timedelta(hours=7, minutes=5), "7 hours ago"),
        (timedelta(hours=1), "1 hour ago"),
        (timedelta(days=1, hours=2), "1 day ago"),
        (timedelta(days=6, hours=23), "6 days ago"),
        (timedelta(days=7), "28 August 2025"),
    ],
)
def test_time_ago_words(age, words):
    assert time_ago(when=NOW - age, now=NOW) == words
