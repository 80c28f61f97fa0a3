"""Readable on a phone and on paper: every page type at five widths, three pages printed on A4,
and the production preview served from a local folder (`invoke preview`, `invoke serve --folder`).

One browser for the session (fixture `chromium`); each page is opened once per width and every
check runs on that one load. axe at 360 and 1280 px is in test_accessibility.py; here the three
other widths.
"""

from __future__ import annotations

import threading
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import SEARCH_HUNG_AFTER_MS
from reader import page_cases, page_paths, reader_path, visit

from sitetools.build import ROOT, build_into
from sitetools.serve import make_server

pytestmark = pytest.mark.browser

TESTED_WIDTHS = (320, 360, 414, 768, 1280)
AXE_WIDTHS = (320, 414, 768)  # 360 and 1280: test_accessibility.py
NARROW = 414  # up to this width no SVG text may be below SMALLEST_TEXT
SMALLEST_TEXT = 12  # CSS px
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LIVE_SITE = "https://www.buerger-daun.de"  # publishconf.py's SITEURL, what `invoke preview` builds for

# Words in table cells that the browser broke across two lines. A break at a hyphen of a
# compound ("Dreis-Brück") is a line break between words, not inside one.
SPLIT_WORDS = """() => {
    const split = [];
    for (const cell of document.querySelectorAll('td, th')) {
        if (!cell.getClientRects().length) continue;
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const match of node.data.matchAll(/[^\\s\\-–]+/g)) {
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                const boxes = [...range.getClientRects()].filter(r => r.width > 0);
                const lines = new Set(boxes.map(r => Math.round(r.top)));
                if (lines.size > 1) split.push(match[0]);
            }
        }
    }
    return split;
}"""
# Visible SVG text with its rendered size in CSS px.
SMALL_SVG_TEXT = """smallest => [...document.querySelectorAll('svg text')]
    .filter(text => text.getBoundingClientRect().width > 0)
    .map(text => [text.textContent, parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a])
    .filter(([, size]) => size < smallest - 0.01)"""
PAGE_WIDTH = "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.mark.parametrize(("page_type", "lang"), page_cases())
def test_page_fits_every_width_with_whole_words_and_legible_svg_text(
    chromium, served_site, axe, page_type, lang
):
    paths = page_paths(page_type, served_site.site.root)
    url = served_site.url(reader_path(page_type, lang, paths))
    for width in TESTED_WIDTHS:
        with visit(chromium, url, width) as reader:
            page = reader.page
            scroll_width, client_width = page.evaluate(PAGE_WIDTH)
            assert scroll_width <= client_width, f"horizontal scrolling at {width} px"
            assert page.evaluate(SPLIT_WORDS) == [], f"words broken inside table cells at {width} px"
            if width <= NARROW:
                assert page.evaluate(SMALL_SVG_TEXT, SMALLEST_TEXT) == [], (
                    f"SVG text below 12 px at {width} px"
                )
            if width in AXE_WIDTHS:
                results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
                assert results.violations_count == 0, f"{width} px: {results.generate_report()}"


# --- Print --------------------------------------------------------------------------------------

# The text area of A4 with the print stylesheet's margins (210 mm - 2 × 16 mm) in CSS px.
A4_TEXT_WIDTH = round((210 - 2 * 16) / 25.4 * 96)
PRINTED = {
    "place": lambda root: f"/orte/{next(p.name for p in sorted((root / 'orte').iterdir()) if p.is_dir())}/",
    "buergerbus": lambda root: "/buergerbus/",
    "kontakt": lambda root: "/kontakt/",
}
# Links to other hosts in the printed page, with what the stylesheet prints after them.
EXTERNAL_LINKS = """() => [...document.querySelectorAll('main a[href], footer a[href]')]
    .filter(link => link.getClientRects().length && link.host && link.host !== location.host)
    .map(link => [link.href, link.getAttribute('href'), getComputedStyle(link, '::after').content])"""
TOO_WIDE = """limit => [...document.querySelectorAll('body *')]
    .filter(element => element.getBoundingClientRect().right > limit + 0.5)
    .map(element => element.outerHTML.slice(0, 100))"""


@pytest.mark.parametrize("name", PRINTED)
def test_printed_page_has_no_menu_shows_link_addresses_and_fits_a4(chromium, served_site, name):
    path = PRINTED[name](served_site.site.root)
    with visit(chromium, served_site.url(path), A4_TEXT_WIDTH) as reader:
        page = reader.page
        page.emulate_media(media="print")
        assert not page.locator(".site-nav").is_visible(), "the menu is hidden on paper"
        assert not page.locator(".skip-link").is_visible()
        assert page.locator("main h1").is_visible()
        assert page.locator(".site-footer__print").is_visible(), "phone and address in the footer"
        links = page.evaluate(EXTERNAL_LINKS)
        if name != "kontakt":
            assert links, "the page has sources with addresses"
        missing = [href for href, written, printed in links if written not in printed]
        assert missing == [], "links to other sites print their address"
        assert page.evaluate(PAGE_WIDTH)[0] <= A4_TEXT_WIDTH
        assert page.evaluate(TOO_WIDE, A4_TEXT_WIDTH) == []


# --- The production preview, served from a local folder -------------------------------------------


@pytest.fixture(scope="module")
def preview_site(tmp_path_factory):
    """What `invoke preview` builds (publishconf.py, the live address), served like `invoke serve
    --folder output-preview` on a free port."""
    folder = tmp_path_factory.mktemp("preview") / "output-preview"
    build_into(ROOT / "publishconf.py", folder, extra={"SITEURL": f'"{LIVE_SITE}"'}, quiet=True)
    server = make_server(folder, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(
    ("path", "term", "label"), [("/suche/", "Bürgerbus", "Suchbegriff"), ("/en/suche/", "bus", "Search term")]
)
def test_preview_served_locally_is_styled_searchable_and_asks_no_other_host(
    chromium, preview_site, path, term, label
):
    with visit(chromium, preview_site + path, 360) as reader:
        page = reader.page
        # The stylesheet applies: the header has the site's green, not the browser's white.
        assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor") == (
            "rgb(11, 90, 60)"
        )
        page.wait_for_selector("label.search__label")
        page.get_by_label(label).fill(term)
        page.wait_for_selector(".pagefind-ui__result-link", timeout=SEARCH_HUNG_AFTER_MS)
        results = page.locator(".pagefind-ui__result-link").evaluate_all("links => links.map(l => l.href)")
        assert results and all(urlsplit(result).netloc == urlsplit(preview_site).netloc for result in results)
        page.wait_for_load_state("networkidle")
        assert reader.foreign_requests == [], "requests to another host"
        assert reader.failed_requests == [] and reader.console_errors == []
        # What names the live site keeps its absolute address.
        alternates = page.locator("link[rel=alternate][hreflang]").evaluate_all(
            "links => links.map(l => l.getAttribute('href'))"
        )
        assert alternates and all(href.startswith(LIVE_SITE + "/") for href in alternates)
