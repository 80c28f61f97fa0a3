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


def link_to_nowhere(folder: Path) -> list[Problem]:
    (folder / "weg.jpg").symlink_to(folder / "gibt-es-nicht.jpg")
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
    "symlink-target-missing": (
        link_to_nowhere,
        [
            "„weg.jpg“ ist eine Verknüpfung (symbolischer Link)",
            "das es nicht gibt",
            "Die Verknüpfung löschen",
        ],
    ),
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


def output_differing_in_case(folder: Path) -> list[Problem]:
    from sitetools.build import case_collisions

    (folder / "Foto.jpg").write_bytes(b"1")
    (folder / "foto.jpg").write_bytes(b"2")
    return case_collisions(folder)


WORDING.update(
    {
        "output-case-collision": (
            output_differing_in_case,
            [
                "„/Foto.jpg“ und „/foto.jpg“ unterscheiden sich nur in Groß- und Kleinschreibung",
                "Eine der beiden Dateien in content/ umbenennen",
            ],
        ),
    }
)


def translations(files: dict[str, str], required: bool = False) -> Callable[[Path], list[Problem]]:
    """The translation coverage of a content folder holding `files`."""

    def found(folder: Path) -> list[Problem]:
        from bfb_translations import translation_problems

        for relative, text in files.items():
            (folder / relative).parent.mkdir(parents=True, exist_ok=True)
            (folder / relative).write_text(text, encoding="utf-8")
        return translation_problems(folder, {**SETTINGS, "TRANSLATIONS_REQUIRED": required})

    return found


CHRONIK = "Title: Chronik\nSlug: chronik\nLang: de\n{extra}\nText.\n"
WORDING.update(
    {
        "translation-missing": (
            translations({"seiten/chronik.md": CHRONIK.format(extra="")}, required=True),
            ["fehlt die englische Übersetzung – so wird die Website nicht veröffentlicht"],
        ),
        "german-only-not-yes-no": (
            translations({"seiten/chronik.md": CHRONIK.format(extra="German_only: vielleicht")}),
            ["„German_only: vielleicht“ ist weder „ja“ noch „nein“", "„German_only: ja“ schreiben"],
        ),
        "german-only-with-translation": (
            translations(
                {
                    "seiten/chronik.md": CHRONIK.format(extra="German_only: ja"),
                    "seiten/chronik.en.md": CHRONIK.format(extra="").replace("Lang: de", "Lang: en"),
                }
            ),
            ["Der Text ist als „nur Deutsch“ markiert, hat aber eine englische Fassung"],
        ),
    }
)


# --- `invoke check`: the legal gate and the checks of the built site ---------------------------


def legal(key: str, value: object) -> Callable[[Path], list[Problem]]:
    """The legal gate's problems about one ASSOCIATION key holding `value`."""
    from sitetools.legal import legal_problems

    def found(folder: Path) -> list[Problem]:
        problems = legal_problems({key: value})
        return [
            problem for problem in problems if f"'{key}'" in problem.detail or f" {key} is" in problem.detail
        ]

    return found


def built_page(html: str, check: str) -> Callable[[Path], list[Problem]]:
    """A built site of one page holding `html`, looked at by the check of that name."""

    def found(folder: Path) -> list[Problem]:
        import sitetools.checks as checks

        page = folder / "seite" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(f'<!DOCTYPE html><html lang="de"><body>{html}</body></html>', encoding="utf-8")
        return getattr(checks, check)(checks.CheckInput({"SITEURL": "https://example.test"}, folder))

    return found


def unsafe(html: str) -> Callable[[Path], list[Problem]]:
    return built_page(html, "html_that_csp_lets_through")


def untranslated_theme_text(folder: Path) -> list[Problem]:
    from sitetools.checks import untranslated

    return [untranslated(folder / "messages.po", "Zum Inhalt springen")]


