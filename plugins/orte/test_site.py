"""The plugin inside a real Pelican build of a tiny site with invented places (see conftest.py)."""

import json
import re
from pathlib import Path

import pytest
from bfb_yaml.loader import load_located_yaml
from bs4 import Comment

from orte.conftest import FIXTURES, LANGUAGES, TinySite, build_tiny_site, tiny_content
from orte.validation import validate_places


def test_one_page_per_place_in_both_languages(tiny_site):
    for prefix in ("", "en/"):
        pages = sorted(path.parent.name for path in (tiny_site.output / prefix / "orte").glob("*/index.html"))
        assert pages == ["altstadt", "nordteil", "suedteil", "udenheim", "ueberdorf", "zettingen"]


def test_place_page_shows_facts_measures_body_and_news(tiny_site):
    page = tiny_site.page("/orte/ueberdorf/")
    assert page.h1.get_text() == "Überdorf"
    assert "1.100" in page.select_one(".place__facts").get_text()
    assert "31.\u00a0Dezember\u00a02021" in page.select_one(".place__facts").get_text()
    assert page.select_one(".place__stage").get_text() == "Stand: Sorgende Gemeinschaft"
    assert (
        page.select_one(".place__stage-source").get_text() == "festgestellt von: Mitgliederversammlung, 2026"
    )
    assert [h.get_text() for h in page.select(".place__measure-title")] == [
        "Dorfwerkstatt Überdorf",  # newest first, undated last
        "Spielgruppe für Jung und Alt",
        "Bücherzelle am Dorfplatz",
    ]
    assert page.select_one(".place__text strong").get_text() == "mitten"
    assert page.select_one(".news-list a")["href"] == "/aktuelles/testmeldung/"
    assert page.select_one("#mitmachen").find_parent("section").a["href"] == "/kontakt/"


def sections_in_order(page) -> list[str]:
    return [heading["id"] for heading in page.select("article.place h2[id]")]


@pytest.mark.parametrize("path", ["/orte/ueberdorf/", "/en/orte/ueberdorf/", "/orte/zettingen/"])
def test_place_page_offers_our_help_and_phone_first_then_bus_steps_and_news(tiny_site, path):
    page = tiny_site.page(path)
    assert sections_in_order(page) == ["hilfe", "buergerbus", "massnahmen", "meldungen", "mitmachen"]
    offer = page.select_one(".place__offer")
    phone = offer.select_one('a[href^="tel:"]')
    assert phone["href"] == "tel:+4965929263198"  # ASSOCIATION's number, always in the +49 form
    assert phone.get_text() == ("+49 6592 9263198" if path.startswith("/en/") else "06592 9263198")
    assert offer.select(".place__sources cite")  # what we offer, with its sources


def test_the_bus_section_tells_the_past_with_dates_and_gives_the_phone_for_today(tiny_site):
    german = tiny_site.page("/orte/ueberdorf/").select_one(".place__bus").get_text(" ", strip=True)
    assert (
        "Ab Januar 2017 fuhr der Bürgerbus jedes Dorf der Verbandsgemeinde einmal in der Woche an" in german
    )
    assert "Im März 2020 stellten wir die Fahrten mit Fahrgästen vorübergehend ein." in german
    assert "Ob und wie der Bus heute fährt: 06592 9263198" in german
    english = tiny_site.page("/en/orte/ueberdorf/").select_one(".place__bus")
    assert "Whether and how the bus runs today: +49 6592 9263198" in english.get_text(" ", strip=True)
    assert english.select_one('a[href^="tel:"]')["href"] == "tel:+4965929263198"


def test_every_step_names_who_took_it_in_the_page_language(tiny_site):
    for path, expected in (
        (
            "/orte/altstadt/",
            ["Wer: Jugendpflege der Verbandsgemeinde", "Wer: Stadt Daun, Verbandsgemeinde Daun (WEGE-Büro)"],
        ),
        (
            "/en/orte/altstadt/",
            [
                "By: Youth work of the joint municipal authority",
                "By: Town of Daun, Joint municipal authority (WEGE office)",
            ],
        ),
    ):
        page = tiny_site.page(path)
        steps = page.select(".place__measure")
        assert [step.select_one(".place__actor").get_text(" ", strip=True) for step in steps] == expected


