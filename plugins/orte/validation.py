"""Check the data file's places and turn them into `PlaceRecord`s; find every mistake in one pass.

Each mistake becomes a `bfb_errors.Problem` naming the line, the place and the field, what was
expected and how to fix it. Validation happens here, once; the rest of the plugin trusts the model.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from bfb_contents.front_matter import field_line, read_front_matter
from bfb_errors import Problem
from bfb_formats.partial_dates import parse_partial_date
from bfb_languages import Language
from bfb_text.slugs import german_slugify
from bfb_yaml.loader import LocatedList, LocatedMap

from .model import (
    ACTORS,
    KINDS,
    KINDS_WITH_PARENT,
    MEASURE_TYPES,
    STAGES,
    Contact,
    Coordinates,
    Measure,
    PartialDate,
    PlaceRecord,
    RecordedStatus,
    Source,
    Text,
)
from .terms import place_languages


@dataclass(frozen=True)
class Area:
    """A box of WGS84 coordinates that every place must lie in."""

    lat_min: float
    lat_max: float
    lon_min: float
    lon_max: float

    def contains(self, lat: float, lon: float) -> bool:
        return self.lat_min <= lat <= self.lat_max and self.lon_min <= lon <= self.lon_max


# A generous box around the Verbandsgemeinde Daun: a typo (6.91 → 9.61) or swapped
# latitude and longitude lands far outside it.
VG_DAUN_AREA = Area(lat_min=50.05, lat_max=50.30, lon_min=6.65, lon_max=7.00)

PLACE_FIELDS = (
    "name",
    "slug",
    "kind",
    "part_of",
    "lat",
    "lon",
    "population",
    "population_date",
    "status",
    "measures",
    "contact",
    "website",
    "note",
)
MEASURE_FIELDS = (
    "type",
    "actor",
    "date",
    "title",
    "description",
    "source",
    "note",
)
# A step's translation, under its language's key of SITE_LANGUAGES (`en:`): the same texts.
TRANSLATION_FIELDS = ("title", "description")
SOURCE_FIELDS = ("publisher", "title", "date", "url")
STATUS_FIELDS = ("stage", "decided_by", "date")
CONTACT_FIELDS = ("role", "address", "link")
FIRST_PLAUSIBLE_YEAR = 1990
SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# A link from the data file: http(s) only (no "javascript:", "data:" or "file:"), a host, and
# none of the characters that could end an HTML attribute or are never part of an address.
LINK_PATTERN = re.compile(r"https?://[^\s/?#\"'<>`\\]+[^\s\"'<>`\\]*")
# How editors write a date that is not a full day: "2017", "2017-03", "um 2017".
DRAFT_ONLY_KEYS = ("part_of", "part_of_line", "valid")


def suggestion(value: object, options) -> str:
    """Return ' Meinten Sie „x“?' for the closest option, or ''."""
    matches = difflib.get_close_matches(str(value), [str(option) for option in options], n=1, cutoff=0.6)
    return f" Meinten Sie „{matches[0]}“?" if matches else ""


def listing(options) -> str:
    return ", ".join(f"„{option}“" for option in options)


def plausible_years(today: dt.date | None = None) -> range:
    """Years a measure can have: from 1990 up to next year (planned measures)."""
    today = today or dt.date.today()
    return range(FIRST_PLAUSIBLE_YEAR, today.year + 2)


class _Checker:
    """Reads fields of one YAML mapping, recording a Problem for each bad one."""

    def __init__(self, path: Path, mapping: LocatedMap, subject: str, problems: list[Problem]):
        self.path = path
        self.mapping = mapping
        self.subject = subject
        self.problems = problems

    def problem(self, key: str | None, message: str, fix: str, detail: str, *, code: str) -> None:
        line = self.mapping.line_of(key) if key else self.mapping.line
        subject = f"{self.subject}, Feld „{key}“" if key else self.subject
        self.problems.append(
            Problem(self.path, line, message, fix, detail=detail, subject=subject, code=code)
        )

    def check_keys(self, allowed: tuple[str, ...]) -> None:
        for key, line in self.mapping.duplicate_keys:
            self.problems.append(
                Problem(
                    self.path,
                    line,
                    f"Das Feld „{key}“ steht hier zweimal.",
                    "Eine der beiden Zeilen löschen.",
                    detail=f"duplicate key {key!r}",
                    subject=f"{self.subject}, Feld „{key}“",
                    code="place-field-twice",
                )
            )
        for key in self.mapping:
            if key not in allowed:
                self.problem(
                    key,
                    f"Unbekanntes Feld „{key}“.{suggestion(key, allowed)}",
                    f"Den Feldnamen korrigieren oder die Zeile löschen. Erlaubt sind: {listing(allowed)}.",
                    f"unknown key {key!r}",
                    code="place-field-unknown",
                )

    def nested(
        self, key: str, subject: str, allowed: tuple[str, ...], message: str, fix: str
    ) -> _Checker | None:
        """A checker for the mapping under `key` (keys checked); None if it is absent or no mapping."""
        value = self.mapping.get(key)
        if value is None:
            return None
        if not isinstance(value, LocatedMap):
            self.problem(
                key,
                message.format(value=value),
                fix,
                f"{key} must be a mapping of {', '.join(allowed)}",
                code="place-field-not-a-mapping",
            )
            return None
        inner = _Checker(self.path, value, f"{self.subject}, {subject}", self.problems)
        inner.check_keys(allowed)
        return inner

    def required(self, key: str):
        value = self.mapping.get(key)
        if value is None or value == "":
            self.problem(
                None,
                f"Das Pflichtfeld „{key}“ fehlt oder ist leer.",
                f"Eine Zeile „{key}: …“ ergänzen (siehe Anleitung oben in der Datei).",
                f"missing required field {key!r}",
                code="place-field-missing",
            )
            return None
        return value

    def text(self, key: str, required: bool = False) -> str:
        value = self.required(key) if required else self.mapping.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.problem(
                key,
                f"„{key}“ muss ein Text sein, nicht „{value}“.",
                'Den Text in Anführungszeichen setzen, z. B. „title: "Ja"“.',
                f"expected a string, got {type(value).__name__}",
                code="place-field-not-text",
            )
            return ""
        return value.strip()

    def choice(self, key: str, vocabulary: dict, required: bool = True) -> str:
        value = self.required(key) if required else self.mapping.get(key)
        if value is None:
            return ""
        if value not in vocabulary:
            self.problem(
                key,
                f"Unbekannter Wert „{value}“ für „{key}“.{suggestion(value, vocabulary)}",
                f"Einen dieser Werte eintragen: {listing(vocabulary)}.",
                f"{value!r} is not one of {sorted(vocabulary)}",
                code="place-value-unknown",
            )
            return ""
        return value

    def number(self, key: str) -> float | None:
        value = self.mapping.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(
                key,
                f"„{key}“ muss eine Zahl mit Dezimalpunkt sein, nicht „{value}“.",
                "Die Zahl mit Punkt schreiben, z. B. „50.1297“.",
                f"expected a number, got {type(value).__name__}",
                code="place-field-not-a-number",
            )
            return None
        return float(value)

    def link(self, key: str, required: bool = False) -> str:
        value = self.text(key, required=required)
        if value and not LINK_PATTERN.fullmatch(value):
            self.problem(
                key,
                f"„{value}“ ist keine erlaubte Internetadresse.",
                "Die vollständige Adresse eintragen, beginnend mit „https://“ (oder „http://“), ohne "
                "Leerzeichen und Anführungszeichen – am besten aus der Adresszeile des Browsers kopieren.",
                "expected an http(s):// URL without spaces or quotes",
                code="place-link-not-http",
            )
            return ""
        return value

    def date(self, key: str, required: bool = False) -> PartialDate | None:
        """Read "2017-03-07", "2017-03", "2017" or "um 2017" (a year the source lets one infer)."""
        value = self.required(key) if required else self.mapping.get(key)
        if value is None:
            return None
        date = parse_partial_date(value)
        years = plausible_years()
        if date is None or date.year not in years:
            self.problem(
                key,
                f"„{value}“ ist kein gültiges Datum.",
                "So genau schreiben, wie die Quelle es sagt: „2017-03-07“ (Tag), „2017-03“ (Monat), "
                f"„2017“ (Jahr) oder „um 2017“ (Jahr nur erschlossen); Jahre von {years.start} "
                f"bis {years.stop - 1}. Ist das Datum unklar, die Zeile weglassen.",
                "expected YYYY-MM-DD, YYYY-MM, YYYY or 'um YYYY' in a plausible year",
                code="place-date-invalid",
            )
            return None
        return date


def validate_places(
    data: object, path: Path, languages: dict[str, Language], area: Area = VG_DAUN_AREA
) -> tuple[list[PlaceRecord], list]:
    """Return the places of the data file and every problem found in it.

    `languages`: the site's table (bfb_languages.table); a step's translations are valid
    under the key of every language but the main one that shows place pages.
    """
    problems: list[Problem] = []
    if not isinstance(data, LocatedList) or not data:
        problems.append(
            Problem(
                path,
                getattr(data, "line", None),
                "Die Datei enthält keine Liste von Orten.",
                "Jeden Ort mit „- name: …“ beginnen, wie in der Anleitung oben in der Datei.",
                detail=f"expected a non-empty YAML list, got {type(data).__name__}",
                code="places-not-a-list",
            )
        )
        return [], problems
    drafts = []
    for item, line in zip(data, data.item_lines, strict=True):
        if not isinstance(item, LocatedMap):
            problems.append(
                Problem(
                    path,
                    line,
                    "Dieser Eintrag ist kein Ort mit Feldern.",
                    "Den Eintrag wie die anderen schreiben: „- name: …“, darunter eingerückt die Felder.",
                    detail=f"expected a mapping, got {type(item).__name__}",
                    code="place-not-a-mapping",
                )
            )
            continue
        drafts.append(_read_place(item, path, area, languages, problems))
    records = _resolve_references([draft for draft in drafts if draft["name"]], path, problems)
    return records, problems


def _read_place(
    mapping: LocatedMap, path: Path, area: Area, languages: dict[str, Language], problems: list[Problem]
) -> dict:
    """Return the place's fields as read; `valid` is False if any of them had a problem."""
    name = mapping.get("name")
    subject = name if isinstance(name, str) and name.strip() else f"Ort in Zeile {mapping.line}"
    check = _Checker(path, mapping, subject, problems)
    before = len(problems)
    check.check_keys(PLACE_FIELDS)
    name = check.text("name", required=True)
    slug = check.text("slug", required=True)
    if slug and not SLUG_PATTERN.fullmatch(slug):
        check.problem(
            "slug",
            f"„{slug}“ ist als Adresse (slug) nicht erlaubt.",
            "Nur Kleinbuchstaben a–z, Ziffern und Bindestriche verwenden, "
            f"z. B. „{german_slugify(name or slug)}“.",
            "slug must match [a-z0-9-]",
            code="place-slug-form",
        )
    place = {
        "name": name,
        "slug": slug,
        "line": mapping.line,
        "kind": check.choice("kind", KINDS),
        "status": _read_status(check),
        "part_of": check.text("part_of") or None,
        "part_of_line": mapping.line_of("part_of"),
        "coordinates": _read_coordinates(check, area),
        "website": check.link("website"),
        "contact": _read_contact(check),
        "measures": _read_measures(check, languages),
        "note": check.text("note"),
    }
    place.update(_read_population(check))
    place["valid"] = len(problems) == before
    return place


