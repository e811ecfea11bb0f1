"""The article body of a page, through trafilatura, as HTML blocks.

trafilatura finds the body and returns it in its own XML vocabulary (``p``,
``head``, ``list``/``item``, ``quote``, ``hi``, ``ref``, ``lb``); it is renamed
to HTML here, keeping links, emphasis, lists, quotes and tables.
"""

from __future__ import annotations

import dataclasses
from functools import cached_property
from typing import Any

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from htmldate.extractors import get_external_parser
from trafilatura import external
from trafilatura.metadata import examine_meta, extract_metadata
from trafilatura.settings import Document, Extractor

from newsdesk.extract.blocks import Block, blocks_from_element
from newsdesk.extract.page.container import container_blocks

# trafilatura builds justext's stoplist of all 100 languages the first time a page falls back to justext:
# 1.5-4 s inside one page's extraction, past the fuzz tests' 2 s per case (issue 6). Built once, at import.
external.JT_STOPLIST or external.jt_stoplist_init()
# htmldate (trafilatura's date of the page) hands a date it cannot read itself to dateparser with no language
# given, and dateparser builds the dictionary of each of its 205 locales the first time it tries one: 1.1 s
# of CPU, 45 MB, inside the first such page (3.45 s in the fuzz run, issue 6). Built once, at import, with a
# date no language reads, so that every locale is tried.
UNREADABLE_DATE = "12 qqq 2020 zz"
get_external_parser().get_date_data(UNREADABLE_DATE)

_RENAME = {"list": "ul", "item": "li", "quote": "blockquote", "lb": "br", "ref": "a", "row": "tr", "del": "s", "code": "pre"}
_EMPHASIS = {"#b": "strong", "#i": "em", "#u": "u", "#t": "code", "#sub": "sub", "#sup": "sup"}


def page_body(
    markup: str, *, url: str | None, links: frozenset[str] | None = None, tree: etree._Element | None = None
) -> tuple[list[Block], Any]:
    """The body blocks and trafilatura's metadata of the page (a fallback for ours; None without a body).

    ``links`` are the page's link texts: a line of the body that is one of them
    counts as link text, so an index page flattened by trafilatura's fallback
    into one paragraph of headlines is not taken for an article; left out,
    they are read from ``tree`` only when a block has several lines. ``tree``
    is our own parse of the page: trafilatura works on a copy of it rather
    than parsing the markup again (a parse costs more than a copy), and when
    trafilatura kept only part of the story container, the container's blocks
    are used instead (``page.container``).
    """
    # trafilatura's metadata is read later, from our tree, and only if a field falls back to it; without a
    # URL trafilatura takes the page's own from its metadata to resolve links, so it reads it first, as ever.
    later = tree is not None and url is not None
    options = Extractor(
        output_format="python", comments=False, tables=True, formatting=True, links=True, images=False, dedup=False,
        url=url, with_metadata=not later,
    )
    extracted = trafilatura.bare_extraction(tree if tree is not None else markup, options=options)
    body = getattr(extracted, "body", None)
    blocks: list[Block] = []
    if body is not None:
        _to_html(body)
        blocks = blocks_from_element(body)
    if tree is not None:
        blocks = container_blocks(tree, extracted=blocks) or blocks
    if links is None and any("\n" in block.html for block in blocks):
        links = page_links(tree) if tree is not None else frozenset()
    if later and extracted is not None:
        extracted = PageMetadata(tree, options)
    return [_link_lines_count(block, links) for block in blocks], extracted


class PageMetadata:
    """trafilatura's metadata of the page (title, author, date, site name…), read when a field first asks for it.

    It is the last source of each field (``page.meta``): the bench/ingest
    pages never reach it, a third of the public benchmarks' pages do not
    either, and it costs ~1 ms on the bench's pages and several on real
    ones (two more copies of the page and htmldate's search). It reads our
    tree as trafilatura read its copy before extracting; neither changes it.
    """

    def __init__(self, tree: etree._Element, options: Extractor) -> None:
        self._tree, self._options = tree, options

    @cached_property
    def _document(self) -> Document:
        options = self._options
        try:
            return extract_metadata(self._tree, options.url, options.date_params, options.fast, options.author_blacklist)
        except (TypeError, ValueError):  # what bare_extraction catches: no fallback then, our own sources stand
            return Document()

    @cached_property
    def image(self) -> str | None:
        """trafilatura's image comes from the head's meta tags alone (``examine_meta``), so only those are read."""
        if "_document" in self.__dict__:
            return self._document.image
        try:
            found = examine_meta(self._tree)
        except (TypeError, ValueError):
            return None
        found.clean_and_trim()
        return found.image

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # copy/pickle probes and our own slots: never a metadata field
            raise AttributeError(name)
        return getattr(self._document, name)


def page_links(tree: etree._Element) -> frozenset[str]:
    """The folded text of every link on the page."""
    return frozenset(key for a in tree.iter("a") if (key := _key("".join(a.itertext()))))


def _link_lines_count(block: Block, links: frozenset[str] | None) -> Block:
    if not links or "\n" not in block.html:
        return block
    text = "".join(lxml_html.fragment_fromstring(block.html, create_parent="div").itertext())
    linked = sum(len(key) for line in text.splitlines() if (key := _key(line)) in links)
    return dataclasses.replace(block, link_chars=min(len(block.text), max(block.link_chars, linked)))


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _to_html(body: etree._Element) -> None:
    """Rename trafilatura's XML elements to their HTML equivalents, in place."""
    for element in list(body.iter()):
        if not isinstance(element.tag, str):
            continue
        tag = element.tag
        target = element.get("target")
        rend = element.get("rend") or ""
        role = element.get("role")
        element.attrib.clear()
        if tag == "graphic":
            element.tag = "span"  # images are not kept in the body; the lead picture is a field
        elif tag == "head":
            level = int(rend[1:]) if rend[1:].isdigit() else 3
            element.tag = f"h{min(max(level, 2), 6)}"  # the page's h1 is the headline
        elif tag == "hi":
            element.tag = _EMPHASIS.get(rend, "em")
        elif tag == "cell":
            element.tag = "th" if role == "head" else "td"
        elif tag == "list":
            element.tag = "ol" if rend == "ol" else "ul"
        elif tag in _RENAME:  # other names stay as they are (libxml2 lets through names lxml refuses to set: 'scr<script')
            element.tag = _RENAME[tag]
        if tag == "ref" and target:
            element.set("href", target)
