"""The language versions of the page being written, for plugins that list them (sitemap).

Which pages are translations of each other is known to the plugin that links the languages
(bfb_language_links); it provides its answer here once per build, so that a plugin needing
it (bfb_sitemap) asks this library instead of importing that plugin. Without a provider a
page has no other language versions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from bfb_build import this_build

# context of the page being written -> {lang: absolute URL} of its real language versions
Finder = Callable[[Mapping], dict[str, str]]


class LanguageVersionsFinder:
    """This build's way of finding language versions (bfb_build), set by its provider."""

    def __init__(self) -> None:
        self.find: Finder | None = None


def provide_language_versions(settings, find: Finder) -> None:
    this_build(settings).part(LanguageVersionsFinder).find = find


def language_versions(context: Mapping) -> dict[str, str]:
    """{lang: URL} of the real language versions of the page rendered with `context`."""
    find = this_build(context).part(LanguageVersionsFinder).find
    return find(context) if find is not None else {}
