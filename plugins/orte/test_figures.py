from pathlib import Path

from orte.figures import CHART_BAR_MAX, bar_chart, compute_figures
from orte.loader import load_located_yaml
from orte.model import STAGES
from orte.validation import validate_places

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_records():
    path = FIXTURES / "orte.yaml"
    data, _ = load_located_yaml(path)
    records, problems = validate_places(data, path)
    assert problems == []
    return records


def test_figures_count_places_stages_and_measures():
    figures = compute_figures(fixture_records())
    assert figures.total == 6
    assert figures.by_kind == {"Stadt": 1, "Ortsgemeinde": 3, "Stadtteil": 2}
    assert figures.by_stage == {
        "noch-nicht-begonnen": 3,
        "erste-schritte": 1,
        "auf-dem-weg": 1,
        "sorgende-gemeinschaft": 1,
    }
    assert figures.measures_by_type["dorfwerkstatt"] == 2
    assert figures.measures_by_type["seniorenbeauftragte"] == 0
    assert figures.total_measures == 5


def test_bar_lengths_are_proportional_and_labelled_per_language():
    chart = bar_chart({"noch-nicht-begonnen": 4, "erste-schritte": 2, "auf-dem-weg": 0}, STAGES, "en")
    assert [row.bar_length for row in chart.rows] == [CHART_BAR_MAX, CHART_BAR_MAX / 2, 0]
    assert [row.label for row in chart.rows] == ["not yet started", "first steps", "on the way"]
    assert chart.total == 6
    assert chart.rows[1].bar_y > chart.rows[0].bar_y


def test_chart_without_any_count_draws_no_bars():
    chart = bar_chart({"noch-nicht-begonnen": 0}, STAGES, "de")
    assert chart.rows[0].bar_length == 0
