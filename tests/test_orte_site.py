"""The places section of the real site (plugins/orte): every number and link checked against the data."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from bfb_contents.front_matter import read_front_matter
from bfb_yaml.loader import load_located_yaml
from bs4 import BeautifulSoup
from orte.conftest import LANGUAGES, site_terms
from orte.figures import compute_figures
from orte.model import Measure, german_sort_key
from orte.svg_map import STEP_CLASSES, step_class
from orte.validation import parse_place_list, validate_places

from sitetools.build import CONTENT

NEWS = CONTENT / "aktuelles"


@pytest.fixture(scope="module")
def records():
    path = CONTENT / "data" / "orte.yaml"
    data, problems = load_located_yaml(path)
    records, problems = validate_places(data, path, LANGUAGES)
    assert problems == []
    return records


def news_headers() -> list[dict[str, str]]:
    return [read_front_matter(path).values() for path in sorted(NEWS.glob("*.md"))]


def test_the_data_has_the_46_places_the_association_names(records):
    assert len(records) == 46


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_one_page_per_place_in_both_languages(dev_site, records, prefix):
    for record in records:
        page = dev_site.page(f"{prefix}/orte/{record.slug}/")
        assert page.h1.get_text() == record.name


def test_place_count_on_the_overview_comes_from_the_data(dev_site, records):
    assert f"hat {len(records)} Orte" in dev_site.page("/orte/").select_one(".places__intro").get_text()
    assert f"has {len(records)} places" in dev_site.page("/en/orte/").select_one(".places__intro").get_text()


def test_overview_groups_daun_with_its_districts_then_the_ortsgemeinden(dev_site, records):
    tables = dev_site.page("/orte/").select(".places__table")
    groups = [[a.get_text() for a in table.select("tbody a")] for table in tables]
    districts = sorted((r.name for r in records if r.part_of == "daun"), key=german_sort_key)
    municipalities = sorted((r.name for r in records if r.kind == "Ortsgemeinde"), key=german_sort_key)
    assert groups == [["Daun", *districts], municipalities]
    assert groups[1].index("Üdersdorf") < groups[1].index("Udler")  # Ü sorts with U


MAP_SOURCE = "© GeoBasis-DE / BKG 2017 (Daten verändert)"
MAP_LICENCE = "Datenlizenz Deutschland – Namensnennung – Version 2.0"
# What a reader's phone loads for the overview: the page and the one stylesheet, compressed.
OVERVIEW_BUDGET_GZIP = 20 * 1024


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_map_has_a_linked_area_per_gemeinde_a_point_per_located_district_and_every_name(
    dev_site, records, prefix
):
    page = dev_site.page(f"{prefix}/orte/")
    svg = page.select_one("svg.map__svg--overview")
    areas = svg.select("a.map__area")
    gemeinden = {f"{prefix}/orte/{r.slug}/" for r in records if not r.part_of}
    assert len(gemeinden) == 38
    assert sorted(link["href"] for link in areas) == sorted(gemeinden)
    assert all(link.path and link["aria-label"].strip() for link in areas)
    located = {f"{prefix}/orte/{r.slug}/" for r in records if r.part_of and r.coordinates}
    assert sorted(link["href"] for link in svg.select("a.map__point")) == sorted(located)
    names = sorted(label.get_text() for label in svg.select("text.map__label"))
    assert names == sorted(r.name for r in records)  # all 46, each once
    unlocated = sorted(r.name for r in records if not r.coordinates)
    assert sorted(label.get_text() for label in svg.select(".map__label--unlocated")) == unlocated
    assert sorted(a.get_text() for a in page.select(".map__caption a[href*='/orte/']")) == unlocated


def recorded_text(prefix: str, count: int) -> str:
    """How the map names the number of documented steps, in words (never by colour alone)."""
    if not count:
        return "nothing recorded yet" if prefix == "/en" else "noch nichts erfasst"
    if prefix == "/en":
        return f"{count} documented step{'s' if count != 1 else ''}"
    return f"{count} belegte Schritte" if count != 1 else "1 belegter Schritt"


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_map_colours_follow_the_recorded_measures_and_the_legend_says_so_in_words(dev_site, records, prefix):
    page = dev_site.page(f"{prefix}/orte/")
    counts = {f"{prefix}/orte/{r.slug}/": len(r.measures) for r in records}
    for link in page.select("a.map__area[aria-label], a.map__point"):
        colour_class = next(name for name in link["class"] if name.startswith("map__step-"))
        assert colour_class == f"map__step-{step_class(counts[link['href']])}"
        assert link["aria-label"].endswith(f": {recorded_text(prefix, counts[link['href']])}")
    legend = page.select(".map__legend li")
    assert len(legend) == len(STEP_CLASSES) == 2  # known or not yet: no ranking by press coverage
    assert [item.get_text(strip=True) for item in legend] == (
        ["nothing recorded yet", "steps recorded"] if prefix else ["noch nichts erfasst", "Schritte erfasst"]
    )


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_map_source_is_named_under_every_map(dev_site, records, prefix):
    for path in [f"{prefix}/orte/", *(f"{prefix}/orte/{r.slug}/" for r in records)]:
        source = dev_site.page(path).select_one(".map__caption .map__source")
        assert MAP_SOURCE in source.get_text() and MAP_LICENCE in source.get_text(), path
        links = {a.get_text(): a["href"] for a in source.select("a")}
        assert links == {
            MAP_SOURCE: "https://www.bkg.bund.de",
            MAP_LICENCE: "https://www.govdata.de/dl-de/by-2-0",
        }


def test_every_place_page_has_a_small_map_with_its_gemeinde(dev_site, records):
    by_slug = {r.slug: r for r in records}
    overview_areas = {}
    for record in records:
        locator = dev_site.page(f"/orte/{record.slug}/").select_one(".map--locator svg")
        overview_areas.setdefault(record.part_of or record.slug, set()).add(
            locator.select_one(".map__current")["d"]
        )
        located = bool(record.part_of and record.coordinates)
        assert bool(locator.select("circle.map__current-point")) == located, record.name
        # Daun marked and named on every locator, and the place named where its position is known.
        assert locator.select("circle.map__landmark"), record.name
        names = [text.get_text() for text in locator.select("text.map__label")]
        assert "Daun" in names and (record.name in names or (record.part_of and not located)), record.name
    # One highlighted shape per Gemeinde: a Stadtteil shows its town's.
    assert all(len(shapes) == 1 for shapes in overview_areas.values())
    assert set(overview_areas) == {r.slug for r in records if not r.part_of}
    assert all(by_slug[slug].kind != "Stadtteil" for slug in overview_areas)


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_overview_with_its_stylesheet_stays_under_20_kb_compressed(dev_site, prefix):
    html = (dev_site.root / prefix.lstrip("/") / "orte" / "index.html").read_bytes()
    stylesheets = [
        link["href"] for link in BeautifulSoup(html, "html.parser").select('link[rel="stylesheet"]')
    ]
    assert len(stylesheets) == 1
    css = (dev_site.root / stylesheets[0].lstrip("/")).read_bytes()
    size = len(gzip.compress(html, compresslevel=6)) + len(gzip.compress(css, compresslevel=6))
    assert size < OVERVIEW_BUDGET_GZIP, f"{size} bytes"


@pytest.mark.parametrize("path", ["/orte/", "/en/orte/"])
def test_figures_match_the_data(dev_site, records, path):
    figures = compute_figures(records)
    expected = {**figures.by_stage, **figures.measures_by_type, **figures.measures_by_year}
    rows = dev_site.page(path).select(".chart__table tbody tr")
    shown = {row["data-key"]: int(row.td.get_text().replace(",", "").replace(".", "")) for row in rows}
    assert shown == expected
    charts = dev_site.page(path).select("svg.chart__svg[role=img]")
    expected_charts = bool(figures.by_stage) + bool(figures.measures_by_type) + bool(figures.measures_by_year)
    assert len(charts) == expected_charts and all(chart.title.get_text() for chart in charts)


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_a_place_shows_a_stage_only_if_the_data_records_it(dev_site, records, prefix):
    lang = "en" if prefix else "de"
    for record in records:
        shown = dev_site.page(f"{prefix}/orte/{record.slug}/").select_one(".place__stage")
        if record.status:
            assert shown.get_text().endswith(
                ": " + site_terms().label("stages", record.status.stage, lang)
            ), record.slug
        else:
            assert shown is None, record.slug


RESEARCH_NOTE_PHRASES = [
    line.strip()
    for line in (Path(__file__).parent / "data" / "research_note_phrases.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip() and not line.startswith("#")
]


def research_notes_in(text: str) -> list[str]:
    """The phrases of the list that `text` contains as whole words (any case)."""
    return [
        phrase
        for phrase in RESEARCH_NOTE_PHRASES
        if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.IGNORECASE)
    ]


def visible_text(page: BeautifulSoup) -> str:
    return " ".join(page.select_one("main").get_text(" ").split())


def place_pages(dev_site, records):
    for prefix in ("", "/en"):
        for record in records:
            yield prefix, record, dev_site.page(f"{prefix}/orte/{record.slug}/")


def test_every_place_page_offers_our_help_and_phone_before_the_first_step(dev_site, records):
    for _prefix, record, page in place_pages(dev_site, records):
        offer = page.select_one(".place__offer")
        phone = offer.select_one('a[href^="tel:+49"]')
        assert phone is not None, record.slug
        first_step = page.select_one(".place__measure") or page.select_one("#massnahmen")
        # The offer and its phone come first in the document.
        assert phone in first_step.find_all_previous("a"), record.slug


def test_every_step_names_who_took_it(dev_site, records):
    for prefix, record, page in place_pages(dev_site, records):
        lang = "en" if prefix else "de"
        actors = site_terms()["actors"]
        labels = {term.label(lang) for term in actors.values()}
        steps = page.select(".place__measure")
        assert len(steps) == len(record.measures)
        for step, measure in zip(steps, sorted(record.measures, key=Measure.newest_first_key), strict=True):
            shown = step.select_one(".place__actor").get_text(" ", strip=True).split(": ", 1)[1]
            assert shown == ", ".join(actors[actor].label(lang) for actor in measure.actors), record.slug
            assert set(shown.split(", ")) <= labels


def test_no_place_page_or_overview_shows_a_research_note(dev_site, records):
    assert "der Text der Quelle bricht an dieser Stelle ab" in RESEARCH_NOTE_PHRASES
    pages = [(record.slug, page) for _, record, page in place_pages(dev_site, records)]
    for name in ("orte", "en/orte"):
        overview = dev_site.page(f"/{name}/")
        for figure in overview.select("figure.map"):
            figure.decompose()  # the map's own legend is issue 20 item 6, worded with the map
        pages.append((name, overview))
    for name, page in pages:
        assert research_notes_in(visible_text(page)) == [], name
    assert research_notes_in("Ob er gebaut wurde, ist nicht belegt.") != []  # the search finds what it should
    assert research_notes_in("verschlossen, another step") == []  # and only whole words


def test_the_notes_of_the_data_stay_in_the_data(dev_site, records):
    notes = [record.note for record in records if record.note]
    notes += [measure.note for record in records for measure in record.measures if measure.note]
    assert len(notes) >= 10  # the research notes moved out of the texts
    for _, record, page in place_pages(dev_site, records):
        text = visible_text(page)
        assert not [note for note in notes if note in text], record.slug


def test_no_step_cites_a_campaign_website(dev_site, records):
    hosts = {source.url.split("/")[2] for record in records for m in record.measures for source in m.sources}
    assert not [host for host in hosts if "jenssen" in host]


def test_no_page_says_a_place_has_not_started_or_counts_zero_caring_communities(dev_site, records):
    recorded = {record.status.stage for record in records if record.status}
    for file in Path(dev_site.root).rglob("*.html"):
        text = " ".join(BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser").get_text(" ").split())
        assert not re.search(r"\b0 (Sorgende Gemeinschaft|caring communit)", text), file
        if "noch-nicht-begonnen" not in recorded:
            assert "noch nicht begonnen" not in text and "not yet started" not in text, file


def test_at_least_twenty_places_show_sourced_steps_each_with_a_link(dev_site, records):
    with_steps = [record for record in records if record.measures]
    assert len(with_steps) >= 20
    for prefix in ("", "/en"):
        for record in with_steps:
            page = dev_site.page(f"{prefix}/orte/{record.slug}/")
            steps = page.select(".place__measure")
            assert len(steps) == len(record.measures)
            for step in steps:
                links = [a["href"] for a in step.select(".place__sources a")]
                assert links and all(re.match(r"https?://", href) for href in links)


def test_overview_names_every_place_without_steps_and_invites_to_write(dev_site, records):
    for prefix, contact in (("", "/kontakt/"), ("/en", "/en/kontakt/")):
        section = dev_site.page(f"{prefix}/orte/").select_one(".places__invitation")
        without = sorted((r.name for r in records if not r.measures), key=german_sort_key)
        if not without:
            assert section is None
            continue
        assert [a.get_text() for a in section.select(".places__list a")] == without
        assert section.select_one(".place__contact-link")["href"] == contact


def test_districts_link_back_to_daun_and_daun_lists_them(dev_site, records):
    daun = dev_site.page("/orte/daun/")
    districts = sorted((r.name for r in records if r.part_of == "daun"), key=german_sort_key)
    assert [a.get_text() for a in daun.select(".place__parts a")] == districts
    for record in records:
        if record.part_of == "daun":
            page = dev_site.page(f"/orte/{record.slug}/")
            assert page.select_one(".place__kind a")["href"] == "/orte/daun/"


def test_news_and_places_link_each_other(dev_site):
    german_news = [header for header in news_headers() if header.get("lang") == "de" and header.get("orte")]
    assert german_news, "the content has news items with `Orte:`"
    for header in german_news:
        article = dev_site.page(f"/aktuelles/{header['slug']}/")
        slugs = parse_place_list(header["orte"])
        assert [a["href"] for a in article.select(".places-in-article a")] == [f"/orte/{s}/" for s in slugs]
        if header.get("status", "published") == "published":
            for slug in slugs:
                place = dev_site.page(f"/orte/{slug}/")
                assert f"/aktuelles/{header['slug']}/" in [a["href"] for a in place.select(".news-list a")]


def test_language_switcher_leads_to_the_same_place(dev_site):
    page = dev_site.page("/en/orte/gillenfeld/")
    assert page.select_one('.language-switcher a[hreflang="de"]')["href"] == "/orte/gillenfeld/"
    german = dev_site.page("/orte/gillenfeld/")
    assert german.select_one('link[hreflang="en"]')["href"] == "/en/orte/gillenfeld/"


def test_place_pages_have_no_inline_styles_and_load_nothing_from_elsewhere(dev_site):
    files = [*Path(dev_site.root, "orte").rglob("*.html"), *Path(dev_site.root, "en", "orte").rglob("*.html")]
    for file in files:
        html = file.read_text(encoding="utf-8")
        assert " style=" not in html, file
        # Maps and charts are drawn into the page: no tiles, images or scripts from any host.
        assert not re.search(r'\ssrc="(https?:)?//', html), file
