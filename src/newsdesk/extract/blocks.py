"""An article body as a list of blocks (paragraphs, headings, lists, quotes) and the news layer on it.

Both HTML readers (pages and feed entries) end here: the blocks are cleared
of clutter, the byline, dateline and credit are moved out of the first and
last paragraphs into their fields, and the rest is sanitised as the very last
step (Miniflux's rule: sanitise always last).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

from newsdesk.extract import clutter
from newsdesk.extract.byline import byline_parse
from newsdesk.extract.credit import credit_alone, credit_line, credit_split
from newsdesk.extract.dateline import dateline_split
from newsdesk.extract.dates import date_stamps
from newsdesk.extract.sanitise import body_sanitise
from newsdesk.extract.shape import ends_sentence, is_all_caps, is_strong_prose

# Elements whose children are the blocks (wrappers a CMS or a feed puts around a body);
# any other element holding a block is opened too (<span><p>…</p></span>).
_CONTAINERS = frozenset({"div", "section", "article", "main", "body", "center", "html", "header", "footer"})
_BLOCKS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "blockquote", "pre", "table", "figure", "hr"}
)
_PROSE = frozenset({"p", "blockquote", "h2", "h3", "h4", "h5", "h6", "pre"})
_DROP = frozenset({"script", "style", "noscript", "template", "form", "nav", "aside", "iframe", "button", "svg"})

# Lines a CMS or an extractor lets through that are not part of the story, as
# (pattern, why) pairs sorted by why. Each pattern must match the whole block.
CLUTTER: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.I), why)
    for pattern, why in sorted(
        [
            (r"(advertisement|advert|ad|sponsored( content)?|story continues below( advertisement)?)", "advertising"),
            (r"(continue reading|scroll (down )?to continue( reading)?)( below)?\W*", "reading prompt"),
            (r"(leave a (reply|comment)|comments?|\d+ comments?|join the conversation)\W*", "comments prompt"),
            (r"(sign up|subscribe)\b.{0,200}", "newsletter or paywall prompt"),
            (r".{0,160}\b(newsletter|inbox)\b.{0,160}\b(sign up|subscribe|delivered|get)\b.{0,80}", "newsletter prompt"),
            (r".{0,80}\b(sign up|subscribe)\b.{0,160}\b(newsletter|inbox)\b.{0,80}", "newsletter prompt"),
            (r"(read more|read also|also read|see also|related( stories| articles| coverage)?|more on this( story)?|recommended( reading)?|most read|watch|listen)\s*(:|–|—|-|\|).{0,200}", "related-links prompt"),
            (r"(read more|related stories|related articles|more stories|you may also like|recommended for you|most read)\W*", "related-links heading"),
            (r"(share|share this( article| story| post| page)?|share on \w+|tweet|email|print|copy link|facebook|twitter|whatsapp|linkedin)(\s*[|·•,]\s*\w+)*\W*", "share buttons"),
            (r"(follow us on|like us on|download (our|the) app|click here to|get the app)\b.{0,160}", "promotion"),
            (r"(tags?|topics?|filed under)\s*:.{0,200}", "tag list"),
        ],
        key=lambda rule: rule[1],
    )
)
_CLUTTER_MAX = 400
_CHROME_MAX = 200  # extract.clutter judges lines; a longer block is a paragraph, not a line of chrome
_BYLINE = re.compile(r"^by\s+\S", re.I)
_BYLINE_MAX = 80
_BYLINE_MAX_WORDS = 12
_DATE_LINE_MAX = 120
_REPEAT_MIN, _REPEAT_TAIL = 20, 60
_LEAD_BLOCKS = 4  # the dateline paragraph is among the first few blocks, after a tag, a standfirst or a promo
_STANDFIRST_MIN_WORDS = 6
_STANDFIRST_BLOCKS = 1  # above a byline or date line near the top: at most a standfirst
_LINK_SHARE = 0.9  # a block with this share of link text is a link, not a paragraph
_LINK_MAX_WORDS = 20  # a related story's headline; a longer linked block is a paragraph


@dataclass(frozen=True)
class Block:
    """One block of a body: its tag, its HTML, its plain text and how much of that is link text."""

    tag: str
    html: str
    text: str
    link_chars: int = 0

    @classmethod
    def paragraph(cls, text: str) -> "Block":
        return cls("p", f"<p>{html.escape(text, quote=False)}</p>", " ".join(text.split()))


@dataclass(frozen=True)
class NewsBody:
    """The body once the news fields have been taken out of it."""

    body_html: str
    dateline: str | None = None
    agency: str | None = None
    credit: str | None = None
    byline: str | None = None
    prose_chars: int = 0
    standfirst: str | None = None


def blocks_from_html(markup: str) -> list[Block]:
    """The top-level blocks of an HTML fragment (feed entry content)."""
    if not markup.strip():
        return []
    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return [Block.paragraph(text) for text in markup.split("\n\n") if text.strip()]
    return blocks_from_element(root)


def blocks_from_element(container: etree._Element) -> list[Block]:
    """The blocks inside an element; loose inline text and inline elements become paragraphs."""
    blocks: list[Block] = []
    pending: list[str] = [html.escape(container.text or "", quote=False)]
    for child in container:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _BLOCKS or tag in _DROP or (tag and _is_container(child)):
            _pending_flush(pending, blocks)
            if tag in _BLOCKS:
                blocks.append(_block(child, tag))
            elif tag not in _DROP:
                blocks.extend(blocks_from_element(child))
            pending = [html.escape(child.tail or "", quote=False)]
        elif tag:
            pending.append(lxml_html.tostring(child, encoding="unicode", with_tail=True))
        else:
            pending.append(html.escape(child.tail or "", quote=False))  # a comment or PI: keep its tail
    _pending_flush(pending, blocks)
    return blocks


def clutter_drop(blocks: list[Block], *, repeats: tuple[str | None, ...] = ()) -> list[Block]:
    """Blocks that are part of the story: no ads, prompts, share rows, empty blocks or repeated headline/caption.

    A credit line ("© 2025 AFP") looks like a footer but is kept for the credit step.
    """
    repeated = {_key(text) for text in repeats if text}
    kept: list[Block] = []
    for block in blocks:
        if len(block.text) <= _CHROME_MAX and clutter.is_paywall(block.text) and any(b.tag == "p" for b in kept):
            break  # a paywall: what follows is its sales pitch, not the story
        if block.tag == "hr":
            kept.append(block)
            continue
        # No text: an empty paragraph or an uncaptioned image (the lead picture is a field, not body).
        # A repeat of the headline or of the lead picture's caption is that element printed again.
        if not block.text or _repeats(block.text, repeated):
            continue
        linked = _link_only(block) and (not kept or ends_sentence(kept[-1].text))  # not a link inside a broken sentence
        if (clutter_reason(block.text) or linked) and not credit_line(block.text):
            continue
        kept.append(block)
    while kept and kept[-1].tag in ("hr", "h2", "h3", "h4", "h5", "h6"):
        kept.pop()  # a heading left with nothing under it was a rail's title
    return kept


def clutter_reason(text: str) -> str | None:
    """Why a block is clutter, or None when it is story text."""
    if len(text) > _CLUTTER_MAX:
        return None
    lowered = text.lower()
    for pattern, why in CLUTTER:
        if why == "newsletter prompt" and "newsletter" not in lowered and "inbox" not in lowered:
            continue  # the slowest patterns; both need one of these words
        if pattern.fullmatch(text):
            return why
    if len(text) <= _CHROME_MAX and clutter.is_clutter(text):
        return "site chrome (extract.clutter)"
    if len(text) <= _CHROME_MAX and clutter.is_rail_heading(text):
        return "related-links heading (extract.clutter)"
    return None


def _link_only(block: Block) -> bool:
    """A paragraph that is nothing but a link and no sentence: a related story's headline, a tag, a promo."""
    if block.tag != "p" or not block.link_chars:
        return False  # a linked sub-heading (a product in a round-up) heads the paragraphs below it
    if len(block.text.split()) > _LINK_MAX_WORDS or is_strong_prose(block.text):
        return False
    return block.link_chars >= _LINK_SHARE * len(block.text)


