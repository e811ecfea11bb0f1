"""Hostile input does no harm: every corpus file is refused with a reason or saved safely, and no script runs.

For each kind of the corpus (``manifest.json``, made by ``build_corpus.py``)
every file goes through ``item_process`` as `newsdesk ingest` would send it:
no exception may escape, no stage may crash, a refusal carries a reason
code, files the manifest says must be refused are refused for that reason,
and nothing may cost more CPU than ``SECONDS_PER_FILE`` (plus ``SECONDS_PER_ITEM`` an item). Then every article
saved from the kind, and the front and section pages listing them, are
opened in one headless Chromium (``browser.Reader``): no dialog, no console
error, no CSP violation, no script but ours, no event handler, no
``javascript:`` URL, no element that can run code, nothing forbidden
(``/etc/passwd``, an expanded entity) on the page.
The same articles are then opened in the desk as an editor sees them
(queue pages, editor, preview) with the same checks (``desk_pages``).
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import build_corpus  # noqa: E402
from browser import Reader, chromium_or_skip  # noqa: E402
from desk_pages import desk_reports  # noqa: E402
from vectors import REGEX_TRAPS, XSS_VECTORS  # noqa: E402

MANIFEST = json.loads((HERE / "manifest.json").read_text())
MAX_BYTES = 15 * 1024 * 1024  # NEWSDESK_MAX_PAYLOAD_BYTES' default
# CPU seconds of the test's thread (time.thread_time), not wall time: at a load average of 14 a file that costs
# 1 s of CPU took 12 s of wall time. Generous still; a regex that backtracks takes minutes, not seconds.
SECONDS_PER_FILE = 5.0
# A file of many items may take longer in proportion (10,000 picture items: 2.4 s on a quiet machine).
SECONDS_PER_ITEM = 0.001
OUTCOMES = {"created", "updated", "unchanged", "duplicate", "skipped", "failed"}
SAVED = ("created", "updated", "unchanged", "duplicate")  # a duplicate is folded into an article whose page shows its credit


def test_the_committed_corpus_is_exactly_what_build_corpus_makes(tmp_path):
    corpus = build_corpus.Corpus(tmp_path)
    for build in (build_corpus.build_xml_bombs, build_corpus.build_xss, build_corpus.build_links, build_corpus.build_regex,
                  build_corpus.build_encodings, build_corpus.build_huge, build_corpus.build_ninjs):
        build(corpus)
    corpus.write_manifest()
    assert (tmp_path / "manifest.json").read_text() == (HERE / "manifest.json").read_text(), "run tests/hostile/build_corpus.py"
    stale = [e["path"] for e in MANIFEST if (tmp_path / e["path"]).read_bytes() != (HERE / e["path"]).read_bytes()]
    assert not stale, f"run tests/hostile/build_corpus.py: {stale[:5]}"
    on_disk = {str(p.relative_to(HERE)) for kind in build_corpus.KINDS for p in (HERE / kind).rglob("*") if p.is_file()}
    assert on_disk == {e["path"] for e in MANIFEST}, "files in the corpus folders that the manifest does not list"


def test_the_corpus_holds_every_kind_and_enough_of_it():
    kinds = Counter(entry["kind"] for entry in MANIFEST)
    assert set(kinds) == set(build_corpus.KINDS)
    assert sum(kinds.values()) >= 300
    assert len(XSS_VECTORS) >= 150 and kinds["xss"] >= len(XSS_VECTORS)
    assert all((HERE / e["path"]).stat().st_size < build_corpus.MAX_FILE_BYTES for e in MANIFEST)
    bombs = {e["format"] for e in MANIFEST if e["kind"] == "xml_bombs"}
    assert {"rss", "atom", "newsml-g2"} <= bombs


def _ingest(entries: list[dict]) -> tuple[list[str], dict[int, list[str]]]:
    """item_process every file: (problems, {article id: forbidden strings})."""
    from newsdesk.newsroom.models import Article, WireCopy
    from newsdesk.pipeline.ingest import item_process

    problems: list[str] = []
    pages: dict[int, list[str]] = {}
    for entry in entries:
        payload = (HERE / entry["path"]).read_bytes()
        started = time.thread_time()
        try:
            results = item_process(origin=entry["path"], payload=payload, content_type=entry["content_type"], max_bytes=MAX_BYTES)
        except Exception as error:  # the point of the test: report any escape with its file
            problems.append(f"{entry['path']}: {type(error).__name__} escaped item_process: {error}")
            continue
        took = time.thread_time() - started
        budget = SECONDS_PER_FILE + SECONDS_PER_ITEM * len(results)
        if took > budget:
            problems.append(f"{entry['path']}: took {took:.1f} s of CPU for {len(results)} items (budget {budget:.1f} s)")
        problems += [f"{entry['path']}: {p}" for p in _outcome_problems(entry, results)]
        for result in results:
            if result.status in SAVED:
                article = Article.objects.get(pk=result.article_id)
                stored = " ".join(str(v) for v in (article.headline, article.body_html, article.byline, article.summary,
                                                   article.image_caption, article.image_credit, article.dateline, article.credit))
                if result.status == "duplicate":
                    copy = WireCopy.objects.get(pk=result.copy_id)
                    stored = " ".join((stored, copy.headline, copy.credit))
                problems += [f"{entry['path']}: stored {s[:40]!r}" for s in entry["forbidden"] if s in stored]
                pages.setdefault(article.pk, []).extend(entry["forbidden"])
    return problems, pages


def _outcome_problems(entry: dict, results: list) -> list[str]:
    problems = []
    if not results:
        problems.append("no outcome at all")
    for result in results:
        if result.status not in OUTCOMES:
            problems.append(f"unexpected outcome {result.status}")
        if result.reason == "crash":
            problems.append(f"a stage crashed: {result.message}")
        if result.status in ("failed", "skipped") and not (result.reason and result.message):
            problems.append(f"{result.status} without a reason code and a message")
        if result.status in SAVED and not (result.article_id and result.url):
            problems.append(f"{result.status} without an article")
    if entry["expect"] == "refused":
        wrong = [f"{r.status}/{r.reason}" for r in results if r.status != "failed" or r.reason not in entry["reasons"]]
        if wrong:
            problems.append(f"must be refused ({' or '.join(entry['reasons'])}), got {wrong}")
    return problems


@pytest.mark.browser
@pytest.mark.django_db
@pytest.mark.parametrize("kind", build_corpus.KINDS)
def test_every_hostile_file_is_refused_or_saved_safely_and_no_script_runs_on_the_page(kind, monkeypatch):
    from playwright.sync_api import sync_playwright

    from django.db import DEFAULT_DB_ALIAS, connections

    from newsdesk.newsroom.models import Article, Section

    entries = [entry for entry in MANIFEST if entry["kind"] == kind]
    problems, pages = _ingest(entries)
    assert not problems, f"{len(problems)} problems in {kind}/:\n" + "\n".join(problems[:50])

    chromium = chromium_or_skip()
    if chromium is None:
        pytest.skip(f"{len(entries)} {kind} files ingested safely; Chromium is not installed, so no page was opened")
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop in this thread
    articles = [(a.get_absolute_url(), pages[a.pk]) for a in Article.objects.filter(pk__in=pages).order_by("pk")]
    listings = ["/"] + [section.get_absolute_url() for section in Section.objects.all()]
    connection = connections[DEFAULT_DB_ALIAS]  # the test's own, inside its transaction (not the lazy proxy)
    with sync_playwright() as playwright:
        reader = Reader(playwright, chromium, connection=connection)
        try:
            reports = [reader.read(url, forbidden=forbidden, wait_for=("/rails.json", "/views/")) for url, forbidden in articles]
            reports += [reader.read(url) for url in listings]
        finally:
            reader.close()
        reports += desk_reports(playwright, chromium, connection=connection, pages=pages)  # queue, editor, preview
    bad = [f"{report.url}: {problem}" for report in reports for problem in report.problems]
    assert not bad, f"{len(bad)} problems on {len(reports)} pages from {kind}/:\n" + "\n".join(bad[:60])


# Inputs too big to keep in the repository, made here.

@pytest.mark.django_db
def test_a_payload_over_the_size_cap_is_refused_before_it_is_stored_or_read():
    from newsdesk.newsroom.models import RawItem
    from newsdesk.pipeline.ingest import item_process

    feed = build_corpus.rss(build_corpus.Story(guid="urn:hostile:cap", title="Too big", body="x" * (16 * 1024 * 1024)))
    started = time.thread_time()
    (result,) = item_process(origin="too-big.xml", payload=feed.encode(), max_bytes=MAX_BYTES)
    assert result.status == "failed" and result.reason == "too_large" and "MB limit" in result.message
    assert time.thread_time() - started < 1 and not RawItem.objects.exists()


@pytest.mark.parametrize("name", ["long-line", "capitals", "caps-dateline-repeat", "nested-brackets", "angle-brackets", "by-by", "credit-tails", "dash-runs"])
def test_regex_traps_ten_times_longer_still_take_linear_time(name):
    """Each trap at 10× its corpus length: a quadratic pattern would take 100× the time, a linear one 10×."""
    from newsdesk.core.errors import IngestError
    from newsdesk.pipeline.preview import extractions_from_payload

    def run(trap: str) -> float:
        story = build_corpus.Story(guid=f"urn:hostile:regex:{name}", title=f"Trap {name}", body=trap, caption=trap[:5000], author=trap[:2000])
        started = time.thread_time()
        for builder in (build_corpus.capture, build_corpus.page):
            try:
                extractions_from_payload(builder(story).encode(), origin=f"{name}.txt", max_bytes=MAX_BYTES)
            except IngestError:
                pass
        return time.thread_time() - started

    trap = REGEX_TRAPS[name]
    run(trap)  # warm the imports
    small, big = run(trap), run(trap * 10)
    assert big < max(40 * small, 2.0), f"{name}: {small:.2f} s at {len(trap):,} characters, {big:.2f} s at {10 * len(trap):,}"


@pytest.mark.browser
@pytest.mark.django_db
def test_the_reader_reports_markup_that_got_past_the_sanitiser(article_factory, settings, monkeypatch):
    """The corpus check could not fail if the reader missed things: a body written straight to the database shows it does not."""
    from django.db import DEFAULT_DB_ALIAS, connections
    from playwright.sync_api import sync_playwright

    from newsdesk.newsroom.models import Article

    chromium = chromium_or_skip()
    if chromium is None:
        pytest.skip("Chromium is not installed")
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    article = article_factory(headline="Canary in the coal mine")
    Article.objects.filter(pk=article.pk).update(body_html=(
        '<p>Text.</p><script>alert("inline")</script><img src="https://images.example/x.gif" onload="alert(2)">'
        '<a href=" javascript:alert(3)">link</a><iframe src="https://evil.example/"></iframe>'
    ))
    connection = connections[DEFAULT_DB_ALIAS]
    with sync_playwright() as playwright:
        reader = Reader(playwright, chromium, connection=connection)
        try:
            guarded = reader.read(article.get_absolute_url()).problems
        finally:
            reader.close()
        settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.endswith(".SecurityHeadersMiddleware")]
        reader = Reader(playwright, chromium, connection=connection)
        try:
            unguarded = reader.read(article.get_absolute_url()).problems
        finally:
            reader.close()
    found = "\n".join(guarded)
    for expected in ("inline script", "event handler onload", "href= javascript:alert(3)", "element <iframe>", "CSP violation: script-src-elem"):
        assert expected in found, (expected, guarded)
    assert not [p for p in guarded if "dialog" in p], "the policy let the inline script run"
    assert 'alert dialog opened: \'inline\'' in "\n".join(unguarded), unguarded
