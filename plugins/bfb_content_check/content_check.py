"""Validate every content file's header and links before Pelican reads them.

Runs on Pelican's `initialized` signal (main site only, once per build) and from
`invoke check`. Every problem is collected and reported at once through `bfb_errors`:
file and line, what is wrong and how to fix it in plain German, English detail below.

Settings (all optional):
  CONTENT_CATEGORIES      allowed values of `Category:` (default: [DEFAULT_CATEGORY])
  CONTENT_EXTRA_METADATA  further header fields a plugin or template uses (lowercase)
  CONTENT_SUMMARY_LENGTH  (min, max) characters of `Summary:` (default (20, 300))
  CONTENT_IGNORE_FILES    files that are no content in any language (default: IGNORE_FILES,
                          which in a language site also skips the other languages' files)

  THEME                   `Template:` must name one of its templates/*.html
  DRAFT_SAVE_AS           "" (production): a `{filename}` link to a draft is an error
  WITH_FUTURE_DATES       False (production): a news item dated later is announced, and a
                          link to it is an error (Pelican keeps it back like a draft)

Pages in Einfache Sprache (a variant with `simplifies` in SITE_LANGUAGES) are checked
against the rules of plain German too (plain_language.py, lib/bfb_plain), and the build
prints each one's reading ease.

`Orte:` is not checked here: plugins/orte checks it against the places file it reads once
per build (`orte.places_file`), together with the file's own problems.

Drafts (`Status: draft`): where drafts are written (the preview), a draft's problems are
warnings and its page shows them in a to-do box (`publishing_todo`), unless Pelican could
not build past them (BLOCKING_CODES); where they are not written, drafts are not read.
"""

from __future__ import annotations

import difflib
import re
import sys
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bfb_build import is_main_site, this_build
from bfb_contents import MARKDOWN_SUFFIXES, NEW_TEXT_PLACEHOLDERS
from bfb_contents.content_files import (
    ContentFile,
    files_of_this_build,
    read_files,
    without_comments,
)
from bfb_contents.drafts import leave_out
from bfb_contents.front_matter import markdown_lines
from bfb_contents.kinds import fields_of, kind_named
from bfb_errors import Problem, format_problems, report_notes, stop_build
from bfb_html import start_tags
from bfb_languages import Language, file_name_in, table, translation_targets
from bfb_sanitize import MARKUP_NOT_ALLOWED, markup_outside_allow_list
from bfb_text.slugs import german_slugify
from bfb_text.yes_no import yes_no
from bfb_urls import GENERATED_FOLDERS, reserved_top_level

from .plain_language import check_plain_language, print_reading_ease

DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$")
STATUSES = ("published", "draft", "hidden")

# How editors' field names read to a German speaker; used for suggestions.
GERMAN_NAMES = {
    "titel": "Title",
    "überschrift": "Title",
    "datum": "Date",
    "sprache": "Lang",
    "zusammenfassung": "Summary",
    "kurztext": "Summary",
    "kategorie": "Category",
    "rubrik": "Category",
    "ort": "Orte",
    "places": "Orte",
    "zustand": "Status",
    "geändert": "Modified",
    "vorlage": "Template",
    "tags": None,
    "author": None,
    "authors": None,
}
SPELLING = {
    "title": "Title",
    "slug": "Slug",
    "lang": "Lang",
    "summary": "Summary",
    "status": "Status",
    "template": "Template",
    "save_as": "Save_as",
    "url": "URL",
    "redirect_from": "Redirect_from",
    "teaser": "Teaser",
    "teaser_title": "Teaser_title",
    "orte": "Orte",
    "date_precision": "Date_precision",
    "date": "Date",
    "modified": "Modified",
    "category": "Category",
}
LINK_RE = re.compile(r"[{|](?P<what>filename|static|attach)[}|](?P<path>[^\s\"')>#?]+)")
MARKDOWN_IMAGE_RE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]*)")


def check_content(
    content_dir: str | Path,
    settings: dict | None = None,
    files: list[ContentFile] | None = None,
    include_drafts: bool = True,
    notes: list[Problem] | None = None,
) -> list[Problem]:
    """Return every problem in the content folder's Markdown files (empty: all good).

    `files`: the folder's files as read_files() returns them, if read already.
    With `include_drafts=False` drafts are left out, as the production build leaves them out.
    `notes`, if given, receives what is no error but the editor should know (news held back
    until their date).
    """
    content_dir = Path(content_dir).resolve()
    settings = settings or {}
    every_file = read_files(content_dir, settings) if files is None else files
    files = every_file if include_drafts else [file for file in every_file if not file.is_draft]
    problems: list[Problem] = []
    for file in files:
        problems += check_file(file, content_dir, settings)
    problems += check_translations(files)
    problems += check_draft_translations(files, translation_targets(settings))
    problems += check_links_to_unpublished(files, content_dir, settings, every_file)
    if notes is not None:
        notes += [future_note(file, settings) for file in files if held_back_until(file, settings)]
    return problems


def check_file(file: ContentFile, content_dir: Path, settings: dict) -> list[Problem]:
    checks = (
        check_header_shape,
        check_fields,
        check_required,
        check_date,
        check_lang,
        check_slug,
        check_status,
        check_category,
        check_summary,
        check_template,
        check_teaser,
        check_yes_no,
        check_save_as,
        check_body,
        check_placeholder_text,
        check_images,
        check_links,
        check_header_characters,
        check_markup,
        check_date_years,
        check_static_targets,
        check_address_characters,
        check_plain_language,
    )
    context = {"content_dir": content_dir, "settings": settings}
    problems = []
    for check in checks:
        problems += check(file, **context)
    return problems


