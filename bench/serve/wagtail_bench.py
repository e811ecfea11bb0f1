"""The Wagtail 8 contender for bench/serve: its own virtualenv, the same article, the same server.

Wagtail is installed into ``bench/serve/.cache/wagtail-venv`` (made on first use with pip, never into
newsdesk's virtualenv) together with granian, so both sites run under the same server with the same
workers. The article is copied field by field from newsdesk's scratch database into a Wagtail page
model (``wagtail_site``), and served by Wagtail's own page-serving view, with and without ``cache_page``.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
VENV = CACHE / "wagtail-venv"
REQUIREMENTS = ["wagtail>=8,<9", "granian>=2.0"]


def venv() -> Path:
    """The Wagtail virtualenv's bin folder, made (once) with the same Python as newsdesk's."""
    bin_dir = VENV / "bin"
    if not (bin_dir / "granian").exists() or subprocess.run(
        [bin_dir / "python", "-c", "import wagtail"], capture_output=True
    ).returncode:
        base = Path(getattr(sys, "_base_executable", sys.executable))
        subprocess.run([str(base), "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(bin_dir / "pip"), "install", "-q", *REQUIREMENTS], check=True)
    return bin_dir


def article_json(database: Path, article_path: str, out: Path) -> Path:
    """The bench's article (and the masthead's sections, the rail's other headlines) as newsdesk stored them."""
    pk = int(article_path.split("/")[2])
    with sqlite3.connect(database) as db:
        db.row_factory = sqlite3.Row
        row = db.execute(
            "SELECT a.*, s.name AS section_name, COALESCE(NULLIF(a.credit, ''), src.credit, '') AS shown_credit "
            "FROM newsroom_article a LEFT JOIN newsroom_section s ON s.id = a.section_id "
            "LEFT JOIN newsroom_source src ON src.id = a.source_id WHERE a.id = ?",
            (pk,),
        ).fetchone()
        sections = [r[0] for r in db.execute("SELECT name FROM newsroom_section ORDER BY position, name")]
        others = [r[0] for r in db.execute("SELECT headline FROM newsroom_article WHERE id != ? ORDER BY published_at DESC LIMIT 5", (pk,))]
    body = row["body_html"]
    if row["dateline"]:  # as newsdesk prints it: the dateline opens the first paragraph
        body = body.replace("<p>", f'<p><span class="dateline">{row["dateline"]}</span> – ', 1)
    out.write_text(json.dumps({
        "headline": row["headline"], "slug": row["slug"], "summary": row["summary"], "byline": row["byline"],
        "dateline": row["dateline"], "published_at": row["published_at"].replace(" ", "T") + "+00:00",
        "image_url": row["image_url"], "image_caption": row["image_caption"], "body_html": body,
        "credit": row["shown_credit"], "original_url": row["original_url"],
        "section": row["section_name"] or "News", "sections": sections or ["News"], "others": others,
    }))
    return out


def site(home: Path, database: Path, article_path: str) -> tuple[Path, dict, str]:
    """Set up the Wagtail site in ``home``: (its bin folder, its environment, the article page's path)."""
    bin_dir = venv()
    wagtail_home = home / "wagtail"
    wagtail_home.mkdir(exist_ok=True)
    env = {
        "PATH": os.environ.get("PATH", ""),
        "WAGTAIL_BENCH_HOME": str(wagtail_home),
        "DJANGO_SETTINGS_MODULE": "wagtail_site.settings",
        "PYTHONPATH": str(HERE),
    }
    data = article_json(database, article_path, wagtail_home / "article.json")
    loaded = subprocess.run([str(bin_dir / "python"), "-m", "wagtail_site.load", str(data)], env=env, cwd=HERE,
                            check=True, capture_output=True, text=True)
    return bin_dir, env, loaded.stdout.strip().splitlines()[-1]
