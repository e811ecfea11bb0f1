"""Story clusters: articles about one event join one story as they arrive; other events start their own."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

from dedupe_sets import ROOT  # noqa: F401  (puts the repository root on sys.path)

from bench.understanding import evalsets
from newsdesk.dedupe import StoryArticle, StoryIndex
from newsdesk.dedupe import stories as stories_module

T0 = datetime(2026, 3, 2, 8, tzinfo=timezone.utc)


def article(key, hours, *, people=(), places=(), organisations=(), text=""):
    return StoryArticle(key, T0 + timedelta(hours=hours), frozenset(people), frozenset(organisations), frozenset(places), text)


def test_articles_about_one_event_form_one_story_in_order_of_arrival():
    """Labelled entities of the evaluation set: every story is one event, and each event one story."""
    index, assigned = StoryIndex(), {}
    articles = sorted(evalsets.labelled_articles(), key=lambda a: a.published)
    for a in articles:
        names = {k: [e["name"] for e in a.entities if e["kind"] == k] for k in ("person", "organisation", "place")}
        text = a.headline + "\n\n" + "\n\n".join(a.paragraphs)
        story = index.assign(
            StoryArticle(a.stem, a.published, frozenset(names["person"]), frozenset(names["organisation"]),
                         frozenset(names["place"]), text)
        )
        assigned[a.stem] = story.story
    purity, inverse, count = evalsets.cluster_purity(assigned, {a.stem: a.event for a in articles})
    assert purity == 1.0, assigned
    assert inverse >= 0.9 and count <= 22


def test_the_first_article_starts_a_story_and_a_later_one_joins_it():
    index = StoryIndex()
    first = index.assign(article("a", 0, people=["Joris Verbeek"], places=["Rotterdam"], text="dockworkers strike port automation terminals"))
    second = index.assign(article("b", 3, people=["Joris Verbeek"], places=["Rotterdam"], text="port strike dockworkers automation cranes"))
    assert first.new and first.story == "a"
    assert not second.new and second.story == "a" and second.matched == "a"


def test_an_old_story_is_not_joined_after_the_window():
    index = StoryIndex(window=timedelta(days=3))
    index.assign(article("a", 0, people=["Joris Verbeek"], places=["Rotterdam"], text="dockworkers strike port automation"))
    late = index.assign(article("b", 24 * 10, people=["Joris Verbeek"], places=["Rotterdam"], text="dockworkers strike port automation"))
    assert late.new and late.story == "b"


def test_same_place_different_event_is_a_different_story():
    index = StoryIndex()
    index.assign(article("strike", 0, people=["Joris Verbeek"], places=["Rotterdam"], organisations=["Federation of Dock Workers"],
                         text="dockworkers strike port automation terminals union"))
    other = index.assign(article("match", 2, people=["Lotte Bakker"], places=["Rotterdam"], organisations=["Feyenoord"],
                                 text="football match stadium goal penalty league"))
    assert other.new


def test_cost_per_new_article_stays_flat_as_the_archive_grows(monkeypatch):
    """Candidates come from capped posting lists: 4,000 articles sharing a place cost no more than 400 do."""
    def fill(count):
        index = StoryIndex()
        for i in range(count):
            index.add(article(f"x{i}", i * 0.01, places=["Rotterdam"], people=[f"Person {i}"], text=f"topic{i % 50} words{i}"),
                      story=f"s{i}")
        return index

    def cost(index):
        started = time.perf_counter()
        for j in range(20):
            index.assign(article(f"new{j}", 50, places=["Rotterdam"], people=["Someone Else"], text="topic7 harbour"))
        return time.perf_counter() - started

    small, large = fill(400), fill(4000)
    assert all(len(p) <= stories_module.MAX_POSTINGS for p in large._postings.values())
    cost(small), cost(large)  # warm up
    assert cost(large) < 3 * cost(small) + 0.05
