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
  always reciprocal). `hreflang_alternates()` gives them as (hreflang, url) pairs,
  x-default last; a variant without hreflang in SITE_LANGUAGES (plain German: it
  would clash with German) is never an alternate.

Which variants exist, and what a variant that has only its own texts
(`own_texts_only`: plain German) shows, comes from the table SITE_LANGUAGES
(lib/bfb_languages): such a variant has no news lists and no place pages, so its
counterpart of those is its start page.

Each language site reads only its own language's files (IGNORE_FILES, pelicanconf.py), so
translations are found across the sites: every site's articles and pages are recorded
when read, and a `{filename}` link to another language's file leads to that language's
page (OtherLanguageContent).

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
from dataclasses import dataclass, field
from pathlib import Path

from bfb_build import BUILD_KEY, is_main_site, read_once, start_with_the_main_site, this_build
from bfb_build.language_versions import provide_language_versions
from bfb_contents import contents_of
from bfb_contents.content_files import content_files, ignore_matcher, relative_name
from bfb_contents.kinds import content_variables, every_language_variables
from bfb_languages import alternates_from
from bfb_languages import table as language_table
from bfb_urls import address_of, site_url
from jinja2 import pass_context
from pelican import signals
from pelican.contents import Content
from pelican.generators import ArticlesGenerator
from pelican.paginator import Paginator

# Template variables that hold the content object being written.
CONTENT_VARIABLES = content_variables()
# Content that is generated in every language with the same path (plugins/orte).
EVERY_LANGUAGE_VARIABLES = every_language_variables()


@dataclass(frozen=True)
class Counterpart:
    """Where the page being written lives in one language."""

    url: str
    exact: bool  # False: the language's start page stands in for a missing translation


@dataclass
class NativeContent:
    """Every language site's articles and pages, in this build's shared state (bfb_build).

    Each language site reads only its own language's files (IGNORE_FILES, pelicanconf.py),
    so a translation is not among a site's content objects. Every site's articles and
    pages are recorded here instead, by what makes two of them translations of each other
    for Pelican (process_translations): the same kind, status and translation id (the
    Slug), in another language; and by source file, for `{filename}` links into another
    language. Every site has been read before any page is written (i18n_subsites runs the
    subsites from the main site's get_writer signal).
    """

    by_translation_key: dict[tuple, object] = field(default_factory=dict)
    by_source: dict[str, object] = field(default_factory=dict)
    # Each language's articles generator, for the page count of its news list (news_list_page).
    news_generators: dict[str, ArticlesGenerator] = field(default_factory=dict)


def translation_key(content, lang: str) -> tuple | None:
    """What `content`'s version in `lang` shares with it; None: Pelican pairs no translations."""
    kind = type(content).__name__
    id_names = content.settings.get(f"{kind.upper()}_TRANSLATION_ID")
    if not id_names:
        return None
    id_names = (id_names,) if isinstance(id_names, str) else tuple(id_names)
    values = tuple(getattr(content, name, None) for name in id_names)
    return (kind, getattr(content, "status", "published"), values, lang)


def record_native_content(generators) -> None:
    """all_generators_finalized handler: remember this site's articles and pages."""
    generators = list(generators)
    if not generators:
        return
    native = this_build(generators[0].context).part(NativeContent)
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            native.news_generators[generator.settings["DEFAULT_LANG"]] = generator
    for content in contents_of(generators):
        native.by_source[content.source_path] = content
        key = translation_key(content, content.lang)
        if key is not None:
            native.by_translation_key[key] = content


class OtherLanguageContent:
    """A `{filename}` link target that another language's site publishes.

    This site does not read that file (IGNORE_FILES), so Pelican would not find it. The
    link leads to where the file's own site publishes it, relative to this site – the
    address i18n_subsites gave such links when every site read every file. An English
    page linking a German-only page (`{filename}/seiten/chronik.md`) so leads to the
    German page. Asked for its URL only while pages are written, when every site has
    been read and i18n_subsites has put `relpath_to_site` into the context.
    """

    def __init__(self, source_path: str, context: Mapping) -> None:
        self.source_path = source_path
        self.context = context

    @property
    def url(self) -> str:
        native = this_build(self.context).part(NativeContent).by_source[self.source_path]
        relpath = self.context["relpath_to_site"](self.context["DEFAULT_LANG"], native.lang)
        return posixpath.join(relpath, native.url)


