"""The site's open questions for the board: one table, and where each is still open.

Every gap the site knows of is a row in QUESTIONS (or a `note` field in a data file):
what to ask, where the answer goes (file and key) and on which pages it shows. A
question is open while its gap is still there:

- `association`: the field of ASSOCIATION (pelicanconf.py) is None;
- `confirmation`: the dated ASSOCIATION value (published before, maybe outdated) has no
  `confirmed` date yet;
- `text`: a text in content/ still holds the marker `{offen:<key>}` (shown on the page as a
  marked gap, see markers.py) or `<!-- offen:<key> -->` (never shown).

Besides the table, every `note:` field in content/data/*.yaml is an open question: a note
is what we could not confirm (never rendered; the build's data plugins ignore it).
`invoke fragen` prints the list; the development build shows it at /entwuerfe/offene-fragen/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import yaml
from bfb_contents.content_files import ContentFile, read_files
from bfb_contents.kinds import PLACE, kind_named
from bfb_languages import N_, Language, path_prefix_language, table
from bfb_urls import address_of
from bfb_yaml.loader import compose

from .association import ASSOCIATION_FIELDS, AssociationField

MARKER = re.compile(r"\{offen:([a-z0-9_]+)\}|<!--\s*offen:([a-z0-9_]+)\b.*?-->", re.DOTALL)
DATA_FILES = ("data/orte.yaml", "data/buergerbus.yaml")


@dataclass(frozen=True)
class Question:
    key: str
    question: str  # German, for the board
    answer_goes: str  # where the answer is entered: file and key
    kind: str  # "association", "confirmation" or "text" (see the module's docstring)
    pages: tuple[str, ...] = ()  # where the answer shows, besides pages holding the marker
    # What `{offen:<key>}` shows: a German msgid, translated in the templates' catalogue.
    gap: str | None = None
    templates: tuple[str, ...] = ()  # it shows on every page written with these templates


# The texts a page shows are msgids of the templates' catalogue (theme/translations).
CALL_US = N_("steht hier noch nicht – bitte rufen Sie uns an.")
SETTINGS_FILE = "pelicanconf.py"
# The templates that show ASSOCIATION's fields (IMPRESSUM_FIELDS, CONTACT_FIELDS), and the
# Bürgerbus data file's.
FIELD_TEMPLATES = {"IMPRESSUM_FIELDS": "impressum", "CONTACT_FIELDS": "kontakt"}
BUERGERBUS_TEMPLATE = "buergerbus"


def _field(field: AssociationField) -> Question:
    return Question(field.key, field.question, field.answer_goes, "association")


QUESTIONS: tuple[Question, ...] = (
    # ASSOCIATION's fields, from their one table (association.py), in its order.
    *(_field(field) for field in ASSOCIATION_FIELDS if field.question),
    Question(
        "phone_confirmed",
        "Gilt die Telefonnummer von 2020 noch?",
        f'{SETTINGS_FILE}, ASSOCIATION["phone"]["confirmed"] (Monat der Bestätigung, z. B. "2026-12")',
        "confirmation",
        pages=("jede Seite (Kopfzeile)",),
    ),
    Question(
        "office_confirmed",
        "Ist das Büro noch im Erdgeschoss des Eifel-Vulkanmuseums?",
        f'{SETTINGS_FILE}, ASSOCIATION["office"]["confirmed"] (Monat der Bestätigung)',
        "confirmation",
    ),
    Question(
        "mitgliedsbeitrag",
        "Wie hoch ist der Mitgliedsbeitrag heute?",
        "den Betrag an die Stelle von {offen:mitgliedsbeitrag} schreiben",
        "text",
        gap=CALL_US,
    ),
    Question(
        "beitrittserklaerung",
        "Gibt es eine Beitrittserklärung (zum Herunterladen als PDF)?",
        "an die Stelle von {offen:beitrittserklaerung} (z. B. einen Link auf das PDF)",
        "text",
        gap=CALL_US,
    ),
    Question(
        "satzung",
        "Darf die Satzung auf der Website stehen (als PDF)?",
        "an die Stelle von {offen:satzung} (z. B. einen Link auf das PDF)",
        "text",
        gap=CALL_US,
    ),
    Question(
        "preis_hilfe",
        "Was zahlt ein Mitglied heute für eine Stunde Hilfe und je Kilometer?",
        "die Beträge an die Stelle von {offen:preis_hilfe} schreiben",
        "text",
        gap=CALL_US,
    ),
    Question(
        "buergerbus_heute",
        "Fährt der Bürgerbus wieder nach festem Plan? Wenn ja: Linien, Tage, Zeiten, Haltestellen.",
        "als neuen Schritt mit Datum (auch in den anderen Sprachen), dann die Zeile "
        "<!-- offen:buergerbus_heute … --> löschen",
        "text",
        pages=("die Seite jedes Ortes an einer Linie von 2017",),
        templates=(BUERGERBUS_TEMPLATE,),
    ),
    Question(
        "hoster",
        "Bei welchem Anbieter (Hoster) liegt die Website, und wie lange hebt er die Server-Logs auf?",
        "Namen des Hosters und Speicherdauer an die Stelle von {offen:hoster} schreiben",
        "text",
        gap=N_("Den Hoster und die Speicherdauer tragen wir hier ein, sobald sie feststehen."),
    ),
)
BY_KEY = {question.key: question for question in QUESTIONS}


@dataclass(frozen=True)
class OpenQuestion:
    question: str
    answer_goes: str
    pages: tuple[str, ...]
    key: str


def gap_text(key: str, gettext=str) -> str:
    """What a page shows where `{offen:<key>}` stands, in the page's language (`gettext`: its catalogue's)."""
    question = BY_KEY.get(key)
    return gettext(question.gap if question and question.gap else CALL_US)


def site_settings(settings: dict, language: Language) -> dict:
    """The settings of `language`'s site: the main settings with its subsite's (I18N_SUBSITES)."""
    if language.main:
        return settings
    return {**settings, **settings.get("I18N_SUBSITES", {}).get(language.key, {})}


def _page_path(file: ContentFile, settings: dict) -> str:
    """The address of a text, from its kind's URL pattern in its language's site (or its `Save_as:`)."""
    site = site_settings(settings, file.language)
    kind = kind_named(file.kind)
    slug = file.front.value("slug") or file.path.name.split(".")[0]
    save_as = file.front.value("save_as")
    if save_as and not file.is_draft:
        return address_of(file.language.prefix + save_as)
    pattern = kind.draft_url_pattern(site) if file.is_draft else kind.url_pattern(site)
    if not pattern:
        return "(Entwurf)"  # this build writes no page for it
    return "/" + file.language.prefix + pattern.format(slug=slug, lang=file.language.key)


def _files(content: Path, settings: dict) -> list[ContentFile]:
    return read_files(content, settings) if content.is_dir() else []


def marker_places(
    content: Path, settings: dict, texts: list[ContentFile] | None = None
) -> dict[str, list[tuple[str, str]]]:
    """{question key: [(file, address) of every text that still holds its marker]}.

    `texts`: the content folder's texts, if read already.
    """
    found: dict[str, list[tuple[str, str]]] = {}
    for file in _files(content, settings) if texts is None else texts:
        text = file.path.read_text(encoding="utf-8")
        if "offen:" not in text:
            continue
        for match in MARKER.finditer(text):
            key = match.group(1) or match.group(2)
            place = (f"content/{file.relative}", _page_path(file, settings))
            if place not in found.setdefault(key, []):
                found[key].append(place)
    return found


def _template_pages(files: list[ContentFile], settings: dict, templates: tuple[str, ...]) -> list[str]:
    """The addresses of the published texts written with one of `templates`, in every language."""
    pages = [
        _page_path(file, settings)
        for file in files
        if not file.is_draft and file.front.value("template") in templates
    ]
    return sorted(pages, key=partial(_main_language_first, list(table(settings).values())))


def _association_pages(key: str, settings: dict, files: list[ContentFile]) -> tuple[str, ...]:
    templates = tuple(
        template for fields, template in FIELD_TEMPLATES.items() if key in settings.get(fields, ())
    )
    return tuple(_template_pages(files, settings, templates))


def _place_pages(settings: dict, slug: str) -> str:
    """The addresses of a place's page in every language that has place pages."""
    pages = []
    for language in table(settings).values():
        pattern = PLACE.url_pattern(site_settings(settings, language))
        if pattern:
            pages.append("/" + language.prefix + pattern.format(slug=slug))
    return ", ".join(pages)


