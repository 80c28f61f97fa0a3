"""The places section of the real site (plugins/orte): every number and link checked against the data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bfb_contents.front_matter import read_front_matter
from bs4 import BeautifulSoup
from orte.figures import compute_figures
from orte.loader import load_located_yaml
from orte.model import STAGES, UNKNOWN_STAGE, german_sort_key
from orte.validation import parse_place_list, validate_places

from sitetools.build import CONTENT

NEWS = CONTENT / "aktuelles"


@pytest.fixture(scope="module")
def records():
    path = CONTENT / "data" / "orte.yaml"
    data, problems = load_located_yaml(path)
    records, problems = validate_places(data, path)
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


def test_map_has_a_named_link_for_every_place_with_coordinates(dev_site, records):
    page = dev_site.page("/orte/")
    links = page.select("svg.map__svg a.map__link")
    located = {f"/orte/{r.slug}/" for r in records if r.coordinates}
    assert sorted(link["href"] for link in links) == sorted(located)
    assert all(link["aria-label"].strip() for link in links)
    missing = [a.get_text() for a in page.select(".map__missing a")]
    assert missing == sorted((r.name for r in records if not r.coordinates), key=german_sort_key)


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
        shown = dev_site.page(f"{prefix}/orte/{record.slug}/").select_one(".place__stage").get_text()
        expected = STAGES[record.status.stage] if record.status else UNKNOWN_STAGE
        assert shown.endswith(": " + expected.label(lang)), record.slug


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
