"""Kills: removed from every public place, the address answers 410 with the notice; agencies' withdrawals kill too."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied

from desk_people import desk_user  # noqa: F401
from newsdesk.desk import workflow
from newsdesk.desk.workflow import WorkflowError
from newsdesk.newsroom.models import Article, AuditEntry, Source
from newsdesk.pipeline.ingest import item_process

pytestmark = pytest.mark.django_db
WIRE_DATA = Path(__file__).resolve().parents[1] / "wire" / "testdata"
NOTICE = "This story has been removed on legal advice."
PUBLIC_PLACES = ("/", "/section/world/", "/feeds/rss.xml", "/feeds/atom.xml", "/api/v1/articles", "/api/v1/search?q=fraud+inquiry")


def _public_text(client) -> str:
    """Everything a reader or a crawler can list, as one text (every place must answer)."""
    responses = {path: client.get(path) for path in PUBLIC_PLACES}
    assert {path: r.status_code for path, r in responses.items()} == dict.fromkeys(PUBLIC_PLACES, 200)
    return "\n".join(r.content.decode() for r in responses.values()) + _sitemaps_text(client)


def _sitemaps_text(client) -> str:
    index = client.get("/sitemap.xml").content.decode()
    return "\n".join(client.get(url.split("testserver", 1)[-1]).content.decode() for url in re.findall(r"<loc>([^<]+)</loc>", index))


def test_a_killed_article_is_gone_from_every_public_place_and_its_address_answers_410_with_the_notice(desk_user, article_factory, client):
    article = article_factory(headline="Minister named in fraud inquiry", section="World")
    article_factory(headline="Another story stays", section="World")
    assert "Minister named in fraud inquiry" in _public_text(client)
    assert article.get_absolute_url() in _sitemaps_text(client)
    workflow.article_kill(article, desk_user("editor", username="ed"), f"  {NOTICE}  ")

    assert "Minister named in fraud inquiry" not in _public_text(client)
    assert article.get_absolute_url() not in _sitemaps_text(client)
    assert "Another story stays" in client.get("/").content.decode()
    for url in (article.get_absolute_url(), f"/article/{article.pk}/"):
        response = client.get(url)
        assert response.status_code == 410, url
        page = response.content.decode()
        assert NOTICE in page and "Minister named" not in page  # the notice, never the killed headline
    assert client.get(f"/api/v1/articles/{article.pk}").status_code == 404
    article.refresh_from_db()
    assert article.status == Article.Status.KILLED and article.kill_notice == NOTICE
    entry = AuditEntry.objects.get(article=article)
    assert (entry.actor_name, entry.action, entry.detail["notice"], entry.detail["from"]) == ("ed", "kill", NOTICE, "published")
    assert article.versions.order_by("-number").first().snapshot["status"] == "killed"


def test_an_unknown_article_is_still_a_404_not_a_410(client):
    assert client.get("/article/987654/no-such-story/").status_code == 404


def test_a_kill_needs_an_editor_and_a_notice(desk_user, article_factory):
    article = article_factory(headline="Contested story")
    with pytest.raises(PermissionDenied):
        workflow.article_kill(article, desk_user("contributor"), NOTICE)
    with pytest.raises(WorkflowError) as refused:
        workflow.article_kill(article, desk_user("editor"), "   ")
    assert refused.value.reason == "kill_notice_missing"
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED and not AuditEntry.objects.exists()


def test_killing_removes_the_baked_pages_after_the_commit(settings, tmp_path, desk_user, article_factory, django_capture_on_commit_callbacks):
    from newsdesk.publish.bake import bake_all, baked_file

    settings.BAKED_DIR = str(tmp_path / "baked")
    settings.SITE_URL = "http://testserver"
    article = article_factory(headline="Baked then killed", section="World")
    bake_all()
    page = Path(settings.BAKED_DIR) / baked_file(article.get_absolute_url())[0]
    home = Path(settings.BAKED_DIR) / "index.html"
    assert page.exists() and "Baked then killed" in home.read_text()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.article_kill(article, desk_user("editor"), NOTICE)
    assert not page.exists()
    assert home.exists() and "Baked then killed" not in home.read_text()  # baked again without it


@pytest.fixture
def agency():
    return Source.objects.create(name="Lakeshore Press", slug="lakeshore-press", credit="Lakeshore Press")


def _ingest(name: str, payload: bytes, source: Source):
    return item_process(origin=name, payload=payload, source=source, content_type="", max_bytes=10_000_000, publish=True)


def test_a_ninjs_item_sent_again_as_canceled_kills_the_article_it_was(agency, client):
    [first] = _ingest("ferry.json", (WIRE_DATA / "ninjs" / "text-2x-ferry.json").read_bytes(), agency)
    assert first.status == "created" and client.get(first.url).status_code == 200
    [kill] = _ingest("kill.json", (WIRE_DATA / "ninjs" / "canceled-2x.json").read_bytes(), agency)
    assert (kill.status, kill.article_id) == ("killed", first.article_id)
    response = client.get(first.url)
    assert response.status_code == 410 and "Lakeshore Press cancelled it" in response.content.decode()
    entry = AuditEntry.objects.get(article_id=first.article_id)
    assert (entry.actor_name, entry.action, entry.detail["wire_status"]) == ("wire", "kill", "canceled")


def test_withheld_counts_as_a_withdrawal_too_and_a_repeat_changes_nothing(agency):
    [first] = _ingest("ferry.json", (WIRE_DATA / "ninjs" / "text-2x-ferry.json").read_bytes(), agency)
    withheld = json.loads((WIRE_DATA / "ninjs" / "canceled-2x.json").read_text()) | {"pubstatus": "withheld"}
    assert _ingest("held.json", json.dumps(withheld).encode(), agency)[0].status == "killed"
    withheld["version"] = "4"
    assert _ingest("held-again.json", json.dumps(withheld).encode(), agency)[0].status == "killed"
    assert Article.objects.get(pk=first.article_id).status == Article.Status.KILLED
    assert AuditEntry.objects.filter(article_id=first.article_id, action="kill").count() == 1


def test_a_withdrawal_of_an_item_we_never_had_is_skipped_with_its_reason(agency):
    [result] = _ingest("kill.json", (WIRE_DATA / "ninjs" / "canceled-2x.json").read_bytes(), agency)
    assert (result.status, result.reason) == ("skipped", "withdrawn")
    assert not Article.objects.exists() and not AuditEntry.objects.exists()


def test_a_withdrawal_from_another_source_does_not_kill_this_sources_article(agency):
    [first] = _ingest("ferry.json", (WIRE_DATA / "ninjs" / "text-2x-ferry.json").read_bytes(), agency)
    other = Source.objects.create(name="Other Wire", slug="other-wire")
    assert _ingest("kill.json", (WIRE_DATA / "ninjs" / "canceled-2x.json").read_bytes(), other)[0].status == "skipped"
    assert Article.objects.get(pk=first.article_id).status == Article.Status.PUBLISHED


def test_a_newsml_g2_item_with_pubstatus_canceled_kills_the_article(agency, client):
    original = (WIRE_DATA / "newsmlg2" / "text-xhtml-council.xml").read_text()
    [first] = _ingest("council.xml", original.encode(), agency)
    assert first.status == "created"
    canceled = original.replace('version="1"', 'version="2"', 1).replace(
        "<nar:itemMeta>", '<nar:itemMeta>\n    <nar:pubStatus qcode="stat:canceled"/>', 1
    )
    [kill] = _ingest("council-kill.xml", canceled.encode(), agency)
    assert (kill.status, kill.article_id) == ("killed", first.article_id)
    assert client.get(first.url).status_code == 410


def test_a_newsml_1_item_sent_again_as_canceled_kills_the_article_it_was(agency, client):
    item = (WIRE_DATA / "newsml1" / "tram.xml").read_text()
    [first] = _ingest("tram.xml", item.encode(), agency)
    assert first.status == "created"
    canceled = item.replace('Status FormalName="Usable"', 'Status FormalName="Canceled"').replace(">2</RevisionId>", ">3</RevisionId>")
    [kill] = _ingest("tram-kill.xml", canceled.encode(), agency)
    assert (kill.status, kill.article_id) == ("killed", first.article_id)
    assert client.get(first.url).status_code == 410
    assert "withdrawn" in Article.objects.get(pk=first.article_id).kill_notice


def test_an_item_dropping_out_of_an_rss_feed_is_not_a_kill(agency):
    feed = (WIRE_DATA / "rss-harbour.xml").read_text()
    created = [r for r in _ingest("feed.xml", feed.encode(), agency) if r.status == "created"]
    assert len(created) >= 2
    start = feed.index("<item>")
    shorter = feed[:start] + feed[feed.index("</item>", start) + len("</item>"):]
    _ingest("feed-later.xml", shorter.encode(), agency)
    assert set(Article.objects.filter(pk__in=[r.article_id for r in created]).values_list("status", flat=True)) == {"published"}
