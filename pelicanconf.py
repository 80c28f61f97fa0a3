"""Development settings of the website of Bürger für Bürger e.V. (Daun).

`invoke build` and `invoke livereload` use this file; `publishconf.py` builds on it
for the live site. Everything that describes the site lives here, in plain words.
"""

import importlib.util
import logging
import sys
from pathlib import Path

from pelican.readers import MarkdownReader

HERE = Path(__file__).resolve().parent


def require_this_checkout_installed(checkout: Path) -> None:
    """Stop with a German message unless lib/ of `checkout` is what Python imports.

    Without `pip install -e .` the plugins cannot import lib/; with a virtual environment
    shared by two checkouts, they would silently import the other checkout's lib/.
    """
    spec = importlib.util.find_spec("bfb_build")
    installed = Path(spec.origin).resolve().parent.parent if spec and spec.origin else None
    if installed != checkout / "lib":
        sys.exit(
            f"Das Projekt in {checkout} ist nicht in dieser virtuellen Umgebung installiert"
            + (f" (sie nutzt {installed})" if installed else "")
            + ". So beheben: `python3 bootstrap.py` ausführen (oder `.venv/bin/pip install --no-deps -e .`)."
        )


require_this_checkout_installed(HERE)
from bfb_languages import files_of_other_languages, languages_of  # noqa: E402  (lib/, checked above)

# --- The site -----------------------------------------------------------------

SITENAME = "Bürger für Bürger e.V."
SITESUBTITLE = "Nachbarschaftshilfe und Sorgende Gemeinschaften in der Verbandsgemeinde Daun"
SITEURL = ""
AUTHOR = "Bürger für Bürger e.V."
TIMEZONE = "Europe/Berlin"

# The site's language variants (lib/bfb_languages says what each field means). The first
# is the main site at "/"; every other one is a subsite under "/<key>/", and its key is
# the `Lang:` of its texts. Everything that differs by language derives from this table:
# which files a site reads, dates and numbers, <html lang>, hreflang, the template
# catalogue, the search index and the language switcher.
SITE_LANGUAGES = {
    "de": {
        "suffix": "",
        "locale": "de",
        "html_lang": "de",
        "hreflang": "de",
        "catalogue": None,  # the templates are written in German
        "search": "de",
        "label": "Deutsch",
    },
    "en": {
        "suffix": ".en",
        "locale": "en",
        "html_lang": "en",
        "hreflang": "en",
        "catalogue": "en",  # theme/translations/en/
        "search": "en",
        "label": "English",
    },
    # Einfache Sprache (plain German): the most important pages retold in short, simple
    # sentences (README, "Einfache Sprache"). German, so <html lang="de">, but never an
    # hreflang alternate of the German pages; only the pages written for it exist.
    "einfach": {
        "suffix": ".einfach",
        "locale": "de",
        "html_lang": "de",
        "hreflang": None,
        "catalogue": None,
        "search": "einfach",
        "label": "Einfache Sprache",
        "simplifies": "de",
        "own_texts_only": True,
    },
}
DEFAULT_LANG = next(iter(SITE_LANGUAGES))
# The templates' message catalogues (a row's "catalogue" is a folder here), also used for the
# page texts written in Python (lib/bfb_languages.catalogue_of).
I18N_GETTEXT_LOCALEDIR = str(HERE / "theme" / "translations")
I18N_GETTEXT_DOMAIN = "messages"