def _read_coordinates(check: _Checker, area: Area) -> Coordinates | None:
    lat, lon = check.number("lat"), check.number("lon")
    if ("lat" in check.mapping) != ("lon" in check.mapping):
        missing = "lon" if "lat" in check.mapping else "lat"
        check.problem(
            None,
            f"Es gibt nur eine der beiden Koordinaten, „{missing}“ fehlt.",
            "Beide Felder „lat“ und „lon“ angeben – oder beide weglassen, wenn sie nicht bekannt sind.",
            f"{missing!r} missing",
            code="place-coordinate-missing",
        )
        return None
    if lat is None or lon is None:
        return None
    if not area.contains(lat, lon):
        check.problem(
            "lat",
            f"Die Koordinaten {lat}, {lon} liegen außerhalb der Verbandsgemeinde Daun.",
            f"Breite („lat“) zwischen {area.lat_min} und {area.lat_max}, Länge („lon“) zwischen "
            f"{area.lon_min} und {area.lon_max} eintragen; sind „lat“ und „lon“ vertauscht?",
            f"({lat}, {lon}) outside {area}",
            code="place-outside-area",
        )
        return None
    return Coordinates(lat, lon)


def _read_population(check: _Checker) -> dict:
    population, date = check.mapping.get("population"), check.mapping.get("population_date")
    if population is None and date is None:
        return {}
    if population is None:
        check.problem(
            "population_date",
            "Zum Datum „population_date“ fehlt die Einwohnerzahl „population“.",
            "Eine Zeile „population: …“ ergänzen oder das Datum löschen.",
            "population_date without population",
            code="place-population-missing",
        )
        return {}
    if isinstance(population, bool) or not isinstance(population, int) or population <= 0:
        check.problem(
            "population" if population is not None else None,
            f"Die Einwohnerzahl muss eine ganze Zahl größer 0 sein, nicht „{population}“.",
            "Die Zahl ohne Punkt und Leerzeichen schreiben, z. B. „population: 1430“.",
            "population must be a positive integer",
            code="place-population-not-a-number",
        )
        return {}
    if not isinstance(date, dt.date) or isinstance(date, dt.datetime):
        check.problem(
            "population_date" if date is not None else None,
            f"Zur Einwohnerzahl fehlt das Datum, auf das sie sich bezieht (steht da: „{date}“).",
            "Das Datum im Format JJJJ-MM-TT angeben, z. B. „population_date: 2021-12-31“.",
            "population_date must be a YAML date",
            code="place-population-date-invalid",
        )
        return {}
    return {"population": population, "population_date": date}