def test_notes_in_the_data_are_never_shown(tiny_site):
    for path in (
        "/orte/ueberdorf/",
        "/en/orte/ueberdorf/",
        "/orte/udenheim/",
        "/en/orte/udenheim/",
        "/orte/",
    ):
        text = (tiny_site.output / path.lstrip("/") / "index.html").read_text(encoding="utf-8")
        assert "wissen wir für diese Seite nicht" not in text
        assert "Den genauen Tag der Wahl nennen die Quellen nicht" not in text


def test_every_measure_shows_its_date_as_precise_as_known_and_links_its_sources(tiny_site):
    page = tiny_site.page("/orte/altstadt/")
    metas = [meta.get_text(" ", strip=True) for meta in page.select(".place__measure-meta")]
    assert metas == ["Jugendforum, 7.\u00a0März\u00a02023", "Zukunftskonferenz, 2019"]
    assert page.select_one(".place__measure-meta time")["datetime"] == "2023-03-07"
    first = page.select_one(".place__measure")
    links = first.select(".place__sources a")
    assert [link["href"] for link in links] == [
        "https://altstadt.example/jugendforum",
        "https://anzeiger.example/jugend?teil=1&seite=2",
    ]
    assert links[0].get_text() == "Stadt Altstadt: Jugendforum"
    assert "(8.\u00a0März\u00a02023)" in first.select_one(".place__sources").get_text()
    inferred = tiny_site.page("/orte/nordteil/").select_one(".place__measure-meta").get_text()
    assert inferred == "Dorfwerkstatt, um\u00a02024"
    # A step of no telling type and without a date has no line for them; who took it is still said.
    last = tiny_site.page("/orte/ueberdorf/").select(".place__measure")[-1]
    assert last.select_one(".place__measure-meta") is None
    assert last.select_one(".place__actor").get_text(" ", strip=True) == "Wer: Menschen aus dem Ort"


def test_an_unknown_status_is_not_shown_at_all(tiny_site):
    for path in ("/orte/udenheim/", "/en/orte/udenheim/"):
        page = tiny_site.page(path)
        assert page.select_one(".place__stage") is None
        assert page.select_one(".place__stage-source") is None
        text = page.get_text(" ", strip=True)
        assert "noch nicht erfasst" not in text and "not yet recorded" not in text


def test_place_without_measures_says_nothing_is_recorded_not_that_nothing_happened(tiny_site):
    text = tiny_site.page("/orte/zettingen/").select_one("#massnahmen").parent.get_text(" ", strip=True)
    assert "Aus Zettingen haben wir bisher keinen Schritt in öffentlichen Quellen gefunden." in text
    assert "Erzählen Sie es uns" in text


def test_english_place_page_uses_english_labels_texts_and_body(tiny_site):
    page = tiny_site.page("/en/orte/ueberdorf/")
    assert page.select_one(".place__stage").get_text() == "Status: caring community"
    assert "1,100" in page.select_one(".place__facts").get_text()
    assert page.select_one(".place__text strong").get_text() == "middle"
    assert page.select_one(".place__measure-meta").get_text() == "Village workshop, 2020"
    assert page.select_one(".place__measure-title").get_text() == "Village workshop in Überdorf"
    assert page.select_one(".place__measure-title span").get("lang") is None
    assert page.select_one(".news-list a")["href"] == "/en/news/testmeldung/"
    altstadt = tiny_site.page("/en/orte/altstadt/")
    assert altstadt.select_one(".place__measure-meta").get_text() == "Youth forum, 7\u00a0March\u00a02023"
    # The same sources as on the German page; their titles are German and marked so.
    sources = altstadt.select_one(".place__measure .place__sources")
    assert sources.a["href"] == "https://altstadt.example/jugendforum"
    assert sources.cite["lang"] == "de" and sources.a.span["lang"] == "de"  # title and publisher