def problem(
    file: ContentFile, line: int | None, message: str, fix: str, detail: str = "", *, code: str
) -> Problem:
    return Problem(file.path, line, message, fix, detail, code=code)


def check_header_shape(file: ContentFile, **_) -> list[Problem]:
    front = file.front
    if not front.fields:
        return [
            problem(
                file,
                1,
                "Die Datei hat keinen Kopf mit Angaben wie „Title:“ und „Slug:“.",
                "Oben in die Datei die Kopfzeilen schreiben (je Zeile „Feld: Wert“), "
                'dann eine Leerzeile, dann den Text. Vorlage: invoke new "Titel".',
                "no metadata header found",
                code="header-missing",
            )
        ]
    if front.stray_line:
        return [
            problem(
                file,
                front.stray_line,
                "Der Kopf endet hier ohne Leerzeile: diese Zeile hat keinen Doppelpunkt nach dem Feldnamen, "
                "darum gilt sie und alles danach als Text.",
                "Entweder „Feld: Wert“ schreiben (mit Doppelpunkt) "
                "oder vor dieser Zeile eine Leerzeile einfügen.",
                "header ended by a line that is neither 'Key: value' nor blank",
                code="header-stray-line",
            )
        ]
    return []


def check_fields(file: ContentFile, settings: dict, **_) -> list[Problem]:
    allowed = known_fields(file.kind, settings)
    problems = []
    for key, fields in file.front.fields.items():
        if key not in allowed:
            problems.append(unknown_field_problem(file, fields[0].key, fields[0].line, allowed))
        elif len(fields) > 1:
            problems.append(
                problem(
                    file,
                    fields[1].line,
                    f"Das Feld „{fields[0].key}“ steht zweimal im Kopf (auch in Zeile {fields[0].line}).",
                    "Eine der beiden Zeilen löschen.",
                    f"duplicate metadata key '{key}'",
                    code="field-twice",
                )
            )
    return problems


def known_fields(kind: str, settings: dict) -> set[str]:
    extra = {name.lower() for name in settings.get("CONTENT_EXTRA_METADATA", [])}
    return fields_of(kind_named(kind)) | extra


def suggested_field(key: str, allowed: set[str]) -> str | None:
    """The known field an unknown one most likely means ("Datum" → "Date"), if any."""
    lowered = key.lower()
    if lowered in GERMAN_NAMES:
        suggestion = GERMAN_NAMES[lowered]
    else:
        close = difflib.get_close_matches(lowered, sorted(allowed), n=1, cutoff=0.6)
        suggestion = SPELLING.get(close[0], close[0].capitalize()) if close else None
    return suggestion if suggestion and suggestion.lower() in allowed else None


def unknown_field_problem(file: ContentFile, key: str, line: int, allowed: set[str]) -> Problem:
    lowered = key.lower()
    suggestion = suggested_field(key, allowed)
    if suggestion:
        fix = f"Meinten Sie „{suggestion}:“? Den Feldnamen entsprechend ändern."
    else:
        names = ", ".join(SPELLING.get(name, name) for name in sorted(allowed))
        fix = f"Die Zeile löschen oder einen dieser Feldnamen verwenden: {names}."
    return problem(
        file,
        line,
        f"Unbekanntes Feld „{key}:“ im Kopf – es würde stillschweigend ignoriert.",
        fix,
        f"unknown metadata key '{lowered}'; if a template or plugin needs it, "
        "add it to CONTENT_EXTRA_METADATA in pelicanconf.py",
        code="field-unknown",
    )


def check_required(file: ContentFile, settings: dict, **_) -> list[Problem]:
    if not file.front.fields:
        return []
    problems = []
    kind = kind_named(file.kind)
    allowed = known_fields(file.kind, settings)
    # A misspelt field ("Datum:") is reported once, as unknown with its suggestion.
    misspelt = {suggested_field(f[0].key, allowed) for k, f in file.front.fields.items() if k not in allowed}
    for key in kind.required:
        value = file.front.value(key)
        name = SPELLING[key]
        if value is None and name in misspelt:
            continue
        if value is None:
            problems.append(
                problem(
                    file,
                    None,
                    f"Im Kopf {kind.german_of_this} fehlt das Feld „{name}:“.",
                    f"Eine Zeile „{name}: …“ in den Kopf schreiben. {field_hint(key, file)}",
                    f"required metadata '{key}' missing",
                    code=f"{key}-missing",
                )
            )
        elif not value:
            problems.append(
                problem(
                    file,
                    file.front.line(key),
                    f"Das Feld „{name}:“ ist leer.",
                    f"Hinter „{name}:“ den Wert eintragen. {field_hint(key, file)}",
                    f"required metadata '{key}' is empty",
                    code=f"{key}-empty",
                )
            )
    return problems


FIELD_HINTS = {
    "title": "Die Überschrift, z. B. „Title: Neuer Vorstand gewählt“.",
    "date": "Das Datum der Meldung als Jahr-Monat-Tag, z. B. „Date: 2022-06-22“.",
    "slug": "Der Teil der Adresse, klein und ohne Umlaute, z. B. „Slug: neuer-vorstand“.",
    # "lang": field_hint() names the language of the file's name (SITE_LANGUAGES).
    "summary": "Ein bis zwei Sätze, die in Listen und auf der Startseite erscheinen.",
}


def field_hint(key: str, file: ContentFile) -> str:
    if key == "lang":
        return f"Für diese Datei „Lang: {file.expected_lang}“ ({file.language.label}, wie ihr Name sagt)."
    return FIELD_HINTS[key]