WORDING.update(
    {
        "legal-field-missing": (
            legal("representatives", []),
            [
                "Für das Impressum fehlt das vertretungsberechtigte Vorstandsmitglied",
                "bitte vom Vorstand bestätigen lassen",
                'bei ASSOCIATION den Eintrag "representatives" ausfüllen',
                "nur echte, geprüfte Angaben",
            ],
        ),
        "legal-field-placeholder": (
            legal("register_number", "VR 12345"),
            [
                '„VR 12345“ bei "register_number" ist ein Beispiel oder Platzhalter („12345“)',
                "durch die echte, vom Vorstand bestätigte Angabe ersetzen",
            ],
        ),
        "legal-email-form": (
            legal("email", "keine-adresse"),
            ["„keine-adresse“ ist keine E-Mail-Adresse", "in der Form name@domain.de"],
        ),
        "association-value-type": (
            legal("phone", 6592926),
            ["für „phone“ der Wert 6592926 – das ist kein Text", '"phone": "06592 123456"'],
        ),
        "theme-text-untranslated": (
            untranslated_theme_text,
            ["Der Theme-Text „Zum Inhalt springen“ ist nicht übersetzt", "`invoke translations` ausführen"],
        ),
        "output-link-page-missing": (
            built_page('<a href="/fehlt/">weg</a>', "links_and_anchors"),
            ["Der Link „/fehlt/“ führt ins Leere (Seite fehlt)", "Den Link in der Quelldatei"],
        ),
        "output-link-anchor-missing": (
            built_page('<a href="/seite/#unten">runter</a>', "links_and_anchors"),
            ["Der Link „/seite/#unten“ führt ins Leere (Anker fehlt)"],
        ),
        "output-resource-foreign": (
            built_page('<img src="https://cdn.example.net/a.png" alt="">', "foreign_resources"),
            [
                "Die Seite lädt „https://cdn.example.net/a.png“ von einem fremden Server",
                "fremde Server erfahren sonst, wer die Seite liest",
            ],
        ),
        "output-placeholder-text": (
            built_page("<p>TODO Vorstand eintragen</p>", "placeholder_text"),
            ["Platzhaltertext auf der Seite: „TODO Vorstand eintragen", "durch den echten Text ersetzen"],
        ),
        "unsafe-html-refresh": (
            unsafe('<meta http-equiv="refresh" content="0; url=https://anderswo.example/">'),
            ["Die Seite leitet Leser automatisch weiter („https://anderswo.example/“)", "„Redirect_from:“"],
        ),
        "unsafe-html-form": (
            unsafe('<form action="https://anderswo.example/sammeln"><button>Senden</button></form>'),
            ["Ein Formular schickt die Eingaben der Leser an „https://anderswo.example/sammeln“"],
        ),
        "unsafe-html-javascript": (
            unsafe('<a href="javascript:alert(2)">x</a>'),
            ["Ein „javascript:“-Verweis („javascript:alert(2)“)"],
        ),
        "unsafe-html-script": (
            unsafe('<script src="/bilder/skript.js"></script>'),
            ["Die Seite lädt das Skript „/bilder/skript.js“, das nicht zum Theme gehört"],
        ),
        "unsafe-html-inline-script": (
            unsafe("<script>alert(1)</script>"),
            ["Die Seite enthält ein Skript direkt im HTML"],
        ),
        "unsafe-html-handler": (
            unsafe('<p onclick="alert(1)">x</p>'),
            ["Ein HTML-Element hat die Angabe „onclick“, die ein Programm startet"],
        ),
        "unsafe-html-srcdoc": (
            unsafe('<iframe srcdoc="<p>x</p>"></iframe>'),
            ["Ein HTML-Element bettet mit „srcdoc“ eine ganze Seite ein"],
        ),
        "unsafe-html-base": (
            unsafe('<base href="https://anderswo.example/">'),
            ['Die Seite enthält <base href="https://anderswo.example/">'],
        ),
    }
)


# --- the places file (plugins/orte/validation.py) -------------------------------------------------

PLACE = """- name: Altstadt
  slug: altstadt
  kind: Stadt
  lat: 50.2
  lon: 6.83
"""
PLACE_MEASURE = """  measures:
    - type: jugendforum
      actor: ortsgemeinde
      title: Forum
"""


def places_read(folder: Path):
    """The places file `orte.yaml` in `folder`, read and validated as a build does."""
    from orte.places_file import places_file_of_this_build

    settings = {"PATH": str(folder), "ORTE_DATA": "orte.yaml", "SITE_LANGUAGES": pelicanconf.SITE_LANGUAGES}
    return places_file_of_this_build(settings)


def places(text: str) -> Callable[[Path], list[Problem]]:
    """content/data/orte.yaml holding `text`, validated as the places plugin does."""

    def found(folder: Path) -> list[Problem]:
        (folder / "orte.yaml").write_text(text, encoding="utf-8")
        return list(places_read(folder).problems)

    return found


def news_naming_places(written: str) -> Callable[[Path], list[Problem]]:
    def found(folder: Path) -> list[Problem]:
        from orte.validation import check_place_references

        news = folder / "meldung.md"
        news.write_text(f"Title: T\nLang: de\nOrte: {written}\n\nText.\n", encoding="utf-8")
        return check_place_references({str(news): written}, {"gillenfeld", "mehren"})

    return found


