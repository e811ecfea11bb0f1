"""Where state lives: sources, raw items, sections, articles, versions, views."""

from __future__ import annotations

from datetime import timedelta

from django.db import models
from django.db.models import Q
from django.urls import reverse


class Source(models.Model):
    """Where wire copy comes from: a feed, a page, a folder, an upload, the command line.

    The health fields say how polling goes: the validators for a conditional
    GET (``etag``, ``last_modified``), when the next poll is due, the last
    success and the last error with its reason code, and how many polls in a
    row have failed (the back-off grows with it and resets on success).
    """

    class Kind(models.TextChoices):
        FILE = "file", "file"
        FEED = "feed", "feed URL"
        PAGE = "page", "article page URL"
        FOLDER = "folder", "watched folder"
        UPLOAD = "upload", "upload"

    POLLED_KINDS = (Kind.FEED, Kind.PAGE, Kind.FOLDER)

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.FILE)
    url = models.TextField(blank=True, default="", help_text="the feed or page URL, or the watched folder's path")
    credit = models.CharField(max_length=200, blank=True, default="")
    section = models.ForeignKey(
        "Section", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="the section for items that name none",
    )
    auto_publish = models.BooleanField(default=False, help_text="publish new items at once instead of leaving them as drafts for the desk")
    interval = models.DurationField(default=timedelta(minutes=15), help_text="how often to poll when all is well")
    paused = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    # Health, written by source_refresh only.
    etag = models.CharField(max_length=300, blank=True, default="")
    last_modified = models.CharField(max_length=100, blank=True, default="")
    next_poll_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    last_error_at = models.DateTimeField(null=True, blank=True)
    last_error_reason = models.CharField(max_length=40, blank=True, default="")
    last_error_message = models.TextField(blank=True, default="")
    consecutive_failures = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["paused", "next_poll_at"], name="source_due_idx")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_polled(self) -> bool:
        return self.kind in self.POLLED_KINDS


