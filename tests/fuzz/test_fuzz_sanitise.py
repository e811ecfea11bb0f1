"""Fuzzing the sanitiser, the last step of every extraction: it never gains markup and never lets code through.

``body_sanitise`` gets hostile markup glued from the corpus's XSS vectors,
dangerous links, tag soup and random text. Input and output are both read
the way a browser builds them (``markup_checks.elements``). The output must
hold only allow-listed elements and attributes, nothing executable, no
element of a kind the input did not have and no attribute (element, name,
value) no element of the input carried, but the ``rel`` added to links; and
be stable (sanitising again changes nothing). Text that is escaped stays
text: no element at all comes out. ``plain_text`` (headlines, bylines,
captions) gives one line without control characters, stable once it is text.
"""

from __future__ import annotations

import html

from fuzzing import fuzz_settings
from hypothesis import example, given
from hypothesis import strategies as st
from markup_checks import elements, executable_parts, markup_gained
from shapes import SNIPPETS, hostile_text
from vectors import LINKS, XSS_VECTORS

from newsdesk.core.errors import IngestError
from newsdesk.extract.sanitise import BODY_ATTRIBUTES, BODY_TAGS, CONTROL, body_sanitise, paragraphs_to_html, plain_text

TAG_NAMES = sorted(BODY_TAGS | {"div", "span", "script", "style", "iframe", "svg", "math", "img", "a", "form", "object", "noscript", "template", "textarea", "title", "select", "table", "font"})
GENERIC_ATTRIBUTES = {"title", "lang"}  # nh3 (ammonia) keeps these on every element: text, never code
ATTRIBUTES = ["href", "src", "onerror", "onclick", "style", "title", "lang", "cite", "alt", "class", "id", "xlink:href", "formaction", "srcdoc", "width"]
@st.composite
def element(draw) -> str:
    tag = draw(st.sampled_from(TAG_NAMES))
    attributes = "".join(
        f' {name}="{html.escape(value)}"' if quoted else f" {name}={value.replace(' ', '')}"
        for name, value, quoted in draw(st.lists(st.tuples(st.sampled_from(ATTRIBUTES), st.one_of(st.sampled_from(LINKS), hostile_text), st.booleans()), max_size=2))
    )
    inner = draw(st.lists(st.one_of(hostile_text, st.sampled_from(SNIPPETS)), max_size=2))
    return f"<{tag}{attributes}>{''.join(inner)}" + (f"</{tag}>" if draw(st.booleans()) else "")


# Small on purpose: a case costs what hypothesis draws, and 2,000 cases of up to eight pieces reach every
# pairing of vectors, tags and snippets that matters; the long run (50,000) goes further.
hostile_markup = st.lists(st.one_of(element(), st.sampled_from(XSS_VECTORS), st.sampled_from(SNIPPETS), hostile_text), max_size=8).map("".join)
LINK_REL = "noopener noreferrer nofollow"  # the one attribute the sanitiser adds (sanitise.py)


def _as_written(value: str) -> str:
    """An attribute value as the sanitiser writes it: controls removed, and a CR (``&#13;``) written raw,
    which the next parse reads as a line feed, as the HTML Standard normalises newlines."""
    return CONTROL.sub("", value).replace("\r", "\n")


@fuzz_settings
@given(hostile_markup)
@example('<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">')
@example("<math><mtext><table><mglyph><style><!--</style><img title=\"--&gt;&lt;img src=1 onerror=alert(1)&gt;\">")
@example("<p>\x1b&#27;<img src='/views/1/pixel.gif'></p>")
@example("<a><p onmouseenter=alert(120)>x<a>")  # the parser re-opens <a> inside <p>: more elements, no new kind
@example("<a title=jav&#x0D;ascript:alert(1)>")  # a title keeps its (harmless) line break
@example("<\x01img src='https://track.example/p.gif'><\ufeffa href='https://evil.example/'>x")  # text, not elements
def test_the_sanitiser_never_gains_markup_and_never_lets_code_through(markup):
    try:
        cleaned = body_sanitise(markup)
    except IngestError as error:  # only for markup past core.markup's limits
        assert error.reason == "too_complex"
        return
    tags = elements(cleaned)
    assert {tag for tag, _ in tags} <= BODY_TAGS
    for tag, attributes in tags:
        allowed = BODY_ATTRIBUTES.get(tag, set()) | GENERIC_ATTRIBUTES | ({"rel"} if tag == "a" else set())
        assert set(attributes) <= allowed, (tag, attributes)
    assert executable_parts(cleaned) == []
    assert markup_gained(markup, cleaned, added=frozenset({("a", "rel")}), normalise=_as_written) == [], (markup, cleaned)
    assert {attributes["rel"] for tag, attributes in elements(cleaned) if tag == "a"} <= {LINK_REL}
    assert body_sanitise(cleaned) == cleaned


@fuzz_settings
@given(st.text(max_size=300))
def test_escaped_text_stays_text_through_the_sanitiser(text):
    cleaned = body_sanitise(html.escape(text))
    assert elements(cleaned) == []
    assert body_sanitise(cleaned) == cleaned
    assert {(tag, tuple(attributes)) for tag, attributes in elements(paragraphs_to_html(text.split("\n\n")))} <= {("p", ())}


@fuzz_settings
@given(st.one_of(hostile_markup, hostile_text))
def test_a_one_line_field_comes_out_as_one_line_without_tags(value):
    try:
        text = plain_text(value)
    except IngestError as error:
        assert error.reason == "too_complex"
        return
    assert "\n" not in text and "\r" not in text and text == text.strip()
    assert not CONTROL.search(text)
    assert plain_text(html.escape(text)) == text  # stable once it is text
