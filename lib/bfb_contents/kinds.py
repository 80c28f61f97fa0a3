"""The kinds of content the site has: news, pages, places – one entry each (a library).

Everything that differs between kinds lives here, and the content check, the output
owners, the language links, the sitemap, the redirects, the translation coverage and the
places generator iterate this list instead of naming kinds. Adding a kind (dated events,
say) is one entry here plus its own plugin, templates and content folder.

A kind's URL and save-as patterns are Pelican settings (`<SETTINGS_PREFIX>_URL`,
`<SETTINGS_PREFIX>_SAVE_AS`, also `…_LANG_URL`), read from the site's settings, because
they differ per language. The fields an editor writes in a text's header are checked by
bfb_content_check, one check per field (`check_<field>` there); `required` and
`optional` say which fields a kind has.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

# Fields every text written by an editor may have, whatever its kind.
COMMON_FIELDS = frozenset(
    {
        "title",
        "slug",
        "lang",
        "summary",
        "status",
        "template",
        "save_as",
        "url",
        "redirect_from",
        "teaser",
        "teaser_title",
        "orte",
    }
)


@dataclass(frozen=True)
class Kind:
    """One kind of content."""

    name: str  # what code, tests and problem codes say: "news"
    german_name: str  # what editors read: "Meldung"
    german_the: str  # with its article, to start a sentence: "Die Meldung"
    german_of_this: str  # "Im Kopf dieser Meldung": the genitive with "dies-"
    settings_prefix: str  # Pelican's: ARTICLE_URL, ARTICLE_SAVE_AS, ARTICLE_PATHS …
    template: str  # the theme's template for one item ("article.html")
    variable: str  # the template variable holding the item being written
    # The context lists its generator fills: every one, and those a reader can reach.
    lists: tuple[str, ...]
    published_lists: tuple[str, ...]
    paths_default: tuple[str, ...] | None = None  # Pelican's default folders; None: not from text files
    required: tuple[str, ...] = ()
    optional: frozenset[str] = frozenset()
    dated: bool = False  # its date decides when it appears (news dated later wait for their day)
    translated: bool = True  # each text has a translation file (name.<suffix>.md) or says German_only
    every_language: bool = False  # generated in every language at the same path (from one data file)
    top_level_urls: bool = False  # its slug is the whole address (/<slug>/): site folders are reserved
    draft_settings_prefix: str | None = None  # Pelican's for its drafts: DRAFT_URL, DRAFT_PAGE_URL

    @property
    def paths_setting(self) -> str:
        return f"{self.settings_prefix}_PATHS"

    def url_pattern(self, settings: Mapping) -> str:
        return settings.get(f"{self.settings_prefix}_URL", "")

    def save_as_pattern(self, settings: Mapping) -> str:
        return settings.get(f"{self.settings_prefix}_SAVE_AS", "")

    def draft_url_pattern(self, settings: Mapping) -> str:
        """Where its drafts are written in this site ("" where drafts are not written)."""
        return settings.get(f"{self.draft_settings_prefix}_URL", "") if self.draft_settings_prefix else ""

    def folders(self, settings: Mapping) -> list[str]:
        """The content folders its text files are in (none for a kind made from a data file)."""
        if self.paths_default is None:
            return []
        return list(settings.get(self.paths_setting, self.paths_default))


NEWS = Kind(
    name="news",
    german_name="Meldung",
    german_the="Die Meldung",
    german_of_this="dieser Meldung",
    settings_prefix="ARTICLE",
    template="article",
    variable="article",
    lists=("articles", "drafts", "hidden_articles"),
    published_lists=("articles",),
    paths_default=("",),
    required=("title", "date", "slug", "lang", "summary"),
    optional=frozenset({"date_precision", "modified", "category"}),
    dated=True,
    draft_settings_prefix="DRAFT",
)
PAGE = Kind(
    name="page",
    german_name="Seite",
    german_the="Die Seite",
    german_of_this="dieser Seite",
    settings_prefix="PAGE",
    template="page",
    variable="page",
    lists=("pages", "hidden_pages", "draft_pages"),
    published_lists=("pages", "hidden_pages"),
    paths_default=("pages",),
    required=("title", "slug", "lang"),
    optional=frozenset({"date", "modified"}),
    top_level_urls=True,
    draft_settings_prefix="DRAFT_PAGE",
)
PLACE = Kind(
    name="place",
    german_name="Ort",
    german_the="Der Ort",
    german_of_this="dieses Ortes",
    settings_prefix="PLACE",
    template="place",
    variable="place",
    lists=("places",),
    published_lists=("places",),
    translated=False,
    every_language=True,
)
KINDS: tuple[Kind, ...] = (NEWS, PAGE, PLACE)
KINDS_BY_NAME = {kind.name: kind for kind in KINDS}
# The kinds editors write as Markdown files under their folders (checked by bfb_content_check).
TEXT_KINDS = tuple(kind for kind in KINDS if kind.paths_default is not None)


def kind_named(name: str) -> Kind:
    return KINDS_BY_NAME[name]


def content_variables() -> tuple[str, ...]:
    """Template variables that may hold the item a page is written for."""
    return tuple(kind.variable for kind in KINDS)


def every_language_variables() -> tuple[str, ...]:
    return tuple(kind.variable for kind in KINDS if kind.every_language)


def lists_of(kinds=KINDS, published_only: bool = False) -> tuple[str, ...]:
    """The context lists holding the items of `kinds`."""
    return tuple(name for kind in kinds for name in (kind.published_lists if published_only else kind.lists))


def fields_of(kind: Kind) -> frozenset[str]:
    return COMMON_FIELDS | set(kind.required) | kind.optional
