"""Which German news items and pages have no English translation, and whether that is allowed.

The policy (README, "Übersetzungen"): every news item and page is translated. A German text
that stays German on purpose says so in its header with `German_only: ja`; the English site
then simply has no such page (I18N_UNTRANSLATED_* = "remove" in pelicanconf.py) and its
language switcher leads to the English start page.

`untranslated_report()` lists every German text without translation (for `invoke untranslated`
and `invoke check`); `translation_problems()` turns the list into editor-facing problems: a
contradictory marking in every build, a missing translation only where `TRANSLATIONS_REQUIRED`
is set (the production build, publishconf.py). Drafts are never required to be translated.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bfb_contents.content_files import ContentFile, read_files
from bfb_contents.kinds import kind_named
from bfb_errors import Problem
from bfb_languages import Language, file_name_in, translation_targets
from bfb_text.yes_no import yes_no

MARKER = "german_only"  # the header field `German_only:`, lowercased as Pelican does


@dataclass(frozen=True)
class Untranslated:
    """A German news item or page without an English translation."""

    path: Path
    relative: str  # relative to the content folder, e.g. "seiten/impressum.md"
    kind: str  # "news" or "page"
    title: str
    slug: str
    status: str  # published, hidden or draft
    german_only: bool  # marked `German_only: ja`
    marker_line: int | None  # line of the `German_only:` field, if any
    draft_translation: bool = False  # a translation file exists but is still a draft
    # The names of the translation files missing or still drafts, with their `Lang:`: (("x.en.md", "en"), …)
    translations: tuple[tuple[str, str], ...] = ()

    @property
    def required(self) -> bool:
        """True if the English site needs this translation before publishing."""
        return not self.german_only and self.status != "draft"


def has_translation(file: ContentFile, paths: set[Path], languages: list[Language]) -> bool:
    """Whether `file` has a translation (a plain-language retelling is none) among `paths`."""
    return any(translation_path(file, language) in paths for language in languages)


def marked_german_only(file: ContentFile) -> bool:
    return yes_no(file.front.value(MARKER)) is True


def status_of(file: ContentFile) -> str:
    return (file.front.value("status") or "published").strip().lower()


def translation_path(file: ContentFile, language: Language) -> Path:
    return file.path.with_name(file_name_in(language, (file.language, language), file.path))


def untranslated_report(
    content_dir: str | Path, settings: dict | None = None, files: list[ContentFile] | None = None
) -> list[Untranslated]:
    """Return every German news item and page of `content_dir` without a usable English translation.

    Usable: the translation file (`x.<suffix>.md`) exists and, if the German text is published, is not a draft
    (a draft translation of a published text does not appear on the English site).
    `files`: the content files, if already read (by the content check of this build).
    """
    files = read_files(content_dir, settings) if files is None else files
    by_path = {file.path: file for file in files}
    found = []
    for file in files:
        if not file.language.main:
            continue
        status = status_of(file)
        lacking = []  # (path, language) of each translation missing or still a draft
        draft_translation = False
        for target in translation_targets(settings):
            path = translation_path(file, target)
            translation = by_path.get(path)
            draft = translation is not None and status_of(translation) == "draft" and status != "draft"
            draft_translation = draft_translation or draft
            if translation is None or draft:  # a draft first: the fix names it
                lacking.insert(0 if draft else len(lacking), (path.name, target.key))
        if not lacking:
            continue
        found.append(
            Untranslated(
                path=file.path,
                relative=file.relative,
                kind=file.kind,
                title=file.front.value("title") or "",
                slug=file.front.value("slug") or "",
                status=status,
                german_only=marked_german_only(file),
                marker_line=file.front.line(MARKER),
                draft_translation=draft_translation,
                translations=tuple(lacking),
            )
        )
    return found


def marker_problems(files: list[ContentFile], languages: list[Language]) -> list[Problem]:
    """A `German_only:` field with an unknown value, on a translation or beside one."""
    paths = {file.path for file in files}
    problems = []
    for file in files:
        value = file.front.value(MARKER)
        if value is None:
            continue
        line = file.front.line(MARKER)
        if yes_no(value) is None:
            problems.append(
                Problem(
                    file.path,
                    line,
                    f"„German_only: {value}“ ist weder „ja“ noch „nein“.",
                    "„German_only: ja“ schreiben, wenn der Text nur auf Deutsch erscheinen soll; "
                    "sonst die Zeile löschen.",
                    "German_only must be ja/nein (yes/no, true/false)",
                    code="german-only-not-yes-no",
                )
            )
        elif marked_german_only(file) and (not file.language.main or has_translation(file, paths, languages)):
            problems.append(
                Problem(
                    file.path,
                    line,
                    "Der Text ist als „nur Deutsch“ markiert, hat aber eine englische Fassung.",
                    "Entweder die Zeile „German_only: ja“ löschen oder die englische Datei "
                    f"({' oder '.join(translation_names(file, paths, languages))}).",
                    "German_only contradicts an existing translation",
                    code="german-only-with-translation",
                )
            )
    return problems


def translation_names(file: ContentFile, paths: set[Path], languages: list[Language]) -> list[str]:
    """The names of `file`'s translations among `paths` (its own name, for a translation itself)."""
    if not file.language.main:
        return [file.path.name]
    return [
        translation_path(file, found).name for found in languages if translation_path(file, found) in paths
    ]


def fix_for(item: Untranslated) -> str:
    name, lang = item.translations[0] if item.translations else (item.path.name, "")
    if item.draft_translation:
        return f"In „{name}“ die Zeile „Status: draft“ löschen, sobald die Übersetzung fertig ist."
    return (
        f"Die Übersetzung als „{name}“ daneben anlegen (gleicher Slug, „Lang: {lang}“), "
        "oder den Text mit der Kopfzeile „German_only: ja“ als „nur Deutsch“ markieren."
    )


def missing_translation_problems(items: list[Untranslated]) -> list[Problem]:
    return [
        Problem(
            item.path,
            None,
            f"Zu {kind_named(item.kind).german_of_this} fehlt die englische Übersetzung – "
            "so wird die Website nicht veröffentlicht.",
            fix_for(item),
            "missing English translation (TRANSLATIONS_REQUIRED)",
            subject=item.title,
            code="translation-missing",
        )
        for item in items
        if item.required
    ]


def translation_problems(
    content_dir: str | Path, settings: dict, files: list[ContentFile] | None = None
) -> list[Problem]:
    """Return the translation problems that stop this build (see module docstring)."""
    files = read_files(content_dir, settings) if files is None else files
    problems = marker_problems(files, translation_targets(settings))
    if settings.get("TRANSLATIONS_REQUIRED"):
        problems += missing_translation_problems(untranslated_report(content_dir, settings, files))
    return problems


def format_report(items: list[Untranslated]) -> str:
    """Describe the untranslated texts for editors (German), one line each."""
    if not items:
        return "Alle Meldungen und Seiten haben eine englische Übersetzung."
    lines = [f"Ohne englische Übersetzung: {len(items)}"]
    for item in sorted(items, key=lambda item: item.relative):
        if item.german_only:
            state = "nur Deutsch (German_only)"
        elif item.status == "draft":
            state = "Entwurf"
        elif item.draft_translation:
            state = "Übersetzung ist noch Entwurf – nötig zum Veröffentlichen"
        else:
            state = "FEHLT – nötig zum Veröffentlichen"
        lines.append(f"  {kind_named(item.kind).german_name:<7} {item.relative}  „{item.title}“  – {state}")
    return "\n".join(lines)
