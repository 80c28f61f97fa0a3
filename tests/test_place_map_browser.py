"""The overview map as readers' browsers draw it: every name legible, none covering another name
or a point in the same map, every Gemeinde reachable with the keyboard – on a phone (the strips
of svg_map.REGIONS) and on a desktop screen (the whole map)."""

import itertools

import pytest
from page_types import WIDTHS
from reader import visit

pytestmark = pytest.mark.browser

OVERVIEWS = {"de": "/orte/", "en": "/en/orte/"}
SMALLEST_NAME = 12  # CSS px: the font size every name has at least, on a phone too
PHONE_WIDTHS = (320, 360, 414)

# SVG links have no `pathname`: the path of their address, as the tables' links give it.
PATH = "const path = link => new URL(link.getAttribute('href'), location.href).pathname;"


def with_path(function: str) -> str:
    """A page function that may call `path(link)`."""
    return f"argument => {{ {PATH} return ({function})(argument); }}"


# Every name the reader can see: its box, its rendered font size, its map and its link.
NAMES = with_path("""() => [...document.querySelectorAll('svg .map__label')]
    .filter(text => text.getBoundingClientRect().width > 0)
    .map(text => {
        const box = text.getBoundingClientRect();
        const svg = text.closest('svg');
        return {
            name: text.textContent, map: [...document.querySelectorAll('svg')].indexOf(svg),
            left: box.left, top: box.top, right: box.right, bottom: box.bottom,
            size: parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a,
            href: path(text.closest('a')),
            frame: (box => ({left: box.left, top: box.top, right: box.right, bottom: box.bottom}))(
                svg.getBoundingClientRect()),
        };
    })""")
POINTS = """() => [...document.querySelectorAll('svg .map__point circle')]
    .filter(circle => circle.getBoundingClientRect().width > 0)
    .map(circle => {
        const box = circle.getBoundingClientRect();
        return {map: [...document.querySelectorAll('svg')].indexOf(circle.closest('svg')),
                left: box.left, top: box.top, right: box.right, bottom: box.bottom};
    })"""
# The links a keyboard reaches in the visible maps: areas and points, by address.
MAP_LINKS = with_path("""selector => [...document.querySelectorAll(selector)]
    .filter(link => link.getBoundingClientRect().width > 0 && link.tabIndex >= 0)
    .map(path)""")
WHOLE_MAP_LINKS = with_path("""() => ({
    areas: [...document.querySelectorAll('svg.map__svg--overview a.map__area')].map(path),
    points: [...document.querySelectorAll('svg.map__svg--overview a.map__point')].map(path),
})""")
# The places as the tables below the map list them, by name.
PLACES = """() => Object.fromEntries([...document.querySelectorAll('.places__table tbody th a')]
    .map(link => [link.textContent, link.pathname]))"""


def overlap(first: dict, second: dict) -> bool:
    return (
        first["left"] < second["right"]
        and second["left"] < first["right"]
        and first["top"] < second["bottom"]
        and second["top"] < first["bottom"]
    )


def check_names(names: list[dict], points: list[dict], places: dict[str, str], viewport: int) -> None:
    assert sorted(label["name"] for label in names) == sorted(places), "every place named once"
    for label in names:
        assert label["size"] >= SMALLEST_NAME, f"{label['name']} is {label['size']:.1f} px"
        assert label["href"] == places[label["name"]], f"{label['name']} links elsewhere"
        assert label["left"] >= 0 and label["right"] <= viewport, f"{label['name']} needs a sideways scroll"
        frame = label["frame"]
        assert frame["left"] <= label["left"] and label["right"] <= frame["right"], f"{label['name']} cut off"
        assert frame["top"] <= label["top"] and label["bottom"] <= frame["bottom"], f"{label['name']} cut off"
    clashes = [
        (a["name"], b["name"])
        for a, b in itertools.combinations(names, 2)
        if a["map"] == b["map"] and overlap(a, b)
    ]
    assert clashes == []
    on_points = [
        label["name"]
        for label in names
        for point in points
        if point["map"] == label["map"] and overlap(label, point)
    ]
    assert on_points == []


@pytest.mark.parametrize("lang", OVERVIEWS)
def test_every_name_legible_and_clear_of_the_others_at_every_width(chromium, served_site, lang):
    for width in sorted({*PHONE_WIDTHS, *WIDTHS}):
        with visit(chromium, served_site.url(OVERVIEWS[lang]), width) as reader:
            page = reader.page
            places = page.evaluate(PLACES)
            assert len(places) == 46
            check_names(page.evaluate(NAMES), page.evaluate(POINTS), places, width)
            # Phones see the strips, wider screens the whole map: either way every Gemeinde area
            # and every Stadtteil point is one tab stop leading to its page.
            expected = page.evaluate(WHOLE_MAP_LINKS)
            areas = page.evaluate(MAP_LINKS, "svg a.map__area")
            points = page.evaluate(MAP_LINKS, "svg a.map__point")
            assert sorted(areas) == sorted(expected["areas"]) and len(areas) == 38, width
            assert sorted(points) == sorted(expected["points"]), width
            assert all(served_site.site.exists(path) for path in areas + points)
            shown = page.evaluate(
                "[...document.querySelectorAll('svg.map__svg')]"
                ".filter(svg => svg.getBoundingClientRect().width)"
                ".map(svg => svg.classList.contains('map__svg--region'))"
            )
            assert shown == ([True, True] if width < 640 else [False]), width


@pytest.mark.parametrize("lang", OVERVIEWS)
def test_every_gemeinde_area_takes_keyboard_focus_with_its_name(chromium, served_site, lang):
    with visit(chromium, served_site.url(OVERVIEWS[lang]), 1280) as reader:
        areas = reader.page.locator("svg.map__svg--overview a.map__area")
        assert areas.count() == 38
        for index in range(areas.count()):
            area = areas.nth(index)
            area.focus()
            assert area.evaluate("element => element === document.activeElement && element.tabIndex >= 0")
            name = area.get_attribute("aria-label")
            assert name and name.split(":")[0].strip()
        # The names on top are for pointing only: not in the Tab order, hidden from screen readers.
        hidden = reader.page.evaluate(
            "[...document.querySelectorAll('.map__labels a')].every(a => a.tabIndex === -1"
            " && a.closest('[aria-hidden=true]') !== null)"
        )
        assert hidden


@pytest.mark.parametrize(("lang", "width"), [("de", 1280), ("en", 360)])
def test_a_click_on_a_name_leads_to_its_place(chromium, served_site, lang, width):
    with visit(chromium, served_site.url(OVERVIEWS[lang]), width) as reader:
        label = reader.page.locator("svg .map__label:visible", has_text="Schalkenmehren")
        label.click()
        reader.page.wait_for_url("**/orte/schalkenmehren/")
