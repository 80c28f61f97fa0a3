"""The German wording of the build's messages, tested once per message, here.

Code and other tests decide on a problem's `code` (and check its file and line); only this
module compares what an editor reads. Rewording a message for editors means changing it
in its module and here (and in docs/redaktion.md where it is one of the tested examples).
Each case makes the mistake at the smallest level that produces the message.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from bfb_build.owners import OutputOwners, Owner
from bfb_content_check import check_content
from bfb_contents.source_files import source_problems
from bfb_errors import Problem
from bfb_figures.figures_in_text import FIGURES, problems_in
from bfb_images.images import photo_problem
from bfb_languages import languages_of
from bfb_yaml.loader import load_located_yaml
from orte.terms import read_terms
from orte.validation import validate_places

import pelicanconf
from sitetools.build import CONTENT

NEWS = """Title: Meldung für den Test
Date: 2023-05-04
Slug: testmeldung
Lang: de
German_only: ja
Summary: Eine Meldung, die nur dieser Test schreibt und prüft.
{header}

{body}
"""
SETTINGS = {
    "ARTICLE_PATHS": ["aktuelles"],
    "PAGE_PATHS": ["seiten"],
    "IGNORE_FILES": ["**/.*"],
    "CONTENT_EXTRA_METADATA": ["German_only", "Compiled_later"],
    "THEME": str(Path(__file__).resolve().parent.parent / "theme"),
    "SITE_LANGUAGES": pelicanconf.SITE_LANGUAGES,
}


def news_problems(folder: Path, header: str = "", body: str = "Text.") -> list[Problem]:
    path = folder / "aktuelles" / "meldung.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(NEWS.format(header=header, body=body), encoding="utf-8")
    return check_content(folder, SETTINGS)


def content(
    files: dict[str, str], settings: dict | None = None, **options
) -> Callable[[Path], list[Problem]]:
    """Write `files` (relative path: text) into the folder and check it."""

    def found(folder: Path) -> list[Problem]:
        for relative, text in files.items():
            (folder / relative).parent.mkdir(parents=True, exist_ok=True)
            (folder / relative).write_text(text, encoding="utf-8")
        return check_content(folder, {**SETTINGS, **(settings or {})}, **options)

    return found


NEWS_FILE = "aktuelles/meldung.md"
PLAIN = NEWS.format(header="", body="Text.")


def latin1_text(folder: Path) -> list[Problem]:
    (folder / "meldung.md").write_bytes("Title: Grüße\n\nSchöne Grüße.\n".encode("latin-1"))
    return source_problems(folder)


def link_to_passwd(folder: Path) -> list[Problem]:
    (folder / "passwd.jpg").symlink_to("/etc/passwd")
    return source_problems(folder)


def not_a_photo(folder: Path) -> list[Problem]:
    (folder / ".env").write_text("SECRET=1\n")
    return [photo_problem(folder / ".env", {})]


def text_named_jpg(folder: Path) -> list[Problem]:
    (folder / "foto.jpg").write_text("hallo")
    return [photo_problem(folder / "foto.jpg", {})]


def two_owners(folder: Path) -> list[Problem]:
    owners = OutputOwners()
    owners.site = str(folder)
    owners.claim(folder / "orte" / "index.html", Owner("generated:orte", "der Übersicht der Orte"))
    source = folder / "seite.md"
    return [
        owners.claim(folder / "orte" / "index.html", Owner(f"source:{source}", "„seite.md“", str(source)))
    ]


def placeholder(written: str) -> Callable[[Path], list[Problem]]:
    def found(folder: Path) -> list[Problem]:
        source = folder / "meldung.md"
        source.write_text(f"Title: x\n\nIn {written} Orten.\n", encoding="utf-8")
        return problems_in(str(source), [f"<p>In {written} Orten.</p>"], dict.fromkeys(FIGURES, "46"))

    return found


PLACE_STEP = """- name: Altstadt
  slug: altstadt
  kind: Stadt
  measures:
    - type: jugendforum
      actor: ortsgemeinde
      title: Forum
      source:
        publisher: Anzeiger
        title: Ein Artikel
        url: https://anzeiger.example/artikel
      {key}:
        title: Forum
