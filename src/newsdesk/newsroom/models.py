"""Where state lives: sources, raw items, sections, articles, versions, views."""

from __future__ import annotations

from django.db import models
from django.urls import reverse


class Source(models.Model):
    """Where wire copy comes from: a feed, a page, a folder, an upload, the command line."""

    class Kind(models.TextChoices):
        FILE = "file", "file"
        FEED = "feed", "feed URL"
        PAGE = "page", "article page URL"
        FOLDER = "folder", "watched folder"
        UPLOAD = "upload", "upload"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.FILE)
    url = models.TextField(blank=True, default="")
    credit = models.CharField(max_length=200, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class RawItem(models.Model):
    """A payload exactly as received, stored (with its sha256) before anything parses it."""

    class Status(models.TextChoices):
        PENDING = "pending"
        PARSED = "parsed"
        FAILED = "failed"

    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="raw_items")
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

    class Meta:
        indexes = [models.Index(fields=["status", "received_at"])]

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
    """An article as the site shows it. ``wire_key`` makes re-ingesting the same item a no-op."""

    class Status(models.TextChoices):
        DRAFT = "draft"
        PUBLISHED = "published"

    wire_key = models.CharField(max_length=64, unique=True, help_text="provider id or content fingerprint")
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
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PUBLISHED)
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(fields=["status", "-published_at"]),
            models.Index(fields=["section", "status", "-published_at"]),
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