def _read_status(check: _Checker) -> RecordedStatus | None:
    """A recorded status needs its stage, who decided it and when; no status means unknown."""
    before = len(check.problems)
    inner = check.nested(
        "status",
        "Stand",
        STATUS_FIELDS,
        "Ein Stand („{value}“) braucht die Angabe, wer ihn festgestellt hat und wann.",
        "Den Stand so eintragen (eingerückt unter „status:“): „stage: erste-schritte“, "
        "„decided_by: Vorstand“ und „date: 2026-11“. Ist der Stand nicht festgestellt, "
        "die Zeile „status:“ löschen – dann zeigt die Seite des Ortes keinen Stand.",
    )
    if inner is None:
        return None
    stage = inner.choice("stage", STAGES)
    decided_by = inner.text("decided_by", required=True)
    date = inner.date("date", required=True)
    if len(check.problems) > before:
        return None
    return RecordedStatus(stage=stage, decided_by=decided_by, date=date)


def _items(
    check: _Checker, key: str, what: str, fix: str, single: bool = False
) -> list[tuple[LocatedMap | None, int, int]]:
    """(mapping or None, line, number) for each item of the list `key`; a lone mapping if `single`."""
    value = check.mapping.get(key)
    if value is None:
        return []
    if isinstance(value, LocatedMap) and single:
        return [(value, value.line, 1)]
    if not isinstance(value, LocatedList):
        check.problem(
            key,
            f"„{key}“ muss {what} sein.",
            fix,
            f"{key} must be a list or mapping",
            code="place-field-not-a-list",
        )
        return []
    return [
        (item if isinstance(item, LocatedMap) else None, line, number)
        for number, (item, line) in enumerate(zip(value, value.item_lines, strict=True), start=1)
    ]


