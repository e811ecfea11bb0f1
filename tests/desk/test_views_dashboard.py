"""The dashboards: each chart shows the numbers in the database (items, failures, most read, published), per bucket."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from desk_people import client_as, contributor_client, desk_user  # noqa: F401

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 4, 15, 30, tzinfo=UTC)


@pytest.fixture
def frozen_now(monkeypatch):
    from newsdesk.core import clock

    monkeypatch.setattr(clock, "now", lambda: NOW)
    return NOW


def _source(name):
    from newsdesk.newsroom.models import Source

    return Source.objects.create(name=name, slug=name.lower().replace(" ", "-"))


def _raw(source, at, *, status="parsed", reason=""):
    from newsdesk.newsroom.models import RawItem

    item = RawItem.objects.create(source=source, origin="x", sha256=f"{RawItem.objects.count():064d}", payload=b"",
                                  size=0, status=status, reason=reason)
    RawItem.objects.filter(pk=item.pk).update(received_at=at)


def _marks(page: str, chart: str) -> dict[str, dict[str, str]]:
    """{series: {label: value}} read back from one chart's SVG on the page."""
    svg = re.search(rf'<svg[^>]*data-chart="{chart}".*?</svg>', page, re.S).group(0)
    found = {}
    for series, body in re.findall(r'<g class="series" data-series="([^"]*)">(.*?)</g>', svg, re.S):
        found[series] = dict(re.findall(r'data-label="([^"]*)" data-value="([^"]*)"', body))
    return found


def test_items_per_source_counts_raw_items_per_hour_and_per_day(contributor_client, frozen_now):
    agency, other = _source("Agency One"), _source("Other Wire")
    for minutes in (1, 10, 29):
        _raw(agency, NOW.replace(minute=0) + timedelta(minutes=minutes))  # three in the 15:00 hour
    _raw(agency, NOW - timedelta(hours=2))  # 13:xx
    _raw(other, NOW - timedelta(hours=2))
    _raw(other, NOW - timedelta(days=3))  # outside the day's window, inside the week's
    day = _marks(contributor_client.get("/desk/dashboard/").content.decode(), "items-per-source")
    assert day["Agency One"]["15:00"] == "3" and day["Agency One"]["13:00"] == "1" and day["Agency One"]["14:00"] == "0"
    assert day["Other Wire"]["13:00"] == "1" and sum(map(int, day["Other Wire"].values())) == 1
    assert len(day["Agency One"]) == 24
    week = _marks(contributor_client.get("/desk/dashboard/", {"period": "week"}).content.decode(), "items-per-source")
    assert week["Agency One"]["Wed 04 Mar"] == "4" and week["Other Wire"]["Sun 01 Mar"] == "1"


def test_errors_per_source_counts_failures_by_reason(contributor_client, frozen_now):
    agency, other = _source("Agency One"), _source("Other Wire")
    for _ in range(3):
        _raw(agency, NOW - timedelta(hours=1), status="failed", reason="bad_xml")
    _raw(agency, NOW - timedelta(hours=1), status="set_aside", reason="crash")
    _raw(other, NOW - timedelta(hours=2), status="failed", reason="fetch_failed")
    _raw(other, NOW - timedelta(hours=2))  # parsed: not an error
    marks = _marks(contributor_client.get("/desk/dashboard/").content.decode(), "errors-per-source")
    assert marks == {
        "bad_xml": {"Agency One": "3", "Other Wire": "0"},
        "crash": {"Agency One": "1", "Other Wire": "0"},
        "fetch_failed": {"Agency One": "0", "Other Wire": "1"},
    }


def test_most_read_today_adds_up_todays_hours_only(contributor_client, frozen_now, article_factory):
    from newsdesk.newsroom.models import HourlyViews

    busy, quiet = article_factory(headline="Busy story"), article_factory(headline="Quiet <story>")
    midnight = NOW.replace(hour=0, minute=0)
    HourlyViews.objects.create(article=busy, hour=midnight + timedelta(hours=9), views=40)
    HourlyViews.objects.create(article=busy, hour=midnight + timedelta(hours=14), views=2)
    HourlyViews.objects.create(article=quiet, hour=midnight + timedelta(hours=10), views=7)
    HourlyViews.objects.create(article=quiet, hour=midnight - timedelta(hours=1), views=500)  # yesterday
    page = contributor_client.get("/desk/dashboard/").content.decode()
    assert _marks(page, "most-read-today") == {"views": {"Busy story": "42", "Quiet &lt;story&gt;": "7"}}


def test_publishing_volume_counts_published_articles_per_hour(contributor_client, frozen_now, article_factory):
    from newsdesk.newsroom.models import Article

    for minutes in (5, 20):
        article_factory(published=NOW.replace(minute=0) + timedelta(minutes=minutes))
    article_factory(published=NOW - timedelta(hours=5))
    draft = article_factory(published=NOW - timedelta(hours=5), publish=False)
    Article.objects.filter(pk=draft.pk).update(status="draft")
    marks = _marks(contributor_client.get("/desk/dashboard/").content.decode(), "publishing-volume")["published"]
    assert marks["15:00"] == "2" and marks["10:00"] == "1" and sum(map(int, marks.values())) == 3


def test_every_chart_has_a_table_with_the_same_numbers(contributor_client, frozen_now):
    _raw(_source("Agency One"), NOW - timedelta(minutes=5))
    page = contributor_client.get("/desk/dashboard/").content.decode()
    for chart in ("items-per-source", "errors-per-source", "most-read-today", "publishing-volume"):
        assert f'data-chart="{chart}"' in page and f'data-chart-table="{chart}"' in page
    table = re.search(r'data-chart-table="items-per-source">(.*?)</table>', page, re.S).group(1)
    assert "<th scope=\"row\">15:00</th><td>1</td>" in table


def test_the_dashboard_needs_a_desk_role(client, client_as):
    assert client.get("/desk/dashboard/").status_code == 302
    assert client_as(None).get("/desk/dashboard/").status_code == 403