def files_of_other_languages(settings: Mapping) -> list[str]:
    """Content files (relative to PATH) that this site skips because another language publishes them."""
    content_dir = Path(settings["PATH"]).resolve()
    # The texts of every language: the same list for each language site, so listed once per build.
    every_language = read_once(
        settings,
        "texts of every language",
        content_dir,
        lambda: [relative_name(path, content_dir) for path, _kind in content_files(content_dir, settings)],
    )
    skipped_here = ignore_matcher(settings["IGNORE_FILES"])
    return [relative for relative in every_language if skipped_here(relative)]


def find_other_language_link_targets(generator) -> None:
    """generator_init handler: let this site's `{filename}` links find the other languages' files.

    Pelican looks link targets up in the context's `generated_content` (relative source
    path → content); the other languages' files are added there as OtherLanguageContent,
    once per site, before this site reads its own.
    """
    context, settings = generator.context, generator.settings
    if "CONTENT_IGNORE_FILES" not in settings or context.get("other_language_files_added"):
        return
    context["other_language_files_added"] = True
    generated = context["generated_content"]
    for relative in files_of_other_languages(settings):
        source_path = os.path.abspath(os.path.join(settings["PATH"], relative))
        generated.setdefault(relative, OtherLanguageContent(source_path, context))


def translations_of(content, languages) -> dict[str, object]:
    """{lang: the translation of `content` in that language's site}, for the other languages."""
    native = this_build(content.settings).part(NativeContent).by_translation_key
    found = {}
    for lang in languages:
        key = translation_key(content, lang) if lang != content.lang else None
        if key is not None and key in native:
            found[lang] = native[key]
    return found


def content_counterparts(
    content,
    siteurl: str,
    lang_siteurls: Mapping[str, str],
    every_language: bool = False,
    partial: frozenset[str] = frozenset(),
) -> dict[str, Counterpart]:
    """Return the counterparts of an article, page or place in every language.

    `partial`: the variants that have only their own texts (no place pages).
    """
    found = {content.lang: site_url(siteurl, content.url)}
    # Places (plugins/orte) carry their translations; so would articles and pages if a
    # site read every language's files (i18n_subsites then links them relatively).
    for translation in getattr(content, "translations", []):
        if translation.lang not in partial:  # a place is not written in such a variant
            found[translation.lang] = site_url(siteurl, translation.url)
    if isinstance(content, Content):
        for lang, translation in translations_of(content, lang_siteurls).items():
            found.setdefault(lang, site_url(lang_siteurls[lang], translation.url))
    counterparts = {}
    for lang, base in lang_siteurls.items():
        if lang in found:
            counterparts[lang] = Counterpart(found[lang], exact=True)
        elif every_language and lang not in partial:
            counterparts[lang] = Counterpart(site_url(base, content.url), exact=True)
        else:
            counterparts[lang] = Counterpart(site_url(base, ""), exact=False)
    return counterparts


def news_list_page(news_generators: Mapping, lang: str, number: int) -> tuple[str, int] | None:
    """The path of page `number` of `lang`'s news list, or of its last page if it has fewer.

    Returns (path, page number found), or None if that language's news list is unknown.
    The list is paginated as Pelican's writer paginates it (Paginator, same settings).
    """
    generator = news_generators.get(lang)
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
    path: str,
    lang: str,
    lang_siteurls: Mapping[str, str],
    table: list,
    page_number: int = 1,
    news_generators: Mapping | None = None,
    partial: frozenset[str] = frozenset(),
) -> dict[str, Counterpart]:
    """Return the counterparts of a generated page (news list, archive, overview) by its path.

    A variant in `partial` (only its own texts) has none of these pages: its start page stands in.

    Page N > 1 of the news list leads to page N in the other language, or to its last
    page when it has fewer (not every news item needs a translation); `news_generators`:
    each language's articles generator (NativeContent.news_generators).
    """
    for entry in table:
        if lang in entry and path.startswith(entry[lang]):
            found = {lang: Counterpart(site_url(lang_siteurls[lang], path), exact=True)}
            for other, base in lang_siteurls.items():
                if other == lang:
                    continue
                page = news_list_page(news_generators or {}, other, page_number) if page_number > 1 else None
                if other in partial or other not in entry:
                    found[other] = Counterpart(site_url(base, ""), exact=False)
                elif page is None:
                    exact = path == entry[lang] and page_number == 1
                    found[other] = Counterpart(site_url(base, entry[other]), exact=exact)
                else:
                    other_path, other_number = page
                    found[other] = Counterpart(site_url(base, other_path), exact=other_number == page_number)
            return {other: found[other] for other in lang_siteurls}
    return {
        other: Counterpart(site_url(base, path), exact=True)
        if other == lang or other not in partial
        else Counterpart(site_url(base, ""), exact=False)
        for other, base in lang_siteurls.items()
    }


