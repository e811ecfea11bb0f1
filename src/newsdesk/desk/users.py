"""Desk accounts: create a user with a role, change a user's role. ``newsdesk user`` and the admin call these."""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from newsdesk.desk.roles import ADMIN, ROLES
from newsdesk.pipeline.changes import audit_record


class AccountError(ValueError):
    """A user that cannot be created or changed; ``reason`` is a short stable code."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def _role_checked(role: str) -> str:
    if role not in ROLES:
        raise AccountError("unknown_role", f"unknown role {role!r}: one of {', '.join(ROLES)}")
    return role


def user_role_set(user: Any, role: str, *, actor: Any = "command line") -> Any:
    """Give ``user`` exactly one desk role (the groups of the others are removed).

    Admins are staff, so they reach the admin site where users, sources and
    sections are managed; nobody else is (a superuser stays one).
    """
    role = _role_checked(role)
    with transaction.atomic():
        user.groups.remove(*Group.objects.filter(name__in=ROLES).exclude(name=role))
        user.groups.add(Group.objects.get(name=role))
        if user.is_staff != (role == ADMIN or user.is_superuser):
            user.is_staff = role == ADMIN or user.is_superuser
            user.save(update_fields=["is_staff"])
        audit_record(action="role_set", actor=actor, detail={"user": user.get_username(), "role": role})
    user.__dict__.pop("_desk_role", None)
    return user


def user_create(username: str, *, role: str, email: str = "", password: str | None = None, actor: Any = "command line") -> Any:
    """A new active user with ``role``; without a password the user sets one through the reset link sent by e-mail."""
    role = _role_checked(role)
    User = get_user_model()
    username = (username or "").strip()
    if not username:
        raise AccountError("username_missing", "a user needs a name")
    if User.objects.filter(**{User.USERNAME_FIELD: username}).exists():
        raise AccountError("user_exists", f"a user called {username!r} exists already")
    user = User(**{User.USERNAME_FIELD: username}, email=email.strip())
    if password is None:
        # A random password nobody knows, not an "unusable" one: Django sends no reset link to those.
        user.set_password(secrets.token_urlsafe(32))
    else:
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise AccountError("password_weak", " ".join(error.messages)) from None
        user.set_password(password)
    with transaction.atomic():
        user.save()
        audit_record(action="user_add", actor=actor, detail={"user": username, "role": role})
        user_role_set(user, role, actor=actor)
    return user
