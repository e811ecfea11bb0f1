"""The last step of every extraction: an allow-list sanitiser (nh3/ammonia)."""

from __future__ import annotations

import html
import re

import nh3

from newsdesk.core.markup import markup_limits_check

# What a news body may contain. No scripts, styles, frames, forms, event
# handlers or inline styles; links only to http(s)/mailto and always
# rel="noopener noreferrer nofollow".
BODY_TAGS = frozenset(
    {
        "p", "br", "a", "strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "mark", "q", "cite",
        "blockquote", "ul", "ol", "li", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "img",
        "table", "thead", "tbody", "tr", "th", "td", "caption", "hr", "abbr", "time", "code", "pre",
    }
)
BODY_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "abbr": {"title"},
    "time": {"datetime"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "blockquote": {"cite"},
    "q": {"cite"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})


URL_ATTRIBUTES = frozenset({"cite"})  # nh3 checks schemes on href and src only
# C0 controls but tab, newline and carriage return, and the non-characters U+FFFE/U+FFFF: no text needs
# them and lxml (XML) refuses them; U+FEFF too, which the HTML parser drops only at the start. Removed from
# the output only: removed from the input first, the text "<\x01img src=…>" would become an element.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufeff\ufffe\uffff]")
MAX_PASSES = 5


def _url_attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    """Drop a cite="…" whose scheme is not on the allow-list (nh3 leaves it alone), and an image that is not on the web.

    A relative ``src`` would be fetched from our own site by every reader's
    browser (``/views/7/pixel.gif`` counts a view of another story), never
    from the wire's, so it goes; a relative link only navigates when clicked.
    """
    if attribute in URL_ATTRIBUTES:
        scheme = value.strip().split(":", 1)[0].lower() if ":" in value else ""
        if scheme and (scheme not in URL_SCHEMES or "/" in scheme):
            return None
    if tag == "img" and attribute == "src" and not value.strip().lower().startswith(("https://", "http://", "//")):
        return None
    return value


# Built once: nh3.clean builds its allow-lists on every call, which cost twice the cleaning of a story (bench/ingest).
_BODY_CLEANER = nh3.Cleaner(
    tags=set(BODY_TAGS),
    attributes={tag: set(attrs) for tag, attrs in BODY_ATTRIBUTES.items()},
    attribute_filter=_url_attribute_filter,
    url_schemes=set(URL_SCHEMES),
    link_rel="noopener noreferrer nofollow",
    strip_comments=True,
)
_TEXT_CLEANER = nh3.Cleaner(tags=set())


def _clean_once(markup: str) -> str:
    # Controls are removed after parsing, as "&#27;" is a control character once decoded (issue 6).
    return CONTROL.sub("", _BODY_CLEANER.clean(markup)).strip()


def body_sanitise(markup: str) -> str:
    """Body HTML reduced to the allow-list. Idempotent: sanitising twice changes nothing.

    One pass can leave markup that parses differently the next time (a
    removed <object> inside <p> leaves <p><p>), so clean until it is stable.
    Raises IngestError('too_complex', …) for markup that would take the
    parser quadratic time (``core.markup``).
    """
    markup_limits_check(markup)
    cleaned = _clean_once(markup)
    for _ in range(MAX_PASSES):
        again = _clean_once(cleaned)
        if again == cleaned:
            return cleaned
        cleaned = again
    return cleaned


def paragraphs_to_html(paragraphs: list[str]) -> str:
    """Plain-text paragraphs as sanitised body HTML, one <p> each."""
    return body_sanitise("".join(f"<p>{html.escape(p.strip(), quote=False)}</p>" for p in paragraphs if p.strip()))


def plain_text(value: str) -> str:
    """A single-line field (headline, caption, byline) with every tag removed and entities decoded."""
    markup_limits_check(value)
    return " ".join(CONTROL.sub("", markup_text(value)).split())


def markup_text(markup: str) -> str:
    """The text of stored markup, every tag dropped and entities decoded, white space as it was (no limit check)."""
    return html.unescape(_TEXT_CLEANER.clean(markup))
