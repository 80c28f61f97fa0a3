"""`invoke check`: everything that must hold before the site goes live, in one report.

Each check is one entry in `SOURCE_CHECKS` (content, data, settings: before looking
at the output) or `OUTPUT_CHECKS` (the built production site). A check takes a
`CheckInput` and returns a list of `bfb_errors.Problem`; an empty list means passed.
Add a validator by adding one `Check(...)` line.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bfb_errors import Problem
from bfb_languages import languages_of

import pelicanconf
from sitetools.build import CONTENT, PUBLISH_SETTINGS
from sitetools.crawl import SiteCrawler, file_to_path
from sitetools.legal import legal_problems
from sitetools.output_checks import css_references as css_urls
from sitetools.output_checks import (
    is_foreign,
    page_files,
    placeholders,
    scan_page,
    site_path,
    stylesheet_files,
)


@dataclass(frozen=True)
class CheckInput:
    """What the checks look at: the production settings and the built site."""

    settings: dict
    site: Path


@dataclass(frozen=True)
class Check:
    name: str  # German heading of its problems in the report
    run: Callable[[CheckInput], list[Problem]]


def load_settings(settings_file: Path = PUBLISH_SETTINGS, extra: dict[str, str] | None = None) -> dict:
    """The settings a build with these `--extra-settings` (JSON values) would use."""
    from pelican.settings import read_settings

    overrides = {key: json.loads(value) for key, value in (extra or {}).items()}
    return read_settings(str(settings_file), override=overrides)


# --- checks of content, data and settings ---------------------------------------------


def content_headers(check: CheckInput) -> list[Problem]:
    from bfb_content_check import check_content
    from bfb_contents.source_files import source_problems

    if source_problems(CONTENT):
        return []  # a file the headers cannot be read from: reported by content_files
    return check_content(CONTENT, check.settings, include_drafts=False)  # drafts are never published


def content_files(check: CheckInput) -> list[Problem]:
    """Nothing from outside content/, only UTF-8 text, only photos in the photo folder."""
    from bfb_contents.source_files import source_problems
    from bfb_images.images import published_file_problems

    return source_problems(CONTENT) + published_file_problems(CONTENT, check.settings)


def content_translations(check: CheckInput) -> list[Problem]:
    """English translations the production settings require (German_only marks the exceptions)."""
    from bfb_translations.coverage import translation_problems

    return translation_problems(CONTENT, check.settings)


def places_data(check: CheckInput) -> list[Problem]:
    """The places data file (content/data/orte.yaml) and the names of its terms
    (content/data/orte-begriffe.yaml), validated as the Orte plugin does."""
    from bfb_languages import table
    from orte.places_file import DEFAULT_DATA_FILE, read_places_file
    from orte.terms import DEFAULT_TERMS_FILE, read_terms

    languages = table(check.settings)
    places = read_places_file(CONTENT / check.settings.get("ORTE_DATA", DEFAULT_DATA_FILE), languages)
    _, term_problems = read_terms(CONTENT / check.settings.get("ORTE_TERMS", DEFAULT_TERMS_FILE), languages)
    return [*places.problems, *term_problems]


# The stable codes of the checks' own problems (the content and data checks bring theirs).
THEME_TEXT_UNTRANSLATED = "theme-text-untranslated"
LINK_PAGE_MISSING = "output-link-page-missing"
LINK_ANCHOR_MISSING = "output-link-anchor-missing"
RESOURCE_FOREIGN_HOST = "output-resource-foreign"
PLACEHOLDER_TEXT = "output-placeholder-text"


def theme_translations(check: CheckInput) -> list[Problem]:
    """Every German theme text has an English translation (else English pages show German)."""
    from sitetools.translations import catalogue_files, extract_template, missing_translations, read_catalogue

    template = extract_template()
    return [
        untranslated(po_file, msgid)
        for po_file in catalogue_files()
        for msgid in missing_translations(read_catalogue(po_file), template)
    ]


def untranslated(po_file: Path, msgid: str) -> Problem:
    return Problem(
        po_file,
        None,
        f"Der Theme-Text „{msgid}“ ist nicht übersetzt.",
        "`invoke translations` ausführen, dann in der .po-Datei bei diesem msgid das msgstr ausfüllen.",
        "missing or fuzzy translation",
        code=THEME_TEXT_UNTRANSLATED,
    )


def legal_data(check: CheckInput) -> list[Problem]:
    return legal_problems(check.settings.get("ASSOCIATION"))


# --- checks of the built site ---------------------------------------------------------------


def own_hosts(settings: dict) -> set[str]:
    host = urlsplit(settings.get("SITEURL", "")).netloc.lower()
    return {host} if host else set()


# The crawler's reasons (sitetools/crawl.py, `BrokenLink.reason`) and the code of each.
BROKEN_LINK_CODES = {
    "no such file": LINK_PAGE_MISSING,
    "start page missing": LINK_PAGE_MISSING,
    "no such anchor": LINK_ANCHOR_MISSING,
}


def links_and_anchors(check: CheckInput) -> list[Problem]:
    """Every link on every page (not only the reachable ones) leads to a file and an anchor that exist."""
    site_urls = tuple(url for url in (check.settings.get("SITEURL"),) if url)
    pages = tuple(file_to_path(file.relative_to(check.site).as_posix()) for file in page_files(check.site))
    result = SiteCrawler(check.site, site_urls).crawl(start_pages=pages or ("/",))
    # One problem per broken target, naming the pages that have it (the footer is on every page).
    by_target: dict[tuple[str, str], list[str]] = {}
    for link in result.broken:
        pages_so_far = by_target.setdefault((link.target, link.reason), [])
        if link.page not in pages_so_far:
            pages_so_far.append(link.page)
    return [broken_link(target, reason, pages) for (target, reason), pages in sorted(by_target.items())]


def broken_link(target: str, reason: str, pages: list[str]) -> Problem:
    code = BROKEN_LINK_CODES.get(reason, LINK_PAGE_MISSING)
    missing = "Anker fehlt" if code == LINK_ANCHOR_MISSING else "Seite fehlt"
    where = f" – auf {len(pages)} Seiten, z. B. {', '.join(pages[:3])}." if len(pages) > 1 else "."
    return Problem(
        pages[0],
        None,
        f"Der Link „{target}“ führt ins Leere ({missing}){where}",
        "Den Link in der Quelldatei dieser Seite (content/…) oder im Template berichtigen.",
        reason,
        code=code,
    )


def foreign_resources(check: CheckInput) -> list[Problem]:
    """Nothing is loaded from another host (privacy, CSP): stylesheets, scripts, images, frames, fonts."""
    hosts = own_hosts(check.settings)
    found: list[tuple[str, str]] = []
    for file in page_files(check.site):
        page = site_path(check.site, file)
        found += [(page, url) for url in scan_page(file.read_text(encoding="utf-8")).resources]
    for file in stylesheet_files(check.site):
        page = site_path(check.site, file)
        found += [(page, url) for url in css_urls(file.read_text(encoding="utf-8"))]
    return [
        Problem(
            page,
            None,
            f"Die Seite lädt „{url}“ von einem fremden Server.",
            "Die Datei selbst nach content/bilder/ oder theme/static/ legen und von dort einbinden; "
            "fremde Server erfahren sonst, wer die Seite liest.",
            "resource from another host (blocked by the Content-Security-Policy, too)",
            code=RESOURCE_FOREIGN_HOST,
        )
        for page, url in found
        if is_foreign(url, hosts)
    ]


# Where our own scripts may come from (the theme and the search index), relative to SITEURL;
# a language variant searched on its own has its index in /<prefix>pagefind/ (search_index.py).
SCRIPT_FOLDERS = ("theme/", "pagefind/")


def script_folders(settings: dict) -> tuple[str, ...]:
    rows = settings.get("SITE_LANGUAGES") or pelicanconf.SITE_LANGUAGES
    own = [
        f"{found.prefix}pagefind/"
        for found in languages_of(rows).values()
        if found.prefix and found.search != found.html_lang
    ]
    return (*SCRIPT_FOLDERS, *own)


NAVIGATION_FIXES = {
    "refresh": (
        "Die Seite leitet Leser automatisch weiter („{url}“).",
        'Das <meta http-equiv="refresh">-Element aus der Quelldatei löschen; auf andere Seiten '
        "nur mit einem gewöhnlichen Link verweisen (alte Adressen: „Redirect_from:“).",
    ),
    "form": (
        "Ein Formular schickt die Eingaben der Leser an „{url}“ (die Website hat keine Formulare).",
        "Das <form>-Element aus der Quelldatei löschen: die Website sammelt keine Eingaben; "
        "für Kontakt die E-Mail-Adresse nennen.",
    ),
    "javascript": (
        "Ein „javascript:“-Verweis („{url}“) – ein Programm statt einer Adresse.",
        "Den Verweis in der Quelldatei durch eine gewöhnliche Adresse (https://…) ersetzen.",
    ),
    "script": (
        "Die Seite lädt das Skript „{url}“, das nicht zum Theme gehört.",
        "Das <script>-Element aus der Quelldatei löschen; Skripte gehören nur ins Theme (theme/static/).",
    ),
    "inline-script": (
        "Die Seite enthält ein Skript direkt im HTML (<script> ohne src).",
        "Das <script>-Element löschen; Skripte gehören nur als Datei ins Theme (theme/static/js/).",
    ),
    "handler": (
        "Ein HTML-Element hat die Angabe „{url}“, die ein Programm startet.",
        "Die Angabe aus der Quelldatei oder dem Template löschen.",
    ),
    "srcdoc": (
        "Ein HTML-Element bettet mit „srcdoc“ eine ganze Seite ein.",
        "Das Element aus der Quelldatei oder dem Template löschen.",
    ),
    "base": (
        'Die Seite enthält <base href="{url}">: jeder Link der Seite führte dann woandershin.',
        "Das <base>-Element aus der Quelldatei oder dem Template löschen.",
    ),
}
# The code of each is "unsafe-html-" and the key: "unsafe-html-form", "unsafe-html-script" …
UNSAFE_HTML = "unsafe-html"
# Always refused, wherever they point: the site has no forms, redirects only through the
# server (.htaccess), and no script but the theme's files.
ALWAYS_UNSAFE = frozenset({"javascript", "inline-script", "handler", "srcdoc", "base", "refresh", "form"})


def unsafe_navigation(
    url: str, what: str, siteurl: str, hosts: set[str], folders: tuple[str, ...] = SCRIPT_FOLDERS
) -> bool:
    if what in ALWAYS_UNSAFE:
        return True
    if what == "script":
        path = url.removeprefix(siteurl).lstrip("/") if siteurl else url.lstrip("/")
        return is_foreign(url, hosts) or not path.startswith(folders) or ".." in path.split("/")
    return is_foreign(url, hosts)


def html_that_csp_lets_through(check: CheckInput) -> list[Problem]:
    """Redirects, forms, `<base>`, script addresses, event handlers, stray scripts (CSP stops not all)."""
    hosts = own_hosts(check.settings)
    siteurl = check.settings.get("SITEURL", "").rstrip("/")
    folders = script_folders(check.settings)
    problems = []
    for file in page_files(check.site):
        for what, url in scan_page(file.read_text(encoding="utf-8")).navigations:
            if unsafe_navigation(url, what, siteurl, hosts, folders):
                message, fix = NAVIGATION_FIXES[what]
                problems.append(
                    Problem(
                        site_path(check.site, file),
                        None,
                        message.format(url=url),
                        fix,
                        f"unsafe {what}",
                        code=f"{UNSAFE_HTML}-{what}",
                    )
                )
    return problems


def placeholder_text(check: CheckInput) -> list[Problem]:
    problems = []
    for file in page_files(check.site):
        for context in placeholders(scan_page(file.read_text(encoding="utf-8")).text):
            problems.append(
                Problem(
                    site_path(check.site, file),
                    None,
                    f"Platzhaltertext auf der Seite: „{context}“.",
                    "Den Platzhalter (TODO, FIXME, TBD, XXX, Lorem ipsum, Platzhalter) in der Quelldatei "
                    "durch den echten Text ersetzen.",
                    "placeholder marker in visible text",
                    code=PLACEHOLDER_TEXT,
                )
            )
    return problems


SOURCE_CHECKS = [
    Check("Dateien in content/ (Verknüpfungen, UTF-8, Dateitypen)", content_files),
    Check("Kopfzeilen der Inhalte (bfb_content_check)", content_headers),
    Check("Englische Übersetzungen der Inhalte (bfb_translations)", content_translations),
    Check("Daten der Orte (plugins/orte)", places_data),
    Check("Übersetzung der Theme-Texte", theme_translations),
    Check("Pflichtangaben fürs Impressum", legal_data),
]
OUTPUT_CHECKS = [
    Check("Links und Anker (beide Sprachen)", links_and_anchors),
    Check("Nur Dateien vom eigenen Server", foreign_resources),
    Check("Kein Platzhaltertext", placeholder_text),
    Check(
        "Keine Weiterleitung, kein Formular, kein <base>, kein Skript außer den Dateien des Theme",
        html_that_csp_lets_through,
    ),
]


def run_checks(site: Path, settings: dict, checks: list[Check] | None = None) -> dict[str, list[Problem]]:
    """Run every check; return its problems by check name (all run, even after a failure)."""
    check_input = CheckInput(settings=settings, site=site)
    return {check.name: check.run(check_input) for check in checks or [*SOURCE_CHECKS, *OUTPUT_CHECKS]}


def format_report(results: dict[str, list[Problem]]) -> str:
    lines = []
    for name, problems in results.items():
        mark = "ok" if not problems else f"{len(problems)} Problem{'e' if len(problems) > 1 else ''}"
        lines.append(f"[{'✓' if not problems else '✗'}] {name}: {mark}")
        lines += ["    " + problem.render().replace("\n", "\n    ") for problem in problems]
    total = sum(len(problems) for problems in results.values())
    verdict = "Alle Prüfungen bestanden." if not total else f"{total} Problem(e) – nicht veröffentlicht."
    return "\n".join([*lines, "", verdict])


def passed(results: dict[str, list[Problem]]) -> bool:
    return not any(results.values())