# The association's legal and contact data for the Impressum and the contact page, kept
# in one place. `None` means: not known yet. The pages then show a clearly marked gap,
# and `invoke publish` refuses to publish until the Impressum's fields are filled in
# (sitetools/legal.py). Never invent an address, a name or a number here.
# A value published some time ago is a dict with its date ("as_of": "2020-03" or "2019")
# and its public source; the pages show both.
ASSOCIATION = {
    "name": "Bürger für Bürger e.V.",
    # The registered seat (a municipality), from the statutes or the register: not known yet.
    "seat": None,
    "street": None,
    "postcode_city": None,
    # The board as the association announced it (its text "Neuer Vorstand") and the press
    # reported it, with the date: shown in the Impressum as announced, not as the register's word.
    "board": {
        "value": ["Brigitte Hens (1. Vorsitzende)", "Manfred Sartoris (1. stellvertretender Vorsitzender)"],
        "as_of": "2021",
        "source": "Bürger für Bürger e.V., Text „Neuer Vorstand“; Trierischer Volksfreund, Ende 2021",
        # English pages: the same in English (names stay as they are).
        "en": {
            "value": ["Brigitte Hens (chair)", "Manfred Sartoris (first deputy chair)"],
            "source": "Bürger für Bürger e.V., its text on the new board; Trierischer Volksfreund, late 2021",
        },
    },
    # Who may represent the association (§ 26 BGB) follows from its statutes and the
    # Vereinsregister, which we do not have; the regional press (Trierischer Volksfreund,
    # late 2021) names the 1. Vorsitzende and the 1. stellvertretende Vorsitzende as entered
    # in the register. Have the board confirm who represents, alone or jointly, then fill in.
    "representatives": None,
    "register_court": None,
    "register_number": None,
    "email": None,  # a public address of the association
    "phone": {
        "value": "06592 9263198",
        "as_of": "2020-03",
        "source": "Bürger für Bürger e.V., alte Website, Meldung zum Bürgerbus vom März 2020",
        "en": {"source": "the association's old website, Bürgerbus news of March 2020"},
    },
    "office": {
        "value": "Erdgeschoss des Eifel-Vulkanmuseums (ehemaliges Landratsamt), Leopoldstraße, Daun",
        "as_of": "2019",
        "approximate": True,
        "source": "Trierischer Volksfreund, „Ehrenamtliche halten Laden am Laufen“ (undatiert, um 2019)",
        "en": {
            "value": "ground floor of the Eifel-Vulkanmuseum (former district office), Leopoldstraße, Daun",
            "source": "Trierischer Volksfreund, an undated article of around 2019",
        },
    },
    "office_hours": None,
    # The natural person responsible for the news and texts (§ 18 Abs. 2 MStV),
    # shown in the Impressum; usually a board member.
    "content_responsible": None,
}
# The fields the Impressum shows (§ 5 DDG, § 18 MStV); the contact page shows CONTACT_FIELDS.
IMPRESSUM_FIELDS = [
    "name",
    "seat",
    "street",
    "postcode_city",
    "board",
    "representatives",
    "register_court",
    "register_number",
    "email",
    "phone",
    "content_responsible",
]
CONTACT_FIELDS = ["name", "phone", "office", "office_hours", "street", "postcode_city", "email"]

# --- Where things live ----------------------------------------------------------

PATH = "content"
ARTICLE_PATHS = ["aktuelles"]
PAGE_PATHS = ["seiten"]
STATIC_PATHS = ["bilder", "extra/robots.txt"]
EXTRA_PATH_METADATA = {"extra/robots.txt": {"path": "robots.txt"}}
# Each language site reads only its own language's files: `name.md` is German,
# `name.en.md` English, `name.einfach.md` plain German (the suffixes of SITE_LANGUAGES;
# bfb_content_check makes `Lang:` agree with the file name). Otherwise every site would
# read every file only for i18n_subsites to drop the other languages' again (about a
# seventh of a build's time, docs/benchmark.md); bfb_language_links links the
# translations across the sites instead.
MARKDOWN_SUFFIXES = tuple(MarkdownReader.file_extensions)  # "md", "markdown", …: what Pelican reads


def other_language_files(lang: str, languages: dict | None = None) -> list[str]:
    """IGNORE_FILES patterns matching the Markdown files of every language but `lang`.

    `languages`: a table like SITE_LANGUAGES (default: this one; a test's copy passes its own).
    """
    rows = languages or SITE_LANGUAGES
    return files_of_other_languages(languages_of(rows).values(), lang, MARKDOWN_SUFFIXES)


# Data files are read by plugins, never copied or parsed as content. The content checks
# read the files of every language (bfb_content_check, bfb_translations). Pelican matches
# each pattern against file and folder names (so ".*" leaves out hidden files; its default
# "**/.*" never matches a name).
CONTENT_IGNORE_FILES = [".*", "data", "orte"]
IGNORE_FILES = [*CONTENT_IGNORE_FILES, *other_language_files(DEFAULT_LANG)]

