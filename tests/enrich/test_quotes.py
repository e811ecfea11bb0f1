"""Quotes and their speakers, from paragraphs and the people the article names. No spaCy needed."""

from __future__ import annotations

import re

from newsdesk.enrich.entity import Mention
from newsdesk.enrich.quotes import quotes_find


def mentions(paragraphs, people=(), organisations=()):
    """Every whole-word occurrence of each (surface, canonical) name as a mention."""
    found = []
    for kind, names in (("person", people), ("organisation", organisations)):
        for surface, canonical in names:
            for i, text in enumerate(paragraphs):
                for m in re.finditer(rf"\b{re.escape(surface)}\b", text):
                    found.append(Mention(kind, canonical, surface, "body", i, m.start(), m.end()))
    return found


HOWELL = [("Edward Howell", "Edward Howell"), ("Howell", "Edward Howell")]


def said(paragraphs, people=(), organisations=()):
    return [(q.speaker, q.text) for q in quotes_find(paragraphs, mentions(paragraphs, people, organisations))]


def test_speaker_named_before_the_quote_with_a_description_between():
    paragraphs = ["Edward Howell, a lecturer in politics at the University of Oxford, said China is not “angry” at the "
                  "rapprochement, but “emetic, nauseous, and uneasy.”"]
    assert said(paragraphs, HOWELL) == [("Edward Howell", "angry"), ("Edward Howell", "emetic, nauseous, and uneasy.")]


def test_he_said_after_the_quote_is_the_last_person_named_in_an_earlier_paragraph():
    paragraphs = ["Edward Howell said the pact mattered.", "“After all, it is the only pact China has,” he said."]
    assert said(paragraphs, HOWELL)[-1] == ("Edward Howell", "After all, it is the only pact China has")


def test_a_quote_running_over_paragraphs_is_one_quote():
    paragraphs = ["His coach, Samuel Otieno, said: “We trained for six months. The question was the weather.",
                  "“And the weather was kind.”"]
    assert said(paragraphs, [("Samuel Otieno", "Samuel Otieno")]) == [
        ("Samuel Otieno", "We trained for six months. The question was the weather. And the weather was kind.")
    ]


def test_a_second_quote_after_he_said_keeps_the_speaker():
    paragraphs = ["Howell noted the trade.", "“China has done neither,” he said. “China wants influence over Pyongyang.”"]
    assert [s for s, _ in said(paragraphs, HOWELL)] == ["Edward Howell", "Edward Howell"]


def test_speaker_named_after_the_quote_even_after_a_title():
    paragraphs = ["“Nobody will be left behind,” said chief executive Ingrid Smeets, speaking to Reuters."]
    assert said(paragraphs, [("Ingrid Smeets", "Ingrid Smeets")], [("Reuters", "Reuters")]) == [
        ("Ingrid Smeets", "Nobody will be left behind")
    ]


def test_speaker_in_the_previous_sentence_with_a_colon():
    paragraphs = ["Mayor Paulo Alves said the hall was open. He blamed the trees: “These trees burn like matches.”"]
    assert said(paragraphs, [("Paulo Alves", "Paulo Alves")]) == [("Paulo Alves", "These trees burn like matches.")]


def test_an_unnamed_source_is_no_speaker_not_the_last_person_named():
    paragraphs = ["“The wind is our enemy,” Rui Pacheco said.", "A resident told television: “We left with nothing at all.”"]
    assert said(paragraphs, [("Rui Pacheco", "Rui Pacheco")])[-1] == (None, "We left with nothing at all.")


def test_scare_quotes_and_titles_are_not_speech():
    paragraphs = ["They discussed “long-term” plans, according to state media. The app’s “teen mode” stayed public, "
                  "the regulator said of Flicko."]
    assert said(paragraphs, [], [("Flicko", "Flicko")]) == []


def test_an_organisation_can_call_something_so():
    paragraphs = ["The Lithuanian Confederation of Industrialists called the agreement “long overdue.”"]
    org = [("Lithuanian Confederation of Industrialists", "Lithuanian Confederation of Industrialists")]
    assert said(paragraphs, [], org) == [("Lithuanian Confederation of Industrialists", "long overdue.")]


def test_straight_quote_marks_and_a_description_for_the_speaker():
    paragraphs = ["Erik Solberg resigned the game.", '"I saw the move too late," the Norwegian told reporters.']
    assert said(paragraphs, [("Erik Solberg", "Erik Solberg")]) == [("Erik Solberg", "I saw the move too late")]
