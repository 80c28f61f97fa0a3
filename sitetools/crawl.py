"""Crawl a built site in its output folder: broken links, missing anchors, unreachable pages.

Works on files, not over HTTP, so it checks thousands of pages in seconds and needs
no server. A link counts as internal when it is root-relative (`/ueber-uns/`),
relative, or starts with one of the site's own addresses (`SITEURL` of a
production build); everything else is external and only listed, never fetched.

    python -m sitetools.crawl output                 # development build
    python -m sitetools.crawl output-preview --site-url https://www.buerger-daun.de
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bfb_html import ids, srcset_addresses, start_tags
from bfb_languages import languages_of, start_paths
from bfb_urls import address_of

import pelicanconf


def start_pages_of_the_site() -> tuple[str, ...]:
    """Every language variant's start page ("/", "/en/", …), from SITE_LANGUAGES."""
    return start_paths(languages_of(pelicanconf.SITE_LANGUAGES).values())


# Attributes that make the browser load or navigate to another address.
LINK_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "iframe": ("src",),
    "form": ("action",),
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
LOCAL_HOST = "http://crawl.invalid"  # a base for resolving relative links; never contacted


@dataclass(frozen=True)
class BrokenLink:
    page: str  # the site path of the page that has the link
    target: str  # the link as written
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.target} ({self.reason})"


@dataclass
class CrawlResult:
    reached: set[str] = field(default_factory=set)  # site paths of every file reached
    broken: list[BrokenLink] = field(default_factory=list)
    external: set[str] = field(default_factory=set)

    def unreachable_pages(self, root: Path) -> list[str]:
        """HTML pages in the output folder that no chain of links from a start page reaches."""
        pages = {file_to_path(file.relative_to(root).as_posix()) for file in root.rglob("*.html")}
        return sorted(pages - self.reached)


@dataclass
class ParsedPage:
    """The ids (anchor targets) and the outgoing links of one page or stylesheet."""

    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    base: str | None = None


def parse_page(html: str) -> ParsedPage:
    """What the crawl needs of one HTML page, read by the one HTML reader (lib/bfb_html)."""
    page = ParsedPage(ids=ids(html))
    for tag in start_tags(html):
        if tag.name == "base" and tag.get("href"):
            page.base = tag.get("href")
        if tag.name == "link" and not _is_followed_link_rel(tag.get("rel")):
            continue
        for attribute in LINK_ATTRIBUTES.get(tag.name, ()):
            value = tag.get(attribute)
            if value:
                page.links += srcset_addresses(value) if attribute == "srcset" else [value.strip()]
    return page


def _is_followed_link_rel(rel: str) -> bool:
    # `preconnect`/`dns-prefetch` name hosts, not documents; everything else must exist.
    return not set(rel.lower().split()) & {"preconnect", "dns-prefetch"}


def file_to_path(relative_file: str) -> str:
    """`aktuelles/index.html` → `/aktuelles/`; other files keep their name (bfb_urls.address_of)."""
    return address_of(relative_file)


def path_to_file(root: Path, path: str) -> Path | None:
    """The file a web server would deliver for a site path, or None."""
    relative = unquote(path).lstrip("/")
    candidate = root / relative
    if candidate.is_file():
        return candidate
    if (candidate / "index.html").is_file():
        # A folder without a trailing slash would only work through a redirect.
        return candidate / "index.html" if path.endswith("/") or not relative else None
    return None


class SiteCrawler:
    """Follows every internal link from the start pages through the output folder."""

    def __init__(self, root: Path, site_urls: tuple[str, ...] = ()) -> None:
        self.root = root
        self.site_urls = tuple(url.rstrip("/") for url in site_urls if url)
        self._parsed: dict[Path, ParsedPage] = {}

    def crawl(self, start_pages: tuple[str, ...] | None = None) -> CrawlResult:
        start_pages = start_pages_of_the_site() if start_pages is None else start_pages
        result = CrawlResult()
        queue = deque()
        for start in start_pages:
            if path_to_file(self.root, start) is None:
                result.broken.append(BrokenLink("(start)", start, "start page missing"))
            else:
                queue.append(start)
                result.reached.add(start)
        while queue:
            page_path = queue.popleft()
            parsed = self._parse(path_to_file(self.root, page_path))
            for link in parsed.links:
                target = self._check(page_path, parsed.base, link, result)
                if target and target not in result.reached:
                    result.reached.add(target)
                    if target.endswith(("/", ".html", ".css")):
                        queue.append(target)
        return result

    def _internal_path(self, page_path: str, base: str | None, link: str) -> str | None:
        """The site path a link points to, or None for external and non-web links."""
        for site_url in self.site_urls:
            if link == site_url or link.startswith(site_url + "/") or link.startswith(site_url + "#"):
                link = link[len(site_url) :] or "/"
                break
        absolute = urljoin(urljoin(LOCAL_HOST + page_path, base or ""), link)
        if not absolute.startswith(LOCAL_HOST + "/"):
            return None
        return absolute[len(LOCAL_HOST) :]

    def _check(self, page_path: str, base: str | None, link: str, result: CrawlResult) -> str | None:
        """Record a broken link or external address; return the internal target path."""
        if link.startswith(("mailto:", "tel:", "data:", "javascript:")):
            return None
        internal = self._internal_path(page_path, base, link)
        if internal is None:
            result.external.add(link)
            return None
        parts = urlsplit(internal)
        target_file = path_to_file(self.root, parts.path)
        if target_file is None:
            result.broken.append(BrokenLink(page_path, link, "no such file"))
            return None
        has_anchor = parts.fragment and target_file.suffix == ".html"
        if has_anchor and unquote(parts.fragment) not in self._parse(target_file).ids:
            result.broken.append(BrokenLink(page_path, link, "no such anchor"))
        # `/x/index.html` and `/x/` are the same page: crawl it once.
        return file_to_path(target_file.relative_to(self.root).as_posix())

    def _parse(self, file: Path) -> ParsedPage:
        if file not in self._parsed:
            page = ParsedPage()
            if file.suffix == ".html":
                page = parse_page(file.read_text(encoding="utf-8"))
            elif file.suffix == ".css":
                page.links = CSS_URL.findall(file.read_text(encoding="utf-8"))
            self._parsed[file] = page
        return self._parsed[file]


def main(arguments: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the links of a built site (offline).")
    parser.add_argument("folder", type=Path, help="output folder of a build")
    parser.add_argument("--site-url", action="append", default=[], help="the site's own address(es)")
    options = parser.parse_args(arguments)
    result = SiteCrawler(options.folder, tuple(options.site_url)).crawl()
    unreachable = result.unreachable_pages(options.folder)
    for broken in result.broken:
        print(f"KAPUTT / broken: {broken}")
    for page in unreachable:
        print(f"NICHT VERLINKT / unreachable: {page}")
    print(
        f"{len(result.reached)} Adressen erreicht, {len(result.broken)} kaputte Links, "
        f"{len(unreachable)} nicht verlinkte Seiten, {len(result.external)} externe Links (nicht geprüft)."
    )
    return 1 if result.broken else 0


if __name__ == "__main__":
    sys.exit(main())
