"""Pages in Einfache Sprache in Chromium: no axe finding, large text, a phone button, their own search."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from bfb_languages import languages_of
from conftest import SEARCH_HUNG_AFTER_MS
from page_types import WIDTHS
from reader import visit

from pelicanconf import SITE_LANGUAGES

pytestmark = pytest.mark.browser

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PLAIN = next(found for found in languages_of(SITE_LANGUAGES).values() if found.simplifies)
MIN_BODY_PX = 20


def plain_paths(root) -> list[str]:
    folder = root / PLAIN.key
    return sorted("/" + file.parent.relative_to(root).as_posix() + "/" for file in folder.rglob("index.html"))


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.mark.parametrize("width", WIDTHS)
def test_plain_pages_have_no_axe_findings_and_large_text(chromium, served_site, axe, width):
    paths = plain_paths(served_site.site.root)
    assert len(paths) >= 7
    for path in paths:
        with visit(chromium, served_site.url(path), width) as reader:
            results = axe.run(reader.page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
            assert results.violations_count == 0, f"{path}: {results.generate_report()}"
            sizes = reader.page.eval_on_selector_all(
                "body, main p, main li", "nodes => nodes.map(n => parseFloat(getComputedStyle(n).fontSize))"
            )
            assert min(sizes) >= MIN_BODY_PX, path
            height = reader.page.evaluate("parseFloat(getComputedStyle(document.body).lineHeight)")
            assert height >= 1.5 * MIN_BODY_PX, path


def test_the_phone_is_a_big_button_that_dials(chromium, served_site):
    with visit(chromium, served_site.url(f"/{PLAIN.prefix}kontakt/"), 360) as reader:
        button = reader.page.locator("main a.phone").first
        assert button.get_attribute("href").startswith("tel:+49")
        box = button.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44  # a target a finger hits


@pytest.mark.parametrize(("path", "inside"), [(f"/{PLAIN.prefix}suche/", True), ("/suche/", False)])
def test_the_search_for_buergerbus_keeps_to_its_variant(chromium, served_site, path, inside):
    with visit(chromium, served_site.url(path), 1280) as reader:
        page = reader.page
        page.wait_for_selector("label.search__label")
        page.get_by_label("Suchbegriff").fill("Bürgerbus")
        page.wait_for_selector(".pagefind-ui__result-link", timeout=SEARCH_HUNG_AFTER_MS)
        hrefs = page.locator(".pagefind-ui__result-link").evaluate_all("links => links.map(l => l.pathname)")
        assert hrefs
        assert all(href.startswith(f"/{PLAIN.prefix}") == inside for href in hrefs), hrefs
        if inside:
            assert f"/{PLAIN.prefix}buergerbus/" in hrefs
