"""The story's own container on the page, read block by block when trafilatura keeps only part of it.

trafilatura looks for the body by class names first; on a live blog whose
updates are each marked ``class="entry"`` (or ``"post"``) it takes the first
update for the whole story and recovers the rest as loose paragraphs, out of
order and without their headings. The page's ``articleBody`` (or its only
``<article>``) still holds the story in order, so when trafilatura's
paragraphs are out of that order, miss most of its sub-headings or much of
its text, the container's blocks are read instead (menus, rails, forms,
comments and the lead photo dropped; the news layer clears the rest).
"""

from __future__ import annotations

import copy

from lxml import etree

from newsdesk.extract.blocks import Block, blocks_from_element

# What a story container holds that is not story: the lead photo is a field, the rest is chrome.
# <rt>/<rp> are ruby readings printed over Japanese and Chinese text, not words of the story.
# The article's own <header> holds the headline, byline, date and trail: fields, not body.
_CHROME_TAGS = (
    "aside", "button", "figure", "footer", "form", "h1", "header", "iframe", "nav", "noscript", "rp", "rt", "script",
    "style",
)
_CHROME_CLASSES = (
    "advert", "breadcrumb", "byline", "comment", "newsletter", "outbrain", "paywall", "popular", "promo", "recirc",
    "recommend", "related", "share", "social", "subscribe", "taboola", "trending",
)
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
MIN_HEADINGS = 2  # sub-headings in the container before losing most of them counts
_VISIBLE_TEXT = etree.XPath(".//text()[not(ancestor::rt) and not(ancestor::rp)]")  # ruby readings left out
# The elements marked articleBody, found through their attributes: "//*[@itemprop='articleBody']" tests every
# element of the page and took six times as long (bench/ingest).
_ARTICLE_BODIES = etree.XPath("//@itemprop[. = 'articleBody']/..")
MIN_UPDATES = 3  # timed updates that make a container a live blog
TRAFILATURA_SHARE = 0.6  # trafilatura's body below this share of the container's paragraph text lost part of the story


def story_container(tree: etree._Element) -> etree._Element | None:
    """The element holding the story: its articleBody, else the page's only <article>.

    A page with several <article> elements is an index of teasers (or a story
    with teasers beside it): no container is trusted there.
    """
    bodies = _ARTICLE_BODIES(tree)
    if bodies:
        return max(bodies, key=_paragraph_chars)
    articles = tree.xpath("//article")
    return articles[0] if len(articles) == 1 else None


def container_blocks(tree: etree._Element, *, extracted: list[Block]) -> list[Block] | None:
    """The container's blocks when trafilatura's (``extracted``) lost part of the story, else None.

    Lost means: much less paragraph text than the container holds or, on a
    live blog, updates out of the container's order or most of their headings
    gone. (On other pages a gallery or a pull quote inside the container makes
    order and headings poor evidence: measured on the scrapinghub benchmark.)
    """
    container = story_container(tree)
    if container is None:
        return None
    order: dict[str, int] = {}
    for pos, text in enumerate(_texts(container, ("p",))):
        order.setdefault(text, pos)  # a paragraph printed twice (a pull quote) counts where it first stands
    found = [order[b.text] for b in extracted if b.tag == "p" and b.text in order]
    chars = sum(len(b.text) for b in extracted if b.tag == "p")
    headings = set(_texts(container, _HEADINGS))
    kept_headings = sum(1 for b in extracted if b.tag in _HEADINGS and b.text in headings)
    lost = chars < TRAFILATURA_SHARE * sum(len(text) for text in order) or (
        _updates(container) and (found != sorted(found) or (len(headings) >= MIN_HEADINGS and kept_headings < len(headings) / 2))
    )
    if not lost:
        return None
    container = copy.deepcopy(container)
    for element in list(container.iter()):
        if isinstance(element.tag, str) and _chrome(element) and element.getparent() is not None:
            _drop_keeping_tail(element)
    return blocks_from_element(container)


def _updates(container: etree._Element) -> bool:
    """A live blog: several timed updates in the container (one <time> each), whose order and headings matter."""
    return sum(1 for element in container.iter("time") if not _in_chrome(element, container)) >= MIN_UPDATES


def _texts(container: etree._Element, tags: tuple[str, ...]) -> list[str]:
    """The texts of the container's ``tags`` elements outside its chrome, in reading order."""
    texts = []
    for element in container.iter(*tags):
        if _in_chrome(element, container):
            continue
        text = " ".join("".join(_VISIBLE_TEXT(element)).split())
        if text:
            texts.append(text)
    return texts


def _paragraph_chars(element: etree._Element) -> int:
    return sum(len(" ".join("".join(p.itertext()).split())) for p in element.iter("p"))


def _in_chrome(element: etree._Element, container: etree._Element) -> bool:
    node = element
    while node is not None and node is not container:
        if _chrome(node):
            return True
        node = node.getparent()
    return False


def _chrome(element: etree._Element) -> bool:
    if not isinstance(element.tag, str):
        return False
    if element.tag in _CHROME_TAGS:
        return True
    classes = (element.get("class") or "").lower()
    return any(word in classes for word in _CHROME_CLASSES)


def _drop_keeping_tail(element: etree._Element) -> None:
    parent = element.getparent()
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)
