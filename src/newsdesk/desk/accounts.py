"""Accounts: who is asking (for the login lockout), and the login page's view.

Failed logins are counted by django-axes per (username, client address);
after ``NEWSDESK_LOGIN_FAILURE_LIMIT`` failures that pair is locked out for
``NEWSDESK_LOGIN_COOLOFF_MINUTES`` and the login answers 429 with the
lockout page. A success resets the count.

Password reset requests are limited too (django-ratelimit, counted in the
Django cache): per client address and per e-mail address asked for, so the
form cannot be used to flood one inbox or to send mail in bulk. The count is
taken whether or not an account has that address, and below the limit the
answer is the same "sent" page either way: the limit tells nobody which
addresses exist.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.urls import reverse_lazy
from django_ratelimit.core import get_usage

# Reset mails allowed per hour when settings name no rate (``NEWSDESK_PASSWORD_RESET_RATE_PER_IP`` / ``…_PER_ADDRESS`` do).
RESET_RATE_PER_IP = "10/h"
RESET_RATE_PER_ADDRESS = "3/h"


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: the peer, or the one ``NEWSDESK_PROXY_COUNT`` trusted proxies put in X-Forwarded-For.

    Without configured proxies the header is the client's own word and is
    ignored, so nobody escapes the lockout by sending a new one each time.
    None when there is no valid address (a request made up in-process, such
    as a test's ``force_login``): the column is an address column.
    """
    address = request.META.get("REMOTE_ADDR", "")
    hops = settings.PROXY_COUNT
    if hops > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= hops:
            address = forwarded[-hops]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


class DeskLoginView(auth_views.LoginView):
    """Django's login view with our page; a signed-in user is sent on, and ``next=`` must stay on this host."""

    template_name = "desk/accounts/login.html"
    redirect_authenticated_user = True


def _reset_client(group: str, request: HttpRequest) -> str:
    return client_ip(request) or "local"


def _reset_address(group: str, request: HttpRequest) -> str:
    """The address asked for, as Django's reset form matches it (case-insensitively)."""
    return " ".join(request.POST.get("email", "").split()).casefold()[:254]


def reset_limited(request: HttpRequest) -> tuple[str, int] | None:
    """Count this reset request; when over a limit, the reason and the seconds to wait, else None.

    The client's count goes up on every POST (a bad form included); the
    address's only when one was given, and whether or not an account has it.
    """
    limits = (
        ("desk-reset-ip", _reset_client, getattr(settings, "PASSWORD_RESET_RATE_PER_IP", RESET_RATE_PER_IP), "from your address"),
        ("desk-reset-address", _reset_address, getattr(settings, "PASSWORD_RESET_RATE_PER_ADDRESS", RESET_RATE_PER_ADDRESS), "for this e-mail address"),
    )
    for group, key, rate, whose in limits:
        if not key(group, request):  # no address given: only the client's count applies
            continue
        usage = get_usage(request, group=group, key=key, rate=rate, method="POST", increment=True)
        if usage and usage["should_limit"]:
            seconds = usage["time_left"] if usage["time_left"] > 0 else 3600  # -1: the cache failed; refuse for a while
            minutes = -(-seconds // 60)
            return f"Too many password reset requests {whose}. Try again in {minutes} minute{'s' if minutes != 1 else ''}.", seconds
    return None


class DeskPasswordResetView(auth_views.PasswordResetView):
    """Django's reset view with our templates, limited per client and per address (429 with the form and a reason)."""

    template_name = "desk/accounts/password_reset_form.html"
    email_template_name = "desk/accounts/password_reset_email.txt"
    subject_template_name = "desk/accounts/password_reset_subject.txt"
    success_url = reverse_lazy("desk:password_reset_done")

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        refused = reset_limited(request)
        if refused is None:
            return super().post(request, *args, **kwargs)
        reason, seconds = refused
        messages.error(request, reason)
        response = self.render_to_response(self.get_context_data(form=self.get_form()), status=429)
        response.headers["Retry-After"] = str(seconds)
        return response
