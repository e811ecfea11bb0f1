"""The article as a Wagtail page: the fields newsdesk's article page shows."""

from django.db import models
from wagtail.fields import RichTextField
from wagtail.models import Page


class SectionPage(Page):
    """A section (the nav lists them, as newsdesk's masthead does)."""


class ArticlePage(Page):
    standfirst = models.TextField(blank=True)
    byline = models.CharField(max_length=255, blank=True)
    dateline = models.CharField(max_length=255, blank=True)
    published_at = models.DateTimeField()
    image_url = models.URLField(blank=True)
    image_caption = models.TextField(blank=True)
    body = RichTextField()
    credit = models.CharField(max_length=255, blank=True)
    original_url = models.URLField(blank=True)

    def get_context(self, request, *args, **kwargs):
        """The highlights rail: the newest other articles, as newsdesk's article page shows them."""
        context = super().get_context(request, *args, **kwargs)
        context["highlights"] = ArticlePage.objects.live().exclude(pk=self.pk).order_by("-published_at")[:5]
        return context
