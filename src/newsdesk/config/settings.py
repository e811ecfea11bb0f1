"""Settings, read from the environment only (docs/settings.md lists every variable).

Safe defaults for one machine: SQLite in NEWSDESK_HOME, debug off, a secret
key generated into NEWSDESK_HOME on first run.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url

from newsdesk.core.http import private_hosts_parse


def _flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _list(name: str, default: str) -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


HOME = Path(os.environ.get("NEWSDESK_HOME", "./.newsdesk")).resolve()
HOME.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """NEWSDESK_SECRET_KEY, else a key generated once into NEWSDESK_HOME (mode 600)."""
    from_env = os.environ.get("NEWSDESK_SECRET_KEY")
    if from_env:
        return from_env
    key_file = HOME / "secret_key"
    if not key_file.exists():
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = _flag("NEWSDESK_DEBUG")
ALLOWED_HOSTS = _list("NEWSDESK_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
SITE_NAME = os.environ.get("NEWSDESK_SITE_NAME", "newsdesk")
SITE_LANGUAGE = os.environ.get("NEWSDESK_LANGUAGE", "en")
ALLOW_PRIVATE_FETCH = _flag("NEWSDESK_ALLOW_PRIVATE_FETCH")  # tests only: every private address
# Private hosts an operator allows fetching from (self-hosted feeds): names, addresses or CIDR ranges.
# Parsed at start-up so a typo stops the site instead of silently allowing nothing.
ALLOW_PRIVATE_HOSTS = private_hosts_parse(os.environ.get("NEWSDESK_ALLOW_PRIVATE_HOSTS", ""))
# The spaCy pipeline for named entities; empty: en_core_web_sm, else the pinned re-upload (requirements/model.txt).
SPACY_MODEL = os.environ.get("NEWSDESK_SPACY_MODEL", "")
ENRICH = _flag("NEWSDESK_ENRICH", True)  # entities and quotes of new articles, a task each (pipeline/entities.py)
MAX_PAYLOAD_BYTES = int(os.environ.get("NEWSDESK_MAX_PAYLOAD_BYTES", str(15 * 1024 * 1024)))

# Polling and the worker (docs/settings.md, docs/deployment.md).
WORKER_THREADS = int(os.environ.get("NEWSDESK_WORKER_THREADS", "4"))
WORKER_TICK_SECONDS = float(os.environ.get("NEWSDESK_WORKER_TICK_SECONDS", "1"))
WORKER_LEASE_SECONDS = float(os.environ.get("NEWSDESK_WORKER_LEASE_SECONDS", "30"))
HOST_CONCURRENCY = int(os.environ.get("NEWSDESK_HOST_CONCURRENCY", "2"))
POLL_DEADLINE_SECONDS = float(os.environ.get("NEWSDESK_POLL_DEADLINE_SECONDS", "30"))
POLL_BACKOFF_MAX_SECONDS = float(os.environ.get("NEWSDESK_POLL_BACKOFF_MAX_SECONDS", str(6 * 3600)))

# Baked pages (docs/performance.md, docs/deployment.md): public pages rendered to files and
# answered before Django's stack; the public origin they are rendered for; how deep into a
# section's pages baking goes; the memory the WSGI front keeps hot files in.
BAKE = _flag("NEWSDESK_BAKE", True)
BAKED_DIR = Path(os.environ.get("NEWSDESK_BAKED_DIR", str(HOME / "baked"))).resolve()
SITE_URL = os.environ.get("NEWSDESK_SITE_URL", "http://127.0.0.1:" + os.environ.get("NEWSDESK_PORT", "8000")).rstrip("/")
BAKE_SECTION_PAGES = int(os.environ.get("NEWSDESK_BAKE_SECTION_PAGES", "10"))
BAKED_MEMORY_BYTES = int(float(os.environ.get("NEWSDESK_BAKED_MEMORY_MB", "64")) * 1024 * 1024)
# What a process keeps between requests (site.kept): off renders every page from the database (bench/serve --cold).
KEPT = _flag("NEWSDESK_KEPT", True)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "newsdesk.newsroom",
    "newsdesk.site",
    "newsdesk.cli",
    "newsdesk.tasks",
    "newsdesk.desk",
    "axes",  # failed-login lockout (issue 6, docs/security.md "The desk")
]

# Background work through Django's Tasks API; the queue lives in the database
# (django-tasks-db), so `newsdesk worker` processes on any machine share it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "newsdesk.site.security.SecurityHeadersMiddleware",  # CSP, Permissions-Policy; before WhiteNoise so static files get them
    "newsdesk.desk.security.DeskSecurityMiddleware",  # the desk's CSP with a per-response nonce; inside the one above
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "newsdesk.config.urls"
WSGI_APPLICATION = "newsdesk.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsdesk.site.context.site",
            ],
        },
    },
]


def _database() -> dict:
    url = os.environ.get("DATABASE_URL")
    if url:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    else:
        config = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(HOME / "newsdesk.sqlite3"), "CONN_MAX_AGE": 600}
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets readers run beside the one writer; IMMEDIATE takes the write
        # lock at BEGIN so two writers queue on the busy timeout instead of
        # failing with "database is locked" half-way through a transaction.
        config.setdefault("OPTIONS", {}).update(
            {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            }
        )
    return config


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Accounts (issue 6; docs/security.md "The desk"). Argon2 first: new and changed passwords are hashed
# with it, and older hashes are upgraded at the next login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
LOGIN_URL = "desk:login"
LOGIN_REDIRECT_URL = "/desk/"
LOGOUT_REDIRECT_URL = "desk:login"
# A desk session lasts one shift, then the editor logs in again.
SESSION_COOKIE_AGE = int(float(os.environ.get("NEWSDESK_SESSION_HOURS", "12")) * 3600)
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Failed logins: counted per (username, client address); the pair is locked out for a while after the limit.
AXES_FAILURE_LIMIT = int(os.environ.get("NEWSDESK_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=float(os.environ.get("NEWSDESK_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Password-reset mails allowed per client address and per e-mail address (django-ratelimit rates: "N/s|m|h|d").
PASSWORD_RESET_RATE_PER_IP = os.environ.get("NEWSDESK_PASSWORD_RESET_RATE_PER_IP", "10/h")
PASSWORD_RESET_RATE_PER_ADDRESS = os.environ.get("NEWSDESK_PASSWORD_RESET_RATE_PER_ADDRESS", "3/h")
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "desk/accounts/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "newsdesk.desk.accounts.client_ip"
AXES_ENABLE_ADMIN = True
# Password-reset mail: printed on the console unless an SMTP server is named.
DEFAULT_FROM_EMAIL = os.environ.get("NEWSDESK_EMAIL_FROM", "desk@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if os.environ.get("NEWSDESK_EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["NEWSDESK_EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("NEWSDESK_EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("NEWSDESK_EMAIL_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("NEWSDESK_EMAIL_PASSWORD", "")
    EMAIL_USE_TLS = _flag("NEWSDESK_EMAIL_TLS", True)
    EMAIL_TIMEOUT = 20
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("NEWSDESK_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = HOME / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG

_redis = os.environ.get("REDIS_URL")
REDIS_URL = _redis or None  # also where view counts wait for `newsdesk views_flush` (publish/readership_redis.py)
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _redis}
        if _redis
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# The JSON API's limit per client and minute (0: off), and how many proxies in front of us append
# to X-Forwarded-For (nginx: 1); without them the header is a client's word and is ignored (api/throttle.py).
API_RATE_LIMIT = int(os.environ.get("NEWSDESK_API_RATE_LIMIT", "120"))
PROXY_COUNT = int(os.environ.get("NEWSDESK_PROXY_COUNT", "0"))
# Asking browsers to preload HSTS binds the whole domain to HTTPS for months; the operator opts in.
SECURE_HSTS_PRELOAD = _flag("NEWSDESK_HSTS_PRELOAD")
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
if _flag("NEWSDESK_HTTPS"):
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("NEWSDESK_LOG_LEVEL", "WARNING")},
    # The extraction libraries log every odd page (even at ERROR); our own errors already name the input and reason.
    "loggers": {name: {"level": "CRITICAL"} for name in ("trafilatura", "htmldate", "courlan", "justext")},
}
