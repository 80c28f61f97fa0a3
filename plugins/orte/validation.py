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
from bfb_slugs import german_slugify

from .loader import LocatedList, LocatedMap
from .model import (
    KINDS,
    KINDS_WITH_PARENT,
    MEASURE_TYPES,
    STAGES,
    Contact,
    Coordinates,
    Measure,
    PlaceRecord,
)


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
)
MEASURE_FIELDS = ("type", "year", "title", "description")
CONTACT_FIELDS = ("role", "address", "link")
FIRST_PLAUSIBLE_YEAR = 1990
SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
LINK_PATTERN = re.compile(r"(https?://|mailto:)\S+")
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

    def problem(self, key: str | None, message: str, fix: str, detail: str) -> None:
        line = self.mapping.line_of(key) if key else self.mapping.line
        subject = f"{self.subject}, Feld „{key}“" if key else self.subject
        self.problems.append(Problem(self.path, line, message, fix, detail=detail, subject=subject))

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
                )
            )
        for key in self.mapping:
            if key not in allowed:
                self.problem(
                    key,
                    f"Unbekanntes Feld „{key}“.{suggestion(key, allowed)}",
                    f"Den Feldnamen korrigieren oder die Zeile löschen. Erlaubt sind: {listing(allowed)}.",
                    f"unknown key {key!r}",
                )

    def required(self, key: str):
        value = self.mapping.get(key)
        if value is None or value == "":
            self.problem(
                None,
                f"Das Pflichtfeld „{key}“ fehlt oder ist leer.",
                f"Eine Zeile „{key}: …“ ergänzen (siehe Anleitung oben in der Datei).",
                f"missing required field {key!r}",
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
            )
            return None
        return float(value)

    def link(self, key: str) -> str:
        value = self.text(key)
        if value and not LINK_PATTERN.fullmatch(value):
            self.problem(
                key,
                f"„{value}“ ist keine vollständige Adresse.",
                "Die Adresse mit „https://“ (oder eine E-Mail-Adresse mit „mailto:“) beginnen.",
                "expected an http(s):// or mailto: URL",
            )
            return ""
        return value


def validate_places(data: object, path: Path, area: Area = VG_DAUN_AREA) -> tuple[list[PlaceRecord], list]:
    """Return the places of the data file and every problem found in it."""
    problems: list[Problem] = []
    if not isinstance(data, LocatedList) or not data:
        problems.append(
            Problem(
                path,
                getattr(data, "line", None),
                "Die Datei enthält keine Liste von Orten.",
                "Jeden Ort mit „- name: …“ beginnen, wie in der Anleitung oben in der Datei.",
                detail=f"expected a non-empty YAML list, got {type(data).__name__}",
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
                )
            )
            continue
        drafts.append(_read_place(item, path, area, problems))
    records = _resolve_references([draft for draft in drafts if draft["name"]], path, problems)
    return records, problems


def _read_place(mapping: LocatedMap, path: Path, area: Area, problems: list[Problem]) -> dict:
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
        )
    place = {
        "name": name,
        "slug": slug,
        "line": mapping.line,
        "kind": check.choice("kind", KINDS),
        "status": check.choice("status", STAGES),
        "part_of": check.text("part_of") or None,
        "part_of_line": mapping.line_of("part_of"),
        "coordinates": _read_coordinates(check, area),
        "website": check.link("website"),
        "contact": _read_contact(check),
        "measures": _read_measures(check),
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
        )
        return {}
    if isinstance(population, bool) or not isinstance(population, int) or population <= 0:
        check.problem(
            "population" if population is not None else None,
            f"Die Einwohnerzahl muss eine ganze Zahl größer 0 sein, nicht „{population}“.",
            "Die Zahl ohne Punkt und Leerzeichen schreiben, z. B. „population: 1430“.",
            "population must be a positive integer",
        )
        return {}
    if not isinstance(date, dt.date) or isinstance(date, dt.datetime):
        check.problem(
            "population_date" if date is not None else None,
            f"Zur Einwohnerzahl fehlt das Datum, auf das sie sich bezieht (steht da: „{date}“).",
            "Das Datum im Format JJJJ-MM-TT angeben, z. B. „population_date: 2021-12-31“.",
            "population_date must be a YAML date",
        )
        return {}
    return {"population": population, "population_date": date}