def _read_measures(check: _Checker, languages: dict[str, Language]) -> tuple[Measure, ...]:
    items = _items(
        check,
        "measures",
        "eine Liste",
        "Jede Maßnahme in einer eigenen Zeile mit „- type: …“ beginnen (oder „measures: []“ für keine).",
    )
    measures = []
    for item, line, number in items:
        subject = f"{check.subject}, Maßnahme {number}"
        if item is None:
            check.problems.append(
                Problem(
                    check.path,
                    line,
                    "Diese Maßnahme hat keine Felder.",
                    "Die Maßnahme mit „- type: …“ beginnen und „title“ und „source“ darunter einrücken.",
                    detail="measure must be a mapping",
                    subject=subject,
                    code="measure-not-a-mapping",
                )
            )
            continue
        measure = _read_measure(_Checker(check.path, item, subject, check.problems), languages)
        if measure:
            measures.append(measure)
    return tuple(measures)


def _read_measure(check: _Checker, languages: dict[str, Language]) -> Measure | None:
    before = len(check.problems)
    translations, language_keys = _read_translations(check, languages)
    check.check_keys(MEASURE_FIELDS + language_keys)
    kind = check.choice("type", MEASURE_TYPES)
    actors = _read_actors(check)
    title = check.text("title", required=True)
    fields = {key: check.text(key) for key in ("description", "note")}
    date = check.date("date")
    sources = _read_sources(check)
    if len(check.problems) > before:
        return None
    return Measure(
        type=kind,
        actors=actors,
        title=title,
        date=date,
        sources=sources,
        translations=translations,
        line=check.mapping.line,
        **fields,
    )


