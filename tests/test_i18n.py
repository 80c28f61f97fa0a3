"""The bilingual site: German at /, English at /en/, every page linked to its counterpart.

Most tests run on both builds: the development build (root-relative links) and the
production build for https://example.test (absolute links, feeds), each built in its
own process. Several tests guard a known pitfall of i18n_subsites; docs/architecture.md
("Pitfalls") lists them with the test that guards each.
"""

from __future__ import annotations

import json
import re
import subprocess
import threading
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlsplit
from urllib.request import urlopen
from xml.etree import ElementTree

import pytest
from bfb_contents.front_matter import parse_front_matter
from bfb_languages import Language, languages_of, path_prefix_language
from bfb_translations import untranslated_report
from bs4 import BeautifulSoup
from conftest import PRODUCTION_URL, BuiltSite, build_site
from pelican.settings import read_settings

from pelicanconf import SITE_LANGUAGES
from sitetools.build import CONTENT, ROOT, TRANSLATIONS, BuildFailed, pelican_command, run_pelican
from sitetools.serve import make_server
from sitetools.translations import catalogue_files, extract_template, missing_translations, read_catalogue

ATOM = "{http://www.w3.org/2005/Atom}"
# Where a page shows theme texts (not the editors' content).
THEME_CHROME = "header, footer, nav, .skip-link, .pagination, .teaser__more, .back-link"
LIVE_HOST = "www.buerger-daun.de"


@pytest.fixture(scope="module", params=["dev", "production"])
def site(request) -> tuple[BuiltSite, str]:
    """Each build with the address its links start with ("" for root-relative links)."""
    if request.param == "dev":
        return request.getfixturevalue("dev_site"), ""
    return request.getfixturevalue("production_site"), PRODUCTION_URL


LANGUAGES = languages_of(SITE_LANGUAGES)
# The variants with every page (German, English); plain German has only its own texts.
FULL = {key: found for key, found in LANGUAGES.items() if not found.own_texts_only}


def lang_of_url(url: str) -> str:
    return path_prefix_language(LANGUAGES.values(), urlsplit(url).path).key


def language_of(site: BuiltSite, file: Path) -> Language:
    return path_prefix_language(LANGUAGES.values(), "/" + file.relative_to(site.root).as_posix())


def lang_of(site: BuiltSite, file: Path) -> str:
    return language_of(site, file).key


def site_path(url: str, base: str) -> str:
    """Return the site path of a link, failing for a link to another host."""
    assert url.startswith(base + "/"), f"{url} is not below {base or 'the site root'}"
    return url[len(base) :]


def file_of(site: BuiltSite, path: str) -> Path:
    file = site.root / path.lstrip("/")
    return file / "index.html" if path.endswith("/") else file


def page_path(site: BuiltSite, file: Path) -> str:
    return "/" + file.relative_to(site.root).as_posix().removesuffix("index.html")


def read(file: Path) -> BeautifulSoup:
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def switcher_links(page: BeautifulSoup, full_only: bool = True) -> list:
    """The language switcher's links (by default only to the variants with every page)."""
    labels = {found.label for found in (FULL if full_only else LANGUAGES).values()}
    return [a for a in page.select("nav.language-switcher a") if a.get_text(strip=True) in labels]


def alternates(page: BeautifulSoup) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in page.select("link[rel=alternate][hreflang]")}


# --- Catalogue ----------------------------------------------------------------------


def test_every_theme_text_has_an_english_translation():
    template = extract_template()
    assert len(template) > 20  # the extraction found the templates at all
    for po_path in catalogue_files():
        assert missing_translations(read_catalogue(po_path), template) == [], po_path


def test_a_fresh_checkout_without_compiled_catalogues_builds_in_english(tmp_path):
    """The .mo files are not in git (.gitignore): every build compiles them from the .po files."""
    for compiled in TRANSLATIONS.glob("*/LC_MESSAGES/*.mo"):
        compiled.unlink()
    run_pelican(ROOT / "pelicanconf.py", tmp_path / "out", {"CACHE_CONTENT": "false"}, quiet=True)
    assert (TRANSLATIONS / "en" / "LC_MESSAGES" / "messages.mo").is_file()
    page = read(tmp_path / "out" / "en" / "index.html")
    assert page.select_one("a.skip-link").get_text(strip=True) == "Skip to content"


