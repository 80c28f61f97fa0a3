"""Links between the German site and its English subsite.

Jinja globals for the page being written:

- `counterpart_urls()`: {lang: url} in every language, for the language switcher.
  Content (articles, pages) leads to its translation, and to the other language's
  start page only when no translation exists; places exist in every language;
  generated lists (news, archive) map through `COUNTERPART_PATHS`.
- `translation_urls()`: only the real language versions of the page, for hreflang
  alternates and the sitemap (a start page standing in for a missing translation
  is not an alternate).

It also derives each language's `SITEURL` and `FEED_DOMAIN` from the main `SITEURL`
after every override (`pelican -e SITEURL=…`, the SITEURL environment variable of
publishconf.py), so the subsite and the feeds can never point at another host; and it
keeps files of the main STATIC_PATHS (images) from being copied again under /en/ when
English content links them (i18n_subsites #180, #1155): English pages link the main copy.

Settings: `COUNTERPART_PATHS`, a list of dicts {lang: path prefix}, most specific first.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bfb_locale.locale_format import clean_url
from jinja2 import pass_context
from pelican import signals

# Template variables that hold the content object being written.
CONTENT_VARIABLES = ("article", "page", "place")
# Content that is generated in every language with the same path (plugins/orte).
EVERY_LANGUAGE_VARIABLES = ("place",)


@dataclass(frozen=True)
class Counterpart:
    """Where the page being written lives in one language."""

    url: str
    exact: bool  # False: the language's start page stands in for a missing translation


def site_url(siteurl: str, path: str) -> str:
    return clean_url(f"{siteurl}/{path}")


def content_counterparts(
    content, siteurl: str, lang_siteurls: Mapping[str, str], every_language: bool = False
) -> dict[str, Counterpart]:
    """Return the counterparts of an article, page or place in every language."""
    found = {content.lang: site_url(siteurl, content.url)}
    for translation in getattr(content, "translations", []):
        found[translation.lang] = site_url(siteurl, translation.url)
    counterparts = {}
    for lang, base in lang_siteurls.items():
        if lang in found:
            counterparts[lang] = Counterpart(found[lang], exact=True)
        elif every_language:
            counterparts[lang] = Counterpart(site_url(base, content.url), exact=True)
        else:
            counterparts[lang] = Counterpart(site_url(base, ""), exact=False)
    return counterparts


def path_counterparts(
    path: str, lang: str, lang_siteurls: Mapping[str, str], table: list, paginated: bool = False
) -> dict[str, Counterpart]:
    """Return the counterparts of a generated page (news list, archive, overview) by its path.

    A path below a table entry (page 2 of the news list) leads to the entry itself in
    the other language: page numbers differ when not every news item is translated.
    """
    for entry in table:
        if lang in entry and path.startswith(entry[lang]):
            exact = path == entry[lang] and not paginated
            return {
                other: Counterpart(site_url(base, entry.get(other, "")), exact=exact or other == lang)
                for other, base in lang_siteurls.items()
            }
    return {other: Counterpart(site_url(base, path), exact=True) for other, base in lang_siteurls.items()}


def counterparts(context: Mapping) -> dict[str, Counterpart]:
    """Return {lang: Counterpart} of the page rendered with this template context."""
    lang = context["DEFAULT_LANG"]
    lang_siteurls = context.get("lang_siteurls") or {lang: context["SITEURL"]}
    for name in CONTENT_VARIABLES:
        content = context.get(name)
        if content is not None and hasattr(content, "url") and hasattr(content, "lang"):
            return content_counterparts(
                content, context["SITEURL"], lang_siteurls, every_language=name in EVERY_LANGUAGE_VARIABLES
            )
    path = (context.get("output_file") or "").removesuffix("index.html")
    page = context.get("articles_page")
    paginated = page is not None and getattr(page, "number", 1) > 1
    return path_counterparts(path, lang, lang_siteurls, context.get("COUNTERPART_PATHS", []), paginated)


@pass_context
def counterpart_urls(context) -> dict[str, str]:
    """Return {lang: url} of the page being rendered, in every language (language switcher)."""
    return {lang: counterpart.url for lang, counterpart in counterparts(context).items()}


@pass_context
def translation_urls(context) -> dict[str, str]:
    """Return {lang: url} of the real language versions of the page (hreflang, sitemap)."""
    return {lang: counterpart.url for lang, counterpart in counterparts(context).items() if counterpart.exact}


# STATIC_PATHS of the main site; a subsite has none of its own (i18n_subsites sets []).
SHARED_STATIC_PATHS: list[str] = []


def is_subsite(settings: Mapping) -> bool:
    return settings["DEFAULT_LANG"] in (settings.get("I18N_SUBSITES") or {})


def is_shared(path: str, static_paths: list[str]) -> bool:
    return any(path == folder or path.startswith(folder.rstrip("/") + "/") for folder in static_paths)


def keep_shared_files_in_main_site(generator) -> None:
    """In a subsite, drop linked files the main site publishes from the files to copy."""
    if not is_subsite(generator.settings):
        return
    links = generator.context["static_links"]
    links -= {path for path in links if is_shared(path, SHARED_STATIC_PATHS)}


def add_globals(generator) -> None:
    generator.env.globals.update(counterpart_urls=counterpart_urls, translation_urls=translation_urls)


def derive_language_settings(pelican) -> None:
    """Give every language its SITEURL and FEED_DOMAIN, derived from the final main SITEURL.

    Runs for the main site before i18n_subsites reads I18N_SUBSITES; a subsite
    (its DEFAULT_LANG is a key of I18N_SUBSITES) has its settings from there already.
    """
    settings = pelican.settings
    if is_subsite(settings):
        return
    SHARED_STATIC_PATHS[:] = settings.get("STATIC_PATHS", [])
    subsites = settings.get("I18N_SUBSITES") or {}
    siteurl = settings["SITEURL"]
    settings["FEED_DOMAIN"] = siteurl
    for lang, overrides in subsites.items():
        overrides["SITEURL"] = f"{siteurl}/{lang}"
        overrides["FEED_DOMAIN"] = overrides["SITEURL"]


def register() -> None:
    signals.initialized.connect(derive_language_settings)
    signals.generator_init.connect(add_globals)
    signals.article_generator_finalized.connect(keep_shared_files_in_main_site)
    signals.page_generator_finalized.connect(keep_shared_files_in_main_site)
