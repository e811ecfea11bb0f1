"""An article page: one WireDocument with the markup and the page's own URL."""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from newsdesk.core.document import WireDocument
from newsdesk.wire.origin import is_url

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]{0,300}\?>")
_URL_XPATHS = (
    "//link[translate(@rel, 'CANONICAL', 'canonical')='canonical']/@href",
    "//meta[@property='og:url' or @name='og:url']/@content",
)


def page_read(text: str, *, origin: str) -> list[WireDocument]:
    """The page as it is; where it came from is the origin when that is a URL, else what the page says."""
    url = origin if is_url(origin) else page_url(text)
    return [WireDocument(kind="html", text=text, url=url, meta={"format": "html"})]


def page_url(markup: str) -> str | None:
    """The canonical link or og:url of a saved page, when it gives an absolute http(s) URL."""
    markup = _XML_DECLARATION.sub("", markup, count=1)  # lxml refuses str input that declares an encoding
    try:
        tree = lxml_html.document_fromstring(markup, parser=lxml_html.HTMLParser(no_network=True, huge_tree=False))
    except (etree.ParserError, ValueError):
        return None
    for xpath in _URL_XPATHS:
        for value in tree.xpath(xpath):
            value = str(value).strip()
            if is_url(value):
                return value
    return None
