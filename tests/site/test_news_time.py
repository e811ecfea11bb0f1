"""Dates on the article page: the time when the wire gave one, the date alone when it did not."""

from datetime import datetime, timedelta, timezone

from newsdesk.site.templatetags.newsdesk_site import news_time


def test_a_date_only_item_shows_no_invented_midnight():
    assert news_time(datetime(2025, 9, 4, tzinfo=timezone.utc)) == "4 September 2025"


def test_a_timed_item_shows_the_time_and_zone():
    assert news_time(datetime(2025, 9, 4, 9, 5, tzinfo=timezone.utc)) == "4 September 2025, 09:05 UTC"


def test_times_from_other_zones_are_shown_in_the_site_zone():
    tokyo = timezone(timedelta(hours=9))
    assert news_time(datetime(2025, 9, 4, 18, 30, tzinfo=tokyo)) == "4 September 2025, 09:30 UTC"