THEME = str(HERE / "theme")
THEME_STATIC_DIR = "theme"
OUTPUT_PATH = "output"
DELETE_OUTPUT_DIRECTORY = True
OUTPUT_RETENTION = [".git"]

PLUGIN_PATHS = [str(HERE / "plugins")]
# The plugins use the libraries and Markdown extensions in lib/ (bfb_build, bfb_errors,
# bfb_contents …), importable because the project is installed (`pip install -e .`,
# bootstrap.py does it; checked at the top of this file). Never import one plugin from
# another: shared code goes to lib/.
PLUGINS = [
    "pelican.plugins.i18n_subsites",
    "bfb_slugs",
    "bfb_locale",
    "bfb_language_links",
    "bfb_source_files",
    "bfb_reader",
    "bfb_sanitizer",  # every text's HTML cleaned to the allow-list of lib/bfb_sanitize
    "bfb_content_check",
    "bfb_translations",
    "bfb_sitemap",
    "bfb_teasers",
    "bfb_images",
    "bfb_documents",  # PDFs from content/dokumente/, without their metadata
    "orte",
    "bfb_figures",
    "bfb_assets",
    "bfb_buergerbus",
    "bfb_redirects",
    "bfb_output_owners",
    "bfb_template_cache",
    "bfb_open_questions",  # phone filters; /entwuerfe/offene-fragen/ in development builds
]
# The hand-written Apache configuration; bfb_redirects puts the redirects before it and
# writes both as .htaccess into the output (see deploy/ and README, "Veröffentlichen").
HTACCESS_BASE = str(HERE / "deploy" / "htaccess")
# Old addresses nobody recorded (README, "Weiterleitungen von alten Adressen"): every
# address in one of these sections of the old site leads to a page of the new site.
# Exact old addresses (`Redirect_from:`) win; the build stops if a section would hide a page.
OLD_SITE_SECTIONS = [
    ("/index.php/aktuelles/", "/aktuelles/alte-website/"),
    ("/index.php/presseresonanz/", "/aktuelles/alte-website/"),
    ("/category/", "/aktuelles/alte-website/"),
    ("/index.php/", "/"),
]
# Written after Pelican (sitetools/search_index.py): no old address may take it.
REDIRECT_RESERVED_PATHS = ["/pagefind/"]

# --- Content ----------------------------------------------------------------------

DEFAULT_CATEGORY = "Aktuelles"
# Pelican gives articles the default category only when category pages are written
# (we write none), and its draft writer needs one: without this, any draft crashes the build.
DEFAULT_METADATA = {"category": DEFAULT_CATEGORY}
DEFAULT_DATE = None  # a news item without a date is an error, never "today"
# The date comes from the `Date:` header, which every news item must have (checked with
# its line by bfb_content_check). The date at the start of a news file's name only sorts
# the folder: Pelican would parse it from every file name in both language sites,
# only for the header to replace it.
FILENAME_METADATA = ""  # no pattern (None would make Pelican fall back to its default)
DEFAULT_DATE_FORMAT = "d. MMMM y"  # Babel patterns, see plugins/bfb_locale
DATE_FORMATS = {"de": "d. MMMM y", "en": "d MMMM y"}
# News whose day is unknown say `Date_precision: month` and show "Juni 2022";
# `Date_precision: year` shows only "2021".
MONTH_DATE_FORMATS = {"de": "MMMM y", "en": "MMMM y"}
DEFAULT_PAGINATION = 10
SUMMARY_MAX_LENGTH = 40
# Characters allowed in `Summary:` (checked by bfb_content_check). The owner's teaser
# texts on the start page are summaries too, and the longest runs to about 470 characters.
CONTENT_SUMMARY_LENGTH = (20, 500)
TYPOGRIFY = False
# bfb_content_check reports an image without alt text with file, line and fix before
# Pelican reads anything: it stops the build for a published text and goes into a
# draft's to-do box. Pelican's own warning about it would stop the draft's preview.
LOG_FILTER = [(logging.WARNING, "Empty alt attribute for image %s in %s")]


