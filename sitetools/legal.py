"""The legal gate: the Impressum data the law requires must be complete before publishing.

§ 5 DDG (formerly TMG) asks of a registered association: its name and address, the
board member(s) who represent it, the register court and register number, and a way
to reach it quickly by e-mail; § 18 Abs. 2 MStV a person responsible for the content.
The data lives in `ASSOCIATION` in pelicanconf.py. The gate refuses a missing field and
a field that still holds an example value or a placeholder ("Musterstraße", "VR 12345",
"…@example.org", the very examples its own messages show).
"""

from __future__ import annotations

import re
from pathlib import Path

from bfb_errors import Problem, first_line_with
from bfb_questions.association import ASSOCIATION_FIELDS

SETTINGS_FILE = Path(__file__).resolve().parent.parent / "pelicanconf.py"
# key in ASSOCIATION → what it is, in the editor's words, and an example of the form, from the
# one table of the association's fields. The examples are deliberately not real values, and
# the gate refuses each of them.
REQUIRED = {field.key: (field.meaning, field.example) for field in ASSOCIATION_FIELDS if field.required}
# The stable codes of the gate's problems (tests and code decide on these, never on the wording).
LEGAL_FIELD_MISSING = "legal-field-missing"
LEGAL_FIELD_PLACEHOLDER = "legal-field-placeholder"
LEGAL_EMAIL_FORM = "legal-email-form"
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Example values and placeholders: text copied from an example, a template or a test is not
# the association's data. Reserved names (RFC 2606/6761) are never a real address.
PLACEHOLDERS = re.compile(
    r"muster|vorname\s+name|\bname\s+vorname\b|\b12345\b|\bx{3,}\b|\btodo\b|\btbd\b|platzhalter|\blorem\b"
    r"|beispiel|\bexample\b|\.(example|invalid|localhost|test)\b|\?\?|\.\.\.|…",
    re.IGNORECASE,
)


def is_missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple):
        return not value or all(is_missing(item) for item in value)
    return False


def key_line(settings_file: Path, key: str) -> int | None:
    """The line of `"key":` (or `'key':`) in the settings file, so the editor finds the place."""
    return first_line_with(settings_file, f'"{key}":') or first_line_with(settings_file, f"'{key}':")


def legal_problems(association: dict | None, settings_file: Path = SETTINGS_FILE) -> list[Problem]:
    """Every required Impressum field that is missing or malformed, with where to fill it in."""
    association = association or {}
    if not isinstance(association, dict):
        return type_problems(association, settings_file)
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
                    f'in der Form "{key}": "{example}" (nur ein Beispiel) – nur echte, geprüfte Angaben.',
                    f"{LEGAL_FIELD_MISSING}: ASSOCIATION['{key}'] is required for publishing",
                    code=LEGAL_FIELD_MISSING,
                )
            )
    problems += placeholder_problems(association, settings_file)
    problems += type_problems(association, settings_file)
    email = association.get("email")
    if isinstance(email, str) and email.strip() and not EMAIL.match(email.strip()):
        problems.append(
            Problem(
                settings_file,
                key_line(settings_file, "email"),
                f"„{email}“ ist keine E-Mail-Adresse.",
                'Die Adresse in der Form name@domain.de eintragen, bei ASSOCIATION "email".',
                f"{LEGAL_EMAIL_FORM}: ASSOCIATION['email'] does not look like an e-mail address",
                code=LEGAL_EMAIL_FORM,
            )
        )
    return problems


def texts_of(value: object) -> list[str]:
    """The text(s) of a value: a string, the entries of a list, or a dated entry's `value`."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [text for item in value for text in texts_of(item)]
    if isinstance(value, dict):
        return texts_of(value.get("value"))
    return []


def placeholder_problems(association: dict, settings_file: Path = SETTINGS_FILE) -> list[Problem]:
    """Every filled-in field that holds an example value or a placeholder instead of real data."""
    problems = []
    for key in REQUIRED:
        for text in texts_of(association.get(key)):
            found = PLACEHOLDERS.search(text)
            if text.strip() and found:
                problems.append(
                    Problem(
                        settings_file,
                        key_line(settings_file, key),
                        f'„{text}“ bei "{key}" ist ein Beispiel oder Platzhalter („{found.group(0)}“), '
                        "keine echte Angabe.",
                        f'In {settings_file.name} bei ASSOCIATION den Eintrag "{key}" durch die echte, '
                        "vom Vorstand bestätigte Angabe ersetzen – nie einen Beispielwert.",
                        f"{LEGAL_FIELD_PLACEHOLDER}: ASSOCIATION['{key}'] holds an example or placeholder",
                        code=LEGAL_FIELD_PLACEHOLDER,
                    )
                )
    return problems


# The stable code of the problem "a value of ASSOCIATION is neither text nor a list of texts".
ASSOCIATION_VALUE_TYPE = "association-value-type"


def is_text_value(value: object) -> bool:
    """None, text, a list of texts, or a published value {"value": text, "as_of": …, "source": …}."""
    if value is None or isinstance(value, str):
        return True
    if isinstance(value, list | tuple):
        return all(isinstance(item, str) for item in value)
    if isinstance(value, dict):
        return isinstance(value.get("value"), str) and isinstance(value.get("source", ""), str)
    return False


def type_problems(association: dict, settings_file: Path = SETTINGS_FILE) -> list[Problem]:
    """A number or yes/no where text belongs (`"phone": 6592926`): shown wrongly, or not at all."""
    if not isinstance(association, dict):
        return [
            Problem(
                settings_file,
                key_line(settings_file, "ASSOCIATION = {"),
                "ASSOCIATION ist keine Liste von Angaben in geschweiften Klammern.",
                'So schreiben: ASSOCIATION = {"name": "…", "phone": "…"}.',
                f"{ASSOCIATION_VALUE_TYPE}: ASSOCIATION is {type(association).__name__}",
                code=ASSOCIATION_VALUE_TYPE,
            )
        ]
    return [
        Problem(
            settings_file,
            key_line(settings_file, key),
            f"Bei ASSOCIATION steht für „{key}“ der Wert {value!r} – das ist kein Text.",
            f'In Anführungszeichen schreiben, z. B. "{key}": "06592 123456", oder None, wenn unbekannt.',
            f"{ASSOCIATION_VALUE_TYPE}: {key} is {type(value).__name__}",
            code=ASSOCIATION_VALUE_TYPE,
        )
        for key, value in association.items()
        if not is_text_value(value)
    ]
