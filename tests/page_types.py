"""The kinds of page readers meet, in both languages: what the browser tests open.

Each page type names one representative page per language. Pages that come and go
with the content (a news item, a place) are looked up in the built site: the first
one, in sorted order, that exists in both languages, so the language switcher has a
counterpart to lead to.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

LANGUAGES = ("de", "en")
WIDTHS = (360, 1280)


@dataclass(frozen=True)
class PageType:
    name: str
    # Returns {"de": path, "en": path} for a built site, or None while it has no such page.
    locate: Callable[[Path], dict[str, str] | None]


def _fixed(de: str, en: str) -> Callable[[Path], dict[str, str] | None]:
    def locate(root: Path) -> dict[str, str] | None:
        paths = {"de": de, "en": en}
        return paths if all(_exists(root, path) for path in paths.values()) else None

    return locate


def _first_pair(de_folder: str, en_folder: str, exclude: tuple[str, ...] = ()) -> Callable:
    """The first `<folder>/<slug>/` page that also exists as `<en_folder>/<slug>/`."""

    def locate(root: Path) -> dict[str, str] | None:
        folder = root / de_folder.strip("/")
        if not folder.is_dir():
            return None
        for child in sorted(folder.iterdir()):
            if child.name in exclude or not (child / "index.html").is_file():
                continue
            paths = {"de": f"{de_folder}{child.name}/", "en": f"{en_folder}{child.name}/"}
            if _exists(root, paths["en"]):
                return paths
        return None

    return locate


def _exists(root: Path, path: str) -> bool:
    file = root / path.lstrip("/")
    return (file / "index.html").is_file() if path.endswith("/") else file.is_file()


PAGE_TYPES = [
    PageType("start", _fixed("/", "/en/")),
    PageType("news-list", _fixed("/aktuelles/", "/en/news/")),
    PageType("news-article", _first_pair("/aktuelles/", "/en/news/", exclude=("archiv", "seite"))),
    PageType("content-page", _fixed("/ueber-uns/", "/en/ueber-uns/")),
    PageType("place-overview", _fixed("/orte/", "/en/orte/")),
    PageType("place-page", _first_pair("/orte/", "/en/orte/")),
    PageType("search", _fixed("/suche/", "/en/suche/")),
    PageType("404", _fixed("/404.html", "/en/404.html")),
]
