"""The site's language variants, read from the table `SITE_LANGUAGES` in pelicanconf.py.

A library, not a plugin. Every part of the site that depends on the language asks
this table instead of naming "de" or "en": which files a site reads (file suffix),
how dates and numbers are written (Babel locale), `<html lang>`, hreflang (or none),
where a site lives (URL prefix), which template catalogue it uses, which part of the
search index holds its pages, and what the language switcher calls it.

The first entry is the main site (`DEFAULT_LANG`); every other entry becomes an
i18n_subsites subsite under its key. A subsite's key is also the `Lang:` of its
files and the folder i18n_subsites writes it to, so the prefix is `<key>/`.

An entry (a plain dict, so the settings file needs no import):

    "einfach": {
        "suffix": ".einfach",        # file name before ".md": ueber-uns.einfach.md
        "locale": "de",              # Babel: dates, numbers
        "html_lang": "de",           # <html lang>, lang= of links to this variant
        "hreflang": None,            # None: never an hreflang alternate (it would clash)
        "catalogue": None,           # None: the templates' own language (no .mo)
        "search": "einfach",         # the variant's part of the search index (a filter)
        "label": "Einfache Sprache", # the language switcher's link text
        "simplifies": "de",          # optional: the variant whose full pages it retells
        "own_texts_only": True,      # optional: only the texts written for it (no lists, places)
    }
"""

from __future__ import annotations

import gettext
import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import PurePath

SETTING = "SITE_LANGUAGES"


@dataclass(frozen=True)
class Language:
    """One row of the table of site languages."""

    key: str
    suffix: str
    locale: str
    html_lang: str
    hreflang: str | None
    catalogue: str | None
    search: str
    label: str
    simplifies: str | None = None
    own_texts_only: bool = False  # True: no news lists and place pages, only its own texts
    main: bool = False

    @property
    def prefix(self) -> str:
        """The URL path of this variant's site: "" for the main site, "en/" for a subsite."""
        return "" if self.main else f"{self.key}/"


def table(settings: Mapping) -> dict[str, Language]:
    """{key: Language} from a site's settings (or template context), in the table's order."""
    return languages_of(settings[SETTING])


def languages_of(rows: Mapping[str, Mapping]) -> dict[str, Language]:
    """{key: Language} from the bare table (`SITE_LANGUAGES`); the first row is the main site."""
    return {
        key: Language(key=key, main=position == 0, **row) for position, (key, row) in enumerate(rows.items())
    }


def main_language(settings: Mapping) -> Language:
    return next(iter(table(settings).values()))


def current(settings: Mapping) -> Language:
    """The language of the site these settings (or this template context) belong to."""
    return table(settings)[settings["DEFAULT_LANG"]]


def language(settings: Mapping, key: str) -> Language | None:
    return table(settings).get(key)


def babel_locale(settings: Mapping, key: str) -> str:
    """The Babel locale for content in language `key` (the key itself if it is not in the table)."""
    row = (settings.get(SETTING) or {}).get(key)
    return row["locale"] if row else key


def language_of_file(languages: Iterable[Language], path: PurePath | str) -> Language:
    """The language a content file belongs to by its name's suffix (`x.<suffix>.md`); `x.md`: the main one."""
    path = PurePath(path)
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    languages = list(languages)
    for found in languages:
        if found.suffix and stem.endswith(found.suffix):
            return found
    return next(found for found in languages if found.main)


def file_name_in(language_to: Language, languages: Iterable[Language], path: PurePath | str) -> str:
    """The name `path`'s counterpart has in `language_to`: x.md → x.<suffix>.md and back."""
    path = PurePath(path)
    own = language_of_file(languages, path)
    stem = path.name[: -len(path.suffix)]
    base = stem[: -len(own.suffix)] if own.suffix else stem
    return f"{base}{language_to.suffix}{path.suffix}"


