"""Every URL pattern walked with every role: each desk screen answers only its role, API writes are refused, CSRF holds.

The patterns come from the URL conf itself (``test_url_walk.url_patterns``),
so a screen added to ``desk/urls.py`` is walked without touching this file;
one added without ``roles.role_required`` fails the first test.

- anonymous: a desk screen sends them to the login page with a safe ``next=``;
- a signed-in user below the screen's role: 403, for GET and for a POST that
  carries a valid CSRF token, and nothing changes;
- the screen's role and those above: the screen (never a 5xx, GET changes nothing);
- every role: a POST without a CSRF token is refused with 403 on every desk URL;
- every role: every write method to the API is refused and changes nothing;
- only the admin role reaches the admin site (users, sources, settings).
"""

from __future__ import annotations

import pytest
from django.test import Client

from newsdesk.desk.roles import ROLES
from newsdesk.desk.users import user_role_set
from test_url_walk import changed, objects, snapshot, url_patterns  # noqa: F401

pytestmark = pytest.mark.django_db
WHO = ("anonymous", *ROLES)  # lowest first
RANK = {who: rank for rank, who in enumerate(WHO)}
# The accounts pages: open to anyone (log in, reset a password), or to anyone signed in (change one's password).
OPEN_TO_ALL = {"desk:login", "desk:logout", "desk:password_reset", "desk:password_reset_done", "desk:password_reset_confirm", "desk:password_reset_complete"}
SIGNED_IN = {"desk:password_change", "desk:password_change_done"}
FORM = {"headline": "Injected", "note": "Injected", "notice": "Injected", "body_html": "<p>Injected</p>", "at": "2099-01-01T00:00", "until": "2099-01-01T00:00"}


def _desk_screens() -> list[tuple[str, str, object]]:
    return [(route, name, p) for route, name, p in url_patterns() if name.startswith("desk:") and name not in OPEN_TO_ALL | SIGNED_IN]


@pytest.fixture
def walk(objects, django_user_model):
    """(filled objects, {who: client with CSRF checks off, as after a valid token}, {who: client enforcing CSRF})."""
    filled = objects  # fills every path parameter, a new screen's too
    trusted, strict = {"anonymous": Client()}, {"anonymous": Client(enforce_csrf_checks=True)}
    for role in ROLES:
        user = user_role_set(django_user_model.objects.create_user(f"walk-{role}"), role)  # no password: Argon2 is slow
        for clients, enforce in ((trusted, False), (strict, True)):
            clients[role] = Client(enforce_csrf_checks=enforce)
            clients[role].force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return filled, trusted, strict


def _to_login(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith("/desk/login/?next=/desk/")


def test_every_desk_screen_declares_the_role_it_needs():
    screens = _desk_screens()
    assert len(screens) >= 1
    undeclared = sorted(name for _, name, pattern in screens if getattr(pattern.callback, "desk_role", None) not in ROLES)
    assert not undeclared, f"desk views without roles.role_required: {undeclared}"


def test_each_role_gets_exactly_the_desk_screens_of_its_role_and_a_get_changes_nothing(walk):
    filled, clients, _ = walk
    failures = []
    for route, name, pattern in _desk_screens():
        url, needed = filled.url(route, name), pattern.callback.desk_role
        before = snapshot()
        for who, client in clients.items():
            response = client.get(url)
            if who == "anonymous":
                ok = _to_login(response)
            elif RANK[who] < RANK[needed]:
                ok = response.status_code == 403
            else:
                ok = response.status_code < 500 and response.status_code != 403 and not _to_login(response)
            if not ok:
                failures.append(f"GET {url} ({name}, needs {needed}) as {who}: {response.status_code}")
        if writes := changed(before, snapshot()):
            failures.append(f"GET {url} changed {sorted(writes)}")
    assert not failures, "\n".join(failures)


def test_a_post_with_a_valid_token_from_below_the_role_is_refused_and_changes_nothing(walk):
    filled, clients, _ = walk
    failures = []
    for route, name, pattern in _desk_screens():
        url, needed = filled.url(route, name), pattern.callback.desk_role
        for who in WHO[: RANK[needed]]:
            before = snapshot()
            response = clients[who].post(url, FORM)
            expected = _to_login(response) if who == "anonymous" else response.status_code == 403
            if not expected:
                failures.append(f"POST {url} ({name}, needs {needed}) as {who}: {response.status_code}")
            if writes := changed(before, snapshot()):
                failures.append(f"POST {url} as {who} changed {sorted(writes)}")
    assert not failures, "\n".join(failures)


def test_a_post_without_a_csrf_token_is_refused_on_every_desk_url_for_every_role(walk):
    filled, _, clients = walk
    failures = []
    before = snapshot()  # one look before and after the whole walk: any write at all fails it
    for route, name, _ in url_patterns():
        if not name.startswith("desk:"):
            continue
        url = filled.url(route, name)
        for who, client in clients.items():
            response = client.post(url, FORM | {"username": "ed", "password": "x", "email": "ed@news.example"})
            if response.status_code != 403:
                failures.append(f"POST {url} as {who} without a token: {response.status_code}")
    if writes := changed(before, snapshot()):
        failures.append(f"tokenless POSTs changed {sorted(writes)}")
    assert not failures, "\n".join(failures)


def test_the_signed_in_account_pages_send_anonymous_visitors_to_log_in(walk):
    filled, clients, _ = walk
    for route, name, _ in url_patterns():
        if name in SIGNED_IN:
            assert _to_login(clients["anonymous"].get(filled.url(route, name))), name
            assert clients["contributor"].get(filled.url(route, name)).status_code == 200, name


def test_no_role_can_write_through_the_api(walk):
    filled, clients, _ = walk
    failures = []
    before = snapshot()
    for route, name, _ in url_patterns():
        if not name.startswith("api:"):
            continue
        url = filled.url(route, name)
        for who, client in clients.items():
            for method in ("post", "put", "patch", "delete"):
                response = getattr(client, method)(url, {"headline": "Injected"}, content_type="application/json")
                if response.status_code < 400:
                    failures.append(f"{method.upper()} {url} as {who}: {response.status_code}")
    if writes := changed(before, snapshot()):
        failures.append(f"API writes changed {sorted(writes)}")
    assert not failures, "\n".join(failures)


def test_only_the_admin_role_reaches_the_admin_site(walk):
    filled, clients, _ = walk
    admin_pages = [(route, name) for route, name, _ in url_patterns() if name.startswith("admin:") and name not in ("admin:login", "admin:logout")]
    failures = []
    for who in ("anonymous", "contributor", "editor"):
        for route, name in admin_pages:
            response = clients[who].get(filled.url(route, name))
            if response.status_code == 302 and not response["Location"].startswith("/admin/login/"):
                failures.append(f"{name} as {who}: sent to {response['Location']}")
            elif response.status_code not in (302, 404, 405):
                failures.append(f"{name} as {who}: {response.status_code}")
    assert not failures, "\n".join(failures)
    admin = clients["admin"]
    for page in ("/admin/", "/admin/auth/user/", "/admin/newsroom/source/", "/admin/newsroom/section/"):
        assert admin.get(page).status_code == 200, page
    assert admin.get("/admin/auth/group/").status_code == 403  # roles are set with `newsdesk user role`, not edited
    source_page = admin.get(f"/admin/newsroom/source/{filled.source.pk}/change/")
    assert source_page.status_code == 200 and b"rules-TOTAL_FORMS" in source_page.content  # the find-and-replace rules
