"""Fixtures of the Orte plugin's tests: a tiny site with invented places, built like the real one."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bfb_languages import languages_of
from bs4 import BeautifulSoup

from orte.model import Terms
from orte.terms import read_terms
from pelicanconf import SITE_LANGUAGES
from sitetools.build import CONTENT, compile_catalogues

FIXTURES = Path(__file__).parent / "fixtures"
LANGUAGES = languages_of(SITE_LANGUAGES)  # the site's table of languages
TERMS_FILE = CONTENT / "data" / "orte-begriffe.yaml"  # the real names of the vocabularies


def site_terms() -> Terms:
    """The vocabularies' names of the real terms file (it must be valid)."""
    terms, problems = read_terms(TERMS_FILE, LANGUAGES)
    assert problems == [], [problem.render() for problem in problems]
    return terms


# The site's own settings, minus the plugins that check the real content's conventions.
SETTINGS = """
from pelicanconf import *  # noqa: F403
from pelicanconf import PLUGINS, language_subsites
PLUGINS = [name for name in PLUGINS if name not in ("bfb_content_check", "bfb_teasers")]
I18N_SUBSITES = language_subsites()
CACHE_CONTENT = LOAD_CONTENT_CACHE = False
"""


@dataclass(frozen=True)
class TinySite:
    """A tiny site's folders and the result of building it."""

    folder: Path
    returncode: int
    stderr: str

    @property
    def content(self) -> Path:
        return self.folder / "content"

    @property
    def output(self) -> Path:
        return self.folder / "output"

    def page(self, path: str) -> BeautifulSoup:
        file = self.output / path.lstrip("/") / "index.html"
        return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def tiny_content(folder: Path, data: str | None = None) -> Path:
    """Lay out content/ with the fixture places, the real terms file and the places' boundaries,
    one body, one news item in two languages."""
    content = folder / "content"
    (content / "data").mkdir(parents=True)
    (content / "orte").mkdir()
    (content / "aktuelles").mkdir()
    (content / "data" / "orte.yaml").write_text(
        data if data is not None else (FIXTURES / "orte.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    shutil.copy(TERMS_FILE, content / "data" / TERMS_FILE.name)
    # Invented areas of the invented places, beside content/ (a test may rename one).
    shutil.copy(FIXTURES / "grenzen.geojson", folder / "grenzen.geojson")
    for body in FIXTURES.glob("ueberdorf*.md"):
        shutil.copy(body, content / "orte" / body.name)
    for news in FIXTURES.glob("2024-*.md"):
        shutil.copy(news, content / "aktuelles" / news.name)
    return content


def build_tiny_site(folder: Path, extra_settings: str = "") -> TinySite:
    """Build `folder`/content into `folder`/output in its own process, as the real build does.

    `extra_settings`: Python lines appended to the settings (a test's copy of the table, say).
    """
    compile_catalogues()
    settings = folder / "settings.py"
    boundaries = f"ORTE_BOUNDARIES = {str(folder / 'grenzen.geojson')!r}\n"
    settings.write_text(SETTINGS + boundaries + extra_settings, encoding="utf-8")
    command = [sys.executable, "-m", "pelican", "content", "-s", str(settings), "-o", "output"]
    result = subprocess.run(
        [*command, "--fatal", "warnings"], cwd=folder, capture_output=True, text=True, check=False
    )
    return TinySite(folder, result.returncode, result.stdout + result.stderr)


@pytest.fixture(scope="session")
def tiny_site(tmp_path_factory) -> TinySite:
    """The tiny site with the fixture places, built once."""
    folder = tmp_path_factory.mktemp("orte-site")
    tiny_content(folder)
    site = build_tiny_site(folder)
    assert site.returncode == 0, site.stderr
    return site
