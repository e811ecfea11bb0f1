"""What a reader types becomes safe terms: words, "phrases", -exclusions; nothing reaches a parser as an operator."""

from __future__ import annotations

import pytest

from newsdesk.newsroom.search.terms import MAX_TERMS, Term, terms_of


def test_words_phrases_and_exclusions_are_told_apart():
    terms = terms_of('Ferry "port strike" -cargo -"night shift"')
    assert terms.wanted == (Term(("ferry",)), Term(("port", "strike")))
    assert terms.excluded == (Term(("cargo",), True), Term(("night", "shift"), True))
    assert terms.fts5() == '("ferry" AND "port strike") NOT "cargo" NOT "night shift"'
    assert terms.websearch() == '"ferry" "port strike" -"cargo" -"night shift"'


def test_a_word_with_punctuation_inside_is_a_phrase_of_its_parts():
    assert terms_of("AT&T covid-19").wanted == (Term(("at", "t")), Term(("covid", "19")))


@pytest.mark.parametrize(
    "text",
    ['"', '""', 'ferry"', '"ferry', "NEAR(a b)", "a OR b", "a AND NOT b", "col:ferry", "^ferry*", "(((", "'; DROP TABLE x; --",
     "ferry \x01\x1b\ufffe", "-", "- -", "a:b:c", "\\", "&amp;", "<script>"],
)
def test_hostile_text_becomes_quoted_words_only(text):
    terms = terms_of(text)
    for term in terms.wanted + terms.excluded:
        assert all(word.isalnum() for word in term.words)


def test_operators_typed_as_words_are_searched_as_words():
    assert terms_of("ferry OR strike").websearch() == '"ferry" "or" "strike"'
    assert terms_of("NEAR(ferry strike)").wanted == (Term(("near", "ferry")), Term(("strike",)))


def test_exclusions_alone_and_nul_find_nothing():
    assert terms_of("-ferry").empty
    assert terms_of("ferry\x00").empty
    assert terms_of("   ").empty
    assert terms_of('ferry -ferry').empty and terms_of('"port strike" ferry -"port strike"').empty
    assert not terms_of("ferry -ferries").empty  # other words, even if one stem: the engine decides


def test_a_10_kb_query_is_cut_to_a_few_terms():
    terms = terms_of("ferry " * 2000 + " ".join(f"w{n}" for n in range(2000)))
    assert 1 <= len(terms.wanted) <= MAX_TERMS
    long_word = terms_of("x" * 10_000).wanted[0].words[0]
    assert len(long_word) == 64
