"""Operators can see raw items and articles in the admin, and only staff get in."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["source", "rawitem", "section", "article"])
def test_admin_lists_each_table_for_staff(admin_client, article_factory, model):
    article_factory(headline="Admin sees this")
    response = admin_client.get(reverse(f"admin:newsroom_{model}_changelist"))
    assert response.status_code == 200


def test_admin_refuses_anonymous_readers(client):
    response = client.get(reverse("admin:newsroom_article_changelist"))
    assert response.status_code == 302 and "/login/" in response["Location"]