DISTRICT = "- name: Nordteil\n  slug: nordteil\n  kind: Stadtteil\n"
WORDING.update(
    {
        "place-field-unknown": (
            places(PLACE + "  stauts: x\n"),
            ["Unbekanntes Feld „stauts“. Meinten Sie „status“?", "Den Feldnamen korrigieren", "„website“"],
        ),
        "place-field-missing": (
            places(PLACE.replace("  kind: Stadt\n", "")),
            ["Das Pflichtfeld „kind“ fehlt oder ist leer", "Eine Zeile „kind: …“ ergänzen"],
        ),
        "place-twice": (
            places(PLACE + PLACE.replace("name: Altstadt", "name: Alt-Stadt")),
            ["Der slug „altstadt“ kommt doppelt vor (zuerst in Zeile 1)", "Jeden Ort nur einmal eintragen"],
        ),
        "place-outside-area": (
            places(PLACE.replace("lat: 50.2", "lat: 6.83").replace("lon: 6.83", "lon: 50.2")),
            ["Die Koordinaten 6.83, 50.2 liegen außerhalb der Verbandsgemeinde Daun", "vertauscht?"],
        ),
        "place-coordinate-missing": (
            places(PLACE.replace("  lon: 6.83\n", "")),
            ["Es gibt nur eine der beiden Koordinaten, „lon“ fehlt", "oder beide weglassen"],
        ),
        "place-field-not-a-mapping": (
            places(PLACE + "  status: noch-nicht-begonnen\n"),
            [
                "Ein Stand („noch-nicht-begonnen“) braucht die Angabe, wer ihn festgestellt hat und wann",
                "„decided_by: Vorstand“",
                "dann zeigt die Seite des Ortes keinen Stand",
            ],
        ),
        "measure-without-source": (
            places(PLACE + PLACE_MEASURE),
            [
                "Die Maßnahme hat keine Quelle („source“)",
                "url: https://",
                "Ohne Quelle kann die Maßnahme nicht",
            ],
        ),
        "place-date-invalid": (
            places(PLACE + PLACE_MEASURE + "      date: 1890\n"),
            ["„1890“ ist kein gültiges Datum", "„um 2017“ (Jahr nur erschlossen)"],
        ),
        "place-part-of-unknown": (
            places(PLACE + DISTRICT + "  part_of: Altstat\n"),
            [
                "„part_of“ nennt „Altstat“, aber diesen Ort gibt es in der Datei nicht.",
                "Meinten Sie „Altstadt“?",
            ],
        ),
        "place-part-of-missing": (
            places(PLACE + DISTRICT),
            ["Ein Stadtteil braucht das Feld „part_of“", "„part_of: Daun“"],
        ),
        "place-part-of-cycle": (
            places(PLACE + "  part_of: Nordteil\n" + DISTRICT + "  part_of: Altstadt\n"),
            ["„part_of“ bildet einen Kreis: Altstadt → Nordteil → Altstadt", "die Zeile „part_of“ löschen"],
        ),
        "places-not-a-list": (places("orte: keine\n"), ["Die Datei enthält keine Liste von Orten"]),
        "place-slug-form": (
            places(PLACE.replace("slug: altstadt", "slug: Alt Stadt")),
            ["„Alt Stadt“ ist als Adresse (slug) nicht erlaubt", "Nur Kleinbuchstaben a–z"],
        ),
        "place-link-not-http": (
            places(PLACE + "  website: www.example.org\n"),
            ["„www.example.org“ ist keine erlaubte Internetadresse", "beginnend mit „https://“"],
        ),
        "contact-unreachable": (
            places(PLACE + "  contact:\n    role: Ortsgemeinde\n"),
            ["Beim Kontakt fehlt, wie man ihn erreicht", "„address“"],
        ),
        "place-field-twice": (
            places(PLACE + "  name: Neustadt\n"),
            ["Das Feld „name“ steht hier zweimal", "Eine der beiden Zeilen löschen"],
        ),
        "news-place-unknown": (news_naming_places("gillenfeld, mehrn"), ["„mehrn“", "Meinten Sie „mehren“?"]),
    }
)


