"""The sample wire: dated relative to "now", varied enough for a real-looking site, and clean once ingested."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

import pytest
from lxml import etree

from newsdesk.pipeline.sample_wire import AGO_TOKEN, SAMPLE_WIRE_DIR, ago_parse, sample_wire_files, sample_wire_render

NOW = datetime(2026, 3, 14, 9, 26, 53, tzinfo=timezone.utc)
OLDEST = timedelta(days=3)
FEED = "feeds/newsdesk-wire.xml"


@dataclass(frozen=True)
class Story:
    """What the sample was written to say; the extractors should find the same."""

    section: str
    headline: str
    dateline: str | None
    credit: str


def story(section: str, headline: str, dateline: str | None, credit: str) -> Story:
    return Story(section, headline, dateline, credit)


# Keyed by the file's path under sample_wire/, or FEED#guid for a feed item.
STORIES: dict[str, Story] = {
    "captures/alpine-glaciers-record-loss.txt": story("Science", "Alpine glaciers lost record share of ice this year, Swiss monitors say", "GENEVA", "Reuters"),
    "captures/astronomers-water-world-lhs-4219.txt": story("Science", "Astronomers detect steam-rich atmosphere on nearby rocky planet", None, "Northwind Wire"),
    "captures/canada-housing-permits-bill.txt": story("Politics", "Canada's parliament passes bill to fast-track housing permits", "OTTAWA", "Reuters"),
    "captures/chile-miners-brought-out-alive.txt": story("World", "All 14 miners brought out alive from Chile's Santa Inés copper mine", "DIEGO DE ALMAGRO, Chile", "Reuters"),
    "captures/chile-miners-trapped-santa-ines.txt": story("World", "Rescuers race to reach 14 miners trapped after collapse at Chilean copper mine", "DIEGO DE ALMAGRO, Chile", "CNN"),
    "captures/container-freight-rates-climb.txt": story("Business", "Container freight rates climb for fourth week as Asian exporters rush orders", "SINGAPORE", "Northwind Wire"),
    "captures/japan-free-shingles-vaccine.txt": story("Health", "Japan to offer free shingles vaccine to adults over 65", "TOKYO", "Kyodo"),
    "captures/kenya-tea-auction-stalls.txt": story("Business", "Kenya's tea exporters warn of lost season as Mombasa auction stalls", "NAIROBI", "Reuters"),
    "captures/lisbon-cafe-mural-uncovered.txt": story("Culture", "Workers find lost 1920s mural beneath plaster in Lisbon café", "LISBON, Portugal", "AP"),
    "captures/niigata-studio-animation-prize.txt": story("Culture", "Hand-drawn feature from small Niigata studio wins top animation prize", "NIIGATA", "Kyodo"),
    "captures/pacific-tuna-catch-deal.txt": story("World", "Pacific nations agree to cut bigeye tuna catch after marathon talks", "WELLINGTON", "AFP"),
    "captures/paris-sodium-battery-buses.txt": story("Technology", "French start-up bets on sodium batteries to cut cost of electric buses", "PARIS", "AFP"),
    "captures/typhoon-marou-landfall-kyushu.txt": story("World", "Typhoon Marou makes landfall in southern Kyushu; hundreds of thousands told to evacuate", "KAGOSHIMA", "Kyodo"),
    "captures/wales-four-day-week-trial.txt": story("Politics", "Welsh parliament approves four-day week trial for public bodies", "CARDIFF, Wales", "AP"),
    "captures/west-africa-undersea-cable-cut.txt": story("Technology", "Undersea cable cut slows internet across West Africa", "LAGOS", "Reuters"),
    "captures/yokohama-marathon-course-record.txt": story("Sport", "Ethiopian runner breaks course record at Yokohama Marathon", "YOKOHAMA", "Kyodo"),
    "captures/yorkshire-teenage-spinner-eight-wickets.txt": story("Sport", "Yorkshire teenager spins out Somerset with eight wickets on first-class debut", "LEEDS, England", "AP"),
    "captures/zambia-measles-vaccination-drive.txt": story("Health", "Zambia launches nationwide measles vaccination drive as cases climb", "LUSAKA", "CNN"),
    "pages/andoya-weather-satellite-launch.html": story("Technology", "Satellite start-up launches first weather craft from Norway's Andøya", "ANDØYA, Norway", "AFP"),
    "pages/ashworth-prize-shortlist.html": story("Culture", "Debut novel about a border town tops Ashworth Prize shortlist", "LONDON", "Northwind Wire"),
    "pages/azores-deep-sea-new-species.html": story("Science", "Deep-sea survey off the Azores finds dozens of possible new species", "PONTA DELGADA, Azores", "Northwind Wire"),
    "pages/chile-miners-contact-all-alive.html": story("World", "Rescuers make contact with 14 trapped Chilean miners, all alive", "DIEGO DE ALMAGRO, Chile", "AP"),
    "pages/copper-edges-up-chile-mine.html": story("Business", "Copper edges up as Chilean mine collapse adds to supply worries", "LONDON", "Reuters"),
    "pages/cowes-regatta-crew-record.html": story("Sport", "All-women crew sets record in round-the-island race off Cowes", "COWES, England", "AP"),
    "pages/hoshizora-kumamoto-chip-plant.html": story("Technology", "Hoshizora Semiconductor opens second chip plant in Kumamoto", "KUMAMOTO", "Kyodo"),
    "pages/kenya-mps-reject-fuel-levy.html": story("Politics", "Kenyan lawmakers reject fuel levy rise after street protests", "NAIROBI", "AFP"),
    "pages/lisbon-caps-short-term-rentals.html": story("Politics", "Lisbon caps new short-term rental licences in historic centre", "LISBON", "Reuters"),
    "pages/new-zealand-central-bank-holds-rate.html": story("Business", "New Zealand central bank holds rate, signals cuts later in the year", "WELLINGTON", "Northwind Wire"),
    "pages/scottish-museum-returns-benin-bronzes.html": story("Culture", "Scottish museum returns 12 bronzes to Nigeria’s Benin City", "BENIN CITY, Nigeria", "AP"),
    "pages/skye-dinosaur-trackway.html": story("Science", "Storm exposes dinosaur trackway on Scottish island shore", "STAFFIN, Scotland", "AP"),
    "pages/spain-nurse-led-urgent-care.html": story("Health", "Spain tests nurse-led urgent care clinics to cut emergency waits", "SEVILLE, Spain", "AP"),
    "pages/typhoon-marou-flights-grounded.html": story("World", "Typhoon Marou grounds hundreds of flights as it churns across Japan", "TOKYO", "AFP"),
    f"{FEED}#newsdesk-wire:typhoon-marou-kyushu-factories": story("Business", "Carmakers and chipmakers halt Kyushu lines as Typhoon Marou moves north", "TOKYO", "Reuters"),
    f"{FEED}#newsdesk-wire:chile-mine-safety-audit": story("Politics", "Chile orders safety audit of small mines after Santa Inés rescue", "SANTIAGO", "AFP"),
    f"{FEED}#newsdesk-wire:euro-zone-factory-pmi": story("Business", "Euro zone factory activity edges up for a third month as new orders steady", "FRANKFURT", "Reuters"),
    f"{FEED}#newsdesk-wire:ireland-data-centres-grid": story("Technology", "Data centre boom strains Irish grid and water supplies, report finds", "DUBLIN", "Northwind Wire"),
    f"{FEED}#newsdesk-wire:chile-miners-rescued": story("World", "All 14 miners brought out alive from Chile's Santa Inés copper mine", "DIEGO DE ALMAGRO, Chile", "Reuters"),
    f"{FEED}#newsdesk-wire:comet-van-wyk": story("Science", "Newly found comet could be visible to the naked eye next month", "CAPE TOWN, South Africa", "AP"),
    f"{FEED}#newsdesk-wire:bangladesh-sylhet-floods": story("World", "Floods cut off villages in northeast Bangladesh as rivers burst banks", "DHAKA", "AFP"),
    f"{FEED}#newsdesk-wire:pacific-sevens-final": story("Sport", "Fiji beat Samoa in thrilling Pacific sevens final", "SUVA, Fiji", "AP"),
    f"{FEED}#newsdesk-wire:world-junior-chess-chennai": story("Sport", "Indian teenager wins world junior chess title in Chennai", "CHENNAI", "AFP"),
    f"{FEED}#newsdesk-wire:amr-older-adults-study": story("Health", "Drug-resistant infections rising fastest among older adults, study finds", "LONDON", "Reuters"),
    f"{FEED}#newsdesk-wire:valparaiso-opera-reopens": story("Culture", "Opera house in Valparaíso reopens after decade-long restoration", "VALPARAÍSO, Chile", "AFP"),
    f"{FEED}#newsdesk-wire:ghana-malaria-vaccine": story("Health", "Ghana expands malaria vaccine rollout to every district in the north", "ACCRA", "Reuters"),
    f"{FEED}#newsdesk-wire:reef-coral-spawning": story("Science", "Coral spawning on Great Barrier Reef offers scientists rare good news", "TOWNSVILLE, Australia", "Northwind Wire"),
}

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})")
PUB_DATE = re.compile(r"<(?:pubDate|lastBuildDate)>([^<]+)</")
# What a captured page wraps around the story; "views" only as a count ("40 views"), since "reviews" is prose.
CLUTTER = re.compile(r"\b\d[\d,]*\s+views\b|HIGHLIGHTS|Advertisement|READ MORE|\bhours? ago\b", re.IGNORECASE)


def relative(path) -> str:
    return path.relative_to(SAMPLE_WIRE_DIR).as_posix()


def feed_guids() -> list[str]:
    tree = etree.fromstring(sample_wire_render(SAMPLE_WIRE_DIR / FEED, now=NOW), etree.XMLParser(resolve_entities=False, no_network=True))
    return [guid.text for guid in tree.iter("guid")]


def sample_stories() -> list[str]:
    """One key per story: a capture or page file, or a feed item."""
    keys = []
    for path in sample_wire_files():
        name = relative(path)
        keys.extend([f"{name}#{guid}" for guid in feed_guids()] if name == FEED else [name])
    return keys


# --- rendering (pure) ---


@pytest.mark.parametrize("path", sample_wire_files(), ids=relative)
def test_rendering_replaces_every_date_placeholder(path):
    rendered = sample_wire_render(path, now=NOW).decode("utf-8")
    assert "{{" not in rendered and "ago:" not in rendered


@pytest.mark.parametrize("path", sample_wire_files(), ids=relative)
def test_every_sample_date_lies_in_the_last_three_days(path):
    for match in AGO_TOKEN.finditer(path.read_text(encoding="utf-8")):
        assert timedelta(0) < ago_parse(match.group("duration")) <= OLDEST, match.group(0)
    rendered = sample_wire_render(path, now=NOW).decode("utf-8")
    machine_dates = [datetime.fromisoformat(text.replace("Z", "+00:00")) for text in ISO_DATE.findall(rendered)]
    machine_dates += [parsedate_to_datetime(text) for text in PUB_DATE.findall(rendered)]
    if path.suffix in {".html", ".xml"}:
        assert machine_dates, "an article page or feed carries machine-readable dates"
    for when in machine_dates:
        assert NOW - OLDEST <= when < NOW, when


def test_rendering_formats_dates_for_attributes_feeds_and_people(tmp_path):
    sample = tmp_path / "sample.txt"
    sample.write_text("{{ago:3h}} | {{ago:1d2h|rfc822}} | {{ago:30m@+09:00|%-d %B %Y %H:%M}} JST | {{ago:2d|%A}}")
    assert sample_wire_render(sample, now=NOW).decode() == (
        "2026-03-14T06:26:00Z | Fri, 13 Mar 2026 07:26:00 GMT | 14 March 2026 17:56 JST | Thursday"
    )


@pytest.mark.parametrize("token", ["{{ago:0h}}", "{{ago:3x}}", "{{ ago }}", "{{agp:3h}}"])
def test_a_malformed_placeholder_is_refused_rather_than_left_in_the_page(tmp_path, token):
    sample = tmp_path / "sample.txt"
    sample.write_text(f"Published {token}\n")
    with pytest.raises(ValueError):
        sample_wire_render(sample, now=NOW)


# --- what ships (pure) ---


def test_the_sample_wire_is_big_and_varied_enough_for_a_real_looking_front_page():
    keys = sample_stories()
    assert sorted(keys) == sorted(STORIES), "every sample story is described in STORIES, and only those"
    assert len(keys) >= 40
    assert len({STORIES[key].section for key in keys}) >= 6
    kinds = {relative(path).split("/")[0] for path in sample_wire_files()}
    assert kinds == {"captures", "pages", "feeds"}


def test_sample_pages_use_images_shipped_with_the_package():
    images = SAMPLE_WIRE_DIR.parent / "site" / "static" / "site" / "sample"
    named = 0
    for path in sample_wire_files():
        for name in re.findall(r"\{\{images\}\}/([\w.-]+)", path.read_text(encoding="utf-8")):
            named += 1
            assert (images / name).is_file(), f"{relative(path)}: {name}"
    assert named >= 20


def test_rendered_images_point_at_the_address_the_demo_serves():
    rendered = [sample_wire_render(path, now=NOW, images_base="http://127.0.0.1:8123/static/site/sample").decode() for path in sample_wire_files()]
    assert sum("http://127.0.0.1:8123/static/site/sample/" in text for text in rendered) >= 10
    assert not any("{{images}}" in text for text in rendered)


# --- loading (database) ---


@pytest.fixture
def loaded(db):
    from newsdesk.pipeline.sample_wire import sample_wire_load

    return sample_wire_load(now=NOW)


def test_loading_the_sample_wire_creates_every_article_and_fails_none(loaded):
    from newsdesk.newsroom.models import Article, Section

    failures = [f"{result.origin}: {result.reason}: {result.message}" for result in loaded if result.status == "failed"]
    assert not failures
    assert sum(result.status == "created" for result in loaded) >= 40
    assert Article.objects.count() >= 40
    assert Section.objects.filter(articles__isnull=False).distinct().count() >= 6


def test_no_sample_article_keeps_the_source_pages_clutter(loaded):
    from newsdesk.newsroom.models import Article

    dirty = {article.headline: CLUTTER.findall(article.body_html) for article in Article.objects.all() if CLUTTER.search(article.body_html)}
    assert not dirty


def test_every_sample_story_arrives_under_the_headline_it_was_written_with(loaded):
    from newsdesk.newsroom.models import Article

    def plain(headline: str) -> str:
        return headline.replace("\u2019", "'")

    headlines = {plain(article.headline) for article in Article.objects.all()}
    assert not [key for key, written in STORIES.items() if plain(written.headline) not in headlines]


def test_the_demo_loads_the_sample_wire_once_and_refresh_redates_it(db):
    from io import StringIO

    from django.core.management import call_command

    from newsdesk.newsroom.models import Article

    out = StringIO()
    call_command("demo", "--no-serve", stdout=out)
    count = Article.objects.count()
    assert count >= 40 and "0 failed" in out.getvalue()
    call_command("demo", "--no-serve", stdout=out)
    assert Article.objects.count() == count and "already loaded" in out.getvalue()
    call_command("demo", "--no-serve", "--refresh", stdout=out)
    assert Article.objects.count() == count
