"""The rooms of DESIGN.md import only downwards; stages stay free of Django."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "newsdesk"


def test_import_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--config", str(ROOT / "pyproject.toml")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_room_is_named_in_the_layers_contract():
    """A new package that no contract names would escape the arrows."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    layers = config["tool"]["importlinter"]["contracts"][0]["layers"]
    named = {part.strip() for layer in layers for part in layer.split("|")}
    rooms = {f"newsdesk.{p.name}" for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert rooms <= named, f"rooms missing from the import-linter layers: {sorted(rooms - named)}"


def test_no_empty_packages():
    for package in PACKAGE.iterdir():
        if (package / "__init__.py").exists():
            modules = [p for p in package.rglob("*.py") if p.name != "__init__.py"]
            assert modules or (package / "__init__.py").read_text().count("\n") > 3, f"{package.name} is empty"