def _read_translations(
    check: _Checker, languages: dict[str, Language]
) -> tuple[tuple[tuple[str, Text], ...], tuple[str, ...]]:
    """The step's translations, and every key this read as a language (checked here, not as a field).

    A key of a language that shows place pages holds its texts; the main language's key, a
    language without place pages and a mapping under an unknown key (`fr:` while the table has
    no "fr") are refused, each with its own code. Any other unknown key – also a mapping under
    a misspelt field (`sorce:`) – is left to check_keys, which suggests the field.
    """
    translations, keys = [], []
    shown = place_languages(languages)
    for key, value in check.mapping.items():
        looks_like_texts = isinstance(value, LocatedMap) and not suggestion(key, MEASURE_FIELDS)
        if key in MEASURE_FIELDS or not (key in languages or looks_like_texts):
            continue
        keys.append(key)
        if key in shown and not languages[key].main:
            inner = check.nested(
                key,
                f"Texte „{key}“",
                TRANSLATION_FIELDS,
                "Unter „" + key + ":“ stehen die Texte eingerückt, nicht „{value}“.",
                f"Eingerückt unter „{key}:“ „title: …“ und (wenn es eine Beschreibung gibt) "
                "„description: …“ schreiben.",
            )
            if inner is not None:
                text = Text(inner.text("title", required=True), inner.text("description"))
                translations.append((key, text))
            continue
        message, fix, detail, code = _refused_language(key, languages)
        check.problem(key, message, fix, detail, code=code)
    return tuple(translations), tuple(keys)