def _read_measures(check: _Checker) -> tuple[Measure, ...]:
    value = check.mapping.get("measures")
    if value is None:
        return ()
    if not isinstance(value, LocatedList):
        check.problem(
            "measures",
            "„measures“ muss eine Liste sein.",
            "Jede Maßnahme in einer eigenen Zeile mit „- type: …“ beginnen (oder „measures: []“ für keine).",
            "measures must be a list",
        )
        return ()
    measures = []
    for number, (item, line) in enumerate(zip(value, value.item_lines, strict=True), start=1):
        subject = f"{check.subject}, Maßnahme {number}"
        if not isinstance(item, LocatedMap):
            check.problems.append(
                Problem(
                    check.path,
                    line,
                    "Diese Maßnahme hat keine Felder.",
                    "Die Maßnahme mit „- type: …“ beginnen und „year“ und „title“ darunter einrücken.",
                    detail="measure must be a mapping",
                    subject=subject,
                )
            )
            continue
        measure = _read_measure(_Checker(check.path, item, subject, check.problems))
        if measure:
            measures.append(measure)
    return tuple(measures)


def _read_measure(check: _Checker) -> Measure | None:
    before = len(check.problems)
    check.check_keys(MEASURE_FIELDS)
    kind = check.choice("type", MEASURE_TYPES)
    title = check.text("title", required=True)
    description = check.text("description")
    year = check.required("year")
    years = plausible_years()
    if year is not None and (isinstance(year, bool) or not isinstance(year, int) or year not in years):
        check.problem(
            "year",
            f"„{year}“ ist kein plausibles Jahr.",
            f"Das Jahr vierstellig angeben, zwischen {years.start} und {years.stop - 1}, z. B. „year: 2024“.",
            f"year must be an integer in {years.start}..{years.stop - 1}",
        )
    if len(check.problems) > before:
        return None
    return Measure(type=kind, year=year, title=title, description=description)


def _read_contact(check: _Checker) -> Contact | None:
    value = check.mapping.get("contact")
    if value is None:
        return None
    if not isinstance(value, LocatedMap):
        check.problem(
            "contact",
            "„contact“ muss die Felder „role“ und „address“ oder „link“ haben.",
            "Die Felder eingerückt unter „contact:“ schreiben, wie in der Anleitung oben in der Datei.",
            "contact must be a mapping",
        )
        return None
    inner = _Checker(check.path, value, f"{check.subject}, Kontakt", check.problems)
    before = len(check.problems)
    inner.check_keys(CONTACT_FIELDS)
    role = inner.text("role", required=True)
    address, link = inner.text("address"), inner.link("link")
    if not (address or link) and "link" not in value:
        inner.problem(
            None,
            "Beim Kontakt fehlt, wie man ihn erreicht.",
            "„address“ (eine öffentliche Anschrift) oder „link“ (eine Internetadresse) ergänzen.",
            "contact needs address or link",
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
                    )
                )
    records = []
    for draft in drafts:
        parent = _parent_slug(draft, by_name, by_slug, path, problems)
        if draft["valid"]:
            fields = {key: value for key, value in draft.items() if key not in DRAFT_ONLY_KEYS}
            records.append(PlaceRecord(**fields, part_of=parent))
    return records


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
            )
        )
        return None
    return parent["slug"]


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

    `references` maps a content file's path to its raw `Orte:` value.
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
                        "Den slug des Ortes aus content/data/orte.yaml eintragen (kleingeschrieben, "
                        "z. B. „gillenfeld“ oder „winkel-eifel“), mehrere durch Komma getrennt.",
                        detail=f"unknown place slug {slug!r} in metadata 'Orte'",
                        subject=f"Feld „Orte“, Ort „{slug}“",
                    )
                )
    return problems