def boundaries_of(records_changed: Callable[[list], list], file_text: str | None = None):
    """The invented places of plugins/orte/fixtures against their boundaries, changed as given."""

    def found(folder: Path) -> list[Problem]:
        from orte.conftest import FIXTURES
        from orte.svg_map import build_place_map

        data = FIXTURES / "orte.yaml"
        records = records_changed(list(places_read(FIXTURES).records))
        boundaries = FIXTURES / "grenzen.geojson"
        if file_text is not None:
            boundaries = folder / "grenzen.geojson"
            boundaries.write_text(file_text, encoding="utf-8")
        return build_place_map(records, boundaries, data)[1]

    return found


def renamed(records: list) -> list:
    from dataclasses import replace

    return [replace(item, name="Uedenheim") if item.slug == "udenheim" else item for item in records]


def moved(records: list) -> list:
    from dataclasses import replace

    from orte.model import Coordinates

    return [
        replace(item, coordinates=Coordinates(50.12, 6.80)) if item.slug == "nordteil" else item
        for item in records
    ]


WORDING.update(
    {
        "boundary-missing": (
            boundaries_of(renamed),
            ["Für „Uedenheim“ gibt es keine Gemeindegrenze für die Karte.", "Meinten Sie „Udenheim“?"],
        ),
        "boundary-without-place": (
            boundaries_of(renamed),
            ["Die Karte hat die Gemeinde „Udenheim“, die Datei aber keinen Ort dieses Namens"],
        ),
        "place-outside-boundary": (
            boundaries_of(moved),
            ["Die Koordinaten von „Nordteil“ liegen nicht in Altstadt.", "nicht vertauscht"],
        ),
        "boundaries-unreadable": (
            boundaries_of(lambda records: records, '{"type": "FeatureCollection",\n "features": [\n}'),
            ["So beheben: Die Datei aus der Versionsgeschichte wiederherstellen"],
        ),
    }
)


# --- the Bürgerbus timetable (plugins/bfb_buergerbus) ---------------------------------------------

BUS_SOURCES = """sources:
  quelle:
    publisher: Bürger für Bürger e.V.
    title: Der Bürgerbus startet
    date: 2017-01
    url: {url}
routes:
  - name: Testlinie
"""


def bus_route(lines: str, url: str = "https://www.example.org/bus") -> Callable[[Path], list[Problem]]:
    """content/data/buergerbus.yaml with one route `Testlinie` and these lines of it."""
    if "first_run" not in lines:
        lines += "    first_run: 2017-02\n"

    def found(folder: Path) -> list[Problem]:
        from bfb_buergerbus import read_timetable

        path = folder / "buergerbus.yaml"
        path.write_text(BUS_SOURCES.format(url=url) + lines, encoding="utf-8")
        return read_timetable(path, {"gillenfeld", "daun"})[1]

    return found


WORDING.update(
    {
        "bus-stop-unknown": (
            bus_route("    stops: [gilenfeld]\n    sources: [quelle]\n"),
            [
                "Bei der Linie „Testlinie“ ist „gilenfeld“ kein Ort aus content/data/orte.yaml. "
                "Meinten Sie „gillenfeld“?",
                "Den slug des Ortes aus content/data/orte.yaml eintragen",
            ],
        ),
        "bus-weekday-unknown": (
            bus_route("    weekday: samstag\n    stops: []\n    sources: [quelle]\n"),
            ["Bei der Linie „Testlinie“ ist „samstag“ kein Wochentag"],
        ),
        "bus-source-unknown": (
            bus_route("    stops: []\n    sources: [unbekannt]\n"),
            ["Quelle „unbekannt“", "oben nicht eingetragen"],
        ),
        "bus-date-invalid": (
            bus_route("    stops: []\n    sources: [quelle]\n    first_run: Januar\n"),
            ["ist „first_run: Januar“ kein Datum", "JJJJ-MM-TT, JJJJ-MM oder JJJJ"],
        ),
        "bus-link-not-http": (
            bus_route("    stops: []\n    sources: [quelle]\n", url="www.example.org/bus"),
            ["beginnt nicht mit https:// oder http://", "Die vollständige Adresse aus dem Browser kopieren"],
        ),
    }
)


# --- old addresses (plugins/bfb_redirects) -------------------------------------------------------


def redirect_from(value: str) -> Callable[[Path], list[Problem]]:
    """A news item at /aktuelles/fuenf/ with `Redirect_from: <value>`."""
    from types import SimpleNamespace

    from bfb_redirects.redirects import redirects_of

    text = SimpleNamespace(redirect_from=value, url="aktuelles/fuenf/", source_path="content/aktuelles/x.md")
    return lambda folder: redirects_of(text, "")[1]