def news_body(blocks: list[Block], *, repeats: tuple[str | None, ...] = ()) -> NewsBody:
    """Clutter dropped; byline, dateline and credit moved out; sanitised last.

    When a paragraph near the top opens with a dateline, the story starts
    there: what stands above it (a tag, a standfirst, a promo) is not body,
    and a standfirst among it is kept as the summary.
    """
    blocks = clutter_drop(blocks, repeats=repeats)
    byline, header, blocks = _byline_take(blocks)
    dateline, agency, lead, blocks = _dateline_take(blocks)
    lead = header + lead
    credit, blocks = _credit_take(blocks)
    body_html = body_sanitise("".join(block.html for block in blocks))
    prose = sum(len(b.text) - b.link_chars for b in blocks if b.tag in _PROSE)
    standfirst = " ".join(b.text for b in lead if b.tag == "p" and _standfirst_shaped(b)) or None
    return NewsBody(
        body_html=body_html, dateline=dateline, agency=agency, credit=credit, byline=byline, prose_chars=prose,
        standfirst=standfirst,
    )


def byline_clean(value: str | None) -> str | None:
    """A byline field (author meta, feed author) as we store it: extract.byline's normal form, never a URL."""
    if not value:
        return None
    text = " ".join(value.split())
    if not text or "://" in text or text.startswith("@"):
        return None
    parsed = byline_parse(text, bare=True)
    if parsed:
        return parsed
    # A field that is known to be the byline but is no person's name ("Ledger staff"): keep it as given.
    return text if len(text) <= _BYLINE_MAX and "@" not in text else None


