"""Baked pages are what Django would send, and a change refreshes exactly the pages that show the article."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.core import clock
from newsdesk.newsroom.models import Article
from newsdesk.publish.bake import ArticleState, article_pages_invalidate, bake_all, page_bake, store
from newsdesk.publish.bake.baker import refresh
from newsdesk.publish.bake.paths import BakedPage, baked_file

pytestmark = pytest.mark.django_db

SITEMAPS = {"sitemap.xml", "sitemap-pages.xml", "sitemap-sections.xml", "sitemap-articles.xml", "sitemap-news.xml"}
FEEDS = ("rss.xml", "atom.xml", "feed.json")


@pytest.fixture
def baked(settings, tmp_path, monkeypatch) -> Path:
    """A baked folder for this test's database, pages rendered for the test client's host, the clock stopped."""
    settings.BAKED_DIR = str(tmp_path / "baked")
    settings.SITE_URL = "http://testserver"
    stopped = clock.now()
    monkeypatch.setattr(clock, "now", lambda: stopped)
    return Path(settings.BAKED_DIR)


@pytest.fixture
def newsroom(baked, article_factory):
    """25 World stories (two section pages) then 3 older Sport ones, all baked."""
    world = [article_factory(headline=f"World story {n}", section="World") for n in range(25)]
    sport = [article_factory(headline=f"Sport story {n}", section="Sport") for n in range(3)]
    bake_all()
    return world, sport


def snapshot() -> dict[str, tuple[bytes, int]]:
    root = store.root()
    return {file: ((root / file).read_bytes(), (root / file).stat().st_mtime_ns) for file in store.pages()}


def difference(before: dict, after: dict) -> tuple[set[str], set[str], set[str]]:
    """(changed or new, removed, files rewritten although unchanged)."""
    changed = {f for f in after if f not in before or after[f][0] != before[f][0]}
    touched = {f for f in after if f in before and after[f][0] == before[f][0] and after[f][1] != before[f][1]}
    return changed, set(before) - set(after), touched


def article_file(article: Article) -> str:
    return f"article/{article.pk}/{article.slug}/index.html"


def feeds(prefix: str) -> set[str]:
    return {f"{prefix}/{name}" for name in FEEDS}


# Baked == live.

PAGE_KINDS = [
    ("/", ""), ("/section/world/", ""), ("/section/world/", "page=2"), ("/section/world/rss.xml", ""),
    ("/section/world/atom.xml", ""), ("/section/world/feed.json", ""), ("/feeds/rss.xml", ""), ("/feeds/atom.xml", ""),
    ("/feeds/feed.json", ""), ("/sitemap.xml", ""), ("/sitemap-pages.xml", ""), ("/sitemap-sections.xml", ""),
    ("/sitemap-articles.xml", ""), ("/sitemap-news.xml", ""), ("/robots.txt", ""), ("article", ""),
]


@pytest.mark.parametrize(("path", "query"), PAGE_KINDS, ids=[f"{p}?{q}" if q else p for p, q in PAGE_KINDS])
def test_a_baked_page_is_byte_for_byte_what_django_sends(client, newsroom, path, query):
    world, _ = newsroom
    if path == "article":
        path = world[3].get_absolute_url()
    file, content_type = baked_file(path, query)
    live = client.get(f"{path}?{query}" if query else path)
    assert live.status_code == 200
    assert (store.root() / file).read_bytes() == live.content
    assert live["Content-Type"] == content_type


def test_bake_all_writes_every_public_page_and_nothing_else(newsroom, article_factory):
    world, sport = newsroom
    draft = article_factory(headline="Not yet", section="World", publish=False)
    files = set(store.pages())
    assert {"index.html", "robots.txt", "section/world/index.html", "section/world/page-2.html", "section/sport/index.html"} <= files
    assert feeds("feeds") | feeds("section/world") | feeds("section/sport") | SITEMAPS <= files
    assert {article_file(a) for a in world + sport} <= files
    assert not any(f.startswith(f"article/{draft.pk}/") for f in files)
    assert len(files) == 2 + 3 + 5 + 3 + 6 + 28  # home, robots; three sections' pages; sitemaps; feeds; articles


def test_baking_again_leaves_unchanged_pages_untouched(newsroom):
    before = snapshot()
    done = bake_all()
    assert not done.written and not done.removed
    assert difference(before, snapshot()) == (set(), set(), set())


def test_bake_all_removes_pages_that_are_no_longer_public(newsroom):
    world, _ = newsroom
    Article.objects.filter(pk=world[5].pk).update(status=Article.Status.DRAFT)  # no signal: only a full bake notices
    done = bake_all()
    assert article_file(world[5]) in done.removed and article_file(world[5]) not in store.pages()


# Exact invalidation. These tests commit, as the pipeline and the desk do: the pages are refreshed
# when the change's own transaction commits, after the articles in the fixture were committed.

committed = pytest.mark.django_db(transaction=True)


@committed
def test_publishing_refreshes_exactly_the_pages_that_show_the_new_story(newsroom, article_factory):
    world, sport = newsroom
    before = snapshot()
    new = article_factory(headline="Breaking: harbour reopens", section="World", published=clock.now())
    changed, removed, touched = difference(before, snapshot())
    assert changed == {
        article_file(new), "index.html", "section/world/index.html", "section/world/page-2.html",  # every later story shifts
        *feeds("section/world"), *feeds("feeds"), *SITEMAPS,
    }
    assert removed == set() and touched == set()
    assert "Breaking: harbour reopens" in (store.root() / "section/world/index.html").read_text()


@committed
def test_an_update_refreshes_its_page_under_the_new_slug_and_only_the_listing_page_it_is_on(newsroom):
    world, _ = newsroom
    story = world[22]  # on the second World page, not on the home page
    old_file = article_file(story)
    before = snapshot()
    story.headline, story.slug, story.updated_at = "World story 22, corrected", "world-story-22-corrected", clock.now()
    story.save()
    changed, removed, touched = difference(before, snapshot())
    assert removed == {old_file}
    assert changed == {article_file(story), "section/world/page-2.html", *feeds("section/world"), *feeds("feeds"), *SITEMAPS}
    assert touched == set()  # the home page and the first World page were rendered again and found unchanged


@committed
def test_unpublishing_deletes_the_page_and_refreshes_every_page_that_listed_it(newsroom):
    world, sport = newsroom
    story = world[2]
    before = snapshot()
    story.status = Article.Status.DRAFT
    story.save()
    changed, removed, _ = difference(before, snapshot())
    assert removed == {article_file(story)}
    assert changed == {
        "index.html", "section/world/index.html", "section/world/page-2.html", *feeds("section/world"), *feeds("feeds"),
        "sitemap-articles.xml", "sitemap-news.xml",  # the others carry the newest change's date, which is another story's
    }
    for file in changed:
        assert story.get_absolute_url() not in (store.root() / file).read_text()
    assert not any(f.startswith("section/sport/") or f.startswith(f"article/{sport[0].pk}/") for f in changed)


@committed
def test_a_story_leaving_the_last_page_removes_that_page(baked, article_factory):
    stories = [article_factory(section="World") for _ in range(21)]
    bake_all()
    assert "section/world/page-2.html" in store.pages()
    Article.objects.get(pk=stories[0].pk).delete()
    assert "section/world/page-2.html" not in store.pages()
    assert article_file(stories[0]) not in store.pages()


@committed
def test_a_queryset_update_is_refreshed_through_the_explicit_call(newsroom):
    world, _ = newsroom
    story = world[0]
    state = ArticleState.of(story)
    Article.objects.filter(pk=story.pk).update(status=Article.Status.DRAFT)
    article_pages_invalidate(article_id=story.pk, before=state)
    assert article_file(story) not in store.pages()
    assert story.get_absolute_url() not in (store.root() / "index.html").read_text()


@committed
def test_a_change_to_the_masthead_empties_the_folder(newsroom, article_factory):
    world, _ = newsroom
    article_factory(headline="A new desk opens", section="Science")  # a new section in the masthead of every page
    assert store.pages() == ["index.html"]
    assert "Science" in (store.root() / "index.html").read_text()


@committed
def test_nothing_is_written_without_a_folder_for_this_database(baked, article_factory):
    article_factory()
    assert not baked.exists()


@committed
def test_a_folder_baked_from_another_database_is_left_alone(baked, article_factory):
    bake_all()
    store.state_write({**store.state_read(), "database": "sqlite:::/somewhere/else.sqlite3"})
    before = snapshot()
    article_factory(headline="Only in the test database")
    assert snapshot() == before


@committed
def test_a_rolled_back_change_bakes_nothing(newsroom):
    from django.db import transaction

    world, _ = newsroom
    before = snapshot()
    with pytest.raises(RuntimeError), transaction.atomic():
        world[0].status = Article.Status.DRAFT
        world[0].save()
        raise RuntimeError("the editor's change failed")
    assert snapshot() == before


def test_refresh_of_a_draft_that_never_was_public_changes_nothing(newsroom, article_factory):
    draft = article_factory(publish=False)
    before = snapshot()
    assert refresh(before=None, after=ArticleState.of(draft)).written == []
    assert snapshot() == before


def test_a_page_that_no_longer_answers_is_not_baked(baked):
    store.clear({"database": store.database_identity()})
    done = page_bake(BakedPage("/article/999/missing/"))
    assert done.written == [] and store.pages() == []