def on_the_server(old: str = "", section: tuple[str, str] | None = None) -> Callable[[Path], list[Problem]]:
    """A redirect from `old` (or a section of old addresses) beside a build holding only /orte/."""
    from bfb_redirects.redirects import Redirect, sections_of, server_problems

    redirects = [Redirect(old, "/gibt-es-nicht/", "content/aktuelles/x.md")] if old else []
    sections = sections_of({"OLD_SITE_SECTIONS": [section]}) if section else []
    return lambda folder: server_problems(redirects, sections, {"/orte", "/orte/index.html"}, [])


WORDING.update(
    {
        "redirect-address-form": (
            redirect_from("/mit leerzeichen"),
            ["Die alte Adresse „/mit leerzeichen“ kann nicht umgeleitet werden"],
        ),
        "redirect-to-itself": (
            redirect_from("/aktuelles/fuenf/"),
            ["ist die neue Adresse dieser Seite selbst", "Diese Adresse aus „Redirect_from:“ streichen"],
        ),
        "redirect-shadows-output": (
            on_the_server("/orte/"),
            [
                "Die alte Adresse „/orte/“ ist eine Seite oder Datei der neuen Website",
                "nicht mehr erreichbar",
            ],
        ),
        "redirect-target-missing": (
            on_the_server("/alt/seite/"),
            ["Die alte Adresse „/alt/seite/“ führt zu /gibt-es-nicht/, das es nicht gibt"],
        ),
        "old-section-shadows-or-leads-nowhere": (
            on_the_server(section=("/orte/", "/")),
            ["Die Weiterleitung aller alten Adressen unter „/orte/“ verdeckt Seiten", "OLD_SITE_SECTIONS"],
        ),
    }
)


# --- data files read by the one YAML loader (lib/bfb_yaml) -----------------------------------


def data_file(text: str | bytes | None) -> Callable[[Path], list[Problem]]:
    """content/data/orte.yaml holding `text` (None: no such file), read by the loader."""

    def found(folder: Path) -> list[Problem]:
        from bfb_yaml.loader import load_located_yaml

        path = folder / "orte.yaml"
        if isinstance(text, bytes):
            path.write_bytes(text)
        elif text is not None:
            path.write_text(text, encoding="utf-8")
        return load_located_yaml(path)[1]

    return found


WORDING.update(
    {
        "data-file-missing": (
            data_file(None),
            ["orte.yaml“ fehlt", "Die Datei wiederherstellen", "git checkout"],
        ),
        "data-file-not-utf8": (
            data_file("- name: Üdersdorf\n".encode("latin-1")),
            ["Die Datei ist nicht in UTF-8 gespeichert", "mit der Kodierung UTF-8 speichern"],
        ),
        "data-file-empty": (
            data_file("# nur Kommentare\n"),
            ["Die Datei ist leer (oder enthält nur Kommentare)", "git checkout"],
        ),
        "yaml-syntax": (
            data_file("- name: A\n  kind: Stadt\n kind: [\n"),
            ["Die Datei ist kein gültiges YAML", "Einrückung mit Leerzeichen (keine Tabulatoren)"],
        ),
        "yaml-anchor-or-alias": (
            data_file("- name: &ort Altstadt\n"),
            [
                "Hier steht ein YAML-Verweis („&ort“)",
                'den Text in Anführungszeichen setzen, z. B. „title: "*Sternstunde"“',
            ],
        ),
        "yaml-beyond-limits": (
            data_file("- name: " + "9" * 5000 + "\n"),
            ["Die Datei kann nicht gelesen werden: eine Zahl ist zu groß", "Die letzte Änderung prüfen"],
        ),
    }
)


# --- publishing (sitetools/publish.py, transfer*.py): PublishError has a code, too ---------------


def raised(action: Callable[[], object]) -> Exception:
    from sitetools.transfer import PublishError

    try:
        action()
    except PublishError as error:
        return error
    raise AssertionError("no PublishError")


def parse(destination: str, **options) -> Callable[[Path], Exception]:
    from sitetools.publish import Target

    return lambda folder: raised(lambda: Target.parse(destination, **options))


def from_config(destination: str | None, config: dict) -> Callable[[Path], Exception]:
    from sitetools.publish import target_from_config

    return lambda folder: raised(lambda: target_from_config(destination, config, environ={}))


def failed_command(stderr: str) -> Callable[[Path], Exception]:
    from sitetools.publish import run

    return lambda folder: raised(lambda: run(["sh", "-c", f"echo '{stderr}' >&2; exit 11"]))


def rolled_back(destination: str) -> Callable[[Path], Exception]:
    def made(folder: Path) -> Exception:
        from sitetools.publish import Target, rollback

        return raised(lambda: rollback(Target.parse(destination.format(folder=folder))))

    return made