def check_date(file: ContentFile, **_) -> list[Problem]:
    problems = []
    for key in ("date", "modified"):
        value, line = file.front.value(key), file.front.line(key)
        if not value:
            continue
        match = DATE_RE.match(value)
        name = SPELLING[key]
        if not match:
            problems.append(
                problem(
                    file,
                    line,
                    f"Das Datum „{value}“ ist nicht im Format Jahr-Monat-Tag.",
                    f"So schreiben: „{name}: 2022-06-22“ (optional mit Uhrzeit: „{name}: 2022-06-22 18:30“).",
                    f"'{key}' must match YYYY-MM-DD or YYYY-MM-DD HH:MM",
                    code=f"{key}-format",
                )
            )
            continue
        try:
            year, month, day, hour, minute = (int(part) if part else 0 for part in match.groups())
            datetime(year, month, day, hour, minute)
        except ValueError as error:
            problems.append(
                problem(
                    file,
                    line,
                    f"Das Datum „{value}“ gibt es nicht.",
                    "Tag und Monat prüfen (Reihenfolge: Jahr-Monat-Tag, z. B. 2022-06-22).",
                    f"invalid date: {error}",
                    code=f"{key}-impossible",
                )
            )
    return problems


def check_lang(file: ContentFile, settings: dict, **_) -> list[Problem]:
    value, line = file.front.value("lang"), file.front.line("lang")
    if not value:
        return []
    languages = table(settings)
    if value not in languages:
        choices = ", ".join(f"„Lang: {key}“ ({found.label})" for key, found in languages.items())
        return [
            problem(
                file,
                line,
                f"Unbekannte Sprache „{value}“.",
                f"Eine dieser Angaben schreiben: {choices}.",
                f"Lang must be one of {', '.join(languages)}",
                code="lang-unknown",
            )
        ]
    if value != file.expected_lang:
        written = languages[value]
        if not file.language.main:
            fix = (
                f"Dateien, deren Name auf „{file.language.suffix}{file.path.suffix}“ endet, haben "
                f"„Lang: {file.expected_lang}“ ({file.language.label}) – die Angabe korrigieren."
            )
        else:
            fix = (
                f"Ein Text auf {written.label} heißt wie die deutsche Datei mit "
                f"„{written.suffix}{file.path.suffix}“ am Ende, z. B. „{file.path.stem}{written.suffix}"
                f"{file.path.suffix}“: die Datei umbenennen oder „Lang: {file.expected_lang}“ schreiben."
            )
        return [
            problem(
                file,
                line,
                f"„Lang: {value}“ passt nicht zum Dateinamen „{file.path.name}“.",
                fix,
                f"file name implies lang '{file.expected_lang}'",
                code="lang-not-file-name",
            )
        ]
    return []


def check_slug(file: ContentFile, settings: dict, **_) -> list[Problem]:
    value, line = file.front.value("slug"), file.front.line("slug")
    if not value:
        return []
    proper = german_slugify(value)
    if value != proper:
        return [
            problem(
                file,
                line,
                f"„Slug: {value}“ ist als Adresse ungeeignet "
                "(nur Kleinbuchstaben a–z, Ziffern und Bindestriche).",
                f"„Slug: {proper}“ schreiben.",
                "slug must equal german_slugify(slug)",
                code="slug-form",
            )
        ]
    # Addresses the site generates itself (bfb_urls): a page with such a slug would be overwritten.
    if kind_named(file.kind).top_level_urls and value in reserved_top_level(settings):
        return [
            problem(
                file,
                line,
                f"Die Adresse „/{value}/“ benutzt die Website schon selbst.",
                "Einen anderen Slug wählen.",
                f"reserved page slug '{value}'",
                code="slug-reserved",
            )
        ]
    return []


def check_status(file: ContentFile, **_) -> list[Problem]:
    value, line = file.front.value("status"), file.front.line("status")
    if value is None or value in STATUSES:
        return []
    return [
        problem(
            file,
            line,
            f"Unbekannter Status „{value}“.",
            "„Status: draft“ (Entwurf, nur in der Vorschau), „Status: published“ (veröffentlicht) "
            "oder „Status: hidden“ (nur über die Adresse erreichbar) schreiben.",
            f"Status must be one of {', '.join(STATUSES)}",
            code="status-unknown",
        )
    ]


def check_category(file: ContentFile, settings: dict, **_) -> list[Problem]:
    value, line = file.front.value("category"), file.front.line("category")
    allowed = settings.get("CONTENT_CATEGORIES") or [settings.get("DEFAULT_CATEGORY", "Aktuelles")]
    if value is None or value in allowed:
        return []
    return [
        problem(
            file,
            line,
            f"Unbekannte Kategorie „{value}“.",
            f"Die Zeile löschen (dann gilt „{allowed[0]}“) "
            f"oder eine dieser Kategorien: {', '.join(allowed)}.",
            "category not in CONTENT_CATEGORIES",
            code="category-unknown",
        )
    ]


def check_summary(file: ContentFile, settings: dict, **_) -> list[Problem]:
    value, line = file.front.value("summary"), file.front.line("summary")
    if not value:
        return []
    shortest, longest = settings.get("CONTENT_SUMMARY_LENGTH", (20, 300))
    if len(value) < shortest:
        return [
            problem(
                file,
                line,
                f"Die Zusammenfassung ist mit {len(value)} Zeichen zu kurz.",
                f"Mindestens {shortest} Zeichen: in einem ganzen Satz sagen, worum es geht.",
                f"summary shorter than {shortest} characters",
                code="summary-short",
            )
        ]
    if len(value) > longest:
        return [
            problem(
                file,
                line,
                f"Die Zusammenfassung ist mit {len(value)} Zeichen zu lang.",
                f"Auf höchstens {longest} Zeichen kürzen (ein bis zwei Sätze); der Rest gehört in den Text.",
                f"summary longer than {longest} characters",
                code="summary-long",
            )
        ]
    return []


