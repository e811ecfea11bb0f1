"""The ninjs serialisation never points a uri at anything but the web or our own urn."""

from newsdesk.core.draft import Draft, Picture
from newsdesk.core.ninjs import draft_to_ninjs


def test_a_javascript_link_never_becomes_the_items_uri():
    item = draft_to_ninjs(Draft(headline="h", body_html="<p>b</p>", original_url="javascript:alert(1)",
                                picture=Picture(url="javascript:x", caption="c")))
    assert item["uri"].startswith("urn:newsdesk:draft:")
    assert item["associations"][0]["uri"].startswith("urn:newsdesk:picture:")
    assert "renditions" not in item["associations"][0]


def test_a_web_link_is_the_items_uri():
    item = draft_to_ninjs(Draft(headline="h", body_html="<p>b</p>", original_url="https://news.example/a"))
    assert item["uri"] == "https://news.example/a"
