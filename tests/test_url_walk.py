"""Every URL the site answers, walked from the URL conf: nothing fails, GET changes nothing, CSRF holds.

The walk resolves the whole URL conf (site, API, admin), fills each path
parameter with a real object (an article, its section, a user, a source…)
and then:

- GETs every pattern, anonymously and as a superuser: never a 5xx, and no
  row changes (``GET_WRITES`` lists the one deliberate exception);
- POSTs to every pattern without a CSRF token, anonymously and as a
  superuser: refused with 403 and no row changed, unless the view is in
  ``CSRF_EXEMPT`` — the documented list (docs/security.md), which must match
  the views that are actually exempt, and whose own answers are checked.

A new view is walked without anyone touching this file; a new CSRF-exempt
view fails it until it is listed here and in docs/security.md.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from newsdesk.newsroom.models import Article, RawItem, Source
from newsdesk.pipeline.store import raw_item_store

ROOT = Path(__file__).resolve().parents[1]

# View name → why it takes a POST without a CSRF token, and what it answers to one.
CSRF_EXEMPT = {
    "site:views": "the view beacon: counts one view of a published article; pages carry no per-reader token (they are baked)",
    "api:articles": "read-only API: 405",
    "api:article": "read-only API: 405",
    "api:sections": "read-only API: 405",
    "api:section": "read-only API: 405",
    "api:search": "read-only API: 405",
    "api:story": "read-only API: 405",
    "api:entity": "read-only API: 405",
    "api:article_quotes": "read-only API: 405",
    "api:openapi": "read-only API: 405",
    "api:unknown": "read-only API: a JSON 404 for any method",
}
# GET is safe everywhere but here: the <noscript> pixel counts a reader without JavaScript.
GET_WRITES = {"site:views_pixel": {"newsroom.viewcount", "newsroom.hourlyviews"}}

_PARAMETER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>|\(\?P<(?P<group>\w+)>[^)]*\)")


def url_patterns(patterns=None, prefix: str = "", namespace: str = "") -> list[tuple[str, str, URLPattern]]:
    """(route with its prefixes, namespaced name, pattern) for every pattern in the URL conf."""
    found = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern).lstrip("^").rstrip("$")
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, (namespace, pattern.namespace))) if pattern.namespace else namespace
            found += url_patterns(pattern.url_patterns, route, inner)
        else:
            name = f"{namespace}:{pattern.name}" if pattern.name else f"{namespace}:<{route}>"
            found.append((route, name, pattern))
    return found


class Objects:
    """The real objects path parameters are filled with."""

    def __init__(self, article: Article, user, source: Source, raw_item: RawItem) -> None:
        self.article, self.user, self.source, self.raw_item = article, user, source, raw_item

    def value(self, route: str, name: str, parameter: str) -> str:
        admin_model = re.match(r"admin/(\w+)/(\w+)/", route)
        if parameter == "object_id" and admin_model:
            model = apps.get_model(*admin_model.groups())
            first = model.objects.order_by("pk").first()
            return str(first.pk if first is not None else self.article.pk)
        known = {
            "pk": str(self.article.pk),
            "id": str(self.user.pk if route.startswith("admin/") else self.article.pk),
            "object_id": str(self.article.pk),
            "content_type_id": str(ContentType.objects.get_for_model(Article).pk),
            "slug": self.article.slug if name == "site:article" else self.article.section.slug,
            "section": "articles",
            "app_label": "newsroom",
            "url": "no-such-admin-page/",
            "path": "no-such-endpoint",
            "uidb64": "MQ",  # the desk's password-reset link: a real user id, a token that is not valid
            "token": "not-a-valid-token",
        }
        # A parameter a new view brings (a desk screen's ids) gets the article's id: walked, never skipped.
        return known.get(parameter, str(self.article.pk))

    def url(self, route: str, name: str) -> str:
        def fill(match: re.Match) -> str:
            return self.value(route, name, match.group("name") or match.group("group"))

        return "/" + _PARAMETER.sub(fill, route)


def snapshot() -> dict[str, list[tuple]]:
    """Every row of every table, by model label.

    Plain SQL, not the ORM: the walk takes four snapshots of some forty tables per URL, and building
    the queries cost more than running them.
    """
    quote = connection.ops.quote_name
    rows = {}
    with connection.cursor() as cursor:
        for model in apps.get_models():
            if model._meta.managed:
                cursor.execute(f"SELECT * FROM {quote(model._meta.db_table)} ORDER BY {quote(model._meta.pk.column)}")
                rows[model._meta.label_lower] = cursor.fetchall()
    return rows


def changed(before: dict, after: dict) -> set[str]:
    return {label for label in before if before[label] != after[label]}


@pytest.fixture
def objects(article_factory, django_user_model) -> Objects:
    article = article_factory(headline="Ferry strike ends after three days", section="World")
    article_factory(headline="Second story", section="Sport")
    source = Source.objects.create(name="Harbour Gazette", slug="harbour-gazette", url="https://harbourgazette.example/feed.xml")
    raw_item, _ = raw_item_store(origin="walk.txt", payload=b"Harbour news", source=source, content_type="text/plain")
    user = django_user_model.objects.create_superuser("root", "root@news.example", "correct horse battery staple")
    return Objects(article, user, source, raw_item)


def _clients(objects: Objects) -> dict[str, Client]:
    anonymous = Client(enforce_csrf_checks=True)
    superuser = Client(enforce_csrf_checks=True)
    superuser.force_login(objects.user)
    return {"anonymous": anonymous, "superuser": superuser}


@pytest.mark.django_db
def test_the_walk_reaches_every_room_of_the_url_conf():
    names = {name for _, name, _ in url_patterns()}
    assert {"site:home", "site:article", "site:views", "api:articles", "admin:index", "admin:newsroom_article_change"} <= names
    assert len(names) > 70


@pytest.mark.django_db
def test_every_page_answers_a_get_without_a_server_error_and_changes_nothing(objects):
    clients = _clients(objects)
    failures = []
    for route, name, _ in url_patterns():
        url = objects.url(route, name)
        for who, client in clients.items():
            before = snapshot()
            response = client.get(url)
            if response.status_code >= 500:
                failures.append(f"GET {url} as {who}: {response.status_code}")
            writes = changed(before, snapshot()) - GET_WRITES.get(name, set())
            if writes:
                failures.append(f"GET {url} as {who} changed {sorted(writes)}")
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
def test_a_post_without_a_csrf_token_is_refused_and_changes_nothing_unless_the_view_is_documented_exempt(objects):
    clients = _clients(objects)
    failures = []
    form = {"name": "Injected", "headline": "Injected", "url": "https://evil.example/", "username": "mallory", "password1": "x"}
    for route, name, _ in url_patterns():
        if name in CSRF_EXEMPT:
            continue
        url = objects.url(route, name)
        for who, client in clients.items():
            before = snapshot()
            response = client.post(url, form)
            if response.status_code != 403:
                failures.append(f"POST {url} as {who} without a token: {response.status_code}, not 403")
            if writes := changed(before, snapshot()):
                failures.append(f"POST {url} as {who} without a token changed {sorted(writes)}")
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
def test_the_exempt_list_is_exactly_the_views_that_are_exempt_and_each_is_documented():
    exempt = {name for _, name, pattern in url_patterns() if getattr(pattern.callback, "csrf_exempt", False)}
    assert exempt == set(CSRF_EXEMPT)
    documented = (ROOT / "docs" / "security.md").read_text()
    missing = sorted(name for name in CSRF_EXEMPT if f"`{name}`" not in documented)
    assert not missing, f"CSRF-exempt views not listed in docs/security.md: {missing}"


@pytest.mark.django_db
def test_the_exempt_views_answer_a_tokenless_post_as_documented(objects):
    client = Client(enforce_csrf_checks=True)
    for route, name, _ in url_patterns():
        if name not in CSRF_EXEMPT:
            continue
        url = objects.url(route, name)
        before = snapshot()
        response = client.post(url, {"headline": "Injected"})
        writes = changed(before, snapshot())
        if name == "site:views":
            assert response.status_code == 200 and response.json() == {"views": 1}
            assert writes <= GET_WRITES["site:views_pixel"], writes
        else:
            assert response.status_code == (404 if name == "api:unknown" else 405), url
            assert response["Content-Type"] == "application/json"
            assert not writes, (url, writes)
