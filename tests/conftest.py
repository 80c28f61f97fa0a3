"""Shared fixtures: the site is built once per test session, in a temporary folder."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitetools.build import CONTENT, ROOT, run_pelican

PRODUCTION_URL = "https://example.test"  # SITEURL of the production_site fixture


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

    Its own `pelican` process, like every build (pelican-pitfalls #2): the English
    subsite and the feeds must follow the overridden SITEURL, not the live address.
    """
    folder = tmp_path_factory.mktemp("production-site")
    return build_site("publishconf.py", folder, extra={"SITEURL": f'"{PRODUCTION_URL}"'})