def check_template(file: ContentFile, settings: dict, **_) -> list[Problem]:
    value, line = file.front.value("template"), file.front.line("template")
    if not value or not settings.get("THEME"):
        return []
    folder = Path(settings["THEME"]) / "templates"
    available = sorted(path.stem for path in folder.glob("*.html") if path.stem != "base")
    if value in available:
        return []
    default = kind_named(file.kind).template
    return [
        problem(
            file,
            line,
            f"Die Vorlage „Template: {value}“ gibt es nicht.",
            f"Die Zeile löschen (dann gilt die übliche Vorlage „{default}“) "
            f"oder eine dieser Vorlagen nennen: {', '.join(available)}.",
            f"no template {value}.html in {folder}",
            code="template-unknown",
        )
    ]


def check_teaser(file: ContentFile, **_) -> list[Problem]:
    value, line = file.front.value("teaser"), file.front.line("teaser")
    if value is None or (value.isascii() and value.isdigit() and int(value) > 0):
        return []
    return [
        problem(
            file,
            line,
            f"„Teaser: {value}“ ist keine Platznummer.",
            "Eine Zahl in Ziffern schreiben, z. B. „Teaser: 2“ (Platz 2 auf der Startseite), "
            "oder die Zeile löschen.",
            "Teaser must be a positive integer",
            code="teaser-not-a-number",
        )
    ]


def check_save_as(file: ContentFile, **_) -> list[Problem]:
    value, line = file.front.value("save_as"), file.front.line("save_as")
    if not value:
        return []
    parts = value.replace("\\", "/").split("/")
    if value.startswith("/") or ".." in parts or "\\" in value or ":" in value:
        what = "zeigt aus dem Ordner der Website hinaus"
    elif parts[0] in GENERATED_FOLDERS:
        what = f"schreibt in den Ordner „{parts[0]}/“, den die Website selbst füllt"
    elif not value.endswith(".html"):
        what = "ist keine HTML-Datei"
    else:
        return []
    return [
        problem(
            file,
            line,
            f"„Save_as: {value}“ {what}.",
            "Die Zeile löschen: die Adresse ergibt sich aus „Slug:“. Nur wenn es wirklich nötig ist, "
            "einen Pfad innerhalb der Website wie „ordner/seite/index.html“ angeben.",
            "Save_as must be a relative .html path inside the output, outside generated folders",
            code="save-as-outside",
        )
    ]


def check_body(file: ContentFile, **_) -> list[Problem]:
    if not file.front.fields or without_comments("\n".join(file.front.body)).strip():
        return []
    kind_name = kind_named(file.kind).german_the
    return [
        problem(
            file,
            file.front.body_start,
            f"{kind_name} hat nur einen Kopf und keinen Text – sie erschiene leer.",
            "Nach dem Kopf eine Leerzeile und dann den Text schreiben. Soll sie noch nicht erscheinen: "
            "„Status: draft“ in den Kopf schreiben.",
            "empty body",
            code="body-empty",
        )
    ]


def check_placeholder_text(file: ContentFile, **_) -> list[Problem]:
    """The sentence `invoke new` writes as the body is still there: the text is not written yet."""
    body = without_comments("\n".join(file.front.body))
    if not any(placeholder in body for placeholder in NEW_TEXT_PLACEHOLDERS):
        return []
    problems = []
    for offset, line in enumerate(body.split("\n")):
        for placeholder in NEW_TEXT_PLACEHOLDERS:
            if placeholder in line:
                problems.append(
                    problem(
                        file,
                        file.front.body_start + offset,
                        f"Im Text steht noch der Platzhalter von „invoke new“: „{placeholder}“",
                        "Den Satz durch den eigenen Text ersetzen (oder löschen).",
                        "placeholder text from invoke new",
                        code="body-placeholder",
                    )
                )
    return problems


def check_images(file: ContentFile, **_) -> list[Problem]:
    if not (MARKDOWN_IMAGE_RE.search(file.link_text) or "<img" in file.link_text.lower()):
        return []
    problems = [
        missing_alt(file, number, match.group("src"))
        for number, text in file.link_lines
        for match in MARKDOWN_IMAGE_RE.finditer(text)
        if not match.group("alt").strip()
    ]
    problems += [missing_alt(file, line, "<img>") for line in html_images_without_alt(file)]
    return sorted(problems, key=lambda found: found.line)


def html_images_without_alt(file: ContentFile) -> list[int]:
    """The line of each `<img>` written as HTML whose alt text is missing or empty.

    Read by the one HTML reader (lib/bfb_html): each summary on its own, the body as one
    piece (a tag may span lines); a tag inside `<script>` or `<style>` is none.
    """
    start = file.front.body_start
    pieces = [(number, text) for number, text in file.link_lines if number < start]
    pieces.append((start, "\n".join(text for number, text in file.link_lines if number >= start)))
    return [
        first + tag.line - 1
        for first, text in pieces
        for tag in start_tags(text, "img")
        if not tag.get("alt").strip()
    ]


def missing_alt(file: ContentFile, line: int, source: str) -> Problem:
    return problem(
        file,
        line,
        f"Das Bild „{source}“ hat keinen Alternativtext.",
        "In die eckigen Klammern schreiben, was auf dem Bild zu sehen ist, z. B. "
        "„![Der Vorstand vor dem Rathaus]({static}/bilder/vorstand.jpg)“. "
        "Menschen, die nicht sehen können, hören diesen Text.",
        "image without alt text (WCAG 1.1.1)",
        code="image-alt-missing",
    )


