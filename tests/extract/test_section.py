"""Sections: the desk a story is filed under converges across sites (top-level crumb, one spelling per desk)."""

from __future__ import annotations

import pytest

from newsdesk.extract.section import section_canonical, section_from_trail, section_label


@pytest.mark.parametrize(
    ("trail", "section"),
    [
        (["Home", "World", "Americas"], "World"),
        (["Home", "Science", "Environment"], "Science"),
        (["Home", "News", "Politics"], "Politics"),
        (["TOP", "Tech", "Energy"], "Technology"),
        (["Home", "Business", "Commodities", "Kenya's tea exporters warn of lost season"], "Business"),
        (["Home", "News"], "News"),
    ],
)
def test_the_section_is_the_top_level_crumb_after_home(trail, section):
    assert section_from_trail(trail, headline="Kenya's tea exporters warn of lost season") == section


def test_the_site_name_in_a_trail_is_not_the_section():
    assert section_from_trail(["Techwire Africa", "Technology", "Telecoms"], headline="x", site_name="Techwire Africa") == "Technology"


@pytest.mark.parametrize(
    ("label", "section"),
    [
        ("Politics | UK", "Politics"),
        ("Sports | Cricket", "Sport"),
        ("SPORTS", "Sport"),
        ("Tech", "Technology"),
        ("Biz", "Business"),
        ("Op-Ed", "Opinion"),
        ("WORLD", "World"),
        ("Science & Environment", "Science & Environment"),
        ("Showbiz", "Showbiz"),
    ],
)
def test_a_label_names_its_desk_in_one_spelling(label, section):
    assert section_label(label) == section


@pytest.mark.parametrize("label", ["TECHWIRE AFRICA", "The Morning Ledger", "EXCLUSIVE", "Reuters"])
def test_site_names_agencies_and_kickers_are_not_sections(label):
    assert section_label(label) is None


def test_unknown_sections_are_kept_as_printed_in_title_case():
    assert section_canonical("local news") == "Local News"
    assert section_canonical("Hyperlocal") == "Hyperlocal"
    assert section_canonical(None) is None
