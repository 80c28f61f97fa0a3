"""The places' model: validated records, the fixed vocabularies' keys and their labels per language.

Everything after validation trusts these objects; nothing here checks input.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from bfb_formats.partial_dates import PartialDate


@dataclass(frozen=True)
class Term:
    """One entry of a fixed vocabulary: the key editors write, and its label per language.

    The labels come from the terms file (content/data/orte-begriffe.yaml, `terms.read_terms`),
    keyed by the language keys of SITE_LANGUAGES; validation gives every language that shows
    place pages a label, so `label` never misses for a language a page is built in.
    """

    key: str
    labels: tuple[tuple[str, str], ...]  # (language key, label), in the file's order

    def label(self, lang: str) -> str:
        return dict(self.labels)[lang]


@dataclass(frozen=True)
class Terms:
    """Every vocabulary's terms with their labels: {vocabulary name: {key: Term}}."""

    vocabularies: tuple[tuple[str, tuple[Term, ...]], ...]

    def __getitem__(self, vocabulary: str) -> dict[str, Term]:
        return {term.key: term for term in dict(self.vocabularies)[vocabulary]}

    def label(self, vocabulary: str, key: str, lang: str) -> str:
        return self[vocabulary][key].label(lang)

    def has_language(self, lang: str) -> bool:
        """Whether every term has a label in `lang`."""
        return all(lang in dict(term.labels) for _, terms in self.vocabularies for term in terms)


# The fixed vocabularies: the keys editors write in the data file, in the order the site shows
# them. Keys are an allow-list kept here (code decides what "Stadtteil" or "sonstiges" means);
# what each is called in each language is data, in the terms file (`VOCABULARIES` names them).

# The journey of a place towards a caring community, in order. A place has one of these only
# when the association has recorded it (who decided, and when); otherwise its status is unknown,
# and unknown is never shown as one of these stages.
STAGES = ("noch-nicht-begonnen", "erste-schritte", "auf-dem-weg", "sorgende-gemeinschaft")
FIRST_STAGE = STAGES[0]
# What the overview's status column says for a place whose status nobody has recorded (only
# shown when some place has one; a place page then shows no status at all).
UNKNOWN_STAGE = "nicht-festgestellt"
# The row of steps whose sources give no reliable date, in counts by year.
UNDATED = "ohne-datum"

# What kind of step a measure was. The first five are the measures named in the association's
# own text; the others group what the sources report. "sonstiges" is for a step none of them
# fits: its label appears in the counts, never on a place page (a reader learns nothing from it).
MEASURE_TYPES = (
    "jugendforum",
    "spielgruppe",
    "seniorenbeauftragte",
    "zukunftskonferenz",
    "dorfwerkstatt",
    "nachbarschaftshilfe",
    "treffpunkt",
    "jung-und-alt",
    "fest",
    "verein",
    "netzwerk",
    "mobilitaet",
    "dorfentwicklung",
    "preis",
    "sonstiges",
)
# The type whose label a place page leaves out.
UNLABELLED_TYPE = "sonstiges"

# Who took a step (a measure's required `actor`, one or more of these). Roles and bodies,
# never a private person. A page names them so that nobody credits the association with
# what a parish, a school or the Verbandsgemeinde did.
ACTORS = (
    "ortsgemeinde",
    "stadt-daun",
    "ortsbeirat",
    "verbandsgemeinde",
    "jugendpflege",
    "pfarrei",
    "schule",
    "buerger-fuer-buerger",
    "verein",
    "arbeitsgruppe",
    "nachbarschaftshilfe",
    "genossenschaft",
    "seniorenbeauftragte",
    "netzwerk",
    "rotary-club",
    "buergerinnen",
)

KINDS = ("Stadt", "Ortsgemeinde", "Stadtteil")

# The vocabularies of the terms file, by their name there.
VOCABULARIES = {
    "kinds": KINDS,
    "stages": STAGES,
    "measure_types": MEASURE_TYPES,
    "actors": ACTORS,
    "overview": (UNKNOWN_STAGE, UNDATED),
}
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
class Text:
    """A step's texts in one language."""

    title: str
    description: str = ""


@dataclass(frozen=True)
class Measure:
    """A step taken in a place, as a public source reports it: texts in the main language,
    translations optional."""

    type: str  # one of MEASURE_TYPES
    title: str
    sources: tuple[Source, ...]
    actors: tuple[str, ...] = ()  # of ACTORS: who took the step (validation requires one)
    date: PartialDate | None = None  # None: the sources give no reliable date
    description: str = ""
    # (language key, Text) of the translations, in the file's order: the main language's
    # texts are `title` and `description`, every other language's under its key (`en:`).
    translations: tuple[tuple[str, Text], ...] = ()
    line: int = 0  # where the measure starts in the data file
    note: str = ""  # research note for editors and the board; never shown on the site

    def text_in(self, lang: str) -> Text | None:
        """The texts in language `lang`; None if untranslated or incomplete (a title, and a
        description where the main text has one): the page then shows the main language's."""
        text = dict(self.translations).get(lang)
        if text is None or not text.title or (self.description and not text.description):
            return None
        return text

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

    stage: str  # one of STAGES
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
    kind: str  # one of KINDS
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
