"""Roles: three groups with their permissions, role_of, and the answers a view gives to each kind of visitor."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory

from desk_people import client_as, desk_user  # noqa: F401
from newsdesk.desk.roles import has_role, role_check, role_of, role_required

pytestmark = pytest.mark.django_db


def _codenames(role: str) -> set[str]:
    return set(Group.objects.get(name=role).permissions.values_list("codename", flat=True))


def test_the_migration_gives_each_role_its_permissions_and_the_higher_roles_those_below():
    contributor, editor, admin = _codenames("contributor"), _codenames("editor"), _codenames("admin")
    assert {"change_article", "submit_article"} <= contributor
    assert not {"publish_article", "kill_article", "correct_article", "add_user"} & contributor
    assert {"publish_article", "correct_article", "kill_article", "split_story"} <= editor
    assert contributor < editor and "add_user" not in editor and "change_source" not in editor
    assert {"add_user", "change_user", "change_source", "add_sourcerule", "change_section"} <= admin
    assert editor < admin


def test_a_user_holds_the_highest_role_of_their_groups_and_a_superuser_is_an_admin(desk_user, django_user_model):
    assert role_of(desk_user("contributor")) == "contributor"
    both = desk_user("contributor")
    both.groups.add(Group.objects.get(name="editor"))
    assert role_of(both) == "editor"
    assert role_of(django_user_model.objects.create_superuser("chief", "chief@news.example", None)) == "admin"
    assert role_of(desk_user(None)) is None
    assert role_of(AnonymousUser()) is None


def test_an_inactive_account_has_no_role(desk_user):
    editor = desk_user("editor")
    editor.is_active = False
    assert role_of(editor) is None and not has_role(editor, "contributor")


def test_a_service_refuses_a_user_without_the_role(desk_user):
    with pytest.raises(PermissionDenied, match="needs the editor role"):
        role_check(desk_user("contributor"), "editor", action="publishing")
    role_check(desk_user("admin"), "editor", action="publishing")  # admins may do what editors do


@role_required("editor")
def _editors_only(request):
    return HttpResponse("the editors' page")


def _ask(user, path="/desk/somewhere/?filter=1"):
    request = RequestFactory().get(path)
    request.user = user
    return _editors_only(request)


def test_an_anonymous_visitor_is_sent_to_the_login_page_with_the_way_back(desk_user):
    response = _ask(AnonymousUser())
    assert response.status_code == 302
    assert response["Location"] == "/desk/login/?next=/desk/somewhere/%3Ffilter%3D1"


def test_a_signed_in_user_without_the_role_gets_403_and_one_with_it_the_page(desk_user):
    with pytest.raises(PermissionDenied):  # Django turns it into the 403 page
        _ask(desk_user("contributor"))
    with pytest.raises(PermissionDenied):
        _ask(desk_user(None))
    assert _ask(desk_user("editor")).content == b"the editors' page"
    assert _ask(desk_user("admin")).status_code == 200


def test_an_unknown_role_is_a_programming_error_caught_at_import():
    with pytest.raises(ValueError, match="unknown role"):
        role_required("subeditor")


@pytest.mark.django_db(transaction=True)
def test_the_roles_come_back_after_the_database_is_flushed():
    """`newsdesk flush` (and every transactional test) empties the tables the migration filled; post_migrate refills them."""
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)
    assert set(Group.objects.values_list("name", flat=True)) >= {"contributor", "editor", "admin"}
    assert Group.objects.get(name="editor").permissions.filter(codename="publish_article").exists()
