"""Every page type in both languages, opened in Debian's Chromium as readers see it.

The production build is served on 127.0.0.1 (fixture `served_site`), one browser is
shared by the session (fixture `chromium`), screenshots go to test-artifacts/.
"""

import re

import pytest
from page_types import WIDTHS
from reader import page_cases, page_paths, reader_path, screenshot, visit

from pelicanconf import SITE_LANGUAGES

pytestmark = pytest.mark.browser

OTHER_LANGUAGE = {"de": "en", "en": "de"}
# Elements reachable with the Tab key, in the order a browser visits them (no positive tabindex here).
FOCUSABLE = "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])"
FOCUS_STYLE = """element => {
    const style = getComputedStyle(element);
    return [style.outlineStyle, style.outlineWidth, style.outlineColor, style.boxShadow].join(' | ');
}"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("page_type", "lang"), page_cases())
def test_page_loads_cleanly_and_fits_the_screen(chromium, served_site, page_type, lang, width):
    paths = page_paths(page_type, served_site.site.root)
    with visit(chromium, served_site.url(reader_path(page_type, lang, paths)), width) as reader:
        # Late requests (the browser's own favicon request, lazy images) finish before we judge.
        reader.page.wait_for_load_state("networkidle")
        screenshot(reader.page, f"{page_type.name}-{lang}-{width}")
        assert reader.foreign_requests == [], "requests to hosts other than 127.0.0.1"
        assert reader.failed_requests == []
        assert reader.console_errors == []
        scroll_width, client_width = reader.page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert scroll_width <= client_width, f"horizontal scrolling at {width} px"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("page_type", "lang"), page_cases())
def test_skip_link_comes_first_and_moves_focus_to_main(chromium, served_site, page_type, lang, width):
    paths = page_paths(page_type, served_site.site.root)
    with visit(chromium, served_site.url(reader_path(page_type, lang, paths)), width) as reader:
        page = reader.page
        page.keyboard.press("Tab")
        first = page.evaluate_handle("document.activeElement")
        assert first.evaluate("e => e.matches('a.skip-link')"), "the first Tab must reach the skip link"
        box = first.bounding_box()
        assert box and box["width"] > 0 and box["height"] > 0 and box["y"] >= 0, "skip link invisible"
        target = first.get_attribute("href")
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.tagName") == "MAIN"
        assert "#" + page.evaluate("document.activeElement.id") == target


@pytest.mark.parametrize(("page_type", "lang"), page_cases())
def test_keyboard_focus_is_visible_on_every_focusable_element(chromium, served_site, page_type, lang):
    paths = page_paths(page_type, served_site.site.root)
    with visit(chromium, served_site.url(reader_path(page_type, lang, paths)), 1280) as reader:
        page = reader.page
        count = page.locator(FOCUSABLE).count()
        assert count > 0
        focused_styles = []
        for _ in range(count):
            page.keyboard.press("Tab")
            element = page.evaluate_handle("document.activeElement")
            if element.evaluate("e => e === document.body"):
                break
            focused_styles.append((element, element.evaluate(FOCUS_STYLE)))
        page.evaluate("document.activeElement.blur()")
        invisible = [
            element.evaluate("e => e.outerHTML.slice(0, 120)")
            for element, focused in focused_styles
            if element.evaluate(FOCUS_STYLE) == focused
        ]
        assert invisible == [], "no visible focus indicator (outline or box-shadow) on these elements"


@pytest.mark.parametrize(("page_type", "lang"), page_cases())
def test_language_switcher_leads_to_the_same_page_in_the_other_language(
    chromium, served_site, page_type, lang
):
    paths = page_paths(page_type, served_site.site.root)
    other = OTHER_LANGUAGE[lang]
    with visit(chromium, served_site.url(reader_path(page_type, lang, paths)), 1280) as reader:
        page = reader.page
        label = SITE_LANGUAGES[other]["label"]  # plain German shares hreflang="de"
        switcher = page.locator(f"header a[hreflang='{other}']").filter(has_text=re.compile(f"^{label}$"))
        assert switcher.count() == 1, f"one link to the {other} version in the header"
        with page.expect_navigation():
            switcher.click()
        assert page.url == served_site.url(paths[other])
        assert page.evaluate("document.documentElement.lang") == other


@pytest.mark.parametrize(("page_type", "lang"), page_cases())
def test_page_can_be_read_and_left_without_javascript(chromium, served_site, page_type, lang):
    paths = page_paths(page_type, served_site.site.root)
    url = served_site.url(reader_path(page_type, lang, paths))
    with visit(chromium, url, 360, javascript=False) as reader:
        page = reader.page
        heading = page.locator("main h1")
        assert heading.count() == 1 and heading.is_visible() and heading.inner_text().strip()
        assert len(page.locator("main").inner_text().split()) >= 3, "main holds readable text"
        navigation = page.locator("header nav a[href]")
        assert navigation.count() >= 5 and navigation.first.is_visible(), "navigation works without JS"
        assert reader.console_errors == []
