"""What the old website carried over: the Bürgerbus page and routes, dates as the sources give them,
news items compiled later marked as such (issue 16 and the text corrections of issue 11).

The redirects from the old addresses are tested against real web servers in test_web_servers.py.
"""

from __future__ import annotations

import re

import pytest
from bfb_buergerbus import read_timetable
from bfb_languages import languages_of
from conftest import build_site
from orte.places_file import read_places_file

import pelicanconf
from sitetools.build import CONTENT

NBSP = "\u00a0"
PLACE_LANGUAGES = languages_of(pelicanconf.SITE_LANGUAGES)
LANGS = ("de", "en")
PREFIX = {"de": "", "en": "/en"}
NEWS = {"de": "/aktuelles/", "en": "/en/news/"}
TIMETABLE, _ = read_timetable(
    CONTENT / "data" / "buergerbus.yaml",
    read_places_file(CONTENT / "data" / "orte.yaml", PLACE_LANGUAGES).slugs,
)


def text_of(element) -> str:
    return re.sub(r"\s+", " ", element.get_text(" ").replace(NBSP, " ")).strip()


@pytest.mark.parametrize("lang", LANGS)
def test_the_buergerbus_page_shows_every_route_of_2017_with_its_sources(dev_site, lang):
    page = dev_site.page(f"{PREFIX[lang]}/buergerbus/")
    routes = page.select("section.bus-route")
    assert len(routes) == len(TIMETABLE.routes) >= 6
    for section, route in zip(routes, TIMETABLE.routes, strict=True):
        assert route.name in text_of(section.select_one("h3"))
        assert {a["href"] for a in section.select(".sources a")} == {s.url for s in route.sources if s.url}
        assert all(source.title in text_of(section) for source in route.sources)
    text = text_of(page.select_one("main"))
    assert ("März 2020" if lang == "de" else "March 2020") in text  # the pause, clearly dated
    assert "2017" in text_of(page.select_one("#linien-2017"))


@pytest.mark.parametrize("lang", LANGS)
def test_the_buergerbus_page_says_whether_and_how_it_runs_today_with_the_phone(dev_site, lang):
    """Issue 20: "Ob und wie der Bus heute fährt: <phone>", the phone from ASSOCIATION as tel:+49…."""
    phone = pelicanconf.ASSOCIATION["phone"]
    value = phone["value"] if isinstance(phone, dict) else phone
    today = dev_site.page(f"{PREFIX[lang]}/buergerbus/").select_one("#heute").find_next("p")
    link = today.select_one('a[href^="tel:"]')
    assert link["href"] == "tel:+49" + value.replace(" ", "").removeprefix("0")
    assert link.get_text() == (value if lang == "de" else "+49 " + value.removeprefix("0"))
    assert text_of(today).startswith("Ob und wie der Bus heute fährt:" if lang == "de" else "Whether and how")


@pytest.mark.parametrize("lang", LANGS)
def test_every_place_page_tells_the_bus_as_the_sources_give_it(dev_site, lang):
    assert len(TIMETABLE.routes_by_place) >= 20
    for place in sorted(read_places_file(CONTENT / "data" / "orte.yaml", PLACE_LANGUAGES).slugs):
        page = dev_site.page(f"{PREFIX[lang]}/orte/{place}/")
        section = page.select_one('section[aria-labelledby="buergerbus"]')
        routes = TIMETABLE.routes_by_place.get(place, [])
        assert section is not None, place  # every place page tells what is known about the bus
        # Today's state is not known: a dated past, and the phone to ask.
        assert section.select_one('a[href^="tel:+49"]'), place
        if not routes:
            # No route of 2017 names the place: what the sources say about every village.
            for source in pelicanconf.PLACE_PAGE_SOURCES["bus_every_village"]:
                assert section.select_one(f'a[href="{source["url"]}"]'), place
            assert not any(route.name in text_of(section) for route in TIMETABLE.routes), place
            continue
        for route in routes:
            assert route.name in text_of(section), place
            for source in route.sources:
                assert source.title in text_of(section), (place, source.title)
                assert source.url is None or section.select_one(f'a[href="{source.url}"]'), (
                    place,
                    source.url,
                )
        assert section.select_one(f'a[href$="{PREFIX[lang]}/buergerbus/"]')


