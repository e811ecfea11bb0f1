"""The Django admin for operators: sources, raw items (with why they failed), sections, articles."""

from django.contrib import admin
from django.utils import timezone
from django.utils.timesince import timesince, timeuntil

from newsdesk.newsroom.models import (
    Article, ArticleVersion, Entity, EntityAlias, Quote, RawItem, Section, Source, SourceRule, Story, Worker,
)
from newsdesk.newsroom.selectors import source_state, sources_with_items_24h

HEALTH_FIELDS = (
    "etag", "last_modified", "next_poll_at", "last_success_at", "last_error_at",
    "last_error_reason", "last_error_message", "consecutive_failures",
)


class SourceRuleInline(admin.TabularInline):
    """The source's find-and-replace rules, applied to its copy on ingest in this order (pipeline/rules.py)."""

    model = SourceRule
    extra = 1
    fields = ("position", "find", "replace")


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    """The same health as `newsdesk source list`: state, last success, last error with its reason, items, next poll."""

    list_display = ("name", "kind", "state", "last_success", "last_error", "items_24h", "next_poll", "paused")
    list_filter = ("kind", "paused")
    list_editable = ("paused",)
    search_fields = ("name", "url")
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = HEALTH_FIELDS
    inlines = (SourceRuleInline,)
    fieldsets = (
        (None, {"fields": ("name", "slug", "kind", "url", "credit", "section", "auto_publish", "interval", "paused")}),
        ("Health", {"fields": HEALTH_FIELDS}),
    )

    def get_queryset(self, request):
        return sources_with_items_24h()

    @admin.display(description="state")
    def state(self, source: Source) -> str:
        failing = f" ×{source.consecutive_failures}" if source.consecutive_failures else ""
        return source_state(source) + failing

    @admin.display(description="last success", ordering="last_success_at")
    def last_success(self, source: Source) -> str:
        return f"{timesince(source.last_success_at)} ago" if source.last_success_at else "—"

    @admin.display(description="last error", ordering="last_error_at")
    def last_error(self, source: Source) -> str:
        if not source.last_error_at:
            return "—"
        return f"{source.last_error_reason}: {source.last_error_message} ({timesince(source.last_error_at)} ago)"

    @admin.display(description="items in 24 h", ordering="items_24h")
    def items_24h(self, source: Source) -> int:
        return source.items_24h

    @admin.display(description="next poll", ordering="next_poll_at")
    def next_poll(self, source: Source) -> str:
        if source.paused or not source.is_polled or not source.next_poll_at:
            return "—"
        return "due" if source.next_poll_at <= timezone.now() else f"in {timeuntil(source.next_poll_at)}"


@admin.register(RawItem)
class RawItemAdmin(admin.ModelAdmin):
    list_display = ("origin", "status", "reason", "attempts", "size", "received_at")
    list_filter = ("status", "reason")
    search_fields = ("origin", "sha256")
    readonly_fields = [field.name for field in RawItem._meta.fields]


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "position")
    list_editable = ("position",)


class ArticleVersionInline(admin.TabularInline):
    model = ArticleVersion
    extra = 0
    fields = ("number", "reason", "created_at")
    readonly_fields = fields
    can_delete = False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("headline", "section", "credit", "status", "published_at")
    list_filter = ("status", "section", "credit")
    search_fields = ("headline", "byline", "dateline")
    date_hierarchy = "published_at"
    readonly_fields = ("wire_key", "content_hash", "raw_item", "created_at", "modified_at")
    inlines = [ArticleVersionInline]


@admin.register(Worker)
class WorkerAdmin(admin.ModelAdmin):
    """Worker processes and their last heartbeat (a silent one is dead; its tasks go back in the queue)."""

    list_display = ("worker_id", "host", "pid", "started_at", "beat_at")
    readonly_fields = ("worker_id", "host", "pid", "started_at", "beat_at")


# Issue 4: stories, entities and quotes. WireCopy (with the "split" action) is in desk/admin.py,
# because splitting a fold is a pipeline service and this app sits below the pipeline.
@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ("title", "article_count", "source_count", "first_published_at", "last_published_at")
    search_fields = ("title",)
    date_hierarchy = "last_published_at"
    readonly_fields = ("article_count", "source_count", "first_published_at", "last_published_at", "created_at", "modified_at")


class EntityAliasInline(admin.TabularInline):
    model = EntityAlias
    extra = 0


@admin.register(Entity)
class EntityAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "uri", "description")
    list_filter = ("kind",)
    search_fields = ("name", "aliases__alias", "uri")
    inlines = [EntityAliasInline]


@admin.register(Quote)
class QuoteAdmin(admin.ModelAdmin):
    list_display = ("speaker_name", "text", "article")
    search_fields = ("speaker_name", "text")
    raw_id_fields = ("article", "speaker")
