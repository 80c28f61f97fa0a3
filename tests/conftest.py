"""Shared fixtures: the site is built once per test session, in a temporary folder."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitetools.build import CONTENT, ROOT, run_pelican
from sitetools.serve import make_server

PRODUCTION_URL = "https://example.test"  # SITEURL of the production_site fixture

# How long a browser test waits for search results before it calls the search hung. A
# deadline, not an expectation: on a machine starved by other busy processes Pagefind's first
# search took longer than 15 s, on a quiet one it takes well under a second.
SEARCH_HUNG_AFTER_MS = 120_000
CHROMIUM = "/usr/bin/chromium"  # Debian's package; .ci/run and bootstrap.py install it
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Offline by construction: every host name but the test server's address resolves to nothing.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


@dataclass(frozen=True)
class BuiltSite:
    """A built site: its folder and helpers to read its pages."""

    root: Path

    def html_files(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))

    def page(self, path: str) -> BeautifulSoup:
        """Parse the page at a site path like `/ueber-uns/` or `/en/news/`."""
        file = self.root / path.lstrip("/")
        if path.endswith("/") or not file.suffix:
            file = file / "index.html"
        return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")

    def exists(self, path: str) -> bool:
        file = self.root / path.lstrip("/")
        return file.is_file() or (file / "index.html").is_file()


def build_site(settings: str, folder: Path, extra: dict[str, str] | None = None) -> BuiltSite:
    settings_overrides = {"CACHE_CONTENT": "false", "LOAD_CONTENT_CACHE": "false"}
    settings_overrides.update(extra or {})
    run_pelican(ROOT / settings, folder, settings_overrides, quiet=True)
    return BuiltSite(folder)


@pytest.fixture(scope="session")
def dev_site(tmp_path_factory) -> BuiltSite:
    """The development build (pelicanconf.py), with warnings treated as errors."""
    return build_site("pelicanconf.py", tmp_path_factory.mktemp("dev-site"))


@pytest.fixture
def content_copy(tmp_path) -> Path:
    """A private copy of content/ to add or break files in; build it with `PATH` set to it."""
    copy = tmp_path / "content"
    shutil.copytree(CONTENT, copy)
    return copy


@pytest.fixture(scope="session")
def production_site(tmp_path_factory) -> BuiltSite:
    """The production build (publishconf.py) for PRODUCTION_URL, with warnings treated as errors.

    Its own `pelican` process, like every build (docs/architecture.md, "Pitfalls"): the English
    subsite and the feeds must follow the overridden SITEURL, not the live address.
    """
    folder = tmp_path_factory.mktemp("production-site")
    return build_site("publishconf.py", folder, extra={"SITEURL": f'"{PRODUCTION_URL}"'})


# --- Served production build and a real browser (tests/test_browser.py, test_accessibility.py) ---


@dataclass(frozen=True)
class ServedSite:
    """A production build served on 127.0.0.1; its SITEURL is the server's address."""

    site: BuiltSite
    base_url: str  # e.g. http://127.0.0.1:41234, no trailing slash

    def url(self, path: str) -> str:
        return self.base_url + path


@pytest.fixture(scope="session")
def served_site(tmp_path_factory) -> Iterator[ServedSite]:
    """The production build (publishconf.py), built for and served on a free local port.

    The server binds its port first so the build can use it as SITEURL: every
    absolute address in the pages (stylesheet, alternates, /en/) then points at
    127.0.0.1, and any request elsewhere is a real defect of the site.
    """
    folder = tmp_path_factory.mktemp("served-site")
    server = make_server(folder, port=0)
    base_url = f"http://127.0.0.1:{server.server_port}"
    site = build_site("publishconf.py", folder, extra={"SITEURL": f'"{base_url}"'})
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield ServedSite(site, base_url)
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def chromium():
    """One headless Debian Chromium for the whole session (never Playwright's own download)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