def test_missing_catalogue_stops_the_build(tmp_path):
    """A missing .mo logs "Cannot find translations" and falls back to German: must be fatal."""
    extra = {
        "I18N_GETTEXT_LOCALEDIR": f'"{tmp_path}"',
        "LOAD_CONTENT_CACHE": "false",
        "CACHE_CONTENT": "false",
    }
    command = pelican_command(ROOT / "pelicanconf.py", tmp_path / "out", extra)
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0
    assert "Cannot find translations" in result.stdout + result.stderr


def test_every_extra_setting_reaches_pelican():
    """Pelican keeps only the last of repeated `-e` flags: all settings must go into one."""
    extra = {"SITEURL": '"https://example.test"', "CACHE_CONTENT": "false"}
    command = pelican_command(ROOT / "pelicanconf.py", Path("out"), extra)
    assert command.count("--extra-settings") == 1
    assert command[-2:] == ['SITEURL="https://example.test"', "CACHE_CONTENT=false"]


# --- Language switcher and alternates ---------------------------------------------------


def test_document_language_and_switcher_on_every_page(site):
    """<html lang> from SITE_LANGUAGES; the switcher names every other variant, in its language."""
    built, _ = site
    for file in built.html_files():
        language = language_of(built, file)
        page = read(file)
        assert page.html["lang"] == language.html_lang, file
        links = switcher_links(page, full_only=False)
        others = [found for key, found in LANGUAGES.items() if key != language.key]
        assert [link.get_text(strip=True) for link in links] == [found.label for found in others], file
        for link, other in zip(links, others, strict=True):
            assert link["hreflang"] == other.html_lang, file
            assert link.get("lang", language.html_lang) == other.html_lang, file


def test_switcher_and_alternates_lead_to_existing_pages(site):
    built, base = site
    for file in built.html_files():
        page = read(file)
        links = [a["href"] for a in switcher_links(page)] + list(alternates(page).values())
        for url in links:
            assert file_of(built, site_path(url, base)).is_file(), f"{file}: {url}"


def pages_allowed_without_counterpart(production: bool) -> set[str]:
    """Site paths of German texts that may lack an English page: German-only ones and drafts."""
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    patterns = {
        ("news", False): settings["ARTICLE_URL"],
        ("page", False): settings["PAGE_URL"],
        ("news", True): settings["DRAFT_URL"],
        ("page", True): settings["DRAFT_PAGE_URL"],
    }
    paths = set()
    for item in untranslated_report(CONTENT, settings):
        draft = item.status == "draft"
        if not item.required and not (draft and production):
            paths.add("/" + patterns[(item.kind, draft)].format(slug=item.slug))
    return paths


def test_switcher_leads_to_the_same_page_in_the_other_language(site):
    """Only a page without translation (German-only, or a draft) may lead to the other start page.

    German ↔ English; the plain-German pages and their links: tests/test_plain_language.py.
    """
    built, base = site
    start_pages = {"/" + found.prefix for found in FULL.values()}
    exceptions = pages_allowed_without_counterpart(production=bool(base))
    for file in built.html_files():
        path = page_path(built, file)
        if path in start_pages or path in exceptions or lang_of(built, file) not in FULL:
            continue
        target = site_path(switcher_links(read(file))[0]["href"], base)
        assert target not in start_pages, f"{path} has no counterpart"
        back = site_path(switcher_links(read(file_of(built, target)))[0]["href"], base)
        assert back == path, f"{path} → {target} → {back}"


