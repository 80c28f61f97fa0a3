import datetime as dt
from pathlib import Path

import pytest
from bfb_languages import languages_of
from bfb_yaml.loader import load_located_yaml

import pelicanconf
from orte.conftest import LANGUAGES
from orte.model import FIRST_STAGE, PartialDate, RecordedStatus, Text
from orte.validation import check_place_references, parse_place_list, plausible_years, validate_places

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[2]

GOOD_PLACE = """- name: Altstadt
  slug: altstadt
  kind: Stadt
  lat: 50.2
  lon: 6.83
  website: https://altstadt.example
"""
DISTRICT = """- name: Nordteil
  slug: nordteil
  kind: Stadtteil
  part_of: Altstadt
"""
STATUS = """  status:
    stage: erste-schritte
    decided_by: Vorstand
    date: 2026-11
"""
SOURCE = """      source:
        publisher: Anzeiger
        title: Ein Artikel
        url: https://anzeiger.example/artikel
"""


def measure(**fields: str | None) -> str:
    """One measure of GOOD_PLACE, with a source unless `source` is given; a field given None is left out."""
    fields = {"type": "jugendforum", "actor": "ortsgemeinde", "title": "Forum", **fields}
    source = fields.pop("source", SOURCE)
    lines = [f"      {key}: {value}" for key, value in fields.items() if value is not None]
    lines[0] = "    - " + lines[0].lstrip()
    return "  measures:\n" + "\n".join(lines) + "\n" + source


def validate(tmp_path: Path, text: str):
    path = tmp_path / "orte.yaml"
    path.write_text(text, encoding="utf-8")
    data, problems = load_located_yaml(path)
    assert problems == [], problems
    return validate_places(data, path, LANGUAGES)


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
    assert [measure.type for measure in by_slug["ueberdorf"].measures] == [
        "spielgruppe",
        "dorfwerkstatt",
        "sonstiges",
    ]
    assert by_slug["nordteil"].measures[0].title == "Dorfwerkstatt: Ideen sammeln"
    assert by_slug["nordteil"].measures[0].date == PartialDate(2024, approximate=True)
    assert by_slug["nordteil"].status == RecordedStatus(
        "erste-schritte", "Vorstand", PartialDate(2026, 11, 5)
    )
    assert by_slug["udenheim"].status is None  # unknown unless recorded
    youth_forum = by_slug["altstadt"].measures[1]
    assert youth_forum.date == PartialDate(2023, 3, 7)
    assert [source.date for source in youth_forum.sources] == [PartialDate(2023, 3, 8), PartialDate(2023, 3)]
    assert youth_forum.translations == (
        ("en", Text("Youth forum in the town hall", "Young people plan their meeting place.")),
    )
    assert youth_forum.text_in("en") == youth_forum.translations[0][1]
    assert youth_forum.text_in("fr") is None


def test_the_real_data_file_is_valid():
    path = ROOT / "content" / "data" / "orte.yaml"
    data, problems = load_located_yaml(path)
    records, problems = validate_places(data, path, LANGUAGES)
    assert problems == []
    districts = [record for record in records if record.kind == "Stadtteil"]
    assert districts and all(record.part_of == "daun" for record in districts)
    # Places whose coordinates are not verified are left out, never guessed.
    assert {record.slug for record in records if record.coordinates is None} == {"waldkoenigen", "weiersbach"}
    # Every step has a source and an English title; a recorded status names who decided it.
    measures = [measure for record in records for measure in record.measures]
    assert all(measure.sources and measure.text_in("en") for measure in measures)
    assert all(record.status.decided_by and record.status.date for record in records if record.status)


def test_unknown_key_names_line_place_and_a_suggestion(tmp_path):
    problem = only_problem(tmp_path, GOOD_PLACE + "  stauts: auf-dem-weg\n")
    assert problem.line == 7
    assert (problem.code, problem.subject) == ("place-field-unknown", "Altstadt, Feld „stauts“")
    assert "„status“" in problem.message  # the suggestion


def test_missing_required_field_points_at_the_place(tmp_path):
    problem = only_problem(tmp_path, "\n" + GOOD_PLACE.replace("  kind: Stadt\n", ""))
    assert (problem.code, problem.line, problem.detail) == (
        "place-field-missing",
        2,
        "missing required field 'kind'",
    )


