"""One build of the site: which language site is the main one, and what its sites share.

A library for the plugins, not a plugin. i18n_subsites builds the English site as a
second Pelican run inside the German one (from the main site's `get_writer` signal),
with a shallow copy of the main site's settings. Whatever the language sites of one
build share (content found in the other language, sitemap entries, photos to write)
lives in one `Build` object kept in the main site's settings under `BUILD_KEY`: every
copy of those settings – each subsite's settings, each generator's context – holds the
same object. A new build reads its settings afresh, so it starts with a new `Build`;
nothing has to be reset, and no module keeps state between builds.

A plugin keeps its part of the state in a class of its own, created on first use:

    entries = this_build(settings).part(SitemapEntries)

and calls `start_with_the_main_site()` from its `register()`, so that the object exists
before the subsites copy the main site's settings.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from pathlib import Path
from typing import TypeVar

from pelican import signals

BUILD_KEY = "BFB_BUILD"
Part = TypeVar("Part")


def is_main_site(settings) -> bool:
    """True for the main language's site; False for an i18n_subsites subsite (its language is a key)."""
    return settings["DEFAULT_LANG"] not in (settings.get("I18N_SUBSITES") or {})


class Build:
    """The state one build shares across its language sites: one object per plugin class."""

    def __init__(self) -> None:
        self.parts: dict[type, object] = {}

    def part(self, kind: Callable[[], Part]) -> Part:
        """This build's instance of `kind` (a class without arguments), created on first use."""
        if kind not in self.parts:
            self.parts[kind] = kind()
        return self.parts[kind]


def this_build(settings: MutableMapping) -> Build:
    """The build that `settings` (a site's settings or a generator's context) belong to."""
    build = settings.get(BUILD_KEY)
    if build is None:
        build = settings[BUILD_KEY] = Build()
    return build


class FilesReadOnce(dict):
    """{(what, resolved path): what its reader returned}: files and folders read once per build."""


def read_once(settings: MutableMapping, what: str, path: Path, read: Callable[[], Part]) -> Part:
    """`read()` for the data file or folder `path`, called once per build however many
    consumers ask (the language sites, the checks); `what` tells different readers apart."""
    files = this_build(settings).part(FilesReadOnce)
    key = (what, str(path.resolve()))
    if key not in files:
        files[key] = read()
    return files[key]


def start_build(pelican) -> None:
    """initialized handler: give the main site its Build before any subsite copies its settings."""
    if is_main_site(pelican.settings):
        this_build(pelican.settings)


def start_with_the_main_site() -> None:
    """Connect start_build (once, however many plugins ask)."""
    signals.initialized.connect(start_build)


__all__ = ["BUILD_KEY", "Build", "is_main_site", "read_once", "start_with_the_main_site", "this_build"]
