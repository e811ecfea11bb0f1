"""`newsdesk ingest`: stores, extracts, saves; bad inputs get one line each; twice changes nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from newsdesk.newsroom.models import Article, ArticleVersion, RawItem

pytestmark = pytest.mark.django_db


def ingest(*args: str) -> tuple[list[dict], str, bool]:
    out, err = StringIO(), StringIO()
    ok = True
    try:
        call_command("ingest", *args, "--json", stdout=out, stderr=err)
    except CommandError:
        ok = False
    return [json.loads(line) for line in out.getvalue().splitlines() if line.strip()], err.getvalue(), ok


def test_ingest_creates_the_article_and_reports_it_as_json(good_capture):
    rows, err, ok = ingest(str(good_capture))
    assert ok, err
    assert len(rows) == 1 and rows[0]["status"] == "created"
    article = Article.objects.get(pk=rows[0]["id"])
    assert rows[0]["url"] == article.get_absolute_url()
    assert rows[0]["headline"] == "Harbour cranes fall silent as dockworkers begin three-day strike"
    assert article.section.name == "Business"
    assert article.dateline == "VALMORA"
    assert article.credit == "Northwind Wire"
    assert article.source_view_count == 12
    assert RawItem.objects.get().status == RawItem.Status.PARSED


def test_ingesting_the_same_input_twice_changes_nothing(good_capture):
    ingest(str(good_capture))
    before = (Article.objects.count(), ArticleVersion.objects.count(), RawItem.objects.count())
    rows, _, ok = ingest(str(good_capture))
    assert ok and rows[0]["status"] == "unchanged"
    assert (Article.objects.count(), ArticleVersion.objects.count(), RawItem.objects.count()) == before


def test_each_bad_input_gets_one_line_naming_it_and_the_rest_still_go_in(good_capture, bad_inputs):
    rows, err, ok = ingest(*(str(p) for p in bad_inputs.values()), str(good_capture))
    assert not ok, "the exit status must say that not everything went in"
    lines = err.strip().splitlines()
    assert len(lines) == len(bad_inputs), err
    for reason, path in bad_inputs.items():
        matching = [line for line in lines if str(path) in line]
        assert len(matching) == 1 and f"({reason})" in matching[0], (reason, err)
    created = [row for row in rows if row.get("status") == "created"]
    assert len(created) == 1 and Article.objects.count() == 1


def test_a_failed_input_is_kept_with_its_reason_and_nothing_half_written(bad_inputs):
    ingest(str(bad_inputs["no_article"]), str(bad_inputs["too_large"]))
    raw = RawItem.objects.get()  # the too-large file is not stored: it stays where it is
    assert raw.status == RawItem.Status.FAILED and raw.reason == "no_article"
    assert bytes(raw.payload).startswith(b"<!doctype html>")
    assert Article.objects.count() == 0 and ArticleVersion.objects.count() == 0


def test_a_folder_is_ingested_file_by_file(good_capture, bad_inputs, tmp_path):
    rows, err, ok = ingest(str(tmp_path), str(good_capture))
    assert not ok
    assert sum(row.get("status") == "created" for row in rows) == 1


def test_the_console_script_exits_non_zero_when_an_input_fails(good_capture, bad_inputs, tmp_path):
    """The real `newsdesk` script, on its own SQLite database in a fresh NEWSDESK_HOME."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["NEWSDESK_HOME"] = str(tmp_path / "home")
    env["NEWSDESK_ENRICH"] = "0"  # loading the NER model twice is most of this test's time; NER has tests of its own
    script = str(Path(sys.executable).with_name("newsdesk"))
    subprocess.run([script, "migrate", "-v0"], env=env, check=True)
    good = subprocess.run([script, "ingest", "--json", str(good_capture)], env=env, capture_output=True, text=True)
    assert good.returncode == 0, good.stderr
    assert json.loads(good.stdout)["status"] == "created"
    bad = subprocess.run([script, "ingest", str(bad_inputs["empty"]), str(good_capture)], env=env, capture_output=True, text=True)
    assert bad.returncode != 0
    assert f"{bad_inputs['empty']}: " in bad.stderr and "(empty)" in bad.stderr
    assert "unchanged" in bad.stdout


@pytest.fixture
def wire_server(good_capture):
    """A real HTTP server on loopback serving the capture, as an agency's web server would."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    body = good_capture.read_bytes()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}/harbour.txt"
    httpd.shutdown()


def test_a_url_is_fetched_stored_and_ingested_when_private_fetches_are_allowed(wire_server, settings):
    settings.ALLOW_PRIVATE_FETCH = True
    rows, err, ok = ingest(wire_server)
    assert ok, err
    assert rows[0]["status"] == "created"
    assert RawItem.objects.get().origin == wire_server


def test_a_url_on_a_private_address_is_refused_by_default(wire_server):
    rows, err, ok = ingest(wire_server)
    assert not ok and "(forbidden_address)" in err and RawItem.objects.count() == 0