def linked_files(file: ContentFile, content_dir: Path):
    """Each `{what}target` link of the file: (line, what, target, the existing file or None)."""
    for number, text in file.link_lines:
        for match in LINK_RE.finditer(text):
            what, target = match.group("what"), match.group("path")
            resolved = resolve_link(file, content_dir, target)
            yield number, what, target, resolved if resolved is not None and resolved.is_file() else None


def check_links(file: ContentFile, content_dir: Path, **_) -> list[Problem]:
    if not LINK_RE.search(file.link_text):
        return []
    problems = []
    for number, what, target, resolved in linked_files(file, content_dir):
        if resolved is not None:
            if what == "filename" and resolved.suffix not in MARKDOWN_SUFFIXES:
                problems.append(
                    problem(
                        file,
                        number,
                        f"„{{filename}}{target}“ zeigt auf eine Datei, die keine Seite oder Meldung ist.",
                        f"Für Bilder und Dateien „{{static}}{target}“ schreiben.",
                        "{filename} used for a static file",
                        code="filename-link-to-static",
                    )
                )
            continue
        problems.append(
            problem(
                file,
                number,
                f"Der Verweis „{{{what}}}{target}“ führt ins Leere: die Datei gibt es nicht.",
                "Den Dateinamen prüfen. Ein Pfad mit „/“ am Anfang gilt ab dem Ordner content/ "
                "(z. B. „{filename}/seiten/kontakt.md“), sonst ab dem Ordner dieser Datei.",
                f"link target {target!r} not found under the content folder",
                code="link-target-missing",
            )
        )
    return problems


def resolve_link(file: ContentFile, content_dir: Path, target: str) -> Path | None:
    from urllib.parse import unquote

    target = unquote(target)
    base = content_dir if target.startswith("/") else file.path.parent
    resolved = (base / target.lstrip("/")).resolve()
    return resolved if resolved.is_relative_to(content_dir) else None


def held_back_until(file: ContentFile, settings: dict) -> datetime | None:
    """The date of a news item that a build without WITH_FUTURE_DATES keeps back, else None."""
    if settings.get("WITH_FUTURE_DATES", True) or not kind_named(file.kind).dated:
        return None
    match = DATE_RE.match(file.front.value("date") or "")
    try:
        date = datetime(*(int(part) if part else 0 for part in match.groups())) if match else None
    except ValueError:
        return None  # reported by check_date
    if date is None:
        return None
    # Pelican reads the date in TIMEZONE and compares it with the time now (time-zone aware).
    aware = date.replace(tzinfo=ZoneInfo(settings.get("TIMEZONE") or "UTC"))
    return date if aware > datetime.now(UTC) else None


def drafts_are_written(settings: dict) -> bool:
    """Whether this build writes drafts (the development preview) or not (production)."""
    return settings.get("DRAFT_SAVE_AS", "drafts/{slug}.html") != ""


def is_unpublished(file: ContentFile, settings: dict) -> bool:
    """True if this build writes no page for the file: a draft without DRAFT_SAVE_AS, or held back."""
    draft = file.front.value("status") == "draft"
    return (draft and not drafts_are_written(settings)) or held_back_until(file, settings) is not None


def future_note(file: ContentFile, settings: dict) -> Problem:
    from babel.dates import format_date

    # The messages are German: the main language's Babel locale writes the day.
    day = format_date(held_back_until(file, settings), "EEEE, d. MMMM y", locale=file.main_language.locale)
    return problem(
        file,
        file.front.line("date"),
        f"Die Meldung ist auf {day} datiert und erscheint erst ab diesem Tag auf der Website.",
        "Nichts zu tun, wenn das so gewollt ist: an oder nach diesem Tag neu veröffentlichen. "
        "Sonst das Datum in „Date:“ berichtigen.",
        "future date, WITH_FUTURE_DATES = False",
        code="held-back-until-date",
    )


def check_links_to_unpublished(
    files: list[ContentFile], content_dir: Path, settings: dict, targets: list[ContentFile] | None = None
) -> list[Problem]:
    """A published text must not link to a draft (or a held-back news item): the link would lead home.

    `targets`: the files a link may lead to, if more than `files` (drafts the build leaves out).
    """
    unpublished = {file.path.resolve(): file for file in targets or files if is_unpublished(file, settings)}
    if not unpublished:
        return []
    problems = []
    for file in files:
        if file.path.resolve() in unpublished or not LINK_RE.search(file.link_text):
            continue
        for number, text in file.link_lines:
            for match in LINK_RE.finditer(text):
                target = unpublished.get(resolve_link(file, content_dir, match.group("path")))
                if match.group("what") == "filename" and target is not None:
                    problems.append(unpublished_link(file, number, target, settings))
    return problems


def unpublished_link(file: ContentFile, line: int, target: ContentFile, settings: dict) -> Problem:
    if held_back_until(target, settings):
        why = f"„{target.relative}“ erscheint erst an ihrem Datum ({target.front.value('date')})"
        fix = "Den Verweis erst nach diesem Tag einfügen oder das Datum der Meldung berichtigen."
    else:
        why = f"„{target.relative}“ ist ein Entwurf (Status: draft)"
        fix = (
            f"Den Entwurf veröffentlichen („Status: published“ in {target.relative}) "
            "oder den Verweis löschen."
        )
    return problem(
        file,
        line,
        f"Der Verweis führt auf der veröffentlichten Website ins Leere: {why}.",
        fix,
        "{filename} link to content this build does not write",
        code="link-to-unpublished",
    )


SLUG_OF_A_PUBLISHED_TEXT = ", taken by a published text"