def test_duplicate_name_and_slug_name_the_first_line(tmp_path):
    _, problems = validate(tmp_path, GOOD_PLACE + GOOD_PLACE)
    assert sorted((problem.code, problem.line, problem.subject) for problem in problems) == [
        ("place-twice", 7, "Altstadt, Feld „name“"),
        ("place-twice", 7, "Altstadt, Feld „slug“"),
    ]
    assert all("Zeile 1" in problem.message for problem in problems)  # where the first one is


def test_duplicate_slug_with_different_names(tmp_path):
    problem = only_problem(tmp_path, GOOD_PLACE + GOOD_PLACE.replace("name: Altstadt", "name: Alt-Stadt"))
    assert (problem.code, problem.subject) == ("place-twice", "Alt-Stadt, Feld „slug“")


@pytest.mark.parametrize(("lat", "lon"), [("6.83", "50.2"), ("50.2", "9.61"), ("48.1", "6.83")])
def test_coordinates_outside_the_verbandsgemeinde(tmp_path, lat, lon):
    text = GOOD_PLACE.replace("lat: 50.2", f"lat: {lat}").replace("lon: 6.83", f"lon: {lon}")
    problem = only_problem(tmp_path, text)
    assert (problem.code, problem.line) == ("place-outside-area", 4)


def test_only_one_coordinate_is_an_error(tmp_path):
    problem = only_problem(tmp_path, GOOD_PLACE.replace("  lon: 6.83\n", ""))
    assert (problem.code, problem.detail) == ("place-coordinate-missing", "'lon' missing")


def test_a_recorded_status_is_read_with_who_decided_it_and_when(tmp_path):
    (record,), _ = validate(tmp_path, GOOD_PLACE + STATUS)
    assert record.status == RecordedStatus("erste-schritte", "Vorstand", PartialDate(2026, 11))


def test_a_place_without_status_has_an_unknown_status(tmp_path):
    (record,), _ = validate(tmp_path, GOOD_PLACE)
    assert record.status is None


def test_a_bare_stage_without_who_and_when_is_refused(tmp_path):
    problem = only_problem(tmp_path, GOOD_PLACE + "  status: noch-nicht-begonnen\n")
    assert problem.line == 7
    assert (problem.code, problem.subject) == ("place-field-not-a-mapping", "Altstadt, Feld „status“")


def test_unknown_stage_lists_the_allowed_stages(tmp_path):
    problem = only_problem(tmp_path, GOOD_PLACE + STATUS.replace("erste-schritte", "fertig"))
    assert problem.line == 8
    assert (problem.code, problem.subject) == ("place-value-unknown", "Altstadt, Stand, Feld „stage“")
    assert f"„{FIRST_STAGE}“" in problem.fix  # the allowed stages are listed


@pytest.mark.parametrize("missing", ["decided_by", "date"])
def test_a_status_needs_who_decided_it_and_when(tmp_path, missing):
    status = "".join(line + "\n" for line in STATUS.splitlines() if missing not in line)
    problem = only_problem(tmp_path, GOOD_PLACE + status)
    assert (problem.code, problem.detail) == ("place-field-missing", f"missing required field '{missing}'")
    assert problem.subject == "Altstadt, Stand"


def test_a_measure_without_source_names_file_line_place_and_how_to_fix(tmp_path):
    problem = only_problem(tmp_path, GOOD_PLACE + measure(source=""))
    assert problem.line == 8  # where the measure starts
    assert (problem.code, problem.subject) == ("measure-without-source", "Altstadt, Maßnahme 1")
    assert problem.render().startswith(f"{tmp_path / 'orte.yaml'}:8: ")


def test_a_measure_without_actor_stops_with_file_line_and_the_allowed_actors(tmp_path):
    problem = only_problem(tmp_path, GOOD_PLACE + measure(actor=None))
    assert (problem.code, problem.line) == ("actor-missing", 8)  # where the measure starts
    assert problem.subject == "Altstadt, Maßnahme 1"
    assert problem.render().startswith(f"{tmp_path / 'orte.yaml'}:8: ")
    assert "„pfarrei“" in problem.fix  # the allowed actors are listed


@pytest.mark.parametrize("written", ["pfarei", "[ortsgemeinde, pfarei]"])
def test_an_unknown_actor_stops_with_the_line_of_the_field_and_a_suggestion(tmp_path, written):
    problem = only_problem(tmp_path, GOOD_PLACE + measure(actor=written))
    assert (problem.code, problem.line) == ("actor-unknown", 9)
    assert problem.subject == "Altstadt, Maßnahme 1, Feld „actor“"
    assert "„pfarrei“" in problem.message  # the suggestion