def test_untranslated_measure_is_shown_in_german_and_marked_as_german(tiny_site):
    page = tiny_site.page("/en/orte/nordteil/")
    title = page.select_one(".place__measure-title span")
    assert title.get_text() == "Dorfwerkstatt: Ideen sammeln"
    assert title["lang"] == "de"
    assert page.select_one(".place__measure-meta").get_text() == "Village workshop, around\u00a02024"


def test_place_pages_link_to_their_translation(tiny_site):
    german = tiny_site.page("/orte/nordteil/")
    english = tiny_site.page("/en/orte/nordteil/")
    assert german.select_one('link[hreflang="en"]')["href"] == "/en/orte/nordteil/"
    assert english.select_one('.language-switcher a[hreflang="de"]')["href"] == "/orte/nordteil/"


def test_town_lists_its_districts_and_districts_link_back(tiny_site):
    town = tiny_site.page("/orte/altstadt/")
    assert [a.get_text() for a in town.select(".place__parts a")] == ["Nordteil", "Südteil"]
    district = tiny_site.page("/orte/nordteil/")
    assert district.select_one(".place__kind a")["href"] == "/orte/altstadt/"
    assert [a.get_text() for a in district.select(".breadcrumbs a")] == ["Start", "Orte", "Altstadt"]


def test_district_without_coordinates_shows_its_town_and_no_invented_point(tiny_site):
    page = tiny_site.page("/orte/suedteil/")
    locator = page.select_one(".map--locator")
    assert locator.select(".map__current") and not locator.select("circle.map__current-point")
    assert "Die genaue Lage von Südteil ist hier nicht erfasst" in locator.figcaption.get_text()
    # No name without a position: only the landmark town is named.
    assert [text.get_text() for text in locator.select("text.map__label")] == ["Altstadt"]
    located = tiny_site.page("/orte/nordteil/").select_one(".map--locator")
    assert located.select_one(".map__current")["d"] == locator.select_one(".map__current")["d"]  # Altstadt
    assert located.select("circle.map__current-point")
    assert [text.get_text() for text in located.select("text.map__label")] == ["Altstadt", "Nordteil"]


def test_every_locator_marks_and_names_the_landmark_town_and_names_the_place(tiny_site):
    for path, names in (
        ("/orte/ueberdorf/", ["Altstadt", "Überdorf"]),
        ("/orte/altstadt/", ["Altstadt"]),
        ("/en/orte/zettingen/", ["Altstadt", "Zettingen"]),
    ):
        locator = tiny_site.page(path).select_one(".map--locator svg")
        assert locator.select("circle.map__landmark"), path
        assert sorted(text.get_text() for text in locator.select("text.map__label")) == names


def test_every_place_page_names_the_map_source(tiny_site):
    for path in ("/orte/ueberdorf/", "/en/orte/ueberdorf/", "/orte/suedteil/"):
        source = tiny_site.page(path).select_one(".map--locator .map__source")
        assert "© GeoBasis-DE / BKG 2017 (Daten verändert)" in source.get_text()


def test_news_item_links_to_its_places(tiny_site):
    page = tiny_site.page("/aktuelles/testmeldung/")
    assert [a["href"] for a in page.select(".places-in-article a")] == ["/orte/ueberdorf/", "/orte/nordteil/"]
    assert [a["href"] for a in tiny_site.page("/en/news/testmeldung/").select(".places-in-article a")] == [
        "/en/orte/ueberdorf/"
    ]


def test_overview_groups_and_sorts_in_german_order(tiny_site):
    page = tiny_site.page("/orte/")
    groups = [[a.get_text() for a in table.select("tbody a")] for table in page.select(".places__table")]
    assert groups == [["Altstadt", "Nordteil", "Südteil"], ["Überdorf", "Udenheim", "Zettingen"]]


