"""An article page becomes a Draft: trafilatura for the body, our news layer for the fields.

The page is parsed once, by us: the tree gives the metadata (meta tags,
JSON-LD, figure, breadcrumbs) and trafilatura reads the body from a copy of
it (bench/ingest: a copy costs half a parse); the body is cleared of
clutter, the dateline and credit are moved into their fields, and it is
sanitised last.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from newsdesk.core.draft import Draft
from newsdesk.core.errors import IngestError
from newsdesk.extract.blocks import news_body
from newsdesk.extract.credit import byline_agency
from newsdesk.extract.page.body import page_body
from newsdesk.extract.page.credit import jsonld_credit, page_credit
from newsdesk.extract.page.jsonld import page_jsonld
from newsdesk.extract.page.meta import meta_values, page_meta
from newsdesk.extract.page.picture import lead_picture

__all__ = ["draft_from_page", "MIN_ARTICLE_CHARS"]

# Below this much paragraph text that is not link text, a page is a login,
# an index or an error page, not an article.
MIN_ARTICLE_CHARS = 200
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]{0,300}\?>")
# C0 controls (but tab, newline, carriage return) and non-characters: libxml2 keeps them in the tree,
# and lxml then refuses to set such text back wherever the page is reshaped.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Every element an HtmlElement (what trafilatura requires), chosen in C: lxml.html's own lookup calls Python
# for each element the code touches, and trafilatura and our readers touch each one many times (bench/ingest:
# 5 % of a page's extraction). Only the form classes (FormElement, InputElement…) are lost, which nothing reads.
_HTML_CLASSES = etree.ElementDefaultClassLookup(
    element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment, pi=lxml_html.HtmlProcessingInstruction,
    entity=lxml_html.HtmlEntity,
)


def draft_from_page(markup: str, *, url: str | None = None) -> Draft:
    """The article on a page. Raises IngestError('no_article', …) when the page holds none."""
    markup = _NOT_XML.sub("", markup)
    tree = _page_tree(markup)
    meta = meta_values(tree)
    ld = page_jsonld(tree)
    url = url or _canonical(tree, meta)
    blocks, extracted = page_body(markup, url=url, tree=tree)
    info = page_meta(tree, meta=meta, ld=ld, extracted=extracted)
    picture = lead_picture(tree, meta=meta, ld=ld, url=url, extracted=extracted)
    body = news_body(blocks, repeats=(info.headline, picture.caption if picture else None))
    if not info.headline or body.prose_chars < MIN_ARTICLE_CHARS:
        what = "no headline" if not info.headline else f"{body.prose_chars} characters of article text"
        raise IngestError("no_article", f"no article on this page ({what}): is it a login, index or error page?")
    byline = info.byline or body.byline
    return Draft(
        headline=info.headline,
        body_html=body.body_html,
        section=info.section,
        published=info.published,
        updated=info.updated,
        dateline=body.dateline,
        byline=byline,
        # Who wrote the copy: the story's own credit line or dateline agency, then the page's furniture,
        # then the byline; the site's name last (a site republishing wire copy is not its source).
        credit=(
            body.credit or body.agency or page_credit(tree) or jsonld_credit(ld.article) or byline_agency(byline)
            or info.site_name
        ),
        original_url=url,
        picture=picture,
        language=info.language or "en",  # trafilatura names a language only when asked to filter by one
        summary=info.summary or body.standfirst,
        keywords=info.keywords,
    )


def _page_tree(markup: str) -> etree._Element:
    """Our own parse of the page, for its metadata (lxml refuses str input with an XML encoding declaration)."""
    markup = _XML_DECLARATION.sub("", markup, count=1)
    parser = lxml_html.HTMLParser(no_network=True, huge_tree=False, remove_comments=True, remove_pis=True)
    parser.set_element_class_lookup(_HTML_CLASSES)
    try:
        return lxml_html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError):
        raise IngestError("no_article", "no article: the page has no HTML content") from None


def _canonical(tree: etree._Element, meta: dict[str, str]) -> str | None:
    for value in [*tree.xpath("//link[@rel='canonical']/@href"), meta.get("og:url")]:
        value = str(value or "").strip()
        if value.startswith(("http://", "https://")):
            return value
    return None