def test_alternates_name_every_language_and_x_default(site):
    built, base = site
    for path in ["/", "/en/", "/aktuelles/", "/en/news/archive/", "/aktuelles/buergerbus-startet/"]:
        found = alternates(built.page(path))
        assert set(found) == {"de", "en", "x-default"}, path
        assert found["x-default"] == found["de"]
        assert site_path(found["en"], base).startswith("/en/")
        assert not site_path(found["de"], base).startswith("/en/")
        own = "en" if path.startswith("/en/") else "de"
        assert site_path(found[own], base) == path


def test_production_links_are_absolute_and_clean(production_site):
    for file in production_site.html_files():
        page = read(file)
        urls = [link["href"] for link in page.select("link[href]:not([rel=stylesheet]):not([rel=icon])")]
        urls += [a["href"] for a in switcher_links(page)]
        for url in urls:
            assert url.startswith(PRODUCTION_URL + "/"), f"{file}: {url}"
            assert "/../" not in url and "/./" not in url, f"{file}: {url}"
        # What the page loads is root-relative: the preview served locally asks no other host.
        loaded = [link["href"] for link in page.select("link[rel=stylesheet], link[rel=icon]")]
        loaded += [script["src"] for script in page.select("script[src]")]
        assert loaded and all(url.startswith("/") and not url.startswith("//") for url in loaded), file
        assert all("/../" not in url for url in loaded), file


def test_english_pages_link_an_existing_stylesheet(site):
    """Pitfall: CSS_FILE is emptied in a subsite and /en/ pages come out unstyled."""
    built, _ = site
    for file in built.html_files():
        stylesheets = read(file).select("link[rel=stylesheet]")  # the search page adds Pagefind's
        assert stylesheets, file
        for stylesheet in stylesheets:
            # Root-relative in every build: what a page loads comes from the host that serves it.
            assert file_of(built, site_path(stylesheet["href"], "")).is_file(), file


def english_drafts() -> set[str]:
    """Files of English drafts: the only pages the development build may write under /en/drafts/."""
    allowed = set()
    for folder, pattern in [
        ("aktuelles", "drafts/{slug}/index.html"),
        ("seiten", "drafts/pages/{slug}/index.html"),
    ]:
        for path in (CONTENT / folder).glob("*.en.md"):
            front = parse_front_matter(path.read_text(encoding="utf-8"))
            if (front.value("status") or "").strip().lower() == "draft":
                allowed.add(pattern.format(slug=front.value("slug")))
    return allowed


def test_no_leftovers_of_the_other_language_under_en(site):
    """Pitfall: German-only content was written under /en/drafts/ and /en/pages/; theme copied twice."""
    built, base = site
    for leftover in ["en/pages", "en/entwuerfe", "en/aktuelles", "en/theme"]:
        assert not (built.root / leftover).exists(), leftover
    drafts = built.root / "en"
    written = {path.relative_to(drafts).as_posix() for path in drafts.glob("drafts/**/*") if path.is_file()}
    assert written <= (english_drafts() if base == "" else set())


def test_main_language_is_no_subsite():
    """Pitfall (i18n_subsites #1372): listing the main language in I18N_SUBSITES breaks the build."""
    import pelicanconf
    import publishconf

    for settings in (pelicanconf, publishconf):
        assert settings.DEFAULT_LANG not in settings.I18N_SUBSITES
        assert list(settings.I18N_SUBSITES) == list(SITE_LANGUAGES)[1:]


def test_each_build_uses_its_own_address(dev_site, production_site):
    """Pitfall: a second build inherited the first one's subsite URLs (and -e SITEURL was ignored)."""
    for file in production_site.root.rglob("*"):
        if file.suffix in {".html", ".xml", ".txt"}:
            assert LIVE_HOST not in file.read_text(encoding="utf-8"), file
    for file in dev_site.html_files():
        assert "example.test" not in file.read_text(encoding="utf-8"), file
        page = read(file)
        for link in page.select("link[href]"):
            assert not urlsplit(link["href"]).netloc, f"{file}: {link['href']}"
        # Links to other websites are content (e.g. the programme's site); links within
        # the site must not carry a site address in the development build.
        for anchor in page.select("a[href]"):
            assert urlsplit(anchor["href"]).netloc not in {LIVE_HOST, "example.test"}, (
                f"{file}: {anchor['href']}"
            )


