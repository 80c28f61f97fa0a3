"""Translation coverage on small content folders written by each test."""

from __future__ import annotations

from pathlib import Path

from bfb_translations import format_report, translation_problems, untranslated_report
from pelicanconf import SITE_LANGUAGES

SETTINGS = {
    "ARTICLE_PATHS": ["aktuelles"],
    "PAGE_PATHS": ["seiten"],
    "IGNORE_FILES": ["**/.*", "data"],
    "SITE_LANGUAGES": SITE_LANGUAGES,
}


def page(slug: str, lang: str = "de", extra: str = "") -> str:
    return f"Title: Seite {slug}\nSlug: {slug}\nLang: {lang}\n{extra}\nText.\n"


def write(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_report_lists_german_texts_without_translation(tmp_path):
    write(
        tmp_path,
        {
            "seiten/kontakt.md": page("kontakt"),
            "seiten/kontakt.en.md": page("kontakt", "en"),
            "seiten/impressum.md": page("impressum", extra="German_only: ja"),
            "seiten/chronik.md": page("chronik"),
            "aktuelles/2024-01-01-neu.md": page("neu", extra="Status: draft\nDate: 2024-01-01\nSummary: x"),
        },
    )
    found = {item.relative: item for item in untranslated_report(tmp_path, SETTINGS)}
    assert set(found) == {"seiten/impressum.md", "seiten/chronik.md", "aktuelles/2024-01-01-neu.md"}
    assert found["seiten/impressum.md"].german_only and not found["seiten/impressum.md"].required
    assert found["seiten/chronik.md"].required
    assert not found["aktuelles/2024-01-01-neu.md"].required  # a draft is not published yet
    report = format_report(list(found.values()))
    assert "seiten/chronik.md  „Seite chronik“  – FEHLT" in report
    assert "nur Deutsch (German_only)" in report and "Entwurf" in report


def test_missing_translation_stops_only_a_build_that_requires_translations(tmp_path):
    write(tmp_path, {"seiten/chronik.md": page("chronik")})
    assert translation_problems(tmp_path, SETTINGS) == []
    (problem,) = translation_problems(tmp_path, {**SETTINGS, "TRANSLATIONS_REQUIRED": True})
    assert (Path(problem.file).name, problem.code) == ("chronik.md", "translation-missing")
    assert "chronik.en.md" in problem.fix  # the file to write


def test_german_only_beside_a_translation_is_a_contradiction(tmp_path):
    write(
        tmp_path,
        {
            "seiten/kontakt.md": page("kontakt", extra="German_only: ja"),
            "seiten/kontakt.en.md": page("kontakt", "en"),
        },
    )
    (problem,) = translation_problems(tmp_path, SETTINGS)
    assert (problem.code, problem.line) == ("german-only-with-translation", 4)


def test_unknown_marker_value_is_reported(tmp_path):
    write(tmp_path, {"seiten/chronik.md": page("chronik", extra="German_only: vielleicht")})
    (problem,) = translation_problems(tmp_path, SETTINGS)
    assert (problem.code, problem.line) == ("german-only-not-yes-no", 4)


def test_complete_content_reports_nothing(tmp_path):
    write(tmp_path, {"seiten/kontakt.md": page("kontakt"), "seiten/kontakt.en.md": page("kontakt", "en")})
    assert untranslated_report(tmp_path, SETTINGS) == []
    assert format_report([]) == "Alle Meldungen und Seiten haben eine englische Übersetzung."


def test_draft_translation_of_a_published_text_counts_as_missing(tmp_path):
    write(
        tmp_path,
        {
            "seiten/kontakt.md": page("kontakt"),
            "seiten/kontakt.en.md": page("kontakt", "en", extra="Status: draft"),
            "seiten/plan.md": page("plan", extra="Status: draft"),
            "seiten/plan.en.md": page("plan", "en", extra="Status: draft"),
        },
    )
    (item,) = untranslated_report(tmp_path, SETTINGS)
    assert item.relative == "seiten/kontakt.md" and item.draft_translation and item.required
    (problem,) = translation_problems(tmp_path, {**SETTINGS, "TRANSLATIONS_REQUIRED": True})
    assert "Status: draft" in problem.fix
    assert "noch Entwurf" in format_report([item])


def test_the_build_checks_read_the_files_once_in_either_order(tmp_path, monkeypatch):
    from types import SimpleNamespace

    from bfb_build import start_build
    from bfb_content_check import content_check
    from bfb_contents import content_files

    from bfb_translations import plugin

    write(tmp_path, {"seiten/kontakt.md": page("kontakt"), "seiten/kontakt.en.md": page("kontakt", "en")})
    settings = {**SETTINGS, "PATH": str(tmp_path), "DEFAULT_LANG": "de", "TRANSLATIONS_REQUIRED": True}
    reads = []
    read_files = content_files.read_files
    monkeypatch.setattr(content_files, "read_files", lambda *args: reads.append(args) or read_files(*args))
    for checks in ([plugin, content_check], [content_check, plugin]):
        build = SimpleNamespace(settings=dict(settings))
        start_build(build)
        for check in checks:
            check.check_on_initialization(build)  # no problem
    assert len(reads) == 2  # once per build
