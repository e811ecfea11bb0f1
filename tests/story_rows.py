"""Stories, copies, entities, mentions and quotes made directly with the ORM (our own words), for the tests
of the pages, feeds and API that read them (issue 4). The pipeline that fills these tables has its own tests.

``summit_rows(article_factory)`` builds one story told by three wires (one article folded from two
copies), a draft in the same story, the people, places and organisations they name, quotes, an
article of another story sharing an entity, and hostile names and quotes that must stay inert.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import lxml.html

HOSTILE_NAME = '<script>alert("entity")</script> Holdings'
HOSTILE_QUOTE = 'We will <script>alert("quote")</script> respond "in kind" & firmly'


@dataclass
class SummitRows:
    story: object
    first: object  # the oldest article: AP's copy with Reuters' folded into it
    second: object  # CNN
    third: object  # newest, no copies (its own credit only)
    draft: object  # in the story, never public
    other: object  # another story that names Beijing and Xi
    xi: object
    kim: object
    howell: object
    beijing: object
    oxford: object
    hostile: object
    draft_only: object  # named only by the draft: no page


def summit_rows(article_factory) -> SummitRows:
    from newsdesk.core import clock
    from newsdesk.newsroom.models import Article, Entity, EntityAlias, Mention, Quote, Source, Story, WireCopy

    now = clock.now()
    sources = {name: Source.objects.create(name=name, slug=name.lower(), credit=name) for name in ("AP", "Reuters", "CNN")}

    def article(headline: str, hours_ago: float, credit: str, **fields):
        made = article_factory(
            headline=headline, section="World", credit=credit, published=now - timedelta(hours=hours_ago),
            body_html=f"<p>{headline}. Leaders arrived on Wednesday.</p><p>Troops marched past the square.</p>", **fields,
        )
        Article.objects.filter(pk=made.pk).update(source=sources.get(credit))
        made.refresh_from_db()
        return made

    first = article("Leaders gather in Beijing for a military parade", 30, "AP")
    second = article("Kim and Putin join Xi at Beijing parade", 20, "CNN")
    third = article("Parade ends with a flypast over Tiananmen Square", 3, "")
    draft = article_factory(headline="Unpublished parade draft", section="World", publish=False)
    other = article("Beijing markets rally as trade talks resume", 10, "Reuters", )
    other_story = Story.objects.create(
        slug="beijing-markets", title="Beijing markets rally", first_published_at=other.published_at, last_published_at=other.published_at,
    )
    story = Story.objects.create(
        slug="beijing-parade", title="Beijing military parade", first_published_at=first.published_at,
        last_published_at=third.published_at, article_count=4, source_count=3,
    )
    Article.objects.filter(pk__in=[first.pk, second.pk, third.pk, draft.pk]).update(story=story)
    Article.objects.filter(pk=other.pk).update(story=other_story)
    for a in (first, second, third, draft, other):
        a.refresh_from_db()

    for credit, is_first in (("AP", True), ("Reuters", False)):
        WireCopy.objects.create(
            article=first, source=sources[credit], wire_key=f"copy-{credit}-{first.pk}", headline=first.headline,
            credit=credit, original_url=f"https://{credit.lower()}.example/parade", first=is_first,
            similarity=1.0 if is_first else 0.93, snapshot={"headline": first.headline},
        )

    def entity(kind: str, name: str, slug: str, **fields):
        return Entity.objects.create(kind=kind, name=name, slug=slug, **fields)

    xi = entity("person", "Xi Jinping", "xi-jinping", uri="http://www.wikidata.org/entity/Q15031")
    kim = entity("person", "Kim Jong Un", "kim-jong-un")
    howell = entity("person", "Edward Howell", "edward-howell", description="a lecturer in politics at the University of Oxford")
    beijing = entity("place", "Beijing", "beijing")
    oxford = entity("organisation", "University of Oxford", "university-of-oxford")
    hostile = entity("organisation", HOSTILE_NAME, "script-holdings")
    draft_only = entity("person", "Nobody Published", "nobody-published")
    EntityAlias.objects.bulk_create([EntityAlias(entity=xi, alias=a) for a in ("Xi", "Chinese leader Xi Jinping", "Xi Jinping")])

    def mention(a, e, salience, rel="mentions", description=""):
        Mention.objects.create(article=a, entity=e, salience=salience, rel=rel, description=description)

    mention(first, xi, 0.9, "about")
    mention(first, beijing, 0.7, "about")
    mention(first, hostile, 0.1)
    mention(second, xi, 0.8, "about")
    mention(second, kim, 0.8, "about")
    mention(second, beijing, 0.5)
    mention(second, howell, 0.3, description="a lecturer in politics at the University of Oxford")
    mention(second, oxford, 0.2)
    mention(third, beijing, 0.6, "about")
    mention(draft, draft_only, 0.9, "about")
    mention(draft, xi, 0.9, "about")
    mention(other, beijing, 0.9, "about")
    mention(other, xi, 0.4)

    Quote.objects.create(article=second, speaker=howell, speaker_name="Edward Howell", text="China is not angry; it is confident", position=0)
    Quote.objects.create(article=second, speaker=None, speaker_name="a parade spectator", text="We came at dawn", position=1)
    Quote.objects.create(article=first, speaker=hostile, speaker_name=HOSTILE_NAME, text=HOSTILE_QUOTE, position=0)
    Quote.objects.create(article=draft, speaker=howell, speaker_name="Edward Howell", text="A draft quote nobody may read", position=0)
    return SummitRows(
        story=story, first=first, second=second, third=third, draft=draft, other=other,
        xi=xi, kim=kim, howell=howell, beijing=beijing, oxford=oxford, hostile=hostile, draft_only=draft_only,
    )


def page_tree(client, url: str):
    """The page at ``url`` (it must answer 200) and its parsed tree."""
    response = client.get(url)
    assert response.status_code == 200, url
    return response, lxml.html.fromstring(response.content)


def texts(tree, selector: str) -> list[str]:
    """The text of each element ``selector`` picks, white space collapsed."""
    return [" ".join(el.text_content().split()) for el in tree.cssselect(selector)]
