"""The first screen in Chromium (issues 20 and 21): the phone visible without scrolling on every
page type in both languages, a compact header and menu, tap targets of 44 px, search text at
body size. The production build is served on 127.0.0.1 (fixture `served_site`)."""

from __future__ import annotations

import re

import pytest
from bfb_questions.phone import tel_href
from conftest import SEARCH_HUNG_AFTER_MS
from page_types import PAGE_TYPES, WIDTHS, PageType
from reader import page_paths, reader_path, visit

import pelicanconf

pytestmark = pytest.mark.browser

PHONE_HREF = tel_href(pelicanconf.ASSOCIATION["phone"]["value"])
SCREEN_HEIGHT = 800  # reader.visit's viewport height
HEADER_SHARE = 0.40  # header and menu take at most 40 % of a 360×800 screen
TAP_TARGET = 44  # px, WCAG 2.5.5 / the house rule
# Every page type of the other browser tests, and the contact page the issue names.
CONTACT = {"de": "/kontakt/", "en": "/en/kontakt/"}
WAY_IN_TYPES = [*PAGE_TYPES, PageType("contact", lambda root: CONTACT)]
CASES = [
    pytest.param(page_type, lang, width, id=f"{page_type.name}-{lang}-{width}")
    for page_type in WAY_IN_TYPES
    for lang in ("de", "en")
    for width in WIDTHS
]
# The header's controls a reader taps: name, phone, search, languages, the menu's links and summary.
TAP_TARGETS = "header a[href], header summary"
MEASURE = """selector => [...document.querySelectorAll(selector)]
  .filter(element => element.checkVisibility())
  .map(element => {
    const box = element.getBoundingClientRect();
    return [element.outerHTML.slice(0, 80), box.width, box.height];
  })"""


@pytest.mark.parametrize(("page_type", "lang", "width"), CASES)
def test_the_phone_is_visible_without_scrolling_and_the_header_is_compact(
    chromium, served_site, page_type, lang, width
):
    paths = page_paths(page_type, served_site.site.root)
    with visit(chromium, served_site.url(reader_path(page_type, lang, paths)), width) as reader:
        page = reader.page
        phone = page.locator(f'header a[href="{PHONE_HREF}"]')
        assert phone.count() == 1
        assert phone.is_visible()
        box = phone.bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= SCREEN_HEIGHT, "phone below the first screen"
        header_bottom = page.evaluate("document.querySelector('header').getBoundingClientRect().bottom")
        if width == 360:
            assert header_bottom <= HEADER_SHARE * SCREEN_HEIGHT, f"header and menu end at {header_bottom} px"
        small = [(html, w, h) for html, w, h in page.evaluate(MEASURE, TAP_TARGETS) if min(w, h) < TAP_TARGET]
        assert small == [], "tap targets under 44 px"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_menus_group_opens_without_javascript(chromium, served_site, lang):
    start = "/" if lang == "de" else "/en/"
    with visit(chromium, served_site.url(start), 360, javascript=False) as reader:
        page = reader.page
        more = page.locator("nav.site-nav details")
        link = more.locator("a[href$='/engagierte-stadt/']")
        assert not link.is_visible()
        more.locator("summary").click()
        assert link.is_visible()
        # Opened, the group still leaves the phone on the first screen.
        assert page.locator(f'header a[href="{PHONE_HREF}"]').is_visible()


@pytest.mark.parametrize(("path", "term"), [("/suche/", "Bürgerbus"), ("/en/suche/", "bus")])
def test_search_results_and_buttons_use_the_body_text_size(chromium, served_site, path, term):
    with visit(chromium, served_site.url(path), 360) as reader:
        page = reader.page
        page.wait_for_selector("label.search__label")
        page.get_by_label(page.inner_text("label.search__label")).fill(term)
        page.wait_for_selector(".pagefind-ui__result-excerpt", timeout=SEARCH_HUNG_AFTER_MS)
        body = page.evaluate("getComputedStyle(document.body).fontSize")
        for selector in (
            ".pagefind-ui__result-excerpt",
            ".pagefind-ui__message",
            ".pagefind-ui__search-clear",
        ):
            size = page.locator(selector).first.evaluate("element => getComputedStyle(element).fontSize")
            assert size == body, selector
        clear = page.locator(".pagefind-ui__search-clear").bounding_box()
        assert min(clear["width"], clear["height"]) >= TAP_TARGET


# --- English pages: no German outside lang="de" (issue 20, item 7) ------------------------------

# Common German words that have no English twin; a name that contains one (the association's
# own name) is taken out of the text first. Case-sensitive where English has the word in
# lower case ("die", "Stand").
GERMAN_WORDS = [
    "und",
    "der",
    "die",
    "das",
    "nicht",
    "mit",
    "für",
    "von",
    "ist",
    "sind",
    "wir",
    "Sie",
    "auf",
    "ein",
    "eine",
    "einem",
    "zu",
    "bei",
    "oder",
    "auch",
    "noch",
    "wurde",
    "wurden",
    "hatte",
    "Stand",
    "Quelle",
    "Quellen",
    "Seite",
    "alte",
    "undatiert",
    "Verein",
    "Erdgeschoss",
    "Meldung",
    "Linie",
    "Wochentag",
    "fährt",
    "fuhr",
    "Schritt",
    "erfasst",
    "belegt",
    "überliefert",
]
NAMES_WITH_GERMAN_WORDS = ("Bürger für Bürger",)
VISIBLE_TEXT_OUTSIDE_GERMAN = """() => {
  const parts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!element || element.closest('[lang]').lang.startsWith('de')) continue;
    if (element.closest('script, style, noscript') || !element.checkVisibility()) continue;
    parts.push(node.textContent);
  }
  return parts.join(' ');
}"""


def english_pages(root) -> list[str]:
    pages = []
    for file in sorted((root / "en").rglob("*.html")):
        text = file.read_text(encoding="utf-8")
        if "<header" in text:  # not the redirect stub of an old address
            pages.append("/" + file.relative_to(root).as_posix())
    return pages


def german_words_in(text: str) -> list[str]:
    for name in NAMES_WITH_GERMAN_WORDS:
        text = text.replace(name, " ")
    words = set(re.findall(r"[\wÄÖÜäöüß]+", text))
    return [word for word in GERMAN_WORDS if word in words]


def test_english_pages_show_no_german_outside_lang_de(chromium, served_site):
    pages = english_pages(served_site.site.root)
    assert len(pages) > 20
    context = chromium.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    found = {}
    for path in pages:
        page.goto(served_site.url(path), wait_until="load")
        words = german_words_in(page.evaluate(VISIBLE_TEXT_OUTSIDE_GERMAN))
        if words:
            found[path] = words
    context.close()
    assert found == {}


def test_the_word_check_finds_german_and_spares_the_association_s_name():
    assert german_words_in("Bürger für Bürger e.V. helps members") == []
    found = german_words_in("Erdgeschoss des Museums (undatiert, um 2019)")
    assert set(found) == {"Erdgeschoss", "undatiert"}
    assert german_words_in("Would you like to stand by and help?") == []
