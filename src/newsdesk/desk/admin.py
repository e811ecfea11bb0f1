"""Wire copies in the admin, with the action that splits a wrong fold (issue 4 point 1, until the desk has a button).

Here rather than in newsroom/admin.py: the action calls the pipeline's
``fold_split`` service, and the newsroom app sits below the pipeline.
"""

from django.contrib import admin, messages

from newsdesk.newsroom.models import WireCopy
from newsdesk.pipeline.folds import FoldSplitRefused, fold_split


@admin.register(WireCopy)
class WireCopyAdmin(admin.ModelAdmin):
    list_display = ("headline", "credit", "article", "first", "similarity", "folded_at")
    list_filter = ("first", "credit")
    search_fields = ("headline", "wire_key", "original_url")
    raw_id_fields = ("article", "source", "raw_item")
    readonly_fields = ("wire_key", "similarity", "first", "snapshot", "folded_at")
    actions = ["split"]

    @admin.action(description="Split the selected copies into articles of their own (a wrong fold)")
    def split(self, request, queryset):
        for copy in queryset:
            try:
                article = fold_split(copy.pk, actor=request.user)
            except FoldSplitRefused as refused:
                self.message_user(request, str(refused), messages.WARNING)
            else:
                self.message_user(request, f"“{copy.headline}” is now article {article.pk}", messages.SUCCESS)
