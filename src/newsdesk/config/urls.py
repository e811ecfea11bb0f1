"""URL conf: the admin, the JSON API, the editors' desk and the public site."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("newsdesk.api.urls")),
    path("desk/", include("newsdesk.desk.urls")),
    path("", include("newsdesk.site.urls")),
]

handler404 = "newsdesk.site.views.not_found"
handler500 = "newsdesk.site.views.server_error"
