"""A source's find-and-replace rules are applied to its copy on ingest: to the text, never to the markup."""

from __future__ import annotations

import pytest

from newsdesk.newsroom.models import Article, Section, Source, SourceRule
from newsdesk.pipeline.ingest import item_process
from newsdesk.pipeline.rules import body_replace

pytestmark = pytest.mark.django_db

FEED = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Lakeshore Press</title><link>https://lakeshore.example/</link><description>News</description>
<item>
  <title>Kiev talks resume as envoys arrive</title>
  <link>https://lakeshore.example/news/kiev-talks</link>
  <guid isPermaLink="false">lakeshore-kiev-talks</guid>
  <pubDate>Tue, 04 Nov 2025 09:00:00 GMT</pubDate>
  <content:encoded><![CDATA[<p>Envoys arrived in <a href="https://lakeshore.example/kiev">Kiev</a> on Tuesday for a new round of talks.</p>
  <p>The talks in Kiev are expected to last two days, officials said, and to cover the grain corridor.</p>
  <p>Subscribe to Lakeshore Press for more.</p>]]></content:encoded>
</item>
</channel></rss>"""


@pytest.fixture
def agency():
    return Source.objects.create(name="Lakeshore Press", slug="lakeshore-press", section=Section.objects.create(name="World", slug="world"))


def _ingest(source: Source, *, publish: bool = True) -> Article:
    [result] = item_process(origin="feed.xml", payload=FEED, source=source, max_bytes=1_000_000, publish=publish)
    assert result.status == "created", result
    return Article.objects.get(pk=result.article_id)


def test_rules_replace_in_headline_and_body_text_in_order_and_leave_links_alone(agency):
    SourceRule.objects.create(source=agency, find="Kiev", replace="Kyiv", position=1)
    SourceRule.objects.create(source=agency, find="Subscribe to Lakeshore Press for more.", replace="", position=2)
    article = _ingest(agency)
    assert article.headline == "Kyiv talks resume as envoys arrive"
    assert "Kiev" not in article.body_html.replace("lakeshore.example/kiev", "")
    assert 'href="https://lakeshore.example/kiev"' in article.body_html  # a URL is not text
    assert "Subscribe" not in article.body_html and "The talks in Kyiv are expected" in article.body_html


def test_a_rule_can_neither_rewrite_markup_nor_inject_it(agency):
    SourceRule.objects.create(source=agency, find="p", replace="<script>alert(1)</script>")
    SourceRule.objects.create(source=agency, find="href", replace="onclick")
    article = _ingest(agency)
    assert "<script" not in article.body_html and "onclick=" not in article.body_html
    assert "&lt;script&gt;" in article.body_html  # the replacement is text
    assert article.body_html.startswith("<p>")


def test_another_sources_rules_and_empty_rules_change_nothing(agency):
    other = Source.objects.create(name="Other", slug="other")
    SourceRule.objects.create(source=other, find="Kiev", replace="Kyiv")
    SourceRule.objects.create(source=agency, find="", replace="X")
    assert _ingest(agency).headline == "Kiev talks resume as envoys arrive"


def test_the_source_section_and_auto_publish_settings_apply_on_ingest(agency):
    agency.auto_publish = False
    agency.save()
    article = _ingest(agency, publish=None)
    assert article.section.name == "World" and article.status == Article.Status.DRAFT


def test_body_replace_returns_the_body_untouched_when_no_rule_matches():
    body = "<p>Nothing <em>to</em> change.</p>"
    assert body_replace(body, [("absent", "x")]) is body
