"""The terms file (content/data/orte-begriffe.yaml): labels per language of SITE_LANGUAGES."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bfb_languages import languages_of

import pelicanconf
from orte.conftest import LANGUAGES, TERMS_FILE
from orte.generator import LabelledMeasure
from orte.model import VOCABULARIES, Measure, Source, Text
from orte.terms import read_terms

REAL = TERMS_FILE.read_text(encoding="utf-8")


def with_french(table: dict) -> dict:
    """A copy of the settings' table with a third language that shows place pages."""
    table = dict(table)
    table["fr"] = {
        **table["en"],
        **{"suffix": ".fr", "locale": "fr", "html_lang": "fr", "hreflang": "fr", "catalogue": "fr"},
        **{"search": "fr", "label": "Français"},
    }
    return languages_of(table)


FRENCH = with_french(pelicanconf.SITE_LANGUAGES)


def terms_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "orte-begriffe.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


def test_a_new_language_needs_a_label_for_every_term_and_is_told_each_line(tmp_path):
    _, problems = read_terms(terms_file(tmp_path, REAL), FRENCH)
    assert {found.code for found in problems} == {"term-label-missing"}
    assert len(problems) == sum(len(keys) for keys in VOCABULARIES.values())
    assert problems[0].line == line_of(REAL, "  Stadt:\n") + 1  # the first label of "Stadt"


def test_a_new_language_with_its_labels_needs_no_change_in_code(tmp_path):
    text = re.sub(r"^(    en: (.*))$", r"\1\n    fr: \2 (fr)", REAL, flags=re.MULTILINE)
    terms, problems = read_terms(terms_file(tmp_path, text), FRENCH)
    assert problems == []
    assert terms.label("stages", "auf-dem-weg", "fr") == "on the way (fr)"


@pytest.mark.parametrize(
    ("change", "code", "fragment"),
    [
        (("    en: Town\n", "    en: Town\n    xx: Ville\n"), "term-language-unknown", "    xx: Ville"),
        (("    en: Town\n", "    en: 7\n"), "term-label-not-text", "    en: 7"),
        (("  Stadtteil:\n", "  Stadtviertel:\n"), "term-unknown", "  Stadtviertel:"),
        (("measure_types:\n", "measuretypes:\n"), "terms-vocabulary-unknown", "measuretypes:"),
        (("    en: Town\n", "    en: Town\n    en: City\n"), "terms-key-twice", "    en: City"),
    ],
)
def test_a_mistake_in_the_terms_file_names_its_code_and_line(tmp_path, change, code, fragment):
    text = REAL.replace(*change, 1)
    terms, problems = read_terms(terms_file(tmp_path, text), LANGUAGES)
    assert terms is None
    found = [problem for problem in problems if problem.code == code]
    assert [problem.line for problem in found] == [line_of(text, fragment)]


def test_a_missing_term_is_named_at_its_vocabulary(tmp_path):
    text = REAL.replace("  Stadtteil:\n    de: Stadtteil\n    en: District\n", "")
    _, problems = read_terms(terms_file(tmp_path, text), LANGUAGES)
    assert [(found.code, found.line) for found in problems] == [("term-missing", line_of(text, "  Stadt:"))]


def test_a_missing_terms_file_is_a_problem_not_a_traceback(tmp_path):
    terms, problems = read_terms(tmp_path / "fehlt.yaml", LANGUAGES)
    assert terms is None and [found.code for found in problems] == ["data-file-missing"]


def step(**fields) -> Measure:
    source = Source("Anzeiger", "Ein Artikel", "https://anzeiger.example/artikel")
    return Measure(type="preis", actors=("ortsgemeinde",), sources=(source,), **fields)


def test_a_page_in_a_third_language_shows_its_texts_or_the_main_texts_marked(tmp_path):
    text = re.sub(r"^(    en: (.*))$", r"\1\n    fr: \2 (fr)", REAL, flags=re.MULTILINE)
    terms, _ = read_terms(terms_file(tmp_path, text), FRENCH)
    main = FRENCH["de"]
    french = ("fr", Text("Prix „Unser Dorf hat Zukunft“"))
    shown = LabelledMeasure.of(step(title="Preis", translations=(french,)), "fr", main, terms)
    assert (shown.text_lang, shown.type_label, shown.actors) == (
        "",
        "Award and competition (fr)",
        ("Municipality (fr)",),
    )
    assert str(shown.title) == 'Prix “<span lang="de">Unser Dorf hat Zukunft</span>”'
    untranslated = LabelledMeasure.of(step(title="Preis", description="Ein Text."), "fr", main, terms)
    assert (untranslated.title, untranslated.description, untranslated.text_lang) == (
        "Preis",
        "Ein Text.",
        "de",
    )
    at_home = LabelledMeasure.of(step(title="Preis", translations=(french,)), "de", main, terms)
    assert (at_home.title, at_home.text_lang, at_home.type_label) == ("Preis", "", "Preis und Wettbewerb")
