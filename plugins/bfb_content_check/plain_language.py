"""The content check of pages in Einfache Sprache: the rules of lib/bfb_plain, and the honest label.

Runs on every file of a language variant that retells another (`simplifies` in
SITE_LANGUAGES: the plain-German site under /einfach/). Its problems are content-check
problems like any other: file, line, what and "So beheben", all at once, and a draft
shows them in its to-do box.

The label: a page may call itself "Leichte Sprache" (in its title or summary) only when
its header names who of the target group checked it and when (`Geprueft_von:`,
`Geprueft_am:` as Jahr-Monat-Tag); otherwise it is "Einfache Sprache".

Settings: `PLAIN_ALLOWED_WORDS` (names that may be long; the places of ORTE_DATA and the
association's name are always allowed).
"""

from __future__ import annotations

import re
import sys
from datetime import date
from functools import cache
from pathlib import Path

from bfb_contents.content_files import body_lines  # the same lines the link check reads
from bfb_errors import Problem
from bfb_plain import check_text, reading_ease, reading_ease_finding
from bfb_yaml.loader import load_located_yaml

CHECKED_BY, CHECKED_ON = "geprueft_von", "geprueft_am"
EASY_LABEL_RE = re.compile(r"leicht\w*\s+sprache", re.IGNORECASE)


def is_plain(file) -> bool:
    return file.language.simplifies is not None


def text_lines(file) -> list[tuple[int, str]]:
    """The title as a heading of its own, then the summary and the body, with their lines."""
    title = [(field.line, f"# {field.value}") for field in file.front.fields.get("title", [])]
    return [*title, *body_lines(file)]


@cache
def place_names(data_file: str, modified: float) -> tuple[str, ...]:
    """The places' names in the data file (`modified` keys the cache); none if it is unreadable."""
    try:
        data, problems = load_located_yaml(Path(data_file))
    except OSError:
        return ()
    if problems:
        return ()  # the places plugin reports the file's problems itself
    places = data if isinstance(data, list) else []
    return tuple(str(place["name"]) for place in places if isinstance(place, dict) and place.get("name"))


def allowed_words(settings: dict) -> list[str]:
    data_file = Path(settings.get("PATH", "content")) / settings.get("ORTE_DATA", "data/orte.yaml")
    modified = data_file.stat().st_mtime if data_file.is_file() else 0.0
    association = (settings.get("ASSOCIATION") or {}).get("name") or ""
    return [*place_names(str(data_file), modified), association, *settings.get("PLAIN_ALLOWED_WORDS", [])]


def check_plain_language(file, settings: dict, **_) -> list[Problem]:
    """The rules of Einfache Sprache and the honest label, for a file of a plain variant."""
    if not is_plain(file):
        return []
    lines = text_lines(file)
    findings = check_text(lines, allowed_words(settings))
    findings += reading_ease_finding(reading_ease(lines), file.front.line("title") or 1)
    problems = [
        Problem(file.path, found.line, found.message, found.fix, found.code, code=found.code)
        for found in findings
    ]
    return problems + label_problems(file)


def label_problems(file) -> list[Problem]:
    checked_by, checked_on = file.front.value(CHECKED_BY), file.front.value(CHECKED_ON)
    problems = []
    if checked_on is not None and not is_date(checked_on):
        problems.append(
            Problem(
                file.path,
                file.front.line(CHECKED_ON),
                f"„Geprueft_am: {checked_on}“ ist kein Datum.",
                "Den Tag der Prüfung als Jahr-Monat-Tag schreiben, zum Beispiel „Geprueft_am: 2027-03-15“.",
                "plain-label: Geprueft_am must be YYYY-MM-DD",
                code="plain-label",
            )
        )
    if (checked_by is None) != (checked_on is None):
        missing = "Geprueft_am" if checked_on is None else "Geprueft_von"
        problems.append(
            Problem(
                file.path,
                file.front.line(CHECKED_BY) or file.front.line(CHECKED_ON),
                f"Zur Prüfung fehlt „{missing}:“.",
                "Beides in den Kopf schreiben: wer geprüft hat (Geprueft_von) und wann (Geprueft_am).",
                "plain-label: Geprueft_von and Geprueft_am go together",
                code="plain-label",
            )
        )
    if checked_by and checked_on:
        return problems
    for key in ("title", "summary"):
        value = file.front.value(key) or ""
        if EASY_LABEL_RE.search(value):
            problems.append(
                Problem(
                    file.path,
                    file.front.line(key),
                    "„Leichte Sprache“ darf nur eine Seite heißen, die Menschen aus der Zielgruppe "
                    "geprüft haben.",
                    "„Einfache Sprache“ schreiben – oder in den Kopf schreiben, wer die Seite geprüft hat "
                    "und wann („Geprueft_von:“, „Geprueft_am:“).",
                    "plain-label: 'Leichte Sprache' without Geprueft_von/Geprueft_am",
                    code="plain-label",
                )
            )
    return problems


def is_date(value: str) -> bool:
    try:
        date.fromisoformat(value.strip())
    except ValueError:
        return False
    return True


def reading_ease_report(files: list) -> str:
    """The reading ease of every plain page, for the build's report (empty: no plain pages)."""
    rows = []
    for file in files:
        if is_plain(file):
            value = reading_ease(text_lines(file))
            rows.append(f"  {file.relative}: {'–' if value is None else f'{value:.1f}'}")
    if not rows:
        return ""
    heading = "Einfache Sprache – Lesbarkeit je Seite (Flesch nach Amstad; nötig sind mindestens 70):"
    return "\n".join([heading, *rows]) + "\n"


def print_reading_ease(files: list) -> None:
    report = reading_ease_report(files)
    if report:
        sys.stderr.write(report)
        sys.stderr.flush()
