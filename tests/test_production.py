"""What the live site needs: search, redirects, fingerprinted and precompressed assets, headers."""

from __future__ import annotations

import datetime
import gzip
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import pytest
from bfb_contents.front_matter import read_front_matter
from bfb_redirects.redirects import ERROR_PAGES_MARKER
from conftest import PRODUCTION_URL, build_site

from sitetools.compress import precompress
from sitetools.crawl import path_to_file

ROOT = Path(__file__).resolve().parent.parent
REDIRECT_LINE = re.compile(r'RewriteRule "\^(?P<old>[^"]*?)/\?\$" "(?P<new>[^"]+)" \[R=301')
NGINX_LINE = re.compile(r'location = "(?P<old>[^"]+)" \{ return 301 "(?P<new>[^"]+)"; \}')


# Folders under the news list that hold generated lists, not news items.
GENERATED_NEWS_LISTS = ("archiv", "archive", "seite", "page", "alte-website", "old-website")


def apache_old(match: re.Match) -> str:
    """The old path of a RewriteRule line: unescaped, with its leading slash."""
    return "/" + match["old"].replace("\\", "")


def local_path(url: str) -> str:
    return urlsplit(url).path


# --- search -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "lang"), [("/suche/", "de"), ("/en/suche/", "en")])
def test_search_page_loads_pagefind_from_our_host_only_there(production_site, path, lang):
    page = production_site.page(path)
    scripts = [script["src"] for script in page.select("script")]
    # Root-relative: loaded from the host that serves the page (`invoke preview` served locally too).
    assert len(scripts) == 2 and all(src.startswith("/") and not src.startswith("//") for src in scripts)
    assert any(src.endswith("/pagefind/pagefind-ui.js") for src in scripts)
    for src in scripts:
        assert production_site.exists(local_path(src)), src
    ours = next(src for src in scripts if "/theme/js/" in src)
    assert re.search(r"/search\.[0-9a-f]{10}\.js$", ours)  # fingerprinted, may be cached for a year
    assert page.select_one("#suche-feld")["data-label"]  # the visible label search.js adds
    assert page.select_one("main").get("data-pagefind-body") is None  # the search page is not indexed
    assert production_site.page("/aktuelles/" if lang == "de" else "/en/news/").select("script") == []


def test_search_index_has_both_languages(production_site):
    indexes = {
        file.name.split("_")[0] for file in (production_site.root / "pagefind").glob("pagefind.*.pf_meta")
    }
    assert indexes == {"pagefind.de", "pagefind.en"}


@pytest.mark.parametrize(("path", "news"), [("/suche/", "/aktuelles/"), ("/en/suche/", "/en/news/")])
def test_search_page_lists_every_page_and_news_item_without_javascript(production_site, path, news):
    listed = {local_path(a["href"]) for a in production_site.page(path).select(".search__list a")}
    news_items = {
        "/" + file.parent.relative_to(production_site.root).as_posix() + "/"
        for file in (production_site.root / news.strip("/")).glob("*/index.html")
        if file.parent.name not in GENERATED_NEWS_LISTS
    }
    assert news_items and news_items <= listed
    for target in listed:
        assert production_site.exists(target), target


def test_header_links_to_the_search_page_in_each_language(production_site):
    assert local_path(production_site.page("/").select_one("a.search__header-link")["href"]) == "/suche/"
    assert (
        local_path(production_site.page("/en/").select_one("a.search__header-link")["href"]) == "/en/suche/"
    )


def test_no_inline_script_or_style_anywhere(production_site):
    """The Content-Security-Policy allows neither."""
    for file in production_site.html_files():
        page = production_site.page("/" + file.relative_to(production_site.root).as_posix())
        assert all(script.get("src") for script in page.select("script")), file
        assert page.select("style, [style]") == [], file


# --- fingerprinted and precompressed assets --------------------------------------------------------


def test_pages_link_the_fingerprinted_stylesheet(production_site):
    for path in ("/", "/en/"):
        href = production_site.page(path).select_one('link[rel="stylesheet"]')["href"]
        assert re.search(r"/theme/css/site\.[0-9a-f]{10}\.css$", href)
        assert production_site.exists(local_path(href))
    assert not (production_site.root / "theme" / "css" / "site.css").exists()


