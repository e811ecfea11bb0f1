"""The desk's pages in the hostile-corpus browser check (issue 6, point 4: "rendered … in the desk").

After the public pages, the same articles are opened as a signed-in editor
sees them: the incoming queue (fifty to a page, so a few pages cover a whole
kind), each article's editor, and each article's preview (the public
template with the draft). Same browser and same inspection as the public
pages (``browser.Reader``), under the desk's ``browser.DESK`` check: its own
script (``desk/keys.js``) is allowed, and elements that can run or load
code are looked for only inside what came from the wire (``[data-wire]``
cells and fields), because the desk's own forms and buttons are meant to be
there. The preview is the public page, so it gets the public page's check.
"""

from __future__ import annotations

import math

from browser import DESK, PageReport, Reader

QUEUE_PAGE = 50  # desk.queue.PER_PAGE


class DeskReader(Reader):
    """``Reader`` signed in as an editor."""

    def __init__(self, playwright, chromium: str, *, connection, editor) -> None:
        super().__init__(playwright, chromium, connection=connection)
        self.client.force_login(editor, backend="django.contrib.auth.backends.ModelBackend")


def desk_reports(playwright, chromium: str, *, connection, pages: dict[int, list[str]]) -> list[PageReport]:
    """Open every article of ``pages`` ({article id: forbidden strings}) in the desk's queue, editor and preview."""
    from django.contrib.auth.models import Group, User
    from django.db import DEFAULT_DB_ALIAS, connections

    from newsdesk.newsroom.models import Article

    # Inside Playwright's sync API the ORM would open a connection of its own, outside the test's transaction.
    connections[DEFAULT_DB_ALIAS] = connection
    editor = User.objects.create_user("hostile-corpus-editor")
    editor.groups.add(Group.objects.get_or_create(name="editor")[0])
    statuses = sorted(set(Article.objects.filter(pk__in=pages).values_list("status", flat=True)))
    reader = DeskReader(playwright, chromium, connection=connection, editor=editor)
    try:
        reports = []
        for status in statuses:
            count = Article.objects.filter(status=status).count()
            for number in range(1, math.ceil(count / QUEUE_PAGE) + 1):
                reports.append(reader.read(f"/desk/?status={status}&page={number}", check=DESK))
        for pk, forbidden in sorted(pages.items()):
            reports.append(reader.read(f"/desk/articles/{pk}/", forbidden=forbidden, check=DESK))
            reports.append(reader.read(f"/desk/articles/{pk}/preview", forbidden=forbidden))  # the public page's check
        return reports
    finally:
        reader.close()
