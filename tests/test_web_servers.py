"""The published site behind real Apache and nginx with deploy/'s configuration.

Headers (CSP, nosniff, Referrer-Policy, caching), 301 redirects from the old site,
precompressed files, per-language 404 pages, and nothing server-side readable.
"""

from __future__ import annotations

import gzip
import http.client
import os
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import pytest
from test_production import NGINX_LINE
from web_servers import find_program, start_apache, start_nginx

from sitetools.compress import precompress
from sitetools.publish import Target, publish

SERVERS = {"apache": ("apache2", start_apache), "nginx": ("nginx", start_nginx)}


@pytest.fixture(scope="module")
def published(production_site):
    """The production build, precompressed and published (releases mode) into a world-readable folder."""
    folder = Path(tempfile.mkdtemp(prefix="bfb-webserver-"))
    folder.chmod(0o755)  # the servers' workers run as nobody
    site = folder / "site"
    shutil.copytree(production_site.root, site)
    precompress(site)
    webroot = folder / "webroot"
    publish(site, Target.parse(str(webroot)))
    for path in folder.rglob("*"):
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() else 0o644)
    yield site, webroot, folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module", params=sorted(SERVERS))
def server(request, published):
    program, start = SERVERS[request.param]
    if find_program(program) is None:
        pytest.fail(f"{program} fehlt (Debian-Paket {program}; `python3 bootstrap.py test` installiert es)")
    site, webroot, folder = published
    run_folder = folder / request.param
    run_folder.mkdir()
    process, port = start(run_folder, webroot)
    yield request.param, port, site
    process.terminate()
    process.wait(timeout=10)


def get(port: int, path: str, encoding: str | None = None) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Accept-Encoding": encoding} if encoding else {}
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {key.lower(): value for key, value in response.getheaders()}, body


def test_pages_carry_the_security_headers(server):
    name, port, _ = server
    status, headers, _ = get(port, "/")
    assert status == 200, name
    assert headers["content-security-policy"].startswith("default-src 'self'")
    assert "'wasm-unsafe-eval'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert headers["cache-control"] == "no-cache"


def test_fingerprinted_css_is_cached_for_a_year_and_served_compressed(server):
    name, port, site = server
    css = next((site / "theme" / "css").glob("site.*.css"))
    path = "/" + css.relative_to(site).as_posix()
    status, headers, body = get(port, path, "br" if name == "apache" else "gzip")
    assert status == 200
    assert "max-age=31536000" in headers["cache-control"] and "immutable" in headers["cache-control"]
    assert headers["content-type"].startswith("text/css")
    assert "x-content-type-options" in headers  # nginx: headers repeated inside the location
    decoded = brotli.decompress(body) if headers.get("content-encoding") == "br" else gzip.decompress(body)
    assert headers.get("content-encoding") in ("br", "gzip")
    assert decoded == css.read_bytes()


def test_pages_are_served_gzip_compressed_with_their_type(server):
    _, port, site = server
    status, headers, body = get(port, "/aktuelles/", "gzip")
    assert status == 200 and headers.get("content-encoding") == "gzip"
    assert headers["content-type"].startswith("text/html")
    assert gzip.decompress(body) == (site / "aktuelles" / "index.html").read_bytes()
    status, headers, body = get(port, "/aktuelles/")
    assert "content-encoding" not in headers and body == (site / "aktuelles" / "index.html").read_bytes()


