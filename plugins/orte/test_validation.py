import datetime as dt
from pathlib import Path

import pytest

from orte.loader import load_located_yaml
from orte.model import FIRST_STAGE
from orte.validation import check_place_references, parse_place_list, plausible_years, validate_places

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[2]

GOOD_PLACE = """- name: Altstadt
  slug: altstadt
  kind: Stadt
  lat: 50.2
  lon: 6.83
  status: noch-nicht-begonnen
"""
DISTRICT = """- name: Nordteil
  slug: nordteil
  kind: Stadtteil
  part_of: Altstadt
  status: erste-schritte
"""


def validate(tmp_path: Path, text: str):
    path = tmp_path / "orte.yaml"
    path.write_text(text, encoding="utf-8")
    data, problems = load_located_yaml(path)
    assert problems == [], problems
    return validate_places(data, path)


def only_problem(tmp_path: Path, text: str):
    _, problems = validate(tmp_path, text)
    assert len(problems) == 1, [problem.render() for problem in problems]
    return problems[0]


def test_fixture_places_are_valid_with_all_their_fields(tmp_path):
    records, problems = validate(tmp_path, (FIXTURES / "orte.yaml").read_text(encoding="utf-8"))
    assert problems == []
    by_slug = {record.slug: record for record in records}
    assert by_slug["nordteil"].part_of == "altstadt"
    assert by_slug["suedteil"].coordinates is None
    assert by_slug["altstadt"].contact.role == "Stadtverwaltung"
    assert by_slug["altstadt"].population_date == dt.date(2021, 12, 31)
    assert [measure.type for measure in by_slug["ueberdorf"].measures] == ["spielgruppe", "dorfwerkstatt"]
    assert by_slug["nordteil"].measures[0].title == "Dorfwerkstatt: Ideen sammeln"


def test_the_real_data_file_is_valid():
    path = ROOT / "content" / "data" / "orte.yaml"
    data, problems = load_located_yaml(path)
    records, problems = validate_places(data, path)
    assert problems == []
    districts = [record for record in records if record.kind == "Stadtteil"]
    assert districts and all(record.part_of == "daun" for record in districts)
    # Places whose coordinates are not verified are left out, never guessed.
    assert {record.slug for record in records if record.coordinates is None} == {"waldkoenigen", "weiersbach"}


def test_unknown_key_names_line_place_and_a_suggestion(tmp_path):
    problem = only_problem(tmp_path, GOOD_PLACE + "  stauts: auf-dem-weg\n")
    assert problem.line == 7
    assert problem.subject == "Altstadt, Feld „stauts“"
    assert "Meinten Sie „status“?" in problem.message


def test_missing_required_field_points_at_the_place(tmp_path):
    problem = only_problem(tmp_path, "\n" + GOOD_PLACE.replace("  status: noch-nicht-begonnen\n", ""))
    assert problem.line == 2
    assert "Pflichtfeld „status“" in problem.message
    assert "status: …" in problem.fix


def test_duplicate_name_and_slug_name_the_first_line(tmp_path):
    _, problems = validate(tmp_path, GOOD_PLACE + GOOD_PLACE)
    messages = sorted(problem.message for problem in problems)
    assert messages == [
        "Der Name „Altstadt“ kommt doppelt vor (zuerst in Zeile 1).",
        "Der slug „altstadt“ kommt doppelt vor (zuerst in Zeile 1).",
    ]
    assert {problem.line for problem in problems} == {7}


def test_duplicate_slug_with_different_names(tmp_path):
    problem = only_problem(tmp_path, GOOD_PLACE + GOOD_PLACE.replace("name: Altstadt", "name: Alt-Stadt"))
    assert "slug „altstadt“ kommt doppelt vor" in problem.message


@pytest.mark.parametrize(("lat", "lon"), [("6.83", "50.2"), ("50.2", "9.61"), ("48.1", "6.83")])
def test_coordinates_outside_the_verbandsgemeinde(tmp_path, lat, lon):
    text = GOOD_PLACE.replace("lat: 50.2", f"lat: {lat}").replace("lon: 6.83", f"lon: {lon}")
    problem = only_problem(tmp_path, text)
    assert problem.line == 4
    assert "außerhalb der Verbandsgemeinde Daun" in problem.message
    assert "vertauscht" in problem.fix


def test_only_one_coordinate_is_an_error(tmp_path):
    problem = only_problem(tmp_path, GOOD_PLACE.replace("  lon: 6.83\n", ""))
    assert "„lon“ fehlt" in problem.message