def test_overview_map_links_every_gemeinde_area_and_district_point(tiny_site):
    page = tiny_site.page("/orte/")
    areas = page.select("svg.map__svg--overview a.map__area")
    assert sorted(link["href"] for link in areas) == [
        f"/orte/{slug}/" for slug in ("altstadt", "udenheim", "ueberdorf", "zettingen")
    ]
    assert [link["href"] for link in page.select("svg.map__svg--overview a.map__point")] == [
        "/orte/nordteil/"
    ]
    labels = {link["href"]: link["aria-label"] for link in areas}
    data, _ = load_located_yaml(FIXTURES / "orte.yaml")
    steps = {
        record.slug: len(record.measures)
        for record in validate_places(data, FIXTURES / "orte.yaml", LANGUAGES)[0]
    }
    assert steps["ueberdorf"] > 1 and steps["udenheim"] == 0
    assert labels["/orte/ueberdorf/"] == f"Überdorf: {steps['ueberdorf']} belegte Schritte"
    assert labels["/orte/udenheim/"] == "Udenheim: noch nichts erfasst"
    everything = sorted(["Altstadt", "Nordteil", "Südteil", "Überdorf", "Udenheim", "Zettingen"])
    names = sorted(text.get_text() for text in page.select("svg.map__svg--overview .map__label"))
    assert names == everything
    assert [text.get_text() for text in page.select(".map__svg--overview .map__label--unlocated")] == [
        "Südteil"
    ]
    # The strips for phones: every name in exactly one strip, every area one tab stop in one strip.
    strips = page.select("svg.map__svg--region")
    assert len(strips) == 2
    assert sorted(text.get_text() for strip in strips for text in strip.select(".map__label")) == everything
    tab_stops = [
        link["href"]
        for strip in strips
        for link in strip.select("a.map__area")
        if link.get("tabindex") != "-1"
    ]
    assert sorted(tab_stops) == sorted(
        link["href"] for link in page.select(".map__svg--overview a.map__area")
    )
    assert all(
        use["href"].startswith("#gebiet-") for strip in strips for use in strip.select("a.map__area use")
    )
    assert [a.get_text() for a in page.select(".map__caption a[href^='/orte/']")] == ["Südteil"]


def test_overview_figures_come_from_the_data(tiny_site):
    page = tiny_site.page("/en/orte/")
    rows = {row["data-key"]: row.td.get_text() for row in page.select(".chart__table tbody tr")}
    assert rows["auf-dem-weg"] == "1"
    assert rows["dorfwerkstatt"] == "2"
    assert "seniorenbeauftragte" not in rows  # no documented step of a type is not "0"
    assert rows["2023"] == "1" and rows["2024"] == "1"  # "around 2024" counts to 2024
    assert rows["ohne-datum"] == "1"
    assert "6 places" in page.select_one(".places__intro").get_text()
    assert page.select("svg.chart__svg rect.chart__bar")  # the chart draws bars for non-zero counts
    assert "For 3 places the association has assessed how far they are" in page.get_text(" ", strip=True)


def test_overview_lists_each_place_with_its_latest_step(tiny_site):
    rows = {
        row.th.a.get_text(): row.td.get_text(" ", strip=True)
        for row in tiny_site.page("/orte/").select(".places__table tbody tr")
    }
    assert rows["Altstadt"] == "Jugendforum im Rathaus (7.\u00a0März\u00a02023)"
    assert rows["Überdorf"] == "Dorfwerkstatt Überdorf (2020)"
    assert rows["Udenheim"] == "noch nichts erfasst"


def test_overview_lists_places_with_nothing_recorded_and_invites_to_tell(tiny_site):
    for path, invitation, contact in (
        ("/orte/", "Sie wissen mehr über Ihren Ort? Schreiben Sie uns", "/kontakt/"),
        ("/en/orte/", "Do you know more about your village? Write to us", "/en/kontakt/"),
    ):
        section = tiny_site.page(path).select_one(".places__invitation")
        assert [a.get_text() for a in section.select(".places__list a")] == [
            "Südteil",
            "Udenheim",
            "Zettingen",
        ]
        link = section.select_one(".place__contact-link")
        assert link.get_text() == invitation
        assert link["href"] == contact


def failed_build(tmp_path: Path, data: str | None = None) -> str:
    tiny_content(tmp_path, data)
    site = build_tiny_site(tmp_path)
    assert site.returncode == 1, site.stderr
    assert "Traceback" not in site.stderr
    # Nothing is written: neither the places nor anything else.
    assert not any(path.is_file() for path in site.output.rglob("*")) if site.output.exists() else True
    return site.stderr


