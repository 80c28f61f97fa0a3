"""The places' model: validated records and the fixed vocabularies with German and English labels.

Everything after validation trusts these objects; nothing here checks input.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """One entry of a fixed vocabulary: the key editors write, and its labels per language."""

    key: str
    de: str
    en: str

    def label(self, lang: str) -> str:
        return self.en if lang == "en" else self.de


def vocabulary(*terms: Term) -> dict[str, Term]:
    return {term.key: term for term in terms}


# The journey of a place towards a caring community, in order. The first one is where every
# place starts; the data file lists these keys for editors.
STAGES = vocabulary(
    Term("noch-nicht-begonnen", "noch nicht begonnen", "not yet started"),
    Term("erste-schritte", "erste Schritte", "first steps"),
    Term("auf-dem-weg", "auf dem Weg", "on the way"),
    Term("sorgende-gemeinschaft", "Sorgende Gemeinschaft", "caring community"),
)
FIRST_STAGE = next(iter(STAGES))

# The measures named in the association's own text, plus "sonstiges" for everything else.
MEASURE_TYPES = vocabulary(
    Term("jugendforum", "Jugendforum", "Youth forum"),
    Term("spielgruppe", "generationenübergreifende Spielgruppe", "Intergenerational play group"),
    Term("seniorenbeauftragte", "Seniorenbeauftragte", "Senior citizens' representative"),
    Term("zukunftskonferenz", "Zukunftskonferenz", "Future conference"),
    Term("dorfwerkstatt", "Dorfwerkstatt", "Village workshop"),
    Term("sonstiges", "sonstige Maßnahme", "Other measure"),
)

KINDS = vocabulary(
    Term("Stadt", "Stadt", "Town"),
    Term("Ortsgemeinde", "Ortsgemeinde", "Municipality"),
    Term("Stadtteil", "Stadtteil", "District"),
)
# A place of this kind must name the place it belongs to.
KINDS_WITH_PARENT = frozenset({"Stadtteil"})


@dataclass(frozen=True)
class Measure:
    type: str  # a key of MEASURE_TYPES
    year: int
    title: str
    description: str = ""


@dataclass(frozen=True)
class Contact:
    """A public contact for a place: a role (never a private person's data) and where to reach it."""

    role: str
    address: str = ""
    link: str = ""


@dataclass(frozen=True)
class Coordinates:
    lat: float
    lon: float


@dataclass(frozen=True)
class PlaceRecord:
    """One place as the data file describes it, after validation."""

    name: str
    slug: str
    kind: str  # a key of KINDS
    status: str  # a key of STAGES
    line: int  # where the place starts in the data file
    part_of: str | None = None  # slug of the place it belongs to
    coordinates: Coordinates | None = None
    population: int | None = None
    population_date: dt.date | None = None
    measures: tuple[Measure, ...] = ()
    contact: Contact | None = None
    website: str = ""


def german_sort_key(text: str) -> tuple[str, str]:
    """Sort key for German names (DIN 5007-1): Ü sorts with U, ß as ss, case ignored.

    Babel has no collation and this machine has no German locale, so the key is built by hand.
    """
    folded = text.casefold().replace("ß", "ss")
    decomposed = unicodedata.normalize("NFKD", folded)
    base = "".join(char for char in decomposed if not unicodedata.combining(char))
    return (base, text)