def test_unknown_status_lists_the_allowed_stages(tmp_path):
    problem = only_problem(tmp_path, GOOD_PLACE.replace("noch-nicht-begonnen", "fertig"))
    assert problem.line == 6
    assert problem.subject == "Altstadt, Feld „status“"
    assert f"„{FIRST_STAGE}“" in problem.fix


def test_unknown_measure_type_and_implausible_year_in_one_pass(tmp_path):
    text = GOOD_PLACE + "  measures:\n    - type: dorfwerkstat\n      year: 20234\n      title: Werkstatt\n"
    records, problems = validate(tmp_path, text)
    assert [(problem.line, problem.subject) for problem in problems] == [
        (8, "Altstadt, Maßnahme 1, Feld „type“"),
        (9, "Altstadt, Maßnahme 1, Feld „year“"),
    ]
    assert "Meinten Sie „dorfwerkstatt“?" in problems[0].message
    assert "kein plausibles Jahr" in problems[1].message
    assert records == []  # a place with a problem is never half-built


@pytest.mark.parametrize("year", ["1890", "24", "'2024'", "true", "2024.5"])
def test_implausible_years(tmp_path, year):
    text = GOOD_PLACE + f"  measures:\n    - type: jugendforum\n      year: {year}\n      title: Forum\n"
    assert "kein plausibles Jahr" in only_problem(tmp_path, text).message


def test_next_year_is_plausible_for_a_planned_measure():
    years = plausible_years(dt.date(2026, 11, 25))
    assert 2027 in years and 2028 not in years and 1990 in years


def test_part_of_an_unknown_place(tmp_path):
    problem = only_problem(tmp_path, GOOD_PLACE + DISTRICT.replace("part_of: Altstadt", "part_of: Altstat"))
    assert problem.line == 10
    assert "„part_of“ nennt „Altstat“" in problem.message
    assert "Meinten Sie „Altstadt“?" in problem.message


def test_a_district_needs_part_of(tmp_path):
    district = DISTRICT.replace("  part_of: Altstadt\n", "")
    assert "braucht das Feld „part_of“" in only_problem(tmp_path, GOOD_PLACE + district).message


def test_place_with_a_problem_still_counts_for_part_of(tmp_path):
    # The town's bad status must not make its districts report "unknown place" as well.
    problem = only_problem(tmp_path, GOOD_PLACE.replace("noch-nicht-begonnen", "fertig") + DISTRICT)
    assert "fertig" in problem.message


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("  slug: Alt Stadt\n", "als Adresse (slug) nicht erlaubt"),
        ("  population: 8.059\n  population_date: 2021-12-31\n", "ganze Zahl"),
        ("  population: 8059\n", "fehlt das Datum"),
        ("  population_date: 2021-12-31\n", "fehlt die Einwohnerzahl"),
        ("  website: www.example.org\n", "keine vollständige Adresse"),
        ("  contact:\n    role: Ortsgemeinde\n", "wie man ihn erreicht"),
        ("  measures: Dorfwerkstatt\n", "muss eine Liste sein"),
        ("  name: Neustadt\n", "steht hier zweimal"),
    ],
)
def test_other_field_mistakes(tmp_path, extra, message):
    text = GOOD_PLACE.replace("  slug: altstadt\n", "") if "slug" in extra else GOOD_PLACE
    assert message in only_problem(tmp_path, text + extra).message


def test_empty_file_is_one_problem(tmp_path):
    _, [problem] = validate(tmp_path, "# nur ein Kommentar\n")
    assert "keine Liste von Orten" in problem.message


def test_all_problems_are_reported_together(tmp_path):
    text = GOOD_PLACE.replace("Stadt\n", "Dorf\n") + GOOD_PLACE.replace("Altstadt", "Neustadt").replace(
        "altstadt", "neustadt"
    ).replace("noch-nicht-begonnen", "fertig")
    _, problems = validate(tmp_path, text)
    assert [problem.line for problem in problems] == [3, 12]


def test_parse_place_list():
    assert parse_place_list("gillenfeld, mehren") == ("gillenfeld", "mehren")
    assert parse_place_list(["gillenfeld", " daun "]) == ("gillenfeld", "daun")
    assert parse_place_list("") == ()


def test_news_item_naming_an_unknown_place(tmp_path):
    news = tmp_path / "2024-05-01-meldung.md"
    news.write_text("Title: T\nLang: de\nOrte: gillenfeld, mehrn\n\nText.\n", encoding="utf-8")
    [problem] = check_place_references({str(news): "gillenfeld, mehrn"}, {"gillenfeld", "mehren"})
    assert problem.line == 3
    assert "„mehrn“" in problem.message
    assert "Meinten Sie „mehren“?" in problem.message
    assert problem.subject == "Feld „Orte“, Ort „mehrn“"