def test_bad_data_stops_the_build_with_every_problem_and_writes_nothing(tmp_path):
    data = (FIXTURES / "orte.yaml").read_text(encoding="utf-8")
    data = data.replace("stage: auf-dem-weg", "stage: fertig").replace("lat: 50.11", "lat: 51.11")
    errors = failed_build(tmp_path, data)
    assert "2 Probleme gefunden" in errors
    assert "content/data/orte.yaml:11: Unbekannter Wert „fertig“ für „stage“." in errors
    assert "Betrifft: Altstadt, Stand, Feld „stage“" in errors
    assert "außerhalb der Verbandsgemeinde Daun" in errors


def test_yaml_syntax_error_stops_the_build(tmp_path):
    data = (FIXTURES / "orte.yaml").read_text(encoding="utf-8").replace("  kind: Stadt\n", "  kind: [Stadt\n")
    errors = failed_build(tmp_path, data)
    assert "content/data/orte.yaml:" in errors
    assert "kein gültiges YAML" in errors


def test_unknown_place_in_news_and_body_file_are_reported_with_data_problems(tmp_path):
    content = tiny_content(tmp_path)
    # Each language site reads only its own files, and the German one runs first: the
    # German news item carries the mistake (bfb_content_check finds it in every language).
    news = content / "aktuelles" / "2024-05-01-testmeldung.md"
    news.write_text(news.read_text().replace("Orte: ueberdorf", "Orte: uberdorf"))
    (content / "orte" / "nirgendwo.md").write_text("Text.\n")
    (content / "orte" / "zettingen.md").write_text("Lang: en\n\nText.\n")
    data = content / "data" / "orte.yaml"
    data.write_text(data.read_text().replace("type: jugendforum", "type: jugendtreff"))
    site = build_tiny_site(tmp_path)
    assert site.returncode == 1
    assert "4 Probleme gefunden" in site.stderr
    expected = "content/orte/zettingen.md:1: Nach ihrem Namen gehört die Datei zur Sprache „Deutsch“"
    assert expected in site.stderr
    assert "content/aktuelles/2024-05-01-testmeldung.md:6: „Orte:“ nennt „uberdorf“" in site.stderr
    assert "Meinten Sie „ueberdorf“?" in site.stderr
    assert "content/orte/nirgendwo.md: Zu dieser Datei gibt es keinen Ort „nirgendwo“." in site.stderr
    assert "Unbekannter Wert „jugendtreff“" in site.stderr
    assert "Traceback" not in site.stderr


def test_a_draft_naming_an_unknown_place_is_built_with_it_in_its_to_do_box(tmp_path):
    content = tiny_content(tmp_path)
    (content / "aktuelles" / "2024-06-01-entwurf.md").write_text(
        "Title: Entwurf aus Überdorf\nDate: 2024-06-01\nSlug: entwurf\nLang: de\nStatus: draft\n"
        "Summary: Ein Entwurf, der einen Ort nennt, den es nicht gibt.\nOrte: ueberdorf, uberdorf\n\nText.\n",
        encoding="utf-8",
    )
    site = build_tiny_site(tmp_path)
    assert site.returncode == 0, site.stderr
    box = site.page("/entwuerfe/entwurf/").select_one(".todo-box").get_text()
    assert "„Orte:“ nennt „uberdorf“" in box
    news = [a["href"] for a in site.page("/orte/ueberdorf/").select(".news-list a")]
    assert news == ["/aktuelles/testmeldung/"]  # a draft is no news of its places yet


# --- Everything from the data file is escaped for where it ends up --------------------------

