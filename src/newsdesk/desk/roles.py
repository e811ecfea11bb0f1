"""The desk's three roles, as Django groups, and the checks every desk view and service makes.

Roles are cumulative, as a newsroom works: an admin can do what an editor
can, an editor what a contributor can. A superuser is an admin.

- **contributor**: edits drafts, submits them for review;
- **editor**: publishes, schedules, embargoes, unpublishes, corrects, kills, splits folds;
- **admin**: users, sources, settings.

The groups and their permissions are created by the migration
``desk/migrations/0001_roles.py`` (``ROLE_PERMISSIONS`` is its table; a change to
the table needs a new migration calling its ``roles_create`` again, which only adds).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

CONTRIBUTOR, EDITOR, ADMIN = "contributor", "editor", "admin"
ROLES = (CONTRIBUTOR, EDITOR, ADMIN)  # lowest first
_RANK = {role: rank for rank, role in enumerate(ROLES)}

# Custom permissions on newsroom.Article: (codename, name).
ARTICLE_PERMISSIONS = (
    ("submit_article", "Can submit a draft for review"),
    ("publish_article", "Can publish, schedule, embargo and unpublish articles"),
    ("correct_article", "Can correct a published article"),
    ("kill_article", "Can kill an article"),
    ("split_story", "Can split a folded duplicate out of its story"),
)
# Each role's own permissions as (app_label, model, codename); a role also holds those of the roles below it.
ROLE_PERMISSIONS: dict[str, tuple[tuple[str, str, str], ...]] = {
    CONTRIBUTOR: (
        ("newsroom", "article", "view_article"),
        ("newsroom", "article", "change_article"),
        ("newsroom", "article", "submit_article"),
        ("newsroom", "source", "view_source"),
        ("newsroom", "section", "view_section"),
    ),
    EDITOR: (
        ("newsroom", "article", "publish_article"),
        ("newsroom", "article", "correct_article"),
        ("newsroom", "article", "kill_article"),
        ("newsroom", "article", "split_story"),
        ("newsroom", "story", "view_story"),
        ("newsroom", "story", "change_story"),
        ("newsroom", "auditentry", "view_auditentry"),
        ("newsroom", "correction", "view_correction"),
        ("newsroom", "correction", "add_correction"),
    ),
    ADMIN: tuple(
        [("auth", "user", f"{verb}_user") for verb in ("add", "change", "delete", "view")]
        + [("newsroom", model, f"{verb}_{model}") for model in ("source", "sourcerule", "section") for verb in ("add", "change", "delete", "view")]
    ),
}


def role_permissions(role: str) -> list[tuple[str, str, str]]:
    """Every permission ``role`` holds: its own and those of the roles below it."""
    return [perm for lower in ROLES[: _RANK[role] + 1] for perm in ROLE_PERMISSIONS[lower]]


def role_of(user: Any) -> str | None:
    """The highest role ``user`` holds ("admin", "editor", "contributor"), or None (anonymous, inactive, no role)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    if user.is_superuser:
        return ADMIN
    cached = getattr(user, "_desk_role", False)
    if cached is not False:
        return cached
    names = set(user.groups.filter(name__in=ROLES).values_list("name", flat=True))
    role = next((r for r in reversed(ROLES) if r in names), None)
    user._desk_role = role
    return role


def has_role(user: Any, role: str) -> bool:
    """Does ``user`` hold ``role`` or a higher one?"""
    if role not in _RANK:
        raise ValueError(f"unknown role {role!r}: one of {', '.join(ROLES)}")
    held = role_of(user)
    return held is not None and _RANK[held] >= _RANK[role]


def role_check(user: Any, role: str, *, action: str) -> None:
    """Raise PermissionDenied (a 403 in a view) unless ``user`` holds ``role``; services call it first."""
    if not has_role(user, role):
        raise PermissionDenied(f"{action} needs the {role} role")


def role_required(role: str) -> Callable:
    """View decorator: anonymous users go to the login page (``next=`` this path); others without ``role`` get 403."""
    if role not in _RANK:
        raise ValueError(f"unknown role {role!r}: one of {', '.join(ROLES)}")

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                # Our own path only: redirect_to_login puts it in ?next=, and LoginView follows only same-host URLs.
                return redirect_to_login(request.get_full_path())
            if not has_role(request.user, role):
                raise PermissionDenied(f"this page needs the {role} role")
            return view(request, *args, **kwargs)

        checked.desk_role = role  # read by the URL-walk test to know what each view expects
        return checked

    return decorator


class RoleRequiredMixin:
    """For class-based views: ``role = "editor"``; the same answers as ``role_required``."""

    role: str = CONTRIBUTOR

    @classmethod
    def as_view(cls, **initkwargs: Any) -> Callable[..., HttpResponse]:
        view = super().as_view(**initkwargs)  # type: ignore[misc]
        return role_required(cls.role)(view)
