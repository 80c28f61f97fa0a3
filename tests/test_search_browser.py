"""The search in Chromium, served with the site's real Content-Security-Policy (deploy/htaccess)."""

from __future__ import annotations

import functools
import http.server
import re
import threading

import pytest
from conftest import SEARCH_HUNG_AFTER_MS, build_site

from sitetools.build import ROOT
from sitetools.serve import SiteRequestHandler

pytestmark = pytest.mark.browser


def site_policy() -> str:
    htaccess = (ROOT / "deploy" / "htaccess").read_text(encoding="utf-8")
    return re.search(r'Content-Security-Policy "([^"]+)"', htaccess).group(1)


class PolicyHandler(SiteRequestHandler):
    """Our local server, plus the header the live server sends."""

    policy = site_policy()

    def end_headers(self):
        self.send_header("Content-Security-Policy", self.policy)
        super().end_headers()


@pytest.fixture(scope="module")
def strict_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("csp-site")
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(PolicyHandler, directory=str(folder))
    )
    base_url = f"http://127.0.0.1:{server.server_port}"
    build_site("publishconf.py", folder, extra={"SITEURL": f'"{base_url}"'})
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base_url
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(
    ("path", "term", "label", "expected"),
    [
        ("/suche/", "Bürgerbus", "Suchbegriff", "/aktuelles/"),
        ("/en/suche/", "bus", "Search term", "/en/news/"),
    ],
)
def test_search_finds_pages_of_its_language_under_the_strict_policy(
    chromium, strict_site, path, term, label, expected
):
    page = chromium.new_page()
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(strict_site + path)
    # search.js gave Pagefind's input a visible label (axe: every field needs one).
    page.wait_for_selector("label.search__label")
    assert page.inner_text("label.search__label") == label
    page.get_by_label(label).fill(term)
    page.wait_for_selector(".pagefind-ui__result-link", timeout=SEARCH_HUNG_AFTER_MS)
    hrefs = page.locator(".pagefind-ui__result-link").evaluate_all("links => links.map(l => l.pathname)")
    assert hrefs and all(
        href.startswith(expected) for href in hrefs if "/news/" in href or "/aktuelles/" in href
    )
    assert problems == []  # a CSP violation (inline script, WebAssembly, worker) shows up here
    page.close()
