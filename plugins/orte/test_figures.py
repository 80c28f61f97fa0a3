from dataclasses import replace
from pathlib import Path

from bfb_yaml.loader import load_located_yaml

from orte.conftest import LANGUAGES, site_terms
from orte.figures import (
    CHART_BAR_MAX,
    YEAR_LABEL_WIDTH,
    YEAR_ROW,
    bar_chart,
    charts_for,
    compute_figures,
    labels_of,
)
from orte.validation import validate_places

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_records():
    path = FIXTURES / "orte.yaml"
    data, _ = load_located_yaml(path)
    records, problems = validate_places(data, path, LANGUAGES)
    assert problems == []
    return records


def test_figures_count_places_recorded_stages_and_documented_steps():
    figures = compute_figures(fixture_records())
    assert figures.total == 6
    assert figures.by_kind == {"Stadt": 1, "Ortsgemeinde": 3, "Stadtteil": 2}
    # Only recorded stages are counted; no stage is "0" because nobody recorded it.
    assert figures.by_stage == {"erste-schritte": 1, "auf-dem-weg": 1, "sorgende-gemeinschaft": 1}
    assert (figures.recorded_status, figures.unrecorded_status) == (3, 3)
    assert figures.measures_by_type["dorfwerkstatt"] == 2
    assert "seniorenbeauftragte" not in figures.measures_by_type
    # A continuous time axis: 2021 and 2022 have no documented step and show 0.
    assert figures.measures_by_year == {
        "2018": 1,
        "2019": 1,
        "2020": 1,
        "2021": 0,
        "2022": 0,
        "2023": 1,
        "2024": 1,
        "ohne-datum": 1,
    }
    assert figures.total_measures == 6
    assert figures.places_with_measures == 3


def test_figures_of_places_nobody_has_assessed_count_them_as_unrecorded():
    records = [replace(record, status=None, measures=()) for record in fixture_records()]
    figures = compute_figures(records)
    assert figures.by_stage == {} and figures.measures_by_type == {} and figures.measures_by_year == {}
    assert (figures.recorded_status, figures.unrecorded_status) == (0, 6)


def test_bar_lengths_are_proportional_and_labelled_per_language():
    chart = bar_chart(
        {"noch-nicht-begonnen": 4, "erste-schritte": 2, "auf-dem-weg": 0},
        labels_of(site_terms()["stages"], "en"),
    )
    assert [row.bar_length for row in chart.rows] == [CHART_BAR_MAX, CHART_BAR_MAX / 2, 0]
    assert [row.label for row in chart.rows] == ["not yet started", "first steps", "on the way"]
    assert chart.total == 6
    assert chart.rows[1].bar_y > chart.rows[0].bar_y


def test_year_chart_is_labelled_with_years_and_undated_steps_last():
    chart = charts_for(compute_figures(fixture_records()), "en", site_terms())["years"]
    assert [row.label for row in chart.rows] == [
        "2018",
        "2019",
        "2020",
        "2021",
        "2022",
        "2023",
        "2024",
        "no date",
    ]


def test_year_labels_sit_beside_their_bars_in_slim_rows():
    chart = charts_for(compute_figures(fixture_records()), "de", site_terms())["years"]
    assert all(row.bar_x == YEAR_LABEL_WIDTH for row in chart.rows)
    assert chart.height == len(chart.rows) * YEAR_ROW
    longest = max(chart.rows, key=lambda row: row.count)
    assert longest.value_x == YEAR_LABEL_WIDTH + CHART_BAR_MAX - YEAR_LABEL_WIDTH + 8  # fits the width
    assert [row.label_y > row.bar_y for row in chart.rows] == [True] * len(chart.rows)  # same row
