"""The read queries behind the public pages: only what is published, newest first, nothing twice."""

from __future__ import annotations

import pytest

from newsdesk.newsroom import selectors
from newsdesk.newsroom.models import ViewCount

pytestmark = pytest.mark.django_db


def test_articles_published_are_newest_first_and_leave_out_drafts(article_factory):
    older, newer = article_factory(), article_factory()  # the factory makes each one a minute older
    article_factory(publish=False)
    assert list(selectors.articles_published()) == [older, newer]


def test_articles_published_in_a_section(article_factory):
    world = article_factory(section="World")
    article_factory(section="Sport")
    assert list(selectors.articles_published(section=world.section)) == [world]


def test_article_published_carries_its_view_total_and_hides_drafts(article_factory):
    article, draft = article_factory(), article_factory(publish=False)
    ViewCount.objects.filter(article=article).update(total=7)
    assert selectors.article_published(pk=article.pk).view_total == 7
    assert selectors.article_published(pk=draft.pk) is None
    assert selectors.view_total(article_id=article.pk) == 7
    assert selectors.view_total(article_id=article.pk + 100) == 0


def test_highlights_never_include_excluded_stories(article_factory):
    first, second, third = article_factory(), article_factory(), article_factory()
    assert selectors.highlights(exclude_ids={first.pk}) == [second, third]
    assert selectors.highlights(limit=1) == [first]


def test_sections_listed_only_when_something_is_published(article_factory):
    article_factory(section="World")
    article_factory(section="Science", publish=False)
    assert [s.name for s in selectors.sections_listed()] == ["World"]


def test_front_page_shows_each_story_once(article_factory):
    world = [article_factory(section="World") for _ in range(5)]
    sport = [article_factory(section="Sport") for _ in range(5)]
    front = selectors.front_page(top=3, per_section=4, rail=5)
    assert front.lead == world[0] and front.top == world[1:3]
    shown = [front.lead, *front.top, *(a for block in front.blocks for a in block.articles)]
    assert len(shown) == len(set(shown))
    assert [(b.section.name, len(b.articles)) for b in front.blocks] == [("Sport", 4), ("World", 2)]
    assert front.highlights == world[3:] + sport[:3]


def test_front_page_when_nothing_is_published():
    front = selectors.front_page()
    assert front.lead is None and front.top == [] and front.blocks == [] and front.highlights == []


def test_section_page_is_none_for_an_unknown_section_or_a_page_past_the_end(article_factory):
    article_factory(section="World")
    assert selectors.section_page(slug="nowhere") is None
    assert selectors.section_page(slug="world", number=2) is None
    assert selectors.section_page(slug="world", number="x") is None
    assert len(selectors.section_page(slug="world").page.object_list) == 1


def test_article_page_rail_leaves_out_the_article_itself(article_factory):
    article, other = article_factory(), article_factory()
    page = selectors.article_page(pk=article.pk)
    assert page.article == article and page.highlights == [other]
    assert selectors.article_page(pk=article.pk + 100) is None