def _refused_language(key: str, languages: dict[str, Language]) -> tuple[str, str, str, str]:
    """(message, fix, detail, code) for texts under a language key that cannot hold them."""
    shown = [found for found in place_languages(languages).values() if not found.main]
    where = ", ".join(f"„{found.key}“ ({found.label})" for found in shown) or "keine"
    if key in languages and languages[key].main:
        return (
            f"Die Texte in der Hauptsprache „{languages[key].label}“ stehen direkt bei der Maßnahme, "
            f"nicht unter „{key}:“.",
            f"„title“ und „description“ eine Stufe weniger eingerückt schreiben und die Zeile „{key}:“ "
            f"löschen. Unter einem Sprachkürzel stehen nur Übersetzungen: {where}.",
            f"texts under the main language's key {key!r}",
            "place-text-main-language",
        )
    if key in languages:
        return (
            f"Die Sprache „{languages[key].label}“ („{key}“) hat keine Ortsseiten; diese Texte "
            "erschienen nirgends.",
            f"Den Block „{key}:“ löschen. Übersetzungen für die Ortsseiten stehen unter: {where}.",
            f"language {key!r} shows no place pages (own_texts_only)",
            "place-text-language-without-places",
        )
    return (
        f"„{key}“ ist keine Sprache dieser Website.{suggestion(key, [found.key for found in shown])}",
        f"Übersetzungen stehen unter dem Kürzel ihrer Sprache aus SITE_LANGUAGES in pelicanconf.py: "
        f"{where}. Das Kürzel korrigieren – oder die Sprache erst dort eintragen.",
        f"translation under unknown language key {key!r}",
        "place-text-language-unknown",
    )


ACTOR_FIX = (
    "Unter der Maßnahme eintragen, wer den Schritt gemacht hat, z. B. „actor: ortsgemeinde“; "
    "waren es mehrere: „actor: [ortsgemeinde, verbandsgemeinde]“. Erlaubt sind: {options}. "
    "Waren wir es nicht, bitte nie „buerger-fuer-buerger“ eintragen."
)


def _read_actors(check: _Checker) -> tuple[str, ...]:
    """Who took the step: one key of ACTORS, or a list of them. Required on every measure."""
    value = check.mapping.get("actor")
    fix = ACTOR_FIX.format(options=listing(ACTORS))
    if value in (None, "", []):
        check.problem(
            None,
            "Bei der Maßnahme fehlt, wer sie gemacht hat (Feld „actor“).",
            fix,
            "measure without actor",
            code="actor-missing",
        )
        return ()
    written = value if isinstance(value, list) else [value]
    actors = []
    for actor in written:
        if not isinstance(actor, str) or actor not in ACTORS:
            check.problem(
                "actor",
                f"Unbekannter Wert „{actor}“ für „actor“.{suggestion(actor, ACTORS)}",
                fix,
                f"unknown actor {actor!r}",
                code="actor-unknown",
            )
            continue
        if actor not in actors:
            actors.append(actor)
    return tuple(actors)


SOURCE_EXAMPLE = (
    "Unter der Maßnahme eintragen, wo sie öffentlich nachzulesen ist:\n"
    "      source:\n"
    "        publisher: Trierischer Volksfreund\n"
    "        title: Überschrift des Artikels\n"
    "        date: 2017-03\n"
    "        url: https://www.volksfreund.de/…\n"
    "    („date“ nur, wenn bekannt). Ohne Quelle kann die Maßnahme nicht auf die Website."
)


def _read_sources(check: _Checker) -> tuple[Source, ...]:
    """Every measure needs at least one source: publisher, title, address, date where known."""
    if check.mapping.get("source") in (None, "", []):
        check.problem(
            None,
            "Die Maßnahme hat keine Quelle („source“).",
            SOURCE_EXAMPLE,
            "measure without source",
            code="measure-without-source",
        )
        return ()
    sources = []
    items = _items(check, "source", "eine Quelle mit eingerückten Feldern", SOURCE_EXAMPLE, single=True)
    for item, line, number in items:
        subject = f"{check.subject}, Quelle {number}" if len(items) > 1 else f"{check.subject}, Quelle"
        if item is None:
            check.problems.append(
                Problem(
                    check.path,
                    line,
                    "Diese Quelle hat keine Felder.",
                    SOURCE_EXAMPLE,
                    detail="source must be a mapping",
                    subject=subject,
                    code="source-not-a-mapping",
                )
            )
            continue
        inner = _Checker(check.path, item, subject, check.problems)
        before = len(check.problems)
        inner.check_keys(SOURCE_FIELDS)
        source = Source(
            publisher=inner.text("publisher", required=True),
            title=inner.text("title", required=True),
            url=inner.link("url", required=True),
            date=inner.date("date"),
        )
        if len(check.problems) == before:
            sources.append(source)
    return tuple(sources)


