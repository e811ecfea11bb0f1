"""Stories, wire copies, entities, mentions and quotes: what issue 4's stages leave behind.

The ``dedupe`` and ``enrich`` stages are pure; these tables are where their
results live. An article keeps every wire's copy of itself (``WireCopy``),
so a wrong fold can be split again; articles about one event share a
``Story``; people, places and organisations are ``Entity`` rows named by
articles through ``Mention``; ``Quote`` keeps direct speech with its speaker.
Imported by ``newsroom.models`` so they belong to the ``newsroom`` app.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse


class Story(models.Model):
    """One event, told by one or more articles: what the "full coverage" page shows."""

    slug = models.SlugField(max_length=120)
    title = models.TextField(help_text="the headline of the story's first article, until an editor names it")
    first_published_at = models.DateTimeField(db_index=True)
    last_published_at = models.DateTimeField(db_index=True)
    article_count = models.PositiveIntegerField(default=0)
    source_count = models.PositiveIntegerField(default=0)
    # The (source id, credit) pairs source_count counts, so a new copy is counted without reading the story's rows;
    # null on stories counted before it was kept (filled at their next count).
    source_keys = models.JSONField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        app_label = "newsroom"
        verbose_name_plural = "stories"
        indexes = [models.Index(fields=["-last_published_at"], name="story_latest_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("site:story", kwargs={"pk": self.pk, "slug": self.slug})


class WireCopy(models.Model):
    """One wire's copy of an article: the copy it was made from, and every near-duplicate folded into it.

    ``snapshot`` is the copy's draft as ninjs, kept whole so splitting a wrong
    fold can turn the copy back into an article of its own.
    """

    article = models.ForeignKey("newsroom.Article", on_delete=models.CASCADE, related_name="copies")
    source = models.ForeignKey("newsroom.Source", null=True, blank=True, on_delete=models.SET_NULL, related_name="copies")
    raw_item = models.ForeignKey("newsroom.RawItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="copies")
    wire_key = models.CharField(max_length=64, unique=True, help_text="the copy's idempotence key, as Article.wire_key")
    provider_id = models.CharField(max_length=500, blank=True, default="")
    headline = models.TextField()
    credit = models.CharField(max_length=200, blank=True, default="")
    original_url = models.TextField(blank=True, default="")
    similarity = models.FloatField(default=1.0, help_text="estimated Jaccard similarity with the article's first copy")
    first = models.BooleanField(default=False, help_text="the copy the article was made from")
    snapshot = models.JSONField()
    folded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "newsroom"
        verbose_name_plural = "wire copies"
        indexes = [models.Index(fields=["article", "folded_at"], name="wirecopy_article_idx")]

    def __str__(self) -> str:
        return f"{self.credit or 'copy'}: {self.headline}"


class Fingerprint(models.Model):
    """An article's MinHash signature, stored so the near-duplicate index is rebuilt after a restart without re-reading text."""

    article = models.OneToOneField("newsroom.Article", on_delete=models.CASCADE, primary_key=True, related_name="fingerprint")
    signature = models.BinaryField()
    published_at = models.DateTimeField(db_index=True)

    class Meta:
        app_label = "newsroom"


class Entity(models.Model):
    """A person, organisation or place in the news, across the archive; aliases merge the names it goes by."""

    class Kind(models.TextChoices):
        PERSON = "person"
        ORGANISATION = "organisation"
        PLACE = "place"

    kind = models.CharField(max_length=12, choices=Kind.choices)
    name = models.CharField(max_length=300, help_text="the canonical name: 'Xi Jinping', not 'Xi'")
    slug = models.SlugField(max_length=200, unique=True)
    uri = models.CharField(max_length=300, blank=True, default="", help_text="Wikidata or GeoNames, when known")
    description = models.CharField(max_length=300, blank=True, default="", help_text="a title or role, never part of the name")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "newsroom"
        verbose_name_plural = "entities"
        constraints = [models.UniqueConstraint(fields=["kind", "name"], name="one_entity_per_kind_and_name")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("site:entity", kwargs={"slug": self.slug})


class EntityAlias(models.Model):
    """Another name an entity goes by ("Xi" for Xi Jinping), learned from articles that used both."""

    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=300)

    class Meta:
        app_label = "newsroom"
        constraints = [models.UniqueConstraint(fields=["entity", "alias"], name="one_alias_per_entity")]
        indexes = [models.Index(fields=["alias"], name="entityalias_alias_idx")]

    def __str__(self) -> str:
        return self.alias


class Mention(models.Model):
    """An article names an entity: ``rel`` is "about" or "mentions", by salience."""

    article = models.ForeignKey("newsroom.Article", on_delete=models.CASCADE, related_name="mentions")
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="mentions")
    salience = models.FloatField(default=0.0)
    rel = models.CharField(max_length=10, default="mentions")
    description = models.CharField(max_length=300, blank=True, default="")

    class Meta:
        app_label = "newsroom"
        constraints = [models.UniqueConstraint(fields=["article", "entity"], name="one_mention_per_article_entity")]
        indexes = [models.Index(fields=["entity", "article"], name="mention_entity_idx")]


class Quote(models.Model):
    """Direct speech in an article and who said it (no speaker when nobody is named)."""

    article = models.ForeignKey("newsroom.Article", on_delete=models.CASCADE, related_name="quotes")
    speaker = models.ForeignKey(Entity, null=True, blank=True, on_delete=models.SET_NULL, related_name="quotes")
    speaker_name = models.CharField(max_length=300, blank=True, default="")
    text = models.TextField()
    paragraph = models.PositiveIntegerField(default=0)
    position = models.PositiveIntegerField(default=0, help_text="order within the article")

    class Meta:
        app_label = "newsroom"
        ordering = ["article", "position"]

    def __str__(self) -> str:
        return f"{self.speaker_name or 'unattributed'}: {self.text[:60]}"
