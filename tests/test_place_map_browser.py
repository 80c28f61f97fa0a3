"""The overview map as readers' browsers draw it: every name legible, none covering another name
or a point, every Gemeinde reachable with the keyboard – on a phone and on a desktop screen."""

import itertools

import pytest
from page_types import WIDTHS
from reader import visit

pytestmark = pytest.mark.browser

OVERVIEWS = {"de": "/orte/", "en": "/en/orte/"}
SMALLEST_NAME = 14  # px: svg_map.FONT_SIZE, the size names have at the map's smallest width

BOXES = """selector => [...document.querySelectorAll(selector)].map(element => {
    const box = element.getBoundingClientRect();
    return {name: element.textContent, left: box.left, top: box.top, right: box.right, bottom: box.bottom};
})"""


def overlap(first: dict, second: dict) -> bool:
    return (
        first["left"] < second["right"]
        and second["left"] < first["right"]
        and first["top"] < second["bottom"]
        and second["top"] < first["bottom"]
    )


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", OVERVIEWS)
def test_no_name_covers_another_name_or_a_point(chromium, served_site, lang, width):
    with visit(chromium, served_site.url(OVERVIEWS[lang]), width) as reader:
        labels = reader.page.evaluate(BOXES, "svg .map__label")
        points = reader.page.evaluate(BOXES, "svg .map__point circle")
        frame = reader.page.evaluate(BOXES, "svg.map__svg--overview")[0]
    assert len(labels) == 46 and len(points) > 0
    clashes = [(a["name"], b["name"]) for a, b in itertools.combinations(labels, 2) if overlap(a, b)]
    assert clashes == []
    on_points = [
        (label["name"], index)
        for label in labels
        for index, point in enumerate(points)
        if overlap(label, point)
    ]
    assert on_points == []
    for label in labels:
        assert label["bottom"] - label["top"] >= SMALLEST_NAME, f"{label['name']} is too small to read"
        assert frame["left"] <= label["left"] and label["right"] <= frame["right"], f"{label['name']} cut off"
        assert frame["top"] <= label["top"] and label["bottom"] <= frame["bottom"], f"{label['name']} cut off"


@pytest.mark.parametrize("lang", OVERVIEWS)
def test_every_gemeinde_area_takes_keyboard_focus_with_its_name(chromium, served_site, lang):
    with visit(chromium, served_site.url(OVERVIEWS[lang]), 1280) as reader:
        areas = reader.page.locator("svg a.map__area")
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


@pytest.mark.parametrize("lang", OVERVIEWS)
def test_a_click_on_a_name_leads_to_its_place(chromium, served_site, lang):
    with visit(chromium, served_site.url(OVERVIEWS[lang]), 1280) as reader:
        label = reader.page.locator("svg .map__label", has_text="Schalkenmehren")
        label.click()
        reader.page.wait_for_url("**/orte/schalkenmehren/")