# --- Theme texts in the page's language ----------------------------------------------------


def differing_theme_texts() -> list[tuple[str, str]]:
    """Return (German msgid, English msgstr) pairs that differ, from the English catalogue."""
    (po_path,) = [path for path in catalogue_files() if path.parent.parent.name == "en"]
    return [
        (message.id, message.string)
        for message in read_catalogue(po_path)
        if message.id and isinstance(message.id, str) and message.string and message.id != message.string
    ]


def text_pattern(text: str) -> re.Pattern:
    """A whole-word pattern for a catalogue text; %(name)s placeholders match anything."""
    parts = re.split(r"%\(\w+\)s", text)
    return re.compile(r"(?<!\w)" + r".+?".join(re.escape(part) for part in parts) + r"(?!\w)")


def chrome_text(page: BeautifulSoup) -> str:
    """The theme's texts on the page; a part marked as another language (`lang=`) is left out."""
    page = BeautifulSoup(str(page), "html.parser")
    own = page.html.get("lang")
    for foreign in page.select("body [lang]"):
        if foreign.get("lang") != own:
            foreign.decompose()
    texts = []
    for element in page.select(THEME_CHROME):
        texts.append(element.get_text(" "))
        for tagged in [element, *element.find_all(True)]:
            texts += [tagged.get(attribute, "") for attribute in ("aria-label", "title")]
    texts += [link.get("title", "") for link in page.select("link[title]")]
    return re.sub(r"\s+", " ", " ".join(texts))


def test_theme_texts_are_in_the_language_of_the_page(site):
    built, _ = site
    pairs = differing_theme_texts()
    assert pairs
    german = [(msgid, text_pattern(msgid)) for msgid, _ in pairs]
    english = [(msgstr, text_pattern(msgstr)) for _, msgstr in pairs]
    for file in built.html_files():
        text = chrome_text(read(file))
        foreign = english if language_of(built, file).catalogue is None else german
        found = [original for original, pattern in foreign if pattern.search(text)]
        assert found == [], file


def test_programme_name_has_the_quotes_of_the_page_language(dev_site):
    assert "„Engagierte Stadt“" in dev_site.page("/").select_one("footer").get_text()
    assert "“Engagierte Stadt”" in dev_site.page("/en/").select_one("footer").get_text()


# --- Feeds ------------------------------------------------------------------------------


def feed_links(file: Path) -> tuple[dict[str, str], list[str]]:
    """Return the feed's own links {rel: href} and its entries' links."""
    root = ElementTree.parse(file).getroot()
    own = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    entries = [link.get("href") for link in root.findall(f"{ATOM}entry/{ATOM}link")]
    return own, entries


@pytest.mark.parametrize(
    ("feed", "site_prefix"), [("feeds/aktuelles.atom.xml", "/"), ("en/feeds/news.atom.xml", "/en/")]
)
def test_each_language_has_its_own_feed_with_absolute_links(production_site, feed, site_prefix):
    """Pitfall: the subsite's feed pointed at the main site (FEED_DOMAIN inherited)."""
    own, entries = feed_links(production_site.root / feed)
    assert own["self"] == f"{PRODUCTION_URL}/{feed}"
    assert own["alternate"] == PRODUCTION_URL + site_prefix
    assert entries
    for url in entries:
        path = site_path(url, PRODUCTION_URL)
        assert path.startswith("/en/") == (site_prefix == "/en/"), url
        assert file_of(production_site, path).is_file(), url


def test_no_feed_mixes_the_languages(production_site):
    feeds = sorted(
        path.relative_to(production_site.root).as_posix() for path in production_site.root.rglob("*.xml")
    )
    feeds = [feed for feed in feeds if "feeds/" in feed]
    assert feeds == ["en/feeds/news.atom.xml", "feeds/aktuelles.atom.xml"]


