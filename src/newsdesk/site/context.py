"""What every page template knows: the site's name and language, the sections for the nav."""

from __future__ import annotations

from functools import partial

from django.conf import settings
from django.http import HttpRequest

from newsdesk.newsroom import selectors
from newsdesk.site import kept

NAV_SECTIONS = 9  # what fits one masthead line on a laptop


def site(request: HttpRequest) -> dict:
    # The template calls `sections_listed` only if it renders the nav, so
    # pages that do not (and the 500 page, which has no request) cost no query.
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_LANGUAGE": settings.SITE_LANGUAGE,
        "nav_sections": nav_sections,
    }


def nav_sections() -> list:
    """The masthead's sections, kept per process until a commit changes them (``site.kept``)."""
    return kept.SITE.get("nav", partial(selectors.sections_listed, limit=NAV_SECTIONS))
