"""The desk's pages in the hostile-corpus browser check (issue 6, point 4: "rendered … in the desk").

After the public pages, the same articles are opened as a signed-in editor
sees them: the incoming queue (fifty to a page, so a few pages cover a whole
kind), each article's editor, and each article's preview (the public
template with the draft). Same browser, same checks as ``browser.Reader``
(dialogs, console errors, CSP violations, scripts, ``on*`` attributes,
``javascript:`` URLs, style attributes) with two differences the desk needs:
its own script (``desk/keys.js``) is allowed, and elements that can run or
load code are looked for only inside what came from the wire (``[data-wire]``
cells and fields), because the desk's own forms and buttons are meant to be
there. The preview is the public page, so it gets the public page's check.
"""

from __future__ import annotations

import math

from browser import ORIGIN, PageReport, Reader

DESK_INSPECT = r"""
async ({waitFor, scripts}) => {
  const deadline = Date.now() + 1500;
  const loaded = () => {
    const names = performance.getEntriesByType("resource").map((entry) => entry.name);
    return waitFor.every((part) => names.some((name) => name.includes(part)));
  };
  while (!loaded() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  await new Promise((resolve) => setTimeout(resolve, 15));
  const found = [];
  const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "poster", "background", "cite", "data",
    "srcset", "srcdoc", "longdesc", "lowsrc", "dynsrc", "codebase", "ping", "manifest", "content"]);
  const DANGEROUS = new Set(["iframe", "frame", "frameset", "object", "embed", "applet", "base", "form", "input", "button",
    "textarea", "select", "svg", "math", "style", "template", "portal", "isindex", "keygen", "video", "audio", "marquee",
    "xmp", "plaintext", "noembed", "noframes", "listing", "script", "img", "link", "meta"]);
  for (const script of document.querySelectorAll("script")) {
    const src = script.getAttribute("src");
    if (src === null || !scripts.includes(new URL(src, location.href).pathname)) found.push("script: " + script.outerHTML.slice(0, 160));
  }
  for (const wire of document.querySelectorAll("[data-wire]")) {
    for (const element of wire.querySelectorAll("*")) {
      if (DANGEROUS.has(element.localName)) found.push("element <" + element.localName + "> in wire text: " + element.outerHTML.slice(0, 160));
    }
  }
  for (const element of document.querySelectorAll("*")) {
    const tag = element.localName;
    if (tag === "meta" && (element.getAttribute("http-equiv") || "").length) found.push("meta http-equiv: " + element.outerHTML.slice(0, 160));
    if (tag === "link" && element.getAttribute("rel") !== "stylesheet") found.push("link: " + element.outerHTML.slice(0, 160));
    if (element.shadowRoot) found.push("shadow root on <" + tag + ">");
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028\u2029\u205f\u3000\ufeff]/g, "").toLowerCase();
      if (name.startsWith("on")) found.push("event handler " + name + " on <" + tag + ">: " + attribute.value.slice(0, 120));
      const urls = name === "srcset" ? value.split(",") : [value];
      if (URL_ATTRIBUTES.has(name) && urls.some((url) => /^(javascript|vbscript|livescript|mocha|data):/.test(url))) {
        found.push(name + "=" + attribute.value.slice(0, 120) + " on <" + tag + ">");
      }
      if (name === "style") found.push("style attribute on <" + tag + ">");
    }
  }
  return {found, violations: window.__violations, text: document.body ? document.body.innerText : ""};
}
"""
QUEUE_PAGE = 50  # desk.queue.PER_PAGE


class DeskReader(Reader):
    """``Reader`` signed in as an editor, with the desk's inspection for desk pages."""

    def __init__(self, playwright, chromium: str, *, connection, editor) -> None:
        super().__init__(playwright, chromium, connection=connection)
        self.client.force_login(editor, backend="django.contrib.auth.backends.ModelBackend")

    def read_desk(self, path: str, *, forbidden=()) -> PageReport:
        report = PageReport(path)
        self.events.clear()
        response = self.page.goto(ORIGIN + path, wait_until="load")
        if response is None or response.status != 200:
            report.problems.append(f"answered {response.status if response else 'nothing'}")
            return report
        scripts = [self.static_url + "desk/keys.js"]
        inspected = self.page.evaluate(DESK_INSPECT, {"waitFor": ["desk/keys.js"], "scripts": scripts})
        report.problems += inspected["found"]
        report.problems += [f"CSP violation: {v}" for v in inspected["violations"] if not v.startswith("img-src ")]
        report.problems += [f"page shows {s[:40]!r}" for s in forbidden if s in inspected["text"]]
        report.problems += self.events
        return report


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
                reports.append(reader.read_desk(f"/desk/?status={status}&page={number}"))
        for pk, forbidden in sorted(pages.items()):
            reports.append(reader.read_desk(f"/desk/articles/{pk}/", forbidden=forbidden))
            reports.append(reader.read(f"/desk/articles/{pk}/preview", forbidden=forbidden, wait_for=("/rails.json",)))
        return reports
    finally:
        reader.close()