def check_draft_translations(files: list[ContentFile], targets: list[Language]) -> list[Problem]:
    """A main-language draft without a translation: a to-do before publishing (unless German_only).

    `targets`: the languages every text is translated into (bfb_languages.translation_targets).
    Only drafts: for a published text the production build's translation check
    (bfb_translations, TRANSLATIONS_REQUIRED) stops the build itself.
    """
    paths = {file.path for file in files}
    problems = []
    for file in files:
        if not file.is_draft or not file.language.main:
            continue
        if yes_no(file.front.value("german_only")):
            continue
        for target in targets:
            translation = file.path.with_name(file_name_in(target, (file.language, target), file.path))
            if translation not in paths:
                problems.append(missing_draft_translation(file, translation.name, target))
    return problems


def missing_draft_translation(file: ContentFile, name: str, target: Language) -> Problem:
    return problem(
        file,
        file.front.line("status"),
        f"Die englische Fassung fehlt: „{name}“ gibt es noch nicht. Ohne sie hält der "
        "Build zum Veröffentlichen an.",
        f"Neben „{file.path.name}“ die Datei „{name}“ mit demselben Slug und „Lang: {target.key}“ "
        f"anlegen (invoke new --also {target.key} legt beide an) – oder „German_only: ja“ in den Kopf "
        "schreiben, wenn der Text nur auf Deutsch erscheinen soll.",
        "draft without English version",
        code="draft-translation-missing",
    )


def check_translations(files: list[ContentFile]) -> list[Problem]:
    """Translation pairs: `x.<suffix>.md` beside `x.md`, same Slug; no Slug twice in one language.

    A plain-language page (`x.einfach.md`) may stand alone: its full page can come later.
    """
    problems = []
    by_path = {file.path: file for file in files}
    # Drafts have addresses of their own (/entwuerfe/…) until they are published.
    seen: dict[tuple[bool, str, str, str], ContentFile] = {}
    for file in sorted(files, key=lambda file: file.is_draft):  # published texts first
        slug, lang = file.front.value("slug"), file.front.value("lang")
        if slug and lang:
            key = (file.kind, lang, slug)
            same_address = seen.setdefault((file.is_draft, *key), file)
            published = seen.get((False, *key))
            taken = same_address if same_address is not file else published if file.is_draft else None
            if taken is not None:
                problems.append(
                    problem(
                        file,
                        file.front.line("slug"),
                        f"„Slug: {slug}“ hat schon {taken.relative} – zwei Texte hätten dieselbe Adresse.",
                        "Einen anderen Slug wählen. "
                        "(Übersetzungen teilen den Slug, haben aber verschiedene „Lang:“.)",
                        f"duplicate slug '{slug}' for lang '{lang}'"
                        + (SLUG_OF_A_PUBLISHED_TEXT if taken is not same_address else ""),
                        code="slug-duplicate" if taken is same_address else "slug-of-a-published-text",
                    )
                )
        if file.language.main:
            continue
        original = by_path.get(file.path.with_name(file.original_name))
        if original is None and file.language.simplifies is None:
            problems.append(
                problem(
                    file,
                    None,
                    f"Zu dieser Übersetzung fehlt die deutsche Datei „{file.original_name}“.",
                    f"Die Datei ({file.language.label}) genauso nennen wie die deutsche, nur mit "
                    f"„{file.language.suffix}{file.path.suffix}“ am Ende.",
                    "translation without original in the same folder",
                    code="translation-without-original",
                )
            )
        elif (
            original is not None
            and slug
            and original.front.value("slug")
            and slug != original.front.value("slug")
        ):
            problems.append(
                problem(
                    file,
                    file.front.line("slug"),
                    f"Die Übersetzung hat „Slug: {slug}“, das deutsche Original "
                    f"„Slug: {original.front.value('slug')}“.",
                    f"In beiden Dateien denselben Slug schreiben: „Slug: {original.front.value('slug')}“.",
                    "translation pair must share the Slug",
                    code="translation-slug-differs",
                )
            )
    return problems


# Problems Pelican cannot build past, even in a draft: its reader or its link
# replacement would stop the build with an English message of its own, or two drafts
# would be written to one address. A draft whose slug a published text has keeps its own
# address until it is published ("slug-of-a-published-text"): that one does not block.
BLOCKING_CODES = frozenset(
    {
        "title-missing",
        "date-empty",
        "date-format",
        "modified-format",
        "date-impossible",
        "modified-impossible",
        "link-target-missing",
        "filename-link-to-static",
        "slug-duplicate",
        "header-control-char",  # HEADER_CONTROL_CHARACTER: the header might be read differently
    }
)


def blocks_the_build(found: Problem) -> bool:
    return found.code in BLOCKING_CODES


def check_on_initialization(pelican) -> None:
    """Stop the build before Pelican reads anything if the content has problems.

    Drafts: see the module docstring (warnings and a to-do box in the preview; not read
    at all where drafts are not written).
    """
    settings = pelican.settings
    if not is_main_site(settings):
        return  # a language subsite: the main site has checked all languages already
    drafts_written = drafts_are_written(settings)
    notes: list[Problem] = []
    files = files_of_this_build(settings)
    problems = check_content(settings["PATH"], settings, files, include_drafts=drafts_written, notes=notes)
    drafts = {str(file.path) for file in files if file.is_draft}
    if not drafts_written:
        leave_out_drafts(settings, drafts)
    draft_problems = [found for found in problems if str(found.file) in drafts]
    warnings = [found for found in draft_problems if not blocks_the_build(found)]
    if warnings:
        warn_about_drafts(warnings)
    stopping = [found for found in problems if found not in warnings]
    if stopping:
        stop_build(stopping)
    if notes:
        report_notes(notes)
    print_reading_ease([file for file in files if drafts_written or not file.is_draft])
    draft_todos = this_build(settings).part(DraftProblems)
    for found in warnings:
        draft_todos.setdefault(str(found.file), []).append(found)


