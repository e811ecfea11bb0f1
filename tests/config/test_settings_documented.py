"""Every setting read from the environment is documented (the Datasette rule)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_environment_variable_is_in_docs_settings():
    sources = "\n".join(p.read_text() for p in (ROOT / "src" / "newsdesk").rglob("*.py"))
    names = set(re.findall(r"""(?:environ(?:\.get)?\(|_flag\(|_list\(|environ\[)\s*["']((?:NEWSDESK|DATABASE|REDIS)_[A-Z_]*)["']""", sources))
    assert "DATABASE_URL" in names and "NEWSDESK_HOME" in names
    documented = (ROOT / "docs" / "settings.md").read_text()
    missing = sorted(name for name in names if f"`{name}`" not in documented)
    assert not missing, f"settings not documented in docs/settings.md: {missing}"


def test_every_command_is_documented():
    commands = [p.stem for p in (ROOT / "src/newsdesk").glob("*/management/commands/*.py") if p.stem != "__init__"]
    assert "ingest" in commands and "user" in commands
    documented = (ROOT / "docs" / "commands.md").read_text()
    missing = sorted(c for c in commands if f"newsdesk {c}" not in documented)
    assert not missing, f"commands not documented in docs/commands.md: {missing}"
