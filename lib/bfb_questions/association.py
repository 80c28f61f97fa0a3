"""The fields of ASSOCIATION (pelicanconf.py), in one table: what each is, and who needs it.

Two readers derive from this table: the legal gate (sitetools/legal.py) requires every
field that has a `meaning` before publishing, names it with that meaning and shows `example`
as the form to use; the open questions (questions.py, `invoke fragen`) ask the board the
`question` of every field that is still None, and say where the answer goes.
"""

from __future__ import annotations

from dataclasses import dataclass

SETTINGS_FILE = "pelicanconf.py"


@dataclass(frozen=True)
class AssociationField:
    key: str  # in ASSOCIATION
    # What it is, in the editor's words: set for the fields the law requires in the Impressum
    # (§ 5 DDG, § 18 Abs. 2 MStV), which the legal gate refuses to publish without.
    meaning: str | None = None
    # The form of a value, for the legal gate's "So beheben" – deliberately not a real value:
    # the gate refuses it, too.
    example: str | None = None
    question: str | None = None  # German, for the board, while the field is None

    @property
    def required(self) -> bool:
        return self.meaning is not None

    @property
    def answer_goes(self) -> str:
        return f'{SETTINGS_FILE}, ASSOCIATION["{self.key}"]'


ASSOCIATION_FIELDS: tuple[AssociationField, ...] = (
    AssociationField("name", "der Name des Vereins", "Musterverein e.V."),
    AssociationField(
        "seat",
        "der Sitz des Vereins (die Gemeinde laut Satzung und Vereinsregister)",
        "Musterstadt",
        "Wo ist der Sitz des Vereins (laut Satzung oder Vereinsregister)?",
    ),
    AssociationField(
        "street",
        "Straße und Hausnummer der Anschrift",
        "Musterstraße 1",
        "Wie lautet die Postanschrift des Vereins (Straße und Hausnummer)? Ist es Leopoldstraße 9?",
    ),
    AssociationField(
        "postcode_city",
        "Postleitzahl und Ort der Anschrift",
        "12345 Musterstadt",
        "Postleitzahl und Ort der Anschrift (54550 Daun?)",
    ),
    AssociationField(
        "representatives",
        "das vertretungsberechtigte Vorstandsmitglied. Wer den Verein vertreten darf (allein oder "
        "gemeinsam), steht in Satzung und Vereinsregister – bitte vom Vorstand bestätigen lassen",
        "Vorname Name (1. Vorsitzende)",
        "Wer vertritt den Verein nach § 26 BGB, allein oder gemeinsam (laut Satzung und Vereinsregister)?",
    ),
    AssociationField(
        "register_court",
        "das Registergericht",
        "Amtsgericht Musterstadt",
        "Bei welchem Amtsgericht ist der Verein eingetragen (Registergericht)?",
    ),
    AssociationField(
        "register_number",
        "die Registernummer",
        "VR 12345",
        "Unter welcher Nummer steht der Verein im Vereinsregister (VR …)?",
    ),
    AssociationField(
        "email",
        "eine E-Mail-Adresse des Vereins",
        "vorstand@example.org",
        "Unter welcher E-Mail-Adresse ist der Verein erreichbar?",
    ),
    AssociationField("office_hours", question="An welchen Tagen und zu welchen Zeiten ist das Büro besetzt?"),
    AssociationField(
        "content_responsible",
        "wer nach § 18 Abs. 2 MStV für den Inhalt verantwortlich ist (eine Person mit Anschrift)",
        "Vorname Name, Anschrift wie oben",
        "Wer ist für den Inhalt der Website verantwortlich (§ 18 Abs. 2 MStV)?",
    ),
    AssociationField("phone", question="Unter welcher Telefonnummer ist der Verein erreichbar?"),
    AssociationField("office", question="Wo ist das Büro des Vereins?"),
)
