"""article_view_count: each call is one more view, and only published articles are counted."""

from __future__ import annotations

import pytest

from newsdesk.newsroom.models import Article, ViewCount
from newsdesk.publish.views import article_view_count

pytestmark = pytest.mark.django_db


def test_each_view_returns_the_new_total(article_factory):
    article = article_factory()
    assert [article_view_count(article_id=article.pk) for _ in range(3)] == [1, 2, 3]
    assert ViewCount.objects.get(article=article).total == 3


def test_an_article_without_a_count_row_gets_one_on_its_first_view(article_factory):
    article = article_factory()
    ViewCount.objects.filter(article=article).delete()
    assert article_view_count(article_id=article.pk) == 1


def test_unpublished_and_unknown_articles_are_refused(article_factory):
    draft = article_factory(publish=False)
    with pytest.raises(Article.DoesNotExist):
        article_view_count(article_id=draft.pk)
    with pytest.raises(Article.DoesNotExist):
        article_view_count(article_id=draft.pk + 100)
    assert ViewCount.objects.get(article=draft).total == 0
