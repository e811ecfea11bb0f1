"""Splitting a wrong fold: the copy becomes its own article again, keeps its version, and stays apart when re-sent."""

from __future__ import annotations

import pytest
from wire_copies import as_capture, as_page, cold_indexes, document, ingest  # noqa: F401 (cold_indexes: autouse)

from newsdesk.newsroom.models import Article, Fingerprint, WireCopy
from newsdesk.pipeline.folds import FoldSplitRefused, fold_split

pytestmark = pytest.mark.django_db
STEM = "05-berlin-marathon-wire"


@pytest.fixture
def folded() -> tuple[dict, dict, bytes]:
    first = ingest("wire.txt", as_capture(*document(STEM, "original")))
    page = as_page(*document(STEM, "rewrite"), url="https://citypaper.example/marathon")
    copy = ingest("page.html", page)
    assert copy["status"] == "duplicate"
    return first, copy, page


def test_a_split_copy_becomes_its_own_article_with_its_own_headline_and_story(folded):
    first, copy, _ = folded
    article = fold_split(copy["copy"], actor="editor")
    assert article.pk != first["id"] and Article.objects.count() == 2
    assert article.headline == document(STEM, "rewrite")[0]
    moved = WireCopy.objects.get(pk=copy["copy"])
    assert moved.article_id == article.pk and moved.first
    assert list(Article.objects.get(pk=first["id"]).copies.values_list("first", flat=True)) == [True]
    assert article.story_id is not None and Fingerprint.objects.filter(article=article).exists()
    assert article.story.article_count >= 1


def test_a_split_copy_sent_again_updates_its_own_article_instead_of_folding_again(folded):
    _, copy, page = folded
    article = fold_split(copy["copy"])
    again = ingest("page.html", page)
    assert again["id"] == article.pk and again["status"] in ("unchanged", "updated")
    assert Article.objects.count() == 2


def test_the_copy_an_article_was_made_from_cannot_be_split_off(folded):
    first, _, _ = folded
    own = WireCopy.objects.get(article_id=first["id"], first=True)
    with pytest.raises(FoldSplitRefused, match="made from"):
        fold_split(own.pk)
    with pytest.raises(FoldSplitRefused, match="no wire copy"):
        fold_split(10**9)
    assert Article.objects.count() == 1


def test_a_split_is_written_to_the_audit_log_with_who_which_article_and_the_new_one(folded):
    from newsdesk.newsroom.models import AuditEntry

    first, copy, _ = folded
    assert not AuditEntry.objects.filter(action="split").exists()
    article = fold_split(copy["copy"], actor="edna")
    entry = AuditEntry.objects.get(action="split")
    assert entry.actor_name == "edna" and entry.article_id == first["id"]
    assert entry.detail["new_article"] == article.pk and entry.detail["copy"] == copy["copy"]
    with pytest.raises(FoldSplitRefused):
        fold_split(copy["copy"], actor="edna")  # now the new article's own copy: refused, and nothing more is logged
    assert AuditEntry.objects.filter(action="split").count() == 1
