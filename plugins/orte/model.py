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
# What the overview's status column says for a place whose status nobody has recorded (only
# shown when some place has one; a place page then shows no status at all).
UNKNOWN_STAGE = Term("", "nicht festgestellt", "not assessed")
# The row of steps whose sources give no reliable date, in counts by year.
UNDATED = Term("ohne-datum", "ohne Datum", "no date")

# What kind of step a measure was. The first five are the measures named in the association's
# own text; the others group what the sources report. "sonstiges" is for a step none of them
# fits: its label appears in the counts, never on a place page (a reader learns nothing from it).
MEASURE_TYPES = vocabulary(
    Term("jugendforum", "Jugendforum", "Youth forum"),
    Term("spielgruppe", "generationenübergreifende Spielgruppe", "Intergenerational play group"),
    Term("seniorenbeauftragte", "Seniorenbeauftragte", "Senior citizens' representatives"),
    Term("zukunftskonferenz", "Zukunftskonferenz", "Future conference"),
    Term("dorfwerkstatt", "Dorfwerkstatt", "Village workshop"),
    Term("nachbarschaftshilfe", "Nachbarschaftshilfe", "Neighbourly help"),
    Term("treffpunkt", "Treffpunkt für Jung und Alt", "Meeting place for young and old"),
    Term("jung-und-alt", "Jung und Alt gemeinsam", "Young and old together"),
    Term("fest", "Fest und Begegnung", "Festival and get-together"),
    Term("verein", "Neuer Verein", "New club"),
    Term("netzwerk", "Netzwerk und Beirat", "Network and advisory council"),
    Term("mobilitaet", "Bürgerbus", "Community bus"),
    Term("dorfentwicklung", "Dorfentwicklung", "Village development"),
    Term("preis", "Preis und Wettbewerb", "Award and competition"),
    Term("sonstiges", "weitere Schritte", "Other steps"),
)
# The type whose label a place page leaves out.
UNLABELLED_TYPE = "sonstiges"

# Who took a step (a measure's required `actor`, one or more of these). Roles and bodies,
# never a private person. A page names them so that nobody credits the association with
# what a parish, a school or the Verbandsgemeinde did.
ACTORS = vocabulary(
    Term("ortsgemeinde", "Ortsgemeinde", "Municipality"),
    Term("stadt-daun", "Stadt Daun", "Town of Daun"),
    Term("ortsbeirat", "Ortsbeirat oder Ortsvorsteher", "District council or its chair"),
    Term("verbandsgemeinde", "Verbandsgemeinde Daun (WEGE-Büro)", "Joint municipal authority (WEGE office)"),
    Term("jugendpflege", "Jugendpflege der Verbandsgemeinde", "Youth work of the joint municipal authority"),
    Term("pfarrei", "Pfarrei", "Parish"),
    Term("schule", "Schule", "School"),
    Term("buerger-fuer-buerger", "Bürger für Bürger e.V. (wir)", "Our association"),
    Term("verein", "Verein im Ort", "Local club"),
    Term(
        "arbeitsgruppe", "Arbeitsgruppe aus der Zukunftskonferenz", "Working group of the future conference"
    ),
    Term("nachbarschaftshilfe", "Nachbarschaftshilfe im Ort", "Local neighbourly-help group"),
    Term("genossenschaft", "Genossenschaft im Ort", "Local cooperative"),
    Term("seniorenbeauftragte", "Seniorenbeauftragte", "Senior citizens' representatives"),
    Term("netzwerk", "Netzwerk mehrerer Partner", "Network of partners"),
    Term("rotary-club", "Rotary Club", "Rotary Club"),
    Term("buergerinnen", "Menschen aus dem Ort", "People of the village"),
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
    actors: tuple[str, ...] = ()  # keys of ACTORS: who took the step (validation requires one)
    date: PartialDate | None = None  # None: the sources give no reliable date
    description: str = ""
    title_en: str = ""  # empty: the English site shows the German text, marked as German
    description_en: str = ""
    line: int = 0  # where the measure starts in the data file
    note: str = ""  # research note for editors and the board; never shown on the site

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
    note: str = ""  # research note for editors and the board; never shown on the site


def german_sort_key(text: str) -> tuple[str, str]:
    """Sort key for German names (DIN 5007-1): Ü sorts with U, ß as ss, case ignored.

    Babel has no collation and this machine has no German locale, so the key is built by hand.
    """
    folded = text.casefold().replace("ß", "ss")
    decomposed = unicodedata.normalize("NFKD", folded)
    base = "".join(char for char in decomposed if not unicodedata.combining(char))
    return (base, text)


@dataclass(frozen=True)
class EditorNote:
    """A `note` of the data file: a research note or open question, never shown on the site."""

    line: int  # where its place or step starts in the data file
    subject: str  # "Sarmersbach" or "Üdersdorf: Jugendforum"
    text: str


def editor_notes(records: list[PlaceRecord]) -> list[EditorNote]:
    """Every note of the places and their steps, in file order (for a list of open questions)."""
    notes = []
    for record in records:
        if record.note:
            notes.append(EditorNote(record.line, record.name, record.note))
        notes += [
            EditorNote(measure.line, f"{record.name}: {measure.title}", measure.note)
            for measure in record.measures
            if measure.note
        ]
    return sorted(notes, key=lambda note: note.line)
