"""date_parse and date_stamps: publication dates in the many ways pages print them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from newsdesk.extract.dates import date_parse, date_stamps

UTC = timezone.utc


def at(*args: int, hours: float = 0) -> datetime:
    return datetime(*args, tzinfo=timezone(timedelta(hours=hours)))


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("September 04, 2025", at(2025, 9, 4)),
        ("4 September 2025", at(2025, 9, 4)),
        ("4th September 2025", at(2025, 9, 4)),
        ("Sept. 4, 2025", at(2025, 9, 4)),
        ("Sep 4, 2025 10:32 AM EDT", at(2025, 9, 4, 10, 32, hours=-4)),
        ("2025-09-04", at(2025, 9, 4)),
        ("2025-09-04T10:32:00+09:00", at(2025, 9, 4, 10, 32, hours=9)),
        ("2025-09-04T01:32:00Z", at(2025, 9, 4, 1, 32)),
        ("Published 04/09/2025", at(2025, 9, 4)),
        ("04.09.2025", at(2025, 9, 4)),
        ("09/04/2025 10:32 EDT", at(2025, 9, 4, 10, 32, hours=-4)),
        ("09/24/2025", at(2025, 9, 24)),
        ("Thu 4 Sep 2025 10.32 BST", at(2025, 9, 4, 10, 32, hours=1)),
        ("Sep 04, 2025, 10:32 IST", at(2025, 9, 4, 10, 32, hours=5.5)),
        ("Thursday, September 4, 2025 at 4pm GMT+8", at(2025, 9, 4, 16, 0, hours=8)),
        ("Updated: Sep 4, 2025 10:32 a.m. ET", at(2025, 9, 4, 10, 32, hours=-4)),
        ("14:32, 4 Sep 2025", at(2025, 9, 4, 14, 32)),
        ("2025/09/04", at(2025, 9, 4)),
        ("Dec 31, 2025 12:05 AM JST", at(2025, 12, 31, 0, 5, hours=9)),
    ],
)
def test_date_parse_reads_the_date_time_and_zone(text, when):
    parsed = date_parse(text)
    assert parsed == when and parsed.tzinfo is not None


def test_date_only_is_midnight_utc():
    assert date_parse("September 04, 2025").isoformat() == "2025-09-04T00:00:00+00:00"


@pytest.mark.parametrize(
    "text", ["40 views", "7 hours ago", "Yesterday", "2h", "5 min read", "Sept 4", "31/02/2025", "1066-10-14", "", "World"]
)
def test_date_parse_refuses_what_is_not_a_full_date(text):
    assert date_parse(text) is None


def test_updated_and_published_on_one_line_are_told_apart():
    stamps = date_stamps("14:32, 4 Sep 2025 Updated 16:05, 4 Sep 2025")
    assert stamps == [("published", at(2025, 9, 4, 14, 32)), ("updated", at(2025, 9, 4, 16, 5))]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Updated: Sep 4, 2025 10:32 AM EDT", "updated"),
        ("Last updated 4 September 2025", "updated"),
        ("First Published: Sep 04, 2025, 09:15 IST", "published"),
        ("New Delhi | Updated: Sep 04, 2025, 10:32 IST", "updated"),
        ("By Jane Doe | Sep 4, 2025", "published"),
    ],
)
def test_date_lines_say_which_date_they_give(line, kind):
    stamps = date_stamps(line)
    assert stamps is not None and stamps[0][0] == kind


def test_a_sentence_mentioning_a_date_is_not_a_date_line():
    assert date_stamps("On September 4, 2025, the leaders met in Beijing for talks.") is None
