"""The table of site languages (SITE_LANGUAGES in pelicanconf.py) is the only place a variant is made.

A copy of the production settings adds one more variant – a stand-in for a checked
"Leichte Sprache" under /leicht/, German like the plain-German site, with its own search
search index and no hreflang – and a copy of the content adds one page in it. Nothing else is
changed: the switcher, <html lang>, the sitemap and the search index must follow from the
table alone.
"""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from conftest import PRODUCTION_URL, BuiltSite, build_site

from sitetools.build import ROOT

VARIANT = {
    "suffix": ".leicht",
    "locale": "de",
    "html_lang": "de",
    "hreflang": None,
    "catalogue": None,
    "search": "leicht",
    "label": "Leichte Sprache (Probe)",
    "simplifies": "de",
    "own_texts_only": True,
}
PAGE = """Title: Wer wir sind
Slug: ueber-uns
Lang: leicht
Summary: Eine Probeseite in einer vierten Fassung der Website.

Wir sind ein Verein in Daun.
"""
SETTINGS = f"""from publishconf import *  # noqa: F403
from pelicanconf import language_subsites, other_language_files

SITE_LANGUAGES = {{**SITE_LANGUAGES, "leicht": {VARIANT!r}}}
LANGUAGE_NAMES = {{key: row["label"] for key, row in SITE_LANGUAGES.items()}}
IGNORE_FILES = [*CONTENT_IGNORE_FILES, *other_language_files(DEFAULT_LANG, SITE_LANGUAGES)]
I18N_SUBSITES = language_subsites(production=True, languages=SITE_LANGUAGES)
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> BuiltSite:
    """The production build of a copy whose settings add the variant "leicht" (PATH: the copy)."""
    folder = tmp_path_factory.mktemp("fourth-variant")
    shutil.copytree(ROOT / "content", folder / "content")
    (folder / "content" / "seiten" / "ueber-uns.leicht.md").write_text(PAGE, encoding="utf-8")
    settings = folder / "settings.py"
    settings.write_text(SETTINGS, encoding="utf-8")
    extra = {"SITEURL": f'"{PRODUCTION_URL}"', "PATH": f'"{folder / "content"}"'}
    return build_site(str(settings), folder / "output", extra=extra)


def switcher(page: BeautifulSoup) -> dict[str, str]:
    return {a.get_text(strip=True): a["href"] for a in page.select("nav.language-switcher a")}


def test_the_page_is_built_under_its_prefix_in_german(site):
    page = site.page("/leicht/ueber-uns/")
    assert page.html["lang"] == "de"
    assert page.select_one("h1").get_text(strip=True) == "Wer wir sind"
    # Only its own texts: no news list, no place pages under /leicht/.
    assert not site.exists("/leicht/aktuelles/") and not site.exists("/leicht/orte/")


def test_the_switcher_links_the_variant_both_ways(site):
    german = switcher(site.page("/ueber-uns/"))
    assert german["Leichte Sprache (Probe)"] == f"{PRODUCTION_URL}/leicht/ueber-uns/"
    english = switcher(site.page("/en/ueber-uns/"))
    assert english["Leichte Sprache (Probe)"] == f"{PRODUCTION_URL}/leicht/ueber-uns/"
    variant = switcher(site.page("/leicht/ueber-uns/"))
    assert variant["Deutsch"] == f"{PRODUCTION_URL}/ueber-uns/"
    assert variant["English"] == f"{PRODUCTION_URL}/en/ueber-uns/"
    # A German page without a version in the variant leads to the variant's start page.
    assert switcher(site.page("/kontakt/"))["Leichte Sprache (Probe)"] == f"{PRODUCTION_URL}/leicht/"


def test_no_hreflang_for_a_variant_without_one(site):
    german = site.page("/ueber-uns/")
    hreflangs = {link["hreflang"]: link["href"] for link in german.select("link[rel=alternate][hreflang]")}
    assert set(hreflangs) == {"de", "en", "x-default"}
    assert not site.page("/leicht/ueber-uns/").select("link[rel=alternate][hreflang]")


SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML_LINK = "{http://www.w3.org/1999/xhtml}link"


def test_the_sitemap_lists_the_page_without_alternates(site):
    tree = ElementTree.parse(site.root / "sitemap.xml")
    entries = {url.findtext(f"{SITEMAP}loc"): url for url in tree.getroot().iter(f"{SITEMAP}url")}
    assert entries[f"{PRODUCTION_URL}/leicht/ueber-uns/"].findall(XHTML_LINK) == []
    german = [link.get("href") for link in entries[f"{PRODUCTION_URL}/ueber-uns/"].findall(XHTML_LINK)]
    assert f"{PRODUCTION_URL}/en/ueber-uns/" in german
    assert not any("/leicht/" in href for href in german)


def fragments(bundle: Path) -> dict[str, str]:
    """{page url: index language} of a built Pagefind bundle (urls relative to its site)."""
    found = {}
    for file in (bundle / "fragment").glob("*.pf_fragment"):
        record = json.loads(gzip.decompress(file.read_bytes()).removeprefix(b"pagefind_dcd"))
        found[record["url"]] = file.name.split("_", 1)[0]
    return found


def test_the_search_index_of_the_variant_is_its_own(site):
    main = fragments(site.root / "pagefind")
    assert main["/ueber-uns/"] == "de" and main["/en/ueber-uns/"] == "en"
    assert not [url for url in main if url.startswith("/leicht/")]
    own = fragments(site.root / "leicht" / "pagefind")
    assert own == {"/ueber-uns/": "de"}  # Pagefind's language follows <html lang>
    search = site.page("/ueber-uns/")  # the variant has no search page; German keeps the main index
    assert search.select_one('meta[name="bfb-search-index"]') is None
    assert site.page("/leicht/ueber-uns/").select_one('meta[name="bfb-search-index"]')["content"] == "leicht"