def _byline_take(blocks: list[Block]) -> tuple[str | None, list[Block], list[Block]]:
    """(byline, blocks above it, the rest): "By …" and date lines near the top are page furniture, not body.

    When such a line stands below a standfirst (a live blog's header read as
    body), the body starts after it and the standfirst goes with the header.
    """
    byline, last, above = None, -1, 0
    for index, block in enumerate(blocks[:_LEAD_BLOCKS]):
        text = block.text
        if block.tag == "p" and _BYLINE.match(text) and len(text.split()) <= _BYLINE_MAX_WORDS and (parsed := byline_parse(text)):
            byline, last = byline or parsed, index
        elif block.tag == "p" and len(text) <= _DATE_LINE_MAX and date_stamps(text):
            last = index
        else:
            above += 1
            if above > _STANDFIRST_BLOCKS:
                break  # a date further down ("Termin: 21.02.2020") belongs to the story
    lead = [b for b in blocks[:max(last, 0)] if not _meta_line(b)]
    return byline, lead, blocks[last + 1:]


def _meta_line(block: Block) -> bool:
    text = block.text
    return bool(_BYLINE.match(text) and byline_parse(text)) or (len(text) <= _DATE_LINE_MAX and bool(date_stamps(text)))


def _dateline_take(blocks: list[Block]) -> tuple[str | None, str | None, list[Block], list[Block]]:
    """(place, agency, blocks above the dateline paragraph, the body from it on) when one of the first paragraphs has one."""
    first = next((index for index, block in enumerate(blocks) if block.tag == "p"), None)
    for index, block in enumerate(blocks[:_LEAD_BLOCKS]):
        if block.tag != "p":
            continue
        place, agency, rest = dateline_split(block.text)
        if (place or agency) and (index == first or agency or _wire_dateline(block.text, place, rest)):
            # Below the first paragraph only a wire-style dateline counts ("SEVILLE, Spain (AP) —"), not "MSM MIA: …".
            replacement = [Block.paragraph(rest)] if rest.strip() else []
            return place, agency, blocks[:index], replacement + blocks[index + 1 :]
    return None, None, [], blocks


def _wire_dateline(text: str, place: str | None, rest: str) -> bool:
    """A place in capitals closed by a dash ("SEVILLE, Spain —"), the way wires print datelines."""
    opening = text[: len(text) - len(rest)]
    return bool(place) and is_all_caps(place.split(",")[0]) and any(dash in opening for dash in "–—-")


def _standfirst_shaped(block: Block) -> bool:
    """A line of prose summing up the story above its first paragraph, not a tag or a link."""
    return len(block.text.split()) >= _STANDFIRST_MIN_WORDS and block.link_chars < len(block.text) / 2


def _credit_take(blocks: list[Block]) -> tuple[str | None, list[Block]]:
    """Whole credit lines at the end ("© 2025 AFP"), else a credit closing the last paragraph ("… – CNN")."""
    credit = None
    while len(blocks) > 1 and blocks[-1].tag == "p" and (line := credit_alone(blocks[-1].text)):
        credit, blocks = credit or line, blocks[:-1]
    if credit or len(blocks) < 2 or blocks[-1].tag != "p":
        return credit, blocks
    credit, rest = credit_split(blocks[-1].text)
    if not credit:
        return None, blocks
    return credit, blocks[:-1] + ([Block.paragraph(rest)] if rest.strip() else [])


def _is_container(element: etree._Element) -> bool:
    if element.tag in _CONTAINERS:
        return True
    return any(isinstance(node.tag, str) and node.tag in _BLOCKS for node in element.iterdescendants())


def _block(element: etree._Element, tag: str) -> Block:
    return Block(tag, lxml_html.tostring(element, encoding="unicode", with_tail=False), _text(element), _link_chars(element))


def _pending_flush(pending: list[str], blocks: list[Block]) -> None:
    markup = "".join(pending).strip()
    pending.clear()
    if not markup:
        return
    paragraph = lxml_html.fragment_fromstring(markup, create_parent="p")
    text = _text(paragraph)
    if text:
        blocks.append(Block("p", f"<p>{markup}</p>", text, _link_chars(paragraph)))


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _link_chars(element: etree._Element) -> int:
    """Characters of link text: a block that is all links is a rail or a menu, not prose."""
    return sum(len(_text(link)) for link in element.iter("a"))


def _repeats(text: str, repeated: set[str]) -> bool:
    """The block is a repeated headline or caption, alone or followed by a short credit ("… Photo: Ann Lee")."""
    key = _key(text)
    return key in repeated or any(
        len(r) >= _REPEAT_MIN and key.startswith(r) and len(key) - len(r) <= _REPEAT_TAIL for r in repeated
    )


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()