def question_markers(key: str) -> dict:
    """The config of lib/bfb_questions' Markdown extension for language `key` of SITE_LANGUAGES:
    its catalogue for the gaps' texts, and the phone in +49 form where its locale is not the main one's."""
    row, main = SITE_LANGUAGES[key], SITE_LANGUAGES[DEFAULT_LANG]
    return {
        "catalogue": row["catalogue"] or "",
        "localedir": I18N_GETTEXT_LOCALEDIR,
        "domain": I18N_GETTEXT_DOMAIN,
        "international_phone": row["locale"] != main["locale"],
        "phone": ASSOCIATION["phone"],
    }


MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {"permalink": False},
        # Each table in its own scrollable, focusable region (lib/bfb_tables).
        "bfb_tables": {"label": "Tabelle"},
        "bfb_editor_notes": {},  # `<!-- … -->` notes never reach a page (lib/bfb_editor_notes)
        # `{telefon}` → the phone from ASSOCIATION, `{offen:<key>}` → a marked gap (lib/bfb_questions)
        "bfb_questions": question_markers(DEFAULT_LANG),
        # Markdown's smarty (German quotes „…“, dashes – and ellipses …), skipping text
        # without a straight quote, "--" or "..." (lib/bfb_typography: the same output).
        "bfb_typography": {
            "substitutions": {
                "left-double-quote": "&bdquo;",
                "right-double-quote": "&ldquo;",
                "left-single-quote": "&sbquo;",
                "right-single-quote": "&lsquo;",
            }
        },
    },
    "output_format": "html5",
}

# --- Clean URLs -------------------------------------------------------------------

ARTICLE_URL = "aktuelles/{slug}/"
ARTICLE_SAVE_AS = "aktuelles/{slug}/index.html"
ARTICLE_LANG_URL = ARTICLE_URL
ARTICLE_LANG_SAVE_AS = ARTICLE_SAVE_AS
DRAFT_URL = "entwuerfe/{slug}/"
DRAFT_SAVE_AS = "entwuerfe/{slug}/index.html"
DRAFT_PAGE_URL = "entwuerfe/seiten/{slug}/"
DRAFT_PAGE_SAVE_AS = "entwuerfe/seiten/{slug}/index.html"
# A draft appears only in its own language's site: i18n_subsites does not filter drafts,
# so without this a German draft would also be written under /en/.
DRAFT_LANG_URL = DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_LANG_URL = DRAFT_PAGE_LANG_SAVE_AS = ""
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_LANG_URL = PAGE_URL
PAGE_LANG_SAVE_AS = PAGE_SAVE_AS
# Places (plugins/orte): the same paths in both languages, /orte/… and /en/orte/….
PLACE_URL = PLACE_LANG_URL = "orte/{slug}/"
PLACE_SAVE_AS = PLACE_LANG_SAVE_AS = "orte/{slug}/index.html"
PLACES_URL = "orte/"
PLACES_SAVE_AS = "orte/index.html"
# The sources of what every place page says about our help and the Bürgerbus
# (theme/templates/partials/place_offer.html and place_buergerbus.html). Each source: publisher,
# title, date as precise as known ("2013-03-06", "2017-01", "2021"; "approximate" for an
# inferred year), url (None when the page is gone, like our old website) and, where the
# publisher is more than a name, its form in another language under that language's key of
# SITE_LANGUAGES ("en": {"publisher": …}), as in ASSOCIATION.
PLACE_PAGE_SOURCES = {
    # What our helpers do, and that help is for members (helpers are members too).
    "offer": [
        {
            "publisher": "Bürger für Bürger e.V., alte Website",
            "en": {"publisher": "our association's old website"},
            "title": "Unterstützen Sie uns aktiv durch Ihre Hilfe",
            "date": "2021",
            "approximate": True,
            "url": None,
        },
        {
            "publisher": "Wochenspiegel",
            "title": "»Bürger für Bürger«: Eine gute Idee geht ihrer WEGE",
            "date": "2013-03-06",
            "url": None,
        },
    ],
    # From January 2017 the bus served every village of the Verbandsgemeinde once a week.
    "bus_every_village": [
        {
            "publisher": "wirtschaft.eifel.info",
            "title": "Mehr Mobilität durch den Bürgerbus",
            "date": "2017-01-16",
            "url": "http://wirtschaft.eifel.info/2017/01/16/mehr-mobilitaet-durch-den-buergerbus/",
        },
        {
            "publisher": "Trierischer Volksfreund",
            "title": "Wir sind auf dem richtigen Weg",
            "date": "2018-01",
            "url": "https://www.volksfreund.de/region/daun/wir-sind-auf-dem-richtigen-weg_aid-7700815",
        },
    ],
    # Trips with passengers stopped in March 2020.
    "bus_suspended": [
        {
            "publisher": "Bürger für Bürger e.V., alte Website",
            "en": {"publisher": "our association's old website"},
            "title": "Fahrten des Bürgerbusses in der Verbandsgemeinde Daun werden vorübergehend eingestellt",
            "date": "2020-03",
            "url": None,
        },
    ],
}

