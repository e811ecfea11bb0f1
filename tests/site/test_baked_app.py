"""The WSGI front answers baked pages from their files, with validators, 304s and compression; the rest is Django's."""

from __future__ import annotations

import gzip
import io
import os
from email.utils import formatdate
from pathlib import Path

import brotli
import pytest

from newsdesk.newsroom.models import Article
from newsdesk.publish.bake import bake_all, store
from newsdesk.publish.bake.paths import CACHE_CONTROL
from newsdesk.site.baked_app import BakedPages

pytestmark = pytest.mark.django_db


def django_stand_in(environ, start_response):
    start_response("299 Django", [("Content-Type", "text/plain")])
    return [b"django answered"]


@pytest.fixture
def front(settings, tmp_path) -> BakedPages:
    settings.BAKED_DIR = str(tmp_path / "baked")
    settings.SITE_URL = "http://testserver"
    return BakedPages(django_stand_in, root=Path(settings.BAKED_DIR), memory_bytes=4 * 1024 * 1024)


@pytest.fixture
def story(front, harbour_article, rail_articles):
    bake_all()
    return harbour_article


def call(app, path: str, *, method: str = "GET", query: str = "", host: str = "testserver", **headers):
    environ = {
        "REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query, "HTTP_HOST": host, "SERVER_NAME": host,
        "SERVER_PORT": "80", "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(b""),
        **{f"HTTP_{name.upper()}": value for name, value in headers.items()},
    }
    answer = {}

    def start_response(status, response_headers):
        answer["status"] = int(status.split()[0])
        answer["headers"] = dict(response_headers)

    answer["body"] = b"".join(app(environ, start_response))
    return answer


def test_a_baked_page_is_answered_from_its_file_with_the_headers_django_sends(client, front, story):
    url = story.get_absolute_url()
    answer = call(front, url)
    live = client.get(url)
    assert answer["status"] == 200 and answer["body"] == live.content
    headers = answer["headers"]
    for name in ("Content-Type", "X-Content-Type-Options", "Referrer-Policy", "Cross-Origin-Opener-Policy", "X-Frame-Options"):
        assert headers[name] == live[name], name
    assert headers["Cache-Control"] == CACHE_CONTROL
    assert set(live["Cache-Control"].split(", ")) == set(CACHE_CONTROL.split(", "))
    assert headers["ETag"] == f'"{store.content_hash(live.content)}"'
    file = store.root() / f"article/{story.pk}/{story.slug}/index.html"
    assert headers["Last-Modified"] == formatdate(file.stat().st_mtime, usegmt=True)
    assert headers["Content-Length"] == str(len(live.content))


def test_a_matching_etag_or_an_unchanged_date_gets_a_304_without_a_body(front, story):
    url = story.get_absolute_url()
    first = call(front, url)
    etag, last_modified = first["headers"]["ETag"], first["headers"]["Last-Modified"]
    for headers in ({"if_none_match": etag}, {"if_none_match": f'"other", W/{etag}'}, {"if_modified_since": last_modified}):
        answer = call(front, url, **headers)
        assert (answer["status"], answer["body"]) == (304, b""), headers
        assert answer["headers"]["ETag"] == etag and answer["headers"]["Cache-Control"] == CACHE_CONTROL
    assert call(front, url, if_none_match='"stale"')["status"] == 200
    # If-None-Match wins over a date that would match (RFC 9110 13.2.2).
    assert call(front, url, if_none_match='"stale"', if_modified_since=last_modified)["status"] == 200


def test_gzip_and_brotli_go_to_clients_that_accept_them(front, story):
    url = story.get_absolute_url()
    plain = call(front, url)["body"]
    br = call(front, url, accept_encoding="gzip, deflate, br")
    assert br["headers"]["Content-Encoding"] == "br" and brotli.decompress(br["body"]) == plain
    assert br["headers"]["Vary"] == "Accept-Encoding" and br["headers"]["ETag"].endswith('-br"')
    gz = call(front, url, accept_encoding="gzip;q=1.0, br;q=0")
    assert gz["headers"]["Content-Encoding"] == "gzip" and gzip.decompress(gz["body"]) == plain
    assert "Content-Encoding" not in call(front, url, accept_encoding="identity")["headers"]