class RawItem(models.Model):
    """A payload exactly as received, stored (with its sha256) before anything parses it.

    It carries its own processing state, so a sweep or ``newsdesk reprocess``
    can pick up anything a dead worker left: ``pending`` until the pipeline
    has run over it, then ``parsed`` or ``failed`` (the input cannot be read,
    with its reason). ``attempts`` counts the runs started since the last one
    that saved something new; an item that crashed a stage on its
    ``MAX_ATTEMPTS``-th such run (or whose worker never came back from
    ``MAX_RUNS_LOST`` of them) is ``set_aside`` with its reason, so one poison
    item never blocks the rest.
    """

    MAX_ATTEMPTS = 3
    MAX_RUNS_LOST = 10

    class Status(models.TextChoices):
        PENDING = "pending"
        PARSED = "parsed"
        FAILED = "failed"
        SET_ASIDE = "set_aside", "set aside"

    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="raw_items")
    entry_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="entry_pages",
        help_text="the feed payload whose summary-only entry this page gives the full text of",
    )
    origin = models.TextField(help_text="the path or URL the payload came from")
    sha256 = models.CharField(max_length=64, unique=True)
    payload = models.BinaryField()
    size = models.PositiveIntegerField()
    content_type = models.CharField(max_length=100, blank=True, default="")
    received_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    reason = models.CharField(max_length=40, blank=True, default="", help_text="reason code when parsing failed")
    message = models.TextField(blank=True, default="")
    parsed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0, help_text="pipeline runs started over this item")
    last_attempt_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["status", "received_at"]),
            models.Index(fields=["source", "origin"], name="rawitem_source_origin_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.origin} ({self.status})"


class Section(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    position = models.PositiveIntegerField(default=100)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("site:section", kwargs={"slug": self.slug})


class Article(models.Model):
    """An article as the site shows it.

    Idempotence lives in unique keys (issue 3): ``wire_key`` is derived from
    (source, provider id), else the canonical URL, else a hash of headline and
    date, and saving inserts on conflict, so the same item arriving twice
    (a re-sent file, a retried task, two workers) is one article.
    """

    class Status(models.TextChoices):
        """The desk's workflow (issue 6): draft → ready → published; scheduled waits for ``publish_at``;
        unpublished is taken down and can come back; killed is removed everywhere and shows a kill notice."""

        DRAFT = "draft"
        READY = "ready"
        SCHEDULED = "scheduled"
        PUBLISHED = "published"
        UNPUBLISHED = "unpublished"
        KILLED = "killed"

    wire_key = models.CharField(max_length=64, unique=True, help_text="the idempotence key: (source, provider id), canonical URL, or headline + date")
    provider_id = models.CharField(max_length=500, blank=True, default="", help_text="the item's id at its provider (guid, ninjs uri)")
    canonical_url = models.TextField(blank=True, default="")
    content_hash = models.CharField(max_length=64)
    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles")
    raw_item = models.ForeignKey(RawItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles")
    headline = models.TextField()
    slug = models.SlugField(max_length=120)
    section = models.ForeignKey(Section, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles")
    published_at = models.DateTimeField(db_index=True)
    updated_at = models.DateTimeField(null=True, blank=True)
    dateline = models.CharField(max_length=200, blank=True, default="")
    byline = models.CharField(max_length=300, blank=True, default="")
    credit = models.CharField(max_length=200, blank=True, default="")
    original_url = models.TextField(blank=True, default="")
    image_url = models.TextField(blank=True, default="")
    image_caption = models.TextField(blank=True, default="")
    image_credit = models.CharField(max_length=300, blank=True, default="")
    summary = models.TextField(blank=True, default="")
    body_html = models.TextField()
    language = models.CharField(max_length=20, default="en")
    source_view_count = models.PositiveIntegerField(null=True, blank=True, help_text="the source page's count: metadata, never ours")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PUBLISHED)
    publish_at = models.DateTimeField(null=True, blank=True, help_text="scheduled: published by the worker at this time")
    embargo_until = models.DateTimeField(null=True, blank=True, help_text="embargoed: never public before this time")
    kill_notice = models.TextField(blank=True, default="", help_text="shown at the article's address once it is killed")
    story = models.ForeignKey("newsroom.Story", null=True, blank=True, on_delete=models.SET_NULL, related_name="articles")
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(fields=["status", "-published_at"]),
            models.Index(fields=["section", "status", "-published_at"]),
            models.Index(fields=["source", "created_at"], name="article_source_created_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "provider_id"], condition=~Q(provider_id=""), name="one_article_per_source_item"
            ),
            models.UniqueConstraint(
                fields=["canonical_url"], condition=Q(provider_id="") & ~Q(canonical_url=""), name="one_article_per_url"
            ),
        ]

    def __str__(self) -> str:
        return self.headline

    def get_absolute_url(self) -> str:
        return reverse("site:article", kwargs={"pk": self.pk, "slug": self.slug})


class ArticleVersion(models.Model):
    """Every state an article has had, kept whole so any two can be compared."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    snapshot = models.JSONField()
    raw_item = models.ForeignKey(RawItem, null=True, blank=True, on_delete=models.SET_NULL)
    reason = models.CharField(max_length=40, default="ingest")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "number"], name="one_version_number_per_article")]
        ordering = ["article", "number"]


class ViewCount(models.Model):
    """Our own view count, kept apart from Article so counting never locks the article row."""

    article = models.OneToOneField(Article, primary_key=True, on_delete=models.CASCADE, related_name="views")
    total = models.PositiveBigIntegerField(default=0)


class Worker(models.Model):
    """A running `newsdesk worker` process and its heartbeat.

    A task whose worker stopped beating for longer than the lease was left
    by a dead process (SIGKILL, OOM, a lost machine); the sweep puts it back
    in the queue.
    """

    worker_id = models.CharField(max_length=64, primary_key=True)
    host = models.CharField(max_length=200)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField(auto_now_add=True)
    beat_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.host}:{self.pid}"


# Readership counters live in their own module; imported here so Django registers them with this app.
from newsdesk.newsroom.models_views import HourlyViews, ViewsFlush  # noqa: E402,F401
from newsdesk.newsroom.models_stories import (  # noqa: E402,F401
    Entity,
    EntityAlias,
    Fingerprint,
    Mention,
    Quote,
    Story,
    WireCopy,
)
from newsdesk.newsroom.models_desk import AuditEntry, Correction, SourceRule  # noqa: E402,F401