# Short enough for a strip of the phone map (svg_map.REGIONS), which stops the build for a
# name wider than a phone.
HOSTILE_NAME = 'Ü<script>x()</script> & "S"'
HOSTILE_TITLE = "<b>Fett</b> & 'Spiel' <!-- Kommentar -->"
HOSTILE_PUBLISHER = '<img src=x onerror="alert(1)">Anzeiger'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> TinySite:
    """The tiny site with markup and quotes in a name, a title, a source and a contact."""
    data = (FIXTURES / "orte.yaml").read_text(encoding="utf-8")
    data = data.replace("- name: Überdorf", f"- name: '{HOSTILE_NAME}'")
    data = data.replace("title: Spielgruppe für Jung und Alt", f'title: "{HOSTILE_TITLE}"')
    data = data.replace("publisher: Gemeinde Überdorf", f"publisher: '{HOSTILE_PUBLISHER}'", 1)
    data = data.replace("role: Stadtverwaltung", "role: 'Stadt\"verwaltung <i>'")
    folder = tmp_path_factory.mktemp("orte-hostile")
    tiny_content(folder, data)
    boundaries = folder / "grenzen.geojson"  # the map's area carries the same name
    boundaries.write_text(
        boundaries.read_text(encoding="utf-8").replace('"Überdorf"', json.dumps(HOSTILE_NAME)),
        encoding="utf-8",
    )
    site = build_tiny_site(folder)
    assert site.returncode == 0, site.stderr
    return site


@pytest.mark.parametrize(
    "path",
    ["/orte/", "/orte/ueberdorf/", "/orte/altstadt/", "/en/orte/ueberdorf/", "/aktuelles/testmeldung/"],
)
def test_markup_in_the_data_never_becomes_markup_in_a_page(hostile_site, path):
    page = hostile_site.page(path)
    assert page.select("main script, main b, main img, main i") == []
    assert not page.find_all(string=lambda text: isinstance(text, Comment) and "Kommentar" in text)


def test_data_text_arrives_as_written_in_text_attributes_svg_and_meta(hostile_site):
    page = hostile_site.page("/orte/ueberdorf/")
    assert page.h1.get_text() == HOSTILE_NAME
    assert page.title.get_text().startswith(HOSTILE_NAME)
    assert page.find("meta", attrs={"name": "description"})["content"].startswith(HOSTILE_NAME)
    assert page.select_one(".breadcrumbs [aria-current]").get_text() == HOSTILE_NAME
    assert HOSTILE_TITLE in [h.get_text() for h in page.select(".place__measure-title")]
    assert f"{HOSTILE_PUBLISHER}: Spielen verbindet" in [
        a.get_text() for a in page.select(".place__sources a")
    ]
    assert page.select_one("svg title").get_text() == f"Lage von {HOSTILE_NAME} in der Verbandsgemeinde Daun"
    overview = hostile_site.page("/orte/")
    labels = [link["aria-label"] for link in overview.select("svg a.map__area[aria-label]")]
    assert any(label.startswith(HOSTILE_NAME) for label in labels)
    assert HOSTILE_NAME in [text.get_text() for text in overview.select("svg text.map__label")]
    assert HOSTILE_NAME in [text.get_text() for text in page.select(".map--locator text.map__label")]
    assert HOSTILE_NAME in [a.get_text() for a in overview.select(".places__table a")]
    contact = hostile_site.page("/orte/altstadt/").select_one(".place__facts").get_text()
    assert 'Stadt"verwaltung <i>' in contact
    news = hostile_site.page("/aktuelles/testmeldung/")
    assert HOSTILE_NAME in [a.get_text() for a in news.select(".places-in-article a")]


# --- What the overview says with complete and with incomplete data -------------------------


def with_statuses(data: str, recorded: bool) -> str:
    """The fixture data with no recorded status at all, or with one recorded for every place."""
    data = re.sub(r"  status:\n(    .*\n)+", "", data)
    if not recorded:
        return data
    status = "  status:\n    stage: erste-schritte\n    decided_by: Vorstand\n    date: 2026-11\n"
    return re.sub(r"(?m)^(  kind: .*\n)", lambda match: match.group(1) + status, data)


@pytest.fixture(scope="module", params=[False, True], ids=["no-status-recorded", "every-status-recorded"])
def status_site(request, tmp_path_factory) -> tuple[bool, TinySite]:
    data = with_statuses((FIXTURES / "orte.yaml").read_text(encoding="utf-8"), recorded=request.param)
    folder = tmp_path_factory.mktemp("orte-status")
    tiny_content(folder, data)
    site = build_tiny_site(folder)
    assert site.returncode == 0, site.stderr
    return request.param, site