# The 12 addresses known from the old site (Joomla, then WordPress) and the page replacing each.
MEMBERS = "/aktuelles/mehr-als-200-mitglieder/"
BUS_ARRIVED = "/aktuelles/der-buergerbus-ist-da/"
KNOWN_OLD_ADDRESSES = {
    "/index.php/presseresonanz/54-trierischer-volksfreund-11-juni-2013": MEMBERS,
    "/index.php/presseresonanz/78-wochenspiegel-daun-gerolstein-06-03-2013": MEMBERS,
    "/index.php/aktuelles/114-ein-buergerbus-rollt-bald-durchs-dauner-land": BUS_ARRIVED,
    "/index.php/aktuelles/122-infoveranstaltung-fuer-buergerbus-zwei-fahrzeuge-verfuegbar": "/buergerbus/",
    "/index.php/aktuelles/136-der-buergerbus-startet": "/aktuelles/buergerbus-startet/",
    "/index.php/aktuelles/151-fuenf-jahre-miteinander": "/aktuelles/fuenf-jahre-miteinander/",
    "/index.php/aktuelles/171-fahrten-des-buergerbusses-in-der-verbandsgemeinde-daun-werden-voruebergehend-"
    "eingestellt": "/buergerbus/",
    "/index.php/buergerbus": "/buergerbus/",
    "/?p=760": "/gemeinsames-wirken/",
    "/category/engagiertestadt": "/engagierte-stadt/",
    "/helfer-gesucht": "/mithelfen/",
    "/wir-sind-eine-sorgende-gemeinschaft": "/sorgende-gemeinschaft/",
}
NEWS_LANDING = "/aktuelles/alte-website/"
# Old addresses nobody recorded: the section they were in decides where they lead.
UNKNOWN_OLD_ADDRESSES = {
    "/index.php/aktuelles/99-eine-meldung-die-niemand-kennt": NEWS_LANDING,
    "/index.php/aktuelles": NEWS_LANDING,
    "/index.php/presseresonanz/12-rhein-zeitung-2014/": NEWS_LANDING,
    "/category/allgemein": NEWS_LANDING,
    "/category/": NEWS_LANDING,
    "/index.php/kontakt": "/",
    "/index.php": "/",
    "/index.php?option=com_content&view=article&id=7": "/",
}


def location_path(headers: dict[str, str]) -> str:
    return urlsplit(headers["location"]).path


@pytest.mark.parametrize(
    ("old", "new"), [*KNOWN_OLD_ADDRESSES.items(), *UNKNOWN_OLD_ADDRESSES.items()], ids=str
)
def test_every_old_address_leads_to_a_page_that_exists(server, old, new):
    name, port, _ = server
    for variant in {old, old.rstrip("/") + "/" if "?" not in old else old}:
        for encoding in (None, "gzip, br"):  # the precompressed-file rules must not get in the way
            status, headers, _ = get(port, variant, encoding)
            assert status == 301, (name, variant, encoding)
            assert location_path(headers) == new, (name, variant, headers["location"])
            assert "?" not in headers["location"]  # the old query string is dropped
    status, _, _ = get(port, new)
    assert status == 200, (name, new)


def test_the_news_landing_says_politely_that_the_old_page_is_gone(server):
    _, port, _ = server
    status, _, body = get(port, NEWS_LANDING)
    assert status == 200
    page = body.decode("utf-8")
    assert "Die Seite der alten Website gibt es nicht mehr – hier sind alle Meldungen" in page
    assert page.count('class="archive-list"') >= 1 and "<script" not in page


@pytest.mark.parametrize("path", ["/", "/?p=761", "/?page=760", "/aktuelles/", "/gemeinsames-wirken/"])
def test_new_pages_are_not_hidden_by_any_old_address(server, path):
    _, port, _ = server
    status, _, _ = get(port, path, "gzip")
    assert status == 200, path


def test_old_addresses_redirect_permanently(server, production_site):
    _, port, _ = server
    nginx = (production_site.root / ".server" / "nginx-redirects.conf").read_text(encoding="utf-8")
    redirects = {match["old"]: match["new"] for match in NGINX_LINE.finditer(nginx)}
    assert redirects, "the content declares at least one old address"
    for old, new in redirects.items():
        status, headers, _ = get(port, old)
        assert status == 301, old
        assert headers["location"].endswith(new), (old, headers["location"])


@pytest.mark.parametrize(("path", "lang"), [("/gibt-es-nicht/", "de"), ("/en/does-not-exist/", "en")])
def test_missing_pages_get_the_404_page_of_their_language(server, path, lang):
    _, port, _ = server
    status, _, body = get(port, path)
    assert status == 404
    assert f'<html lang="{lang}">' in body.decode("utf-8")


@pytest.mark.parametrize("path", ["/.server/nginx-redirects.conf", "/.htaccess"])
def test_server_files_are_not_readable(server, path):
    _, port, _ = server
    status, _, _ = get(port, path)
    assert status in (403, 404)


def test_folders_are_never_listed(server):
    _, port, _ = server
    status, _, body = get(port, "/theme/css/")  # a folder without index.html
    assert status in (403, 404)
    assert b"Index of" not in body


def test_the_document_root_is_the_switched_release(published):
    _, webroot, _ = published
    assert os.path.islink(webroot / "current")
