"""The public site's URLs (namespace ``site``)."""

from django.urls import path

from newsdesk.site import search_views, story_views, syndication, views

app_name = "site"

urlpatterns = [
    path("", views.home, name="home"),
    path("section/<slug:slug>/", views.section, name="section"),
    path("article/<int:pk>/", views.article_short, name="article_short"),
    path("article/<int:pk>/<str:slug>/", views.article, name="article"),
    path("views/<int:pk>", views.article_views, name="views"),
    path("views/<int:pk>/pixel.gif", views.article_views_pixel, name="views_pixel"),
    path("rails.json", views.rails, name="rails"),
    path("search", search_views.search, name="search"),
    path("stories/<int:pk>-<slug:slug>/", story_views.story, name="story"),
    path("entities/<slug:slug>/", story_views.entity, name="entity"),
    path("related/<int:pk>.json", story_views.related, name="related"),
    *syndication.urlpatterns,  # feeds, sitemaps, robots.txt
]