def test_head_gets_the_headers_and_no_body(front, story):
    answer = call(front, story.get_absolute_url(), method="HEAD")
    assert answer["status"] == 200 and answer["body"] == b""
    assert int(answer["headers"]["Content-Length"]) > 1000


def test_the_later_pages_of_a_section_are_answered_from_their_own_files(client, front, article_factory):
    for n in range(25):
        article_factory(section="World")
    bake_all()
    answer = call(front, "/section/world/", query="page=2")
    assert answer["status"] == 200 and answer["body"] == client.get("/section/world/?page=2").content
    assert call(front, "/section/world/", query="page=1")["body"] == call(front, "/section/world/")["body"]


@pytest.mark.parametrize(
    ("method", "path", "query", "host"),
    [
        ("POST", "article", "", "testserver"),
        ("GET", "article", "utm_source=x", "testserver"),
        ("GET", "/", "page=2", "testserver"),
        ("GET", "article", "", "localhost"),  # baked for testserver: canonical links would be wrong
        ("GET", "/admin/", "", "testserver"),
        ("GET", "/views/1", "", "testserver"),
        ("GET", "/rails.json", "", "testserver"),
        ("GET", "/static/site/site.css", "", "testserver"),
        ("GET", "/article/1/../../secret/", "", "testserver"),
    ],
)
def test_everything_that_is_not_a_baked_page_goes_to_django(front, story, method, path, query, host):
    path = story.get_absolute_url() if path == "article" else path
    assert call(front, path, method=method, query=query, host=host)["status"] == 299


def test_a_page_unpublished_by_another_process_is_never_served_from_memory(front, story):
    url = story.get_absolute_url()
    assert call(front, url)["status"] == 200  # now in memory
    Article.objects.filter(pk=story.pk).update(status=Article.Status.DRAFT)
    store.remove(f"article/{story.pk}/{story.slug}/index.html")  # what the other process's invalidation does
    assert call(front, url)["status"] == 299  # not baked again (a 404 now): Django answers


def test_a_page_replaced_on_disk_is_served_new(front, story):
    url = story.get_absolute_url()
    call(front, url)
    file = f"article/{story.pk}/{story.slug}/index.html"
    store.write(file, b"<!doctype html><p>corrected</p>")
    answer = call(front, url)
    assert answer["body"] == b"<!doctype html><p>corrected</p>"
    assert answer["headers"]["ETag"] == f'"{store.content_hash(answer["body"])}"'


def test_a_page_not_baked_yet_is_baked_when_first_asked_for(client, front, harbour_article):
    url = harbour_article.get_absolute_url()
    answer = call(front, url)
    assert answer["status"] == 200 and answer["body"] == client.get(url).content
    assert f"article/{harbour_article.pk}/{harbour_article.slug}/index.html" in store.pages()
    assert store.active()  # the folder now belongs to this database: changes will refresh it


def test_section_pages_deeper_than_baking_goes_are_left_to_django(settings, front, article_factory):
    settings.BAKE_SECTION_PAGES = 1
    for n in range(25):
        article_factory(section="World")
    assert call(front, "/section/world/")["status"] == 200
    assert call(front, "/section/world/", query="page=2")["status"] == 299
    assert store.pages() == ["section/world/index.html"]


def test_an_unknown_page_is_not_baked_and_goes_to_django(front, harbour_article):
    assert call(front, "/article/999999/nothing-here/")["status"] == 299
    assert store.pages() == []


def test_a_huge_file_is_served_but_not_kept_in_memory(settings, tmp_path, story):
    small = BakedPages(django_stand_in, root=Path(settings.BAKED_DIR), memory_bytes=8 * 1024)
    answer = call(small, story.get_absolute_url())
    assert answer["status"] == 200 and not small.cache
    assert os.path.getsize(store.root() / "index.html") > 0