# The start page is a page (content/seiten/start.md); the news list lives at /aktuelles/.
INDEX_URL = "aktuelles/"
INDEX_SAVE_AS = "aktuelles/index.html"
ARCHIVES_URL = "aktuelles/archiv/"
ARCHIVES_SAVE_AS = "aktuelles/archiv/index.html"
PAGINATION_PATTERNS = [
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/seite/{number}/", "{base_name}/seite/{number}/index.html"),
]
# Where an old address of a whole section lands: all news, with a note that the old
# page is gone (no JavaScript needed: the address itself says where the reader came from).
OLD_SITE_NEWS_URL = "aktuelles/alte-website/"
OLD_SITE_NEWS_SAVE_AS = "aktuelles/alte-website/index.html"
DIRECT_TEMPLATES = ["index", "archives", "old_site_news"]

# One association, one news stream: no category, tag or author pages.
CATEGORY_URL = CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_URL = TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHOR_URL = AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""

# Feeds are written by the production build only (publishconf.py).
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# --- Languages ----------------------------------------------------------------------

# Every template escapes what it prints (README, "Sicherheit"): titles, summaries and data
# file values are text, never markup. Only HTML that went through the sanitizer
# (plugins/bfb_sanitizer) is printed as it is, marked with `|safe` where it is printed.
JINJA_ENVIRONMENT = {
    "autoescape": True,
    "extensions": ["jinja2.ext.i18n"],
    "trim_blocks": True,
    "lstrip_blocks": True,
}
I18N_TEMPLATES_LANG = DEFAULT_LANG  # the language the templates are written in
# Untranslated content (README, "Übersetzungen"): every news item and page has an
# English translation (`name.en.md` beside `name.md`, same Slug), unless its header says
# `German_only: ja`. A German text without translation does not appear on the English
# site at all ("remove": no copy under /en/drafts/ or /en/pages/); English links and the
# language switcher lead to the German original or the English start page instead.
# `invoke untranslated` lists what is missing; publishconf.py sets TRANSLATIONS_REQUIRED,
# so a missing translation stops the production build (plugins/bfb_translations).
I18N_UNTRANSLATED_ARTICLES = "remove"
I18N_UNTRANSLATED_PAGES = "remove"
TRANSLATIONS_REQUIRED = False
# Known to bfb_content_check. `Compiled_later: ja`: a news item written later from the
# sources named at its end (section "Quellen"), not published at the time; the page says so.
# `Geprueft_von:`/`Geprueft_am:`: who of the target group checked a plain page, and when
# (only then may it call itself "Leichte Sprache"; plugins/bfb_plain_language).
CONTENT_EXTRA_METADATA = ["German_only", "Compiled_later", "Geprueft_von", "Geprueft_am"]

LANGUAGE_NAMES = {key: row["label"] for key, row in SITE_LANGUAGES.items()}  # switcher labels
# Generated lists whose address differs per language; everything else keeps its path.
COUNTERPART_PATHS = [
    {"de": "aktuelles/archiv/", "en": "news/archive/"},
    {"de": "aktuelles/alte-website/", "en": "news/old-website/"},
    {"de": "aktuelles/", "en": "news/"},
    # The board's open questions (development builds only, German): other languages' start pages.
    {"de": "entwuerfe/offene-fragen/"},
    {"de": "entwuerfe/", "en": "drafts/"},
]


