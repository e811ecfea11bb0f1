"""What every page template knows: the site's name and language, the sections for the nav."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from newsdesk.newsroom import selectors


def site(request: HttpRequest) -> dict:
    # The template calls `sections_listed` only if it renders the nav, so
    # pages that do not (and the 500 page, which has no request) cost no query.
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_LANGUAGE": settings.SITE_LANGUAGE,
        "nav_sections": selectors.sections_listed,
    }
