"""Issue 4 in the pipeline: near-duplicates fold into one article, articles join stories, entities merge across the archive."""

from __future__ import annotations

import logging
import threading

import pytest
from wire_copies import MAX, as_capture, as_feed, as_page, cold_indexes, document, ingest  # noqa: F401 (cold_indexes: autouse)

from newsdesk.newsroom.models import Article, Entity, Fingerprint, Mention, Quote, Story, WireCopy
from newsdesk.pipeline.entities import article_enrich
from newsdesk.pipeline.ingest import item_process
from newsdesk.pipeline.sources import source_add
from newsdesk.pipeline.stories import story_counts_refresh
from newsdesk.pipeline.warm import warm_get, warm_reset



def three_formats(stem: str) -> list[tuple[str, bytes]]:
    """The group's original as a capture, its clutter variant as a page, its feed variant as a feed entry."""
    url = f"https://harbourpost.example/world/{stem}"
    return [
        (f"{stem}.txt", as_capture(*document(stem, "original"))),
        (f"{stem}.html", as_page(*document(stem, "rewrite"), url=url)),
        (f"{stem}.xml", as_feed(*document(stem, "feed"), url=f"https://courier.example/{stem}")),
    ]


@pytest.mark.django_db
def test_the_same_copy_as_capture_page_and_feed_entry_is_one_article_with_three_copies():
    rows = [ingest(origin, payload) for origin, payload in three_formats("01-rotterdam-strike-wire")]
    first = rows[0]
    assert [r["status"] for r in rows] == ["created", "duplicate", "duplicate"]
    assert all(r["duplicate_of"] == first["id"] == r["id"] for r in rows[1:])
    assert Article.objects.count() == 1
    article = Article.objects.get()
    copies = list(article.copies.order_by("folded_at", "pk"))
    assert len(copies) == 3 and [c.first for c in copies] == [True, False, False]
    # Each wire's version is kept: the page's rewritten headline is on its copy, not on the article.
    assert copies[1].headline == document("01-rotterdam-strike-wire", "rewrite")[0] != article.headline
    assert all(c.snapshot["bodies"][0]["value"] for c in copies)
    assert all(r["story"] == article.story_id is not None for r in rows)


@pytest.mark.django_db
def test_a_folded_copy_sent_again_stays_a_duplicate_and_adds_no_copy():
    (cap, capture), (page_origin, page) = three_formats("03-brazil-rates-wire")[:2]
    ingest(cap, capture)
    again = [ingest(page_origin, page), ingest(page_origin, page)]
    assert [r["status"] for r in again] == ["duplicate", "duplicate"]
    assert again[0]["copy"] == again[1]["copy"]
    assert Article.objects.count() == 1 and WireCopy.objects.count() == 2


@pytest.mark.django_db
def test_a_story_of_the_same_event_by_another_writer_is_not_folded_but_joins_the_story():
    wire = ingest("wire.txt", as_capture(*document("01-rotterdam-strike-wire", "original")))
    other = ingest("hague.txt", as_capture(*document("02-rotterdam-strike-hague", "original")))
    unrelated = ingest("brazil.txt", as_capture(*document("03-brazil-rates-wire", "original")))
    assert [wire["status"], other["status"], unrelated["status"]] == ["created"] * 3
    assert Article.objects.count() == 3
    assert other["story"] == wire["story"] != unrelated["story"]
    story = Story.objects.get(pk=wire["story"])
    assert story.article_count == 2 and story.source_count >= 1
    assert story.first_published_at <= story.last_published_at


@pytest.mark.django_db
@pytest.mark.parametrize("kept_keys_lost_after", [None, 2], ids=["keys kept throughout", "stories counted before keys were kept"])
def test_story_counts_added_on_save_match_a_recount_from_the_rows(kept_keys_lost_after):
    """A new article or folded copy is added to its story's counts (no recount); the sums must be what a recount finds.

    Stories counted before ``source_keys`` was kept have it null: the next count fills it from the rows.
    """
    wires = [source_add(url=f"https://{name}.example/rss", name=f"{name} wire") for name in ("north", "south")]
    saves = [
        (wires[0], "wire.txt", as_capture(*document("01-rotterdam-strike-wire", "original"))),
        (wires[0], "hague.txt", as_capture(*document("02-rotterdam-strike-hague", "original"))),  # same source, same story
        (wires[1], "hague.html", as_page(*document("02-rotterdam-strike-hague", "clutter"), url="https://south.example/hague")),  # folds
        (wires[1], "brazil.txt", as_capture(*document("03-brazil-rates-wire", "original"))),
        (wires[0], "saopaulo.txt", as_capture(*document("04-brazil-rates-saopaulo", "original"))),  # another source joins
        (None, "berlin.txt", as_capture(*document("05-berlin-marathon-wire", "original"))),
    ]
    for n, (source, origin, payload) in enumerate(saves):
        if n == kept_keys_lost_after:
            Story.objects.update(source_keys=None)
        [result] = item_process(origin=origin, payload=payload, source=source, max_bytes=MAX)
        assert result.status in ("created", "duplicate"), result
    stories = list(Story.objects.order_by("pk"))
    assert any(story.article_count >= 2 for story in stories) and any(story.source_count >= 2 for story in stories)

    def counts(story: Story) -> tuple:
        keys = sorted(map(tuple, story.source_keys), key=str)
        return story.pk, story.article_count, story.source_count, len(keys), keys, story.first_published_at, story.last_published_at

    added = [counts(s) for s in stories]
    for story in stories:
        story_counts_refresh(story.pk)
    assert added == [counts(s) for s in Story.objects.order_by("pk")]