def _notes(content: Path, settings: dict, files: list[ContentFile]) -> Iterator[OpenQuestion]:
    """Every `note:` in the data files, with its line and the page of what it belongs to."""
    pages = {
        "data/orte.yaml": partial(_place_pages, settings),
        "data/buergerbus.yaml": lambda _slug: ", ".join(
            _template_pages(files, settings, (BUERGERBUS_TEMPLATE,))
        ),
    }
    for name in DATA_FILES:
        path = content / name
        if not path.exists():
            continue
        try:
            root = compose(path.read_text(encoding="utf-8"))
        except yaml.YAMLError:
            continue
        yield from _notes_in(root, f"content/{name}", None, name, pages)


def _scalar(values: dict, key: str) -> str | None:
    value = values.get(key)
    return value.value if isinstance(value, yaml.ScalarNode) else None


def _notes_in(
    node, file_name: str, owner: tuple | None, data_name: str, pages: dict
) -> Iterator[OpenQuestion]:
    """`owner`: (name, slug) of the place or route the node belongs to (the outermost named entry)."""
    if isinstance(node, yaml.MappingNode):
        values = {key.value: value for key, value in node.value if isinstance(key, yaml.ScalarNode)}
        here = owner
        if owner is None and (_scalar(values, "name") or _scalar(values, "slug")):
            here = (_scalar(values, "name") or _scalar(values, "slug"), _scalar(values, "slug"))
        note = values.get("note")
        if isinstance(note, yaml.ScalarNode) and note.value.strip():
            name, slug = here or (None, None)
            # A note on a place: its pages; any other (a route, the places file itself): the Bürgerbus pages.
            page = pages[data_name if slug else DATA_FILES[1]](slug)
            yield OpenQuestion(
                question=f"Notiz{f' zu „{name}“' if name else ''}: {' '.join(note.value.split())}",
                answer_goes=f"{file_name}, Zeile {note.start_mark.line + 1}, Feld „note“ "
                "(klären, die Daten berichtigen, dann die Notiz löschen)",
                pages=(page,),
                key=f"note:{file_name}:{note.start_mark.line + 1}",
            )
        for _key, value in node.value:
            yield from _notes_in(value, file_name, here, data_name, pages)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _notes_in(item, file_name, owner, data_name, pages)


