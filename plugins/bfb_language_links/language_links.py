"""Links between the German site and its English subsite.

Jinja globals for the page being written:

- `counterpart_urls()`: {lang: url} in every language, for the language switcher.
  Content (articles, pages) leads to its translation, and to the other language's
  start page only when no translation exists; places exist in every language;
  generated lists (news, archive) map through `COUNTERPART_PATHS`; page N of the news
  list leads to page N of the other language's list, or to its last page when that
  language has fewer pages.
- `translation_urls()`: only the real language versions of the page, for hreflang
  alternates and the sitemap (a start page standing in for a missing translation,
  or another page number of the news list, is not an alternate: alternates are
  always reciprocal).

Each language site reads only its own language's files (IGNORE_FILES, pelicanconf.py), so
translations are found across the sites: every site's articles and pages are recorded
when read, and a `{filename}` link to another language's file leads to that language's
page (ContentOfEveryLanguage).

It also derives each language's `SITEURL` and `FEED_DOMAIN` from the main `SITEURL`
after every override (`pelican -e SITEURL=…`, the SITEURL environment variable of
publishconf.py), so the subsite and the feeds can never point at another host; and it
keeps files of the main STATIC_PATHS (images) from being copied again under /en/ when
English content links them (i18n_subsites #180, #1155): English pages link the main copy.

Settings: `COUNTERPART_PATHS`, a list of dicts {lang: path prefix}, most specific first.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass

from bfb_content_check.content_check import MARKDOWN_EXTENSIONS, ignore_matcher
from bfb_contents import contents_of
from bfb_locale.locale_format import clean_url
from jinja2 import pass_context
from pelican import signals
from pelican.contents import Content
from pelican.generators import ArticlesGenerator
from pelican.paginator import Paginator

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


# Each language site reads only its own language's files (IGNORE_FILES, pelicanconf.py),
# so a translation is not among a site's content objects. Every site's articles and pages
# are recorded here instead, by what makes two of them translations of each other for
# Pelican (process_translations): the same kind, status and translation id (the Slug),
# in another language. Every site has been read before any page is written
# (i18n_subsites runs the subsites from the main site's get_writer signal).
_NATIVE_CONTENT: dict[tuple, object] = {}


def translation_key(content, lang: str) -> tuple | None:
    """What `content`'s version in `lang` shares with it; None: Pelican pairs no translations."""
    kind = type(content).__name__
    id_names = content.settings.get(f"{kind.upper()}_TRANSLATION_ID")
    if not id_names:
        return None
    id_names = (id_names,) if isinstance(id_names, str) else tuple(id_names)
    values = tuple(getattr(content, name, None) for name in id_names)
    return (kind, getattr(content, "status", "published"), values, lang)


# The same objects by source file, for `{filename}` links into another language.
_NATIVE_BY_SOURCE: dict[str, object] = {}


# Each language's article generator, for the page count of its news list.
_NEWS_GENERATORS: dict[str, ArticlesGenerator] = {}


def record_native_content(generators) -> None:
    """all_generators_finalized handler: remember this site's articles and pages."""
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            _NEWS_GENERATORS[generator.settings["DEFAULT_LANG"]] = generator
    for content in contents_of(generators):
        _NATIVE_BY_SOURCE[content.source_path] = content
        key = translation_key(content, content.lang)
        if key is not None:
            _NATIVE_CONTENT[key] = content


def forget_native_content(pelican) -> None:
    """initialized handler of the main site: a build starts with no content recorded."""
    if not is_subsite(pelican.settings):
        _NATIVE_CONTENT.clear()
        _NATIVE_BY_SOURCE.clear()
        _NEWS_GENERATORS.clear()


class OtherLanguageContent:
    """A `{filename}` link target that another language's site publishes.

    This site does not read that file (IGNORE_FILES), so Pelican would not find it. The
    link leads to where the file's own site publishes it, relative to this site – the
    address i18n_subsites gave such links when every site read every file. An English
    page linking a German-only page (`{filename}/seiten/chronik.md`) so leads to the
    German page. Asked for its URL only while pages are written, when every site has
    been read.
    """

    def __init__(self, source_path: str, site_lang: str) -> None:
        self.source_path = source_path
        self.site_lang = site_lang

    @property
    def url(self) -> str:
        from pelican.plugins.i18n_subsites.i18n_subsites import relpath_to_site

        native = _NATIVE_BY_SOURCE[self.source_path]
        return posixpath.join(relpath_to_site(self.site_lang, native.lang), native.url)