def test_overview_says_how_many_statuses_are_recorded_and_never_counts_unknown_as_zero(status_site):
    recorded, site = status_site
    text = site.page("/orte/").select_one("main").get_text(" ", strip=True)
    assert not re.search(r"\b0 Sorgende Gemeinschaft", text)
    assert "noch nicht begonnen" not in text
    if recorded:
        assert "Für 6 Orte hat der Verein festgestellt, wie weit sie sind" in text
        rows = {
            row["data-key"]: row.td.get_text()
            for row in site.page("/orte/").select("#stand-titel ~ table tr[data-key]")
        }
        assert rows == {"erste-schritte": "6"}
        assert all(
            row.select("td")[-1].get_text() == "erste Schritte"
            for row in site.page("/orte/").select(".places__table tbody tr")
        )
    else:
        assert "Wie weit ein Ort auf dem Weg zur Sorgenden Gemeinschaft ist, zeigt die Liste nicht." in text
        assert "hat der Verein festgestellt" not in text
        assert site.page("/orte/").select_one("#stand-titel") is None  # no chart of stages nobody recorded
        assert "Stand" not in [th.get_text() for th in site.page("/orte/").select(".places__table thead th")]


def test_place_pages_show_a_stage_only_where_one_is_recorded(status_site):
    recorded, site = status_site
    for slug in ("altstadt", "udenheim"):
        stage = site.page(f"/orte/{slug}/").select_one(".place__stage")
        assert (stage.get_text() if stage else None) == ("Stand: erste Schritte" if recorded else None)


def fixture_without_source_of_the_bookshelf(data: str) -> str:
    return data.replace(
        "      source:\n        publisher: Gemeinde Überdorf\n        title: Neues vom Dorfplatz\n"
        "        url: https://ueberdorf.example/dorfplatz\n",
        "",
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            fixture_without_source_of_the_bookshelf,
            [
                "1 Problem gefunden",
                "content/data/orte.yaml:107: Die Maßnahme hat keine Quelle („source“).",
                "Betrifft: Überdorf, Maßnahme 3",
                "So beheben: Unter der Maßnahme eintragen, wo sie öffentlich nachzulesen ist:",
            ],
        ),
        (lambda data: "", ["content/data/orte.yaml: Die Datei ist leer", "git checkout"]),
        (
            lambda data: data.replace("- name: Altstadt", "- name: &stadt Altstadt").replace(
                "part_of: Altstadt", "part_of: *stadt", 1
            ),
            [
                "2 Probleme gefunden",
                "content/data/orte.yaml:3: Hier steht ein YAML-Verweis („&stadt“)",
                "orte.yaml:50:",
            ],
        ),
        (
            lambda data: data.replace("      actor: jugendpflege\n", ""),
            [
                "1 Problem gefunden",
                "content/data/orte.yaml:29: Bei der Maßnahme fehlt, wer sie gemacht hat (Feld „actor“).",
                "Betrifft: Altstadt, Maßnahme 2",
                "So beheben: Unter der Maßnahme eintragen, wer den Schritt gemacht hat",
                "(technical: measure without actor)",
            ],
        ),
        (
            lambda data: data.replace("actor: jugendpflege", "actor: jugendpfleger"),
            [
                "1 Problem gefunden",
                "content/data/orte.yaml:30: Unbekannter Wert „jugendpfleger“ für „actor“.",
                "Meinten Sie „jugendpflege“?",
                "(technical: unknown actor 'jugendpfleger')",
            ],
        ),
        (
            lambda data: data.replace("  kind: Stadt\n", "  kind: Stadt\n  part_of: Nordteil\n"),
            ["„part_of“ bildet einen Kreis: Altstadt → Nordteil → Altstadt"],
        ),
        (
            lambda data: data.replace("url: https://anzeiger.example/zukunft", "url: javascript:alert(1)"),
            ["„javascript:alert(1)“ ist keine erlaubte Internetadresse."],
        ),
    ],
    ids=[
        "missing-source",
        "empty-file",
        "alias",
        "missing-actor",
        "unknown-actor",
        "part-of-cycle",
        "javascript-link",
    ],
)
def test_refused_data_stops_the_build_with_a_german_message(tmp_path, change, expected):
    errors = failed_build(tmp_path, change((FIXTURES / "orte.yaml").read_text(encoding="utf-8")))
    for line in expected:
        assert line in errors


