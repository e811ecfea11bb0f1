"""Accounts: who is asking (for the login lockout), and the login page's view.

Failed logins are counted by django-axes per (username, client address);
after ``NEWSDESK_LOGIN_FAILURE_LIMIT`` failures that pair is locked out for
``NEWSDESK_LOGIN_COOLOFF_MINUTES`` and the login answers 429 with the
lockout page. A success resets the count.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpRequest


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
