"""The public pages' own URLs, worked out from the URLconf once per process rather than by reverse() each time.

``reverse()`` costs ~20 µs, and an article page printed twenty URLs or more
(the masthead, the feeds, the rail, the coverage): a tenth of a page Django
renders from the database. A URL with no argument (home, search, rails, the
site's feeds) is the same on every request with the same script prefix; one
with arguments is the same pattern around them. So each URL name is reversed
once per process and script prefix with marker values, and later URLs are
the pattern with the values put in — only for values ``reverse()`` would put
in as they are (an int id, an ASCII slug); anything else goes to
``reverse()`` itself. A static file's URL (the manifest's hashed name) is
likewise looked up once per process. What is kept is the URLconf's and the
manifest's answer (code and build output, like a compiled template), never
anything read from the database; a test changing the settings they come
from starts afresh.
"""

from __future__ import annotations

import re
from functools import lru_cache

from django.conf import settings
from django.core.signals import setting_changed
from django.db.models import Model
from django.templatetags.static import static
from django.urls import get_script_prefix, get_urlconf, reverse

from newsdesk.newsroom.models import Article, Entity, Section, Story

_MARKERS = {"pk": 7310000000013, "slug": "zqx-slug-marker-zqx"}
_PLAIN = re.compile(r"[-a-zA-Z0-9_]+")  # a slug reverse() prints unchanged (no quoting)


@lru_cache(maxsize=256)
def _pattern(name: str, keys: tuple[str, ...], prefix: str, urlconf: object) -> tuple[str, tuple[str, ...]] | None:
    """(the URL with ``{key}`` in place of each argument, the keys) or None if the markers do not come back whole."""
    url = reverse(name, kwargs={key: _MARKERS[key] for key in keys}, urlconf=urlconf)
    template = url.replace("{", "{{").replace("}", "}}")
    for key in keys:
        marker = str(_MARKERS[key])
        if template.count(marker) != 1:
            return None
        template = template.replace(marker, "{" + key + "}")
    return template, keys


@lru_cache(maxsize=256)
def _fixed(name: str, prefix: str, urlconf: object) -> str:
    return reverse(name, urlconf=urlconf)


def site_url(name: str, **kwargs: object) -> str:
    """``reverse(name, kwargs=kwargs)``, from the name's pattern when every value is an int id or a plain slug."""
    if not kwargs:
        return _fixed(name, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    for key, value in kwargs.items():
        plain = (type(value) is int and value >= 0) if key == "pk" else (key == "slug" and isinstance(value, str) and _PLAIN.fullmatch(value))
        if not plain:
            return reverse(name, kwargs=kwargs)
    pattern = _pattern(name, tuple(sorted(kwargs)), get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    return pattern[0].format(**kwargs) if pattern is not None else reverse(name, kwargs=kwargs)


def page_url(obj: Model) -> str:
    """What ``obj.get_absolute_url()`` returns, for the models the public pages link to."""
    if isinstance(obj, Article):
        return site_url("site:article", pk=obj.pk, slug=obj.slug)
    if isinstance(obj, Section):
        return site_url("site:section", slug=obj.slug)
    if isinstance(obj, Story):
        return site_url("site:story", pk=obj.pk, slug=obj.slug)
    if isinstance(obj, Entity):
        return site_url("site:entity", slug=obj.slug)
    return obj.get_absolute_url()


@lru_cache(maxsize=64)
def _static(path: str, prefix: str) -> str:
    return static(path)


def static_url(path: str) -> str:
    """``{% static path %}``: the file's URL under the manifest, looked up once per process and script prefix."""
    return _static(path, get_script_prefix())


def _settings_changed(*, setting: str, **kwargs: object) -> None:
    if setting in ("ROOT_URLCONF", "STATIC_URL", "STORAGES", "STATICFILES_STORAGE", "FORCE_SCRIPT_NAME"):
        _pattern.cache_clear()
        _fixed.cache_clear()
        _static.cache_clear()


setting_changed.connect(_settings_changed, dispatch_uid="newsdesk.site.links")
