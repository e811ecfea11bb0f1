"""desk/charts.py: the SVG says the numbers it was given, escapes every label and names itself for screen readers."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from newsdesk.desk.charts import Chart, Series, chart_svg

SVG = "{http://www.w3.org/2000/svg}"


def _marks(svg: str) -> dict[str, list[tuple[str, str]]]:
    """{series name: [(label, value), …]} read back from the drawing."""
    root = ET.fromstring(svg)
    found = {}
    for group in root.iter(f"{SVG}g"):
        found[group.get("data-series")] = [(m.get("data-label"), m.get("data-value")) for m in group if m.get("data-value") is not None]
    return found


def test_a_line_chart_draws_one_point_per_value_with_its_number():
    chart = Chart("items", "Items", "Items per hour", ("10:00", "11:00", "12:00"),
                  (Series("Agency A", (3, 0, 7)), Series("Agency B", (1, 2, 0.5))))
    marks = _marks(str(chart_svg(chart)))
    assert marks == {"Agency A": [("10:00", "3"), ("11:00", "0"), ("12:00", "7")],
                     "Agency B": [("10:00", "1"), ("11:00", "2"), ("12:00", "0.50")]}


def test_a_taller_value_is_drawn_higher_and_a_bar_reaches_the_axis():
    chart = Chart("v", "Volume", "Published per hour", ("a", "b"), (Series("published", (2, 8)),), kind="bar")
    root = ET.fromstring(str(chart_svg(chart)))
    small, big = [r for r in root.iter(f"{SVG}rect") if r.get("data-value")]
    assert float(big.get("height")) == 4 * float(small.get("height"))  # y axis starts at zero: 8 is four times 2
    assert float(small.get("y")) + float(small.get("height")) == float(big.get("y")) + float(big.get("height"))


def test_labels_titles_and_series_names_are_escaped():
    hostile = '<script>alert(1)</script>"&'
    chart = Chart("x", hostile, hostile, (hostile,), (Series(hostile, (1,)),), kind="bar")
    svg = str(chart_svg(chart))
    assert "<script>" not in svg
    root = ET.fromstring(svg)  # well-formed XML: nothing broke out of an attribute or a text node
    assert root.find(f"{SVG}title").text == hostile
    assert _marks(svg) == {hostile: [(hostile, "1")]}


def test_the_chart_is_labelled_for_screen_readers():
    svg = str(chart_svg(Chart("pub", "Articles published", "Per hour, UTC", ("1",), (Series("s", (1,)),))))
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "chart-pub-title chart-pub-desc"
    assert root.find(f"{SVG}title").get("id") == "chart-pub-title"
    assert root.find(f"{SVG}desc").text == "Per hour, UTC"


def test_an_empty_chart_says_so_instead_of_drawing_nothing():
    svg = str(chart_svg(Chart("e", "Empty", "Nothing", ("a", "b"), (Series("s", (0, 0)),))))
    assert "Nothing to show yet" in svg and "data-value" not in svg


def test_the_table_fallback_has_the_same_numbers():
    chart = Chart("t", "T", "T", ("a", "b"), (Series("x", (1, 2)), Series("y", (3, 4))))
    assert chart.rows() == [("a", [1, 3]), ("b", [2, 4])]