"""


def place_texts_under(key: str) -> Callable[[Path], list[Problem]]:
    """A step of the places file with texts under the language key `key`."""

    def found(folder: Path) -> list[Problem]:
        path = folder / "orte.yaml"
        path.write_text(PLACE_STEP.format(key=key), encoding="utf-8")
        return validate_places(load_located_yaml(path)[0], path, languages_of(pelicanconf.SITE_LANGUAGES))[1]

    return found


def term_without_english(folder: Path) -> list[Problem]:
    text = (CONTENT / "data" / "orte-begriffe.yaml").read_text(encoding="utf-8")
    path = folder / "orte-begriffe.yaml"
    path.write_text(text.replace("    en: Parish\n", "", 1), encoding="utf-8")
    return read_terms(path, languages_of(pelicanconf.SITE_LANGUAGES))[1]


# code -> (how to make the mistake, what the editor reads: fragments of message and fix)
WORDING: dict[str, tuple[Callable[[Path], list[Problem]], list[str]]] = {
    "text-not-utf8": (latin1_text, ["Die Datei ist nicht als UTF-8 gespeichert", "Codierung „UTF-8“"]),
    "symlink-outside-content": (link_to_passwd, ["„passwd.jpg“ ist eine Verknüpfung", "/etc/passwd"]),
    "file-not-a-photo": (not_a_photo, ["„.env“ ist kein Foto im Format JPEG, PNG oder WebP"]),
    "image-not-an-image": (text_named_jpg, ["„foto.jpg“ ist kein Bild"]),
    "output-path-twice": (
        two_owners,
        ["„/orte/“ kommt von der Übersicht der Orte und von „seite.md“", "einen anderen „Slug:“"],
    ),
    "placeholder-misspelt": (placeholder("{anzahl: orte}"), ["„{anzahl: orte}“ ist falsch geschrieben"]),
    "placeholder-unknown": (
        placeholder("{anzahl:dörfer}"),
        ["„{anzahl:dörfer}“ ist kein bekannter Platzhalter"],
    ),
    "template-unknown": (
        lambda folder: news_problems(folder, header="Template: schick"),
        ["Die Vorlage „Template: schick“ gibt es nicht"],
    ),
    "teaser-not-a-number": (
        lambda folder: news_problems(folder, header="Teaser: zwei"),
        ["„Teaser: zwei“ ist keine Platznummer"],
    ),
    "save-as-outside": (
        lambda folder: news_problems(folder, header="Save_as: ../../anderswo.html"),
        ["„Save_as: ../../anderswo.html“ zeigt aus dem Ordner der Website hinaus"],
    ),
    "body-empty": (
        lambda folder: news_problems(folder, body="<!-- nur eine Notiz -->"),
        ["Die Meldung hat nur einen Kopf und keinen Text"],
    ),
    "body-placeholder": (
        lambda folder: news_problems(folder, body="Hier steht der Text der Seite."),
        ["Im Text steht noch der Platzhalter von „invoke new“", "Den Satz durch den eigenen Text ersetzen"],
    ),
    "draft-translation-missing": (
        content({NEWS_FILE: PLAIN.replace("German_only: ja", "Status: draft")}),
        ["Die englische Fassung fehlt", "invoke new --also en legt beide an"],
    ),
    "date-missing": (
        content({NEWS_FILE: PLAIN.replace("Date: 2023-05-04\n", "")}),
        ["fehlt das Feld „Date:“", "Date: 2022-06-22"],
    ),
    "date-impossible": (
        content({NEWS_FILE: PLAIN.replace("2023-05-04", "2022-02-30")}),
        ["Das Datum „2022-02-30“ gibt es nicht"],
    ),
    "field-unknown": (
        content({NEWS_FILE: PLAIN.replace("Date:", "Datum:")}),
        ["Unbekanntes Feld „Datum:“", "Meinten Sie „Date:“?"],
    ),
    "header-stray-line": (
        content({NEWS_FILE: PLAIN.replace("Lang: de", "Lang de")}),
        ["Der Kopf endet hier ohne Leerzeile"],
    ),
    "lang-unknown": (
        content({NEWS_FILE: PLAIN.replace("Lang: de", "Lang: fr")}),
        ["Unbekannte Sprache „fr“"],
    ),
    "lang-not-file-name": (
        content({NEWS_FILE: PLAIN.replace("Lang: de", "Lang: en")}),
        ["„Lang: en“ passt nicht zum Dateinamen", "meldung.en.md"],
    ),
    "category-unknown": (
        content(
            {NEWS_FILE: PLAIN.replace("Lang: de", "Lang: de\nCategory: Sport")},
            {"CONTENT_CATEGORIES": ["Aktuelles"]},
        ),
        ["Unbekannte Kategorie „Sport“"],
    ),
    "status-unknown": (
        content({NEWS_FILE: PLAIN.replace("Lang: de", "Lang: de\nStatus: fertig")}),
        ["Unbekannter Status „fertig“"],
    ),
    "summary-short": (
        content({NEWS_FILE: PLAIN.replace("Eine Meldung, die nur dieser Test schreibt und prüft.", "Kurz.")}),
        ["Die Zusammenfassung ist mit 5 Zeichen zu kurz"],
    ),
    "slug-form": (
        content({NEWS_FILE: PLAIN.replace("Slug: testmeldung", "Slug: Testmeldung")}),
        ["„Slug: Testmeldung“ ist als Adresse ungeeignet", "„Slug: testmeldung“ schreiben"],
    ),
    "slug-missing": (
        content({NEWS_FILE: PLAIN.replace("Slug: testmeldung\n", "")}),
        ["Im Kopf dieser Meldung fehlt das Feld „Slug:“"],
    ),
    "image-alt-missing": (
        content({NEWS_FILE: NEWS.format(header="", body="![](bild.jpg)")}),
        ["hat keinen Alternativtext"],
    ),
    "link-target-missing": (
        content({NEWS_FILE: NEWS.format(header="", body="[Weg]({filename}/seiten/kontkt.md)")}),
        ["kontkt.md"],
    ),
    "translation-without-original": (
        content({"aktuelles/bs.en.md": PLAIN.replace("Lang: de", "Lang: en")}),
        ["fehlt die deutsche Datei „bs.md“"],
    ),
    "translation-slug-differs": (
        content(
            {
                NEWS_FILE: PLAIN,
                "aktuelles/meldung.en.md": PLAIN.replace("Lang: de", "Lang: en").replace(
                    "Slug: testmeldung", "Slug: test"
                ),
            }
        ),
        ["denselben Slug"],
    ),
    "slug-duplicate": (
        content({NEWS_FILE: PLAIN, "aktuelles/zweite.md": PLAIN}),
        ["„Slug: testmeldung“ hat schon", "zwei Texte hätten dieselbe Adresse"],
    ),
    "link-to-unpublished": (
        content(
            {
                "seiten/plan.md": "Title: Plan\nSlug: plan\nLang: de\nStatus: draft\n\nText\n",
                NEWS_FILE: NEWS.format(header="", body="[Plan]({filename}/seiten/plan.md)"),
            },
            {"DRAFT_SAVE_AS": ""},
            include_drafts=False,
        ),
        ["ist ein Entwurf"],
    ),
    "yes-no-unknown": (
        content({NEWS_FILE: PLAIN.replace("Lang: de", "Lang: de\nCompiled_later: vielleicht")}),
        ["„Compiled_later: vielleicht“ ist weder „ja“ noch „nein“"],
    ),
    "place-text-language-unknown": (
        place_texts_under("fr"),
        ["„fr“ ist keine Sprache dieser Website", "SITE_LANGUAGES in pelicanconf.py: „en“ (English)"],
    ),
    "place-text-language-without-places": (
        place_texts_under("einfach"),
        ["Die Sprache „Einfache Sprache“ („einfach“) hat keine Ortsseiten", "Den Block „einfach:“ löschen"],
    ),
    "place-text-main-language": (
        place_texts_under("de"),
        ["Die Texte in der Hauptsprache „Deutsch“ stehen direkt bei der Maßnahme, nicht unter „de:“"],
    ),
    "term-label-missing": (
        term_without_english,
        [
            "Beim Begriff „pfarrei“ fehlt der Name in der Sprache „English“ („en“)",
            "eine Zeile „en: …“ ergänzen",
        ],
    ),
    "modified-format": (
        lambda folder: news_problems(folder, header="Modified: 22.06.2022"),
        ["Das Datum „22.06.2022“ ist nicht im Format Jahr-Monat-Tag", "Modified: 2022-06-22"],
    ),
}


@pytest.mark.parametrize("code", sorted(WORDING))
def test_each_message_reads_as_written(code, tmp_path):
    make_mistake, fragments = WORDING[code]
    problems = [found for found in make_mistake(tmp_path) if found and found.code == code]
    assert problems, f"no problem {code!r} found"
    text = problems[0].render()
    for fragment in fragments:
        assert fragment in text
