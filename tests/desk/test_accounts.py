"""Accounts: log in and out, Argon2, lockout after failed logins, password reset by e-mail, sessions, headers, commands."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client

from newsdesk.desk.roles import role_of

pytestmark = pytest.mark.django_db
PASSWORD = "wharf lantern seventeen gulls"


@pytest.fixture
def ed(db):
    from newsdesk.desk.users import user_create

    return user_create("ed", role="editor", email="ed@news.example", password=PASSWORD)


def _login(client: Client, username: str, password: str, **extra):
    client.get("/desk/login/")  # the CSRF cookie, as a browser gets it
    token = client.cookies["csrftoken"].value
    return client.post("/desk/login/", {"username": username, "password": password, "csrfmiddlewaretoken": token, **extra.pop("data", {})}, **extra)


def _signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_an_editor_logs_in_with_the_form_and_the_password_is_stored_with_argon2(ed):
    assert ed.password.startswith("argon2$")
    client = Client(enforce_csrf_checks=True)
    response = _login(client, "ed", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/desk/"
    assert _signed_in(client)


def test_a_login_form_without_its_csrf_token_is_refused(ed):
    client = Client(enforce_csrf_checks=True)
    assert client.post("/desk/login/", {"username": "ed", "password": PASSWORD}).status_code == 403
    assert not _signed_in(client)


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/desk/", "http://testserver.evil.example/", "javascript:alert(1)"])
def test_next_never_leads_off_the_site(ed, target):
    client = Client(enforce_csrf_checks=True)
    response = _login(client, "ed", PASSWORD, data={"next": target})
    assert response.status_code == 302 and response["Location"] == "/desk/"


def test_next_on_our_own_site_is_followed(ed):
    response = _login(Client(enforce_csrf_checks=True), "ed", PASSWORD, data={"next": "/desk/audit/?action=kill"})
    assert response["Location"] == "/desk/audit/?action=kill"


def test_repeated_wrong_passwords_lock_that_name_on_that_address_out(settings, ed):
    attacker = Client(enforce_csrf_checks=True, REMOTE_ADDR="203.0.113.7")
    answers = [_login(attacker, "ed", f"guess {n}").status_code for n in range(settings.AXES_FAILURE_LIMIT)]
    assert answers[:-1] == [200] * (settings.AXES_FAILURE_LIMIT - 1) and answers[-1] == 429
    locked = _login(attacker, "ed", PASSWORD)  # even the right password, from there, for a while
    assert locked.status_code == 429 and "Too many failed logins" in locked.content.decode()
    assert not _signed_in(attacker)
    elsewhere = Client(enforce_csrf_checks=True, REMOTE_ADDR="198.51.100.20")
    assert _login(elsewhere, "ed", PASSWORD).status_code == 302  # the editor at the office still gets in


def test_a_forwarded_for_header_does_not_escape_the_lockout_without_configured_proxies(settings, ed):
    for n in range(settings.AXES_FAILURE_LIMIT):
        client = Client(enforce_csrf_checks=True, REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
        last = _login(client, "ed", f"guess {n}")
    assert last.status_code == 429


def test_a_successful_login_resets_the_count_of_failures(settings, ed):
    client = Client(enforce_csrf_checks=True)
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, "ed", f"typo {n}")
    assert _login(client, "ed", PASSWORD).status_code == 302
    client.logout()
    assert _login(client, "ed", "one more typo").status_code == 200  # counting starts again


def test_a_password_reset_mails_a_link_that_sets_a_new_password_once(ed):
    client = Client(enforce_csrf_checks=True)
    client.get("/desk/password/reset/")
    response = client.post("/desk/password/reset/", {"email": "ed@news.example", "csrfmiddlewaretoken": client.cookies["csrftoken"].value})
    assert response.status_code == 302 and len(mail.outbox) == 1
    link = re.search(r"http://testserver(/desk/password/reset/\S+/)", mail.outbox[0].body).group(1)
    form = client.get(link, follow=True)
    assert b"Set a new password" in form.content
    done = client.post(form.redirect_chain[-1][0], {
        "new_password1": "a brand new harbour password", "new_password2": "a brand new harbour password",
        "csrfmiddlewaretoken": client.cookies["csrftoken"].value,
    })
    assert done.status_code == 302 and done["Location"] == "/desk/password/reset/done/"
    assert _login(Client(enforce_csrf_checks=True), "ed", "a brand new harbour password").status_code == 302
    assert b"no longer works" in client.get(link, follow=True).content


def test_a_reset_for_an_unknown_address_sends_nothing_and_says_the_same(ed):
    client = Client()
    response = client.post("/desk/password/reset/", {"email": "nobody@news.example"})
    assert response.status_code == 302 and response["Location"] == "/desk/password/reset/sent/" and not mail.outbox


def test_the_session_cookie_is_httponly_same_site_and_expires_after_a_shift(settings, ed):
    client = Client(enforce_csrf_checks=True)
    response = _login(client, "ed", PASSWORD)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) == settings.SESSION_COOKIE_AGE == 12 * 3600
    assert 0 < client.session.get_expiry_age() <= settings.SESSION_COOKIE_AGE


def test_logging_out_takes_a_post_and_a_get_changes_nothing(ed):
    client = Client(enforce_csrf_checks=True)
    _login(client, "ed", PASSWORD)
    assert client.get("/desk/logout/").status_code == 405 and _signed_in(client)
    response = client.post("/desk/logout/", {"csrfmiddlewaretoken": client.cookies["csrftoken"].value})
    assert response.status_code == 302 and response["Location"] == "/desk/login/" and not _signed_in(client)


def test_desk_pages_carry_a_fresh_script_nonce_and_are_never_cached(client):
    first, second = client.get("/desk/login/"), client.get("/desk/login/")
    policies = [r["Content-Security-Policy"] for r in (first, second)]
    nonces = [re.search(r"script-src 'self' 'nonce-([\w-]+)'", p).group(1) for p in policies]
    assert nonces[0] != nonces[1] and len(nonces[0]) >= 22
    for directive in ("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"):
        assert directive in policies[0]
    assert "unsafe-inline" not in policies[0]
    assert "no-store" in first["Cache-Control"] and "private" in first["Cache-Control"]
    assert first["X-Content-Type-Options"] == "nosniff" and first["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert first["X-Frame-Options"] == "DENY"
    assert "'nonce-" not in Client().get("/").get("Content-Security-Policy", "")  # public pages: no inline script at all


def test_hsts_is_sent_over_https_only(settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    client = Client()
    assert "max-age=31536000" in client.get("/desk/login/", secure=True)["Strict-Transport-Security"]
    assert "Strict-Transport-Security" not in Client().get("/desk/login/")


def test_an_unknown_host_is_refused(client):
    assert client.get("/desk/login/", HTTP_HOST="evil.example").status_code == 400


def test_newsdesk_user_add_creates_a_user_in_a_role_who_can_log_in(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    out = io.StringIO()
    call_command("user", "add", "nina", "--role", "contributor", "--email", "nina@news.example", "--password-stdin", stdout=out)
    assert out.getvalue().strip() == "added nina as contributor"
    nina = User.objects.get(username="nina")
    assert role_of(nina) == "contributor" and nina.password.startswith("argon2$")
    call_command("user", "role", "nina", "editor", stdout=io.StringIO())
    assert role_of(User.objects.get(username="nina")) == "editor"
    listing = io.StringIO()
    call_command("user", "list", stdout=listing)
    assert "nina\teditor" in listing.getvalue()
    assert _login(Client(enforce_csrf_checks=True), "nina", PASSWORD).status_code == 302


def test_newsdesk_user_add_refuses_a_taken_name_and_a_weak_password(monkeypatch, ed):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    with pytest.raises(CommandError, match="exists already"):
        call_command("user", "add", "ed", "--role", "editor")
    monkeypatch.setattr(sys, "stdin", io.StringIO("password\n"))
    with pytest.raises(CommandError, match="password_weak"):
        call_command("user", "add", "weak", "--password-stdin")
    assert not User.objects.filter(username="weak").exists()


def test_a_user_added_without_a_password_sets_one_through_the_reset_mail(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # not a terminal: no prompt
    call_command("user", "add", "omar", "--role", "editor", "--email", "omar@news.example", stdout=io.StringIO())
    Client().post("/desk/password/reset/", {"email": "omar@news.example"})
    assert len(mail.outbox) == 1 and "omar" in mail.outbox[0].body


def test_createsuperuser_makes_an_admin_who_logs_in(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", PASSWORD)
    call_command("createsuperuser", interactive=False, username="chief", email="chief@news.example", stdout=io.StringIO())
    assert role_of(User.objects.get(username="chief")) == "admin"
    assert _login(Client(enforce_csrf_checks=True), "chief", PASSWORD).status_code == 302


def _settings_value(name: str, **env: str) -> str:
    code = f"import newsdesk.config.settings as s; print(s.{name})"
    clean = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_EMAIL")}
    return subprocess.run([sys.executable, "-c", code], env=clean | env, capture_output=True, text=True, check=True).stdout.strip()


def test_reset_mail_goes_to_the_console_unless_an_smtp_server_is_set(tmp_path):
    home = {"NEWSDESK_HOME": str(tmp_path)}
    assert _settings_value("EMAIL_BACKEND", **home) == "django.core.mail.backends.console.EmailBackend"
    smtp = home | {"NEWSDESK_EMAIL_HOST": "smtp.news.example", "NEWSDESK_EMAIL_PORT": "2525"}
    assert _settings_value("EMAIL_BACKEND", **smtp) == "django.core.mail.backends.smtp.EmailBackend"
    assert _settings_value("EMAIL_PORT", **smtp) == "2525"


def test_behind_a_configured_proxy_the_address_it_appended_is_the_client(settings):
    from django.test import RequestFactory

    from newsdesk.desk.accounts import client_ip

    request = RequestFactory().get("/desk/login/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    assert client_ip(request) == "127.0.0.1"  # no proxies configured: the header is the client's word
    settings.PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.7"  # nginx appended the real peer; the client wrote 6.6.6.6
    request.META["REMOTE_ADDR"] = ""
    request.META["HTTP_X_FORWARDED_FOR"] = "not an address"
    assert client_ip(request) is None