def test_one_or_more_actors_are_kept_in_order_and_notes_are_kept_but_never_required(tmp_path):
    step = measure(actor="[schule, pfarrei]", note="Jahr erschlossen.")
    (record,), problems = validate(tmp_path, GOOD_PLACE + '  note: "Offen: wer?"\n' + step)
    assert problems == []
    assert record.note == "Offen: wer?"
    assert record.measures[0].actors == ("schule", "pfarrei")
    assert record.measures[0].note == "Jahr erschlossen."
    (plain,), _ = validate(tmp_path, GOOD_PLACE + measure())
    assert (plain.note, plain.measures[0].note, plain.measures[0].actors) == ("", "", ("ortsgemeinde",))


@pytest.mark.parametrize(
    ("source", "code", "line"),
    [
        (
            "      source:\n        publisher: Anzeiger\n        url: https://a.example/\n",
            "place-field-missing",
            12,
        ),
        ("      source:\n        title: T\n        url: https://a.example/\n", "place-field-missing", 12),
        ("      source:\n        publisher: P\n        title: T\n", "place-field-missing", 12),
        (
            "      source:\n        publisher: P\n        title: T\n        url: javascript:alert(1)\n",
            "place-link-not-http",
            14,
        ),
        (
            "      source:\n        publisher: P\n        title: T\n        url: file:///etc/passwd\n",
            "place-link-not-http",
            14,
        ),
        (
            "      source:\n        publisher: P\n        title: T\n        url: 'https://a.example/\"x'\n",
            "place-link-not-http",
            14,
        ),
        (
            "      source:\n        publisher: P\n        title: T\n"
            "        url: https://a.example/\n        datum: 2017\n",
            "place-field-unknown",
            15,
        ),
        ("      source: Volksfreund\n", "place-field-not-a-list", 11),
    ],
)
def test_source_mistakes(tmp_path, source, code, line):
    problem = only_problem(tmp_path, GOOD_PLACE + measure(source=source))
    assert (problem.code, problem.line) == (code, line)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2017-03-07", PartialDate(2017, 3, 7)),
        ("2017-03", PartialDate(2017, 3)),
        ("2017", PartialDate(2017)),
        ("um 2017", PartialDate(2017, approximate=True)),
    ],
)
def test_dates_as_precise_as_the_source(tmp_path, written, expected):
    (record,), _ = validate(tmp_path, GOOD_PLACE + measure(date=written))
    assert record.measures[0].date == expected


def test_a_measure_without_date_is_undated(tmp_path):
    (record,), _ = validate(tmp_path, GOOD_PLACE + measure())
    assert record.measures[0].date is None


@pytest.mark.parametrize(
    "date", ["1890", "24", "2017-13", "März 2017", "ca. 2017", "true", "2024.5", "2017-02-30"]
)
def test_implausible_dates(tmp_path, date):
    problem = only_problem(tmp_path, GOOD_PLACE + measure(date=date))
    assert (problem.code, problem.line) == ("place-date-invalid", 11)


def test_unknown_measure_type_and_bad_date_in_one_pass(tmp_path):
    records, problems = validate(tmp_path, GOOD_PLACE + measure(type="dorfwerkstat", date="20234"))
    assert [(problem.line, problem.subject) for problem in problems] == [
        (8, "Altstadt, Maßnahme 1, Feld „type“"),
        (11, "Altstadt, Maßnahme 1, Feld „date“"),
    ]
    assert [problem.code for problem in problems] == ["place-value-unknown", "place-date-invalid"]
    assert "„dorfwerkstatt“" in problems[0].message  # the suggestion
    assert records == []  # a place with a problem is never half-built


def test_next_year_is_plausible_for_a_planned_measure():
    years = plausible_years(dt.date(2026, 11, 25))
    assert 2027 in years and 2028 not in years and 1990 in years


def test_part_of_an_unknown_place(tmp_path):
    problem = only_problem(tmp_path, GOOD_PLACE + DISTRICT.replace("part_of: Altstadt", "part_of: Altstat"))
    assert (problem.code, problem.line) == ("place-part-of-unknown", 10)
    assert "„Altstadt“" in problem.message  # the suggestion


def test_a_district_needs_part_of(tmp_path):
    district = DISTRICT.replace("  part_of: Altstadt\n", "")
    assert only_problem(tmp_path, GOOD_PLACE + district).code == "place-part-of-missing"