def leave_out_drafts(settings: dict, drafts: set[str]) -> None:
    """Keep Pelican from reading draft files, in the main site and every language subsite (by path)."""
    leave_out(settings, drafts)


def warn_about_drafts(problems: list[Problem]) -> None:
    """Print the drafts' problems as warnings (not through Pelican's log: the build treats
    logged warnings as errors)."""
    sys.stderr.write(format_problems(problems, DRAFT_HEADING))
    sys.stderr.flush()


DRAFT_HEADING = "Entwürfe – vor dem Veröffentlichen noch zu erledigen (Warnung, die Vorschau wird gebaut)"


class DraftProblems(dict):
    """{source path: that draft's problems}, for its to-do box (attach_publishing_todo; bfb_build)."""


# Header fields that say yes or no (bfb_text.yes_no); templates get True or False.
YES_NO_FIELDS = ("compiled_later",)


def check_yes_no(file: ContentFile, **_) -> list[Problem]:
    problems = []
    for key in YES_NO_FIELDS:
        value = file.front.value(key)
        if value is not None and yes_no(value) is None:
            name = SPELLING.get(key, key.capitalize())
            problems.append(
                problem(
                    file,
                    file.front.line(key),
                    f"„{name}: {value}“ ist weder „ja“ noch „nein“.",
                    f"„{name}: ja“ oder „{name}: nein“ schreiben (oder die Zeile löschen: dann gilt nein).",
                    f"{key} must be ja/nein (yes/no, true/false)",
                    code="yes-no-unknown",
                )
            )
    return problems


def read_yes_no_fields(content) -> None:
    """content_object_init handler: `Compiled_later: nein` is False for the templates, not a text."""
    for key in YES_NO_FIELDS:
        if key in content.metadata:
            content.metadata[key] = bool(yes_no(content.metadata[key]))
            setattr(content, key, content.metadata[key])


def attach_publishing_todo(content) -> None:
    """content_object_init handler: give a draft its list of problems (`publishing_todo`)."""
    if getattr(content, "status", None) == "draft":
        todos = this_build(content.settings).part(DraftProblems)
        found = todos.get(str(Path(content.source_path).resolve()), [])
        content.publishing_todo = sorted(found, key=lambda problem: problem.line or 0)


# --- Safe by construction (issue 24): new checks, kept apart from the ones above ----------

# Stable codes of these problems (carried in `detail`, first word, until Problem has a code).
HEADER_CONTROL_CHARACTER = "header-control-char"
DATE_YEAR_OUT_OF_RANGE = "date-year-out-of-range"
EARLIEST_YEAR = 1990  # the association was founded in 2012; older dates are typing mistakes
YEARS_AHEAD = 5  # a date may lie at most this many years after next year


# Every character is_control_character accepts, and perhaps more (it decides): C0 and C1
# controls (category Cc), U+2028/U+2029 (Zl, Zp) and the bidi controls.
MAYBE_CONTROL_CHARACTER = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069]")


def is_control_character(character: str) -> bool:
    """Control characters, line and paragraph separators and bidi overrides: invisible, never wanted."""
    import unicodedata

    if character == "\t":
        return False
    if "\u202a" <= character <= "\u202e" or "\u2066" <= character <= "\u2069":
        return True
    return unicodedata.category(character) in ("Cc", "Zl", "Zp")