def _read_contact(check: _Checker) -> Contact | None:
    before = len(check.problems)
    inner = check.nested(
        "contact",
        "Kontakt",
        CONTACT_FIELDS,
        "„contact“ muss die Felder „role“ und „address“ oder „link“ haben.",
        "Die Felder eingerückt unter „contact:“ schreiben, wie in der Anleitung oben in der Datei.",
    )
    if inner is None:
        return None
    role = inner.text("role", required=True)
    address, link = inner.text("address"), inner.link("link")
    if not (address or link) and "link" not in inner.mapping:
        inner.problem(
            None,
            "Beim Kontakt fehlt, wie man ihn erreicht.",
            "„address“ (eine öffentliche Anschrift) oder „link“ (eine Internetadresse) ergänzen.",
            "contact needs address or link",
            code="contact-unreachable",
        )
    if len(check.problems) > before:
        return None
    return Contact(role=role, address=address, link=link)


def _resolve_references(drafts: list[dict], path: Path, problems: list[Problem]) -> list[PlaceRecord]:
    """Check names and slugs are unique and `part_of` names a place; build the records."""
    by_name: dict[str, dict] = {}
    by_slug: dict[str, dict] = {}
    for draft in drafts:
        for key, index in (("name", by_name), ("slug", by_slug)):
            first = index.setdefault(draft[key], draft)
            if first is not draft:
                problems.append(
                    Problem(
                        path,
                        draft["line"],
                        f"Der {'Name' if key == 'name' else 'slug'} „{draft[key]}“ kommt doppelt vor "
                        f"(zuerst in Zeile {first['line']}).",
                        "Jeden Ort nur einmal eintragen; jeder Ort braucht einen eigenen „slug“.",
                        detail=f"duplicate {key} {draft[key]!r}",
                        subject=f"{draft['name']}, Feld „{key}“",
                        code="place-twice",
                    )
                )
    parents = {id(draft): _parent_slug(draft, by_name, by_slug, path, problems) for draft in drafts}
    in_cycle = _part_of_cycles(drafts, parents, by_slug, path, problems)
    records = []
    for draft in drafts:
        if draft["valid"] and id(draft) not in in_cycle:
            fields = {key: value for key, value in draft.items() if key not in DRAFT_ONLY_KEYS}
            records.append(PlaceRecord(**fields, part_of=parents[id(draft)]))
    return records


def _part_of_cycles(drafts: list[dict], parents: dict, by_slug: dict, path: Path, problems: list) -> set[int]:
    """Report each `part_of` loop once (A belongs to B, B to A); return the ids of the places in one."""
    in_cycle: set[int] = set()
    for draft in drafts:
        chain, current = [], draft
        while current is not None and id(current) not in in_cycle and id(current) not in map(id, chain):
            chain.append(current)
            current = by_slug.get(parents[id(current)]) if parents[id(current)] else None
        if current is None or id(current) in in_cycle:
            continue
        loop = chain[[id(member) for member in chain].index(id(current)) :]
        in_cycle.update(id(member) for member in loop)
        names = " → ".join(member["name"] for member in [*loop, loop[0]])
        first = min(loop, key=lambda member: member["part_of_line"])
        problems.append(
            Problem(
                path,
                first["part_of_line"],
                f"„part_of“ bildet einen Kreis: {names}. Ein Ort kann nicht zu sich selbst gehören.",
                "Bei dem Ort, der zu keinem anderen gehört (z. B. der Stadt), die Zeile „part_of“ löschen.",
                detail="part_of cycle: " + " -> ".join(member["slug"] for member in [*loop, loop[0]]),
                subject=f"{first['name']}, Feld „part_of“",
                code="place-part-of-cycle",
            )
        )
    return in_cycle