def synced_into_hosters_folder(folder: Path) -> Exception:
    from sitetools.transfer import LocalFolder, site_files, sync

    (folder / "site").mkdir()
    (folder / "site" / "index.html").write_text("neu")
    (folder / "web").mkdir()
    (folder / "web" / "index.html").write_text("vom Hoster")
    return raised(lambda: sync(site_files(folder / "site"), LocalFolder(folder / "web")))


def synced_into(web_files: dict[str, str], link: str | None = None) -> Callable[[Path], Exception]:
    """Publish a one-page site into a local web folder holding `web_files` (and a link named `link`)."""

    def made(folder: Path) -> Exception:
        from sitetools.transfer import LocalFolder, site_files, sync

        (folder / "site" / "theme").mkdir(parents=True)
        (folder / "site" / "theme" / "site.css").write_text("neu")
        web = folder / "web"
        web.mkdir()
        for relative, text in web_files.items():
            (web / relative).parent.mkdir(parents=True, exist_ok=True)
            (web / relative).write_text(text)
        if link:
            (web / link).symlink_to(folder)
        return raised(lambda: sync(site_files(folder / "site"), LocalFolder(web)))

    return made


def with_one_release(folder: Path) -> Exception:
    from sitetools.publish import Target, rollback

    (folder / "releases" / "20261125-141500-123456").mkdir(parents=True)
    (folder / "current").symlink_to("releases/20261125-141500-123456")
    return raised(lambda: rollback(Target.parse(str(folder))))


def manifest(data: bytes) -> Callable[[Path], Exception]:
    from sitetools.transfer import parse_manifest

    return lambda folder: raised(lambda: parse_manifest(data, "web"))


def ftp_failure(
    error: Exception, scheme: str = "ftps", transfer: bool = False
) -> Callable[[Path], Exception]:
    def made(folder: Path) -> Exception:
        from sitetools.publish import Target
        from sitetools.transfer_ftp import connect_error, ftp_error

        target = Target.parse(f"{scheme}://verein@ftp.example.org/html")
        return ftp_error(target, error) if transfer else connect_error(target, error)

    return made


def sftp_failure(error: Exception) -> Callable[[Path], Exception]:
    def made(folder: Path) -> Exception:
        from sitetools.publish import Target
        from sitetools.transfer_sftp import connect_error, sftp_error

        target = Target.parse("sftp://verein@sftp.example.org/html", identity=str(folder / "kein-schluessel"))
        return sftp_error(target, error) if getattr(error, "filename", None) else connect_error(target, error)

    return made


def unknown_sftp_host(folder: Path) -> Exception:
    import paramiko

    from sitetools.transfer_sftp import RefuseUnknownHost

    key = paramiko.ECDSAKey.generate()
    return raised(lambda: RefuseUnknownHost().missing_host_key(None, "[127.0.0.1]:2222", key))


def sftp_host_key(changed: bool) -> Exception:
    import paramiko

    key = paramiko.ECDSAKey.generate()
    if changed:
        return paramiko.BadHostKeyException("sftp.example.org", key, paramiko.ECDSAKey.generate())
    return paramiko.PasswordRequiredException("private key file is encrypted")


def sftp_refused(message: str) -> Exception:
    import paramiko

    return paramiko.SSHException(message)


def without_backup_folder(folder: Path) -> Exception:
    from sitetools.transfer import LocalFolder, save_backup

    return raised(lambda: save_backup(LocalFolder(folder), ["index.html"], None))


def missing_program(folder: Path) -> Exception:
    from dataclasses import dataclass
    from typing import ClassVar

    from sitetools.publish import GitTarget, require_tools

    @dataclass(frozen=True, kw_only=True)
    class NeedsAProgram(GitTarget):
        tools: ClassVar[tuple[str, ...]] = ("bfb-gibt-es-nicht",)

    return raised(lambda: require_tools(NeedsAProgram(path="site.git")))


def not_writable(folder: Path) -> Exception:
    import errno

    from sitetools.publish import Target, local_error

    target = Target.parse(str(folder / "web"))
    return local_error(target, OSError(errno.EROFS, "Read-only file system", str(folder)))


def unreachable_repository(folder: Path) -> Exception:
    from sitetools.publish import Target

    return raised(lambda: Target.parse(str(folder / "gibt-es-nicht.git")).preflight())


def git_author(folder: Path) -> Exception:
    from sitetools.transfer_git import author_environment

    return raised(lambda: author_environment({"PUBLISH_GIT_AUTHOR": "nur ein Name"}))


