from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "wagtail_site.news"
    label = "news"
