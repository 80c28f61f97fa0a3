"""Each content object's URL and file name are computed once, when they can no longer change.

Why: Pelican computes `url` and `save_as` anew on every access (a copy of the metadata,
path arithmetic and string formatting), and a page asks for them many times: language
switcher, hreflang links, news lists, archive, sitemap, redirects.

What: when every language site has been read and i18n_subsites has linked the
translations (the `get_writer` signal), each article's and page's current `url` and
`save_as` become its `override_url` and `override_save_as` – Pelican's own mechanism
for fixed URLs (the `URL:` and `Save_as:` header fields) – so later accesses are plain
attribute reads. Nothing may change a URL while pages are written; i18n_subsites sets
`override_url` itself, which simply replaces the frozen value. The content cache is
saved before this point, so frozen values never reach the next build.
tests/test_speed_plugins.py checks that the site is byte-identical with and without.
"""

from __future__ import annotations

from bfb_build import start_with_the_main_site, this_build
from bfb_contents import contents_of
from pelican import signals


class GeneratorsOfThisBuild(list):
    """The generators of every language site of this build."""


def remember_generators(generators) -> None:
    """all_generators_finalized handler: keep each site's generators (i18n_subsites runs several)."""
    generators = list(generators)
    if generators:
        this_build(generators[0].context).part(GeneratorsOfThisBuild).extend(generators)


def freeze(content) -> None:
    for key in ("url", "save_as"):
        if not hasattr(content, f"override_{key}"):
            setattr(content, f"override_{key}", getattr(content, key))


def freeze_urls(pelican) -> None:
    """get_writer handler: freeze the URLs of every content object read so far."""
    for content in contents_of(this_build(pelican.settings).part(GeneratorsOfThisBuild)):
        freeze(content)


def register() -> None:
    signals.all_generators_finalized.connect(remember_generators)
    signals.get_writer.connect(freeze_urls)
    start_with_the_main_site()
