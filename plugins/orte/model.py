"""The places' model: validated records and the fixed vocabularies with German and English labels.

Everything after validation trusts these objects; nothing here checks input.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from bfb_formats.partial_dates import PartialDate


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


# The journey of a place towards a caring community, in order. A place has one of these only
# when the association has recorded it (who decided, and when); otherwise its status is unknown,
# and unknown is never shown as one of these stages.
STAGES = vocabulary(
    Term("noch-nicht-begonnen", "noch nicht begonnen", "not yet started"),
    Term("erste-schritte", "erste Schritte", "first steps"),
    Term("auf-dem-weg", "auf dem Weg", "on the way"),
    Term("sorgende-gemeinschaft", "Sorgende Gemeinschaft", "caring community"),
)
FIRST_STAGE = next(iter(STAGES))
# What the site says for a place whose status nobody has recorded.
UNKNOWN_STAGE = Term("", "noch nicht erfasst", "not yet recorded")
# The row of steps whose sources give no reliable date, in counts by year.
UNDATED = Term("ohne-datum", "ohne Datum", "no date")

# The measures named in the association's own text, plus "sonstiges" for everything else.
MEASURE_TYPES = vocabulary(
    Term("jugendforum", "Jugendforum", "Youth forum"),
    Term("spielgruppe", "generationenübergreifende Spielgruppe", "Intergenerational play group"),
    Term("seniorenbeauftragte", "Seniorenbeauftragte", "Senior citizens' representative"),
    Term("zukunftskonferenz", "Zukunftskonferenz", "Future conference"),
    Term("dorfwerkstatt", "Dorfwerkstatt", "Village workshop"),
    Term("sonstiges", "sonstiger Schritt", "Other step"),
)

KINDS = vocabulary(
    Term("Stadt", "Stadt", "Town"),
    Term("Ortsgemeinde", "Ortsgemeinde", "Municipality"),
    Term("Stadtteil", "Stadtteil", "District"),
)
# A place of this kind must name the place it belongs to.
KINDS_WITH_PARENT = frozenset({"Stadtteil"})


# Babel patterns for a date with its day (the site's DATE_FORMATS).
@dataclass(frozen=True)
class Source:
    """Where a fact was read: a public page with its publisher, title and (if known) date."""

    publisher: str
    title: str
    url: str  # always http(s)://, checked by validation
    date: PartialDate | None = None


@dataclass(frozen=True)
class Measure:
    """A step taken in a place, as a public source reports it. Texts in German, optionally English."""

    type: str  # a key of MEASURE_TYPES
    title: str
    sources: tuple[Source, ...]
    date: PartialDate | None = None  # None: the sources give no reliable date
    description: str = ""
    title_en: str = ""  # empty: the English site shows the German text, marked as German
    description_en: str = ""
    line: int = 0  # where the measure starts in the data file

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    def newest_first_key(self) -> tuple:
        """Sort key for "newest first": dated steps by date, undated ones last."""
        if self.date is None:
            return (1, 0, 0, 0)
        return (0, -self.date.year, -self.date.month, -self.date.day)


@dataclass(frozen=True)
class RecordedStatus:
    """How far a place is, as the association itself recorded it: who decided it and when."""

    stage: str  # a key of STAGES
    decided_by: str  # a role or body, e.g. "Vorstand"; never a private person
    date: PartialDate


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
    line: int  # where the place starts in the data file
    part_of: str | None = None  # slug of the place it belongs to
    coordinates: Coordinates | None = None
    population: int | None = None
    population_date: dt.date | None = None
    status: RecordedStatus | None = None  # None: nobody has recorded it (the default)
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
