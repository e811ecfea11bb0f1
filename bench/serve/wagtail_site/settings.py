"""A minimal Wagtail 8 site for bench/serve: the article page served from a page model, as a publisher would.

Runs only in its own virtualenv (bench/serve/.cache/wagtail-venv, made by bench/serve/wagtail.py), never
in newsdesk's. WAGTAIL_BENCH_CACHE=1 wraps Wagtail's serve view in Django's ``cache_page``.
"""

import os
from pathlib import Path

HOME = Path(os.environ["WAGTAIL_BENCH_HOME"])
SECRET_KEY = "bench-only-not-secret"  # noqa: S105 (a throwaway site on 127.0.0.1)
DEBUG = False
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = [
    "wagtail_site.news",
    "wagtail.contrib.redirects",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
# The middleware of a project made by `wagtail start`.
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]
ROOT_URLCONF = "wagtail_site.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]
DATABASES = {
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(HOME / "wagtail.sqlite3"), "CONN_MAX_AGE": 600}
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
USE_TZ = True
STATIC_URL = "/static/"
STATIC_ROOT = str(HOME / "static")
WAGTAIL_SITE_NAME = "Newsdesk"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
