"""The desk in Chromium (issue 6, point 6): an editor takes wire copy from the queue, edits and publishes it, a
reader sees it; the editor corrects it and the reader sees the note; a contributor cannot publish."""

from __future__ import annotations

import pytest

from desk_people import PASSWORD, desk_user  # noqa: F401

pytestmark = [pytest.mark.browser]  # the ``browser`` fixture: tests/browser_fixtures.py


def _wire_draft(article_factory, headline: str, credit: str = "Agency One"):
    from newsdesk.newsroom.models import Article, Source

    source, _ = Source.objects.get_or_create(slug="agency-one", defaults={"name": credit, "credit": credit})
    article = article_factory(publish=False, headline=headline, credit=credit,
                              body_html="<p>Ferries stopped running across the estuary on Monday.</p>")
    Article.objects.filter(pk=article.pk).update(status="draft", source=source)
    article.refresh_from_db()
    return article


def _log_in(browser, base: str, username: str):
    page = browser.new_context().new_page()
    errors: list[str] = []
    def console(message) -> None:  # the browser's own favicon request is not the desk's doing
        if message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico"):
            errors.append(f"{message.text} ({message.location.get('url')})")

    page.on("console", console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base + "/desk/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]:has-text('Log in')")
    page.wait_for_url(base + "/desk/")
    page.errors = errors
    return page


def test_an_editor_takes_copy_from_the_queue_publishes_and_corrects_it_and_a_reader_sees_both(
    browser, live_server, article_factory, desk_user
):
    from playwright.sync_api import expect

    from newsdesk.newsroom.models import Article

    desk_user("editor", username="edna", password=PASSWORD)
    older = _wire_draft(article_factory, "Older copy that stays in the queue")
    wire = _wire_draft(article_factory, "FERRY STRIKE: services halted across estuary")
    base = live_server.url

    desk = _log_in(browser, base, "edna")
    rows = desk.locator("[data-queue-row]")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("FERRY STRIKE")
    # The keyboard: j moves to the first item, j/k move on and back, Enter opens the focused one.
    desk.keyboard.press("j")
    desk.keyboard.press("j")
    expect(desk.locator(f'[data-article="{older.pk}"] a[data-open]')).to_be_focused()
    desk.keyboard.press("k")
    expect(desk.locator(f'[data-article="{wire.pk}"] a[data-open]')).to_be_focused()
    desk.keyboard.press("Enter")
    desk.wait_for_url(f"{base}/desk/articles/{wire.pk}/")

    desk.fill("#id_headline", "Ferry strike halts services across the estuary")
    with desk.expect_navigation():
        desk.click("button[data-action=publish]")
    expect(desk.locator(".desk-messages")).to_contain_text("Published.")
    expect(desk.locator("[data-status]")).to_have_attribute("data-status", "published")

    reader = browser.new_context().new_page()
    reader.goto(base + "/")
    expect(reader.get_by_role("link", name="Ferry strike halts services across the estuary").first).to_be_visible()
    reader.get_by_role("link", name="Ferry strike halts services across the estuary").first.click()
    expect(reader.locator("h1")).to_have_text("Ferry strike halts services across the estuary")
    article_url = reader.url

    desk.fill("#id_body_html", "<p>Ferries stopped running across the estuary on Tuesday.</p>")
    desk.fill("#id_note", "An earlier version gave the wrong day: the strike began on Tuesday.")
    desk.click("text=Save the correction")
    expect(desk.locator(".desk-messages")).to_contain_text("Corrected")

    # Pages may be kept by a browser for a minute (Cache-Control: max-age=60): the reader comes back later.
    reader = browser.new_context().new_page()
    reader.goto(article_url)
    expect(reader.locator(".correction-note")).to_have_text("An earlier version gave the wrong day: the strike began on Tuesday.")
    expect(reader.locator(".story-body")).to_contain_text("on Tuesday.")
    assert Article.objects.get(pk=wire.pk).versions.count() >= 3  # ingest, edit, publish… and the correction
    assert not desk.errors, desk.errors


def test_a_contributor_sees_no_publish_button_and_a_forged_publish_is_refused(browser, live_server, article_factory, desk_user):
    from playwright.sync_api import expect

    from newsdesk.newsroom.models import Article

    desk_user("contributor", username="cora", password=PASSWORD)
    wire = _wire_draft(article_factory, "Council votes on the harbour plan")
    base = live_server.url

    desk = _log_in(browser, base, "cora")
    desk.click(f'[data-article="{wire.pk}"] a[data-open]')
    expect(desk.locator("#id_headline")).to_have_value("Council votes on the harbour plan")
    expect(desk.locator("button[data-action=publish]")).to_have_count(0)
    expect(desk.get_by_role("button", name="Kill")).to_have_count(0)
    expect(desk.get_by_role("button", name="Submit for review")).to_be_visible()

    # The same POST the editor's button sends, with a valid session and CSRF token: refused by role.
    token = next(c["value"] for c in desk.context.cookies() if c["name"] == "csrftoken")
    forged = desk.request.post(f"{base}/desk/articles/{wire.pk}/publish", headers={"X-CSRFToken": token},
                               form={"headline": "Published by a contributor", "body_html": "<p>x</p>"})
    assert forged.status == 403
    assert Article.objects.get(pk=wire.pk).status == "draft"

    desk.get_by_role("button", name="Submit for review").click()
    expect(desk.locator("[data-status]")).to_have_attribute("data-status", "ready")
    assert not desk.errors, desk.errors
