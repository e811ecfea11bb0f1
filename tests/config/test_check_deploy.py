"""`newsdesk check --deploy` is clean with the settings docs/deployment.md gives for production."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

NEWSDESK = Path(sys.executable).with_name("newsdesk")


def _check_deploy(tmp_path: Path, **extra: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_") and k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(
        NEWSDESK_HOME=str(tmp_path),
        NEWSDESK_HTTPS="1",
        NEWSDESK_SECRET_KEY=secrets.token_urlsafe(64),
        NEWSDESK_ALLOWED_HOSTS="news.example.org",
    )
    env.update(extra)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [str(NEWSDESK), "check", "--deploy", "--fail-level", "WARNING"], env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_reports_no_issue_with_production_settings(tmp_path):
    result = _check_deploy(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (1 silenced)." in result.stdout, result.stdout


def test_check_deploy_still_reports_a_missing_https_setting(tmp_path):
    """The check is not switched off wholesale: without NEWSDESK_HTTPS it names what is missing."""
    result = _check_deploy(tmp_path, NEWSDESK_HTTPS="0")
    assert result.returncode != 0
    for check in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert check in result.stdout + result.stderr, check


def test_opting_in_to_hsts_preload_keeps_the_check_clean(tmp_path):
    result = _check_deploy(tmp_path, NEWSDESK_HSTS_PRELOAD="1")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout, result.stdout
