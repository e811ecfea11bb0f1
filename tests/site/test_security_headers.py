"""Every answer tells the browser to run only our own files; errors tell strangers nothing.

Headers on every kind of answer (pages, feeds, API, static files, errors),
the same list the baked-page front sends, HSTS only over HTTPS, no stack
trace or SQL in any answer with debug off, a bad Host refused with a bare
400 — and in Chromium, our pages raise no CSP violation while an injected
inline script is blocked.
"""

from __future__ import annotations

import pytest
from browser_fixtures import chromium_launch
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import include, path

from newsdesk.site.security import CONTENT_SECURITY_POLICY, PERMISSIONS_POLICY, security_headers


def _boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("secret detail: /srv/newsdesk/settings.py line 42")


def _bad_sql(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT secret_column FROM table_that_does_not_exist WHERE token = 'hunter2'")
    return HttpResponse("unreachable")


# This module is also the URL conf of the error tests: the site plus two views that fail.
urlpatterns = [
    path("boom/", _boom),
    path("bad-sql/", _bad_sql),
    path("", include("newsdesk.config.urls")),
]
handler404 = "newsdesk.site.views.not_found"
handler500 = "newsdesk.site.views.server_error"

EXPECTED = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Permissions-Policy": PERMISSIONS_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def test_the_policy_runs_only_our_scripts_and_forbids_plugins_base_framing_and_foreign_forms():
    directives = dict(part.strip().split(" ", 1) for part in CONTENT_SECURITY_POLICY.split(";"))
    assert directives == {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": "'self'",
        "img-src": "'self' https: data:",
        "object-src": "'none'",
        "base-uri": "'none'",
        "frame-ancestors": "'none'",
        "form-action": "'self'",
    }
    assert "unsafe" not in CONTENT_SECURITY_POLICY


@pytest.mark.django_db
def test_every_kind_of_answer_carries_the_security_headers(client, harbour_article):
    section = harbour_article.section
    urls = [
        "/",
        section.get_absolute_url(),
        harbour_article.get_absolute_url(),
        "/feeds/rss.xml",
        "/sitemap.xml",
        "/robots.txt",
        "/rails.json",
        f"/views/{harbour_article.pk}",
        "/api/v1/articles",
        "/api/v1/openapi.json",
        "/api/v1/no-such-endpoint",
        "/static/site/site.js",
        "/no-such-page/",
        "/admin/login/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code < 500, url
        for name, value in EXPECTED.items():
            assert response.headers.get(name) == value, (url, name)
        assert "Strict-Transport-Security" not in response.headers, url  # never over plain HTTP


@pytest.mark.django_db
def test_hsts_is_sent_over_https_when_the_site_is_on_https(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get("/", secure=True)
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert ("Strict-Transport-Security", "max-age=31536000; includeSubDomains") in security_headers()
    settings.SECURE_HSTS_PRELOAD = True
    assert security_headers()[-1] == ("Strict-Transport-Security", "max-age=31536000; includeSubDomains; preload")


def test_without_https_there_is_no_hsts_for_the_baked_front_either(settings):
    settings.SECURE_HSTS_SECONDS = 0
    assert "Strict-Transport-Security" not in dict(security_headers())


@pytest.mark.django_db
def test_the_baked_front_gets_exactly_the_headers_django_sends(client, harbour_article):
    """``security_headers()`` is what site.baked_app sends with a file: the same values Django's answer has."""
    response = client.get(harbour_article.get_absolute_url())
    for name, value in security_headers():
        assert response.headers[name] == value, name


@pytest.mark.django_db
@pytest.mark.urls(__name__)
@pytest.mark.parametrize(
    ("url", "secrets"),
    [
        ("/boom/", ("secret detail", "RuntimeError", "settings.py")),
        ("/bad-sql/", ("SELECT", "secret_column", "table_that_does_not_exist", "hunter2", "OperationalError", "ProgrammingError")),
    ],
)
def test_a_failing_view_answers_a_plain_500_without_trace_or_sql(settings, url, secrets):
    assert settings.DEBUG is False
    client = Client(raise_request_exception=False)
    response = client.get(url)
    assert response.status_code == 500
    body = response.content.decode()
    assert "Something went wrong on our side" in body
    for leak in ("Traceback", "File \"", *secrets):
        assert leak not in body, leak
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY


@pytest.mark.django_db
def test_a_host_not_allowed_gets_a_bare_400_naming_nothing(client):
    response = client.get("/", HTTP_HOST="attacker.example")
    assert response.status_code == 400
    body = response.content.decode()
    for leak in ("attacker.example", "ALLOWED_HOSTS", "DisallowedHost", "Invalid HTTP_HOST", "Traceback"):
        assert leak not in body, leak
    # A poisoned Host never reaches an absolute URL (canonical link, feed and sitemap URLs).
    assert client.get("/robots.txt", HTTP_HOST="attacker.example").status_code == 400
    assert client.get("/feeds/rss.xml", HTTP_HOST="attacker.example:80@evil").status_code == 400


@pytest.mark.django_db
def test_a_page_that_does_not_exist_lists_no_url_patterns(client):
    body = client.get("/no/such/page/").content.decode()
    assert "Page not found" in body and "URLconf" not in body and "api/v1/" not in body


# In Chromium: our pages break nothing under the policy, and the policy stops injected code.

WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
"""


@pytest.mark.browser
def test_our_pages_raise_no_csp_violation_and_injected_inline_script_is_blocked(
    chromium_path, live_server, harbour_article, rail_articles, monkeypatch
):
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    pages = [
        "/",
        harbour_article.section.get_absolute_url(),
        harbour_article.get_absolute_url(),
        "/no-such-page/",
        "/admin/login/",
    ]
    with sync_playwright() as playwright:
        browser = chromium_launch(playwright, chromium_path)
        try:
            page = browser.new_page()
            page.route("https://images.example/**", lambda route: route.fulfill(body=b"GIF89a", content_type="image/gif"))
            page.add_init_script(WATCH_VIOLATIONS)
            problems: list[str] = []
            page.on("console", lambda message: message.type == "error" and problems.append(f"{page.url}: {message.text}"))
            page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))
            for url in pages:
                response = page.goto(live_server.url + url)
                assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
                page.wait_for_load_state("networkidle")
                assert page.evaluate("window.__violations") == [], url
                if url == harbour_article.get_absolute_url():
                    # site.js ran (it counted the view) and the JSON-LD data block is in the page.
                    assert page.locator("[data-views-url]").get_attribute("data-views-count") == "1"
                    assert page.locator('script[type="application/ld+json"]').count() == 1
            # 404 and admin pages log their own status in the console; nothing else may.
            assert [p for p in problems if "status of 404" not in p] == []

            # Defence in depth: markup that got past the sanitiser still could not run.
            page.goto(live_server.url + harbour_article.get_absolute_url())
            page.evaluate(
                """() => {
                    const s = document.createElement("script"); s.textContent = "window.__ran = true"; document.body.append(s);
                    const i = document.createElement("img"); i.setAttribute("onerror", "window.__ran = true"); i.src = "/static/no-such-image.gif"; document.body.append(i);
                    const a = document.createElement("a"); a.href = "javascript:window.__ran = true"; document.body.append(a); a.click();
                }"""
            )
            page.wait_for_timeout(200)
            assert page.evaluate("window.__ran") is None
            violated = {v.split()[0] for v in page.evaluate("window.__violations")}
            assert {"script-src-elem", "script-src-attr"} <= violated, violated
        finally:
            browser.close()
