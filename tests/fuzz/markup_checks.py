"""What counts as markup in sanitised HTML, read the way a browser reads it: Lexbor's HTML5 parser.

Python's ``html.parser`` is no browser (foster parenting, foreign content,
re-opened formatting elements), and html5lib predates the 2020 rule that
ends ``<svg>`` at a ``</p>``. Lexbor (selectolax) follows the current HTML
Standard, parses in a <div> as a body fragment with scripting on (as
nh3/ammonia does, and a browser that could run an injected script), and
is written apart from html5ever, the sanitiser's parser, so the two do not
share their bugs. "An element of the input" means what a reader's browser
would have built from it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from selectolax.lexbor import LexborHTMLParser, LexborNode

EXECUTABLE_TAGS = frozenset({"script", "iframe", "frame", "object", "embed", "style", "svg", "math", "form", "base", "meta", "link", "template"})
_URL_NOISE = re.compile(r"[\x00-\x20\x7f-\xa0]")
URL_ATTRIBUTES = frozenset({"href", "src", "cite", "action", "formaction", "xlink:href", "poster", "background", "data", "srcset", "longdesc"})

Element = tuple[str, dict[str, str]]


def elements(markup: str) -> list[Element]:
    """Every element a browser builds from ``markup`` in a body (a <div> context), <template> contents too."""
    found: list[Element] = []

    def walk(start: LexborNode | None) -> None:
        for node in start.traverse(include_text=False) if start is not None else ():
            if node.tag.startswith(("-", "!")):  # "-text", "-comment", "!doctype"
                continue
            found.append((node.tag, {name: value or "" for name, value in node.attributes.items()}))
            if node.tag == "template":
                for content in node.template_fragments():
                    walk(content)

    walk(LexborHTMLParser(markup, is_fragment=True, fragment_tag="div", scripting=True).root)
    return found


def executable_parts(markup: str) -> list[str]:
    """Elements that run or load code, event-handler attributes, and javascript:/vbscript:/data: URLs."""
    found = []
    for tag, attributes in elements(markup):
        if tag in EXECUTABLE_TAGS:
            found.append(f"<{tag}>")
        for name, value in attributes.items():
            url = _URL_NOISE.sub("", value).lower()
            if name.startswith("on") or name in ("style", "srcdoc") or (name in URL_ATTRIBUTES and url.startswith(("javascript:", "vbscript:", "data:"))):
                found.append(f"<{tag} {name}={value!r}>")
    return found


def markup_gained(markup: str, cleaned: str, *, added: frozenset[tuple[str, str]] = frozenset(), normalise: Callable[[str], str] = str) -> list[str]:
    """Elements and attributes of ``cleaned`` that ``markup`` did not have, as a browser parses both.

    Every element of the output must be of a kind the input had, and every
    attribute (element, name, value) must be one an element of the input
    carried; ``added`` names the (element, attribute) pairs the sanitiser
    documents adding (rel on links); ``normalise`` maps an input value to what
    the sanitiser documents writing for it (control characters removed).
    """
    had = elements(markup)
    kinds = {tag for tag, _ in had}
    carried = {(tag, name, normalise(value)) for tag, attributes in had for name, value in attributes.items()}
    gained = []
    for tag, attributes in elements(cleaned):
        if tag not in kinds:
            gained.append(f"<{tag}>")
        gained += [f"<{tag} {name}={value!r}>" for name, value in attributes.items() if (tag, name) not in added and (tag, name, value) not in carried]
    return gained