def language_settings(key: str, row: dict) -> dict:
    """The settings in which the site of language `key` (`row`: its entry) differs from the main one."""
    if key == "en":
        return {
            "SITESUBTITLE": "Neighbourly help and caring communities in the Verbandsgemeinde Daun",
            "ARTICLE_URL": "news/{slug}/",
            "ARTICLE_SAVE_AS": "news/{slug}/index.html",
            "ARTICLE_LANG_URL": "news/{slug}/",
            "ARTICLE_LANG_SAVE_AS": "news/{slug}/index.html",
            "DRAFT_URL": "drafts/{slug}/",
            "DRAFT_SAVE_AS": "drafts/{slug}/index.html",
            "DRAFT_PAGE_URL": "drafts/pages/{slug}/",
            "DRAFT_PAGE_SAVE_AS": "drafts/pages/{slug}/index.html",
            "INDEX_URL": "news/",
            "INDEX_SAVE_AS": "news/index.html",
            "ARCHIVES_URL": "news/archive/",
            "ARCHIVES_SAVE_AS": "news/archive/index.html",
            "OLD_SITE_NEWS_URL": "news/old-website/",
            "OLD_SITE_NEWS_SAVE_AS": "news/old-website/index.html",
            "PAGINATION_PATTERNS": [
                (1, "{url}", "{save_as}"),
                (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
            ],
            "MARKDOWN": {
                **MARKDOWN,
                "extension_configs": {
                    **MARKDOWN["extension_configs"],
                    "bfb_typography": {},  # English quotes “…”
                    "bfb_tables": {"label": "Table"},
                    "bfb_questions": question_markers(key),
                },
            },
        }
    if row.get("own_texts_only"):
        # Only the pages written for this variant: no news lists, no place pages, no feed.
        return {
            "SITESUBTITLE": "Einfache Sprache: kurze Sätze, einfache Wörter",
            "DIRECT_TEMPLATES": [],
            "PLACE_URL": "",
            "PLACE_SAVE_AS": "",
            "PLACES_URL": "",
            "PLACES_SAVE_AS": "",
            "FEED_ATOM": None,
        }
    return {}


def language_subsites(production: bool = False, languages: dict | None = None) -> dict:
    """Return fresh I18N_SUBSITES settings: one subsite per language but the first.

    `languages`: a table like SITE_LANGUAGES (default: this one; a test's copy passes its own).

    A function rather than a constant: i18n_subsites writes into these dicts,
    so each settings module must get its own dicts (docs/architecture.md, "Pitfalls").
    `SITEURL` and `FEED_DOMAIN` of a subsite are not set here: the plugin
    bfb_language_links derives them from the main SITEURL after every override
    (`pelican -e SITEURL=…` included), so the languages cannot disagree.
    """
    rows = languages or SITE_LANGUAGES
    subsites = {}
    for key, row in list(rows.items())[1:]:
        settings = {"IGNORE_FILES": [*CONTENT_IGNORE_FILES, *other_language_files(key, rows)]}
        if row["catalogue"] is None:
            # Written in the templates' own language: i18n_subsites installs no catalogue.
            settings["I18N_TEMPLATES_LANG"] = key
        if key != row["locale"]:
            # Pelican's reStructuredText reader (we write Markdown only) would warn that
            # Docutils knows no language "einfach".
            settings["READERS"] = {"rst": None}
        settings.update(language_settings(key, row))
        if production:
            settings.update(DRAFT_URL="", DRAFT_SAVE_AS="", DRAFT_PAGE_URL="", DRAFT_PAGE_SAVE_AS="")
            if key == "en":
                settings.update(FEED_ATOM="feeds/news.atom.xml", FEED_ATOM_URL="feeds/news.atom.xml")
        subsites[key] = settings
    return subsites


I18N_SUBSITES = language_subsites()

# --- Development conveniences -----------------------------------------------------------

RELATIVE_URLS = False
LOAD_CONTENT_CACHE = True
CACHE_CONTENT = True
CACHE_PATH = ".cache/pelican"