@pytest.mark.django_db
def test_after_a_restart_the_rebuilt_index_folds_the_same_copies():
    stems = ["01-rotterdam-strike-wire", "05-berlin-marathon-wire", "07-kumamoto-chips-wire"]
    made = {stem: ingest(f"{stem}.txt", as_capture(*document(stem, "original")))["id"] for stem in stems}
    assert Fingerprint.objects.count() == 3
    warm_reset()  # the worker restarts: nothing in memory
    warm = warm_get()
    assert len(warm.duplicates) == 3 and warm.rebuild_seconds < 5
    for stem in stems:
        row = ingest(f"{stem}.html", as_page(*document(stem, "clutter"), url=f"https://other.example/{stem}"))
        assert (row["status"], row["duplicate_of"]) == ("duplicate", made[stem])
    assert Article.objects.count() == 3


@pytest.mark.django_db(transaction=True)
def test_two_workers_folding_copies_of_one_story_at_once_make_one_article():
    copies = three_formats("09-algarve-fire-wire")
    start = threading.Barrier(len(copies))
    results: list[dict] = []

    def work(origin: str, payload: bytes) -> None:
        from django.db import connection

        try:
            start.wait()
            results.append(ingest(origin, payload))
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=copy) for copy in copies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(r["status"] for r in results) == ["created", "duplicate", "duplicate"]
    assert Article.objects.count() == 1 and WireCopy.objects.count() == 3


@pytest.mark.django_db
def test_without_a_spacy_model_ingest_goes_on_and_warns_once(settings, caplog):
    settings.SPACY_MODEL = "en_core_web_missing_model"
    with caplog.at_level(logging.WARNING, logger="newsdesk.pipeline.entities"):
        ingest("a.txt", as_capture(*document("11-chile-runoff-wire", "original")))
        ingest("b.txt", as_capture(*document("03-brazil-rates-wire", "original")))
    assert Article.objects.count() == 2 and not Mention.objects.exists()
    warnings = [r for r in caplog.records if "en_core_web_missing_model" in r.getMessage()]
    assert len(warnings) == 1 and "pip install" in warnings[0].getMessage()
    assert article_enrich(article_id=Article.objects.first().pk) == "skipped: no spaCy model"


XI_FULL = (
    "Xi Jinping hosts leaders at Beijing parade",
    [
        "BEIJING – Chinese leader Xi Jinping hosted a military parade in Beijing on Wednesday, standing beside "
        "Russian President Vladimir Putin on the rostrum above Tiananmen Square.",
        "Xi told the crowd that China would never be intimidated. Tens of thousands of troops marched past.",
        "“The parade is a message to Washington,” said Edward Howell, a lecturer in politics at the University of Oxford.",
    ],
)
XI_SHORT = (
    "Beijing trade talks resume after summit",
    [
        "Trade negotiators met in Beijing on Thursday, a day after the parade, to prepare a visit by foreign ministers.",
        "Officials said Xi had asked them to finish the draft agreement before the end of the month.",
        "The talks are due to last three days, according to the commerce ministry.",
    ],
)


@pytest.mark.django_db
def test_xi_and_xi_jinping_in_two_articles_are_one_person_with_quotes_kept(recognizer_or_skip):
    from datetime import datetime, timezone

    when = datetime(2026, 9, 3, 8, tzinfo=timezone.utc)
    first = ingest("xi-full.txt", as_capture(*XI_FULL, when))
    second = ingest("xi-short.txt", as_capture(*XI_SHORT, when.replace(hour=12)))
    for row in (second, first):  # the short name first: the full name must still win
        article_enrich(article_id=row["id"])
    xi = Entity.objects.get(kind="person", aliases__alias="Xi")
    assert xi.name == "Xi Jinping"
    assert not Entity.objects.filter(kind="person", name="Xi").exists()
    assert set(Mention.objects.filter(entity=xi).values_list("article_id", flat=True)) == {first["id"], second["id"]}
    assert Entity.objects.filter(kind="place", name="Beijing").count() == 1
    quote = Quote.objects.get(article_id=first["id"])
    assert quote.speaker is not None and quote.speaker.name == "Edward Howell"
    assert Mention.objects.get(article_id=first["id"], entity=xi).rel == "about"


@pytest.fixture
def recognizer_or_skip():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "enrich"))
    from enrich_model import model_or_skip

    return model_or_skip()


@pytest.mark.django_db
def test_an_article_another_worker_put_in_a_story_is_a_story_candidate_here():
    """Two workers, one event: this worker's story index catches up on the other's article and joins its story."""
    first = ingest("wire.txt", as_capture(*document("01-rotterdam-strike-wire", "original")))
    warm = warm_get()
    with warm.lock:  # as if another worker had saved it: stored with its story, never in this process's index
        warm.stories.remove(first["id"])
    assert first["story"] and first["id"] not in warm.stories
    other = ingest("hague.txt", as_capture(*document("02-rotterdam-strike-hague", "original")))
    assert other["status"] == "created"
    assert other["story"] == first["story"], "this worker started a second story for the same event"
    assert first["id"] in warm.stories