def test_pages_announce_the_feed_of_their_language(production_site, dev_site):
    for path, feed in [("/", "/feeds/aktuelles.atom.xml"), ("/en/news/", "/en/feeds/news.atom.xml")]:
        (link,) = production_site.page(path).select("link[type='application/atom+xml']")
        assert link["href"] == PRODUCTION_URL + feed
        assert (production_site.root / feed.lstrip("/")).is_file()
    # The development build writes no feeds, so it must not announce any.
    assert not dev_site.page("/").select("link[type='application/atom+xml']")
    assert not list(dev_site.root.rglob("*.atom.xml"))


# --- 404 pages --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "lang", "title"),
    [("/404.html", "de", "Seite nicht gefunden"), ("/en/404.html", "en", "Page not found")],
)
def test_each_language_has_a_404_page_with_links_that_work_from_any_address(site, path, lang, title):
    built, base = site
    page = built.page(path)
    assert page.html["lang"] == lang
    assert page.h1.get_text(strip=True) == title
    links = [a["href"] for a in page.select("a[href]") if not a["href"].startswith("#")]
    links += [link["href"] for link in page.select("link[href]:not([rel=stylesheet]):not([rel=icon])")]
    for url in links:
        # The page is served for /any/missing/path: a relative link would resolve below it.
        assert url.startswith(base + "/"), url
    # What the page loads is root-relative (same origin), never relative to the missing address.
    for link in page.select("link[rel=stylesheet], link[rel=icon]"):
        assert link["href"].startswith("/") and not link["href"].startswith("//"), link
    main_links = {site_path(a["href"], base) for a in page.select("main a[href]")}
    prefix = "/en" if lang == "en" else ""
    news = "/en/news/" if lang == "en" else "/aktuelles/"
    assert {f"{prefix}/", news, f"{prefix}/orte/", f"{prefix}/kontakt/"} <= main_links


