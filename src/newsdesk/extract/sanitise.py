"""The last step of every extraction: an allow-list sanitiser (nh3/ammonia)."""

from __future__ import annotations

import html

import nh3

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
MAX_PASSES = 5


def _url_attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    """Drop a cite="…" whose scheme is not on the allow-list (nh3 leaves it alone)."""
    if attribute in URL_ATTRIBUTES:
        scheme = value.strip().split(":", 1)[0].lower() if ":" in value else ""
        if scheme and (scheme not in URL_SCHEMES or "/" in scheme):
            return None
    return value


def _clean_once(markup: str) -> str:
    return nh3.clean(
        markup,
        tags=set(BODY_TAGS),
        attributes={tag: set(attrs) for tag, attrs in BODY_ATTRIBUTES.items()},
        attribute_filter=_url_attribute_filter,
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    ).strip()


def body_sanitise(markup: str) -> str:
    """Body HTML reduced to the allow-list. Idempotent: sanitising twice changes nothing.

    One pass can leave markup that parses differently the next time (a
    removed <object> inside <p> leaves <p><p>), so clean until it is stable.
    """
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
    return " ".join(html.unescape(nh3.clean(value, tags=set())).split())