def files_of_other_languages(languages: Iterable[Language], key: str, suffixes: Iterable[str]) -> list[str]:
    """IGNORE_FILES patterns matching the Markdown files of every language but `key`.

    Pelican matches these shell patterns against file names. They cannot say "not
    ending in .en.md", so a subsite skips every name whose stem differs from `….en` in
    one of its last characters, and the names too short to end in `.en`.
    """
    languages = list(languages)
    this = next(found for found in languages if found.key == key)
    suffixes = [suffix.lstrip(".") for suffix in suffixes]
    if not this.suffix:
        return [f"*{other.suffix}.{suffix}" for other in languages if other.suffix for suffix in suffixes]
    patterns = []
    for suffix in suffixes:
        for position, character in enumerate(this.suffix):
            rest = this.suffix[position + 1 :]
            patterns += [f"*[!{character}]{rest}.{suffix}", f"{rest}.{suffix}"]
    return patterns


def path_prefix_language(languages: Iterable[Language], path: str) -> Language:
    """The variant a site path ("/en/news/", "/einfach/") belongs to, by its URL prefix."""
    languages = list(languages)
    for found in languages:
        if found.prefix and (path.lstrip("/") + "/").startswith(found.prefix):
            return found
    return next(found for found in languages if found.main)


def alternates_from(settings: Mapping, versions: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """(hreflang, url) of a page's real versions `versions` ({lang: url}), x-default last.

    For `<link rel="alternate">` and the sitemap. Languages without hreflang are left
    out; fewer than two versions left: none at all (alternates are always reciprocal).
    """
    languages = table(settings)
    pairs = sorted(
        (languages[lang].hreflang, url) for lang, url in versions.items() if languages[lang].hreflang
    )
    if len(pairs) < 2:
        return ()
    main = next(iter(languages.values()))
    if main.key in versions:
        pairs.append(("x-default", versions[main.key]))
    return tuple(pairs)


def N_(text: str) -> str:
    """Mark a German text a page shows as a msgid of the templates' catalogue (babel.cfg extracts
    it); translate it where it is shown, with `catalogue_of(settings).gettext(text)`."""
    return text


def translation_targets(settings: Mapping) -> list[Language]:
    """The languages every text is translated into: all but the main one and plain variants."""
    return [found for found in table(settings).values() if not found.main and found.simplifies is None]


def writes_like_main(settings: Mapping, key: str) -> bool:
    """Whether variant `key` reads like the main site (same Babel locale): a phone number at home form."""
    found = language(settings, key)
    return found is None or found.locale == main_language(settings).locale


@cache
def catalogue_in(localedir: str, domain: str, catalogue: str | None) -> gettext.NullTranslations:
    """The compiled catalogue `catalogue` (a table row's) of `domain` under `localedir`; None: the
    templates' own language, whose texts stay as they are."""
    if catalogue is None:
        return gettext.NullTranslations()
    return gettext.translation(domain, localedir, languages=[catalogue], fallback=True)


def catalogue_of(settings: Mapping, key: str | None = None) -> gettext.NullTranslations:
    """The templates' message catalogue of variant `key` (default: this site's), for page texts
    written in Python (German msgids, translated in theme/translations/<catalogue>/).

    A variant without catalogue is written in the templates' own language: its texts stay as
    they are. A catalogue not compiled yet gives the German text, like i18n_subsites.
    """
    found = language(settings, key or settings["DEFAULT_LANG"])
    return catalogue_in(
        str(settings.get("I18N_GETTEXT_LOCALEDIR", "")),
        settings.get("I18N_GETTEXT_DOMAIN", "messages"),
        found.catalogue if found else None,
    )


def start_paths(languages: Iterable[Language]) -> tuple[str, ...]:
    """Every variant's start page: ("/", "/en/", …)."""
    return tuple(posixpath.join("/", found.prefix) for found in languages)


__all__ = [
    "N_",
    "Language",
    "alternates_from",
    "babel_locale",
    "catalogue_in",
    "catalogue_of",
    "current",
    "file_name_in",
    "files_of_other_languages",
    "language",
    "language_of_file",
    "languages_of",
    "main_language",
    "path_prefix_language",
    "start_paths",
    "table",
    "translation_targets",
    "writes_like_main",
]
