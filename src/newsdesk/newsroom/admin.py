"""The Django admin for operators: sources, raw items (with why they failed), sections, articles."""

from django.contrib import admin

from newsdesk.newsroom.models import Article, ArticleVersion, RawItem, Section, Source


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "url", "credit", "created_at")
    search_fields = ("name", "url")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(RawItem)
class RawItemAdmin(admin.ModelAdmin):
    list_display = ("origin", "status", "reason", "size", "received_at")
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
