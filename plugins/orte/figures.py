"""Figures computed from the places' data, and the geometry of the bar charts that show them.

The site never states a count as a literal: "46 Orte" is `Figures.total`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .model import KINDS, MEASURE_TYPES, STAGES, PlaceRecord, Term


@dataclass(frozen=True)
class Figures:
    total: int
    by_kind: dict[str, int]  # in the order of KINDS, zeros included
    by_stage: dict[str, int]  # in the order of STAGES, zeros included
    measures_by_type: dict[str, int]  # in the order of MEASURE_TYPES, zeros included
    total_measures: int


def compute_figures(records: list[PlaceRecord]) -> Figures:
    """Count places per kind and stage, and measures per type."""
    measures = Counter(measure.type for record in records for measure in record.measures)
    kinds = Counter(record.kind for record in records)
    stages = Counter(record.status for record in records)
    return Figures(
        total=len(records),
        by_kind={key: kinds[key] for key in KINDS},
        by_stage={key: stages[key] for key in STAGES},
        measures_by_type={key: measures[key] for key in MEASURE_TYPES},
        total_measures=sum(measures.values()),
    )


# Chart geometry in SVG user units. Labels sit above their bars so long German
# labels ("generationenübergreifende Spielgruppe") never collide with the bars.
CHART_WIDTH = 640
CHART_BAR_MAX = 560  # leaves room for the count after the longest bar
CHART_ROW = 64
CHART_LABEL_BASELINE = 22
CHART_BAR_OFFSET = 32
CHART_BAR_HEIGHT = 22


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


@dataclass(frozen=True)
class BarChart:
    rows: tuple[ChartRow, ...]
    width: int
    height: int
    bar_height: int
    total: int


def bar_chart(counts: dict[str, int], vocabulary: dict[str, Term], lang: str) -> BarChart:
    """Lay out one horizontal bar per vocabulary entry, longest bar = largest count."""
    largest = max(counts.values(), default=0)
    rows = []
    for index, (key, count) in enumerate(counts.items()):
        top = index * CHART_ROW
        length = round(CHART_BAR_MAX * count / largest, 1) if largest else 0
        rows.append(
            ChartRow(
                key=key,
                label=vocabulary[key].label(lang),
                count=count,
                label_y=top + CHART_LABEL_BASELINE,
                bar_y=top + CHART_BAR_OFFSET,
                bar_length=length,
                value_x=length + 8,
                value_y=top + CHART_BAR_OFFSET + CHART_BAR_HEIGHT - 5,
            )
        )
    return BarChart(
        rows=tuple(rows),
        width=CHART_WIDTH,
        height=len(rows) * CHART_ROW,
        bar_height=CHART_BAR_HEIGHT,
        total=sum(counts.values()),
    )


def charts_for(figures: Figures, lang: str) -> dict[str, BarChart]:
    """The two charts of the overview page, labelled in `lang`."""
    return {
        "stages": bar_chart(figures.by_stage, STAGES, lang),
        "measures": bar_chart(figures.measures_by_type, MEASURE_TYPES, lang),
    }
