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
from dataclasses import dataclass, field
from pathlib import Path

import yaml

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
    gap: dict[str, str] = field(default_factory=dict)  # what `{offen:<key>}` shows, per language


CALL_US = {
    "de": "steht hier noch nicht – bitte rufen Sie uns an.",
    "en": "not on this page yet – please call us.",
}
SETTINGS_FILE = "pelicanconf.py"


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
        "als neuen Schritt mit Datum (auch in buergerbus.en.md), dann die Zeile "
        "<!-- offen:buergerbus_heute … --> löschen",
        "text",
        pages=("/buergerbus/", "/en/buergerbus/", "die Seite jedes Ortes an einer Linie von 2017"),
    ),
    Question(
        "hoster",
        "Bei welchem Anbieter (Hoster) liegt die Website, und wie lange hebt er die Server-Logs auf?",
        "Namen des Hosters und Speicherdauer an die Stelle von {offen:hoster} schreiben",
        "text",
        gap={
            "de": "Den Hoster und die Speicherdauer tragen wir hier ein, sobald sie feststehen.",
            "en": "We will add the hosting provider and the retention period here "
            "as soon as they are settled.",
        },
    ),
)
BY_KEY = {question.key: question for question in QUESTIONS}


@dataclass(frozen=True)
class OpenQuestion:
    question: str
    answer_goes: str
    pages: tuple[str, ...]
    key: str


def gap_text(key: str, lang: str) -> str:
    """What a page shows where `{offen:<key>}` stands."""
    question = BY_KEY.get(key)
    texts = question.gap if question and question.gap else CALL_US
    return texts.get(lang) or texts["de"]


def _text_files(content: Path) -> Iterator[Path]:
    for path in sorted(content.rglob("*.md")):
        if not any(part.startswith(".") for part in path.relative_to(content).parts):
            yield path


def _page_path(path: Path, content: Path, settings: dict) -> str:
    """The address of a text, from its folder, file name and `Slug:` (drafts under /entwuerfe/)."""
    text = path.read_text(encoding="utf-8")
    header = text.split("\n\n", 1)[0]
    slug = re.search(r"^Slug:\s*(\S+)", header, re.MULTILINE)
    slug = slug.group(1) if slug else path.stem.split(".")[0]
    english = path.name.endswith(".en.md")
    draft = re.search(r"^Status:\s*draft", header, re.MULTILINE | re.IGNORECASE)
    folder = path.relative_to(content).parts[0]
    if draft:
        return f"/entwuerfe/{'seiten/' if folder == 'seiten' else ''}{slug}/" if not english else "(Entwurf)"
    if folder == "seiten":
        if slug == "start":
            return "/en/" if english else "/"
        return f"{'/en' if english else ''}/{slug}/"
    if folder == "aktuelles":
        return f"/en/news/{slug}/" if english else f"/aktuelles/{slug}/"
    return "/" + str(path.relative_to(content))


def marker_places(content: Path, settings: dict) -> dict[str, list[tuple[str, str]]]:
    """{question key: [(file, address) of every text that still holds its marker]}."""
    found: dict[str, list[tuple[str, str]]] = {}
    for path in _text_files(content):
        text = path.read_text(encoding="utf-8")
        if "offen:" not in text:
            continue
        for match in MARKER.finditer(text):
            key = match.group(1) or match.group(2)
            place = (f"content/{path.relative_to(content).as_posix()}", _page_path(path, content, settings))
            if place not in found.setdefault(key, []):
                found[key].append(place)
    return found


def _association_pages(key: str, settings: dict) -> tuple[str, ...]:
    pages = []
    if key in settings.get("IMPRESSUM_FIELDS", ()):
        pages += ["/impressum/", "/en/impressum/"]
    if key in settings.get("CONTACT_FIELDS", ()):
        pages += ["/kontakt/", "/en/kontakt/"]
    return tuple(pages)


def _notes(content: Path) -> Iterator[OpenQuestion]:
    """Every `note:` in the data files, with its line and the page of what it belongs to."""
    for name in DATA_FILES:
        path = content / name
        if not path.exists():
            continue
        try:
            root = yaml.compose(path.read_text(encoding="utf-8"))
        except yaml.YAMLError:
            continue
        yield from _notes_in(root, f"content/{name}", None, name)


def _scalar(values: dict, key: str) -> str | None:
    value = values.get(key)
    return value.value if isinstance(value, yaml.ScalarNode) else None


def _notes_in(node, file_name: str, owner: tuple | None, data_name: str) -> Iterator[OpenQuestion]:
    """`owner`: (name, slug) of the place or route the node belongs to (the outermost named entry)."""
    if isinstance(node, yaml.MappingNode):
        values = {key.value: value for key, value in node.value if isinstance(key, yaml.ScalarNode)}
        here = owner
        if owner is None and (_scalar(values, "name") or _scalar(values, "slug")):
            here = (_scalar(values, "name") or _scalar(values, "slug"), _scalar(values, "slug"))
        note = values.get("note")
        if isinstance(note, yaml.ScalarNode) and note.value.strip():
            name, slug = here or (None, None)
            page = (
                f"/orte/{slug}/, /en/orte/{slug}/"
                if data_name == "data/orte.yaml" and slug
                else "/buergerbus/, /en/buergerbus/"
            )
            yield OpenQuestion(
                question=f"Notiz{f' zu „{name}“' if name else ''}: {' '.join(note.value.split())}",
                answer_goes=f"{file_name}, Zeile {note.start_mark.line + 1}, Feld „note“ "
                "(klären, die Daten berichtigen, dann die Notiz löschen)",
                pages=(page,),
                key=f"note:{file_name}:{note.start_mark.line + 1}",
            )
        for _key, value in node.value:
            yield from _notes_in(value, file_name, here, data_name)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _notes_in(item, file_name, owner, data_name)


def _german_first(page: str) -> tuple[bool, str]:
    return (page.startswith("/en/"), page.removeprefix("/en"))


def open_questions(settings: dict, content: Path | None = None) -> list[OpenQuestion]:
    """Every question still open, in the table's order, then the unknown markers, then the notes."""
    content = Path(content or settings.get("PATH", "content"))
    association = settings.get("ASSOCIATION", {})
    markers = marker_places(content, settings)
    result: list[OpenQuestion] = []
    for question in QUESTIONS:
        if question.kind == "association":
            is_open = question.key in association and association[question.key] is None
            pages = _association_pages(question.key, settings)
        elif question.kind == "confirmation":
            entry = association.get(question.key.removesuffix("_confirmed"))
            is_open = isinstance(entry, dict) and not entry.get("confirmed")
            pages = ()
        else:
            places = markers.get(question.key, [])
            is_open = bool(places)
            pages = tuple(page for _file, page in places)
        if is_open:
            answer_goes = question.answer_goes
            if question.kind == "text":
                files = ", ".join(sorted({file for file, _page in markers[question.key]}))
                answer_goes = f"{files}: {answer_goes}"
            shows_on = tuple(dict.fromkeys(sorted(question.pages + pages, key=_german_first)))
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
    result += list(_notes(content))
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
