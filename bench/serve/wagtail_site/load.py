"""Load the bench's article into the Wagtail site: run in the Wagtail virtualenv with the article as JSON.

Usage: WAGTAIL_BENCH_HOME=… python -m wagtail_site.load article.json  (prints the article page's path)
The JSON holds the article's fields as newsdesk stored them, the masthead's sections and the headlines
of a few other articles (the highlights rail).
"""

import json
import os
import sys
from datetime import datetime, timedelta

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wagtail_site.settings")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.utils.text import slugify  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402

from wagtail_site.news.models import ArticlePage, SectionPage  # noqa: E402


def main() -> None:
    data = json.loads(open(sys.argv[1]).read())
    call_command("migrate", verbosity=0)
    root = Page.get_first_root_node()
    home = root.get_children().first()  # Wagtail's initial "Welcome" page
    Site.objects.update(hostname="127.0.0.1", port=80, root_page=home, is_default_site=True)
    sections = {}
    for name in data["sections"]:
        sections[name] = home.add_child(instance=SectionPage(title=name, slug=slugify(name), show_in_menus=True))
    section = sections[data["section"]]
    published = datetime.fromisoformat(data["published_at"])
    for n, headline in enumerate(data["others"]):
        section.add_child(instance=ArticlePage(
            title=headline, slug=f"{slugify(headline)[:40]}-{n}", published_at=published - timedelta(hours=n + 1),
            body="<p>Other story.</p>",
        ))
    article = section.add_child(instance=ArticlePage(
        title=data["headline"], slug=data["slug"][:200], standfirst=data["summary"], byline=data["byline"],
        dateline=data["dateline"], published_at=published, image_url=data["image_url"], image_caption=data["image_caption"],
        body=data["body_html"], credit=data["credit"], original_url=data["original_url"],
    ))
    print(article.url_path[len(home.url_path) - 1:])


if __name__ == "__main__":
    main()
