"""Which written pages the sitemap lists, and how it writes them."""

import datetime as dt
from types import SimpleNamespace
from xml.etree import ElementTree

from bfb_build.language_versions import provide_language_versions
from bfb_language_links.language_links import exact_versions

from bfb_sitemap.sitemap import Entry, add_robots_line, entry_for, render
from pelicanconf import SITE_LANGUAGES

SITES = {"de": "https://example.test", "en": "https://example.test/en"}
XHTML = "{http://www.w3.org/1999/xhtml}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def context(tmp_path, lang="de", **values) -> dict:
    """A page's context, its language versions found as bfb_language_links finds them."""
    output = tmp_path / ("en" if lang == "en" else "")
    found = {
        "DEFAULT_LANG": lang,
        "SITEURL": SITES[lang],
        "OUTPUT_PATH": str(output),
        "lang_siteurls": SITES,
        "main_lang": "de",
        "COUNTERPART_PATHS": [{"de": "aktuelles/", "en": "news/"}],
        "SITE_LANGUAGES": SITE_LANGUAGES,
        **values,
    }
    provide_language_versions(found, exact_versions)
    return found


def item(lang, url, status="published", translations=(), **values):
    return SimpleNamespace(lang=lang, url=url, status=status, translations=list(translations), **values)


def test_published_article_is_listed_with_its_date_and_every_language(tmp_path):
    article = item(
        "en",
        "news/bus/",
        translations=[item("de", "../aktuelles/bus/")],
        date=dt.datetime(2017, 1, 9, 10, 30),
    )
    entry = entry_for(tmp_path / "en/news/bus/index.html", context(tmp_path, "en", article=article), "<html>")
    assert entry == Entry(
        "https://example.test/en/news/bus/",
        (
            ("de", "https://example.test/aktuelles/bus/"),
            ("en", "https://example.test/en/news/bus/"),
            ("x-default", "https://example.test/aktuelles/bus/"),
        ),
        "2017-01-09",
    )


def test_drafts_hidden_pages_and_redirects_are_not_listed(tmp_path):
    draft = item("de", "entwuerfe/neu/", status="draft")
    assert entry_for(tmp_path / "entwuerfe/neu/index.html", context(tmp_path, article=draft), "") is None
    not_found = item("de", "404.html", status="hidden")
    assert entry_for(tmp_path / "404.html", context(tmp_path, page=not_found), "") is None
    redirect = '<meta http-equiv="refresh" content="0; url=/kontakt/">'
    assert entry_for(tmp_path / "alt/index.html", context(tmp_path), redirect) is None
    # A file written for a page somewhere else than the page's own address (a stub).
    contact = item("de", "kontakt/")
    assert entry_for(tmp_path / "kontakt.php/index.html", context(tmp_path, page=contact), "") is None


def test_hidden_start_page_is_listed(tmp_path):
    start = item("de", "", status="hidden", translations=[item("en", "en/")])
    entry = entry_for(tmp_path / "index.html", context(tmp_path, page=start), "<html>")
    assert entry.url == "https://example.test/"
    assert dict(entry.alternates)["en"] == "https://example.test/en/"


def test_page_without_translation_has_no_alternates(tmp_path):
    page = item("de", "chronik/")
    entry = entry_for(tmp_path / "chronik/index.html", context(tmp_path, page=page), "<html>")
    assert entry == Entry("https://example.test/chronik/")


def test_render_writes_href_and_namespaces():
    xml = render([Entry("https://example.test/a&b/", (("de", "https://example.test/a&b/"),), "2020-01-01")])
    root = ElementTree.fromstring(xml)
    (url,) = root.findall(f"{SITEMAP}url")
    assert url.findtext(f"{SITEMAP}loc") == "https://example.test/a&b/"
    (link,) = url.findall(f"{XHTML}link")
    assert link.get("href") == "https://example.test/a&b/" and link.get("hreflang") == "de"
    assert " ref=" not in xml  # the pelican-sitemap 1.2.2 typo


def test_robots_gets_one_sitemap_line(tmp_path):
    robots = tmp_path / "robots.txt"
    robots.write_text("User-agent: *\nAllow: /\n", encoding="utf-8")
    add_robots_line(robots, "https://example.test/sitemap.xml")
    add_robots_line(robots, "https://example.test/sitemap.xml")
    assert robots.read_text(encoding="utf-8") == (
        "User-agent: *\nAllow: /\n\nSitemap: https://example.test/sitemap.xml\n"
    )
