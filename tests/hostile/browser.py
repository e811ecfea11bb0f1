"""Pages of the site opened in one headless Chromium, served by Django's test client (no server thread).

Every request the page makes to ``http://testserver`` is answered by the
test client inside the test's transaction, headers included (so the CSP
applies); static files come from the finders; anything else (a wire's
photo on some https host) gets a 1×1 GIF and is noted. For each page the
report lists what would mean injected code ran or could run: a dialog
(every corpus script calls ``alert``/``confirm``/``prompt``), a console
error or uncaught exception, a CSP violation, and, in the DOM after
site.js has run, any ``<script>`` but ours, any ``on*`` attribute, any
``javascript:``/``vbscript:``/``data:`` URL, any element that can run or
load code (iframe, object, embed, base, form, svg, math, style, template,
meta refresh…), and JSON-LD that no longer parses.
"""

from __future__ import annotations

import base64
import functools
import mimetypes
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.db import DEFAULT_DB_ALIAS, connections

from browser_fixtures import chromium_launch, chromium_or_skip  # noqa: F401  (chromium_or_skip: for the corpus tests)

ORIGIN = "http://localhost"  # a trustworthy origin, as https is (COOP is ignored, with a console error, elsewhere)
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")

WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective + " " + (e.sample || e.blockedURI)));
"""

# Runs in the page once its own scripts have run (site.js has filled the count and the rails; the desk's keys.js).
# ``check`` says what the page may hold of its own (see ``Check``).
INSPECT = r"""
async ({waitFor, scripts, jsonLd, links, wireOnly}) => {
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
    "xmp", "plaintext", "noembed", "noframes", "listing"]);
  // In copy from the wire nothing may load either (an image's onerror is the classic vector).
  const IN_WIRE_TEXT = new Set([...DANGEROUS, "script", "img", "link", "meta"]);
  for (const script of document.querySelectorAll("script")) {
    const src = script.getAttribute("src");
    if (src !== null) {
      if (!scripts.includes(new URL(src, location.href).pathname)) found.push("script src=" + src);
    } else if (jsonLd && script.type === "application/ld+json") {
      try { JSON.parse(script.textContent); } catch (error) { found.push("JSON-LD that does not parse: " + script.textContent.slice(0, 120)); }
    } else {
      found.push("inline script: " + script.outerHTML.slice(0, 160));
    }
  }
  // The site's own search form: the first form in the masthead, sent to /search with GET. Copy never reaches the masthead.
  const ownSearch = document.querySelector("body > header.masthead form.masthead-search");
  const ours = (element) => ownSearch !== null && ownSearch.getAttribute("action") === "/search"
    && (ownSearch.getAttribute("method") || "").toLowerCase() === "get" && ownSearch.contains(element);
  if (wireOnly) {  // the desk's own forms are meant to be there: only what came from the wire is looked into
    for (const wire of document.querySelectorAll("[data-wire]")) {
      for (const element of wire.querySelectorAll("*")) {
        if (IN_WIRE_TEXT.has(element.localName)) found.push("element <" + element.localName + "> in wire text: " + element.outerHTML.slice(0, 160));
      }
    }
  }
  for (const element of document.querySelectorAll("*")) {
    const tag = element.localName;
    if (!wireOnly && DANGEROUS.has(tag) && !ours(element)) found.push("element <" + tag + ">: " + element.outerHTML.slice(0, 160));
    if (tag === "meta" && (element.getAttribute("http-equiv") || "").length) found.push("meta http-equiv: " + element.outerHTML.slice(0, 160));
    if (tag === "link" && !links.includes(element.getAttribute("rel"))) found.push("link: " + element.outerHTML.slice(0, 160));
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


@dataclass(frozen=True)
class Check:
    """What a kind of page may hold of its own; everything else ``INSPECT`` finds is a problem.

    ``scripts``: our script files (under STATIC_URL); ``json_ld``: data blocks
    allowed (and must parse); ``links``: ``<link rel>`` values; ``wire_only``:
    elements that run or load code are looked for only inside ``[data-wire]``
    (the desk, whose own forms and buttons are meant to be there) instead of
    on the whole page; ``wait_for``: requests the page's scripts make before
    it is inspected.
    """

    scripts: tuple[str, ...]
    links: tuple[str, ...]
    json_ld: bool
    wire_only: bool
    wait_for: tuple[str, ...]


PUBLIC = Check(scripts=("site/site.js",), links=("stylesheet", "alternate", "canonical"), json_ld=True, wire_only=False, wait_for=("/rails.json",))
DESK = Check(scripts=("desk/keys.js",), links=("stylesheet",), json_ld=False, wire_only=True, wait_for=("desk/keys.js",))


@dataclass
class PageReport:
    url: str
    problems: list[str] = field(default_factory=list)


class Reader:
    """One browser, one tab, many pages; call ``read(path)`` for each and collect the problems."""

    def __init__(self, playwright, chromium: str, *, connection) -> None:
        from django.conf import settings
        from django.test import Client

        self.connection = connection
        self.client = Client()
        self.static_url = settings.STATIC_URL
        self.browser = chromium_launch(playwright, chromium)
        self.page = self.browser.new_page()
        self.page.add_init_script(WATCH)
        self.page.route("**/*", self._serve)
        self.events: list[str] = []
        self.external: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.events.append(f"uncaught exception: {str(error)[:200]}"))

    def _console(self, message) -> None:
        if message.type == "error" and not (message.text.startswith("Loading the image") and "img-src" in message.text):
            self.events.append(f"console error: {message.text[:200]}")

    def _dialog(self, dialog) -> None:
        self.events.append(f"{dialog.type} dialog opened: {dialog.message[:100]!r}")
        dialog.dismiss()

    def _serve(self, route, request) -> None:
        try:
            self._answer(route, request)
        except Exception as error:  # Playwright would swallow it and send the request to the network instead
            self.events.append(f"serving {request.url[:120]} failed: {type(error).__name__}: {error}")
            route.fulfill(status=500, body=b"")

    def _answer(self, route, request) -> None:
        url = urlsplit(request.url)
        if f"{url.scheme}://{url.netloc}" != ORIGIN:
            self.external.append(request.url)
            route.fulfill(status=200, content_type="image/gif", body=PIXEL)
            return
        if url.path.startswith(self.static_url):
            route.fulfill(**self._static(url.path.removeprefix(self.static_url)))
            return
        # Playwright runs each handler in a greenlet with thread-locals of its own, where Django would
        # open a second connection that cannot see the test's transaction: hand it the test's.
        connections[DEFAULT_DB_ALIAS] = self.connection
        path = url.path + (f"?{url.query}" if url.query else "")
        body = request.post_data_buffer or b""
        response = self.client.generic(request.method, path, body, content_type=request.headers.get("content-type", ""))
        route.fulfill(status=response.status_code, headers=dict(response.items()), body=response.content)

    @functools.cache
    def _static(self, name: str) -> dict:
        from django.contrib.staticfiles import finders

        found = finders.find(name)
        if found is None:
            return {"status": 404, "body": b""}
        return {"status": 200, "content_type": mimetypes.guess_type(found)[0] or "application/octet-stream", "body": Path(found).read_bytes()}

    def read(self, path: str, *, forbidden: Iterable[str] = (), wait_for: tuple[str, ...] | None = None, check: Check = PUBLIC) -> PageReport:
        """Open ``path`` and list its problems under ``check`` (``wait_for`` overrides the check's requests to wait for)."""
        report = PageReport(path)
        self.events.clear()
        response = self.page.goto(ORIGIN + path, wait_until="load")
        if response is None or response.status != 200:
            report.problems.append(f"answered {response.status if response else 'nothing'}")
            return report
        inspected = self.page.evaluate(INSPECT, {
            "waitFor": list(check.wait_for if wait_for is None else wait_for),
            "scripts": [self.static_url + script for script in check.scripts],
            "jsonLd": check.json_ld, "links": list(check.links), "wireOnly": check.wire_only,
        })
        report.problems += inspected["found"]
        # An image from a host the policy does not allow (an http:// photo) is the policy at work, not code running.
        report.problems += [f"CSP violation: {v}" for v in inspected["violations"] if not v.startswith("img-src ")]
        report.problems += [f"page shows {s[:40]!r}" for s in forbidden if s in inspected["text"]]
        report.problems += self.events
        return report

    def close(self) -> None:
        self.browser.close()
