"""trafilatura as the engine: the page is parsed once and the tree reused.

trafilatura's best configuration on both public benchmarks is
``include_comments=False`` (reader comments are never the article). Links are
kept as ``ref`` elements so that the boilerplate rules can see which blocks
are lists of links; they are flattened to text when rendered.
"""

from __future__ import annotations

from copy import copy

from lxml import etree
from lxml.html import HtmlElement
from trafilatura import bare_extraction, external
from trafilatura.settings import Extractor
from trafilatura.utils import load_html

external.JT_STOPLIST or external.jt_stoplist_init()  # at import, not inside the first page (see extract/page/body.py)

_OPTIONS = Extractor(output_format="txt", comments=False, links=True, tables=True)


def parse_page(html: str) -> HtmlElement | None:
    """The page's tree, or None when the input is not HTML at all.

    trafilatura's loader already copes with control characters and bad
    encodings; what it still raises on is treated as "no page".
    """
    if not isinstance(html, str) or not html.strip():
        return None
    try:
        return load_html(html)
    except (ValueError, TypeError, etree.LxmlError):
        return None




def trafilatura_body(tree: HtmlElement, url: str | None) -> etree._Element | None:
    """trafilatura's body element (its XML vocabulary), or None when it finds none.

    ``bare_extraction`` works on a copy, so ``tree`` stays intact for the
    caption and recovery passes.
    """
    options = copy(_OPTIONS)
    options.url = url
    document = bare_extraction(tree, options=options)
    return None if document is None else document.body
