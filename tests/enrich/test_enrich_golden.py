"""Entities and quotes on the project's labelled articles (tests/enrich/testdata) meet issue 4's goals.

Each NN-slug.txt is an article written for newsdesk; NN-slug.expected.json
lists its people, organisations and places (canonical name and aliases) and
its quotes with their speakers. `python bench/understanding/run.py --errors`
lists every miss.
"""

from __future__ import annotations

import pytest
from enrich_model import ROOT  # noqa: F401  (puts the repository root on sys.path)

from bench.understanding import evalsets
from newsdesk.enrich import article_text, enrich_article

ENTITY_F1_GOAL = 0.90
QUOTE_ATTRIBUTION_GOAL = 0.90
ARTICLES = evalsets.labelled_articles()


@pytest.fixture(scope="module")
def enriched(recognizer):
    return [enrich_article(article_text(a.headline, list(a.paragraphs)), recognizer=recognizer) for a in ARTICLES]


def test_the_evaluation_set_has_thirty_labelled_articles_or_more():
    assert len(ARTICLES) >= 30
    assert all(a.entities and {e["kind"] for e in a.entities} <= {"person", "organisation", "place"} for a in ARTICLES)
    assert sum(len(a.quotes) for a in ARTICLES) >= 30


def test_entities_meet_the_f1_goal(enriched):
    scores = [
        evalsets.score_entities(a.entities, [(e.kind, e.name) for e in result.entities], label=a.stem)
        for a, result in zip(ARTICLES, enriched)
    ]
    total = evalsets.merged(scores)
    assert total.f1 >= ENTITY_F1_GOAL, "\n".join(total.errors)


def test_every_person_is_one_entity_under_one_canonical_name(enriched):
    """No article lists a person twice ("Xi" beside "Xi Jinping")."""
    for article, result in zip(ARTICLES, enriched):
        people = [e.name for e in result.entities if e.kind == "person"]
        for name in people:
            others = [o for o in people if o != name and name in o.split()]
            assert not others, f"{article.stem}: {name!r} listed beside {others}"


def test_quotes_are_attributed_to_their_speakers(enriched):
    attributed, errors = 0, []
    for a, result in zip(ARTICLES, enriched):
        score, right = evalsets.score_quotes(a.quotes, [(q.speaker, q.text) for q in result.quotes], label=a.stem)
        attributed += right
        errors += score.errors
    wanted = sum(len(a.quotes) for a in ARTICLES)
    assert attributed / wanted >= QUOTE_ATTRIBUTION_GOAL, "\n".join(errors)