def _main_language_first(languages: list[Language], page: str) -> tuple[int, str]:
    """Sort key: a page's address without its language's folder, the main language's first."""
    language = path_prefix_language(languages, page)
    return (languages.index(language), page.removeprefix("/" + language.prefix.rstrip("/")))


def open_questions(settings: dict, content: Path | None = None) -> list[OpenQuestion]:
    """Every question still open, in the table's order, then the unknown markers, then the notes."""
    content = Path(content or settings.get("PATH", "content"))
    association = settings.get("ASSOCIATION", {})
    texts = _files(content, settings)
    markers = marker_places(content, settings, texts)
    languages = list(table(settings).values())
    result: list[OpenQuestion] = []
    for question in QUESTIONS:
        if question.kind == "association":
            is_open = question.key in association and association[question.key] is None
            pages = _association_pages(question.key, settings, texts)
        elif question.kind == "confirmation":
            entry = association.get(question.key.removesuffix("_confirmed"))
            is_open = isinstance(entry, dict) and not entry.get("confirmed")
            pages = ()
        else:
            places = markers.get(question.key, [])
            is_open = bool(places)
            pages = tuple(page for _file, page in places)
        pages += tuple(_template_pages(texts, settings, question.templates))
        if is_open:
            answer_goes = question.answer_goes
            if question.kind == "text":
                files = ", ".join(sorted({file for file, _page in markers[question.key]}))
                answer_goes = f"{files}: {answer_goes}"
            shows_on = tuple(
                dict.fromkeys(sorted(question.pages + pages, key=partial(_main_language_first, languages)))
            )
            result.append(OpenQuestion(question.question, answer_goes, shows_on, question.key))
    for key, places in markers.items():
        if key not in BY_KEY:
            result.append(
                OpenQuestion(
                    f"Unbekannte Lücke „offen:{key}“ (nicht in lib/bfb_questions/questions.py)",
                    "Frage in QUESTIONS ergänzen oder den Platzhalter im Text berichtigen: "
                    + ", ".join(sorted({file for file, _page in places})),
                    tuple(page for _file, page in places),
                    key,
                )
            )
    result += list(_notes(content, settings, texts))
    return result


def as_text(questions: list[OpenQuestion]) -> str:
    """The list as `invoke fragen` prints it, numbered, German."""
    if not questions:
        return "Keine offenen Fragen."
    lines = [f"{len(questions)} offene Fragen an den Vorstand:", ""]
    for number, question in enumerate(questions, 1):
        lines.append(f"{number}. {question.question}")
        lines.append(f"   Antwort eintragen: {question.answer_goes}")
        if question.pages:
            lines.append(f"   Erscheint auf: {', '.join(question.pages)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