def check_header_characters(file: ContentFile, **_) -> list[Problem]:
    """Control characters in the header: they are invisible, and readers (and checks) could disagree."""
    try:
        lines = markdown_lines(file.path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return []
    header = lines[: max(file.front.body_start - 1, 0)]
    if file.front.stray_line:
        header = lines[: file.front.stray_line]
    problems = []
    for number, line in enumerate(header, 1):
        if not MAYBE_CONTROL_CHARACTER.search(line):
            continue  # nearly every line: no character is looked at one by one
        found = [character for character in line if is_control_character(character)]
        if found:
            codes = ", ".join(f"U+{ord(character):04X}" for character in dict.fromkeys(found))
            problems.append(
                problem(
                    file,
                    number,
                    f"In dieser Kopfzeile steht ein unsichtbares Steuerzeichen ({codes}).",
                    "Die Zeile löschen und neu tippen (nicht aus einem anderen Programm hineinkopieren).",
                    f"{HEADER_CONTROL_CHARACTER}: control character {codes} in the header",
                    code=HEADER_CONTROL_CHARACTER,
                )
            )
    return problems


def check_markup(file: ContentFile, **_) -> list[Problem]:
    """HTML in the text or summary outside the allow-list of lib/bfb_sanitize (it would be removed)."""
    if "<" not in file.link_text and ":" not in file.link_text:
        return []
    findings = [
        finding
        for summary in file.front.fields.get("summary", [])
        for finding in markup_outside_allow_list([summary.value], summary.line)
    ]
    # The body as one piece: an element may span several lines.
    body = [text for number, text in file.link_lines if number >= file.front.body_start]
    findings += markup_outside_allow_list(body, file.front.body_start)
    return [markup_problem(file, finding.line, finding.what) for finding in findings]


def markup_problem(file: ContentFile, line: int, what: str) -> Problem:
    if what.endswith(":"):
        message = (
            f"Eine Adresse beginnt mit „{what}“: die Website verlinkt nur auf http(s)-, "
            "mailto- und tel-Adressen."
        )
        fix = (
            "Eine gewöhnliche Adresse (https://…) oder einen Verweis wie "
            "{filename}/seiten/kontakt.md schreiben."
        )
    elif what.startswith("<"):
        message = f"Das HTML-Element {what} ist in Texten nicht erlaubt (es würde von der Seite entfernt)."
        fix = (
            "Das Element löschen und die Gestaltung mit Markdown schreiben (Überschriften, Listen, Links, "
            'Bilder). Erlaubt sind nur einfache Elemente wie <span lang="en">; siehe README, „Sicherheit“.'
        )
    else:
        message = (
            f"Die Angabe „{what}“ in einem HTML-Element ist in Texten nicht erlaubt (sie würde entfernt)."
        )
        fix = "Die Angabe löschen. Erlaubt sind z. B. lang, class, title, href; siehe README, „Sicherheit“."
    return problem(file, line, message, fix, f"{MARKUP_NOT_ALLOWED}: {what}", code=MARKUP_NOT_ALLOWED)


def latest_year() -> int:
    return datetime.now(UTC).year + 1 + YEARS_AHEAD


def check_date_years(file: ContentFile, **_) -> list[Problem]:
    """A year before 1990 or far in the future is a typing mistake (and breaks feed and sitemap)."""
    problems = []
    for key in ("date", "modified"):
        match = DATE_RE.match(file.front.value(key) or "")
        if not match:
            continue  # check_date reports it
        year = int(match.group(1))
        if not EARLIEST_YEAR <= year <= latest_year():
            problems.append(
                problem(
                    file,
                    file.front.line(key),
                    f"Das Jahr {year} in „{file.front.value(key)}“ kann nicht stimmen "
                    f"(erlaubt: {EARLIEST_YEAR} bis {latest_year()}).",
                    "Das Datum prüfen (Jahr-Monat-Tag, z. B. 2022-06-22); "
                    "meist fehlt oder vertauscht sich eine Ziffer.",
                    f"{DATE_YEAR_OUT_OF_RANGE}: year {year}",
                    code=DATE_YEAR_OUT_OF_RANGE,
                )
            )
    return problems


# What a `{static}` or `{attach}` link may publish: photos, which go through the photo
# pipeline (bfb_images: resized, without EXIF/GPS) wherever they lie. Sources, data files,
# dotfiles and every other kind stay private: Pelican would copy them as they are.
STATIC_TARGET_NOT_ALLOWED = "static-target-not-allowed"
PUBLISHABLE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp"})
# Documents only from this folder (plugins/bfb_documents; the names are kept alike there).
DOCUMENTS_FOLDER = "dokumente"
DOCUMENT_SUFFIXES = frozenset({".pdf"})


def check_static_targets(file: ContentFile, content_dir: Path, **_) -> list[Problem]:
    if "static" not in file.link_text and "attach" not in file.link_text:
        return []
    problems = []
    for number, what, target, resolved in linked_files(file, content_dir):
        if what == "filename" or resolved is None:
            continue  # check_links
        reason = unpublishable(resolved.relative_to(content_dir))
        if reason:
            problems.append(
                problem(
                    file,
                    number,
                    f"„{{{what}}}{target}“ würde {reason} veröffentlichen.",
                    "Nur Fotos (JPEG, PNG, WebP) mit {static} einbinden, am besten aus content/bilder/, "
                    "und PDF-Dokumente aus content/dokumente/. "
                    "Auf eine Seite oder Meldung mit {filename} verweisen; Daten und andere Dateien "
                    "gehören nicht auf die Website.",
                    f"{STATIC_TARGET_NOT_ALLOWED}: {resolved.relative_to(content_dir).as_posix()}",
                    code=STATIC_TARGET_NOT_ALLOWED,
                )
            )
    return problems


def unpublishable(relative: Path) -> str:
    """Why the file at `relative` (in content/) must not be published ("" if it may)."""
    if any(part.startswith(".") for part in relative.parts):
        return "eine versteckte Datei (Name mit Punkt am Anfang)"
    if relative.parts and relative.parts[0] in ("data", "orte"):
        return "eine Datendatei"
    if relative.suffix in MARKDOWN_SUFFIXES:
        return "den Quelltext einer Seite"
    if relative.suffix.lower() in DOCUMENT_SUFFIXES and relative.parts[0] == DOCUMENTS_FOLDER:
        return ""  # documents: bfb_documents publishes them without metadata
    if relative.suffix.lower() not in PUBLISHABLE_SUFFIXES:
        return f"eine Datei vom Typ „{relative.suffix or 'ohne Endung'}“ (kein Foto)"
    return ""


# `URL:` and `Save_as:` become addresses and paths in the server configuration
# (bfb_redirects): only these characters, so no value can break .htaccess or nginx.
ADDRESS_CHARACTERS = "address-characters"
SAFE_ADDRESS = re.compile(r"^[A-Za-z0-9._~/-]*$")


def check_address_characters(file: ContentFile, **_) -> list[Problem]:
    problems = []
    for key in ("url", "save_as"):
        value = file.front.value(key)
        if value and not SAFE_ADDRESS.match(value):
            bad = "".join(
                dict.fromkeys(character for character in value if not SAFE_ADDRESS.match(character))
            )
            problems.append(
                problem(
                    file,
                    file.front.line(key),
                    f"„{SPELLING.get(key, key)}: {value}“ enthält Zeichen, die in einer Adresse nicht "
                    f"erlaubt sind: {' '.join(repr(character) for character in bad)}.",
                    "Nur Buchstaben ohne Umlaute, Ziffern, „-“, „.“ und „/“ verwenden – oder die Zeile "
                    "löschen: die Adresse ergibt sich aus „Slug:“.",
                    f"{ADDRESS_CHARACTERS}: {key}",
                    code=ADDRESS_CHARACTERS,
                )
            )
    return problems