@pytest.mark.parametrize("lang", LANGS)
def test_the_start_page_links_the_buergerbus_page(dev_site, lang):
    links = [a["href"] for a in dev_site.page(f"{PREFIX[lang]}/").select("main a")]
    assert any(href.endswith(f"{PREFIX[lang]}/buergerbus/") for href in links)


def test_a_route_village_that_is_no_place_stops_the_build_with_file_and_line(content_copy, tmp_path, capsys):
    from sitetools.build import BuildFailed

    data = content_copy / "data" / "buergerbus.yaml"
    text = data.read_text(encoding="utf-8").replace("      - gillenfeld\n", "      - gilenfeld\n")
    data.write_text(text, encoding="utf-8")
    line = text.splitlines().index("      - gilenfeld") + 1
    with pytest.raises(BuildFailed):
        build_site("pelicanconf.py", tmp_path / "out", extra={"PATH": f'"{content_copy}"'})
    report = capsys.readouterr().err
    assert f"buergerbus.yaml:{line}" in report and "Meinten Sie „gillenfeld“?" in report
    assert "So beheben:" in report


# --- dates and news compiled later ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "slug", "shown"),
    [
        ("de", "fuenf-jahre-miteinander", "Oktober 2017"),
        ("en", "fuenf-jahre-miteinander", "October 2017"),
        ("de", "neuer-vorstand", "2021"),
        ("en", "neuer-vorstand", "2021"),
    ],
)
def test_dates_are_as_precise_as_the_sources(dev_site, lang, slug, shown):
    time = dev_site.page(f"{NEWS[lang]}{slug}/").select_one("article .meta time")
    assert time.get_text().replace(NBSP, " ") == shown


def test_the_five_years_celebration_is_no_longer_dated_in_june():
    for path in (CONTENT / "aktuelles").glob("*fuenf-jahre-miteinander*.md"):
        assert "22." not in path.read_text(encoding="utf-8").split("## ")[0], path.name
        assert path.name.startswith("2017-10-01-")


def compiled_later_items() -> list[tuple[str, str]]:
    items = []
    for path in sorted((CONTENT / "aktuelles").glob("*.md")):
        header = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
        if re.search(r"^Compiled_later:\s*ja$", header, re.M):
            lang = "en" if path.name.endswith(".en.md") else "de"
            slug = re.search(r"^Slug:\s*(\S+)", header, re.M).group(1)
            items.append((lang, slug))
    return items


def test_every_archive_item_is_marked_as_compiled_later():
    assert len(compiled_later_items()) == len(list((CONTENT / "aktuelles").glob("*.md")))


@pytest.mark.parametrize(("lang", "slug"), compiled_later_items())
def test_a_news_item_compiled_later_says_so_in_one_line_after_its_sources(dev_site, lang, slug):
    """Issue 20: a retrospective, with a one-line note and the sources at the end, no banner on top."""
    article = dev_site.page(f"{NEWS[lang]}{slug}/").select_one("main article")
    note = article.select_one(".compiled-note")
    assert note is not None and note.select_one('a[href="#quellen"]')
    assert "notice" not in note.get("class", [])
    sources = article.select_one("#quellen")
    assert sources is not None and sources.find_next("ul").select("li")
    assert sources in note.find_all_previous("h2"), "the note comes after the sources"
    assert article.find("p") is not note and not article.select_one("h1 ~ .notice")


def test_the_programme_has_one_english_name():
    texts = " ".join(path.read_text(encoding="utf-8") for path in CONTENT.rglob("*.en.md"))
    assert "Engaged Town" not in texts and "Future of Home" not in texts


def test_unknown_contact_data_stays_a_marked_gap(dev_site):
    article = dev_site.page("/kontakt/").select_one("main article")
    for key in ("email", "office_hours", "street", "postcode_city"):
        if pelicanconf.ASSOCIATION[key] is None:
            index = pelicanconf.CONTACT_FIELDS.index(key)
            assert article.select("dl.association-data dd")[index].select_one(".gap"), key
