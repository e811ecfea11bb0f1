"""Stage 4: the people, places and organisations an article names, and who said what.

Pure: an ArticleText in, an Enrichment out. The recogniser is passed in
(`load_recognizer(model)`; the model name is the `NEWSDESK_SPACY_MODEL`
setting), so tests run the news layer with or without spaCy.
"""

from __future__ import annotations

from newsdesk.enrich.article import ArticleText, article_text, article_text_from_draft
from newsdesk.enrich.entity import Enrichment, Entity, Mention, Quote
from newsdesk.enrich.gazetteer import Gazetteer, gazetteer
from newsdesk.enrich.names import clean_name, is_name
from newsdesk.enrich.ninjs import ninjs_entities
from newsdesk.enrich.propagate import found_again
from newsdesk.enrich.quotes import quotes_find
from newsdesk.enrich.recognizer import ModelMissing, Recognizer, load_recognizer, model_installed
from newsdesk.enrich.resolve import groups_of, mentions_of
from newsdesk.enrich.spans import CUE_VOTE, Found, found_in
from newsdesk.enrich.salience import salience

__all__ = [
    "ArticleText", "Enrichment", "Entity", "Mention", "ModelMissing", "Quote", "Recognizer",
    "article_text", "article_text_from_draft", "enrich_article", "load_recognizer", "model_installed",
    "ninjs_entities",
]


def enrich_article(article: ArticleText, *, recognizer: Recognizer, places: Gazetteer | None = None) -> Enrichment:
    """Entities (canonical names, aliases, descriptions, salience, URIs) and attributed quotes of one article."""
    places = places or gazetteer()
    texts = [("headline", 0, article.headline), *(("body", i, p) for i, p in enumerate(article.paragraphs))]
    found = found_in(texts, recognizer([text for _, _, text in texts]), places)
    found += _dateline_and_credit(article, places)
    groups = groups_of(found, body=" ".join((article.headline, *article.paragraphs)))
    found_again(groups, article.paragraphs)
    most = max((sum(f.where != "credit" for f in g.found) for g in groups), default=1)
    entities = tuple(
        sorted(
            (
                Entity(
                    kind=g.kind,
                    name=g.name,
                    aliases=g.aliases,
                    description=g.description,
                    salience=salience(g, headline=article.headline, most_mentions=most),
                    uri=g.place.uri if g.place else None,
                )
                for g in groups
            ),
            key=lambda e: -e.salience,
        )
    )
    mentions = tuple(mentions_of(groups))
    quotes = tuple(quotes_find(article.paragraphs, mentions))
    return Enrichment(entities=entities, quotes=quotes, mentions=mentions, model=recognizer.name)


def _dateline_and_credit(article: ArticleText, places: Gazetteer) -> list[Found]:
    """The dateline's place ("BEIJING" is Beijing), its region, and the credited agency as an organisation."""
    extra: list[Found] = []
    if article.dateline and is_name(clean_name(article.dateline)):
        text = clean_name(article.dateline)
        place = places.lookup(f"{text}, {article.region}") if article.region else None
        place = place or places.lookup(text)
        name = place.name if place else text.title() if text.isupper() else text
        extra.append(Found("place", name, "dateline", 0, 0, 0, None, place, vote=CUE_VOTE))
    region = clean_name(article.region or "")
    if is_name(region) and len(region.replace(".", "")) > 2:  # "KYIV, Ukraine", "CALGARY, Alberta"; not "D.C."
        place = places.lookup(region)
        extra.append(Found("place", place.name if place else region, "dateline", 0, 0, 0, None, place, vote=CUE_VOTE))
    if article.credit and is_name(clean_name(article.credit)):
        extra.append(Found("organisation", clean_name(article.credit), "credit", 0, 0, 0, vote=CUE_VOTE))
    return extra
