"""The JSON API's URLs (namespace ``api``), mounted at ``/api/v1/`` by ``config/urls.py``.

Every path here is an operation in ``openapi.PATHS`` and a row in docs/api.md
(tests/api/test_documented.py). Stories, entities and quotes (issue 4) are in ``stories``.
"""

from django.urls import path, re_path

from newsdesk.api import search, stories, views
from newsdesk.api.throttle import patterns_throttled

app_name = "api"

urlpatterns = [
    path("articles", views.articles, name="articles"),
    path("articles/<str:id>", views.article, name="article"),
    path("articles/<str:id>/quotes", stories.article_quotes, name="article_quotes"),
    path("sections", views.sections, name="sections"),
    path("sections/<str:slug>", views.section, name="section"),
    path("search", search.search, name="search"),
    path("stories/<str:id>", stories.story, name="story"),
    path("entities/<str:slug>", stories.entity, name="entity"),
    path("openapi.json", views.openapi, name="openapi"),
    re_path(r"^(?P<path>.*)$", views.unknown, name="unknown"),  # last: a JSON 404, not the site's page
]
urlpatterns = patterns_throttled(urlpatterns)  # NEWSDESK_API_RATE_LIMIT requests a minute per client (docs/security.md)
