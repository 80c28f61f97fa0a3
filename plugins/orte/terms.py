"""The terms file: what the fixed vocabularies' keys are called in each language of the site.

content/data/orte-begriffe.yaml gives every key of `model.VOCABULARIES` a label per language
key of SITE_LANGUAGES (`de: Ortsgemeinde`, `en: Municipality`). The keys stay in model.py (an
allow-list that code relies on); the labels are data, so a new language is a new line per term
here and no change to code. Checked like the places file: every problem with its line, a
label missing for a language that shows place pages, an unknown key or language refused.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from bfb_build import this_build
from bfb_errors import Problem
from bfb_languages import Language, table
from bfb_yaml.loader import LocatedMap, load_located_yaml

from .model import VOCABULARIES, Term, Terms

DEFAULT_TERMS_FILE = "data/orte-begriffe.yaml"  # relative to PATH (setting ORTE_TERMS)


def place_languages(languages: Mapping[str, Language]) -> dict[str, Language]:
    """The languages that show place pages: every one but those with only their own texts."""
    return {key: found for key, found in languages.items() if not found.own_texts_only}


def listing(options) -> str:
    return ", ".join(f"„{option}“" for option in options)


def read_terms(path: Path, languages: Mapping[str, Language]) -> tuple[Terms | None, list[Problem]]:
    """The terms of the file at `path`, checked against `languages`; None if it has a problem."""
    data, problems = load_located_yaml(path)
    if problems:
        return None, problems
    if not isinstance(data, LocatedMap):
        return None, [
            Problem(
                path,
                getattr(data, "line", None),
                "Die Datei enthält keine Begriffe mit ihren Namen.",
                f"Die Datei wiederherstellen; sie beginnt mit den Abschnitten {listing(VOCABULARIES)}.",
                detail=f"expected a mapping of vocabularies, got {type(data).__name__}",
                code="terms-not-a-mapping",
            )
        ]
    problems += _twice(path, data)
    problems += _unknown_keys(path, data, VOCABULARIES, "Abschnitt", "terms-vocabulary-unknown")
    vocabularies = []
    for name, keys in VOCABULARIES.items():
        section = data.get(name)
        if not isinstance(section, LocatedMap):
            problems.append(_missing(path, data, name, "den Abschnitt", "terms-vocabulary-missing"))
            continue
        problems += _twice(path, section)
        problems += _unknown_keys(path, section, keys, "Kürzel", "term-unknown", within=name)
        terms = tuple(_read_term(path, section, name, key, languages, problems) for key in keys)
        vocabularies.append((name, terms))
    return (None, problems) if problems else (Terms(tuple(vocabularies)), [])


def _read_term(
    path: Path, section: LocatedMap, name: str, key: str, languages: Mapping[str, Language], problems: list
) -> Term:
    """One key's labels; a Problem for each missing or unknown language and each non-text label."""
    labels = section.get(key)
    if not isinstance(labels, LocatedMap):
        problems.append(_missing(path, section, key, "das Kürzel", "term-missing", within=name))
        return Term(key, ())
    subject = f"{name}: {key}"
    problems += _twice(path, labels)
    for lang, value in labels.items():
        if lang not in languages:
            problems.append(
                Problem(
                    path,
                    labels.line_of(lang),
                    f"„{lang}“ ist keine Sprache dieser Website.",
                    f"Das Kürzel der Sprache korrigieren; die Sprachen stehen in SITE_LANGUAGES in "
                    f"pelicanconf.py: {listing(languages)}.",
                    detail=f"label for unknown language {lang!r}",
                    subject=subject,
                    code="term-language-unknown",
                )
            )
        elif not isinstance(value, str) or not value.strip():
            problems.append(
                Problem(
                    path,
                    labels.line_of(lang),
                    f"Der Name in „{lang}“ muss ein Text sein, nicht „{value}“.",
                    "Den Namen hinter den Doppelpunkt schreiben, bei Zahlen oder „ja“ in "
                    'Anführungszeichen: „en: "Yes"“.',
                    detail=f"label must be a non-empty string, got {type(value).__name__}",
                    subject=subject,
                    code="term-label-not-text",
                )
            )
    for lang, language in place_languages(languages).items():
        if lang not in labels:
            problems.append(
                Problem(
                    path,
                    labels.line,
                    f"Beim Begriff „{key}“ fehlt der Name in der Sprache „{language.label}“ („{lang}“).",
                    f"Unter „{key}:“ eine Zeile „{lang}: …“ ergänzen, eingerückt wie die anderen.",
                    detail=f"no label for language {lang!r}",
                    subject=subject,
                    code="term-label-missing",
                )
            )
    return Term(key, tuple((lang, str(value).strip()) for lang, value in labels.items() if lang in languages))


def _unknown_keys(
    path: Path, mapping: LocatedMap, allowed, what: str, code: str, within: str = ""
) -> list[Problem]:
    where = f" unter „{within}“" if within else ""
    return [
        Problem(
            path,
            mapping.line_of(key),
            f"Unbekannter {what} „{key}“{where}.",
            f"Den Namen korrigieren oder den Eintrag löschen. Erlaubt sind: {listing(allowed)}. "
            "Ein neues Kürzel legt erst plugins/orte/model.py an.",
            detail=f"unknown key {key!r}",
            subject=within,
            code=code,
        )
        for key in mapping
        if key not in allowed
    ]


def _twice(path: Path, mapping: LocatedMap) -> list[Problem]:
    """A key written twice: YAML keeps the second silently, so say so."""
    return [
        Problem(
            path,
            line,
            f"„{key}“ steht hier zweimal.",
            "Eine der beiden Zeilen löschen.",
            detail=f"duplicate key {key!r}",
            code="terms-key-twice",
        )
        for key, line in mapping.duplicate_keys
    ]


def _missing(path: Path, mapping: LocatedMap, key: str, what: str, code: str, within: str = "") -> Problem:
    where = f" unter „{within}“" if within else ""
    return Problem(
        path,
        mapping.line,
        f"Es fehlt {what} „{key}“{where} (mit den Namen in jeder Sprache darunter).",
        f"„{key}:“ mit einer Zeile je Sprache darunter eintragen, wie bei den anderen Einträgen.",
        detail=f"missing or not a mapping: {key!r}",
        subject=within,
        code=code,
    )


class TermsOfThisBuild(dict):
    """{resolved path: (Terms or None, problems)}, read once per build (bfb_build)."""


def terms_of_this_build(settings) -> tuple[Terms | None, list[Problem]]:
    """The terms file named by `settings` (PATH and ORTE_TERMS), read once per build."""
    path = Path(settings["PATH"]) / settings.get("ORTE_TERMS", DEFAULT_TERMS_FILE)
    read = this_build(settings).part(TermsOfThisBuild)
    key = str(path.resolve())
    if key not in read:
        read[key] = read_terms(path, table(settings))
    return read[key]
