"""The JSON API's URLs (namespace ``api``), mounted at ``/api/v1/`` by ``config/urls.py``.

Every path here is an operation in ``openapi.PATHS`` and a row in docs/api.md
(tests/api/test_documented.py). Stories and entities (issue 4) join here.
"""

from django.urls import path, re_path

from newsdesk.api import views
from newsdesk.api.throttle import patterns_throttled

app_name = "api"

urlpatterns = [
    path("articles", views.articles, name="articles"),
    path("articles/<str:id>", views.article, name="article"),
    path("sections", views.sections, name="sections"),
    path("sections/<str:slug>", views.section, name="section"),
    path("search", views.search, name="search"),
    path("openapi.json", views.openapi, name="openapi"),
    re_path(r"^(?P<path>.*)$", views.unknown, name="unknown"),  # last: a JSON 404, not the site's page
]
urlpatterns = patterns_throttled(urlpatterns)  # NEWSDESK_API_RATE_LIMIT requests a minute per client (docs/security.md)
