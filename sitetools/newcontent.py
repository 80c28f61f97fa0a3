"""`invoke new`: start a news item or a page from a filled-in template.

The file gets a German slug, today's date and every header field, followed by a short
note for the editor. The note is an HTML comment, which bfb_editor_notes removes when the
file is read, so a forgotten note never reaches the site. New files start as drafts.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bfb_languages import languages_of
from bfb_text.slugs import german_slugify

import pelicanconf
from sitetools.build import CONTENT

SUMMARY_MIN, SUMMARY_MAX = pelicanconf.CONTENT_SUMMARY_LENGTH  # what bfb_content_check allows

NEWS_NOTE = f"""<!-- Hinweise zum Ausfüllen (dieser Block erscheint nicht auf der Website):
- Title: die Überschrift.  Date: Tag der Meldung als Jahr-Monat-Tag (z. B. 2024-05-17).
- Summary: ein bis zwei Sätze ({SUMMARY_MIN} bis {SUMMARY_MAX} Zeichen) für die Liste der Meldungen – Pflicht.
- Orte: Kurzformen der Orte, um die es geht, mit Komma getrennt (z. B. gillenfeld, mehren);
  die Kurzformen stehen in content/data/orte.yaml. Leer lassen, wenn es um keinen Ort geht.
- Status: draft = Entwurf (nur in der Vorschau sichtbar); zum Veröffentlichen „published“ schreiben.
- Slug (Teil der Adresse) nach dem Veröffentlichen nicht mehr ändern.
- Keine englische Fassung geplant? Dann die Zeile „German_only: ja“ in den Kopf schreiben.
- Foto: Datei nach content/bilder/ legen, im Text: ![Was zu sehen ist]({{static}}/bilder/datei.jpg)
Anleitung: docs/redaktion.md -->
"""

PAGE_NOTE = """<!-- Hinweise zum Ausfüllen (dieser Block erscheint nicht auf der Website):
- Title: die Überschrift der Seite.  Summary: ein bis zwei Sätze für Suchmaschinen (freiwillig).
- Status: draft = Entwurf (nur in der Vorschau sichtbar); zum Veröffentlichen „published“ schreiben.
- Die Adresse der Seite ist /<Slug>/; den Slug nach dem Veröffentlichen nicht mehr ändern.
- Keine englische Fassung geplant? Dann die Zeile „German_only: ja“ in den Kopf schreiben.
- Auf eine andere Seite verweisen: [Kontakt]({filename}/seiten/kontakt.md)
Anleitung: docs/redaktion.md -->
"""

TRANSLATION_NOTE = """<!-- Fassung „{label}“ von {original}: Title, Summary und Text übersetzen.
Slug, Date und Orte bleiben wie in der deutschen Datei. Anleitung: docs/redaktion.md -->
"""
PLAIN_NOTE = """<!-- Fassung „{label}“ von {original}: dasselbe in kurzen, einfachen Sätzen.
Slug bleibt wie in der deutschen Datei. Die Regeln prüft der Build; Anleitung:
docs/redaktion.md, Abschnitt „Eine Seite in Einfacher Sprache schreiben“. -->
"""
LANGUAGES = languages_of(pelicanconf.SITE_LANGUAGES)
MAIN = next(iter(LANGUAGES.values()))


# Longest slug `invoke new` makes from a title: addresses stay readable, and the file name
# (date + slug + a language's suffix + ".md") stays far below the 255 bytes file systems allow.
MAX_SLUG_LENGTH = 60


def slug_for(title: str) -> str:
    """The German slug of `title`, cut after a whole word if the title is long."""
    slug = german_slugify(title)
    if len(slug) <= MAX_SLUG_LENGTH:
        return slug
    cut = slug[: MAX_SLUG_LENGTH + 1].rsplit("-", 1)[0]
    return cut if cut else slug[:MAX_SLUG_LENGTH]


class ContentExists(FileExistsError):
    """The file to create is already there; `invoke new` never overwrites."""


def news_text(title: str, slug: str, date: dt.date, lang: str, note: str) -> str:
    return (
        f"Title: {title}\n"
        f"Date: {date.isoformat()}\n"
        f"Slug: {slug}\n"
        f"Lang: {lang}\n"
        "Summary:\n"
        "Orte:\n"
        "Status: draft\n"
        "\n"
        f"{note}\n"
        "Hier steht der Text. Absätze durch eine Leerzeile trennen.\n"
    )


def page_text(title: str, slug: str, lang: str, note: str) -> str:
    return (
        f"Title: {title}\nSlug: {slug}\nLang: {lang}\nSummary:\nStatus: draft\n\n{note}\n"
        "Hier steht der Text der Seite.\n"
    )


def draft_path(title: str, page: bool = False) -> str:
    """Where the development preview shows the new draft (DRAFT_URL / DRAFT_PAGE_URL)."""
    slug = slug_for(title)
    return f"entwuerfe/seiten/{slug}/" if page else f"entwuerfe/{slug}/"


def new_content(
    title: str,
    page: bool = False,
    also: tuple[str, ...] = (),
    today: dt.date | None = None,
    content_dir: Path = CONTENT,
) -> list[Path]:
    """Create the German file (and one in each language variant of `also`); return the paths created.

    `also`: keys of SITE_LANGUAGES other than the main one, e.g. ("en",).
    """
    unknown = [key for key in also if key not in LANGUAGES or LANGUAGES[key].main]
    if unknown:
        choices = ", ".join(f"{key} ({found.label})" for key, found in LANGUAGES.items() if not found.main)
        raise ValueError(f"Unbekannte Fassung „{unknown[0]}“. Möglich: {choices}.")
    title = " ".join(title.split())  # no line breaks in a header line
    slug = slug_for(title)
    if not slug:
        raise ValueError("Der Titel braucht mindestens einen Buchstaben oder eine Ziffer.")
    today = today or dt.date.today()
    if page:
        german = content_dir / "seiten" / f"{slug}.md"
        texts = {german: page_text(title, slug, MAIN.key, PAGE_NOTE)}
    else:
        german = content_dir / "aktuelles" / f"{today.isoformat()}-{slug}.md"
        texts = {german: news_text(title, slug, today, MAIN.key, NEWS_NOTE)}
    for key in also:
        language = LANGUAGES[key]
        path = german.with_name(f"{german.stem}{language.suffix}{german.suffix}")
        template = PLAIN_NOTE if language.simplifies else TRANSLATION_NOTE
        note = template.format(label=language.label, original=german.name)
        texts[path] = page_text(title, slug, key, note) if page else news_text(title, slug, today, key, note)
    existing = [path for path in texts if path.exists()]
    if existing:
        raise ContentExists(
            f"{existing[0].relative_to(content_dir.parent)} gibt es schon – nichts überschrieben."
        )
    for path, text in texts.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(texts)
