"""credit_split and credit_line: the source credit at the very end of a story, normalised to a short name."""

from __future__ import annotations

import pytest

from newsdesk.extract.credit import agency_name, byline_agency, credit_alone, credit_line, credit_normalise, credit_split


@pytest.mark.parametrize(
    ("paragraph", "credit", "rest"),
    [
        ("Moscow – and Beijing.” – CNN", "CNN", "Moscow – and Beijing.”"),
        ("It remained open to dialogue. – Northwind Wire", "Northwind Wire", "It remained open to dialogue."),
        ("The minister said so. (AFP)", "AFP", "The minister said so."),
        ("The minister said so.—CNN", "CNN", "The minister said so."),
        ("He left the room. -AP", "AP", "He left the room."),
        ("It ended. – with AFP", "AFP", "It ended."),
        ("It ended. — Agence France-Presse", "AFP", "It ended."),
        ("He said. (Reporting by Jane Doe; Editing by John Roe)", "Reuters", "He said."),
        ("He said. (With inputs from PTI)", "PTI", "He said."),
        ("– Kyodo", "Kyodo", ""),
    ],
)
def test_trailing_credit_is_cut_from_the_paragraph(paragraph, credit, rest):
    assert credit_split(paragraph) == (credit, rest)


@pytest.mark.parametrize(
    "paragraph",
    [
        "The trio – who had never appeared together in public before – formed the defiant face of a bloc.",
        "Officials met on Thursday – Xinhua",
        "The talks ended. – CNN’s Jane Doe contributed to this report.",
        "Talks between the U.S.-China delegation.",
        "– CNN reported the talks had ended, officials said.",
        "He said the deal – worth $2 billion – was signed. Then he left",
        "He laughed. (Laughs)",
        "",
    ],
)
def test_dashes_inside_sentences_are_not_credits(paragraph):
    assert credit_split(paragraph) == (None, paragraph)


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("© Agence France-Presse", "AFP"),
        ("© AFP 2025", "AFP"),
        ("Source: Kyodo", "Kyodo"),
        ("Source: Northwind Wire", "Northwind Wire"),
        ("(Reporting by Jane Doe in Washington; Editing by John Roe)", "Reuters"),
        ("Reporting by Jane Doe; Additional reporting by Sam Lee; Editing by John Roe", "Reuters"),
        ("Copyright 2025 The Associated Press. All rights reserved.", "AP"),
        ("This material may not be published, broadcast, rewritten or redistributed without permission.", "AP"),
        ("(c) PA Media 2025", "PA"),
        ("– CNN", "CNN"),
        ("(With inputs from PTI)", "PTI"),
        ("With agency inputs", "Agencies"),
        ("Reuters", "Reuters"),
    ],
)
def test_whole_credit_lines_name_the_source(line, credit):
    assert credit_line(line) == credit


@pytest.mark.parametrize(
    "line",
    [
        "© 2025 The Daily Ledger. All rights reserved.",
        "Copyright 2025 Northbound Media Ltd",
        "Reporting by the Times showed a rise; the ministry denied it.",
        "Source: Ministry of Health data released on Friday",
        "World",
        "The port authority said in a statement that it remained open to dialogue.",
    ],
)
def test_site_footers_and_sentences_are_not_credits(line):
    assert credit_line(line) is None


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Agence France-Presse", "AFP"),
        ("The Associated Press", "AP"),
        ("Associated Press", "AP"),
        ("Thomson Reuters", "Reuters"),
        ("Kyodo News", "Kyodo"),
        ("© Copyright 2025 Kyodo News. All rights reserved.", "Kyodo"),
        ("Northwind Wire.", "Northwind Wire"),
    ],
)
def test_credit_names_are_normalised_to_the_agency_short_name(name, short):
    assert credit_normalise(name) == short


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Northwind Wire", "Northwind Wire"),
        ("KYODO", "Kyodo"),
        ("(Kyodo)", "Kyodo"),
        ("Gulf News Agency", "Gulf News Agency"),
        ("© 2025 Northwind Wire", "Northwind Wire"),
        ("Reuters", "Reuters"),
    ],
)
def test_a_line_holding_only_a_wire_or_agency_name_is_a_credit(line, credit):
    assert credit_alone(line) == credit


@pytest.mark.parametrize("line", ["The Daily Wire Podcast is out now.", "Read more", "World", "Jane Doe", "App"])
def test_sentences_labels_and_names_alone_are_not_credits(line):
    assert credit_alone(line) is None


def test_agency_names_that_are_words_count_only_in_capitals():
    assert (agency_name("APP"), agency_name("AP"), agency_name("PA Media")) == ("APP", "AP", "PA")
    assert (agency_name("App"), agency_name("app"), agency_name("Pa")) == (None, None, None)


def test_a_site_footer_naming_no_agency_or_wire_is_still_not_a_credit():
    assert credit_line("© 2025 The Lakeshore Ledger. Reuters content is the intellectual property of Thomson Reuters.") is None


@pytest.mark.parametrize(("byline", "agency"), [("AFP", "AFP"), ("Jane Doe, Reuters", "Reuters"), ("Jane Doe", None), (None, None)])
def test_an_agency_in_the_byline_credits_the_copy(byline, agency):
    assert byline_agency(byline) == agency
