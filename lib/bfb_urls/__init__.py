"""Site addresses (a library, not a plugin): clean URLs, a path as an address, reserved addresses."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from urllib.parse import urlsplit, urlunsplit

# The one list of reserved addresses. Top-level folders the build fills itself (the theme,
# the search index, the photos, the feeds): no `Save_as:` may write into them.
GENERATED_FOLDERS = frozenset({"theme", "pagefind", "bilder", "feeds"})


def reserved_top_level(settings: Mapping) -> frozenset[str]:
    """Top-level addresses no page's slug may take, from the settings of every language site.

    The generated folders, every language's folder (the keys of SITE_LANGUAGES) and the first
    folder of each address the build writes (`…_SAVE_AS`: the news, their lists, the drafts,
    the places) in the main site or a subsite (I18N_SUBSITES). A page's slug is the same in
    every language, so a folder one language writes is reserved in all of them.
    """
    reserved = set(GENERATED_FOLDERS) | set(settings.get("SITE_LANGUAGES", {}))
    for site in (settings, *settings.get("I18N_SUBSITES", {}).values()):
        for name, pattern in site.items():
            if name.endswith("_SAVE_AS") and isinstance(pattern, str) and "/" in pattern:
                folder = pattern.split("/", 1)[0]
                if folder and "{" not in folder:
                    reserved.add(folder)
    return frozenset(reserved)


def clean_url(url: str) -> str:
    """Return `url` with `..` segments resolved: `/<lang>/../orte/` becomes `/orte/`.

    i18n_subsites links translations relatively; hreflang, canonical links and
    the sitemap need the plain form.
    """
    parts = urlsplit(url)
    path = parts.path
    if not path:
        return url
    trailing_slash = path.endswith("/")
    path = posixpath.normpath(path)
    if path == ".":
        path = ""
    if trailing_slash and not path.endswith("/"):
        path += "/"
    return urlunsplit(parts._replace(path=path))


def same_origin(url: str) -> str:
    """Return `url` cleaned (`clean_url`) and without scheme and host: `/theme/css/site.css`.

    For what a page loads (stylesheet, icon, scripts, photos): a root-relative address loads
    from whichever host serves the page, so `invoke preview` served locally is styled and asks
    no other host. Links that must name the live site (hreflang, sitemap, feeds) stay absolute.
    """
    parts = urlsplit(clean_url(url))
    return urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment))


def site_url(siteurl: str, path: str) -> str:
    """The clean address of `path` (relative to the site) on the site at `siteurl`."""
    return clean_url(f"{siteurl}/{path}")


def address_of(relative_file: str) -> str:
    """The site address of a written file: `aktuelles/index.html` → `/aktuelles/`, `index.html` → `/`.

    Other files keep their name (`robots.txt` → `/robots.txt`). The one path → address
    conversion of the build (sitemap, output owners, language links) and the checks (crawl).
    """
    if relative_file == "index.html":
        return "/"
    if relative_file.endswith("/index.html"):
        return "/" + relative_file.removesuffix("index.html")
    return "/" + relative_file
