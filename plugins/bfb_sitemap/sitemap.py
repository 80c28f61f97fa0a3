"""One sitemap.xml for both languages, with hreflang alternates (pelican-sitemap 1.2.2 writes `ref=`).

Every HTML page that any site (German main site, English subsite) writes is collected on
`content_written`; the main site writes `sitemap.xml` into its output root when everything
is written (`finalized`). Listed: published news items and pages, the start pages, the news
lists, the archive and other generated pages. Not listed: drafts, hidden pages (404), pages
that ask not to be indexed and redirect stubs. Each entry carries the same alternates as the
page's `<link rel="alternate" hreflang>` (bfb_language_links) and, as `lastmod`, only a date
from the content itself, so two builds of the same content are byte-identical.

A sitemap needs absolute addresses: it is written only when SITEURL is absolute (the
production build). `robots.txt` then gets a `Sitemap:` line.

Settings: `SITEMAP_SAVE_AS` (default "sitemap.xml"; empty: no sitemap).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from bfb_build import is_main_site, start_with_the_main_site, this_build
from bfb_build.language_versions import language_versions
from bfb_contents.kinds import content_variables
from bfb_html import asks_not_to_be_indexed
from bfb_languages import alternates_from
from bfb_urls import address_of, site_url
from pelican import signals

CONTENT_VARIABLES = content_variables()


@dataclass(frozen=True)
class Entry:
    """One address in the sitemap."""

    url: str
    alternates: tuple[tuple[str, str], ...] = ()  # (hreflang, url), x-default last
    lastmod: str | None = None  # YYYY-MM-DD from the content's Modified or Date


@dataclass
class Collector:
    """The entries of one build, across the main site and its subsites."""

    entries: dict[str, Entry] = field(default_factory=dict)

    def add(self, entry: Entry) -> None:
        self.entries[entry.url] = entry

    def sorted_entries(self) -> list[Entry]:
        return [self.entries[url] for url in sorted(self.entries)]


def is_absolute(siteurl: str) -> bool:
    return siteurl.startswith(("https://", "http://"))


def page_url(path: str | Path, context: Mapping) -> str:
    """Return the clean absolute address of a written file: …/aktuelles/ for …/aktuelles/index.html."""
    relative = Path(path).resolve().relative_to(Path(context["OUTPUT_PATH"]).resolve()).as_posix()
    return site_url(context["SITEURL"], address_of(relative).lstrip("/"))


def content_of(context: Mapping):
    for name in CONTENT_VARIABLES:
        content = context.get(name)
        if content is not None and hasattr(content, "url"):
            return content
    return None


def listed_content(content, url: str, siteurl: str) -> bool:
    """Published content at its own address; of the hidden pages only a start page."""
    if site_url(siteurl, content.url) != url:
        return False  # written elsewhere than the content's address (e.g. a redirect stub)
    status = getattr(content, "status", "published")
    return status == "published" or (status == "hidden" and content.url in ("", "/"))


def content_date(content) -> str | None:
    for name in ("modified", "date"):
        value = getattr(content, name, None)
        if isinstance(value, dt.date):
            return value.strftime("%Y-%m-%d")
    return None


def alternates_of(context: Mapping, url: str) -> tuple[tuple[str, str], ...]:
    """The page's hreflang alternates (variants without hreflang in SITE_LANGUAGES left out)."""
    pairs = alternates_from(context, language_versions(context))
    return pairs if any(url == found for _, found in pairs) else ()


def entry_for(path: str | Path, context: Mapping, html: str) -> Entry | None:
    """Return the sitemap entry of a written file, or None if it is not listed."""
    # Left out: a page that asks search engines to stay away, or only forwards the visitor elsewhere.
    if not str(path).endswith(".html") or asks_not_to_be_indexed(html):
        return None
    url = page_url(path, context)
    content = content_of(context)
    if content is not None and not listed_content(content, url, context["SITEURL"]):
        return None
    lastmod = content_date(content) if content is not None else None
    return Entry(url, alternates_of(context, url), lastmod)


def render(entries: list[Entry]) -> str:
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for entry in entries:
        lines.append("  <url>")
        lines.append(f"    <loc>{xml_escape(entry.url)}</loc>")
        if entry.lastmod:
            lines.append(f"    <lastmod>{entry.lastmod}</lastmod>")
        for lang, url in entry.alternates:
            lines.append(f'    <xhtml:link rel="alternate" hreflang="{lang}" href={quoteattr(url)}/>')
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def add_robots_line(robots: Path, sitemap_url: str) -> None:
    """Announce the sitemap in robots.txt, once."""
    if not robots.is_file():
        return
    text = robots.read_text(encoding="utf-8")
    if re.search(r"^Sitemap:", text, re.MULTILINE | re.IGNORECASE):
        return
    # A new file rather than writing into the old one: the copy could be a link to the source.
    robots.unlink()
    robots.write_text(text.rstrip("\n") + f"\n\nSitemap: {sitemap_url}\n", encoding="utf-8")


# --- Signal handlers ---------------------------------------------------------------------------


def wanted(settings: Mapping) -> bool:
    return bool(settings.get("SITEMAP_SAVE_AS", "sitemap.xml")) and is_absolute(settings.get("SITEURL", ""))


def collect(path, context) -> None:
    if not wanted(context):
        return
    file = Path(path)
    html = file.read_text(encoding="utf-8") if file.suffix == ".html" else ""
    entry = entry_for(file, context, html)
    if entry is not None:
        this_build(context).part(Collector).add(entry)


def write_sitemap(pelican) -> None:
    settings = pelican.settings
    if not (is_main_site(settings) and wanted(settings)):
        return
    save_as = settings.get("SITEMAP_SAVE_AS", "sitemap.xml")
    output = Path(settings["OUTPUT_PATH"])
    (output / save_as).write_text(
        render(this_build(settings).part(Collector).sorted_entries()), encoding="utf-8"
    )
    add_robots_line(output / "robots.txt", site_url(settings["SITEURL"], posixpath.normpath(save_as)))


def register() -> None:
    start_with_the_main_site()
    signals.content_written.connect(collect)
    signals.finalized.connect(write_sitemap)
