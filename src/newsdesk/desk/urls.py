"""The desk's URLs (namespace ``desk``, mounted at /desk/).

Accounts first (login, logout, password reset and change); the desk's
screens follow below. Every screen view is wrapped in
``roles.role_required`` (the URL-walk test checks each one).
"""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from newsdesk.desk import views_audit, views_dashboard, views_editor, views_queue, views_versions, views_workflow
from newsdesk.desk.accounts import DeskLoginView, DeskPasswordResetView

app_name = "desk"

urlpatterns = [
    # Accounts.
    path("login/", DeskLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),  # POST only (Django 5): no logout by a stray link
    path("password/reset/", DeskPasswordResetView.as_view(), name="password_reset"),  # rate-limited (accounts.py)
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="desk/accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="desk/accounts/password_reset_confirm.html", success_url=reverse_lazy("desk:password_reset_complete")
        ),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(template_name="desk/accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    path(
        "password/change/",
        auth_views.PasswordChangeView.as_view(
            template_name="desk/accounts/password_change_form.html", success_url=reverse_lazy("desk:password_change_done")
        ),
        name="password_change",
    ),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(template_name="desk/accounts/password_change_done.html"),
        name="password_change_done",
    ),
    # The desk's screens (queue, editor, diff, audit, dashboards) follow.
    path("", views_queue.queue, name="queue"),
    path("audit/", views_audit.audit, name="audit"),
    path("dashboard/", views_dashboard.dashboard, name="dashboard"),
    path("articles/<int:pk>/", views_editor.article_editor, name="article"),
    path("articles/<int:pk>/preview", views_editor.article_preview, name="article_preview"),
    path("articles/<int:pk>/versions/", views_versions.article_versions, name="versions"),
    path("articles/<int:pk>/diff", views_versions.article_diff, name="article_diff"),
    *[path(f"articles/<int:pk>/{name}", view, name=f"article_{name}") for name, view in views_workflow.VIEWS.items()],
    path("articles/<int:pk>/copies/<int:copy_id>/split", views_workflow.copy_split, name="copy_split"),
]