class ContentOfEveryLanguage(dict):
    """A site's `generated_content` that also finds the files another language's site publishes.

    Pelican finds a `{filename}` link's target with `.get(relative path)`; a Markdown file
    of the content folders that this site skips by IGNORE_FILES is answered with an
    OtherLanguageContent. Looked up on demand, so no folder is walked for it.
    """

    def __init__(self, known: dict, settings: dict) -> None:
        super().__init__(known)
        self.settings = settings
        self.skipped_here = ignore_matcher(settings["IGNORE_FILES"])
        self.no_content = ignore_matcher(settings["CONTENT_IGNORE_FILES"])
        self.folders = [
            folder.strip("/") for name in ("ARTICLE_PATHS", "PAGE_PATHS") for folder in settings[name]
        ]

    def get(self, relative, default=None):
        if relative in self:
            return self[relative]
        if not self._published_by_another_language(relative):
            return default
        source_path = os.path.abspath(os.path.join(self.settings["PATH"], relative))
        self[relative] = OtherLanguageContent(source_path, self.settings["DEFAULT_LANG"])
        return self[relative]

    def _published_by_another_language(self, relative: str) -> bool:
        name = posixpath.basename(relative)
        return (
            posixpath.splitext(name)[1] in MARKDOWN_EXTENSIONS
            and self.skipped_here(name)
            and not self.no_content(relative)
            and any(folder == "" or relative.startswith(folder + "/") for folder in self.folders)
            and os.path.isfile(os.path.join(self.settings["PATH"], relative))
        )


def find_other_language_link_targets(generator) -> None:
    """generator_init handler: let this site's `{filename}` links find the other languages' files."""
    context, settings = generator.context, generator.settings
    if "CONTENT_IGNORE_FILES" not in settings:
        return
    if not isinstance(context["generated_content"], ContentOfEveryLanguage):
        context["generated_content"] = ContentOfEveryLanguage(context["generated_content"], settings)


def translations_of(content, languages) -> dict[str, object]:
    """{lang: the translation of `content` in that language's site}, for the other languages."""
    found = {}
    for lang in languages:
        key = translation_key(content, lang) if lang != content.lang else None
        if key is not None and key in _NATIVE_CONTENT:
            found[lang] = _NATIVE_CONTENT[key]
    return found


def content_counterparts(
    content, siteurl: str, lang_siteurls: Mapping[str, str], every_language: bool = False
) -> dict[str, Counterpart]:
    """Return the counterparts of an article, page or place in every language."""
    found = {content.lang: site_url(siteurl, content.url)}
    # Places (plugins/orte) carry their translations; so would articles and pages if a
    # site read every language's files (i18n_subsites then links them relatively).
    for translation in getattr(content, "translations", []):
        found[translation.lang] = site_url(siteurl, translation.url)
    if isinstance(content, Content):
        for lang, translation in translations_of(content, lang_siteurls).items():
            found.setdefault(lang, site_url(lang_siteurls[lang], translation.url))
    counterparts = {}
    for lang, base in lang_siteurls.items():
        if lang in found:
            counterparts[lang] = Counterpart(found[lang], exact=True)
        elif every_language:
            counterparts[lang] = Counterpart(site_url(base, content.url), exact=True)
        else:
            counterparts[lang] = Counterpart(site_url(base, ""), exact=False)
    return counterparts


def news_list_page(lang: str, number: int) -> tuple[str, int] | None:
    """The path of page `number` of `lang`'s news list, or of its last page if it has fewer.

    Returns (path, page number found), or None if that language's news list is unknown.
    The list is paginated as Pelican's writer paginates it (Paginator, same settings).
    """
    generator = _NEWS_GENERATORS.get(lang)
    if generator is None:
        return None
    settings = generator.settings
    per_page = settings["PAGINATED_TEMPLATES"].get("index") or settings["DEFAULT_PAGINATION"]
    paginator = Paginator(
        settings["INDEX_SAVE_AS"], settings["INDEX_URL"], generator.articles, settings, per_page
    )
    found = min(number, paginator.num_pages)
    return paginator.page(found).url, found


def path_counterparts(
    path: str, lang: str, lang_siteurls: Mapping[str, str], table: list, page_number: int = 1
) -> dict[str, Counterpart]:
    """Return the counterparts of a generated page (news list, archive, overview) by its path.

    Page N > 1 of the news list leads to page N in the other language, or to its last
    page when it has fewer (not every news item needs a translation).
    """
    for entry in table:
        if lang in entry and path.startswith(entry[lang]):
            found = {lang: Counterpart(site_url(lang_siteurls[lang], path), exact=True)}
            for other, base in lang_siteurls.items():
                if other == lang:
                    continue
                page = news_list_page(other, page_number) if page_number > 1 else None
                if page is None:
                    exact = path == entry[lang] and page_number == 1
                    found[other] = Counterpart(site_url(base, entry.get(other, "")), exact=exact)
                else:
                    other_path, other_number = page
                    found[other] = Counterpart(site_url(base, other_path), exact=other_number == page_number)
            return {other: found[other] for other in lang_siteurls}
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
    page_number = getattr(page, "number", 1) if page is not None else 1
    return path_counterparts(path, lang, lang_siteurls, context.get("COUNTERPART_PATHS", []), page_number)


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
    signals.initialized.connect(forget_native_content)
    signals.all_generators_finalized.connect(record_native_content)
    signals.generator_init.connect(find_other_language_link_targets)
    signals.generator_init.connect(add_globals)
    signals.article_generator_finalized.connect(keep_shared_files_in_main_site)
    signals.page_generator_finalized.connect(keep_shared_files_in_main_site)