def test_local_server_answers_missing_addresses_with_the_404_page_of_their_language(dev_site):
    server = make_server(dev_site.root, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        for path, title in [
            ("/gibt-es-nicht/", "Seite nicht gefunden"),
            ("/en/no-such-page/", "Page not found"),
        ]:
            with pytest.raises(HTTPError) as answer:
                urlopen(f"http://127.0.0.1:{server.server_port}{path}")
            assert answer.value.code == 404
            assert f"<h1>{title}</h1>" in answer.value.read().decode("utf-8")
    finally:
        server.shutdown()
        server.server_close()


# --- Untranslated content -------------------------------------------------------------------

UNTRANSLATED_PAGE = "Title: Chronik\nSlug: chronik\nLang: de\n{marker}\n\nNur auf Deutsch.\n"


def test_missing_translation_stops_the_production_build_only(content_copy, tmp_path, capsys):
    page = content_copy / "seiten" / "chronik.md"
    page.write_text(UNTRANSLATED_PAGE.format(marker=""), encoding="utf-8")
    settings = {"PATH": json.dumps(str(content_copy)), "SITEURL": f'"{PRODUCTION_URL}"'}
    with pytest.raises(BuildFailed):
        build_site("publishconf.py", tmp_path / "production", settings)
    errors = capsys.readouterr().err
    assert "seiten/chronik.md" in errors and "fehlt die englische Übersetzung" in errors

    dev = build_site("pelicanconf.py", tmp_path / "dev", {"PATH": settings["PATH"]})
    assert dev.exists("/chronik/")
    assert not (dev.root / "en" / "chronik").exists()  # policy "remove": no copy under /en/
    switcher = switcher_links(dev.page("/chronik/"))[0]
    assert switcher["href"] == "/en/"  # no translation: the English start page
    assert not alternates(dev.page("/chronik/"))


def test_german_only_page_is_published_without_translation(content_copy, tmp_path):
    page = content_copy / "seiten" / "chronik.md"
    page.write_text(UNTRANSLATED_PAGE.format(marker="German_only: ja"), encoding="utf-8")
    settings = {"PATH": json.dumps(str(content_copy)), "SITEURL": f'"{PRODUCTION_URL}"'}
    built = build_site("publishconf.py", tmp_path / "production", settings)
    assert built.exists("/chronik/") and not built.exists("/en/chronik/")


def test_each_language_site_reads_only_its_own_files():
    """Every content file is read by exactly one site: name.md by the German, name.en.md by the
    English, name.einfach.md by the plain-German one (the suffixes of SITE_LANGUAGES)."""
    import fnmatch

    import pelicanconf

    sites = {key: pelicanconf.I18N_SUBSITES[key]["IGNORE_FILES"] for key in list(LANGUAGES)[1:]}
    sites = {pelicanconf.DEFAULT_LANG: pelicanconf.IGNORE_FILES, **sites}
    names = [path.name for path in CONTENT.rglob("*.md")]
    names += ["n.md", "en.md", "kathrein.md", "green.md", "x.n.md", "x.en.markdown", "x.markdown"]
    names += ["einfach.md", "x.einfach.md", "x.leinfach.md", "x.einfach.markdown"]
    for name in names:
        readers = [
            lang for lang, ignored in sites.items() if not any(fnmatch.fnmatch(name, p) for p in ignored)
        ]
        stem = name.rsplit(".", 1)[0]
        expected = [key for key, found in LANGUAGES.items() if found.suffix and stem.endswith(found.suffix)]
        assert readers == (expected or [pelicanconf.DEFAULT_LANG]), name


def test_links_into_the_other_language_lead_to_its_page(content_copy, tmp_path):
    """An English page may link a German-only page, and a German page an English one."""
    chronicle = UNTRANSLATED_PAGE.format(marker="German_only: ja").replace(
        "Nur auf Deutsch.", "Nur auf Deutsch. Siehe auch [Contact]({filename}kontakt.en.md#form)."
    )
    (content_copy / "seiten" / "chronik.md").write_text(chronicle, encoding="utf-8")
    about = content_copy / "seiten" / "ueber-uns.en.md"
    about.write_text(
        about.read_text(encoding="utf-8") + "\nOur [chronicle]({filename}chronik.md) is in German only.\n",
        encoding="utf-8",
    )
    for build in ("pelicanconf.py", "publishconf.py"):
        base = "" if build == "pelicanconf.py" else PRODUCTION_URL
        built = build_site(
            build, tmp_path / build, {"PATH": json.dumps(str(content_copy)), "SITEURL": f'"{base}"'}
        )
        english = built.page("/en/ueber-uns/").find("a", string="chronicle")
        german = built.page("/chronik/").find("a", string="Contact")
        assert english["href"] == f"{base}/chronik/"
        assert german["href"] == f"{base}/en/kontakt/#form"


# --- Sitemap ---------------------------------------------------------------------------------

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def sitemap_entries(site: BuiltSite) -> dict[str, dict]:
    """{loc: {"lastmod": …, "alternates": {hreflang: href}}} in the order of the file."""
    root = ElementTree.parse(site.root / "sitemap.xml").getroot()
    return {
        url.findtext(f"{SITEMAP}loc"): {
            "lastmod": url.findtext(f"{SITEMAP}lastmod"),
            "alternates": {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")},
        }
        for url in root.findall(f"{SITEMAP}url")
    }


def test_sitemap_lists_every_public_page_of_both_languages(production_site):
    entries = sitemap_entries(production_site)
    assert list(entries) == sorted(entries)
    pages = {PRODUCTION_URL + page_path(production_site, file) for file in production_site.html_files()}
    hidden = {f"{PRODUCTION_URL}/404.html", f"{PRODUCTION_URL}/en/404.html"} | {
        PRODUCTION_URL + page_path(production_site, file)
        for file in production_site.html_files()
        if '<meta name="robots" content="noindex">' in file.read_text(encoding="utf-8")
    }  # e.g. where the old site's addresses land (aktuelles/alte-website/)
    assert set(entries) == pages - hidden
    assert f"{PRODUCTION_URL}/" in entries and f"{PRODUCTION_URL}/en/" in entries


def test_sitemap_alternates_are_listed_and_reciprocal(production_site):
    entries = sitemap_entries(production_site)
    with_alternates = 0
    for loc, entry in entries.items():
        alternates = entry["alternates"]
        if not alternates:
            continue
        with_alternates += 1
        assert loc in alternates.values()
        assert alternates["x-default"] == alternates["de"]
        for lang in ("de", "en"):
            assert "/../" not in alternates[lang]
            assert entries[alternates[lang]]["alternates"] == alternates, loc
        assert site_path(alternates["en"], PRODUCTION_URL).startswith("/en/")
    # All but the later news pages and the plain-German pages (no hreflang: SITE_LANGUAGES).
    plain = [loc for loc in entries if lang_of_url(loc) not in FULL]
    assert plain and all(not entries[loc]["alternates"] for loc in plain)
    assert with_alternates >= len(entries) - len(plain) - 2


def test_sitemap_dates_come_from_the_content(production_site):
    entries = sitemap_entries(production_site)
    article = entries[f"{PRODUCTION_URL}/aktuelles/buergerbus-startet/"]
    assert article["lastmod"] == "2017-01-09"
    assert entries[f"{PRODUCTION_URL}/en/news/buergerbus-startet/"]["lastmod"] == "2017-01-09"
    assert all(
        re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["lastmod"] or "2000-01-01") for entry in entries.values()
    )


def test_robots_txt_names_the_sitemap_in_production_only(production_site, dev_site):
    robots = (production_site.root / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {PRODUCTION_URL}/sitemap.xml" in robots.splitlines()
    assert "Sitemap:" not in (dev_site.root / "robots.txt").read_text(encoding="utf-8")
    assert not (dev_site.root / "sitemap.xml").exists()  # no absolute addresses in development


# --- Shared images ------------------------------------------------------------------------------

PIXEL_PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4"
    b"\x89\x00\x00\x00\rIDATx\xdac\xfc\xff\x9f\xa1\x1e\x00\x07\x82\x02\x7f=\xc8H\xef\x00\x00\x00\x00IEND\xaeB`\x82"
)


def test_image_linked_from_english_content_is_not_copied_under_en(content_copy, tmp_path):
    """Pitfall (i18n_subsites #180, #1155): English content's images were copied again into /en/."""
    (content_copy / "bilder").mkdir(exist_ok=True)
    (content_copy / "bilder" / "testbild.png").write_bytes(PIXEL_PNG)
    for name, alt in [("kontakt.md", "Testbild"), ("kontakt.en.md", "Test image")]:
        page = content_copy / "seiten" / name
        page.write_text(page.read_text(encoding="utf-8") + f"\n![{alt}]({{static}}/bilder/testbild.png)\n")
    settings = {"PATH": json.dumps(str(content_copy)), "SITEURL": f'"{PRODUCTION_URL}"'}
    built = build_site("publishconf.py", tmp_path / "production", settings)
    assert sorted(path.relative_to(built.root).as_posix() for path in built.root.rglob("testbild*")) == [
        "bilder/testbild.png"
    ]
    for path in ["/kontakt/", "/en/kontakt/"]:
        (image,) = [img for img in built.page(path).select("main img") if "testbild" in img["src"]]
        # Root-relative: the photo loads from whichever host serves the page (the preview too).
        assert image["src"] == "/bilder/testbild.png"


# --- Content cache ------------------------------------------------------------------------------


def tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()
    }


def test_cached_rebuild_of_both_languages_equals_an_uncached_build(dev_site, tmp_path):
    """Pitfall: the content cache with subsites; plugins that keep state must survive cached reads."""
    cache = {
        "CACHE_CONTENT": "true",
        "LOAD_CONTENT_CACHE": "true",
        "CACHE_PATH": json.dumps(str(tmp_path / "cache")),
    }
    run_pelican(ROOT / "pelicanconf.py", tmp_path / "first", cache, quiet=True)
    assert (tmp_path / "cache" / "en").is_dir()  # the subsite has its own cache
    run_pelican(ROOT / "pelicanconf.py", tmp_path / "second", cache, quiet=True)
    assert tree(tmp_path / "second") == tree(dev_site.root)