def test_precompressed_files_decompress_to_the_original(production_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(production_site.root, site)
    assert precompress(site) > 0
    for original in (site / "index.html", next((site / "theme" / "css").glob("site.*.css"))):
        data = original.read_bytes()
        assert gzip.decompress(original.with_name(original.name + ".gz").read_bytes()) == data
        assert brotli.decompress(original.with_name(original.name + ".br").read_bytes()) == data
    assert not (site / ".htaccess.gz").exists()


# --- redirects -----------------------------------------------------------------------------------------


def test_every_declared_old_address_leads_to_an_existing_page(production_site):
    declared = {read_front_matter(file).value("redirect_from") for file in (ROOT / "content").rglob("*.md")}
    declared.discard(None)
    old_paths = {path.strip() for value in declared for path in value.split(",") if path.strip()}
    htaccess = (production_site.root / ".htaccess").read_text(encoding="utf-8")
    nginx = (production_site.root / ".server" / "nginx-redirects.conf").read_text(encoding="utf-8")
    apache_map = {apache_old(match): match["new"] for match in REDIRECT_LINE.finditer(htaccess)}
    nginx_map = {match["old"]: match["new"] for match in NGINX_LINE.finditer(nginx)}
    paths = {old for old in old_paths if "?" not in old}
    queries = {old for old in old_paths if "?" in old}
    assert set(apache_map) == paths | {old.split("?")[0] for old in queries}
    assert {old for old in nginx_map if old in paths or old.rstrip("/") in paths} >= paths
    for old in paths:
        assert nginx_map[old] == nginx_map[old + "/"] == apache_map[old]
    for old in queries:  # WordPress: /?p=760, matched on the server with its parameter
        parameter = old.split("?")[1]
        assert f'RewriteCond %{{QUERY_STRING}} "(^|&){parameter}(&|$)"' in htaccess
        assert f"(.*&)?{parameter}(&|$)" in nginx
    for old, new in apache_map.items():
        assert path_to_file(production_site.root, new) is not None, f"{old} → {new}"


def test_redirect_from_in_a_new_article_reaches_both_server_files(content_copy, tmp_path):
    (content_copy / "aktuelles" / "2020-01-01-umzug.md").write_text(
        "Title: Umgezogen\nSlug: umgezogen\nDate: 2020-01-01\nLang: de\n"
        "Summary: Eine Meldung, die eine alte Adresse hatte.\n"
        "Redirect_from: /index.php/aktuelles/99-umzug, /index.php/presseresonanz/7-umzug\n\n"
        "Die Meldung wohnt jetzt hier.\n",
        encoding="utf-8",
    )
    site = build_site("pelicanconf.py", tmp_path / "out", extra={"PATH": f'"{content_copy}"'})
    htaccess = (site.root / ".htaccess").read_text(encoding="utf-8")
    # The redirects come first (before the rewrites for precompressed files), then deploy/htaccess
    # with each language's 404 page in place of its marker line.
    assert htaccess.startswith("# BEGIN redirects")
    before, after = (ROOT / "deploy" / "htaccess").read_text(encoding="utf-8").split(ERROR_PAGES_MARKER)
    assert htaccess.endswith(after) and before in htaccess
    assert "\nErrorDocument 404 /404.html\n" in htaccess and "  ErrorDocument 404 /en/404.html\n" in htaccess
    found = {apache_old(match): match["new"] for match in REDIRECT_LINE.finditer(htaccess)}
    assert found["/index.php/aktuelles/99-umzug"] == "/aktuelles/umgezogen/"
    assert found["/index.php/presseresonanz/7-umzug"] == "/aktuelles/umgezogen/"
    assert site.exists("/aktuelles/umgezogen/")


def test_redirect_that_would_hide_a_page_stops_the_build(content_copy, tmp_path):
    from sitetools.build import BuildFailed

    (content_copy / "aktuelles" / "2020-01-01-umzug.md").write_text(
        "Title: Umgezogen\nSlug: umgezogen\nDate: 2020-01-01\nLang: de\nSummary: Test.\n"
        "Redirect_from: /aktuelles/\n\nText.\n",
        encoding="utf-8",
    )
    with pytest.raises(BuildFailed):
        build_site("pelicanconf.py", tmp_path / "out", extra={"PATH": f'"{content_copy}"'})


@pytest.mark.parametrize("old", ["/aktuelles/archiv/", "/pagefind/pagefind-ui.js", "/orte/gillenfeld"])
def test_redirect_from_a_generated_page_or_file_stops_the_build_naming_both(
    content_copy, tmp_path, capsys, old
):
    from sitetools.build import BuildFailed

    (content_copy / "aktuelles" / "2020-01-01-umzug.md").write_text(
        "Title: Umgezogen\nSlug: umgezogen\nDate: 2020-01-01\nLang: de\nSummary: Eine Meldung zum Testen.\n"
        f"Redirect_from: {old}\n\nText.\n",
        encoding="utf-8",
    )
    with pytest.raises(BuildFailed):
        build_site("pelicanconf.py", tmp_path / "out", extra={"PATH": f'"{content_copy}"'})
    report = capsys.readouterr().err
    assert "2020-01-01-umzug.md:6" in report  # the file and line that declares it
    assert old.rstrip("/") in report and "Redirect_from" in report  # the generated address it would take


# --- server configuration ----------------------------------------------------------------------------


def csp(text: str) -> str:
    return re.search(r"Content-Security-Policy \"([^\"]+)\"", text).group(1)


def test_security_headers_in_apache_and_nginx_agree(production_site):
    htaccess = (production_site.root / ".htaccess").read_text(encoding="utf-8")
    nginx = (ROOT / "deploy" / "nginx-headers.conf").read_text(encoding="utf-8")
    policy = csp(htaccess)
    assert policy == csp(nginx)
    assert "default-src 'self'" in policy and "'unsafe-inline'" not in policy
    assert "script-src 'self' 'wasm-unsafe-eval'" in policy  # Pagefind compiles WebAssembly
    for header in ('X-Content-Type-Options "nosniff"', "Referrer-Policy"):
        assert header in htaccess and header in nginx
    assert "max-age=31536000, immutable" in htaccess
    assert 'RedirectMatch 404 "/\\.(?!well-known(/|$))"' in htaccess  # hidden files are not served


def test_future_news_stay_out_of_the_production_build(content_copy, tmp_path):
    later = datetime.date.today().year + 2  # in the future, inside the plausible years
    (content_copy / "aktuelles" / "2999-01-01-zukunft.md").write_text(
        f"Title: Aus der Zukunft\nSlug: aus-der-zukunft\nDate: {later}-01-01\nLang: de\n"
        "Summary: Erscheint erst an ihrem Tag.\nGerman_only: ja\n\nText.\n",
        encoding="utf-8",
    )
    site = build_site(
        "publishconf.py",
        tmp_path / "out",
        extra={"PATH": f'"{content_copy}"', "SITEURL": f'"{PRODUCTION_URL}"'},
    )
    assert not site.exists("/aktuelles/aus-der-zukunft/")
    assert "aus-der-zukunft" not in (site.root / "aktuelles" / "index.html").read_text(encoding="utf-8")


def test_a_draft_builds_in_development_and_stays_out_of_production(content_copy, tmp_path):
    """Regression: with category pages off, Pelican crashed on any draft (DEFAULT_METADATA fixes it)."""
    (content_copy / "aktuelles" / "2020-01-01-entwurf.md").write_text(
        "Title: Ein Entwurf\nSlug: ein-entwurf\nDate: 2020-01-01\nLang: de\nStatus: draft\n"
        "Summary: Ein Entwurf, den nur die Vorschau zeigt.\n\nText.\n",
        encoding="utf-8",
    )
    dev = build_site("pelicanconf.py", tmp_path / "dev", extra={"PATH": f'"{content_copy}"'})
    assert dev.exists("/entwuerfe/ein-entwurf/")
    production = build_site("publishconf.py", tmp_path / "prod", extra={"PATH": f'"{content_copy}"'})
    assert not any("ein-entwurf" in str(file) for file in production.html_files())


def test_search_index_leaves_out_the_search_and_404_pages(production_site):
    for path in ("/suche/", "/en/suche/", "/404.html", "/en/404.html"):
        assert production_site.page(path).select_one("main").get("data-pagefind-body") is None, path
    assert production_site.page("/aktuelles/").select_one("main").get("data-pagefind-body") is not None


def test_search_index_is_the_same_for_the_same_site(production_site, tmp_path):
    """Pagefind's language list comes in random order; the build sorts it."""
    from sitetools.search_index import build_search_index

    entries = set()
    for attempt in range(4):
        copy = tmp_path / f"site{attempt}"
        shutil.copytree(production_site.root, copy)
        shutil.rmtree(copy / "pagefind")
        build_search_index(copy)
        entries.add((copy / "pagefind" / "pagefind-entry.json").read_bytes())
    assert len(entries) == 1
