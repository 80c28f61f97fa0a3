"""The legal gate: the Impressum data the law requires must be complete before publishing.

§ 5 DDG (formerly TMG) asks of a registered association: its name and address, the
board member(s) who represent it, the register court and register number, and a way
to reach it quickly by e-mail. The data lives in `ASSOCIATION` in pelicanconf.py.
"""

from __future__ import annotations

import re
from pathlib import Path

from bfb_errors import Problem, first_line_with

SETTINGS_FILE = Path(__file__).resolve().parent.parent / "pelicanconf.py"
# key in ASSOCIATION → what it is, in the editor's words, and an example of the form
REQUIRED = {
    "name": ("der Name des Vereins", "Bürger für Bürger e.V."),
    "street": ("Straße und Hausnummer der Anschrift", "Musterstraße 1"),
    "postcode_city": ("Postleitzahl und Ort der Anschrift", "54550 Daun"),
    "representatives": ("das vertretungsberechtigte Vorstandsmitglied", "Vorname Name (1. Vorsitzende)"),
    "register_court": ("das Registergericht", "Amtsgericht Wittlich"),
    "register_number": ("die Registernummer", "VR 12345"),
    "email": ("eine E-Mail-Adresse des Vereins", "info@example.org"),
}
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def is_missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple):
        return not value or all(is_missing(item) for item in value)
    return False


def key_line(settings_file: Path, key: str) -> int | None:
    """The line of `"key":` in the settings file, so the editor finds the place."""
    return first_line_with(settings_file, f'"{key}":')


def legal_problems(association: dict | None, settings_file: Path = SETTINGS_FILE) -> list[Problem]:
    """Every required Impressum field that is missing or malformed, with where to fill it in."""
    association = association or {}
    problems = []
    for key, (meaning, example) in REQUIRED.items():
        value = association.get(key)
        if is_missing(value):
            problems.append(
                Problem(
                    settings_file,
                    key_line(settings_file, key) or key_line(settings_file, "ASSOCIATION = {"),
                    f"Für das Impressum fehlt {meaning}.",
                    f'In {settings_file.name} bei ASSOCIATION den Eintrag "{key}" ausfüllen, '
                    f'z. B. "{key}": "{example}" – nur echte, geprüfte Angaben.',
                    f"ASSOCIATION['{key}'] is required for publishing (legal gate)",
                )
            )
    email = association.get("email")
    if isinstance(email, str) and email.strip() and not EMAIL.match(email.strip()):
        problems.append(
            Problem(
                settings_file,
                key_line(settings_file, "email"),
                f"„{email}“ ist keine E-Mail-Adresse.",
                'Die Adresse in der Form name@domain.de eintragen, bei ASSOCIATION "email".',
                "ASSOCIATION['email'] does not look like an e-mail address",
            )
        )
    return problems