def untrusted_certificate() -> Exception:
    import ssl

    error = ssl.SSLCertVerificationError("certificate verify failed")
    error.verify_message = "self-signed certificate"
    return error


def ftp_unexpected(reply: str) -> Exception:
    import ftplib

    return ftplib.error_reply(reply)


def ftp_refused(reply: str) -> Exception:
    import ftplib

    return ftplib.error_perm(reply)


# (code, how to make the failure, what the maintainer reads): one row per message.
PUBLISH_WORDING: list[tuple[str, Callable[[Path], Exception], list[str]]] = [
    ("target-option-like", parse("-oProxyCommand=x"), ["Das Ziel „-oProxyCommand=x“ beginnt mit „-“"]),
    ("target-kind-unknown", parse("https://example.org/seite"), ["Unbekannte Art von Ziel"]),
    ("target-port-invalid", parse("sftp://u@example.org:99999/x"), ["Ungültiger Port in"]),
    (
        "target-password-in-address",
        parse("ftp://verein:geheim@ftp.example.org/html"),
        ["Das Passwort gehört nicht ins Ziel", "PUBLISH_PASSWORD"],
    ),
    ("target-user-or-host-missing", parse("sftp://example.org/x"), ["fehlt Benutzer oder Server"]),
    ("target-mode-unknown", parse("/srv/web", mode="schnell"), ["Unbekannter Modus „schnell“"]),
    (
        "target-mode-releases-needs-ssh",
        parse("sftp://verein@example.org/html", mode="releases"),
        ["Der Modus „releases“ (Versionen mit Umschalten) braucht SSH mit Shell und rsync"],
    ),
    ("target-missing", from_config(None, {}), ["Kein Ziel angegeben"]),
    (
        "password-in-settings-file",
        from_config("ftp://verein@ftp.example.org/", {"password": "x"}),
        ["In invoke.yaml steht ein Passwort", "Passwörter gehören nicht in Dateien"],
    ),
    ("password-missing", from_config("ftp://verein@ftp.example.org/", {}), ["fehlt das Passwort"]),
    (
        "rollback-needs-releases",
        rolled_back("sftp://verein@example.org/html"),
        ["Zurückrollen geht nur im Modus „releases“", "git checkout <commit>"],
    ),
    ("rollback-no-release", rolled_back("{folder}"), ["keine veröffentlichte Version gefunden"]),
    (
        "target-disk-full",
        failed_command("No space left on device"),
        ["Auf dem Ziel ist kein Platz mehr frei"],
    ),
    (
        "ssh-key-refused",
        failed_command("Permission denied (publickey)."),
        ["Anmeldung per SSH fehlgeschlagen: der Server kennt diesen Schlüssel nicht"],
    ),
    (
        "ssh-host-unknown",
        failed_command("Host key verification failed."),
        ["Anmeldung per SSH fehlgeschlagen: der Server ist unbekannt"],
    ),
    ("target-permission-denied", failed_command("Permission denied"), ["Keine Schreibrechte im Ziel"]),
    ("target-read-only", failed_command("Read-only file system"), ["Das Ziel ist schreibgeschützt"]),
    ("connection-refused", failed_command("Connection refused"), ["Der Server nimmt keine Verbindung an"]),
    ("connection-timed-out", failed_command("Connection timed out"), ["Der Server antwortet nicht"]),
    ("command-failed", failed_command("kaputt"), ["Befehl fehlgeschlagen / command failed (11)"]),
    (
        "target-not-writable",
        not_writable,
        [
            "kann nicht beschrieben werden: das Dateisystem ist schreibgeschützt",
            "So beheben: ein anderes Ziel",
        ],
    ),
    (
        "target-file-not-ours",
        synced_into_hosters_folder,
        ["stammen aber nicht von einer früheren Veröffentlichung", "    index.html\n", "--replace-existing"],
    ),
    (
        "manifest-entry-outside",
        manifest(b'{"format": "bfb-manifest/1", "files": {"../privat.txt": null}}'),
        ["der Eintrag „../privat.txt“ zeigt nicht auf eine Datei im Zielordner"],
    ),
    (
        "manifest-entry-not-ours",
        synced_into({".bfb-manifest.json": '{"format": "bfb-manifest/1", "files": {".htpasswd": null}}'}),
        ["nennt 1 Einträge, die nie von der Website stammen: .htpasswd", "Jemand hat die Liste verändert"],
    ),
    (
        "target-symlink",
        synced_into({}, link="theme"),
        [
            "im Ziel ist „theme“ eine Verknüpfung (symbolischer Link)",
            "die Verknüpfung auf dem Server entfernen",
        ],
    ),
    (
        "rollback-no-older-release",
        with_one_release,
        ["es gibt keine ältere Version als 20261125-141500-123456"],
    ),
    ("manifest-damaged", manifest(b"{kaputt"), ["ist beschädigt", "die nächste Veröffentlichung lädt"]),
    (
        "git-command-failed",
        unreachable_repository,
        ["git ls-remote fehlgeschlagen:", "So beheben: Adresse des Repositorys prüfen"],
    ),
    ("git-author-form", git_author, ["„nur ein Name“ hat nicht die Form „Name <adresse@example.org>“"]),
    (
        "tls-certificate-untrusted",
        ftp_failure(untrusted_certificate()),
        ["Das TLS-Zertifikat von ftp.example.org:21 ist nicht vertrauenswürdig (self-signed certificate)"],
    ),
    (
        "ftp-login-refused",
        ftp_failure(ftp_refused("530 Login incorrect.")),
        ["als „verein“ abgelehnt: Benutzername oder Passwort falsch"],
    ),
    (
        "ftps-not-offered",
        ftp_failure(ftp_refused("534 no TLS")),
        ["bietet kein verschlüsseltes FTP (FTPS) an", "nach SFTP oder FTPS fragen"],
    ),
    (
        "ftp-transfer-aborted",
        ftp_failure(OSError("Verbindung weg"), "ftp", transfer=True),
        [
            "FTP-Übertragung nach ftp://verein@ftp.example.org/html abgebrochen",
            "alle Seiten funktionieren weiter",
        ],
    ),
    (
        "sftp-transfer-aborted",
        sftp_failure(PermissionError(13, "Permission denied", "html/index.html")),
        ["SFTP-Übertragung nach", "abgebrochen (keine Schreibrechte", "alle Seiten funktionieren weiter"],
    ),
    ("ssh-key-file-missing", sftp_failure(FileNotFoundError(2, "weg")), ["Die SSH-Schlüsseldatei"]),
    (
        "ssh-host-key-changed",
        sftp_failure(sftp_host_key(changed=True)),
        [
            "meldet sich mit einem ANDEREN Schlüssel als in",
            "jemand gibt sich als Ihr Server aus",
            "ssh-keygen -R",
        ],
    ),
    (
        "ssh-key-passphrase",
        sftp_failure(sftp_host_key(changed=False)),
        ["Der SSH-Schlüssel ist mit einer Passphrase geschützt", "ssh-add"],
    ),
    (
        "connection-failed",
        sftp_failure(ConnectionRefusedError(111, "Connection refused")),
        ["Keine Verbindung zu sftp.example.org:22", "Servername und Port prüfen"],
    ),
    (
        "sftp-connect-failed",
        sftp_failure(sftp_refused("Protokoll kaputt")),
        ["SFTP-Verbindung zu sftp.example.org:22 fehlgeschlagen: Protokoll kaputt"],
    ),
    (
        "ftp-connect-failed",
        ftp_failure(ftp_unexpected("421 zu viele Verbindungen")),
        ["FTP-Verbindung zu ftp.example.org:21 fehlgeschlagen"],
    ),
    ("backup-folder-missing", without_backup_folder, ["Kein Ordner für die Sicherung der ersetzten Dateien"]),
    (
        "tool-missing",
        missing_program,
        ["Es fehlt: bfb-gibt-es-nicht – installieren mit: sudo apt-get install"],
    ),
    (
        "ssh-host-unknown",
        unknown_sftp_host,
        ["Der Server [127.0.0.1]:2222 ist diesem Rechner unbekannt", "ssh-keyscan -p 2222 127.0.0.1"],
    ),
]


@pytest.mark.parametrize(
    ("code", "make_failure", "fragments"), PUBLISH_WORDING, ids=[row[0] for row in PUBLISH_WORDING]
)
def test_each_publishing_message_reads_as_written(code, make_failure, fragments, tmp_path):
    failure = make_failure(tmp_path)
    assert failure.code == code
    for fragment in fragments:
        assert fragment in str(failure)


@pytest.mark.parametrize("code", sorted(WORDING))
def test_each_message_reads_as_written(code, tmp_path):
    make_mistake, fragments = WORDING[code]
    problems = [found for found in make_mistake(tmp_path) if found and found.code == code]
    assert problems, f"no problem {code!r} found"
    text = problems[0].render()
    for fragment in fragments:
        assert fragment in text
