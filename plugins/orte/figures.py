"""Figures computed from the places' data, and the geometry of the bar charts that show them.

The site never states a count as a literal: "46 Orte" is `Figures.total`. Unknown is not zero:
stages are counted only where the association recorded one (`by_stage` has no zero rows), next
to how many places have no recorded status; measures are counted as documented steps, and a
type without any documented step is left out rather than shown as "0". Years are a time axis:
every year from the first to the last documented step has its row, a year without one shows 0
(what the sources report, not what happened; the page says so).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .model import KINDS, MEASURE_TYPES, STAGES, UNDATED, PlaceRecord, Term, Terms


@dataclass(frozen=True)
class Figures:
    total: int
    by_kind: dict[str, int]  # in the order of KINDS, zeros included
    by_stage: dict[str, int]  # recorded stages only, in the order of STAGES, no zeros
    recorded_status: int  # places whose status the association recorded
    unrecorded_status: int  # places whose status nobody recorded
    measures_by_type: dict[str, int]  # documented steps per type, in the order of MEASURE_TYPES, no zeros
    measures_by_year: dict[str, int]  # documented steps per year ("um 2017" counts to 2017), oldest first,
    # every year from the first to the last (0 where none); steps without a date under UNDATED, last
    total_measures: int
    places_with_measures: int


def compute_figures(records: list[PlaceRecord]) -> Figures:
    """Count places per kind and recorded stage, and documented steps per type and year."""
    measures = [measure for record in records for measure in record.measures]
    types = Counter(measure.type for measure in measures)
    years = Counter(measure.year for measure in measures if measure.date)
    timeline = {str(year): years[year] for year in range(min(years), max(years) + 1)} if years else {}
    undated = sum(1 for measure in measures if measure.date is None)
    kinds = Counter(record.kind for record in records)
    stages = Counter(record.status.stage for record in records if record.status)
    recorded = sum(stages.values())
    return Figures(
        total=len(records),
        by_kind={key: kinds[key] for key in KINDS},
        by_stage={key: stages[key] for key in STAGES if stages[key]},
        recorded_status=recorded,
        unrecorded_status=len(records) - recorded,
        measures_by_type={key: types[key] for key in MEASURE_TYPES if types[key]},
        measures_by_year={**timeline, **({UNDATED: undated} if undated else {})},
        total_measures=len(measures),
        places_with_measures=sum(1 for record in records if record.measures),
    )


# Chart geometry in SVG user units. Labels sit above their bars so long German
# labels ("generationenübergreifende Spielgruppe") never collide with the bars.
CHART_WIDTH = 640
CHART_BAR_MAX = 560  # leaves room for the count after the longest bar
CHART_ROW = 64
CHART_LABEL_BASELINE = 22
CHART_BAR_OFFSET = 32
CHART_BAR_HEIGHT = 22


# The year chart: short labels ("2017", "ohne Datum") beside their bars, one slim row per year,
# so a continuous axis of twenty years stays about as tall as the other charts.
YEAR_LABEL_WIDTH = 124  # "ohne Datum" at 18 units is about 100 wide
YEAR_ROW = 34


@dataclass(frozen=True)
class ChartRow:
    key: str
    label: str
    count: int
    label_y: int
    bar_y: int
    bar_length: float
    value_x: float
    value_y: int
    bar_x: int = 0


@dataclass(frozen=True)
class BarChart:
    rows: tuple[ChartRow, ...]
    width: int
    height: int
    bar_height: int
    total: int


def bar_chart(counts: dict[str, int], labels: dict[str, str], label_width: int = 0) -> BarChart:
    """Lay out one horizontal bar per entry of `counts`, longest bar = largest count.

    Labels sit above their bars; with `label_width` they sit beside them, in a column that wide.
    """
    largest = max(counts.values(), default=0)
    row_height = YEAR_ROW if label_width else CHART_ROW
    bar_offset = (row_height - CHART_BAR_HEIGHT) // 2 if label_width else CHART_BAR_OFFSET
    bar_max = CHART_BAR_MAX - label_width
    rows = []
    for index, (key, count) in enumerate(counts.items()):
        top = index * row_height
        length = round(bar_max * count / largest, 1) if largest else 0
        rows.append(
            ChartRow(
                key=key,
                label=labels[key],
                count=count,
                label_y=top + (bar_offset + CHART_BAR_HEIGHT - 5 if label_width else CHART_LABEL_BASELINE),
                bar_y=top + bar_offset,
                bar_length=length,
                value_x=label_width + length + 8,
                value_y=top + bar_offset + CHART_BAR_HEIGHT - 5,
                bar_x=label_width,
            )
        )
    return BarChart(
        rows=tuple(rows),
        width=CHART_WIDTH,
        height=len(rows) * row_height,
        bar_height=CHART_BAR_HEIGHT,
        total=sum(counts.values()),
    )


def labels_of(vocabulary: dict[str, Term], lang: str) -> dict[str, str]:
    return {key: term.label(lang) for key, term in vocabulary.items()}


def charts_for(figures: Figures, lang: str, terms: Terms) -> dict[str, BarChart]:
    """The charts of the overview page, labelled in `lang` with the names of `terms`."""
    year_labels = {key: key for key in figures.measures_by_year} | {
        UNDATED: terms.label("overview", UNDATED, lang)
    }
    return {
        "stages": bar_chart(figures.by_stage, labels_of(terms["stages"], lang)),
        "measures": bar_chart(figures.measures_by_type, labels_of(terms["measure_types"], lang)),
        "years": bar_chart(figures.measures_by_year, year_labels, label_width=YEAR_LABEL_WIDTH),
    }