def partial_languages(context: Mapping) -> frozenset[str]:
    """The variants that have only their own texts (SITE_LANGUAGES: `own_texts_only`)."""
    rows = context.get("SITE_LANGUAGES") or {}
    return frozenset(key for key, row in rows.items() if row.get("own_texts_only"))


def counterparts(context: Mapping) -> dict[str, Counterpart]:
    """Return {lang: Counterpart} of the page rendered with this template context."""
    lang = context["DEFAULT_LANG"]
    lang_siteurls = context.get("lang_siteurls") or {lang: context["SITEURL"]}
    for name in CONTENT_VARIABLES:
        content = context.get(name)
        if content is not None and hasattr(content, "url") and hasattr(content, "lang"):
            return content_counterparts(
                content,
                context["SITEURL"],
                lang_siteurls,
                every_language=name in EVERY_LANGUAGE_VARIABLES,
                partial=partial_languages(context),
            )
    path = address_of(context.get("output_file") or "index.html").lstrip("/")
    page = context.get("articles_page")
    page_number = getattr(page, "number", 1) if page is not None else 1
    build = context.get(BUILD_KEY)
    news_generators = build.part(NativeContent).news_generators if build is not None else None
    return path_counterparts(
        path,
        lang,
        lang_siteurls,
        context.get("COUNTERPART_PATHS", []),
        page_number,
        news_generators,
        partial_languages(context),
    )


@pass_context
def counterpart_urls(context) -> dict[str, str]:
    """Return {lang: url} of the page being rendered, in every language (language switcher)."""
    return {lang: counterpart.url for lang, counterpart in counterparts(context).items()}


def exact_versions(context: Mapping) -> dict[str, str]:
    """Return {lang: url} of the real language versions of the page (hreflang, sitemap)."""
    return {lang: counterpart.url for lang, counterpart in counterparts(context).items() if counterpart.exact}


translation_urls = pass_context(exact_versions)


@pass_context
def hreflang_alternates(context) -> tuple[tuple[str, str], ...]:
    """(hreflang, url) of the page's real language versions, x-default last (<link rel=alternate>).

    None on a page of a variant without hreflang: alternates are always reciprocal.
    """
    if not language_table(context)[context["DEFAULT_LANG"]].hreflang:
        return ()
    return alternates_from(context, exact_versions(context))


class SharedStaticPaths(list):
    """STATIC_PATHS of the main site; a subsite has none of its own (i18n_subsites sets [])."""


def is_shared(path: str, static_paths: list[str]) -> bool:
    return any(path == folder or path.startswith(folder.rstrip("/") + "/") for folder in static_paths)


def keep_shared_files_in_main_site(generator) -> None:
    """In a subsite, drop linked files the main site publishes from the files to copy."""
    if is_main_site(generator.settings):
        return
    shared = this_build(generator.settings).part(SharedStaticPaths)
    links = generator.context["static_links"]
    links -= {path for path in links if is_shared(path, shared)}


def add_globals(generator) -> None:
    languages = language_table(generator.settings)
    generator.env.globals.update(
        counterpart_urls=counterpart_urls,
        translation_urls=translation_urls,
        hreflang_alternates=hreflang_alternates,
        site_language=languages[generator.settings["DEFAULT_LANG"]],
        site_languages=languages,
        # The language the texts without translation are in (the problems, the German sources).
        main_language=next(iter(languages.values())),
    )


def derive_language_settings(pelican) -> None:
    """Give every language its SITEURL and FEED_DOMAIN, derived from the final main SITEURL.

    Runs for the main site before i18n_subsites reads I18N_SUBSITES; a subsite
    (its DEFAULT_LANG is a key of I18N_SUBSITES) has its settings from there already.
    """
    settings = pelican.settings
    if not is_main_site(settings):
        return
    this_build(settings).part(SharedStaticPaths)[:] = settings.get("STATIC_PATHS", [])
    provide_language_versions(settings, exact_versions)  # for bfb_sitemap
    subsites = settings.get("I18N_SUBSITES") or {}
    siteurl = settings["SITEURL"]
    settings["FEED_DOMAIN"] = siteurl
    for lang, overrides in subsites.items():
        overrides["SITEURL"] = f"{siteurl}/{lang}"
        overrides["FEED_DOMAIN"] = overrides["SITEURL"]


def register() -> None:
    signals.initialized.connect(derive_language_settings)
    start_with_the_main_site()
    signals.all_generators_finalized.connect(record_native_content)
    signals.generator_init.connect(find_other_language_link_targets)
    signals.generator_init.connect(add_globals)
    signals.article_generator_finalized.connect(keep_shared_files_in_main_site)
    signals.page_generator_finalized.connect(keep_shared_files_in_main_site)
