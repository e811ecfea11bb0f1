"""People at the desk for the screen tests: a user in each role, and a test client signed in as them.

Imported by the ``test_views_*`` modules (``from desk_people import *``) rather
than kept in a conftest, so the desk's other tests keep a conftest of their own.
"""

from __future__ import annotations

import itertools

import pytest

PASSWORD = "correct horse battery staple 6"
_numbers = itertools.count(1)


@pytest.fixture
def desk_user(db):
    """``desk_user("editor")``: a new active user in that role's group (groups come from the desk's migration)."""
    from django.contrib.auth.models import Group, User

    def make(role: str | None, *, username: str | None = None, password: str | None = None) -> User:
        # No password unless the test logs in through the form: Argon2 is slow on purpose.
        user = User.objects.create_user(username or f"{role or 'nobody'}{next(_numbers)}", password=password)
        if role:
            # get_or_create: a live-server test flushes the tables, groups from the migration included.
            user.groups.add(Group.objects.get_or_create(name=role)[0])
        return user

    return make


@pytest.fixture
def client_as(desk_user):
    """``client_as("contributor")``: a Django test client logged in as a new user in that role (CSRF checks on)."""
    from django.test import Client

    def make(role: str | None, **kwargs) -> Client:
        client = Client(enforce_csrf_checks=kwargs.pop("csrf", False))
        client.force_login(desk_user(role, **kwargs), backend="django.contrib.auth.backends.ModelBackend")
        return client

    return make


@pytest.fixture
def editor_client(client_as):
    return client_as("editor", username="ed")


@pytest.fixture
def contributor_client(client_as):
    return client_as("contributor", username="cora")