def test_the_overview_names_an_unassessed_status_plainly_where_others_are_recorded(tiny_site):
    for path, unknown in (("/orte/", "nicht festgestellt"), ("/en/orte/", "not assessed")):
        rows = tiny_site.page(path).select(".places__table tbody tr")
        status = {row.th.a.get_text(): row.select("td")[-1].get_text() for row in rows}
        assert status["Udenheim"] == unknown
        assert status["Überdorf"] in ("Sorgende Gemeinschaft", "caring community")


def test_german_names_in_english_texts_are_marked_german_and_everything_is_escaped(tiny_site):
    (title,) = [
        h
        for h in tiny_site.page("/en/orte/ueberdorf/").select(".place__measure-title")
        if "Play" in h.get_text()
    ]
    assert title.get_text() == "Play group “Jung trifft Alt” <for all>"
    assert title.select_one('span[lang="de"]').get_text() == "Jung trifft Alt"


FRENCH = {
    "suffix": ".fr",
    "locale": "fr",
    "html_lang": "fr",
    "hreflang": "fr",
    "catalogue": None,  # the templates' own words: this test looks at the places' data only
    "search": "fr",
    "label": "Français",
}
WITH_FRENCH = f"""
from pelicanconf import other_language_files
SITE_LANGUAGES = {{**SITE_LANGUAGES, "fr": {FRENCH!r}}}
LANGUAGE_NAMES = {{key: row["label"] for key, row in SITE_LANGUAGES.items()}}
IGNORE_FILES = [*CONTENT_IGNORE_FILES, *other_language_files(DEFAULT_LANG, SITE_LANGUAGES)]
I18N_SUBSITES = language_subsites(languages=SITE_LANGUAGES)
"""


def test_a_third_language_in_a_copy_of_the_table_gets_place_pages_from_the_data_alone(tmp_path):
    """Only the table (settings), the data's `fr:` texts and the terms' `fr:` labels change."""
    data = (FIXTURES / "orte.yaml").read_text(encoding="utf-8")
    data = data.replace(
        "      en:\n        title: Village workshop in Überdorf\n",
        "      en:\n        title: Village workshop in Überdorf\n"
        "      fr:\n        title: Atelier du village „Überdorf“\n",
    )
    content = tiny_content(tmp_path, data)
    terms = content / "data" / "orte-begriffe.yaml"
    labels = re.sub(
        r"^(    en: (.*))$", r"\1\n    fr: \2 (fr)", terms.read_text(encoding="utf-8"), flags=re.M
    )
    terms.write_text(labels, encoding="utf-8")
    site = build_tiny_site(tmp_path, WITH_FRENCH)
    assert site.returncode == 0, site.stderr
    page = site.page("/fr/orte/ueberdorf/")
    assert page.html["lang"] == "fr"
    titles = {h.get_text(): h.span.get("lang") for h in page.select(".place__measure-title")}
    # Translated: French, its „name“ marked German; untranslated: the German text, marked German.
    assert titles == {
        "Atelier du village “Überdorf”": None,
        "Spielgruppe für Jung und Alt": "de",
        "Bücherzelle am Dorfplatz": "de",
    }
    (workshop,) = [step for step in page.select(".place__measure") if "Atelier" in step.h3.get_text()]
    assert workshop.select_one(".place__actor").get_text(" ", strip=True).endswith(": Our association (fr)")
    assert workshop.select_one('.place__measure-title span span[lang="de"]').get_text() == "Überdorf"
    # The other languages are unchanged: English shows its own text, German the original.
    english = {h.get_text() for h in site.page("/en/orte/ueberdorf/").select(".place__measure-title")}
    assert "Village workshop in Überdorf" in english
