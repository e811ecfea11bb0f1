"""Template helpers for the desk's screens: what the signed-in user's role lets a page show."""

from __future__ import annotations

from django import template

from newsdesk.desk.roles import has_role

register = template.Library()


@register.filter
def holds(user, role: str) -> bool:
    """``{% if user|holds:"editor" %}``: show a control only to those whose role allows it (the view checks again)."""
    return has_role(user, role)
