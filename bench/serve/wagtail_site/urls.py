"""Wagtail's page serving, wrapped in ``cache_page`` when WAGTAIL_BENCH_CACHE=1."""

import os

from django.urls import include, path, re_path
from django.views.decorators.cache import cache_page
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views

if os.environ.get("WAGTAIL_BENCH_CACHE") == "1":
    urlpatterns = [re_path(r"^((?:[\w\-]+/)*)$", cache_page(300)(wagtail_views.serve), name="wagtail_serve")]
else:
    urlpatterns = [path("", include(wagtail_urls))]
