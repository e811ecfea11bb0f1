"""Password reset requests are rate-limited per client address and per e-mail address, and tell nobody who has an account."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def ed(db):
    from newsdesk.desk.users import user_create

    return user_create("ed", role="editor", email="ed@news.example")


def _reset(email: str, *, ip: str):
    return Client(REMOTE_ADDR=ip).post("/desk/password/reset/", {"email": email})


def _statuses(email: str, times: int, *, ips: list[str]) -> list[int]:
    return [_reset(email, ip=ips[n % len(ips)]).status_code for n in range(times)]


def test_one_address_gets_a_few_mails_an_hour_then_a_429_that_says_why(settings, ed):
    limit = 3
    settings.PASSWORD_RESET_RATE_PER_ADDRESS = f"{limit}/h"
    ips = [f"198.51.100.{n}" for n in range(1, 20)]  # a new client each time: only the address's limit applies
    assert _statuses("ed@news.example", limit, ips=ips) == [302] * limit and len(mail.outbox) == limit
    refused = _reset("ED@News.Example ", ip="203.0.113.9")  # the same address, however it is written
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert "Too many password reset requests for this e-mail address" in refused.content.decode()
    assert len(mail.outbox) == limit
    assert _reset("someone.else@news.example", ip="203.0.113.9").status_code == 302  # other addresses are not held up


def test_the_limit_answers_the_same_for_an_address_with_no_account(settings, ed):
    settings.PASSWORD_RESET_RATE_PER_ADDRESS = "2/h"
    known = [_reset("ed@news.example", ip=f"198.51.100.{n}") for n in range(1, 4)]
    unknown = [_reset("nobody@news.example", ip=f"192.0.2.{n}") for n in range(1, 4)]
    assert [r.status_code for r in known] == [r.status_code for r in unknown] == [302, 302, 429]
    assert [r.get("Location") for r in known[:2]] == [r.get("Location") for r in unknown[:2]]

    def page(response) -> str:
        # The typed address, the CSRF token and the minutes left in the address's window differ, nothing else.
        return re.sub(r'value="[^"]*"|in \d+ minutes?', "", response.content.decode())

    assert page(known[2]).replace("ed@news.example", "") == page(unknown[2]).replace("nobody@news.example", "")
    assert len(mail.outbox) == 2  # only the real account got mail


def test_one_client_cannot_send_resets_in_bulk_to_many_addresses(settings, ed):
    settings.PASSWORD_RESET_RATE_PER_IP = "4/h"
    assert [_reset(f"reader{n}@news.example", ip="198.51.100.7").status_code for n in range(4)] == [302] * 4
    refused = _reset("ed@news.example", ip="198.51.100.7")
    assert refused.status_code == 429 and "from your address" in refused.content.decode() and not mail.outbox
    assert _reset("ed@news.example", ip="198.51.100.8").status_code == 302 and len(mail.outbox) == 1


def test_a_bad_form_counts_against_the_client_too(settings):
    settings.PASSWORD_RESET_RATE_PER_IP = "2/h"
    assert [_reset("not an address", ip="198.51.100.20").status_code for _ in range(2)] == [200, 200]
    assert _reset("not an address", ip="198.51.100.20").status_code == 429


def test_the_operator_sets_both_limits_from_the_environment(tmp_path):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")} | {
        "NEWSDESK_HOME": str(tmp_path), "DJANGO_SETTINGS_MODULE": "newsdesk.config.settings",
        "NEWSDESK_PASSWORD_RESET_RATE_PER_IP": "30/h", "NEWSDESK_PASSWORD_RESET_RATE_PER_ADDRESS": "1/d",
    }
    shown = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings as s; print(s.PASSWORD_RESET_RATE_PER_IP, s.PASSWORD_RESET_RATE_PER_ADDRESS)"],
        env=env, capture_output=True, text=True, check=True,
    )
    assert shown.stdout.split() == ["30/h", "1/d"]