def test_place_with_a_problem_still_counts_for_part_of(tmp_path):
    # The town's bad kind must not make its districts report "unknown place" as well.
    problem = only_problem(tmp_path, GOOD_PLACE.replace("kind: Stadt", "kind: Dorf") + DISTRICT)
    assert (problem.code, problem.subject) == ("place-value-unknown", "Altstadt, Feld „kind“")


@pytest.mark.parametrize(
    ("extra", "code", "line"),
    [
        ("  slug: Alt Stadt\n", "place-slug-form", 6),
        ("  population: 8.059\n  population_date: 2021-12-31\n", "place-population-not-a-number", 7),
        ("  population: 8059\n", "place-population-date-invalid", 1),
        ("  population_date: 2021-12-31\n", "place-population-missing", 7),
        ("  website: www.example.org\n", "place-link-not-http", 6),
        ("  website: javascript:alert(1)\n", "place-link-not-http", 6),
        ("  contact:\n    role: Ortsgemeinde\n    link: mailto:a@b.example\n", "place-link-not-http", 9),
        ("  contact:\n    role: Ortsgemeinde\n", "contact-unreachable", 8),
        ("  measures: Dorfwerkstatt\n", "place-field-not-a-list", 7),
        ("  name: Neustadt\n", "place-field-twice", 7),
    ],
)
def test_other_field_mistakes(tmp_path, extra, code, line):
    text = GOOD_PLACE.replace("  slug: altstadt\n", "") if "slug" in extra else GOOD_PLACE
    text = text.replace("  website: https://altstadt.example\n", "") if "website" in extra else text
    problem = only_problem(tmp_path, text + extra)
    assert (problem.code, problem.line) == (code, line)


def test_a_file_that_is_no_list_is_one_problem(tmp_path):
    _, [problem] = validate(tmp_path, "orte: keine\n")
    assert (problem.code, problem.line) == ("places-not-a-list", 1)


def test_a_place_of_itself_is_refused(tmp_path):
    problem = only_problem(
        tmp_path, GOOD_PLACE.replace("  kind: Stadt\n", "  kind: Stadt\n  part_of: Altstadt\n")
    )
    assert (problem.code, problem.line) == ("place-part-of-unknown", 4)


def test_a_part_of_cycle_is_one_problem_naming_the_places(tmp_path):
    town = GOOD_PLACE.replace("  kind: Stadt\n", "  kind: Stadt\n  part_of: Nordteil\n")
    records, problems = validate(tmp_path, town + DISTRICT)
    assert len(problems) == 1, [problem.render() for problem in problems]
    assert (problems[0].code, problems[0].line) == ("place-part-of-cycle", 4)
    assert "Altstadt → Nordteil → Altstadt" in problems[0].message  # the places of the cycle
    assert records == []


def test_a_longer_cycle_is_found_and_places_outside_it_are_kept(tmp_path):
    text = (
        GOOD_PLACE.replace("  kind: Stadt\n", "  kind: Stadt\n  part_of: Südteil\n")
        + DISTRICT
        + DISTRICT.replace("Nordteil", "Südteil")
        .replace("nordteil", "suedteil")
        .replace("Altstadt", "Nordteil")
        + "- name: Udenheim\n  slug: udenheim\n  kind: Ortsgemeinde\n"
    )
    records, problems = validate(tmp_path, text)
    assert ["Altstadt → Südteil → Nordteil → Altstadt" in problem.message for problem in problems] == [True]
    assert [record.slug for record in records] == ["udenheim"]


def test_all_problems_are_reported_together(tmp_path):
    text = (
        GOOD_PLACE.replace("Stadt\n", "Dorf\n")
        + GOOD_PLACE.replace("Altstadt", "Neustadt").replace("altstadt", "neustadt")
        + STATUS.replace("erste-schritte", "fertig")
    )
    _, problems = validate(tmp_path, text)
    assert [problem.line for problem in problems] == [3, 14]


def test_parse_place_list():
    assert parse_place_list("gillenfeld, mehren") == ("gillenfeld", "mehren")
    assert parse_place_list(["gillenfeld", " daun "]) == ("gillenfeld", "daun")
    assert parse_place_list("") == ()


def test_news_item_naming_an_unknown_place(tmp_path):
    news = tmp_path / "2024-05-01-meldung.md"
    news.write_text("Title: T\nLang: de\nOrte: gillenfeld, mehrn\n\nText.\n", encoding="utf-8")
    [problem] = check_place_references({str(news): "gillenfeld, mehrn"}, {"gillenfeld", "mehren"})
    assert (problem.code, problem.line) == ("news-place-unknown", 3)
    assert "„mehren“" in problem.message  # the suggestion
    assert problem.subject == "Feld „Orte“, Ort „mehrn“"


