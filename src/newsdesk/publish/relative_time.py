""""7 hours ago": the words for how long ago something was published.

site.js computes the same words in the browser from `<time datetime>`, so a
page cached for an hour still says the right thing; this is the server's
fallback text for readers without JavaScript. Keep the two in step.
"""

from __future__ import annotations

from datetime import datetime


def time_ago(*, when: datetime, now: datetime) -> str:
    """"just now", "N minutes ago", "N hours ago", "N days ago", then the date (a week or more)."""
    seconds = (now - when).total_seconds()
    if seconds < 60:
        return "just now"
    minutes = int(seconds // 60)
    if minutes < 60:
        return _plural(minutes, "minute")
    hours = minutes // 60
    if hours < 24:
        return _plural(hours, "hour")
    days = hours // 24
    if days < 7:
        return _plural(days, "day")
    return f"{when.day} {when:%B %Y}"


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit} ago" if count == 1 else f"{count} {unit}s ago"
