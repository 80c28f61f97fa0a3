"""The plugin inside a real Pelican build of a tiny site with invented places (see conftest.py)."""

from pathlib import Path

from orte.conftest import FIXTURES, build_tiny_site, tiny_content
from orte.loader import load_located_yaml
from orte.validation import validate_places


def test_one_page_per_place_in_both_languages(tiny_site):
    for prefix in ("", "en/"):
        pages = sorted(path.parent.name for path in (tiny_site.output / prefix / "orte").glob("*/index.html"))
        assert pages == ["altstadt", "nordteil", "suedteil", "udenheim", "ueberdorf", "zettingen"]


def test_place_page_shows_facts_measures_body_and_news(tiny_site):
    page = tiny_site.page("/orte/ueberdorf/")
    assert page.h1.get_text() == "Überdorf"
    assert "1.100" in page.select_one(".place__facts").get_text()
    assert "31.\u00a0Dezember\u00a02021" in page.select_one(".place__date").get_text()
    assert page.select_one(".place__stage").get_text() == "Sorgende Gemeinschaft"
    assert [h.get_text() for h in page.select(".place__measure-title")] == [
        "Dorfwerkstatt Überdorf",  # newest first
        "Spielgruppe für Jung und Alt",
    ]
    assert page.select_one(".place__text strong").get_text() == "mitten"
    assert page.select_one(".news-list a")["href"] == "/aktuelles/testmeldung/"
    assert page.select_one(".place__invitation a")["href"] == "/kontakt/"


def test_english_place_page_uses_english_labels_and_body(tiny_site):
    page = tiny_site.page("/en/orte/ueberdorf/")
    assert page.select_one(".place__stage").get_text() == "caring community"
    assert "1,100" in page.select_one(".place__facts").get_text()
    assert page.select_one(".place__text strong").get_text() == "middle"
    assert page.select_one(".place__measure-meta").get_text() == "Village workshop, 2020"
    assert page.select_one(".news-list a")["href"] == "/en/news/testmeldung/"


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
    assert locator.select(".map__current") and not locator.select("circle")
    assert "Die genaue Lage von Südteil ist hier nicht erfasst" in locator.figcaption.get_text()
    located = tiny_site.page("/orte/nordteil/").select_one(".map--locator")
    assert located.select_one(".map__current")["d"] == locator.select_one(".map__current")["d"]  # Altstadt
    assert located.select("circle.map__current-point")


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
    areas = page.select("svg.map__svg a.map__area")
    assert sorted(link["href"] for link in areas) == [
        f"/orte/{slug}/" for slug in ("altstadt", "udenheim", "ueberdorf", "zettingen")
    ]
    assert [link["href"] for link in page.select("svg.map__svg a.map__point")] == ["/orte/nordteil/"]
    labels = {link["href"]: link["aria-label"] for link in areas}
    data, _ = load_located_yaml(FIXTURES / "orte.yaml")
    steps = {record.slug: len(record.measures) for record in validate_places(data, FIXTURES / "orte.yaml")[0]}
    assert steps["ueberdorf"] > 1 and steps["udenheim"] == 0
    assert labels["/orte/ueberdorf/"] == f"Überdorf: {steps['ueberdorf']} belegte Schritte"
    assert labels["/orte/udenheim/"] == "Udenheim: noch nichts erfasst"
    names = sorted(text.get_text() for text in page.select("svg .map__label"))
    assert names == sorted(["Altstadt", "Nordteil", "Südteil", "Überdorf", "Udenheim", "Zettingen"])
    assert [text.get_text() for text in page.select(".map__label--unlocated")] == ["Südteil"]
    assert [a.get_text() for a in page.select(".map__caption a[href^='/orte/']")] == ["Südteil"]


def test_overview_figures_come_from_the_data(tiny_site):
    page = tiny_site.page("/en/orte/")
    rows = {row["data-key"]: row.td.get_text() for row in page.select(".chart__table tbody tr")}
    assert rows["noch-nicht-begonnen"] == "3"
    assert rows["dorfwerkstatt"] == "2"
    assert rows["seniorenbeauftragte"] == "0"
    assert "6 places" in page.select_one(".places__intro").get_text()
    assert page.select("svg.chart__svg rect.chart__bar")  # the chart draws bars for non-zero counts


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
    data = data.replace("status: auf-dem-weg", "status: fertig").replace("lat: 50.11", "lat: 51.11")
    errors = failed_build(tmp_path, data)
    assert "2 Probleme gefunden" in errors
    assert "content/data/orte.yaml:9: Unbekannter Wert „fertig“ für „status“." in errors
    assert "Betrifft: Altstadt, Feld „status“" in errors
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
    assert "content/orte/zettingen.md:1: Die Datei ist nach ihrem Namen deutsch" in site.stderr
    assert "content/aktuelles/2024-05-01-testmeldung.md:6: „Orte:“ nennt „uberdorf“" in site.stderr
    assert "Meinten Sie „ueberdorf“?" in site.stderr
    assert "content/orte/nirgendwo.md: Zu dieser Datei gibt es keinen Ort „nirgendwo“." in site.stderr
    assert "Unbekannter Wert „jugendtreff“" in site.stderr
    assert "Traceback" not in site.stderr