def test_a_place_written_as_its_name_gets_its_slug_as_the_fix(tmp_path):
    news = tmp_path / "2024-05-01-meldung.md"
    news.write_text("Title: T\nLang: de\nOrte: gillenfeld, Mehren, gilenfeld\n\nText.\n", encoding="utf-8")
    known = {"gillenfeld", "mehren"}
    problems = check_place_references({str(news): "gillenfeld, Mehren, gilenfeld"}, known)
    assert [problem.line for problem in problems] == [3, 3]
    assert "„mehren“ schreiben" in problems[0].fix
    assert "Meinten Sie „gillenfeld“?" in problems[1].message
    assert "content/data/orte.yaml" in problems[1].fix


TRANSLATED = (
    GOOD_PLACE
    + measure(description="Jugendliche planten einen Treffpunkt.")
    + (
        "      {key}:\n"
        "        title: Youth forum\n"
        "        description: Young people planned a meeting place.\n"
    )
)


def located(tmp_path: Path, text: str):
    """(data, path) of `text` written to a file in `tmp_path`."""
    path = tmp_path / "orte.yaml"
    path.write_text(text, encoding="utf-8")
    data, problems = load_located_yaml(path)
    assert problems == []
    return data, path


def test_a_translation_under_its_language_key_is_read(tmp_path):
    # The step's lines: 7 "measures:", 8-11 its fields, 12-15 its source, 16 "en:" with two texts.
    (record,), problems = validate_places(*located(tmp_path, TRANSLATED.format(key="en")), LANGUAGES)
    assert problems == []
    (step,) = record.measures
    assert step.text_in("en") == Text("Youth forum", "Young people planned a meeting place.")
    assert step.title == "Forum" and step.text_in("de") is None


@pytest.mark.parametrize(
    ("key", "code"),
    [
        ("fr", "place-text-language-unknown"),  # not in SITE_LANGUAGES
        ("einfach", "place-text-language-without-places"),  # own_texts_only: no place pages
        ("de", "place-text-main-language"),  # the main language's texts stand at the step itself
    ],
)
def test_texts_under_a_key_that_cannot_hold_them_are_refused_with_their_line(tmp_path, key, code):
    problem = only_problem(tmp_path, TRANSLATED.format(key=key))
    assert (problem.code, problem.line) == (code, 16)
    assert problem.subject == f"Altstadt, Maßnahme 1, Feld „{key}“"


def test_a_translation_needs_its_title(tmp_path):
    text = TRANSLATED.format(key="en").replace("        title: Youth forum\n", "")
    problem = only_problem(tmp_path, text)
    assert (problem.code, problem.line) == ("place-field-missing", 17)
    assert problem.subject == "Altstadt, Maßnahme 1, Texte „en“"


def test_an_unknown_field_in_a_translation_is_refused(tmp_path):
    text = TRANSLATED.format(key="en").replace("        title: Youth forum\n", "        titel: Youth forum\n")
    problems = validate(tmp_path, text)[1]
    assert [(found.code, found.line) for found in problems] == [
        ("place-field-unknown", 17),
        ("place-field-missing", 17),
    ]


def test_a_third_language_in_the_table_takes_its_texts_without_a_change_in_code(tmp_path):
    """A copy of the settings' table with French: `fr:` texts are valid, and read as French."""
    table = dict(pelicanconf.SITE_LANGUAGES)
    table["fr"] = {**table["en"], "suffix": ".fr", "locale": "fr", "html_lang": "fr", "hreflang": "fr"}
    table["fr"].update(catalogue="fr", search="fr", label="Français")
    text = TRANSLATED.format(key="fr").replace("Youth forum", "Forum des jeunes")
    (record,), problems = validate_places(*located(tmp_path, text), languages_of(table))
    assert problems == []
    assert record.measures[0].text_in("fr").title == "Forum des jeunes"
    assert record.measures[0].text_in("en") is None  # untranslated: the page shows the main text


def test_a_misspelt_field_holding_a_mapping_is_an_unknown_field_not_a_language(tmp_path):
    text = TRANSLATED.format(key="en").replace("      source:\n", "      sorce:\n")
    problems = validate(tmp_path, text)[1]
    assert [(found.code, found.line) for found in problems] == [
        ("place-field-unknown", 12),
        ("measure-without-source", 8),
    ]