def _parent_slug(draft: dict, by_name: dict, by_slug: dict, path: Path, problems: list) -> str | None:
    reference = draft["part_of"]
    subject = f"{draft['name']}, Feld „part_of“"
    if reference is None:
        if draft["kind"] in KINDS_WITH_PARENT:
            problems.append(
                Problem(
                    path,
                    draft["line"],
                    f"Ein {draft['kind']} braucht das Feld „part_of“ (zu welchem Ort er gehört).",
                    "Eine Zeile „part_of: Daun“ (den Namen des Ortes) ergänzen.",
                    detail="missing required field 'part_of'",
                    subject=subject,
                    code="place-part-of-missing",
                )
            )
        return None
    parent = by_name.get(reference) or by_slug.get(reference)
    if parent is None or parent is draft:
        problems.append(
            Problem(
                path,
                draft["part_of_line"],
                f"„part_of“ nennt „{reference}“, aber diesen Ort gibt es in der Datei nicht."
                f"{suggestion(reference, by_name)}",
                "Den Namen genau so schreiben wie beim „name“ des übergeordneten Ortes.",
                detail=f"part_of {reference!r} is not a known place",
                subject=subject,
                code="place-part-of-unknown",
            )
        )
        return None
    return parent["slug"]


def written_slugs(data: object) -> set[str] | None:
    """The slugs written in the data, valid or not; None if the data is no list of places."""
    if not isinstance(data, list):
        return None
    return {item["slug"] for item in data if isinstance(item, dict) and isinstance(item.get("slug"), str)}


def parse_place_list(value: object) -> tuple[str, ...]:
    """Return the slugs of an `Orte:` metadata value ("gillenfeld, mehren" or a list)."""
    items = value if isinstance(value, list | tuple) else str(value).split(",")
    return tuple(slug for slug in (str(item).strip() for item in items) if slug)


def metadata_line(path: str | Path, key: str) -> int | None:
    """Return the line of the metadata field `key` in a Markdown file (for messages only)."""
    return field_line(path, key)


def metadata_value(path: str | Path, key: str) -> str | None:
    """Return the value of the metadata field `key` in a Markdown file's header, or None."""
    front = read_front_matter(path)
    return None if front is None else front.value(key.lower())


def check_place_references(references: dict[str, object], known_slugs) -> list[Problem]:
    """Return a Problem for each place slug named in content metadata that is not a known place.

    `references` maps a content file's path to its raw `Orte:` value. The one check of
    `Orte:` (the content check leaves it to this plugin, which knows the places).
    """
    problems = []
    for source_path, value in sorted(references.items()):
        for slug in parse_place_list(value):
            if slug not in known_slugs:
                problems.append(
                    Problem(
                        source_path,
                        metadata_line(source_path, "orte"),
                        f"„Orte:“ nennt „{slug}“, aber diesen Ort gibt es nicht."
                        f"{suggestion(slug, known_slugs)}",
                        place_reference_fix(slug, known_slugs),
                        detail=f"unknown place slug {slug!r} in metadata 'Orte'",
                        subject=f"Feld „Orte“, Ort „{slug}“",
                        code="news-place-unknown",
                    )
                )
    return problems


def place_reference_fix(written: str, known_slugs) -> str:
    """How to name the place: its slug if `written` is the name ("Mehren"), else where slugs are."""
    slug = german_slugify(written)
    if slug != written and slug in known_slugs:
        return f"„{slug}“ schreiben (die Kurzform aus der Orte-Liste)."
    return (
        "Den slug des Ortes aus content/data/orte.yaml eintragen (kleingeschrieben, "
        "z. B. „gillenfeld“ oder „winkel-eifel“), mehrere durch Komma getrennt."
    )
